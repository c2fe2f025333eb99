//! `kt perf producer` / kafka-producer-perf-test.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use kt_core::props::{self, Property, Source};
use kt_core::{Cluster, Endpoint, ErrorKind, KtContext, KtError};
use rdkafka::client::ClientContext;
use rdkafka::config::{FromClientConfigAndContext, RDKafkaLogLevel};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::{BaseProducer, DeliveryResult, Producer, ProducerContext};
use serde_json::json;

use super::producer_args::{PayloadSource, PerfOutput, ProducerPerfArgs, ProducerPlan};
use super::progress::Progress;
use super::stats::{histogram, write_distribution, KafkaStats, Percentiles};
use crate::dispatch::Mode;
use crate::signals::{Signal, Signals};
use crate::topic::partition_count;
use rdkafka::metadata::Metadata;

pub fn run(args: ProducerPerfArgs, mode: Mode, out: &mut dyn Write) -> anyhow::Result<()> {
    let plan = args.check(mode == Mode::Compat)?;
    let props = properties(&args)?;
    let endpoint = endpoint(&args, &props, mode)?;
    let payloads = Payloads::load(&plan.payload, &args.payload_delimiter, out)?;
    let cluster = Cluster::open(endpoint, &props, None, &args.connection)?;
    if let (Some(mock), Endpoint::Mock(brokers)) = (cluster.mock(), &cluster.endpoint) {
        // The mock cluster has no CreateTopics: make the topic here, as the
        // mock would auto-create it (4 partitions, up to 3 replicas).
        let _ = mock.create_topic(&plan.topic, 4, (*brokers).min(3));
    }
    let producer = create_producer(&args, &plan, &cluster)?;
    let usable = |md: &Metadata| partition_count(md, &plan.topic).is_some();
    let md = cluster.metadata_until(
        producer.client(),
        Some(&plan.topic),
        &|| {
            producer.poll(Duration::ZERO);
        },
        usable,
    )?;
    if !usable(&md) {
        return Err(KtError::not_found(format!(
            "topic {} does not exist; create it with: {}",
            plan.topic,
            cluster.command("topics", &format!("--create --topic {}", plan.topic))
        ))
        .into());
    }
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
        .map(|_| Percentiles::of(&state.hdr_scheduled));
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
            let elapsed_ms = now.max(1);
            let report = json!({
                "tool": "producer",
                "topic": plan.topic,
                "settings": {
                    "num_records": plan.num_records,
                    "payload": match &plan.payload { PayloadSource::Random(n) => json!({"random_bytes": n}), PayloadSource::File(p) => json!({"file": p}), PayloadSource::Monotonic => json!("monotonic") },
                    "throughput": plan.throughput,
                    "acks": cluster.config.get("acks").unwrap_or("-1"),
                    "warmup_records": plan.warmup,
                },
                "records": {"sent": run.sent, "acked": state.kafka.count, "failed": failed},
                "bytes": state.kafka.bytes,
                "elapsed_ms": elapsed_ms,
                "records_per_sec": state.kafka.count as f64 * 1000.0 / elapsed_ms as f64,
                "mb_per_sec": state.kafka.bytes as f64 * 1000.0 / elapsed_ms as f64 / 1048576.0,
                "latency_us": latency,
                "latency_from_schedule_us": scheduled,
                "errors": state.failures,
            });
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
    if failed > 0 {
        let reasons: Vec<String> = state
            .failures
            .iter()
            .map(|(why, n)| format!("{n} × {why}"))
            .collect();
        let mut why = reasons.join("; ");
        if undelivered > 0 {
            why.push_str(&format!(
                "{}{undelivered} × not delivered in time",
                if why.is_empty() { "" } else { "; " }
            ));
        }
        let kind = if state.kafka.count > 0 {
            ErrorKind::Partial
        } else {
            ErrorKind::Broker
        };
        return Err(KtError::new(
            kind,
            format!("{failed} of {} records failed: {why}", run.sent),
        )
        .into());
    }
    Ok(())
}

