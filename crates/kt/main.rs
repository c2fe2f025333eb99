//! kt: one binary for Apache Kafka's command-line tools.
//!
//! This file is the edge: it reads argv, picks the tool, runs it with the
//! process's streams, and turns the result into the exit code. kt's own
//! commands are presented by `native`, Kafka's names by `kafka_tools`.
//!
//! No `unsafe` here: every call into librdkafka lives in kt-core's `ffi`.

#![forbid(unsafe_code)]

mod acls;
mod aliases;
mod argparse;
mod brokers;
mod cli;
mod client_metrics;
mod cluster;
mod compat;
mod configs;
mod console;
mod delegation_tokens;
mod delete_records;
mod dispatch;
mod doctor;
mod dump_log;
mod elect;
mod endpoint;
mod features;
#[cfg(test)]
mod fuzz;
mod generate;
mod groups;
mod java_order;
mod kafka_schema;
mod kafka_tools;
mod native;
mod offsets;
mod perf;
mod profiles;
mod prompt;
mod quorum;
mod reassign;
mod reassign_plan;
mod record_batch;
mod replica_verification;
mod signals;
mod streams_reset;
mod table;
mod time;
mod topic;
mod topics;
mod transactions;
mod verifiable;
mod working;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use dispatch::{Invocation, Tool};
use kt_core::Diagnostics;

fn main() -> ExitCode {
    let invocation = dispatch::resolve(std::env::args_os().collect());
    let working = working::Working::start(&invocation);
    let err = Diagnostics::to(Box::new(working.guard(io::stderr())));
    let stdout = io::stdout();
    // One large buffer: a consumer writes a record at a time, and 8 KB
    // meant a write(2) per 40 records of 200 B.
    let mut out = working.guard(BufWriter::with_capacity(128 * 1024, stdout.lock()));
    let code = match invocation {
        Invocation::Native(argv) => native::run(argv, &mut out, &err),
        Invocation::Compat {
            tool,
            program,
            args,
        } => kafka_tools::run(tool, &program, args, &mut out, &err),
        Invocation::RunClassUsage { program } => {
            let _ = writeln!(
                out,
                "USAGE: {program} [-daemon] [-name servicename] [-loggc] classname [opts]"
            );
            1
        }
        Invocation::UnknownClass(class) => {
            err.line(format_args!(
                "Error: Could not find or load main class {class}"
            ));
            err.line(format_args!(
                "Caused by: java.lang.ClassNotFoundException: {class}"
            ));
            let known: Vec<_> = Tool::class_names().collect();
            err.line(format_args!("kt: supported classes: {}", known.join(", ")));
            1
        }
    };
    working.stop();
    // A reader that went away (`kt ... | head`) is not an error.
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            err.line(format_args!("kt: cannot write to standard output: {e}"));
            ExitCode::from(1)
        }
        _ => ExitCode::from(code),
    }
}

/// Rust ignores SIGPIPE, so a closed reader shows up as this error: a
/// normal end, not a failure.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
