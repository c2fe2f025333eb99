//! `kt verify-replicas` / kafka-replica-verification
//! (ReplicaVerificationTool): checks that every replica of a set of topics
//! holds the same record batches, by fetching each partition from every
//! broker that holds it, as Kafka's debugging consumer (replica id -2, which
//! followers answer too), and comparing the batches one by one (last offset
//! and CRC) up to each replica's high watermark.
//!
//! Each round fetches from every broker at once (one request per broker,
//! each partition from where its verification stands), then verifies, as
//! Kafka's fetcher threads and their barrier do. Under the Kafka name the
//! tool runs until stopped, printing Kafka 3.9's lines: that it started,
//! each replica whose batch differs, and every `--report-interval-ms` the
//! partition whose verification lags its high watermark most. Under kt's
//! name it verifies what the partitions hold (from their start by default)
//! up to the high watermarks it first saw, then prints what it compared and
//! exits: 0 when every replica agrees, 5 when some differ, 4 when a replica
//! did not answer in time; `--watch` keeps going as Kafka's tool does.

use std::collections::HashMap;
use std::io::Write;
use std::time::{Duration, Instant};

use clap::Args;
use kt_core::protocol::{FetchAt, Fetched, Pool, Refused};
use kt_core::{ConnectionArgs, Diagnostics, ErrorKind, KtError, OutputArgs, OutputFormat};
use serde::Serialize;

use crate::dispatch::Mode;
use crate::java_order::{hash_map_order, string_hash, topic_partition_hash};
use crate::record_batch;
use crate::topic::IncludeList;

#[derive(Args, Debug, Clone, Default)]
pub struct ReplicaVerificationArgs {
    /// The topics to verify: a Java regex, matched against whole names (`,` means or) [default: every topic]
    #[arg(long, visible_alias = "topic", value_name = "Java regex (String)")]
    pub topics_include: Option<String>,
    /// Deprecated: --topics-include
    #[arg(long, value_name = "Java regex (String)", hide = true)]
    pub topic_white_list: Option<String>,
    /// Where verification starts: -1 the partitions' ends, -2 their starts, or a timestamp (ms) [default: -2; Kafka's tool: -1]
    #[arg(
        long,
        value_name = "timestamp/-1(latest)/-2(earliest)",
        allow_hyphen_values = true
    )]
    pub time: Option<String>,
    /// Bytes fetched of each partition per request [default: 1048576]
    #[arg(long, value_name = "bytes", allow_hyphen_values = true)]
    pub fetch_size: Option<String>,
    /// The longest each fetch waits for new records, in ms [default: 1000]
    #[arg(long, value_name = "ms", allow_hyphen_values = true)]
    pub max_wait_ms: Option<String>,
    /// With --watch: how often the largest lag is reported, in ms [default: 10000; Kafka's tool: 30000]
    #[arg(long, value_name = "ms", allow_hyphen_values = true)]
    pub report_interval_ms: Option<String>,
    /// kt: keep verifying new records until stopped, as Kafka's tool does
    #[arg(long, help_heading = "kt")]
    pub watch: bool,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

const LOGGER: &str = "org.apache.kafka.tools.ReplicaVerificationTool";

/// `Exit.exit(1)` after the tool printed why.
fn shown() -> KtError {
    KtError::new(ErrorKind::Broker, "")
}

/// A number option: under the Kafka name converted where the tool reads it
/// (jopt's failure), under kt's checked before anything is asked.
fn number<T: std::str::FromStr>(
    value: &Option<String>,
    option: &str,
    default: T,
    kafka_name: bool,
) -> Result<T, KtError> {
    if kafka_name {
        return crate::compat::jopt_value(value.as_deref(), option, default);
    }
    match value {
        None => Ok(default),
        Some(v) => v
            .parse()
            .map_err(|_| KtError::usage(format!("--{option} {v}: give a whole number"))),
    }
}

/// `yyyy-MM-dd HH:mm:ss,SSS`, the tool's SimpleDateFormat.
fn now() -> String {
    crate::compat::log_time()
}

