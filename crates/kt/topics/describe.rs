//! `--describe`.

use std::collections::HashMap;
use std::io::Write;

use kt_core::ffi::admin::{kafka_uuid, topic_ids, ZERO_UUID};
use kt_core::protocol;
use kt_core::{KtError, OutputFormat};

use super::report::{
    write_describe, write_description_text, ConfigValue, PartitionDescription, TopicDescription,
};
use super::{filter, Session};
use crate::dispatch::Mode;

pub fn run(s: &Session<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    if let Some(why) = s.args.topic_id.as_deref().and_then(uuid_error) {
        return Err(KtError::config(why).into());
    }
    let by_id = s
        .args
        .topic_id
        .as_deref()
        .map(kafka_uuid)
        .filter(|id| id != ZERO_UUID);
    if by_id.is_some() && s.args.topic.is_some() && s.args.if_exists {
        writeln!(out, "Only topic id will be used when both --topic and --topic-id are specified and topicId is not Uuid.ZERO_UUID")?;
    }
    let (topics, ids_by_id) = match by_id.as_deref() {
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
            (topics, Vec::new())
        }
    };
    let report_filters = s.args.under_replicated_partitions
        || s.args.under_min_isr_partitions
        || s.args.at_min_isr_partitions
        || s.args.unavailable_partitions;
    // Metadata (for the ids) and DescribeConfigs go out together. A health
    // filter prints no topic header, so no id. The ids come from the
    // protocol path's Metadata: librdkafka's DescribeTopics copies every
    // replica's broker of every partition (17 MB and 0.2 s more for 17,000
    // partitions).
    let ask_ids = by_id.is_none() && s.cluster.mock().is_none() && !report_filters;
    let addresses = s.cluster.bootstrap_addresses();
    let (config, timeout, verbose, err) = (
        &s.cluster.config,
        s.cluster.timeout,
        s.cluster.verbose(),
        s.err.clone(),
    );
    let (configs, ids) = std::thread::scope(|scope| {
        let ids = scope.spawn(|| {
            // Ids are a courtesy: a broker that cannot answer Metadata with
            // them still gets Kafka's header for a zero id.
            if !ask_ids {
                return None;
            }
            Some(
                match ids_from_metadata(&addresses, config, timeout, &topics) {
                    Ok(ids) => ids,
                    Err(e) => {
                        if verbose {
                            err.line(format_args!("kt: no topic ids: {e}"));
                        }
                        Vec::new()
                    }
                },
            )
        });
        let configs = describe_configs(s, &topics);
        (configs, ids.join().ok().flatten().unwrap_or(ids_by_id))
    });
    let (configs, kraft) = configs?;
    // Looked up by name: 2,000 topics searched one by one cost a quadratic.
    let ids: HashMap<String, String> = ids.into_iter().collect();
    let metadata: HashMap<&str, &rdkafka::metadata::MetadataTopic> =
        s.metadata.topics().iter().map(|t| (t.name(), t)).collect();
    let live = s.live_brokers();
    let mut described = Vec::with_capacity(topics.len());
    // Kafka's tool prints the topics as its admin client's map hands them
    // out; kt's name keeps them sorted.
    let topics = match s.mode {
        Mode::Compat => crate::java_order::described_topics(topics),
        Mode::Native => topics,
    };
    for name in topics {
        let Some(meta) = metadata.get(name.as_str()) else {
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
        let partition_count = partitions.len();
        let shown: Vec<PartitionDescription> = if s.args.topics_with_overrides {
            Vec::new()
        } else {
            partitions
                .into_iter()
                .filter(|p| {
                    !report_filters
                        || (s.args.under_replicated_partitions && p.replicas.len() > p.isr.len())
                        || (s.args.unavailable_partitions
                            && p.leader.is_none_or(|l| !live.contains(&l)))
                        || (s.args.under_min_isr_partitions
                            && (p.leader.is_none() || p.isr.len() < min_isr))
                        || (s.args.at_min_isr_partitions && p.isr.len() == min_isr)
                })
                .collect()
        };
        let show_header =
            !report_filters && (!s.args.topics_with_overrides || !overrides.is_empty());
        if !show_header && shown.is_empty() {
            continue;
        }
        let topic_id = ids.get(&name).cloned();
        let description = TopicDescription {
            name,
            topic_id,
            partition_count,
            replication_factor,
            configs: overrides,
            partitions: shown,
            show_header,
            elr_known: kraft && !matches!(s.cluster.endpoint, kt_core::Endpoint::ZooKeeper(_)),
        };
        // Kafka's lines are written topic by topic; a table and JSON need
        // every topic first.
        match s.format {
            OutputFormat::Text => write_description_text(out, &description)?,
            _ => described.push(description),
        }
    }
    if s.format != OutputFormat::Text {
        write_describe(out, s.format, &described)?;
    }
    Ok(())
}

