//! kafka-console-consumer's flags, shared by `kt consume` and the Kafka name,
//! and Kafka's checks in Kafka's order.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use kt_core::props::Property;
use kt_core::{ConnectionArgs, KtError};

use crate::time::{now_ms, parse_time};

#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ConsumeOutput {
    /// Kafka's DefaultMessageFormatter
    #[default]
    Text,
    /// One JSON envelope per record (what `kt produce --input json` reads)
    Json,
}

#[derive(Args, Debug, Clone, Default)]
pub struct ConsumeArgs {
    /// The topic to consume
    #[arg(long, value_name = "topic")]
    pub topic: Option<String>,
    /// Regular expression of topics to consume (full match)
    #[arg(long, value_name = "Java regex (String)")]
    pub include: Option<String>,
    /// Old name of --include (ignored when --include is given)
    #[arg(long, value_name = "Java regex (String)", hide = true)]
    pub whitelist: Option<String>,
    /// The partition to consume from (assigned, not subscribed)
    #[arg(long, value_name = "partition", allow_hyphen_values = true)]
    pub partition: Option<i32>,
    /// Where to start with --partition: earliest, latest or an offset [default: latest]
    #[arg(long, value_name = "consume offset", allow_hyphen_values = true)]
    pub offset: Option<String>,
    /// Start from the earliest record rather than the latest
    #[arg(long)]
    pub from_beginning: bool,
    /// Consumer group id (commits offsets)
    #[arg(long, value_name = "consumer group id")]
    pub group: Option<String>,
    /// Stop after this many records
    #[arg(long, value_name = "num_messages", allow_hyphen_values = true)]
    pub max_messages: Option<i64>,
    /// Stop when no record arrives for this long
    #[arg(long, value_name = "timeout_ms", allow_hyphen_values = true)]
    pub timeout_ms: Option<i64>,
    /// Skip records the formatter cannot print instead of stopping
    #[arg(long)]
    pub skip_message_on_error: bool,
    /// read_committed or read_uncommitted [default: read_uncommitted]
    #[arg(long, value_name = "isolation level")]
    pub isolation_level: Option<String>,
    /// Consumer property in Java form (repeatable)
    #[arg(long, value_name = "consumer_prop")]
    pub consumer_property: Vec<String>,
    /// Consumer properties file
    #[arg(long = "consumer.config", value_name = "config file")]
    pub consumer_config: Option<PathBuf>,
    /// Formatter class; Kafka's DefaultMessageFormatter and the NoOp/Logging ones are built in
    #[arg(long, value_name = "class")]
    pub formatter: Option<String>,
    /// Formatter property (repeatable): print.key, print.timestamp, key.separator, ...
    #[arg(long, visible_alias = "formatter-property", value_name = "prop")]
    pub property: Vec<String>,
    /// Formatter properties file; --property wins
    #[arg(long, value_name = "config file")]
    pub formatter_config: Option<PathBuf>,
    /// Key deserializer class (becomes the key.deserializer formatter property)
    #[arg(long, value_name = "deserializer for key")]
    pub key_deserializer: Option<String>,
    /// Value deserializer class (becomes the value.deserializer formatter property)
    #[arg(long, value_name = "deserializer for values")]
    pub value_deserializer: Option<String>,
    /// Print shutdown_complete on stdout at exit, as Kafka's system tests expect
    #[arg(long)]
    pub enable_systest_events: bool,

