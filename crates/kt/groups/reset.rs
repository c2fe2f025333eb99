//! `--reset-offsets`: a plan of new offsets for inactive groups, shown
//! (`--dry-run`, the default), committed (`--execute`) or exported as
//! Kafka's CSV (`--export`), from every strategy Kafka has.

use std::collections::HashMap;
use std::io::Write;

use kt_core::ffi::groups::{self as ffi, GroupState, Partition};
use kt_core::{Diagnostics, KtError, OffsetSpec, OutputFormat};
use serde::{Deserialize, Serialize};

use super::{Groups, Problem};
use crate::compat::log4j;
use crate::dispatch::Mode;
use crate::java_order::{hash_map_order, string_hash, topic_partition_hash};
use crate::time::now_ms;

const COMMAND: &str = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";

/// One group's plan: partitions and their new offsets, in Kafka's order.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct GroupPlan {
    pub group: String,
    pub partitions: Vec<PlannedOffset>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PlannedOffset {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
}

/// `T:0,1,2` as Kafka splits it.
pub(crate) fn parse_topic_partitions(arg: &str) -> Result<Vec<Partition>, KtError> {
    let parts: Vec<&str> = arg.split(':').collect();
    if parts.len() != 2 || parts[1].is_empty() {
        return Err(KtError::usage(format!(
            "Invalid topic arg '{arg}', expected topic name and partitions"
        )));
    }
    parts[1]
        .split(',')
        .map(|p| {
            p.parse::<i32>()
                .map(|p| (parts[0].to_string(), p))
                .map_err(|_| {
                    KtError::usage(format!(
                        "Invalid partition '{p}' specified in topic arg '{arg}''"
                    ))
                })
        })
        .collect()
}

pub(super) fn run(
    g: &Groups<'_>,
    out: &mut dyn Write,
    err: &Diagnostics,
    problems: &mut Vec<Problem>,
) -> anyhow::Result<()> {
    let ids = g.group_ids()?;
    let descriptions = g.describe(&ids)?;
    let file_plan = match &g.args.from_file {
        Some(path) => Some(super::plan::read_plan(path, &g.args.group, g.mode)?),
        None => None,
    };
    // Kafka walks and prints the groups in its HashMap's order.
    let descriptions = hash_map_order(descriptions, |d| string_hash(&d.group));
    if g.args.all_topics || g.args.shift_by.is_some() || g.args.to_current {
        let inactive: Vec<&ffi::GroupDescription> = descriptions
            .iter()
            .filter(|d| d.error.is_none() && d.state == GroupState::Empty)
            .collect();
        g.fetch_committed(&inactive);
    }
    read_ahead(g, &descriptions, file_plan.as_ref());
    let mut plans: Vec<GroupPlan> = Vec::new();
    for d in descriptions {
        if let Some((code, why)) = &d.error {
            return Err(super::group_error(g, &d.group, *code, why).into());
        }
        if !matches!(d.state, GroupState::Empty | GroupState::Dead) {
            g.report(
                Problem {
                    kind: kt_core::ErrorKind::Broker,
                    message: format!(
                        "Assignments can only be reset if the group '{}' is inactive, but the current state is {}.",
                        d.group,
                        d.state.name()
                    ),
                },
                out,
                problems,
            )?;
            plans.push(GroupPlan {
                group: d.group,
                partitions: Vec::new(),
            });
            continue;
        }
        let partitions = partitions_to_reset(g, &d.group, file_plan.is_some())?;
        let planned = prepare(
            g,
            &d.group,
            partitions,
            file_plan.as_ref(),
            out,
            err,
            problems,
        )?;
        let execute = g.args.execute && !g.args.dry_run;
        if execute && !planned.is_empty() {
            let offsets: Vec<(Partition, i64)> = planned
                .iter()
                .map(|p| ((p.topic.clone(), p.partition), p.offset))
                .collect();
            let answers = ffi::alter_offsets(g.admin.inner(), &d.group, &offsets, g.timeout)?;
            if let Some((tp, Some((code, why)))) = answers.into_iter().find(|(_, e)| e.is_some()) {
                let message = match g.mode {
                    Mode::Compat => format!(
                        "java.util.concurrent.ExecutionException: {} ({}-{})",
                        crate::compat::java_exception(code, &why),
                        tp.0,
                        tp.1
                    ),
                    Mode::Native => format!(
                        "cannot commit group {}'s new offset of {}-{}: {why}",
                        d.group, tp.0, tp.1
                    ),
                };
                return Err(KtError::new(super::kind_of(code), message).into());
            }
        }
        plans.push(GroupPlan {
            group: d.group,
            partitions: planned,
        });
    }
    render(g, &plans, out, err)
}

