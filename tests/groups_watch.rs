//! `kt groups` as a monitoring job runs it: a group that fell behind the
//! log's start (its lost records, its lag in time, its alert), `--watch`
//! that can be stopped and keeps one client, a group that does not exist,
//! alerts that exit non-zero under either name, a broker that is down, and
//! kt's own words under kt's name.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::util::*;
use kt_testkit::{scaled, send_signal, wait_until};

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// A group that committed offset 12 of a 20-record partition whose records
/// before 14 were then deleted: it lost 2 records. Record i is 100 - i
/// minutes old. Returns (topic, group).
fn fallen_behind() -> (String, String) {
    let b = bootstrap();
    let topic = random_name("watch-lost");
    create_topic(&topic, 1);
    let now = now_ms();
    let records: Vec<Value> = (0..20)
        .map(|i| json!({"value": format!("r{i}"), "timestamp": now - (100 - i) * 60_000}))
        .collect();
    produce_json_on(&b, &topic, &records);
    let group = random_name("watch-lost");
    commit_offsets(&b, &group, &topic, &["--to-offset", "12"]);
    let run = kt(&[
        "delete-records",
        "-b",
        &b,
        "--topic",
        &topic,
        "--before",
        "14",
        "--yes",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    (topic, group)
}

/// The number of threads of process `pid`.
fn threads(pid: u32) -> usize {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Threads:"))
                .and_then(|n| n.trim().parse().ok())
        })
        .unwrap_or(0)
}

#[test]
fn a_group_behind_the_log_start_lost_records_and_alerts() {
    let b = bootstrap();
    let (topic, group) = fallen_behind();
    let describe = ["groups", "-b", &b, "--describe", "--group", &group];
    // At once (the lag reader read at offset 12, below the log start, and
    // waited out the whole 5 s timeout).
    let started = Instant::now();
    let run = KtRun::new(&[&describe[..], &["-o", "json"]].concat()).run();
    assert!(
        started.elapsed() < scaled(Duration::from_secs(3)),
        "{run:?}"
    );
    let described: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let row = &described["groups"][0]["partitions"][0];
    assert_eq!(
        (row["current_offset"].as_i64(), row["lost_records"].as_i64()),
        (Some(12), Some(2)),
        "{described}"
    );
    // Its lag in time is the age of the oldest record left, record 14:
    // 86 minutes.
    let age = row["lag_ms"].as_i64().expect("an age");
    assert!(
        (86 * 60_000..88 * 60_000).contains(&age),
        "age {age}: {described}"
    );
    // Kafka's text, then kt's line about the loss.
    let run = kt(&describe);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stderr.contains(&format!(
            "kt: group {group} lost 2 record(s) of {topic}-0 to retention: its committed offset 12 is below the log start 14"
        )),
        "{run:?}"
    );
    // The table says so, in a column of its own.
    let run = kt(&[&describe[..], &["-o", "table"]].concat());
    assert!(run.stdout.contains("LOST"), "{run:?}");
    // Over any limit, however generous.
    for limit in [&["--max-lag-time", "1000d"][..], &["--max-lag", "1000000"]] {
        let run = kt(&[&describe[..], limit].concat());
        assert_eq!(run.code, Some(6), "{run:?}");
        assert!(
            run.stderr.ends_with(&format!(
                "kt: 1 partition is over the limit: {group}/{topic}-0 lost 2 records to retention (committed 12, log start 14)\n"
            )),
            "{run:?}"
        );
    }
}

#[test]
fn watch_keeps_one_client_and_stops_on_a_signal() {
    let b = bootstrap();
    let (_, group) = fallen_behind();
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let mut watching = spawn(
            kt_path(),
            &[
                "groups",
                "-b",
                &b,
                "--describe",
                "--group",
                &group,
                "--watch",
                "200ms",
            ],
        );
        let out = Lines::of(watching.stdout.take().expect("stdout"));
        let first: Value = serde_json::from_str(&out.next_line()).expect("JSON");
        assert_eq!(first["groups"][0]["partitions"][0]["lost_records"], 2);
        out.next_line();
        let after_two = threads(watching.id());
        for _ in 0..4 {
            out.next_line();
        }
        // Six samples: the same threads as after two (a client per sample
        // added four each time).
        assert_eq!(threads(watching.id()), after_two);
        assert!(wait_for_sigint_handler(watching.id()));
        let sent = Instant::now();
        assert!(send_signal(watching.id(), signal));
        let mut code = None;
        let ended = wait_until(Instant::now() + scaled(Duration::from_secs(5)), || {
            code = watching.try_wait().ok().flatten().map(|s| s.code());
            code.is_some()
        });
        assert!(ended, "still running {:?} after the signal", sent.elapsed());
        let expected = if signal == libc::SIGINT { 130 } else { 143 };
        assert_eq!(code, Some(Some(expected)));
    }
}

