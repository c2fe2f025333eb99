//! How Kafka's tools present themselves under their own names: jopt-simple's
//! and argparse4j's help, usage and parse errors, the ways each tool shows an
//! exception, and its exit codes. It is generic over the tool's argument
//! type: a tool joins by implementing [`KafkaTool`] (its texts and how it
//! runs); kafka-producer-perf-test (argparse4j) and EndToEndLatency
//! (positional arguments) have their own short runners.

use std::ffi::OsString;
use std::io::Write;

use clap::{Args, CommandFactory, FromArgMatches, Parser};
use kt_core::{error_kind, Diagnostics, ErrorKind, KtError};

use crate::acls::AclsArgs;
use crate::brokers::{ApiVersionsArgs, LogDirsArgs};
use crate::client_metrics::ClientMetricsArgs;
use crate::configs::ConfigsArgs;
use crate::console::consume_args::ConsumeArgs;
use crate::console::produce_args::ProduceArgs;
use crate::delegation_tokens::DelegationTokensArgs;
use crate::delete_records::DeleteRecordsArgs;
use crate::dispatch::{Mode, Tool};
use crate::dump_log::DumpLogArgs;
use crate::elect::ElectArgs;
use crate::groups::GroupsArgs;
use crate::perf::consumer_args::ConsumerPerfArgs;
use crate::perf::e2e::E2eArgs;
use crate::perf::producer_args::ProducerPerfArgs;
use crate::profiles::profiled;
use crate::reassign::ReassignArgs;
use crate::replica_verification::ReplicaVerificationArgs;
use crate::streams_reset::StreamsResetArgs;
use crate::topics::TopicsArgs;
use crate::{
    acls, brokers, client_metrics, cluster, configs, console, delegation_tokens, delete_records,
    dump_log, elect, features, groups, offsets, perf, quorum, reassign, replica_verification,
    streams_reset, topics, transactions, verifiable,
};
use crate::{argparse, compat};

/// The Kafka release whose `--version` output kt's Kafka-named links print.
pub const KAFKA_VERSION: &str = "3.9.2";

/// The commit Kafka 3.9.2's AppInfoParser reports (kafka-transactions `-v`).
pub const KAFKA_COMMIT: &str = "5e9866f43ab8e7e4";

const C: Mode = Mode::Compat;

/// A Kafka tool whose parser is jopt-simple: its texts, and how it runs.
pub trait KafkaTool: Args + FromArgMatches {
    const TEXT: ToolText;
    /// A log4j record the tool logs before it reads its command line (a
    /// deprecation): level, message, logger.
    const LOGGED_FIRST: Option<(&'static str, &'static str, &'static str)> = None;

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()>;
}

/// How a Kafka tool introduces itself and reports a failed run.
pub struct ToolText {
    /// The name clap reports in its own errors.
    pub name: &'static str,
    /// First line with no arguments.
    pub no_args: &'static str,
    /// First line of `--help`.
    pub help: &'static str,
    /// kafka-topics reports failed actions on stdout with this prefix; the
    /// other tools print the exception on stderr.
    pub stdout_prefix: Option<&'static str>,
    /// GetOffsetShell prefixes parse and run errors with `Error occurred: `.
    pub error_prefix: &'static str,
    /// The console tools print their help table after a parse error.
    pub usage_on_parse_error: bool,
    /// jopt converts an option's value when the tool reads it, so a value
    /// that does not convert fails where each tool reads it.
    pub conversion: Conversion,
    /// How the tool shows an exception it does not catch itself.
    pub thrown: Thrown,
    /// jopt-simple's help table of Kafka 3.9.2's tool, verbatim.
    pub help_table: &'static str,
}

/// How a Kafka tool shows an exception thrown past its own checks (kt's
/// [`KtError::thrown`]); the stack trace reduces to its first line.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Thrown {
    /// `System.err.println(e.getMessage())` (after the tool's error prefix),
    /// then the trace.
    MessageThenTrace,
    /// `e.printStackTrace()`.
    Trace,
    /// Out of `main`: `Exception in thread "main" ` and the trace.
    Uncaught,
    /// `System.err.println(prefix + e)` (the exception's `toString()`), then
    /// the trace.
    ToStringThenTrace,
}

