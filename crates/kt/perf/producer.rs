//! `kt perf producer` / kafka-producer-perf-test.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use kt_core::connection::{ClientSpec, Connection, Request};
use kt_core::output::Diagnostics;
use kt_core::props::{Property, Source};
use kt_core::{Cluster, Endpoint, ErrorKind, KtContext, KtError};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::{BaseProducer, DeliveryResult, Producer, ProducerContext};

use super::payload::{Payloads, XorShift};
use super::producer_args::{PayloadSource, PerfOutput, ProducerPerfArgs, ProducerPlan};
use super::progress::Progress;
use super::report::{Payload, ProducerReport, ProducerSettings, RecordCounts};
use super::stats::{histogram, write_distribution, KafkaStats, Percentiles};
use crate::dispatch::Mode;
use crate::endpoint::Kafka;
use crate::signals::{Signal, Signals};
use crate::topic::producer_partitions;

pub fn run(
    args: ProducerPerfArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let plan = args.check(mode == Mode::Compat)?;
    let conn = Connection::resolve(&args.connection, request(&args, mode)?)?;
    conn.endpoint()?;
    let max_block = conn.max_block();
    let payloads = Payloads::load(&plan.payload, &args.payload_delimiter, out)?;
    let cluster = conn.open(err)?;
    if let (Some(mock), Endpoint::Mock(brokers)) = (cluster.mock(), &cluster.endpoint) {
        // The mock cluster has no CreateTopics: make the topic here, as the
        // mock would auto-create it (4 partitions, up to 3 replicas).
        let _ = mock.create_topic(&plan.topic, 4, (*brokers).min(3));
    }
    let producer = create_producer(&args, &plan, &cluster)?;
    check_topic(&cluster, &producer, &plan.topic, max_block)?;
    if plan.transaction_ms.is_some() {
        producer
            .init_transactions(cluster.timeout)
            .map_err(|e| KtError::broker(format!("initializing transactions: {e}")))?;
    }
    let signals = Signals::install()?;
    let text = args.output == PerfOutput::Text;
    if plan.warmup > 0 && text {
        writeln!(out, "Warmup first {} records. Steady state results will print after the complete test summary.", plan.warmup)?;
    }
    let progress = Progress::new(plan.num_records, "records sent");
    let run = send_all(&producer, &plan, &payloads, &signals, &progress, text, out)?;
    progress.finish();
    let ctx = producer.context();
    let mut state = ctx
        .state
        .lock()
        .map_err(|_| KtError::broker("statistics lock poisoned"))?;
    let now = ctx.now_ms();
    // Records with no delivery report yet. (librdkafka's out-queue length
    // also counts requests and events, so it is not a count of records.)
    let reported = state.kafka.count + state.failures.values().sum::<u64>();
    let undelivered = run.sent.saturating_sub(reported);
    for line in state.lines.drain(..) {
        if text {
            writeln!(out, "{line}")?;
        }
    }
    let total = state.kafka.total_line(now);
    let steady = state.steady.as_mut().map(|s| s.total_line(now));
    let latency = Percentiles::of(&state.hdr);
    let scheduled = plan
        .throughput
        .and(state.hdr_scheduled.as_ref())
        .map(Percentiles::of);
    let failed: u64 = state.failures.values().sum::<u64>() + undelivered;
    match args.output {
        PerfOutput::Text => {
            writeln!(out, "{total}")?;
            if let Some(line) = steady {
                writeln!(out, "{line}")?;
            }
            if mode == Mode::Native {
                writeln!(out, "{}", latency.line("latency, send to ack"))?;
                if let Some(s) = &scheduled {
                    writeln!(out, "{}", s.line("latency, from scheduled send"))?;
                }
            }
            if args.print_metrics {
                write_metrics(out, &ctx.last_stats())?;
            }
        }
        PerfOutput::Json => {
            let report = json_report(
                &plan, &cluster, &run, &state, failed, now, scheduled, latency,
            );
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
    }
    if let Some(path) = &args.histogram {
        let mut file = std::fs::File::create(path).map_err(|e| {
            KtError::config(format!("cannot write --histogram {}: {e}", path.display()))
        })?;
        write_distribution(&mut file, &state.hdr)?;
    }
    if let Some(signal) = run.stopped {
        return Err(KtError::new(signal.kind(), format!("stopped by {}", signal.name())).into());
    }
    match failure(&state, run.sent, failed, undelivered) {
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}

/// The topic must exist (a moment-old one is waited for).
fn check_topic(
    cluster: &Cluster,
    producer: &BaseProducer<PerfContext>,
    topic: &str,
    max_block: std::time::Duration,
) -> Result<(), KtError> {
    if producer_partitions(cluster, producer, topic, max_block)?.is_some() {
        return Ok(());
    }
    Err(KtError::not_found(format!(
        "topic {topic} does not exist; create it with: {}",
        cluster.command("topics", &format!("--create --topic {topic}"))
    )))
}

/// `--output json`: the run's numbers.
#[allow(clippy::too_many_arguments)]
fn json_report<'a>(
    plan: &'a ProducerPlan,
    cluster: &'a Cluster,
    run: &SendRun,
    state: &'a PerfState,
    failed: u64,
    now_ms: u64,
    scheduled: Option<Percentiles>,
    latency: Percentiles,
) -> ProducerReport<'a> {
    let elapsed_ms = now_ms.max(1);
    ProducerReport {
        tool: "producer",
        topic: &plan.topic,
        settings: ProducerSettings {
            num_records: plan.num_records,
            payload: match &plan.payload {
                PayloadSource::Random(n) => Payload::RandomBytes(*n),
                PayloadSource::File(p) => Payload::File(p),
                PayloadSource::Monotonic => Payload::Monotonic,
            },
            throughput: plan.throughput,
            acks: cluster.config.get("acks").unwrap_or("-1"),
            warmup_records: plan.warmup,
        },
        records: RecordCounts {
            sent: run.sent,
            acked: state.kafka.count,
            failed,
        },
        bytes: state.kafka.bytes,
        elapsed_ms,
        records_per_sec: state.kafka.count as f64 * 1000.0 / elapsed_ms as f64,
        mb_per_sec: state.kafka.bytes as f64 * 1000.0 / elapsed_ms as f64 / 1048576.0,
        latency_us: latency,
        latency_from_schedule_us: scheduled,
        errors: &state.failures,
    }
}

