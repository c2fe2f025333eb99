//! `kt perf consumer` / kafka-consumer-perf-test.

use std::io::Write;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use kt_core::connection::{random_group_id, ClientSpec, Connection, Request};
use kt_core::output::Diagnostics;
use kt_core::{Cluster, Endpoint, KtContext, KtError};
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext, Rebalance};

use super::consumer_args::{ConsumerPerfArgs, ConsumerPlan};
use super::format::{java_date, java_fixed};
use super::producer_args::PerfOutput;
use super::progress::Progress;
use super::report::{ConsumerReport, ConsumerSettings};
use crate::dispatch::Mode;
use crate::endpoint::Kafka;
use crate::signals::{Signal, Signals};
use crate::time::now_ms;

const HEADER: &str = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";
const DETAILED_HEADER: &str = "time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";
const MB: f64 = 1024.0 * 1024.0;

pub fn run(
    args: ConsumerPerfArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    // Kafka's parser requires --bootstrap-server itself (jopt's text), before
    // the tool checks the other arguments.
    if args.connection.endpoint()?.is_none() {
        return Err(crate::endpoint::missing(mode, Kafka::Option).into());
    }
    let plan = args.check()?;
    let text = args.output == PerfOutput::Text;
    if (args.threads.is_some() || args.num_fetch_threads.is_some()) && text {
        writeln!(out, "WARNING: option [threads] and [num-fetch-threads] have been deprecated and will be ignored by the test")?;
    }
    let header = if args.show_detailed_stats {
        DETAILED_HEADER
    } else {
        HEADER
    };
    // Kafka's tool prints its header before it reads the consumer's
    // properties; kt's own name checks everything first.
    let header_now = !args.hide_header && text && mode == Mode::Compat;
    if header_now {
        writeln!(out, "{header}")?;
    }
    let request = Request {
        file: args.consumer_config.as_deref(),
        endpoint: crate::endpoint::rule(mode, Kafka::Option, false),
        ..Default::default()
    };
    let conn = Connection::resolve(&args.connection, request)?;
    if matches!(conn.endpoint()?, Endpoint::Mock(_)) {
        // Its partitions keep about 5 MB and answer each fetch with a single
        // message set, so a consumer benchmark on it measures the mock.
        return Err(KtError::usage(
            "kt perf consumer needs a real broker: librdkafka's mock cluster keeps only ~5 MB per partition; pass --bootstrap-server",
        )
        .into());
    }
    let cluster = conn.open(err)?;
    let consumer = create_consumer(&args, &cluster)?;
    let signals = Signals::install()?;
    if mode == Mode::Native {
        check_topics(&cluster, &consumer, &plan.subscription)?;
    }
    if !args.hide_header && text && !header_now {
        writeln!(out, "{header}")?;
    }
    let start_ms = now_ms();
    consumer.context().joining(Instant::now());
    consumer
        .subscribe(&[plan.subscription.as_str()])
        .map_err(|e| KtError::usage(format!("cannot subscribe to {}: {e}", plan.subscription)))?;
    let totals = consume(&consumer, &plan, &args, &signals, text, out)?;
    let end_ms = now_ms();
    if totals.messages < plan.messages && totals.stopped.is_none() && text {
        writeln!(
            out,
            "WARNING: Exiting before consuming the expected number of messages: timeout ({} ms) exceeded. You can use the --timeout option to increase the timeout.",
            plan.timeout_ms
        )?;
    }
    let join_ms = consumer.context().join_ms();
    let report = summarize(&plan, &totals, start_ms, end_ms, join_ms);
    match args.output {
        PerfOutput::Text if !args.show_detailed_stats => {
            writeln!(out, "{}", kafka_line(&report, &plan.date_format))?
        }
        PerfOutput::Text => {}
        PerfOutput::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
    }
    if args.print_metrics && text {
        writeln!(out, "\n{:<40}   Value", "Metric Name")?;
        for (name, value) in consumer.context().metrics() {
            writeln!(out, "{name:<40} : {value}")?;
        }
    }
    kt_core::close_consumer(consumer, cluster.timeout);
    if let Some(signal) = totals.stopped {
        return Err(KtError::new(signal.kind(), format!("stopped by {}", signal.name())).into());
    }
    Ok(())
}

/// Fails at once, with a hint, when nothing exists to consume: Kafka's
/// tool waits out its timeout and reports a timed-out run instead.
fn check_topics(
    cluster: &Cluster,
    consumer: &BaseConsumer<PerfConsumerContext>,
    subscription: &str,
) -> Result<(), KtError> {
    let pattern = subscription.strip_prefix('^').map(regex::Regex::new);
    let asked = if pattern.is_some() {
        None
    } else {
        Some(subscription)
    };
    let found = |md: &rdkafka::metadata::Metadata| {
        md.topics().iter().any(|t| {
            t.error().is_none()
                && !t.partitions().is_empty()
                && match &pattern {
                    Some(Ok(re)) => re.is_match(t.name()),
                    Some(Err(_)) => false,
                    None => t.name() == subscription,
                }
        })
    };
    let md = cluster.metadata_until(
        consumer.client(),
        asked,
        &|| {
            let _ = consumer.poll(Duration::ZERO);
        },
        found,
    )?;
    if found(&md) {
        return Ok(());
    }
    let what = match pattern {
        Some(_) => format!("no topic matches '{subscription}'"),
        None => format!("topic {subscription} does not exist"),
    };
    Err(KtError::not_found(format!(
        "{what}; list the topics with: {}",
        cluster.command("topics", "--list")
    )))
}

