//! The verifiable clients Kafka's system tests drive: kafka-verifiable-producer
//! ([`producer`]) and kafka-verifiable-consumer ([`consumer`]). Each prints
//! one JSON line on stdout per event, as Jackson writes Kafka's event
//! classes: `timestamp` and `name` first, then the event's own fields.
//!
//! Under their Kafka names the command lines are argparse4j's (the usage and
//! error texts of Kafka 3.9); the event lines are the same under both names.

pub mod consumer;
pub mod producer;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use kt_core::connection::{Connection, Request};
use kt_core::{Cluster, ConnectionArgs, Diagnostics};

use crate::argparse::Parsed;
use crate::dispatch::Mode;
use crate::endpoint::Kafka;

/// The cluster of a verifiable client: its connection flags, and its
/// `--producer.config`/`--consumer.config` file as the command config.
fn open(
    mut connection: ConnectionArgs,
    config: Option<PathBuf>,
    mode: Mode,
    err: &Diagnostics,
) -> anyhow::Result<Cluster> {
    if let Some(file) = config {
        connection.command_config = Some(file);
    }
    let request = Request {
        endpoint: crate::endpoint::rule(mode, Kafka::Argument, false),
        ..Default::default()
    };
    Connection::resolve(&connection, request)?.open(err)
}

/// Event lines a client's callbacks leave, for the tool to write between
/// its calls into librdkafka, in the order they happened.
#[derive(Default)]
struct Pending(Mutex<Vec<String>>);

impl Pending {
    fn push(&self, line: String) {
        if let Ok(mut lines) = self.0.lock() {
            lines.push(line);
        }
    }

    fn any(&self) -> bool {
        self.0.lock().is_ok_and(|l| !l.is_empty())
    }

    fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let lines = match self.0.lock() {
            Ok(mut l) if !l.is_empty() => std::mem::take(&mut *l),
            _ => return Ok(()),
        };
        for line in lines {
            writeln!(out, "{line}")?;
        }
        out.flush()
    }
}

/// The connection of a parsed Kafka command line: `--bootstrap-server`, or
/// `--broker-list` without it, and the config file given with `config`.
fn kafka_connection(p: &Parsed, config: &str) -> ConnectionArgs {
    let (mut connection, _) = p.connection(config);
    if connection.bootstrap_server.is_none() {
        connection.bootstrap_server = p.value("--broker-list").map(str::to_string);
    }
    connection
}

/// Milliseconds since the epoch, as `System.currentTimeMillis()`.
fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// A JSON string, or `null`.
fn json(text: Option<&str>) -> String {
    text.map_or_else(|| "null".into(), |t| serde_json::Value::from(t).to_string())
}

/// An event line: its time and `name`, then `fields` (`"key":value` pairs
/// joined by commas, or nothing).
fn event(name: &str, fields: &str) -> String {
    let sep = if fields.is_empty() { "" } else { "," };
    format!(
        "{{\"timestamp\":{},\"name\":\"{name}\"{sep}{fields}}}",
        now_ms()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_starts_with_its_time_and_name() {
        let line = event("startup_complete", "");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert!(line.starts_with("{\"timestamp\":"), "{line}");
        assert!(line.ends_with(",\"name\":\"startup_complete\"}"), "{line}");
        assert!(v["timestamp"].as_i64().unwrap() > 1_600_000_000_000);
        let line = event("x", "\"count\":2");
        assert!(line.ends_with(",\"name\":\"x\",\"count\":2}"), "{line}");
        assert_eq!(json(None), "null");
        assert_eq!(json(Some("a\"b")), "\"a\\\"b\"");
    }
}
