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
    /// Make the controller configured by FILE (its server.properties) a voter of a dynamic quorum (KIP-853)
    #[arg(long, value_name = "FILE", help_heading = "Quorum changes")]
    pub add_controller: Option<std::path::PathBuf>,
    /// Remove voter ID (with --controller-directory-id) from a dynamic quorum
    #[arg(
        long,
        value_name = "ID",
        allow_hyphen_values = true,
        help_heading = "Quorum changes"
    )]
    pub remove_controller: Option<i32>,
    /// The metadata log directory id of the controller --remove-controller removes
    #[arg(long, value_name = "UUID", help_heading = "Quorum changes")]
    pub controller_directory_id: Option<String>,
    /// With --add-controller or --remove-controller: check and print, change nothing
    #[arg(long, help_heading = "Quorum changes")]
    pub dry_run: bool,
    /// Under the Kafka name's add-controller: no --command-config was given
    #[arg(skip)]
    pub add_without_config: bool,

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
    /// The arguments of a parsed Kafka command line.
    pub fn from_kafka(p: &Parsed) -> QuorumArgs {
        let (connection, bootstrap_controller) = p.connection("--command-config");
        let adding = p.command == "add-controller";
        QuorumArgs {
            status: p.flag("--status"),
            replication: p.flag("--replication"),
            human_readable: p.flag("--human-readable"),
            // add-controller's --command-config is the controller's own
            // configuration, and the admin client's too.
            add_controller: adding.then(|| connection.command_config.clone()).flatten(),
            add_without_config: adding && connection.command_config.is_none(),
            remove_controller: (p.command == "remove-controller")
                .then(|| p.number("--controller-id").unwrap_or_default()),
            controller_directory_id: p.value("--controller-directory-id").map(str::to_string),
            dry_run: p.flag("--dry-run"),
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
    // Kafka reads the properties file before it looks at the command.
    if let Some(file) = &args.connection.command_config {
        if kafka_name && !file.exists() {
            let m = format!("Properties file {} does not exists!", file.display());
            return Err(KtError::config(m.clone()).thrown("", m).into());
        }
    }
    if args.add_without_config || args.add_controller.is_some() || args.remove_controller.is_some()
    {
        return change(args, mode, out, err);
    }
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

/// add-controller and remove-controller (KIP-853's dynamic quorum), as
/// MetadataQuorumCommand checks and prints them.
fn change(
    args: QuorumArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    if args.add_without_config {
        return Err(terse(
            "You must supply the configuration file of the controller you are adding when using add-controller.",
        )
        .into());
    }
    let admin = |args: &QuorumArgs| {
        crate::endpoint::admin(
            &args.connection,
            args.bootstrap_controller.as_deref(),
            mode,
            "kt-quorum",
            "change its quorum (it has no KRaft controller)",
            err,
        )
    };
    let refused = |r: kt_core::protocol::Refused| {
        if !kafka_name && r.code == 35 {
            return KtError::broker(
                "the quorum is static (kraft.version 0): only a dynamic quorum (KIP-853: formatted with kafka-storage format --standalone or --initial-controllers) adds or removes controllers",
            );
        }
        let m = crate::compat::kafka_exception(&r);
        KtError::new(ErrorKind::Broker, m.clone())
            .thrown("java.util.concurrent.ExecutionException", m)
    };
    if let Some(file) = &args.add_controller {
        let controller = Controller::read(file)?;
        if !args.dry_run {
            let mut a = admin(&args)?;
            a.broker
                .add_raft_voter(
                    controller.id,
                    controller.directory,
                    &controller.endpoints,
                    a.timeout_ms,
                )?
                .map_err(refused)?;
        }
        let endpoints: Vec<String> = controller
            .endpoints
            .iter()
            .map(|(name, host, port)| {
                if host.contains(':') {
                    format!("{name}://[{host}]:{port}")
                } else {
                    format!("{name}://{host}:{port}")
                }
            })
            .collect();
        writeln!(
            out,
            "{} controller {} with directory id {} and endpoints: {}",
            if args.dry_run {
                "DRY RUN of adding"
            } else {
                "Added"
            },
            controller.id,
            kt_core::ffi::admin::kafka_uuid(&base64_of(&controller.directory)),
            endpoints.join(", ")
        )?;
        return Ok(());
    }
    let id = args.remove_controller.unwrap_or_default();
    if id < 0 {
        return Err(terse(&format!("Invalid negative --controller-id: {id}")).into());
    }
    let text = args.controller_directory_id.clone().unwrap_or_default();
    let directory = uuid_from_string(&text)
        .map_err(|e| terse(&format!("Failed to parse --controller-directory-id: {e}")))?;
    if !args.dry_run {
        let mut a = admin(&args)?;
        a.broker
            .remove_raft_voter(id, directory)?
            .map_err(refused)?;
    }
    // Kafka's format puts two spaces before "KRaft".
    writeln!(
        out,
        "{} KRaft controller {id} with directory id {}",
        if args.dry_run {
            "DRY RUN of removing "
        } else {
            "Removed "
        },
        kt_core::ffi::admin::kafka_uuid(&base64_of(&directory))
    )?;
    Ok(())
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `Uuid.fromString`, with its messages.
fn uuid_from_string(text: &str) -> Result<[u8; 16], String> {
    if text.chars().count() > 24 {
        let prefix: String = text.chars().take(24).collect();
        return Err(format!(
            "Input string with prefix `{prefix}` is too long to be decoded as a base64 UUID"
        ));
    }
    let bytes = crate::compat::java_base64_url(text)?;
    <[u8; 16]>::try_from(bytes.as_slice()).map_err(|_| {
        format!(
            "Input string `{text}` decoded as {} bytes, which is not equal to the expected 16 bytes of a base64-encoded UUID",
            bytes.len()
        )
    })
}

/// The controller a server.properties describes, as add-controller reads
/// it: its id, its metadata log directory's id (from meta.properties), and
/// its controller listeners' advertised endpoints.
struct Controller {
    id: i32,
    directory: [u8; 16],
    endpoints: Vec<(String, String, u16)>,
}

impl Controller {
    fn read(file: &std::path::Path) -> Result<Controller, KtError> {
        let props = kt_core::props::read_file(file)?;
        let get = |key: &str| {
            props
                .iter()
                .rev()
                .find(|p| p.key == key)
                .map(|p| p.value.clone())
        };
        let invalid = "Is this a valid controller configuration file?";
        let Some(id) = get("node.id") else {
            return Err(terse(&format!(
                "node.id not found in configuration file. {invalid}"
            )));
        };
        let id: i32 = id.trim().parse().map_err(|_| {
            let m = format!("For input string: \"{id}\"");
            KtError::usage(m.clone()).thrown("java.lang.NumberFormatException", m)
        })?;
        if id < 0 {
            return Err(terse(&format!(
                "node.id was negative in configuration file. {invalid}"
            )));
        }
        if !get("process.roles")
            .unwrap_or_default()
            .contains("controller")
        {
            return Err(terse(&format!(
                "process.roles did not contain 'controller' in configuration file. {invalid}"
            )));
        }
        let directory = match (get("metadata.log.dir"), get("log.dirs")) {
            (Some(d), _) => d,
            (None, Some(dirs)) => dirs
                .trim()
                .split(',')
                .next()
                .unwrap_or_default()
                .to_string(),
            (None, None) => {
                return Err(terse(&format!(
                    "Neither metadata.log.dir nor log.dirs were found. {invalid}"
                )))
            }
        };
        let meta = std::path::Path::new(&directory).join("meta.properties");
        let unreadable = || terse(&format!("Unable to read meta.properties from {directory}"));
        let meta = kt_core::props::read_file(&meta).map_err(|_| unreadable())?;
        let directory_id = meta
            .iter()
            .rev()
            .find(|p| p.key == "directory.id")
            .map(|p| p.value.clone())
            .ok_or_else(|| terse(&format!("No directory id found in {directory}")))?;
        let directory_id = uuid_from_string(&directory_id).map_err(|_| unreadable())?;
        // advertised.listeners over listeners, by listener name.
        let mut listeners: Vec<(String, String, u16)> = Vec::new();
        for key in ["listeners", "advertised.listeners"] {
            for entry in get(key).unwrap_or_default().split(',').map(str::trim) {
                let Some((name, address)) = entry.split_once("://") else {
                    continue;
                };
                let Some((host, port)) = address.rsplit_once(':') else {
                    continue;
                };
                let host = host.trim_start_matches('[').trim_end_matches(']');
                let host = if host.is_empty() { "localhost" } else { host };
                let name = name.to_uppercase();
                listeners.retain(|(n, _, _)| *n != name);
                listeners.push((name, host.to_string(), port.parse().unwrap_or(0)));
            }
        }
        let Some(names) = get("controller.listener.names") else {
            return Err(terse(&format!(
                "controller.listener.names was not found. {invalid}"
            )));
        };
        let mut endpoints: Vec<(String, String, u16)> = Vec::new();
        for name in names.split(',') {
            let name = name.trim().to_uppercase();
            let endpoint = listeners
                .iter()
                .find(|(n, _, _)| *n == name)
                .cloned()
                .ok_or_else(|| {
                    terse(&format!(
                        "Cannot find information about controller listener name: {name}"
                    ))
                })?;
            if !endpoints.contains(&endpoint) {
                endpoints.push(endpoint);
            }
        }
        Ok(Controller {
            id,
            directory: directory_id,
            endpoints,
        })
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
