//! kt's own Kafka protocol path, for the requests librdkafka has no call
//! for (ApiVersions, DescribeLogDirs, configs of any resource type, client
//! quotas, ACLs, group types, and the next tools' requests): the codecs
//! are generated from Kafka's own message schemas (the `kafka-protocol`
//! crate), versions are negotiated with ApiVersions, and the transport is
//! librdkafka's (TLS through the same OpenSSL and the same settings, SASL
//! PLAIN, SCRAM, GSSAPI and OAUTHBEARER).
//!
//! A request is added by calling [`Broker::send`] with the crate's message
//! struct; the answer comes back typed. [`ops`] holds the ones tools use,
//! in kt's own types.

mod look;
mod oauth;
mod ops;
mod pool;
mod sasl;
mod transport;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

use bytes::{Buf, BufMut, Bytes, BytesMut};
use kafka_protocol::messages::{ApiKey, ApiVersionsRequest, RequestHeader, ResponseHeader};
use kafka_protocol::protocol::{Decodable, Encodable, HeaderVersion, Request, StrBytes};

pub use look::{look, why_refused, Look, Step};
pub use oauth::librdkafka_token_refusal as token_refusal;
pub use ops::*;
pub use pool::Pool;
pub use sasl::{
    mechanism as sasl_mechanism, no_sasl, not_offered, refused as sasl_refused, uses_sasl, KINIT,
};
pub use transport::{refusal as tls_refusal, uses_tls, TlsFacts};

use crate::config::Translated;
use crate::error::{ErrorKind, KtError};

/// One blocking connection to one broker: connected, authenticated, and
/// its API versions known.
pub struct Broker {
    stream: transport::Stream,
    correlation: i32,
    client_id: StrBytes,
    deadline: Instant,
    peer: String,
    /// Each API the broker serves: (min, max) version.
    versions: HashMap<i16, (i16, i16)>,
    /// The same, in the broker's order, as kafka-broker-api-versions prints.
    listed: Vec<(i16, i16, i16)>,
    /// The features its ApiVersions answer reported.
    features: Features,
}

impl Broker {
    /// Connects to `host:port`, negotiates versions and authenticates as
    /// `config` says, all within `timeout` (which also bounds every later
    /// request).
    pub fn connect(
        host: &str,
        port: u16,
        config: &Translated,
        client_id: &str,
        timeout: Duration,
    ) -> Result<Broker, KtError> {
        let deadline = Instant::now() + timeout;
        let stream = transport::Stream::connect(host, port, config, deadline)?;
        let mut broker = Broker::over(stream, host, port, client_id, deadline);
        broker.negotiate()?;
        sasl::authenticate(&mut broker, config, host, timeout)?;
        Ok(broker)
    }

