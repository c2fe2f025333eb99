//! `kt delete-records` / kafka-delete-records (DeleteRecordsCommand): moves
//! partitions' log start forward, deleting the records before an offset.
//!
//! Under the Kafka name it reads Kafka's `--offset-json-file` and prints
//! Kafka 3.9's lines; under kt's own name `--topic T [--partition P]
//! --before OFFSET|TIME` says the same without a file, asks on a terminal
//! unless `--yes`, and reports each partition's new log start.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};

use clap::Args;
use kt_core::connection::{Connection, Request};
use kt_core::ffi::admin::list_offsets;
use kt_core::{ConnectionArgs, Diagnostics, KtError, OffsetSpec, OutputArgs, OutputFormat};
use rdkafka::admin::AdminOptions;
use rdkafka::{Offset, TopicPartitionList};
use serde::Serialize;

use crate::dispatch::Mode;
use crate::endpoint::Kafka;
use crate::java_order::{hash_map_order, topic_partition_hash};
use crate::time::{now_ms, parse_time};

#[derive(Args, Debug, Clone, Default)]
pub struct DeleteRecordsArgs {
    /// The JSON file with offset per partition: {"partitions": [{"topic": "foo", "partition": 1, "offset": 1}], "version": 1}
    #[arg(long, value_name = "Offset json file path")]
    pub offset_json_file: Option<String>,
    /// kt: the topic to delete records of (instead of --offset-json-file)
    #[arg(long, value_name = "TOPIC", help_heading = "kt")]
    pub topic: Option<String>,
    /// kt: only this partition of --topic (repeatable) [default: all]
    #[arg(long, value_name = "N", help_heading = "kt")]
    pub partition: Vec<i32>,
    /// kt: delete the records before this offset, or before this time (RFC 3339, epoch ms, -1h); `end` deletes all
    #[arg(
        long,
        value_name = "OFFSET|TIME",
        allow_hyphen_values = true,
        help_heading = "kt"
    )]
    pub before: Option<String>,
    /// kt: do not ask on a terminal
    #[arg(long, short = 'y', help_heading = "kt")]
    pub yes: bool,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// One partition's result: its new log start, or the broker's error.
