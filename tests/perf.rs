//! kafka-producer-perf-test / kafka-consumer-perf-test and `kt perf` against
//! Apache Kafka 3.9: the seed's commands verbatim, each option, JSON, bad input.

use std::time::Instant;

use regex::Regex;

use crate::util::*;

const FINAL: &str = r"^\d+ records sent, \d+\.\d{6} records/sec \(\d+\.\d{2} MB/sec\), \d+\.\d{2} ms avg latency, \d+\.\d{2} ms max latency, \d+ ms 50th, \d+ ms 95th, \d+ ms 99th, \d+ ms 99\.9th\.$";
const WINDOW: &str = r"^\d+ records sent, \d+\.\d records/sec \(\d+\.\d{2} MB/sec\), \d+\.\d ms avg latency, \d+\.\d ms max latency\.$";
const HEADER: &str = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";
const SUMMARY: &str = r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\d{3}, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\d{3}, \d+\.\d{4}, \d+\.\d{4}, (\d+), \d+\.\d{4}, \d+, \d+, \d+\.\d{4}, \d+\.\d{4}$";

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap()
}

#[test]
fn the_seed_commands_run_verbatim() {
    let b = bootstrap();
    let t = random_name("test-topic");
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--create",
        "--topic",
        &t,
        "--partitions",
        "3",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let props = format!("bootstrap.servers={b}");
    let run = kafka_long(
        "kafka-producer-perf-test",
        &[
            "--topic",
            &t,
            "--num-records",
            "500000",
            "--record-size",
            "200",
            "--throughput",
            "-1",
            "--producer-props",
            &props,
            "acks=-1",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    let last = lines.last().unwrap();
    assert!(re(FINAL).is_match(last), "{last}");
    assert!(last.starts_with("500000 records sent, "), "{last}");
    for window in &lines[..lines.len() - 1] {
        assert!(re(WINDOW).is_match(window), "{window}");
    }
    let run = kafka_long(
        "kafka-consumer-perf-test",
        &[
            "--broker-list",
            &b,
            "--fetch-size",
            "200",
            "--messages",
            "500000",
            "--topic",
            &t,
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{run:?}");
    assert_eq!(lines[0], HEADER);
    let caps = re(SUMMARY)
        .captures(lines[1])
        .unwrap_or_else(|| panic!("{}", lines[1]));
    assert_eq!(&caps[1], "500000");
}

#[test]
fn v26_to_v28_producer_perf_usage() {
    let run = kafka("kafka-producer-perf-test", &[]);
    assert_eq!(run.code, Some(0));
    assert!(
        run.stdout.starts_with("usage: producer-performance [-h]"),
        "{run:?}"
    );
    let run = kafka(
        "kafka-producer-perf-test",
        &[
            "--topic",
            "t",
            "--num-records",
            "10",
            "--throughput",
            "-1",
            "--record-size",
            "10",
        ],
    );
    assert_eq!(run.code, Some(1));
    // argparse4j wraps and justifies its error at 75 columns.
    assert!(
        run.stderr.ends_with("producer-performance: error: Either  --producer-props  or --producer.config\nmust be specified.\n"),
        "{run:?}"
    );
    let run = kafka(
        "kafka-producer-perf-test",
        &[
            "--topic",
            "t",
            "--num-records",
            "10",
            "--throughput",
            "-1",
            "--record-size",
            "10",
            "--payload-file",
            "f",
            "--producer-props",
            "bootstrap.servers=x:1",
        ],
    );
    assert!(
        run.stderr.ends_with("producer-performance: error:  argument  --payload-file:  not  allowed  with\nargument --record-size\n"),
        "{run:?}"
    );
    let run = kafka("kafka-producer-perf-test", &["--trans", "x"]);
    assert!(
        run.stderr.ends_with("producer-performance: error:  ambiguous  option:  --trans  could  match  --\ntransaction-duration-ms, --transactional-id\n"),
        "{run:?}"
    );
}

#[test]
fn v30_v31_consumer_perf_usage_and_timeout() {
    let b = bootstrap();
    let run = kafka(
        "kafka-consumer-perf-test",
        &["--bootstrap-server", &b, "--messages", "10"],
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.first_stderr_line(),
        "Missing required argument \"[topic]\""
    );
    let t = random_name("v31");
    create_topic(&t, 1);
    assert_eq!(
        kt_in(
            &["produce", "--bootstrap-server", &b, "--topic", &t],
            b"1\n2\n3\n4\n5\n"
        )
        .code,
        Some(0)
    );
    // kafka-consumer-perf-test on the topic with these flags after Kafka's.
    let perf = |more: &[&str]| {
        let mut args = vec!["--bootstrap-server", b.as_str(), "--topic", t.as_str()];
        args.extend_from_slice(more);
        kafka("kafka-consumer-perf-test", &args)
    };
    // All five within a generous timeout (a fresh broker creates its
    // offsets topic at the first group, which can take longer than the
    // second below).
    let run = perf(&["--messages", "5", "--timeout", "30000"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let summary = run.stdout.lines().nth(1).unwrap_or_default();
    assert_eq!(&re(SUMMARY).captures(summary).unwrap()[1], "5", "{run:?}");
    let run = perf(&["--messages", "10", "--timeout", "1000"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], HEADER);
    assert_eq!(lines[1], "WARNING: Exiting before consuming the expected number of messages: timeout (1000 ms) exceeded. You can use the --timeout option to increase the timeout.");
    assert_eq!(&re(SUMMARY).captures(lines[2]).unwrap()[1], "5", "{run:?}");
    // --hide-header and --from-latest: nothing new arrives, no header.
    let run = perf(&[
        "--messages",
        "5",
        "--timeout",
        "1000",
        "--from-latest",
        "--hide-header",
    ]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("WARNING: Exiting before"), "{run:?}");
    assert_eq!(&re(SUMMARY).captures(lines[1]).unwrap()[1], "0");
    // Detailed stats: the other header and no summary line.
    let run = perf(&[
        "--messages",
        "5",
        "--show-detailed-stats",
        "--reporting-interval",
        "1",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout
            .starts_with("time, threadId, data.consumed.in.MB"),
        "{run:?}"
    );
    assert!(
        !run.stdout.contains(", 5, "),
        "no summary in detailed mode: {run:?}"
    );
}

#[test]
fn payload_options_shape_the_records() {
    let b = bootstrap();
    let t = random_name("payload");
    create_topic(&t, 1);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("payloads");
    std::fs::write(&file, "alpha|beta|gamma|").unwrap();
    let path = file.to_str().unwrap();
    let run = kt(&[
        "perf",
        "producer",
        "--bootstrap-server",
        &b,
        "--topic",
        &t,
        "--num-records",
        "30",
        "--payload-file",
        path,
        "--payload-delimiter",
        "|",
        "--throughput",
        "-1",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("Number of messages read: 3"), "{run:?}");
    let values: Vec<String> = consume_all(&t)
        .iter()
        .map(|r| r["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(values.len(), 30);
    assert!(
        values
            .iter()
            .all(|v| ["alpha", "beta", "gamma"].contains(&v.as_str())),
        "{values:?}"
    );

    let t2 = random_name("size");
    create_topic(&t2, 1);
    let run = kt(&[
        "perf",
        "producer",
        "--bootstrap-server",
        &b,
        "--topic",
        &t2,
        "--num-records",
        "20",
        "--record-size",
        "37",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let records = consume_all(&t2);
    assert_eq!(records.len(), 20);
    assert!(records
        .iter()
        .all(|r| r["value"].as_str().unwrap().len() == 37
            && r["value"]
                .as_str()
                .unwrap()
                .bytes()
                .all(|c| c.is_ascii_uppercase())));

    let t3 = random_name("mono");
    create_topic(&t3, 1);
    let run = kt(&[
        "perf",
        "producer",
        "--bootstrap-server",
        &b,
        "--topic",
        &t3,
        "--num-records",
        "5",
        "--payload-monotonic",
        "--warmup-records",
        "2",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.starts_with("Warmup first 2 records. Steady state results will print after the complete test summary.\nBeginning steady state.\n"), "{run:?}");
    assert!(
        run.stdout.contains(" steady state records sent, "),
        "{run:?}"
    );
    let values: Vec<String> = consume_all(&t3)
        .iter()
        .map(|r| r["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(values, ["0", "1", "2", "3", "4"]);
}

#[test]
fn throughput_throttles_and_json_counts_match() {
    let b = bootstrap();
    let t = random_name("throttle");
    create_topic(&t, 1);
    let started = Instant::now();
    let run = kt(&[
        "perf",
        "producer",
        "--bootstrap-server",
        &b,
        "--topic",
        &t,
        "--num-records",
        "300",
        "--record-size",
        "10",
        "--throughput",
        "200",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    // 300 records at 200 per second cannot take less than a second.
    assert!(started.elapsed().as_secs_f64() >= 1.0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["records"]["acked"], 300);
    assert_eq!(report["records"]["failed"], 0);
    assert_eq!(report["bytes"], 3000);
    assert_eq!(report["latency_us"]["count"], 300);
    assert_eq!(report["latency_from_schedule_us"]["count"], 300);
    assert!(
        report["latency_from_schedule_us"]["p50"].as_u64() >= report["latency_us"]["p50"].as_u64()
    );
    assert_eq!(consume_all(&t).len(), 300);
}

#[test]
fn native_output_adds_hdr_percentiles_and_histogram_file() {
    let dir = tempfile::tempdir().unwrap();
    let hist = dir.path().join("h.hgrm");
    let run = kt(&[
        "perf",
        "producer",
        "--bootstrap-server",
        "mock",
        "--topic",
        "m",
        "--num-records",
        "2000",
        "--record-size",
        "50",
        "--histogram",
        hist.to_str().unwrap(),
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(re(FINAL).is_match(lines[lines.len() - 2]), "{run:?}");
    // Milliseconds with µs precision in text (seven-digit µs read badly).
    let ms = r"\d+\.\d{3}";
    let percentiles = format!(
        "^latency, send to ack \\(ms\\): p50 {ms}, p90 {ms}, p95 {ms}, p99 {ms}, p99\\.9 {ms}, p99\\.99 {ms}, max {ms}$"
    );
    assert!(re(&percentiles).is_match(lines[lines.len() - 1]), "{run:?}");
    let text = std::fs::read_to_string(&hist).unwrap();
    assert!(
        text.contains("Percentile") && text.contains("#[Max"),
        "{text}"
    );
}

#[test]
fn bad_perf_input_is_one_clear_line() {
    let b = bootstrap();
    let cases: [(&[&str], &str); 7] = [
        (
            &[
                "perf",
                "producer",
                "--bootstrap-server",
                &b,
                "--topic",
                "t",
                "--num-records",
                "10",
                "--record-size",
                "0",
            ],
            "--record-size should be greater than zero",
        ),
        (
            &[
                "perf",
                "producer",
                "--bootstrap-server",
                &b,
                "--topic",
                "t",
                "--num-records",
                "ten",
                "--record-size",
                "1",
            ],
            "could not convert 'ten' to Long",
        ),
        (
            &[
                "perf",
                "producer",
                "--bootstrap-server",
                &b,
                "--topic",
                "t",
                "--num-records",
                "10",
                "--record-size",
                "1",
                "--acks",
                "2",
            ],
            "--acks 2 is not one of -1, all, 0, 1",
        ),
        (
            &[
                "perf",
                "producer",
                "--bootstrap-server",
                &b,
                "--num-records",
                "10",
                "--record-size",
                "1",
            ],
            "argument --topic is required",
        ),
        (
            &[
                "perf",
                "producer",
                "--bootstrap-server",
                &b,
                "--topic",
                "t",
                "--num-records",
                "10",
                "--payload-file",
                "/nonexistent/p",
            ],
            "File does not exist or empty file provided",
        ),
        (
            &[
                "perf",
                "producer",
                "--bootstrap-server",
                &b,
                "--topic",
                "t",
                "--num-records",
                "10",
                "--record-size",
                "1",
                "--producer-props",
                "linger.ms",
            ],
            "Invalid property: linger.ms",
        ),
        (
            &[
                "perf",
                "consumer",
                "--bootstrap-server",
                &b,
                "--topic",
                "t",
                "--messages",
                "x",
            ],
            "Cannot parse argument 'x' of option messages",
        ),
    ];
    for (args, needle) in cases {
        let run = kt(args);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {run:?}");
        assert!(run.stderr.contains(needle), "{args:?}: {run:?}");
    }
}

#[test]
fn end_to_end_latency_in_kafkas_form_and_kts() {
    let b = bootstrap();
    let t = random_name("e2e");
    let run = kafka("kafka-e2e-latency", &[&b, &t, "20", "1", "100"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(re(r"^0\t\d+\.\d+$").is_match(lines[0]), "{run:?}");
    assert!(
        re(r"^Avg latency: \d+\.\d{4} ms$").is_match(lines[1]),
        "{run:?}"
    );
    assert!(
        re(r"^Percentiles: 50th = \d+, 99th = \d+, 99\.9th = \d+$").is_match(lines[2]),
        "{run:?}"
    );
    let run = kafka("kafka-e2e-latency", &[&b, &t]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.starts_with(
            "USAGE: java org.apache.kafka.tools.EndToEndLatency broker_list topic num_messages"
        ),
        "{run:?}"
    );
    // Kafka's message, then its stack trace's first line.
    let run = kafka("kafka-e2e-latency", &[&b, &t, "5", "0", "100"]);
    let why = "Latency testing requires synchronous acknowledgement. Please use 1 or all";
    assert_eq!(
        run.stderr,
        format!("{why}\njava.lang.IllegalArgumentException: {why}\n")
    );
    let run = kt(&[
        "perf",
        "e2e",
        "--bootstrap-server",
        &b,
        "--topic",
        &t,
        "--num-records",
        "10",
        "--acks",
        "all",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["latency_us"]["count"], 10);
}

#[test]
fn transactions_commit_on_the_mock_cluster() {
    // Also on Kafka itself: tests/kafka.rs.
    let run = kt(&[
        "perf",
        "producer",
        "--bootstrap-server",
        "mock",
        "--topic",
        "tx",
        "--num-records",
        "2000",
        "--record-size",
        "10",
        "--transaction-duration-ms",
        "100",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["records"]["acked"], 2000);
    assert_eq!(report["records"]["failed"], 0);
}
