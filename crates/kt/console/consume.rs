//! `kt consume` / kafka-console-consumer: records from Kafka to stdout.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use kt_core::props::{self, Property};
use kt_core::{Cluster, KtContext, KtError};
use rdkafka::config::FromClientConfigAndContext;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::message::Message;
use rdkafka::{Offset, TopicPartitionList};

use super::consume_args::{ConsumeArgs, ConsumeOutput, ConsumePlan, Source, StartAt};
use super::formatter::{write_json, DefaultFormatter, FormatError, FormatterKind};
use super::signals::{Signal, Signals};
use crate::dispatch::Mode;

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

pub fn run(args: ConsumeArgs, mode: Mode, out: &mut dyn Write) -> anyhow::Result<()> {
    let props = consumer_properties(&args)?;
    let plan = args.check(&props)?;
    let endpoint = super::endpoint(&args.connection, mode, false)?;
    let (kind, warning) = FormatterKind::from_class(args.formatter.as_deref())?;
    if let Some(w) = warning {
        eprintln!("{w}");
    }
    let formatter = DefaultFormatter::new(&formatter_properties(&args)?)?;
    let cluster = Cluster::open(endpoint, &props, None, args.connection.verbose)?;
    let consumer = create_consumer(&args, &plan, &cluster)?;
    let signals = Signals::install()?;
    let mut state = start(&args, &plan, &cluster, &consumer)?;
    let idle = args
        .timeout_ms
        .filter(|t| *t >= 0)
        .map(|t| Duration::from_millis(t as u64));
    let max = args.max_messages.filter(|m| *m >= 0).map(|m| m as u64);
    let mut count: u64 = 0;
    let mut pending = false;
    let mut last_record = Instant::now();
    let end = loop {
        if max.is_some_and(|m| count >= m) {
            break End::MaxMessages;
        }
        if let Some(signal) = signals.received() {
            break End::Signal(signal);
        }
        if state.finished() {
            break End::Done;
        }
        let wait = if pending {
            Duration::ZERO
        } else {
            Duration::from_millis(100)
        };
        let msg = match consumer.poll(wait) {
            None => {
                if pending {
                    pending = false;
                    if let Err(e) = out.flush() {
                        break io_end(e);
                    }
                }
                if idle.is_some_and(|t| last_record.elapsed() >= t) {
                    break End::Idle;
                }
                continue;
            }
            Some(Err(KafkaError::PartitionEOF(p))) => {
                state.reached_end(p);
                continue;
            }
            // Transient errors (a broker restarting, a topic not there yet)
            // are librdkafka's to retry; --verbose shows them.
            Some(Err(_)) => continue,
            Some(Ok(msg)) => msg,
        };
        last_record = Instant::now();
        if !state.admit(msg.partition(), msg.offset(), msg.timestamp().to_millis()) {
            continue;
        }
        count += 1;
        pending = true;
        let written = match (args.output, kind) {
            (_, FormatterKind::NoOp) => Ok(()),
            (ConsumeOutput::Json, _) => write_json(out, &msg).map_err(FormatError::Io),
            (ConsumeOutput::Text, _) => formatter.write(out, &msg),
        };
        match written {
            Ok(()) => {}
            Err(FormatError::Io(e)) => break io_end(e),
            Err(FormatError::Data(why)) if args.skip_message_on_error => {
                eprintln!("ERROR Error processing message, skipping this message: {why}");
            }
            Err(FormatError::Data(why)) => break End::Format(why),
        }
        state.consumed(msg.partition(), msg.offset());
    };
    let flushed = out.flush();
    finish(
        end, flushed, count, mode, &args, &plan, consumer, cluster, out,
    )
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
                eprintln!("kt: committing offsets: {e}");
            }
        }
        drop(consumer);
    } else {
        // Nothing to commit: skip librdkafka's teardown wait, the process ends.
        std::mem::forget(consumer);
    }
    std::mem::forget(cluster);
    if args.enable_systest_events && !broken {
        let _ = writeln!(out, "shutdown_complete");
        let _ = out.flush();
    }
    match (&end, mode) {
        (End::Idle, Mode::Compat) => {
            eprintln!("ERROR Error processing message, terminating consumer process: ");
            eprintln!("org.apache.kafka.common.errors.TimeoutException");
        }
        (End::Format(why), Mode::Compat) => {
            eprintln!("ERROR Unknown error when running consumer: {why}")
        }
        _ => {}
    }
    if broken {
        if mode == Mode::Compat {
            eprintln!("Unable to write to standard out, closing consumer.");
            eprintln!("Processed a total of {count} messages");
        }
        // A reader that went away (`| head`) is a normal end.
        return Ok(());
    }
    eprintln!("Processed a total of {count} messages");
    match end {
        End::Signal(signal) => {
            Err(KtError::new(signal.kind(), format!("stopped by {}", signal.name())).into())
        }
        End::Format(why) => Err(KtError::broker(why).into()),
        _ => Ok(()),
    }
}

