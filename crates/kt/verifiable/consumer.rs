//! `kt verifiable-consumer` / kafka-verifiable-consumer (VerifiableConsumer):
//! a group member reading one topic, with one JSON line on stdout per event,
//! the lines Kafka's system tests read: `startup_complete`;
//! `partitions_revoked` and `partitions_assigned` as the group rebalances;
//! one `records_consumed` per poll (how many records, and per partition the
//! count and the first and last offset), with a `record_data` line per
//! record under `--verbose`; `offsets_committed` after each poll's
//! synchronous commit (unless `--enable-autocommit`); and
//! `shutdown_complete` once the consumer has left the group, after
//! `--max-messages` records or on Ctrl-C/SIGTERM.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use kt_core::connection::ClientSpec;
use kt_core::{ConnectionArgs, Diagnostics, KtContext, KtError};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance};
use rdkafka::message::BorrowedMessage;
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{Message, Offset, TopicPartitionList};

use crate::argparse::{opt, Kind, Level, Parsed, Spec};
use crate::compat::java_utf8;
use crate::dispatch::Mode;
use crate::java_order::{hash_map_order, topic_partition_hash};
use crate::signals::Signals;

use super::{event, json, Pending};

/// Java's consumer returns at most `max.poll.records` (500) records a poll.
const MAX_POLL_RECORDS: usize = 500;

/// Kafka's default `--assignment-strategy`.
const RANGE_ASSIGNOR: &str = "org.apache.kafka.clients.consumer.RangeAssignor";

#[derive(Args, Debug, Clone)]
pub struct VerifiableConsumerArgs {
    /// Consume messages from this topic.
    #[arg(long, short = 't')]
    pub topic: Option<String>,
    /// The consumer group to join.
    #[arg(long, short = 'g', visible_alias = "group")]
    pub group_id: Option<String>,
    /// A static member id (group.instance.id).
    #[arg(long)]
    pub group_instance_id: Option<String>,
    /// Group protocol: classic, or consumer (KIP-848; the broker must enable it).
    #[arg(long, default_value = "classic")]
    pub group_protocol: String,
    /// The broker-side assignor (consumer protocol only: uniform or range).
    #[arg(long)]
    pub group_remote_assignor: Option<String>,
    /// Stop after this many records; -1 runs until stopped.
    #[arg(long, default_value_t = -1, allow_negative_numbers = true)]
    pub max_messages: i32,
    /// The consumer's session timeout in milliseconds (classic protocol).
    #[arg(long, default_value_t = 30_000)]
    pub session_timeout: i32,
    /// Print a record_data line for each record (Kafka's --verbose).
    #[arg(long)]
    pub records: bool,
    /// Let the consumer commit offsets itself instead of after each poll.
    #[arg(long)]
    pub enable_autocommit: bool,
    /// Where to start without a committed offset: earliest, latest or none.
    #[arg(long, default_value = "earliest")]
    pub reset_policy: String,
    /// Kafka's assignor class (classic protocol): RangeAssignor,
    /// RoundRobinAssignor or CooperativeStickyAssignor.
    #[arg(long, default_value = RANGE_ASSIGNOR)]
    pub assignment_strategy: String,
    /// Consumer config properties file.
    #[arg(long = "consumer.config", value_name = "CONFIG_FILE")]
    pub consumer_config: Option<PathBuf>,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

/// kafka-verifiable-consumer's command line, as its argparse4j parser reads it.
pub const KAFKA_SPEC: Spec = Spec {
    top: Level {
        help: include_str!("../help/kafka-verifiable-consumer.txt"),
        options: &[
            opt("--topic", Kind::Value).required(),
            opt("--group-protocol", Kind::Value),
            opt("--group-remote-assignor", Kind::Value),
            opt("--group-id", Kind::Value).required(),
            opt("--group-instance-id", Kind::Value),
            opt("--max-messages", Kind::Int),
            opt("--session-timeout", Kind::Int),
            opt("--verbose", Kind::Flag),
            opt("--enable-autocommit", Kind::Flag),
            opt("--reset-policy", Kind::Value),
            opt("--assignment-strategy", Kind::Value),
            opt("--consumer.config", Kind::Value),
            opt("--bootstrap-server", Kind::Value),
            opt("--broker-list", Kind::Value),
        ],
        one_of: &["--bootstrap-server", "--broker-list"],
    },
    commands: &[],
};

impl VerifiableConsumerArgs {
    /// The arguments of a parsed Kafka command line.
    pub fn from_kafka(p: &Parsed) -> VerifiableConsumerArgs {
        let connection = super::kafka_connection(p, "--consumer.config");
        let text = |long: &str, default: &str| p.value(long).unwrap_or(default).to_string();
        VerifiableConsumerArgs {
            topic: p.value("--topic").map(str::to_string),
            group_id: p.value("--group-id").map(str::to_string),
            group_instance_id: p.value("--group-instance-id").map(str::to_string),
            group_protocol: text("--group-protocol", "classic"),
            group_remote_assignor: p.value("--group-remote-assignor").map(str::to_string),
            max_messages: p.number("--max-messages").unwrap_or(-1),
            session_timeout: p.number("--session-timeout").unwrap_or(30_000),
            records: p.flag("--verbose"),
            enable_autocommit: p.flag("--enable-autocommit"),
            reset_policy: text("--reset-policy", "earliest"),
            assignment_strategy: text("--assignment-strategy", RANGE_ASSIGNOR),
            consumer_config: None,
            connection,
        }
    }

