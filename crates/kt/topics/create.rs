//! `--create`.

use std::io::Write;

use kt_core::context::drain_events;
use kt_core::ffi::admin::{create_topic, NewTopicSpec};
use kt_core::{KtError, OutputFormat};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use regex::Regex;

use super::filter::{has_collision_chars, validate_name};
use super::report::{write_change_json, ChangeReport};
use super::{topic_error_message, with_retries, Session};

const COLLISION_WARNING: &str = "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.";

/// How Kafka's ConfigDef reads a topic config's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConfigType {
    Text,
    Int,
    Long,
    Double,
    Boolean,
}

/// Topic-level configs Kafka 3.9 accepts (TopicConfig / LogConfig) and
/// their types, for the checks TopicCommand makes before anything is sent.
const TOPIC_CONFIGS: &[(&str, ConfigType)] = &[
    ("cleanup.policy", ConfigType::Text),
    ("compression.type", ConfigType::Text),
    ("compression.gzip.level", ConfigType::Int),
    ("compression.zstd.level", ConfigType::Int),
    ("delete.retention.ms", ConfigType::Long),
    ("file.delete.delay.ms", ConfigType::Long),
    ("flush.messages", ConfigType::Long),
    ("flush.ms", ConfigType::Long),
    ("follower.replication.throttled.replicas", ConfigType::Text),
    ("index.interval.bytes", ConfigType::Int),
    ("leader.replication.throttled.replicas", ConfigType::Text),
    ("local.retention.bytes", ConfigType::Long),
    ("local.retention.ms", ConfigType::Long),
    ("max.compaction.lag.ms", ConfigType::Long),
    ("max.message.bytes", ConfigType::Int),
    ("message.downconversion.enable", ConfigType::Boolean),
    ("message.format.version", ConfigType::Text),
    ("message.timestamp.after.max.ms", ConfigType::Long),
    ("message.timestamp.before.max.ms", ConfigType::Long),
    ("message.timestamp.difference.max.ms", ConfigType::Long),
    ("message.timestamp.type", ConfigType::Text),
    ("min.cleanable.dirty.ratio", ConfigType::Double),
    ("min.compaction.lag.ms", ConfigType::Long),
    ("min.insync.replicas", ConfigType::Int),
    ("preallocate", ConfigType::Boolean),
    ("remote.log.copy.disable", ConfigType::Boolean),
    ("remote.log.delete.on.disable", ConfigType::Boolean),
    ("remote.storage.enable", ConfigType::Boolean),
    ("retention.bytes", ConfigType::Long),
    ("retention.ms", ConfigType::Long),
    ("segment.bytes", ConfigType::Int),
    ("segment.index.bytes", ConfigType::Int),
    ("segment.jitter.ms", ConfigType::Long),
    ("segment.ms", ConfigType::Long),
    ("unclean.leader.election.enable", ConfigType::Boolean),
];

/// ConfigDef.parseType's complaint about `value`, if it has one.
fn type_error(kind: ConfigType, value: &str) -> Option<&'static str> {
    let v = value.trim();
    match kind {
        ConfigType::Text => None,
        ConfigType::Int => v
            .parse::<i32>()
            .is_err()
            .then_some("Not a number of type INT"),
        ConfigType::Long => v
            .parse::<i64>()
            .is_err()
            .then_some("Not a number of type LONG"),
        ConfigType::Double => v
            .parse::<f64>()
            .is_err()
            .then_some("Not a number of type DOUBLE"),
        ConfigType::Boolean => (!v.eq_ignore_ascii_case("true")
            && !v.eq_ignore_ascii_case("false"))
        .then_some("Expected value to be either true or false"),
    }
}

