//! `--list`.

use std::io::Write;

use super::report::{write_list, TopicSummary};
use super::Session;
use crate::topic::is_internal;

pub fn run(s: &Session<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let names = s.matching_topics(false)?;
    // By name: one search per topic over 2,000 topics cost a quadratic.
    let metadata: std::collections::HashMap<&str, &rdkafka::metadata::MetadataTopic> =
        s.metadata.topics().iter().map(|t| (t.name(), t)).collect();
    let topics: Vec<TopicSummary> = names
        .into_iter()
        .map(|name| {
            let meta = metadata.get(name.as_str()).copied();
            let partitions = meta.map_or(0, |t| t.partitions().len());
            let replication_factor = meta
                .and_then(|t| t.partitions().iter().min_by_key(|p| p.id()))
                .map_or(0, |p| p.replicas().len());
            TopicSummary {
                internal: is_internal(&name),
                name,
                partitions,
                replication_factor,
            }
        })
        .collect();
    write_list(out, s.format, &topics)?;
    Ok(())
}
