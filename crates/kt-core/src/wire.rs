//! Kafka's wire protocol, for the requests librdkafka has no call for:
//! ApiVersions (kafka-broker-api-versions), DescribeLogDirs (kafka-log-dirs),
//! the client-quota pair, and DescribeConfigs / IncrementalAlterConfigs for
//! resource types librdkafka cannot name (broker loggers, client metrics). One blocking connection to one
//! broker, requests at versions every Kafka from 2.x to 4.x accepts, and
//! SASL/PLAIN where the cluster's settings ask for it.
//!
//! It speaks PLAINTEXT and SASL_PLAINTEXT with PLAIN; any other security
//! protocol is refused in one line (the README's departure).

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use crate::config::Translated;
use crate::error::{ErrorKind, KtError};

/// Kafka's API keys kt sends.
pub mod api {
    pub const SASL_HANDSHAKE: i16 = 17;
    pub const DESCRIBE_ACLS: i16 = 29;
    pub const CREATE_ACLS: i16 = 30;
    pub const DELETE_ACLS: i16 = 31;
    pub const API_VERSIONS: i16 = 18;
    pub const DESCRIBE_CONFIGS: i16 = 32;
    pub const DESCRIBE_LOG_DIRS: i16 = 35;
    pub const SASL_AUTHENTICATE: i16 = 36;
    pub const INCREMENTAL_ALTER_CONFIGS: i16 = 44;
    pub const DESCRIBE_CLIENT_QUOTAS: i16 = 48;
    pub const ALTER_CLIENT_QUOTAS: i16 = 49;
    pub const LIST_CLIENT_METRICS_RESOURCES: i16 = 74;
    pub const LIST_GROUPS: i16 = 16;
}

/// A request body being written, in the protocol's big-endian encoding.
#[derive(Default)]
pub struct Encoder(pub Vec<u8>);

impl Encoder {
    pub fn i8(&mut self, v: i8) -> &mut Self {
        self.0.extend_from_slice(&v.to_be_bytes());
        self
    }
    pub fn i16(&mut self, v: i16) -> &mut Self {
        self.0.extend_from_slice(&v.to_be_bytes());
        self
    }
    pub fn i32(&mut self, v: i32) -> &mut Self {
        self.0.extend_from_slice(&v.to_be_bytes());
        self
    }
    pub fn f64(&mut self, v: f64) -> &mut Self {
        self.0.extend_from_slice(&v.to_be_bytes());
        self
    }
    pub fn bool(&mut self, v: bool) -> &mut Self {
        self.0.push(u8::from(v));
        self
    }
    pub fn string(&mut self, v: &str) -> &mut Self {
        self.i16(i16::try_from(v.len()).unwrap_or(i16::MAX));
        self.0.extend_from_slice(v.as_bytes());
        self
    }
    pub fn nullable_string(&mut self, v: Option<&str>) -> &mut Self {
        match v {
            Some(v) => self.string(v),
            None => self.i16(-1),
        }
    }
    pub fn bytes(&mut self, v: &[u8]) -> &mut Self {
        self.i32(i32::try_from(v.len()).unwrap_or(i32::MAX));
        self.0.extend_from_slice(v);
        self
    }
    /// An array's length; -1 is null.
    pub fn array_len(&mut self, n: usize) -> &mut Self {
        self.i32(i32::try_from(n).unwrap_or(i32::MAX))
    }
}

