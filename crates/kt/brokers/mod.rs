//! `kt brokers` and two Kafka tools that ask each broker about itself:
//! kafka-broker-api-versions (BrokerApiVersionsCommand: every API a broker
//! serves, its versions and the one Kafka 3.9's client would use) and
//! kafka-log-dirs (LogDirsCommand: each broker's log directories and the
//! size of every replica in them, as Kafka's JSON).
//!
//! Under kt's name, `kt brokers` lists the brokers, the controller and the
//! cluster id; `--api-versions` adds which kt commands each broker supports,
//! `--log-dirs` sums sizes per broker and topic in human units.

mod api_keys;
mod log_dirs;

use std::io::Write;

use clap::Args;
use kt_core::connection::{Connection, Request};
use kt_core::ffi::cluster::Node;
use kt_core::{protocol, ConnectionArgs, Diagnostics, KtError, OutputArgs, OutputFormat};
use serde::Serialize;

use crate::dispatch::Mode;
use crate::endpoint::Kafka;

pub use log_dirs::run as run_log_dirs;

#[derive(Args, Debug, Clone, Default)]
pub struct BrokersArgs {
    /// Describe the specified log directories on the specified brokers.
    #[arg(long)]
    pub describe: bool,
    /// The list of topics to be queried in the form "topic1,topic2,topic3". All topics will be queried if no topic list is specified
    #[arg(long, value_name = "Topic list")]
    pub topic_list: Option<String>,
    /// kt: every API each broker serves, its versions, and the kt commands it supports
    #[arg(long, help_heading = "kt", conflicts_with = "log_dirs")]
    pub api_versions: bool,
    /// kt: each broker's log directories, with sizes per topic (--broker-list IDS, --topic-list T1,T2)
    #[arg(long, help_heading = "kt")]
    pub log_dirs: bool,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// kafka-broker-api-versions' arguments: the same, under its own texts.
#[derive(Args, Debug, Clone, Default)]
pub struct ApiVersionsArgs {
    #[command(flatten)]
    pub args: BrokersArgs,
}

/// kafka-log-dirs' arguments: the same, under its own texts.
#[derive(Args, Debug, Clone, Default)]
pub struct LogDirsArgs {
    #[command(flatten)]
    pub args: BrokersArgs,
}

/// Java's `Node.toString()`.
pub(crate) fn java_node(node: &Node) -> String {
    format!(
        "{}:{} (id: {} rack: {})",
        node.host,
        node.port,
        node.id,
        node.rack.as_deref().unwrap_or("null")
    )
}

/// One API a broker serves.
#[derive(Debug, Serialize)]
struct Api {
    key: i16,
    name: String,
    min: i16,
    max: i16,
    /// The version Kafka 3.9's client would use (none: see `usable`).
    #[serde(rename = "usable")]
    usable_version: Option<i16>,
    #[serde(skip)]
    usable: Usable,
}

#[derive(Debug, Clone, Copy)]
enum Usable {
    Version(i16),
    NodeTooNew,
    NodeTooOld,
    Unknown,
}

/// A kt command and the API version it needs from a broker.
const FEATURES: &[(&str, &[(i16, i16)])] = &[
    ("kt topics --create", &[(19, 0)]),
    ("kt topics --delete", &[(20, 0)]),
    ("kt topics --alter --partitions", &[(37, 0)]),
    ("kt topics --describe (topic ids)", &[(3, 10)]),
    ("kt produce (idempotent)", &[(22, 0)]),
    ("kt consume --group", &[(11, 0), (8, 0)]),
    ("kt offsets --time TIMESTAMP", &[(2, 1)]),
    ("kt groups --describe", &[(15, 0), (9, 0)]),
    ("kt groups --delete-offsets", &[(47, 0)]),
    ("kt groups (KIP-848 consumer groups)", &[(69, 0)]),
    ("kt delete-records", &[(21, 0)]),
    ("kt configs --alter", &[(44, 0)]),
    ("kt configs (client quotas)", &[(48, 0), (49, 0)]),
    ("kt configs (SCRAM credentials)", &[(50, 0), (51, 0)]),
    ("kt acls", &[(29, 1), (30, 1), (31, 1)]),
    ("kt elect-leaders", &[(43, 0)]),
    ("kt brokers --log-dirs", &[(35, 1)]),
    ("kt brokers", &[(60, 0)]),
];

#[derive(Debug, Serialize)]
struct Feature {
    command: &'static str,
    supported: bool,
}

/// One broker's answer.
#[derive(Debug, Serialize)]
struct BrokerApis {
    id: i32,
    host: String,
    port: u16,
    rack: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    apis: Vec<Api>,
    kt_features: Vec<Feature>,
}

fn apis_of(versions: &[(i16, i16, i16)]) -> Vec<Api> {
    let mut apis: Vec<Api> = versions
        .iter()
        .map(|&(key, min, max)| {
            let known = api_keys::by_id(key);
            let usable = match known {
                None => Usable::Unknown,
                Some(k) if k.latest < min => Usable::NodeTooNew,
                Some(k) if max < k.oldest => Usable::NodeTooOld,
                Some(k) => Usable::Version(k.latest.min(max)),
            };
            Api {
                key,
                name: known.map_or_else(|| "UNKNOWN".to_string(), |k| k.name.to_string()),
                min,
                max,
                usable_version: match usable {
                    Usable::Version(v) => Some(v),
                    _ => None,
                },
                usable,
            }
        })
        .collect();
    apis.sort_by_key(|a| a.key);
    apis
}

/// `NodeApiVersions.toString(true)`.
fn kafka_text(apis: &[Api]) -> String {
    let mut lines: Vec<(i16, String)> = apis
        .iter()
        .map(|a| {
            let range = if a.min == a.max {
                a.min.to_string()
            } else {
                format!("{} to {}", a.min, a.max)
            };
            let usable = match a.usable {
                Usable::Version(v) => format!(" [usable: {v}]"),
                Usable::NodeTooNew => " [unusable: node too new]".to_string(),
                Usable::NodeTooOld => " [unusable: node too old]".to_string(),
                Usable::Unknown => String::new(),
            };
            (a.key, format!("{}({}): {range}{usable}", a.name, a.key))
        })
        .collect();
    for k in api_keys::API_KEYS.iter().filter(|k| k.client) {
        if !apis.iter().any(|a| a.key == k.id) {
            lines.push((k.id, format!("{}({}): UNSUPPORTED", k.name, k.id)));
        }
    }
    lines.sort_by_key(|(k, _)| *k);
    let body: Vec<String> = lines.into_iter().map(|(_, l)| l).collect();
    format!("(\n\t{}\n)", body.join(",\n\t"))
}

fn features(apis: &[Api]) -> Vec<Feature> {
    FEATURES
        .iter()
        .map(|(command, needs)| Feature {
            command,
            supported: needs.iter().all(|(key, version)| {
                apis.iter().any(|a| {
                    a.key == *key && a.max >= *version && matches!(a.usable, Usable::Version(_))
                })
            }),
        })
        .collect()
}

fn connect(mode: Mode, args: &BrokersArgs, err: &Diagnostics) -> anyhow::Result<kt_core::Cluster> {
    let request = Request {
        endpoint: crate::endpoint::rule(mode, Kafka::Argument, false),
        ..Default::default()
    };
    Connection::resolve(&args.connection, request)?.open(err)
}

/// kafka-broker-api-versions, or `kt brokers --api-versions`.
pub fn run_api_versions(
    args: BrokersArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    if mode == Mode::Compat && args.connection.endpoint()?.is_none() {
        return Err(Kafka::Argument.error().into());
    }
    let cluster = connect(mode, &args, err)?;
    let info = cluster.info_once("kt-broker-api-versions")?;
    let brokers: Vec<BrokerApis> = info
        .nodes
        .iter()
        .map(|node| {
            let answer = protocol::Broker::connect(
                &node.host,
                node.port,
                &cluster.config,
                "kt-broker-api-versions",
                cluster.timeout,
            )
            .map(|c| c.api_versions().to_vec());
            let (apis, error) = match answer {
                Ok(v) => (apis_of(&v), None),
                Err(e) => (Vec::new(), Some(e.message.clone())),
            };
            BrokerApis {
                id: node.id,
                host: node.host.clone(),
                port: node.port,
                rack: node.rack.clone(),
                kt_features: if error.is_none() {
                    features(&apis)
                } else {
                    Vec::new()
                },
                error,
                apis,
            }
        })
        .collect();
    match (mode, args.output.output) {
        (Mode::Compat, _) | (Mode::Native, OutputFormat::Text) => {
            for (node, b) in info.nodes.iter().zip(&brokers) {
                match &b.error {
                    Some(e) => writeln!(out, "{} -> ERROR: {e}", java_node(node))?,
                    None => writeln!(out, "{} -> {}", java_node(node), kafka_text(&b.apis))?,
                }
            }
        }
        (Mode::Native, OutputFormat::Json) => {
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "brokers": brokers }))?;
            writeln!(out)?;
        }
        (Mode::Native, OutputFormat::Table) => {
            for (node, b) in info.nodes.iter().zip(&brokers) {
                writeln!(out, "{}", java_node(node))?;
                if let Some(e) = &b.error {
                    writeln!(out, "  error: {e}")?;
                    continue;
                }
                let mut table = crate::table::new(["API", "KEY", "VERSIONS", "USABLE"]);
                for a in &b.apis {
                    table.add_row([
                        a.name.clone(),
                        a.key.to_string(),
                        format!("{}-{}", a.min, a.max),
                        match a.usable {
                            Usable::Version(v) => v.to_string(),
                            Usable::NodeTooNew => "node too new".into(),
                            Usable::NodeTooOld => "node too old".into(),
                            Usable::Unknown => "-".into(),
                        },
                    ]);
                }
                writeln!(out, "{table}")?;
                let mut table = crate::table::new(["KT COMMAND", "SUPPORTED"]);
                for f in &b.kt_features {
                    table.add_row([f.command, if f.supported { "yes" } else { "no" }]);
                }
                writeln!(out, "{table}")?;
            }
        }
    }
    kt_core::leave_running(cluster);
    let failed = brokers.iter().filter(|b| b.error.is_some()).count();
    if failed > 0 && mode == Mode::Native {
        return Err(KtError::new(
            if failed == brokers.len() {
                kt_core::ErrorKind::Unreachable
            } else {
                kt_core::ErrorKind::Partial
            },
            format!(
                "{failed} of {} brokers did not answer ApiVersions",
                brokers.len()
            ),
        )
        .into());
    }
    Ok(())
}