/// Reads ahead, in one ListOffsets a spec, the log starts and ends that
/// the plans of several inactive groups will ask for one group at a time
/// (Kafka's tool asks each group's; the answers are the same). Only what
/// is known without asking: the offsets fetched for `--all-topics`, or
/// the `--topic` partitions (the same for every group), and a plan file's.
fn read_ahead(
    g: &Groups<'_>,
    descriptions: &[ffi::GroupDescription],
    file_plan: Option<&HashMap<String, Vec<(Partition, i64)>>>,
) {
    let args = g.args;
    let inactive: Vec<&str> = descriptions
        .iter()
        .filter(|d| d.error.is_none() && matches!(d.state, GroupState::Empty | GroupState::Dead))
        .map(|d| d.group.as_str())
        .collect();
    let specs: &[OffsetSpec] = if args.to_earliest {
        &[OffsetSpec::Earliest]
    } else if args.to_latest {
        &[OffsetSpec::Latest]
    } else if args.to_offset.is_some() || args.shift_by.is_some() || file_plan.is_some() {
        // Kafka's checkOffsetsRange: both ends.
        &[OffsetSpec::Earliest, OffsetSpec::Latest]
    } else {
        &[]
    };
    if inactive.len() < 2 || specs.is_empty() {
        return;
    }
    let mut partitions = std::collections::BTreeSet::new();
    if args.all_topics {
        for group in &inactive {
            let committed = g.committed_read(group).unwrap_or_default();
            partitions.extend(committed.into_iter().map(|(tp, _)| tp));
        }
    } else if let Ok(named) = partitions_to_reset(g, inactive[0], file_plan.is_some()) {
        partitions.extend(named);
    }
    for plan in file_plan.into_iter().flat_map(|p| p.values()) {
        partitions.extend(plan.iter().map(|(tp, _)| tp.clone()));
    }
    let partitions: Vec<Partition> = partitions.into_iter().collect();
    for spec in specs {
        g.read_offsets_ahead(&partitions, *spec);
    }
}

/// Kafka's `getPartitionsToReset`: `--all-topics` is what the group has
/// committed, `--topic` the named partitions (or all of a topic's).
fn partitions_to_reset(
    g: &Groups<'_>,
    group: &str,
    from_file: bool,
) -> anyhow::Result<Vec<Partition>> {
    if g.args.all_topics {
        let committed = g.committed(group)?;
        return Ok(hash_map_order(
            committed.into_iter().map(|(tp, _)| tp).collect(),
            |tp| topic_partition_hash(&tp.0, tp.1),
        ));
    }
    if g.args.topic.is_empty() {
        if from_file {
            return Ok(Vec::new());
        }
        return Err(KtError::usage(
            "One of the reset scopes should be defined: --all-topics, --topic.",
        )
        .into());
    }
    let mut named = Vec::new();
    let mut whole = Vec::new();
    for arg in &g.args.topic {
        if arg.contains(':') {
            named.extend(parse_topic_partitions(arg)?);
        } else {
            whole.push(arg.clone());
        }
    }
    if !whole.is_empty() {
        let md = g.cluster.metadata(g.admin.inner(), None, &|| {
            kt_core::context::drain_events(g.admin.inner())
        })?;
        // DescribeTopics answers in a HashMap of topic names.
        for topic in hash_map_order(whole, |t| string_hash(t)) {
            let Some(t) = md
                .topics()
                .iter()
                .find(|t| t.name() == topic && t.error().is_none())
            else {
                if g.mode == Mode::Native {
                    return Err(KtError::not_found(format!(
                        "topic {topic} does not exist; kt topics --list names the topics"
                    ))
                    .into());
                }
                let message = "java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.";
                return Err(KtError::not_found(message)
                    .thrown("java.lang.RuntimeException", message)
                    .into());
            };
            let mut ids: Vec<i32> = t.partitions().iter().map(|p| p.id()).collect();
            ids.sort_unstable();
            named.extend(ids.into_iter().map(|p| (topic.clone(), p)));
        }
    }
    Ok(named)
}