#[derive(Debug, Serialize)]
struct Deleted {
    topic: String,
    partition: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    low_watermark: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Where to cut each partition: an offset (-1 is the log end).
type Cuts = Vec<((String, i32), i64)>;

/// Kafka's `--offset-json-file` (version 1), with Kafka's messages.
fn parse_offset_json(text: &str) -> Result<Cuts, KtError> {
    let failed = |m: &str| {
        KtError::broker(m).thrown("org.apache.kafka.server.common.AdminOperationException", m)
    };
    let js: serde_json::Value =
        serde_json::from_str(text).map_err(|_| failed("The input string is not a valid JSON"))?;
    let version = js.get("version").and_then(|v| v.as_i64()).unwrap_or(1);
    if version != 1 {
        return Err(failed(&format!(
            "Not supported version field value {version}"
        )));
    }
    let partitions = js
        .get("partitions")
        .ok_or_else(|| failed("Missing partitions field"))?
        .as_array()
        .ok_or_else(|| failed("Missing partitions field"))?;
    let mut cuts = Vec::new();
    for p in partitions {
        let field = |name: &str| {
            p.get(name)
                .ok_or_else(|| failed(&format!("No such field exists: `{name}`")))
        };
        let topic = field("topic")?
            .as_str()
            .ok_or_else(|| failed("Expected `String` value"))?
            .to_string();
        let partition = field("partition")?
            .as_i64()
            .ok_or_else(|| failed("Expected `Int` value"))? as i32;
        let offset = field("offset")?
            .as_i64()
            .ok_or_else(|| failed("Expected `Long` value"))?;
        cuts.push(((topic, partition), offset));
    }
    let mut seen: HashMap<&(String, i32), usize> = HashMap::new();
    for (tp, _) in &cuts {
        *seen.entry(tp).or_default() += 1;
    }
    let duplicates: Vec<(String, i32)> = seen
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(tp, _)| tp.clone())
        .collect();
    if !duplicates.is_empty() {
        let duplicates = hash_map_order(duplicates, |tp| topic_partition_hash(&tp.0, tp.1));
        let message = format!(
            "Offset json file contains duplicate topic partitions: {}",
            duplicates
                .iter()
                .map(|(t, p)| format!("{t}-{p}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        return Err(KtError::broker(&message).thrown(
            "org.apache.kafka.server.common.AdminCommandFailedException",
            message,
        ));
    }
    Ok(cuts)
}

pub fn run(
    args: DeleteRecordsArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    if kafka_name {
        if args.connection.endpoint()?.is_none() {
            return Err(Kafka::Argument.error().into());
        }
        if args.offset_json_file.is_none() {
            return Err(KtError::usage("Missing required argument \"[offset-json-file]\"").into());
        }
    } else if args.offset_json_file.is_some() == args.topic.is_some() {
        return Err(KtError::usage(
            "give --topic T --before OFFSET|TIME, or Kafka's --offset-json-file FILE",
        )
        .into());
    } else if args.topic.is_some() && args.before.is_none() {
        return Err(KtError::usage("--topic needs --before OFFSET|TIME (or `end`)").into());
    }
    let file_cuts = match &args.offset_json_file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|_| {
                KtError::config(format!("Unable to read file {path}"))
                    .thrown("java.io.IOException", format!("Unable to read file {path}"))
            })?;
            Some(parse_offset_json(&text)?)
        }
        None => None,
    };
    let request = Request {
        endpoint: crate::endpoint::rule(mode, Kafka::Argument, false),
        ..Default::default()
    };
    let cluster = Connection::resolve(&args.connection, request)?.open(err)?;
    let admin = cluster.admin("kt-delete-records")?;
    let cuts = match file_cuts {
        Some(cuts) => cuts,
        None => topic_cuts(&args, &cluster, &admin)?,
    };
    if !kafka_name && !args.yes {
        confirm(&cuts, &cluster, &admin, err)?;
    }
    // A partition the cluster does not have is reported as Kafka's admin
    // client reports it, at once (Kafka's retries until its timeout).
    let md = cluster.metadata(admin.inner(), None, &|| {
        kt_core::context::drain_events(admin.inner())
    })?;
    let exists = |(topic, partition): &(String, i32)| {
        md.topics().iter().any(|t| {
            t.name() == topic
                && t.error().is_none()
                && t.partitions().iter().any(|p| p.id() == *partition)
        })
    };
    let (cuts, unknown): (Cuts, Cuts) = cuts.into_iter().partition(|(tp, _)| exists(tp));
    let mut tpl = TopicPartitionList::with_capacity(cuts.len());
    for ((topic, partition), offset) in &cuts {
        let at = if *offset < 0 {
            Offset::End
        } else {
            Offset::Offset(*offset)
        };
        tpl.add_partition_offset(topic, *partition, at)
            .map_err(|e| KtError::usage(format!("{topic}-{partition}: {e}")))?;
    }
    if kafka_name {
        writeln!(out, "Executing records delete operation")?;
    }
    let options = AdminOptions::new().request_timeout(Some(cluster.timeout));
    let answer = if cuts.is_empty() {
        TopicPartitionList::new()
    } else {
        kt_core::block_on(admin.delete_records(&tpl, &options))
            .map_err(|e| KtError::broker(format!("deleting records: {e}")))?
    };
    let mut results: Vec<Deleted> = answer
        .elements()
        .iter()
        .map(|e| Deleted {
            topic: e.topic().to_string(),
            partition: e.partition(),
            low_watermark: match (e.error(), e.offset()) {
                (Ok(()), Offset::Offset(o)) => Some(o),
                _ => None,
            },
            error: e.error().err().map(|code| {
                crate::compat::java_exception(
                    code.rdkafka_error_code()
                        .unwrap_or(rdkafka::error::RDKafkaErrorCode::Unknown),
                    &code.to_string(),
                )
            }),
        })
        .collect();
    results.extend(unknown.into_iter().map(|((topic, partition), _)| Deleted {
        topic,
        partition,
        low_watermark: None,
        error: Some(crate::compat::java_exception(
            rdkafka::error::RDKafkaErrorCode::UnknownTopicOrPartition,
            "",
        )),
    }));
    // Kafka prints from a HashMap of partitions.
    results = hash_map_order(results, |d| topic_partition_hash(&d.topic, d.partition));
    let failed = results.iter().filter(|d| d.error.is_some()).count();
    match (mode, args.output.output) {
        (Mode::Compat, _) | (Mode::Native, OutputFormat::Text) => {
            if kafka_name {
                writeln!(out, "Records delete operation completed:")?;
            }
            for d in &results {
                match (&d.error, d.low_watermark) {
                    (Some(e), _) => {
                        writeln!(out, "partition: {}-{}\terror: {e}", d.topic, d.partition)?
                    }
                    (None, Some(low)) => writeln!(
                        out,
                        "partition: {}-{}\tlow_watermark: {low}",
                        d.topic, d.partition
                    )?,
                    (None, None) => {}
                }
            }
        }
        (Mode::Native, OutputFormat::Json) => {
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "partitions": results }))?;
            writeln!(out)?;
        }
        (Mode::Native, OutputFormat::Table) => {
            let mut table = crate::table::new(["TOPIC", "PARTITION", "LOW-WATERMARK", "ERROR"]);
            let mut sorted: Vec<_> = results.iter().collect();
            sorted.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
            for d in sorted {
                table.add_row([
                    d.topic.clone(),
                    d.partition.to_string(),
                    d.low_watermark
                        .map_or_else(|| "-".into(), |l| l.to_string()),
                    d.error.clone().unwrap_or_default(),
                ]);
            }
            writeln!(out, "{table}")?;
        }
    }
    kt_core::leave_running(admin);
    kt_core::leave_running(cluster);
    if failed > 0 && !kafka_name {
        return Err(KtError::new(
            if failed == results.len() {
                kt_core::ErrorKind::Broker
            } else {
                kt_core::ErrorKind::Partial
            },
            format!(
                "{failed} of {} partitions refused the deletion",
                results.len()
            ),
        )
        .into());
    }
    Ok(())
}