/// The one-line error for records that failed or were never acknowledged.
fn failure(state: &PerfState, sent: u64, failed: u64, undelivered: u64) -> Option<KtError> {
    if failed == 0 {
        return None;
    }
    let mut reasons: Vec<String> = state
        .failures
        .iter()
        .map(|(why, n)| format!("{n} × {why}"))
        .collect();
    if undelivered > 0 {
        reasons.push(format!("{undelivered} × not delivered in time"));
    }
    let kind = if state.kafka.count > 0 {
        ErrorKind::Partial
    } else {
        ErrorKind::Broker
    };
    Some(KtError::new(
        kind,
        format!("{failed} of {sent} records failed: {}", reasons.join("; ")),
    ))
}

/// What the perf producer brings to its connection: its file, then
/// `--producer-props` (which may name `bootstrap.servers`, Kafka's way),
/// then `--acks`.
fn request(args: &ProducerPerfArgs, mode: Mode) -> Result<Request<'_>, KtError> {
    let mut properties = Vec::new();
    for prop in &args.producer_props {
        // Kafka splits on every '=' and wants exactly two parts.
        let parts: Vec<&str> = prop.split('=').collect();
        if parts.len() != 2 || parts[1].is_empty() {
            return Err(KtError::config(format!("Invalid property: {prop}")));
        }
        properties.push(Property {
            key: parts[0].to_string(),
            value: parts[1].to_string(),
            source: Source::Flag("--producer-props"),
        });
    }
    let mut flags = Vec::new();
    if let Some(acks) = &args.acks {
        if !matches!(acks.trim(), "-1" | "0" | "1" | "all") {
            return Err(KtError::usage(format!(
                "--acks {acks} is not one of -1, all, 0, 1"
            )));
        }
        flags.push(Property {
            key: "acks".into(),
            value: acks.clone(),
            source: Source::Flag("--acks"),
        });
    }
    Ok(Request {
        file: args.producer_config.as_deref(),
        properties,
        flags,
        endpoint: crate::endpoint::rule(mode, Kafka::Configuration, false),
        ..Default::default()
    })
}

