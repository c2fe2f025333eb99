//! `kt configs` / kafka-configs (ConfigCommand): describe and alter the
//! configuration of topics, brokers (and their defaults), broker loggers and
//! client-metrics resources, client quotas of users, clients and IPs, and
//! users' SCRAM credentials.
//!
//! Configs go over Kafka's wire protocol (`kt_core::wire`: DescribeConfigs,
//! IncrementalAlterConfigs, DescribeClientQuotas, AlterClientQuotas), which
//! names every resource type and carries the broker's own error message;
//! SCRAM credentials through librdkafka. Under the Kafka name kt prints
//! Kafka 3.9's lines and errors; under its own name `--describe` is the
//! default action, tables and JSON are offered, an alteration asks on a
//! terminal unless `--yes`, and each object changed is named with what
//! changed.

mod args;
mod describe;
mod quotas;

use std::io::Write;

pub use args::ConfigsArgs;
use args::{illegal, BROKERS, BROKER_LOGGERS, CLIENTS, CLIENT_METRICS, IPS, TOPICS, USERS};
use kt_core::connection::{Connection, Request};
use kt_core::protocol::{self, resource, Refused};
use kt_core::{Diagnostics, ErrorKind, KtContext, KtError, OutputFormat};
use rdkafka::admin::AdminClient;
use serde::Serialize;

use crate::dispatch::Mode;
use crate::endpoint::Kafka;

/// A broker's refusal of `what`: Kafka's ExecutionException, kt's line.
pub(crate) fn refusal(what: &str, r: &Refused) -> KtError {
    let kind = if r.code == 3 {
        ErrorKind::NotFound
    } else {
        ErrorKind::Broker
    };
    let shown = crate::compat::kafka_exception(r);
    let why = shown.split_once(": ").map_or(shown.as_str(), |(_, m)| m);
    let why = if why.is_empty() {
        match r.code {
            3 => "it does not exist",
            _ => "refused",
        }
    } else {
        why
    };
    KtError::new(kind, format!("{what}: {why}"))
        .thrown("java.util.concurrent.ExecutionException", shown)
}

/// Kafka's `Topic.validate`.
fn validate_topic(name: &str) -> Result<(), KtError> {
    let reason = if name.is_empty() {
        Some("the empty string is not allowed".to_string())
    } else if name == "." || name == ".." {
        Some(format!("'{name}' is not allowed"))
    } else if name.chars().count() > 249 {
        Some(format!(
            "the length of '{name}' is longer than the max allowed length 249"
        ))
    } else if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
    {
        Some(format!(
            "'{name}' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'"
        ))
    } else {
        None
    };
    match reason {
        None => Ok(()),
        Some(r) => {
            let m = format!("Topic name is invalid: {r}");
            Err(KtError::usage(m.clone())
                .thrown("org.apache.kafka.common.errors.InvalidTopicException", m))
        }
    }
}

/// The command's clients: librdkafka's and the protocol path's.
pub(crate) struct Brokers<'a> {
    cluster: &'a kt_core::Cluster,
    /// The one librdkafka client of the command (cluster, topics, SCRAM).
    admin: AdminClient<KtContext>,
    pub(crate) pool: protocol::Pool,
}

impl Brokers<'_> {
    /// Broker `id`'s connection, or any broker's (the lowest id) for `None`.
    pub(crate) fn to(&mut self, id: Option<i32>) -> Result<&mut protocol::Broker, KtError> {
        self.pool.to(id)
    }
}

/// What a command line means once checked.
pub(crate) struct Plan {
    pub types: Vec<String>,
    pub names: Vec<String>,
    pub kafka_name: bool,
    pub format: OutputFormat,
    pub all: bool,
}

