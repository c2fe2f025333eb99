//! `kt elect-leaders` / kafka-leader-election (LeaderElectionCommand): moves
//! partition leadership to the preferred replica, or (unclean) to any
//! replica when no in-sync one is left.
//!
//! Under the Kafka name it checks its options in Kafka's order and prints
//! Kafka 3.9's lines; under kt's name `--election-type` defaults to
//! preferred, `--topic T` alone means all of T's partitions, an unclean
//! election asks on a terminal unless `--yes`, and results come as a table
//! or JSON too.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use kt_core::connection::{Connection, Request};
use kt_core::ffi::cluster::{elect_leaders, Election};
use kt_core::{ConnectionArgs, Diagnostics, ErrorKind, KtError, OutputArgs, OutputFormat};
use rdkafka::error::RDKafkaErrorCode;
use serde::Serialize;

use crate::dispatch::Mode;
use crate::java_order::{hash_map_order, topic_partition_hash};

const FAILED: &str = "org.apache.kafka.server.common.AdminCommandFailedException";
const OPERATION: &str = "org.apache.kafka.server.common.AdminOperationException";

#[derive(Args, Debug, Clone, Default)]
pub struct ElectArgs {
    /// Configuration properties files to pass to the admin client
    #[arg(long = "admin.config", value_name = "config file")]
    pub admin_config: Option<PathBuf>,
    /// Perform election on all of the eligible topic partitions based on the type of election (see the --election-type flag). Not allowed if --topic or --path-to-json-file is specified.
    #[arg(long)]
    pub all_topic_partitions: bool,
    /// Type of election to attempt: preferred (when the leader is not the preferred replica) or unclean (when the partition has no leader) [kt's default: preferred]
    #[arg(long, value_name = "election type")]
    pub election_type: Option<String>,
    /// Partition id for which to perform an election. REQUIRED if --topic is specified (under kt's name: all of the topic's partitions when absent).
    #[arg(long, value_name = "partition id", allow_hyphen_values = true)]
    pub partition: Option<String>,
    /// The JSON file with the list of partitions for which leader elections should be performed: {"partitions": [{"topic": "foo", "partition": 1}]}
    #[arg(long, value_name = "Path to JSON file")]
    pub path_to_json_file: Option<PathBuf>,
    /// Name of topic for which to perform an election. Not allowed if --path-to-json-file or --all-topic-partitions is specified.
    #[arg(long, value_name = "topic name")]
    pub topic: Option<String>,
    /// kt: do not ask before an unclean election on a terminal
    #[arg(long, short = 'y', help_heading = "kt")]
    pub yes: bool,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// Kafka's checks, in `LeaderElectionCommandOptions.validate`'s order.
fn validate(args: &ElectArgs, kafka_name: bool) -> Result<(), KtError> {
    let failed = |m: String| KtError::usage(m.clone()).thrown(FAILED, m);
    let mut missing = Vec::new();
    if args.connection.endpoint()?.is_none() && kafka_name {
        missing.push("bootstrap-server");
    }
    if args.election_type.is_none() && kafka_name {
        missing.push("election-type");
    }
    if !missing.is_empty() {
        return Err(failed(format!(
            "Missing required option(s): {}",
            missing.join(", ")
        )));
    }
    let chosen = [
        args.topic.is_some(),
        args.all_topic_partitions,
        args.path_to_json_file.is_some(),
    ];
    if chosen.iter().filter(|c| **c).count() != 1 {
        return Err(failed(
            "One and only one of the following options is required: topic, all-topic-partitions, path-to-json-file"
                .into(),
        ));
    }
    if args.topic.is_some() && args.partition.is_none() && kafka_name {
        return Err(failed("Missing required option(s): partition".into()));
    }
    if args.topic.is_none() && args.partition.is_some() {
        return Err(failed(
            "Option partition is only allowed if topic is used".into(),
        ));
    }
    Ok(())
}

fn election(value: Option<&str>) -> Result<Election, KtError> {
    match value.map(str::to_ascii_lowercase).as_deref() {
        None | Some("preferred") => Ok(Election::Preferred),
        Some("unclean") => Ok(Election::Unclean),
        Some(_) => Err(crate::compat::conversion(
            value.unwrap_or_default(),
            "election-type",
        )),
    }
}

/// Kafka's `--path-to-json-file`, with its messages.
fn read_partitions(path: &PathBuf) -> Result<Vec<(String, i32)>, KtError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        let m = format!(
            "java.io.IOException: Unable to read file {}",
            path.display()
        );
        KtError::config(format!("cannot read {}: {e}", path.display()))
            .thrown("java.lang.RuntimeException", m)
    })?;
    let operation = |m: &str| KtError::usage(m).thrown(OPERATION, m);
    let js: serde_json::Value =
        serde_json::from_str(&text).map_err(|_| operation("Replica election data is empty"))?;
    let list = js
        .get("partitions")
        .ok_or_else(|| operation("Replica election data is missing \"partitions\" field"))?;
    let mapping = |m: String| {
        KtError::usage(m.clone()).thrown(
            "java.lang.RuntimeException",
            format!("com.fasterxml.jackson.databind.JsonMappingException: {m}"),
        )
    };
    let items = list
        .as_array()
        .ok_or_else(|| mapping(format!("Expected JSON array, received {list}")))?;
    let mut partitions = Vec::new();
    for p in items {
        let topic = p
            .get("topic")
            .and_then(|t| t.as_str())
            .ok_or_else(|| mapping("No such field exists: `topic`".into()))?;
        let partition = p
            .get("partition")
            .and_then(|t| t.as_i64())
            .ok_or_else(|| mapping("No such field exists: `partition`".into()))?;
        partitions.push((topic.to_string(), partition as i32));
    }
    let mut duplicates: Vec<(String, i32)> = Vec::new();
    for (i, p) in partitions.iter().enumerate() {
        if partitions[..i].contains(p) && !duplicates.contains(p) {
            duplicates.push(p.clone());
        }
    }
    if !duplicates.is_empty() {
        let duplicates = hash_map_order(duplicates, |(t, p)| topic_partition_hash(t, *p));
        let names: Vec<String> = duplicates.iter().map(|(t, p)| format!("{t}-{p}")).collect();
        return Err(operation(&format!(
            "Replica election data contains duplicate partitions: [{}]",
            names.join(", ")
        )));
    }
    let mut unique: Vec<(String, i32)> = Vec::new();
    for p in partitions {
        if !unique.contains(&p) {
            unique.push(p);
        }
    }
    Ok(unique)
}

