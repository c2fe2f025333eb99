//! `kt groups` / kafka-consumer-groups on Apache Kafka: groups with live
//! members (kt's and Apache's console consumers) described by both tools at
//! once, resets refused while a group is active, every reset strategy
//! checked by consuming afterwards, lag in time against records of known
//! age, and kt's own exit codes and JSON. The differential suite covers
//! the option and error paths.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::util::*;
use kt_testkit::{run_tool, wait_until, KAFKA_3};

const CLASS: &str = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Apache's ConsumerGroupCommand (Kafka 3.9) on `args`.
fn apache(args: &[&str]) -> kt_testkit::Run {
    run_tool(KAFKA_3, CLASS, args, b"", Duration::from_secs(60))
        .expect("running Apache's ConsumerGroupCommand")
}

/// `kt groups … -o json` on the test broker, parsed.
fn json_of(args: &[&str]) -> Value {
    let b = bootstrap();
    let mut all = vec!["groups", "--bootstrap-server", b.as_str()];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", "json"]);
    let run = kt(&all);
    serde_json::from_str(&run.stdout).unwrap_or_else(|_| panic!("JSON from {all:?}: {run:?}"))
}

/// Produces `(partition, value, timestamp)` records to `topic`.
fn produce(topic: &str, records: &[(i32, &str, i64)]) {
    let records: Vec<Value> = records
        .iter()
        .map(|(p, v, ts)| json!({"partition": p, "value": v, "timestamp": ts}))
        .collect();
    produce_json_on(&bootstrap(), topic, &records);
}

/// Waits until `group` is Stable with `members` members, an offset
/// committed for every partition and no lag. (A row without a commit has
/// no lag to sum: Apache's console consumer commits only every 5 s, and
/// the two tools must describe the same commits.)
fn wait_settled(group: &str, members: u64) -> Value {
    let mut last = Value::Null;
    let settled = wait_until(Instant::now() + Duration::from_secs(60), || {
        last = json_of(&["--describe", "--group", group]);
        let g = &last["groups"][0];
        let committed = g["partitions"].as_array().is_some_and(|rows| {
            !rows.is_empty() && rows.iter().all(|r| r["current_offset"].is_i64())
        });
        g["state"] == "Stable" && g["member_count"] == members && committed && g["total_lag"] == 0
    });
    assert!(settled, "group {group} did not settle: {last}");
    last
}