impl Thrown {
    /// Writes `error`'s Java exception in this style; false when it has none.
    fn print(self, error: &anyhow::Error, prefix: &str, err: &Diagnostics) -> bool {
        let Some((class, message)) = error
            .chain()
            .find_map(|c| c.downcast_ref::<KtError>())
            .and_then(|e| e.thrown.as_ref())
        else {
            return false;
        };
        match self {
            Thrown::MessageThenTrace => {
                err.line(format_args!("{prefix}{message}"));
                err.line(format_args!("{class}: {message}"));
            }
            Thrown::Trace => err.line(format_args!("{class}: {message}")),
            Thrown::ToStringThenTrace => {
                err.line(format_args!("{prefix}{class}: {message}"));
                err.line(format_args!("{class}: {message}"));
            }
            Thrown::Uncaught => err.line(format_args!(
                "Exception in thread \"main\" {class}: {message}"
            )),
        }
        true
    }
}

/// Where a tool reports an option value that does not convert.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    /// As any other parse error.
    ParseError,
    /// kafka-topics: a failed action, on stdout.
    FailedAction,
    /// The console consumer: `--max-messages`, read as it runs, after its
    /// count; the other options, read before, as an uncaught exception.
    Consumer,
    /// The console producer: the message alone.
    Message,
    /// Read inside `main`'s try, whose catch prints the message and then
    /// the exception's trace.
    Caught,
}

