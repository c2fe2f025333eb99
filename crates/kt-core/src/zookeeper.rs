//! `--zookeeper`: find the live brokers in ZooKeeper, as Kafka registered them.
//!
//! Kafka (before KRaft) writes each live broker under `/brokers/ids/<id>` as JSON
//! with `endpoints` (`"PLAINTEXT://host:9092"`) and the older `host`/`port`
//! pair. kt reads them once and then talks only to the brokers.

use std::io;
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use serde::Deserialize;

use crate::error::KtError;

#[derive(Debug, Deserialize)]
struct BrokerRegistration {
    #[serde(default)]
    endpoints: Vec<String>,
    host: Option<String>,
    port: Option<i64>,
}

/// The bootstrap list (`host:port,...`) of the brokers registered in the
/// ZooKeeper ensemble `connect` (`host:port,...[/chroot]`).
pub fn broker_list(connect: &str, timeout: Duration) -> Result<String, KtError> {
    probe(connect, timeout)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| KtError::broker(format!("cannot start the ZooKeeper client: {e}")))?;
    let registrations = runtime.block_on(async {
        tokio::time::timeout(timeout, read_registrations(connect))
            .await
            .unwrap_or_else(|_| Err(unreachable(connect, timeout, "no answer")))
    })?;
    let mut servers: Vec<String> = registrations
        .iter()
        .filter_map(|(_, json)| endpoint_of(json))
        .collect();
    servers.dedup();
    if servers.is_empty() {
        return Err(KtError::unreachable(format!(
            "no broker is registered in ZooKeeper at {connect} (/brokers/ids is empty); \
             start a broker or pass --bootstrap-server"
        )));
    }
    Ok(servers.join(","))
}

async fn read_registrations(connect: &str) -> Result<Vec<(String, Vec<u8>)>, KtError> {
    // The client checks that a chroot exists before it connects; kt reads
    // under the chroot itself so an empty one reads as "no broker".
    let (hosts, chroot) = match connect.find('/') {
        Some(i) => (&connect[..i], connect[i..].trim_end_matches('/')),
        None => (connect, ""),
    };
    // Not fail-eagerly: a ZooKeeper that has just started may refuse the first
    // session; the caller's timeout bounds the wait.
    let client = zookeeper_client::Client::connector()
        .connect(hosts)
        .await
        .map_err(|e| unreachable(connect, Duration::ZERO, &e.to_string()))?;
    let mut ids = match client.get_children(&format!("{chroot}/brokers/ids")).await {
        Ok((ids, _)) => ids,
        Err(zookeeper_client::Error::NoNode) => Vec::new(),
        Err(e) => {
            return Err(KtError::broker(format!(
                "reading /brokers/ids from ZooKeeper at {connect}: {e}"
            )))
        }
    };
    ids.sort_by_key(|id| id.parse::<i64>().unwrap_or(i64::MAX));
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        // A broker can go away between the listing and the read.
        if let Ok((data, _)) = client.get_data(&format!("{chroot}/brokers/ids/{id}")).await {
            out.push((id, data));
        }
    }
    Ok(out)
}

/// Fails at once, with the reason, when no host of the ensemble resolves
/// and accepts a TCP connection: the ZooKeeper client would retry a refused
/// or unknown host until the timeout.
fn probe(connect: &str, timeout: Duration) -> Result<(), KtError> {
    let hosts = connect.split('/').next().unwrap_or(connect);
    let mut reasons = Vec::new();
    for host in hosts.split(',').map(str::trim).filter(|h| !h.is_empty()) {
        // A host without a port is on ZooKeeper's default one.
        let with_port = if host
            .rsplit_once(':')
            .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
        {
            host.to_string()
        } else {
            format!("{host}:2181")
        };
        let addrs = match with_port.to_socket_addrs() {
            Ok(addrs) => addrs,
            Err(_) => {
                reasons.push(format!("{host}: cannot resolve the host name"));
                continue;
            }
        };
        for addr in addrs {
            match TcpStream::connect_timeout(&addr, timeout) {
                Ok(_) => return Ok(()),
                Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => {
                    reasons.push(format!("{host}: connection refused"))
                }
                Err(e) => reasons.push(format!("{host}: {e}")),
            }
        }
    }
    reasons.dedup();
    Err(KtError::unreachable(format!(
        "cannot connect to ZooKeeper at {connect} ({}); check --zookeeper",
        reasons.join(", ")
    )))
}

fn unreachable(connect: &str, timeout: Duration, why: &str) -> KtError {
    let within = if timeout.is_zero() {
        String::new()
    } else {
        format!(" within {}", crate::error::human_duration(timeout))
    };
    KtError::unreachable(format!(
        "ZooKeeper at {connect} did not answer{within} ({why}); check --zookeeper"
    ))
}

/// `host:port` of one registration: the PLAINTEXT endpoint if there is one,
/// else the first endpoint, else the legacy `host`/`port` fields.
fn endpoint_of(json: &[u8]) -> Option<String> {
    let reg: BrokerRegistration = serde_json::from_slice(json).ok()?;
    let from_endpoint = |e: &String| e.split_once("://").map(|(_, hp)| hp.to_string());
    reg.endpoints
        .iter()
        .find(|e| e.starts_with("PLAINTEXT://"))
        .or_else(|| reg.endpoints.first())
        .and_then(from_endpoint)
        .or_else(|| match (reg.host, reg.port) {
            (Some(h), Some(p)) if !h.is_empty() && p > 0 => Some(format!("{h}:{p}")),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_prefer_plaintext() {
        let json = br#"{"listener_security_protocol_map":{"SSL":"SSL","PLAINTEXT":"PLAINTEXT"},
            "endpoints":["SSL://h:9093","PLAINTEXT://h:9092"],"jmx_port":-1,"host":"h","port":9092,"version":4}"#;
        assert_eq!(endpoint_of(json).as_deref(), Some("h:9092"));
    }

    #[test]
    fn legacy_host_port_is_a_fallback() {
        assert_eq!(
            endpoint_of(br#"{"host":"old","port":9092,"version":1}"#).as_deref(),
            Some("old:9092")
        );
        assert_eq!(endpoint_of(br#"{"version":1}"#), None);
        assert_eq!(endpoint_of(b"not json"), None);
    }

    #[test]
    fn unreachable_zookeeper_is_one_line_in_bounded_time() {
        let started = std::time::Instant::now();
        let err = broker_list("127.0.0.1:1", Duration::from_secs(2)).unwrap_err();
        assert_eq!(err.kind, crate::ErrorKind::Unreachable);
        assert!(err.message.contains("check --zookeeper"), "{}", err.message);
        assert!(!err.message.contains('\n'));
        assert!(started.elapsed() < Duration::from_secs(4));
    }
}
