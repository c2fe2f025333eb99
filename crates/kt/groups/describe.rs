//! `--describe`: a group's partitions and lag (`--offsets`, the default),
//! its members (`--members`, `--verbose`) or its state (`--state`), in
//! Kafka 3.9's layout; under kt's name also as a table or JSON, with each
//! partition's lag in time.

use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::time::Duration;

use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};
use kt_core::ffi::admin::list_offsets;
use kt_core::ffi::groups::{self as ffi, GroupDescription, GroupState, Partition};
use kt_core::{Diagnostics, ErrorKind, KtError, OffsetSpec, OutputFormat};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::Message;
use rdkafka::{Offset, TopicPartitionList};
use serde::Serialize;

use super::{Groups, Problem};
use crate::dispatch::Mode;
use crate::java_order::{hash_map_order, topic_partition_hash};
use crate::signals::Signals;
use crate::time::now_ms;

/// Kafka's `-` for a value that is not there.
const MISSING: &str = "-";

/// A comfy table with kt's preset and `header`.
pub(crate) fn table<const N: usize>(header: [&str; N]) -> Table {
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED).set_header(header);
    table
}

/// One row of `--describe --offsets`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OffsetRow {
    pub topic: Option<String>,
    pub partition: Option<i32>,
    pub current_offset: Option<i64>,
    pub log_end_offset: Option<i64>,
    pub lag: Option<i64>,
    /// kt: how old the oldest record not yet consumed is, in ms (0 when
    /// the group is at the end; none without a committed offset).
    pub lag_ms: Option<i64>,
    pub consumer_id: Option<String>,
    pub host: Option<String>,
    pub client_id: Option<String>,
}

/// One group as `--describe` shows it.
#[derive(Debug, Serialize)]
struct Described {
    group: String,
    state: GroupState,
    #[serde(skip_serializing_if = "Option::is_none")]
    partitions: Option<Vec<OffsetRow>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    members: Option<Vec<ffi::Member>>,
    member_count: usize,
    coordinator: Option<ffi::Node>,
    assignment_strategy: String,
    /// kt: the group's summed lag and the age of its oldest unconsumed record.
    #[serde(skip_serializing_if = "Option::is_none")]
    total_lag: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_lag_ms: Option<i64>,
    /// kt `--watch`: records consumed per second since the last sample,
    /// and the seconds the lag would take at that rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    rate_per_s: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    catch_up_s: Option<f64>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Offsets,
    Members,
    State,
}

pub(super) fn run(
    g: &Groups<'_>,
    out: &mut dyn Write,
    err: &Diagnostics,
    problems: &mut Vec<Problem>,
) -> anyhow::Result<()> {
    let view = if g.args.members {
        View::Members
    } else if g.args.state.is_some() {
        View::State
    } else {
        View::Offsets
    };
    let limits = Limits::of(g.args)?;
    if view != View::Offsets
        && (limits.lag.is_some() || limits.age_ms.is_some() || g.args.watch.is_some())
    {
        return Err(KtError::usage(
            "--watch, --max-lag and --max-lag-time go with --describe's offsets view, not --members or --state",
        )
        .into());
    }
    if let Some(interval) = &g.args.watch {
        return watch(g, interval, out);
    }
    let described = collect(g, view, limits.age_ms.is_some())?;
    render(g, view, &described, out, err, problems)?;
    limits.check(&described)
}

