//! `kt reassign` / kafka-reassign-partitions (ReassignPartitionsCommand):
//! moves partitions' replicas between brokers. `--generate` proposes a
//! plan for topics over a list of brokers (Kafka's own assignment, random
//! start included), `--execute` starts one (with a replication throttle if
//! asked), `--verify` reports its progress and, once done, removes the
//! throttles, `--cancel` stops it and `--list` shows what is moving.
//!
//! Every request goes on kt's protocol path (librdkafka has no call for
//! reassignments). Under the Kafka name it checks its options in Kafka's
//! order and prints Kafka 3.9's lines, failures on stdout as Kafka's tool
//! prints them; under kt's name failures are one line on stderr, and
//! `--list` and `--verify` print a table or JSON too.

use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use kt_core::connection::{Connection, Request};
use kt_core::protocol::{self, Pool, Reassignment, Refused};
use kt_core::{ConnectionArgs, Diagnostics, ErrorKind, KtError, OutputArgs, OutputFormat};
use serde::Serialize;

use crate::dispatch::Mode;
use crate::endpoint::Kafka;
use crate::java_order::{hash_map_order, string_hash, topic_partition_hash};

const ANY_LOG_DIR: &str = "any";
const FAILED: &str = "org.apache.kafka.server.common.AdminCommandFailedException";
const OPERATION: &str = "org.apache.kafka.server.common.AdminOperationException";
const EXECUTION: &str = "java.util.concurrent.ExecutionException";
const BROKER_THROTTLES: [&str; 3] = [
    "leader.replication.throttled.rate",
    "follower.replication.throttled.rate",
    "replica.alter.log.dirs.io.max.bytes.per.second",
];
const TOPIC_THROTTLES: [&str; 2] = [
    "leader.replication.throttled.replicas",
    "follower.replication.throttled.replicas",
];
const EXISTING: &str = "Cannot execute because there is an existing partition assignment.  \
    Use --additional to override this and create a new partition assignment in addition to \
    the existing one. The --additional flag can also be used to change the throttle by \
    resubmitting the current reassignment.";
const RUN_VERIFY: &str = "Warning: You must run --verify periodically, until the reassignment \
    completes, to ensure the throttle is removed.";
/// The requests' own timeout, as Kafka's admin client sends it.
const REQUEST_TIMEOUT_MS: i32 = 30_000;

#[derive(Args, Debug, Clone, Default)]
pub struct ReassignArgs {
    /// Execute this reassignment in addition to any other ongoing ones. This option can also be used to change the throttle of an ongoing reassignment.
    #[arg(long)]
    pub additional: bool,
    /// Cancel an active reassignment.
    #[arg(long)]
    pub cancel: bool,
    /// Disable rack aware replica assignment
    #[arg(long)]
    pub disable_rack_aware: bool,
    /// Kick off the reassignment as specified by the --reassignment-json-file option.
    #[arg(long)]
    pub execute: bool,
    /// Generate a candidate partition reassignment configuration (with --topics-to-move-json-file and --broker-list "0,1,2"). It does not execute it.
    #[arg(long)]
    pub generate: bool,
    /// List all active partition reassignments.
    #[arg(long)]
    pub list: bool,
    /// Do not modify broker or topic throttles.
    #[arg(long)]
    pub preserve_throttles: bool,
    /// The JSON file with the partition reassignment configuration: {"partitions": [{"topic": "foo", "partition": 1, "replicas": [1,2,3]}], "version": 1}
    #[arg(long, value_name = "manual assignment json file path")]
    pub reassignment_json_file: Option<PathBuf>,
    /// The movement of replicas between log directories on the same broker will be throttled to this value (bytes/sec). (default: -1)
    #[arg(
        long,
        value_name = "replicaAlterLogDirsThrottle",
        allow_hyphen_values = true
    )]
    pub replica_alter_log_dirs_throttle: Option<String>,
    /// The movement of partitions between brokers will be throttled to this value (bytes/sec); with --execute, or again with --additional to change it. (default: -1)
    #[arg(long, value_name = "throttle", allow_hyphen_values = true)]
    pub throttle: Option<String>,
    /// The maximum time in ms to wait for log directory replica assignment to begin. (default: 10000)
    #[arg(long, value_name = "timeout", allow_hyphen_values = true)]
    pub timeout: Option<String>,
    /// The topics whose partitions --generate moves to the brokers of --broker-list: {"topics": [{"topic": "foo"},{"topic": "foo1"}], "version": 1}
    #[arg(long, value_name = "topics to reassign json file path")]
    pub topics_to_move_json_file: Option<PathBuf>,
    /// Verify if the reassignment completed as specified by the --reassignment-json-file option; once it has, remove the throttles.
    #[arg(long)]
    pub verify: bool,
    /// kt: plan moving every replica off this broker (with --execute, start it)
    #[arg(long, value_name = "ID", help_heading = "kt")]
    pub drain_broker: Option<i32>,
    /// kt: plan evening out replicas and leaders onto these new brokers (4,5)
    #[arg(long, value_name = "IDS", help_heading = "kt")]
    pub add_brokers: Option<String>,
    /// kt: plan changing --topic's replication factor to N
    #[arg(long, value_name = "N", help_heading = "kt")]
    pub replication_factor: Option<usize>,
    /// kt: the topic of --replication-factor; with --drain-broker or --add-brokers, only its partitions move
    #[arg(long, value_name = "TOPIC", help_heading = "kt")]
    pub topic: Option<String>,
    /// kt: follow the reassignment in bytes until done (ETA), then remove the throttles
    #[arg(long, help_heading = "kt")]
    pub watch: bool,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Generate,
    Execute,
    Verify,
    Cancel,
    List,
}

impl Action {
    fn name(self) -> &'static str {
        match self {
            Action::Generate => "generate",
            Action::Execute => "execute",
            Action::Verify => "verify",
            Action::Cancel => "cancel",
            Action::List => "list",
        }
    }

    /// The options the action needs, in Kafka's order.
    fn required(self) -> &'static [&'static str] {
        match self {
            Action::Verify | Action::Execute | Action::Cancel => &["reassignment-json-file"],
            Action::Generate => &["topics-to-move-json-file", "broker-list"],
            Action::List => &[],
        }
    }

    /// The other options it takes.
    fn permitted(self) -> &'static [&'static str] {
        match self {
            Action::Verify => &["bootstrap-server", "command-config", "preserve-throttles"],
            Action::Generate => &[
                "bootstrap-server",
                "broker-list",
                "command-config",
                "disable-rack-aware",
            ],
            Action::Execute => &[
                "additional",
                "bootstrap-server",
                "command-config",
                "throttle",
                "replica-alter-log-dirs-throttle",
                "timeout",
            ],
            Action::Cancel => &[
                "bootstrap-server",
                "command-config",
                "preserve-throttles",
                "timeout",
            ],
            Action::List => &["bootstrap-server", "command-config"],
        }
    }
}

/// Kafka 3.9's options of the tool, for the order checks.
const OPTIONS: [&str; 18] = [
    "additional",
    "bootstrap-server",
    "broker-list",
    "cancel",
    "command-config",
    "disable-rack-aware",
    "execute",
    "generate",
    "help",
    "list",
    "preserve-throttles",
    "reassignment-json-file",
    "replica-alter-log-dirs-throttle",
    "throttle",
    "timeout",
    "topics-to-move-json-file",
    "verify",
    "version",
];