    /// Output format (kt only)
    #[arg(
        long,
        short = 'o',
        value_enum,
        default_value_t,
        help_heading = "Beyond Kafka"
    )]
    pub output: ConsumeOutput,
    /// Print each record with kcat's tokens: %t %p %o %T %k %K %s (or %v) %S %R %h, \n \t \xHH;
    /// %k and %v take {hex}, {base64} or {json} (kt only)
    #[arg(
        long,
        value_name = "FORMAT",
        conflicts_with_all = ["output", "formatter"],
        help_heading = "Beyond Kafka"
    )]
    pub format: Option<String>,
    /// Stop when every partition reaches the end it had at start (kt only)
    #[arg(long, help_heading = "Beyond Kafka")]
    pub exit: bool,
    /// Start at this time: epoch ms, RFC 3339, or relative like -15m (kt only)
    #[arg(
        long,
        value_name = "TIME",
        allow_hyphen_values = true,
        help_heading = "Beyond Kafka"
    )]
    pub from_time: Option<String>,
    /// Stop each partition at its first record after this time (kt only)
    #[arg(
        long,
        value_name = "TIME",
        allow_hyphen_values = true,
        help_heading = "Beyond Kafka"
    )]
    pub until_time: Option<String>,
    /// Start at the last N records of each partition (kcat's -o -N; with --exit, print them and stop)
    #[arg(
        long,
        value_name = "N",
        allow_hyphen_values = true,
        help_heading = "Beyond Kafka"
    )]
    pub tail: Option<String>,
    /// Wait for a topic that does not exist yet instead of failing (kt only)
    #[arg(long, help_heading = "Beyond Kafka")]
    pub wait_for_topic: bool,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// Where assigned partitions start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartAt {
    Earliest,
    Latest,
    Offset(i64),
    /// The first record at or after this time (epoch ms).
    Time(i64),
    /// The last N records of each partition.
    Tail(i64),
}

/// What to read, once the flags are checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Topic(String),
    /// A Kafka pattern (full match), as librdkafka's subscription regex.
    Pattern(String),
}

/// The checked consumer settings.
#[derive(Debug, Clone)]
pub struct ConsumePlan {
    pub source: Source,
    pub partition: Option<i32>,
    pub start: StartAt,
    /// The group the user asked for; None means kt may assign partitions.
    pub group: Option<String>,
    pub until_ms: Option<i64>,
}

impl ConsumePlan {
    pub fn start_is_tail(&self) -> bool {
        matches!(self.start, StartAt::Tail(_))
    }
}

