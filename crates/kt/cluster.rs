//! `kt cluster` / kafka-cluster (ClusterTool): the cluster's id, and
//! `unregister` of a broker that is gone for good (UnregisterBroker), on
//! the protocol path; `--bootstrap-controller` asks the controllers.
//!
//! Under the Kafka name the command line is argparse4j's (subcommands
//! cluster-id and unregister, each with its own connection options); under
//! kt's name `kt cluster` shows the id with the controller and the brokers
//! (DescribeCluster), `kt cluster --unregister ID` unregisters.

use std::io::Write;

use clap::Args;
use kt_core::{ConnectionArgs, Diagnostics, ErrorKind, KtError, OutputArgs, OutputFormat};

use crate::argparse::{opt, Kind, Level, Opt, Parsed, Spec, BOOTSTRAP};
use crate::dispatch::Mode;

#[derive(Args, Debug, Clone, Default)]
pub struct ClusterArgs {
    /// Unregister this broker (one that is gone for good)
    #[arg(long, value_name = "BROKER_ID")]
    pub unregister: Option<i32>,
    /// Under the Kafka name's cluster-id: only the id line
    #[arg(skip)]
    pub id_only: bool,
    /// Ask the controllers at these addresses instead of a broker
    #[arg(long, value_name = "HOST:PORT,...", help_heading = "Connection")]
    pub bootstrap_controller: Option<String>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

const CONNECTION: [Opt; 3] = [
    opt("--bootstrap-server", Kind::Value).short("-b"),
    opt("--bootstrap-controller", Kind::Value).short("-C"),
    opt("--config", Kind::Value).short("-c"),
];

/// kafka-cluster's command line, as its argparse4j parser reads it.
pub const KAFKA_SPEC: Spec = Spec {
    top: Level {
        help: include_str!("help/kafka-cluster.txt"),
        options: &[],
        one_of: &[],
    },
    commands: &[
        (
            "cluster-id",
            Level {
                help: include_str!("help/kafka-cluster-cluster-id.txt"),
                options: &CONNECTION,
                one_of: BOOTSTRAP,
            },
        ),
        (
            "unregister",
            Level {
                help: include_str!("help/kafka-cluster-unregister.txt"),
                options: &[
                    CONNECTION[0],
                    CONNECTION[1],
                    CONNECTION[2],
                    opt("--id", Kind::Int).short("-i").required(),
                ],
                one_of: BOOTSTRAP,
            },
        ),
    ],
};

impl ClusterArgs {
    /// The arguments of a parsed Kafka command line.
    pub fn from_kafka(p: &Parsed) -> ClusterArgs {
        let (connection, bootstrap_controller) = p.connection("--config");
        ClusterArgs {
            unregister: (p.command == "unregister").then(|| p.number("--id").unwrap_or_default()),
            id_only: true,
            bootstrap_controller,
            connection,
            ..Default::default()
        }
    }
}

pub fn run(
    args: ClusterArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    if mode == Mode::Compat {
        crate::compat::properties_file_exists(&args.connection)?;
    }
    let controllers = args.bootstrap_controller.is_some();
    let crate::endpoint::Admin {
        mut broker,
        described,
        ..
    } = crate::endpoint::admin(
        &args.connection,
        args.bootstrap_controller.as_deref(),
        mode,
        "kt-cluster",
        "describe or change its registrations",
        err,
    )?;
    if let Some(id) = args.unregister {
        // Kafka's admin client sends UnregisterBroker to brokers only.
        if controllers && mode == Mode::Compat {
            let m = "org.apache.kafka.common.errors.UnsupportedEndpointTypeException: This Admin API is not yet supported when communicating directly with the controller quorum.";
            return Err(KtError::usage(m)
                .thrown("java.util.concurrent.ExecutionException", m)
                .into());
        }
        return match broker.unregister_broker(id)? {
            Ok(()) => {
                if args.output.output == OutputFormat::Json {
                    writeln!(out, "{}", serde_json::json!({ "unregistered": id }))?;
                } else {
                    writeln!(out, "Broker {id} is no longer registered.")?;
                }
                Ok(())
            }
            Err(r) if r.code == 35 => {
                writeln!(
                    out,
                    "The target cluster does not support the broker unregistration API."
                )?;
                Ok(())
            }
            Err(mut r) => {
                // The admin client uses the error's own message.
                r.message = None;
                let m = crate::compat::kafka_exception(&r);
                let (_, why) = crate::compat::kafka_error(&r);
                Err(KtError::new(
                    ErrorKind::Broker,
                    format!("cannot unregister broker {id}: {why}"),
                )
                .thrown("java.util.concurrent.ExecutionException", m)
                .into())
            }
        };
    }
    if args.id_only {
        writeln!(out, "Cluster ID: {}", described.cluster_id)?;
        return Ok(());
    }
    let kind = if controllers { "controller" } else { "broker" };
    match args.output.output {
        OutputFormat::Json => {
            let nodes: Vec<serde_json::Value> = described
                .nodes
                .iter()
                .map(|(id, host, port)| serde_json::json!({"id": id, "host": host, "port": port}))
                .collect();
            let mut shown = serde_json::json!({
                "cluster_id": described.cluster_id,
                format!("{kind}s"): nodes,
            });
            if controllers {
                shown["active_controller"] = described.controller_id.into();
            }
            serde_json::to_writer_pretty(&mut *out, &shown)?;
            writeln!(out)?;
        }
        OutputFormat::Table => {
            let mut table = crate::table::new(["ID", "HOST", "PORT", "ROLE"]);
            for (id, host, port) in &described.nodes {
                let role = match (controllers, *id == described.controller_id) {
                    (true, true) => "active controller",
                    (true, false) => "controller",
                    // A KRaft broker names a random broker as the controller.
                    (false, _) => "broker",
                };
                table.add_row([
                    id.to_string(),
                    host.clone(),
                    port.to_string(),
                    role.to_string(),
                ]);
            }
            writeln!(out, "Cluster ID: {}", described.cluster_id)?;
            writeln!(out, "{table}")?;
        }
        OutputFormat::Text => {
            writeln!(out, "Cluster ID: {}", described.cluster_id)?;
            if controllers {
                writeln!(out, "Active controller: {}", described.controller_id)?;
            }
            for (id, host, port) in &described.nodes {
                writeln!(out, "{kind} {id} at {host}:{port}")?;
            }
        }
    }
    Ok(())
}
