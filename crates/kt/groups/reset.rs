//! `--reset-offsets`: a plan of new offsets for inactive groups, shown
//! (`--dry-run`, the default), committed (`--execute`) or exported as
//! Kafka's CSV (`--export`), from every strategy Kafka has.

use std::collections::HashMap;
use std::io::Write;

use chrono::DateTime;
use kt_core::ffi::admin::list_offsets;
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

/// kt's JSON plan (what `--from-file` also reads).
#[derive(Debug, Serialize, Deserialize)]
struct Plan {
    executed: bool,
    groups: Vec<GroupPlan>,
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
    let descriptions = ffi::describe_groups(g.admin.inner(), &ids, g.timeout)?;
    let file_plan = match &g.args.from_file {
        Some(path) => Some(read_plan(path, &g.args.group)?),
        None => None,
    };
    // Kafka walks and prints the groups in its HashMap's order.
    let descriptions = hash_map_order(descriptions, |d| string_hash(&d.group));
    let mut plans: Vec<GroupPlan> = Vec::new();
    for d in descriptions {
        if let Some((code, why)) = &d.error {
            return Err(
                KtError::new(super::kind_of(*code), super::java_exception(*code, why)).into(),
            );
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
                return Err(KtError::new(
                    super::kind_of(code),
                    format!(
                        "java.util.concurrent.ExecutionException: {} ({}-{})",
                        super::java_exception(code, &why),
                        tp.0,
                        tp.1
                    ),
                )
                .into());
            }
        }
        plans.push(GroupPlan {
            group: d.group,
            partitions: planned,
        });
    }
    render(g, &plans, out)
}