/// The numeric bounds of Kafka 3.9's LogConfig (`atLeast`, `between`).
const TOPIC_CONFIG_RANGES: &[(&str, f64, Option<f64>)] = &[
    ("segment.bytes", 14.0, None),
    ("segment.ms", 1.0, None),
    ("segment.jitter.ms", 0.0, None),
    ("segment.index.bytes", 4.0, None),
    ("flush.messages", 1.0, None),
    ("flush.ms", 0.0, None),
    ("retention.ms", -1.0, None),
    ("max.message.bytes", 0.0, None),
    ("index.interval.bytes", 0.0, None),
    ("delete.retention.ms", 0.0, None),
    ("min.compaction.lag.ms", 0.0, None),
    ("max.compaction.lag.ms", 1.0, None),
    ("file.delete.delay.ms", 0.0, None),
    ("min.cleanable.dirty.ratio", 0.0, Some(1.0)),
    ("min.insync.replicas", 1.0, None),
    ("message.timestamp.difference.max.ms", 0.0, None),
    ("message.timestamp.before.max.ms", 0.0, None),
    ("message.timestamp.after.max.ms", 0.0, None),
    ("local.retention.ms", -2.0, None),
    ("local.retention.bytes", -2.0, None),
];

/// ConfigDef.Range's complaint about a value of the right type.
fn range_error(key: &str, value: &str) -> Option<String> {
    let (_, min, max) = TOPIC_CONFIG_RANGES.iter().find(|(name, ..)| *name == key)?;
    let v: f64 = value.trim().parse().ok()?;
    if v < *min {
        return Some(format!("Value must be at least {min}"));
    }
    max.filter(|max| v > *max)
        .map(|max| format!("Value must be no more than {max}"))
}

pub fn run(s: &Session<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let name = s.args.topic.clone().unwrap_or_default();
    // Kafka parses the assignment and configs before it prints anything.
    let assignment = s
        .args
        .replica_assignment
        .as_deref()
        .filter(|a| !a.is_empty())
        .map(parse_replica_assignment)
        .transpose()?;
    let configs = parse_topic_configs(&s.args.config)?;
    if has_collision_chars(&name) {
        if s.format == OutputFormat::Text {
            writeln!(out, "{COLLISION_WARNING}")?;
        } else {
            s.err.line(COLLISION_WARNING);
        }
    }
    if s.args
        .replication_factor
        .is_some_and(|rf| !(1..=32767).contains(&rf))
    {
        return Err(KtError::config(
            "The replication factor must be between 1 and 32767 inclusive",
        )
        .into());
    }
    if s.args.partitions.is_some_and(|p| p < 1) {
        return Err(KtError::config("The partitions must be greater than 0").into());
    }
    validate_name(&name)?;

    let created = match s.cluster.mock() {
        Some(mock) => create_on_mock(s, mock, &name, assignment.as_deref())?,
        None => {
            let created = create_on_brokers(s, &name, assignment.as_deref(), &configs)?;
            if created {
                let expected = assignment
                    .as_ref()
                    .map(|a| a.len())
                    .or(s.args.partitions.map(|p| p as usize));
                await_leaders(s, &name, expected);
            }
            created
        }
    };
    match (s.format, created) {
        (OutputFormat::Json, _) => {
            let mut report = ChangeReport {
                action: "create",
                ..Default::default()
            };
            if created {
                report.topics.push(name)
            } else {
                report.skipped.push(name)
            }
            write_change_json(out, &report)?;
        }
        (_, true) => writeln!(out, "Created topic {name}.")?,
        (_, false) => {}
    }
    Ok(())
}

