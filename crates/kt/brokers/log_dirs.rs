//! kafka-log-dirs (LogDirsCommand) and `kt brokers --log-dirs`: each
//! broker's DescribeLogDirs, as Kafka's JSON or as sizes per topic.

use std::collections::BTreeMap;
use std::io::Write;

use indicatif::HumanBytes;
use kt_core::protocol::{self, LogDir};
use kt_core::{Diagnostics, KtError, OutputFormat};
use serde::Serialize;

use super::{connect, BrokersArgs};
use crate::dispatch::Mode;
use crate::endpoint::Kafka;
use crate::java_order::{hash_map_order, string_hash, topic_partition_hash};

/// Kafka's comma lists: empty entries dropped.
fn split(list: Option<&str>) -> Vec<&str> {
    list.unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .collect()
}

/// A `HashSet<Integer>` joined with commas, in Java's order.
fn java_ids(ids: &[i32]) -> String {
    let mut unique: Vec<i32> = Vec::new();
    for id in ids {
        if !unique.contains(id) {
            unique.push(*id);
        }
    }
    hash_map_order(unique, |id| *id)
        .iter()
        .map(|id| id.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// One value of a JSON object, written when its turn comes.
type Value<'a> = Box<dyn Fn(&mut dyn Write) -> std::io::Result<()> + 'a>;

/// A Java `HashMap<String, Object>` as Jackson writes it: keys in the map's
/// order, no spaces.
fn java_object(out: &mut dyn Write, entries: Vec<(&str, Value<'_>)>) -> std::io::Result<()> {
    let entries = hash_map_order(entries, |(k, _)| string_hash(k));
    out.write_all(b"{")?;
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write!(out, "{}:", serde_json::Value::from(*key))?;
        value(out)?;
    }
    out.write_all(b"}")
}

/// A JSON array of `items`, each written by `write`.
fn java_array<T>(
    out: &mut dyn Write,
    items: &[T],
    write: impl Fn(&mut dyn Write, &T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    out.write_all(b"[")?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write(out, item)?;
    }
    out.write_all(b"]")
}

/// A value written with `Display`.
fn plain<'a>(value: impl std::fmt::Display + 'a) -> Value<'a> {
    Box::new(move |out| write!(out, "{value}"))
}

/// A JSON string.
fn string(value: &str) -> Value<'_> {
    Box::new(move |out| write!(out, "{}", serde_json::Value::from(value)))
}

/// The exception class Kafka's admin client makes of a log dir's error code.
fn error_class(code: i16) -> Option<&'static str> {
    match code {
        0 => None,
        56 => Some("org.apache.kafka.common.errors.KafkaStorageException"),
        29 => Some("org.apache.kafka.common.errors.ClusterAuthorizationException"),
        _ => Some("org.apache.kafka.common.errors.UnknownServerException"),
    }
}

/// LogDirsCommand's JSON for `dirs` (by broker), keeping `topics` only,
/// written as it is made: 51,000 replicas are 5 MB of JSON.
fn kafka_json(
    out: &mut dyn Write,
    dirs: &[(i32, Vec<LogDir>)],
    topics: &[&str],
) -> std::io::Result<()> {
    let brokers = hash_map_order(dirs.iter().collect(), |(id, _)| *id);
    let replica = |out: &mut dyn Write, r: &&protocol::Replica| {
        let partition = format!("{}-{}", r.topic, r.partition);
        java_object(
            out,
            vec![
                ("partition", string(&partition)),
                ("size", plain(r.size)),
                ("offsetLag", plain(r.offset_lag)),
                ("isFuture", plain(r.is_future)),
            ],
        )
    };
    let dir = |out: &mut dyn Write, d: &&LogDir| {
        let replicas = d
            .replicas
            .iter()
            .filter(|r| topics.is_empty() || topics.contains(&r.topic.as_str()))
            .collect();
        let replicas = hash_map_order(replicas, |r: &&protocol::Replica| {
            topic_partition_hash(&r.topic, r.partition)
        });
        let error = error_class(d.error);
        java_object(
            out,
            vec![
                ("logDir", string(&d.path)),
                (
                    "error",
                    Box::new(move |out| match error {
                        Some(class) => write!(out, "{}", serde_json::Value::from(class)),
                        None => out.write_all(b"null"),
                    }),
                ),
                (
                    "partitions",
                    Box::new(|out| java_array(out, &replicas, replica)),
                ),
            ],
        )
    };
    let broker = |out: &mut dyn Write, (id, dirs): &&(i32, Vec<LogDir>)| {
        let dirs = hash_map_order(dirs.iter().collect(), |d: &&LogDir| string_hash(&d.path));
        java_object(
            out,
            vec![
                ("broker", plain(*id)),
                ("logDirs", Box::new(|out| java_array(out, &dirs, dir))),
            ],
        )
    };
    java_object(
        out,
        vec![
            ("version", plain(1)),
            ("brokers", Box::new(|out| java_array(out, &brokers, broker))),
        ],
    )
}

/// One topic's replicas in one log directory of one broker.
#[derive(Debug, Serialize)]
struct TopicSize {
    broker: i32,
    log_dir: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'static str>,
    topic: String,
    partitions: usize,
    size_bytes: i64,
    max_offset_lag: i64,
    future: usize,
}