/// The Kafka options on the command line, once each, in their order (as
/// jopt-simple's `specs()`), abbreviations expanded.
fn given_options(words: &[String]) -> Vec<&'static str> {
    let mut seen = Vec::new();
    for word in words {
        let Some(name) = word.strip_prefix("--") else {
            continue;
        };
        let name = name.split('=').next().unwrap_or(name);
        let found = OPTIONS.iter().find(|o| **o == name).copied().or_else(|| {
            let matching: Vec<&str> = OPTIONS
                .iter()
                .copied()
                .filter(|o| o.starts_with(name))
                .collect();
            (matching.len() == 1 && !name.is_empty()).then(|| matching[0])
        });
        if let Some(option) = found {
            if !seen.contains(&option) {
                seen.push(option);
            }
        }
    }
    seen
}

/// `validateAndParseArgs`' checks, in its order.
fn validate(args: &ReassignArgs, broker_list: bool) -> Result<Action, KtError> {
    let actions: Vec<Action> = [
        (args.generate, Action::Generate),
        (args.execute, Action::Execute),
        (args.verify, Action::Verify),
        (args.cancel, Action::Cancel),
        (args.list, Action::List),
    ]
    .into_iter()
    .filter_map(|(given, a)| given.then_some(a))
    .collect();
    let [action] = actions[..] else {
        return Err(KtError::usage(
            "Command must include exactly one action: --generate, --execute, --verify, --cancel, --list",
        ));
    };
    if args.connection.endpoint()?.is_none() {
        return Err(KtError::usage("Please specify --bootstrap-server"));
    }
    for required in action.required() {
        let present = match *required {
            "reassignment-json-file" => args.reassignment_json_file.is_some(),
            "topics-to-move-json-file" => args.topics_to_move_json_file.is_some(),
            _ => broker_list,
        };
        if !present {
            return Err(KtError::usage(format!(
                "Missing required argument \"[{required}]\""
            )));
        }
    }
    for option in given_options(&crate::dispatch::tool_words()) {
        if option != action.name()
            && !action.required().contains(&option)
            && !action.permitted().contains(&option)
            && !["help", "version"].contains(&option)
        {
            return Err(KtError::usage(format!(
                "Option \"[{option}]\" can't be used with action \"[{}]\"",
                action.name()
            )));
        }
    }
    Ok(action)
}

/// How the tool fails: Kafka's tool prints a `TerseException`'s message
/// alone, anything else as `Error: ` and the message, then the exception.
#[derive(Debug)]
enum Failure {
    Terse(String),
    Thrown {
        class: &'static str,
        message: String,
    },
}

/// kt's error for a failure: under the Kafka name Kafka's text (on stdout,
/// by [`run`]), under kt's name the same words as one line.
fn failure(kind: ErrorKind, f: Failure) -> KtError {
    match f {
        Failure::Terse(m) => KtError::new(kind, m.clone()).thrown("", m),
        Failure::Thrown { class, message } => {
            KtError::new(kind, message.clone()).thrown(class, message)
        }
    }
}

fn thrown(kind: ErrorKind, class: &'static str, message: impl Into<String>) -> KtError {
    failure(
        kind,
        Failure::Thrown {
            class,
            message: message.into(),
        },
    )
}

fn terse(kind: ErrorKind, message: impl Into<String>) -> KtError {
    failure(kind, Failure::Terse(message.into()))
}

/// A broker's refusal as Kafka's admin client reports it out of a future:
/// an ExecutionException around the Kafka exception.
fn execution(r: &Refused) -> KtError {
    let inner = crate::compat::kafka_exception(r);
    thrown(ErrorKind::Broker, EXECUTION, inner)
}

pub fn run(
    mut args: ReassignArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    let result = run_checked(&mut args, mode, out, err);
    let Err(error) = result else {
        return Ok(());
    };
    let Some(e) = error.downcast_ref::<KtError>() else {
        return Err(error);
    };
    if e.kind == ErrorKind::Usage && e.thrown.is_none() {
        return Err(error);
    }
    if !kafka_name {
        // kt's one line: the message without Java's exception class names.
        let mut message = e.message.as_str();
        while let Some((class, rest)) = message.split_once(": ") {
            if !class.contains('.') || class.contains(' ') {
                break;
            }
            message = rest;
        }
        return Err(KtError::new(e.kind, message.replace('\n', "; ")).into());
    }
    // Kafka's tool prints its failures on stdout, then exits 1.
    match &e.thrown {
        Some(("", message)) => writeln!(out, "{message}")?,
        Some((class, message)) => {
            writeln!(out, "Error: {message}")?;
            writeln!(out, "{class}: {message}")?;
            // `println(stackTrace(e))`: Kafka's own errors carry no stack
            // frames, so the line println adds stays alone (the frames of
            // other exceptions are the README's departure).
            if class.starts_with("org.apache.kafka.common.errors.") {
                writeln!(out)?;
            }
        }
        None => writeln!(out, "Error: {}", e.message)?,
    }
    // Shown: the edge only picks the exit code (not the usage text).
    let kind = match e.kind {
        ErrorKind::Usage => ErrorKind::Config,
        kind => kind,
    };
    Err(KtError::new(kind, "").into())
}

fn run_checked(
    args: &mut ReassignArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    if mode == Mode::Native && crate::reassign_plan::wanted(args) {
        let mut pool = open_pool(args, mode, err)?;
        return crate::reassign_plan::run(args, &mut pool, out, err);
    }
    let broker_list = args.connection.broker_list.take();
    let action = validate(args, broker_list.is_some())?;
    let json = |path: &Option<PathBuf>| -> Result<String, KtError> {
        let path = path.as_deref().unwrap_or(Path::new(""));
        std::fs::read_to_string(path).map_err(|_| {
            thrown(
                ErrorKind::Config,
                "java.io.IOException",
                format!("Unable to read file {}", path.display()),
            )
        })
    };
    // Read and checked before any request, as Kafka's tool does.
    let plan = match action {
        Action::Generate => Plan::Generate {
            topics: parse_topics(&json(&args.topics_to_move_json_file)?)?,
            brokers: parse_brokers(broker_list.as_deref().unwrap_or_default())?,
        },
        Action::Execute => {
            let moves = parse_moves(&json(&args.reassignment_json_file)?)?;
            check_execute(&moves)?;
            Plan::Execute(moves)
        }
        Action::Verify => Plan::Verify(parse_moves(&json(&args.reassignment_json_file)?)?),
        Action::Cancel => Plan::Cancel(parse_moves(&json(&args.reassignment_json_file)?)?),
        Action::List => Plan::List,
    };
    let long = |value: &Option<String>, option: &str| {
        crate::compat::jopt_value(value.as_deref(), option, -1i64)
    };
    let throttle = long(&args.throttle, "throttle")?;
    let log_dir_throttle = long(
        &args.replica_alter_log_dirs_throttle,
        "replica-alter-log-dirs-throttle",
    )?;
    let timeout_ms = crate::compat::jopt_value(args.timeout.as_deref(), "timeout", 10_000i64)?;
    let mut pool = open_pool(args, mode, err)?;
    let format = args.output.output;
    match plan {
        Plan::List => list(&mut pool, format, out),
        Plan::Verify(moves) => verify(&mut pool, &moves, args.preserve_throttles, format, out),
        Plan::Execute(moves) => execute(
            &mut pool,
            &moves,
            args.additional,
            (throttle, log_dir_throttle),
            timeout_ms,
            out,
        ),
        Plan::Cancel(moves) => cancel(&mut pool, &moves, args.preserve_throttles, timeout_ms, out),
        Plan::Generate { topics, brokers } => {
            generate(&mut pool, &topics, &brokers, !args.disable_rack_aware, out)
        }
    }
}

