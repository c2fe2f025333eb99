//! The spec's kafka-topics test vectors (kafka-cli-reference.md §11, 1-15),
//! run through Kafka-named links against Apache Kafka 3.9.

use crate::util::*;

const E: &str = "Error while executing topic command : ";
const WARNING: &str = "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.";

fn assert_usage(run: &Run, first_line: &str) {
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.first_stderr_line(), first_line, "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
}

#[test]
fn v01_no_args_prints_the_help_line_and_table() {
    for name in ["kafka-topics", "kafka-topics.sh"] {
        let run = kafka(name, &[]);
        assert_usage(&run, "Create, delete, describe, or change a topic.");
        assert!(
            run.stderr.contains("--bootstrap-server <String:"),
            "{run:?}"
        );
    }
}

#[test]
fn v02_to_v06_usage_errors() {
    let b = bootstrap();
    let cases: [(&[&str], &str); 5] = [
        (&["--bootstrap-server", &b], "Command must include exactly one action: --list, --describe, --create, --alter or --delete"),
        (&["--create", "--bootstrap-server", &b], "Missing required argument \"[topic]\""),
        (&["--create", "--topic", "t", "--partitions", "1", "--replica-assignment", "0", "--bootstrap-server", &b], "Option \"[replica-assignment]\" can't be used with option \"[partitions]\""),
        (&["--alter", "--topic", "t", "--bootstrap-server", &b], "Missing required argument \"[partitions]\""),
        (&["--describe", "--if-not-exists", "--bootstrap-server", &b], "Option \"[if-not-exists]\" can't be used with option \"[describe]\""),
    ];
    for (args, expected) in cases {
        assert_usage(&kafka("kafka-topics", args), expected);
    }
}

#[test]
fn v07_to_v09_action_errors_go_to_stdout() {
    let b = bootstrap();
    let t = random_name("v7");
    let cases: [(&[&str], String); 3] = [
        (&["--create", "--topic", &t, "--partitions", "0", "--bootstrap-server", &b], format!("{E}The partitions must be greater than 0\n")),
        (&["--create", "--topic", &t, "--config", "foo", "--bootstrap-server", &b], format!("{E}requirement failed: Invalid topic config: all configs to be added must be in the format \"key=val\".\n")),
        (&["--create", "--topic", &t, "--replica-assignment", "0:0", "--bootstrap-server", &b], format!("{E}Partition replica lists may not contain duplicate entries: 0\n")),
    ];
    for (args, expected) in cases {
        let run = kafka("kafka-topics", args);
        assert_eq!(run.code, Some(1), "{run:?}");
        assert_eq!(run.stdout, expected);
    }
    assert!(
        !topic_names().contains(&t),
        "a rejected create must not create the topic"
    );
}

#[test]
fn v10_v11_create_warns_about_collisions_and_duplicates_fail() {
    let b = bootstrap();
    let t = random_name("a.b");
    let args = [
        "--create",
        "--topic",
        &t,
        "--partitions",
        "1",
        "--replication-factor",
        "1",
        "--bootstrap-server",
        &b,
    ];
    let run = kafka("kafka-topics", &args);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, format!("{WARNING}\nCreated topic {t}.\n"));
    assert!(topic_names().contains(&t));

    let again = kafka("kafka-topics", &args);
    assert_eq!(again.code, Some(1), "{again:?}");
    assert_eq!(
        again.stdout,
        format!("{WARNING}\n{E}Topic '{t}' already exists.\n")
    );

    let mut quiet = args.to_vec();
    quiet.push("--if-not-exists");
    let run = kafka("kafka-topics", &quiet);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, format!("{WARNING}\n"));
}

