//! `kt consume` / kafka-console-consumer: records from Kafka to stdout.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::time::{Duration, Instant};

use kt_core::connection::{random_group_id, ClientSpec, Connection, Request};
use kt_core::ffi::records::RecordQueue;
use kt_core::ffi::LeaderEpoch;
use kt_core::output::Diagnostics;
use kt_core::props;
use kt_core::{Cluster, KtContext, KtError};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::error::RDKafkaErrorCode;
use rdkafka::message::Message;
use rdkafka::metadata::Metadata;
use rdkafka::{Offset, TopicPartitionList};

use super::consume_args::{ConsumeArgs, ConsumeOutput, ConsumePlan, Source, StartAt};
use super::format::Format;
use super::formatter::{write_json, DefaultFormatter, FormatError, FormatterKind};
use crate::dispatch::Mode;
use crate::endpoint::Kafka;
use crate::signals::{Signal, Signals};
use crate::time::now_ms;
use crate::topic::{is_internal, IncludeList};
use kt_core::stdio;

/// The logger of Kafka 3.9's console consumer, as its log4j records name it.
const CONSOLE_CONSUMER: &str = "org.apache.kafka.tools.consumer.ConsoleConsumer";

/// Why the poll loop ended.
enum End {
    MaxMessages,
    /// Every partition reached its end (`--exit`) or its `--until-time`.
    Done,
    Idle,
    BrokenPipe,
    Signal(Signal),
    Format(String),
}

pub fn run(
    args: ConsumeArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let request = Request {
        file: args.consumer_config.as_deref(),
        properties: props::from_args(&args.consumer_property, "--consumer-property"),
        endpoint: crate::endpoint::rule(mode, Kafka::Argument, false),
        ..Default::default()
    };
    let conn = Connection::resolve(&args.connection, request)?;
    let plan = args.check(&conn.properties)?;
    conn.endpoint()?;
    let printer = Printer::new(&args, mode, err)?;
    let cluster = conn.open(err)?;
    let consumer = create_consumer(&args, &plan, &cluster)?;
    let store_offsets = stores_printed_offsets(&plan, &cluster);
    let signals = Signals::install()?;
    let (state, mut queue) = start(&args, &plan, mode, &cluster, &consumer, &signals, err)?;
    let idle = args
        .timeout_ms
        .filter(|t| *t >= 0)
        .map(|t| Duration::from_millis(t as u64));
    let max = args.max_messages.filter(|m| *m >= 0).map(|m| m as u64);
    let mut reading = Reading {
        printer: &printer,
        args: &args,
        state,
        count: 0,
        pending: false,
        fresh: false,
    };
    let mut last_record = Instant::now();
    let end = loop {
        if max.is_some_and(|m| reading.count >= m) {
            break End::MaxMessages;
        }
        if let Some(signal) = signals.received() {
            break End::Signal(signal);
        }
        if reading.state.finished() {
            break End::Done;
        }
        let wait = if reading.pending {
            Duration::ZERO
        } else {
            Duration::from_millis(100)
        };
        // How many records (or partition events) this step took, and
        // whether one of them ended the run.
        let (taken, ended) = match queue.as_mut() {
            Some(queue) => {
                let (mut taken, mut ended) = (0, None);
                for record in queue.take(wait) {
                    taken += 1;
                    if let Some(code) = record.error() {
                        if code == RDKafkaErrorCode::PartitionEOF {
                            let (topic, partition) = (record.topic(), record.partition());
                            reading
                                .state
                                .reached_end(topic, partition, record.offset(), || {
                                    consumer
                                        .fetch_watermarks(
                                            topic,
                                            partition,
                                            Duration::from_millis(500),
                                        )
                                        .map_or(i64::MAX, |(_, high)| high)
                                });
                        }
                        continue;
                    }
                    if max.is_some_and(|m| reading.count >= m) {
                        break;
                    }
                    if let Err(end) = reading.record(out, err, &record) {
                        ended = Some(end);
                        break;
                    }
                }
                // Logs and client errors stay on the consumer's own queue.
                let _ = consumer.poll(Duration::ZERO);
                (taken, ended)
            }
            None => match consumer.poll(wait) {
                None => (0, None),
                // Transient errors (a broker restarting, a topic not there
                // yet) are librdkafka's to retry; --verbose shows them.
                Some(Err(_)) => (1, None),
                Some(Ok(msg)) => match reading.record(out, err, &msg) {
                    Err(end) => (1, Some(end)),
                    Ok(printed) => {
                        if printed && store_offsets {
                            // Only what was printed counts as consumed; see
                            // stores_printed_offsets.
                            let _ = consumer.store_offset_from_message(&msg);
                        }
                        (1, None)
                    }
                },
            },
        };
        if let Some(end) = ended {
            break end;
        }
        if taken > 0 {
            continue;
        }
        if reading.pending {
            reading.pending = false;
            if let Err(e) = out.flush() {
                break io_end(e);
            }
        }
        if reading.fresh {
            reading.fresh = false;
            last_record = Instant::now();
        }
        if idle.is_some_and(|t| last_record.elapsed() >= t) {
            break End::Idle;
        }
        // A reader that went away (`| head -1` on an idle topic) is seen
        // now, not at the next record.
        if stdio::stdout_closed() {
            break End::BrokenPipe;
        }
    };
    let count = reading.count;
    drop(queue);
    let flushed = out.flush();
    finish(
        end, flushed, count, mode, &args, &plan, consumer, cluster, out, err,
    )
}