pub fn run(
    mut args: ConfigsArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    let raw = crate::dispatch::tool_words();
    let result = run_checked(&mut args, &raw, mode, out, err);
    if let Err(e) = &result {
        // ConfigCommand catches what is not an IllegalArgumentException (or
        // alike) with this line before the stack trace.
        let thrown = e
            .chain()
            .find_map(|c| c.downcast_ref::<KtError>())
            .is_some_and(|k| k.thrown.is_some());
        if kafka_name && thrown {
            let _ = out.flush();
            err.line(format_args!(
                "Error while executing config command with args '{}'",
                raw.join(" ")
            ));
        }
    }
    result
}

fn run_checked(
    args: &mut ConfigsArgs,
    raw: &[String],
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    args.check(raw, kafka_name)?;
    if args.bootstrap_controller.is_some() {
        return Err(KtError::config(
            "kt talks to brokers, not controllers: give --bootstrap-server instead of --bootstrap-controller",
        )
        .into());
    }
    if kafka_name && args.connection.zookeeper.is_some() {
        writeln!(
            out,
            "Warning: --zookeeper is deprecated and will be removed in a future version of Kafka."
        )?;
        writeln!(
            out,
            "Use --bootstrap-server instead to specify a broker to connect to."
        )?;
    }
    let plan = Plan {
        types: args.entity_types(),
        names: args.entity_names(raw),
        kafka_name,
        format: if kafka_name {
            OutputFormat::Text
        } else {
            args.output.output
        },
        all: args.all,
    };
    let request = Request {
        endpoint: crate::endpoint::rule(mode, Kafka::Argument, false),
        ..Default::default()
    };
    let cluster = Connection::resolve(&args.connection, request)?.open(err)?;
    let admin = cluster.admin("kt-configs")?;
    let info = cluster.info(&admin)?;
    let pool = protocol::Pool::new(info.nodes, &cluster.config, "kt-configs", cluster.timeout);
    let mut brokers = Brokers {
        cluster: &cluster,
        admin,
        pool,
    };
    if args.alter && plan.types.len() != plan.names.len() {
        return Err(illegal("An entity name must be specified for every entity type").into());
    }
    let result = if args.alter {
        alter(args, &plan, &mut brokers, out, err)
    } else {
        describe::run(&plan, &mut brokers, out)
    };
    kt_core::leave_running(brokers.admin);
    drop(brokers.pool);
    kt_core::leave_running(cluster);
    result
}

/// One alteration, as kt reports it.
#[derive(Debug, Serialize)]
struct Altered {
    entity_type: String,
    entity: String,
    set: Vec<(String, String)>,
    deleted: Vec<String>,
}