#[test]
fn v12_list_is_sorted_and_filters() {
    let b = bootstrap();
    let prefix = random_name("v12");
    let (a, z) = (format!("{prefix}-a"), format!("{prefix}-z"));
    create_topic(&z, 1);
    create_topic(&a, 1);
    let pattern = format!("{prefix}-.*");
    let run = kafka(
        "kafka-topics",
        &[
            "--list",
            "--exclude-internal",
            "--topic",
            &pattern,
            "--bootstrap-server",
            &b,
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, format!("{a}\n{z}\n"));
    // A comma means "or", and patterns match whole names.
    let either = format!("{a},{z}");
    let run = kafka(
        "kafka-topics",
        &["--list", "--topic", &either, "--bootstrap-server", &b],
    );
    assert_eq!(run.stdout, format!("{a}\n{z}\n"));
    let run = kafka(
        "kafka-topics",
        &["--list", "--topic", &prefix, "--bootstrap-server", &b],
    );
    assert_eq!(run.stdout, "\n");
}

#[test]
fn v13_list_without_a_match_prints_an_empty_line() {
    let b = bootstrap();
    let run = kafka(
        "kafka-topics",
        &["--list", "--topic", "nomatch-xyz", "--bootstrap-server", &b],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "\n");
}

#[test]
fn v14_describe_unknown_topic() {
    let b = bootstrap();
    let run = kafka(
        "kafka-topics",
        &["--describe", "--topic", "nope", "--bootstrap-server", &b],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stdout,
        format!("{E}Topic 'Optional[nope]' does not exist as expected\n")
    );
    let run = kafka(
        "kafka-topics",
        &[
            "--describe",
            "--topic",
            "nope",
            "--if-exists",
            "--bootstrap-server",
            &b,
        ],
    );
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""), "{run:?}");
}

#[test]
fn v15_zookeeper_is_accepted_and_an_unreachable_one_is_one_line() {
    // kt departs from Kafka 3.x here on purpose: it keeps --zookeeper working.
    let run = kafka(
        "kafka-topics",
        &[
            "--list",
            "--zookeeper",
            "127.0.0.1:1",
            "--timeout-ms",
            "3000",
        ],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stdout.starts_with(E), "{run:?}");
    assert!(run.stdout.contains("ZooKeeper at 127.0.0.1:1"), "{run:?}");
    assert_eq!(run.stdout.lines().count(), 1, "{run:?}");
}

#[test]
fn describe_prints_kafkas_lines() {
    let b = bootstrap();
    let t = random_name("desc");
    create_topic(&t, 2);
    let run = kafka(
        "kafka-topics.sh",
        &["--describe", "--topic", &t, "--bootstrap-server", &b],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{run:?}");
    let id = topic_id_in(lines[0], &t);
    // The test broker keeps records forever (log.retention.ms=-1 in its
    // server.properties), a static broker config Kafka lists for every topic.
    assert_eq!(
        lines[0],
        format!("Topic: {t}\tTopicId: {id}\tPartitionCount: 2\tReplicationFactor: 1\tConfigs: retention.ms=-1")
    );
    // --topic-id finds the same topic; an unknown id is Kafka's error.
    let run = kafka(
        "kafka-topics",
        &["--describe", "--topic-id", &id, "--bootstrap-server", &b],
    );
    assert_eq!(run.stdout.lines().next(), Some(lines[0]), "{run:?}");
    let run = kafka(
        "kafka-topics",
        &[
            "--describe",
            "--topic-id",
            "AAAAAAAAAAAAAAAAAAAAAQ",
            "--bootstrap-server",
            &b,
        ],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stdout,
        format!("{E}TopicId 'AAAAAAAAAAAAAAAAAAAAAQ' does not exist as expected\n")
    );
    for (i, line) in lines[1..].iter().enumerate() {
        let prefix = format!("\tTopic: {t}\tPartition: {i}\tLeader: ");
        assert!(line.starts_with(&prefix), "{line}");
        assert!(line.ends_with("\tElr: \tLastKnownElr: "), "{line}");
        assert!(
            line.contains("\tReplicas: ") && line.contains("\tIsr: "),
            "{line}"
        );
    }
}

#[test]
fn describe_filters_hide_healthy_partitions_and_headers() {
    let b = bootstrap();
    let t = random_name("filt");
    create_topic(&t, 1);
    for filter in [
        "--under-replicated-partitions",
        "--unavailable-partitions",
        "--under-min-isr-partitions",
    ] {
        let run = kafka(
            "kafka-topics",
            &[
                "--describe",
                "--topic",
                &t,
                filter,
                "--bootstrap-server",
                &b,
            ],
        );
        assert_eq!(
            (run.code, run.stdout.as_str()),
            (Some(0), ""),
            "{filter}: {run:?}"
        );
    }
    // One replica in the ISR equals the default min.insync.replicas of 1.
    let run = kafka(
        "kafka-topics",
        &[
            "--describe",
            "--topic",
            &t,
            "--at-min-isr-partitions",
            "--bootstrap-server",
            &b,
        ],
    );
    assert_eq!(run.stdout.lines().count(), 1, "{run:?}");
    assert!(
        run.stdout
            .starts_with(&format!("\tTopic: {t}\tPartition: 0")),
        "{run:?}"
    );
}

#[test]
fn delete_is_silent_and_removes_the_topic() {
    let b = bootstrap();
    let t = random_name("del");
    create_topic(&t, 1);
    let run = kafka(
        "kafka-topics",
        &["--delete", "--topic", &t, "--bootstrap-server", &b],
    );
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""), "{run:?}");
    assert!(!topic_names().contains(&t));
    let run = kafka(
        "kafka-topics",
        &["--delete", "--topic", &t, "--bootstrap-server", &b],
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stdout,
        format!("{E}Topic 'Optional[{t}]' does not exist as expected\n")
    );
    let run = kafka(
        "kafka-topics",
        &[
            "--delete",
            "--topic",
            &t,
            "--if-exists",
            "--bootstrap-server",
            &b,
        ],
    );
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""), "{run:?}");
}