/// kt's `--topic T [--partition P] --before OFFSET|TIME`: the cut of each
/// partition (a time is looked up with ListOffsets; none after it is the end).
fn topic_cuts(
    args: &DeleteRecordsArgs,
    cluster: &kt_core::Cluster,
    admin: &rdkafka::admin::AdminClient<kt_core::KtContext>,
) -> anyhow::Result<Cuts> {
    let topic = args.topic.clone().unwrap_or_default();
    let md = cluster.metadata(admin.inner(), Some(&topic), &|| {
        kt_core::context::drain_events(admin.inner())
    })?;
    let Some(t) = md
        .topics()
        .iter()
        .find(|t| t.name() == topic && t.error().is_none() && !t.partitions().is_empty())
    else {
        return Err(KtError::not_found(format!("topic {topic} does not exist")).into());
    };
    let mut partitions: Vec<i32> = t.partitions().iter().map(|p| p.id()).collect();
    partitions.sort_unstable();
    for p in &args.partition {
        if !partitions.contains(p) {
            return Err(KtError::not_found(format!(
                "partition {p} of topic {topic} does not exist (it has {})",
                partitions.len()
            ))
            .into());
        }
    }
    if !args.partition.is_empty() {
        partitions.retain(|p| args.partition.contains(p));
    }
    let chosen: Vec<(String, i32)> = partitions.iter().map(|p| (topic.clone(), *p)).collect();
    let before = args.before.as_deref().unwrap_or("end").trim();
    if before == "end" {
        return Ok(chosen.into_iter().map(|tp| (tp, -1)).collect());
    }
    if let Ok(offset) = before.parse::<i64>() {
        if offset >= 0 && !before.starts_with('-') && before.len() < 13 {
            return Ok(chosen.into_iter().map(|tp| (tp, offset)).collect());
        }
    }
    let at = parse_time(before, now_ms()).map_err(|_| {
        KtError::usage(format!(
            "--before {before}: give an offset, `end`, or a time (now, RFC 3339, epoch ms, -1h)"
        ))
    })?;
    let found = list_offsets(admin.inner(), &chosen, OffsetSpec::At(at), cluster.timeout)?;
    Ok(found
        .into_iter()
        .map(|(tp, answer)| match answer {
            Ok(offset) if offset >= 0 => (tp, offset),
            // No record at or after the time: every record is older.
            _ => (tp, -1),
        })
        .collect())
}

