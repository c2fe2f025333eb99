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

/// The partition count of `topic` as the producer's metadata sees it,
/// waiting briefly for a topic created a moment ago; `None` when it does
/// not exist.
pub fn producer_partitions<C: ProducerContext + AsRef<KtContext>>(
    cluster: &Cluster,
    producer: &BaseProducer<C>,
    topic: &str,
) -> Result<Option<usize>, KtError> {
    // A topic the principal may not see is reported as refused, not missing.
    let refused = |md: &Metadata| {
        md.topics().iter().any(|t| {
            t.name() == topic
                && t.error()
                    == Some(rdkafka::types::RDKafkaRespErr::RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED)
        })
    };
    let usable = |md: &Metadata| partition_count(md, topic).is_some() || refused(md);
    let serve = || {
        producer.poll(Duration::ZERO);
    };
    let md = cluster.metadata_until(producer.client(), Some(topic), &serve, usable)?;
    if refused(&md) {
        return Err(KtError::broker(format!(
            "Not authorized to access topics: [{topic}] (the broker's ACLs refuse this principal; kt acls --list --topic {topic} shows them)"
        )));
    }
    let count = partition_count(&md, topic);
    if count.is_some() {
        // librdkafka (2.10 on) drops its bootstrap connection once the first
        // metadata names the brokers, and an idempotent producer asks for
        // its producer id on that answer, finds no broker up, and retries
        // 500 ms later: every short `kt produce` waited for that timer. A
        // second answer, from a broker of the cluster itself, asks again
        // with that broker up (one round trip on a connection produce opens
        // anyway).
        let _ = cluster.metadata(producer.client(), Some(topic), &serve);
    }
    Ok(count)
}