/// Kafka's `prepareOffsetsToReset`: the new offset of each partition.
#[allow(clippy::too_many_arguments)]
fn prepare(
    g: &Groups<'_>,
    group: &str,
    partitions: Vec<Partition>,
    file_plan: Option<&HashMap<String, Vec<(Partition, i64)>>>,
    out: &mut dyn Write,
    err: &Diagnostics,
    problems: &mut Vec<Problem>,
) -> anyhow::Result<Vec<PlannedOffset>> {
    let args = g.args;
    let ends_or = |found: HashMap<Partition, i64>, what: &str, list: &[Partition]| {
        let mut requested = Vec::new();
        for tp in list {
            match found.get(tp) {
                Some(o) => requested.push((tp.clone(), *o)),
                None => {
                    return Err(KtError::usage(format!(
                        "Error getting {what} of topic partition: {}-{}",
                        tp.0, tp.1
                    )))
                }
            }
        }
        Ok(requested)
    };
    let requested: Vec<(Partition, i64)> = if let Some(text) = &args.to_offset {
        let offset = parse_long(text, "to-offset")?;
        let requested = partitions.iter().map(|tp| (tp.clone(), offset)).collect();
        in_range(g, requested, err)?
    } else if args.to_earliest {
        let found = g.offsets(&partitions, OffsetSpec::Earliest)?;
        ends_or(found, "starting offset", &partitions)?
    } else if args.to_latest {
        let found = g.offsets(&partitions, OffsetSpec::Latest)?;
        ends_or(found, "ending offset", &partitions)?
    } else if let Some(text) = &args.shift_by {
        let shift = parse_long(text, "shift-by")?;
        let committed: HashMap<Partition, i64> = g.committed(group)?.into_iter().collect();
        let mut requested = Vec::new();
        for tp in &partitions {
            let Some(current) = committed.get(tp) else {
                return Err(KtError::usage(format!(
                    "Cannot shift offset for partition {}-{} since there is no current committed offset",
                    tp.0, tp.1
                ))
                .into());
            };
            requested.push((tp.clone(), current + shift));
        }
        in_range(g, requested, err)?
    } else if let Some(text) = &args.to_datetime {
        let ms = match g.mode {
            Mode::Compat => crate::time::java_datetime(text)?,
            Mode::Native => native_datetime(text)?,
        };
        by_time(g, &partitions, ms, out)?
    } else if let Some(text) = &args.by_duration {
        let ms = now_ms()
            - match g.mode {
                Mode::Compat => crate::time::java_duration_ms(text)?,
                Mode::Native => native_duration_ms(text)?,
            };
        by_time(g, &partitions, ms, out)?
    } else if let Some(plan) = file_plan {
        match plan.get(group) {
            None => {
                g.report(
                    Problem {
                        kind: kt_core::ErrorKind::NotFound,
                        message: format!("No reset plan for group {group} found"),
                    },
                    out,
                    problems,
                )?;
                Vec::new()
            }
            Some(offsets) => in_range(g, offsets.clone(), err)?,
        }
    } else if args.to_current {
        let committed: HashMap<Partition, i64> = g.committed(group)?.into_iter().collect();
        let (with, without): (Vec<Partition>, Vec<Partition>) = partitions
            .iter()
            .cloned()
            .partition(|tp| committed.contains_key(tp));
        let mut requested: Vec<(Partition, i64)> =
            with.iter().map(|tp| (tp.clone(), committed[tp])).collect();
        let found = g.offsets(&without, OffsetSpec::Latest)?;
        requested.extend(ends_or(found, "ending offset", &without)?);
        requested
    } else {
        return Err(KtError::usage(format!(
            // Java's Set.toString of the option specs.
            "Option '[reset-offsets]' requires one of the following scenarios: [{}]",
            crate::java_order::option_set(&[
                "to-offset",
                "shift-by",
                "to-datetime",
                "by-duration",
                "to-earliest",
                "to-latest",
                "to-current",
                "from-file"
            ])
        ))
        .into());
    };
    let ordered = hash_map_order(requested, |(tp, _)| topic_partition_hash(&tp.0, tp.1));
    Ok(ordered
        .into_iter()
        .map(|((topic, partition), offset)| PlannedOffset {
            topic,
            partition,
            offset,
        })
        .collect())
}