/// A response body being read; running past its end is an error, not a panic.
pub struct Decoder<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Decoder<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Decoder { buf, pos: 0 }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], KtError> {
        let end = self.pos.checked_add(n).filter(|e| *e <= self.buf.len());
        let Some(end) = end else {
            return Err(KtError::broker(
                "the broker's answer ended early (a protocol version kt does not read)",
            ));
        };
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], KtError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    pub fn i8(&mut self) -> Result<i8, KtError> {
        Ok(i8::from_be_bytes(self.array()?))
    }
    pub fn bool(&mut self) -> Result<bool, KtError> {
        Ok(self.i8()? != 0)
    }
    pub fn i16(&mut self) -> Result<i16, KtError> {
        Ok(i16::from_be_bytes(self.array()?))
    }
    pub fn i32(&mut self) -> Result<i32, KtError> {
        Ok(i32::from_be_bytes(self.array()?))
    }
    pub fn i64(&mut self) -> Result<i64, KtError> {
        Ok(i64::from_be_bytes(self.array()?))
    }
    pub fn f64(&mut self) -> Result<f64, KtError> {
        Ok(f64::from_be_bytes(self.array()?))
    }
    pub fn nullable_string(&mut self) -> Result<Option<String>, KtError> {
        let n = self.i16()?;
        if n < 0 {
            return Ok(None);
        }
        let bytes = self.take(n as usize)?;
        Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
    }
    pub fn string(&mut self) -> Result<String, KtError> {
        Ok(self.nullable_string()?.unwrap_or_default())
    }
    pub fn bytes(&mut self) -> Result<Vec<u8>, KtError> {
        let n = self.i32()?;
        Ok(if n < 0 {
            Vec::new()
        } else {
            self.take(n as usize)?.to_vec()
        })
    }
    /// An array's length (a null array is empty).
    pub fn array_len(&mut self) -> Result<usize, KtError> {
        Ok(self.i32()?.max(0) as usize)
    }

    /// An unsigned varint.
    pub fn varint(&mut self) -> Result<u64, KtError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(KtError::broker("a malformed varint in the broker's answer"))
    }

    /// A compact array's length (length + 1; 0 is null).
    pub fn compact_len(&mut self) -> Result<usize, KtError> {
        Ok(self.varint()?.saturating_sub(1) as usize)
    }

    /// A compact string (length + 1; 0 is null).
    pub fn compact_string(&mut self) -> Result<Option<String>, KtError> {
        let n = self.varint()?;
        if n == 0 {
            return Ok(None);
        }
        let bytes = self.take((n - 1) as usize)?;
        Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
    }

    /// Skips a tagged-field section.
    pub fn skip_tagged_fields(&mut self) -> Result<(), KtError> {
        for _ in 0..self.varint()? {
            let _tag = self.varint()?;
            let size = self.varint()?;
            self.take(size as usize)?;
        }
        Ok(())
    }
}

/// One connection to one broker.
pub struct Connection {
    stream: TcpStream,
    correlation: i32,
    client_id: String,
    deadline: Instant,
    peer: String,
}

impl Connection {
    /// Connects to `host:port` and authenticates as `config` says, all
    /// within `timeout` (which also bounds every later request).
    pub fn open(
        host: &str,
        port: u16,
        config: &Translated,
        client_id: &str,
        timeout: Duration,
    ) -> Result<Connection, KtError> {
        let peer = format!("{host}:{port}");
        let protocol = config
            .get("security.protocol")
            .unwrap_or("plaintext")
            .to_ascii_uppercase();
        let sasl = match protocol.as_str() {
            "PLAINTEXT" => false,
            "SASL_PLAINTEXT" => true,
            other => {
                return Err(KtError::config(format!(
                    "this command speaks PLAINTEXT and SASL_PLAINTEXT only, not {other}: \
                     give it a PLAINTEXT or SASL_PLAINTEXT listener"
                )))
            }
        };
        let deadline = Instant::now() + timeout;
        let unreachable =
            |why: String| KtError::unreachable(format!("cannot connect to broker {peer}: {why}"));
        let addrs: Vec<_> = (host, port)
            .to_socket_addrs()
            .map_err(|e| unreachable(e.to_string()))?
            .collect();
        let mut last = String::from("no address");
        let mut stream = None;
        for addr in addrs {
            let left = deadline.saturating_duration_since(Instant::now());
            match TcpStream::connect_timeout(&addr, left.max(Duration::from_millis(1))) {
                Ok(s) => {
                    stream = Some(s);
                    break;
                }
                Err(e) => last = e.to_string(),
            }
        }
        let stream = stream.ok_or_else(|| unreachable(last))?;
        let _ = stream.set_nodelay(true);
        let mut conn = Connection {
            stream,
            correlation: 0,
            client_id: client_id.to_string(),
            deadline,
            peer,
        };
        if sasl {
            conn.authenticate(config)?;
        }
        Ok(conn)
    }

