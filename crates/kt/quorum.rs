//! `kt quorum` / kafka-metadata-quorum (MetadataQuorumCommand): the KRaft
//! metadata quorum, from DescribeQuorum on kt's protocol path. `describe
//! --status` is the summary (cluster id, leader, epoch, high watermark, the
//! followers' lag, voters and observers), `describe --replication` one row
//! per replica of the metadata log (`--human-readable` times as "N ms
//! ago"). `--bootstrap-controller` asks the controllers themselves.
//!
//! Under the Kafka name the command line is argparse4j's (a `describe`
//! subcommand, its usage and error texts); under kt's name `kt quorum`
//! prints the status (or `--replication`), and `-o json` the whole answer.

use std::io::Write;

use clap::Args;
use kt_core::connection::{Connection, Request};
use kt_core::protocol::{Broker, Quorum, QuorumReplica};
use kt_core::{ConnectionArgs, Diagnostics, ErrorKind, KtError, OutputArgs, OutputFormat};
use serde::Serialize;

use crate::dispatch::Mode;
use crate::endpoint::Kafka;

const USAGE: &str = "usage: kafka-metadata-quorum [-h] [--command-config COMMAND_CONFIG]
                             (--bootstrap-server BOOTSTRAP_SERVER |
                             --bootstrap-controller BOOTSTRAP_CONTROLLER)
                             {describe,add-controller,remove-controller}
                             ...";
const DESCRIBE_USAGE: &str = "usage: kafka-metadata-quorum (--bootstrap-server BOOTSTRAP_SERVER |
                             --bootstrap-controller BOOTSTRAP_CONTROLLER)
                             describe [-h] [--status] [--replication]
                             [--human-readable]";

