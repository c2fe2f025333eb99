//! `kt offsets` / GetOffsetShell (kafka-get-offsets, kafka-run-class
//! kafka.tools.GetOffsetShell): offsets of topic-partitions at a time.

use std::collections::HashMap;
use std::io::Write;

use clap::Args;
use kt_core::connection::{Connection, Request};
use kt_core::context::drain_events;
use kt_core::ffi::admin::list_offsets;
use kt_core::{Cluster, ConnectionArgs, Diagnostics, KtError, OffsetSpec, OutputFormat};
use regex::Regex;
use serde::Serialize;

use crate::dispatch::Mode;
use crate::endpoint::Kafka;
use crate::time::{now_ms, parse_time};
use crate::topic::{is_internal, IncludeList};

#[derive(Args, Debug, Clone, Default)]
pub struct OffsetsArgs {
    /// Topics to get offsets for: a regular expression (full match) [default: all]
    #[arg(long, value_name = "topic")]
    pub topic: Option<String>,
    /// Comma-separated partition ids [default: all]
    #[arg(long, value_name = "partition ids")]
    pub partitions: Option<String>,
    /// Rules: topic-regex[:partition], :p, t:a-b, t:a-, t:-b (comma-separated)
    #[arg(long, value_name = "topic1:1,topic2:0-3,topic3,topic4:5-,topic5:-3")]
    pub topic_partitions: Option<String>,
    /// latest/-1, earliest/-2, max-timestamp/-3, earliest-local/-4, latest-tiered/-5, or a ms timestamp (kt: also RFC 3339 or -1h)
    #[arg(
        long,
        value_name = "timestamp/-1(latest)/-2(earliest)/-3(max timestamp)",
        allow_hyphen_values = true
    )]
    pub time: Option<String>,
    /// Leave out internal topics
    #[arg(long)]
    pub exclude_internal_topics: bool,
    /// Accepted and ignored, as in Kafka 2.x
    #[arg(long, hide = true, allow_hyphen_values = true)]
    pub offsets: Option<String>,
    /// Accepted and ignored, as in Kafka 2.x
    #[arg(long, hide = true, allow_hyphen_values = true)]
    pub max_wait_ms: Option<String>,

    #[command(flatten)]
    pub output: kt_core::OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// Which partitions of a topic a rule takes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Partitions {
    All,
    One(i32),
    /// From (inclusive) to (exclusive), either end open.
    Range(Option<i32>, Option<i32>),
}

impl Partitions {
    fn takes(&self, p: i32) -> bool {
        match self {
            Partitions::All => true,
            Partitions::One(x) => p == *x,
            Partitions::Range(a, b) => a.is_none_or(|a| p >= a) && b.is_none_or(|b| p < b),
        }
    }
}

/// One `--topic-partitions` rule, or the `--topic`/`--partitions` pair.
#[derive(Debug)]
pub(crate) struct Rule {
    topics: Option<IncludeList>,
    partitions: Partitions,
    /// `--partitions` list (applies to every topic).
    ids: Option<Vec<i32>>,
}

impl Rule {
    pub(crate) fn takes(&self, topic: &str, p: i32) -> bool {
        self.topics.as_ref().is_none_or(|t| t.matches(topic))
            && self.partitions.takes(p)
            && self.ids.as_ref().is_none_or(|ids| ids.contains(&p))
    }
}

/// One `--topic-partitions` rule, already matched against GetOffsetShell's shape.
fn parse_rule(shape: &Regex, rule: &str) -> Result<Rule, KtError> {
    let invalid = || KtError::config(format!("Invalid rule specification: {rule}"));
    let caps = shape.captures(rule).ok_or_else(invalid)?;
    let number = |i: usize| -> Result<Option<i32>, KtError> {
        caps.get(i)
            .filter(|m| !m.as_str().is_empty())
            .map(|m| m.as_str().parse::<i32>().map_err(|_| invalid()))
            .transpose()
    };
    let partitions = if caps.get(2).is_some() {
        number(2)?.map_or(Partitions::All, Partitions::One)
    } else if caps.get(3).is_some() || caps.get(4).is_some() {
        Partitions::Range(number(3)?, number(4)?)
    } else {
        Partitions::All
    };
    let topic = &caps[1];
    let topics = (!topic.is_empty())
        .then(|| IncludeList::new(topic))
        .transpose()?;
    Ok(Rule {
        topics,
        partitions,
        ids: None,
    })
}