/// Every asked group, described, in name order (Kafka's TreeMap).
fn collect(g: &Groups<'_>, view: View, ages: bool) -> anyhow::Result<Vec<Described>> {
    let ids = g.group_ids()?;
    let descriptions = ffi::describe_groups(g.admin.inner(), &ids, g.timeout)?;
    // Kafka fails the whole command on a group's own error.
    if let Some(d) = descriptions.iter().find(|d| d.error.is_some()) {
        let (code, why) = d.error.clone().unwrap_or_default_failure();
        return Err(KtError::new(super::kind_of(code), super::java_exception(code, &why)).into());
    }
    let by_name: BTreeMap<String, GroupDescription> = descriptions
        .into_iter()
        .map(|d| (d.group.clone(), d))
        .collect();
    let mut described = Vec::new();
    for (group, d) in by_name {
        let partitions = match view {
            View::Offsets => Some(offset_rows(g, &d, ages || g.mode == Mode::Native)?),
            _ => None,
        };
        let total_lag = partitions
            .as_ref()
            .map(|rows| rows.iter().filter_map(|r| r.lag).sum());
        let max_lag_ms = partitions
            .as_ref()
            .and_then(|rows| rows.iter().filter_map(|r| r.lag_ms).max());
        described.push(Described {
            group,
            state: d.state,
            partitions,
            member_count: d.members.len(),
            members: (view == View::Members).then(|| d.members.clone()),
            coordinator: d.coordinator.clone(),
            assignment_strategy: d.assignor.clone(),
            total_lag,
            max_lag_ms,
            rate_per_s: None,
            catch_up_s: None,
        });
    }
    Ok(described)
}

fn render(
    g: &Groups<'_>,
    view: View,
    described: &[Described],
    out: &mut dyn Write,
    err: &Diagnostics,
    problems: &mut Vec<Problem>,
) -> anyhow::Result<()> {
    match g.format {
        OutputFormat::Json => {
            for d in described {
                note_missing(g, d, problems)?;
            }
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "groups": described }))?;
            writeln!(out)?;
            Ok(())
        }
        OutputFormat::Table => {
            for d in described {
                if !note_missing(g, d, problems)? {
                    continue;
                }
                writeln!(out, "{}", render_table(d, view, g.verbose))?;
            }
            Ok(())
        }
        OutputFormat::Text => {
            for d in described {
                match view {
                    View::Offsets => {
                        let rows = d.partitions.as_deref().unwrap_or_default();
                        let rows_len = rows.len();
                        if note_state_java(g, d, rows_len, out, err, problems)? {
                            write_offsets(out, &d.group, rows)?;
                        }
                    }
                    View::Members => {
                        let members = d.members.as_deref().unwrap_or_default();
                        let print = note_state_java(g, d, members.len(), out, err, problems)?;
                        write_members(out, &d.group, members, print, g.verbose)?;
                    }
                    View::State => {
                        if note_state_java(g, d, 1, out, err, problems)? {
                            write_state(out, d)?;
                        }
                    }
                }
            }
            if g.mode == Mode::Native && view == View::Offsets {
                writeln!(out)?;
            }
            Ok(())
        }
    }
}

/// `--max-lag` and `--max-lag-time`.
struct Limits {
    lag: Option<i64>,
    age_ms: Option<i64>,
}

impl Limits {
    fn of(args: &super::GroupsArgs) -> Result<Limits, KtError> {
        let age_ms = match &args.max_lag_time {
            None => None,
            Some(text) => Some(
                humantime::parse_duration(text.trim())
                    .map_err(|e| {
                        KtError::usage(format!(
                            "--max-lag-time {text}: {e}; give a duration such as 30s, 5m or 1h"
                        ))
                    })?
                    .as_millis() as i64,
            ),
        };
        if args.max_lag.is_some_and(|n| n < 0) {
            return Err(KtError::usage(
                "--max-lag takes a number of records, 0 or more",
            ));
        }
        Ok(Limits {
            lag: args.max_lag,
            age_ms,
        })
    }

    /// Exit 6 (one line naming each partition over a limit) when any is.
    fn check(&self, described: &[Described]) -> anyhow::Result<()> {
        let mut over = Vec::new();
        for d in described {
            for r in d.partitions.as_deref().unwrap_or_default() {
                let (topic, partition) = (opt(&r.topic), opt(&r.partition));
                if let (Some(limit), Some(lag)) = (self.lag, r.lag) {
                    if lag > limit {
                        over.push(format!(
                            "{}/{topic}-{partition} lag {lag} > {limit}",
                            d.group
                        ));
                    }
                }
                if let (Some(limit), Some(age)) = (self.age_ms, r.lag_ms) {
                    if age > limit {
                        over.push(format!(
                            "{}/{topic}-{partition} lag {} > {}",
                            d.group,
                            human_age(age),
                            human_age(limit)
                        ));
                    }
                }
            }
        }
        if over.is_empty() {
            return Ok(());
        }
        Err(KtError::new(
            ErrorKind::OverLimit,
            format!("{} over the limit: {}", plural(over.len()), over.join(", ")),
        )
        .into())
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 partition is".to_string()
    } else {
        format!("{n} partitions are")
    }
}

