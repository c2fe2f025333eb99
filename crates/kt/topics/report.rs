//! What kafka-topics reports, and how it looks: Kafka's text, a table, JSON.

use std::io::{self, Write};

use kt_core::OutputFormat;
use serde::Serialize;

/// `--list`: one entry per topic.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TopicSummary {
    pub name: String,
    pub partitions: usize,
    pub replication_factor: usize,
    pub internal: bool,
}

/// `--describe`: one topic as Kafka shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TopicDescription {
    pub name: String,
    /// Kafka's URL-safe base64 id, from DescribeTopics; None when unknown or zero.
    pub topic_id: Option<String>,
    pub partition_count: usize,
    pub replication_factor: usize,
    /// Entries whose source is not the built-in default, in broker order.
    pub configs: Vec<ConfigValue>,
    pub partitions: Vec<PartitionDescription>,
    /// Whether Kafka prints the topic's header line (partition filters hide it).
    #[serde(skip)]
    pub show_header: bool,
    /// Whether the brokers know eligible leader replicas (KRaft, Kafka 3.7+:
    /// Kafka prints the lists, empty as librdkafka reports them) or not
    /// (ZooKeeper-mode brokers: Kafka prints N/A).
    #[serde(skip)]
    pub elr_known: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ConfigValue {
    pub name: String,
    pub value: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PartitionDescription {
    pub partition: i32,
    pub leader: Option<i32>,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
}

fn ids(v: &[i32]) -> String {
    v.iter().map(i32::to_string).collect::<Vec<_>>().join(",")
}

fn json_line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// `--list`: names joined by newlines and printed as one line, so an empty
/// result still prints an empty line, as Kafka does.
pub fn write_list(
    out: &mut dyn Write,
    format: OutputFormat,
    topics: &[TopicSummary],
) -> io::Result<()> {
    match format {
        OutputFormat::Text => {
            let names: Vec<&str> = topics.iter().map(|t| t.name.as_str()).collect();
            writeln!(out, "{}", names.join("\n"))
        }
        OutputFormat::Table => {
            let mut table =
                crate::table::new(["TOPIC", "PARTITIONS", "REPLICATION FACTOR", "INTERNAL"]);
            for t in topics {
                table.add_row([
                    t.name.clone(),
                    t.partitions.to_string(),
                    t.replication_factor.to_string(),
                    if t.internal { "yes" } else { "" }.to_string(),
                ]);
            }
            writeln!(out, "{table}")
        }
        OutputFormat::Json => json_line(out, &serde_json::json!({ "topics": topics })),
    }
}

/// `--describe`.
pub fn write_describe(
    out: &mut dyn Write,
    format: OutputFormat,
    topics: &[TopicDescription],
) -> io::Result<()> {
    match format {
        OutputFormat::Text => topics
            .iter()
            .try_for_each(|t| write_description_text(out, t)),
        OutputFormat::Table => write_describe_table(out, topics),
        OutputFormat::Json => json_line(out, &serde_json::json!({ "topics": topics })),
    }
}

/// Kafka's describe lines (TopicCommand.TopicDescription/PartitionDescription).
pub fn write_description_text(out: &mut dyn Write, t: &TopicDescription) -> io::Result<()> {
    if t.show_header {
        write!(out, "Topic: {}", t.name)?;
        if let Some(id) = &t.topic_id {
            write!(out, "\tTopicId: {id}")?;
        }
        let configs: Vec<String> = t
            .configs
            .iter()
            .map(|c| format!("{}={}", c.name, c.value.as_deref().unwrap_or("null")))
            .collect();
        writeln!(
            out,
            "\tPartitionCount: {}\tReplicationFactor: {}\tConfigs: {}",
            t.partition_count,
            t.replication_factor,
            configs.join(",")
        )?;
    }
    for p in &t.partitions {
        let leader = p
            .leader
            .map_or_else(|| "none".to_string(), |l| l.to_string());
        // librdkafka does not ask for eligible leader replicas; a KRaft
        // broker has none to report outside an unclean election.
        let elr = if t.elr_known { "" } else { "N/A" };
        writeln!(
            out,
            "\tTopic: {}\tPartition: {}\tLeader: {leader}\tReplicas: {}\tIsr: {}\tElr: {elr}\tLastKnownElr: {elr}",
            t.name,
            p.partition,
            ids(&p.replicas),
            ids(&p.isr)
        )?;
    }
    Ok(())
}

fn write_describe_table(out: &mut dyn Write, topics: &[TopicDescription]) -> io::Result<()> {
    let mut summary = crate::table::new(["TOPIC", "PARTITIONS", "REPLICATION FACTOR", "CONFIGS"]);
    let mut partitions = crate::table::new(["TOPIC", "PARTITION", "LEADER", "REPLICAS", "ISR"]);
    for t in topics {
        if t.show_header {
            let configs: Vec<String> = t
                .configs
                .iter()
                .map(|c| format!("{}={}", c.name, c.value.as_deref().unwrap_or("null")))
                .collect();
            summary.add_row([
                t.name.clone(),
                t.partition_count.to_string(),
                t.replication_factor.to_string(),
                configs.join("\n"),
            ]);
        }
        for p in &t.partitions {
            partitions.add_row([
                t.name.clone(),
                p.partition.to_string(),
                p.leader
                    .map_or_else(|| "none".to_string(), |l| l.to_string()),
                ids(&p.replicas),
                ids(&p.isr),
            ]);
        }
    }
    if summary.row_count() > 0 {
        writeln!(out, "{summary}")?;
    }
    if partitions.row_count() > 0 {
        writeln!(out, "{partitions}")?;
    }
    Ok(())
}

/// What a create, alter or delete did, for `--output json`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct ChangeReport {
    pub action: &'static str,
    pub topics: Vec<String>,
    /// Topics the action skipped (`--if-not-exists` on an existing topic).
    pub skipped: Vec<String>,
}

