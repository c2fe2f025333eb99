//! Small exactness defects found beside Apache's tools: a timestamp of 0 in
//! the JSON round trip, `--include` as Kafka 3.9's console consumer reads
//! it, and kt's own flags and prompts (`--tail -2`, `--before now`, a
//! declined prompt, a prompt about an empty partition).

use serde_json::json;

use crate::util::*;

/// `{"timestamp":0}` became the time of sending: librdkafka reads 0 as
/// "now". kt refuses the record (exit 2, one line naming it) rather than
/// change it; the records before it are delivered, and -5 is kept.
#[test]
fn a_timestamp_of_zero_is_never_changed() {
    let b = bootstrap();
    let t = random_name("ts0");
    create_topic(&t, 1);
    let input = format!(
        "{}\n{}\n{}\n",
        json!({"value": "first", "timestamp": -5}),
        json!({"value": "zero", "timestamp": 0}),
        json!({"value": "after"}),
    );
    let run = kt_in(
        &["produce", "-b", &b, "-t", &t, "--input", "json"],
        input.as_bytes(),
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(
        run.stderr,
        "kt: line 2: a timestamp of 0 cannot be sent (librdkafka reads 0 as \"now\"); \
         leave \"timestamp\" out to send the current time, or give another value\n"
    );
    let got = consume_all(&t);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (&got[0]["value"], &got[0]["timestamp"]),
        (&json!("first"), &json!(-5))
    );
}

/// Kafka 3.9's console consumer compiles `--include` as a Java regex, so a
/// comma is a comma: `rt,rt2` matches neither `rt` nor `rt2`. kt's own
/// name keeps the comma as "or", as kafka-topics' `--topic` has it.
#[test]
fn include_is_a_java_regex_under_kafkas_name() {
    let b = bootstrap();
    let stem = random_name("incl").replace('-', "_");
    let (one, two) = (format!("{stem}_rt"), format!("{stem}_rt2"));
    for t in [&one, &two] {
        create_topic(t, 1);
        let run = kt_in(
            &["produce", "-b", &b, "-t", t],
            format!("from {t}\n").as_bytes(),
        );
        assert_eq!(run.code, Some(0), "{run:?}");
    }
    let pattern = format!("{one},{two}");
    let run = kt(&[
        "consume",
        "-b",
        &b,
        "--include",
        &pattern,
        "--from-beginning",
        "--exit",
    ]);
    let mut lines: Vec<&str> = run.stdout.lines().collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        [format!("from {one}"), format!("from {two}")],
        "{run:?}"
    );
    // Under Kafka's name a Java regex of both reads both (and readies the
    // group coordinator, which a first group on a broker waits for)...
    let both = format!("{stem}_rt2?");
    let run = kafka(
        "kafka-console-consumer",
        &[
            "--bootstrap-server",
            &b,
            "--include",
            &both,
            "--from-beginning",
            "--max-messages",
            "2",
        ],
    );
    assert_eq!(run.stdout.lines().count(), 2, "{run:?}");
    // ...and the comma list matches nothing: Apache's tool prints nothing
    // until its timeout, and so does kt.
    let args = [
        "--bootstrap-server",
        &b,
        "--include",
        &pattern,
        "--from-beginning",
        "--timeout-ms",
        "5000",
    ];
    let ours = kafka("kafka-console-consumer", &args);
    let theirs = apache(
        kt_testkit::KAFKA_3,
        "org.apache.kafka.tools.consumer.ConsoleConsumer",
        &args,
    );
    assert_eq!(ours.stdout, "", "{ours:?}");
    assert_eq!(theirs.stdout, "", "{theirs:?}");
    for run in [&ours, &theirs] {
        assert!(
            run.stderr.ends_with("Processed a total of 0 messages\n"),
            "{run:?}"
        );
    }
}

#[test]
fn kts_own_flags_take_what_people_type() {
    let b = bootstrap();
    let t = random_name("flags");
    create_topic(&t, 1);
    let run = kt_in(&["produce", "-b", &b, "-t", &t], b"a\nb\nc\n");
    assert_eq!(run.code, Some(0), "{run:?}");
    // --tail -2 is one line of kt's, not clap's usage block.
    let run = kt(&["consume", "-b", &b, "-t", &t, "--tail", "-2", "--exit"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            Some(2),
            "kt: --tail -2: give how many records to show from each partition's end, e.g. --tail 10\n"
        )
    );
    let run = kt(&["consume", "-b", &b, "-t", &t, "--tail", "2", "--exit"]);
    assert_eq!(run.stdout, "b\nc\n", "{run:?}");
    // --before now deletes every record written so far.
    let run = kt(&[
        "delete-records",
        "-b",
        &b,
        "--topic",
        &t,
        "--before",
        "now",
        "--yes",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = kt(&["offsets", "-b", &b, "--topic", &t, "--time", "-2"]);
    assert_eq!(run.stdout, format!("{t}:0:3\n"), "{run:?}");
}

/// On a terminal kt asks before it deletes: "n" is exit 7 (declined, nothing
/// changed), not a usage error; an empty partition is said to be empty and
/// nothing is asked.
#[test]
fn prompts_say_what_they_would_do_and_no_is_declined() {
    let b = bootstrap();
    let t = random_name("prompt");
    create_topic(&t, 2);
    let run = kt_in(
        &["produce", "-b", &b, "-t", &t, "--partition", "0"],
        b"a\nb\n",
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let bin = kt_path().display().to_string();
    let term = Terminal::run(&format!(
        "{bin} delete-records -b {b} --topic {t} --before end; echo EXIT=$?"
    ));
    let screen = term.wait_for("Delete? [y/N]");
    assert!(
        screen.contains(&format!(
            "kt: will delete 2 records of {t}-0 (offsets 0 to 1)"
        )),
        "{screen}"
    );
    assert!(
        screen.contains(&format!(
            "kt: {t}-1 has no records before offset 0: nothing to delete there"
        )),
        "{screen}"
    );
    term.send(&["n", "Enter"]);
    let screen = term.wait_for("EXIT=");
    assert!(screen.contains("kt: declined: nothing deleted"), "{screen}");
    assert!(screen.contains("EXIT=7"), "{screen}");
    let run = kt(&["offsets", "-b", &b, "--topic", &t, "--time", "-2"]);
    assert!(run.stdout.contains(&format!("{t}:0:0")), "{run:?}");
    // Nothing to delete anywhere: no question at all.
    let term = Terminal::run(&format!(
        "{bin} delete-records -b {b} --topic {t} --partition 1 --before end; echo EXIT=$?"
    ));
    let screen = term.wait_for("EXIT=");
    assert!(!screen.contains("Delete?"), "{screen}");
    assert!(screen.contains("EXIT=0"), "{screen}");
}