/// Client properties: files, then properties, then -X.
fn consumer_properties(args: &ConsumeArgs) -> Result<Vec<Property>, KtError> {
    let mut all = match &args.consumer_config {
        Some(path) => props::read_file(path)?,
        None => Vec::new(),
    };
    let extra = props::from_args(&args.consumer_property, "--consumer-property");
    all.extend(args.connection.properties(&extra)?);
    Ok(all)
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

fn create_consumer(
    args: &ConsumeArgs,
    plan: &ConsumePlan,
    cluster: &Cluster,
) -> anyhow::Result<BaseConsumer<KtContext>> {
    let mut cfg = cluster.client_config("console-consumer");
    let explicit = |key: &str| cluster.config.get(key).is_some();
    if !explicit("client.id") {
        cfg.set("client.id", "console-consumer");
    }
    match &plan.group {
        Some(g) => {
            cfg.set("group.id", g);
        }
        None => {
            let n = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos())
                % 100_000;
            cfg.set("group.id", format!("console-consumer-{n}"));
            if !explicit("enable.auto.commit") {
                cfg.set("enable.auto.commit", "false");
            }
        }
    }
    if !explicit("auto.offset.reset") {
        let reset = if plan.start == StartAt::Earliest {
            "earliest"
        } else {
            "latest"
        };
        cfg.set("auto.offset.reset", reset);
    }
    // librdkafka defaults to read_committed; Kafka to read_uncommitted.
    let isolation = args
        .isolation_level
        .clone()
        .or_else(|| cluster.config.get("isolation.level").map(str::to_string))
        .unwrap_or_else(|| "read_uncommitted".to_string());
    cfg.set("isolation.level", isolation);
    if args.exit && !explicit("enable.partition.eof") {
        cfg.set("enable.partition.eof", "true");
    }
    cfg.set_log_level(cluster.log_level());
    BaseConsumer::from_config_and_context(&cfg, KtContext::new(cluster.verbose)).map_err(|e| {
        KtError::config(match e {
            KafkaError::ClientConfig(_, desc, key, _) => {
                format!("invalid consumer setting '{key}': {desc}")
            }
            other => format!("cannot create the consumer: {other}"),
        })
        .into()
    })
}

/// Where each partition stands: its end (for `--exit`) and whether it is done.
#[derive(Default)]
struct Progress {
    /// partition -> offset it ends at (exclusive); only with --exit.
    ends: BTreeMap<i32, i64>,
    done: BTreeMap<i32, bool>,
    until_ms: Option<i64>,
    /// --exit under a group subscription: partitions that reported EOF.
    by_eof: bool,
    tracking: bool,
}

impl Progress {
    fn finished(&self) -> bool {
        self.tracking && !self.done.is_empty() && self.done.values().all(|d| *d)
    }

    /// Whether to print a record; records past --until-time end their partition.
    fn admit(&mut self, partition: i32, offset: i64, timestamp: Option<i64>) -> bool {
        if self.done.get(&partition).copied().unwrap_or(false) {
            return false;
        }
        if let (Some(until), Some(ts)) = (self.until_ms, timestamp) {
            if ts > until {
                self.done.insert(partition, true);
                return false;
            }
        }
        if let Some(end) = self.ends.get(&partition) {
            if offset >= *end {
                self.done.insert(partition, true);
                return false;
            }
        }
        true
    }

