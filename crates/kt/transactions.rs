//! `kt transactions` / kafka-transactions (TransactionsCommand): the
//! transactions the cluster's coordinators hold and the producers its
//! partitions know, on the protocol path: `list` (ListTransactions to every
//! broker), `describe` (FindCoordinator, then DescribeTransactions),
//! `describe-producers` (DescribeProducers to the partition's leader or a
//! given replica), `abort` (WriteTxnMarkers to the leader, for the producer
//! whose open transaction starts at `--start-offset`, or one named in
//! full), and `find-hanging` (open transactions older than the timeout
//! whose coordinator does not know the partition).
//!
//! Under the Kafka name the command line is argparse4j's and every line,
//! table and error is Kafka 3.9's; under kt's name the same words follow
//! `kt transactions`, and the tables also print as `-o table|json`.

use std::collections::BTreeMap;
use std::io::Write;

use clap::{Args, ValueEnum};
use kt_core::protocol::{Described, ProducerState, Refused, TransactionState};
use kt_core::{ConnectionArgs, Diagnostics, ErrorKind, KtError, OutputArgs, OutputFormat};

use crate::argparse::{opt, Kind, Level, Parsed, Spec};
use crate::dispatch::Mode;
use crate::java_order::{hash_map_order, topic_partition_hash};

/// What `kt transactions` does.
#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Action {
    /// Every transaction the coordinators hold
    #[default]
    List,
    /// One transactional id's state at its coordinator (--transactional-id)
    Describe,
    /// The producers a partition knows (--topic, --partition [--broker-id])
    DescribeProducers,
    /// Abort an open transaction (--topic, --partition, --start-offset)
    Abort,
    /// Open transactions the coordinator has lost (--topic or --broker-id)
    FindHanging,
}