/// Creates through CreateTopics. Ok(false): it existed and `--if-not-exists`.
fn create_on_brokers(
    s: &Session<'_>,
    name: &str,
    assignment: Option<&[Vec<i32>]>,
    configs: &[(String, String)],
) -> anyhow::Result<bool> {
    // The broker's message for the last failure: what Kafka's tool prints.
    let mut message = String::new();
    let failures = with_retries(
        s,
        "CreateTopics",
        RDKafkaErrorCode::TopicAlreadyExists,
        |_| {
            let spec = NewTopicSpec {
                name,
                // -1 asks the broker for its defaults (num.partitions, default.replication.factor).
                partitions: s.args.partitions.unwrap_or(-1),
                replication_factor: s.args.replication_factor.unwrap_or(-1),
                assignment,
                configs,
            };
            match create_topic(s.admin.inner(), &spec, s.cluster.timeout) {
                Ok(None) => Ok(vec![Ok(name.to_string())]),
                Ok(Some((code, why))) => {
                    message = why;
                    Ok(vec![Err((name.to_string(), code))])
                }
                Err((code, _)) => Err(KafkaError::AdminOp(code)),
            }
        },
    )?;
    match failures.first() {
        None => Ok(true),
        Some((_, RDKafkaErrorCode::TopicAlreadyExists)) if s.args.if_not_exists => Ok(false),
        Some((topic, code)) => {
            let mut error = topic_error_message(s, topic, *code);
            if !message.is_empty() {
                error.message = message;
            }
            Err(error.into())
        }
    }
}

/// Waits, up to the new-topic grace, until the broker's metadata shows `name`
/// with every partition led: CreateTopics answers once the controller has
/// the topic, a moment before the brokers serve it, and a script's next
/// command (produce, get-offsets) would otherwise find no such topic. The
/// topic exists either way, so a failed wait is not the command's failure.
fn await_leaders(s: &Session<'_>, name: &str, expected: Option<usize>) {
    let admin = s.admin.inner();
    let _ = s
        .cluster
        .metadata_until(admin, Some(name), &|| drain_events(admin), |md| {
            md.topics().iter().any(|t| {
                t.name() == name
                    && t.error().is_none()
                    && !t.partitions().is_empty()
                    && expected.is_none_or(|n| t.partitions().len() == n)
                    && t.partitions().iter().all(|p| p.leader() >= 0)
            })
        });
}

/// librdkafka's mock cluster has no CreateTopics: use its own topic API.
fn create_on_mock(
    s: &Session<'_>,
    mock: &rdkafka::mocking::MockCluster<'static, rdkafka::producer::DefaultProducerContext>,
    name: &str,
    assignment: Option<&[Vec<i32>]>,
) -> anyhow::Result<bool> {
    if s.topic_names().iter().any(|t| t == name) {
        if s.args.if_not_exists {
            return Ok(false);
        }
        return Err(KtError::broker(format!("Topic '{name}' already exists.")).into());
    }
    let brokers = s.metadata.brokers().len() as i32;
    let (partitions, rf) = match assignment {
        Some(groups) => (
            groups.len() as i32,
            groups.first().map_or(1, |g| g.len() as i32),
        ),
        None => (
            s.args.partitions.unwrap_or(1),
            s.args.replication_factor.unwrap_or(brokers.min(3)),
        ),
    };
    if rf > brokers {
        return Err(
            topic_error_message(s, name, RDKafkaErrorCode::InvalidReplicationFactor).into(),
        );
    }
    mock.create_topic(name, partitions, rf)
        .map_err(|e| KtError::broker(format!("the mock cluster could not create {name}: {e}")))?;
    Ok(true)
}

/// `--config k=v`, split as Kafka splits it (`\s*=\s*`, trailing empty parts
/// dropped), each name checked against Kafka's topic configs.
pub fn parse_topic_configs(configs: &[String]) -> Result<Vec<(String, String)>, KtError> {
    let splitter = Regex::new(r"\s*=\s*").expect("a constant regex compiles");
    let mut out = Vec::with_capacity(configs.len());
    for config in configs {
        let mut parts: Vec<&str> = splitter.split(config).collect();
        while parts.len() > 1 && parts.last() == Some(&"") {
            parts.pop();
        }
        let [key, value] = parts.as_slice() else {
            return Err(KtError::config(
                "requirement failed: Invalid topic config: all configs to be added must be in the format \"key=val\".",
            ));
        };
        out.push((key.trim().to_string(), value.trim().to_string()));
    }
    for (key, value) in &out {
        let Some((_, kind)) = TOPIC_CONFIGS.iter().find(|(name, _)| name == key) else {
            return Err(KtError::config(format!("Unknown topic config name: {key}")));
        };
        if let Some(why) = type_error(*kind, value)
            .map(str::to_string)
            .or_else(|| range_error(key, value))
        {
            return Err(KtError::config(format!(
                "Invalid value {value} for configuration {key}: {why}"
            )));
        }
    }
    Ok(out)
}

