//! What every tool knows about topics: Kafka's internal topics, its topic
//! patterns (TopicFilter.IncludeList), and a topic's partition count in
//! metadata.

use std::time::Duration;

use kt_core::{Cluster, KtContext, KtError};
use rdkafka::metadata::Metadata;
use rdkafka::producer::{BaseProducer, Producer, ProducerContext};
use regex::Regex;

/// Topics Kafka treats as internal (`Topic.isInternal`).
pub fn is_internal(topic: &str) -> bool {
    matches!(
        topic,
        "__consumer_offsets" | "__transaction_state" | "__share_group_state"
    )
}

/// A `--topic` pattern, read as Kafka reads it: trimmed, `,` meaning `|`,
/// spaces removed, surrounding quotes stripped, matched against the whole name.
#[derive(Debug)]
pub struct IncludeList {
    regex: Regex,
    /// The pattern as Kafka rewrote it, unanchored.
    rewritten: String,
}

impl IncludeList {
    pub fn new(raw: &str) -> Result<IncludeList, KtError> {
        let rewritten = raw.trim().replace(',', "|").replace(' ', "");
        let rewritten = rewritten
            .trim_start_matches(['"', '\''])
            .trim_end_matches(['"', '\''])
            .to_string();
        match Regex::new(&format!("^(?:{rewritten})$")) {
            Ok(regex) => Ok(IncludeList { regex, rewritten }),
            Err(_) => Err(KtError::usage(format!("{rewritten} is an invalid regex."))),
        }
    }

    /// The console consumer's `--include` under Kafka's name: Kafka 3.9
    /// compiles the value as it is (`Pattern.compile`), so a comma is a
    /// comma, not "or"; matched against the whole name, as Java's
    /// subscription matches.
    pub fn java(raw: &str) -> Result<IncludeList, KtError> {
        match Regex::new(&format!("^(?:{raw})$")) {
            Ok(regex) => Ok(IncludeList {
                regex,
                rewritten: raw.to_string(),
            }),
            Err(_) => Err(KtError::usage(format!("{raw} is an invalid regex."))),
        }
    }

    pub fn matches(&self, topic: &str) -> bool {
        self.regex.is_match(topic)
    }

    /// The pattern as a librdkafka subscription: anchored (`^(a|b)$`; a
    /// leading `^` is what makes it a pattern), in the POSIX syntax its
    /// regex engine reads, which has no `(?:`.
    pub fn subscription(&self) -> String {
        format!("^({})$", self.rewritten)
    }
}

/// How many partitions `topic` has, if the metadata has it with a leader's answer.
pub fn partition_count(md: &Metadata, topic: &str) -> Option<usize> {
    md.topics()
        .iter()
        .find(|t| t.name() == topic && t.error().is_none() && !t.partitions().is_empty())
        .map(|t| t.partitions().len())
}

/// What the producer's metadata says of its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TopicState {
    /// Partitions with an answer: produce.
    Ready,
    /// LEADER_NOT_AVAILABLE: the broker is creating it (auto-creation, or
    /// a moment-old topic whose leaders are still being elected).
    Creating,
    /// The principal may not see it.
    Refused,
    /// UNKNOWN_TOPIC_OR_PARTITION, or not in the answer at all.
    Missing,
}

fn topic_state(md: &Metadata, topic: &str) -> TopicState {
    use rdkafka::types::RDKafkaRespErr::*;
    if partition_count(md, topic).is_some() {
        return TopicState::Ready;
    }
    match md.topics().iter().find(|t| t.name() == topic) {
        Some(t) => match t.error() {
            Some(RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED) => TopicState::Refused,
            Some(RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE) => TopicState::Creating,
            // Created, partitions still to come: as creating.
            None => TopicState::Creating,
            Some(_) => TopicState::Missing,
        },
        None => TopicState::Missing,
    }
}

/// The partition count of `topic` as the producer's metadata sees it;
/// `None` when it does not exist. A topic the broker is creating (it
/// answers LEADER_NOT_AVAILABLE, as it does while auto-creating one) is
/// waited for up to `max_block` (Java's `max.block.ms`), as Java's producer
/// waits; one it does not know (UNKNOWN_TOPIC_OR_PARTITION) gets only a
/// short grace, for a topic created a moment ago.
pub fn producer_partitions<C: ProducerContext + AsRef<KtContext>>(
    cluster: &Cluster,
    producer: &BaseProducer<C>,
    topic: &str,
    max_block: Duration,
) -> Result<Option<usize>, KtError> {
    let deadline = std::time::Instant::now() + max_block;
    let serve = || {
        producer.poll(Duration::ZERO);
    };
    let settled = |md: &Metadata| topic_state(md, topic) != TopicState::Missing;
    let mut md = cluster.metadata_until(producer.client(), Some(topic), &serve, settled)?;
    let mut backoff = Duration::from_millis(50);
    while topic_state(&md, topic) == TopicState::Creating {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            break;
        }
        std::thread::sleep(backoff.min(left));
        backoff = (backoff * 2).min(Duration::from_millis(500));
        md = cluster.metadata(producer.client(), Some(topic), &serve)?;
    }
    match topic_state(&md, topic) {
        TopicState::Ready => {}
        TopicState::Refused => {
            return Err(KtError::broker(format!(
                "Not authorized to access topics: [{topic}] (the broker's ACLs refuse this principal; kt acls --list --topic {topic} shows them)"
            )))
        }
        TopicState::Creating => {
            return Err(KtError::new(kt_core::ErrorKind::Timeout, format!(
                "topic {topic} was still being created (LEADER_NOT_AVAILABLE) after {} ms (max.block.ms)",
                max_block.as_millis()
            )))
        }
        TopicState::Missing => return Ok(None),
    }
    // librdkafka (2.10 on) drops its bootstrap connection once the first
    // metadata names the brokers, and an idempotent producer asks for its
    // producer id on that answer, finds no broker up, and retries 500 ms
    // later: every short `kt produce` waited for that timer. A second
    // answer, from a broker of the cluster itself, asks again with that
    // broker up (one round trip on a connection produce opens anyway).
    let _ = cluster.metadata(producer.client(), Some(topic), &serve);
    Ok(partition_count(&md, topic))
}