fn sizes(dirs: &[(i32, Vec<LogDir>)], topics: &[&str]) -> Vec<TopicSize> {
    let mut rows = Vec::new();
    for (broker, dirs) in dirs {
        for d in dirs {
            let mut by_topic: BTreeMap<&str, TopicSize> = BTreeMap::new();
            for r in &d.replicas {
                if !topics.is_empty() && !topics.contains(&r.topic.as_str()) {
                    continue;
                }
                let row = by_topic.entry(&r.topic).or_insert_with(|| TopicSize {
                    broker: *broker,
                    log_dir: d.path.clone(),
                    error: error_class(d.error),
                    topic: r.topic.clone(),
                    partitions: 0,
                    size_bytes: 0,
                    max_offset_lag: 0,
                    future: 0,
                });
                row.partitions += 1;
                row.size_bytes += r.size;
                row.max_offset_lag = row.max_offset_lag.max(r.offset_lag);
                row.future += usize::from(r.is_future);
            }
            if by_topic.is_empty() {
                rows.push(TopicSize {
                    broker: *broker,
                    log_dir: d.path.clone(),
                    error: error_class(d.error),
                    topic: String::new(),
                    partitions: 0,
                    size_bytes: 0,
                    max_offset_lag: 0,
                    future: 0,
                });
            }
            rows.extend(by_topic.into_values());
        }
    }
    rows
}

/// kafka-log-dirs, or `kt brokers --log-dirs`; `ids` is `--broker-list`.
pub fn run(
    args: BrokersArgs,
    ids: Option<String>,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    if kafka_name {
        if args.connection.endpoint()?.is_none() {
            return Err(Kafka::Argument.error().into());
        }
        if !args.describe {
            return Err(KtError::usage("Missing required argument \"[describe]\"").into());
        }
    }
    let topics = split(args.topic_list.as_deref());
    let cluster = connect(mode, &args, err)?;
    let info = cluster.info_once("log-dirs-tool")?;
    let cluster_ids: Vec<i32> = info.nodes.iter().map(|n| n.id).collect();
    let mut asked = Vec::new();
    for id in split(ids.as_deref()) {
        let parsed = id.parse::<i32>().map_err(|_| {
            let m = format!("For input string: \"{id}\"");
            KtError::usage(format!("--broker-list: {id} is not a broker id"))
                .thrown("java.lang.NumberFormatException", m)
        })?;
        asked.push(parsed);
    }
    let missing: Vec<i32> = asked
        .iter()
        .copied()
        .filter(|id| !cluster_ids.contains(id))
        .collect();
    if !missing.is_empty() {
        let message = format!(
            "ERROR: The given brokers do not exist from --broker-list: {}. Current existent brokers: {}",
            java_ids(&missing),
            java_ids(&cluster_ids)
        );
        // Kafka's TerseException: the message alone.
        return Err(if kafka_name {
            KtError::not_found(message)
        } else {
            KtError::not_found(format!(
                "no broker {} in the cluster (its brokers: {})",
                java_ids(&missing),
                java_ids(&cluster_ids)
            ))
        }
        .into());
    }
    let chosen: Vec<i32> = if asked.is_empty() {
        cluster_ids.clone()
    } else {
        asked
    };
    if kafka_name || args.output.output == OutputFormat::Text {
        writeln!(out, "Querying brokers for log directories information")?;
    }
    // Every broker at once, as Kafka's admin client asks them.
    let chosen_nodes: Vec<i32> = info
        .nodes
        .iter()
        .map(|n| n.id)
        .filter(|id| chosen.contains(id))
        .collect();
    let mut pool = protocol::Pool::new(
        info.nodes,
        &cluster.config,
        "log-dirs-tool",
        cluster.timeout,
    );
    let dirs: Vec<(i32, Vec<LogDir>)> = pool
        .in_parallel(&chosen_nodes, |_, broker| broker.describe_log_dirs())
        .into_iter()
        .map(|(id, answer)| answer.map(|dirs| (id, dirs)))
        .collect::<Result<_, _>>()?;
    kt_core::leave_running(cluster);
    match (mode, args.output.output) {
        (Mode::Compat, _) | (Mode::Native, OutputFormat::Text) => {
            writeln!(
                out,
                "Received log directory information from brokers {}",
                java_ids(&chosen)
            )?;
            kafka_json(out, &dirs, &topics)?;
            writeln!(out)?;
        }
        (Mode::Native, OutputFormat::Json) => {
            serde_json::to_writer_pretty(
                &mut *out,
                &serde_json::json!({ "log_dirs": sizes(&dirs, &topics) }),
            )?;
            writeln!(out)?;
        }
        (Mode::Native, OutputFormat::Table) => {
            let mut table = crate::table::new([
                "BROKER",
                "LOG DIR",
                "TOPIC",
                "PARTITIONS",
                "SIZE",
                "MAX LAG",
                "ERROR",
            ]);
            for r in sizes(&dirs, &topics) {
                table.add_row([
                    r.broker.to_string(),
                    r.log_dir,
                    r.topic,
                    r.partitions.to_string(),
                    HumanBytes(r.size_bytes.max(0) as u64).to_string(),
                    r.max_offset_lag.to_string(),
                    r.error.unwrap_or_default().to_string(),
                ]);
            }
            for i in [3, 4, 5] {
                table.align_right(i);
            }
            writeln!(out, "{table}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jackson_writes_a_hash_map_in_its_order() {
        // "version".hashCode() puts it after "brokers" in a 16-bucket table.
        let mut out = Vec::new();
        let no_brokers: [i32; 0] = [];
        java_object(
            &mut out,
            vec![
                ("version", plain(1)),
                (
                    "brokers",
                    Box::new(|out| java_array(out, &no_brokers, |_, _| Ok(()))),
                ),
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"brokers":[],"version":1}"#
        );
    }

    #[test]
    fn broker_sets_print_in_java_order() {
        assert_eq!(java_ids(&[3, 1, 2, 1]), "1,2,3");
        // 17 and 1 share a bucket of 16: the order they were put in.
        assert_eq!(java_ids(&[17, 1]), "17,1");
    }
}