/// The read loop's state: what was printed, and where each partition is.
struct Reading<'a> {
    printer: &'a Printer,
    args: &'a ConsumeArgs,
    state: Progress,
    count: u64,
    /// Printed since the last flush.
    pending: bool,
    /// A record since the last empty poll: the idle clock restarts at that
    /// poll (the clock is not read per record).
    fresh: bool,
}

impl Reading<'_> {
    /// Prints one record if it is inside the run's bounds: Ok(true) when
    /// printed, Err when the run ends here.
    fn record<M: Message + LeaderEpoch>(
        &mut self,
        out: &mut dyn Write,
        err: &Diagnostics,
        msg: &M,
    ) -> Result<bool, End> {
        self.fresh = true;
        if !self.state.admit(
            msg.topic(),
            msg.partition(),
            msg.offset(),
            msg.timestamp().to_millis(),
        ) {
            return Ok(false);
        }
        self.count += 1;
        self.pending = true;
        match self.printer.write(out, msg) {
            Ok(()) => {}
            Err(FormatError::Io(e)) => return Err(io_end(e)),
            Err(FormatError::Data(why)) if self.args.skip_message_on_error => {
                err.line(format_args!(
                    "{}",
                    crate::compat::log4j(
                        "ERROR",
                        &format!("Error processing message, skipping this message: {why}"),
                        CONSOLE_CONSUMER
                    )
                ));
            }
            Err(FormatError::Data(why)) => return Err(End::Format(why)),
        }
        self.state
            .consumed(msg.topic(), msg.partition(), msg.offset());
        Ok(true)
    }
}

/// How each record is written: `--format`, kt's JSON, or Kafka's formatter.
struct Printer {
    kind: FormatterKind,
    formatter: DefaultFormatter,
    format: Option<Format>,
    output: ConsumeOutput,
}

impl Printer {
    fn new(args: &ConsumeArgs, mode: Mode, err: &Diagnostics) -> Result<Printer, KtError> {
        // Java's ClassNotFoundException says only the class name.
        let (kind, warning) =
            FormatterKind::from_class(args.formatter.as_deref()).map_err(|e| {
                match (mode, args.formatter.as_deref()) {
                    (Mode::Compat, Some(class)) => KtError::usage(class),
                    _ => e,
                }
            })?;
        if let Some(w) = warning {
            err.line(w);
        }
        Ok(Printer {
            kind,
            formatter: DefaultFormatter::new(&formatter_properties(args)?)?,
            format: args.format.as_deref().map(Format::parse).transpose()?,
            output: args.output,
        })
    }

