//! `kt produce` / kafka-console-producer: stdin lines (or JSON envelopes) to a topic.

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use kt_core::connection::{ClientSpec, Connection, Request};
use kt_core::output::Diagnostics;
use kt_core::props::{self, Property, Source};
use kt_core::{Cluster, ErrorKind, KtContext, KtError};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{BaseProducer, BaseRecord, DeliveryResult, Producer, ProducerContext};
use rdkafka::Message;

use super::envelope::{json_to_bytes, Envelope};
use super::produce_args::{InputFormat, ProduceArgs, LINE_READERS};
use super::reader::{LineReader, LineSplitter};
use crate::dispatch::Mode;
use crate::endpoint::Kafka;
use crate::signals::Signals;
use crate::topic::producer_partitions;
use kt_core::stdio;

/// Kafka's console-producer defaults for the options it maps to client
/// properties (Java property, tool default), under both names. Kafka's
/// `batch.size` (16384) is not among them: a Java batch and a librdkafka
/// MessageSet cost differently, and librdkafka held to 16 KB sets spends
/// 3x the Java tool's time on a file (bench/kafka.sh), so librdkafka packs
/// up to its own 1 MB unless `--batch-size` or `batch.size` is given. What
/// a user sees of batching, `linger.ms`, stays Kafka's under Kafka's name.
const TOOL_DEFAULTS: [(&str, &str); 7] = [
    ("retries", "3"),
    ("retry.backoff.ms", "100"),
    ("acks", "-1"),
    ("request.timeout.ms", "1500"),
    ("metadata.max.age.ms", "300000"),
    ("buffer.memory", "33554432"),
    ("send.buffer.bytes", "102400"),
];

/// Under Kafka's name only: Java's 1 s linger (a typed line goes out a
/// second later, or at once with EOF).
const COMPAT_DEFAULTS: [(&str, &str); 1] = [("linger.ms", "1000")];

/// Under kt's own name, the Java producer's delivery defaults replace the
/// console tool's 3 retries and 1.5 s request timeout: a leader that dies
/// stays in the ISR for replica.lag.time.max.ms (30 s), and acks=all
/// requests time out until it leaves, so the tool's defaults give up on
/// records that a wait would deliver. delivery.timeout.ms (120 s) still
/// bounds the retries. Batching is librdkafka's own (linger 5 ms, 1 MB
/// sets): the fastest measured on Apache Kafka (README, "Defaults,
/// measured"), with acks=all and idempotence kept. The queue holds 16 MB
/// (and librdkafka's 100,000 records) instead of Java's 32 MB: as fast on a
/// file, and peak RSS under kcat's. Under Kafka's name Kafka's defaults stay.
const NATIVE_DEFAULTS: [(&str, &str); 4] = [
    ("retries", "2147483647"),
    ("request.timeout.ms", "30000"),
    ("buffer.memory", "16777216"),
    ("linger.ms", "1000"),
];

/// Deliveries are served every this many records (and whenever the queue
/// is full or stdin is quiet): one poll per record cost a fifth of the
/// producing thread's time in clock reads and queue locks.
const POLL_EVERY: u64 = 1024;

/// When stdin goes quiet, kt flushes for up to this long: librdkafka sends
/// what it holds at once (linger.ms applies to a stream of input, not to a
/// line typed and then waited on) and the acks come back meanwhile.
const IDLE_FLUSH: Duration = Duration::from_millis(20);

/// How long a stopped producer may spend delivering what it holds.
const STOP_FLUSH: Duration = Duration::from_secs(5);