fn create_producer(
    args: &ProducerPerfArgs,
    plan: &ProducerPlan,
    cluster: &Cluster,
) -> anyhow::Result<BaseProducer<PerfContext>> {
    // Java's client defaults where librdkafka's differ.
    let mut spec = ClientSpec::new("perf-producer-client")
        .default("acks", "-1")
        .default("linger.ms", "5")
        .default("batch.size", "16384")
        .default("partitioner", "murmur2_random")
        .default("message.max.bytes", "1048576")
        .default("queue.buffering.max.kbytes", "32768")
        // librdkafka's 100,000 queued records held 2x rdkafka_performance's
        // memory for no throughput: 20,000 keep batches full (bench/perf.sh).
        .default("queue.buffering.max.messages", "20000");
    let transactional_id = args.transactional_id.clone().or_else(|| {
        plan.transaction_ms
            .map(|_| "performance-producer-default-transactional-id".to_string())
    });
    if let Some(id) = transactional_id {
        // librdkafka wants deliveries to time out within a transaction's
        // timeout (60 s unless set); Java does not check.
        let tx = cluster
            .config
            .get("transaction.timeout.ms")
            .unwrap_or("60000");
        spec = spec
            .force("transactional.id", id)
            .default("message.timeout.ms", tx);
    } else {
        spec = spec.default("message.timeout.ms", "120000");
    }
    if args.print_metrics {
        spec = spec.default("statistics.interval.ms", "1000");
    }
    cluster.producer(&spec, PerfContext::new(cluster.context(), plan))
}

struct SendRun {
    sent: u64,
    stopped: Option<Signal>,
}

