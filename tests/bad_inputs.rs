//! Every bad input answered: one table, every tool and flag family. Each row
//! must exit with its documented code, say what was wrong in at most three
//! lines on stderr, never panic or leak librdkafka's log, finish within the
//! run deadline, and write nothing to the cluster when rejected up front.

use crate::util::*;

/// How a row runs kt.
enum Via {
    Kt,
    Link(&'static str),
}

struct Row {
    via: Via,
    args: Vec<String>,
    stdin: &'static [u8],
    env: Vec<(&'static str, String)>,
    code: i32,
    says: String,
}

fn kt_row(args: &[&str], code: i32, says: &str) -> Row {
    Row {
        via: Via::Kt,
        args: args.iter().map(|s| s.to_string()).collect(),
        stdin: b"",
        env: Vec::new(),
        code,
        says: says.to_string(),
    }
}

fn link_row(name: &'static str, args: &[&str], code: i32, says: &str) -> Row {
    Row {
        via: Via::Link(name),
        ..kt_row(args, code, says)
    }
}

#[test]
fn forty_and_more_bad_inputs() {
    let b = bootstrap();
    let b = b.as_str();
    let existing = random_name("bad");
    create_topic(&existing, 1);
    let e = existing.as_str();
    // Names that a rejected create must not leave behind.
    let never = random_name("never");
    let n = never.as_str();
    let dir = tempfile::tempdir().unwrap();
    let bad_props = dir.path().join("bad.properties");
    std::fs::write(&bad_props, "acks=seven\n").unwrap();
    let bad_props = bad_props.to_str().unwrap();
    let dir_path = dir.path().to_str().unwrap();
    let bad_toml = dir.path().join("kt.toml");
    std::fs::write(&bad_toml, "default = [\n").unwrap();
    let long_name = "x".repeat(250);
    let zk = kt_testkit::zookeeper().address();
    let zk_empty = format!("{zk}/kt-no-brokers-{}", std::process::id());

    let mut rows = vec![
        // Unknown, misspelled and missing flags.
        kt_row(&["topics", "--bootstrap-server", b, "--lsit"], 2, "--lsit"),
        kt_row(&["topcs"], 2, "topcs"),
        kt_row(
            &["topics", "--bootstrap-server", b, "--create"],
            2,
            "missing --topic",
        ),
        kt_row(&["produce", "--bootstrap-server", b], 2, "missing --topic"),
        kt_row(&["consume", "--bootstrap-server", b], 2, "topic"),
        kt_row(
            &["perf", "producer", "--bootstrap-server", b, "--topic", e],
            2,
            "--num-records",
        ),
        // Conflicting flags.
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--list",
                "--delete",
                "--topic",
                e,
            ],
            2,
            "--list",
        ),
        kt_row(
            &[
                "consume",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--offset",
                "5",
            ],
            2,
            "partition is required",
        ),
        kt_row(
            &[
                "offsets",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--topic-partitions",
                "x",
            ],
            2,
            "--topic-partitions",
        ),
        // Out-of-range, negative and overflowing numbers.
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--create",
                "--topic",
                n,
                "--partitions",
                "0",
                "--replication-factor",
                "1",
            ],
            2,
            "partitions",
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--create",
                "--topic",
                n,
                "--partitions",
                "-3",
                "--replication-factor",
                "1",
            ],
            2,
            "partitions",
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--create",
                "--topic",
                n,
                "--partitions",
                "99999999999",
                "--replication-factor",
                "1",
            ],
            2,
            "99999999999",
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--create",
                "--topic",
                n,
                "--partitions",
                "1",
                "--replication-factor",
                "abc",
            ],
            2,
            "abc",
        ),
        kt_row(
            &[
                "consume",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--max-messages",
                "1.5",
            ],
            2,
            "1.5",
        ),
        kt_row(
            &[
                "perf",
                "producer",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--num-records",
                "-1",
                "--record-size",
                "10",
                "--throughput",
                "-1",
            ],
            2,
            "num-records",
        ),
        kt_row(
            &[
                "perf",
                "producer",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--num-records",
                "10",
                "--record-size",
                "10",
                "--throughput",
                "fast",
            ],
            2,
            "fast",
        ),
        kt_row(
            &[
                "perf",
                "consumer",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--messages",
                "1e9",
            ],
            2,
            "1e9",
        ),
        // Malformed k=v properties and properties files; unknown properties.
        kt_row(
            &[
                "produce",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--producer-property",
                "acks=seven",
            ],
            2,
            "acks",
        ),
        kt_row(
            &[
                "produce",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--producer.config",
                bad_props,
            ],
            2,
            "acks",
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--list",
                "--command-config",
                "/nonexistent/client.properties",
            ],
            2,
            "no such file",
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--list",
                "--command-config",
                dir_path,
            ],
            2,
            dir_path,
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--list",
                "-X",
                "no.such.librdkafka.key=1",
            ],
            2,
            "no.such.librdkafka.key",
        ),
        kt_row(
            &[
                "perf",
                "producer",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--num-records",
                "1",
                "--record-size",
                "1",
                "--throughput",
                "-1",
                "--producer-props",
                "acks",
            ],
            2,
            "Invalid property: acks",
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--create",
                "--topic",
                n,
                "--partitions",
                "1",
                "--replication-factor",
                "1",
                "--config",
                "retention.ms",
            ],
            2,
            "key=val",
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--create",
                "--topic",
                n,
                "--partitions",
                "1",
                "--replication-factor",
                "1",
                "--config",
                "no.such.config=1",
            ],
            2,
            "no.such.config",
        ),
        // Bad regexes and topic names.
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--describe",
                "--topic",
                "[unclosed",
            ],
            2,
            "[unclosed",
        ),
        kt_row(
            &[
                "consume",
                "--bootstrap-server",
                b,
                "--include",
                "(bad",
                "--from-beginning",
            ],
            2,
            "(bad",
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--create",
                "--topic",
                "bad name!",
                "--partitions",
                "1",
                "--replication-factor",
                "1",
            ],
            2,
            "bad name!",
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--create",
                "--topic",
                &long_name,
                "--partitions",
                "1",
                "--replication-factor",
                "1",
            ],
            2,
            "249",
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--create",
                "--topic",
                n,
                "--replica-assignment",
                "1:1",
            ],
            2,
            "duplicate",
        ),
        // Bad --time and --offset values.
        kt_row(
            &[
                "offsets",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--time",
                "yesterday",
            ],
            2,
            "yesterday",
        ),
        kt_row(
            &[
                "offsets",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--partitions",
                "0,x",
            ],
            2,
            "0,x",
        ),
        kt_row(
            &[
                "consume",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--partition",
                "0",
                "--offset",
                "soonish",
            ],
            2,
            "soonish",
        ),
        kt_row(
            &[
                "consume",
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--from-time",
                "-99999999y",
            ],
            2,
            "before 1970",
        ),
        // Not found.
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                b,
                "--describe",
                "--topic",
                n,
            ],
            3,
            n,
        ),
        kt_row(
            &[
                "offsets",
                "--bootstrap-server",
                b,
                "--topic",
                n,
                "--time",
                "-1",
            ],
            3,
            "Could not match",
        ),
        // Unreachable, unresolvable, wrong ports; a ZooKeeper with no brokers.
        kt_row(
            &["topics", "--bootstrap-server", "127.0.0.1:9", "--list"],
            4,
            "127.0.0.1:9",
        ),
        kt_row(
            &[
                "topics",
                "--bootstrap-server",
                "no-such-host.invalid:9092",
                "--list",
            ],
            4,
            "no-such-host.invalid",
        ),
        kt_row(
            &["offsets", "--bootstrap-server", "127.0.0.1:1", "--topic", e],
            4,
            "127.0.0.1:1",
        ),
        kt_row(
            &[
                "topics",
                "--zookeeper",
                "127.0.0.1:9",
                "--list",
                "--timeout-ms",
                "2000",
            ],
            4,
            "ZooKeeper",
        ),
        kt_row(
            &["topics", "--zookeeper", &zk_empty, "--list"],
            4,
            "no broker is registered",
        ),
        kt_row(
            &["topics", "--bootstrap-server", "", "--list"],
            2,
            "--bootstrap-server",
        ),
        kt_row(
            &["topics", "--bootstrap-server", "mock:0", "--list"],
            2,
            "mock",
        ),
        // Stdin that is not what --input says.
        Row {
            stdin: b"\x00\xff not json\n",
            ..kt_row(
                &[
                    "produce",
                    "--bootstrap-server",
                    b,
                    "--topic",
                    e,
                    "--input",
                    "json",
                ],
                2,
                "line 1",
            )
        },
        // Profiles and files.
        Row {
            env: vec![("KT_CONFIG", bad_toml.display().to_string())],
            ..kt_row(&["topics", "--list"], 2, "not valid TOML")
        },
        kt_row(
            &["install-aliases", "/proc/kt-cannot-write-here"],
            2,
            "/proc/kt-cannot-write-here",
        ),
        // Kafka names: Kafka's texts, exit 1.
        link_row(
            "kafka-topics",
            &[
                "--bootstrap-server",
                b,
                "--create",
                "--topic",
                n,
                "--partitions",
                "abc",
            ],
            1,
            "abc",
        ),
        link_row(
            "kafka-topics.sh",
            &["--bootstrap-server", b, "--frobnicate"],
            1,
            "frobnicate is not a recognized option",
        ),
        link_row(
            "kafka-console-producer",
            &["--bootstrap-server", b],
            1,
            "topic",
        ),
        link_row(
            "kafka-console-producer.sh",
            &["--broker-list", "no-port", "--topic", e],
            1,
            "host:port",
        ),
        link_row(
            "kafka-console-consumer",
            &[
                "--bootstrap-server",
                b,
                "--topic",
                e,
                "--offset",
                "x",
                "--partition",
                "0",
            ],
            1,
            "x",
        ),
        link_row(
            "kafka-producer-perf-test",
            &["--topic", e, "--num-records", "x"],
            1,
            "num-records",
        ),
        link_row(
            "kafka-consumer-perf-test",
            &["--bootstrap-server", b, "--topic", e, "--messages", "x"],
            1,
            "x",
        ),
        link_row(
            "kafka-get-offsets",
            &["--bootstrap-server", b, "--time", "yesterday"],
            1,
            "Malformed time argument",
        ),
        link_row(
            "kafka-run-class",
            &["kafka.tools.NoSuchTool"],
            1,
            "kafka.tools.NoSuchTool",
        ),
    ];
    rows.push(Row {
        env: vec![("KT_MOCK_FAULTS", "Produce=Boom".to_string())],
        ..kt_row(
            &["produce", "--bootstrap-server", "mock", "--topic", "t"],
            2,
            "unknown error 'Boom'",
        )
    });
    assert!(rows.len() >= 40, "{} rows", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        let args: Vec<&str> = row.args.iter().map(String::as_str).collect();
        let env: Vec<(&str, &str)> = row.env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let program = match row.via {
            Via::Kt => kt_path().to_path_buf(),
            Via::Link(name) => links().join(name),
        };
        let run = kt_testkit::run_with_env(&program, &args, &env, row.stdin, DEADLINE)
            .expect("every bad input ends within the deadline");
        let lines = run.stderr.lines().count();
        // kafka-topics puts usage errors on stderr with its help table; count
        // only the lines before that table.
        let message_lines = run
            .stderr
            .lines()
            .take_while(|l| !l.starts_with("Option ") && !l.starts_with("usage:"))
            .count();
        let ok = run.code == Some(row.code)
            && message_lines <= 3
            // kafka-topics reports a failed action on stdout, as Kafka does.
            && (lines >= 1 || run.stdout.starts_with("Error while executing topic command : "))
            && (run.stderr.contains(&row.says) || run.stdout.contains(&row.says))
            && !run.stderr.contains("panicked")
            && !run.stderr.contains("RUST_BACKTRACE")
            && !run
                .stderr
                .lines()
                .any(|l| l.starts_with('%') || l.contains("rdkafka#"));
        if !ok {
            failures.push(format!(
                "{:?} {args:?} -> {:?}\n  stderr: {}\n  stdout: {}",
                row.code,
                run.code,
                run.stderr.trim_end(),
                run.stdout.trim_end()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
    // Nothing a rejected command named was created, and nothing was produced.
    assert!(
        !topic_names().contains(&never),
        "a rejected create left {never} behind"
    );
    let run = kt(&[
        "offsets",
        "--bootstrap-server",
        b,
        "--topic",
        e,
        "-o",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        json["partitions"][0]["records"], 0,
        "a rejected produce wrote records"
    );
}
