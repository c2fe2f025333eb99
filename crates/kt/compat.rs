//! Kafka's command-line conventions that clap does not share.
//!
//! Kafka's jopt-simple tools accept `-topic` as well as `--topic`, ignore
//! stray words, and word their errors their own way. These pure functions
//! rewrite argv before clap and turn clap's errors into jopt's text.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;
use kt_core::KtError;

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

/// jopt's failure to convert an option's value, where the tool reads it
/// (Kafka's tools convert a value when they first ask for it).
pub fn conversion(value: &str, option: &str) -> KtError {
    let m = format!("Cannot parse argument '{value}' of option {option}");
    KtError::usage(m.clone()).thrown("joptsimple.OptionArgumentConversionException", m)
}

/// An option's value as given, converted where the tool reads it;
/// `default` when it was not given.
pub fn jopt_value<T: std::str::FromStr>(
    value: Option<&str>,
    option: &str,
    default: T,
) -> Result<T, KtError> {
    match value {
        None => Ok(default),
        Some(v) => v.parse().map_err(|_| conversion(v, option)),
    }
}

/// A log4j record as Kafka's tools print it on stderr
/// (`config/tools-log4j.properties`: `[%d] %p %m (%c)%n`), for the lines
/// Kafka's tools log that a user needs to see.
pub fn log4j(level: &str, message: &str, logger: &str) -> String {
    format!("[{}] {level} {message} ({logger})", log_time())
}

/// The local time as log4j's `%d` and Kafka's `yyyy-MM-dd HH:mm:ss,SSS`
/// SimpleDateFormat print it.
pub fn log_time() -> String {
    chrono::Local::now()
        .format("%Y-%m-%d %H:%M:%S,%3f")
        .to_string()
}

/// The jopt-simple exception behind a parse error, as Java names it in the
/// stack trace's first line; `None` for a value that does not convert, which
/// jopt reports only when the tool reads the value.
pub fn jopt_exception(err: &clap::Error) -> Option<&'static str> {
    let value_missing =
        matches!(err.get(ContextKind::InvalidValue), Some(ContextValue::String(s)) if s.is_empty());
    match err.kind() {
        ErrorKind::UnknownArgument => Some("joptsimple.UnrecognizedOptionException"),
        ErrorKind::InvalidValue if value_missing => {
            Some("joptsimple.OptionMissingRequiredArgumentException")
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => None,
        _ => Some("joptsimple.OptionException"),
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

/// kafka-producer-perf-test's usage as Kafka 3.9's argparse4j prints it.
pub const PRODUCER_PERF_USAGE: &str =
    "usage: producer-performance [-h] --topic TOPIC --num-records NUM-RECORDS
                            [--payload-delimiter PAYLOAD-DELIMITER]
                            --throughput THROUGHPUT
                            [--producer-props PROP-NAME=PROP-VALUE [PROP-NAME=PROP-VALUE ...]]
                            [--producer.config CONFIG-FILE]
                            [--print-metrics]
                            [--transactional-id TRANSACTIONAL-ID]
                            [--transaction-duration-ms TRANSACTION-DURATION]
                            (--record-size RECORD-SIZE |
                            --payload-file PAYLOAD-FILE |
                            --payload-monotonic)";

/// argparse4j's error line: `prog: error: message`, wrapped at 75 columns
/// where Java's line BreakIterator allows (after spaces, and after hyphens
/// before a letter), each full line justified by widening its gaps, the
/// middle ones first (argparse4j's TextHelper).
pub fn argparse_error(prog: &str, message: &str) -> String {
    const WIDTH: usize = 75;
    let text = format!("{prog}: error: {message}");
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for segment in break_segments(&text) {
        if line.len() + segment.len() > WIDTH && !line.is_empty() {
            lines.push(justify(&line, WIDTH));
            line.clear();
        }
        line.push_str(segment);
    }
    lines.push(line);
    lines.join("\n")
}

/// `text` cut where Java's line BreakIterator may break it: after a run of
/// spaces, and after a run of hyphens followed by a letter.
fn break_segments(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut segments = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let run = bytes[i];
        if run == b' ' || run == b'-' {
            while i < bytes.len() && bytes[i] == run {
                i += 1;
            }
            if run == b' ' || bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                segments.push(&text[start..i]);
                start = i;
            }
        } else {
            i += 1;
        }
    }
    if start < text.len() {
        segments.push(&text[start..]);
    }
    segments
}