struct Totals {
    messages: u64,
    bytes: u64,
    stopped: Option<Signal>,
}

/// ConsumerPerformance.consume: poll until the count is reached or no record
/// came for longer than the timeout.
fn consume(
    consumer: &BaseConsumer<PerfConsumerContext>,
    plan: &ConsumerPlan,
    args: &ConsumerPerfArgs,
    signals: &Signals,
    text: bool,
    out: &mut dyn Write,
) -> anyhow::Result<Totals> {
    let progress = Progress::new(plan.messages, "records consumed");
    let totals = consume_loop(consumer, plan, args, signals, text, &progress, out);
    progress.finish();
    totals
}

fn consume_loop(
    consumer: &BaseConsumer<PerfConsumerContext>,
    plan: &ConsumerPlan,
    args: &ConsumerPerfArgs,
    signals: &Signals,
    text: bool,
    progress: &Progress,
    out: &mut dyn Write,
) -> anyhow::Result<Totals> {
    let (mut messages, mut bytes) = (0u64, 0u64);
    let (mut last_messages, mut last_bytes) = (0u64, 0u64);
    let mut last_report = now_ms();
    let mut last_consumed = last_report;
    let timeout = plan.timeout_ms as i64;
    loop {
        if messages >= plan.messages {
            break;
        }
        if let Some(signal) = signals.received() {
            return Ok(Totals {
                messages,
                bytes,
                stopped: Some(signal),
            });
        }
        let polled = consumer.poll(Duration::from_millis(100));
        let now = now_ms();
        match polled {
            Some(Ok(msg)) => {
                last_consumed = now;
                messages += 1;
                bytes += (msg.key_len() + msg.payload_len()) as u64;
                if messages % 1024 == 0 {
                    progress.update(messages, messages);
                }
                if now - last_report >= plan.reporting_interval_ms as i64 {
                    if args.show_detailed_stats && text {
                        let join = consumer.context().take_round_join_ms();
                        let line = detailed_line(
                            bytes,
                            last_bytes,
                            messages,
                            last_messages,
                            last_report,
                            now,
                            join,
                            &plan.date_format,
                        );
                        progress.print(out, &[line])?;
                    }
                    last_report = now;
                    last_messages = messages;
                    last_bytes = bytes;
                }
            }
            _ => {
                progress.update(messages, messages);
                if now - last_consumed > timeout {
                    break;
                }
            }
        }
    }
    Ok(Totals {
        messages,
        bytes,
        stopped: None,
    })
}

#[allow(clippy::too_many_arguments)]
fn detailed_line(
    bytes: u64,
    last_bytes: u64,
    messages: u64,
    last_messages: u64,
    start: i64,
    end: i64,
    join_ms: u64,
    date: &str,
) -> String {
    let elapsed = (end - start) as f64;
    let interval_mb = (bytes - last_bytes) as f64 / MB;
    let interval_msgs = (messages - last_messages) as f64;
    let fetch_ms = end - start - join_ms as i64;
    let (fetch_mb_s, fetch_msg_s) = if fetch_ms <= 0 {
        (0.0, 0.0)
    } else {
        (
            interval_mb / fetch_ms as f64 * 1000.0,
            interval_msgs / fetch_ms as f64 * 1000.0,
        )
    };
    format!(
        "{}, 0, {}, {}, {}, {}, {}, {}, {}, {}",
        java_date(end, date),
        java_fixed(bytes as f64 / MB, 4),
        java_fixed(1000.0 * interval_mb / elapsed, 4),
        messages,
        java_fixed(interval_msgs / elapsed * 1000.0, 4),
        join_ms,
        fetch_ms,
        java_fixed(fetch_mb_s, 4),
        java_fixed(fetch_msg_s, 4)
    )
}

/// The run's numbers, as `--output json` shows them and Kafka's line is
/// computed from.
fn summarize<'a>(
    plan: &'a ConsumerPlan,
    totals: &Totals,
    start_ms: i64,
    end_ms: i64,
    join_ms: u64,
) -> ConsumerReport<'a> {
    let elapsed_s = (end_ms - start_ms) as f64 / 1000.0;
    let mb = totals.bytes as f64 / MB;
    ConsumerReport {
        tool: "consumer",
        subscription: &plan.subscription,
        settings: ConsumerSettings {
            messages: plan.messages,
            timeout_ms: plan.timeout_ms,
        },
        start_ms,
        end_ms,
        records: totals.messages,
        bytes: totals.bytes,
        mb,
        mb_per_sec: mb / elapsed_s,
        records_per_sec: totals.messages as f64 / elapsed_s,
        rebalance_ms: join_ms,
        fetch_ms: (end_ms - start_ms) - join_ms as i64,
        timed_out: totals.messages < plan.messages && totals.stopped.is_none(),
    }
}