#[derive(Args, Debug, Clone, Default)]
pub struct QuorumArgs {
    /// The summary: leader, epoch, high watermark, the followers' lag, voters and observers (the default)
    #[arg(long)]
    pub status: bool,
    /// One row per replica of the metadata log: its end offset, lag and last fetch
    #[arg(long)]
    pub replication: bool,
    /// With --replication: times as "N ms ago"
    #[arg(long)]
    pub human_readable: bool,
    /// Ask the controllers at these addresses instead of a broker
    #[arg(long, value_name = "HOST:PORT,...", help_heading = "Connection")]
    pub bootstrap_controller: Option<String>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

/// What argparse4j makes of a Kafka-named command line.
pub enum Parsed {
    Run(Box<QuorumArgs>),
    /// `-h`: this help on stdout, exit 0.
    Help(&'static str),
    /// A parse error: this usage, then `kafka-metadata-quorum: error: …`.
    Error {
        usage: &'static str,
        message: String,
    },
    /// add-controller and remove-controller, which kt does not have yet.
    Missing(String),
}

/// kafka-metadata-quorum's command line, as its argparse4j parser reads it.
pub fn parse_kafka(words: &[String]) -> Parsed {
    let error = |usage: &'static str, message: String| Parsed::Error { usage, message };
    if words.is_empty() {
        return error(USAGE, "too few arguments".into());
    }
    let mut args = QuorumArgs::default();
    let mut i = 0;
    let mut command = None;
    // Options before the subcommand, then the subcommand's own.
    let value = |i: &mut usize, word: &str, name: &str| -> Result<String, Parsed> {
        if let Some(v) = word.strip_prefix(&format!("--{name}=")) {
            return Ok(v.to_string());
        }
        *i += 1;
        words
            .get(*i)
            .cloned()
            .ok_or_else(|| error(USAGE, format!("argument --{name}: expected one argument")))
    };
    while i < words.len() {
        let word = words[i].as_str();
        let name = word.split('=').next().unwrap_or(word);
        match (command.is_some(), name) {
            (false, "-h" | "--help") => {
                return Parsed::Help(include_str!("help/kafka-metadata-quorum.txt"))
            }
            (true, "-h" | "--help") => {
                return Parsed::Help(include_str!("help/kafka-metadata-quorum-describe.txt"))
            }
            (false, "--bootstrap-server") => match value(&mut i, word, "bootstrap-server") {
                Ok(v) => {
                    if args.bootstrap_controller.is_some() {
                        return error(USAGE, "argument --bootstrap-server: not allowed with argument --bootstrap-controller".into());
                    }
                    args.connection.bootstrap_server = Some(v);
                }
                Err(e) => return e,
            },
            (false, "--bootstrap-controller") => {
                match value(&mut i, word, "bootstrap-controller") {
                    Ok(v) => {
                        if args.connection.bootstrap_server.is_some() {
                            return error(USAGE, "argument --bootstrap-controller: not allowed with argument --bootstrap-server".into());
                        }
                        args.bootstrap_controller = Some(v);
                    }
                    Err(e) => return e,
                }
            }
            (false, "--command-config") => match value(&mut i, word, "command-config") {
                Ok(v) => args.connection.command_config = Some(v.into()),
                Err(e) => return e,
            },
            (false, w) if !w.starts_with('-') => {
                if !["describe", "add-controller", "remove-controller"].contains(&w) {
                    return error(
                        USAGE,
                        format!("invalid choice: '{w}' (choose from 'describe', 'add-controller', 'remove-controller')"),
                    );
                }
                command = Some(w.to_string());
            }
            (true, "--status") => args.status = true,
            (true, "--replication") => args.replication = true,
            (true, "--human-readable") => args.human_readable = true,
            (described, _) => {
                let rest: Vec<String> = words[i..].iter().map(|w| format!("'{w}'")).collect();
                let usage = if described { DESCRIBE_USAGE } else { USAGE };
                return error(
                    usage,
                    format!("unrecognized arguments: {}", rest.join(", ")),
                );
            }
        }
        i += 1;
    }
    let Some(command) = command else {
        return error(USAGE, "too few arguments".into());
    };
    if args.connection.bootstrap_server.is_none() && args.bootstrap_controller.is_none() {
        return error(
            USAGE,
            "one of the arguments --bootstrap-server --bootstrap-controller is required".into(),
        );
    }
    if command != "describe" {
        return Parsed::Missing(command);
    }
    Parsed::Run(Box::new(args))
}

/// `--status`'s answer, and what `-o json` prints.
#[derive(Serialize)]
struct Described {
    cluster_id: String,
    #[serde(flatten)]
    quorum: Quorum,
}

fn terse(message: &str) -> KtError {
    KtError::usage(message).thrown("", message)
}

pub fn run(
    args: QuorumArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    if args.status && args.replication {
        return Err(terse(
            "Only one of --status or --replication should be specified with describe sub-command",
        )
        .into());
    }
    if args.status && args.human_readable {
        return Err(terse(
            "The option --human-readable is only supported along with --replication",
        )
        .into());
    }
    if kafka_name && !args.status && !args.replication {
        return Err(terse(
            "One of --status or --replication must be specified with describe sub-command",
        )
        .into());
    }
    if let Some(file) = &args.connection.command_config {
        if kafka_name && !file.exists() {
            let m = format!("Properties file {} does not exists!", file.display());
            return Err(KtError::config(m.clone()).thrown("", m).into());
        }
    }
    let mut connection = args.connection.clone();
    let controllers = args.bootstrap_controller.is_some();
    if let Some(c) = &args.bootstrap_controller {
        connection.bootstrap_server = Some(c.clone());
    }
    let request = Request {
        endpoint: crate::endpoint::rule(mode, Kafka::Argument, false),
        ..Default::default()
    };
    let cluster = Connection::resolve(&connection, request)?.open(err)?;
    cluster.refuse_mock("describe its quorum (it has no KRaft controller)")?;
    let mut broker = None;
    let mut first_error = None;
    for (host, port) in cluster.bootstrap_addresses() {
        match Broker::connect(&host, port, &cluster.config, "kt-quorum", cluster.timeout) {
            Ok(b) => {
                broker = Some(b);
                break;
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    let Some(mut broker) = broker else {
        return Err(first_error
            .unwrap_or_else(|| KtError::usage("give --bootstrap-server HOST:PORT"))
            .into());
    };
    let described = broker.describe_cluster(controllers)?;
    // DescribeQuorum goes to the active controller when asking the
    // controllers (another answers NOT_LEADER_OR_FOLLOWER), as Kafka's
    // admin client sends it.
    if controllers {
        let active = described.controller_id;
        if let Some((_, host, port)) = described.nodes.iter().find(|(id, _, _)| *id == active) {
            broker = Broker::connect(host, *port, &cluster.config, "kt-quorum", cluster.timeout)?;
        }
    }
    let quorum = broker.describe_quorum()?.map_err(|r| {
        let m = crate::compat::kafka_exception(&r);
        KtError::new(ErrorKind::Broker, m.clone()).thrown("", m)
    })?;
    kt_core::leave_running(cluster);
    let described = Described {
        cluster_id: described.cluster_id,
        quorum,
    };
    match args.output.output {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &described)?;
            writeln!(out)?;
            Ok(())
        }
        _ if args.replication => replication(&described.quorum, args.human_readable, out),
        _ => status(&described, out),
    }
}

fn leader(q: &Quorum) -> Result<&QuorumReplica, KtError> {
    q.voters
        .iter()
        .find(|v| v.id == q.leader_id)
        .ok_or_else(|| {
            KtError::broker(format!(
                "the quorum's leader {} is not among its voters",
                q.leader_id
            ))
        })
}

/// `describe --status`, as MetadataQuorumCommand prints it.
fn status(d: &Described, out: &mut dyn Write) -> anyhow::Result<()> {
    let q = &d.quorum;
    let leader = leader(q)?;
    // The first voter with the lowest end offset (Java's `min`).
    let laggard = q
        .voters
        .iter()
        .reduce(|a, b| {
            if b.log_end_offset < a.log_end_offset {
                b
            } else {
                a
            }
        })
        .unwrap_or(leader);
    let lag = leader.log_end_offset - laggard.log_end_offset;
    let lag_time = if std::ptr::eq(laggard, leader) {
        0
    } else if leader.last_caught_up_timestamp >= 0 && laggard.last_caught_up_timestamp >= 0 {
        leader.last_caught_up_timestamp - laggard.last_caught_up_timestamp
    } else {
        -1
    };
    let replicas = |list: &[QuorumReplica]| {
        let shown: Vec<String> = list
            .iter()
            .map(|r| {
                let mut s = format!("{{\"id\": {}, \"directoryId\": ", r.id);
                if r.zero_directory {
                    s.push_str("null");
                } else {
                    s.push_str(&format!("\"{}\"", r.directory_id));
                }
                let endpoints = q
                    .endpoints
                    .iter()
                    .find(|(id, _)| *id == r.id)
                    .map(|(_, e)| e.as_slice())
                    .unwrap_or_default();
                if !endpoints.is_empty() {
                    let quoted: Vec<String> =
                        endpoints.iter().map(|e| format!("\"{e}\"")).collect();
                    s.push_str(&format!(", \"endpoints\": [{}]", quoted.join(", ")));
                }
                s.push('}');
                s
            })
            .collect();
        format!("[{}]", shown.join(", "))
    };
    writeln!(out, "ClusterId:              {}", d.cluster_id)?;
    writeln!(out, "LeaderId:               {}", q.leader_id)?;
    writeln!(out, "LeaderEpoch:            {}", q.leader_epoch)?;
    writeln!(out, "HighWatermark:          {}", q.high_watermark)?;
    writeln!(out, "MaxFollowerLag:         {lag}")?;
    writeln!(out, "MaxFollowerLagTimeMs:   {lag_time}")?;
    writeln!(out, "CurrentVoters:          {}", replicas(&q.voters))?;
    writeln!(out, "CurrentObservers:       {}", replicas(&q.observers))?;
    Ok(())
}

/// `describe --replication`: Kafka's `prettyPrintTable` (each cell padded
/// to its column and followed by a tab).
fn replication(q: &Quorum, human: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let leader = leader(q)?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    let when = |ts: i64, what: &str| -> Result<String, KtError> {
        if ts < 0 {
            return Ok("-1".into());
        }
        if !human {
            return Ok(ts.to_string());
        }
        if ts <= 0 || ts > now {
            let m = format!(
                "Error while computing relative time, possible drift in system clock.\nCurrent timestamp is {now}, {what} timestamp is {ts}"
            );
            return Err(KtError::broker(m.clone()).thrown("", m));
        }
        Ok(format!("{} ms ago", now - ts))
    };
    let mut rows = Vec::new();
    let followers = q.voters.iter().filter(|v| v.id != q.leader_id);
    let all = std::iter::once((leader, "Leader"))
        .chain(followers.map(|f| (f, "Follower")))
        .chain(q.observers.iter().map(|o| (o, "Observer")));
    for (r, role) in all {
        rows.push(vec![
            r.id.to_string(),
            r.directory_id.clone(),
            r.log_end_offset.to_string(),
            (leader.log_end_offset - r.log_end_offset).to_string(),
            when(r.last_fetch_timestamp, "last fetch")?,
            when(r.last_caught_up_timestamp, "last caught up")?,
            role.to_string(),
        ]);
    }
    let headers = [
        "NodeId",
        "DirectoryId",
        "LogEndOffset",
        "Lag",
        "LastFetchTimestamp",
        "LastCaughtUpTimestamp",
        "Status",
    ];
    let mut widths: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.len());
        }
    }
    let line = |cells: Vec<String>| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}\t"))
            .collect()
    };
    writeln!(
        out,
        "{}",
        line(headers.iter().map(|h| h.to_string()).collect())
    )?;
    for row in rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    fn message(line: &str) -> String {
        match parse_kafka(&words(line)) {
            Parsed::Error { message, .. } => message,
            _ => String::new(),
        }
    }

    #[test]
    fn argparse_reads_the_command_line() {
        assert_eq!(message(""), "too few arguments");
        assert_eq!(message("--bootstrap-server b:1"), "too few arguments");
        assert_eq!(
            message("describe --status"),
            "one of the arguments --bootstrap-server --bootstrap-controller is required"
        );
        assert_eq!(
            message("--bootstrap-server x --bootstrap-controller y describe"),
            "argument --bootstrap-controller: not allowed with argument --bootstrap-server"
        );
        assert_eq!(
            message("--bootstrap-server x describe --status --foo"),
            "unrecognized arguments: '--foo'"
        );
        assert!(matches!(
            parse_kafka(&words("--bootstrap-server x describe --replication --human-readable")),
            Parsed::Run(a) if a.replication && a.human_readable
        ));
        assert!(matches!(
            parse_kafka(&words("--bootstrap-server x add-controller")),
            Parsed::Missing(_)
        ));
    }
}
