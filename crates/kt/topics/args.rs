//! kafka-topics' flags, shared by `kt topics` and the `kafka-topics` link, and
//! Kafka's checks in Kafka's order.

use std::time::Duration;

use clap::Args;
use kt_core::{ConnectionArgs, KtError, OutputArgs};

#[derive(Args, Debug, Clone, Default)]
pub struct TopicsArgs {
    /// List all available topics
    #[arg(long, help_heading = "Actions")]
    pub list: bool,
    /// Create a new topic
    #[arg(long, help_heading = "Actions")]
    pub create: bool,
    /// List details for the given topics
    #[arg(long, help_heading = "Actions")]
    pub describe: bool,
    /// Alter the number of partitions, replica assignment or configs
    #[arg(long, help_heading = "Actions")]
    pub alter: bool,
    /// Delete a topic
    #[arg(long, help_heading = "Actions")]
    pub delete: bool,

    /// The topic to create, alter, describe or delete; a regular expression except with --create
    #[arg(long, value_name = "topic")]
    pub topic: Option<String>,
    /// The topic-id to describe
    #[arg(long, value_name = "topic-id")]
    pub topic_id: Option<String>,
    /// Number of partitions for the topic being created or altered (default: the broker's)
    #[arg(long, value_name = "# of partitions", allow_hyphen_values = true)]
    pub partitions: Option<i32>,
    /// Replication factor for each partition of the topic being created (default: the broker's)
    #[arg(long, value_name = "replication factor", allow_hyphen_values = true)]
    pub replication_factor: Option<i32>,
    /// Manual partition-to-broker assignment: b1:b2,b3:b4 (one group per partition)
    #[arg(
        long,
        value_name = "broker_id_for_part1_replica1 : broker_id_for_part1_replica2 , ..."
    )]
    pub replica_assignment: Option<String>,
    /// A topic config override (repeatable), with --create or --alter
    #[arg(long, value_name = "name=value")]
    pub config: Vec<String>,
    /// A topic config override to remove (repeatable), with --alter
    #[arg(long, value_name = "name")]
    pub delete_config: Vec<String>,
    /// With --alter, --delete or --describe: do nothing if the topic does not exist
    #[arg(long)]
    pub if_exists: bool,
    /// With --create: do nothing if the topic already exists
    #[arg(long)]
    pub if_not_exists: bool,
    /// Exclude internal topics when listing or describing
    #[arg(long)]
    pub exclude_internal: bool,
    /// With --describe: only show under-replicated partitions
    #[arg(long)]
    pub under_replicated_partitions: bool,
    /// With --describe: only show partitions whose ISR is smaller than min.insync.replicas
    #[arg(long)]
    pub under_min_isr_partitions: bool,
    /// With --describe: only show partitions whose ISR equals min.insync.replicas
    #[arg(long)]
    pub at_min_isr_partitions: bool,
    /// With --describe: only show partitions whose leader is not available
    #[arg(long)]
    pub unavailable_partitions: bool,
    /// With --describe: only show topics that have overridden configs
    #[arg(long)]
    pub topics_with_overrides: bool,
    /// Accepted for Kafka compatibility; librdkafka pages partitions itself
    #[arg(long, value_name = "maximum number of partitions per response")]
    pub partition_size_limit_per_response: Option<i32>,
    /// Accepted and ignored, as in Kafka 3.x
    #[arg(long, hide = true)]
    pub disable_rack_aware: bool,
    /// Accepted and ignored, as in Kafka 2.x
    #[arg(long, hide = true)]
    pub force: bool,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// How long to wait for the cluster, in milliseconds [default: 10000]
    #[arg(long, value_name = "MS", help_heading = "Connection")]
    pub timeout_ms: Option<u64>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Words jopt-simple ignores; kt's native form rejects them
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// One validated kafka-topics action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Create,
    List,
    Describe,
    Alter,
    Delete,
}