/// Runs the Kafka tool `tool` as `program` with `args`; the exit code.
pub fn run(
    tool: Tool,
    program: &str,
    args: Vec<OsString>,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> u8 {
    match tool {
        Tool::Topics => jopt::<TopicsArgs>(program, args, out, err),
        Tool::ConsoleProducer => jopt::<ProduceArgs>(program, args, out, err),
        Tool::ConsoleConsumer => jopt::<ConsumeArgs>(program, args, out, err),
        Tool::ConsumerPerf => jopt::<ConsumerPerfArgs>(program, args, out, err),
        Tool::GetOffsets => jopt::<offsets::OffsetsArgs>(program, args, out, err),
        Tool::ProducerPerf => argparse_producer_perf(program, args, out, err),
        Tool::EndToEnd => end_to_end(program, args, out, err),
        Tool::ConsumerGroups => jopt::<GroupsArgs>(program, args, out, err),
        Tool::DeleteRecords => jopt::<DeleteRecordsArgs>(program, args, out, err),
        Tool::BrokerApiVersions => jopt::<ApiVersionsArgs>(program, args, out, err),
        Tool::LogDirs => jopt::<LogDirsArgs>(program, args, out, err),
        Tool::LeaderElection => jopt::<ElectArgs>(program, args, out, err),
        Tool::Configs => jopt::<ConfigsArgs>(program, args, out, err),
        Tool::Acls => jopt::<AclsArgs>(program, args, out, err),
        Tool::ClientMetrics => jopt::<ClientMetricsArgs>(program, args, out, err),
        Tool::DelegationTokens => jopt::<DelegationTokensArgs>(program, args, out, err),
        Tool::StreamsReset => jopt::<StreamsResetArgs>(program, args, out, err),
        Tool::DumpLog => jopt::<DumpLogArgs>(program, args, out, err),
        Tool::ReplicaVerification => jopt::<ReplicaVerificationArgs>(program, args, out, err),
        Tool::ReassignPartitions => jopt::<ReassignArgs>(program, args, out, err),
        Tool::MetadataQuorum => argparse_tool::<quorum::QuorumArgs>(args, out, err),
        Tool::Features => argparse_tool::<features::FeaturesArgs>(args, out, err),
        Tool::Cluster => argparse_tool::<cluster::ClusterArgs>(args, out, err),
        Tool::Transactions => argparse_tool::<transactions::TransactionsArgs>(args, out, err),
        Tool::VerifiableProducer => {
            argparse_tool::<verifiable::producer::VerifiableProducerArgs>(args, out, err)
        }
        Tool::VerifiableConsumer => {
            argparse_tool::<verifiable::consumer::VerifiableConsumerArgs>(args, out, err)
        }
    }
}

/// A jopt-simple tool's parser: kt's flag definitions plus jopt's `--help`
/// and `--version`, which Kafka's tools handle themselves.
#[derive(Parser, Debug)]
#[command(disable_help_flag = true, disable_version_flag = true)]
struct Jopt<A: Args> {
    #[command(flatten)]
    args: A,
    /// Print usage information.
    #[arg(long)]
    help: bool,
    /// Display Kafka version.
    #[arg(long)]
    version: bool,
}

/// Runs a jopt-simple tool: Kafka's help, parse errors, checks and exit codes
/// over kt's flag definitions.
fn jopt<T: KafkaTool>(
    program: &str,
    args: Vec<OsString>,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> u8 {
    let text = &T::TEXT;
    if let Some((level, message, logger)) = T::LOGGED_FIRST {
        err.line(compat::log4j(level, message, logger));
    }
    let cmd = Jopt::<T>::command().name(text.name);
    let usage = |message: &str| {
        err.line(message);
        let _ = write!(&*err, "{}", text.help_table);
        1
    };
    if args.is_empty() {
        return usage(text.no_args);
    }
    let argv = std::iter::once(OsString::from(program)).chain(compat::normalize(&cmd, args));
    let parsed = match cmd
        .clone()
        .try_get_matches_from(argv)
        .and_then(|m| Jopt::<T>::from_arg_matches(&m))
    {
        Ok(p) => p,
        Err(e) => {
            let message = compat::jopt_message(&e);
            let exception = compat::jopt_exception(&e);
            // The stack traces Kafka prints here: kt prints their first line
            // (the README's departure).
            let conversion = "joptsimple.OptionArgumentConversionException";
            match (exception, text.conversion) {
                (None, Conversion::FailedAction) => {
                    let _ = writeln!(out, "{}{message}", text.stdout_prefix.unwrap_or_default());
                }
                (None, Conversion::Consumer) if message.ends_with(" of option max-messages") => {
                    err.line("Processed a total of 0 messages");
                    err.line(format_args!("{conversion}: {message}"));
                }
                (None, Conversion::Consumer) => {
                    err.line(format_args!(
                        "Exception in thread \"main\" {conversion}: {message}"
                    ));
                }
                (None, Conversion::Message) => err.line(&message),
                (None, Conversion::Caught) => {
                    err.line(&message);
                    err.line(format_args!("{conversion}: {message}"));
                }
                _ if text.usage_on_parse_error => return usage(&message),
                // Caught with the other exceptions: the message, then the trace.
                (Some(exception), _)
                    if text.thrown == Thrown::MessageThenTrace && text.error_prefix.is_empty() =>
                {
                    err.line(&message);
                    err.line(format_args!("{exception}: {message}"));
                }
                // Parsed before main's try: the exception escapes main.
                (Some(exception), _) if text.thrown == Thrown::Uncaught => err.line(format_args!(
                    "Exception in thread \"main\" {exception}: {message}"
                )),
                (Some(exception), _) if text.stdout_prefix.is_some() => {
                    err.line(&message);
                    err.line(format_args!("{exception}: {message}"));
                }
                _ => err.line(format_args!("{}{message}", text.error_prefix)),
            }
            return 1;
        }
    };
    if parsed.help {
        return usage(text.help);
    }
    if parsed.version {
        let _ = writeln!(out, "{KAFKA_VERSION}");
        return 0;
    }
    match parsed.args.run(out, err) {
        Ok(()) => 0,
        Err(error) if crate::is_broken_pipe(&error) => 0,
        Err(error) => {
            let _ = out.flush();
            if text.thrown.print(&error, text.error_prefix, err) {
                return 1;
            }
            let message = message(&error);
            let kind = error_kind(&error);
            if kind == Some(ErrorKind::Usage) {
                return usage(&message);
            }
            // The tool has shown the failure itself (kafka-acls, on stdout).
            if message.is_empty() {
                return kind.map_or(1, ErrorKind::compat_exit_code);
            }
            match text.stdout_prefix {
                Some(prefix) => {
                    let _ = writeln!(out, "{prefix}{message}");
                }
                None if error
                    .chain()
                    .any(|c| c.is::<console::produce::ReaderError>()) =>
                {
                    err.line(format_args!(
                        "org.apache.kafka.common.KafkaException: {message}"
                    ));
                }
                None => err.line(format_args!("{}{message}", text.error_prefix)),
            }
            kind.map_or(1, ErrorKind::compat_exit_code)
        }
    }
}

impl KafkaTool for TopicsArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-topics",
        no_args: "Create, delete, describe, or change a topic.",
        help: "This tool helps to create, delete, describe, or change a topic.",
        stdout_prefix: Some("Error while executing topic command : "),
        usage_on_parse_error: false,
        conversion: Conversion::FailedAction,
        error_prefix: "",
        thrown: Thrown::MessageThenTrace,
        help_table: include_str!("help/kafka-topics.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        topics::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for ProduceArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-console-producer",
        no_args: "This tool helps to read data from standard input and publish it to Kafka.",
        help: "This tool helps to read data from standard input and publish it to Kafka.",
        stdout_prefix: None,
        usage_on_parse_error: true,
        conversion: Conversion::Message,
        error_prefix: "",
        thrown: Thrown::Trace,
        help_table: include_str!("help/kafka-console-producer.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        console::produce::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for ConsumeArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-console-consumer",
        no_args:
            "This tool helps to read data from Kafka topics and outputs it to standard output.",
        help: "This tool helps to read data from Kafka topics and outputs it to standard output.",
        stdout_prefix: None,
        usage_on_parse_error: true,
        conversion: Conversion::Consumer,
        error_prefix: "",
        thrown: Thrown::Uncaught,
        help_table: include_str!("help/kafka-console-consumer.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        console::consume::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for offsets::OffsetsArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-get-offsets",
        no_args: "An interactive shell for getting topic-partition offsets.",
        help: "An interactive shell for getting topic-partition offsets.",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "Error occurred: ",
        thrown: Thrown::MessageThenTrace,
        help_table: include_str!("help/kafka-get-offsets.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        offsets::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for ConsumerPerfArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-consumer-perf-test",
        no_args: "This tool is used to verify the consumer performance.",
        help: "This tool is used to verify the consumer performance.",
        stdout_prefix: None,
        usage_on_parse_error: true,
        conversion: Conversion::ParseError,
        error_prefix: "",
        thrown: Thrown::MessageThenTrace,
        help_table: include_str!("help/kafka-consumer-perf-test.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        perf::consumer::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for GroupsArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-consumer-groups",
        no_args: "This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.",
        help: "This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "",
        thrown: Thrown::Uncaught,
        help_table: include_str!("help/kafka-consumer-groups.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        groups::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for ClientMetricsArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-client-metrics",
        no_args: "This tool helps to manipulate and describe client metrics configurations.",
        help: "This tool helps to manipulate and describe client metrics configurations.",
        stdout_prefix: Some("Error while executing client metrics command : "),
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "",
        thrown: Thrown::MessageThenTrace,
        help_table: include_str!("help/kafka-client-metrics.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        client_metrics::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for DelegationTokensArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-delegation-tokens",
        no_args: "This tool helps to create, renew, expire, or describe delegation tokens.",
        help: "This tool helps to create, renew, expire, or describe delegation tokens.",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "",
        thrown: Thrown::MessageThenTrace,
        help_table: include_str!("help/kafka-delegation-tokens.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        delegation_tokens::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for StreamsResetArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-streams-application-reset",
        no_args: "Missing required option(s) [application-id]",
        help: STREAMS_RESET_USAGE,
        stdout_prefix: None,
        usage_on_parse_error: true,
        conversion: Conversion::ParseError,
        error_prefix: "ERROR: ",
        thrown: Thrown::ToStringThenTrace,
        help_table: include_str!("help/kafka-streams-application-reset.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        streams_reset::run(profiled(self, C)?, C, out, err)
    }
}

/// StreamsResetter's USAGE, which `--help` prints before the table.
const STREAMS_RESET_USAGE: &str = "This tool helps to quickly reset an application in order to reprocess its data from scratch.
* This tool resets offsets of input topics to the earliest available offset (by default), or to a specific defined position and it skips to the end of intermediate topics (topics that are input and output topics, e.g., used by deprecated through() method).
* This tool deletes the internal topics that were created by Kafka Streams (topics starting with \"<application.id>-\").
The tool finds these internal topics automatically. If the topics flagged automatically for deletion by the dry-run are unsuitable, you can specify a subset with the \"--internal-topics\" option.
* This tool will not delete output topics (if you want to delete them, you need to do it yourself with the bin/kafka-topics.sh command).
* This tool will not clean up the local state on the stream application instances (the persisted stores used to cache aggregation results).
You need to call KafkaStreams#cleanUp() in your application or manually delete them from the directory specified by \"state.dir\" configuration (${java.io.tmpdir}/kafka-streams/<application.id> by default).
* When long session timeout has been configured, active members could take longer to get expired on the broker thus blocking the reset job to complete. Use the \"--force\" option could remove those left-over members immediately. Make sure to stop all stream applications when this option is specified to avoid unexpected disruptions.

*** Important! You will get wrong output if you don't clean up the local stores after running the reset tool!

*** Warning! This tool makes irreversible changes to your application. It is strongly recommended that you run this once with \"--dry-run\" to preview your changes before making them.

";

impl KafkaTool for DumpLogArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-dump-log",
        no_args: "This tool helps to parse a log file and dump its contents to the console, useful for debugging a seemingly corrupt log segment.",
        help: "This tool helps to parse a log file and dump its contents to the console, useful for debugging a seemingly corrupt log segment.",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "",
        thrown: Thrown::Uncaught,
        help_table: include_str!("help/kafka-dump-log.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        dump_log::run(self, out, err)
    }
}

impl KafkaTool for ReplicaVerificationArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-replica-verification",
        no_args: "Validate that all replicas for a set of topics have the same data.",
        help: "Validate that all replicas for a set of topics have the same data.",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::Caught,
        error_prefix: "",
        thrown: Thrown::MessageThenTrace,
        help_table: include_str!("help/kafka-replica-verification.txt"),
    };
    const LOGGED_FIRST: Option<(&'static str, &'static str, &'static str)> = Some((
        "WARN",
        "This tool is deprecated and may be removed in a future major release.",
        "org.apache.kafka.tools.ReplicaVerificationTool",
    ));

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        replica_verification::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for DeleteRecordsArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-delete-records",
        no_args: "This tool helps to delete records of the given partitions down to the specified offset.",
        help: "This tool helps to delete records of the given partitions down to the specified offset.",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "",
        thrown: Thrown::MessageThenTrace,
        help_table: include_str!("help/kafka-delete-records.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        delete_records::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for ApiVersionsArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-broker-api-versions",
        no_args: "This tool helps to retrieve broker version information.",
        help: "This tool helps to retrieve broker version information.",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "",
        thrown: Thrown::Uncaught,
        help_table: include_str!("help/kafka-broker-api-versions.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        brokers::run_api_versions(profiled(self, C)?.args, C, out, err)
    }
}

impl KafkaTool for LogDirsArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-log-dirs",
        no_args: "This tool helps to query log directory usage on the specified brokers.",
        help: "This tool helps to query log directory usage on the specified brokers.",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "",
        thrown: Thrown::MessageThenTrace,
        help_table: include_str!("help/kafka-log-dirs.txt"),
    };

    fn run(mut self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        // Here --broker-list names broker ids, not the bootstrap servers.
        let ids = self.args.connection.broker_list.take();
        brokers::run_log_dirs(profiled(self, C)?.args, ids, C, out, err)
    }
}

impl KafkaTool for ConfigsArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-configs",
        no_args: "This tool helps to manipulate and describe entity config for a topic, client, user, broker, ip or client-metrics",
        help: "This tool helps to manipulate and describe entity config for a topic, client, user, broker, ip or client-metrics",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "",
        // Parse errors: the message alone; others after Kafka's own line
        // (configs::run), then the exception.
        thrown: Thrown::Trace,
        help_table: include_str!("help/kafka-configs.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        configs::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for AclsArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-acls",
        no_args: "This tool helps to manage acls on kafka.",
        help: "This tool helps to manage acls on kafka.",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "",
        thrown: Thrown::Uncaught,
        help_table: include_str!("help/kafka-acls.txt"),
    };

    fn run(mut self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        self.take_cluster_flag();
        acls::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for ElectArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-leader-election",
        no_args: "This tool attempts to elect a new leader for a set of topic partitions. The type of elections supported are preferred replicas and unclean replicas.",
        help: "This tool attempts to elect a new leader for a set of topic partitions. The type of elections supported are preferred replicas and unclean replicas.",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "",
        thrown: Thrown::MessageThenTrace,
        help_table: include_str!("help/kafka-leader-election.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        elect::run(profiled(self, C)?, C, out, err)
    }
}

impl KafkaTool for ReassignArgs {
    const TEXT: ToolText = ToolText {
        name: "kafka-reassign-partitions",
        no_args: "This tool helps to move topic partitions between replicas.",
        help: "This tool helps to move topic partitions between replicas.",
        stdout_prefix: None,
        usage_on_parse_error: false,
        conversion: Conversion::ParseError,
        error_prefix: "",
        thrown: Thrown::Uncaught,
        help_table: include_str!("help/kafka-reassign-partitions.txt"),
    };

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        reassign::run(profiled(self, C)?, C, out, err)
    }
}

/// Why an argparse4j tool's parsed command line does not run.
pub enum NotRun {
    /// kt's own refusal, in one line.
    Refused(KtError),
    /// A check the tool makes as argparse4j's errors: the usage, then the
    /// error line.
    Argparse(String),
}

impl From<KtError> for NotRun {
    fn from(e: KtError) -> NotRun {
        NotRun::Refused(e)
    }
}

/// A Kafka tool whose parser is argparse4j with subcommands: its command
/// line, how it ends, and how it runs.
pub trait ArgparseTool: Sized {
    /// The program name in its error lines.
    const PROG: &'static str;
    const SPEC: argparse::Spec;
    /// Its exit code after `-h`: 0 where the tool catches argparse4j's help
    /// screen, 1 where `parseArgsOrFail` exits.
    const HELP_EXIT: u8;
    /// How a failure other than a TerseException shows its exception
    /// (the stack trace's first line; the rest is the README's departure),
    /// or `None` for the message alone.
    const THROWN: Option<Thrown>;
    /// Whether no arguments at all print the help (exit 0), as the
    /// verifiable clients' `main` does before parsing.
    const HELP_WITHOUT_ARGUMENTS: bool = false;

    /// The arguments of a parsed command line, or why kt cannot run it.
    fn from_kafka(parsed: &argparse::Parsed) -> Result<Self, NotRun>;

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()>;
}

impl ArgparseTool for quorum::QuorumArgs {
    const PROG: &'static str = "kafka-metadata-quorum";
    const SPEC: argparse::Spec = quorum::KAFKA_SPEC;
    const HELP_EXIT: u8 = 0;
    const THROWN: Option<Thrown> = Some(Thrown::MessageThenTrace);

    fn from_kafka(p: &argparse::Parsed) -> Result<Self, NotRun> {
        Ok(quorum::QuorumArgs::from_kafka(p))
    }

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        quorum::run(profiled(self, C)?, C, out, err)
    }
}

impl ArgparseTool for features::FeaturesArgs {
    const PROG: &'static str = "kafka-features";
    const SPEC: argparse::Spec = features::KAFKA_SPEC;
    const HELP_EXIT: u8 = 1;
    const THROWN: Option<Thrown> = None;

    fn from_kafka(p: &argparse::Parsed) -> Result<Self, NotRun> {
        Ok(features::FeaturesArgs::from_kafka(p))
    }

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        features::run(profiled(self, C)?, C, out, err)
    }
}

impl ArgparseTool for cluster::ClusterArgs {
    const PROG: &'static str = "kafka-cluster";
    const SPEC: argparse::Spec = cluster::KAFKA_SPEC;
    const HELP_EXIT: u8 = 1;
    const THROWN: Option<Thrown> = Some(Thrown::MessageThenTrace);

    fn from_kafka(p: &argparse::Parsed) -> Result<Self, NotRun> {
        Ok(cluster::ClusterArgs::from_kafka(p))
    }

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        cluster::run(profiled(self, C)?, C, out, err)
    }
}

impl ArgparseTool for transactions::TransactionsArgs {
    const PROG: &'static str = "kafka-transactions.sh";
    const SPEC: argparse::Spec = transactions::KAFKA_SPEC;
    const HELP_EXIT: u8 = 1;
    const THROWN: Option<Thrown> = None;

    fn from_kafka(p: &argparse::Parsed) -> Result<Self, NotRun> {
        Ok(transactions::TransactionsArgs::from_kafka(p))
    }

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        transactions::run(profiled(self, C)?, C, out, err)
    }
}

