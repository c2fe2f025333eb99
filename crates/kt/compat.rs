//! Kafka's command-line conventions that clap does not share.
//!
//! Kafka's jopt-simple tools accept `-topic` as well as `--topic`, ignore
//! stray words, and word their errors their own way. These pure functions
//! rewrite argv before clap and turn clap's errors into jopt's text.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;

/// Rewrites jopt spellings clap cannot express: a single-dash long option
/// (`-topic t`) becomes `--topic t` when `cmd` has that long option.
pub fn normalize(cmd: &Command, args: Vec<OsString>) -> Vec<OsString> {
    let longs: Vec<&str> = cmd.get_arguments().filter_map(|a| a.get_long()).collect();
    args.into_iter()
        .map(|arg| {
            let Some(s) = arg.to_str() else { return arg };
            let Some(body) = s.strip_prefix('-').filter(|b| !b.starts_with('-')) else {
                return arg;
            };
            let name = body.split('=').next().unwrap_or(body);
            if name.len() > 1 && longs.contains(&name) {
                OsString::from(format!("-{s}"))
            } else {
                arg
            }
        })
        .collect()
}

/// jopt-simple's message for a clap parse error, as Kafka's tools print it.
pub fn jopt_message(err: &clap::Error) -> String {
    let arg_name = || {
        let raw = match err.get(ContextKind::InvalidArg) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.first().cloned().unwrap_or_default(),
            _ => String::new(),
        };
        // "--topic <topic>" -> "topic"
        raw.split_whitespace()
            .next()
            .unwrap_or("")
            .trim_start_matches('-')
            .to_string()
    };
    let value = || match err.get(ContextKind::InvalidValue) {
        Some(ContextValue::String(s)) => s.clone(),
        _ => String::new(),
    };
    match err.kind() {
        ErrorKind::UnknownArgument => format!("{} is not a recognized option", arg_name()),
        ErrorKind::InvalidValue if value().is_empty() => {
            format!("Option {} requires an argument", arg_name())
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!(
                "Cannot parse argument '{}' of option {}",
                value(),
                arg_name()
            )
        }
        ErrorKind::ArgumentConflict => format!(
            "Found multiple arguments for option {}, but you asked for only one",
            arg_name()
        ),
        _ => first_line(err),
    }
}

/// kt's one-line message for a clap error in native mode: what is wrong,
/// clap's suggestion or the valid values, and the help to read.
pub fn native_message(err: &clap::Error, command: &str) -> String {
    let strings = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    };
    let mut line = match err.kind() {
        ErrorKind::MissingRequiredArgument => {
            format!("missing {}", strings(ContextKind::InvalidArg).join(", "))
        }
        _ => first_line(err),
    };
    let suggested: Vec<String> = strings(ContextKind::SuggestedArg)
        .into_iter()
        .chain(strings(ContextKind::SuggestedSubcommand))
        .collect();
    let valid = strings(ContextKind::ValidValue);
    if !suggested.is_empty() {
        line.push_str(&format!(" (did you mean '{}'?)", suggested.join("' or '")));
    } else if !valid.is_empty() && err.kind() == ErrorKind::InvalidValue {
        line.push_str(&format!(" (valid values: {})", valid.join(", ")));
    }
    format!("{line}; see '{command} --help'")
}

/// A tool's error under kt's own name. Kafka's `Missing required argument
/// "[topic]"`, right under a Kafka name, becomes kt's wording.
pub fn native_error(message: &str, command: &str) -> String {
    match message
        .strip_prefix("Missing required argument \"[")
        .and_then(|rest| rest.strip_suffix("]\""))
    {
        Some(option) => format!("missing --{option}; see '{command} --help'"),
        None => message.to_string(),
    }
}

/// `kt perf producer`: the program and the words of `argv` that name
/// subcommands of `cmd`, in order, stopping at the first that does not.
pub fn subcommand_path(cmd: &Command, argv: &[OsString]) -> String {
    let mut words = vec!["kt".to_string()];
    let mut current = cmd;
    for arg in argv.iter().skip(1) {
        let Some(word) = arg.to_str() else { break };
        match current.find_subcommand(word) {
            Some(sub) => {
                words.push(sub.get_name().to_string());
                current = sub;
            }
            None => break,
        }
    }
    words.join(" ")
}

fn first_line(err: &clap::Error) -> String {
    let rendered = err.render().to_string();
    rendered
        .lines()
        .next()
        .unwrap_or("invalid arguments")
        .trim_start_matches("error: ")
        .to_string()
}

