//! Messages Kafka stores in its own logs (the group coordinator's records
//! in `__consumer_offsets`, the KRaft metadata records, tiered storage's
//! `__remote_log_metadata`), read from Kafka's
//! own JSON message schemas and written as Kafka's generated
//! `…JsonConverter.write` writes them, so kafka-dump-log's decoders print
//! what DumpLogSegments prints.
//!
//! The schemas (`schemas/*.json`, from Apache Kafka 3.9's source) drive both
//! sides: which fields a version has, their types, nullability and tags
//! (the generated `read`), and which of them the JSON holds, in schema order
//! (present untagged fields always, tagged ones when not their default).
//! No message is decoded by hand.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use base64::Engine as _;
use bytes::{Buf, Bytes};

/// Tiered storage's metadata records (TopicBasedRemoteLogMetadataManager),
/// whose api keys are their own.
const REMOTE_LOG_SCHEMAS: &[&str] = &[
    include_str!("schemas/RemoteLogSegmentMetadataRecord.json"),
    include_str!("schemas/RemoteLogSegmentMetadataUpdateRecord.json"),
    include_str!("schemas/RemotePartitionDeleteMetadataRecord.json"),
    include_str!("schemas/RemoteLogSegmentMetadataSnapshotRecord.json"),
];

/// The schemas kt reads, as Kafka ships them (comment lines included).
const SCHEMAS: &[&str] = &[
    include_str!("schemas/OffsetCommitKey.json"),
    include_str!("schemas/OffsetCommitValue.json"),
    include_str!("schemas/GroupMetadataKey.json"),
    include_str!("schemas/GroupMetadataValue.json"),
    include_str!("schemas/ConsumerGroupMetadataKey.json"),
    include_str!("schemas/ConsumerGroupMetadataValue.json"),
    include_str!("schemas/ConsumerGroupPartitionMetadataKey.json"),
    include_str!("schemas/ConsumerGroupPartitionMetadataValue.json"),
    include_str!("schemas/ConsumerGroupMemberMetadataKey.json"),
    include_str!("schemas/ConsumerGroupMemberMetadataValue.json"),
    include_str!("schemas/ConsumerGroupTargetAssignmentMetadataKey.json"),
    include_str!("schemas/ConsumerGroupTargetAssignmentMetadataValue.json"),
    include_str!("schemas/ConsumerGroupTargetAssignmentMemberKey.json"),
    include_str!("schemas/ConsumerGroupTargetAssignmentMemberValue.json"),
    include_str!("schemas/ConsumerGroupCurrentMemberAssignmentKey.json"),
    include_str!("schemas/ConsumerGroupCurrentMemberAssignmentValue.json"),
    include_str!("schemas/ConsumerProtocolSubscription.json"),
    include_str!("schemas/ConsumerProtocolAssignment.json"),
    include_str!("schemas/AbortTransactionRecord.json"),
    include_str!("schemas/AccessControlEntryRecord.json"),
    include_str!("schemas/BeginTransactionRecord.json"),
    include_str!("schemas/BrokerRegistrationChangeRecord.json"),
    include_str!("schemas/ClientQuotaRecord.json"),
    include_str!("schemas/ConfigRecord.json"),
    include_str!("schemas/DelegationTokenRecord.json"),
    include_str!("schemas/EndTransactionRecord.json"),
    include_str!("schemas/FeatureLevelRecord.json"),
    include_str!("schemas/FenceBrokerRecord.json"),
    include_str!("schemas/NoOpRecord.json"),
    include_str!("schemas/PartitionChangeRecord.json"),
    include_str!("schemas/PartitionRecord.json"),
    include_str!("schemas/ProducerIdsRecord.json"),
    include_str!("schemas/RegisterBrokerRecord.json"),
    include_str!("schemas/RegisterControllerRecord.json"),
    include_str!("schemas/RemoveAccessControlEntryRecord.json"),
    include_str!("schemas/RemoveDelegationTokenRecord.json"),
    include_str!("schemas/RemoveTopicRecord.json"),
    include_str!("schemas/RemoveUserScramCredentialRecord.json"),
    include_str!("schemas/TopicRecord.json"),
    include_str!("schemas/UnfenceBrokerRecord.json"),
    include_str!("schemas/UnregisterBrokerRecord.json"),
    include_str!("schemas/UserScramCredentialRecord.json"),
    include_str!("schemas/ZkMigrationRecord.json"),
];