/// The verifiable clients load their config file while parsing: a file
/// that is not there is a parse error.
fn loaded_while_parsing(connection: &kt_core::ConnectionArgs) -> Result<(), NotRun> {
    match connection.command_config.as_ref().filter(|f| !f.exists()) {
        Some(file) => Err(NotRun::Argparse(file.display().to_string())),
        None => Ok(()),
    }
}

impl ArgparseTool for verifiable::producer::VerifiableProducerArgs {
    const PROG: &'static str = "verifiable-producer";
    const SPEC: argparse::Spec = verifiable::producer::KAFKA_SPEC;
    const HELP_EXIT: u8 = 1;
    const THROWN: Option<Thrown> = None;
    const HELP_WITHOUT_ARGUMENTS: bool = true;

    fn from_kafka(p: &argparse::Parsed) -> Result<Self, NotRun> {
        let args = verifiable::producer::VerifiableProducerArgs::from_kafka(p);
        loaded_while_parsing(&args.connection)?;
        Ok(args)
    }

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        verifiable::producer::run(profiled(self, C)?, C, out, err)
    }
}

impl ArgparseTool for verifiable::consumer::VerifiableConsumerArgs {
    const PROG: &'static str = "verifiable-consumer";
    const SPEC: argparse::Spec = verifiable::consumer::KAFKA_SPEC;
    const HELP_EXIT: u8 = 1;
    const THROWN: Option<Thrown> = Some(Thrown::Uncaught);
    const HELP_WITHOUT_ARGUMENTS: bool = true;