    /// SASL/PLAIN: SaslHandshake v1, then SaslAuthenticate v0.
    fn authenticate(&mut self, config: &Translated) -> Result<(), KtError> {
        let mechanism = config.get("sasl.mechanisms").unwrap_or("GSSAPI");
        if !mechanism.eq_ignore_ascii_case("PLAIN") {
            return Err(KtError::config(format!(
                "this command authenticates with SASL mechanism PLAIN only, not {mechanism}"
            )));
        }
        let mut body = Encoder::default();
        body.string("PLAIN");
        let answer = self.request(api::SASL_HANDSHAKE, 1, &body.0)?;
        let mut d = Decoder::new(&answer);
        let code = d.i16()?;
        if code != 0 {
            return Err(KtError::config(format!(
                "broker {} refused SASL mechanism PLAIN (error {code})",
                self.peer
            )));
        }
        let user = config.get("sasl.username").unwrap_or_default();
        let password = config.get("sasl.password").unwrap_or_default();
        let token = format!("\0{user}\0{password}");
        let mut body = Encoder::default();
        body.bytes(token.as_bytes());
        let answer = self.request(api::SASL_AUTHENTICATE, 0, &body.0)?;
        let mut d = Decoder::new(&answer);
        let code = d.i16()?;
        let message = d.nullable_string()?;
        if code != 0 {
            return Err(KtError::new(
                ErrorKind::Config,
                format!(
                    "authentication to broker {} failed: {}",
                    self.peer,
                    message.unwrap_or_else(|| format!("error {code}"))
                ),
            ));
        }
        Ok(())
    }

    /// Sends one request (header v1) and returns the response body after its
    /// correlation id (header v0).
    pub fn request(&mut self, api_key: i16, version: i16, body: &[u8]) -> Result<Vec<u8>, KtError> {
        self.exchange(api_key, version, body, false)
    }

    /// [`Connection::request`] for a flexible version: header v2 (an empty
    /// tagged-field section) out, header v1 back, whose tagged fields are
    /// skipped.
    pub fn request_flexible(
        &mut self,
        api_key: i16,
        version: i16,
        body: &[u8],
    ) -> Result<Vec<u8>, KtError> {
        let answer = self.exchange(api_key, version, body, true)?;
        let mut d = Decoder::new(&answer);
        d.skip_tagged_fields()?;
        Ok(answer[d.pos..].to_vec())
    }

    fn exchange(
        &mut self,
        api_key: i16,
        version: i16,
        body: &[u8],
        flexible: bool,
    ) -> Result<Vec<u8>, KtError> {
        self.correlation += 1;
        let mut header = Encoder::default();
        header
            .i16(api_key)
            .i16(version)
            .i32(self.correlation)
            .nullable_string(Some(&self.client_id));
        if flexible {
            header.i8(0);
        }
        let size = i32::try_from(header.0.len() + body.len()).unwrap_or(i32::MAX);
        let mut frame = Vec::with_capacity(4 + size as usize);
        frame.extend_from_slice(&size.to_be_bytes());
        frame.extend_from_slice(&header.0);
        frame.extend_from_slice(body);
        let peer = self.peer.clone();
        let failed = |e: std::io::Error| io_error(&peer, e);
        self.set_timeouts()?;
        self.stream.write_all(&frame).map_err(failed)?;
        let mut size = [0u8; 4];
        self.stream.read_exact(&mut size).map_err(failed)?;
        let size = i32::from_be_bytes(size);
        if !(4..=100 << 20).contains(&size) {
            return Err(KtError::broker(format!(
                "broker {} answered with a frame of {size} bytes",
                self.peer
            )));
        }
        let mut answer = vec![0u8; size as usize];
        self.stream.read_exact(&mut answer).map_err(failed)?;
        let correlation = i32::from_be_bytes([answer[0], answer[1], answer[2], answer[3]]);
        if correlation != self.correlation {
            return Err(KtError::broker(format!(
                "broker {} answered request {} with {correlation}",
                self.peer, self.correlation
            )));
        }
        answer.drain(..4);
        Ok(answer)
    }

    fn set_timeouts(&self) -> Result<(), KtError> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io_error(&self.peer, std::io::ErrorKind::TimedOut.into()));
        }
        let _ = self.stream.set_read_timeout(Some(left));
        let _ = self.stream.set_write_timeout(Some(left));
        Ok(())
    }
}

