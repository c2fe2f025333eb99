//! kafka-delete-records / `kt delete-records` on Apache Kafka: the log
//! start each reports is the one Apache's GetOffsetShell then reads, and
//! kt's own `--topic --before` form cuts where it says. The differential
//! suite covers the option and error paths.

use serde_json::json;

use crate::util::*;

/// Each partition's earliest offset, as Apache's GetOffsetShell reads it.
fn log_starts(topic: &str) -> String {
    kt_testkit::run_tool(
        kt_testkit::KAFKA_3,
        "org.apache.kafka.tools.GetOffsetShell",
        &[
            "--bootstrap-server",
            &bootstrap(),
            "--topic",
            topic,
            "--time",
            "-2",
        ],
        b"",
        DEADLINE,
    )
    .expect("running Apache's GetOffsetShell")
    .stdout
}

#[test]
fn deleted_records_are_gone_where_the_tool_says() {
    let b = bootstrap();
    let topic = random_name("delrec");
    create_topic(&topic, 2);
    let old = 1_700_000_000_000i64;
    let records: Vec<serde_json::Value> = (0..4)
        .map(|i| json!({"partition": 0, "value": format!("v{i}"), "timestamp": old + i * 60_000}))
        .chain([json!({"partition": 1, "value": "w", "timestamp": old})])
        .collect();
    produce_json_on(&b, &topic, &records);
    // Kafka's file through the Kafka name.
    let file = tempfile::NamedTempFile::new().unwrap();
    let cuts = json!({"partitions": [{"topic": topic, "partition": 0, "offset": 1}], "version": 1});
    std::fs::write(file.path(), cuts.to_string()).unwrap();
    let path = file.path().to_string_lossy().into_owned();
    let run = kafka(
        "kafka-delete-records",
        &["--bootstrap-server", &b, "--offset-json-file", &path],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        format!("Executing records delete operation\nRecords delete operation completed:\npartition: {topic}-0\tlow_watermark: 1\n")
    );
    assert_eq!(log_starts(&topic), format!("{topic}:0:1\n{topic}:1:0\n"));
    // kt's own form: before a time (v2's), then everything of partition 1.
    let at = chrono::DateTime::from_timestamp_millis(old + 2 * 60_000)
        .unwrap()
        .to_rfc3339();
    let run = kt(&[
        "delete-records",
        "-b",
        &b,
        "--topic",
        &topic,
        "--partition",
        "0",
        "--before",
        &at,
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        format!("partition: {topic}-0\tlow_watermark: 2\n")
    );
    let run = kt(&[
        "delete-records",
        "-b",
        &b,
        "--topic",
        &topic,
        "--partition",
        "1",
        "--before",
        "end",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["partitions"][0]["low_watermark"], 1, "{v}");
    assert_eq!(log_starts(&topic), format!("{topic}:0:2\n{topic}:1:1\n"));
    let rest: Vec<String> = consume_all(&topic)
        .iter()
        .map(|r| r["value"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(rest, vec!["v2", "v3"]);
    // Past the end is the broker's refusal: exit 1 under kt's name, one line.
    let run = kt(&[
        "delete-records",
        "-b",
        &b,
        "--topic",
        &topic,
        "--partition",
        "0",
        "--before",
        "99",
    ]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stdout.contains("OffsetOutOfRangeException"), "{run:?}");
    // A topic that does not exist: exit 3.
    let nosuch = random_name("delrec-nosuch");
    let run = kt(&[
        "delete-records",
        "-b",
        &b,
        "--topic",
        &nosuch,
        "--before",
        "end",
    ]);
    assert_eq!(run.code, Some(3), "{run:?}");
}