/// A version range (`"0+"`, `"1-3"`, `"2"`, `"none"`).
#[derive(Debug, Clone, Copy)]
struct Versions {
    low: i16,
    high: i16,
}

impl Versions {
    const NONE: Versions = Versions { low: 1, high: 0 };

    fn parse(text: Option<&str>) -> Versions {
        let Some(text) = text.map(str::trim) else {
            return Versions::NONE;
        };
        if text == "none" || text.is_empty() {
            return Versions::NONE;
        }
        if let Some(low) = text.strip_suffix('+') {
            return Versions {
                low: low.parse().unwrap_or(0),
                high: i16::MAX,
            };
        }
        match text.split_once('-') {
            Some((low, high)) => Versions {
                low: low.parse().unwrap_or(0),
                high: high.parse().unwrap_or(-1),
            },
            None => {
                let v = text.parse().unwrap_or(-1);
                Versions { low: v, high: v }
            }
        }
    }

    fn contains(self, version: i16) -> bool {
        self.low <= version && version <= self.high
    }
}

#[derive(Debug, Clone)]
enum Type {
    Bool,
    Int8,
    Int16,
    Uint16,
    Int32,
    Uint32,
    Int64,
    Float64,
    Uuid,
    String,
    Bytes,
    Array(Box<Type>),
    Struct(Vec<Field>),
}

#[derive(Debug, Clone)]
struct Field {
    /// As the JSON names it: the schema's name with its first letter lowered.
    name: String,
    ty: Type,
    versions: Versions,
    nullable: Versions,
    tagged: Versions,
    tag: Option<u64>,
    default: Option<String>,
}

/// One message schema.
#[derive(Debug)]
pub struct Schema {
    pub name: String,
    pub api_key: Option<i16>,
    valid: Versions,
    flexible: Versions,
    fields: Vec<Field>,
}

/// A decoded value, in the schema's order.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Double(f64),
    Text(String),
    Binary(Vec<u8>),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

fn json_text(text: &str) -> serde_json::Value {
    // Kafka's schemas carry `//` comment lines.
    let stripped: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| format!("{l}\n"))
        .collect();
    serde_json::from_str(&stripped).expect("Kafka's schemas are JSON")
}

fn type_of(
    name: &str,
    spec: &serde_json::Value,
    common: &HashMap<String, serde_json::Value>,
) -> Type {
    if let Some(element) = name.strip_prefix("[]") {
        return Type::Array(Box::new(type_of(element, spec, common)));
    }
    match name {
        "bool" => Type::Bool,
        "int8" => Type::Int8,
        "int16" => Type::Int16,
        "uint16" => Type::Uint16,
        "int32" => Type::Int32,
        "uint32" => Type::Uint32,
        "int64" => Type::Int64,
        "float64" => Type::Float64,
        "uuid" => Type::Uuid,
        "string" => Type::String,
        "bytes" | "records" => Type::Bytes,
        _ => {
            let fields = spec
                .get("fields")
                .or_else(|| common.get(name).and_then(|c| c.get("fields")));
            Type::Struct(fields_of(fields, common))
        }
    }
}

fn fields_of(
    fields: Option<&serde_json::Value>,
    common: &HashMap<String, serde_json::Value>,
) -> Vec<Field> {
    let Some(fields) = fields.and_then(|f| f.as_array()) else {
        return Vec::new();
    };
    fields
        .iter()
        .map(|f| {
            let text = |k: &str| f.get(k).and_then(|v| v.as_str());
            let raw = text("name").unwrap_or_default();
            let mut name = raw.to_string();
            if let Some(first) = name.get(..1) {
                name = first.to_lowercase() + &name[1..];
            }
            Field {
                name,
                ty: type_of(text("type").unwrap_or_default(), f, common),
                versions: Versions::parse(text("versions")),
                nullable: Versions::parse(text("nullableVersions")),
                tagged: Versions::parse(text("taggedVersions")),
                tag: f
                    .get("tag")
                    .and_then(|t| t.as_u64().or_else(|| t.as_str()?.parse().ok())),
                default: f.get("default").map(|d| match d {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                }),
            }
        })
        .collect()
}