/// A connection to each broker of the cluster.
fn open_pool(args: &ReassignArgs, mode: Mode, err: &Diagnostics) -> anyhow::Result<Pool> {
    let request = Request {
        endpoint: crate::endpoint::rule(mode, Kafka::Argument, false),
        ..Default::default()
    };
    let cluster = Connection::resolve(&args.connection, request)?.open(err)?;
    cluster.refuse_mock("reassign partitions (it has no reassignment requests)")?;
    let info = cluster.info_once("reassign-partitions-tool")?;
    let pool = Pool::new(
        info.nodes,
        &cluster.config,
        "reassign-partitions-tool",
        cluster.timeout,
    );
    kt_core::leave_running(cluster);
    Ok(pool)
}

enum Plan {
    Generate {
        topics: Vec<String>,
        brokers: Vec<i32>,
    },
    Execute(Vec<Move>),
    Verify(Vec<Move>),
    Cancel(Vec<Move>),
    List,
}

/// A replica sent to a log directory of its broker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct DirMove {
    topic: String,
    partition: i32,
    broker: i32,
    dir: String,
}

impl DirMove {
    /// `TopicPartitionReplica.toString()`.
    fn replica(&self) -> String {
        format!("{}-{}-{}", self.topic, self.partition, self.broker)
    }
    /// `compareTopicPartitionReplicas`' order.
    fn order(&self) -> (&str, i32, i32) {
        (&self.topic, self.partition, self.broker)
    }
}

/// Every log directory move of `moves`, in Kafka's replica order.
fn dir_moves(moves: &[Move]) -> Vec<DirMove> {
    let mut all: Vec<DirMove> = moves.iter().flat_map(Move::dir_moves).collect();
    all.sort_by(|a, b| a.order().cmp(&b.order()));
    all
}

/// Where a replica's log directory move stands (`LogDirMoveState`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum DirState {
    /// The broker has no such replica.
    MissingReplica,
    /// Only a future replica: the current one is in an offline directory.
    MissingLogDir,
    /// Moving, into `future`.
    Active {
        current: String,
        future: String,
    },
    /// Not moving, and not in the target directory.
    Cancelled {
        current: String,
    },
    Completed,
}

/// `findLogDirMoveStates`: each move's state, from DescribeLogDirs of its
/// broker.
fn dir_states(pool: &mut Pool, moves: &[DirMove]) -> Result<Vec<DirState>, KtError> {
    let mut described: HashMap<i32, Vec<protocol::LogDir>> = HashMap::new();
    let mut states = Vec::new();
    for m in moves {
        let dirs = match described.entry(m.broker) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(pool.to(Some(m.broker))?.describe_log_dirs()?)
            }
        };
        let find = |future: bool| {
            dirs.iter()
                .find(|d| {
                    d.replicas.iter().any(|r| {
                        r.topic == m.topic && r.partition == m.partition && r.is_future == future
                    })
                })
                .map(|d| d.path.clone())
        };
        states.push(match (find(false), find(true)) {
            (None, None) => DirState::MissingReplica,
            (None, Some(_)) => DirState::MissingLogDir,
            (Some(current), Some(future)) => DirState::Active { current, future },
            (Some(current), None) if current == m.dir => DirState::Completed,
            (Some(current), None) => DirState::Cancelled { current },
        });
    }
    Ok(states)
}

/// `replicaMoveStatesToString`.
fn dir_state_lines(moves: &[DirMove], states: &[DirState]) -> Vec<String> {
    moves
        .iter()
        .zip(states)
        .map(|(m, s)| {
            let (tp, b) = (format!("{}-{}", m.topic, m.partition), m.broker);
            match s {
                DirState::MissingLogDir => format!("Partition {tp} is not found in any live log dir on broker {b}. There is likely an offline log directory on the broker."),
                DirState::MissingReplica => format!("Partition {tp} cannot be found in any live log directory on broker {b}."),
                DirState::Active { future, .. } if *future == m.dir => {
                    format!("Reassignment of replica {} is still in progress.", m.replica())
                }
                DirState::Active { future, .. } => format!(
                    "Partition {tp} on broker {b} is being moved to log dir {future} instead of {}.",
                    m.dir
                ),
                DirState::Cancelled { current } => format!(
                    "Partition {tp} on broker {b} is not being moved from log dir {current} to {}.",
                    m.dir
                ),
                DirState::Completed => {
                    format!("Reassignment of replica {} completed successfully.", m.replica())
                }
            }
        })
        .collect()
}