    /// The consumer settings the tool puts over the config file's, in
    /// Java's form (kt translates them as it does any Java client setting).
    fn settings(&self, group: &str) -> Result<Vec<String>, KtError> {
        if !["latest", "earliest", "none"].contains(&self.reset_policy.as_str()) {
            let m = format!(
                "Invalid value {} for configuration auto.offset.reset: String must be one of: latest, earliest, none",
                self.reset_policy
            );
            return Err(KtError::usage(m.clone())
                .thrown("org.apache.kafka.common.config.ConfigException", m));
        }
        let mut set = vec![
            format!("group.id={group}"),
            format!("enable.auto.commit={}", self.enable_autocommit),
            format!("auto.offset.reset={}", self.reset_policy),
        ];
        // Kafka 3.7+ takes the group protocol's name in any case; anything
        // else means the classic protocol.
        if self.group_protocol.eq_ignore_ascii_case("consumer") {
            set.push("group.protocol=consumer".into());
            if let Some(a) = &self.group_remote_assignor {
                set.push(format!("group.remote.assignor={a}"));
            }
        } else {
            // Java's consumer checks this when it is made.
            if self.session_timeout <= 3000 {
                let m = "Failed to construct kafka consumer";
                return Err(KtError::usage(format!(
                    "--session-timeout {} is not above heartbeat.interval.ms (3000)",
                    self.session_timeout
                ))
                .thrown("org.apache.kafka.common.KafkaException", m));
            }
            for class in self.assignment_strategy.split(',').map(str::trim) {
                let short = class.rsplit('.').next().unwrap_or(class);
                match short {
                    "RangeAssignor" | "RoundRobinAssignor" | "CooperativeStickyAssignor" => {}
                    "StickyAssignor" => {
                        return Err(KtError::usage(
                            "librdkafka has no eager StickyAssignor; give --assignment-strategy \
                             org.apache.kafka.clients.consumer.CooperativeStickyAssignor (or RangeAssignor, RoundRobinAssignor)",
                        ))
                    }
                    _ => {
                        return Err(KtError::usage(format!(
                            "--assignment-strategy {class} is not one of Kafka's assignors: \
                             RangeAssignor, RoundRobinAssignor or CooperativeStickyAssignor"
                        ))
                        .thrown(
                            "org.apache.kafka.common.KafkaException",
                            "Failed to construct kafka consumer",
                        ))
                    }
                }
            }
            set.push(format!(
                "partition.assignment.strategy={}",
                self.assignment_strategy
            ));
            set.push(format!("session.timeout.ms={}", self.session_timeout));
        }
        if let Some(id) = &self.group_instance_id {
            set.push(format!("group.instance.id={id}"));
        }
        Ok(set)
    }
}

/// The event lines rebalances leave, in the order they happened.
struct Events {
    kt: KtContext,
    lines: Pending,
}

kt_core::client_context!(Events, kt);

/// A partitions event, the partitions sorted as Kafka's rebalance listener
/// invoker hands them over.
fn partitions_event(name: &str, tpl: &TopicPartitionList) -> String {
    let mut parts: Vec<(String, i32)> = tpl
        .elements()
        .iter()
        .map(|e| (e.topic().to_string(), e.partition()))
        .collect();
    parts.sort();
    let list: Vec<String> = parts
        .iter()
        .map(|(t, p)| format!("{{\"topic\":{},\"partition\":{p}}}", json(Some(t))))
        .collect();
    event(name, &format!("\"partitions\":[{}]", list.join(",")))
}

impl ConsumerContext for Events {
    /// Java calls onPartitionsRevoked before giving partitions up, and only
    /// when there are any.
    fn pre_rebalance(&self, _: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Rebalance::Revoke(tpl) = rebalance {
            if tpl.count() > 0 {
                self.lines.push(partitions_event("partitions_revoked", tpl));
            }
        }
    }

