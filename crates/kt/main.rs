//! kt: one binary for Apache Kafka's command-line tools.
//!
//! This file is the edge: it picks the tool from argv, runs it, and is the
//! only place that prints errors and chooses the exit code.
//!
//! No `unsafe` here: every call into librdkafka or libc lives in kt-core.

#![forbid(unsafe_code)]

mod aliases;
mod cli;
mod compat;
mod console;
mod dispatch;
mod endpoint;
#[cfg(test)]
mod fuzz;
mod generate;
mod offsets;
mod perf;
mod profiles;
mod signals;
mod time;
mod topic;
mod topics;

use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser};
use kt_core::{error_kind, ErrorKind, KtError};

use crate::cli::{Cli, Command, ConfigCommand, PerfCommand};
use crate::console::consume_args::ConsumeArgs;
use crate::console::produce_args::ProduceArgs;
use crate::dispatch::{Invocation, Mode, Tool};
use crate::perf::consumer_args::ConsumerPerfArgs;
use crate::perf::producer_args::ProducerPerfArgs;
use crate::topics::TopicsArgs;

fn main() -> ExitCode {
    let invocation = dispatch::resolve(std::env::args_os().collect());
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let code = match invocation {
        Invocation::Native(argv) => run_native(argv, &mut out),
        Invocation::Compat {
            tool,
            program,
            args,
        } => run_compat(tool, &program, args, &mut out),
        Invocation::RunClassUsage { program } => {
            let _ = writeln!(
                out,
                "USAGE: {program} [-daemon] [-name servicename] [-loggc] classname [opts]"
            );
            1
        }
        Invocation::UnknownClass(class) => {
            eprintln!("Error: Could not find or load main class {class}");
            eprintln!("Caused by: java.lang.ClassNotFoundException: {class}");
            eprintln!(
                "kt: supported classes: {}",
                Tool::class_names().collect::<Vec<_>>().join(", ")
            );
            1
        }
    };
    // A reader that went away (`kt ... | head`) is not an error.
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("kt: cannot write to standard output: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::from(code)
}

const N: Mode = Mode::Native;
const C: Mode = Mode::Compat;

/// Applies the cluster profile before a tool runs. kt's own commands use the
/// config file's default cluster when no endpoint flag is given; Kafka-named
/// links use only a profile named by `--cluster` or `KT_CLUSTER`, so they
/// keep Kafka's required-argument rules.
fn profiled<A: profiles::Connected>(mut args: A, mode: Mode) -> anyhow::Result<A> {
    let given = args.names_endpoint();
    let connection = args.connection();
    connection.kafka_name = mode == Mode::Compat;
    connection.apply_profile(mode == Mode::Native, given)?;
    Ok(args)
}

fn run_native(argv: Vec<OsString>, out: &mut dyn Write) -> u8 {
    let command = cli::command();
    // `kt perf producer`: the words of argv that name subcommands, for hints.
    let path = compat::subcommand_path(&command, &argv);
    let matches = match command.try_get_matches_from(argv) {
        Ok(m) => m,
        Err(e) if !e.use_stderr() => {
            // --help and --version: on stdout, exit 0, styled only for a terminal.
            let rendered = e.render();
            let _ = if io::stdout().is_terminal() {
                write!(out, "{}", rendered.ansi())
            } else {
                write!(out, "{rendered}")
            };
            return 0;
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Bare `kt`, `kt perf`, `kt config`: the help, on stderr, as a usage error.
            eprint!("{}", e.render());
            return ErrorKind::Usage.exit_code();
        }
        Err(e) => {
            eprintln!("kt: {}", compat::native_message(&e, &path));
            return ErrorKind::Usage.exit_code();
        }
    };
    let result = Cli::from_arg_matches(&matches)
        .map_err(anyhow::Error::from)
        .and_then(|cli| match cli.command {
            Command::Topics(args) => topics::run(profiled(*args, N)?, N, out),
            Command::Produce(args) => console::produce::run(profiled(*args, N)?, N, out),
            Command::Consume(args) => console::consume::run(profiled(*args, N)?, N, out),
            Command::Perf(PerfCommand::Producer(args)) => {
                perf::producer::run(profiled(*args, N)?, N, out)
            }
            Command::Perf(PerfCommand::Consumer(args)) => {
                perf::consumer::run(profiled(*args, N)?, N, out)
            }
            Command::Perf(PerfCommand::E2e(args)) => perf::e2e::run(profiled(*args, N)?, N, out),
            Command::Offsets(args) => offsets::run(profiled(*args, N)?, N, out),
            Command::Config(ConfigCommand::Show(args)) => profiles::show(*args, out),
            Command::InstallAliases(args) => aliases::run(args, out),
            Command::CompleteTopics(args) => profiles::complete_topics(*args, out),
            Command::Completions { shell, dir } => {
                generate::write_completions(out, shell, dir.as_deref()).map_err(Into::into)
            }
            Command::Man { dir } => generate::write_man(out, dir.as_deref()).map_err(Into::into),
        });
    match result {
        Ok(()) => 0,
        Err(err) if is_broken_pipe(&err) => 0,
        Err(err) => {
            let _ = out.flush();
            eprintln!("kt: {}", compat::native_error(&format!("{err:#}"), &path));
            error_kind(&err).map_or(1, ErrorKind::exit_code)
        }
    }
}

/// Generates a Kafka tool's parser: kt's flag definitions plus jopt's
/// `--help` and `--version`, which Kafka's tools handle themselves.
macro_rules! kafka_parser {
    ($name:ident, $bin:literal, $args:ty) => {
        #[derive(Parser, Debug)]
        #[command(name = $bin, disable_help_flag = true, disable_version_flag = true)]
        struct $name {
            #[command(flatten)]
            args: $args,
            /// Print usage information.
            #[arg(long)]
            help: bool,
            /// Display Kafka version.
            #[arg(long)]
            version: bool,
        }
    };
}

kafka_parser!(KafkaTopics, "kafka-topics", TopicsArgs);
kafka_parser!(KafkaConsoleProducer, "kafka-console-producer", ProduceArgs);
kafka_parser!(KafkaConsoleConsumer, "kafka-console-consumer", ConsumeArgs);
kafka_parser!(
    KafkaConsumerPerf,
    "kafka-consumer-perf-test",
    ConsumerPerfArgs
);
kafka_parser!(KafkaGetOffsets, "kafka-get-offsets", offsets::OffsetsArgs);

/// The Kafka release whose `--version` output kt's Kafka-named links print.
const KAFKA_VERSION: &str = "3.9.2";

/// How a Kafka tool introduces itself and reports a failed run.
struct ToolText {
    /// First line with no arguments.
    no_args: &'static str,
    /// First line of `--help`.
    help: &'static str,
    /// kafka-topics reports failed actions on stdout with this prefix; the
    /// other tools print the exception on stderr.
    stdout_prefix: Option<&'static str>,
    /// GetOffsetShell prefixes parse and run errors with `Error occurred: `.
    error_prefix: &'static str,
    /// The console tools print their help table after a parse error.
    usage_on_parse_error: bool,
    /// jopt converts an option's value when the tool reads it, so a value
    /// that does not convert fails where each tool reads it.
    conversion: Conversion,
    /// How the tool shows an exception it does not catch itself.
    thrown: Thrown,
    /// jopt-simple's help table of Kafka 3.9.2's tool, verbatim.
    help_table: &'static str,
}

/// How a Kafka tool shows an exception thrown past its own checks (kt's
/// [`KtError::thrown`]); the stack trace reduces to its first line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Thrown {
    /// `System.err.println(e.getMessage())` (after the tool's error prefix),
    /// then the trace.
    MessageThenTrace,
    /// `e.printStackTrace()`.
    Trace,
    /// Out of `main`: `Exception in thread "main" ` and the trace.
    Uncaught,
}