/// Each of `topics`' (name, id) from protocol-path Metadata, asked 500
/// topics at a time: each answer holds every partition's replicas, and only
/// the ids are kept.
fn ids_from_metadata(
    addresses: &[(String, u16)],
    config: &kt_core::config::Translated,
    timeout: std::time::Duration,
    topics: &[String],
) -> Result<Vec<(String, String)>, KtError> {
    let mut broker = protocol::Broker::connect_any(addresses, config, "kt-topics", timeout)?;
    let mut ids = Vec::with_capacity(topics.len());
    for chunk in topics.chunks(500) {
        let (_, layouts) = broker.topic_layouts(Some(chunk))?;
        ids.extend(
            layouts
                .into_iter()
                .map(|t| (t.name, protocol::java_uuid(t.id.as_bytes()))),
        );
    }
    Ok(ids)
}

/// Why Kafka's `Uuid.fromString` (Java's URL-safe base64 decoder, then a
/// 16-byte check) refuses `text`, in its words.
fn uuid_error(text: &str) -> Option<String> {
    if text.chars().count() > 24 {
        let prefix: String = text.chars().take(24).collect();
        return Some(format!(
            "Input string with prefix `{prefix}` is too long to be decoded as a base64 UUID"
        ));
    }
    let is_digit = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let bytes = text.as_bytes();
    let mut digits = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if b == b'=' {
            // Padding: after two digits it must be `==`, after three `=`.
            match digits % 4 {
                0 => return Some("Input byte array has wrong 4-byte ending unit".into()),
                2 if bytes.get(i) != Some(&b'=') => {
                    return Some("Input byte array has wrong 4-byte ending unit".into())
                }
                2 => i += 1,
                _ => {}
            }
            break;
        }
        if !is_digit(b) {
            // Integer.toString of a signed Java byte.
            let signed = b as i8;
            let hex = if signed < 0 {
                format!("-{:x}", -(signed as i16))
            } else {
                format!("{signed:x}")
            };
            return Some(format!("Illegal base64 character {hex}"));
        }
        digits += 1;
    }
    if digits % 4 == 1 {
        return Some("Last unit does not have enough valid bits".into());
    }
    if i < bytes.len() {
        return Some(format!("Input byte array has incorrect ending byte at {i}"));
    }
    let decoded = digits / 4 * 3 + (digits % 4).saturating_sub(1);
    (decoded != 16).then(|| {
        format!("Input string `{text}` decoded as {decoded} bytes, which is not equal to the expected 16 bytes of a base64-encoded UUID")
    })
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

/// Topics per DescribeConfigs request. The broker's time grows faster than
/// the topics asked for in one request (Kafka 3.9: 1 ms for 20 topics, 11 ms
/// for 200, 128 ms for 2,000), and one answer is held at a time.
const CONFIG_CHUNK: usize = 50;