fn io_error(peer: &str, e: std::io::Error) -> KtError {
    {
        match e.kind() {
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => KtError::new(
                ErrorKind::Timeout,
                format!("broker {peer} did not answer in time"),
            ),
            std::io::ErrorKind::UnexpectedEof => KtError::unreachable(format!(
                "broker {} closed the connection (is the listener's security protocol \
                 what --command-config says?)",
                peer
            )),
            _ => KtError::unreachable(format!("broker {peer}: {e}")),
        }
    }
}

impl Connection {
    /// ApiVersions v0: every API the broker serves, as (key, min, max).
    pub fn api_versions(&mut self) -> Result<Vec<(i16, i16, i16)>, KtError> {
        let answer = self.request(api::API_VERSIONS, 0, &[])?;
        let mut d = Decoder::new(&answer);
        let code = d.i16()?;
        if code != 0 {
            return Err(KtError::broker(format!(
                "broker {} refused ApiVersions (error {code})",
                self.peer
            )));
        }
        let n = d.array_len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push((d.i16()?, d.i16()?, d.i16()?));
        }
        Ok(out)
    }
}

/// One log directory of one broker, as DescribeLogDirs v1 reports it.
#[derive(Debug, Clone)]
pub struct LogDir {
    pub path: String,
    /// Kafka's error code for the directory (0: none).
    pub error: i16,
    pub replicas: Vec<Replica>,
}

/// One partition's replica in a log directory.
#[derive(Debug, Clone)]
pub struct Replica {
    pub topic: String,
    pub partition: i32,
    pub size: i64,
    pub offset_lag: i64,
    pub is_future: bool,
}

impl Connection {
    /// DescribeLogDirs v1 for every topic.
    pub fn describe_log_dirs(&mut self) -> Result<Vec<LogDir>, KtError> {
        // A null topic list: every topic.
        let mut body = Encoder::default();
        body.i32(-1);
        let answer = self.request(api::DESCRIBE_LOG_DIRS, 1, &body.0)?;
        let mut d = Decoder::new(&answer);
        let _throttle = d.i32()?;
        let mut dirs = Vec::new();
        for _ in 0..d.array_len()? {
            let error = d.i16()?;
            let path = d.string()?;
            let mut replicas = Vec::new();
            for _ in 0..d.array_len()? {
                let topic = d.string()?;
                for _ in 0..d.array_len()? {
                    replicas.push(Replica {
                        topic: topic.clone(),
                        partition: d.i32()?,
                        size: d.i64()?,
                        offset_lag: d.i64()?,
                        is_future: d.bool()?,
                    });
                }
            }
            dirs.push(LogDir {
                path,
                error,
                replicas,
            });
        }
        Ok(dirs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_answer_is_an_error_not_a_panic() {
        let mut d = Decoder::new(&[0, 1, 0]);
        assert_eq!(d.i16().unwrap(), 1);
        assert!(d.i16().is_err());
        let mut d = Decoder::new(&[0, 5, b'a']);
        assert!(d.string().is_err());
    }

    #[test]
    fn encodes_as_kafka_does() {
        let mut e = Encoder::default();
        e.i16(18).string("ab").nullable_string(None).array_len(2);
        assert_eq!(e.0, vec![0, 18, 0, 2, b'a', b'b', 0xff, 0xff, 0, 0, 0, 2]);
    }
}

/// A broker's refusal of one resource: Kafka's error code and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub code: i16,
    pub message: Option<String>,
}

fn refused(code: i16, message: Option<String>) -> Result<(), Refused> {
    if code == 0 {
        Ok(())
    } else {
        Err(Refused { code, message })
    }
}

/// Kafka's resource types in config requests.
pub mod resource {
    pub const TOPIC: i8 = 2;
    pub const BROKER: i8 = 4;
    pub const BROKER_LOGGER: i8 = 8;
    pub const CLIENT_METRICS: i8 = 16;
}

/// One config entry as DescribeConfigs v1 reports it.
#[derive(Debug, Clone)]
pub struct ConfigEntry {
    pub name: String,
    pub value: Option<String>,
    pub read_only: bool,
    /// Kafka's `ConfigSource` id (see [`config_source`]).
    pub source: i8,
    pub sensitive: bool,
    /// (name, value, source) of each synonym, in precedence order.
    pub synonyms: Vec<(String, Option<String>, i8)>,
}

/// `ConfigEntry.ConfigSource`'s name for a source id.
pub fn config_source(id: i8) -> &'static str {
    match id {
        1 => "DYNAMIC_TOPIC_CONFIG",
        2 => "DYNAMIC_BROKER_CONFIG",
        3 => "DYNAMIC_DEFAULT_BROKER_CONFIG",
        4 => "STATIC_BROKER_CONFIG",
        5 => "DEFAULT_CONFIG",
        6 => "DYNAMIC_BROKER_LOGGER_CONFIG",
        7 => "DYNAMIC_CLIENT_METRICS_CONFIG",
        8 => "DYNAMIC_GROUP_CONFIG",
        _ => "UNKNOWN",
    }
}