    fn consumed(&mut self, partition: i32, offset: i64) {
        if let Some(end) = self.ends.get(&partition) {
            if offset + 1 >= *end {
                self.done.insert(partition, true);
            }
        }
    }

    fn reached_end(&mut self, partition: i32) {
        if self.by_eof {
            self.done.insert(partition, true);
        }
    }
}

/// Assigns partitions (no group: no rebalance wait) or subscribes.
fn start(
    args: &ConsumeArgs,
    plan: &ConsumePlan,
    cluster: &Cluster,
    consumer: &BaseConsumer<KtContext>,
) -> anyhow::Result<Progress> {
    let mut progress = Progress {
        until_ms: plan.until_ms,
        ..Default::default()
    };
    let serve = || {
        let _ = consumer.poll(Duration::ZERO);
    };
    if let (Source::Topic(topic), None) = (&plan.source, &plan.group) {
        let md = cluster.metadata(consumer.client(), Some(topic), &serve)?;
        let partitions: Vec<i32> = md
            .topics()
            .iter()
            .find(|t| t.name() == topic && t.error().is_none())
            .map(|t| t.partitions().iter().map(|p| p.id()).collect())
            .unwrap_or_default();
        if !partitions.is_empty() {
            let chosen: Vec<i32> = match plan.partition {
                Some(p) if partitions.contains(&p) => vec![p],
                Some(p) => {
                    return Err(KtError::not_found(format!(
                        "partition {p} of topic {topic} does not exist (it has {} partitions)",
                        partitions.len()
                    ))
                    .into())
                }
                None => partitions,
            };
            assign(args, plan, cluster, consumer, topic, &chosen, &mut progress)?;
            return Ok(progress);
        }
        if args.exit || plan.partition.is_some() {
            return Err(KtError::not_found(format!("topic {topic} does not exist")).into());
        }
        // Kafka waits for a missing topic; a subscription does too.
    }
    let subscription = match &plan.source {
        Source::Topic(t) => t.clone(),
        // Kafka matches the whole name; librdkafka takes a regex that starts with ^.
        Source::Pattern(p) => format!("^({p})$"),
    };
    consumer
        .subscribe(&[subscription.as_str()])
        .map_err(|e| KtError::usage(format!("cannot subscribe to {subscription}: {e}")))?;
    if args.exit {
        progress.by_eof = true;
        progress.tracking = true;
    }
    Ok(progress)
}

fn assign(
    args: &ConsumeArgs,
    plan: &ConsumePlan,
    cluster: &Cluster,
    consumer: &BaseConsumer<KtContext>,
    topic: &str,
    partitions: &[i32],
    progress: &mut Progress,
) -> anyhow::Result<()> {
    let timeout = cluster.timeout;
    let mut starts: BTreeMap<i32, Offset> = partitions
        .iter()
        .map(|p| {
            let offset = match plan.start {
                StartAt::Earliest => Offset::Beginning,
                StartAt::Latest => Offset::End,
                StartAt::Offset(o) => Offset::Offset(o),
                StartAt::Time(ms) => Offset::Offset(ms),
            };
            (*p, offset)
        })
        .collect();
    if let StartAt::Time(_) = plan.start {
        let mut tpl = TopicPartitionList::new();
        for (p, o) in &starts {
            tpl.add_partition_offset(topic, *p, *o)?;
        }
        let found = consumer
            .offsets_for_times(tpl, timeout)
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
    if args.exit || plan.until_ms.is_some() {
        progress.tracking = true;
        for p in partitions {
            progress.done.insert(*p, false);
        }
    }
    if args.exit {
        for p in partitions {
            let (low, high) = kt_core::retry::watermarks(consumer, topic, *p, timeout)?;
            progress.ends.insert(*p, high);
            let begin = match starts[p] {
                Offset::Beginning => low,
                Offset::Offset(o) => o,
                _ => high,
            };
            if begin >= high {
                progress.done.insert(*p, true);
            }
        }
    }
    let mut tpl = TopicPartitionList::new();
    for (p, o) in &starts {
        tpl.add_partition_offset(topic, *p, *o)?;
    }
    consumer
        .assign(&tpl)
        .map_err(|e| KtError::broker(format!("assigning {topic}: {e}")))?;
    Ok(())
}