impl Schema {
    fn parse(text: &str) -> Schema {
        let spec = json_text(text);
        let common: HashMap<String, serde_json::Value> = spec
            .get("commonStructs")
            .and_then(|c| c.as_array())
            .map(|c| {
                c.iter()
                    .filter_map(|s| Some((s.get("name")?.as_str()?.to_string(), s.clone())))
                    .collect()
            })
            .unwrap_or_default();
        Schema {
            name: spec["name"].as_str().unwrap_or_default().to_string(),
            api_key: spec
                .get("apiKey")
                .and_then(|k| k.as_i64())
                .map(|k| k as i16),
            valid: Versions::parse(spec["validVersions"].as_str()),
            flexible: Versions::parse(spec["flexibleVersions"].as_str()),
            fields: fields_of(spec.get("fields"), &common),
        }
    }

    /// The generated `read` at `version`, as a value in schema order.
    pub fn read(&self, buf: &mut Bytes, version: i16) -> Result<Value, String> {
        if !self.valid.contains(version) {
            return Err(format!("Can't read version {version} of {}", self.name));
        }
        let reader = Reader {
            version,
            flexible: self.flexible.contains(version),
        };
        reader.read_struct(&self.fields, buf)
    }

    /// MetadataRecordType's name for this record (`TopicRecord` is
    /// `TOPIC_RECORD`).
    pub fn type_name(&self) -> String {
        let mut out = String::new();
        let mut previous_upper = true;
        for c in self.name.chars() {
            if c.is_uppercase() {
                if !previous_upper {
                    out.push('_');
                }
                out.extend(c.to_uppercase());
                previous_upper = true;
            } else {
                out.extend(c.to_uppercase());
                previous_upper = false;
            }
        }
        out
    }
}

/// Every schema kt has, parsed once: by name, and the KRaft and remote
/// log metadata records by their api keys (each family numbers its own).
struct Registry {
    by_name: HashMap<String, Schema>,
    kraft: HashMap<i16, String>,
    remote: HashMap<i16, String>,
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut registry = Registry {
            by_name: HashMap::new(),
            kraft: HashMap::new(),
            remote: HashMap::new(),
        };
        for (texts, keys) in [
            (SCHEMAS, &mut registry.kraft),
            (REMOTE_LOG_SCHEMAS, &mut registry.remote),
        ] {
            for text in texts {
                let schema = Schema::parse(text);
                if let Some(key) = schema.api_key {
                    keys.insert(key, schema.name.clone());
                }
                registry.by_name.insert(schema.name.clone(), schema);
            }
        }
        registry
    })
}

/// Every schema kt has, by name.
pub fn schema(name: &str) -> Option<&'static Schema> {
    registry().by_name.get(name)
}

/// The KRaft metadata record schema with `api_key`.
pub fn metadata_record(api_key: i16) -> Option<&'static Schema> {
    registry().kraft.get(&api_key).and_then(|n| schema(n))
}

/// The remote log metadata record schema with `api_key`.
pub fn remote_log_record(api_key: i16) -> Option<&'static Schema> {
    registry().remote.get(&api_key).and_then(|n| schema(n))
}

struct Reader {
    version: i16,
    flexible: bool,
}

fn need(buf: &Bytes, n: usize) -> Result<(), String> {
    if buf.remaining() < n {
        Err("Tried to read past the end of the buffer".to_string())
    } else {
        Ok(())
    }
}