/// Kafka's `checkOffsetsRange`: an offset past the log end becomes the end,
/// one before the log start the start, each with Kafka's WARN line.
fn in_range(
    g: &Groups<'_>,
    requested: Vec<(Partition, i64)>,
    err: &Diagnostics,
) -> anyhow::Result<Vec<(Partition, i64)>> {
    let partitions: Vec<Partition> = requested.iter().map(|(tp, _)| tp.clone()).collect();
    let starts = g.offsets(&partitions, OffsetSpec::Earliest)?;
    let ends = g.offsets(&partitions, OffsetSpec::Latest)?;
    let requested = hash_map_order(requested, |(tp, _)| topic_partition_hash(&tp.0, tp.1));
    let mut out = Vec::with_capacity(requested.len());
    for (tp, offset) in requested {
        let Some(end) = ends.get(&tp) else {
            return Err(KtError::broker(format!(
                "Unexpected non-existing offset value for topic partition {}-{}",
                tp.0, tp.1
            ))
            .into());
        };
        let warn = |what: &str, to: i64| {
            let message = format!(
                "New offset ({offset}) is {what} than {} offset for topic partition {}-{}. Value will be set to {to}",
                if what == "higher" { "latest" } else { "earliest" },
                tp.0,
                tp.1
            );
            match g.mode {
                Mode::Compat => err.line(log4j("WARN", &message, COMMAND)),
                Mode::Native => err.line(format_args!("kt: {message}")),
            }
        };
        let value = if offset > *end {
            warn("higher", *end);
            *end
        } else {
            match starts.get(&tp) {
                Some(start) if offset < *start => {
                    warn("lower", *start);
                    *start
                }
                _ => offset,
            }
        };
        out.push((tp, value));
    }
    Ok(out)
}

/// Kafka's `getLogTimestampOffsets`: the first offset at or after `ms`, or
/// the log end (with Kafka's warning on stdout) where there is none.
fn by_time(
    g: &Groups<'_>,
    partitions: &[Partition],
    ms: i64,
    out: &mut dyn Write,
) -> anyhow::Result<Vec<(Partition, i64)>> {
    let found = g.offsets(partitions, OffsetSpec::At(ms))?;
    let mut requested = Vec::new();
    let mut empty = Vec::new();
    for tp in partitions {
        match found.get(tp) {
            Some(o) if *o >= 0 => requested.push((tp.clone(), *o)),
            _ => empty.push(tp.clone()),
        }
    }
    for tp in hash_map_order(empty.clone(), |tp| topic_partition_hash(&tp.0, tp.1)) {
        write!(
            out,
            "\nWarn: Partition {} from topic {} is empty. Falling back to latest known offset.\n",
            tp.1, tp.0
        )?;
    }
    let ends = g.offsets(&empty, OffsetSpec::Latest)?;
    for tp in empty {
        match ends.get(&tp) {
            Some(o) => requested.push((tp, *o)),
            None => {
                return Err(KtError::usage(format!(
                    "Error getting offset by timestamp of topic partition: {}-{}",
                    tp.0, tp.1
                ))
                .into())
            }
        }
    }
    Ok(requested)
}

/// `--to-datetime` under kt's name: Kafka's form
/// (`2024-05-01T12:00:00.000[zone]`), or any time kt reads elsewhere (RFC
/// 3339, epoch milliseconds, `-15m`).
fn native_datetime(text: &str) -> Result<i64, KtError> {
    crate::time::java_datetime(text)
        .or_else(|_| crate::time::parse_time(text, now_ms()))
        .map_err(|_| {
            KtError::usage(format!(
                "--to-datetime {text}: not a time; give 2024-05-01T12:00:00.000 (UTC, or with a zone \
                 such as Z or +02:00), epoch milliseconds, or a relative time such as -15m"
            ))
        })
}

