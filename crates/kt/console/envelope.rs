//! The JSON record envelope `kt consume --output json` writes and
//! `kt produce --input json` reads, one object per line:
//!
//! `{"topic":"t","partition":0,"offset":5,"timestamp":1700000000000,
//!   "timestamp_type":"CreateTime","key":"k","value":{"base64":"/w=="},
//!   "headers":[{"key":"h","value":"v"}]}`
//!
//! Bytes that are valid UTF-8 are strings; other bytes are `{"base64": ...}`;
//! a null key, value or header value is `null`. So a round trip is exact.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One record as JSON sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp_type: Option<String>,
    #[serde(default)]
    pub key: Value,
    #[serde(default)]
    pub value: Value,
    #[serde(default)]
    pub headers: Vec<HeaderJson>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderJson {
    pub key: String,
    #[serde(default)]
    pub value: Value,
}

/// Bytes as JSON: a string when they are UTF-8, else `{"base64": ...}`.
pub fn bytes_to_json(bytes: Option<&[u8]>) -> Value {
    match bytes {
        None => Value::Null,
        Some(b) => match std::str::from_utf8(b) {
            Ok(s) => Value::String(s.to_string()),
            Err(_) => serde_json::json!({ "base64": STANDARD.encode(b) }),
        },
    }
}

/// The inverse of [`bytes_to_json`].
pub fn json_to_bytes(value: &Value) -> Result<Option<Vec<u8>>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.as_bytes().to_vec())),
        Value::Object(map) => match map.get("base64") {
            Some(Value::String(b64)) => STANDARD
                .decode(b64)
                .map(Some)
                .map_err(|e| format!("bad base64: {e}")),
            _ => Err("an object must be {\"base64\": \"...\"}".to_string()),
        },
        other => Err(format!(
            "expected a string, null or {{\"base64\": ...}}, got {other}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_exactly() {
        for case in [
            None,
            Some(&b""[..]),
            Some(b"plain"),
            Some(&[0u8, 0xff, 0xfe, b'\n'][..]),
        ] {
            let json = bytes_to_json(case);
            assert_eq!(json_to_bytes(&json).unwrap().as_deref(), case);
        }
        assert_eq!(
            bytes_to_json(Some(&[0xff])),
            serde_json::json!({"base64": "/w=="})
        );
        assert!(json_to_bytes(&serde_json::json!(5)).is_err());
    }
}