pub(crate) fn rules(args: &OffsetsArgs) -> Result<Vec<Rule>, KtError> {
    if let Some(spec) = &args.topic_partitions {
        if args.topic.is_some() || args.partitions.is_some() {
            return Err(KtError::config(
                "--topic-partitions cannot be used with --topic or --partitions",
            ));
        }
        let shape = Regex::new(r"^([^:,]*)(?::(?:([0-9]*)|(?:([0-9]*)-([0-9]*))))?$")
            .expect("a constant regex compiles");
        return spec
            .split(',')
            .map(|rule| parse_rule(&shape, rule))
            .collect();
    }
    let ids = match &args.partitions {
        None => None,
        Some(list) => Some(
            list.split(',')
                .map(|p| p.trim().parse::<i32>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|_| {
                    KtError::config(format!(
                        "--partitions expects a comma separated list of numeric partition ids, but received: {list}"
                    ))
                })?,
        ),
    };
    let topics = args.topic.as_deref().map(IncludeList::new).transpose()?;
    Ok(vec![Rule {
        topics,
        partitions: Partitions::All,
        ids,
    }])
}

/// `--time` as a ListOffsets spec: Kafka's words and codes, or a timestamp.
pub(crate) fn time_spec(text: &str, mode: Mode) -> Result<OffsetSpec, KtError> {
    let spec = match text.trim() {
        "latest" | "-1" => OffsetSpec::Latest,
        "earliest" | "-2" => OffsetSpec::Earliest,
        "max-timestamp" | "-3" => OffsetSpec::MaxTimestamp,
        // librdkafka's ListOffsets refuses these specs before sending them.
        "earliest-local" | "-4" | "latest-tiered" | "-5" => {
            return Err(KtError::config(format!(
                "--time {text} asks for a tiered-storage offset, which librdkafka cannot request; \
                 without tiered storage earliest-local is -2 (earliest)"
            )))
        }
        t => match t.parse::<i64>() {
            Ok(ms) if ms >= 0 => OffsetSpec::At(ms),
            _ => match mode {
                Mode::Native => match parse_time(t, now_ms()) {
                    Ok(ms) => OffsetSpec::At(ms),
                    Err(_) => return Err(malformed(text)),
                },
                Mode::Compat => return Err(malformed(text)),
            },
        },
    };
    Ok(spec)
}

fn malformed(text: &str) -> KtError {
    KtError::config(format!(
        "Malformed time argument {text}. Please use -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or latest-tiered, or a specified long format timestamp"
    ))
}

/// One partition in kt's summary view.
#[derive(Debug, Serialize)]
struct PartitionOffsets {
    topic: String,
    partition: i32,
    earliest: i64,
    latest: i64,
    records: i64,
}

pub fn run(
    args: OffsetsArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    // GetOffsetShell wraps a bad rule in TerseException, then RuntimeException.
    let rules = rules(&args).map_err(|e| match mode {
        Mode::Compat if e.message.starts_with("Invalid rule specification") => KtError::config(format!(
            "org.apache.kafka.tools.TerseException: {m}\njava.lang.RuntimeException: org.apache.kafka.tools.TerseException: {m}",
            m = e.message
        )),
        _ => e,
    })?;
    if mode == Mode::Compat && args.connection.endpoint()?.is_none() {
        // GetOffsetShell's own check, before it reads --time.
        return Err(KtError::config("Missing required option(s) [bootstrap-server]").into());
    }
    let spec = args
        .time
        .as_deref()
        .map(|t| time_spec(t, mode))
        .transpose()?;
    let request = Request {
        endpoint: crate::endpoint::rule(mode, Kafka::Option, false),
        ..Default::default()
    };
    let cluster = Connection::resolve(&args.connection, request)?.open(err)?;
    let admin = cluster.admin("GetOffsetShell")?;
    let md = cluster.metadata(admin.inner(), None, &|| drain_events(admin.inner()))?;
    let mut chosen: Vec<(String, i32)> = Vec::new();
    for t in md.topics() {
        if args.exclude_internal_topics && is_internal(t.name()) {
            continue;
        }
        for p in t.partitions() {
            if rules.iter().any(|r| r.takes(t.name(), p.id())) {
                chosen.push((t.name().to_string(), p.id()));
            }
        }
    }
    // Every partition's replicas are no longer needed: only the names.
    drop(md);
    if chosen.is_empty() {
        return Err(KtError::not_found(
            "Could not match any topic-partitions with the specified filters",
        )
        .into());
    }
    // Kafka 3.7+ orders by the string "<topic>-<partition>", so t-10 precedes t-2.
    chosen.sort_by_cached_key(|(t, p)| format!("{t}-{p}"));
    let format = if mode == Mode::Compat {
        OutputFormat::Text
    } else {
        args.output.output
    };
    let result = match (spec, mode) {
        (None, Mode::Native) => summary(&cluster, &admin, &chosen, format, out),
        (spec, _) => at_time(
            &cluster,
            &admin,
            &chosen,
            spec.unwrap_or(OffsetSpec::Latest),
            format,
            out,
            err,
        ),
    };
    kt_core::leave_running(admin);
    kt_core::leave_running(cluster);
    result
}