#[test]
fn active_groups_read_the_same_through_both_tools() {
    let b = bootstrap();
    let topic = random_name("grp-active");
    create_topic(&topic, 3);
    let now = now_ms();
    produce(
        &topic,
        &[(0, "a", now), (1, "b", now), (2, "c", now), (2, "d", now)],
    );
    // One group of kt's console consumer, one of Apache's.
    let kt_group = random_name("grp-kt");
    let mut kt_member = spawn(
        kt_path(),
        &[
            "consume",
            "-b",
            &b,
            "--topic",
            &topic,
            "--group",
            &kt_group,
            "--from-beginning",
        ],
    );
    let java_group = random_name("grp-java");
    let java_args = kt_testkit::tool_command(
        KAFKA_3,
        "org.apache.kafka.tools.consumer.ConsoleConsumer",
        &[
            "--bootstrap-server",
            &b,
            "--topic",
            &topic,
            "--group",
            &java_group,
            "--from-beginning",
        ],
    )
    .expect("java args");
    let java_args: Vec<&str> = java_args.iter().map(String::as_str).collect();
    let java_member = spawn(std::path::Path::new("java"), &java_args);
    for (group, member) in [(&kt_group, "kt"), (&java_group, "Apache's")] {
        let described = wait_settled(group, 1);
        let rows = described["groups"][0]["partitions"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(rows.len(), 3, "{member} member's group: {described}");
        for view in [
            vec!["--describe", "--group", group.as_str()],
            vec!["--describe", "--group", group.as_str(), "--members"],
            vec![
                "--describe",
                "--group",
                group.as_str(),
                "--members",
                "--verbose",
            ],
            vec!["--describe", "--group", group.as_str(), "--state"],
            // Refused while the group is active.
            vec![
                "--reset-offsets",
                "--group",
                group.as_str(),
                "--topic",
                &topic,
                "--to-earliest",
                "--execute",
            ],
            vec!["--delete", "--group", group.as_str()],
        ] {
            let mut args = vec!["--bootstrap-server", b.as_str()];
            args.extend(view.iter().copied());
            let theirs = apache(&args);
            let ours = kafka("kafka-consumer-groups", &args);
            assert_eq!(
                (ours.code, &ours.stdout, &ours.stderr),
                (theirs.code, &theirs.stdout, &theirs.stderr),
                "{args:?} ({member} member)"
            );
        }
        // Nothing was reset or deleted: the group still stands where it read to.
        let after = json_of(&["--describe", "--group", group]);
        assert_eq!(after["groups"][0]["total_lag"], 0, "{after}");
        // kt's own name: the refusal is one line and exit 1.
        let run = kt(&[
            "groups",
            "-b",
            &b,
            "--reset-offsets",
            "--group",
            group,
            "--topic",
            &topic,
            "--to-earliest",
            "--execute",
        ]);
        assert_eq!(run.code, Some(1), "{run:?}");
        assert!(
            run.stderr
                .contains("is inactive, but the current state is Stable"),
            "{run:?}"
        );
    }
    drop(java_member);
    let _ = kt_member.kill();
    // Members gone: the groups are Empty, their commits kept, each row without a member.
    for group in [&kt_group, &java_group] {
        let mut last = Value::Null;
        let empty = wait_until(Instant::now() + Duration::from_secs(60), || {
            last = json_of(&["--describe", "--group", group]);
            last["groups"][0]["state"] == "Empty"
        });
        assert!(empty, "{last}");
        let rows = last["groups"][0]["partitions"].as_array().unwrap();
        assert!(rows.iter().all(|r| r["consumer_id"] == "-"), "{last}");
        let args = [
            "--bootstrap-server",
            b.as_str(),
            "--describe",
            "--group",
            group,
        ];
        let (theirs, ours) = (apache(&args), kafka("kafka-consumer-groups", &args));
        assert_eq!((ours.stdout, ours.stderr), (theirs.stdout, theirs.stderr));
    }
}

/// Reads `n` lines from `reader` within the tests' deadline.
fn read_lines<R: std::io::Read + Send + 'static>(reader: R, n: usize) -> (Vec<String>, R) {
    use std::io::BufRead;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = std::io::BufReader::new(reader);
        let mut lines = Vec::new();
        for _ in 0..n {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            lines.push(line);
        }
        let _ = tx.send((lines, reader.into_inner()));
    });
    let (lines, reader) = rx
        .recv_timeout(kt_testkit::scaled(Duration::from_secs(30)))
        .expect("lines within 30 s");
    assert_eq!(lines.len(), n, "{lines:?}");
    (lines, reader)
}