pub fn run(
    args: ProduceArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let topic = args
        .topic
        .clone()
        .ok_or_else(|| KtError::usage("Missing required argument \"[topic]\""))?;
    let request = producer_request(&args, mode)?;
    let conn = Connection::resolve(&args.connection, request)?;
    conn.endpoint()?;
    if let Some(class) = args.line_reader.as_deref() {
        if !LINE_READERS.contains(&class) {
            return Err(match mode {
                Mode::Compat => {
                    KtError::config(format!("java.lang.ClassNotFoundException: {class}"))
                }
                Mode::Native => KtError::usage(format!(
                    "kt has only Kafka's built-in LineMessageReader; '{class}' is not available"
                )),
            }
            .into());
        }
    }
    let reader = LineReader::new(&reader_properties(&args)?)?;
    let max_block = conn.max_block();
    check_codec(args.compression_codec.as_deref(), mode)?;
    check_acks(args.request_required_acks.as_deref(), mode)?;
    let cluster = conn.open(err)?;
    let producer = create_producer(&args, mode, &cluster)?;
    let partitions = check_topic(&cluster, &producer, &topic, max_block)?;
    if let Some(p) = args.partition {
        if p < 0 || p as usize >= partitions {
            return Err(KtError::usage(format!(
                "--partition {p} does not exist: topic {topic} has {partitions} partition(s)"
            ))
            .into());
        }
    }
    let signals = Signals::install()?;
    let mut sender = Sender {
        producer: &producer,
        topic: &topic,
        partition: args.partition,
        max_block,
        sync: args.sync,
        sent: 0,
        flushed_at: 0,
        waker: kt_core::ffi::QueueWaker::new(producer.client()),
        handle: kt_core::ffi::TopicHandle::new(producer.client(), &topic)?,
    };
    let read = read_input(&args, &reader, &mut sender, &signals, out);
    let stopped = signals.received();
    // Records read before a reader error are still delivered, as Kafka does.
    let flush_for = if stopped.is_some() {
        STOP_FLUSH
    } else {
        Duration::from_secs(300)
    };
    // A second signal while flushing gives up on what is left.
    let again = Signals::install()?;
    kt_core::deliver_all(&producer, Instant::now() + flush_for, || {
        again.received().is_some()
    });
    let report = producer.context().report(sender.sent, mode, err);
    read?;
    if let Some(signal) = stopped {
        return Err(KtError::new(
            signal.kind(),
            format!(
                "stopped by {}{}",
                signal.name(),
                report.map(|r| format!("; {r}")).unwrap_or_default()
            ),
        )
        .into());
    }
    match report {
        None => Ok(()),
        Some(summary) => {
            let kind = if producer.context().delivered() > 0 {
                ErrorKind::Partial
            } else {
                ErrorKind::Broker
            };
            Err(KtError::new(kind, summary).into())
        }
    }
}

fn reader_properties(args: &ProduceArgs) -> Result<HashMap<String, String>, KtError> {
    let mut map = HashMap::new();
    if let Some(path) = &args.reader_config {
        for p in props::read_file(path)? {
            map.insert(p.key, p.value);
        }
    }
    for p in props::from_args(&args.property, "--property") {
        map.insert(p.key, p.value);
    }
    Ok(map)
}

/// What the producer brings to its connection: its file and properties,
/// each flag Kafka maps to a property, and the tool's defaults for them.
fn producer_request(args: &ProduceArgs, mode: Mode) -> Result<Request<'_>, KtError> {
    const SOURCE: Source = Source::Flag("kafka-console-producer");
    let batch = args.max_partition_memory_bytes.or(args.batch_size);
    let flags: [(&str, Option<String>); 10] = [
        ("batch.size", batch.map(|v| v.to_string())),
        (
            "retries",
            args.message_send_max_retries.map(|v| v.to_string()),
        ),
        (
            "retry.backoff.ms",
            args.retry_backoff_ms.map(|v| v.to_string()),
        ),
        ("linger.ms", args.timeout.map(|v| v.to_string())),
        ("acks", args.request_required_acks.clone()),
        (
            "request.timeout.ms",
            args.request_timeout_ms.map(|v| v.to_string()),
        ),
        (
            "metadata.max.age.ms",
            args.metadata_expiry_ms.map(|v| v.to_string()),
        ),
        (
            "buffer.memory",
            args.max_memory_bytes.map(|v| v.to_string()),
        ),
        (
            "send.buffer.bytes",
            args.socket_buffer_size.map(|v| v.to_string()),
        ),
        ("max.block.ms", args.max_block_ms.map(|v| v.to_string())),
    ];
    let flags = flags
        .into_iter()
        .filter_map(|(key, value)| Some(property(key, value?, SOURCE)))
        .collect();
    let first: &[(&str, &str)] = match mode {
        Mode::Native => &NATIVE_DEFAULTS,
        Mode::Compat => &COMPAT_DEFAULTS,
    };
    let mut defaults: Vec<Property> = Vec::new();
    for (key, value) in first.iter().chain(TOOL_DEFAULTS.iter()) {
        if !defaults.iter().any(|p| p.key == *key) {
            defaults.push(property(key, value.to_string(), SOURCE));
        }
    }
    Ok(Request {
        file: args.producer_config.as_deref(),
        properties: props::from_args(&args.producer_property, "--producer-property"),
        flags,
        defaults,
        endpoint: crate::endpoint::rule(mode, Kafka::Argument, true),
        timeout: None,
    })
}