    /// And onPartitionsAssigned once they are taken, even when none are.
    fn post_rebalance(&self, _: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Rebalance::Assign(tpl) = rebalance {
            self.lines
                .push(partitions_event("partitions_assigned", tpl));
        }
    }
}

/// Errors Java's consumer throws out of `poll`, ending the tool; librdkafka
/// reports the rest (a topic not there yet, a lost connection) and goes on.
fn ends_the_run(e: &rdkafka::error::KafkaError) -> bool {
    use RDKafkaErrorCode as C;
    matches!(
        e.rdkafka_error_code(),
        Some(
            C::TopicAuthorizationFailed
                | C::GroupAuthorizationFailed
                | C::InvalidSessionTimeout
                | C::FencedInstanceId
                | C::UnsupportedVersion
                | C::SaslAuthenticationFailed
                | C::Fatal
        )
    )
}

/// One poll's worth of records, by partition in the order they came.
struct Poll<'a> {
    records: Vec<BorrowedMessage<'a>>,
}

impl Poll<'_> {
    fn partitions(&self) -> Vec<(i32, Vec<&BorrowedMessage<'_>>)> {
        let mut parts: Vec<(i32, Vec<&BorrowedMessage<'_>>)> = Vec::new();
        for m in &self.records {
            match parts.iter_mut().find(|(p, _)| *p == m.partition()) {
                Some((_, list)) => list.push(m),
                None => parts.push((m.partition(), vec![m])),
            }
        }
        parts
    }
}

/// The records a poll hands over, and where the next one starts.
struct Consumed {
    /// Each partition's next offset, for the commit.
    offsets: Vec<(i32, i64)>,
    /// The `records_consumed` line and any `record_data` lines before it.
    lines: Vec<String>,
    count: usize,
}