/// Lag in time: the age of the record at the committed offset.
#[test]
fn lag_in_time_is_the_age_of_the_oldest_unconsumed_record() {
    let b = bootstrap();
    let topic = random_name("grp-lag");
    create_topic(&topic, 3);
    let now = now_ms();
    produce(
        &topic,
        &[
            (0, "old", now - 120_000),
            (0, "next", now - 60_000),
            (0, "new", now - 30_000),
            (1, "done", now - 5_000),
            (2, "uncommitted", now - 1_000),
        ],
    );
    let group = random_name("grp-lag");
    for scope in [format!("{topic}:0"), format!("{topic}:1")] {
        commit_offsets(&b, &group, &scope, &["--to-offset", "1"]);
    }
    let described = json_of(&["--describe", "--group", &group]);
    let g = &described["groups"][0];
    let rows = g["partitions"].as_array().unwrap();
    let row = |p: i64| rows.iter().find(|r| r["partition"] == p);
    // Partition 0 is behind by two, the oldest of them 60 s old.
    let p0 = row(0).expect("partition 0");
    assert_eq!(
        (p0["current_offset"].as_i64(), p0["lag"].as_i64()),
        (Some(1), Some(2))
    );
    let age = p0["lag_ms"].as_i64().expect("an age");
    assert!((60_000..75_000).contains(&age), "age {age} ms: {described}");
    // Partition 1 is at its end: no age. Partition 2 has no commit: no row.
    assert_eq!(row(1).expect("partition 1")["lag_ms"], 0, "{described}");
    assert!(row(2).is_none(), "{described}");
    assert_eq!(g["total_lag"], 2);
    assert_eq!(g["max_lag_ms"], p0["lag_ms"]);
    // Alerting: over a limit is exit 6 and one line naming the partition.
    let describe = ["groups", "-b", &b, "--describe", "--group", &group];
    let with = |extra: &[&str]| {
        let mut args = describe.to_vec();
        args.extend_from_slice(extra);
        kt(&args)
    };
    let run = with(&["--max-lag", "1"]);
    assert_eq!(run.code, Some(6), "{run:?}");
    assert!(
        run.stderr.ends_with(&format!(
            "kt: 1 partition is over the limit: {group}/{topic}-0 lag 2 > 1\n"
        )),
        "{run:?}"
    );
    assert_eq!(with(&["--max-lag", "2"]).code, Some(0));
    let run = with(&["--max-lag-time", "30s"]);
    assert_eq!(run.code, Some(6), "{run:?}");
    assert!(
        run.stderr.contains(&format!("{group}/{topic}-0 lag 1m")),
        "{run:?}"
    );
    assert_eq!(with(&["--max-lag-time", "10m"]).code, Some(0));
    assert_eq!(with(&["--max-lag-time", "soon"]).code, Some(2));
    // --watch off a terminal: a JSON line per interval, the rate from the second on.
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
    let stdout = watching.stdout.take().expect("stdout");
    let (lines, _) = read_lines(stdout, 2);
    let first: Value = serde_json::from_str(&lines[0]).expect("a JSON line");
    let second: Value = serde_json::from_str(&lines[1]).expect("a JSON line");
    assert_eq!(first["groups"][0]["total_lag"], 2, "{first}");
    assert!(first["groups"][0].get("rate_per_s").is_none(), "{first}");
    assert_eq!(second["groups"][0]["rate_per_s"], 0.0, "{second}");
    drop(watching);
    // The table shows it for people.
    let run = kt(&[
        "groups",
        "-b",
        &b,
        "--describe",
        "--group",
        &group,
        "-o",
        "table",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.contains("LAG-TIME") && run.stdout.contains("1m"),
        "{run:?}"
    );
}

/// The next record a group reads after each strategy is the one the plan named.
#[test]
fn every_reset_strategy_moves_the_group_where_the_plan_said() {
    let b = bootstrap();
    let topic = random_name("grp-reset");
    create_topic(&topic, 1);
    // v0..v9, a minute apart, from ten hours ago.
    let base = now_ms() - 10 * 3_600_000;
    let values: Vec<String> = (0..10).map(|i| format!("v{i}")).collect();
    let records: Vec<(i32, &str, i64)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| (0, v.as_str(), base + i as i64 * 60_000))
        .collect();
    produce(&topic, &records);
    let group = random_name("grp-reset");
    let iso = |ms: i64| {
        chrono::DateTime::from_timestamp_millis(ms)
            .unwrap()
            .format("%Y-%m-%dT%H:%M:%S%.3f")
            .to_string()
    };
    let plans = tempfile::tempdir().expect("a temp dir");
    let plan_csv = plans.path().join(format!("{group}.csv"));
    std::fs::write(&plan_csv, format!("{topic},0,7\n")).unwrap();
    let plan_json = plans.path().join(format!("{group}.json"));
    let at5 = iso(base + 5 * 60_000);
    let csv = plan_csv.to_string_lossy().into_owned();
    let json_plan = plan_json.to_string_lossy().into_owned();
    // (strategy, the record read next: None is the end)
    let cases: Vec<(Vec<&str>, Option<&str>)> = vec![
        (vec!["--topic", &topic, "--to-earliest"], Some("v0")),
        (vec!["--topic", &topic, "--to-offset", "4"], Some("v4")),
        // The read above committed 5; shift back three.
        (vec!["--all-topics", "--shift-by", "-3"], Some("v2")),
        (vec!["--topic", &topic, "--to-datetime", &at5], Some("v5")),
        // Ten hours back less 8.5 minutes (and the seconds this test has taken) lands between v8 and v9.
        (
            vec!["--topic", &topic, "--by-duration", "PT9H51M30S"],
            Some("v9"),
        ),
        (vec!["--topic", &topic, "--from-file", &csv], Some("v7")),
        (vec!["--topic", &topic, "--to-current"], Some("v8")),
        (vec!["--topic", &topic, "--to-latest"], None),
        (
            vec!["--topic", &topic, "--from-file", &json_plan],
            Some("v3"),
        ),
    ];
    for (strategy, next) in cases {
        if strategy.contains(&json_plan.as_str()) {
            // kt's JSON plan, as `-o json` wrote it, read back by --from-file.
            let mut args = vec!["groups", "-b", &b, "--reset-offsets", "--group", &group];
            args.extend([
                "--topic",
                &topic,
                "--to-offset",
                "3",
                "--dry-run",
                "-o",
                "json",
            ]);
            let run = kt(&args);
            assert_eq!(run.code, Some(0), "{run:?}");
            let plan: Value = serde_json::from_str(&run.stdout).unwrap();
            assert_eq!(plan["groups"][0]["partitions"][0]["offset"], 3, "{plan}");
            std::fs::write(&plan_json, &run.stdout).unwrap();
        }
        let mut args = vec![
            "--bootstrap-server",
            b.as_str(),
            "--reset-offsets",
            "--group",
            &group,
        ];
        args.extend(strategy.iter().copied());
        args.push("--execute");
        let run = kafka("kafka-consumer-groups", &args);
        assert_eq!(run.code, Some(0), "{args:?}: {run:?}");
        assert!(run.stdout.contains("NEW-OFFSET"), "{args:?}: {run:?}");
        let read = kt(&[
            "consume",
            "-b",
            &b,
            "--topic",
            &topic,
            "--group",
            &group,
            "--max-messages",
            "1",
            "--timeout-ms",
            "3000",
        ]);
        let got = read.stdout.lines().next();
        assert_eq!(got, next, "after {strategy:?}: {read:?}");
    }
}

