//! GetOffsetShell (kafka-get-offsets, kafka-run-class) and `kt offsets`
//! against Apache Kafka 3.9: the spec's vectors 32-35, every --time form, filters.

use crate::util::*;

/// A topic with `partitions` partitions and `n` records in partition `p`.
fn topic_with(partitions: u32, p: &str, n: usize) -> String {
    let t = random_name("offsets");
    create_topic(&t, partitions);
    produce_lines(&t, p, n);
    t
}

/// `n` records `r0`, `r1`, ... into partition `p` of `topic`.
fn produce_lines(topic: &str, p: &str, n: usize) {
    let b = bootstrap();
    let input: String = (0..n).map(|i| format!("r{i}\n")).collect();
    let run = kt_in(
        &[
            "produce",
            "--bootstrap-server",
            &b,
            "--topic",
            topic,
            "--partition",
            p,
        ],
        input.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn v32_v33_v35_usage_and_errors() {
    let b = bootstrap();
    let run = kafka("kafka-get-offsets", &[]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.first_stderr_line(),
        "An interactive shell for getting topic-partition offsets."
    );
    let run = kafka(
        "kafka-get-offsets",
        &["--bootstrap-server", &b, "--time", "abc"],
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stderr, "Error occurred: Malformed time argument abc. Please use -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or latest-tiered, or a specified long format timestamp\n");
    let run = kafka(
        "kafka-get-offsets.sh",
        &["--bootstrap-server", &b, "--topic", "nope-no-such"],
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr,
        "Error occurred: Could not match any topic-partitions with the specified filters\n"
    );
    let run = kafka(
        "kafka-get-offsets",
        &["--bootstrap-server", &b, "--partitions", "1,x"],
    );
    assert_eq!(run.stderr, "Error occurred: --partitions expects a comma separated list of numeric partition ids, but received: 1,x\n");
    let run = kafka(
        "kafka-get-offsets",
        &["--bootstrap-server", &b, "--topic-partitions", "t:x"],
    );
    // As Apache's tool prints it: the exception's name, then the first line
    // of the RuntimeException's trace.
    assert_eq!(
        run.stderr,
        "Error occurred: org.apache.kafka.tools.TerseException: Invalid rule specification: t:x\n\
         java.lang.RuntimeException: org.apache.kafka.tools.TerseException: Invalid rule specification: t:x\n"
    );
}

#[test]
fn v34_partitions_sort_as_strings() {
    let b = bootstrap();
    let t = random_name("v34");
    create_topic(&t, 12);
    let run = kafka(
        "kafka-get-offsets",
        &["--bootstrap-server", &b, "--topic", &t],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let expected: Vec<String> = [0, 1, 10, 11, 2, 3, 4, 5, 6, 7, 8, 9]
        .iter()
        .map(|p| format!("{t}:{p}:0"))
        .collect();
    assert_eq!(run.stdout.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn the_seed_get_offset_shell_line_and_time_forms() {
    let b = bootstrap();
    let t = topic_with(2, "1", 5);
    // kafka-run-class kafka.tools.GetOffsetShell --broker-list node4:9092 --topic canteen --time -1
    let run = kafka(
        "kafka-run-class",
        &[
            "kafka.tools.GetOffsetShell",
            "--broker-list",
            &b,
            "--topic",
            &t,
            "--time",
            "-1",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, format!("{t}:0:0\n{t}:1:5\n"));
    for (time, expected) in [("latest", 5), ("-2", 0), ("earliest", 0)] {
        let run = kafka(
            "kafka-get-offsets",
            &[
                "--bootstrap-server",
                &b,
                "--topic",
                &t,
                "--partitions",
                "1",
                "--time",
                time,
            ],
        );
        assert_eq!(run.stdout, format!("{t}:1:{expected}\n"), "{time}: {run:?}");
    }
    let run = kafka(
        "kafka-run-class.sh",
        &[
            "org.apache.kafka.tools.GetOffsetShell",
            "--bootstrap-server",
            &b,
            "--topic-partitions",
            &format!("{t}:1-"),
        ],
    );
    assert_eq!(run.stdout, format!("{t}:1:5\n"), "{run:?}");
    // kt takes RFC 3339 and relative times too.
    let run = kt(&[
        "offsets",
        "--bootstrap-server",
        &b,
        "--topic",
        &t,
        "--partitions",
        "1",
        "--time",
        "-1h",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["offsets"][0]["offset"], 0, "{json}");
}

#[test]
fn kt_offsets_without_time_counts_records() {
    let b = bootstrap();
    let t = topic_with(3, "2", 7);
    let run = kt(&[
        "offsets",
        "--bootstrap-server",
        &b,
        "--topic",
        &t,
        "-o",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let parts = json["partitions"].as_array().unwrap();
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[2]["latest"], 7);
    assert_eq!(parts[2]["records"], 7);
    assert_eq!(
        parts
            .iter()
            .map(|p| p["records"].as_i64().unwrap())
            .sum::<i64>(),
        7
    );
    let run = kt(&["offsets", "--bootstrap-server", &b, "--topic", &t]);
    assert!(
        run.stdout.contains("EARLIEST") && run.stdout.contains("RECORDS"),
        "{run:?}"
    );
    let run = kt(&[
        "offsets",
        "--bootstrap-server",
        &b,
        "--topic",
        &t,
        "--time",
        "yesterday",
    ]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .starts_with("kt: Malformed time argument yesterday."),
        "{run:?}"
    );
}

#[test]
fn regex_topics_and_every_time_form() {
    let b = bootstrap();
    let prefix = random_name("rx");
    let (a, c) = (format!("{prefix}-a"), format!("{prefix}-c"));
    create_topic(&a, 2);
    create_topic(&c, 1);
    produce_lines(&a, "0", 4);
    produce_lines(&c, "0", 2);
    let pattern = format!("{prefix}-.*");
    let at = |time: &str| {
        kafka(
            "kafka-get-offsets",
            &[
                "--bootstrap-server",
                &b,
                "--topic",
                &pattern,
                "--time",
                time,
            ],
        )
    };
    let latest = format!("{a}:0:4\n{a}:1:0\n{c}:0:2\n");
    let earliest = format!("{a}:0:0\n{a}:1:0\n{c}:0:0\n");
    // Every record is younger than 2020, so the first offset at or after it
    // is 0; the empty partition has none, and Kafka's tool leaves it out.
    let since_2020 = format!("{a}:0:0\n{c}:0:0\n");
    for (time, expected) in [
        ("-1", &latest),
        ("latest", &latest),
        ("-2", &earliest),
        ("earliest", &earliest),
        ("1577836800000", &since_2020),
    ] {
        let run = at(time);
        assert_eq!(
            (run.code, &run.stdout),
            (Some(0), expected),
            "{time}: {run:?}"
        );
    }
    let apache = kt_testkit::run_tool(
        kt_testkit::KAFKA_3,
        "org.apache.kafka.tools.GetOffsetShell",
        &[
            "--bootstrap-server",
            &b,
            "--topic",
            &pattern,
            "--time",
            "1577836800000",
        ],
        b"",
        std::time::Duration::from_secs(60),
    )
    .expect("running Apache's GetOffsetShell");
    assert_eq!(apache.stdout, since_2020, "{apache:?}");
    // kt's own forms of a time.
    let run = kt(&[
        "offsets",
        "--bootstrap-server",
        &b,
        "--topic",
        &pattern,
        "--time",
        "2020-01-01T00:00:00Z",
    ]);
    assert_eq!(run.stdout, since_2020, "{run:?}");
    // Tiered-storage specs cannot go through librdkafka: one line, no partial output.
    for time in ["-4", "latest-tiered"] {
        let run = at(time);
        assert_eq!((run.code, run.stdout.as_str()), (Some(1), ""), "{run:?}");
        assert!(run.stderr.starts_with("Error occurred: --time"), "{run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    }
    // Several topics at once in kt's view: table and JSON agree with what was produced.
    let run = kt(&[
        "offsets",
        "--bootstrap-server",
        &b,
        "--topic",
        &pattern,
        "-o",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rows: Vec<(String, i64, i64)> = json["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["topic"].as_str().unwrap().to_string(),
                p["partition"].as_i64().unwrap(),
                p["records"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![(a.clone(), 0, 4), (a.clone(), 1, 0), (c.clone(), 0, 2)]
    );
    let run = kt(&[
        "offsets",
        "--bootstrap-server",
        &b,
        "--topic",
        &pattern,
        "-o",
        "table",
    ]);
    let row_for_c = run
        .stdout
        .lines()
        .find(|l| l.contains(&c))
        .unwrap_or_default()
        .to_string();
    let cells: Vec<&str> = row_for_c
        .split(['│', '┆'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(cells, vec![c.as_str(), "0", "0", "2", "2"], "{run:?}");
    // An empty match and --exclude-internal-topics with a pattern that matches nothing.
    let run = kt(&[
        "offsets",
        "--bootstrap-server",
        &b,
        "--topic",
        "kt-no-such-.*",
        "--time",
        "-1",
    ]);
    assert_eq!(run.code, Some(3), "{run:?}");
}