/// TextHelper.adjustSpace: trims the line and spreads the missing width over
/// its runs of spaces, one extra each to the middle runs first.
fn justify(line: &str, width: usize) -> String {
    let line = line.trim_matches(' ');
    let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    let gaps = words.len().saturating_sub(1);
    if gaps == 0 {
        return line.to_string();
    }
    let need = width.saturating_sub(line.len());
    let (each, rem) = (need / gaps, need % gaps);
    let rem_start = (gaps - rem).div_ceil(2);
    let mut out = String::from(words[0]);
    for (b, word) in words[1..].iter().enumerate() {
        let extra = each + usize::from(rem_start <= b && b < rem_start + rem);
        out.push_str(&" ".repeat(1 + extra));
        out.push_str(word);
    }
    out
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

/// How Kafka's admin client names a broker error: the exception class and
/// Kafka's own text for the code (`Errors`), as `Throwable.toString()`
/// prints them; librdkafka's text where kt does not know the code.
pub fn java_exception(code: rdkafka::error::RDKafkaErrorCode, why: &str) -> String {
    use rdkafka::error::RDKafkaErrorCode as E;
    let (class, text) = match code {
        E::GroupIdNotFound => ("GroupIdNotFoundException", "The group id does not exist."),
        E::NonEmptyGroup => ("GroupNotEmptyException", "The group is not empty."),
        E::InvalidGroupId => ("InvalidGroupIdException", "The configured groupId is invalid."),
        E::GroupAuthorizationFailed => ("GroupAuthorizationException", "Group authorization failed."),
        E::GroupSubscribedToTopic => (
            "GroupSubscribedToTopicException",
            "Deleting offsets of a topic is forbidden while the consumer group is actively subscribed to it.",
        ),
        E::UnknownTopicOrPartition => (
            "UnknownTopicOrPartitionException",
            "This server does not host this topic-partition.",
        ),
        E::TopicAuthorizationFailed => ("TopicAuthorizationException", "Topic authorization failed."),
        E::CoordinatorNotAvailable => {
            ("CoordinatorNotAvailableException", "The coordinator is not available.")
        }
        E::NotCoordinator => ("NotCoordinatorException", "This is not the correct coordinator."),
        E::UnknownMemberId => (
            "UnknownMemberIdException",
            "The coordinator is not aware of this member.",
        ),
        E::OffsetOutOfRange => (
            "OffsetOutOfRangeException",
            "The requested offset is not within the range of offsets maintained by the server.",
        ),
        E::NotLeaderForPartition => (
            "NotLeaderOrFollowerException",
            "For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.",
        ),
        E::PolicyViolation => ("PolicyViolationException", "Request parameters do not satisfy the configured policy."),
        E::RebalanceInProgress => (
            "RebalanceInProgressException",
            "The group is rebalancing, so a rejoin is needed.",
        ),
        _ => return format!("org.apache.kafka.common.KafkaException: {why}"),
    };
    format!("org.apache.kafka.common.errors.{class}: {text}")
}

/// Java's `new String(bytes, UTF_8)`: malformed input replaced by U+FFFD
/// exactly where and as often as the JDK's decoder replaces it (a whole
/// surrogate sequence is one replacement; Rust's `from_utf8_lossy` would
/// make three).
pub fn java_utf8(bytes: &[u8]) -> String {
    const REPL: char = '\u{fffd}';
    if let Ok(text) = std::str::from_utf8(bytes) {
        // Java decodes a valid encoded surrogate... which Rust already
        // rejects, so valid UTF-8 means the same text.
        return text.to_string();
    }
    let cont = |b: u8| b & 0xc0 == 0x80;
    let malformed3_2 = |b1: u8, b2: u8| (b1 == 0xe0 && b2 & 0xe0 == 0x80) || !cont(b2);
    let malformed4_2 = |b1: u8, b2: u8| {
        (b1 == 0xf0 && !(0x90..=0xbf).contains(&b2))
            || (b1 == 0xf4 && b2 & 0xf0 != 0x80)
            || !cont(b2)
    };
    let mut out = String::with_capacity(bytes.len());
    let (mut sp, sl) = (0usize, bytes.len());
    while sp < sl {
        let b1 = bytes[sp];
        sp += 1;
        if b1 < 0x80 {
            out.push(b1 as char);
        } else if b1 >> 5 == 0b110 && b1 & 0x1e != 0 {
            if sp < sl {
                let b2 = bytes[sp];
                sp += 1;
                if !cont(b2) {
                    out.push(REPL);
                    sp -= 1;
                } else {
                    let c = (u32::from(b1 & 0x1f) << 6) | u32::from(b2 & 0x3f);
                    out.push(char::from_u32(c).unwrap_or(REPL));
                }
                continue;
            }
            out.push(REPL);
            break;
        } else if b1 >> 4 == 0b1110 {
            if sp + 1 < sl {
                let (b2, b3) = (bytes[sp], bytes[sp + 1]);
                sp += 2;
                if malformed3_2(b1, b2) || !cont(b3) {
                    out.push(REPL);
                    sp -= 3;
                    // `malformed3`: how much the replacement covers.
                    sp += if malformed3_2(b1, b2) { 1 } else { 2 };
                } else {
                    let c = (u32::from(b1 & 0x0f) << 12)
                        | (u32::from(b2 & 0x3f) << 6)
                        | u32::from(b3 & 0x3f);
                    // A surrogate is one replacement for its three bytes.
                    out.push(char::from_u32(c).unwrap_or(REPL));
                }
                continue;
            }
            if sp < sl && malformed3_2(b1, bytes[sp]) {
                out.push(REPL);
                continue;
            }
            out.push(REPL);
            break;
        } else if b1 >> 3 == 0b11110 {
            if sp + 2 < sl {
                let (b2, b3, b4) = (bytes[sp], bytes[sp + 1], bytes[sp + 2]);
                sp += 3;
                let uc = (u32::from(b1 & 0x07) << 18)
                    | (u32::from(b2 & 0x3f) << 12)
                    | (u32::from(b3 & 0x3f) << 6)
                    | u32::from(b4 & 0x3f);
                if !cont(b2) || !cont(b3) || !cont(b4) || !(0x10000..=0x10ffff).contains(&uc) {
                    out.push(REPL);
                    sp -= 4;
                    // `malformed4`.
                    sp += if b1 > 0xf4 || malformed4_2(b1, b2) {
                        1
                    } else if !cont(b3) {
                        2
                    } else {
                        3
                    };
                } else {
                    out.push(char::from_u32(uc).unwrap_or(REPL));
                }
                continue;
            }
            if b1 > 0xf4 || (sp < sl && malformed4_2(b1, bytes[sp])) {
                out.push(REPL);
                continue;
            }
            sp += 1;
            out.push(REPL);
            if sp < sl && !cont(bytes[sp]) {
                continue;
            }
            break;
        } else {
            out.push(REPL);
        }
    }
    out
}

/// Java's `Double.toString`.
pub fn java_double(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let a = v.abs();
    if v == 0.0 || (1e-3..1e7).contains(&a) {
        let s = format!("{v}");
        if s.contains('.') {
            s
        } else {
            format!("{s}.0")
        }
    } else {
        let s = format!("{v:e}");
        let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
        let mantissa = if mantissa.contains('.') {
            mantissa.to_string()
        } else {
            format!("{mantissa}.0")
        };
        format!("{mantissa}E{exponent}")
    }
}

/// Kafka's `ToolsUtils.prettyPrintTable`: every cell padded to its
/// column's width and followed by a tab, one line per row after the
/// headers'.
pub fn pretty_table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let mut text: String = cells
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}\t"))
            .collect();
        text.push('\n');
        text
    };
    let mut text = line(&mut headers.iter().copied());
    for row in rows {
        text.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    text
}