/// `--by-duration` under kt's name: Java's `PT1H` form, or a duration as
/// people write it (`1h`, `30m`, `2d`).
fn native_duration_ms(text: &str) -> Result<i64, KtError> {
    crate::time::java_duration_ms(text)
        .or_else(|_| {
            humantime::parse_duration(text.trim())
                .map_err(|_| ())
                .and_then(|d| i64::try_from(d.as_millis()).map_err(|_| ()))
        })
        .map_err(|_| {
            KtError::usage(format!(
                "--by-duration {text}: not a duration; give one such as 1h, 30m, 2d or PT1H"
            ))
        })
}

/// jopt's failure to read an option's value, where Kafka reads it: the
/// consumer-group command reports it as a failed command.
pub(crate) fn conversion(text: &str, option: &str) -> KtError {
    KtError {
        kind: kt_core::ErrorKind::Config,
        ..crate::compat::conversion(text, option)
    }
}

fn parse_long(text: &str, option: &str) -> Result<i64, KtError> {
    text.trim()
        .parse::<i64>()
        .map_err(|_| conversion(text, option))
}

/// The plan as Kafka prints it (no newline between rows in 3.9), as its
/// CSV, or as kt's table or JSON.
fn render(
    g: &Groups<'_>,
    plans: &[GroupPlan],
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let executed = g.args.execute && !g.args.dry_run;
    if g.mode == Mode::Native && !g.args.execute && !g.args.dry_run {
        err.line(
            "kt: a dry run, nothing is changed: add --execute to commit the plan (or --dry-run to say so and skip this line)",
        );
    }
    if g.args.export {
        let with_group = g.args.group.len() != 1;
        let mut csv = String::new();
        for plan in plans {
            for p in &plan.partitions {
                if with_group {
                    csv.push_str(&format!("{},", super::plan::csv_field(&plan.group)));
                }
                csv.push_str(&format!(
                    "{},{},{}\n",
                    super::plan::csv_field(&p.topic),
                    p.partition,
                    p.offset
                ));
            }
        }
        writeln!(out, "{csv}")?;
        return Ok(());
    }
    match g.format {
        OutputFormat::Json => {
            let plan = serde_json::json!({ "executed": executed, "groups": plans });
            serde_json::to_writer_pretty(&mut *out, &plan)?;
            writeln!(out)?;
        }
        OutputFormat::Table => {
            let mut table = crate::table::new(["GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"]);
            for plan in plans {
                let mut partitions: Vec<&PlannedOffset> = plan.partitions.iter().collect();
                partitions.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
                for p in partitions {
                    table.add_row([
                        plan.group.clone(),
                        p.topic.clone(),
                        p.partition.to_string(),
                        p.offset.to_string(),
                    ]);
                }
            }
            writeln!(out, "{table}")?;
        }
        OutputFormat::Text => {
            let row = |out: &mut dyn Write, c: [&str; 4]| {
                write!(out, "{:<30} {:<30} {:<10} {:<15}", c[0], c[1], c[2], c[3])
            };
            if !plans.is_empty() {
                writeln!(out)?;
                row(out, ["GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"])?;
            }
            for plan in plans {
                let mut partitions: Vec<&PlannedOffset> = plan.partitions.iter().collect();
                // Kafka's hash order under its name, sorted under kt's.
                if g.mode == Mode::Native {
                    partitions
                        .sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
                }
                for p in partitions {
                    if g.mode == Mode::Native {
                        writeln!(out)?;
                    }
                    row(
                        out,
                        [
                            &plan.group,
                            &p.topic,
                            &p.partition.to_string(),
                            &p.offset.to_string(),
                        ],
                    )?;
                }
            }
            if g.mode == Mode::Native {
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_partitions_split_as_kafka_splits_them() {
        assert_eq!(
            parse_topic_partitions("t:0,2").unwrap(),
            vec![("t".to_string(), 0), ("t".to_string(), 2)]
        );
        assert_eq!(
            parse_topic_partitions("t:x").unwrap_err().message,
            "Invalid partition 'x' specified in topic arg 't:x''"
        );
    }
}
