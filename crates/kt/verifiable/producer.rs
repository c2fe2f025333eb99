//! `kt verifiable-producer` / kafka-verifiable-producer (VerifiableProducer):
//! increasing integers produced to a topic, with one JSON line on stdout per
//! event, the lines Kafka's system tests read: `startup_complete`, one
//! `producer_send_success` (key, value, offset, topic, partition) or
//! `producer_send_error` per record as it is acknowledged, then
//! `shutdown_complete` and `tool_data` (sent, acked, the target and the
//! average throughput) at the end or on Ctrl-C/SIGTERM.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Args;
use kt_core::connection::ClientSpec;
use kt_core::{ConnectionArgs, Diagnostics, KtContext, KtError};
use rdkafka::producer::{BaseRecord, DeliveryResult, Producer, ProducerContext};
use rdkafka::Message;

use crate::argparse::{opt, Kind, Level, Parsed, Spec};
use crate::dispatch::Mode;
use crate::signals::Signals;

use super::{event, json, now_ms, Pending};

#[derive(Args, Debug, Clone, Default)]
pub struct VerifiableProducerArgs {
    /// Produce messages to this topic.
    #[arg(long, short = 't')]
    pub topic: Option<String>,
    /// Produce this many messages; -1 until stopped.
    #[arg(long, default_value_t = -1, allow_negative_numbers = true)]
    pub max_messages: i32,
    /// Throttle to about this many messages a second; -1 for no limit.
    #[arg(long, default_value_t = -1, allow_negative_numbers = true)]
    pub throughput: i32,
    /// Acks required on each produced message: 0, 1 or -1.
    #[arg(long, default_value_t = -1, allow_negative_numbers = true)]
    pub acks: i32,
    /// Producer config properties file.
    #[arg(long = "producer.config", value_name = "CONFIG_FILE")]
    pub producer_config: Option<PathBuf>,
    /// Send messages with creation times from this one, in milliseconds since the epoch.
    #[arg(long, default_value_t = -1, allow_negative_numbers = true)]
    pub message_create_time: i64,
    /// Give each value this prefix and a dot.
    #[arg(long)]
    pub value_prefix: Option<i32>,
    /// Give records the keys 0, 1, ... up to this number (exclusive), again and again.
    #[arg(long)]
    pub repeating_keys: Option<i32>,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

/// kafka-verifiable-producer's command line, as its argparse4j parser reads it.
pub const KAFKA_SPEC: Spec = Spec {
    top: Level {
        help: include_str!("../help/kafka-verifiable-producer.txt"),
        options: &[
            opt("--topic", Kind::Value).required(),
            opt("--bootstrap-server", Kind::Value),
            opt("--broker-list", Kind::Value),
            opt("--max-messages", Kind::Int),
            opt("--throughput", Kind::Int),
            opt("--acks", Kind::IntIn(&[0, 1, -1])),
            opt("--producer.config", Kind::Value),
            opt("--message-create-time", Kind::Long),
            opt("--value-prefix", Kind::Int),
            opt("--repeating-keys", Kind::Int),
        ],
        one_of: &["--bootstrap-server", "--broker-list"],
    },
    commands: &[],
};

impl VerifiableProducerArgs {
    /// The arguments of a parsed Kafka command line.
    pub fn from_kafka(p: &Parsed) -> VerifiableProducerArgs {
        let connection = super::kafka_connection(p, "--producer.config");
        VerifiableProducerArgs {
            topic: p.value("--topic").map(str::to_string),
            max_messages: p.number("--max-messages").unwrap_or(-1),
            throughput: p.number("--throughput").unwrap_or(-1),
            acks: p.number("--acks").unwrap_or(-1),
            message_create_time: p.number("--message-create-time").unwrap_or(-1),
            value_prefix: p.number("--value-prefix"),
            repeating_keys: p.number("--repeating-keys"),
            connection,
            ..Default::default()
        }
    }
}

/// The class Java's producer would report for a librdkafka error.
fn java_class(e: &rdkafka::error::KafkaError) -> &'static str {
    use rdkafka::types::RDKafkaErrorCode as C;
    match e.rdkafka_error_code() {
        Some(C::MessageTimedOut | C::RequestTimedOut) => {
            "class org.apache.kafka.common.errors.TimeoutException"
        }
        Some(C::UnknownTopicOrPartition | C::UnknownTopic) => {
            "class org.apache.kafka.common.errors.UnknownTopicOrPartitionException"
        }
        Some(C::MessageSizeTooLarge) => {
            "class org.apache.kafka.common.errors.RecordTooLargeException"
        }
        Some(C::TopicAuthorizationFailed) => {
            "class org.apache.kafka.common.errors.TopicAuthorizationException"
        }
        Some(C::NotEnoughReplicas) => {
            "class org.apache.kafka.common.errors.NotEnoughReplicasException"
        }
        _ => "class org.apache.kafka.common.KafkaException",
    }
}

/// A `producer_send_error` event: the record, the Java exception class and
/// librdkafka's message.
fn send_error(
    topic: &str,
    key: Option<&str>,
    value: &str,
    e: &rdkafka::error::KafkaError,
) -> String {
    event(
        "producer_send_error",
        &format!(
            "\"topic\":{},\"key\":{},\"value\":{},\"exception\":{},\"message\":{}",
            json(Some(topic)),
            json(key),
            json(Some(value)),
            json(Some(java_class(e))),
            json(Some(&e.to_string()))
        ),
    )
}

struct Events {
    kt: KtContext,
    topic: String,
    lines: Pending,
    acked: std::sync::atomic::AtomicU64,
}