fn property(key: &str, value: String, source: Source) -> Property {
    Property {
        key: key.to_string(),
        value,
        source,
    }
}

fn create_producer(
    args: &ProduceArgs,
    mode: Mode,
    cluster: &Cluster,
) -> anyhow::Result<BaseProducer<ProduceContext>> {
    let mut spec = ClientSpec::new("console-producer")
        // Forced, as Kafka forces them: the codec flag always wins.
        .force(
            "compression.type",
            args.compression_codec.as_deref().unwrap_or("none"),
        )
        // Java's default partitioner: murmur2 for keys, so keys land where
        // Kafka's own producer puts them.
        .default("partitioner", "murmur2_random")
        .default("message.max.bytes", "1048576")
        .default("message.timeout.ms", "120000");
    if mode == Mode::Compat {
        // Java bounds the buffer by bytes only (buffer.memory).
        spec = spec.default("queue.buffering.max.messages", "2147483647");
    }
    let context = ProduceContext::new(cluster.context(), args.topic.clone().unwrap_or_default());
    cluster.producer(&spec, context)
}

/// `--compression-codec` is Java's `compression.type`: refused, as
/// ProducerConfig refuses it, before any connection.
fn check_codec(codec: Option<&str>, mode: Mode) -> Result<(), KtError> {
    const CODECS: [&str; 5] = ["none", "gzip", "snappy", "lz4", "zstd"];
    match codec {
        Some(c) if !CODECS.contains(&c) => Err(match mode {
            Mode::Compat => KtError::config(format!(
                "org.apache.kafka.common.config.ConfigException: Invalid value {c} for configuration compression.type: String must be one of: none, gzip, snappy, lz4, zstd"
            )),
            Mode::Native => KtError::usage(format!(
                "invalid --compression-codec '{c}'; use none, gzip, snappy, lz4 or zstd"
            )),
        }),
        _ => Ok(()),
    }
}

/// `--request-required-acks` is Java's `acks`, refused as ProducerConfig
/// refuses it.
fn check_acks(acks: Option<&str>, mode: Mode) -> Result<(), KtError> {
    match acks {
        Some(a) if !["all", "-1", "0", "1"].contains(&a.trim()) => Err(match mode {
            Mode::Compat => KtError::config(format!(
                "org.apache.kafka.common.config.ConfigException: Invalid value {a} for configuration acks: String must be one of: all, -1, 0, 1"
            )),
            Mode::Native => KtError::usage(format!(
                "invalid --request-required-acks '{a}'; use all, -1, 0 or 1"
            )),
        }),
        _ => Ok(()),
    }
}