/// Kafka's `getPartitionsToReset`: `--all-topics` is what the group has
/// committed, `--topic` the named partitions (or all of a topic's).
fn partitions_to_reset(
    g: &Groups<'_>,
    group: &str,
    from_file: bool,
) -> anyhow::Result<Vec<Partition>> {
    if g.args.all_topics {
        let committed = ffi::committed_offsets(g.admin.inner(), group, None, g.timeout)?;
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

/// Offsets by partition from one ListOffsets; a partition that failed is
/// left out.
fn offsets_of(
    g: &Groups<'_>,
    partitions: &[Partition],
    spec: OffsetSpec,
) -> anyhow::Result<HashMap<Partition, i64>> {
    Ok(list_offsets(g.admin.inner(), partitions, spec, g.timeout)?
        .into_iter()
        .filter_map(|(tp, answer)| Some((tp, answer.ok()?)))
        .collect())
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
        let found = offsets_of(g, &partitions, OffsetSpec::Earliest)?;
        ends_or(found, "starting offset", &partitions)?
    } else if args.to_latest {
        let found = offsets_of(g, &partitions, OffsetSpec::Latest)?;
        ends_or(found, "ending offset", &partitions)?
    } else if let Some(text) = &args.shift_by {
        let shift = parse_long(text, "shift-by")?;
        let committed: HashMap<Partition, i64> =
            ffi::committed_offsets(g.admin.inner(), group, None, g.timeout)?
                .into_iter()
                .collect();
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
        let ms = java_datetime(text)?;
        by_time(g, &partitions, ms, out)?
    } else if let Some(text) = &args.by_duration {
        let ms = now_ms() - java_duration_ms(text)?;
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
        let committed: HashMap<Partition, i64> =
            ffi::committed_offsets(g.admin.inner(), group, None, g.timeout)?
                .into_iter()
                .collect();
        let (with, without): (Vec<Partition>, Vec<Partition>) = partitions
            .iter()
            .cloned()
            .partition(|tp| committed.contains_key(tp));
        let mut requested: Vec<(Partition, i64)> =
            with.iter().map(|tp| (tp.clone(), committed[tp])).collect();
        let found = offsets_of(g, &without, OffsetSpec::Latest)?;
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
    let starts = offsets_of(g, &partitions, OffsetSpec::Earliest)?;
    let ends = offsets_of(g, &partitions, OffsetSpec::Latest)?;
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
    let found = offsets_of(g, partitions, OffsetSpec::At(ms))?;
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
    let ends = offsets_of(g, &empty, OffsetSpec::Latest)?;
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

/// jopt's failure to read an option's value, where Kafka reads it.
pub(crate) fn conversion(text: &str, option: &str) -> KtError {
    let message = format!("Cannot parse argument '{text}' of option {option}");
    KtError::config(&message).thrown("joptsimple.OptionArgumentConversionException", message)
}

fn parse_long(text: &str, option: &str) -> Result<i64, KtError> {
    text.trim()
        .parse::<i64>()
        .map_err(|_| conversion(text, option))
}

/// Kafka's `Utils.getDateTime`: `yyyy-MM-dd'T'HH:mm:ss.SSS` with an
/// optional zone (`Z`, `+01:00`, `+0100`, `+01`); UTC without one.
fn java_datetime(text: &str) -> Result<i64, KtError> {
    let failed =
        |message: String| KtError::config(&message).thrown("java.lang.RuntimeException", message);
    let Some((_, time)) = text.split_once('T') else {
        return Err(failed(
            "java.text.ParseException: Error parsing timestamp. It does not contain a 'T' according to ISO8601 format".into(),
        ));
    };
    let zoned = if time.contains('+') || time.contains('-') || time.contains('Z') {
        text.to_string()
    } else {
        format!("{text}Z")
    };
    for format in [
        "%Y-%m-%dT%H:%M:%S%.3f%:z",
        "%Y-%m-%dT%H:%M:%S%.3f%z",
        "%Y-%m-%dT%H:%M:%S%.3f%#z",
    ] {
        let candidate = zoned.replace('Z', "+00:00");
        if let Ok(t) = DateTime::parse_from_str(&candidate, format) {
            return Ok(t.timestamp_millis());
        }
    }
    Err(failed(format!(
        "java.text.ParseException: Unparseable date: \"{zoned}\""
    )))
}

/// Java's `Duration.parse` for `PnDTnHnMnS` (fractions of seconds too).
fn java_duration_ms(text: &str) -> Result<i64, KtError> {
    let bad = || {
        let message = "Text cannot be parsed to a Duration";
        KtError::config(message).thrown("java.time.format.DateTimeParseException", message)
    };
    let upper = text.to_ascii_uppercase();
    let (negative, rest) = match upper.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, upper.strip_prefix('+').unwrap_or(&upper)),
    };
    let rest = rest.strip_prefix('P').ok_or_else(bad)?;
    let (days, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let mut ms: f64 = 0.0;
    let mut any = false;
    if !days.is_empty() {
        let n = days.strip_suffix('D').ok_or_else(bad)?;
        ms += n.parse::<f64>().map_err(|_| bad())? * 86_400_000.0;
        any = true;
    }
    if let Some(mut t) = time {
        if t.is_empty() {
            return Err(bad());
        }
        for (unit, scale) in [('H', 3_600_000.0), ('M', 60_000.0), ('S', 1000.0)] {
            if let Some(i) = t.find(unit) {
                let n: f64 = t[..i].parse().map_err(|_| bad())?;
                ms += n * scale;
                t = &t[i + 1..];
                any = true;
            }
        }
        if !t.is_empty() {
            return Err(bad());
        }
    }
    if !any {
        return Err(bad());
    }
    Ok(if negative { -ms } else { ms } as i64)
}

/// A `--from-file` plan: Kafka's CSV (`topic,partition,offset` for one
/// group, `group,topic,partition,offset` for several) or kt's JSON plan.
fn read_plan(
    path: &str,
    groups: &[String],
) -> Result<HashMap<String, Vec<(Partition, i64)>>, KtError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| KtError::config(format!("java.nio.file.NoSuchFileException: {path} ({e})")))?;
    let mut plan: HashMap<String, Vec<(Partition, i64)>> = HashMap::new();
    if text.trim_start().starts_with('{') {
        let parsed: Plan = serde_json::from_str(&text)
            .map_err(|e| KtError::config(format!("{path} is not a kt reset plan: {e}")))?;
        for g in parsed.groups {
            plan.entry(g.group).or_default().extend(
                g.partitions
                    .into_iter()
                    .map(|p| ((p.topic, p.partition), p.offset)),
            );
        }
        return Ok(plan);
    }
    let lines: Vec<&str> = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
    let three = |l: &str| -> Option<(String, i32, i64)> {
        let f = csv_fields(l);
        (f.len() == 3).then_some(())?;
        Some((f[0].clone(), f[1].parse().ok()?, f[2].parse().ok()?))
    };
    let single = groups.len() == 1 && lines.first().is_some_and(|l| three(l).is_some());
    for line in lines {
        if single {
            let (t, p, o) = three(line)
                .ok_or_else(|| KtError::config(format!("cannot read '{line}' in {path}")))?;
            plan.entry(groups[0].clone()).or_default().push(((t, p), o));
        } else {
            let f = csv_fields(line);
            let parsed = (f.len() == 4)
                .then(|| {
                    Some((
                        f[0].as_str(),
                        f[1].as_str(),
                        f[2].parse::<i32>().ok()?,
                        f[3].parse::<i64>().ok()?,
                    ))
                })
                .flatten();
            let (g, t, p, o) =
                parsed.ok_or_else(|| KtError::config(format!("cannot read '{line}' in {path}")))?;
            plan.entry(g.to_string())
                .or_default()
                .push(((t.to_string(), p), o));
        }
    }
    Ok(plan)
}