impl TopicsArgs {
    /// Kafka's checks, in Kafka's order (TopicCommandOptions.checkArgs): the
    /// action count, required arguments, then invalid combinations.
    pub fn check(&self) -> Result<Action, KtError> {
        let actions = [
            (self.create, Action::Create),
            (self.list, Action::List),
            (self.alter, Action::Alter),
            (self.describe, Action::Describe),
            (self.delete, Action::Delete),
        ];
        let chosen: Vec<&Action> = actions
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, a)| a)
            .collect();
        let [action] = chosen.as_slice() else {
            return Err(KtError::usage(
                "Command must include exactly one action: --list, --describe, --create, --alter or --delete",
            ));
        };
        let action = (*action).clone();
        self.check_required(&action)?;
        self.check_invalid(&action)?;
        Ok(action)
    }

    fn check_required(&self, action: &Action) -> Result<(), KtError> {
        if self.connection.bootstrap_server.is_none()
            && self.connection.zookeeper.is_none()
            && self.connection.broker_list.is_none()
        {
            return Err(KtError::usage("--bootstrap-server must be specified"));
        }
        if *action == Action::Describe
            && self.if_exists
            && self.topic.is_none()
            && self.topic_id.is_none()
        {
            return Err(KtError::usage(
                "--topic or --topic-id is required to describe a topic",
            ));
        }
        if !matches!(action, Action::List | Action::Describe) && self.topic.is_none() {
            return Err(missing("topic"));
        }
        if *action == Action::Alter
            && self.partitions.is_none()
            && self.config.is_empty()
            && self.delete_config.is_empty()
        {
            // Kafka requires --partitions; kt also alters configs, so any one will do.
            return Err(missing("partitions"));
        }
        Ok(())
    }

    fn check_invalid(&self, action: &Action) -> Result<(), KtError> {
        use Action::*;
        let only = |flag: &str, on: bool, allowed: &[Action]| -> Result<(), KtError> {
            if on && !allowed.contains(action) {
                return Err(cannot_combine(flag, action_name(action)));
            }
            Ok(())
        };
        only("config", !self.config.is_empty(), &[Alter, Create])?;
        only("delete-config", !self.delete_config.is_empty(), &[Alter])?;
        only("partitions", self.partitions.is_some(), &[Alter, Create])?;
        only(
            "replication-factor",
            self.replication_factor.is_some(),
            &[Create],
        )?;
        only(
            "replica-assignment",
            self.replica_assignment.is_some(),
            &[Alter, Create],
        )?;
        if *action == Create && self.replica_assignment.is_some() {
            if self.partitions.is_some() {
                return Err(cannot_combine("replica-assignment", "partitions"));
            }
            if self.replication_factor.is_some() {
                return Err(cannot_combine("replica-assignment", "replication-factor"));
            }
        }
        let reports = [
            (
                "under-replicated-partitions",
                self.under_replicated_partitions,
            ),
            ("under-min-isr-partitions", self.under_min_isr_partitions),
            ("at-min-isr-partitions", self.at_min_isr_partitions),
            ("unavailable-partitions", self.unavailable_partitions),
        ];
        for (flag, on) in reports {
            only(flag, on, &[Describe])?;
            if on && self.topics_with_overrides {
                return Err(cannot_combine(flag, "topics-with-overrides"));
            }
        }
        only(
            "topics-with-overrides",
            self.topics_with_overrides,
            &[Describe],
        )?;
        only("if-exists", self.if_exists, &[Alter, Delete, Describe])?;
        only("if-not-exists", self.if_not_exists, &[Create])?;
        only("exclude-internal", self.exclude_internal, &[List, Describe])?;
        Ok(())
    }

    pub fn timeout(&self) -> Option<Duration> {
        self.timeout_ms.map(Duration::from_millis)
    }
}

fn action_name(action: &Action) -> &'static str {
    match action {
        Action::Create => "create",
        Action::List => "list",
        Action::Describe => "describe",
        Action::Alter => "alter",
        Action::Delete => "delete",
    }
}

fn missing(option: &str) -> KtError {
    KtError::usage(format!("Missing required argument \"[{option}]\""))
}

fn cannot_combine(option: &str, other: &str) -> KtError {
    KtError::usage(format!(
        "Option \"[{option}]\" can't be used with option \"[{other}]\""
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Harness {
        #[command(flatten)]
        args: TopicsArgs,
    }

    fn check(words: &str) -> Result<Action, String> {
        let argv = std::iter::once("kafka-topics").chain(words.split_whitespace());
        Harness::try_parse_from(argv)
            .map_err(|e| e.to_string())?
            .args
            .check()
            .map_err(|e| e.message)
    }

    // The spec's kafka-topics usage vectors (kafka-cli-reference.md §11, 2-6).
    #[test]
    fn kafka_usage_vectors() {
        let cases = [
            ("--bootstrap-server b:9092", "Command must include exactly one action: --list, --describe, --create, --alter or --delete"),
            ("--list --create --bootstrap-server b:9092", "Command must include exactly one action: --list, --describe, --create, --alter or --delete"),
            ("--create --bootstrap-server b:9092", "Missing required argument \"[topic]\""),
            ("--create --topic t --partitions 1 --replica-assignment 0 --bootstrap-server b:9092", "Option \"[replica-assignment]\" can't be used with option \"[partitions]\""),
            ("--alter --topic t --bootstrap-server b:9092", "Missing required argument \"[partitions]\""),
            ("--describe --if-not-exists --bootstrap-server b:9092", "Option \"[if-not-exists]\" can't be used with option \"[describe]\""),
            ("--list", "--bootstrap-server must be specified"),
            ("--describe --if-exists --bootstrap-server b:9092", "--topic or --topic-id is required to describe a topic"),
            ("--list --partitions 3 --bootstrap-server b:9092", "Option \"[partitions]\" can't be used with option \"[list]\""),
            ("--describe --under-replicated-partitions --topics-with-overrides --bootstrap-server b:9092", "Option \"[under-replicated-partitions]\" can't be used with option \"[topics-with-overrides]\""),
            ("--delete --topic t --exclude-internal --bootstrap-server b:9092", "Option \"[exclude-internal]\" can't be used with option \"[delete]\""),
        ];
        for (args, expected) in cases {
            assert_eq!(check(args), Err(expected.to_string()), "{args}");
        }
    }

    #[test]
    fn valid_forms_pass() {
        assert_eq!(check("--list --zookeeper z:2181"), Ok(Action::List));
        assert_eq!(
            check("--create --topic t --partitions -1 --bootstrap-server b:9092"),
            Ok(Action::Create)
        );
        assert_eq!(
            check("--alter --topic t --config retention.ms=1 --bootstrap-server b:9092"),
            Ok(Action::Alter)
        );
        assert_eq!(
            check("--describe --under-replicated-partitions --unavailable-partitions --bootstrap-server b:9092"),
            Ok(Action::Describe)
        );
    }
}