/// The hot loop: one buffer, no allocation per record, polling (never
/// sleeping) while the queue is full or the throttle holds records back.
fn send_all(
    producer: &BaseProducer<PerfContext>,
    plan: &ProducerPlan,
    payloads: &Payloads,
    signals: &Signals,
    progress: &Progress,
    text: bool,
    out: &mut dyn Write,
) -> anyhow::Result<SendRun> {
    let ctx = producer.context();
    let topic = kt_core::ffi::TopicHandle::new(producer.client(), &plan.topic)?;
    let waker = kt_core::ffi::QueueWaker::new(producer.client());
    let mut rng = XorShift::new(0x9e37_79b9_7f4a_7c15);
    let mut number = Vec::with_capacity(24);
    let interval_ns = plan.throughput.filter(|t| *t > 0.0).map(|t| 1e9 / t);
    let mut deficit_ns = 0f64;
    let mut in_transaction = false;
    let mut transaction_start = Instant::now();
    let mut sent = 0u64;
    for i in 0..plan.num_records {
        if i % 1024 == 0 {
            if let Some(signal) = signals.received() {
                kt_core::deliver_all(producer, Instant::now() + Duration::from_secs(5), || false);
                return Ok(SendRun {
                    sent,
                    stopped: Some(signal),
                });
            }
            ctx.write_lines(out, text, progress)?;
            progress.update(i, ctx.acked());
        }
        // Serve delivery reports often, as rdkafka_performance does after
        // every record: a short report queue keeps the producer queue moving.
        if i % 64 == 0 {
            producer.poll(Duration::ZERO);
        }
        if let Some(ms) = plan.transaction_ms {
            if !in_transaction {
                producer
                    .begin_transaction()
                    .map_err(|e| KtError::broker(format!("beginning a transaction: {e}")))?;
                in_transaction = true;
                transaction_start = Instant::now();
            }
            let _ = ms;
        }
        if i == plan.warmup && plan.warmup > 0 {
            ctx.begin_steady_state(plan);
            if text {
                writeln!(out, "Beginning steady state.")?;
            }
        }
        let payload = payloads.pick(i, &mut rng, &mut number)?;
        let send_us = ctx.now_us();
        // How late this send is against the fixed-rate schedule (0 unthrottled).
        let late_us = interval_ns.map_or(0, |ns| {
            send_us.saturating_sub((i as f64 * ns / 1000.0) as u64)
        });
        let opaque = (send_us & 0xffff_ffff) as usize | ((late_us.min(0xffff_ffff) as usize) << 32);
        loop {
            match topic.produce(payload, opaque) {
                Ok(()) => break,
                Err(RDKafkaErrorCode::QueueFull) => {
                    // Deliveries make room; serving them is the wait.
                    kt_core::serve(producer, &waker, Duration::from_millis(5));
                }
                Err(code) => {
                    ctx.fail(KafkaError::MessageProduction(code).to_string());
                    break;
                }
            }
        }
        sent += 1;
        if let Some(ms) = plan.transaction_ms {
            if transaction_start.elapsed() >= Duration::from_millis(ms) {
                producer
                    .commit_transaction(Duration::from_secs(60))
                    .map_err(|e| KtError::broker(format!("committing a transaction: {e}")))?;
                in_transaction = false;
            }
        }
        // Kafka's ThroughputThrottler: once ahead of the target rate, owe one
        // interval per record and pay the debt in slices of at least 2 ms.
        if let Some(ns) = interval_ns {
            let elapsed_s = send_us as f64 / 1e6;
            if elapsed_s > 0.0 && (i as f64 / elapsed_s) > 1e9 / ns {
                deficit_ns += ns;
                if deficit_ns >= 2_000_000.0 {
                    let until = Instant::now() + Duration::from_nanos(deficit_ns as u64);
                    while let Some(left) = until.checked_duration_since(Instant::now()) {
                        kt_core::serve(producer, &waker, left);
                    }
                    deficit_ns = 0.0;
                }
            }
        }
    }
    if in_transaction {
        producer
            .commit_transaction(Duration::from_secs(60))
            .map_err(|e| KtError::broker(format!("committing a transaction: {e}")))?;
    }
    // Deliver what is left; a signal still stops it.
    let deadline = Instant::now() + Duration::from_secs(130);
    kt_core::deliver_all(producer, deadline, || signals.received().is_some());
    ctx.write_lines(out, text, progress)?;
    if let Some(signal) = signals.received() {
        return Ok(SendRun {
            sent,
            stopped: Some(signal),
        });
    }
    progress.update(plan.num_records, ctx.acked());
    Ok(SendRun {
        sent,
        stopped: None,
    })
}

/// What the delivery callback updates.
struct PerfState {
    kafka: KafkaStats,
    steady: Option<KafkaStats>,
    hdr: Histogram<u64>,
    /// Latency from each record's scheduled send time: only throttled runs
    /// report it (unthrottled, it is `hdr`), so only they keep it.
    hdr_scheduled: Option<Histogram<u64>>,
    failures: BTreeMap<String, u64>,
    lines: Vec<String>,
}

pub struct PerfContext {
    kt: KtContext,
    start: Instant,
    /// `start` on [`kt_core::ffi::monotonic_us`]'s clock.
    start_us: u64,
    state: Mutex<PerfState>,
}

impl PerfContext {
    fn new(kt: KtContext, plan: &ProducerPlan) -> Self {
        PerfContext {
            kt,
            start: Instant::now(),
            start_us: kt_core::ffi::monotonic_us(),
            state: Mutex::new(PerfState {
                kafka: KafkaStats::new(plan.num_records, plan.reporting_interval_ms, 0, ""),
                steady: None,
                hdr: histogram(),
                hdr_scheduled: plan.throughput.map(|_| histogram()),
                failures: BTreeMap::new(),
                lines: Vec::new(),
            }),
        }
    }