#[test]
fn watch_fails_for_a_group_that_does_not_exist() {
    let b = bootstrap();
    let typo = random_name("watch-typo");
    let args = ["--describe", "--group", &typo, "--watch", "200ms"];
    let run = kt(&[&["groups", "-b", &b][..], &args].concat());
    assert_eq!(run.code, Some(3), "{run:?}");
    assert_eq!(
        run.stderr,
        format!("kt: consumer group '{typo}' does not exist; kt groups --list names the groups\n")
    );
    let run = kafka(
        "kafka-consumer-groups",
        &[&["--bootstrap-server", &b][..], &args].concat(),
    );
    assert_ne!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
}

#[test]
fn alerts_never_exit_zero() {
    let b = bootstrap();
    let topic = random_name("watch-alert");
    create_topic(&topic, 1);
    produce_json_on(
        &b,
        &topic,
        &[
            json!({"value": "a"}),
            json!({"value": "b"}),
            json!({"value": "c"}),
        ],
    );
    let group = random_name("watch-alert");
    commit_offsets(&b, &group, &topic, &["--to-earliest"]);
    let over = format!("1 partition is over the limit: {group}/{topic}-0 lag 3 > 1\n");
    // Under Kafka's name, kt's own flag keeps kt's exit code.
    let describe = ["--bootstrap-server", &b, "--describe", "--group", &group];
    let run = kafka(
        "kafka-consumer-groups",
        &[&describe[..], &["--max-lag", "1"]].concat(),
    );
    assert_eq!(run.code, Some(6), "{run:?}");
    assert!(run.stderr.ends_with(&over), "{run:?}");
    assert!(!run.stdout.contains("Error:"), "{run:?}");
    // --watch alerts at the first sample over the limit, under both names.
    let watch = [&describe[..], &["--watch", "0.2", "--max-lag", "1"]].concat();
    let run = kafka("kafka-consumer-groups", &watch);
    assert_eq!(run.code, Some(6), "{run:?}");
    let run = kt(&[&["groups"][..], &watch].concat());
    assert_eq!(run.code, Some(6), "{run:?}");
    assert!(run.stderr.ends_with(&format!("kt: {over}")), "{run:?}");
    assert_eq!(run.stdout.lines().count(), 1, "one sample: {run:?}");
    // An action that cannot raise the alert refuses the flag.
    for (flag, value) in [
        ("--max-lag", "1"),
        ("--max-lag-time", "1m"),
        ("--watch", "1"),
    ] {
        let run = kt(&["groups", "-b", &b, "--list", flag, value]);
        assert_eq!(run.code, Some(2), "{run:?}");
        assert_eq!(
            run.stderr,
            format!(
                "kt: {flag} goes with --describe (a group's offsets); drop it or use --describe\n"
            )
        );
    }
}

#[test]
fn a_broker_that_is_down_is_one_line_at_once() {
    let port = kt_testkit::free_port().expect("a port");
    let down = format!("127.0.0.1:{port}");
    for action in [
        &["--list"][..],
        &["--describe", "--group", "g"],
        &["--delete", "--group", "g"],
        &[
            "--reset-offsets",
            "--group",
            "g",
            "--all-topics",
            "--to-earliest",
        ],
    ] {
        let started = Instant::now();
        let run = kt(&[&["groups", "-b", &down][..], action].concat());
        assert!(
            started.elapsed() < scaled(Duration::from_secs(2)),
            "{action:?} took {:?}",
            started.elapsed()
        );
        assert_eq!(run.code, Some(4), "{run:?}");
        assert_eq!(
            run.stderr,
            format!("kt: cannot connect to {down}: connection refused; check --bootstrap-server\n"),
            "{action:?}"
        );
    }
}

