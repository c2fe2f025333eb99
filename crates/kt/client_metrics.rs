//! `kt client-metrics` / kafka-client-metrics (ClientMetricsCommand): the
//! client-metrics subscriptions of KIP-714 (which metrics clients push, how
//! often, and which clients), as configs of the CLIENT_METRICS resource on
//! the protocol path: `--list` (ListClientMetricsResources), `--describe`
//! (DescribeConfigs), `--alter` (IncrementalAlterConfigs: `--interval`,
//! `--metrics`, `--match`, an empty value removing the setting) and
//! `--delete` (every setting removed).
//!
//! Under the Kafka name the flags, checks, lines and errors are Kafka
//! 3.9.2's (jopt-simple); under kt's name `--list` is the default and
//! `--describe` also prints `-o table|json`.

use std::io::Write;

use clap::Args;
use kt_core::protocol::Refused;
use kt_core::{ConnectionArgs, Diagnostics, ErrorKind, KtError, OutputArgs, OutputFormat};

use crate::dispatch::Mode;

const CLIENT_METRICS: i8 = 16;
const SET: i8 = 0;
const DELETE: i8 = 1;

#[derive(Args, Debug, Clone, Default)]
pub struct ClientMetricsArgs {
    /// Alter the configuration for the client metrics resource.
    #[arg(long)]
    pub alter: bool,
    /// Delete the configuration for the client metrics resource.
    #[arg(long)]
    pub delete: bool,
    /// List configurations for the client metrics resource.
    #[arg(long)]
    pub describe: bool,
    /// List the client metrics resources.
    #[arg(long)]
    pub list: bool,
    /// Name of client metrics configuration resource.
    #[arg(long, value_name = "name")]
    pub name: Option<String>,
    /// Generate a UUID to use as the name.
    #[arg(long)]
    pub generate_name: bool,
    /// The metrics push interval in milliseconds. Leave empty to reset the interval.
    #[arg(long, value_name = "push interval", allow_hyphen_values = true)]
    pub interval: Option<String>,
    /// Matching selector 'k1=v1,k2=v2' (client_id, client_instance_id, client_software_name, client_software_version, client_source_address, client_source_port)
    #[arg(long = "match", value_name = "k1=v1,k2=v2", value_delimiter = ',')]
    pub matching: Option<Vec<String>>,
    /// Telemetry metric name prefixes 'm1,m2'.
    #[arg(long, value_name = "m1,m2", value_delimiter = ',')]
    pub metrics: Option<Vec<String>>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// An `IllegalArgumentException` of the tool's checks: the message, then
/// the exception's line.
fn illegal(message: &str) -> KtError {
    KtError::usage(message).thrown("java.lang.IllegalArgumentException", message.to_string())
}

/// `CommandLineUtils.printUsageAndExit`: the message and the help table.
fn usage(message: &str) -> KtError {
    KtError::usage(message)
}

impl ClientMetricsArgs {
    /// ClientMetricsCommandOptions.checkArgs, in its order; under kt's own
    /// name no action means `--list`.
    fn check(&mut self, mode: Mode) -> Result<(), KtError> {
        let actions = [self.alter, self.delete, self.describe, self.list];
        let count = actions.iter().filter(|a| **a).count();
        if count == 0 && mode == Mode::Native {
            self.list = true;
        } else if count != 1 {
            return Err(usage(
                "Command must include exactly one action: --alter, --delete, --describe or --list.",
            ));
        }
        if mode == Mode::Compat && self.connection.bootstrap_server.is_none() {
            return Err(illegal("--bootstrap-server must be specified."));
        }
        let settings = [
            ("generate-name", self.generate_name),
            ("interval", self.interval.is_some()),
            ("match", self.matching.is_some()),
            ("metrics", self.metrics.is_some()),
        ];
        for (action, on, name_too) in [
            ("delete", self.delete, false),
            ("describe", self.describe, false),
            ("list", self.list, true),
        ] {
            let name = [("name", name_too && self.name.is_some())];
            if let Some((other, _)) = name.iter().chain(&settings).find(|(_, set)| on && *set) {
                return Err(usage(&format!(
                    "Option \"[{action}]\" can't be used with option \"[{other}]\""
                )));
            }
        }
        if self.alter && self.name.is_some() == self.generate_name {
            return Err(illegal(
                "One of --name or --generate-name must be specified with --alter.",
            ));
        }
        if let Some(i) = &self.interval {
            if !i.is_empty() && i.parse::<i32>().is_err() {
                return Err(illegal(
                    "Invalid interval value. Enter an integer, or leave empty to reset.",
                ));
            }
        }
        if self.delete && self.name.is_none() {
            return Err(illegal(
                "A client metrics resource name must be specified with --delete.",
            ));
        }
        Ok(())
    }
}

/// A broker's refusal, as the tool prints it after its prefix.
fn refused(r: Refused) -> KtError {
    KtError::new(ErrorKind::Broker, crate::compat::kafka_error(&r).1)
}

/// Kafka's `Uuid.randomUuid().toString()`: 16 random bytes, URL-safe
/// base64 without padding, drawn again when it would start with '-'.
fn random_uuid() -> Result<String, KtError> {
    use base64::Engine;
    loop {
        let mut bytes = [0u8; 16];
        getrandom::getrandom(&mut bytes)
            .map_err(|e| KtError::config(format!("the system gave no random bytes: {e}")))?;
        let text = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        if !text.starts_with('-') {
            return Ok(text);
        }
    }
}

pub fn run(
    mut args: ClientMetricsArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    args.check(mode)?;
    let mut admin = crate::endpoint::admin(
        &args.connection,
        None,
        mode,
        "kt-client-metrics",
        "keep client-metrics subscriptions",
        err,
    )?;
    let broker = &mut admin.broker;
    if args.list {
        let names = broker.list_client_metrics_resources()?.map_err(refused)?;
        match args.output.output {
            OutputFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&names)?)?,
            // Java joins the names with newlines and prints the result.
            _ => writeln!(out, "{}", names.join("\n"))?,
        }
        return Ok(());
    }
    if args.describe {
        let names = match &args.name {
            Some(n) => vec![n.clone()],
            None => broker.list_client_metrics_resources()?.map_err(refused)?,
        };
        let mut shown = Vec::new();
        for name in names {
            let entries = broker
                .describe_configs(CLIENT_METRICS, &name, false)?
                .map_err(refused)?;
            let entries: Vec<(String, String)> = entries
                .into_iter()
                .map(|e| (e.name, e.value.unwrap_or_else(|| "null".into())))
                .collect();
            shown.push((name, entries));
        }
        match args.output.output {
            OutputFormat::Json => {
                let json: Vec<serde_json::Value> = shown
                    .iter()
                    .map(|(name, entries)| {
                        let configs: serde_json::Map<String, serde_json::Value> = entries
                            .iter()
                            .map(|(k, v)| (k.clone(), v.clone().into()))
                            .collect();
                        serde_json::json!({"name": name, "configs": configs})
                    })
                    .collect();
                writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
            }
            OutputFormat::Table => {
                let mut table = crate::table::new(["NAME", "CONFIG", "VALUE"]);
                for (name, entries) in &shown {
                    for (k, v) in entries {
                        table.add_row([name, k, v]);
                    }
                }
                writeln!(out, "{table}")?;
            }
            OutputFormat::Text => {
                for (name, entries) in &shown {
                    writeln!(out, "Client metrics configs for {name} are:")?;
                    for (k, v) in entries {
                        writeln!(out, "  {k}={v}")?;
                    }
                }
            }
        }
        return Ok(());
    }
    let name = match &args.name {
        Some(n) => n.clone(),
        None => random_uuid()?,
    };
    if args.delete {
        let entries = broker
            .describe_configs(CLIENT_METRICS, &name, false)?
            .map_err(refused)?;
        let ops: Vec<(String, i8, Option<String>)> = entries
            .into_iter()
            .map(|e| (e.name, DELETE, e.value))
            .collect();
        broker
            .incremental_alter_configs(CLIENT_METRICS, &name, &ops)?
            .map_err(refused)?;
        writeln!(out, "Deleted client metrics config for {name}.")?;
        return Ok(());
    }
    // Java puts the settings into a HashMap: "interval.ms", "metrics",
    // "match" iterate in that map's order.
    let mut settings: Vec<(String, String)> = Vec::new();
    if let Some(i) = &args.interval {
        settings.push(("interval.ms".into(), i.clone()));
    }
    if let Some(m) = &args.metrics {
        settings.push(("metrics".into(), m.join(",")));
    }
    if let Some(m) = &args.matching {
        settings.push(("match".into(), m.join(",")));
    }
    let settings =
        crate::java_order::hash_map_order(settings, |(k, _)| crate::java_order::string_hash(k));
    let ops: Vec<(String, i8, Option<String>)> = settings
        .into_iter()
        .map(|(k, v)| {
            let op = if v.is_empty() { DELETE } else { SET };
            (k, op, Some(v))
        })
        .collect();
    broker
        .incremental_alter_configs(CLIENT_METRICS, &name, &ops)?
        .map_err(refused)?;
    writeln!(out, "Altered client metrics config for {name}.")?;
    Ok(())
}