    fn now_us(&self) -> u64 {
        kt_core::ffi::monotonic_us().saturating_sub(self.start_us)
    }

    fn now_ms(&self) -> u64 {
        self.start.elapsed().as_millis() as u64
    }

    fn begin_steady_state(&self, plan: &ProducerPlan) {
        if let Ok(mut s) = self.state.lock() {
            s.steady = Some(KafkaStats::new(
                plan.num_records - plan.warmup,
                plan.reporting_interval_ms,
                self.now_ms(),
                "steady state ",
            ));
        }
    }

    fn fail(&self, reason: String) {
        if let Ok(mut s) = self.state.lock() {
            *s.failures.entry(reason).or_default() += 1;
        }
    }

    fn write_lines(
        &self,
        out: &mut dyn Write,
        text: bool,
        progress: &Progress,
    ) -> std::io::Result<()> {
        let lines = match self.state.lock() {
            Ok(mut s) if !s.lines.is_empty() => std::mem::take(&mut s.lines),
            _ => return Ok(()),
        };
        if text {
            progress.print(out, &lines)?;
        }
        Ok(())
    }

    /// Records acknowledged so far.
    fn acked(&self) -> u64 {
        self.state.lock().map_or(0, |s| s.kafka.count)
    }

    fn last_stats(&self) -> String {
        self.kt.statistics()
    }
}

kt_core::client_context!(PerfContext, kt);

impl ProducerContext for PerfContext {
    type DeliveryOpaque = usize;

    fn delivery(&self, result: &DeliveryResult<'_>, opaque: usize) {
        let now_us = self.now_us();
        let Ok(mut s) = self.state.lock() else { return };
        match result {
            Ok(msg) => {
                let sent_us = (opaque & 0xffff_ffff) as u64;
                let late_us = (opaque >> 32) as u64;
                // The send time kept 32 bits (71 minutes); a latency is shorter.
                let latency_us = (now_us.wrapping_sub(sent_us)) & 0xffff_ffff;
                let bytes = msg.payload_len() as u64;
                let latency_ms = (latency_us / 1000) as u32;
                let now_ms = now_us / 1000;
                if let Some(line) = s.kafka.record(latency_ms, bytes, now_ms) {
                    s.lines.push(line);
                }
                if let Some(steady) = s.steady.as_mut() {
                    let _ = steady.record(latency_ms, bytes, now_ms);
                }
                let _ = s.hdr.record(latency_us.max(1));
                if let Some(h) = s.hdr_scheduled.as_mut() {
                    let _ = h.record((latency_us + late_us).max(1));
                }
            }
            Err((e, _)) => {
                *s.failures.entry(e.to_string()).or_default() += 1;
            }
        }
    }
}

/// `--print-metrics`: Kafka prints its client metrics; kt prints
/// librdkafka's totals from the last statistics report, in the same layout.
fn write_metrics(out: &mut dyn Write, stats: &str) -> std::io::Result<()> {
    let value: serde_json::Value = serde_json::from_str(stats).unwrap_or_default();
    let mut rows: Vec<(String, String)> = Vec::new();
    for key in [
        "msg_cnt",
        "msg_size",
        "tx",
        "tx_bytes",
        "rx",
        "rx_bytes",
        "txmsgs",
        "txmsg_bytes",
        "rxmsgs",
        "rxmsg_bytes",
        "replyq",
    ] {
        if let Some(v) = value.get(key) {
            rows.push((
                format!(
                    "librdkafka:{key}:{{client-id={}}}",
                    value["client_id"].as_str().unwrap_or("")
                ),
                v.to_string(),
            ));
        }
    }
    rows.sort();
    let width = rows
        .iter()
        .map(|(k, _)| k.len())
        .max()
        .unwrap_or(11)
        .max(11);
    writeln!(out)?;
    writeln!(out, "{:<width$}   Value", "Metric Name")?;
    for (k, v) in rows {
        writeln!(out, "{k:<width$} : {v}")?;
    }
    Ok(())
}
