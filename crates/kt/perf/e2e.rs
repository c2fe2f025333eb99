//! `kt perf e2e` / kafka-e2e-latency (EndToEndLatency): produce one record at
//! a time, read it back, and report the round trip.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Args;
use kt_core::connection::{ClientSpec, Connection, EndpointRule, Request};
use kt_core::output::Diagnostics;
use kt_core::props::{Property, Source};
use kt_core::{Cluster, KtContext, KtError};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use rdkafka::{Message, Offset, TopicPartitionList};

use super::payload::XorShift;
use super::producer_args::PerfOutput;
use super::progress::Progress;
use super::report::{E2eReport, E2eSettings};
use super::stats::{histogram, Percentiles};
use crate::dispatch::Mode;
use crate::signals::Signals;

/// How long a record may take to come back.
const POLL_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Args, Debug, Clone, Default)]
pub struct E2eArgs {
    /// Kafka's form: broker_list topic num_messages producer_acks message_size_bytes [properties_file]
    #[arg(value_name = "ARG", num_args = 0..=6)]
    pub positional: Vec<String>,
    /// The topic to send through (created with one partition if missing)
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,
    /// Number of round trips
    #[arg(long, value_name = "N")]
    pub num_records: Option<u64>,
    /// Producer acks: 1 or all (-1)
    #[arg(long, value_name = "ACKS", allow_hyphen_values = true)]
    pub acks: Option<String>,
    /// Record size in bytes
    #[arg(long, value_name = "BYTES")]
    pub record_size: Option<usize>,
    /// Output format
    #[arg(long, short = 'o', value_enum, default_value_t)]
    pub output: PerfOutput,
    #[command(flatten)]
    pub connection: kt_core::ConnectionArgs,
}

const USAGE: &str = "USAGE: java org.apache.kafka.tools.EndToEndLatency broker_list topic num_messages producer_acks message_size_bytes [optional] properties_file";

struct Plan {
    /// Kafka's first positional argument.
    bootstrap: Option<String>,
    topic: String,
    count: u64,
    acks: String,
    size: usize,
    /// Kafka's sixth positional argument.
    file: Option<PathBuf>,
}

fn plan(args: &E2eArgs, mode: Mode) -> Result<Plan, KtError> {
    let p = &args.positional;
    let (bootstrap, topic, count, acks, size, file) = if mode == Mode::Compat || !p.is_empty() {
        if p.len() != 5 && p.len() != 6 {
            return Err(KtError::usage(USAGE));
        }
        let number = |v: &str, what: &str| {
            v.parse::<u64>().map_err(|_| {
                KtError::usage(format!("{what} must be a number, got '{v}'")).thrown(
                    "java.lang.NumberFormatException",
                    format!("For input string: \"{v}\""),
                )
            })
        };
        (
            Some(p[0].clone()),
            p[1].clone(),
            number(&p[2], "num_messages")?,
            p[3].clone(),
            number(&p[4], "message_size_bytes")? as usize,
            p.get(5).cloned(),
        )
    } else {
        let topic = args
            .topic
            .clone()
            .ok_or_else(|| KtError::usage("--topic is required"))?;
        (
            None,
            topic,
            args.num_records.unwrap_or(1000),
            args.acks.clone().unwrap_or_else(|| "1".into()),
            args.record_size.unwrap_or(100),
            None,
        )
    };
    if !matches!(acks.as_str(), "1" | "all" | "-1") {
        let why = "Latency testing requires synchronous acknowledgement. Please use 1 or all";
        return Err(KtError::usage(why).thrown("java.lang.IllegalArgumentException", why));
    }
    Ok(Plan {
        bootstrap,
        topic,
        count,
        acks,
        size,
        file: file.map(PathBuf::from),
    })
}