/// argparse4j's usage line, as kafka-producer-perf-test prints it.
pub fn argparse_usage(cmd: &Command, prog: &str) -> String {
    let mut parts = vec![format!("usage: {prog} [-h]")];
    for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let Some(long) = a.get_long() else { continue };
        if long == "help" {
            continue;
        }
        let metavar = a
            .get_value_names()
            .and_then(|n| n.first())
            .map(|n| n.to_string());
        parts.push(match metavar {
            Some(m) if a.get_action().takes_values() => format!("[--{long} {m}]"),
            _ => format!("[--{long}]"),
        });
    }
    parts.join(" ")
}

/// argparse4j's message for a clap parse error. Prefixes of long options are
/// accepted (clap's `infer_long_args`); one that fits several is ambiguous.
pub fn argparse_message(err: &clap::Error, cmd: &Command) -> String {
    let raw = match err.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(s)) => s.clone(),
        _ => String::new(),
    };
    let flag = raw.split(['=', ' ']).next().unwrap_or("").to_string();
    match err.kind() {
        ErrorKind::UnknownArgument => {
            let prefix = flag.trim_start_matches('-');
            let mut matches: Vec<String> = cmd
                .get_arguments()
                .filter_map(|a| a.get_long())
                .filter(|l| !prefix.is_empty() && l.starts_with(prefix))
                .map(|l| format!("--{l}"))
                .collect();
            matches.sort();
            if matches.len() > 1 && flag.starts_with("--") {
                format!(
                    "ambiguous option: {flag} could match {}",
                    matches.join(", ")
                )
            } else {
                format!("unrecognized arguments: '{flag}'")
            }
        }
        ErrorKind::InvalidValue => format!("argument {flag}: expected one argument"),
        _ => first_line(err),
    }
}

/// jopt-simple's help table: `Option` / `Description` columns.
pub fn jopt_help(cmd: &Command) -> String {
    let mut rows: Vec<(String, String)> = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set() && a.get_long().is_some())
        .map(|a| {
            let long = a.get_long().unwrap_or_default();
            let left = if a.get_action().takes_values() {
                let described = a
                    .get_value_names()
                    .and_then(|n| n.first())
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| long.to_string());
                let ty = if described.starts_with('#')
                    || long.contains("partitions")
                    || long.contains("factor")
                {
                    "Integer"
                } else {
                    "String"
                };
                format!("--{long} <{ty}: {described}>")
            } else {
                format!("--{long}")
            };
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            (left, help)
        })
        .collect();
    rows.sort();
    let mut out = format!(
        "{:<41}{}\n{:<41}{}\n",
        "Option", "Description", "------", "-----------"
    );
    for (left, help) in rows {
        if left.len() > 40 {
            out.push_str(&format!("{left}\n{:<41}{help}\n", ""));
        } else {
            out.push_str(&format!("{left:<41}{help}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, ArgAction};

    fn cmd() -> Command {
        Command::new("t")
            .arg(Arg::new("topic").long("topic").value_name("topic"))
            .arg(
                Arg::new("partitions")
                    .long("partitions")
                    .value_name("# of partitions")
                    .value_parser(clap::value_parser!(i32))
                    .allow_hyphen_values(true),
            )
            .arg(Arg::new("list").long("list").action(ArgAction::SetTrue))
    }

    fn os(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    fn err_of(args: &[&str]) -> String {
        let e = cmd().try_get_matches_from(os(args)).unwrap_err();
        jopt_message(&e)
    }

    #[test]
    fn single_dash_long_options_are_rewritten() {
        assert_eq!(
            normalize(
                &cmd(),
                os(&[
                    "-topic",
                    "t",
                    "-list",
                    "-x",
                    "--partitions=3",
                    "-topic=u",
                    "-"
                ])
            ),
            os(&[
                "--topic",
                "t",
                "--list",
                "-x",
                "--partitions=3",
                "--topic=u",
                "-"
            ])
        );
    }

    #[test]
    fn clap_errors_read_as_jopt() {
        assert_eq!(err_of(&["t", "--foo"]), "foo is not a recognized option");
        assert_eq!(
            err_of(&["t", "--topic"]),
            "Option topic requires an argument"
        );
        assert_eq!(
            err_of(&["t", "--partitions", "abc"]),
            "Cannot parse argument 'abc' of option partitions"
        );
        assert_eq!(
            err_of(&["t", "--topic", "a", "--topic", "b"]),
            "Found multiple arguments for option topic, but you asked for only one"
        );
    }

    #[test]
    fn help_table_has_jopt_columns() {
        let help = jopt_help(&cmd());
        let mut lines = help.lines();
        assert!(lines.next().unwrap().starts_with("Option"));
        assert!(help.contains("--partitions <Integer: # of partitions>"));
        assert!(help.contains("--topic <String: topic>"));
    }
}
