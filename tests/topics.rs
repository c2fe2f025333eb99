//! `kt topics`: the native form, its output formats and exit codes.

use std::io::Write as _;

use crate::util::*;

#[test]
fn create_describe_list_delete_round_trip_as_json() {
    let b = bootstrap();
    let t = random_name("native");
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--create",
        "--topic",
        &t,
        "--partitions",
        "3",
        "--replication-factor",
        "1",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let created: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(created["action"], "create");
    assert_eq!(created["topics"], serde_json::json!([t]));

    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--describe",
        "--topic",
        &t,
        "--output",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let topic = &json["topics"][0];
    assert_eq!(topic["name"], t.as_str());
    assert_eq!(topic["partition_count"], 3);
    assert_eq!(topic["replication_factor"], 1);
    let partitions = topic["partitions"].as_array().unwrap();
    assert_eq!(partitions.len(), 3);
    for (i, p) in partitions.iter().enumerate() {
        assert_eq!(p["partition"], i);
        assert!(p["leader"].is_i64(), "{p}");
        assert_eq!(p["replicas"].as_array().unwrap().len(), 1);
    }

    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--list",
        "--topic",
        &t,
        "-o",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["topics"][0]["partitions"], 3);
    assert_eq!(json["topics"][0]["internal"], false);

    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--delete",
        "--topic",
        &t,
        "-o",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let deleted: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(deleted["topics"], serde_json::json!([t]));
    assert!(!topic_names().contains(&t));
}

#[test]
fn table_output_is_for_people() {
    let b = bootstrap();
    let t = random_name("table");
    create_topic(&t, 2);
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--describe",
        "--topic",
        &t,
        "--output",
        "table",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.contains("PARTITION") && run.stdout.contains("LEADER"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.matches(&t).count(), 3, "{}", run.stdout);
}

#[test]
fn exit_codes_are_documented_ones() {
    let b = bootstrap();
    // 3: not found
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--describe",
        "--topic",
        "no-such-topic-kt",
    ]);
    assert_eq!(run.code, Some(3), "{run:?}");
    assert_eq!(
        run.stderr,
        "kt: Topic 'no-such-topic-kt' does not exist as expected\n"
    );
    // 2: usage
    let run = kt(&["topics", "--bootstrap-server", &b]);
    assert_eq!(run.code, Some(2), "{run:?}");
    // 1: the broker refused
    let t = random_name("dup");
    create_topic(&t, 1);
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--create",
        "--topic",
        &t,
    ]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.contains(&format!("Topic '{t}' already exists.")),
        "{run:?}"
    );
}

#[test]
fn bad_input_is_one_clear_line_and_no_panic() {
    let b = bootstrap();
    let missing = "/nonexistent/client.properties";
    let cases: [(&[&str], i32, &str); 9] = [
        (
            &["topics", "--bootstrap-server", &b, "--list", "--topci", "x"],
            2,
            "did you mean '--topic'",
        ),
        (
            &["topics", "--bootstrap-server", &b, "--create"],
            2,
            "missing --topic; see 'kt topics --help'",
        ),
        (
            &[
                "topics",
                "--bootstrap-server",
                &b,
                "--create",
                "--topic",
                "neg",
                "--partitions",
                "-3",
            ],
            2,
            "The partitions must be greater than 0",
        ),
        (
            &[
                "topics",
                "--bootstrap-server",
                &b,
                "--create",
                "--topic",
                "bad name",
            ],
            2,
            "Topic name is invalid: ",
        ),
        (
            &[
                "topics",
                "--bootstrap-server",
                &b,
                "--create",
                "--topic",
                "cfg",
                "--config",
                "retention.mss=1",
            ],
            2,
            "Unknown topic config name: retention.mss",
        ),
        (
            &[
                "topics",
                "--bootstrap-server",
                &b,
                "--create",
                "--topic",
                "ra",
                "--replica-assignment",
                "1:x",
            ],
            2,
            "For input string: \"x\"",
        ),
        (
            &[
                "topics",
                "--bootstrap-server",
                &b,
                "--list",
                "--command-config",
                missing,
            ],
            2,
            "no such file",
        ),
        (
            &[
                "topics",
                "--bootstrap-server",
                &b,
                "--list",
                "--command-property",
                "compression.type=foo",
            ],
            2,
            "'compression.type'",
        ),
        (
            &[
                "topics",
                "--bootstrap-server",
                &b,
                "--list",
                "--topic",
                "a(",
            ],
            2,
            "a( is an invalid regex.",
        ),
    ];
    for (args, code, needle) in cases {
        let run = kt(args);
        assert_eq!(run.code, Some(code), "{args:?}: {run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {run:?}");
        assert!(run.stderr.contains(needle), "{args:?}: {run:?}");
        assert!(!run.stderr.contains("panicked"), "{run:?}");
    }
    for name in ["neg", "bad name", "cfg", "ra"] {
        assert!(
            !topic_names().iter().any(|t| t == name),
            "{name} must not be created"
        );
    }
}

