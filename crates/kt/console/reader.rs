//! Kafka's LineMessageReader, on bytes: lines become records.
//!
//! Kafka decodes input as UTF-8 and replaces bad bytes; kt keeps every byte
//! except the line terminator, so binary values pass through unchanged.

use std::collections::HashMap;

use kt_core::KtError;
use regex::bytes::Regex;

/// A header as parsed: its key and its value (None for the null marker).
pub type ParsedHeader<'a> = (String, Option<&'a [u8]>);

/// One parsed record, borrowing from the line where it can.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Record<'a> {
    pub key: Option<&'a [u8]>,
    pub value: Option<&'a [u8]>,
    pub headers: Vec<ParsedHeader<'a>>,
}

/// LineMessageReader's settings (its `--property` keys).
#[derive(Debug)]
pub struct LineReader {
    parse_key: bool,
    key_separator: Vec<u8>,
    parse_headers: bool,
    headers_delimiter: Vec<u8>,
    headers_separator: Regex,
    headers_key_separator: Vec<u8>,
    null_marker: Option<Vec<u8>>,
    ignore_error: bool,
}

impl LineReader {
    /// Builds the reader from its properties, with Kafka's defaults and checks.
    pub fn new(props: &HashMap<String, String>) -> Result<LineReader, KtError> {
        let get =
            |k: &str, default: &str| props.get(k).cloned().unwrap_or_else(|| default.to_string());
        let flag = |k: &str| {
            props
                .get(k)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        };
        let key_separator = get("key.separator", "\t");
        let headers_delimiter = get("headers.delimiter", "\t");
        let headers_separator = get("headers.separator", ",");
        let headers_key_separator = get("headers.key.separator", ":");
        let null_marker = props.get("null.marker").cloned();
        let parse_headers = flag("parse.headers");
        let distinct = |a: (&str, &str), b: (&str, &str)| -> Result<(), KtError> {
            if a.1 == b.1 {
                return Err(KtError::config(format!(
                    "{} and {} may not be equal",
                    a.0, b.0
                )));
            }
            Ok(())
        };
        if parse_headers {
            distinct(
                ("headers.delimiter", &headers_delimiter),
                ("headers.separator", &headers_separator),
            )?;
            distinct(
                ("headers.delimiter", &headers_delimiter),
                ("headers.key.separator", &headers_key_separator),
            )?;
            distinct(
                ("headers.separator", &headers_separator),
                ("headers.key.separator", &headers_key_separator),
            )?;
        }
        if let Some(marker) = &null_marker {
            for (name, value) in [
                ("key.separator", &key_separator),
                ("headers.separator", &headers_separator),
                ("headers.delimiter", &headers_delimiter),
                ("headers.key.separator", &headers_key_separator),
            ] {
                distinct(("null.marker", marker), (name, value))?;
            }
        }
        let headers_separator = Regex::new(&headers_separator).map_err(|_| {
            KtError::config(format!(
                "headers.separator '{headers_separator}' is not a valid regular expression"
            ))
        })?;
        Ok(LineReader {
            parse_key: flag("parse.key"),
            key_separator: key_separator.into_bytes(),
            parse_headers,
            headers_delimiter: headers_delimiter.into_bytes(),
            headers_separator,
            headers_key_separator: headers_key_separator.into_bytes(),
            null_marker: null_marker.map(String::into_bytes),
            ignore_error: flag("ignore.error"),
        })
    }

    /// Parses one line (without its terminator); `number` counts from 1.
    pub fn parse<'a>(&self, line: &'a [u8], number: u64) -> Result<Record<'a>, KtError> {
        // The common case, every line a value: nothing to look for.
        if !self.parse_headers && !self.parse_key && self.null_marker.is_none() {
            return Ok(Record {
                key: None,
                value: Some(line),
                headers: Vec::new(),
            });
        }
        let headers = self.part(
            self.parse_headers,
            line,
            0,
            &self.headers_delimiter,
            "headers delimiter",
            number,
        )?;
        let header_offset = headers.map_or(0, |h| h.len() + self.headers_delimiter.len());
        let key = self.part(
            self.parse_key,
            line,
            header_offset,
            &self.key_separator,
            "key separator",
            number,
        )?;
        let key_offset = key.map_or(0, |k| k.len() + self.key_separator.len());
        let value = &line[header_offset + key_offset..];
        let mut record = Record {
            key: key.filter(|k| !self.is_null(k)),
            value: Some(value).filter(|v| !self.is_null(v)),
            headers: Vec::new(),
        };
        if let Some(h) = headers.filter(|h| !self.is_null(h)) {
            record.headers = self.split_headers(h, number)?;
        }
        Ok(record)
    }

    fn is_null(&self, bytes: &[u8]) -> bool {
        self.null_marker.as_deref() == Some(bytes)
    }

    fn part<'a>(
        &self,
        enabled: bool,
        line: &'a [u8],
        start: usize,
        demarcation: &[u8],
        name: &str,
        number: u64,
    ) -> Result<Option<&'a [u8]>, KtError> {
        if !enabled {
            return Ok(None);
        }
        match find(&line[start..], demarcation) {
            Some(i) => Ok(Some(&line[start..start + i])),
            None if self.ignore_error => Ok(None),
            None => Err(KtError::config(format!(
                "No {name} found on line number {number}: '{}'",
                String::from_utf8_lossy(line)
            ))),
        }
    }

    fn split_headers<'a>(
        &self,
        text: &'a [u8],
        number: u64,
    ) -> Result<Vec<ParsedHeader<'a>>, KtError> {
        // Java's String.split: a regex, trailing empty strings dropped.
        let mut pairs: Vec<&[u8]> = self.headers_separator.split(text).collect();
        while pairs.len() > 1 && pairs.last().is_some_and(|p| p.is_empty()) {
            pairs.pop();
        }
        let mut out = Vec::with_capacity(pairs.len());
        for pair in pairs {
            let Some(i) = find(pair, &self.headers_key_separator) else {
                if self.ignore_error {
                    out.push((String::from_utf8_lossy(pair).into_owned(), None));
                    continue;
                }
                return Err(KtError::config(format!(
                    "No header key separator found in pair '{}' on line number {number}",
                    String::from_utf8_lossy(pair)
                )));
            };
            let key = &pair[..i];
            if self.is_null(key) {
                return Err(KtError::config(format!(
                    "Header keys should not be equal to the null marker '{}' as they can't be null",
                    String::from_utf8_lossy(key)
                )));
            }
            let value = &pair[i + self.headers_key_separator.len()..];
            out.push((
                String::from_utf8_lossy(key).into_owned(),
                Some(value).filter(|v| !self.is_null(v)),
            ));
        }
        Ok(out)
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Splits input into lines as Java's BufferedReader.readLine does: `\n`,
/// `\r\n` and a lone `\r` end a line; a last line without one still counts.
#[derive(Debug, Default)]
pub struct LineSplitter {
    /// A `\r` ended the previous chunk, so a `\n` starting this one is part of it.
    pending_cr: bool,
}