/// The exception Kafka's admin client makes of a broker's error code, as
/// `Throwable.toString()` prints it: the broker's message when it sent one.
pub fn kafka_exception(r: &kt_core::protocol::Refused) -> String {
    let (class, message) = kafka_error(r);
    format!("org.apache.kafka.common.errors.{class}: {message}")
}

/// Kafka's `Utils.loadProps` of `--command-config`: a missing file is a
/// NoSuchFileException whose message is the path.
pub fn properties_file_exists(connection: &kt_core::ConnectionArgs) -> Result<(), KtError> {
    match &connection.command_config {
        Some(file) if !file.exists() => {
            let m = file.display().to_string();
            Err(KtError::config(m.clone()).thrown("java.nio.file.NoSuchFileException", m))
        }
        _ => Ok(()),
    }
}

/// `SecurityUtils.parseKafkaPrincipal` of a trimmed value (`User:alice`),
/// its IllegalArgumentException when there is no colon.
pub fn kafka_principal(text: &str) -> Result<kt_core::protocol::Principal, KtError> {
    // String.trim(): every character up to the space.
    let text = text.trim_matches(|c: char| c <= ' ');
    match text.split_once(':') {
        Some((kind, name)) if !text.is_empty() => Ok(kt_core::protocol::Principal {
            kind: kind.to_string(),
            name: name.to_string(),
        }),
        _ => {
            let m =
                format!("expected a string in format principalType:principalName but got {text}");
            Err(KtError::usage(m.clone()).thrown("java.lang.IllegalArgumentException", m))
        }
    }
}

