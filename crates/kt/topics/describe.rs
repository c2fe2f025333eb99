//! `--describe`.

use std::collections::HashMap;
use std::io::Write;

use kt_core::admin_ext::{kafka_uuid, topic_ids, ZERO_UUID};
use kt_core::KtError;
use rdkafka::admin::{ConfigSource, ResourceSpecifier};

use super::report::{write_describe, ConfigValue, PartitionDescription, TopicDescription};
use super::{admin_error, filter, Session};

pub fn run(s: &Session<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let by_id = s
        .args
        .topic_id
        .as_deref()
        .map(kafka_uuid)
        .filter(|id| id != ZERO_UUID);
    if by_id.is_some() && s.args.topic.is_some() && s.args.if_exists {
        writeln!(out, "Only topic id will be used when both --topic and --topic-id are specified and topicId is not Uuid.ZERO_UUID")?;
    }
    let (topics, ids) = match by_id.as_deref() {
        Some(wanted) => {
            let all = filter::select(&s.topic_names(), None, s.args.exclude_internal)?;
            // One DescribeTopics for every topic: a topic deleted meanwhile by
            // someone else can fail it as a whole, so ask again within the timeout.
            let ids = kt_core::retry::within(
                s.cluster.timeout,
                |left| topic_ids(s.admin.inner(), &all, left),
                |_| true,
            )?;
            let found: Vec<(String, String)> =
                ids.into_iter().filter(|(_, id)| id == wanted).collect();
            if found.is_empty() && !s.args.if_exists {
                return Err(KtError::not_found(format!(
                    "TopicId '{wanted}' does not exist as expected"
                ))
                .into());
            }
            (found.iter().map(|(t, _)| t.clone()).collect(), found)
        }
        None => {
            let topics = s.matching_topics(!s.args.if_exists)?;
            // Ids are a courtesy: a broker that cannot answer DescribeTopics
            // still gets Kafka's header for a zero id.
            let ids = match s.cluster.mock() {
                Some(_) => Vec::new(),
                None => {
                    topic_ids(s.admin.inner(), &topics, s.cluster.timeout).unwrap_or_else(|e| {
                        if s.cluster.verbose {
                            eprintln!("kt: no topic ids: {e}");
                        }
                        Vec::new()
                    })
                }
            };
            (topics, ids)
        }
    };
    let configs = describe_configs(s, &topics)?;
    let live = s.live_brokers();
    let report_filters = s.args.under_replicated_partitions
        || s.args.under_min_isr_partitions
        || s.args.at_min_isr_partitions
        || s.args.unavailable_partitions;
    let mut described = Vec::with_capacity(topics.len());
    for name in topics {
        let Some(meta) = s.metadata.topics().iter().find(|t| t.name() == name) else {
            continue;
        };
        let TopicConfig { overrides, min_isr } = configs.get(&name).cloned().unwrap_or_default();
        let mut partitions: Vec<PartitionDescription> = meta
            .partitions()
            .iter()
            .map(|p| PartitionDescription {
                partition: p.id(),
                leader: (p.leader() >= 0).then_some(p.leader()),
                replicas: p.replicas().to_vec(),
                isr: p.isr().to_vec(),
            })
            .collect();
        partitions.sort_by_key(|p| p.partition);
        let replication_factor = partitions.first().map_or(0, |p| p.replicas.len());
        let shown: Vec<PartitionDescription> = if s.args.topics_with_overrides {
            Vec::new()
        } else {
            partitions
                .iter()
                .filter(|p| {
                    !report_filters
                        || (s.args.under_replicated_partitions && p.replicas.len() > p.isr.len())
                        || (s.args.unavailable_partitions
                            && p.leader.is_none_or(|l| !live.contains(&l)))
                        || (s.args.under_min_isr_partitions
                            && (p.leader.is_none() || p.isr.len() < min_isr))
                        || (s.args.at_min_isr_partitions && p.isr.len() == min_isr)
                })
                .cloned()
                .collect()
        };
        let show_header =
            !report_filters && (!s.args.topics_with_overrides || !overrides.is_empty());
        if !show_header && shown.is_empty() {
            continue;
        }
        let topic_id = ids
            .iter()
            .find(|(t, _)| *t == name)
            .map(|(_, id)| id.clone());
        described.push(TopicDescription {
            name,
            topic_id,
            partition_count: partitions.len(),
            replication_factor,
            configs: overrides,
            partitions: shown,
            show_header,
            elr_known: !matches!(s.cluster.endpoint, kt_core::Endpoint::ZooKeeper(_)),
        });
    }
    write_describe(out, s.format, &described)?;
    Ok(())
}

/// What describe needs of a topic's configuration.
#[derive(Debug, Clone)]
struct TopicConfig {
    /// Entries whose source is not the built-in default, in broker order.
    overrides: Vec<ConfigValue>,
    min_isr: usize,
}

impl Default for TopicConfig {
    fn default() -> Self {
        TopicConfig {
            overrides: Vec::new(),
            min_isr: 1,
        }
    }
}

/// Each topic's configuration. The mock cluster answers no DescribeConfigs;
/// its topics have no overrides.
fn describe_configs(
    s: &Session<'_>,
    topics: &[String],
) -> anyhow::Result<HashMap<String, TopicConfig>> {
    let mut out = HashMap::new();
    if topics.is_empty() || s.cluster.mock().is_some() {
        return Ok(out);
    }
    let specs: Vec<ResourceSpecifier<'_>> =
        topics.iter().map(|t| ResourceSpecifier::Topic(t)).collect();
    let results = kt_core::block_on(s.admin.describe_configs(&specs, &s.admin_options()))
        .map_err(|e| admin_error(s, "DescribeConfigs", e))?;
    for (topic, result) in topics.iter().zip(results) {
        let resource = result.map_err(|code| {
            KtError::broker(format!("describing the configs of topic {topic}: {code}"))
        })?;
        let min_isr = resource
            .get("min.insync.replicas")
            .and_then(|e| e.value.as_deref()?.parse().ok())
            .unwrap_or(1);
        let overrides = resource
            .entries
            .into_iter()
            .filter(|e| e.source != ConfigSource::Default)
            .map(|e| ConfigValue {
                name: e.name,
                value: e.value,
            })
            .collect();
        out.insert(topic.clone(), TopicConfig { overrides, min_isr });
    }
    Ok(out)
}