/// `kt brokers`: the brokers, the controller and the cluster id (or, with
/// `--api-versions` / `--log-dirs`, those views).
pub fn run(
    mut args: BrokersArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    if args.api_versions {
        return run_api_versions(args, mode, out, err);
    }
    if args.log_dirs || args.describe {
        let ids = args.connection.broker_list.take();
        return log_dirs::run(args, ids, mode, out, err);
    }
    let cluster = connect(mode, &args, err)?;
    let info = cluster.info_once("kt-brokers")?;
    #[derive(Serialize)]
    struct Broker<'a> {
        id: i32,
        host: &'a str,
        port: u16,
        rack: Option<&'a str>,
        controller: bool,
    }
    let brokers: Vec<Broker> = info
        .nodes
        .iter()
        .map(|n| Broker {
            id: n.id,
            host: &n.host,
            port: n.port,
            rack: n.rack.as_deref(),
            controller: info.controller == Some(n.id),
        })
        .collect();
    match args.output.output {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(
                &mut *out,
                &serde_json::json!({
                    "cluster_id": info.cluster_id,
                    "controller": info.controller,
                    "brokers": brokers,
                }),
            )?;
            writeln!(out)?;
        }
        OutputFormat::Text => {
            writeln!(
                out,
                "cluster id: {}",
                info.cluster_id.as_deref().unwrap_or("-")
            )?;
            for b in &brokers {
                writeln!(
                    out,
                    "{}:{} (id: {} rack: {}){}",
                    b.host,
                    b.port,
                    b.id,
                    b.rack.unwrap_or("null"),
                    if b.controller { " controller" } else { "" }
                )?;
            }
        }
        OutputFormat::Table => {
            writeln!(
                out,
                "cluster id: {}",
                info.cluster_id.as_deref().unwrap_or("-")
            )?;
            let mut table = crate::table::new(["ID", "HOST", "PORT", "RACK", "CONTROLLER"]);
            for b in &brokers {
                table.add_row([
                    b.id.to_string(),
                    b.host.to_string(),
                    b.port.to_string(),
                    b.rack.unwrap_or("-").to_string(),
                    if b.controller { "*" } else { "" }.to_string(),
                ]);
            }
            writeln!(out, "{table}")?;
        }
    }
    kt_core::leave_running(cluster);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_as_node_api_versions_does() {
        let apis = apis_of(&[(18, 0, 4), (0, 3, 3), (999, 0, 1), (1, 0, 99)]);
        let text = kafka_text(&apis);
        assert!(text.starts_with("(\n\tProduce(0): 3 [usable: 3],\n\tFetch(1): 0 to 99 [usable: 17],\n\tListOffsets(2): UNSUPPORTED,"));
        assert!(text.contains(",\n\tApiVersions(18): 0 to 4 [usable: 4],"));
        assert!(text.ends_with(",\n\tUNKNOWN(999): 0 to 1\n)"));
        // Controller-only APIs are not the client's: no UNSUPPORTED line.
        assert!(!text.contains("Vote(52)"));
    }

    #[test]
    fn a_feature_needs_every_api_it_uses() {
        let apis = apis_of(&[(11, 0, 9), (8, 0, 9)]);
        let f = features(&apis);
        let group = f
            .iter()
            .find(|f| f.command == "kt consume --group")
            .unwrap();
        assert!(group.supported);
        assert!(!f.iter().find(|f| f.command == "kt acls").unwrap().supported);
    }
}
