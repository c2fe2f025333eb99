//! Kafka's DefaultMessageFormatter, byte for byte, and kt's JSON envelope.

use std::collections::HashMap;
use std::io::{self, Write};

use kt_core::ffi::LeaderEpoch;
use kt_core::KtError;
use rdkafka::message::{Headers, Message, Timestamp};

use super::envelope::{bytes_to_json, Envelope, HeaderJson};

/// The formatter classes kt has built in, by every name Kafka used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatterKind {
    Default,
    /// Prints nothing (Kafka's NoOpMessageFormatter).
    NoOp,
    /// Kafka's LoggingMessageFormatter: the default output, also logged.
    Logging,
}

impl FormatterKind {
    /// The kind for a `--formatter` class name, and a deprecation warning to
    /// print, as Kafka 3.8-3.9 do for the old package.
    pub fn from_class(class: Option<&str>) -> Result<(FormatterKind, Option<String>), KtError> {
        let Some(class) = class else {
            return Ok((FormatterKind::Default, None));
        };
        let short = class.rsplit('.').next().unwrap_or(class);
        let kind = match short {
            "DefaultMessageFormatter" => FormatterKind::Default,
            "NoOpMessageFormatter" => FormatterKind::NoOp,
            "LoggingMessageFormatter" => FormatterKind::Logging,
            _ => {
                return Err(KtError::usage(format!(
                    "kt has only Kafka's DefaultMessageFormatter, NoOpMessageFormatter and LoggingMessageFormatter; '{class}' is not available"
                )))
            }
        };
        let warning = class.starts_with("kafka.tools.").then(|| {
            format!(
                "WARNING: {class} is deprecated and will be removed in the next major release. Please use org.apache.kafka.tools.consumer.{short} instead"
            )
        });
        Ok((kind, warning))
    }
}

/// How a deserializer class turns bytes into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Deserializer {
    /// No deserializer, or ByteArray: the bytes as they are (Java would print `[B@...`).
    Raw,
    Str,
    Long,
    Integer,
    Short,
    Double,
    Float,
    Uuid,
}

impl Deserializer {
    fn from_class(class: Option<&String>) -> Result<Deserializer, KtError> {
        let Some(class) = class else {
            return Ok(Deserializer::Raw);
        };
        Ok(match class.rsplit('.').next().unwrap_or(class) {
            "ByteArrayDeserializer" | "BytesDeserializer" | "ByteBufferDeserializer" => Deserializer::Raw,
            "StringDeserializer" => Deserializer::Str,
            "LongDeserializer" => Deserializer::Long,
            "IntegerDeserializer" => Deserializer::Integer,
            "ShortDeserializer" => Deserializer::Short,
            "DoubleDeserializer" => Deserializer::Double,
            "FloatDeserializer" => Deserializer::Float,
            "UUIDDeserializer" => Deserializer::Uuid,
            other => {
                return Err(KtError::usage(format!(
                    "deserializer '{other}' is not built into kt; use String, Long, Integer, Short, Double, Float, UUID or ByteArray"
                )))
            }
        })
    }

    fn write(self, out: &mut dyn Write, bytes: &[u8]) -> Result<(), FormatError> {
        let sized = |n: usize, name: &str| -> Result<(), FormatError> {
            if bytes.len() != n {
                return Err(FormatError::Data(format!(
                    "Size of data received by {name}Deserializer is not {n}"
                )));
            }
            Ok(())
        };
        match self {
            Deserializer::Raw | Deserializer::Str | Deserializer::Uuid => out.write_all(bytes)?,
            Deserializer::Long => {
                sized(8, "Long")?;
                write!(
                    out,
                    "{}",
                    i64::from_be_bytes(bytes.try_into().unwrap_or_default())
                )?
            }
            Deserializer::Integer => {
                sized(4, "Integer")?;
                write!(
                    out,
                    "{}",
                    i32::from_be_bytes(bytes.try_into().unwrap_or_default())
                )?
            }
            Deserializer::Short => {
                sized(2, "Short")?;
                write!(
                    out,
                    "{}",
                    i16::from_be_bytes(bytes.try_into().unwrap_or_default())
                )?
            }
            Deserializer::Double => {
                sized(8, "Double")?;
                write!(
                    out,
                    "{:?}",
                    f64::from_be_bytes(bytes.try_into().unwrap_or_default())
                )?
            }
            Deserializer::Float => {
                sized(4, "Float")?;
                write!(
                    out,
                    "{:?}",
                    f32::from_be_bytes(bytes.try_into().unwrap_or_default())
                )?
            }
        }
        Ok(())
    }
}