    fn write<M: Message + LeaderEpoch>(
        &self,
        out: &mut dyn Write,
        msg: &M,
    ) -> Result<(), FormatError> {
        match (&self.format, self.output, self.kind) {
            (Some(f), _, _) => f.write(out, msg).map_err(FormatError::Io),
            (None, _, FormatterKind::NoOp) => Ok(()),
            (None, ConsumeOutput::Json, _) => write_json(out, msg).map_err(FormatError::Io),
            (None, ConsumeOutput::Text, _) => self.formatter.write(out, msg),
        }
    }
}

fn io_end(e: io::Error) -> End {
    if e.kind() == io::ErrorKind::BrokenPipe {
        End::BrokenPipe
    } else {
        End::Format(format!("cannot write to standard output: {e}"))
    }
}

#[allow(clippy::too_many_arguments)]
fn finish(
    end: End,
    flushed: io::Result<()>,
    count: u64,
    mode: Mode,
    args: &ConsumeArgs,
    plan: &ConsumePlan,
    consumer: BaseConsumer<KtContext>,
    cluster: Cluster,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let broken = matches!(end, End::BrokenPipe)
        || flushed
            .as_ref()
            .is_err_and(|e| e.kind() == io::ErrorKind::BrokenPipe);
    if plan.group.is_some() {
        // Kafka's consumer commits what was consumed when it closes; offsets
        // of records fetched but not printed were never stored.
        if let Err(e) = consumer.commit_consumer_state(CommitMode::Sync) {
            if args.connection.verbose {
                err.line(format_args!("kt: committing offsets: {e}"));
            }
        }
        kt_core::close_consumer(consumer, cluster.timeout);
    } else {
        // Nothing to commit: skip librdkafka's teardown wait, the process ends.
        kt_core::leave_running(consumer);
    }
    kt_core::leave_running(cluster);
    if args.enable_systest_events && !broken {
        let _ = writeln!(out, "shutdown_complete");
        let _ = out.flush();
    }
    match (&end, mode) {
        (End::Idle, Mode::Compat) => {
            err.line(format_args!(
                "{}",
                crate::compat::log4j(
                    "ERROR",
                    "Error processing message, terminating consumer process: ",
                    CONSOLE_CONSUMER
                )
            ));
            err.line(format_args!(
                "org.apache.kafka.common.errors.TimeoutException"
            ));
        }
        (End::Format(why), Mode::Compat) => err.line(format_args!(
            "{}",
            crate::compat::log4j(
                "ERROR",
                &format!("Unknown error when running consumer: {why}"),
                CONSOLE_CONSUMER
            )
        )),
        _ => {}
    }
    if broken {
        if mode == Mode::Compat {
            err.line(format_args!(
                "Unable to write to standard out, closing consumer."
            ));
            err.line(format_args!("Processed a total of {count} messages"));
        }
        // A reader that went away (`| head`) is a normal end.
        return Ok(());
    }
    err.line(format_args!("Processed a total of {count} messages"));
    match end {
        End::Signal(signal) => {
            Err(KtError::new(signal.kind(), format!("stopped by {}", signal.name())).into())
        }
        End::Format(why) => Err(KtError::broker(why).into()),
        _ => Ok(()),
    }
}