/// ConsumerPerformance's summary line (the header's columns).
fn kafka_line(r: &ConsumerReport<'_>, date_format: &str) -> String {
    let fetch_s = r.fetch_ms as f64 / 1000.0;
    format!(
        "{}, {}, {}, {}, {}, {}, {}, {}, {}, {}",
        java_date(r.start_ms, date_format),
        java_date(r.end_ms, date_format),
        java_fixed(r.mb, 4),
        java_fixed(r.mb_per_sec, 4),
        r.records,
        java_fixed(r.records_per_sec, 4),
        r.rebalance_ms,
        r.fetch_ms,
        java_fixed(r.mb / fetch_s, 4),
        java_fixed(r.records as f64 / fetch_s, 4)
    )
}

fn create_consumer(
    args: &ConsumerPerfArgs,
    cluster: &Cluster,
) -> anyhow::Result<BaseConsumer<PerfConsumerContext>> {
    let group = args
        .group
        .clone()
        .unwrap_or_else(|| random_group_id("perf-consumer"));
    let reset = if args.from_latest {
        "latest"
    } else {
        "earliest"
    };
    // Forced, as Kafka forces them.
    let mut spec = ClientSpec::new("perf-consumer-client")
        .force("group.id", group)
        .force("auto.offset.reset", reset)
        .force("check.crcs", "false")
        .force(
            "max.partition.fetch.bytes",
            args.fetch_size.unwrap_or(1_048_576).to_string(),
        )
        .force(
            "socket.receive.buffer.bytes",
            args.socket_buffer_size.unwrap_or(2_097_152).to_string(),
        )
        .default("isolation.level", "read_uncommitted");
    if args.print_metrics {
        spec = spec.force("statistics.interval.ms", "1000");
    }
    cluster.consumer(&spec, PerfConsumerContext::new(cluster.context()))
}

/// Times group joins as Kafka's rebalance listener does.
struct JoinClock {
    since: Option<Instant>,
    total_ms: u64,
    round_ms: u64,
}

pub struct PerfConsumerContext {
    kt: KtContext,
    join: Mutex<JoinClock>,
}

impl PerfConsumerContext {
    fn new(kt: KtContext) -> Self {
        PerfConsumerContext {
            kt,
            join: Mutex::new(JoinClock {
                since: None,
                total_ms: 0,
                round_ms: 0,
            }),
        }
    }

    fn joining(&self, at: Instant) {
        if let Ok(mut j) = self.join.lock() {
            j.since = Some(at);
        }
    }

    fn join_ms(&self) -> u64 {
        self.join.lock().map_or(0, |j| j.total_ms)
    }

    fn take_round_join_ms(&self) -> u64 {
        self.join
            .lock()
            .map_or(0, |mut j| std::mem::take(&mut j.round_ms))
    }

    fn metrics(&self) -> Vec<(String, String)> {
        let json: serde_json::Value =
            serde_json::from_str(&self.kt.statistics()).unwrap_or_default();
        let mut rows: Vec<(String, String)> = [
            "rx",
            "rx_bytes",
            "rxmsgs",
            "rxmsg_bytes",
            "tx",
            "tx_bytes",
            "replyq",
        ]
        .iter()
        .filter_map(|k| {
            json.get(*k)
                .map(|v| (format!("librdkafka:{k}"), v.to_string()))
        })
        .collect();
        rows.sort();
        rows
    }
}

kt_core::client_context!(PerfConsumerContext, kt);

impl ConsumerContext for PerfConsumerContext {
    fn post_rebalance(&self, _: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let Ok(mut j) = self.join.lock() else { return };
        match rebalance {
            Rebalance::Assign(_) => {
                if let Some(since) = j.since.take() {
                    let ms = since.elapsed().as_millis() as u64;
                    j.total_ms += ms;
                    j.round_ms += ms;
                }
            }
            Rebalance::Revoke(_) => j.since = Some(Instant::now()),
            Rebalance::Error(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kafkas_summary_line_from_the_report() {
        let plan = ConsumerPlan {
            subscription: "t".into(),
            messages: 1000,
            timeout_ms: 10_000,
            reporting_interval_ms: 5000,
            date_format: "yyyy".into(),
        };
        let totals = Totals {
            messages: 1000,
            bytes: 2 * 1024 * 1024,
            stopped: None,
        };
        // 2 s in all, 500 ms of it joining the group.
        let start = 1_700_000_000_000;
        let report = summarize(&plan, &totals, start, start + 2000, 500);
        assert_eq!(report.fetch_ms, 1500);
        assert!(!report.timed_out);
        assert_eq!(
            kafka_line(&report, "yyyy"),
            "2023, 2023, 2.0000, 1.0000, 1000, 500.0000, 500, 1500, 1.3333, 666.6667"
        );
        let short = Totals {
            messages: 10,
            ..totals
        };
        assert!(summarize(&plan, &short, start, start + 2000, 0).timed_out);
    }
}