/// Why a record could not be written.
#[derive(Debug)]
pub enum FormatError {
    /// The reader went away or the disk is full: stop.
    Io(io::Error),
    /// The record's bytes do not fit the deserializer: skip or stop.
    Data(String),
}

impl From<io::Error> for FormatError {
    fn from(e: io::Error) -> Self {
        FormatError::Io(e)
    }
}

/// DefaultMessageFormatter's settings.
#[derive(Debug)]
pub struct DefaultFormatter {
    print_timestamp: bool,
    print_partition: bool,
    print_offset: bool,
    print_delivery: bool,
    print_epoch: bool,
    print_headers: bool,
    print_key: bool,
    print_value: bool,
    key_separator: Vec<u8>,
    line_separator: Vec<u8>,
    headers_separator: Vec<u8>,
    null_literal: Vec<u8>,
    key: Deserializer,
    value: Deserializer,
    header: Deserializer,
}

impl DefaultFormatter {
    pub fn new(props: &HashMap<String, String>) -> Result<DefaultFormatter, KtError> {
        let flag = |k: &str, default: bool| {
            props
                .get(k)
                .map_or(default, |v| v.trim().eq_ignore_ascii_case("true"))
        };
        let text = |k: &str, default: &str| {
            props
                .get(k)
                .map_or(default, String::as_str)
                .as_bytes()
                .to_vec()
        };
        Ok(DefaultFormatter {
            print_timestamp: flag("print.timestamp", false),
            print_partition: flag("print.partition", false),
            print_offset: flag("print.offset", false),
            print_delivery: flag("print.delivery", false),
            print_epoch: flag("print.epoch", false),
            print_headers: flag("print.headers", false),
            print_key: flag("print.key", false),
            print_value: flag("print.value", true),
            key_separator: text("key.separator", "\t"),
            line_separator: text("line.separator", "\n"),
            headers_separator: text("headers.separator", ","),
            null_literal: text("null.literal", "null"),
            key: Deserializer::from_class(props.get("key.deserializer"))?,
            value: Deserializer::from_class(props.get("value.deserializer"))?,
            header: Deserializer::from_class(props.get("headers.deserializer"))?,
        })
    }

