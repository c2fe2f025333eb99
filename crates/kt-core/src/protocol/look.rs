//! One listener, looked at step by step as a client meets it: the name
//! resolved, TCP, TLS (the broker's certificate, its names and dates),
//! ApiVersions, SASL, and a metadata answer. `kt doctor` prints each step;
//! the librdkafka path asks [`why_refused`] when a broker it reached turned
//! the client away, and says that instead of librdkafka's log line.

use std::time::{Duration, Instant};

use kafka_protocol::messages::{MetadataRequest, SaslHandshakeRequest};
use kafka_protocol::protocol::StrBytes;

use super::{sasl, transport, Broker};
use crate::config::Translated;
use crate::error::{ErrorKind, KtError};

/// One step and what it found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Step {
    /// `dns`, `tcp`, `tls`, `api-versions`, `sasl` or `metadata`.
    pub step: String,
    /// How long it took.
    #[serde(rename = "took_ms", serialize_with = "millis")]
    pub took: Duration,
    pub detail: String,
}

fn millis<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((d.as_secs_f64() * 1e6).round() / 1e3)
}

/// What a look found: the steps that passed, the one that failed, and on
/// success the broker (connected and logged in) and the cluster's brokers
/// as metadata advertises them.
pub struct Look {
    pub steps: Vec<Step>,
    pub failed: Option<(&'static str, KtError)>,
    pub broker: Option<Broker>,
    pub tls: Option<transport::TlsFacts>,
    /// (node id, host, port, rack), and the controller's id.
    pub brokers: Vec<(i32, String, u16, Option<String>)>,
    pub controller: Option<i32>,
    pub cluster_id: Option<String>,
}

/// Looks at `host:port` with `config`, every step within `timeout`.
pub fn look(
    host: &str,
    port: u16,
    config: &Translated,
    client_id: &str,
    timeout: Duration,
) -> Look {
    let deadline = Instant::now() + timeout;
    let mut look = Look {
        steps: Vec::new(),
        failed: None,
        broker: None,
        tls: None,
        brokers: Vec::new(),
        controller: None,
        cluster_id: None,
    };
    let peer = format!("{host}:{port}");
    let mut clock = Instant::now();
    let mut passed = |look: &mut Look, step: &'static str, detail: String| {
        look.steps.push(Step {
            step: step.to_string(),
            took: clock.elapsed(),
            detail,
        });
        clock = Instant::now();
    };
    macro_rules! attempt {
        ($step:literal, $e:expr) => {
            match $e {
                Ok(v) => v,
                Err(e) => {
                    look.failed = Some(($step, e));
                    return look;
                }
            }
        };
    }
    let addrs = attempt!("dns", transport::resolve(host, port));
    let shown: Vec<String> = addrs.iter().map(|a| a.ip().to_string()).collect();
    passed(&mut look, "dns", format!("{host} is {}", shown.join(", ")));
    let tcp = attempt!("tcp", transport::tcp(host, port, deadline));
    let local = tcp
        .peer_addr()
        .map_or_else(|_| peer.clone(), |a| a.to_string());
    passed(&mut look, "tcp", format!("connected to {local}"));
    let stream = if transport::uses_tls(config) {
        let (tls, facts) = attempt!("tls", transport::tls(tcp, host, port, config));
        passed(&mut look, "tls", tls_detail(&facts));
        look.tls = Some(facts);
        transport::Stream::Tls(Box::new(tls))
    } else {
        transport::Stream::Plain(tcp)
    };
    let mut broker = Broker::over(stream, host, port, client_id, deadline);
    if let Err(e) = broker.negotiate() {
        // A client without TLS at a TLS listener: the broker hangs up.
        let e = if !transport::uses_tls(config) && transport::speaks_tls(host, port, deadline) {
            KtError::config(format!(
                "{peer} is a TLS listener; set security.protocol to SSL (or SASL_SSL) and \
                 ssl.truststore.location"
            ))
        } else {
            e
        };
        look.failed = Some(("api-versions", e));
        return look;
    }
    passed(
        &mut look,
        "api-versions",
        format!("the broker serves {} APIs", broker.api_versions().len()),
    );
    let timeout_left = deadline.saturating_duration_since(Instant::now());
    if let Some(done) = attempt!(
        "sasl",
        sasl::authenticate(&mut broker, config, host, timeout_left)
    ) {
        passed(&mut look, "sasl", format!("logged in with {done}"));
    }
    let request = MetadataRequest::default().with_topics(Some(Vec::new()));
    match broker.send(&request) {
        Ok(md) => {
            look.brokers = md
                .brokers
                .iter()
                .map(|b| {
                    (
                        b.node_id.0,
                        b.host.to_string(),
                        u16::try_from(b.port).unwrap_or(0),
                        b.rack.as_ref().map(|r| r.to_string()),
                    )
                })
                .collect();
            look.controller = Some(md.controller_id.0).filter(|c| *c >= 0);
            look.cluster_id = md.cluster_id.as_ref().map(|c| c.to_string());
            let n = look.brokers.len();
            let detail = format!(
                "cluster {}: {n} broker{}, controller {}",
                look.cluster_id.as_deref().unwrap_or("(no id)"),
                if n == 1 { "" } else { "s" },
                look.controller
                    .map_or_else(|| "unknown".to_string(), |c| c.to_string())
            );
            passed(&mut look, "metadata", detail);
            look.broker = Some(broker);
        }
        Err(e) => {
            // A client without SASL at a SASL listener: ApiVersions passes,
            // the next request is hung up on.
            let e = if sasl::uses_sasl(config) {
                e
            } else {
                sasl_listener(host, port, config, client_id, deadline).unwrap_or(e)
            };
            look.failed = Some(("metadata", e));
        }
    }
    look
}