/// One partition's outcome.
#[derive(Debug, Serialize)]
struct Outcome {
    topic: String,
    partition: i32,
    /// elected, not-needed or failed
    result: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

pub fn run(
    mut args: ElectArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    if let Some(file) = args.admin_config.take() {
        args.connection.command_config.get_or_insert(file);
    }
    validate(&args, kafka_name)?;
    let kind = election(args.election_type.as_deref())?;
    let single = match (&args.topic, &args.partition) {
        (Some(t), Some(p)) => {
            let p = p
                .parse::<i32>()
                .map_err(|_| crate::compat::conversion(p, "partition"))?;
            Some(vec![(t.clone(), p)])
        }
        _ => None,
    };
    let named = match &args.path_to_json_file {
        Some(path) => Some(read_partitions(path)?),
        None => single,
    };
    let request = Request {
        endpoint: crate::endpoint::rule(mode, crate::endpoint::Kafka::Option, false),
        ..Default::default()
    };
    let cluster = Connection::resolve(&args.connection, request)?.open(err)?;
    cluster.refuse_mock("elect leaders")?;
    let admin = cluster.admin("kt-leader-election")?;
    // kt's `--topic T` alone: every partition of T.
    let named = match (named, &args.topic) {
        (None, Some(topic)) => {
            let md = cluster.metadata(admin.inner(), Some(topic), &|| {
                kt_core::context::drain_events(admin.inner())
            })?;
            let found = md
                .topics()
                .iter()
                .find(|t| t.name() == topic && t.error().is_none() && !t.partitions().is_empty());
            let Some(t) = found else {
                return Err(KtError::not_found(format!("topic {topic} does not exist")).into());
            };
            Some(
                t.partitions()
                    .iter()
                    .map(|p| (topic.clone(), p.id()))
                    .collect(),
            )
        }
        (named, _) => named,
    };
    if kind == Election::Unclean && !kafka_name && !args.yes {
        confirm(named.as_deref(), err)?;
    }
    let name = match kind {
        Election::Preferred => "PREFERRED",
        Election::Unclean => "UNCLEAN",
    };
    let results = match elect_leaders(admin.inner(), kind, named.as_deref(), cluster.timeout) {
        Ok(r) => r,
        Err(e) if e.kind == ErrorKind::Timeout && kafka_name => {
            let m = "Timeout waiting for election results";
            writeln!(out, "{m}")?;
            return Err(KtError::new(ErrorKind::Timeout, m).thrown(FAILED, m).into());
        }
        Err(e) if kafka_name && e.message.contains("authoriz") => {
            let m = "Not authorized to perform leader election";
            writeln!(out, "{m}")?;
            return Err(KtError::broker(m).thrown(FAILED, m).into());
        }
        Err(e) => return Err(e.into()),
    };
    kt_core::leave_running(admin);
    kt_core::leave_running(cluster);
    let results = if kafka_name {
        hash_map_order(results, |((t, p), _)| topic_partition_hash(t, *p))
    } else {
        let mut r = results;
        r.sort_by(|a, b| a.0.cmp(&b.0));
        r
    };
    let outcomes: Vec<Outcome> = results
        .into_iter()
        .map(|((topic, partition), answer)| {
            let (result, error) = match answer {
                Ok(()) => ("elected", None),
                Err((RDKafkaErrorCode::ElectionNotNeeded, _)) => ("not-needed", None),
                Err((code, why)) => ("failed", Some(java_error(code, &why))),
            };
            Outcome {
                topic,
                partition,
                result,
                error,
            }
        })
        .collect();
    let names = |result: &str| -> Vec<String> {
        outcomes
            .iter()
            .filter(|o| o.result == result)
            .map(|o| format!("{}-{}", o.topic, o.partition))
            .collect()
    };
    let failed = outcomes.iter().filter(|o| o.result == "failed").count();
    match (mode, args.output.output) {
        (Mode::Compat, _) | (Mode::Native, OutputFormat::Text) => {
            let elected = names("elected");
            if !elected.is_empty() {
                writeln!(
                    out,
                    "Successfully completed leader election ({name}) for partitions {}",
                    elected.join(", ")
                )?;
            }
            let noop = names("not-needed");
            if !noop.is_empty() {
                writeln!(
                    out,
                    "Valid replica already elected for partitions {}",
                    noop.join(", ")
                )?;
            }
            for o in outcomes.iter().filter(|o| o.result == "failed") {
                writeln!(
                    out,
                    "Error completing leader election ({name}) for partition: {}-{}: {}",
                    o.topic,
                    o.partition,
                    o.error.as_deref().unwrap_or_default()
                )?;
            }
        }
        (Mode::Native, OutputFormat::Json) => {
            serde_json::to_writer_pretty(
                &mut *out,
                &serde_json::json!({ "election": name.to_lowercase(), "partitions": outcomes }),
            )?;
            writeln!(out)?;
        }
        (Mode::Native, OutputFormat::Table) => {
            let mut table = crate::table::new(["TOPIC", "PARTITION", "RESULT", "ERROR"]);
            let mut sorted: Vec<_> = outcomes.iter().collect();
            sorted.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
            for o in sorted {
                table.add_row([
                    o.topic.clone(),
                    o.partition.to_string(),
                    o.result.to_string(),
                    o.error.clone().unwrap_or_default(),
                ]);
            }
            writeln!(out, "{table}")?;
        }
    }
    if failed > 0 {
        let m = format!("{failed} replica(s) could not be elected");
        let kind = if kafka_name || failed == outcomes.len() {
            ErrorKind::Broker
        } else {
            ErrorKind::Partial
        };
        return Err(KtError::new(kind, m.clone()).thrown(FAILED, m).into());
    }
    Ok(())
}

/// A partition's error as Java's exception prints it.
fn java_error(code: RDKafkaErrorCode, why: &str) -> String {
    use RDKafkaErrorCode as E;
    let (class, default) = match code {
        E::PreferredLeaderNotAvailable => (
            "PreferredLeaderNotAvailableException",
            "The preferred leader was not available.",
        ),
        E::EligibleLeadersNotAvailable => (
            "EligibleLeadersNotAvailableException",
            "Eligible topic partition leaders are not available.",
        ),
        E::UnknownTopicOrPartition => (
            "UnknownTopicOrPartitionException",
            "This server does not host this topic-partition.",
        ),
        E::InvalidTopic => (
            "InvalidTopicException",
            "The request attempted to perform an operation on an invalid topic.",
        ),
        E::ClusterAuthorizationFailed => (
            "ClusterAuthorizationException",
            "Cluster authorization failed.",
        ),
        _ => return crate::compat::java_exception(code, why),
    };
    // The broker's message when it sent one, else the error's own.
    let librdkafka_default = why.is_empty() || why.starts_with("Broker: ");
    let message = if librdkafka_default { default } else { why };
    format!("org.apache.kafka.common.errors.{class}: {message}")
}

/// Asks on the terminal before an unclean election; the declined error
/// when the answer is no.
fn confirm(partitions: Option<&[(String, i32)]>, err: &Diagnostics) -> anyhow::Result<()> {
    let what = match partitions {
        None => "every partition without a leader".to_string(),
        Some(p) => format!("{} partition(s)", p.len()),
    };
    crate::prompt::confirm(
        &format!("An unclean election may lose records that were not replicated. Elect any replica as leader of {what}?"),
        "no election",
        err,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> ElectArgs {
        #[derive(clap::Parser)]
        struct P {
            #[command(flatten)]
            a: ElectArgs,
        }
        let argv = std::iter::once("kt").chain(line.split_whitespace());
        <P as clap::Parser>::parse_from(argv).a
    }

    #[test]
    fn kafka_checks_in_kafka_order() {
        let e = validate(&args("--topic t"), true).unwrap_err();
        assert_eq!(
            e.message,
            "Missing required option(s): bootstrap-server, election-type"
        );
        let e = validate(
            &args(
                "--bootstrap-server b:1 --election-type preferred --topic t --all-topic-partitions",
            ),
            true,
        )
        .unwrap_err();
        assert!(e.message.starts_with("One and only one"));
        let e = validate(
            &args("--bootstrap-server b:1 --election-type preferred --topic t"),
            true,
        )
        .unwrap_err();
        assert_eq!(e.message, "Missing required option(s): partition");
        // Under kt's name --topic alone is every partition of it.
        assert!(validate(&args("--bootstrap-server b:1 --topic t"), false).is_ok());
    }

    #[test]
    fn election_types_are_case_blind() {
        assert_eq!(election(Some("UNCLEAN")).unwrap(), Election::Unclean);
        assert_eq!(election(None).unwrap(), Election::Preferred);
        assert_eq!(
            election(Some("x")).unwrap_err().message,
            "Cannot parse argument 'x' of option election-type"
        );
    }
}