    fn from_kafka(p: &argparse::Parsed) -> Result<Self, NotRun> {
        let args = verifiable::consumer::VerifiableConsumerArgs::from_kafka(p);
        loaded_while_parsing(&args.connection)?;
        Ok(args)
    }

    fn run(self, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
        verifiable::consumer::run(profiled(self, C)?, C, out, err)
    }
}

/// Runs an argparse4j tool: `-h` prints the level's help on stdout, `-v`
/// the version, a parse error is the usage and argparse4j's error line on
/// stderr (exit 1), and a failure is the exception's message on stderr
/// (exit 1).
fn argparse_tool<T: ArgparseTool>(
    args: Vec<OsString>,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> u8 {
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if words.is_empty() && T::HELP_WITHOUT_ARGUMENTS {
        let _ = write!(out, "{}", T::SPEC.top.help);
        return 0;
    }
    let parsed = match argparse::parse(&T::SPEC, &words) {
        argparse::Outcome::Help(text) => {
            let _ = write!(out, "{text}");
            return T::HELP_EXIT;
        }
        argparse::Outcome::Version => {
            let _ = writeln!(out, "{KAFKA_VERSION} (Commit:{KAFKA_COMMIT})");
            return 0;
        }
        argparse::Outcome::Error { usage, message } => {
            err.line(usage);
            err.line(compat::argparse_error(T::PROG, &message));
            return 1;
        }
        argparse::Outcome::Run(parsed) => parsed,
    };
    let run = match T::from_kafka(&parsed) {
        Ok(args) => args.run(out, err),
        Err(NotRun::Refused(e)) => Err(e.into()),
        Err(NotRun::Argparse(message)) => {
            err.line(T::SPEC.top.usage());
            err.line(compat::argparse_error(T::PROG, &message));
            return 1;
        }
    };
    match run {
        Ok(()) => 0,
        Err(error) if crate::is_broken_pipe(&error) => 0,
        Err(error) => {
            let _ = out.flush();
            let thrown = error
                .chain()
                .find_map(|c| c.downcast_ref::<KtError>())
                .and_then(|e| e.thrown.clone());
            match (thrown, T::THROWN) {
                (Some((class, _)), Some(style)) if !class.is_empty() => {
                    style.print(&error, "", err);
                }
                (Some((_, m)), _) => err.line(m),
                (None, _) => err.line(message(&error)),
            }
            1
        }
    }
}

/// EndToEndLatency reads its positional arguments itself.
#[derive(Parser, Debug)]
#[command(name = "kafka-e2e-latency")]
struct KafkaE2e {
    #[command(flatten)]
    args: E2eArgs,
}

fn end_to_end(program: &str, args: Vec<OsString>, out: &mut dyn Write, err: &Diagnostics) -> u8 {
    let argv = std::iter::once(OsString::from(program)).chain(args);
    let parsed = KafkaE2e::try_parse_from(argv).map_err(anyhow::Error::from);
    match parsed.and_then(|p| perf::e2e::run(profiled(p.args, C)?, C, out, err)) {
        Ok(()) => 0,
        Err(error) => {
            let _ = out.flush();
            if !Thrown::MessageThenTrace.print(&error, "", err) {
                err.line(message(&error));
            }
            1
        }
    }
}

/// kafka-producer-perf-test's parser: argparse4j's rules (prefixes of long
/// options, its usage and error lines) over kt's flag definitions.
#[derive(Parser, Debug)]
#[command(
    name = "producer-performance",
    disable_help_flag = true,
    disable_version_flag = true,
    infer_long_args = true
)]
struct KafkaProducerPerf {
    #[command(flatten)]
    args: ProducerPerfArgs,
    /// show this help message and exit
    #[arg(short = 'h', long)]
    help: bool,
}