#[test]
fn unreachable_and_unresolvable_brokers_fail_fast_with_one_line() {
    let port = kt_testkit::free_port().unwrap().to_string();
    for server in [
        format!("127.0.0.1:{port}"),
        "nohost.invalid:9092".to_string(),
    ] {
        let run = kt(&["topics", "--bootstrap-server", &server, "--list"]);
        assert_eq!(run.code, Some(4), "{run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
        assert!(
            run.stderr
                .starts_with(&format!("kt: cannot connect to {server}: "))
                && run.stderr.ends_with("; check --bootstrap-server\n"),
            "{run:?}"
        );
        assert_eq!(run.stdout, "");
    }
}

#[test]
fn unknown_java_properties_warn_and_known_ones_are_translated() {
    let b = bootstrap();
    let mut file = tempfile::NamedTempFile::new().unwrap();
    writeln!(file, "# admin settings\nkey.serializer=org.apache.kafka.common.serialization.StringSerializer\nno.such.setting=1\nsecurity.protocol=PLAINTEXT\ndefault.api.timeout.ms=20000").unwrap();
    let path = file.path().to_str().unwrap();
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--list",
        "--command-config",
        path,
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stderr,
        "WARN The configuration 'no.such.setting' was supplied but isn't a known config.\n"
    );
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--list",
        "-X",
        "no.such.setting=1",
    ]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("unknown librdkafka property 'no.such.setting'"),
        "{run:?}"
    );
}

#[test]
fn librdkafka_logs_only_under_verbose() {
    let port = kt_testkit::free_port().unwrap().to_string();
    let server = format!("127.0.0.1:{port}");
    let quiet = kt(&["topics", "--bootstrap-server", &server, "--list"]);
    assert!(!quiet.stderr.contains("librdkafka"), "{quiet:?}");
    let loud = kt(&[
        "topics",
        "--bootstrap-server",
        &server,
        "--list",
        "--verbose",
    ]);
    assert!(loud.stderr.contains("librdkafka"), "{loud:?}");
}

#[test]
fn alter_changes_configs_and_names_an_api_the_broker_lacks() {
    let b = bootstrap();
    let t = random_name("alter");
    create_topic(&t, 1);
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--alter",
        "--topic",
        &t,
        "--config",
        "retention.ms=60000",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, format!("Updated config for topic {t}.\n"));
    // Fewer partitions is refused before anything is sent.
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--alter",
        "--topic",
        &t,
        "--partitions",
        "1",
    ]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stderr, "kt: Topic already has 1 partition(s).\n");
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--alter",
        "--topic",
        &t,
        "--partitions",
        "4",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let json = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--describe",
        "--topic",
        &t,
        "-o",
        "json",
    ]);
    assert!(json.stdout.contains("\"partition_count\": 4"), "{json:?}");
}

#[test]
fn mock_cluster_needs_no_broker() {
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        "mock",
        "--create",
        "--topic",
        "demo",
        "--partitions",
        "3",
        "--replication-factor",
        "3",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "Created topic demo.\n");
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        "mock:1",
        "--create",
        "--topic",
        "demo",
        "--replication-factor",
        "3",
    ]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("only 1 broker(s)"), "{run:?}");
    // Without a bootstrap server, the mock is not used silently (it would
    // vanish with the command): see first_hour.rs.
}

#[test]
fn kafka_usage_vectors_read_the_same_through_kt_topics() {
    let b = bootstrap();
    let cases: [(&[&str], &str); 5] = [
        (&["--bootstrap-server", &b], "Command must include exactly one action: --list, --describe, --create, --alter or --delete"),
        (&["--create", "--bootstrap-server", &b], "missing --topic; see 'kt topics --help'"),
        (&["--create", "--topic", "t", "--partitions", "1", "--replica-assignment", "0", "--bootstrap-server", &b], "Option \"[replica-assignment]\" can't be used with option \"[partitions]\""),
        (&["--alter", "--topic", "t", "--bootstrap-server", &b], "missing --partitions; see 'kt topics --help'"),
        (&["--describe", "--if-not-exists", "--bootstrap-server", &b], "Option \"[if-not-exists]\" can't be used with option \"[describe]\""),
    ];
    for (args, expected) in cases {
        let mut argv = vec!["topics"];
        argv.extend_from_slice(args);
        let run = kt(&argv);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert_eq!(run.stderr, format!("kt: {expected}\n"));
    }
    let t = random_name("native-v7");
    let run = kt(&[
        "topics",
        "--create",
        "--topic",
        &t,
        "--partitions",
        "0",
        "--bootstrap-server",
        &b,
    ]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (Some(2), "kt: The partitions must be greater than 0\n")
    );
}

#[test]
fn completions_and_man_pages_are_generated() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = kt(&["completions", shell]);
        assert_eq!(run.code, Some(0), "{shell}: {run:?}");
        assert!(run.stdout.contains("topics"), "{shell}");
    }
    let run = kt(&["man"]);
    assert_eq!(run.code, Some(0));
    assert!(
        run.stdout.starts_with(".ie") || run.stdout.contains(".TH kt"),
        "{}",
        &run.stdout[..80.min(run.stdout.len())]
    );
}