/// Properties in Kafka's order: the config file, `--producer-props`, then
/// kt's `--command-property` and `-X`, then `--acks`.
fn properties(args: &ProducerPerfArgs) -> Result<Vec<Property>, KtError> {
    let mut all = match &args.producer_config {
        Some(path) => props::read_file(path)?,
        None => Vec::new(),
    };
    let mut extra = Vec::new();
    for prop in &args.producer_props {
        // Kafka splits on every '=' and wants exactly two parts.
        let parts: Vec<&str> = prop.split('=').collect();
        if parts.len() != 2 || parts[1].is_empty() {
            return Err(KtError::config(format!("Invalid property: {prop}")));
        }
        extra.push(Property {
            key: parts[0].to_string(),
            value: parts[1].to_string(),
            source: Source::Flag("--producer-props"),
        });
    }
    all.extend(args.connection.properties(&extra)?);
    if let Some(acks) = &args.acks {
        if !matches!(acks.trim(), "-1" | "0" | "1" | "all") {
            return Err(KtError::usage(format!(
                "--acks {acks} is not one of -1, all, 0, 1"
            )));
        }
        all.push(Property {
            key: "acks".into(),
            value: acks.clone(),
            source: Source::Flag("--acks"),
        });
    }
    Ok(all)
}

/// `bootstrap.servers` from the properties (Kafka's way), or kt's flags.
fn endpoint(args: &ProducerPerfArgs, props: &[Property], mode: Mode) -> Result<Endpoint, KtError> {
    if let Some(endpoint) = args.connection.endpoint()? {
        return Ok(endpoint);
    }
    if let Some(p) = props.iter().rev().find(|p| p.key == "bootstrap.servers") {
        return Endpoint::from_bootstrap(&p.value);
    }
    match mode {
        Mode::Compat => Err(KtError::config(
            "Missing required configuration \"bootstrap.servers\" which has no default value.",
        )),
        Mode::Native => Err(kt_core::connection::no_endpoint()),
    }
}

fn create_producer(
    args: &ProducerPerfArgs,
    plan: &ProducerPlan,
    cluster: &Cluster,
) -> anyhow::Result<BaseProducer<PerfContext>> {
    let mut cfg = cluster.client_config("perf-producer-client");
    let explicit = |key: &str| cluster.config.get(key).is_some();
    // Java's client defaults where librdkafka's differ.
    for (key, value) in [
        ("client.id", "perf-producer-client"),
        ("acks", "-1"),
        ("linger.ms", "5"),
        ("batch.size", "16384"),
        ("partitioner", "murmur2_random"),
        ("message.max.bytes", "1048576"),
        ("message.timeout.ms", "120000"),
        ("queue.buffering.max.kbytes", "32768"),
    ] {
        if !explicit(key) {
            cfg.set(key, value);
        }
    }
    cluster.config.idempotence_default(&mut cfg);
    if let Some(id) = args.transactional_id.clone().or_else(|| {
        plan.transaction_ms
            .map(|_| "performance-producer-default-transactional-id".to_string())
    }) {
        cfg.set("transactional.id", id);
        if !explicit("message.timeout.ms") {
            // librdkafka wants deliveries to time out within a transaction's
            // timeout (60 s unless set); Java does not check.
            let tx = cluster
                .config
                .get("transaction.timeout.ms")
                .unwrap_or("60000");
            cfg.set("message.timeout.ms", tx);
        }
    }
    if args.print_metrics && !explicit("statistics.interval.ms") {
        cfg.set("statistics.interval.ms", "1000");
    }
    cfg.set_log_level(cluster.log_level());
    let context = PerfContext::new(cluster.verbose, plan);
    BaseProducer::from_config_and_context(&cfg, context).map_err(|e| {
        KtError::config(match e {
            KafkaError::ClientConfig(_, desc, key, _) => {
                format!("invalid producer setting '{key}': {desc}")
            }
            other => format!("cannot create the producer: {other}"),
        })
        .into()
    })
}