/// One client-quota entity: (entity type, name; `None` is the default).
pub type QuotaEntity = Vec<(String, Option<String>)>;

/// An entity and its quotas (key, value).
pub type Quotas = (QuotaEntity, Vec<(String, f64)>);

/// How a DescribeClientQuotas component matches names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuotaMatch {
    Exact(String),
    Default,
    Any,
}

impl Connection {
    /// DescribeConfigs v1 for one resource.
    pub fn describe_configs(
        &mut self,
        resource_type: i8,
        name: &str,
        synonyms: bool,
    ) -> Result<Result<Vec<ConfigEntry>, Refused>, KtError> {
        let mut body = Encoder::default();
        body.array_len(1)
            .i8(resource_type)
            .string(name)
            .i32(-1)
            .bool(synonyms);
        let answer = self.request(api::DESCRIBE_CONFIGS, 1, &body.0)?;
        let mut d = Decoder::new(&answer);
        let _throttle = d.i32()?;
        let mut out = Ok(Vec::new());
        for _ in 0..d.array_len()? {
            let code = d.i16()?;
            let message = d.nullable_string()?;
            let _type = d.i8()?;
            let _name = d.string()?;
            let mut entries = Vec::new();
            for _ in 0..d.array_len()? {
                let name = d.string()?;
                let value = d.nullable_string()?;
                let read_only = d.bool()?;
                let source = d.i8()?;
                let sensitive = d.bool()?;
                let mut synonyms = Vec::new();
                for _ in 0..d.array_len()? {
                    synonyms.push((d.string()?, d.nullable_string()?, d.i8()?));
                }
                entries.push(ConfigEntry {
                    name,
                    value,
                    read_only,
                    source,
                    sensitive,
                    synonyms,
                });
            }
            out = refused(code, message).map(|()| entries);
        }
        Ok(out)
    }

    /// ListClientMetricsResources v0: every client-metrics resource's name.
    pub fn list_client_metrics_resources(
        &mut self,
    ) -> Result<Result<Vec<String>, Refused>, KtError> {
        let answer = self.request_flexible(api::LIST_CLIENT_METRICS_RESOURCES, 0, &[0])?;
        let mut d = Decoder::new(&answer);
        let _throttle = d.i32()?;
        let code = d.i16()?;
        let mut names = Vec::new();
        for _ in 0..d.compact_len()? {
            names.push(d.compact_string()?.unwrap_or_default());
            d.skip_tagged_fields()?;
        }
        Ok(refused(code, None).map(|()| names))
    }

    /// ListGroups v5 without filters: every group this broker coordinates,
    /// of every type (`classic`, `consumer`, `share`, `streams`), as
    /// (group, type); `None` from a broker older than v5 (Kafka 3.8), which
    /// has no group types. librdkafka lists consumer groups only.
    pub fn group_types(&mut self) -> Result<Option<Vec<(String, String)>>, KtError> {
        let v5 = self
            .api_versions()?
            .iter()
            .any(|(key, _, max)| *key == api::LIST_GROUPS && *max >= 5);
        if !v5 {
            return Ok(None);
        }
        // StatesFilter and TypesFilter empty (compact arrays of 0), no tags.
        let answer = self.request_flexible(api::LIST_GROUPS, 5, &[1, 1, 0])?;
        let mut d = Decoder::new(&answer);
        let _throttle = d.i32()?;
        let code = d.i16()?;
        if code != 0 {
            return Err(KtError::broker(format!(
                "broker {} refused ListGroups (error {code})",
                self.peer
            )));
        }
        let mut groups = Vec::new();
        for _ in 0..d.compact_len()? {
            let group = d.compact_string()?.unwrap_or_default();
            let _protocol_type = d.compact_string()?;
            let _state = d.compact_string()?;
            let kind = d.compact_string()?.unwrap_or_default();
            d.skip_tagged_fields()?;
            groups.push((group, kind));
        }
        Ok(Some(groups))
    }