/// `executeMoves`: AlterReplicaLogDirs for each pending replica, again every
/// 100 ms while a replica is not on its broker yet, until `timeout_ms`.
fn execute_dir_moves(
    pool: &mut Pool,
    moves: &[DirMove],
    timeout_ms: i64,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let deadline = std::time::Instant::now()
        + std::time::Duration::from_millis(u64::try_from(timeout_ms).unwrap_or(0));
    let mut pending: Vec<DirMove> = moves.to_vec();
    loop {
        let mut brokers: Vec<i32> = pending.iter().map(|m| m.broker).collect();
        brokers.sort_unstable();
        brokers.dedup();
        let mut started: Vec<DirMove> = Vec::new();
        for broker in brokers {
            let asks: Vec<(String, String, i32)> = pending
                .iter()
                .filter(|m| m.broker == broker)
                .map(|m| (m.dir.clone(), m.topic.clone(), m.partition))
                .collect();
            for ((topic, partition), answer) in
                pool.to(Some(broker))?.alter_replica_log_dirs(&asks)?
            {
                let Some(m) = pending
                    .iter()
                    .find(|m| m.broker == broker && m.topic == topic && m.partition == partition)
                else {
                    continue;
                };
                match answer {
                    Ok(()) => started.push(m.clone()),
                    // REPLICA_NOT_AVAILABLE: not on the broker yet.
                    Err(r) if r.code == 9 => {}
                    Err(_) => {
                        return Err(thrown(
                            ErrorKind::Broker,
                            FAILED,
                            format!("Failed to alter dir for {}", m.replica()),
                        )
                        .into())
                    }
                }
            }
        }
        started.sort_by(|a, b| a.order().cmp(&b.order()));
        for m in &started {
            // Kafka's line ends with a space.
            writeln!(
                out,
                "Successfully started moving log directory to {} for replica {}-{} with broker {} ",
                m.dir, m.topic, m.partition, m.broker
            )?;
        }
        pending.retain(|m| !started.contains(m));
        if pending.is_empty() {
            return Ok(());
        }
        if std::time::Instant::now() >= deadline {
            return Err(terse(
                ErrorKind::Timeout,
                format!(
                    "Timed out before log directory move{} could be started for: {}",
                    if pending.len() == 1 { "" } else { "s" },
                    pending
                        .iter()
                        .map(DirMove::replica)
                        .collect::<Vec<_>>()
                        .join(",")
                ),
            )
            .into());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// One partition of a reassignment file: its new replicas, and the log
/// directory each goes to (`any` for the broker's choice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Move {
    topic: String,
    partition: i32,
    replicas: Vec<i32>,
    log_dirs: Vec<String>,
}

impl Move {
    /// A move to `replicas`, each in the broker's choice of directory.
    pub(crate) fn new(topic: &str, partition: i32, replicas: Vec<i32>) -> Move {
        Move {
            topic: topic.to_string(),
            partition,
            log_dirs: vec![ANY_LOG_DIR.to_string(); replicas.len()],
            replicas,
        }
    }

    fn name(&self) -> String {
        format!("{}-{}", self.topic, self.partition)
    }

    /// The replicas the file sends to a named log directory.
    fn dir_moves(&self) -> impl Iterator<Item = DirMove> + '_ {
        self.replicas
            .iter()
            .zip(&self.log_dirs)
            .filter(|(_, d)| *d != ANY_LOG_DIR)
            .map(|(b, d)| DirMove {
                topic: self.topic.clone(),
                partition: self.partition,
                broker: *b,
                dir: d.clone(),
            })
    }

    pub(crate) fn key(&self) -> (String, i32) {
        (self.topic.clone(), self.partition)
    }
}

fn json_error(m: impl Into<String>) -> KtError {
    thrown(ErrorKind::Usage, OPERATION, m)
}

fn version_of(js: &serde_json::Value) -> Result<i64, KtError> {
    match js.get("version") {
        None => Ok(1),
        Some(v) => v
            .as_i64()
            .ok_or_else(|| json_error(format!("Not supported version field value {v}"))),
    }
}

/// `--topics-to-move-json-file`: the topics' names, in file order.
fn parse_topics(text: &str) -> Result<Vec<String>, KtError> {
    let js: serde_json::Value = serde_json::from_str(text)
        .map_err(|_| json_error("The input string is not a valid JSON"))?;
    let version = version_of(&js)?;
    if version != 1 {
        return Err(json_error(format!(
            "Not supported version field value {version}"
        )));
    }
    let mut topics = Vec::new();
    if let Some(list) = js.get("topics") {
        let items = list
            .as_array()
            .ok_or_else(|| json_error("\"topics\" is not a JSON array"))?;
        for item in items {
            let topic = item
                .get("topic")
                .and_then(|t| t.as_str())
                .ok_or_else(|| json_error("each entry of \"topics\" needs a \"topic\" string"))?;
            topics.push(topic.to_string());
        }
    }
    let duplicates = duplicates(&topics);
    if !duplicates.is_empty() {
        let shown = hash_map_order(duplicates, |t| string_hash(t));
        return Err(thrown(
            ErrorKind::Usage,
            FAILED,
            format!(
                "List of topics to reassign contains duplicate entries: [{}]",
                shown.join(", ")
            ),
        ));
    }
    Ok(topics)
}

/// `--broker-list` for --generate: broker ids, no one twice.
fn parse_brokers(list: &str) -> Result<Vec<i32>, KtError> {
    let mut ids = Vec::new();
    for word in list.split(',') {
        let id: i32 = word.parse().map_err(|_| {
            thrown(
                ErrorKind::Usage,
                "java.lang.NumberFormatException",
                format!("For input string: \"{word}\""),
            )
        })?;
        ids.push(id);
    }
    let duplicates = duplicates(&ids);
    if !duplicates.is_empty() {
        let shown: Vec<String> = hash_map_order(duplicates, |id| *id)
            .iter()
            .map(i32::to_string)
            .collect();
        return Err(thrown(
            ErrorKind::Usage,
            FAILED,
            format!(
                "Broker list contains duplicate entries: [{}]",
                shown.join(", ")
            ),
        ));
    }
    Ok(ids)
}

fn duplicates<T: Clone + Eq + Ord>(items: &[T]) -> Vec<T> {
    let mut seen = BTreeSet::new();
    let mut twice = BTreeSet::new();
    for item in items {
        if !seen.insert(item.clone()) {
            twice.insert(item.clone());
        }
    }
    twice.into_iter().collect()
}

/// A reassignment file (`parsePartitionReassignmentData`), in file order.
fn parse_moves(text: &str) -> Result<Vec<Move>, KtError> {
    let js: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| json_error(format!("the reassignment file is not valid JSON: {e}")))?;
    if !js.is_object() {
        return Err(json_error("the reassignment file is not a JSON object"));
    }
    let version = version_of(&js)?;
    if version != 1 {
        return Err(json_error(format!(
            "Not supported version field value {version}"
        )));
    }
    let mut moves = Vec::new();
    let Some(list) = js.get("partitions") else {
        return Ok(moves);
    };
    let items = list
        .as_array()
        .ok_or_else(|| json_error("\"partitions\" is not a JSON array"))?;
    for item in items {
        let field = |name: &str| {
            item.get(name)
                .ok_or_else(|| json_error(format!("No such field exists: `{name}`")))
        };
        let topic = field("topic")?
            .as_str()
            .ok_or_else(|| json_error("\"topic\" is not a string"))?
            .to_string();
        let partition = field("partition")?
            .as_i64()
            .and_then(|p| i32::try_from(p).ok())
            .ok_or_else(|| json_error("\"partition\" is not an int"))?;
        let replicas: Vec<i32> = field("replicas")?
            .as_array()
            .and_then(|a| {
                a.iter()
                    .map(|r| r.as_i64().and_then(|r| i32::try_from(r).ok()))
                    .collect()
            })
            .ok_or_else(|| json_error("\"replicas\" is not a list of ints"))?;
        let log_dirs: Vec<String> = match item.get("log_dirs") {
            None => vec![ANY_LOG_DIR.to_string(); replicas.len()],
            Some(dirs) => dirs
                .as_array()
                .and_then(|a| a.iter().map(|d| d.as_str().map(str::to_string)).collect())
                .ok_or_else(|| json_error("\"log_dirs\" is not a list of strings"))?,
        };
        if replicas.len() != log_dirs.len() {
            return Err(thrown(
                ErrorKind::Usage,
                FAILED,
                format!(
                    "Size of replicas list [{}] is different from size of log dirs list [{}] for partition {topic}-{partition}",
                    join(&replicas, ", "),
                    log_dirs.join(", ")
                ),
            ));
        }
        moves.push(Move {
            topic,
            partition,
            replicas,
            log_dirs,
        });
    }
    Ok(moves)
}

/// `parseExecuteAssignmentArgs`' checks.
fn check_execute(moves: &[Move]) -> Result<(), KtError> {
    let failed = |m: String| thrown(ErrorKind::Usage, FAILED, m);
    if moves.is_empty() {
        return Err(failed("Partition reassignment list cannot be empty".into()));
    }
    if moves.iter().any(|m| m.replicas.is_empty()) {
        return Err(failed("Partition replica list cannot be empty".into()));
    }
    let keys: Vec<(String, i32)> = moves.iter().map(Move::key).collect();
    let twice = duplicates(&keys);
    if !twice.is_empty() {
        let shown = hash_map_order(twice, |(t, p)| topic_partition_hash(t, *p));
        return Err(failed(format!(
            "Partition reassignment contains duplicate topic partitions: {}",
            shown
                .iter()
                .map(|(t, p)| format!("{t}-{p}"))
                .collect::<Vec<_>>()
                .join(",")
        )));
    }
    let repeated: Vec<String> = moves
        .iter()
        .filter_map(|m| {
            let twice = duplicates(&m.replicas);
            (!twice.is_empty()).then(|| {
                let shown: Vec<i32> = hash_map_order(twice, |id| *id);
                format!(
                    "{} contains multiple entries for {}",
                    m.name(),
                    join(&shown, ",")
                )
            })
        })
        .collect();
    if !repeated.is_empty() {
        return Err(failed(format!(
            "Partition replica lists may not contain duplicate entries: {}",
            repeated.join(". ")
        )));
    }
    Ok(())
}