/// The topic's partition count, or a clear error if it does not exist.
fn check_topic(
    cluster: &Cluster,
    producer: &BaseProducer<ProduceContext>,
    topic: &str,
    max_block: Duration,
) -> Result<usize, KtError> {
    match producer_partitions(cluster, producer, topic, max_block)? {
        Some(n) => Ok(n),
        _ => Err(KtError::not_found(format!(
            "topic {topic} does not exist and the broker did not create it; create it with: {}",
            cluster.command("topics", &format!("--create --topic {topic}"))
        ))),
    }
}

/// Sends records, keeping count, waiting out a full queue up to max.block.ms.
struct Sender<'a> {
    producer: &'a BaseProducer<ProduceContext>,
    topic: &'a str,
    partition: Option<i32>,
    max_block: Duration,
    sync: bool,
    sent: u64,
    /// `sent` when stdin last went quiet (see [`IDLE_FLUSH`]).
    flushed_at: u64,
    /// Sleeps out a full queue (see kt_core::serve).
    waker: Option<kt_core::ffi::QueueWaker>,
    handle: kt_core::ffi::TopicHandle<'a>,
}

impl Sender<'_> {
    /// A record without headers or a timestamp, through the topic handle:
    /// rdkafka's `send` builds the topic's name and looks the topic up
    /// again for every record (a sixth of kt produce's instructions).
    fn send_plain(
        &mut self,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        partition: Option<i32>,
    ) -> Result<(), KtError> {
        let size = value.map_or(0, <[u8]>::len) + key.map_or(0, <[u8]>::len);
        self.sent += 1;
        self.offer(size, || self.handle.produce_keyed(key, value, partition, 0))
    }

    fn send(
        &mut self,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: Option<OwnedHeaders>,
        partition: Option<i32>,
        timestamp: Option<i64>,
    ) -> Result<(), KtError> {
        if headers.is_none() && timestamp.is_none() {
            return self.send_plain(key, value, self.partition.or(partition));
        }
        let mut record: BaseRecord<'_, [u8], [u8], ()> = BaseRecord::to(self.topic);
        record.key = key;
        record.payload = value;
        record.headers = headers;
        record.partition = self.partition.or(partition);
        record.timestamp = timestamp;
        let size = value.map_or(0, <[u8]>::len) + key.map_or(0, <[u8]>::len);
        let producer = self.producer;
        let mut record = Some(record);
        self.sent += 1;
        self.offer(size, || {
            let Some(r) = record.take() else {
                return Err(RDKafkaErrorCode::Fail);
            };
            producer.send(r).map_err(|(e, back)| {
                record = Some(back);
                e.rdkafka_error_code().unwrap_or(RDKafkaErrorCode::Fail)
            })
        })
    }

    /// Hands one record of `size` bytes to librdkafka through `attempt`,
    /// waiting out a full queue up to max.block.ms (the clock is read only
    /// once it is full), and counts a refusal as a failed record.
    fn offer(
        &self,
        size: usize,
        mut attempt: impl FnMut() -> Result<(), RDKafkaErrorCode>,
    ) -> Result<(), KtError> {
        let mut blocked: Option<Instant> = None;
        loop {
            match attempt() {
                Ok(()) => break,
                Err(RDKafkaErrorCode::QueueFull) => {
                    let since = *blocked.get_or_insert_with(Instant::now);
                    if since.elapsed() > self.max_block {
                        self.producer.context().fail_local(&format!(
                            "the producer buffer stayed full for {} ms (max.block.ms)",
                            self.max_block.as_millis()
                        ));
                        return Ok(());
                    }
                    // Deliveries free the queue; serving them is the wait.
                    kt_core::serve(self.producer, &self.waker, Duration::from_millis(10));
                }
                Err(code) => {
                    let reason = match code {
                        RDKafkaErrorCode::MessageSizeTooLarge => format!(
                            "record of {size} bytes is larger than the producer allows (max.request.size / message.max.bytes)"
                        ),
                        other => KafkaError::MessageProduction(other).to_string(),
                    };
                    self.producer.context().fail_local(&reason);
                    break;
                }
            }
        }
        self.after_send()
    }

    /// Serves deliveries now and then, and waits for each under `--sync`.
    fn after_send(&self) -> Result<(), KtError> {
        if self.sync || self.sent % POLL_EVERY == 0 {
            self.producer.poll(Duration::ZERO);
        }
        if self.sync {
            kt_core::deliver_all(
                self.producer,
                Instant::now() + Duration::from_secs(300),
                || false,
            );
            if let Some(error) = self.producer.context().first_failure() {
                return Err(KtError::broker(error));
            }
        }
        Ok(())
    }
}