impl LineSplitter {
    /// Calls `f` for each complete line in `buf` and returns how many bytes
    /// were consumed; the rest is an incomplete line. With `eof`, the rest is
    /// the last line.
    pub fn split<E>(
        &mut self,
        buf: &[u8],
        eof: bool,
        mut f: impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<usize, E> {
        let mut start = 0;
        if self.pending_cr && buf.first() == Some(&b'\n') {
            start = 1;
        }
        self.pending_cr = false;
        // memchr finds the next terminator a machine word (or a vector) at
        // a time instead of a byte at a time.
        let mut i = start;
        while let Some(found) = memchr::memchr2(b'\n', b'\r', &buf[i..]) {
            let end = i + found;
            f(&buf[start..end])?;
            i = end + 1;
            if buf[end] == b'\r' {
                match buf.get(i) {
                    Some(b'\n') => i += 1,
                    Some(_) => {}
                    None => self.pending_cr = true,
                }
            }
            start = i;
        }
        if eof && start < buf.len() {
            f(&buf[start..])?;
            start = buf.len();
        }
        Ok(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(props: &[(&str, &str)]) -> LineReader {
        LineReader::new(
            &props
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
        .unwrap()
    }

    #[test]
    fn plain_lines_are_values() {
        let r = reader(&[]);
        let rec = r.parse(b"a\tb", 1).unwrap();
        assert_eq!((rec.key, rec.value), (None, Some(&b"a\tb"[..])));
    }

    #[test]
    fn keys_and_kafkas_errors() {
        let r = reader(&[("parse.key", "true")]);
        let rec = r.parse(b"k1\tv1", 1).unwrap();
        assert_eq!((rec.key, rec.value), (Some(&b"k1"[..]), Some(&b"v1"[..])));
        assert_eq!(
            r.parse(b"plain", 2).unwrap_err().message,
            "No key separator found on line number 2: 'plain'"
        );
        let lenient = reader(&[("parse.key", "TRUE "), ("ignore.error", "true")]);
        let rec = lenient.parse(b"plain", 2).unwrap();
        assert_eq!((rec.key, rec.value), (None, Some(&b"plain"[..])));
    }

    #[test]
    fn headers_and_null_markers() {
        let r = reader(&[
            ("parse.key", "true"),
            ("parse.headers", "true"),
            ("null.marker", "NULL"),
        ]);
        let rec = r.parse(b"h1:v1,h2:NULL\tNULL\tvalue", 1).unwrap();
        assert_eq!(rec.key, None);
        assert_eq!(rec.value, Some(&b"value"[..]));
        assert_eq!(
            rec.headers,
            vec![
                ("h1".to_string(), Some(&b"v1"[..])),
                ("h2".to_string(), None)
            ]
        );
        let rec = r.parse(b"NULL\tk\tNULL", 1).unwrap();
        assert!(rec.headers.is_empty());
        assert_eq!((rec.key, rec.value), (Some(&b"k"[..]), None));
        assert_eq!(
            r.parse(b"h1\tk\tv", 3).unwrap_err().message,
            "No header key separator found in pair 'h1' on line number 3"
        );
        assert_eq!(
            r.parse(b"NULL:x\tk\tv", 1).unwrap_err().message,
            "Header keys should not be equal to the null marker 'NULL' as they can't be null"
        );
    }

    #[test]
    fn equal_separators_are_refused() {
        let props: HashMap<String, String> =
            [("parse.headers", "true"), ("headers.separator", "\t")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        assert_eq!(
            LineReader::new(&props).unwrap_err().message,
            "headers.delimiter and headers.separator may not be equal"
        );
    }

    #[test]
    fn lines_end_as_java_ends_them() {
        let mut lines = Vec::new();
        let mut s = LineSplitter::default();
        let used = s
            .split(b"a\nb\r\nc\rd\r", false, |l| {
                lines.push(l.to_vec());
                Ok::<(), KtError>(())
            })
            .unwrap();
        assert_eq!(used, 9);
        let used = s
            .split(b"\ne\xff\0tail", true, |l| {
                lines.push(l.to_vec());
                Ok::<(), KtError>(())
            })
            .unwrap();
        assert_eq!(used, 8);
        assert_eq!(
            lines,
            vec![
                b"a".to_vec(),
                b"b".to_vec(),
                b"c".to_vec(),
                b"d".to_vec(),
                b"e\xff\0tail".to_vec()
            ]
        );
    }
}