    /// IncrementalAlterConfigs v0 for one resource: (name, op, value) with
    /// Kafka's ops (0 set, 1 delete, 2 append, 3 subtract).
    pub fn incremental_alter_configs(
        &mut self,
        resource_type: i8,
        name: &str,
        ops: &[(String, i8, Option<String>)],
    ) -> Result<Result<(), Refused>, KtError> {
        let mut body = Encoder::default();
        body.array_len(1)
            .i8(resource_type)
            .string(name)
            .array_len(ops.len());
        for (key, op, value) in ops {
            body.string(key).i8(*op).nullable_string(value.as_deref());
        }
        body.bool(false);
        let answer = self.request(api::INCREMENTAL_ALTER_CONFIGS, 0, &body.0)?;
        let mut d = Decoder::new(&answer);
        let _throttle = d.i32()?;
        let mut out = Ok(());
        for _ in 0..d.array_len()? {
            let code = d.i16()?;
            let message = d.nullable_string()?;
            let _type = d.i8()?;
            let _name = d.string()?;
            out = refused(code, message);
        }
        Ok(out)
    }

    /// DescribeClientQuotas v0: each matching entity and its quotas.
    pub fn describe_client_quotas(
        &mut self,
        components: &[(String, QuotaMatch)],
        strict: bool,
    ) -> Result<Result<Vec<Quotas>, Refused>, KtError> {
        let mut body = Encoder::default();
        body.array_len(components.len());
        for (entity_type, matching) in components {
            body.string(entity_type);
            match matching {
                QuotaMatch::Exact(name) => body.i8(0).nullable_string(Some(name)),
                QuotaMatch::Default => body.i8(1).nullable_string(None),
                QuotaMatch::Any => body.i8(2).nullable_string(None),
            };
        }
        body.bool(strict);
        let answer = self.request(api::DESCRIBE_CLIENT_QUOTAS, 0, &body.0)?;
        let mut d = Decoder::new(&answer);
        let _throttle = d.i32()?;
        let code = d.i16()?;
        let message = d.nullable_string()?;
        let mut entries = Vec::new();
        for _ in 0..d.array_len()? {
            let mut entity = Vec::new();
            for _ in 0..d.array_len()? {
                entity.push((d.string()?, d.nullable_string()?));
            }
            let mut values = Vec::new();
            for _ in 0..d.array_len()? {
                values.push((d.string()?, d.f64()?));
            }
            entries.push((entity, values));
        }
        Ok(refused(code, message).map(|()| entries))
    }

    /// AlterClientQuotas v0 for one entity: (key, `Some(value)` to set,
    /// `None` to remove).
    pub fn alter_client_quotas(
        &mut self,
        entity: &QuotaEntity,
        ops: &[(String, Option<f64>)],
    ) -> Result<Result<(), Refused>, KtError> {
        let mut body = Encoder::default();
        body.array_len(1).array_len(entity.len());
        for (entity_type, name) in entity {
            body.string(entity_type).nullable_string(name.as_deref());
        }
        body.array_len(ops.len());
        for (key, value) in ops {
            body.string(key)
                .f64(value.unwrap_or(0.0))
                .bool(value.is_none());
        }
        body.bool(false);
        let answer = self.request(api::ALTER_CLIENT_QUOTAS, 0, &body.0)?;
        let mut d = Decoder::new(&answer);
        let _throttle = d.i32()?;
        let mut out = Ok(());
        for _ in 0..d.array_len()? {
            let code = d.i16()?;
            let message = d.nullable_string()?;
            for _ in 0..d.array_len()? {
                let _ = (d.string()?, d.nullable_string()?);
            }
            out = refused(code, message);
        }
        Ok(out)
    }
}

