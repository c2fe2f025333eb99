//! `kt consume -f FORMAT`: kcat's output format tokens, binary-safe, with
//! rpk-style encodings for keys and values (`%v{hex}`, `%k{base64}`,
//! `%v{json}`).

use std::io::{self, Write};

use base64::Engine as _;
use kt_core::KtError;
use rdkafka::message::{Headers, Message};

use super::envelope::bytes_to_json;

/// How a key or value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    /// The bytes as they are.
    Raw,
    Hex,
    Base64,
    /// kt's envelope form: a JSON string for UTF-8, `{"base64":…}` otherwise, `null`.
    Json,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Literal(Vec<u8>),
    Topic,
    Partition,
    Offset,
    Timestamp,
    Key(Encoding),
    KeyLength,
    Value(Encoding),
    ValueLength,
    /// The value's length as a 32-bit big-endian integer (kcat's `%R`).
    ValueLengthBinary,
    Headers,
}

/// A parsed `--format` string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Format(Vec<Token>);

const HELP: &str =
    "tokens: %t topic, %p partition, %o offset, %T timestamp, %k key, %K key length, \
    %s or %v value, %S value length, %R value length (4 bytes), %h headers, %% a percent sign; \
    %k and %v take {hex}, {base64} or {json}; escapes \\n \\r \\t \\\\ \\xHH";

impl Format {
    pub fn parse(text: &str) -> Result<Format, KtError> {
        let bad = |why: String| KtError::usage(format!("--format '{text}': {why}; {HELP}"));
        let mut tokens = Vec::new();
        let mut literal = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => {
                    let (byte, used) = match bytes.get(i + 1) {
                        Some(b'n') => (b'\n', 2),
                        Some(b'r') => (b'\r', 2),
                        Some(b't') => (b'\t', 2),
                        Some(b'\\') => (b'\\', 2),
                        Some(b'x') => {
                            let hex = text.get(i + 2..i + 4).unwrap_or("");
                            let byte = u8::from_str_radix(hex, 16)
                                .map_err(|_| bad(format!("\\x needs two hex digits at {i}")))?;
                            (byte, 4)
                        }
                        _ => (b'\\', 1),
                    };
                    literal.push(byte);
                    i += used;
                }
                b'%' => {
                    let Some(&letter) = bytes.get(i + 1) else {
                        return Err(bad("a lone % at the end".to_string()));
                    };
                    i += 2;
                    if letter == b'%' {
                        literal.push(b'%');
                        continue;
                    }
                    let mut encoding = Encoding::Raw;
                    if matches!(letter, b'k' | b'v' | b's') && bytes.get(i) == Some(&b'{') {
                        let end = text[i..]
                            .find('}')
                            .ok_or_else(|| bad("an unclosed {".to_string()))?;
                        encoding = match &text[i + 1..i + end] {
                            "hex" => Encoding::Hex,
                            "base64" => Encoding::Base64,
                            "json" => Encoding::Json,
                            other => return Err(bad(format!("unknown encoding {{{other}}}"))),
                        };
                        i += end + 1;
                    }
                    let token = match letter {
                        b't' => Token::Topic,
                        b'p' => Token::Partition,
                        b'o' => Token::Offset,
                        b'T' => Token::Timestamp,
                        b'k' => Token::Key(encoding),
                        b'K' => Token::KeyLength,
                        b's' | b'v' => Token::Value(encoding),
                        b'S' => Token::ValueLength,
                        b'R' => Token::ValueLengthBinary,
                        b'h' => Token::Headers,
                        other => return Err(bad(format!("unknown token %{}", char::from(other)))),
                    };
                    if !literal.is_empty() {
                        tokens.push(Token::Literal(std::mem::take(&mut literal)));
                    }
                    tokens.push(token);
                }
                byte => {
                    literal.push(byte);
                    i += 1;
                }
            }
        }
        if !literal.is_empty() {
            tokens.push(Token::Literal(literal));
        }
        Ok(Format(tokens))
    }

    pub fn write<M: Message>(&self, out: &mut dyn Write, msg: &M) -> io::Result<()> {
        let length = |b: Option<&[u8]>| b.map_or(-1, |b| b.len() as i64);
        for token in &self.0 {
            match token {
                Token::Literal(bytes) => out.write_all(bytes)?,
                Token::Topic => out.write_all(msg.topic().as_bytes())?,
                Token::Partition => write!(out, "{}", msg.partition())?,
                Token::Offset => write!(out, "{}", msg.offset())?,
                Token::Timestamp => write!(out, "{}", msg.timestamp().to_millis().unwrap_or(-1))?,
                Token::Key(e) => encode(out, msg.key(), *e)?,
                Token::KeyLength => write!(out, "{}", length(msg.key()))?,
                Token::Value(e) => encode(out, msg.payload(), *e)?,
                Token::ValueLength => write!(out, "{}", length(msg.payload()))?,
                Token::ValueLengthBinary => {
                    let n = i32::try_from(length(msg.payload())).unwrap_or(i32::MAX);
                    out.write_all(&n.to_be_bytes())?
                }
                Token::Headers => {
                    // kcat's form: k=v pairs joined by commas.
                    if let Some(headers) = msg.headers() {
                        for (n, h) in headers.iter().enumerate() {
                            if n > 0 {
                                out.write_all(b",")?;
                            }
                            out.write_all(h.key.as_bytes())?;
                            out.write_all(b"=")?;
                            out.write_all(h.value.unwrap_or_default())?;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// A key or value in `encoding`; a null one is empty (as kcat prints it),
/// or `null` in JSON.
fn encode(out: &mut dyn Write, bytes: Option<&[u8]>, encoding: Encoding) -> io::Result<()> {
    match (encoding, bytes) {
        (Encoding::Json, b) => {
            serde_json::to_writer(&mut *out, &bytes_to_json(b)).map_err(io::Error::other)
        }
        (_, None) => Ok(()),
        (Encoding::Raw, Some(b)) => out.write_all(b),
        (Encoding::Hex, Some(b)) => {
            for byte in b {
                write!(out, "{byte:02x}")?;
            }
            Ok(())
        }
        (Encoding::Base64, Some(b)) => out.write_all(
            base64::engine::general_purpose::STANDARD
                .encode(b)
                .as_bytes(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_escapes_and_encodings() {
        let f = Format::parse("%t/%p@%o %k{hex}=%v{base64}\\t%%\\x41\\n").unwrap();
        assert_eq!(
            f.0,
            vec![
                Token::Topic,
                Token::Literal(b"/".to_vec()),
                Token::Partition,
                Token::Literal(b"@".to_vec()),
                Token::Offset,
                Token::Literal(b" ".to_vec()),
                Token::Key(Encoding::Hex),
                Token::Literal(b"=".to_vec()),
                Token::Value(Encoding::Base64),
                Token::Literal(b"\t%A\n".to_vec()),
            ]
        );
    }

    #[test]
    fn bad_formats_say_which_part_is_wrong() {
        for (text, why) in [
            ("%q", "unknown token %q"),
            ("%v{yaml}", "unknown encoding {yaml}"),
            ("%v{hex", "an unclosed {"),
            ("%", "a lone % at the end"),
            ("\\xZZ", "\\x needs two hex digits at 0"),
        ] {
            let e = Format::parse(text).unwrap_err();
            assert!(
                e.message
                    .starts_with(&format!("--format '{text}': {why}; tokens:")),
                "{}",
                e.message
            );
        }
    }
}
