//! Property tests over kt's hand-written parsers: whatever the input, they
//! return a value or a one-line error, never panic. CI runs proptest's
//! default 256 cases per parser; `PROPTEST_CASES=200000 cargo test --bin kt
//! fuzz_` runs longer.

use std::collections::HashMap;
use std::ffi::OsString;

use clap::{Args, CommandFactory};
use proptest::prelude::*;

use crate::console::reader::LineReader;
use crate::dispatch::Mode;
use crate::offsets::{rules, time_spec, OffsetsArgs};
use crate::time::parse_time;
use crate::topics::create::{parse_replica_assignment, parse_topic_configs};

fn one_line(e: &kt_core::KtError) -> bool {
    !e.message.is_empty() && e.message.trim_end().lines().count() <= 2
}

proptest! {
    #[test]
    fn fuzz_line_reader(
        // The reader gets lines: never a newline inside.
        line in proptest::collection::vec(any::<u8>().prop_filter("no newline", |b| *b != b'\n'), 0..200),
        parse_key in any::<bool>(),
        parse_headers in any::<bool>(),
        sep in "[\t:,|=]{1,2}",
        null in proptest::option::of("[a-z]{0,3}"),
    ) {
        let mut props = HashMap::new();
        props.insert("parse.key".to_string(), parse_key.to_string());
        props.insert("parse.headers".to_string(), parse_headers.to_string());
        props.insert("key.separator".to_string(), sep);
        if let Some(n) = null {
            props.insert("null.marker".to_string(), n);
        }
        if let Ok(reader) = LineReader::new(&props) {
            match reader.parse(&line, 1) {
                Ok(record) => {
                    // Whatever was parsed came from the line.
                    for part in record.key.iter().chain(record.value.iter()) {
                        prop_assert!(part.len() <= line.len());
                    }
                }
                Err(e) => prop_assert!(one_line(&e), "{}", e.message),
            }
        }
    }

    #[test]
    fn fuzz_times(text in "\\PC{0,30}", sign in "-?", n in any::<i64>(), unit in "(ms|s|m|h|d|y|w)?") {
        for t in [text.clone(), format!("{sign}{n}{unit}"), format!("-{}{unit}", n.unsigned_abs())] {
            if let Err(e) = parse_time(&t, 1_700_000_000_000) {
                prop_assert!(one_line(&e), "{}", e.message);
            }
            for mode in [Mode::Native, Mode::Compat] {
                match time_spec(&t, mode) {
                    Ok(spec) => prop_assert!(spec.code() >= -3),
                    Err(e) => prop_assert!(one_line(&e), "{}", e.message),
                }
            }
        }
    }

    #[test]
    fn fuzz_offsets_rules(spec in "[a-z.*:,0-9-]{0,30}", parts in "[0-9, x-]{0,12}") {
        let args = OffsetsArgs { topic_partitions: Some(spec), ..Default::default() };
        match rules(&args) {
            Ok(r) => { let _ = r.iter().any(|r| r.takes("t", 0)); }
            Err(e) => prop_assert!(one_line(&e), "{}", e.message),
        }
        let args = OffsetsArgs { partitions: Some(parts), ..Default::default() };
        if let Err(e) = rules(&args) {
            prop_assert!(one_line(&e), "{}", e.message);
        }
    }

    #[test]
    fn fuzz_replica_assignment(text in "[0-9:, -]{0,40}|\\PC{0,20}") {
        match parse_replica_assignment(&text) {
            Ok(groups) => prop_assert!(groups.iter().all(|g| !g.is_empty())),
            Err(e) => prop_assert!(one_line(&e), "{}", e.message),
        }
    }

    #[test]
    fn fuzz_topic_configs(configs in proptest::collection::vec("[a-z.=]{0,20}", 0..4)) {
        if let Err(e) = parse_topic_configs(&configs) {
            prop_assert!(one_line(&e), "{}", e.message);
        }
    }

    #[test]
    fn fuzz_kafka_argument_translation(words in proptest::collection::vec("-{0,2}[a-z-]{0,12}(=[a-z0-9]{0,4})?|\\PC{0,8}", 0..8)) {
        // Rewriting never loses or invents words, and only adds a dash.
        let cmd = crate::topics::TopicsArgs::augment_args(clap::Command::new("kafka-topics"));
        let args: Vec<OsString> = words.iter().map(OsString::from).collect();
        let out = crate::compat::normalize(&cmd, args.clone());
        prop_assert_eq!(out.len(), args.len());
        for (a, b) in args.iter().zip(&out) {
            let dashed = OsString::from(format!("-{}", a.to_string_lossy()));
            prop_assert!(b == a || *b == dashed);
        }
        // And clap then parses or errs, never panics.
        let argv = std::iter::once(OsString::from("kafka-topics")).chain(out);
        let _ = cmd.try_get_matches_from(argv);
        let _ = crate::cli::Cli::command();
    }
}
