//! kafka-consumer-perf-test's flags (jopt-simple), shared by `kt perf consumer`.

use std::path::PathBuf;

use clap::Args;
use kt_core::{ConnectionArgs, KtError};

use super::producer_args::PerfOutput;

#[derive(Args, Debug, Clone, Default)]
pub struct ConsumerPerfArgs {
    /// REQUIRED: the topic to consume from
    #[arg(long, value_name = "topic")]
    pub topic: Option<String>,
    /// Regular expression of topics to consume (Kafka 4.2)
    #[arg(long, value_name = "include")]
    pub include: Option<String>,
    /// REQUIRED: the number of records to consume
    #[arg(long, value_name = "count", allow_hyphen_values = true)]
    pub messages: Option<String>,
    /// Kafka 4.2's name for --messages
    #[arg(long, value_name = "count", allow_hyphen_values = true)]
    pub num_records: Option<String>,
    /// The consumer group id [default: perf-consumer-<random>]
    #[arg(long, value_name = "gid")]
    pub group: Option<String>,
    /// Bytes to fetch per partition (max.partition.fetch.bytes) [default: 1048576]
    #[arg(long, value_name = "size", allow_hyphen_values = true)]
    pub fetch_size: Option<i64>,
    /// TCP receive buffer (receive.buffer.bytes) [default: 2097152]
    #[arg(long, value_name = "size", allow_hyphen_values = true)]
    pub socket_buffer_size: Option<i64>,
    /// Start from the latest offset rather than the earliest
    #[arg(long)]
    pub from_latest: bool,
    /// Consumer properties file
    #[arg(long = "consumer.config", value_name = "config file")]
    pub consumer_config: Option<PathBuf>,
    /// Longest gap allowed between records, in ms [default: 10000]
    #[arg(long, value_name = "milliseconds", num_args = 0..=1, default_missing_value = "10000", allow_hyphen_values = true)]
    pub timeout: Option<i64>,
    /// Interval of the detailed lines, in ms [default: 5000]
    #[arg(long, value_name = "interval_ms", allow_hyphen_values = true)]
    pub reporting_interval: Option<String>,
    /// Print a line per reporting interval instead of one summary
    #[arg(long)]
    pub show_detailed_stats: bool,
    /// Leave out the header line
    #[arg(long)]
    pub hide_header: bool,
    /// Print librdkafka's statistics at the end
    #[arg(long)]
    pub print_metrics: bool,
    /// Java SimpleDateFormat pattern of the times [default: yyyy-MM-dd HH:mm:ss:SSS]
    #[arg(long, value_name = "date format")]
    pub date_format: Option<String>,
    /// Ignored (Kafka 3.x deprecated it)
    #[arg(long, value_name = "count", hide = true)]
    pub threads: Option<String>,
    /// Ignored (Kafka 3.x deprecated it)
    #[arg(long, value_name = "count", hide = true)]
    pub num_fetch_threads: Option<String>,

    /// Output format (kt only)
    #[arg(
        long,
        short = 'o',
        value_enum,
        default_value_t,
        help_heading = "Beyond Kafka"
    )]
    pub output: PerfOutput,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// The checked settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsumerPlan {
    /// A topic, or a `^(...)$` subscription pattern.
    pub subscription: String,
    pub messages: u64,
    pub timeout_ms: u64,
    pub reporting_interval_ms: u64,
    pub date_format: String,
}

impl ConsumerPerfArgs {
    /// Kafka's checks (ConsumerPerfOptions), in Kafka's order.
    pub fn check(&self) -> Result<ConsumerPlan, KtError> {
        let subscription = match (&self.topic, &self.include) {
            (Some(t), None) => t.clone(),
            (None, Some(p)) => format!("^({p})$"),
            (None, None) => return Err(KtError::usage("Missing required argument \"[topic]\"")),
            (Some(_), Some(_)) => {
                return Err(KtError::usage(
                    "Exactly one of the following arguments is required: [topic], [include]",
                ))
            }
        };
        let count = self.num_records.as_ref().or(self.messages.as_ref());
        let Some(count) = count else {
            return Err(KtError::usage("Missing required argument \"[messages]\""));
        };
        let messages: i64 = count.trim().parse().map_err(|_| {
            KtError::usage(format!(
                "Cannot parse argument '{count}' of option messages"
            ))
        })?;
        let reporting_interval_ms = match &self.reporting_interval {
            None => 5000,
            Some(r) => match r.trim().parse::<i64>() {
                Ok(n) if n > 0 => n as u64,
                Ok(_) => return Err(KtError::usage("Reporting interval must be greater than 0.")),
                Err(_) => {
                    return Err(KtError::usage(format!(
                        "Cannot parse argument '{r}' of option reporting-interval"
                    )))
                }
            },
        };
        Ok(ConsumerPlan {
            subscription,
            messages: messages.max(0) as u64,
            timeout_ms: self.timeout.unwrap_or(10_000).max(0) as u64,
            reporting_interval_ms,
            date_format: self
                .date_format
                .clone()
                .unwrap_or_else(|| "yyyy-MM-dd HH:mm:ss:SSS".to_string()),
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
        args: ConsumerPerfArgs,
    }

    fn check(words: &str) -> Result<ConsumerPlan, String> {
        let argv = std::iter::once("c").chain(words.split_whitespace());
        Harness::try_parse_from(argv)
            .map_err(|e| e.to_string())?
            .args
            .check()
            .map_err(|e| e.message)
    }

    #[test]
    fn kafka_checks() {
        assert_eq!(
            check("--messages 10").unwrap_err(),
            "Missing required argument \"[topic]\""
        );
        assert_eq!(
            check("--topic t").unwrap_err(),
            "Missing required argument \"[messages]\""
        );
        assert_eq!(
            check("--topic t --messages 5 --reporting-interval 0").unwrap_err(),
            "Reporting interval must be greater than 0."
        );
        let plan = check("--topic t --messages 500000 --timeout").unwrap();
        assert_eq!(
            (plan.messages, plan.timeout_ms, plan.reporting_interval_ms),
            (500_000, 10_000, 5000)
        );
        assert_eq!(
            check("--include a.* --num-records 3").unwrap().subscription,
            "^(a.*)$"
        );
    }
}