#[test]
fn jopt_spellings_are_accepted() {
    let b = bootstrap();
    let t = random_name("jopt");
    // --name=value, single-dash long options, options in any order, stray words.
    let bs = format!("--bootstrap-server={b}");
    let run = kafka(
        "kafka-topics",
        &["-topic", &t, "stray", &bs, "--partitions=2", "--create"],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, format!("Created topic {t}.\n"));
}

#[test]
fn jopt_parse_errors_use_jopts_words() {
    let b = bootstrap();
    let cases: [(&[&str], &str); 3] = [
        (
            &["--list", "--foo", "--bootstrap-server", &b],
            "foo is not a recognized option",
        ),
        (
            &[
                "--create",
                "--topic",
                "t",
                "--partitions",
                "abc",
                "--bootstrap-server",
                &b,
            ],
            "Cannot parse argument 'abc' of option partitions",
        ),
        (
            &["--list", "--bootstrap-server"],
            "Option bootstrap-server requires an argument",
        ),
    ];
    for (args, expected) in cases {
        let run = kafka("kafka-topics", args);
        assert_eq!(run.code, Some(1), "{run:?}");
        // A value that does not convert is a failed action, on stdout (as
        // Apache's TopicCommand reports it); the others are parse errors.
        if expected.starts_with("Cannot parse") {
            assert_eq!(
                run.stdout,
                format!("Error while executing topic command : {expected}\n")
            );
        } else {
            assert_eq!(run.first_stderr_line(), expected);
        }
    }
}

#[test]
fn help_and_version() {
    let run = kafka("kafka-topics", &["--help"]);
    assert_usage(
        &run,
        "This tool helps to create, delete, describe, or change a topic.",
    );
    let run = kafka("kafka-topics", &["--version"]);
    assert_eq!(run.code, Some(0));
    assert_eq!(run.stdout, "3.9.2\n");
}

#[test]
fn missing_bootstrap_server_is_kafkas_message() {
    let run = kafka("kafka-topics", &["--list"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.first_stderr_line(),
        "--bootstrap-server must be specified"
    );
}

/// The TopicId field of a describe header: 22 URL-safe base64 characters.
fn topic_id_in(header: &str, topic: &str) -> String {
    let rest = header
        .strip_prefix(&format!("Topic: {topic}\tTopicId: "))
        .unwrap_or_else(|| panic!("no TopicId in {header:?}"));
    let id = rest.split('\t').next().unwrap_or_default().to_string();
    assert_eq!(id.len(), 22, "{id}");
    assert!(
        id.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
        "{id}"
    );
    id
}