/// Kafka's output: `topic:partition:offset`, partitions without an offset left out.
fn at_time(
    cluster: &Cluster,
    admin: &rdkafka::admin::AdminClient<kt_core::KtContext>,
    chosen: &[(String, i32)],
    spec: OffsetSpec,
    format: OutputFormat,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let answers = list_offsets(admin.inner(), chosen, spec, cluster.timeout)?;
    let (rows, skipped) = offsets_at(chosen, answers);
    for line in skipped {
        err.line(line);
    }
    render_offsets(&rows, format, out)
}

/// One partition's offset at the time asked for.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct PartitionOffset {
    topic: String,
    partition: i32,
    offset: i64,
}

/// The answers in `chosen`'s order: the offsets found, and GetOffsetShell's
/// line for each partition that answered with an error. A partition with
/// no offset at that time (-1) is left out, as Kafka leaves it out.
fn offsets_at(
    chosen: &[(String, i32)],
    answers: Vec<kt_core::ffi::admin::OffsetAnswer>,
) -> (Vec<PartitionOffset>, Vec<String>) {
    let answers: HashMap<_, _> = answers.into_iter().collect();
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for tp in chosen {
        let why = match answers.get(tp) {
            Some(Ok(offset)) if *offset >= 0 => {
                rows.push(PartitionOffset {
                    topic: tp.0.clone(),
                    partition: tp.1,
                    offset: *offset,
                });
                continue;
            }
            Some(Ok(_)) => continue,
            Some(Err(why)) => why.as_str(),
            None => "no answer",
        };
        skipped.push(format!(
            "Skip getting offsets for topic-partition {}-{} due to error: {why}",
            tp.0, tp.1
        ));
    }
    (rows, skipped)
}

