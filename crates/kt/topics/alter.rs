//! `--alter`: more partitions (CreatePartitions) and config changes
//! (IncrementalAlterConfigs).

use std::io::Write;

use kt_core::ffi::admin::{alter_topic_config, ConfigChange};
use kt_core::{KtError, OutputFormat};
use rdkafka::admin::NewPartitions;

use super::create::{parse_replica_assignment, parse_topic_configs};
use super::report::{write_change_json, ChangeReport};
use super::{topic_error_message, with_retries, Session};

pub fn run(s: &Session<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let assignment = s
        .args
        .replica_assignment
        .as_deref()
        .filter(|a| !a.is_empty())
        .map(parse_replica_assignment)
        .transpose()?;
    let mut changes: Vec<ConfigChange> = parse_topic_configs(&s.args.config)?
        .into_iter()
        .map(|(k, v)| ConfigChange::Set(k, v))
        .collect();
    changes.extend(
        s.args
            .delete_config
            .iter()
            .map(|k| ConfigChange::Delete(k.trim().to_string())),
    );
    let topics = s.matching_topics(!s.args.if_exists)?;
    if topics.is_empty() {
        return finish(s, out, topics);
    }
    if let Some(total) = s.args.partitions {
        add_partitions(s, &topics, total, assignment.as_deref())?;
    }
    if !changes.is_empty() {
        if s.cluster.mock().is_some() {
            return Err(KtError::broker(
                "the embedded mock cluster cannot alter topic configs; use a real broker",
            )
            .into());
        }
        for topic in &topics {
            alter_topic_config(s.admin.inner(), topic, &changes, s.cluster.timeout)?;
            if s.format == OutputFormat::Text {
                writeln!(out, "Updated config for topic {topic}.")?;
            }
        }
    }
    finish(s, out, topics)
}

fn finish(s: &Session<'_>, out: &mut dyn Write, topics: Vec<String>) -> anyhow::Result<()> {
    if s.format == OutputFormat::Json {
        write_change_json(
            out,
            &ChangeReport {
                action: "alter",
                topics,
                ..Default::default()
            },
        )?;
    }
    Ok(())
}

fn add_partitions(
    s: &Session<'_>,
    topics: &[String],
    total: i32,
    assignment: Option<&[Vec<i32>]>,
) -> anyhow::Result<()> {
    let mut requests: Vec<(String, usize, Vec<&[i32]>)> = Vec::new();
    for topic in topics {
        let current = s
            .metadata
            .topics()
            .iter()
            .find(|t| t.name() == topic)
            .map_or(0, |t| t.partitions().len());
        // The KRaft controller's messages, checked here so that the mock
        // cluster and every broker answer alike.
        if total < 1 {
            return Err(KtError::config("The partitions must be greater than 0").into());
        }
        let total = total as usize;
        if total == current {
            return Err(
                KtError::broker(format!("Topic already has {current} partition(s).")).into(),
            );
        }
        if total < current {
            return Err(KtError::broker(format!(
                "The topic {topic} currently has {current} partition(s); {total} would not be an increase."
            ))
            .into());
        }
        // Kafka sends the assignment's entries from the current count on.
        let groups: Vec<&[i32]> = assignment
            .unwrap_or_default()
            .iter()
            .skip(current)
            .map(Vec::as_slice)
            .collect();
        requests.push((topic.clone(), total, groups));
    }
    if s.cluster.mock().is_some() {
        return Err(KtError::broker(
            "the embedded mock cluster cannot add partitions; use a real broker",
        )
        .into());
    }
    let failures = with_retries(
        s,
        "CreatePartitions",
        rdkafka::error::RDKafkaErrorCode::InvalidPartitions,
        |opts| {
            let parts: Vec<NewPartitions<'_>> = requests
                .iter()
                .map(|(topic, total, groups)| {
                    let p = NewPartitions::new(topic, *total);
                    if groups.is_empty() {
                        p
                    } else {
                        p.assign(groups)
                    }
                })
                .collect();
            kt_core::block_on(s.admin.create_partitions(&parts, opts))
        },
    )?;
    if let Some((topic, code)) = failures.first() {
        return Err(topic_error_message(s, topic, *code).into());
    }
    Ok(())
}
