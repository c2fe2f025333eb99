//! `--describe`: a group's partitions and lag (`--offsets`, the default),
//! its members (`--members`, `--verbose`) or its state (`--state`), in
//! Kafka 3.9's layout; under kt's name also as a table or JSON, with each
//! partition's lag in time.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Write;

use kt_core::ffi::groups::{self as ffi, GroupDescription, GroupState, Partition};
use kt_core::protocol;
use kt_core::{Diagnostics, ErrorKind, KtError, OffsetSpec, OutputFormat};
use serde::Serialize;

use super::lag::Position;
use super::render::{render_table, write_members, write_offsets, write_state, MISSING};
use super::watch::{watch, Limits};
use super::{Groups, Problem};
use crate::dispatch::Mode;
use crate::java_order::{hash_map_order, topic_partition_hash};

/// One row of `--describe --offsets`.
#[derive(Debug, Clone, Serialize)]
pub(super) struct OffsetRow {
    pub topic: Option<String>,
    pub partition: Option<i32>,
    pub current_offset: Option<i64>,
    pub log_end_offset: Option<i64>,
    pub lag: Option<i64>,
    /// kt: how old the oldest record not yet consumed is, in ms (0 when
    /// the group is at the end; none without a committed offset).
    pub lag_ms: Option<i64>,
    /// kt: records deleted (by retention or delete-records) before the
    /// group consumed them, which it will never read; none without a
    /// committed offset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lost_records: Option<i64>,
    pub consumer_id: Option<String>,
    pub host: Option<String>,
    pub client_id: Option<String>,
}

/// One group as `--describe` shows it.
#[derive(Debug, Serialize)]
pub(super) struct Described {
    pub(super) group: String,
    pub(super) state: GroupState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) partitions: Option<Vec<OffsetRow>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) members: Option<Vec<ffi::Member>>,
    pub(super) member_count: usize,
    pub(super) coordinator: Option<ffi::Node>,
    pub(super) assignment_strategy: String,
    /// kt: the group's summed lag and the age of its oldest unconsumed record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) total_lag: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) max_lag_ms: Option<i64>,
    /// kt `--watch`: records consumed per second since the last sample,
    /// and the seconds the lag would take at that rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) rate_per_s: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) catch_up_s: Option<f64>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum View {
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
        return watch(g, interval, &limits, out);
    }
    let described = collect(g, view, limits.age_ms.is_some())?;
    render(g, view, &described, out, err, problems)?;
    limits.check(&described)
}

/// Every asked group, described, in name order (Kafka's TreeMap).
pub(super) fn collect(g: &Groups<'_>, view: View, ages: bool) -> anyhow::Result<Vec<Described>> {
    let ids = g.group_ids()?;
    let descriptions = g.describe(&ids)?;
    // Kafka fails the whole command on a group's own error.
    if let Some(d) = descriptions.iter().find(|d| d.error.is_some()) {
        if let Some((code, why)) = &d.error {
            return Err(super::group_error(g, &d.group, *code, why).into());
        }
    }
    let by_name: BTreeMap<String, GroupDescription> = descriptions
        .into_iter()
        .map(|d| (d.group.clone(), d))
        .collect();
    let mut rows = match view {
        View::Offsets => offset_rows(g, &by_name, ages || g.mode == Mode::Native)?,
        _ => HashMap::new(),
    };
    let mut described = Vec::new();
    for (group, d) in by_name {
        let partitions = (view == View::Offsets).then(|| rows.remove(&group).unwrap_or_default());
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
                        if g.mode == Mode::Native {
                            note_lost(d, err);
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

/// kt's line for each partition the group fell behind the log start of:
/// the records it will never read (Kafka's text shows only the lag).
fn note_lost(d: &Described, err: &Diagnostics) {
    for r in d.partitions.as_deref().unwrap_or_default() {
        if let (Some(lost), Some(topic), Some(partition), Some(committed)) =
            (r.lost_records, &r.topic, r.partition, r.current_offset)
        {
            if lost > 0 {
                err.line(format_args!(
                    "kt: group {} lost {lost} record(s) of {topic}-{partition} to retention: \
                     its committed offset {committed} is below the log start {}",
                    d.group,
                    committed + lost
                ));
            }
        }
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
                    message: missing(g, d),
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

/// What a group that is not a consumer group is called: Kafka 3.9's words
/// under its name (it knows no other kind of group); under kt's, a share
/// or streams group (Kafka 4.x) is named as such, since librdkafka
/// describes it as missing. Its coordinator says which it is.
fn missing(g: &Groups<'_>, d: &Described) -> String {
    let kafka = format!("Consumer group '{}' does not exist.", d.group);
    let Some(node) = d.coordinator.as_ref().filter(|_| g.mode == Mode::Native) else {
        return kafka;
    };
    let kind = protocol::Broker::connect(
        &node.host,
        node.port,
        &g.cluster.config,
        "kt-groups",
        g.timeout,
    )
    .ok()
    .and_then(|mut c| c.group_types().ok().flatten())
    .and_then(|types| types.into_iter().find(|(group, _)| *group == d.group))
    .map(|(_, kind)| kind);
    match kind {
        Some(kind) if !matches!(kind.as_str(), "consumer" | "classic") => format!(
            "group '{}' is a {kind} group, not a consumer group: kt groups reads consumer groups only",
            d.group
        ),
        _ => kafka,
    }
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
                message: missing(g, d),
            },
            &mut sink,
            problems,
        )?;
        return Ok(false);
    }
    Ok(true)
}

/// Partitions shown together: a member's, or those without one.
type RowSet<'d> = (Vec<Partition>, Option<&'d ffi::Member>);

/// The partitions of a group's rows, in sets: each member's (members
/// with the most partitions first), then the partitions with a committed
/// offset and no member. Within each, the order of Kafka's
/// `HashMap<TopicPartition, …>`.
fn row_sets<'d>(d: &'d GroupDescription, committed: &HashMap<Partition, i64>) -> Vec<RowSet<'d>> {
    let mut members: Vec<&ffi::Member> = d
        .members
        .iter()
        .filter(|m| !m.assignment.is_empty())
        .collect();
    // A stable sort, as Java's: ties keep the broker's order.
    members.sort_by_key(|m| std::cmp::Reverse(m.assignment.len()));
    let mut sets: Vec<RowSet<'d>> = Vec::new();
    let mut assigned: HashSet<&Partition> = HashSet::new();
    for m in &members {
        sets.push((m.assignment.clone(), Some(*m)));
        assigned.extend(m.assignment.iter());
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
    for (set, _) in &mut sets {
        set.sort_by_key(|tp| tp.1);
        *set = hash_map_order(std::mem::take(set), |tp| topic_partition_hash(&tp.0, tp.1));
    }
    sets
}