#[test]
fn kts_own_name_speaks_kts_words() {
    let b = bootstrap();
    let topic = random_name("watch-words");
    create_topic(&topic, 2);
    produce_json_on(
        &b,
        &topic,
        &[
            json!({"partition": 0, "value": "a", "timestamp": 1_700_000_000_000_i64}),
            json!({"partition": 1, "value": "b", "timestamp": 1_700_000_000_000_i64}),
        ],
    );
    let group = random_name("watch-words");
    let groups = |args: &[&str]| kt(&[&["groups", "-b", &b][..], args].concat());
    // An action without its group.
    let run = groups(&["--describe"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            Some(2),
            "kt: --describe needs --group G (repeatable) or --all-groups\n"
        )
    );
    // Times and durations as people write them, and bad ones in kt's words.
    let reset = ["--reset-offsets", "--group", &group, "--topic", &topic];
    let run = groups(&[&reset[..], &["--by-duration", "1h", "--dry-run"]].concat());
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = groups(
        &[
            &reset[..],
            &["--to-datetime", "2024-05-01T12:00:00Z", "--dry-run"],
        ]
        .concat(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    for (flag, value) in [
        ("--by-duration", "soon"),
        ("--to-datetime", "yesterday"),
        ("--from-file", "/nonexistent/plan.csv"),
    ] {
        let run = groups(&[&reset[..], &[flag, value]].concat());
        assert_ne!(run.code, Some(0), "{run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
        assert!(
            run.stderr.starts_with(&format!("kt: {flag}"))
                || run.stderr.starts_with("kt: cannot read --from-file"),
            "{run:?}"
        );
        assert!(!run.stderr.contains("java."), "{run:?}");
    }
    // An error is not preceded by the dry-run line.
    let missing = random_name("watch-nosuch");
    let run = groups(&[
        "--reset-offsets",
        "--group",
        &group,
        "--topic",
        &missing,
        "--to-earliest",
    ]);
    assert_eq!(run.code, Some(3), "{run:?}");
    assert_eq!(
        run.stderr,
        format!("kt: topic {missing} does not exist; kt topics --list names the topics\n")
    );
    // The plan itself comes with it.
    let run = groups(&[&reset[..], &["--to-earliest"]].concat());
    assert!(run.stderr.starts_with("kt: a dry run"), "{run:?}");
    let run = groups(&[&reset[..], &["--to-earliest", "--execute"]].concat());
    assert_eq!(run.code, Some(0), "{run:?}");
    // Deleting offsets: a row per line, no Java in them.
    let run = groups(&["--delete-offsets", "--group", &group, "--topic", &topic]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(!run.stdout.contains("Request succeed"), "{run:?}");
    let rows: Vec<&str> = run.stdout.lines().filter(|l| l.contains(&topic)).collect();
    assert_eq!(rows.len(), 2, "{run:?}");
    assert!(rows.iter().all(|r| r.contains("deleted")), "{run:?}");
}

/// On an 80-column terminal the watch's table fits: no member columns for
/// a group without members (they made it 111 columns of dashes).
#[test]
fn watch_fits_the_terminal() {
    let b = bootstrap();
    let (topic, group) = fallen_behind();
    let bin = kt_path().display().to_string();
    let term = Terminal::run(&format!(
        "{bin} groups -b {b} --describe --group {group} --watch 1"
    ));
    let screen = term.wait_for("records lost to retention");
    // The topic's name, wrapped in its cell.
    assert!(screen.contains(&topic[..10]), "{screen}");
    assert!(screen.contains("1h26m"), "{screen}");
    assert!(!screen.contains("CONSUMER-ID"), "{screen}");
    for line in screen.lines() {
        assert!(line.chars().count() <= 80, "{line}\n{screen}");
    }
    assert!(screen.contains("LOST"), "{screen}");
}

/// A Kafka 4.x share group is not a consumer group: librdkafka describes it
/// as missing, and Kafka 3.9's tool says it does not exist. Under kt's name
/// it is named for what it is; under Kafka's name kt prints what 3.9 prints.
#[test]
fn a_share_group_is_named_for_what_it_is() {
    let node = kt_testkit::kafka4();
    let b = node.address();
    let topic = random_name("share");
    create_topic_on(&b, &topic, 1);
    let group = random_name("share");
    // Apache 4.x's share consumer joins, and so makes, the share group.
    let joined = apache(
        kt_testkit::KAFKA_4,
        "org.apache.kafka.tools.consumer.ConsoleShareConsumer",
        &[
            "--bootstrap-server",
            &b,
            "--topic",
            &topic,
            "--group",
            &group,
            "--timeout-ms",
            "3000",
        ],
    );
    assert!(
        joined.stderr.contains("Processed a total of 0 messages"),
        "{joined:?}"
    );
    let run = kt(&["groups", "-b", &b, "--describe", "--group", &group]);
    assert_eq!(run.code, Some(3), "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "kt: group '{group}' is a share group, not a consumer group: kt groups reads consumer groups only\n"
        )
    );
    let args = ["--bootstrap-server", &b, "--describe", "--group", &group];
    let ours = kafka("kafka-consumer-groups", &args);
    let theirs = apache(
        kt_testkit::KAFKA_3,
        "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
        &args,
    );
    assert_eq!(
        (ours.code, &ours.stdout, &ours.stderr),
        (theirs.code, &theirs.stdout, &theirs.stderr)
    );
    assert_eq!(
        ours.stdout,
        format!("\nError: Consumer group '{group}' does not exist.\n")
    );
}