impl Thrown {
    /// Prints `err`'s Java exception in this style; false when it has none.
    fn print(self, err: &anyhow::Error, prefix: &str) -> bool {
        let Some((class, message)) = err
            .chain()
            .find_map(|c| c.downcast_ref::<KtError>())
            .and_then(|e| e.thrown.as_ref())
        else {
            return false;
        };
        match self {
            Thrown::MessageThenTrace => {
                eprintln!("{prefix}{message}");
                eprintln!("{class}: {message}");
            }
            Thrown::Trace => eprintln!("{class}: {message}"),
            Thrown::Uncaught => eprintln!("Exception in thread \"main\" {class}: {message}"),
        }
        true
    }
}

/// Where a tool reports an option value that does not convert.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Conversion {
    /// As any other parse error.
    ParseError,
    /// kafka-topics: a failed action, on stdout.
    FailedAction,
    /// The console consumer: `--max-messages`, read as it runs, after its
    /// count; the other options, read before, as an uncaught exception.
    Consumer,
    /// The console producer: the message alone.
    Message,
}

fn run_compat(tool: Tool, program: &str, args: Vec<OsString>, out: &mut dyn Write) -> u8 {
    match tool {
        Tool::Topics => {
            let text = ToolText {
                no_args: "Create, delete, describe, or change a topic.",
                help: "This tool helps to create, delete, describe, or change a topic.",
                stdout_prefix: Some("Error while executing topic command : "),
                usage_on_parse_error: false,
                conversion: Conversion::FailedAction,
                error_prefix: "",
                thrown: Thrown::MessageThenTrace,
                help_table: include_str!("help/kafka-topics.txt"),
            };
            jopt_tool::<KafkaTopics>(
                program,
                args,
                out,
                &text,
                |p| (p.help, p.version, p.args),
                |a, out| topics::run(profiled(a, C)?, C, out),
            )
        }
        Tool::ConsoleProducer => {
            let text = ToolText {
                no_args:
                    "This tool helps to read data from standard input and publish it to Kafka.",
                help: "This tool helps to read data from standard input and publish it to Kafka.",
                stdout_prefix: None,
                usage_on_parse_error: true,
                conversion: Conversion::Message,
                error_prefix: "",
                thrown: Thrown::Trace,
                help_table: include_str!("help/kafka-console-producer.txt"),
            };
            jopt_tool::<KafkaConsoleProducer>(
                program,
                args,
                out,
                &text,
                |p| (p.help, p.version, p.args),
                |a, out| console::produce::run(profiled(a, C)?, C, out),
            )
        }
        Tool::ConsoleConsumer => {
            let text = ToolText {
                no_args: "This tool helps to read data from Kafka topics and outputs it to standard output.",
                help: "This tool helps to read data from Kafka topics and outputs it to standard output.",
                stdout_prefix: None,
                usage_on_parse_error: true,
                conversion: Conversion::Consumer,
                error_prefix: "",
                thrown: Thrown::Uncaught,
                help_table: include_str!("help/kafka-console-consumer.txt"),
            };
            jopt_tool::<KafkaConsoleConsumer>(
                program,
                args,
                out,
                &text,
                |p| (p.help, p.version, p.args),
                |a, out| console::consume::run(profiled(a, C)?, C, out),
            )
        }
        Tool::ProducerPerf => argparse_producer_perf(program, args, out),
        Tool::GetOffsets => {
            let text = ToolText {
                no_args: "An interactive shell for getting topic-partition offsets.",
                help: "An interactive shell for getting topic-partition offsets.",
                stdout_prefix: None,
                usage_on_parse_error: false,
                conversion: Conversion::ParseError,
                error_prefix: "Error occurred: ",
                thrown: Thrown::MessageThenTrace,
                help_table: include_str!("help/kafka-get-offsets.txt"),
            };
            jopt_tool::<KafkaGetOffsets>(
                program,
                args,
                out,
                &text,
                |p| (p.help, p.version, p.args),
                |a, out| offsets::run(profiled(a, C)?, C, out),
            )
        }
        Tool::EndToEnd => {
            let argv = std::iter::once(OsString::from(program)).chain(args);
            let parsed = KafkaE2e::try_parse_from(argv).map_err(anyhow::Error::from);
            let result = parsed.and_then(|p| perf::e2e::run(profiled(p.args, C)?, C, out));
            match result {
                Ok(()) => 0,
                Err(err) => {
                    let _ = out.flush();
                    if !Thrown::MessageThenTrace.print(&err, "") {
                        eprintln!("{}", kt_message(&err));
                    }
                    1
                }
            }
        }
        Tool::ConsumerPerf => {
            let text = ToolText {
                no_args: "This tool is used to verify the consumer performance.",
                help: "This tool is used to verify the consumer performance.",
                stdout_prefix: None,
                usage_on_parse_error: true,
                conversion: Conversion::ParseError,
                error_prefix: "",
                thrown: Thrown::MessageThenTrace,
                help_table: include_str!("help/kafka-consumer-perf-test.txt"),
            };
            jopt_tool::<KafkaConsumerPerf>(
                program,
                args,
                out,
                &text,
                |p| (p.help, p.version, p.args),
                |a, out| perf::consumer::run(profiled(a, C)?, C, out),
            )
        }
    }
}

