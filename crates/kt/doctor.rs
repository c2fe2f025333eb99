//! `kt doctor`: why a client can or cannot work with a cluster, step by
//! step from here: the bootstrap broker's name, TCP, TLS (the broker's
//! certificate, its names and dates), ApiVersions, SASL, metadata, and then
//! every broker as metadata advertises it (the step a client takes next,
//! and the one that fails when `advertised.listeners` names a host only the
//! brokers' network knows). One line per step with its time; the first
//! failure ends the walk with one line that says what to change, and the
//! exit code of its kind. No peer tool has it.

use std::io::Write;
use std::time::{Duration, Instant};

use clap::Args;
use kt_core::connection::{Connection, Request};
use kt_core::protocol::{self, Step};
use kt_core::{ConnectionArgs, Diagnostics, KtError, OutputArgs, OutputFormat};
use serde::Serialize;

use crate::dispatch::Mode;
use crate::endpoint::Kafka;

#[derive(Args, Debug, Clone, Default)]
pub struct DoctorArgs {
    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// How long each step may wait for the cluster, in milliseconds [default: 10000]
    #[arg(long, value_name = "MS", help_heading = "Connection")]
    pub timeout_ms: Option<u64>,
}

/// The walk, as `-o json` prints it.
#[derive(Serialize)]
struct Report {
    bootstrap: String,
    ok: bool,
    steps: Vec<Step>,
    #[serde(skip_serializing_if = "Option::is_none")]
    failed: Option<Failed>,
}

#[derive(Serialize)]
struct Failed {
    step: String,
    error: String,
}

pub fn run(args: DoctorArgs, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
    let request = Request {
        endpoint: crate::endpoint::rule(Mode::Native, Kafka::Argument, false),
        timeout: args.timeout_ms.map(Duration::from_millis),
        ..Default::default()
    };
    let cluster = Connection::resolve(&args.connection, request)?.open(err)?;
    cluster.refuse_mock("be looked at (it lives inside kt)")?;
    let mut steps = Vec::new();
    let mut failure: Option<(String, KtError)> = None;
    let mut advertised = Vec::new();
    for (host, port) in cluster.bootstrap_addresses() {
        let look = protocol::look(&host, port, &cluster.config, "kt-doctor", cluster.timeout);
        let prefix = |step: &mut Step| step.step = format!("{host}:{port} {}", step.step);
        let mut walked = look.steps;
        walked.iter_mut().for_each(prefix);
        steps.extend(walked);
        if let Some((step, e)) = look.failed {
            failure = Some((format!("{host}:{port} {step}"), e));
            break;
        }
        if advertised.is_empty() {
            advertised = look.brokers;
        }
    }
    if failure.is_none() {
        let mut brokers = advertised;
        brokers.sort_by_key(|b| b.0);
        for (id, host, port, _) in brokers {
            let started = Instant::now();
            let look = protocol::look(&host, port, &cluster.config, "kt-doctor", cluster.timeout);
            let step = format!("broker {id}");
            match look.failed {
                None => steps.push(Step {
                    step,
                    took: started.elapsed(),
                    detail: format!(
                        "{host}:{port}, as metadata advertises it, answers and lets this client in"
                    ),
                }),
                Some((at, e)) => {
                    failure = Some((step, advertised_failure(id, &host, port, at, e)));
                    break;
                }
            }
        }
    }
    let report = Report {
        bootstrap: cluster.bootstrap.clone(),
        ok: failure.is_none(),
        steps,
        failed: failure.as_ref().map(|(step, e)| Failed {
            step: step.clone(),
            error: e.message.clone(),
        }),
    };
    match args.output.output {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        OutputFormat::Text => {
            let width = report.steps.iter().map(|s| s.step.len()).max().unwrap_or(0);
            for s in &report.steps {
                writeln!(
                    out,
                    "ok  {:width$}  {:>9}  {}",
                    s.step,
                    shown(s.took),
                    s.detail
                )?;
            }
        }
        OutputFormat::Table => {
            let mut table = crate::table::new(["STEP", "TIME", "RESULT"]);
            for s in &report.steps {
                table.add_row([s.step.clone(), shown(s.took), s.detail.clone()]);
            }
            writeln!(out, "{table}")?;
        }
    }
    kt_core::leave_running(cluster);
    match failure {
        None => Ok(()),
        Some((_, e)) => Err(e.into()),
    }
}

/// A broker metadata names that this machine cannot use: what to change.
fn advertised_failure(id: i32, host: &str, port: u16, step: &str, e: KtError) -> KtError {
    let at = format!("broker {id} advertises {host}:{port}");
    match step {
        "dns" => KtError::unreachable(format!(
            "{at}, which does not resolve here; set the broker's advertised.listeners to a name \
             clients resolve, or make {host} resolve on this machine"
        )),
        "tcp" => KtError::unreachable(format!(
            "{at}, which takes no connection from here ({}); check the broker's \
             advertised.listeners and the network between",
            e.message.rsplit(": ").next().unwrap_or(&e.message)
        )),
        _ => KtError::new(e.kind, format!("{at}: {}", e.message)),
    }
}

fn shown(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}