/// jopt's `CommandLineUtils.checkInvalidArgs`: `used` given with any of
/// `others` (a Java HashSet of options, iterated in its order) is the
/// first such pair's usage error.
pub fn check_invalid_args(
    used: &str,
    others: &[&str],
    has: impl Fn(&str) -> bool,
) -> Result<(), KtError> {
    if !has(used) {
        return Ok(());
    }
    let mut unique: Vec<&str> = Vec::new();
    for o in others {
        if !unique.contains(o) {
            unique.push(o);
        }
    }
    let others = crate::java_order::hash_map_order(unique, |n| crate::java_order::option_hash(n));
    match others.into_iter().find(|o| has(o)) {
        Some(other) => Err(KtError::usage(format!(
            "Option \"[{used}]\" can't be used with option \"[{other}]\""
        ))),
        None => Ok(()),
    }
}

/// `Base64.getDecoder().decode(String)` (RFC 4648, padding optional) with
/// the JDK's IllegalArgumentException messages.
pub fn java_base64(text: &str) -> Result<Vec<u8>, String> {
    jdk_base64(text, false)
}

/// `Base64.getUrlDecoder().decode(String)`: the same with `-` and `_`.
pub fn java_base64_url(text: &str) -> Result<Vec<u8>, String> {
    jdk_base64(text, true)
}