fn read_input(
    args: &ProduceArgs,
    reader: &LineReader,
    sender: &mut Sender<'_>,
    signals: &Signals,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let mut stdin = std::io::stdin().lock();
    let mut buf = vec![0u8; 256 * 1024];
    let mut filled = 0;
    let mut splitter = LineSplitter::default();
    let mut number = 0u64;
    loop {
        if interactive && filled == 0 {
            let _ = write!(out, ">");
            let _ = out.flush();
        }
        if sender.sent > sender.flushed_at && !stdio::stdin_ready(Duration::ZERO) {
            // Quiet stdin with records lingering: a typed line goes out
            // now; linger.ms is for a stream of input.
            kt_core::ffi::flush(sender.producer.client(), IDLE_FLUSH.as_millis() as i32);
            sender.flushed_at = sender.sent;
        }
        // Wait for input in short slices so a signal or pending deliveries
        // are served while stdin is quiet.
        while !stdio::stdin_ready(Duration::from_millis(100)) {
            sender.producer.poll(Duration::ZERO);
            if signals.received().is_some() {
                return Ok(());
            }
        }
        if signals.received().is_some() {
            return Ok(());
        }
        if filled == buf.len() {
            // A line longer than the buffer: grow it.
            buf.resize(buf.len() * 2, 0);
        }
        let n = match stdin.read(&mut buf[filled..]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(KtError::broker(format!("reading standard input: {e}")).into()),
        };
        filled += n;
        let eof = n == 0;
        let used = splitter.split(&buf[..filled], eof, |line| {
            number += 1;
            send_line(args, reader, sender, line, number)
        })?;
        buf.copy_within(used..filled, 0);
        filled -= used;
        if eof {
            return Ok(());
        }
    }
}

/// A line the reader could not parse; Kafka reports it as a KafkaException.
#[derive(Debug)]
pub struct ReaderError(pub KtError);

impl std::fmt::Display for ReaderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for ReaderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

fn send_line(
    args: &ProduceArgs,
    reader: &LineReader,
    sender: &mut Sender<'_>,
    line: &[u8],
    number: u64,
) -> anyhow::Result<()> {
    match args.input {
        InputFormat::Text => {
            let record = reader.parse(line, number).map_err(ReaderError)?;
            let headers = (!record.headers.is_empty()).then(|| {
                record
                    .headers
                    .iter()
                    .fold(OwnedHeaders::new(), |h, (k, v)| {
                        h.insert(Header { key: k, value: *v })
                    })
            });
            Ok(sender.send(record.key, record.value, headers, None, None)?)
        }
        InputFormat::Json => {
            let bad = |why: String| {
                KtError::config(format!("line {number} is not a kt JSON record: {why}"))
            };
            let env: Envelope = serde_json::from_slice(line).map_err(|e| bad(e.to_string()))?;
            if env.timestamp == Some(0) {
                // librdkafka stamps a record of timestamp 0 with the time of
                // sending: kt refuses it rather than change the record.
                return Err(KtError::config(format!(
                    "line {number}: a timestamp of 0 cannot be sent (librdkafka reads 0 as \"now\"); \
                     leave \"timestamp\" out to send the current time, or give another value"
                ))
                .into());
            }
            let key = json_to_bytes(&env.key).map_err(|e| bad(format!("key: {e}")))?;
            let value = json_to_bytes(&env.value).map_err(|e| bad(format!("value: {e}")))?;
            let mut values = Vec::with_capacity(env.headers.len());
            for h in &env.headers {
                values.push(
                    json_to_bytes(&h.value).map_err(|e| bad(format!("header {}: {e}", h.key)))?,
                );
            }
            let headers = (!env.headers.is_empty()).then(|| {
                env.headers
                    .iter()
                    .zip(&values)
                    .fold(OwnedHeaders::new(), |acc, (h, v)| {
                        acc.insert(Header {
                            key: &h.key,
                            value: v.as_deref(),
                        })
                    })
            });
            Ok(sender.send(
                key.as_deref(),
                value.as_deref(),
                headers,
                env.partition,
                env.timestamp,
            )?)
        }
    }
}