/// An unsigned varint, as Kafka's `ByteUtils.readUnsignedVarint`.
pub fn unsigned_varint(buf: &mut Bytes) -> Result<u64, String> {
    let mut value = 0u64;
    for shift in (0..35).step_by(7) {
        need(buf, 1)?;
        let b = buf.get_u8();
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err("Varint is too long".to_string())
}

impl Reader {
    fn read_struct(&self, fields: &[Field], buf: &mut Bytes) -> Result<Value, String> {
        let mut values: Vec<(usize, Value)> = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            if !f.versions.contains(self.version) || f.tagged.contains(self.version) {
                continue;
            }
            let v = self.read_value(&f.ty, f, buf)?;
            values.push((i, v));
        }
        if self.flexible {
            let count = unsigned_varint(buf)?;
            for _ in 0..count {
                let tag = unsigned_varint(buf)?;
                let size = usize::try_from(unsigned_varint(buf)?).unwrap_or(usize::MAX);
                need(buf, size)?;
                let mut data = buf.split_to(size);
                let known = fields.iter().position(|f| {
                    f.tag == Some(tag)
                        && f.tagged.contains(self.version)
                        && f.versions.contains(self.version)
                });
                if let Some(i) = known {
                    let v = self.read_value(&fields[i].ty, &fields[i], &mut data)?;
                    if !is_default(&fields[i], &v) {
                        values.push((i, v));
                    }
                }
            }
        }
        values.sort_by_key(|(i, _)| *i);
        Ok(Value::Object(
            values
                .into_iter()
                .map(|(i, v)| (fields[i].name.clone(), v))
                .collect(),
        ))
    }

    fn length(&self, buf: &mut Bytes, wide: bool) -> Result<Option<usize>, String> {
        let n: i64 = if self.flexible {
            unsigned_varint(buf)? as i64 - 1
        } else if wide {
            need(buf, 4)?;
            i64::from(buf.get_i32())
        } else {
            need(buf, 2)?;
            i64::from(buf.get_i16())
        };
        Ok(usize::try_from(n).ok())
    }

    fn read_value(&self, ty: &Type, f: &Field, buf: &mut Bytes) -> Result<Value, String> {
        let null = || {
            if f.nullable.contains(self.version) {
                Ok(Value::Null)
            } else {
                Err(format!(
                    "non-nullable field {} was serialized as null",
                    f.name
                ))
            }
        };
        Ok(match ty {
            Type::Bool => {
                need(buf, 1)?;
                Value::Bool(buf.get_u8() != 0)
            }
            Type::Int8 => {
                need(buf, 1)?;
                Value::Int(i64::from(buf.get_i8()))
            }
            Type::Int16 => {
                need(buf, 2)?;
                Value::Int(i64::from(buf.get_i16()))
            }
            Type::Uint16 => {
                need(buf, 2)?;
                Value::Int(i64::from(buf.get_u16()))
            }
            Type::Int32 => {
                need(buf, 4)?;
                Value::Int(i64::from(buf.get_i32()))
            }
            Type::Uint32 => {
                need(buf, 4)?;
                Value::Int(i64::from(buf.get_u32()))
            }
            Type::Int64 => {
                need(buf, 8)?;
                Value::Int(buf.get_i64())
            }
            Type::Float64 => {
                need(buf, 8)?;
                Value::Double(buf.get_f64())
            }
            Type::Uuid => {
                need(buf, 16)?;
                let bytes = buf.split_to(16);
                Value::Text(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
            }
            Type::String => match self.length(buf, false)? {
                None => return null(),
                Some(n) => {
                    need(buf, n)?;
                    Value::Text(String::from_utf8_lossy(&buf.split_to(n)).into_owned())
                }
            },
            Type::Bytes => match self.length(buf, true)? {
                None => return null(),
                Some(n) => {
                    need(buf, n)?;
                    Value::Binary(buf.split_to(n).to_vec())
                }
            },
            Type::Array(element) => match self.length(buf, true)? {
                None => return null(),
                Some(n) => {
                    let mut items = Vec::with_capacity(n.min(4096));
                    for _ in 0..n {
                        items.push(self.read_value(element, f, buf)?);
                    }
                    Value::Array(items)
                }
            },
            Type::Struct(fields) => self.read_struct(fields, buf)?,
        })
    }
}

/// A tagged field holding its default, which the JSON leaves out.
fn is_default(f: &Field, v: &Value) -> bool {
    let default = f.default.as_deref();
    match (v, &f.ty) {
        (Value::Null, _) => default == Some("null"),
        (Value::Int(i), _) => {
            let d = default.map_or(Some(0), |d| {
                d.strip_prefix("0x")
                    .map_or_else(|| d.parse().ok(), |h| i64::from_str_radix(h, 16).ok())
            });
            d == Some(*i)
        }
        (Value::Bool(b), _) => *b == (default == Some("true")),
        (Value::Text(t), Type::Uuid) => t == "AAAAAAAAAAAAAAAAAAAAAA",
        (Value::Text(t), _) => default.is_none_or(|d| d != "null") && t == default.unwrap_or(""),
        (Value::Binary(b), _) => b.is_empty() && default != Some("null"),
        (Value::Array(a), _) => a.is_empty() && default != Some("null"),
        (Value::Double(d), _) => *d == default.and_then(|d| d.parse().ok()).unwrap_or(0.0),
        (Value::Object(_), _) => false,
    }
}

impl Value {
    /// Field `name` of an object.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        match self {
            Value::Object(fields) => fields.iter_mut().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Jackson's `ObjectNode.toString()`: compact, in insertion order.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Double(d) => out.push_str(&java_double(*d)),
            Value::Text(t) => jackson_string(t, out),
            Value::Binary(b) => {
                let text = base64::engine::general_purpose::STANDARD.encode(b);
                jackson_string(&text, out);
            }
            Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Value::Object(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    jackson_string(k, out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// A string as Jackson writes it: `"` and `\` escaped, control characters
/// as `\n`-style or `\u00XX` escapes, the rest as it is.
fn jackson_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `Double.toString`: plain with at least one decimal from 10^-3 up to
/// 10^7, else `d.dddE±n`.
fn java_double(d: f64) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if d == 0.0 {
        return if d.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let magnitude = d.abs();
    if (1e-3..1e7).contains(&magnitude) {
        let text = format!("{d}");
        return if text.contains('.') {
            text
        } else {
            format!("{text}.0")
        };
    }
    let text = format!("{d:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let mantissa = if mantissa.contains('.') {
        mantissa.to_string()
    } else {
        format!("{mantissa}.0")
    };
    format!("{mantissa}E{exponent}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_parses_and_names_metadata_types_as_kafka() {
        for text in SCHEMAS.iter().chain(REMOTE_LOG_SCHEMAS) {
            let s = Schema::parse(text);
            assert!(
                !s.name.is_empty() && s.valid.low <= s.valid.high,
                "{}",
                s.name
            );
        }
        assert_eq!(metadata_record(2).unwrap().type_name(), "TOPIC_RECORD");
        assert_eq!(
            remote_log_record(2).unwrap().name,
            "RemotePartitionDeleteMetadataRecord"
        );
        assert_eq!(
            metadata_record(0).unwrap().type_name(),
            "REGISTER_BROKER_RECORD"
        );
        assert_eq!(
            schema("ZkMigrationStateRecord").unwrap().type_name(),
            "ZK_MIGRATION_STATE_RECORD"
        );
    }

    #[test]
    fn offset_commit_values_read_and_print_as_kafka_does() {
        // OffsetCommitValue v3: offset 42, leader epoch 0, metadata "",
        // commit time 1000.
        let mut b = Vec::new();
        b.extend(42i64.to_be_bytes());
        b.extend(0i32.to_be_bytes());
        b.extend(0i16.to_be_bytes());
        b.extend(1000i64.to_be_bytes());
        let v = schema("OffsetCommitValue")
            .unwrap()
            .read(&mut Bytes::from(b), 3)
            .unwrap();
        assert_eq!(
            v.to_json(),
            r#"{"offset":42,"leaderEpoch":0,"metadata":"","commitTimestamp":1000}"#
        );
    }

    #[test]
    fn tagged_fields_print_only_when_not_their_default() {
        // PartitionRecord v0 (flexible): partition 1, a topic id, replicas
        // [1], isr [1], no removing or adding, leader 1, epochs 0 and 0,
        // and LeaderRecoveryState 1 as tag 0.
        let mut b = Vec::new();
        b.extend(1i32.to_be_bytes());
        b.extend([0u8; 15].iter().chain([1u8].iter()));
        b.extend([2, 0, 0, 0, 1, 2, 0, 0, 0, 1, 1, 1]);
        b.extend(1i32.to_be_bytes());
        b.extend(0i32.to_be_bytes());
        b.extend(0i32.to_be_bytes());
        b.extend([1, 0, 1, 1]);
        let v = schema("PartitionRecord")
            .unwrap()
            .read(&mut Bytes::from(b), 0)
            .unwrap();
        assert_eq!(
            v.to_json(),
            r#"{"partitionId":1,"topicId":"AAAAAAAAAAAAAAAAAAAAAQ","replicas":[1],"isr":[1],"removingReplicas":[],"addingReplicas":[],"leader":1,"leaderRecoveryState":1,"leaderEpoch":0,"partitionEpoch":0}"#
        );
    }

    #[test]
    fn doubles_and_strings_print_as_java_and_jackson_do() {
        assert_eq!(java_double(1048576.0), "1048576.0");
        assert_eq!(java_double(0.5), "0.5");
        assert_eq!(java_double(1e7), "1.0E7");
        assert_eq!(java_double(1.5e-4), "1.5E-4");
        let mut s = String::new();
        jackson_string("a\"b\\c\n\u{1}é", &mut s);
        assert_eq!(s, "\"a\\\"b\\\\c\\n\\u0001é\"");
    }
}