fn jdk_base64(text: &str, url: bool) -> Result<Vec<u8>, String> {
    // getBytes(ISO_8859_1): a character past Latin-1 becomes '?'.
    let src: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    if src.len() == 1 {
        return Err("Input byte[] should at least have 2 bytes for base64 bytes".into());
    }
    let value = |b: u8| -> Option<u32> {
        match b {
            b'A'..=b'Z' => Some(u32::from(b - b'A')),
            b'a'..=b'z' => Some(u32::from(b - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(b - b'0') + 52),
            b'+' if !url => Some(62),
            b'/' if !url => Some(63),
            b'-' if url => Some(62),
            b'_' if url => Some(63),
            _ => None,
        }
    };
    let (mut bits, mut shift, mut sp) = (0u32, 18i32, 0usize);
    let mut out = Vec::with_capacity(src.len() / 4 * 3 + 2);
    while sp < src.len() {
        let b = src[sp];
        sp += 1;
        match value(b) {
            Some(v) => {
                bits |= v << shift;
                shift -= 6;
                if shift < 0 {
                    out.extend_from_slice(&[(bits >> 16) as u8, (bits >> 8) as u8, bits as u8]);
                    (bits, shift) = (0, 18);
                }
            }
            None if b == b'=' => {
                let next_is_pad = sp < src.len() && src[sp] == b'=';
                if shift == 6 && next_is_pad {
                    sp += 1;
                }
                if (shift == 6 && !next_is_pad) || shift == 18 {
                    return Err("Input byte array has wrong 4-byte ending unit".into());
                }
                break;
            }
            // Integer.toString of a signed byte, in hex.
            None => {
                let signed = i32::from(b as i8);
                let hex = if signed < 0 {
                    format!("-{:x}", -signed)
                } else {
                    format!("{signed:x}")
                };
                return Err(format!("Illegal base64 character {hex}"));
            }
        }
    }
    match shift {
        6 => out.push((bits >> 16) as u8),
        0 => out.extend_from_slice(&[(bits >> 16) as u8, (bits >> 8) as u8]),
        12 => return Err("Last unit does not have enough valid bits".into()),
        _ => {}
    }
    if sp < src.len() {
        return Err(format!(
            "Input byte array has incorrect ending byte at {sp}"
        ));
    }
    Ok(out)
}

/// The class (in `org.apache.kafka.common.errors`) and message of the
/// exception Kafka's admin client makes of a broker's error code: the
/// broker's message when it sent one, else the error's default.
pub fn kafka_error(r: &kt_core::protocol::Refused) -> (&'static str, String) {
    let (class, default) = match r.code {
        3 => (
            "UnknownTopicOrPartitionException",
            "This server does not host this topic-partition.",
        ),
        6 => (
            "NotLeaderOrFollowerException",
            "For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.",
        ),
        17 => (
            "InvalidTopicException",
            "The request attempted to perform an operation on an invalid topic.",
        ),
        29 => ("TopicAuthorizationException", "Topic authorization failed."),
        31 => ("ClusterAuthorizationException", "Cluster authorization failed."),
        35 => (
            "UnsupportedVersionException",
            "The version of API is not supported.",
        ),
        40 => ("InvalidConfigurationException", "Configuration is invalid."),
        41 => ("NotControllerException", "This is not the correct controller for this cluster."),
        42 => (
            "InvalidRequestException",
            "This most likely occurs because of a request being malformed by the client library or the message was sent to an incompatible broker. See the broker logs for more details.",
        ),
        44 => (
            "PolicyViolationException",
            "Request parameters do not satisfy the configured policy.",
        ),
        91 => (
            "ResourceNotFoundException",
            "A request illegally referred to a resource that does not exist.",
        ),
        95 => (
            "InvalidUpdateVersionException",
            "The given update version was invalid.",
        ),
        96 => (
            "FeatureUpdateFailedException",
            "Unable to update finalized features due to an unexpected server error.",
        ),
        102 => (
            "BrokerIdNotRegisteredException",
            "The given broker ID was not registered.",
        ),
        61 => (
            "DelegationTokenDisabledException",
            "Delegation Token feature is not enabled.",
        ),
        62 => (
            "DelegationTokenNotFoundException",
            "Delegation Token is not found on server.",
        ),
        63 => (
            "DelegationTokenOwnerMismatchException",
            "Specified Principal is not valid Owner/Renewer.",
        ),
        64 => (
            "UnsupportedByAuthenticationException",
            "Delegation Token requests are not allowed on PLAINTEXT/1-way SSL channels and on delegation token authenticated channels.",
        ),
        65 => (
            "DelegationTokenAuthorizationException",
            "Delegation Token authorization failed.",
        ),
        66 => (
            "DelegationTokenExpiredException",
            "Delegation Token is expired.",
        ),
        67 => (
            "InvalidPrincipalTypeException",
            "Supplied principalType is not supported.",
        ),
        _ => (
            "UnknownServerException",
            "The server experienced an unexpected error when processing the request.",
        ),
    };
    (
        class,
        r.message.clone().unwrap_or_else(|| default.to_string()),
    )
}

#[cfg(test)]
mod base64_tests {
    use super::java_base64;

    /// As JDK 17's `Base64.getDecoder().decode` answers.
    #[test]
    fn decodes_and_refuses_as_java() {
        assert_eq!(java_base64("AAAA").unwrap(), vec![0, 0, 0]);
        assert_eq!(java_base64("YWI=").unwrap(), b"ab");
        assert_eq!(java_base64("YWI").unwrap(), b"ab");
        assert_eq!(java_base64("YQ==").unwrap(), b"a");
        assert_eq!(java_base64("YQ").unwrap(), b"a");
        assert_eq!(java_base64("").unwrap(), Vec::<u8>::new());
        assert_eq!(
            java_base64("a-b").unwrap_err(),
            "Illegal base64 character 2d"
        );
        assert_eq!(
            java_base64("a").unwrap_err(),
            "Input byte[] should at least have 2 bytes for base64 bytes"
        );
        assert_eq!(
            java_base64("abcde").unwrap_err(),
            "Last unit does not have enough valid bits"
        );
        assert_eq!(
            java_base64("YQ=").unwrap_err(),
            "Input byte array has wrong 4-byte ending unit"
        );
        assert_eq!(
            java_base64("=abc").unwrap_err(),
            "Input byte array has wrong 4-byte ending unit"
        );
        assert_eq!(
            java_base64("YQ==YQ").unwrap_err(),
            "Input byte array has incorrect ending byte at 4"
        );
        assert_eq!(
            java_base64("ab\u{e9}").unwrap_err(),
            "Illegal base64 character -17"
        );
        assert_eq!(
            java_base64("ab\u{4e2d}").unwrap_err(),
            "Illegal base64 character 3f"
        );
        assert_eq!(
            java_base64("YQ=x").unwrap_err(),
            "Input byte array has wrong 4-byte ending unit"
        );
        assert_eq!(
            java_base64("YWJj=").unwrap_err(),
            "Input byte array has wrong 4-byte ending unit"
        );
    }
}

#[cfg(test)]
mod utf8_tests {
    use super::java_utf8;

    /// As `new String(bytes, UTF_8)` decodes them on JDK 17.
    #[test]
    fn malformed_input_is_replaced_as_java_replaces_it() {
        assert_eq!(java_utf8(b"plain"), "plain");
        // An encoded surrogate: one replacement (Rust's lossy makes three).
        assert_eq!(java_utf8(&[b'a', 0xed, 0xa0, 0x80, b'b']), "a\u{fffd}b");
        // An overlong three-byte lead: the lead alone, then the rest.
        assert_eq!(java_utf8(&[0xe0, 0x80, 0x80]), "\u{fffd}\u{fffd}\u{fffd}");
        // A truncated sequence at the end: one replacement.
        assert_eq!(java_utf8(&[b'x', 0xe1, 0x80]), "x\u{fffd}");
        assert_eq!(java_utf8(&[0xff, b'y']), "\u{fffd}y");
        assert_eq!(java_utf8(&[0xf0, 0x9f, 0x98, 0x80]), "\u{1f600}");
        assert_eq!(java_utf8(&[0xf0, 0x9f, 0x41, 0x42]), "\u{fffd}AB");
        assert_eq!(java_utf8(&[0xc3, 0xa9]), "é");
    }
}

#[cfg(test)]
mod argparse_tests {
    #[test]
    fn errors_wrap_and_justify_as_argparse4j() {
        assert_eq!(
            super::argparse_error("producer-performance", "Either --producer-props or --producer.config must be specified."),
            "producer-performance: error: Either  --producer-props  or --producer.config\nmust be specified."
        );
        assert_eq!(
            super::argparse_error("producer-performance", "argument --payload-file: not allowed with argument --record-size"),
            "producer-performance: error:  argument  --payload-file:  not  allowed  with\nargument --record-size"
        );
        assert_eq!(
            super::argparse_error("producer-performance", "ambiguous option: --trans could match --transaction-duration-ms, --transactional-id"),
            "producer-performance: error:  ambiguous  option:  --trans  could  match  --\ntransaction-duration-ms, --transactional-id"
        );
    }
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
}