fn formatter_properties(args: &ConsumeArgs) -> Result<HashMap<String, String>, KtError> {
    let mut map = HashMap::new();
    if let Some(path) = &args.formatter_config {
        for p in props::read_file(path)? {
            map.insert(p.key, p.value);
        }
    }
    for (key, flag) in [
        ("key.deserializer", &args.key_deserializer),
        ("value.deserializer", &args.value_deserializer),
    ] {
        if let Some(class) = flag {
            map.insert(key.to_string(), class.clone());
        }
    }
    // An explicit --property beats the deserializer flags, as in Kafka.
    for p in props::from_args(&args.property, "--property") {
        map.insert(p.key, p.value);
    }
    Ok(map)
}

/// Under a group, kt stores the offset of each record it printed itself:
/// librdkafka would store the offset of every record handed to the
/// application, and closing the consumer hands it the records fetched ahead,
/// so a stop after `--max-messages` (or a signal) would commit records never
/// printed and the next run of the group would skip them. Java's consumer
/// commits its position, which is the records it returned. An explicit
/// `enable.auto.offset.store` is the user's to keep.
fn stores_printed_offsets(plan: &ConsumePlan, cluster: &Cluster) -> bool {
    plan.group.is_some() && cluster.config.get("enable.auto.offset.store").is_none()
}

fn create_consumer(
    args: &ConsumeArgs,
    plan: &ConsumePlan,
    cluster: &Cluster,
) -> anyhow::Result<BaseConsumer<KtContext>> {
    let mut spec = ClientSpec::new("console-consumer");
    spec = match &plan.group {
        Some(g) if stores_printed_offsets(plan, cluster) => spec
            .force("group.id", g)
            .force("enable.auto.offset.store", "false"),
        Some(g) => spec.force("group.id", g),
        None => spec
            .force("group.id", random_group_id("console-consumer"))
            .default("enable.auto.commit", "false"),
    };
    let reset = if plan.start == StartAt::Earliest {
        "earliest"
    } else {
        "latest"
    };
    // librdkafka defaults to read_committed; Kafka to read_uncommitted.
    let isolation = args
        .isolation_level
        .clone()
        .or_else(|| cluster.config.get("isolation.level").map(str::to_string))
        .unwrap_or_else(|| "read_uncommitted".to_string());
    spec = spec
        .default("auto.offset.reset", reset)
        .force("isolation.level", isolation);
    if args.exit || plan.until_ms.is_some() {
        spec = spec.default("enable.partition.eof", "true");
    }
    cluster.consumer(&spec, cluster.context())
}

/// One partition kt reads: where it ends and whether it is done.
#[derive(Default)]
struct Part {
    /// The offset it ends at (exclusive): its end at start, with `--exit`
    /// or an `--until-time` already past.
    end: Option<i64>,
    done: bool,
}

/// Where each assigned partition stands, by topic and partition, so that a
/// run over several topics ends only when every partition of every topic is
/// done (`--exit`, `--until-time`). Empty under a subscription.
#[derive(Default)]
struct Progress {
    parts: BTreeMap<String, BTreeMap<i32, Part>>,
    until_ms: Option<i64>,
    /// Whether the run ends when every part is done.
    tracking: bool,
}

impl Progress {
    fn finished(&self) -> bool {
        self.tracking && self.parts.values().flat_map(|m| m.values()).all(|p| p.done)
    }

    fn part(&mut self, topic: &str, partition: i32) -> Option<&mut Part> {
        self.parts.get_mut(topic)?.get_mut(&partition)
    }

    /// Whether to print a record; records past --until-time or the end end
    /// their partition.
    fn admit(&mut self, topic: &str, partition: i32, offset: i64, timestamp: Option<i64>) -> bool {
        let until = self.until_ms;
        let Some(part) = self.part(topic, partition) else {
            return true;
        };
        if part.done {
            return false;
        }
        if let (Some(until), Some(ts)) = (until, timestamp) {
            if ts > until {
                part.done = true;
                return false;
            }
        }
        if part.end.is_some_and(|end| offset >= end) {
            part.done = true;
            return false;
        }
        true
    }