    /// [`Broker::connect`] to the first of `addresses` that answers, or
    /// the first one's failure.
    pub fn connect_any(
        addresses: &[(String, u16)],
        config: &Translated,
        client_id: &str,
        timeout: Duration,
    ) -> Result<Broker, KtError> {
        let mut first_error = None;
        for (host, port) in addresses {
            match Broker::connect(host, *port, config, client_id, timeout) {
                Ok(b) => return Ok(b),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        Err(first_error.unwrap_or_else(|| KtError::usage("give --bootstrap-server HOST:PORT")))
    }

    /// A broker on `stream`, before any request.
    fn over(
        stream: transport::Stream,
        host: &str,
        port: u16,
        client_id: &str,
        deadline: Instant,
    ) -> Broker {
        Broker {
            stream,
            correlation: 0,
            client_id: StrBytes::from_string(client_id.to_string()),
            deadline,
            peer: format!("{host}:{port}"),
            versions: HashMap::new(),
            listed: Vec::new(),
            features: Features::default(),
        }
    }

    /// Gives the connection `from_now` more for its later requests: a
    /// command that runs until stopped renews it each time it asks again.
    pub fn renew_deadline(&mut self, from_now: Duration) {
        self.deadline = Instant::now() + from_now;
    }

    /// `host:port`, for messages.
    pub fn peer(&self) -> &str {
        &self.peer
    }

    /// Every API the broker serves, as (key, min, max), in its order.
    pub fn api_versions(&self) -> &[(i16, i16, i16)] {
        &self.listed
    }

    /// The features its ApiVersions answer reported (Kafka's
    /// `describeFeatures` asks exactly this).
    pub fn features(&self) -> &Features {
        &self.features
    }

    /// Whether it serves the request with API key `key`.
    pub fn serves(&self, key: i16) -> bool {
        self.versions.contains_key(&key)
    }

    /// ApiVersions: the newest version kt and the broker share (v4, with
    /// kt's name and version; v3 leaves out the features whose lowest
    /// version is 0, such as kraft.version), or the broker's newest when it
    /// is older.
    fn negotiate(&mut self) -> Result<(), KtError> {
        let request = ApiVersionsRequest::default()
            .with_client_software_name(StrBytes::from_static_str("kt"))
            .with_client_software_version(StrBytes::from_static_str(env!("CARGO_PKG_VERSION")));
        let mut answer = self.exchange(&request, 4)?;
        // UNSUPPORTED_VERSION: the broker answered in v0 with the versions
        // it serves (KIP-511); ask again at the newest it has.
        if answer.error_code == 35 {
            let max = answer
                .api_keys
                .iter()
                .find(|k| k.api_key == ApiKey::ApiVersions as i16)
                .map_or(0, |k| k.max_version.min(4));
            answer = self.exchange(&ApiVersionsRequest::default(), max)?;
        }
        if answer.error_code != 0 {
            return Err(KtError::broker(format!(
                "broker {} refused ApiVersions (error {})",
                self.peer, answer.error_code
            )));
        }
        self.features = Features {
            supported: answer
                .supported_features
                .iter()
                .map(|f| (f.name.to_string(), f.min_version, f.max_version))
                .collect(),
            finalized: answer
                .finalized_features
                .iter()
                .map(|f| (f.name.to_string(), f.max_version_level))
                .collect(),
            epoch: (answer.finalized_features_epoch >= 0)
                .then_some(answer.finalized_features_epoch),
        };
        for k in &answer.api_keys {
            self.versions
                .insert(k.api_key, (k.min_version, k.max_version));
            self.listed.push((k.api_key, k.min_version, k.max_version));
        }
        Ok(())
    }

    /// The version of `R` to send: the newest both sides have.
    fn version_of<R: Request>(&self) -> Result<i16, KtError> {
        let ours = R::VERSIONS;
        let name =
            ApiKey::try_from(R::KEY).map_or_else(|_| R::KEY.to_string(), |k| format!("{k:?}"));
        match self.versions.get(&R::KEY) {
            Some(&(min, max)) if min.max(ours.min) <= max.min(ours.max) => Ok(max.min(ours.max)),
            Some(&(min, max)) => Err(unsupported(format!(
                "broker {} serves {name} v{min} to v{max}, kt speaks v{} to v{}",
                self.peer, ours.min, ours.max
            ))),
            None => Err(unsupported(format!(
                "broker {} does not serve {name}",
                self.peer
            ))),
        }
    }

    /// Sends `request` at the newest version both sides have and returns
    /// the answer.
    pub fn send<R: Request>(&mut self, request: &R) -> Result<R::Response, KtError> {
        let version = self.version_of::<R>()?;
        self.exchange(request, version)
    }

    /// [`Broker::send`] at a version the caller chose (a shape the tool's
    /// output depends on); `None` when the broker does not serve it.
    pub fn send_at<R: Request>(
        &mut self,
        request: &R,
        version: i16,
    ) -> Result<Option<R::Response>, KtError> {
        match self.versions.get(&R::KEY) {
            Some(&(min, max)) if (min..=max).contains(&version) => {
                self.exchange(request, version).map(Some)
            }
            _ => Ok(None),
        }
    }

    fn exchange<R: Request>(&mut self, request: &R, version: i16) -> Result<R::Response, KtError> {
        if Instant::now() >= self.deadline {
            return Err(io_error(&self.peer, std::io::ErrorKind::TimedOut.into()));
        }
        self.stream.set_deadline(self.deadline)?;
        self.correlation += 1;
        let header = RequestHeader::default()
            .with_request_api_key(R::KEY)
            .with_request_api_version(version)
            .with_correlation_id(self.correlation)
            .with_client_id(Some(self.client_id.clone()));
        let mut body = BytesMut::new();
        let encoded = header
            .encode(&mut body, R::header_version(version))
            .and_then(|()| request.encode(&mut body, version));
        encoded.map_err(|e| KtError::broker(format!("cannot encode the request: {e}")))?;
        let mut frame = BytesMut::with_capacity(body.len() + 4);
        frame.put_i32(i32::try_from(body.len()).unwrap_or(i32::MAX));
        frame.extend_from_slice(&body);
        self.stream
            .write_all(&frame)
            .and_then(|()| self.stream.flush())
            .map_err(|e| io_error(&self.peer, e))?;
        let mut len = [0u8; 4];
        self.stream
            .read_exact(&mut len)
            .map_err(|e| io_error(&self.peer, e))?;
        let len = i32::from_be_bytes(len);
        if !(4..=256 * 1024 * 1024).contains(&len) {
            return Err(KtError::broker(format!(
                "broker {} sent a frame of {len} bytes",
                self.peer
            )));
        }
        let mut answer = vec![0u8; len as usize];
        self.stream
            .read_exact(&mut answer)
            .map_err(|e| io_error(&self.peer, e))?;
        let mut answer = Bytes::from(answer);
        let short = |e: anyhow::Error| {
            KtError::broker(format!(
                "broker {} sent an answer kt cannot read: {e}",
                self.peer
            ))
        };
        let header = ResponseHeader::decode(&mut answer, R::Response::header_version(version))
            .map_err(short)?;
        if header.correlation_id != self.correlation {
            return Err(KtError::broker(format!(
                "broker {} answered request {} with {}",
                self.peer, self.correlation, header.correlation_id
            )));
        }
        let decoded = R::Response::decode(&mut answer, version).map_err(short)?;
        let _ = answer.remaining();
        Ok(decoded)
    }
}

fn unsupported(message: String) -> KtError {
    KtError::broker(message)
}

fn io_error(peer: &str, e: std::io::Error) -> KtError {
    match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => KtError::new(
            ErrorKind::Timeout,
            format!("broker {peer} did not answer in time"),
        ),
        std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset => {
            KtError::unreachable(format!(
                "broker {peer} closed the connection (is the listener's security protocol \
                 what the client properties say?)"
            ))
        }
        _ => transport::certificate_refused(peer, &e.to_string())
            .unwrap_or_else(|| KtError::unreachable(format!("broker {peer}: {e}"))),
    }
}

/// The message types of [`Broker::send`], for callers that build requests.
pub mod messages {
    pub use kafka_protocol::messages::*;
    pub use kafka_protocol::protocol::StrBytes;
}
