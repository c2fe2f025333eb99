//! The console tools: `kt produce` (kafka-console-producer) and
//! `kt consume` (kafka-console-consumer).

pub mod consume;
pub mod consume_args;
pub mod envelope;
pub mod formatter;
pub mod produce;
pub mod produce_args;
pub mod reader;
pub mod signals;

use kt_core::{ConnectionArgs, Endpoint, KtError};

use crate::dispatch::Mode;

/// The endpoint for a console tool. Under a Kafka name `--bootstrap-server`
/// is required and, for the producer, each entry must be `host:port`;
/// `kt produce`/`kt consume` without one use the mock cluster and say so.
pub fn endpoint(
    conn: &ConnectionArgs,
    mode: Mode,
    check_host_port: bool,
) -> Result<Endpoint, KtError> {
    match (conn.endpoint()?, mode) {
        (Some(Endpoint::Brokers(list)), Mode::Compat)
            if check_host_port && !valid_host_ports(&list) =>
        {
            Err(KtError::usage(
                "Please provide valid host:port like host1:9091,host2:9092\n ",
            ))
        }
        (Some(endpoint), _) => Ok(endpoint),
        (None, Mode::Compat) => Err(KtError::usage(
            "Missing required argument \"[bootstrap-server]\"",
        )),
        (None, Mode::Native) => {
            eprintln!("kt: no --bootstrap-server given; using the embedded mock cluster, which lives only as long as this command");
            Ok(Endpoint::Mock(3))
        }
    }
}

/// Kafka's check: every comma-separated entry ends in `:<digits>`.
fn valid_host_ports(list: &str) -> bool {
    list.split(',').all(|entry| {
        entry.trim().rsplit_once(':').is_some_and(|(host, port)| {
            !host.is_empty() && !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn host_port_check_is_kafkas() {
        assert!(super::valid_host_ports("a:1,b:9092"));
        assert!(!super::valid_host_ports("localhost"));
        assert!(!super::valid_host_ports("a:1,b"));
        assert!(!super::valid_host_ports("a:x"));
    }
}