pub(crate) fn join(ids: &[i32], separator: &str) -> String {
    ids.iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(separator)
}

/// Kafka's reassignment JSON, as `formatAsReassignmentJson` writes it
/// (Jackson, compact), partitions in topic and partition order.
pub(crate) fn reassignment_json(parts: &[(String, i32, Vec<i32>)]) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        version: i32,
        partitions: Vec<Entry<'a>>,
    }
    #[derive(Serialize)]
    struct Entry<'a> {
        topic: &'a str,
        partition: i32,
        replicas: &'a [i32],
        log_dirs: Vec<&'static str>,
    }
    let mut sorted: Vec<&(String, i32, Vec<i32>)> = parts.iter().collect();
    sorted.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let file = File {
        version: 1,
        partitions: sorted
            .into_iter()
            .map(|(topic, partition, replicas)| Entry {
                topic,
                partition: *partition,
                replicas,
                log_dirs: vec![ANY_LOG_DIR; replicas.len()],
            })
            .collect(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Every current reassignment of the cluster (or of `only`).
fn reassignments(
    pool: &mut Pool,
    only: Option<&[(String, i32)]>,
) -> Result<Vec<Reassignment>, KtError> {
    pool.to(None)?
        .list_partition_reassignments(only, REQUEST_TIMEOUT_MS)?
        .map_err(|r| execution(&r))
}

/// `--list`.
fn list(pool: &mut Pool, format: OutputFormat, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut current = reassignments(pool, None)?;
    current.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
    match format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &current)?;
            writeln!(out)?;
        }
        OutputFormat::Table => {
            let mut table =
                crate::table::new(["TOPIC", "PARTITION", "REPLICAS", "ADDING", "REMOVING"]);
            for r in &current {
                table.add_row([
                    r.topic.clone(),
                    r.partition.to_string(),
                    join(&r.replicas, ","),
                    join(&r.adding, ","),
                    join(&r.removing, ","),
                ]);
            }
            writeln!(out, "{table}")?;
        }
        OutputFormat::Text if current.is_empty() => {
            writeln!(out, "No partition reassignments found.")?
        }
        OutputFormat::Text => {
            writeln!(out, "Current partition reassignments:")?;
            for r in &current {
                let mut line = format!(
                    "{}-{}: replicas: {}.",
                    r.topic,
                    r.partition,
                    join(&r.replicas, ",")
                );
                if !r.adding.is_empty() {
                    line.push_str(&format!(" adding: {}.", join(&r.adding, ",")));
                }
                if !r.removing.is_empty() {
                    line.push_str(&format!(" removing: {}.", join(&r.removing, ",")));
                }
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// Each topic's partitions and replicas; a topic the cluster lacks fails
/// as Kafka's `describeTopics` does.
fn topic_replicas(
    pool: &mut Pool,
    topics: &[String],
) -> Result<Vec<protocol::TopicReplicas>, KtError> {
    pool.to(None)?.topic_replicas(topics)
}

fn topic_not_found(topic: &str) -> KtError {
    thrown(
        ErrorKind::NotFound,
        EXECUTION,
        format!(
            "org.apache.kafka.common.errors.UnknownTopicOrPartitionException: Topic {topic} not found."
        ),
    )
}

/// The current replicas of `parts`, failing for a topic or partition the
/// cluster lacks (`getReplicaAssignmentForPartitions`).
fn current_replicas(
    pool: &mut Pool,
    parts: &[(String, i32)],
) -> Result<Vec<(String, i32, Vec<i32>)>, KtError> {
    let mut topics: Vec<String> = parts.iter().map(|(t, _)| t.clone()).collect();
    topics.sort();
    topics.dedup();
    let mut found = Vec::new();
    for (topic, partitions) in topic_replicas(pool, &topics)? {
        let partitions = match partitions {
            Ok(p) => p,
            Err(r) if r.code == 3 => return Err(topic_not_found(&topic)),
            Err(r) => return Err(execution(&r)),
        };
        for (partition, replicas) in partitions {
            if parts.contains(&(topic.clone(), partition)) {
                found.push((topic.clone(), partition, replicas));
            }
        }
    }
    let missing: Vec<(String, i32)> = parts
        .iter()
        .filter(|(t, p)| !found.iter().any(|(ft, fp, _)| ft == t && fp == p))
        .cloned()
        .collect();
    if !missing.is_empty() {
        let shown = hash_map_order(missing, |(t, p)| topic_partition_hash(t, *p));
        return Err(thrown(
            ErrorKind::NotFound,
            EXECUTION,
            format!(
                "org.apache.kafka.common.errors.UnknownTopicOrPartitionException: Unable to find partition: {}",
                shown
                    .iter()
                    .map(|(t, p)| format!("{t}-{p}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    Ok(found)
}

/// `--execute`.
pub(crate) fn execute(
    pool: &mut Pool,
    moves: &[Move],
    additional: bool,
    (throttle, log_dir_throttle): (i64, i64),
    timeout_ms: i64,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let current = reassignments(pool, None)?;
    if !additional && !current.is_empty() {
        return Err(terse(ErrorKind::Broker, EXISTING).into());
    }
    let known: Vec<i32> = pool.nodes.iter().map(|n| n.id).collect();
    // The first unknown broker of a HashSet of the file's brokers.
    let wanted: Vec<i32> = moves.iter().flat_map(|m| m.replicas.clone()).collect();
    let mut wanted_set = wanted.clone();
    wanted_set.sort_unstable();
    wanted_set.dedup();
    if let Some(unknown) = hash_map_order(wanted_set, |id| *id)
        .into_iter()
        .find(|id| !known.contains(id))
    {
        return Err(thrown(
            ErrorKind::NotFound,
            FAILED,
            format!("Unknown broker id {unknown}"),
        )
        .into());
    }
    let keys: Vec<(String, i32)> = moves.iter().map(Move::key).collect();
    let before = current_replicas(pool, &keys)?;
    writeln!(
        out,
        "Current partition replica assignment\n\n{}\n\nSave this to use as the \
         --reassignment-json-file option during rollback",
        reassignment_json(&before)
    )?;
    if throttle >= 0 || log_dir_throttle >= 0 {
        writeln!(out, "{RUN_VERIFY}")?;
        if throttle >= 0 {
            set_throttles(pool, &current, moves, &before, throttle)?;
            writeln!(
                out,
                "The inter-broker throttle limit was set to {throttle} B/s"
            )?;
        }
        if log_dir_throttle >= 0 {
            // The brokers of the log directory moves.
            let mut brokers: Vec<i32> = dir_moves(moves).iter().map(|m| m.broker).collect();
            brokers.sort_unstable();
            brokers.dedup();
            for broker in brokers {
                let ops = vec![(
                    BROKER_THROTTLES[2].to_string(),
                    0,
                    Some(log_dir_throttle.to_string()),
                )];
                pool.to(Some(broker))?
                    .incremental_alter_configs(
                        protocol::resource::BROKER,
                        &broker.to_string(),
                        &ops,
                    )?
                    .map_err(|r| execution(&r))?;
            }
            writeln!(
                out,
                "The replica-alter-dir throttle limit was set to {log_dir_throttle} B/s"
            )?;
        }
    }
    let changes: Vec<(String, i32, Option<Vec<i32>>)> = moves
        .iter()
        .map(|m| (m.topic.clone(), m.partition, Some(m.replicas.clone())))
        .collect();
    let refusals = alter(pool, &changes)?;
    if !refusals.is_empty() {
        return Err(terse(
            ErrorKind::Broker,
            format!("Error reassigning partition(s):\n{}", refusals.join("\n")),
        )
        .into());
    }
    let mut started: Vec<&Move> = moves.iter().collect();
    started.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
    writeln!(
        out,
        "Successfully started partition reassignment{} for {}",
        if started.len() == 1 { "" } else { "s" },
        started
            .iter()
            .map(|m| m.name())
            .collect::<Vec<_>>()
            .join(",")
    )?;
    let dirs = dir_moves(moves);
    if !dirs.is_empty() {
        execute_dir_moves(pool, &dirs, timeout_ms, out)?;
    }
    Ok(())
}

/// AlterPartitionReassignments for `changes`: the partitions refused, as
/// Kafka's tool lists them (`t-0: message`, in partition order).
fn alter(
    pool: &mut Pool,
    changes: &[(String, i32, Option<Vec<i32>>)],
) -> Result<Vec<String>, KtError> {
    let mut refused: Vec<(String, i32, Refused)> = pool
        .to(None)?
        .alter_partition_reassignments(changes, REQUEST_TIMEOUT_MS)?
        .into_iter()
        .filter_map(|(t, p, r)| r.err().map(|r| (t, p, r)))
        .collect();
    refused.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    Ok(refused
        .iter()
        .map(|(t, p, r)| format!("{t}-{p}: {}", exception_message(r)))
        .collect())
}

/// The message of the Kafka exception for a broker's refusal.
fn exception_message(r: &Refused) -> String {
    let full = crate::compat::kafka_exception(r);
    full.split_once(": ")
        .map_or(full.clone(), |(_, m)| m.to_string())
}

/// Where each moving partition's replicas come from and go to
/// (`calculateProposedMoveMap`): topic → partition → (sources, destinations).
type MoveMap =
    std::collections::BTreeMap<String, std::collections::BTreeMap<i32, (Vec<i32>, Vec<i32>)>>;

fn move_map(
    current: &[Reassignment],
    moves: &[Move],
    before: &[(String, i32, Vec<i32>)],
) -> MoveMap {
    let mut map = MoveMap::new();
    for r in current {
        let sources: Vec<i32> = r
            .replicas
            .iter()
            .copied()
            .filter(|b| !r.adding.contains(b))
            .collect();
        map.entry(r.topic.clone())
            .or_default()
            .insert(r.partition, (sources, r.adding.clone()));
    }
    for m in moves {
        let parts = map.entry(m.topic.clone()).or_default();
        let sources = match parts.get(&m.partition) {
            Some((sources, _)) => sources.clone(),
            None => before
                .iter()
                .find(|(t, p, _)| *t == m.topic && *p == m.partition)
                .map(|(_, _, r)| r.clone())
                .unwrap_or_default(),
        };
        let destinations: Vec<i32> = m
            .replicas
            .iter()
            .copied()
            .filter(|b| !sources.contains(b))
            .collect();
        parts.insert(m.partition, (sources, destinations));
    }
    map
}

/// The topic throttles (`partition:broker` lists, sorted as strings, as
/// Kafka's TreeSet sorts them) and the brokers' replication rate.
fn set_throttles(
    pool: &mut Pool,
    current: &[Reassignment],
    moves: &[Move],
    before: &[(String, i32, Vec<i32>)],
    rate: i64,
) -> Result<(), KtError> {
    let map = move_map(current, moves, before);
    let mut brokers = BTreeSet::new();
    for (topic, parts) in &map {
        let mut leaders = BTreeSet::new();
        let mut followers = BTreeSet::new();
        for (partition, (sources, destinations)) in parts {
            for s in sources {
                leaders.insert(format!("{partition}:{s}"));
                brokers.insert(*s);
            }
            for d in destinations {
                if !sources.contains(d) {
                    followers.insert(format!("{partition}:{d}"));
                }
                brokers.insert(*d);
            }
        }
        let list = |set: BTreeSet<String>| set.into_iter().collect::<Vec<_>>().join(",");
        let ops = vec![
            (TOPIC_THROTTLES[0].to_string(), 0, Some(list(leaders))),
            (TOPIC_THROTTLES[1].to_string(), 0, Some(list(followers))),
        ];
        pool.to(None)?
            .incremental_alter_configs(protocol::resource::TOPIC, topic, &ops)?
            .map_err(|r| execution(&r))?;
    }
    for broker in brokers {
        let ops = vec![
            (BROKER_THROTTLES[0].to_string(), 0, Some(rate.to_string())),
            (BROKER_THROTTLES[1].to_string(), 0, Some(rate.to_string())),
        ];
        pool.to(Some(broker))?
            .incremental_alter_configs(protocol::resource::BROKER, &broker.to_string(), &ops)?
            .map_err(|r| execution(&r))?;
    }
    Ok(())
}

/// `clearAllThrottles`: every broker's and every named topic's throttle
/// settings deleted, with Kafka's two lines.
pub(crate) fn clear_throttles(
    pool: &mut Pool,
    moves: &[Move],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut brokers: Vec<i32> = pool.nodes.iter().map(|n| n.id).collect();
    brokers.extend(moves.iter().flat_map(|m| m.replicas.iter().copied()));
    brokers.sort_unstable();
    brokers.dedup();
    let brokers = hash_map_order(brokers, |id| *id);
    writeln!(
        out,
        "Clearing broker-level throttles on broker{} {}",
        if brokers.len() == 1 { "" } else { "s" },
        join(&brokers, ",")
    )?;
    for broker in &brokers {
        let ops: Vec<(String, i8, Option<String>)> = BROKER_THROTTLES
            .iter()
            .map(|k| (k.to_string(), 1, None))
            .collect();
        pool.to(Some(*broker))?
            .incremental_alter_configs(protocol::resource::BROKER, &broker.to_string(), &ops)?
            .map_err(|r| execution(&r))?;
    }
    let mut topics: Vec<String> = moves.iter().map(|m| m.topic.clone()).collect();
    topics.sort();
    topics.dedup();
    let topics = hash_map_order(topics, |t| string_hash(t));
    writeln!(
        out,
        "Clearing topic-level throttles on topic{} {}",
        if topics.len() == 1 { "" } else { "s" },
        topics.join(",")
    )?;
    for topic in &topics {
        let ops: Vec<(String, i8, Option<String>)> = TOPIC_THROTTLES
            .iter()
            .map(|k| (k.to_string(), 1, None))
            .collect();
        pool.to(None)?
            .incremental_alter_configs(protocol::resource::TOPIC, topic, &ops)?
            .map_err(|r| execution(&r))?;
    }
    Ok(())
}

/// One partition's state for `--verify`.
#[derive(Debug, Serialize)]
struct State {
    topic: String,
    partition: i32,
    /// `done`, `in progress`, or `elsewhere` (no reassignment, but the
    /// replicas are not the file's).
    state: &'static str,
    current: Vec<i32>,
    target: Vec<i32>,
}

/// Each partition of the file: reassigning, done, or elsewhere (no
/// reassignment, other replicas), in partition order
/// (`findPartitionReassignmentStates`).
fn states(pool: &mut Pool, moves: &[Move], current: &[Reassignment]) -> anyhow::Result<Vec<State>> {
    let mut topics: Vec<String> = moves
        .iter()
        .filter(|m| {
            !current
                .iter()
                .any(|r| r.topic == m.topic && r.partition == m.partition)
        })
        .map(|m| m.topic.clone())
        .collect();
    topics.sort();
    topics.dedup();
    let described = if topics.is_empty() {
        Vec::new()
    } else {
        topic_replicas(pool, &topics)?
    };
    let mut states = Vec::new();
    for m in moves {
        let reassigning = current
            .iter()
            .find(|r| r.topic == m.topic && r.partition == m.partition);
        let (replicas, done) = match reassigning {
            Some(r) => (r.replicas.clone(), false),
            None => {
                let partitions = described
                    .iter()
                    .find(|(t, _)| *t == m.topic)
                    .map(|(_, p)| p);
                match partitions {
                    Some(Ok(parts)) => {
                        let count = parts.len();
                        let index = usize::try_from(m.partition).unwrap_or(usize::MAX);
                        if index == count {
                            // Kafka's check is `size < partition`: one past
                            // the end reaches the list and throws.
                            return Err(thrown(
                                ErrorKind::NotFound,
                                "java.lang.IndexOutOfBoundsException",
                                format!("Index {index} out of bounds for length {count}"),
                            )
                            .into());
                        }
                        let replicas = parts
                            .iter()
                            .find(|(p, _)| *p == m.partition)
                            .map(|(_, r)| r.clone())
                            .unwrap_or_default();
                        (replicas, true)
                    }
                    Some(Err(r)) if r.code != 3 => return Err(execution(r).into()),
                    _ => (Vec::new(), true),
                }
            }
        };
        let state = if !done {
            "in progress"
        } else if replicas == m.replicas {
            "done"
        } else {
            "elsewhere"
        };
        // The last entry for a partition wins, as in Kafka's map.
        states.retain(|s: &State| !(s.topic == m.topic && s.partition == m.partition));
        states.push(State {
            topic: m.topic.clone(),
            partition: m.partition,
            state,
            current: replicas,
            target: m.replicas.clone(),
        });
    }
    states.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
    Ok(states)
}

/// `--verify`.
fn verify(
    pool: &mut Pool,
    moves: &[Move],
    preserve: bool,
    format: OutputFormat,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let current = reassignments(pool, None)?;
    let states = states(pool, moves, &current)?;
    let dirs = dir_moves(moves);
    let dir_states = dir_states(pool, &dirs)?;
    let moving = dir_states.iter().any(|s| *s != DirState::Completed);
    let ongoing = !current.is_empty();
    let clear = !ongoing && !moving && !preserve;
    match format {
        OutputFormat::Json => {
            #[derive(Serialize)]
            struct Verified<'a> {
                partitions: &'a [State],
                reassignments_in_progress: bool,
                log_dir_moves: Vec<serde_json::Value>,
                throttles_cleared: bool,
            }
            let lines = dir_state_lines(&dirs, &dir_states);
            let log_dir_moves = dirs
                .iter()
                .zip(&dir_states)
                .zip(lines)
                .map(|((m, s), line)| {
                    serde_json::json!({
                        "topic": m.topic, "partition": m.partition, "broker": m.broker,
                        "log_dir": m.dir, "done": *s == DirState::Completed, "state": line,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(
                &mut *out,
                &Verified {
                    partitions: &states,
                    reassignments_in_progress: ongoing || moving,
                    log_dir_moves,
                    throttles_cleared: clear,
                },
            )?;
            writeln!(out)?;
            if clear {
                clear_throttles(pool, moves, &mut std::io::sink())?;
            }
            return Ok(());
        }
        OutputFormat::Table => {
            let mut table =
                crate::table::new(["TOPIC", "PARTITION", "STATE", "REPLICAS", "TARGET"]);
            for s in &states {
                table.add_row([
                    s.topic.clone(),
                    s.partition.to_string(),
                    s.state.to_string(),
                    join(&s.current, ","),
                    join(&s.target, ","),
                ]);
            }
            writeln!(out, "{table}")?;
            for line in dir_state_lines(&dirs, &dir_states) {
                writeln!(out, "{line}")?;
            }
        }
        OutputFormat::Text => {
            writeln!(out, "Status of partition reassignment:")?;
            for s in &states {
                let name = format!("{}-{}", s.topic, s.partition);
                match s.state {
                    "in progress" => writeln!(
                        out,
                        "Reassignment of partition {name} is still in progress."
                    )?,
                    "done" => writeln!(out, "Reassignment of partition {name} is completed.")?,
                    _ => writeln!(
                        out,
                        "There is no active reassignment of partition {name}, but replica set is {} rather than {}.",
                        join(&s.current, ","),
                        join(&s.target, ",")
                    )?,
                }
            }
            // The replica moves between log directories (an empty line
            // when there are none, as Kafka prints it).
            writeln!(out, "{}", dir_state_lines(&dirs, &dir_states).join("\n"))?;
        }
    }
    if clear {
        clear_throttles(pool, moves, out)?;
    }
    Ok(())
}

/// `--cancel`.
fn cancel(
    pool: &mut Pool,
    moves: &[Move],
    preserve: bool,
    timeout_ms: i64,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut keys: Vec<(String, i32)> = moves.iter().map(Move::key).collect();
    keys.sort();
    keys.dedup();
    let mut active: Vec<(String, i32)> = reassignments(pool, Some(&keys))?
        .into_iter()
        .filter(|r| r.adding.is_empty() || !r.removing.is_empty())
        .map(|r| (r.topic, r.partition))
        .collect();
    active.sort();
    if active.is_empty() {
        writeln!(
            out,
            "None of the specified partition reassignments are active."
        )?;
    } else {
        let changes: Vec<(String, i32, Option<Vec<i32>>)> =
            active.iter().map(|(t, p)| (t.clone(), *p, None)).collect();
        let refusals = alter(pool, &changes)?;
        if !refusals.is_empty() {
            return Err(terse(
                ErrorKind::Broker,
                format!(
                    "Error cancelling partition reassignment{} for:\n{}",
                    if refusals.len() == 1 { "" } else { "s" },
                    refusals.join("\n")
                ),
            )
            .into());
        }
        writeln!(
            out,
            "Successfully cancelled partition reassignment{} for: {}",
            if active.len() == 1 { "" } else { "s" },
            active
                .iter()
                .map(|(t, p)| format!("{t}-{p}"))
                .collect::<Vec<_>>()
                .join(",")
        )?;
    }
    // Moving replicas go back to the directory they are moving from.
    let dirs = dir_moves(moves);
    let states = dir_states(pool, &dirs)?;
    let back: Vec<DirMove> = dirs
        .iter()
        .zip(&states)
        .filter_map(|(m, s)| match s {
            DirState::Active { current, .. } => Some(DirMove {
                dir: current.clone(),
                ..m.clone()
            }),
            _ => None,
        })
        .collect();
    if back.is_empty() {
        // Kafka's tool prints this without a line end.
        write!(out, "None of the specified partition moves are active.")?;
    } else {
        execute_dir_moves(pool, &back, timeout_ms, out)?;
    }
    if !preserve {
        clear_throttles(pool, moves, out)?;
    }
    Ok(())
}

/// `--generate`: the topics' current assignment and Kafka's proposal over
/// the brokers named (those the cluster has).
fn generate(
    pool: &mut Pool,
    topics: &[String],
    brokers: &[i32],
    rack_aware: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut unique: Vec<String> = topics.to_vec();
    unique.sort();
    unique.dedup();
    let mut current = Vec::new();
    if !unique.is_empty() {
        for (topic, partitions) in topic_replicas(pool, &unique)? {
            match partitions {
                Ok(parts) => current.extend(parts.into_iter().map(|(p, r)| (topic.clone(), p, r))),
                Err(r) if r.code == 3 => return Err(topic_not_found(&topic).into()),
                Err(r) => return Err(execution(&r).into()),
            }
        }
    }
    let chosen: Vec<(i32, Option<String>)> = pool
        .nodes
        .iter()
        .filter(|n| brokers.contains(&n.id))
        .map(|n| (n.id, n.rack.clone().filter(|_| rack_aware)))
        .collect();
    let rackless = chosen.iter().filter(|(_, r)| r.is_none()).count();
    if rack_aware && rackless != 0 && rackless != chosen.len() {
        return Err(thrown(
            ErrorKind::Usage,
            OPERATION,
            "Not all brokers have rack information. Add --disable-rack-aware in command line to make replica assignment without rack information.",
        )
        .into());
    }
    let mut proposed = Vec::new();
    for topic in &unique {
        let parts: Vec<&(String, i32, Vec<i32>)> =
            current.iter().filter(|(t, _, _)| t == topic).collect();
        let Some(first) = parts.first() else {
            continue;
        };
        let assigned = assign_replicas(&chosen, parts.len(), first.2.len())?;
        proposed.extend(
            assigned
                .into_iter()
                .enumerate()
                .map(|(p, r)| (topic.clone(), i32::try_from(p).unwrap_or(i32::MAX), r)),
        );
    }
    writeln!(
        out,
        "Current partition replica assignment\n{}\n",
        reassignment_json(&current)
    )?;
    writeln!(
        out,
        "Proposed partition reassignment configuration\n{}",
        reassignment_json(&proposed)
    )?;
    Ok(())
}

/// A random index below `n`, as `Random.nextInt(n)` draws one.
fn random_below(n: usize) -> usize {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(std::process::id().into());
    usize::try_from(h.finish() % (n.max(1) as u64)).unwrap_or(0)
}

/// Kafka's `AdminUtils.assignReplicasToBrokers`: replicas spread from a
/// random start, racks alternated when every broker has one.
fn assign_replicas(
    brokers: &[(i32, Option<String>)],
    partitions: usize,
    factor: usize,
) -> Result<Vec<Vec<i32>>, KtError> {
    let invalid = |m: String| {
        thrown(
            ErrorKind::Usage,
            "org.apache.kafka.common.errors.InvalidReplicationFactorException",
            m,
        )
    };
    if factor == 0 {
        return Err(invalid("Replication factor must be larger than 0.".into()));
    }
    if factor > brokers.len() {
        return Err(invalid(format!(
            "Replication factor: {factor} larger than available brokers: {}.",
            brokers.len()
        )));
    }
    let racked = brokers.iter().any(|(_, r)| r.is_some());
    let arranged: Vec<i32> = if racked {
        rack_alternated(brokers)
    } else {
        brokers.iter().map(|(id, _)| *id).collect()
    };
    let rack_of = |id: i32| {
        brokers
            .iter()
            .find(|(b, _)| *b == id)
            .and_then(|(_, r)| r.clone())
            .unwrap_or_default()
    };
    let n = arranged.len();
    let racks = {
        let mut all: Vec<String> = brokers.iter().map(|(id, _)| rack_of(*id)).collect();
        all.sort();
        all.dedup();
        all.len()
    };
    let start = random_below(n);
    let mut shift = random_below(n);
    let index = |first: usize, shift: usize, j: usize| {
        let step = 1 + (shift + j) % (n - 1);
        (first + step) % n
    };
    let mut out = Vec::with_capacity(partitions);
    for p in 0..partitions {
        if p > 0 && p % n == 0 {
            shift += 1;
        }
        let first = (p + start) % n;
        let leader = arranged[first];
        let mut replicas = vec![leader];
        if racked {
            let mut racks_used = vec![rack_of(leader)];
            let mut k = 0;
            for _ in 1..factor {
                loop {
                    let broker = arranged[index(first, shift * racks, k)];
                    let rack = rack_of(broker);
                    k += 1;
                    if (!racks_used.contains(&rack) || racks_used.len() == racks)
                        && (!replicas.contains(&broker) || replicas.len() == n)
                    {
                        replicas.push(broker);
                        racks_used.push(rack);
                        break;
                    }
                }
            }
        } else {
            for j in 0..factor - 1 {
                replicas.push(arranged[index(first, shift, j)]);
            }
        }
        out.push(replicas);
    }
    Ok(out)
}

/// Kafka's `getRackAlternatedBrokerList`: racks in name order, each rack's
/// brokers in id order, one from each rack in turn.
fn rack_alternated(brokers: &[(i32, Option<String>)]) -> Vec<i32> {
    let mut by_rack: std::collections::BTreeMap<String, Vec<i32>> = Default::default();
    for (id, rack) in brokers {
        by_rack
            .entry(rack.clone().unwrap_or_default())
            .or_default()
            .push(*id);
    }
    let mut queues: Vec<std::collections::VecDeque<i32>> = by_rack
        .into_values()
        .map(|mut ids| {
            ids.sort_unstable();
            ids.into()
        })
        .collect();
    let mut out = Vec::with_capacity(brokers.len());
    let mut i = 0;
    while out.len() < brokers.len() {
        if let Some(id) = queues[i].pop_front() {
            out.push(id);
        }
        i = (i + 1) % queues.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_kafkas_compact_form_in_partition_order() {
        let parts = vec![
            ("b".to_string(), 0, vec![2, 1]),
            ("a".to_string(), 1, vec![1]),
            ("a".to_string(), 0, vec![3]),
        ];
        assert_eq!(
            reassignment_json(&parts),
            r#"{"version":1,"partitions":[{"topic":"a","partition":0,"replicas":[3],"log_dirs":["any"]},{"topic":"a","partition":1,"replicas":[1],"log_dirs":["any"]},{"topic":"b","partition":0,"replicas":[2,1],"log_dirs":["any","any"]}]}"#
        );
    }

    #[test]
    fn every_partition_gets_distinct_brokers_and_leaders_spread() {
        let brokers: Vec<(i32, Option<String>)> = (1..=4).map(|b| (b, None)).collect();
        let plan = assign_replicas(&brokers, 8, 3).unwrap();
        assert_eq!(plan.len(), 8);
        for replicas in &plan {
            let mut unique = replicas.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), 3, "{plan:?}");
        }
        for b in 1..=4 {
            assert_eq!(plan.iter().filter(|r| r[0] == b).count(), 2, "{plan:?}");
        }
        assert!(assign_replicas(&brokers, 1, 5).is_err());
    }

    #[test]
    fn racks_alternate_and_each_partition_spans_them() {
        let brokers = vec![
            (1, Some("a".to_string())),
            (2, Some("a".to_string())),
            (3, Some("b".to_string())),
            (4, Some("b".to_string())),
        ];
        assert_eq!(rack_alternated(&brokers), vec![1, 3, 2, 4]);
        for replicas in assign_replicas(&brokers, 6, 2).unwrap() {
            let rack = |b: i32| if b <= 2 { "a" } else { "b" };
            assert_ne!(rack(replicas[0]), rack(replicas[1]), "{replicas:?}");
        }
    }

    #[test]
    fn throttles_follow_kafkas_move_map() {
        let moves = vec![Move {
            topic: "t".into(),
            partition: 0,
            replicas: vec![2, 3],
            log_dirs: vec!["any".into(); 2],
        }];
        let before = vec![("t".to_string(), 0, vec![1, 2])];
        let map = move_map(&[], &moves, &before);
        assert_eq!(map["t"][&0], (vec![1, 2], vec![3]));
    }
}
