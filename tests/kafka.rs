//! What our first test broker (tansu) could not test, on Apache Kafka 3.9: group offsets committed
//! and resumed, partitions added, topic config overrides, transactions.

use serde_json::json;

use crate::util::*;
use kt_testkit::kafka as kafka_node;

/// Produces `n` records `r0..` to `topic` on the Kafka node.
fn produce(topic: &str, n: usize, from: usize) {
    let b = kafka_node().address();
    let lines: String = (from..from + n).map(|i| format!("r{i}\n")).collect();
    let run = kt_in(&["produce", "-b", &b, "-t", topic], lines.as_bytes());
    assert_eq!(run.code, Some(0), "{run:?}");
}

/// A group consumes part of a topic, stops, and resumes where it stopped:
/// no record twice, none skipped, across three partitions. (Before kt stored
/// only printed offsets, closing the consumer committed the records fetched
/// ahead of `--max-messages`, and the second run skipped them.)
#[test]
fn a_group_resumes_where_it_stopped() {
    let b = kafka_node().address();
    let t = random_name("resume");
    create_topic_on(&b, &t, 3);
    produce(&t, 30, 0);
    let g = random_name("group");
    let first = kt(&[
        "consume",
        "-b",
        &b,
        "-t",
        &t,
        "--group",
        &g,
        "--from-beginning",
        "--max-messages",
        "12",
    ]);
    assert_eq!(first.code, Some(0), "{first:?}");
    assert_eq!(first.stdout.lines().count(), 12, "{first:?}");
    produce(&t, 10, 30);
    // --from-beginning only decides where partitions without a commit start.
    let rest = kt(&[
        "consume",
        "-b",
        &b,
        "-t",
        &t,
        "--group",
        &g,
        "--from-beginning",
        "--timeout-ms",
        "3000",
    ]);
    assert_eq!(rest.code, Some(0), "{rest:?}");
    let mut seen: Vec<&str> = first.stdout.lines().chain(rest.stdout.lines()).collect();
    let total = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), total, "a record came twice");
    assert_eq!(total, 40, "first {first:?}\nrest {rest:?}");
}

/// `--alter --partitions` grows a topic; Kafka's own tool describes it alike.
#[test]
fn alter_partitions_and_config_overrides_on_kafka() {
    let b = kafka_node().address();
    let t = random_name("alter");
    let run = kafka_topics(&[
        "--bootstrap-server",
        &b,
        "--create",
        "--topic",
        &t,
        "--partitions",
        "1",
        "--replication-factor",
        "1",
        "--config",
        "retention.ms=86400000",
        "--config",
        "cleanup.policy=compact",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = kafka_topics(&[
        "--bootstrap-server",
        &b,
        "--alter",
        "--topic",
        &t,
        "--partitions",
        "3",
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""), "{run:?}");
    let ours = kafka_topics(&["--bootstrap-server", &b, "--describe", "--topic", &t]);
    let apache = kt_testkit::run_tool(
        kt_testkit::KAFKA_3,
        "org.apache.kafka.tools.TopicCommand",
        &["--bootstrap-server", &b, "--describe", "--topic", &t],
        b"",
        DEADLINE,
    )
    .unwrap();
    assert_eq!(ours.stdout, apache.stdout, "{ours:?}\n{apache:?}");
    assert!(
        ours.stdout.contains("PartitionCount: 3\tReplicationFactor: 1\tConfigs: cleanup.policy=compact,retention.ms=86400000\n"),
        "{ours:?}"
    );
    let overrides = kafka_topics(&[
        "--bootstrap-server",
        &b,
        "--describe",
        "--topic",
        &t,
        "--topics-with-overrides",
    ]);
    assert!(
        overrides.stdout.starts_with(&format!("Topic: {t}\t")),
        "{overrides:?}"
    );
    assert_eq!(overrides.stdout.lines().count(), 1, "{overrides:?}");
}

/// A transactional perf run commits every record: a read_committed
/// consumer sees them all.
#[test]
fn perf_producer_transactions_commit_on_kafka() {
    let b = kafka_node().address();
    let t = random_name("tx");
    create_topic_on(&b, &t, 2);
    let run = kt(&[
        "perf",
        "producer",
        "-b",
        &b,
        "-t",
        &t,
        "--num-records",
        "2000",
        "--record-size",
        "50",
        "--throughput",
        "-1",
        "--transactional-id",
        &random_name("txid"),
        "--transaction-duration-ms",
        "100",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let read = kt(&[
        "consume",
        "-b",
        &b,
        "-t",
        &t,
        "--from-beginning",
        "--exit",
        "--isolation-level",
        "read_committed",
        "--formatter",
        "org.apache.kafka.tools.consumer.NoOpMessageFormatter",
    ]);
    assert_eq!(read.code, Some(0), "{read:?}");
    assert_eq!(
        read.stderr, "Processed a total of 2000 messages\n",
        "{read:?}"
    );
}

/// `--exit` copies a topic exactly through the JSON envelope, on Kafka.
#[test]
fn exit_and_json_copy_a_topic_on_kafka() {
    let b = kafka_node().address();
    let (from, to) = (random_name("copy-from"), random_name("copy-to"));
    create_topic_on(&b, &from, 2);
    create_topic_on(&b, &to, 2);
    let records: String = (0..20)
        .map(|i| format!("{}\n", json!({"partition": i % 2, "key": format!("k{i}"), "value": format!("v{i}"), "timestamp": 1_700_000_000_000i64 + i})))
        .collect();
    let run = kt_in(
        &["produce", "-b", &b, "-t", &from, "--input", "json"],
        records.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let dump = consume_all_on(&b, &from);
    assert_eq!(dump.len(), 20, "{dump:?}");
    let input: String = dump.iter().map(|r| format!("{r}\n")).collect();
    let run = kt_in(
        &["produce", "-b", &b, "-t", &to, "--input", "json"],
        input.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let strip = |records: Vec<serde_json::Value>| {
        let mut v: Vec<String> = records
            .into_iter()
            .map(|mut r| {
                r["topic"] = json!(null);
                r.to_string()
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(strip(consume_all_on(&b, &to)), strip(dump));
}

fn kafka_topics(args: &[&str]) -> Run {
    kafka("kafka-topics", args)
}
