//! kafka-producer-perf-test's flags (argparse4j), shared by `kt perf producer`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use kt_core::{ConnectionArgs, KtError};

#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PerfOutput {
    /// Kafka's lines (plus HDR percentiles under kt's own name)
    #[default]
    Text,
    /// One JSON report at the end
    Json,
}

#[derive(Args, Debug, Clone, Default)]
pub struct ProducerPerfArgs {
    /// Produce records to this topic
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,
    /// Number of records to produce
    #[arg(long, value_name = "NUM-RECORDS", allow_hyphen_values = true)]
    pub num_records: Option<String>,
    /// Record size in bytes
    #[arg(long, value_name = "RECORD-SIZE", allow_hyphen_values = true)]
    pub record_size: Option<String>,
    /// File of payloads, split by --payload-delimiter; a random one per record
    #[arg(long, value_name = "PAYLOAD-FILE")]
    pub payload_file: Option<PathBuf>,
    /// Payloads are the record index as text: 0, 1, 2, ...
    #[arg(long)]
    pub payload_monotonic: bool,
    /// Delimiter of --payload-file (a regular expression)
    #[arg(long, value_name = "PAYLOAD-DELIMITER", default_value = "\\n")]
    pub payload_delimiter: String,
    /// Records per second, -1 for no limit
    #[arg(long, value_name = "THROUGHPUT", allow_hyphen_values = true)]
    pub throughput: Option<String>,
    /// Producer properties (k=v ...), e.g. bootstrap.servers=host:9092 acks=all
    #[arg(long, value_name = "PROP-NAME=PROP-VALUE", num_args = 1..)]
    pub producer_props: Vec<String>,
    /// Producer properties file
    #[arg(long = "producer.config", value_name = "CONFIG-FILE")]
    pub producer_config: Option<PathBuf>,
    /// Print librdkafka's statistics at the end
    #[arg(long)]
    pub print_metrics: bool,
    /// Transactional id (turns transactions on)
    #[arg(long, value_name = "TRANSACTIONAL-ID")]
    pub transactional_id: Option<String>,
    /// Length of each transaction in ms (turns transactions on)
    #[arg(long, value_name = "TRANSACTION-DURATION", allow_hyphen_values = true)]
    pub transaction_duration_ms: Option<String>,
    /// Records to send before the steady-state statistics start
    #[arg(long, value_name = "WARMUP-RECORDS", allow_hyphen_values = true)]
    pub warmup_records: Option<String>,
    /// Window length of the periodic lines in ms [default: 5000]
    #[arg(long, value_name = "INTERVAL-MS", allow_hyphen_values = true)]
    pub reporting_interval: Option<String>,

    /// acks for kt's shorthand: -1/all, 0 or 1 (kt only)
    #[arg(
        long,
        value_name = "ACKS",
        allow_hyphen_values = true,
        help_heading = "Beyond Kafka"
    )]
    pub acks: Option<String>,
    /// Output format (kt only)
    #[arg(
        long,
        short = 'o',
        value_enum,
        default_value_t,
        help_heading = "Beyond Kafka"
    )]
    pub output: PerfOutput,
    /// Write HdrHistogram's percentile distribution of latency (µs) here (kt only)
    #[arg(long, value_name = "FILE", help_heading = "Beyond Kafka")]
    pub histogram: Option<PathBuf>,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

/// Where payloads come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadSource {
    Random(usize),
    File(PathBuf),
    Monotonic,
}

/// The checked settings.
#[derive(Debug, Clone, PartialEq)]
pub struct ProducerPlan {
    pub topic: String,
    pub num_records: u64,
    pub payload: PayloadSource,
    /// Records per second; None = unthrottled.
    pub throughput: Option<f64>,
    pub warmup: u64,
    pub reporting_interval_ms: u64,
    pub transaction_ms: Option<u64>,
}

fn java_long(flag: &str, v: &str) -> Result<i64, KtError> {
    v.trim().parse().map_err(|_| {
        KtError::usage(format!(
            "argument --{flag}: could not convert '{v}' to Long (For input string: \"{v}\")"
        ))
    })
}