/// One ACL binding (or filter): Kafka's resource type, name and pattern
/// type, and the entry's principal, host, operation and permission, with
/// Kafka's enum ids (a filter's `None` is "any").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Acl {
    pub resource_type: i8,
    pub name: Option<String>,
    pub pattern_type: i8,
    pub principal: Option<String>,
    pub host: Option<String>,
    pub operation: i8,
    pub permission: i8,
}

/// A resource pattern: type, name and pattern type.
type Pattern = (i8, Option<String>, i8);

impl Decoder<'_> {
    /// An ACL entry (principal, host, operation, permission) of `pattern`.
    fn acl_entry(&mut self, pattern: &Pattern) -> Result<Acl, KtError> {
        Ok(Acl {
            resource_type: pattern.0,
            name: pattern.1.clone(),
            pattern_type: pattern.2,
            principal: Some(self.string()?),
            host: Some(self.string()?),
            operation: self.i8()?,
            permission: self.i8()?,
        })
    }
}

impl Encoder {
    fn acl_filter(&mut self, a: &Acl) -> &mut Self {
        self.i8(a.resource_type)
            .nullable_string(a.name.as_deref())
            .i8(a.pattern_type)
            .nullable_string(a.principal.as_deref())
            .nullable_string(a.host.as_deref())
            .i8(a.operation)
            .i8(a.permission)
    }
}

impl Connection {
    /// DescribeAcls v1: the bindings matching `filter`.
    pub fn describe_acls(&mut self, filter: &Acl) -> Result<Result<Vec<Acl>, Refused>, KtError> {
        let mut body = Encoder::default();
        body.acl_filter(filter);
        let answer = self.request(api::DESCRIBE_ACLS, 1, &body.0)?;
        let mut d = Decoder::new(&answer);
        let _throttle = d.i32()?;
        let code = d.i16()?;
        let message = d.nullable_string()?;
        let mut acls = Vec::new();
        for _ in 0..d.array_len()? {
            let resource_type = d.i8()?;
            let name = d.string()?;
            let pattern_type = d.i8()?;
            let pattern = (resource_type, Some(name), pattern_type);
            for _ in 0..d.array_len()? {
                acls.push(d.acl_entry(&pattern)?);
            }
        }
        Ok(refused(code, message).map(|()| acls))
    }

    /// CreateAcls v1: each binding's refusal, if any, in order.
    pub fn create_acls(&mut self, acls: &[Acl]) -> Result<Vec<Result<(), Refused>>, KtError> {
        let mut body = Encoder::default();
        body.array_len(acls.len());
        for a in acls {
            body.acl_filter(a);
        }
        let answer = self.request(api::CREATE_ACLS, 1, &body.0)?;
        let mut d = Decoder::new(&answer);
        let _throttle = d.i32()?;
        let mut out = Vec::new();
        for _ in 0..d.array_len()? {
            let code = d.i16()?;
            let message = d.nullable_string()?;
            out.push(refused(code, message));
        }
        Ok(out)
    }

    /// DeleteAcls v1: for each filter, the bindings it deleted, or its refusal.
    pub fn delete_acls(
        &mut self,
        filters: &[Acl],
    ) -> Result<Vec<Result<Vec<Acl>, Refused>>, KtError> {
        let mut body = Encoder::default();
        body.array_len(filters.len());
        for f in filters {
            body.acl_filter(f);
        }
        let answer = self.request(api::DELETE_ACLS, 1, &body.0)?;
        let mut d = Decoder::new(&answer);
        let _throttle = d.i32()?;
        let mut out = Vec::new();
        for _ in 0..d.array_len()? {
            let code = d.i16()?;
            let message = d.nullable_string()?;
            let mut deleted = Vec::new();
            for _ in 0..d.array_len()? {
                let _code = d.i16()?;
                let _message = d.nullable_string()?;
                let pattern = (d.i8()?, Some(d.string()?), d.i8()?);
                deleted.push(d.acl_entry(&pattern)?);
            }
            out.push(refused(code, message).map(|()| deleted));
        }
        Ok(out)
    }
}