/// The records' payloads, built once.
enum Payloads {
    Random(Vec<u8>),
    File(Vec<Vec<u8>>),
    Monotonic,
}

impl Payloads {
    fn load(
        source: &PayloadSource,
        delimiter: &str,
        out: &mut dyn Write,
    ) -> anyhow::Result<Payloads> {
        Ok(match source {
            PayloadSource::Random(size) => {
                // Kafka's payload: random capital letters.
                let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
                Payloads::Random((0..*size).map(|_| b'A' + (rng.next() % 26) as u8).collect())
            }
            PayloadSource::Monotonic => Payloads::Monotonic,
            PayloadSource::File(path) => {
                let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                writeln!(out, "Reading payloads from: {}", absolute.display())?;
                let text = std::fs::read(path).unwrap_or_default();
                if text.is_empty() {
                    return Err(
                        KtError::config("File does not exist or empty file provided.").into(),
                    );
                }
                let delimiter = delimiter.replace("\\n", "\n").replace("\\t", "\t");
                let re = regex::bytes::Regex::new(&regex::escape(&delimiter))
                    .or_else(|_| regex::bytes::Regex::new(&delimiter))
                    .map_err(|e| KtError::usage(format!("--payload-delimiter: {e}")))?;
                let mut items: Vec<Vec<u8>> = re.split(&text).map(<[u8]>::to_vec).collect();
                while items.last().is_some_and(Vec::is_empty) {
                    items.pop();
                }
                writeln!(out, "Number of messages read: {}", items.len())?;
                if items.is_empty() {
                    return Err(
                        KtError::config("File does not exist or empty file provided.").into(),
                    );
                }
                Payloads::File(items)
            }
        })
    }
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
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
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
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
        let payload: &[u8] = match payloads {
            Payloads::Random(p) => p,
            Payloads::File(items) => &items[(rng.next() % items.len() as u64) as usize],
            Payloads::Monotonic => {
                number.clear();
                write!(number, "{i}")?;
                &number
            }
        };
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
                    producer.poll(Duration::from_millis(5));
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
                        producer.poll(left);
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
    hdr_scheduled: Histogram<u64>,
    failures: BTreeMap<String, u64>,
    lines: Vec<String>,
}

pub struct PerfContext {
    kt: KtContext,
    start: Instant,
    state: Mutex<PerfState>,
    stats_json: Mutex<String>,
}

impl PerfContext {
    fn new(verbose: bool, plan: &ProducerPlan) -> Self {
        PerfContext {
            kt: KtContext::new(verbose),
            start: Instant::now(),
            state: Mutex::new(PerfState {
                kafka: KafkaStats::new(plan.num_records, plan.reporting_interval_ms, 0, ""),
                steady: None,
                hdr: histogram(),
                hdr_scheduled: histogram(),
                failures: BTreeMap::new(),
                lines: Vec::new(),
            }),
            stats_json: Mutex::new(String::new()),
        }
    }

    fn now_us(&self) -> u64 {
        self.start.elapsed().as_micros() as u64
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
        self.stats_json
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default()
    }
}

impl AsRef<KtContext> for PerfContext {
    fn as_ref(&self) -> &KtContext {
        &self.kt
    }
}

impl ClientContext for PerfContext {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, log_message: &str) {
        self.kt.log(level, fac, log_message)
    }

    fn error(&self, error: KafkaError, reason: &str) {
        self.kt.error(error, reason)
    }

    fn stats_raw(&self, statistics: &[u8]) {
        if let Ok(mut s) = self.stats_json.lock() {
            *s = String::from_utf8_lossy(statistics).into_owned();
        }
    }
}

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
                let _ = s.hdr_scheduled.record((latency_us + late_us).max(1));
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
