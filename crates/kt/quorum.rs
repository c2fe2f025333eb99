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
use kt_core::protocol::{Quorum, QuorumReplica};
use kt_core::{ConnectionArgs, Diagnostics, ErrorKind, KtError, OutputArgs, OutputFormat};
use serde::Serialize;

use crate::argparse::{opt, Kind, Level, Parsed, Spec, BOOTSTRAP, BOOTSTRAP_OPTIONS};
use crate::dispatch::Mode;

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

/// kafka-metadata-quorum's command line, as its argparse4j parser reads it.
pub const KAFKA_SPEC: Spec = Spec {
    top: Level {
        help: include_str!("help/kafka-metadata-quorum.txt"),
        options: &BOOTSTRAP_OPTIONS,
        one_of: BOOTSTRAP,
    },
    commands: &[
        (
            "describe",
            Level {
                help: include_str!("help/kafka-metadata-quorum-describe.txt"),
                options: &[
                    opt("--status", Kind::Flag),
                    opt("--replication", Kind::Flag),
                    opt("--human-readable", Kind::Flag),
                ],
                one_of: &[],
            },
        ),
        (
            "add-controller",
            Level {
                help: include_str!("help/kafka-metadata-quorum-add-controller.txt"),
                options: &[opt("--dry-run", Kind::Flag)],
                one_of: &[],
            },
        ),
        (
            "remove-controller",
            Level {
                help: include_str!("help/kafka-metadata-quorum-remove-controller.txt"),
                options: &[
                    opt("--controller-id", Kind::Int).short("-i").required(),
                    opt("--controller-directory-id", Kind::Value)
                        .short("-d")
                        .required(),
                    opt("--dry-run", Kind::Flag),
                ],
                one_of: &[],
            },
        ),
    ],
};

impl QuorumArgs {
    /// The arguments of a parsed Kafka command line (`describe`'s).
    pub fn from_kafka(p: &Parsed) -> QuorumArgs {
        let (connection, bootstrap_controller) = p.connection("--command-config");
        QuorumArgs {
            status: p.flag("--status"),
            replication: p.flag("--replication"),
            human_readable: p.flag("--human-readable"),
            bootstrap_controller,
            connection,
            ..Default::default()
        }
    }
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
    let crate::endpoint::Admin {
        mut broker,
        described,
        ..
    } = crate::endpoint::admin(
        &args.connection,
        args.bootstrap_controller.as_deref(),
        mode,
        "kt-quorum",
        "describe its quorum (it has no KRaft controller)",
        err,
    )?;
    let quorum = broker.describe_quorum()?.map_err(|r| {
        let m = crate::compat::kafka_exception(&r);
        KtError::new(ErrorKind::Broker, m.clone()).thrown("", m)
    })?;
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
    write!(out, "{}", crate::compat::pretty_table(&headers, &rows))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argparse::{parse, Outcome};

    fn message(line: &str) -> String {
        let words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        match parse(&KAFKA_SPEC, &words) {
            Outcome::Error { message, .. } => message,
            Outcome::Help(_) => "help".into(),
            Outcome::Version => "version".into(),
            Outcome::Run(p) => format!("run {}", p.command),
        }
    }

    /// As Kafka 3.9.2's MetadataQuorumCommand reads them.
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
        assert_eq!(
            message("--bootstrap-server x remove-controller"),
            "argument --controller-directory-id/-d is required"
        );
        assert_eq!(
            message("--bootstrap-server x describe --replication --human-readable"),
            "run describe"
        );
        assert_eq!(
            message("--bootstrap-server x add-controller"),
            "run add-controller"
        );
    }
}