/// What Kafka's tool does with one poll: the records up to the limit, a
/// summary per partition, and the offsets to commit.
fn consume(topic: &str, poll: &Poll<'_>, verbose: bool, left: Option<usize>) -> Consumed {
    let mut left = left;
    let mut done = Consumed {
        offsets: Vec::new(),
        lines: Vec::new(),
        count: 0,
    };
    let mut summaries = Vec::new();
    for (partition, mut records) in poll.partitions() {
        if let Some(n) = left {
            records.truncate(n);
        }
        let (Some(first), Some(last)) = (records.first(), records.last()) else {
            continue;
        };
        done.offsets.push((partition, last.offset() + 1));
        summaries.push(format!(
            "{{\"topic\":{},\"partition\":{partition},\"count\":{},\"minOffset\":{},\"maxOffset\":{}}}",
            json(Some(topic)),
            records.len(),
            first.offset(),
            last.offset()
        ));
        if verbose {
            for r in &records {
                let key = r.key().map(java_utf8);
                let value = r.payload().map(java_utf8);
                done.lines.push(event(
                    "record_data",
                    &format!(
                        "\"key\":{},\"value\":{},\"topic\":{},\"partition\":{},\"offset\":{}",
                        json(key.as_deref()),
                        json(value.as_deref()),
                        json(Some(topic)),
                        partition,
                        r.offset()
                    ),
                ));
            }
        }
        done.count += records.len();
        if let Some(n) = left.as_mut() {
            *n -= records.len();
            if *n == 0 {
                break;
            }
        }
    }
    done.lines.push(event(
        "records_consumed",
        &format!(
            "\"count\":{},\"partitions\":[{}]",
            poll.records.len(),
            summaries.join(",")
        ),
    ));
    done
}

/// Commits `offsets` and says how it went, the offsets in the order Java's
/// `HashMap<TopicPartition, …>` holds them.
fn commit(consumer: &BaseConsumer<Events>, topic: &str, offsets: &[(i32, i64)]) -> String {
    let mut tpl = TopicPartitionList::new();
    for (p, o) in offsets {
        let _ = tpl.add_partition_offset(topic, *p, Offset::Offset(*o));
    }
    let result = consumer.commit(&tpl, CommitMode::Sync);
    let ordered = hash_map_order(offsets.to_vec(), |(p, _)| topic_partition_hash(topic, *p));
    let list: Vec<String> = ordered
        .iter()
        .map(|(p, o)| {
            format!(
                "{{\"topic\":{},\"partition\":{p},\"offset\":{o}}}",
                json(Some(topic))
            )
        })
        .collect();
    let outcome = match result {
        Ok(()) => "\"success\":true".to_string(),
        Err(e) => format!("\"error\":{},\"success\":false", json(Some(&e.to_string()))),
    };
    event(
        "offsets_committed",
        &format!("\"offsets\":[{}],{outcome}", list.join(",")),
    )
}

