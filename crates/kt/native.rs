//! kt's own commands (`kt topics|produce|consume|perf|offsets|…`): clap's
//! help and errors, kt's one-line messages and exit codes.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};

use clap::FromArgMatches;
use kt_core::{error_kind, Diagnostics, ErrorKind};

use crate::cli::{Cli, Command, ConfigCommand, PerfCommand};
use crate::dispatch::Mode;
use crate::profiles::profiled;
use crate::{
    acls, aliases, brokers, client_metrics, cluster, compat, configs, console, delegation_tokens,
    delete_records, doctor, dump_log, elect, features, generate, groups, offsets, perf, profiles,
    quorum, reassign, replica_verification, streams_reset, topics, transactions, verifiable,
};

const N: Mode = Mode::Native;

/// Runs `kt ARGS…`; the exit code.
pub fn run(argv: Vec<OsString>, out: &mut dyn Write, err: &Diagnostics) -> u8 {
    let command = crate::cli::command();
    // `kt perf producer`: the words of argv that name subcommands, for hints.
    let path = compat::subcommand_path(&command, &argv);
    let matches = match command.try_get_matches_from(argv) {
        Ok(m) => m,
        Err(e) if !e.use_stderr() => {
            // --help and --version: on stdout, exit 0, styled only for a terminal.
            let rendered = e.render();
            let _ = if std::io::stdout().is_terminal() {
                write!(out, "{}", rendered.ansi())
            } else {
                write!(out, "{rendered}")
            };
            return 0;
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Bare `kt`, `kt perf`, `kt config`: the help, on stderr, as a usage error.
            let _ = write!(&*err, "{}", e.render());
            return ErrorKind::Usage.exit_code();
        }
        Err(e) => {
            err.line(format_args!("kt: {}", compat::native_message(&e, &path)));
            return ErrorKind::Usage.exit_code();
        }
    };
    let result = Cli::from_arg_matches(&matches)
        .map_err(anyhow::Error::from)
        .and_then(|cli| match cli.command {
            Command::Topics(args) => topics::run(profiled(*args, N)?, N, out, err),
            Command::Produce(args) => console::produce::run(profiled(*args, N)?, N, out, err),
            Command::Consume(args) => console::consume::run(profiled(*args, N)?, N, out, err),
            Command::Perf(PerfCommand::Producer(args)) => {
                perf::producer::run(profiled(*args, N)?, N, out, err)
            }
            Command::Perf(PerfCommand::Consumer(args)) => {
                perf::consumer::run(profiled(*args, N)?, N, out, err)
            }
            Command::Perf(PerfCommand::E2e(args)) => {
                perf::e2e::run(profiled(*args, N)?, N, out, err)
            }
            Command::Offsets(args) => offsets::run(profiled(*args, N)?, N, out, err),
            Command::Groups(args) => groups::run(profiled(*args, N)?, N, out, err),
            Command::DeleteRecords(args) => delete_records::run(profiled(*args, N)?, N, out, err),
            Command::Brokers(mut args) => {
                // `--broker-list` names broker ids here, as in kafka-log-dirs.
                let ids = args.connection.broker_list.take();
                let args = profiled(*args, N)?;
                match ids {
                    Some(ids) => brokers::run_log_dirs(args, Some(ids), N, out, err),
                    None => brokers::run(args, N, out, err),
                }
            }
            Command::Acls(mut args) => {
                args.take_cluster_flag();
                acls::run(profiled(*args, N)?, N, out, err)
            }
            Command::Configs(args) => configs::run(profiled(*args, N)?, N, out, err),
            Command::ElectLeaders(args) => elect::run(profiled(*args, N)?, N, out, err),
            Command::Reassign(args) => reassign::run(profiled(*args, N)?, N, out, err),
            Command::Quorum(args) => quorum::run(profiled(*args, N)?, N, out, err),
            Command::Features(args) => features::run(profiled(*args, N)?, N, out, err),
            Command::Cluster(args) => cluster::run(profiled(*args, N)?, N, out, err),
            Command::Transactions(args) => transactions::run(profiled(*args, N)?, N, out, err),
            Command::ClientMetrics(args) => client_metrics::run(profiled(*args, N)?, N, out, err),
            Command::DelegationTokens(args) => {
                delegation_tokens::run(profiled(*args, N)?, N, out, err)
            }
            Command::StreamsReset(args) => streams_reset::run(profiled(*args, N)?, N, out, err),
            Command::DumpLog(args) => dump_log::run(*args, out, err),
            Command::VerifiableProducer(args) => {
                verifiable::producer::run(profiled(*args, N)?, N, out, err)
            }
            Command::VerifiableConsumer(args) => {
                verifiable::consumer::run(profiled(*args, N)?, N, out, err)
            }
            Command::VerifyReplicas(args) => {
                replica_verification::run(profiled(*args, N)?, N, out, err)
            }
            Command::Doctor(args) => doctor::run(profiled(*args, N)?, out, err),
            Command::Config(ConfigCommand::Show(args)) => profiles::show(*args, out, err),
            Command::InstallAliases(args) => aliases::run(args, out, err),
            Command::CompleteTopics(args) => profiles::complete_topics(*args, out),
            Command::Completions { shell, dir } => {
                generate::write_completions(out, shell, dir.as_deref()).map_err(Into::into)
            }
            Command::Man { dir } => generate::write_man(out, dir.as_deref()).map_err(Into::into),
        });
    match result {
        Ok(()) => 0,
        Err(error) if crate::is_broken_pipe(&error) => 0,
        Err(error) => {
            let _ = out.flush();
            err.line(format_args!(
                "kt: {}",
                compat::native_error(&format!("{error:#}"), &path)
            ));
            error_kind(&error).map_or(1, ErrorKind::exit_code)
        }
    }
}