/// `--replica-assignment 1:2,2:3`: one group of broker ids per partition, as
/// Kafka parses it (Java's split drops trailing empty parts).
pub fn parse_replica_assignment(text: &str) -> Result<Vec<Vec<i32>>, KtError> {
    let java_split = |s: &str, sep: char| -> Vec<String> {
        let mut parts: Vec<String> = s.split(sep).map(str::to_string).collect();
        while parts.len() > 1 && parts.last().is_some_and(String::is_empty) {
            parts.pop();
        }
        parts
    };
    let mut out: Vec<Vec<i32>> = Vec::new();
    for (i, group) in java_split(text, ',').iter().enumerate() {
        let ids = java_split(group, ':')
            .iter()
            .map(|id| {
                let id = id.trim();
                id.parse::<i32>()
                    .map_err(|_| KtError::config(format!("For input string: \"{id}\"")))
            })
            .collect::<Result<Vec<i32>, KtError>>()?;
        let mut dups: Vec<i32> = ids
            .iter()
            .filter(|id| ids.iter().filter(|x| x == id).count() > 1)
            .copied()
            .collect();
        dups.sort();
        dups.dedup();
        if !dups.is_empty() {
            let list: Vec<String> = dups.iter().map(i32::to_string).collect();
            return Err(KtError::config(format!(
                "Partition replica lists may not contain duplicate entries: {}",
                list.join(",")
            )));
        }
        if out.first().is_some_and(|first| first.len() != ids.len()) {
            let list: Vec<String> = ids.iter().map(i32::to_string).collect();
            return Err(KtError::config(format!(
                "Partition {i} has different replication factor: [{}]",
                list.join(", ")
            )));
        }
        out.push(ids);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replica_assignment_parses_as_kafka() {
        assert_eq!(
            parse_replica_assignment("1:2, 2:3,").unwrap(),
            vec![vec![1, 2], vec![2, 3]]
        );
        assert_eq!(
            parse_replica_assignment("0:0").unwrap_err().message,
            "Partition replica lists may not contain duplicate entries: 0"
        );
        assert_eq!(
            parse_replica_assignment("1:2,3").unwrap_err().message,
            "Partition 1 has different replication factor: [3]"
        );
        assert_eq!(
            parse_replica_assignment("1:x").unwrap_err().message,
            "For input string: \"x\""
        );
        assert_eq!(
            parse_replica_assignment(",1").unwrap_err().message,
            "For input string: \"\""
        );
    }

    #[test]
    fn topic_configs_parse_as_kafka() {
        assert_eq!(
            parse_topic_configs(&[
                "retention.ms = 1000".into(),
                "cleanup.policy=compact".into()
            ])
            .unwrap(),
            vec![
                ("retention.ms".to_string(), "1000".to_string()),
                ("cleanup.policy".to_string(), "compact".to_string())
            ]
        );
        let format_error = "requirement failed: Invalid topic config: all configs to be added must be in the format \"key=val\".";
        for bad in ["foo", "a=b=c", "a="] {
            assert_eq!(
                parse_topic_configs(&[bad.into()]).unwrap_err().message,
                format_error,
                "{bad}"
            );
        }
        assert_eq!(
            parse_topic_configs(&["retention.mss=1".into()])
                .unwrap_err()
                .message,
            "Unknown topic config name: retention.mss"
        );
    }
}