/// Runs a jopt-simple tool: Kafka's help, parse errors, checks and exit codes
/// over kt's flag definitions.
fn jopt_tool<P: Parser + JoptArgs>(
    program: &str,
    args: Vec<OsString>,
    out: &mut dyn Write,
    text: &ToolText,
    split: impl FnOnce(P) -> (bool, bool, <P as JoptArgs>::Args),
    run: impl FnOnce(<P as JoptArgs>::Args, &mut dyn Write) -> anyhow::Result<()>,
) -> u8 {
    let cmd = P::command();
    let usage = |message: &str| {
        eprintln!("{message}");
        eprint!("{}", text.help_table);
        1
    };
    if args.is_empty() {
        return usage(text.no_args);
    }
    let argv = std::iter::once(OsString::from(program)).chain(compat::normalize(&cmd, args));
    let parsed = match cmd
        .clone()
        .try_get_matches_from(argv)
        .and_then(|m| P::from_arg_matches(&m))
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
                    eprintln!("Processed a total of 0 messages");
                    eprintln!("{conversion}: {message}");
                }
                (None, Conversion::Consumer) => {
                    eprintln!("Exception in thread \"main\" {conversion}: {message}");
                }
                (None, Conversion::Message) => eprintln!("{message}"),
                _ if text.usage_on_parse_error => return usage(&message),
                (Some(exception), _) if text.stdout_prefix.is_some() => {
                    eprintln!("{message}");
                    eprintln!("{exception}: {message}");
                }
                _ => eprintln!("{}{message}", text.error_prefix),
            }
            return 1;
        }
    };
    let (help, version, args) = split(parsed);
    if help {
        return usage(text.help);
    }
    if version {
        let _ = writeln!(out, "{KAFKA_VERSION}");
        return 0;
    }
    match run(args, out) {
        Ok(()) => 0,
        Err(err) if is_broken_pipe(&err) => 0,
        Err(err) => {
            let _ = out.flush();
            if text.thrown.print(&err, text.error_prefix) {
                return 1;
            }
            let message = kt_message(&err);
            let kind = error_kind(&err);
            if kind == Some(ErrorKind::Usage) {
                return usage(&message);
            }
            match text.stdout_prefix {
                Some(prefix) => {
                    let _ = writeln!(out, "{prefix}{message}");
                }
                None => {
                    let _ = out.flush();
                    if err.chain().any(|c| c.is::<console::produce::ReaderError>()) {
                        eprintln!("org.apache.kafka.common.KafkaException: {message}");
                    } else {
                        eprintln!("{}{message}", text.error_prefix);
                    }
                }
            }
            kind.map_or(1, ErrorKind::compat_exit_code)
        }
    }
}