    fn consumed(&mut self, topic: &str, partition: i32, offset: i64) {
        if let Some(part) = self.part(topic, partition) {
            if part.end.is_some_and(|end| offset + 1 >= end) {
                part.done = true;
            }
        }
    }

    /// librdkafka reached the end of `topic`'s `partition` at `offset`
    /// (the next offset it would fetch). The partition's records before it
    /// came through the same queue, so they were handled already; the
    /// offset, not the consumer's position, decides, since a batch taken
    /// ahead moves the position of every partition in it. A part is done
    /// when the offset passed its end (the last offsets may be transaction
    /// markers that are never delivered), or when its --until-time has
    /// passed and the offset is the log end (`high`, asked only then).
    fn reached_end(
        &mut self,
        topic: &str,
        partition: i32,
        offset: i64,
        high: impl FnOnce() -> i64,
    ) {
        if !self.tracking {
            return;
        }
        let until_passed = self.until_ms.is_some_and(|u| now_ms() > u);
        let Some(part) = self.part(topic, partition) else {
            return;
        };
        if part.done {
            return;
        }
        if part.end.is_some_and(|end| offset >= end) {
            part.done = true;
        } else if until_passed {
            // Rare (once per partition that catches up): ask the broker.
            part.done = offset >= high();
        }
    }
}

/// The topics to read and their partitions, as the cluster has them now.
fn targets(md: &Metadata, source: &Source, mode: Mode) -> Result<Vec<(String, Vec<i32>)>, KtError> {
    let include = pattern(source, mode)?;
    let mut found: Vec<(String, Vec<i32>)> = md
        .topics()
        .iter()
        .filter(|t| t.error().is_none() && !t.partitions().is_empty())
        .filter(|t| match (source, &include) {
            (Source::Topic(name), _) => t.name() == name,
            // Kafka's pattern subscription leaves internal topics out.
            (_, Some(include)) => include.matches(t.name()) && !is_internal(t.name()),
            (_, None) => false,
        })
        .map(|t| {
            let mut ids: Vec<i32> = t.partitions().iter().map(|p| p.id()).collect();
            ids.sort_unstable();
            (t.name().to_string(), ids)
        })
        .collect();
    found.sort();
    Ok(found)
}