impl ConsumeArgs {
    /// Kafka's checks (ConsoleConsumerOptions), in Kafka's order, over the
    /// flags and the consumer properties.
    pub fn check(&self, props: &[Property]) -> Result<ConsumePlan, KtError> {
        let include = self.include.clone().or_else(|| self.whitelist.clone());
        let source = match (&self.topic, include) {
            (Some(t), None) => Source::Topic(t.clone()),
            (None, Some(p)) => Source::Pattern(p),
            _ => {
                return Err(KtError::usage(
                    "Exactly one of --include/--topic is required. ",
                ))
            }
        };
        if self.partition.is_some() && self.topic.is_none() {
            return Err(KtError::usage(
                "The topic is required when partition is specified.",
            ));
        }
        if self.partition.is_some() && self.from_beginning && self.offset.is_some() {
            return Err(KtError::usage(
                "Options from-beginning and offset cannot be specified together.",
            ));
        }
        if self.offset.is_some() && self.partition.is_none() {
            return Err(KtError::usage(
                "The partition is required when offset is specified.",
            ));
        }
        let prop = |key: &str| {
            props
                .iter()
                .rev()
                .find(|p| p.key == key)
                .map(|p| p.value.clone())
        };
        let mut groups: Vec<String> = Vec::new();
        for g in [self.group.clone(), prop("group.id")].into_iter().flatten() {
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        if groups.len() > 1 {
            let list: Vec<String> = groups.iter().map(|g| format!("'{g}'")).collect();
            return Err(KtError::usage(format!(
                "The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. Detected group ids: {}",
                list.join(", ")
            )));
        }
        let group = groups.pop();
        if group.is_some() && self.partition.is_some() {
            return Err(KtError::usage(
                "Options group and partition cannot be specified together.",
            ));
        }
        if let Some(reset) = prop("auto.offset.reset") {
            if self.from_beginning && reset != "earliest" {
                return Err(KtError::config(format!(
                    "Can't simultaneously specify --from-beginning and 'auto.offset.reset={reset}', please remove one option"
                )));
            }
        }
        let mut start = if self.from_beginning {
            StartAt::Earliest
        } else {
            StartAt::Latest
        };
        if let Some(offset) = &self.offset {
            start = match offset.to_ascii_lowercase().as_str() {
                "earliest" => StartAt::Earliest,
                "latest" => StartAt::Latest,
                n => match n.parse::<i64>() {
                    Ok(o) if o >= 0 => StartAt::Offset(o),
                    _ => {
                        return Err(KtError::usage(format!(
                            "The provided offset value '{offset}' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long."
                        )))
                    }
                },
            };
        } else if prop("auto.offset.reset").as_deref() == Some("earliest") {
            start = StartAt::Earliest;
        }
        let now = now_ms();
        if let Some(t) = &self.from_time {
            start = StartAt::Time(parse_time(t, now)?);
        }
        let until_ms = self
            .until_time
            .as_deref()
            .map(|t| parse_time(t, now))
            .transpose()?;
        if let Some(text) = &self.tail {
            let n: u64 = text.trim().parse().map_err(|_| {
                KtError::usage(format!(
                    "--tail {text}: give how many records to show from each partition's end, e.g. --tail 10"
                ))
            })?;
            if self.from_beginning || self.offset.is_some() || self.from_time.is_some() {
                return Err(KtError::usage(
                    "--tail picks where each partition starts; drop --from-beginning, --offset and --from-time",
                ));
            }
            start = StartAt::Tail(i64::try_from(n).unwrap_or(i64::MAX));
        }
        if group.is_some()
            && (self.from_time.is_some()
                || self.until_time.is_some()
                || self.exit
                || self.tail.is_some())
        {
            return Err(KtError::usage(
                "--from-time, --until-time, --tail and --exit assign partitions themselves; drop --group",
            ));
        }
        Ok(ConsumePlan {
            source,
            partition: self.partition,
            start,
            group,
            until_ms,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Harness {
        #[command(flatten)]
        args: ConsumeArgs,
    }

    fn check(words: &str, props: &[(&str, &str)]) -> Result<ConsumePlan, String> {
        let argv = std::iter::once("c").chain(words.split_whitespace());
        let props: Vec<Property> = props
            .iter()
            .map(|(k, v)| Property {
                key: k.to_string(),
                value: v.to_string(),
                source: kt_core::props::Source::Flag("t"),
            })
            .collect();
        Harness::try_parse_from(argv)
            .map_err(|e| e.to_string())?
            .args
            .check(&props)
            .map_err(|e| e.message)
    }

    // kafka-cli-reference.md §4 usage errors and §11 vectors 19-23.
    #[test]
    fn kafka_checks_in_order() {
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
        let cases: [Case<'_>; 8] = [
            ("", &[], "Exactly one of --include/--topic is required. "),
            ("--topic t --include x", &[], "Exactly one of --include/--topic is required. "),
            ("--include x --partition 0", &[], "The topic is required when partition is specified."),
            ("--topic t --partition 0 --from-beginning --offset 1", &[], "Options from-beginning and offset cannot be specified together."),
            ("--topic t --offset 5", &[], "The partition is required when offset is specified."),
            ("--topic t --partition 0 --offset -1", &[], "The provided offset value '-1' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long."),
            ("--topic t --partition 0 --group g", &[], "Options group and partition cannot be specified together."),
            ("--topic t --from-beginning", &[("auto.offset.reset", "latest")], "Can't simultaneously specify --from-beginning and 'auto.offset.reset=latest', please remove one option"),
        ];
        for (args, props, expected) in cases {
            assert_eq!(check(args, props).unwrap_err(), expected, "{args}");
        }
        assert!(check("--topic t --group a", &[("group.id", "b")])
            .unwrap_err()
            .ends_with("Detected group ids: 'a', 'b'"));
    }

    #[test]
    fn offsets_and_times() {
        let plan = check("--topic t --partition 0 --offset EARLIEST", &[]).unwrap();
        assert_eq!(plan.start, StartAt::Earliest);
        let plan = check("--topic t --partition 0 --offset 7", &[]).unwrap();
        assert_eq!(plan.start, StartAt::Offset(7));
    }
}