/// One partition under verification.
struct Partition {
    at: FetchAt,
    /// Its replicas, in the order Java's `HashMap<Integer, …>` iterates them.
    replicas: Vec<i32>,
    /// The high watermark to reach (kt's one pass), once seen.
    target: Option<i64>,
    start: i64,
    batches: u64,
    mismatches: Vec<Mismatch>,
    /// Why the last round could not verify it (a replica's error).
    stalled: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct Mismatch {
    topic: String,
    partition: i32,
    /// The batch's last offset on the first replica.
    offset: i64,
    replica: i32,
    other_replica: i32,
    /// What differs: `checksum` (same offsets, other bytes) or `offset`.
    what: &'static str,
    first: i64,
    other: i64,
}

/// What the last verification found at its worst: Java's `maxLag`,
/// `offsetWithMaxLag` and `maxLagTopicAndPartition` (the last two kept
/// from round to round).
struct Lag {
    max: i64,
    offset: i64,
    partition: Option<String>,
}

/// How a run fetches and reports, from its options.
struct Settings {
    kafka_name: bool,
    fetch_size: i32,
    max_wait: i32,
    /// Between two lag lines, in ms.
    interval: i64,
    /// A round's answer at most, in bytes.
    max_bytes: i32,
    /// kt's check that ends (no `--watch`).
    one_pass: bool,
    /// `--watch` lines as JSON.
    json: bool,
}

impl Settings {
    fn max_wait(&self) -> Duration {
        Duration::from_millis(u64::try_from(self.max_wait).unwrap_or(0))
    }
}

pub fn run(
    args: ReplicaVerificationArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    let mut connection = args.connection.clone();
    if kafka_name {
        check_kafka_args(&args, &connection)?;
        connection.bootstrap_server = connection.broker_list.take();
    } else {
        number(&args.time, "time", 0i64, false)?;
        number(&args.fetch_size, "fetch-size", 0i32, false)?;
        number(&args.max_wait_ms, "max-wait-ms", 0i32, false)?;
        number(&args.report_interval_ms, "report-interval-ms", 0i64, false)?;
    }
    let signals = crate::signals::Signals::install()?;
    let mut admin = crate::endpoint::admin(
        &connection,
        None,
        mode,
        "kt-replica-verification",
        "verify replicas",
        err,
    )?;
    let (layouts, partitions) = selected(&mut admin.broker, &args, kafka_name, err)?;
    // Read in Java's order: the time for the offsets, the interval for
    // the buffer, the sizes for each fetcher.
    let time = number(
        &args.time,
        "time",
        if kafka_name { -1 } else { -2 },
        kafka_name,
    )?;
    let mut partitions = initial_offsets(&mut admin.pool, &layouts, partitions, time, kafka_name)?;
    let interval_default = if kafka_name { 30_000 } else { 10_000 };
    let settings = Settings {
        kafka_name,
        interval: number(
            &args.report_interval_ms,
            "report-interval-ms",
            interval_default,
            kafka_name,
        )?,
        fetch_size: number(&args.fetch_size, "fetch-size", 1_048_576, kafka_name)?,
        max_wait: number(&args.max_wait_ms, "max-wait-ms", 1_000, kafka_name)?,
        // kt asks for at most 64 MiB a round, which bounds its memory on
        // any cluster; Kafka's tool asks for everything.
        max_bytes: if kafka_name { i32::MAX } else { 64 << 20 },
        one_pass: !kafka_name && !args.watch,
        json: !kafka_name && args.output.output == OutputFormat::Json,
    };
    let brokers = brokers_of(&partitions);
    if !settings.one_pass && !settings.json {
        writeln!(out, "{}: verification process is started", now())?;
        out.flush()?;
    }
    let started = Instant::now();
    let progress = settings
        .one_pass
        .then(|| crate::perf::progress::Progress::new(0, "offsets verified"));
    let mut lag = Lag {
        max: -1,
        offset: -1,
        partition: None,
    };
    let mut last_report = Instant::now();
    let mut last_progress = Instant::now();
    let stall_limit = Duration::from_millis(u64::try_from(admin.timeout_ms).unwrap_or(30_000))
        .max(settings.max_wait() * 3);
    loop {
        if let Some(signal) = signals.received() {
            out.flush()?;
            // Kafka's tool stops its fetchers and says nothing.
            let message = if kafka_name {
                String::new()
            } else {
                format!("stopped by {}", signal.name())
            };
            return Err(KtError::new(signal.kind(), message).into());
        }
        let round = Instant::now();
        // Each round has the cluster's timeout, past the fetch's wait.
        admin.pool.renew(settings.max_wait());
        let answers = fetch_round(&mut admin.pool, &brokers, &partitions, &settings);
        // A broker that is down fails at once: wait as a fetch would.
        if answers.values().any(|a| a.is_err()) {
            let wait = settings
                .max_wait()
                .clamp(Duration::from_millis(100), Duration::from_secs(1));
            std::thread::sleep(wait.saturating_sub(round.elapsed()));
        }
        if verify_round(&mut partitions, &answers, &settings, &mut lag, out)? {
            last_progress = Instant::now();
        }
        let due = last_report.elapsed() > Duration::from_millis(settings.interval.max(0) as u64);
        if !settings.one_pass && due {
            report_lag(&lag, partitions.len(), settings.json, out)?;
            last_report = Instant::now();
        }
        if let Some(progress) = &progress {
            let (done, all) = verified(&partitions);
            progress.set_total(all);
            progress.update(done, done);
        }
        if !settings.one_pass {
            continue;
        }
        let finished = partitions.iter().all(|p| {
            p.mismatches.iter().any(|m| m.what == "offset")
                || p.target.is_some_and(|t| p.at.offset >= t)
        });
        if finished || last_progress.elapsed() > stall_limit {
            if let Some(progress) = &progress {
                progress.finish();
            }
            return report(&partitions, started.elapsed(), finished, settings.json, out);
        }
    }
}

/// The topics' layouts (in Java's HashMap order) and the partitions of
/// those `--topics-include` selects, in the order Java verifies them; no
/// partition is Kafka's logged error (or kt's one line).
fn selected(
    broker: &mut kt_core::protocol::Broker,
    args: &ReplicaVerificationArgs,
    kafka_name: bool,
    err: &Diagnostics,
) -> anyhow::Result<(Vec<kt_core::protocol::TopicLayout>, Vec<Partition>)> {
    let (_, layouts) = broker.topic_layouts(None)?;
    let pattern = args
        .topics_include
        .as_deref()
        .or(args.topic_white_list.as_deref());
    // Java's HashMap of topic descriptions, filtered.
    let layouts = hash_map_order(layouts, |t| string_hash(&t.name));
    let filter = match (pattern, layouts.is_empty()) {
        (Some(p), false) => Some(include_list(p, kafka_name)?),
        _ => None,
    };
    let mut partitions: Vec<Partition> = Vec::new();
    for t in &layouts {
        if !filter.as_ref().is_none_or(|f| f.matches(&t.name)) {
            continue;
        }
        let Ok(ps) = &t.partitions else { continue };
        for p in ps {
            partitions.push(Partition {
                at: FetchAt {
                    topic: t.name.clone(),
                    topic_id: t.id,
                    partition: p.partition,
                    offset: 0,
                },
                replicas: hash_map_order(p.replicas.clone(), |id| *id),
                target: None,
                start: 0,
                batches: 0,
                mismatches: Vec::new(),
                stalled: None,
            });
        }
    }
    if partitions.iter().all(|p| p.replicas.is_empty()) {
        if kafka_name {
            err.line(crate::compat::log4j(
                "ERROR",
                "No topics found. [topics-include] if specified, is either filtering out all topics or there is no topic.",
                LOGGER,
            ));
            return Err(shown().into());
        }
        return Err(KtError::not_found(match pattern {
            Some(p) => format!(
                "no topic matches {p:?}: give --topics-include a pattern of topics that exist"
            ),
            None => "the cluster has no topics to verify".to_string(),
        })
        .into());
    }
    // recordsCache: a HashMap<TopicPartition, …> filled from another.
    let key = |p: &Partition| topic_partition_hash(&p.at.topic, p.at.partition);
    Ok((
        layouts,
        hash_map_order(hash_map_order(partitions, key), key),
    ))
}

/// Each broker's partitions, by index, in the order Java groups them.
fn brokers_of(partitions: &[Partition]) -> Vec<(i32, Vec<usize>)> {
    let mut brokers: Vec<(i32, Vec<usize>)> = Vec::new();
    for (i, p) in partitions.iter().enumerate() {
        for &r in &p.replicas {
            match brokers.iter_mut().find(|(id, _)| *id == r) {
                Some((_, ps)) => ps.push(i),
                None => brokers.push((r, vec![i])),
            }
        }
    }
    brokers
}

/// Verifies every partition on a round's answers, printing what differs as
/// the run prints it and keeping the round's worst lag; whether any
/// partition moved on. Replicas at other offsets end Kafka's tool.
fn verify_round(
    partitions: &mut [Partition],
    answers: &HashMap<(i32, usize), Result<Fetched, String>>,
    settings: &Settings,
    lag: &mut Lag,
    out: &mut dyn Write,
) -> anyhow::Result<bool> {
    let mut advanced = false;
    lag.max = -1;
    for (i, p) in partitions.iter_mut().enumerate() {
        let before = p.at.offset;
        let replies: Vec<(i32, Option<&Fetched>, Option<&str>)> = p
            .replicas
            .iter()
            .map(|r| match answers.get(&(*r, i)) {
                Some(Ok(f)) => (*r, Some(f), None),
                Some(Err(why)) => (*r, None, Some(why.as_str())),
                None => (*r, None, Some("no answer")),
            })
            .collect();
        let known = p.mismatches.len();
        verify(p, &replies);
        for m in &p.mismatches[known..] {
            if settings.one_pass {
                continue;
            }
            if settings.json {
                writeln!(out, "{}", serde_json::json!({ "mismatch": m }))?;
            } else {
                writeln!(out, "{}", m.kafka_line())?;
            }
        }
        if settings.kafka_name && p.mismatches.iter().any(|m| m.what == "offset") {
            out.flush()?;
            return Err(shown().into());
        }
        let max_hw = replies
            .iter()
            .filter_map(|(_, f, _)| f.map(|f| f.high_watermark))
            .max()
            .unwrap_or(-1);
        if p.target.is_none() && replies.iter().all(|(_, f, _)| f.is_some()) {
            p.target = Some(max_hw);
        }
        if max_hw - p.at.offset > lag.max {
            lag.offset = p.at.offset;
            lag.max = max_hw - lag.offset;
            lag.partition = Some(format!("{}-{}", p.at.topic, p.at.partition));
        }
        advanced |= p.at.offset != before;
    }
    Ok(advanced)
}

/// The periodic line: Kafka's, or a JSON object under `--watch -o json`.
fn report_lag(lag: &Lag, partitions: usize, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let partition = lag.partition.as_deref().unwrap_or("null");
    if json {
        let line = serde_json::json!({
            "time": now(), "max_lag": lag.max, "partition": partition,
            "offset": lag.offset, "partitions": partitions,
        });
        writeln!(out, "{line}")?;
    } else {
        writeln!(
            out,
            "{}: max lag is {} for partition {partition} at offset {} among {partitions} partitions",
            now(),
            lag.max,
            lag.offset,
        )?;
    }
    out.flush()?;
    Ok(())
}

/// The Kafka name's checks, in ReplicaVerificationToolOptions' order.
fn check_kafka_args(
    args: &ReplicaVerificationArgs,
    connection: &ConnectionArgs,
) -> Result<(), KtError> {
    let Some(list) = connection.broker_list.as_deref() else {
        return Err(KtError::usage(
            "Missing required argument \"[broker-list]\"",
        ));
    };
    if args.topics_include.is_some() && args.topic_white_list.is_some() {
        return Err(KtError::usage(
            "Option \"[topics-include]\" can't be used with option \"[topic-white-list]\"",
        ));
    }
    if list.trim().is_empty() {
        return Err(KtError::usage(
            "Error while validating the bootstrap address\n",
        ));
    }
    if !crate::endpoint::valid_host_ports(list) {
        return Err(KtError::usage(
            "Please provide valid host:port like host1:9091,host2:9092\n",
        ));
    }
    Ok(())
}

/// `--topics-include`: compiled as given (Java's check), then read as
/// Kafka's IncludeList reads it.
fn include_list(pattern: &str, kafka_name: bool) -> Result<IncludeList, KtError> {
    let invalid = format!("{pattern} is an invalid regex");
    if regex::Regex::new(pattern).is_err() {
        return Err(if kafka_name {
            KtError::usage(invalid.clone()).thrown("java.lang.RuntimeException", invalid)
        } else {
            KtError::usage(format!("--topics-include: {invalid}"))
        });
    }
    IncludeList::new(pattern)
}

/// Each partition's offset at `time`, from its leader; under kt's name a
/// partition with no record at or after a time starts at its end.
fn initial_offsets(
    pool: &mut Pool,
    layouts: &[kt_core::protocol::TopicLayout],
    mut partitions: Vec<Partition>,
    time: i64,
    kafka_name: bool,
) -> anyhow::Result<Vec<Partition>> {
    let leader = |p: &Partition| {
        layouts
            .iter()
            .find(|t| t.name == p.at.topic)
            .and_then(|t| t.partitions.as_ref().ok())
            .and_then(|ps| ps.iter().find(|q| q.partition == p.at.partition))
            .map_or(-1, |q| q.leader)
    };
    let mut by_leader: Vec<(i32, Vec<(String, i32)>)> = Vec::new();
    for p in &partitions {
        let l = leader(p);
        let tp = (p.at.topic.clone(), p.at.partition);
        if l < 0 {
            return Err(KtError::broker(format!(
                "partition {}-{} has no leader: its offsets cannot be read; wait for an election, or leave its topic out with --topics-include",
                tp.0, tp.1
            ))
            .into());
        }
        match by_leader.iter_mut().find(|(id, _)| *id == l) {
            Some((_, tps)) => tps.push(tp),
            None => by_leader.push((l, vec![tp])),
        }
    }
    let mut offsets = offsets_at(pool, &by_leader, time)?;
    if time >= 0 && offsets.values().any(|o| *o < 0) {
        if kafka_name {
            // offsetsForTimes' null: no record at or after the time.
            let m = "Cannot invoke \"org.apache.kafka.clients.consumer.OffsetAndTimestamp.offset()\" because the return value of \"java.util.Map$Entry.getValue()\" is null";
            return Err(KtError::broker(m)
                .thrown("java.lang.NullPointerException", m)
                .into());
        }
        let ends = offsets_at(pool, &by_leader, -1)?;
        for (tp, offset) in offsets.iter_mut() {
            if *offset < 0 {
                *offset = ends.get(tp).copied().unwrap_or(0);
            }
        }
    }
    for p in &mut partitions {
        p.at.offset = offsets
            .get(&(p.at.topic.clone(), p.at.partition))
            .copied()
            .unwrap_or(0);
        p.start = p.at.offset;
    }
    Ok(partitions)
}

/// ListOffsets at each leader for its partitions.
fn offsets_at(
    pool: &mut Pool,
    by_leader: &[(i32, Vec<(String, i32)>)],
    time: i64,
) -> anyhow::Result<HashMap<(String, i32), i64>> {
    let mut offsets = HashMap::new();
    for (id, tps) in by_leader {
        for (tp, answer) in pool.to(Some(*id))?.list_offsets(tps, time)? {
            match answer {
                Ok(offset) => {
                    offsets.insert(tp, offset);
                }
                Err(r) => {
                    let (_, why) = crate::compat::kafka_error(&r);
                    return Err(KtError::broker(format!(
                        "cannot read the offsets of {}-{}: {why}",
                        tp.0, tp.1
                    ))
                    .into());
                }
            }
        }
    }
    Ok(offsets)
}

/// One request to every broker at once; each partition's answer by
/// (broker, partition index), or why there is none.
fn fetch_round(
    pool: &mut Pool,
    brokers: &[(i32, Vec<usize>)],
    partitions: &[Partition],
    settings: &Settings,
) -> HashMap<(i32, usize), Result<Fetched, String>> {
    let ids: Vec<i32> = brokers.iter().map(|(id, _)| *id).collect();
    let mut answers: HashMap<(i32, usize), Result<Fetched, String>> = HashMap::new();
    let results = pool.in_parallel(&ids, |id, broker| {
        let asks: Vec<FetchAt> = brokers
            .iter()
            .find(|(b, _)| *b == id)
            .map(|(_, ps)| ps.iter().map(|&i| partitions[i].at.clone()).collect())
            .unwrap_or_default();
        broker.fetch_as_debugger(
            &asks,
            settings.max_wait,
            1,
            settings.fetch_size,
            settings.max_bytes,
        )
    });
    for (id, result) in results {
        let indices = brokers
            .iter()
            .find(|(b, _)| *b == id)
            .map(|(_, ps)| ps.as_slice())
            .unwrap_or_default();
        match result {
            Ok(Ok(fetched)) => {
                for f in fetched {
                    let Some(&i) = indices.iter().find(|&&i| {
                        partitions[i].at.topic == f.topic
                            && partitions[i].at.partition == f.partition
                    }) else {
                        continue;
                    };
                    let answer = if f.error == 0 {
                        Ok(f)
                    } else {
                        let (_, why) = crate::compat::kafka_error(&Refused {
                            code: f.error,
                            message: None,
                        });
                        Err(format!("broker {id}: {why}"))
                    };
                    answers.insert((id, i), answer);
                }
            }
            Ok(Err(r)) => {
                let (_, why) = crate::compat::kafka_error(&r);
                for &i in indices {
                    answers.insert((id, i), Err(format!("broker {id}: {why}")));
                }
            }
            Err(e) => {
                for &i in indices {
                    answers.insert((id, i), Err(format!("broker {id}: {}", e.message)));
                }
            }
        }
    }
    answers
}

/// Java's `verifyCheckSum` for one partition: walks the replicas' batches
/// side by side up to each one's high watermark, moving the partition's
/// offset past every batch all replicas hold, and recording each batch
/// whose CRC differs; a difference in offsets ends the walk (and Kafka's
/// tool).
fn verify(p: &mut Partition, replies: &[(i32, Option<&Fetched>, Option<&str>)]) {
    p.stalled = replies
        .iter()
        .find_map(|(_, _, why)| why.map(str::to_string));
    // A replica with no answer holds no batches this round.
    let mut iterators: Vec<(i32, i64, Box<dyn Iterator<Item = record_batch::Batch> + '_>)> =
        replies
            .iter()
            .map(|(r, f, _)| match f {
                Some(f) => (
                    *r,
                    f.high_watermark,
                    Box::new(record_batch::split(&f.records)) as Box<dyn Iterator<Item = _>>,
                ),
                None => (
                    *r,
                    -1,
                    Box::new(std::iter::empty()) as Box<dyn Iterator<Item = _>>,
                ),
            })
            .collect();
    loop {
        let mut all = true;
        let mut first: Option<(i32, i64, i64)> = None;
        for (replica, hw, batches) in iterators.iter_mut() {
            let Some(batch) = batches.next() else {
                all = false;
                continue;
            };
            let (last, checksum) = (batch.last_offset(), batch.checksum());
            if last >= *hw {
                all = false;
                continue;
            }
            let Some((first_replica, first_offset, first_checksum)) = first else {
                first = Some((*replica, last, checksum));
                continue;
            };
            let differs = |what, first, other| Mismatch {
                topic: p.at.topic.clone(),
                partition: p.at.partition,
                offset: first_offset,
                replica: first_replica,
                other_replica: *replica,
                what,
                first,
                other,
            };
            if first_offset != last {
                p.mismatches.push(differs("offset", first_offset, last));
                return;
            }
            if first_checksum != checksum {
                p.mismatches
                    .push(differs("checksum", first_checksum, checksum));
            }
        }
        if !all {
            return;
        }
        p.at.offset = first.map_or(-1, |(_, last, _)| last + 1);
        p.batches += 1;
    }
}

impl Mismatch {
    /// Kafka's line for it.
    fn kafka_line(&self) -> String {
        let (t, p, a, b) = (
            &self.topic,
            self.partition,
            self.replica,
            self.other_replica,
        );
        match self.what {
            "offset" => format!(
                "{}: partition {t}-{p}: replica {a}'s offset {} doesn't match replica {b}'s offset {}",
                now(),
                self.first,
                self.other
            ),
            _ => format!(
                "{}: partition {t}-{p} has unmatched checksum at offset {}; replica {a}'s checksum {}; replica {b}'s checksum {}",
                now(),
                self.offset,
                self.first,
                self.other
            ),
        }
    }
}

/// Offsets verified so far, and to verify in all (kt's one pass).
fn verified(partitions: &[Partition]) -> (u64, u64) {
    partitions.iter().fold((0, 0), |(done, all), p| {
        let target = p.target.unwrap_or(p.at.offset);
        (
            done + (p.at.offset - p.start).max(0) as u64,
            all + (target - p.start).max(0) as u64,
        )
    })
}

#[derive(Serialize)]
struct TopicReport {
    topic: String,
    partitions: usize,
    replicas: usize,
    batches: u64,
    offsets: u64,
    mismatches: usize,
    unverified: usize,
}

/// kt's account of a pass: per topic, then the differences and the
/// partitions it could not finish.
fn report(
    partitions: &[Partition],
    took: Duration,
    finished: bool,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut topics: Vec<TopicReport> = Vec::new();
    let mut sorted: Vec<&Partition> = partitions.iter().collect();
    sorted.sort_by(|a, b| (&a.at.topic, a.at.partition).cmp(&(&b.at.topic, b.at.partition)));
    let unfinished = |p: &Partition| p.target.is_none_or(|t| p.at.offset < t);
    for p in &sorted {
        if topics.last().is_none_or(|t| t.topic != p.at.topic) {
            topics.push(TopicReport {
                topic: p.at.topic.clone(),
                partitions: 0,
                replicas: 0,
                batches: 0,
                offsets: 0,
                mismatches: 0,
                unverified: 0,
            });
        }
        let t = topics.last_mut().expect("pushed above");
        t.partitions += 1;
        t.replicas += p.replicas.len();
        t.batches += p.batches;
        t.offsets += (p.at.offset - p.start).max(0) as u64;
        t.mismatches += p.mismatches.len();
        t.unverified += usize::from(unfinished(p));
    }
    let mismatches: Vec<&Mismatch> = sorted.iter().flat_map(|p| &p.mismatches).collect();
    let unverified: Vec<(String, i64, Option<i64>, String)> = sorted
        .iter()
        .filter(|p| unfinished(p))
        .map(|p| {
            (
                format!("{}-{}", p.at.topic, p.at.partition),
                p.at.offset,
                p.target,
                p.stalled
                    .clone()
                    .unwrap_or_else(|| "its replicas did not reach the high watermark".to_string()),
            )
        })
        .collect();
    if json {
        let shown = serde_json::json!({
            "consistent": mismatches.is_empty(),
            "finished": finished,
            "seconds": took.as_secs_f64(),
            "topics": topics,
            "mismatches": mismatches,
            "unverified": unverified.iter().map(|(tp, at, target, why)| serde_json::json!({
                "partition": tp, "verified_to": at, "high_watermark": target, "reason": why,
            })).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut *out, &shown)?;
        writeln!(out)?;
    } else {
        let mut table = crate::table::new([
            "TOPIC",
            "PARTITIONS",
            "REPLICAS",
            "BATCHES",
            "OFFSETS",
            "DIFFERENT",
            "UNVERIFIED",
        ]);
        for t in &topics {
            table.add_row([
                t.topic.clone(),
                t.partitions.to_string(),
                t.replicas.to_string(),
                t.batches.to_string(),
                t.offsets.to_string(),
                t.mismatches.to_string(),
                t.unverified.to_string(),
            ]);
        }
        writeln!(out, "{table}")?;
        for m in &mismatches {
            writeln!(
                out,
                "{}-{}: the batch ending at offset {} differs ({}: replica {} has {}, replica {} has {})",
                m.topic, m.partition, m.offset, m.what, m.replica, m.first, m.other_replica, m.other
            )?;
        }
        for (tp, at, target, why) in &unverified {
            let target = target.map_or("unknown".to_string(), |t| t.to_string());
            writeln!(out, "{tp}: verified to offset {at} of {target}: {why}")?;
        }
        let batches: u64 = topics.iter().map(|t| t.batches).sum();
        writeln!(
            out,
            "{} partitions, {} batches compared on every replica in {:.1} s.",
            partitions.len(),
            batches,
            took.as_secs_f64()
        )?;
    }
    out.flush()?;
    if !mismatches.is_empty() {
        return Err(KtError::new(
            ErrorKind::Partial,
            format!(
                "{} batches differ between replicas: the partitions above need a closer look (kafka-dump-log on each replica's segment)",
                mismatches.len()
            ),
        )
        .into());
    }
    if !unverified.is_empty() {
        return Err(KtError::new(
            ErrorKind::Timeout,
            format!(
                "{} partitions could not be verified in time (listed above): bring their replicas back, or run again",
                unverified.len()
            ),
        )
        .into());
    }
    Ok(())
}