/// Delivery bookkeeping: every record ends delivered or counted as failed.
pub struct ProduceContext {
    kt: KtContext,
    topic: String,
    delivered: AtomicU64,
    failures: Mutex<BTreeMap<String, u64>>,
    /// Kafka's per-record ERROR lines, for the Kafka name (the first few).
    samples: Mutex<Vec<String>>,
}

const SAMPLE_LINES: usize = 10;

impl ProduceContext {
    fn new(kt: KtContext, topic: String) -> Self {
        ProduceContext {
            kt,
            topic,
            delivered: AtomicU64::new(0),
            failures: Mutex::new(BTreeMap::new()),
            samples: Mutex::new(Vec::new()),
        }
    }

    fn delivered(&self) -> u64 {
        self.delivered.load(Ordering::Relaxed)
    }

    fn fail(&self, reason: String, sample: String) {
        if let Ok(mut f) = self.failures.lock() {
            *f.entry(reason).or_default() += 1;
        }
        if let Ok(mut s) = self.samples.lock() {
            if s.len() < SAMPLE_LINES {
                s.push(sample);
            }
        }
    }

    fn fail_local(&self, reason: &str) {
        self.fail(
            reason.to_string(),
            format!(
                "ERROR Error when sending message to topic {} with error: {reason}",
                self.topic
            ),
        );
    }

    fn first_failure(&self) -> Option<String> {
        self.failures.lock().ok()?.keys().next().cloned()
    }

    /// One line per distinct error, or None when everything was delivered.
    /// Records without a delivery report count as still in flight (not
    /// librdkafka's out-queue length, which also counts requests and events).
    fn report(&self, sent: u64, mode: Mode, err: &Diagnostics) -> Option<String> {
        let failures = self.failures.lock().map(|f| f.clone()).unwrap_or_default();
        let reported = self.delivered() + failures.values().sum::<u64>();
        let undelivered = sent.saturating_sub(reported);
        let failed: u64 = failures.values().sum::<u64>() + undelivered;
        if failed == 0 {
            return None;
        }
        if mode == Mode::Compat {
            for line in self.samples.lock().map(|s| s.clone()).unwrap_or_default() {
                err.line(line);
            }
        }
        let mut lines: Vec<String> = failures
            .iter()
            .map(|(why, n)| format!("{n} × {why}"))
            .collect();
        if undelivered > 0 {
            lines.push(format!("{undelivered} × still in flight when kt stopped"));
        }
        Some(format!(
            "{failed} of {sent} records were not delivered: {}",
            lines.join("; ")
        ))
    }
}

kt_core::client_context!(ProduceContext, kt);

impl ProducerContext for ProduceContext {
    type DeliveryOpaque = ();

    fn delivery(&self, result: &DeliveryResult<'_>, _: ()) {
        match result {
            Ok(_) => {
                self.delivered.fetch_add(1, Ordering::Relaxed);
            }
            Err((e, msg)) => {
                let size = |b: Option<&[u8]>| {
                    b.map_or_else(|| "null".to_string(), |b| format!("{} bytes", b.len()))
                };
                let reason = e.to_string();
                let sample = format!(
                    "ERROR Error when sending message to topic {} with key: {}, value: {} with error: {reason}",
                    self.topic,
                    size(msg.key()),
                    size(msg.payload())
                );
                self.fail(reason, sample);
            }
        }
    }
}