#[derive(Args, Debug, Clone, Default)]
pub struct TransactionsArgs {
    /// list (the default), describe, describe-producers, abort or find-hanging
    #[arg(value_enum)]
    pub action: Option<Action>,
    /// The transactional id to describe
    #[arg(long)]
    pub transactional_id: Option<String>,
    #[arg(long)]
    pub topic: Option<String>,
    #[arg(long)]
    pub partition: Option<i32>,
    /// The replica to ask (describe-producers), or whose partitions to search (find-hanging)
    #[arg(long)]
    pub broker_id: Option<i32>,
    /// abort: the offset the open transaction starts at
    #[arg(long)]
    pub start_offset: Option<i64>,
    /// abort, brokers before 3.0: the producer's id, epoch and coordinator epoch
    #[arg(long)]
    pub producer_id: Option<i64>,
    #[arg(long)]
    pub producer_epoch: Option<i16>,
    #[arg(long)]
    pub coordinator_epoch: Option<i32>,
    /// list: only transactions running longer than this many milliseconds
    #[arg(long, value_name = "MS")]
    pub duration_filter: Option<i64>,
    /// find-hanging: the longest a transaction may run, in minutes
    #[arg(long, value_name = "MINUTES", default_value_t = 15)]
    pub max_transaction_timeout: i32,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

const TOPIC: crate::argparse::Opt = opt("--topic", Kind::Value);
const PARTITION: crate::argparse::Opt = opt("--partition", Kind::Int);

/// kafka-transactions' command line, as its argparse4j parser reads it.
pub const KAFKA_SPEC: Spec = Spec {
    top: Level {
        help: include_str!("help/kafka-transactions.txt"),
        options: &[
            opt("--version", Kind::Version).short("-v"),
            opt("--command-config", Kind::Value),
            opt("--bootstrap-server", Kind::Value).required(),
        ],
        one_of: &[],
    },
    commands: &[
        (
            "list",
            Level {
                help: include_str!("help/kafka-transactions-list.txt"),
                options: &[opt("--duration-filter", Kind::Long)],
                one_of: &[],
            },
        ),
        (
            "describe",
            Level {
                help: include_str!("help/kafka-transactions-describe.txt"),
                options: &[opt("--transactional-id", Kind::Value).required()],
                one_of: &[],
            },
        ),
        (
            "describe-producers",
            Level {
                help: include_str!("help/kafka-transactions-describe-producers.txt"),
                options: &[
                    opt("--broker-id", Kind::Int),
                    TOPIC.required(),
                    PARTITION.required(),
                ],
                one_of: &[],
            },
        ),
        (
            "abort",
            Level {
                help: include_str!("help/kafka-transactions-abort.txt"),
                options: &[
                    TOPIC.required(),
                    PARTITION.required(),
                    opt("--start-offset", Kind::Long),
                    opt("--producer-id", Kind::Long),
                    opt("--producer-epoch", Kind::Short),
                    opt("--coordinator-epoch", Kind::Int),
                ],
                one_of: &[],
            },
        ),
        (
            "find-hanging",
            Level {
                help: include_str!("help/kafka-transactions-find-hanging.txt"),
                options: &[
                    opt("--broker-id", Kind::Int),
                    opt("--max-transaction-timeout", Kind::Int),
                    TOPIC,
                    PARTITION,
                ],
                one_of: &[],
            },
        ),
    ],
};

impl TransactionsArgs {
    /// The arguments of a parsed Kafka command line.
    pub fn from_kafka(p: &Parsed) -> TransactionsArgs {
        let (connection, _) = p.connection("--command-config");
        TransactionsArgs {
            action: Action::from_str(p.command, false).ok(),
            transactional_id: p.value("--transactional-id").map(str::to_string),
            topic: p.value("--topic").map(str::to_string),
            partition: p.number("--partition"),
            broker_id: p.number("--broker-id"),
            start_offset: p.number("--start-offset"),
            producer_id: p.number("--producer-id"),
            producer_epoch: p.number("--producer-epoch"),
            coordinator_epoch: p.number("--coordinator-epoch"),
            duration_filter: p.number("--duration-filter"),
            max_transaction_timeout: p.number("--max-transaction-timeout").unwrap_or(15),
            connection,
            ..Default::default()
        }
    }
}

/// TransactionsCommand's `printErrorAndExit(message)`: the line alone on
/// stderr, exit 1.
fn exit(message: impl Into<String>) -> KtError {
    let message = message.into();
    KtError::usage(message.clone()).thrown("", message)
}

/// `printErrorAndExit(message, cause)`.
fn failed(what: &str, cause: &str) -> KtError {
    let m = format!("{what}: {cause}. Enable debug logging for additional detail.");
    KtError::new(ErrorKind::Broker, m.clone()).thrown("", m)
}

/// UNKNOWN_TOPIC_OR_PARTITION, for a partition no broker leads.
fn not_hosted() -> Refused {
    Refused {
        code: 3,
        message: None,
    }
}

/// Java's `Optional<Integer>.toString()`.
fn java_optional(value: Option<i32>) -> String {
    value.map_or("Optional.empty".to_string(), |v| format!("Optional[{v}]"))
}

fn cause(r: &Refused) -> String {
    crate::compat::kafka_error(r).1
}

/// What a command found: Kafka's table.
struct Table {
    headers: &'static [&'static str],
    rows: Vec<Vec<String>>,
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

pub fn run(
    args: TransactionsArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let action = args.action.unwrap_or_default();
    if let Some(file) = &args.connection.command_config {
        if mode == Mode::Compat && !file.exists() {
            let m = format!("Failed to load admin client properties: {}. Enable debug logging for additional detail.", file.display());
            return Err(KtError::config(m.clone()).thrown("", m).into());
        }
    }
    let mut admin = crate::endpoint::admin(
        &args.connection,
        None,
        mode,
        "kt-transactions",
        "show its transactions",
        err,
    )?;
    let table = match action {
        Action::List => list(&args, &mut admin)?,
        Action::Describe => describe(&args, &mut admin)?,
        Action::DescribeProducers => describe_producers(&args, &mut admin)?,
        Action::Abort => return abort(&args, &mut admin),
        Action::FindHanging => find_hanging(&args, &mut admin)?,
    };
    match args.output.output {
        OutputFormat::Text => write!(
            out,
            "{}",
            crate::compat::pretty_table(table.headers, &table.rows)
        )?,
        OutputFormat::Table => {
            let mut shown = crate::table::new(table.headers.iter().copied());
            for row in table.rows {
                shown.add_row(row);
            }
            writeln!(out, "{shown}")?;
        }
        OutputFormat::Json => {
            let rows: Vec<serde_json::Value> = table
                .rows
                .iter()
                .map(|row| {
                    let fields = table.headers.iter().zip(row).map(|(h, cell)| {
                        let value = match cell.parse::<i64>() {
                            Ok(n) => n.into(),
                            Err(_) if cell == "None" => serde_json::Value::Null,
                            Err(_) => cell.clone().into(),
                        };
                        (h.to_string(), value)
                    });
                    serde_json::Value::Object(fields.collect())
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// The described nodes' ids, lowest first (Java's `HashMap<Integer, …>`
/// order for broker ids).
fn broker_ids(admin: &crate::endpoint::Admin) -> Vec<i32> {
    let mut ids: Vec<i32> = admin.described.nodes.iter().map(|(id, _, _)| *id).collect();
    ids.sort_unstable();
    ids
}

fn list(args: &TransactionsArgs, admin: &mut crate::endpoint::Admin) -> anyhow::Result<Table> {
    let mut rows = Vec::new();
    for id in broker_ids(admin) {
        let listed = admin
            .pool
            .to(Some(id))?
            .list_transactions(&[], args.duration_filter.unwrap_or(-1))?
            .map_err(|r| failed("Failed to list transactions", &cause(&r)))?;
        for t in listed {
            rows.push(vec![
                t.transactional_id,
                id.to_string(),
                t.producer_id.to_string(),
                t.state,
            ]);
        }
    }
    Ok(Table {
        headers: &[
            "TransactionalId",
            "Coordinator",
            "ProducerId",
            "TransactionState",
        ],
        rows,
    })
}

/// DescribeTransactions of `ids` at their coordinators: each id's state and
/// coordinator, or the admin client's message for its failure.
fn describe_at_coordinators(
    admin: &mut crate::endpoint::Admin,
    ids: &[String],
) -> anyhow::Result<Vec<Described<String, (i32, TransactionState)>>> {
    let mut found = Vec::new();
    for id in ids {
        let coordinator = match admin.broker.find_coordinator(id, 1)? {
            Ok((coordinator, _, _)) => coordinator,
            Err(r) => {
                found.push((id.clone(), Err(r)));
                continue;
            }
        };
        let answer = admin
            .pool
            .to(Some(coordinator))?
            .describe_transactions(std::slice::from_ref(id))?;
        let state = answer
            .into_iter()
            .find(|(i, _)| i == id)
            .map(|(_, s)| s)
            .unwrap_or(Err(Refused {
                code: 105,
                message: None,
            }));
        found.push((id.clone(), state.map(|s| (coordinator, s))));
    }
    Ok(found)
}

/// DescribeTransactionsHandler's message for a refused transactional id.
fn describe_refusal(id: &str, r: &Refused) -> String {
    match r.code {
        53 => format!("DescribeTransactions request for transactionalId `{id}` failed due to authorization failure"),
        105 => format!("DescribeTransactions request for transactionalId `{id}` failed because the ID could not be found"),
        _ => format!("DescribeTransactions request for transactionalId `{id}` failed due to unexpected error"),
    }
}

fn describe(args: &TransactionsArgs, admin: &mut crate::endpoint::Admin) -> anyhow::Result<Table> {
    let id = args
        .transactional_id
        .clone()
        .ok_or_else(|| exit("describe needs --transactional-id ID"))?;
    let (_, state) = describe_at_coordinators(admin, std::slice::from_ref(&id))?
        .into_iter()
        .next()
        .ok_or_else(|| exit("no answer"))?;
    let (coordinator, s) = state.map_err(|r| {
        failed(
            &format!("Failed to describe transaction state of transactional-id `{id}`"),
            &describe_refusal(&id, &r),
        )
    })?;
    let (start, duration) = if s.start_time_ms >= 0 {
        (
            s.start_time_ms.to_string(),
            (now_ms() - s.start_time_ms).to_string(),
        )
    } else {
        ("None".to_string(), "None".to_string())
    };
    // The partitions of Java's HashSet<TopicPartition>, in its order.
    let partitions = hash_map_order(s.partitions, |(t, p)| topic_partition_hash(t, *p));
    let partitions: Vec<String> = partitions.iter().map(|(t, p)| format!("{t}-{p}")).collect();
    Ok(Table {
        headers: &[
            "CoordinatorId",
            "TransactionalId",
            "ProducerId",
            "ProducerEpoch",
            "TransactionState",
            "TransactionTimeoutMs",
            "CurrentTransactionStartTimeMs",
            "TransactionDurationMs",
            "TopicPartitions",
        ],
        rows: vec![vec![
            coordinator.to_string(),
            id,
            s.producer_id.to_string(),
            s.producer_epoch.to_string(),
            s.state,
            s.timeout_ms.to_string(),
            start,
            duration,
            partitions.join(","),
        ]],
    })
}

/// The topic and partition a command names (argparse4j made both required
/// under the Kafka name).
fn partition_of(args: &TransactionsArgs) -> Result<(String, i32), KtError> {
    match (&args.topic, args.partition) {
        (Some(t), Some(p)) => Ok((t.clone(), p)),
        _ => Err(exit("give --topic TOPIC and --partition N")),
    }
}

/// The leader of each of `partitions` (`None`: none, or no such partition).
fn leaders(
    admin: &mut crate::endpoint::Admin,
    partitions: &[(String, i32)],
) -> anyhow::Result<Vec<Option<i32>>> {
    let mut topics: Vec<String> = partitions.iter().map(|(t, _)| t.clone()).collect();
    topics.sort();
    topics.dedup();
    let (_, layouts) = admin.broker.topic_layouts(Some(&topics))?;
    Ok(partitions
        .iter()
        .map(|(t, p)| {
            layouts
                .iter()
                .find(|l| l.name == *t)
                .and_then(|l| l.partitions.as_ref().ok())
                .and_then(|ps| ps.iter().find(|x| x.partition == *p))
                .map(|x| x.leader)
                .filter(|l| *l >= 0)
        })
        .collect())
}

/// DescribeProducers of one partition, on `broker` or its leader; the
/// failure said as the tool says it, with `on` naming where it asked.
fn producers_of(
    admin: &mut crate::endpoint::Admin,
    topic: &str,
    partition: i32,
    broker: Option<i32>,
    what: &str,
) -> anyhow::Result<Vec<ProducerState>> {
    let target = match broker {
        Some(b) => Some(b),
        None => leaders(admin, &[(topic.to_string(), partition)])?[0],
    };
    let not_hosted = not_hosted();
    let Some(target) = target else {
        return Err(failed(what, &cause(&not_hosted)).into());
    };
    // A broker the cluster does not have: said at once (Kafka's admin
    // client waits for it until its timeout).
    let replica = admin
        .pool
        .to(Some(target))
        .map_err(|e| failed(what, &e.to_string()))?;
    let answer = replica.describe_producers(&[(topic.to_string(), partition)])?;
    let state = answer
        .into_iter()
        .next()
        .map(|(_, s)| s)
        .unwrap_or(Err(not_hosted));
    state.map_err(|r| {
        let why = match (r.code, broker) {
            (6, Some(b)) => format!(
                "Failed to describe active producers for partition {topic}-{partition} on brokerId {b}"
            ),
            (29, _) => format!("Failed to describe active producers for partition {topic}-{partition} due to authorization failure on topic `{topic}`"),
            _ => cause(&r),
        };
        failed(what, &why).into()
    })
}

fn describe_producers(
    args: &TransactionsArgs,
    admin: &mut crate::endpoint::Admin,
) -> anyhow::Result<Table> {
    let (topic, partition) = partition_of(args)?;
    let on = args
        .broker_id
        .map_or_else(|| "leader".to_string(), |b| format!("broker {b}"));
    let what = format!("Failed to describe producers for partition {topic}-{partition} on {on}");
    let producers = producers_of(admin, &topic, partition, args.broker_id, &what)?;
    let rows = producers
        .iter()
        .map(|p| {
            vec![
                p.producer_id.to_string(),
                p.producer_epoch.to_string(),
                p.coordinator_epoch.max(-1).to_string(),
                p.last_sequence.to_string(),
                p.last_timestamp.to_string(),
                if p.current_txn_start_offset >= 0 {
                    p.current_txn_start_offset.to_string()
                } else {
                    "None".to_string()
                },
            ]
        })
        .collect();
    Ok(Table {
        headers: &[
            "ProducerId",
            "ProducerEpoch",
            "LatestCoordinatorEpoch",
            "LastSequence",
            "LastTimestamp",
            "CurrentTransactionStartOffset",
        ],
        rows,
    })
}

fn abort(args: &TransactionsArgs, admin: &mut crate::endpoint::Admin) -> anyhow::Result<()> {
    let (topic, partition) = partition_of(args)?;
    let (producer_id, epoch, coordinator_epoch) = match (args.start_offset, args.producer_id) {
        (None, None) => return Err(exit("The transaction to abort must be identified either with --start-offset (for brokers on 3.0 or above) or with --producer-id, --producer-epoch, and --coordinator-epoch (for older brokers)").into()),
        (None, Some(id)) => {
            let epoch = args
                .producer_epoch
                .ok_or_else(|| exit("Missing required argument --producer-epoch"))?;
            let coordinator_epoch = args
                .coordinator_epoch
                .ok_or_else(|| exit("Missing required argument --coordinator-epoch"))?;
            (id, epoch, coordinator_epoch.max(0))
        }
        (Some(start), _) => {
            let what = format!(
                "Failed to validate producer state for partition {topic}-{partition}"
            );
            let producers = producers_of(admin, &topic, partition, None, &what)?;
            let open = producers
                .iter()
                .find(|p| p.current_txn_start_offset >= 0 && p.current_txn_start_offset == start)
                .ok_or_else(|| {
                    exit(format!(
                        "Could not find any open transactions starting at offset {start} on partition {topic}-{partition}"
                    ))
                })?;
            let epoch = i16::try_from(open.producer_epoch).unwrap_or(i16::MAX);
            (open.producer_id, epoch, open.coordinator_epoch.max(0))
        }
    };
    let spec = format!("AbortTransactionSpec(topicPartition={topic}-{partition}, producerId={producer_id}, producerEpoch={epoch}, coordinatorEpoch={coordinator_epoch})");
    let what = format!("Failed to abort transaction {spec}");
    let Some(leader) = leaders(admin, &[(topic.clone(), partition)])?[0] else {
        let r = not_hosted();
        return Err(failed(&what, &cause(&r)).into());
    };
    admin
        .pool
        .to(Some(leader))?
        .abort_transaction(&topic, partition, producer_id, epoch, coordinator_epoch)?
        .map_err(|r| {
            let why = match r.code {
                31 => format!(
                    "WriteTxnMarkers request with {spec} failed due to cluster authorization error"
                ),
                47 => format!(
                    "WriteTxnMarkers request with {spec} failed due an invalid producer epoch"
                ),
                _ => format!(
                    "WriteTxnMarkers request with {spec} failed due to unexpected error: {}",
                    cause(&r)
                ),
            };
            failed(&what, &why)
        })?;
    Ok(())
}

/// An open transaction a partition's replica knows.
struct Open {
    topic: String,
    partition: i32,
    producer: ProducerState,
}

fn find_hanging(
    args: &TransactionsArgs,
    admin: &mut crate::endpoint::Admin,
) -> anyhow::Result<Table> {
    if args.topic.is_none() && args.broker_id.is_none() {
        return Err(exit("The `find-hanging` command requires either --topic or --broker-id to limit the scope of the search").into());
    }
    if args.partition.is_some() && args.topic.is_none() {
        return Err(exit("The --partition argument requires --topic to be provided").into());
    }
    let max_ms = i64::from(args.max_transaction_timeout) * 60_000;
    // The partitions to search: the one named, the topic's, or every
    // topic's, kept to those the broker has a replica of.
    let partitions: Vec<(String, i32)> = match (&args.topic, args.partition) {
        (Some(t), Some(p)) => vec![(t.clone(), p)],
        (topic, _) => {
            let names = topic.as_ref().map(|t| vec![t.clone()]);
            let (_, layouts) = admin.broker.topic_layouts(names.as_deref())?;
            let mut found = Vec::new();
            for l in layouts {
                let ps = l.partitions.map_err(|r| {
                    let n = names.as_ref().map_or(0, Vec::len);
                    failed(&format!("Failed to describe {n} topics"), &cause(&r))
                })?;
                for p in ps {
                    if args.broker_id.is_none_or(|b| p.replicas.contains(&b)) {
                        found.push((l.name.clone(), p.partition));
                    }
                }
            }
            found
        }
    };
    // Each partition's producers, from the broker named or each leader.
    let targets: Vec<Option<i32>> = match args.broker_id {
        Some(b) => vec![Some(b); partitions.len()],
        None => leaders(admin, &partitions)?,
    };
    let mut by_broker: BTreeMap<i32, Vec<(String, i32)>> = BTreeMap::new();
    for (p, target) in partitions.iter().zip(&targets) {
        let Some(target) = target else {
            let what = format!(
                "Failed to describe producers for {} partitions on broker {}",
                partitions.len(),
                java_optional(args.broker_id)
            );
            let r = not_hosted();
            return Err(failed(&what, &cause(&r)).into());
        };
        by_broker.entry(*target).or_default().push(p.clone());
    }
    let now = now_ms();
    let mut found: Vec<Open> = Vec::new();
    for (broker, ps) in by_broker {
        for batch in ps.chunks(500) {
            for ((topic, partition), producers) in
                admin.pool.to(Some(broker))?.describe_producers(batch)?
            {
                let producers = producers.map_err(|r| {
                    let what = format!(
                        "Failed to describe producers for {} partitions on broker {}",
                        batch.len(),
                        java_optional(args.broker_id)
                    );
                    failed(&what, &cause(&r))
                })?;
                for producer in producers {
                    if producer.current_txn_start_offset >= 0
                        && now - producer.last_timestamp > max_ms
                    {
                        found.push(Open {
                            topic: topic.clone(),
                            partition,
                            producer,
                        });
                    }
                }
            }
        }
    }
    // Java's HashMap<TopicPartition, …> of the answers, then grouped in a
    // HashMap<Long, …> by producer id.
    let found = hash_map_order(found, |o| topic_partition_hash(&o.topic, o.partition));
    let mut ids: Vec<i64> = Vec::new();
    for o in &found {
        if !ids.contains(&o.producer.producer_id) {
            ids.push(o.producer.producer_id);
        }
    }
    let ids = hash_map_order(ids, |id| (*id ^ (*id >> 32)) as i32);
    let mut hanging: Vec<&Open> = Vec::new();
    if !ids.is_empty() {
        // Which transactional id each producer has, from every coordinator.
        let mut transactional: Vec<(i64, String)> = Vec::new();
        for broker in broker_ids(admin) {
            let listed = admin
                .pool
                .to(Some(broker))?
                .list_transactions(&ids, -1)?
                .map_err(|r| {
                    failed(
                        &format!("Failed to list transactions for {} producers", ids.len()),
                        &cause(&r),
                    )
                })?;
            for t in listed {
                if ids.contains(&t.producer_id) {
                    transactional.push((t.producer_id, t.transactional_id));
                }
            }
        }
        let mut tx_ids: Vec<String> = transactional.iter().map(|(_, t)| t.clone()).collect();
        tx_ids.sort();
        tx_ids.dedup();
        let described = describe_at_coordinators(admin, &tx_ids)?;
        for id in &ids {
            let opens = found.iter().filter(|o| o.producer.producer_id == *id);
            let tx = transactional.iter().find(|(p, _)| p == id).map(|(_, t)| t);
            let state = tx
                .and_then(|t| described.iter().find(|(i, _)| i == t))
                .map(|(_, s)| s);
            match state {
                None | Some(Err(Refused { code: 105, .. })) => hanging.extend(opens),
                Some(Err(r)) => {
                    return Err(failed(
                        &format!("Failed to describe {} transactions", tx_ids.len()),
                        &describe_refusal(tx.map_or("", String::as_str), r),
                    )
                    .into())
                }
                Some(Ok((_, s))) => hanging.extend(opens.filter(|o| {
                    !s.partitions
                        .iter()
                        .any(|(t, p)| *t == o.topic && *p == o.partition)
                })),
            }
        }
    }
    let rows = hanging
        .iter()
        .map(|o| {
            vec![
                o.topic.clone(),
                o.partition.to_string(),
                o.producer.producer_id.to_string(),
                o.producer.producer_epoch.to_string(),
                o.producer.coordinator_epoch.max(-1).to_string(),
                o.producer.current_txn_start_offset.to_string(),
                o.producer.last_timestamp.to_string(),
                ((now - o.producer.last_timestamp) / 60_000).to_string(),
            ]
        })
        .collect();
    Ok(Table {
        headers: &[
            "Topic",
            "Partition",
            "ProducerId",
            "ProducerEpoch",
            "CoordinatorEpoch",
            "StartOffset",
            "LastTimestamp",
            "Duration(min)",
        ],
        rows,
    })
}