pub fn write_change_json(out: &mut dyn Write, report: &ChangeReport) -> io::Result<()> {
    json_line(out, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut buf = Vec::new();
        f(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    fn topic() -> TopicDescription {
        TopicDescription {
            name: "t".into(),
            topic_id: None,
            partition_count: 2,
            replication_factor: 1,
            configs: vec![
                ConfigValue {
                    name: "cleanup.policy".into(),
                    value: Some("compact".into()),
                },
                ConfigValue {
                    name: "segment.bytes".into(),
                    value: Some("1073741824".into()),
                },
            ],
            partitions: vec![
                PartitionDescription {
                    partition: 0,
                    leader: Some(1),
                    replicas: vec![1],
                    isr: vec![1],
                },
                PartitionDescription {
                    partition: 1,
                    leader: None,
                    replicas: vec![1, 2],
                    isr: vec![],
                },
            ],
            show_header: true,
            elr_known: false,
        }
    }

    #[test]
    fn describe_text_is_kafkas() {
        let text = render(|b| write_describe(b, OutputFormat::Text, &[topic()]));
        assert_eq!(
            text,
            "Topic: t\tPartitionCount: 2\tReplicationFactor: 1\tConfigs: cleanup.policy=compact,segment.bytes=1073741824\n\
             \tTopic: t\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: N/A\tLastKnownElr: N/A\n\
             \tTopic: t\tPartition: 1\tLeader: none\tReplicas: 1,2\tIsr: \tElr: N/A\tLastKnownElr: N/A\n"
        );
    }

    #[test]
    fn describe_header_without_configs_ends_with_a_space_and_shows_topic_id() {
        let mut t = topic();
        t.configs.clear();
        t.partitions.clear();
        t.topic_id = Some("3sH2xQ2YT4aBcDeFgHiJkA".into());
        let text = render(|b| write_describe(b, OutputFormat::Text, &[t]));
        assert_eq!(
            text,
            "Topic: t\tTopicId: 3sH2xQ2YT4aBcDeFgHiJkA\tPartitionCount: 2\tReplicationFactor: 1\tConfigs: \n"
        );
    }

    #[test]
    fn list_text_prints_an_empty_line_for_no_topics() {
        assert_eq!(render(|b| write_list(b, OutputFormat::Text, &[])), "\n");
        let two = [
            TopicSummary {
                name: "a".into(),
                partitions: 1,
                replication_factor: 1,
                internal: false,
            },
            TopicSummary {
                name: "b".into(),
                partitions: 3,
                replication_factor: 1,
                internal: false,
            },
        ];
        assert_eq!(
            render(|b| write_list(b, OutputFormat::Text, &two)),
            "a\nb\n"
        );
        let json: serde_json::Value =
            serde_json::from_str(&render(|b| write_list(b, OutputFormat::Json, &two))).unwrap();
        assert_eq!(json["topics"][1]["name"], "b");
        assert_eq!(json["topics"][1]["partitions"], 3);
        let table = render(|b| write_list(b, OutputFormat::Table, &two));
        assert!(table.contains("TOPIC") && table.contains("│ b"), "{table}");
    }

    #[test]
    fn describe_json_has_the_documented_fields() {
        let json: serde_json::Value = serde_json::from_str(&render(|b| {
            write_describe(b, OutputFormat::Json, &[topic()])
        }))
        .unwrap();
        let t = &json["topics"][0];
        assert_eq!(t["name"], "t");
        assert_eq!(t["partition_count"], 2);
        assert_eq!(t["configs"][0]["name"], "cleanup.policy");
        assert_eq!(t["partitions"][1]["leader"], serde_json::Value::Null);
        assert_eq!(t["partitions"][1]["replicas"], serde_json::json!([1, 2]));
    }
}