/// Each group's committed offset of each partition: (group, topic, partition).
type Positions = HashMap<(String, String, i32), i64>;

/// `--watch`: the offsets view every INTERVAL, redrawn in place on a
/// terminal, one JSON line per interval otherwise; with two samples, each
/// group's consume rate and time to catch up. Ends on Ctrl-C (130) or
/// SIGTERM (143), or when stdout closes.
fn watch(g: &Groups<'_>, interval: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    let every = humantime::parse_duration(interval.trim()).map_err(|e| {
        KtError::usage(format!(
            "--watch {interval}: {e}; give an interval such as 1s or 500ms"
        ))
    })?;
    let every = every.max(Duration::from_millis(100));
    let signals = Signals::install()?;
    let terminal = std::io::stdout().is_terminal() && g.format != OutputFormat::Json;
    let mut previous: Option<(std::time::Instant, Positions)> = None;
    loop {
        let started = std::time::Instant::now();
        let mut described = collect(g, View::Offsets, true)?;
        let positions: Positions = described
            .iter()
            .flat_map(|d| {
                d.partitions.iter().flatten().filter_map(|r| {
                    Some((
                        (d.group.clone(), r.topic.clone()?, r.partition?),
                        r.current_offset?,
                    ))
                })
            })
            .collect();
        if let Some((then, before)) = &previous {
            let seconds = started.duration_since(*then).as_secs_f64().max(0.001);
            for d in described.iter_mut() {
                let consumed: i64 = positions
                    .iter()
                    .filter(|((group, _, _), _)| *group == d.group)
                    .filter_map(|(key, now)| Some(now - before.get(key)?))
                    .sum();
                let rate = consumed.max(0) as f64 / seconds;
                d.rate_per_s = Some((rate * 10.0).round() / 10.0);
                d.catch_up_s = d
                    .total_lag
                    .filter(|_| rate > 0.0)
                    .map(|lag| (lag as f64 / rate).round());
            }
        }
        previous = Some((started, positions));
        if terminal {
            // Home, clear, then the tables.
            write!(out, "\x1b[H\x1b[2J")?;
            writeln!(
                out,
                "kt groups --watch: every {}, {} (Ctrl-C to stop)",
                humantime::format_duration(every),
                chrono::Local::now().format("%H:%M:%S")
            )?;
            for d in &described {
                writeln!(out, "{}", render_table(d, View::Offsets, false))?;
                writeln!(
                    out,
                    "{}: {} members, lag {}, oldest unconsumed {}, {}",
                    d.group,
                    d.member_count,
                    opt(&d.total_lag),
                    d.max_lag_ms.map_or_else(|| MISSING.to_string(), human_age),
                    match (d.rate_per_s, d.catch_up_s) {
                        (Some(rate), Some(eta)) => {
                            format!("{rate}/s, caught up in {}", human_age(eta as i64 * 1000))
                        }
                        (Some(rate), None) => format!("{rate}/s"),
                        _ => "rate after the next sample".to_string(),
                    }
                )?;
            }
        } else {
            let line = serde_json::json!({ "time": crate::time::now_ms(), "groups": described });
            writeln!(out, "{line}")?;
        }
        out.flush()?;
        while started.elapsed() < every {
            if let Some(signal) = signals.received() {
                return Err(
                    KtError::new(signal.kind(), format!("stopped by {}", signal.name())).into(),
                );
            }
            if kt_core::stdio::stdout_closed() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

trait FailureOr {
    fn unwrap_or_default_failure(self) -> ffi::Failure;
}

impl FailureOr for Option<ffi::Failure> {
    fn unwrap_or_default_failure(self) -> ffi::Failure {
        self.unwrap_or((rdkafka::error::RDKafkaErrorCode::Unknown, String::new()))
    }
}

/// Kafka's `shouldPrintMemberState`: what the state says on each stream,
/// and whether rows follow.
fn note_state_java(
    g: &Groups<'_>,
    d: &Described,
    rows: usize,
    out: &mut dyn Write,
    err: &Diagnostics,
    problems: &mut Vec<Problem>,
) -> anyhow::Result<bool> {
    match d.state {
        GroupState::Dead => {
            g.report(
                Problem {
                    kind: ErrorKind::NotFound,
                    message: format!("Consumer group '{}' does not exist.", d.group),
                },
                out,
                problems,
            )?;
            return Ok(false);
        }
        GroupState::Empty => err.line(format_args!(
            "\nConsumer group '{}' has no active members.",
            d.group
        )),
        GroupState::PreparingRebalance | GroupState::CompletingRebalance => err.line(format_args!(
            "\nWarning: Consumer group '{}' is rebalancing.",
            d.group
        )),
        GroupState::Stable => {}
        GroupState::Unknown => {
            return Err(KtError::broker(format!(
                "Expected a valid consumer group state, but found '{}'.",
                d.state.name()
            ))
            .into())
        }
    }
    Ok(rows > 0)
}

/// The same facts for the table and JSON: a missing group is a problem,
/// the rest is shown in the output itself.
fn note_missing(
    g: &Groups<'_>,
    d: &Described,
    problems: &mut Vec<Problem>,
) -> anyhow::Result<bool> {
    if d.state == GroupState::Dead {
        let mut sink = std::io::sink();
        g.report(
            Problem {
                kind: ErrorKind::NotFound,
                message: format!("Consumer group '{}' does not exist.", d.group),
            },
            &mut sink,
            problems,
        )?;
        return Ok(false);
    }
    Ok(true)
}

/// Kafka's rows for a group: each member's partitions (members with the
/// most partitions first), then the partitions with a committed offset and
/// no member. Within each, the order of Kafka's `HashMap<TopicPartition, …>`.
fn offset_rows(g: &Groups<'_>, d: &GroupDescription, ages: bool) -> anyhow::Result<Vec<OffsetRow>> {
    let committed: HashMap<Partition, i64> =
        ffi::committed_offsets(g.admin.inner(), &d.group, None, g.timeout)?
            .into_iter()
            .collect();
    let mut members: Vec<&ffi::Member> = d
        .members
        .iter()
        .filter(|m| !m.assignment.is_empty())
        .collect();
    // A stable sort, as Java's: ties keep the broker's order.
    members.sort_by_key(|m| std::cmp::Reverse(m.assignment.len()));
    let mut sets: Vec<(Vec<Partition>, Option<&ffi::Member>)> = Vec::new();
    let mut assigned: Vec<Partition> = Vec::new();
    for m in &members {
        sets.push((m.assignment.clone(), Some(m)));
        assigned.extend(m.assignment.iter().cloned());
    }
    // Kafka walks the committed offsets in its HashMap's order.
    let committed_order = hash_map_order(committed.keys().cloned().collect(), |tp| {
        topic_partition_hash(&tp.0, tp.1)
    });
    let unassigned: Vec<Partition> = committed_order
        .into_iter()
        .filter(|tp| !assigned.contains(tp))
        .collect();
    if !unassigned.is_empty() {
        let unassigned = hash_map_order(unassigned, |tp| topic_partition_hash(&tp.0, tp.1));
        sets.push((unassigned, None));
    }
    let all: Vec<Partition> = sets.iter().flat_map(|(s, _)| s.iter().cloned()).collect();
    let ends: HashMap<Partition, i64> =
        list_offsets(g.admin.inner(), &all, OffsetSpec::Latest, g.timeout)?
            .into_iter()
            .filter_map(|(tp, answer)| Some((tp, answer.ok()?)))
            .collect();
    let ages = if ages {
        lag_ages(g, &committed, &ends)
    } else {
        HashMap::new()
    };
    let mut rows = Vec::new();
    for (set, member) in sets {
        let mut sorted = set;
        sorted.sort_by_key(|tp| tp.1);
        let ordered = hash_map_order(sorted, |tp| topic_partition_hash(&tp.0, tp.1));
        let (consumer_id, host, client_id) = match member {
            Some(m) => (
                Some(m.consumer_id.clone()),
                Some(m.host.clone()),
                Some(m.client_id.clone()),
            ),
            None => (
                Some(MISSING.to_string()),
                Some(MISSING.to_string()),
                Some(MISSING.to_string()),
            ),
        };
        for tp in ordered {
            let current = committed.get(&tp).copied();
            let end = ends.get(&tp).copied();
            let lag = match (current, end) {
                (Some(c), Some(e)) if c != -1 => Some(e - c),
                _ => None,
            };
            rows.push(OffsetRow {
                lag_ms: ages.get(&tp).copied(),
                topic: Some(tp.0.clone()),
                partition: Some(tp.1),
                current_offset: current,
                log_end_offset: end,
                lag,
                consumer_id: consumer_id.clone(),
                host: host.clone(),
                client_id: client_id.clone(),
            });
        }
    }
    Ok(rows)
}

/// kt's lag in time: for each partition behind its end, the age of the
/// record at the committed offset (the oldest one not yet consumed), read
/// with one assign-and-fetch; 0 for a partition at its end. A partition
/// whose record does not arrive within the timeout is left out.
fn lag_ages(
    g: &Groups<'_>,
    committed: &HashMap<Partition, i64>,
    ends: &HashMap<Partition, i64>,
) -> HashMap<Partition, i64> {
    let mut ages = HashMap::new();
    let mut behind = TopicPartitionList::new();
    let mut waiting = 0usize;
    for (tp, offset) in committed {
        match ends.get(tp) {
            Some(end)
                if end > offset
                    && behind
                        .add_partition_offset(&tp.0, tp.1, Offset::Offset(*offset))
                        .is_ok() =>
            {
                waiting += 1;
            }
            Some(end) if end > offset => {}
            Some(_) => {
                ages.insert(tp.clone(), 0);
            }
            None => {}
        }
    }
    if waiting == 0 {
        return ages;
    }
    let spec = kt_core::connection::ClientSpec::new("kt-groups-lag")
        .force("enable.auto.commit", "false")
        .force(
            "group.id",
            kt_core::connection::random_group_id("kt-groups-lag"),
        )
        .force("enable.partition.eof", "false");
    let Ok(consumer): Result<BaseConsumer<kt_core::KtContext>, _> =
        g.cluster.consumer(&spec, g.cluster.context())
    else {
        return ages;
    };
    if consumer.assign(&behind).is_err() {
        return ages;
    }
    let now = now_ms();
    let deadline = std::time::Instant::now() + g.timeout;
    let mut seen = 0usize;
    while seen < waiting && std::time::Instant::now() < deadline {
        let Some(Ok(msg)) = consumer.poll(Duration::from_millis(100)) else {
            continue;
        };
        let tp = (msg.topic().to_string(), msg.partition());
        if ages.contains_key(&tp) {
            continue;
        }
        if let Some(ts) = msg.timestamp().to_millis() {
            ages.insert(tp.clone(), (now - ts).max(0));
        }
        seen += 1;
        // The first record of each partition is all that counts.
        let mut stop = TopicPartitionList::new();
        let _ = stop.add_partition_offset(&tp.0, tp.1, Offset::Invalid);
        let _ = consumer.pause(&stop);
    }
    std::mem::forget(consumer);
    ages
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(|| MISSING.to_string(), T::to_string)
}

/// Kafka 3.9's `printOffsets`: every line starts with a newline, and the
/// last has none.
fn write_offsets(out: &mut dyn Write, group: &str, rows: &[OffsetRow]) -> std::io::Result<()> {
    let width = |f: &dyn Fn(&OffsetRow) -> usize| rows.iter().map(f).fold(15, usize::max);
    let wg = group.len().max(15);
    let wt = width(&|r| r.topic.as_deref().unwrap_or(MISSING).len());
    let wc = width(&|r| r.consumer_id.as_deref().unwrap_or(MISSING).len());
    let wh = width(&|r| r.host.as_deref().unwrap_or(MISSING).len());
    let line = |out: &mut dyn Write, c: [&str; 9]| {
        write!(
            out,
            "\n{:<wg$} {:<wt$} {:<10} {:<15} {:<15} {:<15} {:<wc$} {:<wh$} {}",
            c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]
        )
    };
    line(
        out,
        [
            "GROUP",
            "TOPIC",
            "PARTITION",
            "CURRENT-OFFSET",
            "LOG-END-OFFSET",
            "LAG",
            "CONSUMER-ID",
            "HOST",
            "CLIENT-ID",
        ],
    )?;
    for r in rows {
        line(
            out,
            [
                group,
                r.topic.as_deref().unwrap_or(MISSING),
                &opt(&r.partition),
                &opt(&r.current_offset),
                &opt(&r.log_end_offset),
                &opt(&r.lag),
                r.consumer_id.as_deref().unwrap_or(MISSING),
                r.host.as_deref().unwrap_or(MISSING),
                r.client_id.as_deref().unwrap_or(MISSING),
            ],
        )?;
    }
    Ok(())
}

/// Kafka 3.9's `printMembers`; the header comes even when the state said
/// there is nothing to show.
fn write_members(
    out: &mut dyn Write,
    group: &str,
    members: &[ffi::Member],
    sized: bool,
    verbose: bool,
) -> std::io::Result<()> {
    let (mut wg, mut wc, mut wi, mut wh, mut wl) = (15, 15, 17, 15, 15);
    let mut with_instance = false;
    if sized {
        for m in members {
            let instance = m.group_instance_id.as_deref().unwrap_or("");
            wg = wg.max(group.len());
            wc = wc.max(m.consumer_id.len());
            wi = wi.max(instance.len());
            wh = wh.max(m.host.len());
            wl = wl.max(m.client_id.len());
            with_instance |= !instance.is_empty();
        }
    }
    let row = |out: &mut dyn Write, c: [&str; 6]| {
        if with_instance {
            write!(
                out,
                "{:<wg$} {:<wc$} {:<wi$} {:<wh$} {:<wl$} {:<15} ",
                c[0], c[1], c[2], c[3], c[4], c[5]
            )
        } else {
            write!(
                out,
                "{:<wg$} {:<wc$} {:<wh$} {:<wl$} {:<15} ",
                c[0], c[1], c[3], c[4], c[5]
            )
        }
    };
    writeln!(out)?;
    row(
        out,
        [
            "GROUP",
            "CONSUMER-ID",
            "GROUP-INSTANCE-ID",
            "HOST",
            "CLIENT-ID",
            "#PARTITIONS",
        ],
    )?;
    if verbose {
        write!(out, "ASSIGNMENT")?;
    }
    writeln!(out)?;
    for m in members {
        row(
            out,
            [
                group,
                &m.consumer_id,
                m.group_instance_id.as_deref().unwrap_or(""),
                &m.host,
                &m.client_id,
                &m.assignment.len().to_string(),
            ],
        )?;
        if verbose {
            write!(out, "{}", assignment_text(&m.assignment))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Kafka 3.9's `--verbose` assignment: each topic's partitions in string
/// order within parentheses, the groups in string order (no topic names).
fn assignment_text(assignment: &[Partition]) -> String {
    if assignment.is_empty() {
        return MISSING.to_string();
    }
    let mut by_topic: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (t, p) in assignment {
        by_topic.entry(t).or_default().push(p.to_string());
    }
    let mut groups: Vec<String> = by_topic
        .into_values()
        .map(|mut ps| {
            ps.sort();
            format!("({})", ps.join(","))
        })
        .collect();
    groups.sort();
    groups.join(", ")
}

/// Kafka 3.9's `printStates` (its GROUP column takes the coordinator's width).
fn write_state(out: &mut dyn Write, d: &Described) -> std::io::Result<()> {
    let coordinator = d.coordinator.as_ref().map_or_else(String::new, |c| {
        format!("{}:{}  ({})", c.host, c.port, c.id)
    });
    let wc = coordinator.len().max(25);
    let members = d.member_count;
    write!(
        out,
        "\n{:<wc$} {:<25} {:<20} {:<15} #MEMBERS",
        "GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE"
    )?;
    write!(
        out,
        "\n{:<wc$} {:<25} {:<20} {:<15} {}",
        d.group,
        coordinator,
        d.assignment_strategy,
        d.state.name(),
        members
    )?;
    writeln!(out)
}

/// kt's table: one per group, with the lag in time.
fn render_table(d: &Described, view: View, verbose: bool) -> Table {
    match view {
        View::Offsets => {
            let mut t = table([
                "GROUP",
                "TOPIC",
                "PARTITION",
                "CURRENT-OFFSET",
                "LOG-END-OFFSET",
                "LAG",
                "LAG-TIME",
                "CONSUMER-ID",
                "HOST",
                "CLIENT-ID",
            ]);
            for r in d.partitions.as_deref().unwrap_or_default() {
                t.add_row([
                    d.group.clone(),
                    opt(&r.topic),
                    opt(&r.partition),
                    opt(&r.current_offset),
                    opt(&r.log_end_offset),
                    opt(&r.lag),
                    r.lag_ms.map_or_else(|| MISSING.to_string(), human_age),
                    opt(&r.consumer_id),
                    opt(&r.host),
                    opt(&r.client_id),
                ]);
            }
            t
        }
        View::Members => {
            let mut t = table([
                "GROUP",
                "CONSUMER-ID",
                "GROUP-INSTANCE-ID",
                "HOST",
                "CLIENT-ID",
                "#PARTITIONS",
                "ASSIGNMENT",
            ]);
            for m in d.members.as_deref().unwrap_or_default() {
                t.add_row([
                    d.group.clone(),
                    m.consumer_id.clone(),
                    m.group_instance_id.clone().unwrap_or_default(),
                    m.host.clone(),
                    m.client_id.clone(),
                    m.assignment.len().to_string(),
                    if verbose {
                        m.assignment
                            .iter()
                            .map(|(t, p)| format!("{t}:{p}"))
                            .collect::<Vec<_>>()
                            .join(",")
                    } else {
                        String::new()
                    },
                ]);
            }
            t
        }
        View::State => {
            let mut t = table([
                "GROUP",
                "COORDINATOR (ID)",
                "ASSIGNMENT-STRATEGY",
                "STATE",
                "#MEMBERS",
            ]);
            let coordinator = d
                .coordinator
                .as_ref()
                .map_or_else(String::new, |c| format!("{}:{} ({})", c.host, c.port, c.id));
            t.add_row([
                d.group.clone(),
                coordinator,
                d.assignment_strategy.clone(),
                d.state.name().to_string(),
                d.member_count.to_string(),
            ]);
            t
        }
    }
}

/// An age for people: `0s`, `42s`, `3m12s`, `2h5m`, `3d4h`.
fn human_age(ms: i64) -> String {
    let s = ms / 1000;
    match s {
        _ if s < 60 => format!("{s}s"),
        _ if s < 3600 => format!("{}m{}s", s / 60, s % 60),
        _ if s < 86_400 => format!("{}h{}m", s / 3600, s % 3600 / 60),
        _ => format!("{}d{}h", s / 86_400, s % 86_400 / 3600),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(topic: &str, p: i32, current: Option<i64>, end: i64) -> OffsetRow {
        OffsetRow {
            topic: Some(topic.into()),
            partition: Some(p),
            current_offset: current,
            log_end_offset: Some(end),
            lag: current.map(|c| end - c),
            lag_ms: None,
            consumer_id: Some(MISSING.into()),
            host: Some(MISSING.into()),
            client_id: Some(MISSING.into()),
        }
    }

    #[test]
    fn offsets_are_kafkas_layout() {
        let mut out = Vec::new();
        write_offsets(
            &mut out,
            "g",
            &[row("t", 0, Some(1), 3), row("t", 1, None, 2)],
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "\nGROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID\
             \ng               t               0          1               3               2               -               -               -\
             \ng               t               1          -               2               -               -               -               -"
        );
    }

    #[test]
    fn verbose_assignment_is_kafka_39s() {
        let a = vec![
            ("b".to_string(), 10),
            ("b".to_string(), 2),
            ("a".to_string(), 1),
        ];
        assert_eq!(assignment_text(&a), "(1), (10,2)");
        assert_eq!(assignment_text(&[]), "-");
    }

    #[test]
    fn ages_read_as_people_say_them() {
        assert_eq!(human_age(999), "0s");
        assert_eq!(human_age(192_000), "3m12s");
        assert_eq!(human_age(7_500_000), "2h5m");
        assert_eq!(human_age(273_600_000), "3d4h");
    }
}
