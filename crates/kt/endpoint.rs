//! The endpoint rule each tool hands to [`Connection::resolve`]: Kafka's
//! text for a missing `--bootstrap-server` under a Kafka name, kt's own
//! one-line error (the mock cluster only when named: nothing in it outlives
//! the command) otherwise.
//!
//! [`Connection::resolve`]: kt_core::connection::Connection::resolve

use kt_core::connection::EndpointRule;
use kt_core::{Endpoint, KtError};

use crate::dispatch::Mode;

/// How a Kafka tool says that no endpoint was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kafka {
    /// The console tools' parser: `Missing required argument "[bootstrap-server]"`.
    Argument,
    /// jopt's required option: `Missing required option(s) [bootstrap-server]`.
    Option,
    /// TopicCommand's own check.
    MustBeSpecified,
    /// ProducerPerformance: the producer's configuration has no `bootstrap.servers`.
    Configuration,
}

impl Kafka {
    pub fn error(self) -> KtError {
        match self {
            Kafka::Argument => KtError::usage("Missing required argument \"[bootstrap-server]\""),
            Kafka::Option => KtError::usage("Missing required option(s) [bootstrap-server]"),
            Kafka::MustBeSpecified => KtError::usage("--bootstrap-server must be specified"),
            Kafka::Configuration => KtError::config(
                "Missing required configuration \"bootstrap.servers\" which has no default value.",
            ),
        }
    }
}

/// The error for a missing endpoint: Kafka's `missing` under a Kafka name,
/// kt's own line otherwise.
pub fn missing(mode: Mode, missing: Kafka) -> KtError {
    match mode {
        Mode::Compat => missing.error(),
        Mode::Native => kt_core::connection::no_endpoint(),
    }
}

/// The rule for a tool that says `missing` under a Kafka name; under a
/// Kafka name the console producer also checks that each entry is
/// `host:port` (`check_host_port`).
pub fn rule(mode: Mode, missing: Kafka, check_host_port: bool) -> EndpointRule {
    let compat = mode == Mode::Compat;
    EndpointRule {
        positional: None,
        from_properties: missing == Kafka::Configuration,
        missing: compat.then(|| missing.error()),
        check: (compat && check_host_port).then_some(host_ports as fn(&Endpoint) -> _),
    }
}

fn host_ports(endpoint: &Endpoint) -> Result<(), KtError> {
    match endpoint {
        Endpoint::Brokers(list) if !valid_host_ports(list) => Err(KtError::usage(
            "Please provide valid host:port like host1:9091,host2:9092\n ",
        )),
        _ => Ok(()),
    }
}

/// Kafka's check: every comma-separated entry ends in `:<digits>`.
pub fn valid_host_ports(list: &str) -> bool {
    list.split(',').all(|entry| {
        entry.trim().rsplit_once(':').is_some_and(|(host, port)| {
            !host.is_empty() && !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// An admin tool's way to the cluster on the protocol path.
pub struct Admin {
    /// The broker (or the active controller) requests go to.
    pub broker: kt_core::protocol::Broker,
    /// The cluster's id and its brokers (or controllers).
    pub described: kt_core::protocol::ClusterDescription,
    /// The cluster's timeout, for requests that carry one.
    pub timeout_ms: i32,
    /// A connection to each of the described nodes, opened when first
    /// asked for.
    pub pool: kt_core::protocol::Pool,
}

/// The way to the cluster for an admin tool: through `connection`'s brokers,
/// or with `controllers` (`--bootstrap-controller HOST:PORT,...`) through
/// the active KRaft controller. The mock cluster is refused: it cannot
/// `what`.
pub fn admin(
    connection: &kt_core::ConnectionArgs,
    controllers: Option<&str>,
    mode: Mode,
    client_id: &str,
    what: &str,
    err: &kt_core::Diagnostics,
) -> anyhow::Result<Admin> {
    let mut connection = connection.clone();
    if let Some(c) = controllers {
        connection.bootstrap_server = Some(c.to_string());
    }
    let request = kt_core::connection::Request {
        endpoint: rule(mode, Kafka::Argument, false),
        ..Default::default()
    };
    let cluster = kt_core::connection::Connection::resolve(&connection, request)?.open(err)?;
    cluster.refuse_mock(what)?;
    let (broker, described) = cluster.admin_broker(client_id, controllers.is_some())?;
    let nodes = described
        .nodes
        .iter()
        .map(|(id, host, port)| kt_core::ffi::cluster::Node {
            id: *id,
            host: host.clone(),
            port: *port,
            rack: None,
        })
        .collect();
    let pool = kt_core::protocol::Pool::new(nodes, &cluster.config, client_id, cluster.timeout);
    let timeout_ms = i32::try_from(cluster.timeout.as_millis()).unwrap_or(i32::MAX);
    kt_core::leave_running(cluster);
    Ok(Admin {
        broker,
        described,
        timeout_ms,
        pool,
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