    /// Writes one record. Field order and separators follow Kafka: after a
    /// field, key.separator if a later field is on, else line.separator.
    pub fn write<M: Message + LeaderEpoch>(
        &self,
        out: &mut dyn Write,
        msg: &M,
    ) -> Result<(), FormatError> {
        let later = [
            self.print_partition,
            self.print_offset,
            self.print_delivery,
            self.print_epoch,
            self.print_headers,
            self.print_key,
            self.print_value,
        ];
        let sep = |out: &mut dyn Write, from: usize| -> io::Result<()> {
            if later[from..].iter().any(|on| *on) {
                out.write_all(&self.key_separator)
            } else {
                out.write_all(&self.line_separator)
            }
        };
        if self.print_timestamp {
            match msg.timestamp() {
                Timestamp::CreateTime(ms) => write!(out, "CreateTime:{ms}")?,
                Timestamp::LogAppendTime(ms) => write!(out, "LogAppendTime:{ms}")?,
                Timestamp::NotAvailable => out.write_all(b"NO_TIMESTAMP")?,
            }
            sep(out, 0)?;
        }
        if self.print_partition {
            write!(out, "Partition:{}", msg.partition())?;
            sep(out, 1)?;
        }
        if self.print_offset {
            write!(out, "Offset:{}", msg.offset())?;
            sep(out, 2)?;
        }
        if self.print_delivery {
            // librdkafka does not expose the delivery count (KIP-848 share groups).
            out.write_all(b"Delivery:NOT_PRESENT")?;
            sep(out, 3)?;
        }
        if self.print_epoch {
            match msg.leader_epoch() {
                Some(epoch) => write!(out, "Epoch:{epoch}")?,
                None => out.write_all(b"Epoch:NOT_PRESENT")?,
            }
            sep(out, 4)?;
        }
        if self.print_headers {
            match msg.headers().filter(|h| h.count() > 0) {
                None => out.write_all(b"NO_HEADERS")?,
                Some(headers) => {
                    for (i, h) in headers.iter().enumerate() {
                        if i > 0 {
                            out.write_all(&self.headers_separator)?;
                        }
                        write!(out, "{}:", h.key)?;
                        match h.value {
                            Some(v) => self.header.write(out, v)?,
                            None => out.write_all(&self.null_literal)?,
                        }
                    }
                }
            }
            sep(out, 5)?;
        }
        if self.print_key {
            match msg.key() {
                Some(k) => self.key.write(out, k)?,
                None => out.write_all(&self.null_literal)?,
            }
            sep(out, 6)?;
        }
        if self.print_value {
            match msg.payload() {
                Some(v) => self.value.write(out, v)?,
                None => out.write_all(&self.null_literal)?,
            }
            out.write_all(&self.line_separator)?;
        }
        Ok(())
    }
}

/// One JSON envelope per line.
pub fn write_json<M: Message>(out: &mut dyn Write, msg: &M) -> io::Result<()> {
    let (timestamp, timestamp_type) = match msg.timestamp() {
        Timestamp::CreateTime(ms) => (Some(ms), Some("CreateTime")),
        Timestamp::LogAppendTime(ms) => (Some(ms), Some("LogAppendTime")),
        Timestamp::NotAvailable => (None, None),
    };
    let headers = msg
        .headers()
        .map(|hs| {
            hs.iter()
                .map(|h| HeaderJson {
                    key: h.key.to_string(),
                    value: bytes_to_json(h.value),
                })
                .collect()
        })
        .unwrap_or_default();
    let envelope = Envelope {
        topic: Some(msg.topic().to_string()),
        partition: Some(msg.partition()),
        offset: Some(msg.offset()),
        timestamp,
        timestamp_type: timestamp_type.map(str::to_string),
        key: bytes_to_json(msg.key()),
        value: bytes_to_json(msg.payload()),
        headers,
    };
    serde_json::to_writer(&mut *out, &envelope)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatter_classes() {
        assert_eq!(
            FormatterKind::from_class(None).unwrap().0,
            FormatterKind::Default
        );
        let (kind, warning) =
            FormatterKind::from_class(Some("kafka.tools.DefaultMessageFormatter")).unwrap();
        assert_eq!(kind, FormatterKind::Default);
        assert_eq!(
            warning.unwrap(),
            "WARNING: kafka.tools.DefaultMessageFormatter is deprecated and will be removed in the next major release. Please use org.apache.kafka.tools.consumer.DefaultMessageFormatter instead"
        );
        assert!(FormatterKind::from_class(Some("com.example.Mine")).is_err());
    }

    #[test]
    fn deserializers_decode_big_endian_and_check_sizes() {
        let mut out = Vec::new();
        Deserializer::Long
            .write(&mut out, &42i64.to_be_bytes())
            .unwrap();
        out.push(b' ');
        Deserializer::Integer
            .write(&mut out, &(-7i32).to_be_bytes())
            .unwrap();
        out.push(b' ');
        Deserializer::Double
            .write(&mut out, &1.5f64.to_be_bytes())
            .unwrap();
        assert_eq!(out, b"42 -7 1.5");
        assert!(matches!(
            Deserializer::Long.write(&mut Vec::new(), b"abc"),
            Err(FormatError::Data(_))
        ));
    }
}