/// Kafka's rows of each group (see [`row_sets`]), asked for all groups at
/// once: their committed offsets in one OffsetFetch per coordinator, the
/// log ends (and, for lag in time, starts) of all their partitions in one
/// ListOffsets per leader, and the ages of the records they have not
/// consumed in one fetch per partition, all within the timeout.
fn offset_rows(
    g: &Groups<'_>,
    groups: &BTreeMap<String, GroupDescription>,
    ages: bool,
) -> anyhow::Result<HashMap<String, Vec<OffsetRow>>> {
    g.fetch_committed(&groups.values().collect::<Vec<_>>());
    let mut committed: HashMap<&str, HashMap<Partition, i64>> = HashMap::new();
    for group in groups.keys() {
        committed.insert(group, g.committed(group)?.into_iter().collect());
    }
    let sets: Vec<(&str, Vec<RowSet<'_>>)> = groups
        .iter()
        .map(|(group, d)| (group.as_str(), row_sets(d, &committed[group.as_str()])))
        .collect();
    let all: BTreeSet<&Partition> = sets
        .iter()
        .flat_map(|(_, s)| s.iter().flat_map(|(set, _)| set.iter()))
        .collect();
    let ends = g.offsets(all.iter().copied(), OffsetSpec::Latest)?;
    // Where each group stands on each partition it committed to (for lag
    // in time: a group behind may have fallen off the log's start).
    let mut positions: HashMap<&str, HashMap<&Partition, Position>> = HashMap::new();
    let mut ages_of = HashMap::new();
    if ages {
        let behind: BTreeSet<&Partition> = committed
            .values()
            .flat_map(|c| c.iter())
            .filter(|(tp, c)| **c >= 0 && ends.get(*tp).is_some_and(|e| e > *c))
            .map(|(tp, _)| tp)
            .collect();
        let starts = g.offsets(behind.iter().copied(), OffsetSpec::Earliest)?;
        let mut wanted = BTreeSet::new();
        for (group, c) in &committed {
            let at_group = positions.entry(group).or_default();
            for (tp, c) in c {
                if let (true, Some(end)) = (*c >= 0, ends.get(tp)) {
                    let at = Position {
                        committed: *c,
                        start: starts.get(tp).copied(),
                        end: *end,
                    };
                    if !at.caught_up() {
                        wanted.insert((tp.clone(), at.next()));
                    }
                    at_group.insert(tp, at);
                }
            }
        }
        ages_of = g.lag_reader.ages(g, &wanted);
    }
    let mut rows_of = HashMap::new();
    for (group, sets) in sets {
        let no_positions = HashMap::new();
        let positions = positions.get(group).unwrap_or(&no_positions);
        let committed = &committed[group];
        let mut rows = Vec::new();
        for (set, member) in sets {
            let (consumer_id, host, client_id) = match member {
                Some(m) => (m.consumer_id.clone(), m.host.clone(), m.client_id.clone()),
                None => (
                    MISSING.to_string(),
                    MISSING.to_string(),
                    MISSING.to_string(),
                ),
            };
            for tp in set {
                let current = committed.get(&tp).copied();
                let end = ends.get(&tp).copied();
                let lag = match (current, end) {
                    (Some(c), Some(e)) if c != -1 => Some(e - c),
                    _ => None,
                };
                let at = positions.get(&tp).copied();
                rows.push(OffsetRow {
                    lag_ms: at.and_then(|at| at.age(&tp, &ages_of)),
                    lost_records: at.map(|at| at.lost()),
                    current_offset: current,
                    log_end_offset: end,
                    lag,
                    consumer_id: Some(consumer_id.clone()),
                    host: Some(host.clone()),
                    client_id: Some(client_id.clone()),
                    topic: Some(tp.0),
                    partition: Some(tp.1),
                });
            }
        }
        rows_of.insert(group.to_string(), rows);
    }
    Ok(rows_of)
}