/// EndToEndLatency reads its positional arguments itself.
#[derive(Parser, Debug)]
#[command(name = "kafka-e2e-latency")]
struct KafkaE2e {
    #[command(flatten)]
    args: perf::e2e::E2eArgs,
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

fn argparse_producer_perf(program: &str, args: Vec<OsString>, out: &mut dyn Write) -> u8 {
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
        eprintln!("{}", compat::PRODUCER_PERF_USAGE);
        eprintln!("{}", compat::argparse_error(prog, message));
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
    match profiled(parsed.args, C).and_then(|a| perf::producer::run(a, C, out)) {
        Ok(()) => 0,
        Err(err) if is_broken_pipe(&err) => 0,
        Err(err) => {
            let _ = out.flush();
            if Thrown::Uncaught.print(&err, "") {
                return 1;
            }
            let message = kt_message(&err);
            match error_kind(&err) {
                Some(ErrorKind::Usage) => fail(&message),
                Some(ErrorKind::Config) => {
                    eprintln!("Exception in thread \"main\" java.lang.IllegalArgumentException: {message}");
                    1
                }
                kind => {
                    eprintln!("{message}");
                    kind.map_or(1, ErrorKind::compat_exit_code)
                }
            }
        }
    }
}

/// The flag struct inside a generated Kafka parser.
trait JoptArgs {
    type Args;
}

impl JoptArgs for KafkaTopics {
    type Args = TopicsArgs;
}

impl JoptArgs for KafkaConsoleProducer {
    type Args = ProduceArgs;
}

impl JoptArgs for KafkaConsoleConsumer {
    type Args = ConsumeArgs;
}

impl JoptArgs for KafkaConsumerPerf {
    type Args = ConsumerPerfArgs;
}

impl JoptArgs for KafkaGetOffsets {
    type Args = offsets::OffsetsArgs;
}

/// The message Kafka's tools print: the typed error's own text when there is
/// one (without kt's context), else the whole chain.
fn kt_message(err: &anyhow::Error) -> String {
    err.chain()
        .find_map(|c| c.downcast_ref::<KtError>())
        .map_or_else(|| format!("{err:#}"), |e| e.message.clone())
}

/// Rust ignores SIGPIPE, so a closed reader shows up as this error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
