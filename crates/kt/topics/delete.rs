//! `--delete`.

use std::io::Write;

use kt_core::{KtError, OutputFormat};

use super::report::{write_change_json, ChangeReport};
use super::{topic_error_message, with_retries, Session};

pub fn run(s: &Session<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let topics = s.matching_topics(!s.args.if_exists)?;
    if !topics.is_empty() {
        if s.cluster.mock().is_some() {
            return Err(KtError::broker(
                "the embedded mock cluster cannot delete topics (librdkafka's mock has no DeleteTopics); use a real broker",
            )
            .into());
        }
        let names: Vec<&str> = topics.iter().map(String::as_str).collect();
        let failures = with_retries(
            s,
            "DeleteTopics",
            rdkafka::error::RDKafkaErrorCode::UnknownTopicOrPartition,
            |opts| kt_core::block_on(s.admin.delete_topics(&names, opts)),
        )?;
        if let Some((topic, code)) = failures.first() {
            return Err(topic_error_message(s, topic, *code).into());
        }
    }
    match s.format {
        OutputFormat::Json => write_change_json(
            out,
            &ChangeReport {
                action: "delete",
                topics,
                ..Default::default()
            },
        )?,
        // Kafka's ZooKeeper path marked topics for deletion and said so.
        _ if s.via_zookeeper() => {
            for topic in &topics {
                writeln!(out, "Topic {topic} is marked for deletion.")?;
                writeln!(
                    out,
                    "Note: This will have no impact if delete.topic.enable is not set to true."
                )?;
            }
        }
        _ => {}
    }
    Ok(())
}