kt_core::client_context!(Events, kt);

impl ProducerContext for Events {
    type DeliveryOpaque = Box<(Option<String>, String)>;

    fn delivery(&self, result: &DeliveryResult<'_>, sent: Self::DeliveryOpaque) {
        let (key, value) = *sent;
        let line = match result {
            Ok(m) => {
                self.acked
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                event(
                    "producer_send_success",
                    &format!(
                        "\"key\":{},\"value\":{},\"offset\":{},\"topic\":{},\"partition\":{}",
                        json(key.as_deref()),
                        json(Some(&value)),
                        m.offset(),
                        json(Some(m.topic())),
                        m.partition()
                    ),
                )
            }
            Err((e, _)) => send_error(&self.topic, key.as_deref(), &value, e),
        };
        self.lines.push(line);
    }
}

pub fn run(
    mut args: VerifiableProducerArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let topic = args
        .topic
        .clone()
        .ok_or_else(|| KtError::usage("give --topic TOPIC"))?;
    let cluster = super::open(
        args.connection.clone(),
        args.producer_config.take(),
        mode,
        err,
    )?;
    let spec = ClientSpec::new("producer-1")
        .force("acks", args.acks.to_string())
        // Kafka's tool sends each record once: no retries.
        .force("retries", "0")
        // Java's partitioner: murmur2 of the key.
        .default("partitioner", "murmur2_random")
        .default("linger.ms", "5")
        .default("message.timeout.ms", "120000");
    let context = Events {
        kt: cluster.context(),
        topic: topic.clone(),
        lines: Pending::default(),
        acked: std::sync::atomic::AtomicU64::new(0),
    };
    let producer = cluster.producer(&spec, context)?;
    let signals = Signals::install()?;
    let start = Instant::now();
    let start_ms = now_ms();
    writeln!(out, "{}", event("startup_complete", ""))?;
    out.flush()?;
    let max = if args.max_messages < 0 {
        u64::MAX
    } else {
        u64::from(args.max_messages.unsigned_abs())
    };
    let mut create_time = (args.message_create_time != -1).then_some(args.message_create_time);
    let mut key_counter = 0i32;
    let mut sent = 0u64;
    // Kafka's ThroughputThrottler.
    let interval_ns = (args.throughput > 0).then(|| 1e9 / f64::from(args.throughput));
    let mut deficit_ns = 0f64;
    let mut i = 0u64;
    while i < max {
        if signals.received().is_some() {
            break;
        }
        let send_start = Instant::now();
        let key = args.repeating_keys.map(|n| {
            let k = key_counter.to_string();
            key_counter += 1;
            if key_counter == n {
                key_counter = 0;
            }
            k
        });
        let value = match args.value_prefix {
            Some(p) => format!("{p}.{i}"),
            None => i.to_string(),
        };
        let opaque = Box::new((key.clone(), value.clone()));
        let mut record = BaseRecord::with_opaque_to(&topic, opaque).payload(value.as_bytes());
        if let Some(k) = &key {
            record = record.key(k.as_bytes());
        }
        if let Some(t) = create_time {
            record = record.timestamp(t);
            create_time = Some(t + now_ms() - start_ms);
        }
        sent += 1;
        let mut record = record;
        loop {
            match producer.send(record) {
                Ok(()) => break,
                Err((e, back))
                    if e.rdkafka_error_code()
                        == Some(rdkafka::types::RDKafkaErrorCode::QueueFull) =>
                {
                    producer.poll(Duration::from_millis(10));
                    record = back;
                }
                Err((e, back)) => {
                    let (k, v) = *back.delivery_opaque;
                    writeln!(out, "{}", send_error(&topic, k.as_deref(), &v, &e))?;
                    break;
                }
            }
        }
        producer.poll(Duration::ZERO);
        producer.context().lines.write(out)?;
        if args.throughput == 0 {
            // A target of zero: nothing more until stopped.
            while signals.received().is_none() {
                producer.poll(Duration::from_millis(100));
                producer.context().lines.write(out)?;
            }
            break;
        }
        if let Some(ns) = interval_ns {
            let elapsed_s = send_start.duration_since(start).as_secs_f64();
            if elapsed_s > 0.0 && (i as f64 / elapsed_s) > f64::from(args.throughput) {
                deficit_ns += ns;
                if deficit_ns >= 2_000_000.0 {
                    let until = Instant::now() + Duration::from_nanos(deficit_ns as u64);
                    while let Some(left) = until.checked_duration_since(Instant::now()) {
                        producer.poll(left.min(Duration::from_millis(50)));
                        producer.context().lines.write(out)?;
                    }
                    deficit_ns = 0.0;
                }
            }
        }
        i += 1;
    }
    kt_core::deliver_all(&producer, Instant::now() + Duration::from_secs(130), || {
        false
    });
    producer.context().lines.write(out)?;
    writeln!(out, "{}", event("shutdown_complete", ""))?;
    let acked = producer
        .context()
        .acked
        .load(std::sync::atomic::Ordering::Relaxed);
    let elapsed_ms = (now_ms() - start_ms).max(1);
    let average = 1000.0 * (acked as f64 / elapsed_ms as f64);
    let summary = format!(
        "\"sent\":{sent},\"acked\":{acked},\"target_throughput\":{},\"avg_throughput\":{}",
        args.throughput,
        crate::compat::java_double(average)
    );
    writeln!(out, "{}", event("tool_data", &summary))?;
    out.flush()?;
    kt_core::leave_running(producer);
    kt_core::leave_running(cluster);
    Ok(())
}