#[test]
fn kts_own_name_has_exit_codes_and_json() {
    let b = bootstrap();
    let topic = random_name("grp-native");
    create_topic(&topic, 2);
    produce(
        &topic,
        &[(0, "a", 1_700_000_000_000), (1, "b", 1_700_000_000_000)],
    );
    let group = random_name("grp-native");
    let run = kt(&[
        "groups",
        "-b",
        &b,
        "--reset-offsets",
        "--group",
        &group,
        "--all-topics",
        "--to-earliest",
        "--execute",
    ]);
    // No committed offsets: nothing in the plan, and nothing to fail on.
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = kt(&[
        "groups",
        "-b",
        &b,
        "--reset-offsets",
        "--group",
        &group,
        "--topic",
        &topic,
        "--to-latest",
        "--execute",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let plan: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(plan["executed"], true);
    assert_eq!(plan["groups"][0]["partitions"].as_array().unwrap().len(), 2);
    // The group now exists, Empty, in --list's JSON and with --state filters.
    let listed = json_of(&["--list", "--state", "empty"]);
    assert!(
        listed["groups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["group"] == group.as_str() && g["state"] == "Empty"),
        "{listed}"
    );
    let listed = json_of(&["--list", "--state", "stable"]);
    assert!(
        !listed["groups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["group"] == group.as_str()),
        "{listed}"
    );
    // A missing group: one line, exit 3; a bad state: usage, exit 2.
    let nosuch = random_name("grp-nosuch");
    let run = kt(&["groups", "-b", &b, "--describe", "--group", &nosuch]);
    assert_eq!(run.code, Some(3), "{run:?}");
    assert_eq!(
        run.stderr,
        format!("kt: Consumer group '{nosuch}' does not exist.\n")
    );
    let run = kt(&["groups", "-b", &b, "--list", "--state", "bogus"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    // Delete, then it is gone; deleting again is exit 3.
    let run = kt(&["groups", "-b", &b, "--delete", "--group", &group]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = kt(&["groups", "-b", &b, "--delete", "--group", &group]);
    assert_eq!(run.code, Some(3), "{run:?}");
    // Through kafka-run-class, both of Kafka's class names.
    for class in [
        "kafka.admin.ConsumerGroupCommand",
        "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
    ] {
        let run = kafka(
            "kafka-run-class",
            &[class, "--bootstrap-server", &b, "--list"],
        );
        assert_eq!(run.code, Some(0), "{run:?}");
    }
}