/// The fields of a CSV line, quotes taken off (`""` inside is one `"`).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(f) = fields.last_mut() {
                    f.push('"');
                }
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => {
                if let Some(f) = fields.last_mut() {
                    f.push(c)
                }
            }
        }
    }
    fields
}

/// A string as Jackson's CSV writer puts it: quoted when longer than 24
/// characters (its quick check gives up there) or holding a character
/// below `-` (the separator, the quote, line ends), quotes doubled.
fn csv_field(text: &str) -> String {
    if text.chars().count() > 24 || text.chars().any(|c| (c as u32) < 45 || c == '"') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The plan as Kafka prints it (no newline between rows in 3.9), as its
/// CSV, or as kt's table or JSON.
fn render(g: &Groups<'_>, plans: &[GroupPlan], out: &mut dyn Write) -> anyhow::Result<()> {
    let executed = g.args.execute && !g.args.dry_run;
    if g.args.export {
        let with_group = g.args.group.len() != 1;
        let mut csv = String::new();
        for plan in plans {
            for p in &plan.partitions {
                if with_group {
                    csv.push_str(&format!("{},", csv_field(&plan.group)));
                }
                csv.push_str(&format!(
                    "{},{},{}\n",
                    csv_field(&p.topic),
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
            let mut table = super::describe::table(["GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"]);
            for plan in plans {
                for p in &plan.partitions {
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
                for p in &plan.partitions {
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
    fn csv_quotes_as_jackson_does() {
        assert_eq!(
            csv_field("abcdefghijklmnopqrstuvwx"),
            "abcdefghijklmnopqrstuvwx"
        );
        assert_eq!(
            csv_field("abcdefghijklmnopqrstuvwxy"),
            "\"abcdefghijklmnopqrstuvwxy\""
        );
        assert_eq!(csv_field("a b"), "\"a b\"");
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
        assert_eq!(csv_fields("\"a,\"\"b\",0,5\r"), vec!["a,\"b", "0", "5"]);
    }

    #[test]
    fn durations_are_javas() {
        assert_eq!(java_duration_ms("PT1H").unwrap(), 3_600_000);
        assert_eq!(
            java_duration_ms("P1DT2M3.5S").unwrap(),
            86_400_000 + 123_500
        );
        assert_eq!(java_duration_ms("pt10m").unwrap(), 600_000);
        assert!(java_duration_ms("1h").is_err());
        assert!(java_duration_ms("PT").is_err());
    }

    #[test]
    fn datetimes_are_javas() {
        assert_eq!(
            java_datetime("2023-11-14T22:13:20.000").unwrap(),
            1_700_000_000_000
        );
        assert_eq!(
            java_datetime("2023-11-14T23:13:20.000+01:00").unwrap(),
            1_700_000_000_000
        );
        assert!(java_datetime("2023-11-14").is_err());
        assert!(java_datetime("2023-11-14T22:13").is_err());
    }

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