pub fn run(
    args: E2eArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let plan = plan(&args, mode)?;
    let request = Request {
        file: plan.file.as_deref(),
        flags: vec![Property {
            key: "acks".into(),
            value: plan.acks.clone(),
            source: Source::Flag("producer_acks"),
        }],
        endpoint: EndpointRule {
            positional: plan.bootstrap.clone(),
            ..Default::default()
        },
        ..Default::default()
    };
    let conn = Connection::resolve(&args.connection, request)?;
    conn.endpoint()?;
    let cluster = conn.open(err)?;
    ensure_topic(&cluster, &plan.topic)?;
    let producer_spec = ClientSpec::new("kt-e2e-producer")
        .force("linger.ms", "0")
        .force("acks", &plan.acks);
    let producer: BaseProducer<KtContext> = cluster.producer(&producer_spec, cluster.context())?;
    let consumer_spec = ClientSpec::new("kt-e2e-consumer")
        .force("group.id", format!("test-group-{}", std::process::id()))
        .force("enable.auto.commit", "false")
        .force("fetch.wait.max.ms", "0")
        .force("isolation.level", "read_uncommitted");
    let consumer: BaseConsumer<KtContext> = cluster.consumer(&consumer_spec, cluster.context())?;
    // Start every partition at its end, resolved now: Kafka's tool seeks to
    // the end and reads the position before it sends, so the first record
    // cannot slip in before the end is known.
    let md = cluster.metadata(consumer.client(), Some(&plan.topic), &|| {
        let _ = consumer.poll(Duration::ZERO);
    })?;
    let mut tpl = TopicPartitionList::new();
    for t in md.topics().iter().filter(|t| t.name() == plan.topic) {
        for p in t.partitions() {
            let (_, high) =
                kt_core::retry::watermarks(&consumer, &plan.topic, p.id(), cluster.timeout)?;
            tpl.add_partition_offset(&plan.topic, p.id(), Offset::Offset(high))?;
        }
    }
    consumer
        .assign(&tpl)
        .map_err(|e| KtError::broker(format!("assigning {}: {e}", plan.topic)))?;

    let text = args.output == PerfOutput::Text;
    let signals = Signals::install()?;
    let progress = Progress::new(plan.count, "round trips");
    let result = round_trips(&plan, &producer, &consumer, &signals, &progress, text, out);
    progress.finish();
    kt_core::close_consumer(consumer, cluster.timeout);
    let (mut latencies_ms, total_ns, hdr) = result?;
    latencies_ms.sort_unstable();
    let pick = |p: f64| {
        latencies_ms
            .get((latencies_ms.len() as f64 * p) as usize)
            .copied()
            .unwrap_or(0)
    };
    let avg_ms = total_ns as f64 / plan.count.max(1) as f64 / 1e6;
    let percentiles = Percentiles::of(&hdr);
    match args.output {
        PerfOutput::Text => {
            writeln!(
                out,
                "Avg latency: {} ms",
                super::format::java_fixed(avg_ms, 4)
            )?;
            writeln!(
                out,
                "Percentiles: 50th = {}, 99th = {}, 99.9th = {}",
                pick(0.5),
                pick(0.99),
                pick(0.999)
            )?;
            if mode == Mode::Native {
                writeln!(out, "{}", percentiles.line("latency, produce to consume"))?;
            }
        }
        PerfOutput::Json => {
            let report = E2eReport {
                tool: "e2e",
                topic: &plan.topic,
                settings: E2eSettings {
                    num_records: plan.count,
                    acks: &plan.acks,
                    record_size: plan.size,
                },
                records: plan.count,
                avg_ms,
                latency_us: percentiles,
            };
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Kafka's tool creates a missing topic; so does kt (one partition).
fn ensure_topic(cluster: &Cluster, topic: &str) -> anyhow::Result<()> {
    if let Some(mock) = cluster.mock() {
        let _ = mock.create_topic(topic, 1, 1);
        return Ok(());
    }
    let admin = cluster.admin("kt-e2e")?;
    let md = cluster.metadata(admin.inner(), None, &|| {
        kt_core::context::drain_events(admin.inner())
    })?;
    if md.topics().iter().any(|t| t.name() == topic) {
        return Ok(());
    }
    let new = rdkafka::admin::NewTopic::new(topic, 1, rdkafka::admin::TopicReplication::Fixed(-1));
    let opts = rdkafka::admin::AdminOptions::new().request_timeout(Some(cluster.timeout));
    let results = kt_core::block_on(admin.create_topics([&new], &opts))
        .map_err(|e| KtError::broker(format!("creating topic {topic}: {e}")))?;
    for r in results {
        if let Err((t, code)) = r {
            if code != rdkafka::error::RDKafkaErrorCode::TopicAlreadyExists {
                return Err(KtError::broker(format!("creating topic {t}: {code}")).into());
            }
        }
    }
    Ok(())
}

/// Kafka's loop: send one record, wait for its ack, read it back, time it.
fn round_trips(
    plan: &Plan,
    producer: &BaseProducer<KtContext>,
    consumer: &BaseConsumer<KtContext>,
    signals: &Signals,
    progress: &Progress,
    text: bool,
    out: &mut dyn Write,
) -> anyhow::Result<(Vec<u64>, u128, hdrhistogram::Histogram<u64>)> {
    let mut rng = XorShift::new(0x2545_f491_4f6c_dd1d);
    let mut payload = vec![0u8; plan.size];
    let mut hdr = histogram();
    let mut latencies_ms: Vec<u64> = Vec::with_capacity(plan.count as usize);
    let mut total_ns: u128 = 0;
    // One record at a time with linger 0: nothing to flush, so it is served
    // here, without deliver_all's flush thread (a thread per round trip:
    // 0.40 ms on average against 0.30 ms).
    let waker = kt_core::ffi::QueueWaker::new(producer.client());
    for i in 0..plan.count {
        // Each round trip is short: a signal stops the run between two.
        if let Some(signal) = signals.received() {
            return Err(KtError::new(
                signal.kind(),
                format!("stopped by {} after {i} round trips", signal.name()),
            )
            .into());
        }
        rng.letters(&mut payload);
        let begin = Instant::now();
        producer
            .send(BaseRecord::<[u8], [u8]>::to(&plan.topic).payload(&payload[..]))
            .map_err(|(e, _)| KtError::broker(format!("sending record {i}: {e}")))?;
        if !kt_core::serve_until_delivered(producer, &waker, begin + POLL_TIMEOUT, || false) {
            return Err(KtError::new(
                kt_core::ErrorKind::Timeout,
                format!("record {i} was not acknowledged within 10s"),
            )
            .into());
        }
        let received = loop {
            match consumer.poll(POLL_TIMEOUT.saturating_sub(begin.elapsed())) {
                Some(Ok(msg)) => break msg.payload().map(<[u8]>::to_vec).unwrap_or_default(),
                Some(Err(_)) if begin.elapsed() < POLL_TIMEOUT => continue,
                _ => {
                    return Err(KtError::new(
                        kt_core::ErrorKind::Timeout,
                        format!(
                            "poll() timed out before finding a result (timeout:{})",
                            POLL_TIMEOUT.as_millis()
                        ),
                    )
                    .into())
                }
            }
        };
        let elapsed = begin.elapsed();
        if received != payload {
            return Err(KtError::broker(format!(
                "The message read [{}] did not match the message sent [{}]",
                String::from_utf8_lossy(&received),
                String::from_utf8_lossy(&payload)
            ))
            .into());
        }
        if i % 1000 == 0 && text {
            let ms = elapsed.as_nanos() as f64 / 1e6;
            progress.print(out, &[format!("{i}\t{}", crate::compat::java_double(ms))])?;
        }
        progress.update(i + 1, i + 1);
        total_ns += elapsed.as_nanos();
        latencies_ms.push(elapsed.as_millis() as u64);
        let _ = hdr.record((elapsed.as_micros() as u64).max(1));
    }
    Ok((latencies_ms, total_ns, hdr))
}