fn alter(
    args: &ConfigsArgs,
    plan: &Plan,
    brokers: &mut Brokers<'_>,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let head = plan.types[0].as_str();
    let name = plan.names[0].clone();
    let adds = args::configs_to_add(args)?;
    if plan.kafka_name {
        if let Some((_, v)) = adds.iter().find(|(k, _)| k == "message.format.version") {
            writeln!(out, "WARNING: The configuration message.format.version={v} is specified. This configuration will be ignored if the version is newer than the inter.broker.protocol.version specified in the broker or if the inter.broker.protocol.version is 3.0 or newer. This configuration is deprecated and it will be removed in Apache Kafka 4.0.")?;
        }
    }
    let deletes: Vec<String> = args
        .delete_config
        .iter()
        .map(|d| d.trim().to_string())
        .collect();
    // SCRAM passwords are never shown.
    let shown_adds: Vec<(String, String)> = adds
        .iter()
        .map(|(k, v)| {
            if k.starts_with("SCRAM-") {
                (k.clone(), "[hidden]".to_string())
            } else {
                (k.clone(), v.clone())
            }
        })
        .collect();
    let what = match (head, name.is_empty()) {
        (_, true) => format!("the default {}", head.trim_end_matches('s')),
        _ => format!("{} {name}", head.trim_end_matches('s')),
    };
    if !plan.kafka_name && !args.yes && !args.force {
        let mut changes: Vec<String> = shown_adds
            .iter()
            .map(|(k, v)| format!("set {k}={v}"))
            .collect();
        changes.extend(deletes.iter().map(|d| format!("delete {d}")));
        let question = format!("Alter {what}: {}?", changes.join(", "));
        crate::prompt::confirm(&question, "nothing altered", err)?;
    }
    let resource_ops =
        |adds: &[(String, String)], deletes: &[String]| -> Vec<(String, i8, Option<String>)> {
            adds.iter()
                .map(|(k, v)| (k.clone(), 0i8, Some(v.clone())))
                .chain(deletes.iter().map(|k| (k.clone(), 1i8, None)))
                .collect()
        };
    match head {
        TOPICS | BROKERS | CLIENT_METRICS => {
            let (rtype, target) = match head {
                TOPICS => {
                    validate_topic(&name)?;
                    (resource::TOPIC, None)
                }
                BROKERS if name.is_empty() => (resource::BROKER, None),
                BROKERS => (resource::BROKER, name.parse::<i32>().ok()),
                _ => (resource::CLIENT_METRICS, None),
            };
            let dynamic = describe::dynamic_source(head, &name);
            let conn = brokers.to(target)?;
            let old = conn
                .describe_configs(rtype, &name, false)?
                .map_err(|r| refusal(&what, &r))?;
            let invalid: Vec<&String> = deletes
                .iter()
                .filter(|d| {
                    !old.iter()
                        .any(|e| Some(e.source) == dynamic && &e.name == *d)
                })
                .collect();
            if !invalid.is_empty() {
                return Err(illegal(format!(
                    "Invalid config(s): {}",
                    invalid
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                ))
                .into());
            }
            conn.incremental_alter_configs(rtype, &name, &resource_ops(&adds, &deletes))?
                .map_err(|r| refusal(&what, &r))?;
        }
        BROKER_LOGGERS => {
            let id = name.parse::<i32>().ok();
            let conn = brokers.to(id)?;
            let loggers = conn
                .describe_configs(resource::BROKER_LOGGER, &name, true)?
                .map_err(|r| refusal(&what, &r))?;
            let valid = |k: &String| loggers.iter().any(|e| &e.name == k);
            let invalid: Vec<&String> = deletes
                .iter()
                .filter(|d| !valid(d))
                .chain(adds.iter().map(|(k, _)| k).filter(|k| !valid(k)))
                .collect();
            if !invalid.is_empty() {
                return Err(illegal(format!(
                    "Invalid broker logger(s): {}",
                    invalid
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                ))
                .into());
            }
            conn.incremental_alter_configs(
                resource::BROKER_LOGGER,
                &name,
                &resource_ops(&adds, &deletes),
            )?
            .map_err(|r| refusal(&what, &r))?;
        }
        USERS | CLIENTS | IPS => {
            quotas::alter(plan, &adds, &deletes, brokers, &what)?;
        }
        other => {
            return Err(illegal(format!("Unsupported entity type: {other}")).into());
        }
    }
    let altered = Altered {
        entity_type: head.to_string(),
        entity: name.clone(),
        set: shown_adds,
        deleted: deletes,
    };
    match plan.format {
        OutputFormat::Text if plan.kafka_name => {
            if name.is_empty() {
                writeln!(
                    out,
                    "Completed updating default config for {head} in the cluster."
                )?;
            } else {
                writeln!(
                    out,
                    "Completed updating config for {} {name}.",
                    head.trim_end_matches('s')
                )?;
            }
        }
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &altered)?;
            writeln!(out)?;
        }
        _ => {
            let mut changes: Vec<String> = altered
                .set
                .iter()
                .map(|(k, v)| format!("set {k}={v}"))
                .collect();
            changes.extend(altered.deleted.iter().map(|d| format!("deleted {d}")));
            writeln!(out, "Altered {what}: {}", changes.join(", "))?;
        }
    }
    Ok(())
}