fn argparse_producer_perf(
    program: &str,
    args: Vec<OsString>,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> u8 {
    let cmd = KafkaProducerPerf::command();
    let prog = "producer-performance";
    // argparse4j's help for Kafka 3.9.2's ProducerPerformance, verbatim.
    let help = |out: &mut dyn Write| {
        let _ = write!(out, "{}", include_str!("help/kafka-producer-perf-test.txt"));
    };
    if args.is_empty() {
        help(out);
        return 0;
    }
    let fail = |message: &str| {
        err.line(compat::PRODUCER_PERF_USAGE);
        err.line(compat::argparse_error(prog, message));
        1
    };
    let argv = std::iter::once(OsString::from(program)).chain(args);
    let parsed = match cmd
        .clone()
        .try_get_matches_from(argv)
        .and_then(|m| KafkaProducerPerf::from_arg_matches(&m))
    {
        Ok(p) => p,
        Err(e) => return fail(&compat::argparse_message(&e, &cmd)),
    };
    if parsed.help {
        help(out);
        return 1;
    }
    match profiled(parsed.args, C).and_then(|a| perf::producer::run(a, C, out, err)) {
        Ok(()) => 0,
        Err(error) if crate::is_broken_pipe(&error) => 0,
        Err(error) => {
            let _ = out.flush();
            if Thrown::Uncaught.print(&error, "", err) {
                return 1;
            }
            let message = message(&error);
            match error_kind(&error) {
                Some(ErrorKind::Usage) => fail(&message),
                Some(ErrorKind::Config) => {
                    err.line(format_args!(
                        "Exception in thread \"main\" java.lang.IllegalArgumentException: {message}"
                    ));
                    1
                }
                kind => {
                    err.line(&message);
                    kind.map_or(1, ErrorKind::compat_exit_code)
                }
            }
        }
    }
}

/// The message Kafka's tools print: the typed error's own text when there is
/// one (without kt's context), else the whole chain.
fn message(error: &anyhow::Error) -> String {
    error
        .chain()
        .find_map(|c| c.downcast_ref::<KtError>())
        .map_or_else(|| format!("{error:#}"), |e| e.message.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_tool(tool: Tool, args: &[&str]) -> (u8, String, String) {
        let (err, captured) = Diagnostics::captured();
        let mut out = Vec::new();
        let args = args.iter().map(OsString::from).collect();
        let code = run(tool, "kafka-x", args, &mut out, &err);
        (
            code,
            String::from_utf8_lossy(&out).into_owned(),
            captured.text(),
        )
    }

    #[test]
    fn no_arguments_print_the_first_line_and_the_help_table() {
        let (code, out, err) = run_tool(Tool::Topics, &[]);
        assert_eq!(code, 1);
        assert_eq!(out, "");
        assert!(err.starts_with("Create, delete, describe, or change a topic.\nOption"));
        let (code, out, _) = run_tool(Tool::ProducerPerf, &[]);
        assert_eq!(code, 0);
        assert!(out.starts_with("usage: producer-performance"), "{out}");
    }

    #[test]
    fn version_is_kafkas() {
        for tool in [Tool::Topics, Tool::ConsoleConsumer, Tool::GetOffsets] {
            let (code, out, err) = run_tool(tool, &["--version"]);
            assert_eq!((code, out.as_str(), err.as_str()), (0, "3.9.2\n", ""));
        }
    }

    #[test]
    fn a_missing_bootstrap_server_reads_as_each_tool_says_it() {
        let (code, _, err) = run_tool(Tool::ConsoleConsumer, &["--topic", "t"]);
        assert_eq!(code, 1);
        assert!(
            err.starts_with("Missing required argument \"[bootstrap-server]\"\nOption"),
            "{err}"
        );
        let (code, out, err) = run_tool(Tool::Topics, &["--list"]);
        assert_eq!(code, 1);
        assert!(
            out.is_empty() && err.starts_with("--bootstrap-server must be specified\n"),
            "{out}{err}"
        );
        let (code, _, err) = run_tool(Tool::GetOffsets, &["--topic", "t"]);
        assert_eq!(code, 1);
        assert_eq!(
            err,
            "Error occurred: Missing required option(s) [bootstrap-server]\n"
        );
    }

    #[test]
    fn an_unknown_option_is_jopts_error() {
        let (code, out, err) = run_tool(Tool::Topics, &["--bogus"]);
        assert_eq!(code, 1);
        assert_eq!(out, "");
        assert!(err.contains("bogus is not a recognized option"), "{err}");
    }
}