/// Each topic's configuration, and whether the cluster runs in KRaft mode.
/// The mock cluster answers no DescribeConfigs; its topics have no overrides.
///
/// On the protocol path, without synonyms (Kafka's tool asks none either),
/// the requests spread over every broker and asked in parallel, each answer
/// boiled down to the overrides as it comes.
///
/// A ZooKeeper-mode broker has no DescribeTopicPartitions, so Apache's tool
/// describes from metadata and prints `Elr: N/A`; such a broker reports an
/// empty `process.roles`.
fn describe_configs(
    s: &Session<'_>,
    topics: &[String],
) -> anyhow::Result<(HashMap<String, TopicConfig>, bool)> {
    if topics.is_empty() || s.cluster.mock().is_some() {
        return Ok((HashMap::new(), true));
    }
    let nodes = s
        .metadata
        .brokers()
        .iter()
        .map(|b| kt_core::ffi::cluster::Node {
            id: b.id(),
            host: b.host().to_string(),
            port: u16::try_from(b.port()).unwrap_or(0),
            rack: None,
        })
        .collect();
    let (config, timeout) = (&s.cluster.config, s.cluster.timeout);
    let mut pool = protocol::Pool::new(nodes, config, "kt-topics", timeout);
    let boiled = pool.describe_configs_spread(
        protocol::resource::TOPIC,
        topics,
        CONFIG_CHUNK,
        false,
        |topic, answer| {
            let entries = answer.map_err(|r| {
                let (_, why) = crate::compat::kafka_error(&r);
                KtError::broker(format!("describing the configs of topic {topic}: {why}"))
            })?;
            let min_isr = entries
                .iter()
                .find(|e| e.name == "min.insync.replicas")
                .and_then(|e| e.value.as_deref()?.parse().ok())
                .unwrap_or(1);
            let mut overrides: Vec<ConfigValue> = entries
                .into_iter()
                .filter(|e| protocol::config_source(e.source) != "DEFAULT_CONFIG")
                .map(|e| ConfigValue {
                    name: e.name,
                    value: e.value,
                })
                .collect();
            // The collect reuses the answer's allocation, room for every
            // config of the topic: 5 KB a topic kept until the output.
            overrides.shrink_to_fit();
            Ok::<_, KtError>((topic, TopicConfig { overrides, min_isr }))
        },
    )?;
    let out = boiled.into_iter().collect::<Result<HashMap<_, _>, _>>()?;
    let kraft = match s.live_brokers().into_iter().min() {
        None => true,
        Some(id) => pool
            .to(Some(id))
            .and_then(|b| b.describe_configs(protocol::resource::BROKER, &id.to_string(), false))
            .ok()
            .and_then(Result::ok)
            .and_then(|entries| entries.into_iter().find(|e| e.name == "process.roles"))
            .and_then(|e| e.value)
            .is_none_or(|roles| !roles.is_empty()),
    };
    Ok((out, kraft))
}

#[cfg(test)]
mod tests {
    use super::uuid_error;

    #[test]
    fn topic_ids_are_refused_as_kafka_refuses_them() {
        assert_eq!(uuid_error("AAAAAAAAAAAAAAAAAAAAAQ"), None);
        assert_eq!(uuid_error("AAAAAAAAAAAAAAAAAAAAAQ=="), None);
        assert_eq!(
            uuid_error("not-an-id").as_deref(),
            Some("Last unit does not have enough valid bits")
        );
        assert_eq!(
            uuid_error("abc!").as_deref(),
            Some("Illegal base64 character 21")
        );
        assert_eq!(
            uuid_error("abcd").as_deref(),
            Some("Input string `abcd` decoded as 3 bytes, which is not equal to the expected 16 bytes of a base64-encoded UUID")
        );
        assert_eq!(
            uuid_error("AAAAAAAAAAAAAAAAAAAAAAAAA").as_deref(),
            Some("Input string with prefix `AAAAAAAAAAAAAAAAAAAAAAAA` is too long to be decoded as a base64 UUID")
        );
    }
}