/// When `host:port` answers a SaslHandshake with its mechanisms: the error
/// for a client that did not log in.
fn sasl_listener(
    host: &str,
    port: u16,
    config: &Translated,
    client_id: &str,
    deadline: Instant,
) -> Option<KtError> {
    let stream = transport::Stream::connect(host, port, config, deadline).ok()?;
    let mut broker = Broker::over(stream, host, port, client_id, deadline);
    broker.negotiate().ok()?;
    let answer = broker
        .send(&SaslHandshakeRequest::default().with_mechanism(StrBytes::from_static_str("PLAIN")))
        .ok()?;
    if answer.error_code == 34 || answer.mechanisms.is_empty() {
        return None;
    }
    let offered = super::sasl::offered_list(answer.mechanisms.iter().map(|m| m.as_str()));
    let tls = if transport::uses_tls(config) {
        "SASL_SSL"
    } else {
        "SASL_PLAINTEXT"
    };
    Some(KtError::config(format!(
        "{host}:{port} is a SASL listener (it offers {offered}); set security.protocol to {tls}, \
         sasl.mechanism and sasl.jaas.config"
    )))
}

fn tls_detail(t: &transport::TlsFacts) -> String {
    let names = if t.names.is_empty() {
        String::new()
    } else {
        format!(" [{}]", t.names.join(", "))
    };
    let client = match &t.client_certificate {
        Some(c) => format!("; kt presented {c}"),
        None => String::new(),
    };
    format!(
        "{}; the broker's certificate {}{names}, issued by {}, valid until {} ({} days){client}",
        t.version, t.subject, t.issuer, t.not_after, t.days_left
    )
}

/// Why a broker that librdkafka reached turned this client away, when
/// that is a setting (TLS, SASL, a listener of another protocol); `None`
/// when kt's own look finds nothing wrong or the broker is just down.
pub fn why_refused(
    host: &str,
    port: u16,
    config: &Translated,
    timeout: Duration,
) -> Option<KtError> {
    let look = look(host, port, config, "kt", timeout);
    match look.failed {
        Some((_, e)) if e.kind == ErrorKind::Config => Some(e),
        _ => None,
    }
}