pub fn run(
    mut args: VerifiableConsumerArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let topic = args
        .topic
        .clone()
        .ok_or_else(|| KtError::usage("give --topic TOPIC"))?;
    let group = args
        .group_id
        .clone()
        .ok_or_else(|| KtError::usage("give --group-id GROUP"))?;
    // The tool's settings beat the file's, as Java's put over it.
    let settings = args.settings(&group)?;
    args.connection.command_property.extend(settings);
    let cluster = super::open(
        args.connection.clone(),
        args.consumer_config.take(),
        mode,
        err,
    )?;
    let autocommit = args.enable_autocommit;
    let mut spec = ClientSpec::new("consumer-1")
        // librdkafka reads committed records only by default; Java all.
        .default("isolation.level", "read_uncommitted");
    if autocommit {
        // Java commits the records poll returned: kt stores their offsets
        // itself, so that records fetched ahead (and handed over while the
        // consumer closes) are not committed as consumed.
        spec = spec.force("enable.auto.offset.store", "false");
    }
    let context = Events {
        kt: cluster.context(),
        lines: Pending::default(),
    };
    let consumer: BaseConsumer<Events> = cluster.consumer(&spec, context)?;
    let signals = Signals::install()?;
    let limit = usize::try_from(args.max_messages).ok();
    if limit != Some(0) {
        cluster.reach(consumer.client(), &|| {
            let _ = consumer.poll(Duration::ZERO);
        })?;
    }
    writeln!(out, "{}", event("startup_complete", ""))?;
    out.flush()?;
    let mut consumed = 0usize;
    let mut failure = None;
    if limit != Some(0) {
        if args.group_protocol.eq_ignore_ascii_case("consumer") {
            failure = without_consumer_protocol(&cluster)?;
        }
        consumer.subscribe(&[&topic])?;
    }
    // A record a rebalance came before, held for the next poll's batch.
    let mut carried: Option<BorrowedMessage<'_>> = None;
    while failure.is_none() && limit.is_none_or(|n| consumed < n) {
        if signals.received().is_some() {
            break;
        }
        let first = match carried.take() {
            Some(m) => m,
            None => match consumer.poll(Duration::from_millis(100)) {
                None => {
                    consumer.context().lines.write(out)?;
                    continue;
                }
                Some(Err(e)) => {
                    consumer.context().lines.write(out)?;
                    if ends_the_run(&e) {
                        failure = Some(format!("the consumer stopped: {e}"));
                        break;
                    }
                    continue;
                }
                Some(Ok(m)) => m,
            },
        };
        // Events from the poll that returned it came first.
        consumer.context().lines.write(out)?;
        let mut poll = Poll {
            records: vec![first],
        };
        while poll.records.len() < MAX_POLL_RECORDS {
            match consumer.poll(Duration::ZERO) {
                Some(Ok(m)) if consumer.context().lines.any() => {
                    carried = Some(m);
                    break;
                }
                Some(Ok(m)) => poll.records.push(m),
                _ => break,
            }
            if consumer.context().lines.any() {
                break;
            }
        }
        if autocommit {
            for m in &poll.records {
                let _ = consumer.store_offset_from_message(m);
            }
        }
        let left = limit.map(|n| n - consumed);
        let done = consume(&topic, &poll, args.records, left);
        consumed += done.count;
        for line in &done.lines {
            writeln!(out, "{line}")?;
        }
        if !autocommit {
            writeln!(out, "{}", commit(&consumer, &topic, &done.offsets))?;
        }
        out.flush()?;
        consumer.context().lines.write(out)?;
    }
    drop(carried);
    // Leaving the group revokes the partitions (one more event), and an
    // auto-committing consumer commits what it stored.
    kt_core::leave_group(&consumer, cluster.timeout);
    consumer.context().lines.write(out)?;
    writeln!(out, "{}", event("shutdown_complete", ""))?;
    out.flush()?;
    kt_core::leave_running(consumer);
    kt_core::leave_running(cluster);
    match failure {
        Some(why) => Err(KtError::broker(why).into()),
        None => Ok(()),
    }
}

/// Why the cluster cannot take a member of the consumer protocol
/// (KIP-848), if it cannot: librdkafka speaks ConsumerGroupHeartbeat v1
/// (Kafka 4.0's) and would wait for ever on a broker without it, where
/// Java's consumer throws out of its first poll.
fn without_consumer_protocol(cluster: &kt_core::Cluster) -> Result<Option<String>, KtError> {
    /// ConsumerGroupHeartbeat.
    const HEARTBEAT: i16 = 68;
    let (broker, _) = cluster.admin_broker("verifiable-consumer", false)?;
    let newest = broker
        .api_versions()
        .iter()
        .find(|(key, _, _)| *key == HEARTBEAT)
        .map(|(_, _, max)| *max);
    Ok(match newest {
        Some(v) if v >= 1 => None,
        Some(_) => Some(format!(
            "the broker at {} has only the preview of the consumer group protocol (ConsumerGroupHeartbeat v0), \
             and librdkafka needs Kafka 4.0's; give --group-protocol classic",
            broker.peer()
        )),
        None => Some(format!(
            "the broker at {} does not serve the consumer group protocol (ConsumerGroupHeartbeat); \
             give --group-protocol classic",
            broker.peer()
        )),
    })
}
