//! Which cluster a tool talks to, and the error when none is named.

use kt_core::{ConnectionArgs, Endpoint, KtError};

use crate::dispatch::Mode;

/// The endpoint a tool connects to. Under a Kafka name `--bootstrap-server`
/// is required (Kafka's text) and, for the console producer, each entry must
/// be `host:port`; kt's own commands without one get kt's one-line error
/// (the mock cluster only when named: nothing in it outlives the command).
pub fn required(
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
        (None, Mode::Native) => Err(kt_core::connection::no_endpoint()),
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