/// Finds what to read, then assigns its partitions (no group: no rebalance
/// wait, and every partition's end known before the first record) or
/// subscribes (a group, or a pattern read without end, which must pick up
/// topics created later).
/// Finds what to read and starts reading it: assigned partitions (their
/// records then come through the returned queue, a batch at a time) or a
/// subscription (through the consumer's poll).
fn start<'c>(
    args: &ConsumeArgs,
    plan: &ConsumePlan,
    mode: Mode,
    cluster: &Cluster,
    consumer: &'c BaseConsumer<KtContext>,
    signals: &Signals,
    err: &Diagnostics,
) -> anyhow::Result<(Progress, Option<RecordQueue<'c>>)> {
    let mut progress = Progress {
        until_ms: plan.until_ms,
        ..Default::default()
    };
    let serve = || {
        let _ = consumer.poll(Duration::ZERO);
    };
    let asked = match &plan.source {
        Source::Topic(t) => Some(t.as_str()),
        Source::Pattern(_) => None,
    };
    let mut waiting = false;
    let targets = loop {
        let has_targets =
            |md: &Metadata| targets(md, &plan.source, mode).is_ok_and(|t| !t.is_empty());
        let md = cluster.metadata_until(consumer.client(), asked, &serve, has_targets)?;
        let found = targets(&md, &plan.source, mode)?;
        if !found.is_empty() || (mode == Mode::Compat && !args.wait_for_topic) {
            // Kafka's console consumer waits for a topic that does not exist.
            break found;
        }
        if !args.wait_for_topic {
            return Err(missing(plan, cluster).into());
        }
        if !waiting {
            waiting = true;
            err.line(format_args!(
                "kt: waiting for {} to be created (--wait-for-topic); Ctrl-C to stop",
                describe_source(&plan.source)
            ));
        }
        let pause = Instant::now() + Duration::from_millis(500);
        while Instant::now() < pause {
            if signals.received().is_some() {
                return Ok((progress, None));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let bounded = args.exit || plan.until_ms.is_some() || plan.start_is_tail();
    let assigned = plan.group.is_none()
        && !targets.is_empty()
        && (matches!(plan.source, Source::Topic(_)) || bounded);
    if assigned {
        for (topic, partitions) in &targets {
            let chosen = match plan.partition {
                Some(p) if partitions.contains(&p) => vec![p],
                Some(p) => {
                    return Err(KtError::not_found(format!(
                        "partition {p} of topic {topic} does not exist (it has {} partitions)",
                        partitions.len()
                    ))
                    .into())
                }
                None => partitions.clone(),
            };
            progress.parts.insert(
                topic.clone(),
                chosen.iter().map(|p| (*p, Part::default())).collect(),
            );
        }
        let chosen: Vec<(&str, i32)> = progress
            .parts
            .iter()
            .flat_map(|(t, parts)| parts.keys().map(move |p| (t.as_str(), *p)))
            .collect();
        // Forwarded before the assignment, which keeps the forward.
        let queue = RecordQueue::forwarded(consumer, &chosen)?;
        assign(args, plan, cluster, consumer, &mut progress)?;
        return Ok((progress, Some(queue)));
    }
    if plan.partition.is_some() {
        return Err(missing(plan, cluster).into());
    }
    let subscription = match pattern(&plan.source, mode)? {
        // librdkafka takes a regex subscription when it starts with ^.
        Some(include) => include.subscription(),
        None => match &plan.source {
            Source::Topic(t) => t.clone(),
            Source::Pattern(p) => p.clone(),
        },
    };
    consumer.subscribe(&[subscription.as_str()]).map_err(|e| {
        KtError::config(format!(
            "cannot subscribe to {subscription} ({e}); librdkafka reads POSIX extended regular expressions"
        ))
    })?;
    Ok((progress, None))
}

/// `--include` as each name reads it: Kafka 3.9's console consumer takes
/// a Java regex as given; kt's own name takes a Kafka pattern, whose commas
/// mean "or" (as kafka-topics' `--topic`).
fn pattern(source: &Source, mode: Mode) -> Result<Option<IncludeList>, KtError> {
    match (source, mode) {
        (Source::Topic(_), _) => Ok(None),
        (Source::Pattern(p), Mode::Compat) => IncludeList::java(p).map(Some),
        (Source::Pattern(p), Mode::Native) => IncludeList::new(p).map(Some),
    }
}

fn describe_source(source: &Source) -> String {
    match source {
        Source::Topic(t) => format!("topic {t}"),
        Source::Pattern(p) => format!("a topic matching '{p}'"),
    }
}

/// A topic (or pattern) with nothing to read: one line, exit 3.
fn missing(plan: &ConsumePlan, cluster: &Cluster) -> KtError {
    let what = match &plan.source {
        Source::Topic(t) => format!("topic {t} does not exist"),
        Source::Pattern(p) => format!("no topic matches '{p}'"),
    };
    KtError::not_found(format!(
        "{what}; list the topics with: {} (or pass --wait-for-topic to wait for it)",
        cluster.command("topics", "--list")
    ))
}

/// Assigns every part of `progress` at its start offset, and reads the ends
/// that `--exit`, a past `--until-time` and `--tail` need.
fn assign(
    args: &ConsumeArgs,
    plan: &ConsumePlan,
    cluster: &Cluster,
    consumer: &BaseConsumer<KtContext>,
    progress: &mut Progress,
) -> anyhow::Result<()> {
    let timeout = cluster.timeout;
    let until_past = plan.until_ms.is_some_and(|u| u <= now_ms());
    let read_ends = args.exit || until_past || plan.start_is_tail();
    progress.tracking = args.exit || plan.until_ms.is_some();
    let mut tpl = TopicPartitionList::new();
    for (topic, parts) in progress.parts.iter_mut() {
        let first = match plan.start {
            StartAt::Earliest => Offset::Beginning,
            StartAt::Latest | StartAt::Tail(_) => Offset::End,
            // A time is looked up below; offsets_for_times takes it here.
            StartAt::Offset(o) | StartAt::Time(o) => Offset::Offset(o),
        };
        let mut starts: BTreeMap<i32, Offset> = parts.keys().map(|p| (*p, first)).collect();
        if let StartAt::Time(_) = plan.start {
            let mut by_time = TopicPartitionList::new();
            for (p, o) in &starts {
                by_time.add_partition_offset(topic, *p, *o)?;
            }
            let found = consumer
                .offsets_for_times(by_time, timeout)
                .map_err(|e| KtError::broker(format!("looking up offsets by time: {e}")))?;
            for elem in found.elements() {
                // No record at or after the time: start at the end.
                let at = match elem.offset() {
                    Offset::Offset(o) if o >= 0 => Offset::Offset(o),
                    _ => Offset::End,
                };
                starts.insert(elem.partition(), at);
            }
        }
        if read_ends {
            for (p, part) in parts.iter_mut() {
                let (low, high) = kt_core::retry::watermarks(consumer, topic, *p, timeout)?;
                if let StartAt::Tail(n) = plan.start {
                    starts.insert(*p, Offset::Offset(high.saturating_sub(n).max(low)));
                }
                if args.exit || until_past {
                    let begin = match starts[p] {
                        Offset::Beginning => low,
                        Offset::Offset(o) => o,
                        _ => high,
                    };
                    part.end = Some(high);
                    part.done = begin >= high;
                }
            }
        }
        for (p, o) in &starts {
            tpl.add_partition_offset(topic, *p, *o)?;
        }
    }
    consumer
        .assign(&tpl)
        .map_err(|e| KtError::broker(format!("assigning partitions: {e}")))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_topics(until_ms: Option<i64>) -> Progress {
        let part = || Part {
            end: Some(2),
            done: false,
        };
        let mut progress = Progress {
            until_ms,
            tracking: true,
            ..Default::default()
        };
        for topic in ["a", "b"] {
            progress
                .parts
                .insert(topic.to_string(), [(0, part()), (1, part())].into());
        }
        progress
    }

    /// The end of one topic's partition 0 ends that one only: a batch
    /// taken ahead had moved the position of the other topic's partition 0
    /// to its end, and its records, not yet printed, were dropped.
    #[test]
    fn an_end_ends_its_own_topics_partition_only() {
        let mut progress = two_topics(None);
        progress.reached_end("a", 0, 2, || unreachable!("no --until-time"));
        assert!(progress.part("a", 0).unwrap().done);
        assert!(!progress.part("b", 0).unwrap().done);
        assert!(progress.admit("b", 0, 0, None));
        progress.reached_end("b", 0, 1, || unreachable!("no --until-time"));
        assert!(!progress.part("b", 0).unwrap().done);
        for (topic, partition) in [("b", 0), ("a", 1), ("b", 1)] {
            progress.reached_end(topic, partition, 2, || unreachable!());
        }
        assert!(progress.finished());
    }

    /// Past --until-time, a partition short of its end at start (it grew,
    /// or its end was not read) is done at the log end the broker reports.
    #[test]
    fn past_until_time_an_end_is_the_log_end() {
        let mut progress = two_topics(Some(0));
        progress.part("a", 0).unwrap().end = None;
        progress.reached_end("a", 0, 5, || 7);
        assert!(!progress.part("a", 0).unwrap().done);
        progress.reached_end("a", 0, 7, || 7);
        assert!(progress.part("a", 0).unwrap().done);
    }
}