impl ProducerPerfArgs {
    /// argparse4j's checks and ProducerPerformance's own, in their order, with
    /// their texts. `kafka_name` applies the ≤4.1 rule that producer
    /// properties (or a config file) must be given.
    pub fn check(&self, kafka_name: bool) -> Result<ProducerPlan, KtError> {
        // argparse4j reports the last missing required argument.
        let missing = [
            ("topic", self.topic.is_none()),
            ("num-records", self.num_records.is_none()),
            ("throughput", self.throughput.is_none() && kafka_name),
        ];
        if let Some((name, _)) = missing.iter().rev().find(|(_, m)| *m) {
            return Err(KtError::usage(format!("argument --{name} is required")));
        }
        let sources = [
            self.record_size.is_some(),
            self.payload_file.is_some(),
            self.payload_monotonic,
        ];
        match sources.iter().filter(|s| **s).count() {
            0 => return Err(KtError::usage(
                "one of the arguments --record-size --payload-file --payload-monotonic is required",
            )),
            1 => {}
            _ => {
                let (a, b) = if self.record_size.is_some() && self.payload_file.is_some() {
                    ("payload-file", "record-size")
                } else if self.record_size.is_some() {
                    ("payload-monotonic", "record-size")
                } else {
                    ("payload-monotonic", "payload-file")
                };
                return Err(KtError::usage(format!(
                    "argument --{a}: not allowed with argument --{b}"
                )));
            }
        }
        let num_records = java_long(
            "num-records",
            self.num_records.as_deref().unwrap_or_default(),
        )?;
        if num_records <= 0 {
            return Err(KtError::usage("--num-records should be greater than zero"));
        }
        let payload = match (&self.record_size, &self.payload_file) {
            (Some(size), _) => {
                let size: i64 = size.trim().parse().map_err(|_| {
                    KtError::usage(format!("argument --record-size: could not convert '{size}' to Integer (For input string: \"{size}\")"))
                })?;
                if size <= 0 {
                    return Err(KtError::usage("--record-size should be greater than zero"));
                }
                PayloadSource::Random(size as usize)
            }
            (None, Some(path)) => PayloadSource::File(path.clone()),
            (None, None) => PayloadSource::Monotonic,
        };
        let throughput = match self.throughput.as_deref() {
            None => None,
            Some(t) => {
                let v: f64 = t.trim().parse().map_err(|_| {
                    KtError::usage(format!("argument --throughput: could not convert '{t}' to Double (For input string: \"{t}\")"))
                })?;
                (v >= 0.0).then_some(v)
            }
        };
        if kafka_name
            && self.producer_props.is_empty()
            && self.producer_config.is_none()
            && self.connection.command_config.is_none()
            && self.connection.command_property.is_empty()
        {
            return Err(KtError::usage(
                "Either --producer-props or --producer.config must be specified.",
            ));
        }
        let warmup = match self.warmup_records.as_deref() {
            None => 0,
            Some(w) => java_long("warmup-records", w)?.max(0) as u64,
        };
        if warmup >= num_records as u64 && warmup > 0 {
            return Err(KtError::usage(
                "The warmup period must be less than the total number of records.",
            ));
        }
        let reporting_interval_ms = match self.reporting_interval.as_deref() {
            None => 5000,
            Some(r) => match java_long("reporting-interval", r)? {
                n if n > 0 => n as u64,
                _ => return Err(KtError::usage("Reporting interval must be greater than 0.")),
            },
        };
        let transaction_ms = match self.transaction_duration_ms.as_deref() {
            Some(d) => match java_long("transaction-duration-ms", d)? {
                n if n > 0 => Some(n as u64),
                _ => {
                    return Err(KtError::usage(
                        "--transaction-duration-ms should be greater than zero",
                    ))
                }
            },
            None if self.transactional_id.is_some() => Some(3000),
            None => None,
        };
        Ok(ProducerPlan {
            topic: self.topic.clone().unwrap_or_default(),
            num_records: num_records as u64,
            payload,
            throughput,
            warmup,
            reporting_interval_ms,
            transaction_ms,
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
        args: ProducerPerfArgs,
    }

    fn check(words: &str) -> Result<ProducerPlan, String> {
        let argv = std::iter::once("p").chain(words.split_whitespace());
        Harness::try_parse_from(argv)
            .map_err(|e| e.to_string())?
            .args
            .check(true)
            .map_err(|e| e.message)
    }

    // kafka-cli-reference.md §5 and vectors 27-28.
    #[test]
    fn argparse_messages() {
        let cases = [
            ("--num-records 10 --record-size 10", "argument --throughput is required"),
            ("--topic t --num-records 10 --throughput -1", "one of the arguments --record-size --payload-file --payload-monotonic is required"),
            ("--topic t --num-records 10 --throughput -1 --record-size 10", "Either --producer-props or --producer.config must be specified."),
            ("--topic t --num-records 10 --throughput -1 --record-size 10 --payload-file f --producer-props a=b", "argument --payload-file: not allowed with argument --record-size"),
            ("--topic t --num-records x --throughput -1 --record-size 10 --producer-props a=b", "argument --num-records: could not convert 'x' to Long (For input string: \"x\")"),
            ("--topic t --num-records 0 --throughput -1 --record-size 10 --producer-props a=b", "--num-records should be greater than zero"),
            ("--topic t --num-records 5 --throughput -1 --record-size -1 --producer-props a=b", "--record-size should be greater than zero"),
        ];
        for (args, expected) in cases {
            assert_eq!(check(args).unwrap_err(), expected, "{args}");
        }
    }

    #[test]
    fn a_good_plan() {
        let plan = check("--topic t --num-records 500 --record-size 200 --throughput 100.5 --producer-props bootstrap.servers=b:1 acks=-1").unwrap();
        assert_eq!(plan.num_records, 500);
        assert_eq!(plan.payload, PayloadSource::Random(200));
        assert_eq!(plan.throughput, Some(100.5));
        assert_eq!(plan.reporting_interval_ms, 5000);
    }
}