/// Kafka's `topic:partition:offset` lines, a table, or JSON.
fn render_offsets(
    rows: &[PartitionOffset],
    format: OutputFormat,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Text => {
            for r in rows {
                writeln!(out, "{}:{}:{}", r.topic, r.partition, r.offset)?;
            }
        }
        OutputFormat::Table => {
            let mut table = crate::table::new(["TOPIC", "PARTITION", "OFFSET"]);
            for r in rows {
                table.add_row([
                    r.topic.clone(),
                    r.partition.to_string(),
                    r.offset.to_string(),
                ]);
            }
            writeln!(out, "{table}")?;
        }
        OutputFormat::Json => {
            #[derive(Serialize)]
            struct Offsets<'a> {
                offsets: &'a [PartitionOffset],
            }
            serde_json::to_writer_pretty(&mut *out, &Offsets { offsets: rows })?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// kt's view with no `--time`: earliest, latest and the records between.
fn summary(
    cluster: &Cluster,
    admin: &rdkafka::admin::AdminClient<kt_core::KtContext>,
    chosen: &[(String, i32)],
    format: OutputFormat,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    // Offsets by partition, errors left out.
    let offsets = |spec| -> anyhow::Result<HashMap<(String, i32), i64>> {
        Ok(list_offsets(admin.inner(), chosen, spec, cluster.timeout)?
            .into_iter()
            .filter_map(|(tp, answer)| Some((tp, answer.ok()?)))
            .collect())
    };
    let (earliest, latest) = (offsets(OffsetSpec::Earliest)?, offsets(OffsetSpec::Latest)?);
    let rows: Vec<PartitionOffsets> = chosen
        .iter()
        .filter_map(|tp| {
            let (e, l) = (*earliest.get(tp)?, *latest.get(tp)?);
            Some(PartitionOffsets {
                topic: tp.0.clone(),
                partition: tp.1,
                earliest: e,
                latest: l,
                records: (l - e).max(0),
            })
        })
        .collect();
    match format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "partitions": rows }))?;
            writeln!(out)?;
        }
        _ => {
            let mut table =
                crate::table::new(["TOPIC", "PARTITION", "EARLIEST", "LATEST", "RECORDS"]);
            for r in rows {
                table.add_row([
                    r.topic,
                    r.partition.to_string(),
                    r.earliest.to_string(),
                    r.latest.to_string(),
                    r.records.to_string(),
                ]);
            }
            writeln!(out, "{table}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(topic_partitions: &str) -> OffsetsArgs {
        OffsetsArgs {
            topic_partitions: Some(topic_partitions.to_string()),
            ..Default::default()
        }
    }

    #[test]
    fn topic_partition_rules() {
        let r = rules(&args("t:1,u:2-4,v:5-,w:-2,:7,x")).unwrap();
        assert!(r[0].takes("t", 1) && !r[0].takes("t", 2));
        assert!(r[1].takes("u", 2) && r[1].takes("u", 3) && !r[1].takes("u", 4));
        assert!(r[2].takes("v", 9) && !r[2].takes("v", 4));
        assert!(r[3].takes("w", 1) && !r[3].takes("w", 2));
        assert!(r[4].takes("anything", 7) && !r[4].takes("anything", 6));
        assert!(r[5].takes("x", 0) && !r[5].takes("xy", 0));
        assert_eq!(
            rules(&args("t:x")).unwrap_err().message,
            "Invalid rule specification: t:x"
        );
    }

    #[test]
    fn offsets_at_a_time_compute_then_render() {
        let chosen: Vec<(String, i32)> = ["t-0", "t-1", "t-10", "t-2"]
            .iter()
            .map(|s| {
                let (t, p) = s.split_once('-').unwrap();
                (t.to_string(), p.parse().unwrap())
            })
            .collect();
        let answers = vec![
            (("t".to_string(), 10), Ok(7)),
            (("t".to_string(), 0), Ok(3)),
            (("t".to_string(), 1), Ok(-1)),
            (
                ("t".to_string(), 2),
                Err("Broker: Not leader for partition".to_string()),
            ),
        ];
        let (rows, skipped) = offsets_at(&chosen, answers);
        assert_eq!(
            skipped,
            ["Skip getting offsets for topic-partition t-2 due to error: Broker: Not leader for partition"]
        );
        let render = |format| {
            let mut out = Vec::new();
            render_offsets(&rows, format, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(render(OutputFormat::Text), "t:0:3\nt:10:7\n");
        let json: serde_json::Value = serde_json::from_str(&render(OutputFormat::Json)).unwrap();
        assert_eq!(json["offsets"][1]["offset"], 7);
        assert!(render(OutputFormat::Table).contains("PARTITION"));
    }

    #[test]
    fn times_and_bad_lists() {
        assert_eq!(
            time_spec("latest", Mode::Compat).unwrap(),
            OffsetSpec::Latest
        );
        assert_eq!(
            time_spec("-3", Mode::Compat).unwrap(),
            OffsetSpec::MaxTimestamp
        );
        assert_eq!(
            time_spec("1700000000000", Mode::Compat).unwrap(),
            OffsetSpec::At(1_700_000_000_000)
        );
        assert!(time_spec("abc", Mode::Compat)
            .unwrap_err()
            .message
            .starts_with("Malformed time argument abc. Please use -1 or latest"));
        assert!(time_spec("2023-11-14T22:13:20Z", Mode::Native).is_ok());
        let bad = OffsetsArgs {
            partitions: Some("1,x".into()),
            ..Default::default()
        };
        assert_eq!(
            rules(&bad).unwrap_err().message,
            "--partitions expects a comma separated list of numeric partition ids, but received: 1,x"
        );
        let both = OffsetsArgs {
            topic: Some("t".into()),
            topic_partitions: Some("t".into()),
            ..Default::default()
        };
        assert_eq!(
            rules(&both).unwrap_err().message,
            "--topic-partitions cannot be used with --topic or --partitions"
        );
    }
}