/// Asks on the terminal, naming how many records each cut deletes; no
/// question when none does (an empty partition, a cut at its start). The
/// declined error when the answer is no.
fn confirm(
    cuts: &Cuts,
    cluster: &kt_core::Cluster,
    admin: &rdkafka::admin::AdminClient<kt_core::KtContext>,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    if !std::io::stdin().is_terminal() {
        return Ok(());
    }
    let partitions: Vec<(String, i32)> = cuts.iter().map(|(tp, _)| tp.clone()).collect();
    let at = |spec| -> anyhow::Result<HashMap<(String, i32), i64>> {
        Ok(
            list_offsets(admin.inner(), &partitions, spec, cluster.timeout)?
                .into_iter()
                .filter_map(|(tp, answer)| Some((tp, answer.ok()?)))
                .collect(),
        )
    };
    let (starts, ends) = (at(OffsetSpec::Earliest)?, at(OffsetSpec::Latest)?);
    let mut any = false;
    for (tp, offset) in cuts {
        let (topic, partition) = tp;
        let (Some(start), Some(end)) = (starts.get(tp), ends.get(tp)) else {
            continue;
        };
        let cut = if *offset < 0 {
            *end
        } else {
            (*offset).min(*end)
        };
        let doomed = cut - start;
        if doomed <= 0 {
            err.line(format_args!(
                "kt: {topic}-{partition} has no records before offset {cut}: nothing to delete there"
            ));
            continue;
        }
        any = true;
        err.line(format_args!(
            "kt: will delete {doomed} record{} of {topic}-{partition} (offsets {start} to {})",
            if doomed == 1 { "" } else { "s" },
            cut - 1
        ));
    }
    if !any {
        return Ok(());
    }
    crate::prompt::confirm("Delete?", "nothing deleted", err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kafkas_offset_json_and_its_errors() {
        let cuts = parse_offset_json(
            r#"{"partitions": [{"topic": "t", "partition": 1, "offset": 5}], "version": 1}"#,
        )
        .unwrap();
        assert_eq!(cuts, vec![(("t".to_string(), 1), 5)]);
        let message = |text: &str| parse_offset_json(text).unwrap_err().message;
        assert_eq!(message("nope"), "The input string is not a valid JSON");
        assert_eq!(message(r#"{"version": 1}"#), "Missing partitions field");
        assert_eq!(
            message(r#"{"partitions": [], "version": 2}"#),
            "Not supported version field value 2"
        );
        assert_eq!(
            message(
                r#"{"partitions": [{"topic": "t", "partition": 0, "offset": 1}, {"topic": "t", "partition": 0, "offset": 2}]}"#
            ),
            "Offset json file contains duplicate topic partitions: t-0"
        );
    }
}
