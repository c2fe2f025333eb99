//! kafka-console-producer / kafka-console-consumer and `kt produce` / `kt consume`
//! against Apache Kafka 3.9: the spec's vectors 16-25, round trips, signals, bad input.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::util::*;

fn values(records: &[Value]) -> Vec<(Value, Value)> {
    records
        .iter()
        .map(|r| (r["key"].clone(), r["value"].clone()))
        .collect()
}

#[test]
fn v16_v17_producer_usage() {
    let b = bootstrap();
    let run = kafka("kafka-console-producer", &["--bootstrap-server", &b]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.first_stderr_line(),
        "Missing required argument \"[topic]\""
    );
    let run = kafka(
        "kafka-console-producer.sh",
        &["--topic", "t", "--bootstrap-server", "localhost"],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.first_stderr_line(),
        "Please provide valid host:port like host1:9091,host2:9092"
    );
    let run = kafka("kafka-console-producer", &[]);
    assert_eq!(
        run.first_stderr_line(),
        "This tool helps to read data from standard input and publish it to Kafka."
    );
}

#[test]
fn v18_reader_errors_keep_earlier_records() {
    let b = bootstrap();
    let t = random_name("v18");
    create_topic(&t, 1);
    let run = kafka_in(
        "kafka-console-producer",
        &[
            "--topic",
            &t,
            "--bootstrap-server",
            &b,
            "--property",
            "parse.key=true",
        ],
        b"k1\tv1\nplain\n",
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("org.apache.kafka.common.KafkaException: No key separator found on line number 2: 'plain'"), "{run:?}");
    assert_eq!(values(&consume_all(&t)), vec![(json!("k1"), json!("v1"))]);

    let run = kafka_in(
        "kafka-console-producer",
        &[
            "--topic",
            &t,
            "--bootstrap-server",
            &b,
            "--property",
            "parse.key=true",
            "--property",
            "ignore.error=true",
        ],
        b"k1\tv1\nplain\n",
    );
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""), "{run:?}");
    assert_eq!(
        values(&consume_all(&t)),
        vec![
            (json!("k1"), json!("v1")),
            (json!("k1"), json!("v1")),
            (Value::Null, json!("plain"))
        ]
    );
}

#[test]
fn v19_to_v23_consumer_usage() {
    let b = bootstrap();
    let cases: [(&[&str], &str); 4] = [
        (&["--bootstrap-server", &b], "Exactly one of --include/--topic is required. "),
        (&["--bootstrap-server", &b, "--topic", "t", "--offset", "5"], "The partition is required when offset is specified."),
        (&["--bootstrap-server", &b, "--topic", "t", "--partition", "0", "--offset", "-1"], "The provided offset value '-1' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long."),
        (&["--bootstrap-server", &b, "--topic", "t", "--partition", "0", "--group", "g"], "Options group and partition cannot be specified together."),
    ];
    for (args, expected) in cases {
        let run = kafka("kafka-console-consumer", args);
        assert_eq!(run.code, Some(1), "{args:?}: {run:?}");
        assert_eq!(run.first_stderr_line(), expected);
    }
    let run = kafka(
        "kafka-console-consumer",
        &[
            "--bootstrap-server",
            &b,
            "--topic",
            "t",
            "--from-beginning",
            "--consumer-property",
            "auto.offset.reset=latest",
        ],
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stderr, "Can't simultaneously specify --from-beginning and 'auto.offset.reset=latest', please remove one option\n");
}

#[test]
fn v24_formatter_output_is_kafkas() {
    let b = bootstrap();
    let t = random_name("v24");
    create_topic(&t, 1);
    let record = json!({"partition": 0, "timestamp": 1700000000000i64, "key": "k", "value": "v"})
        .to_string();
    let run = kt_in(
        &[
            "produce",
            "--bootstrap-server",
            &b,
            "--topic",
            &t,
            "--input",
            "json",
        ],
        record.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = kafka(
        "kafka-console-consumer",
        &[
            "--bootstrap-server",
            &b,
            "--topic",
            &t,
            "--from-beginning",
            "--max-messages",
            "1",
            "--property",
            "print.key=true",
            "--property",
            "print.timestamp=true",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "CreateTime:1700000000000\tk\tv\n");
    assert!(
        run.stderr.ends_with("Processed a total of 1 messages\n"),
        "{run:?}"
    );
    let run = kafka(
        "kafka-console-consumer",
        &[
            "--bootstrap-server",
            &b,
            "--topic",
            &t,
            "--from-beginning",
            "--max-messages",
            "1",
            "--property",
            "print.value=false",
            "--property",
            "print.offset=true",
        ],
    );
    assert_eq!(run.stdout, "Offset:0\n");
}

#[test]
fn v25_empty_topic_times_out_with_a_count() {
    let b = bootstrap();
    let t = random_name("v25");
    create_topic(&t, 1);
    for name in ["kafka-console-consumer", "kafka-console-consumer.sh"] {
        let run = kafka(
            name,
            &[
                "--bootstrap-server",
                &b,
                "--topic",
                &t,
                "--timeout-ms",
                "1000",
            ],
        );
        assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""), "{run:?}");
        assert!(
            run.stderr.ends_with("Processed a total of 0 messages\n"),
            "{run:?}"
        );
    }
}

/// Java's murmur2 (org.apache.kafka.common.utils.Utils.murmur2).
fn murmur2(data: &[u8]) -> i32 {
    let (seed, m, r) = (0x9747b28c_u32 as i32, 0x5bd1e995_i32, 24);
    let len = data.len() as i32;
    let mut h = seed ^ len;
    let chunks = data.chunks_exact(4);
    let tail = chunks.remainder();
    for c in chunks {
        let mut k = i32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        k = k.wrapping_mul(m);
        k ^= ((k as u32) >> r) as i32;
        k = k.wrapping_mul(m);
        h = h.wrapping_mul(m);
        h ^= k;
    }
    if tail.len() >= 3 {
        h ^= (tail[2] as i32) << 16;
    }
    if tail.len() >= 2 {
        h ^= (tail[1] as i32) << 8;
    }
    if !tail.is_empty() {
        h ^= tail[0] as i32;
        h = h.wrapping_mul(m);
    }
    h ^= ((h as u32) >> 13) as i32;
    h = h.wrapping_mul(m);
    h ^= ((h as u32) >> 15) as i32;
    h
}

#[test]
fn keyed_round_trip_of_100000_records_keeps_order_and_kafkas_partitioning() {
    let b = bootstrap();
    let t = random_name("keyed");
    create_topic(&t, 3);
    let mut input = Vec::new();
    for i in 0..100_000 {
        writeln!(input, "key-{}\tvalue-{i}", i % 97).unwrap();
    }
    let run = kt_in(
        &[
            "produce",
            "--bootstrap-server",
            &b,
            "--topic",
            &t,
            "--property",
            "parse.key=true",
        ],
        &input,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let records = consume_all(&t);
    assert_eq!(records.len(), 100_000);
    let mut per_key: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for r in &records {
        let key = r["key"].as_str().unwrap().to_string();
        let n: u64 = r["value"]
            .as_str()
            .unwrap()
            .trim_start_matches("value-")
            .parse()
            .unwrap();
        let expected = (murmur2(key.as_bytes()) & 0x7fffffff) % 3;
        assert_eq!(
            r["partition"], expected,
            "{key} must land where Java's producer puts it"
        );
        per_key.entry(key).or_default().push(n);
    }
    assert_eq!(per_key.len(), 97);
    for (key, seq) in per_key {
        assert!(seq.windows(2).all(|w| w[0] < w[1]), "{key} out of order");
        assert_eq!(
            seq.len(),
            100_000 / 97
                + usize::from(
                    (key.trim_start_matches("key-").parse::<usize>().unwrap()) < 100_000 % 97
                )
        );
    }
}

#[test]
fn binary_bytes_round_trip_exactly() {
    let b = bootstrap();
    let t = random_name("bin");
    create_topic(&t, 1);
    let values: [&[u8]; 4] = [
        b"\x00\x01\x02",
        b"\xff\xfe\xfd",
        b"caf\xc3\xa9 \xc3",
        b"tab\there",
    ];
    let mut input = Vec::new();
    for v in values {
        input.extend_from_slice(v);
        input.push(b'\n');
    }
    let run = kt_in(
        &["produce", "--bootstrap-server", &b, "--topic", &t],
        &input,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    // Raw bytes out, exactly as they went in.
    let out = Command::new(kt_path())
        .args([
            "consume",
            "--bootstrap-server",
            &b,
            "--topic",
            &t,
            "--from-beginning",
            "--exit",
        ])
        .output()
        .unwrap();
    assert_eq!(out.stdout, input);
    // JSON marks what is not UTF-8, and --input json restores it.
    let records = consume_all(&t);
    assert_eq!(records[1]["value"], json!({"base64": "//79"}));
    let copy = random_name("bin-copy");
    create_topic(&copy, 1);
    let lines: String = records.iter().map(|r| format!("{r}\n")).collect();
    let run = kt_in(
        &[
            "produce",
            "--bootstrap-server",
            &b,
            "--topic",
            &copy,
            "--input",
            "json",
        ],
        lines.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let copied = consume_all(&copy);
    for (a, c) in records.iter().zip(&copied) {
        for field in ["key", "value", "headers", "timestamp", "partition"] {
            assert_eq!(a[field], c[field], "{field}");
        }
    }
}

#[test]
fn headers_and_null_markers() {
    let b = bootstrap();
    let t = random_name("hdr");
    create_topic(&t, 1);
    let props = [
        "--property",
        "parse.key=true",
        "--property",
        "parse.headers=true",
        "--property",
        "null.marker=NULL",
    ];
    let mut args = vec!["--bootstrap-server", b.as_str(), "--topic", t.as_str()];
    args.extend_from_slice(&props);
    let run = kafka_in(
        "kafka-console-producer",
        &args,
        b"h1:v1,h2:NULL\tNULL\tvalue\nNULL\tk\tNULL\n",
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = kafka(
        "kafka-console-consumer",
        &[
            "--bootstrap-server",
            &b,
            "--topic",
            &t,
            "--from-beginning",
            "--max-messages",
            "2",
            "--property",
            "print.headers=true",
            "--property",
            "print.key=true",
            "--property",
            "null.literal=<nil>",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "h1:v1,h2:<nil>\t<nil>\tvalue\nNO_HEADERS\tk\t<nil>\n"
    );
}

#[test]
fn exit_and_time_ranges() {
    let b = bootstrap();
    let t = random_name("time");
    create_topic(&t, 2);
    let lines: String = [1_000_000i64, 2_000_000, 3_000_000]
        .iter()
        .enumerate()
        .map(|(i, ts)| {
            format!(
                "{}\n",
                json!({"partition": i % 2, "timestamp": ts, "value": format!("r{i}")})
            )
        })
        .collect();
    let run = kt_in(
        &[
            "produce",
            "--bootstrap-server",
            &b,
            "--topic",
            &t,
            "--input",
            "json",
        ],
        lines.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = kt(&[
        "consume",
        "--bootstrap-server",
        &b,
        "--topic",
        &t,
        "--from-time",
        "1500000",
        "--until-time",
        "2500000",
        "--exit",
    ]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (Some(0), "r1\n"),
        "{run:?}"
    );
    let run = kt(&[
        "consume",
        "--bootstrap-server",
        &b,
        "--topic",
        &t,
        "--from-time",
        "1970-01-01T00:41:40Z",
        "--exit",
    ]);
    // 00:41:40 is 2,500,000 ms: only r2 (3,000,000) is at or after it.
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (Some(0), "r2\n"),
        "{run:?}"
    );
    // --exit on an empty topic ends at once.
    let empty = random_name("empty");
    create_topic(&empty, 1);
    let run = kt(&[
        "consume",
        "--bootstrap-server",
        &b,
        "--topic",
        &empty,
        "--from-beginning",
        "--exit",
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""), "{run:?}");
    assert_eq!(run.stderr, "Processed a total of 0 messages\n");
}

#[test]
fn a_closed_pipe_ends_the_consumer_quietly() {
    let b = bootstrap();
    let t = random_name("pipe");
    create_topic(&t, 1);
    let input: String = (0..20_000).map(|i| format!("line {i}\n")).collect();
    assert_eq!(
        kt_in(
            &["produce", "--bootstrap-server", &b, "--topic", &t],
            input.as_bytes()
        )
        .code,
        Some(0)
    );
    let mut child = spawn(
        kt_path(),
        &[
            "consume",
            "--bootstrap-server",
            &b,
            "--topic",
            &t,
            "--from-beginning",
        ],
    );
    let (first, stdout) = read_exactly(child.stdout.take().unwrap(), 5);
    assert_eq!(&first, b"line ");
    drop(stdout);
    let deadline = Instant::now() + Duration::from_secs(10);
    assert!(
        kt_testkit::wait_until(deadline, || child.try_wait().ok().flatten().is_some()),
        "kt did not stop"
    );
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn sigint_stops_the_producer_flushes_and_exits_130() {
    let b = bootstrap();
    let t = random_name("sigint");
    create_topic(&t, 1);
    let mut child = spawn(
        kt_path(),
        &["produce", "--bootstrap-server", &b, "--topic", &t],
    );
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"one\ntwo\n").unwrap();
    stdin.flush().unwrap();
    // The records are read once they are delivered; then interrupt.
    let deadline = Instant::now() + Duration::from_secs(10);
    assert!(kt_testkit::wait_until(deadline, || consume_all(&t).len() == 2));
    assert!(kt_testkit::send_signal(child.id(), libc::SIGINT));
    assert!(kt_testkit::wait_until(
        Instant::now() + Duration::from_secs(10),
        || child.try_wait().ok().flatten().is_some()
    ));
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "kt: stopped by SIGINT\n"
    );
}

#[test]
fn sigint_stops_the_consumer_with_its_count() {
    let b = bootstrap();
    let t = random_name("sigint-c");
    create_topic(&t, 1);
    let mut child = spawn(
        &links().join("kafka-console-consumer"),
        &["--bootstrap-server", &b, "--topic", &t],
    );
    assert!(wait_for_sigint_handler(child.id()));
    assert!(kt_testkit::send_signal(child.id(), libc::SIGINT));
    assert!(kt_testkit::wait_until(
        Instant::now() + Duration::from_secs(10),
        || child.try_wait().ok().flatten().is_some()
    ));
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Processed a total of 0 messages"));
}

#[test]
fn bad_console_input_is_one_clear_line() {
    let b = bootstrap();
    let t = random_name("bad");
    create_topic(&t, 1);
    let missing = random_name("missing");
    let big = vec![b'x'; 1_100_000];
    let cases: Vec<(Vec<&str>, &[u8], i32, &str)> = vec![
        (
            vec!["produce", "--bootstrap-server", &b, "--topic", &missing],
            b"x\n",
            3,
            "does not exist",
        ),
        (
            vec![
                "produce",
                "--bootstrap-server",
                &b,
                "--topic",
                &t,
                "-X",
                "no.such=1",
            ],
            b"x\n",
            2,
            "unknown librdkafka property 'no.such'",
        ),
        (
            vec![
                "produce",
                "--bootstrap-server",
                &b,
                "--topic",
                &t,
                "--property",
                "parse.headers=true",
                "--property",
                "headers.separator=\t",
            ],
            b"x\n",
            2,
            "headers.delimiter and headers.separator may not be equal",
        ),
        (
            vec![
                "produce",
                "--bootstrap-server",
                &b,
                "--topic",
                &t,
                "--input",
                "json",
            ],
            b"not json\n",
            2,
            "line 1 is not a kt JSON record",
        ),
        (
            vec!["produce", "--bootstrap-server", &b, "--topic", &t],
            &big,
            1,
            "larger than the producer allows",
        ),
        (
            vec![
                "consume",
                "--bootstrap-server",
                &b,
                "--topic",
                &t,
                "--include",
                "x",
            ],
            b"",
            2,
            "Exactly one of --include/--topic is required.",
        ),
        (
            vec![
                "consume",
                "--bootstrap-server",
                &b,
                "--topic",
                &t,
                "--partition",
                "0",
                "--offset",
                "soon",
            ],
            b"",
            2,
            "The provided offset value 'soon' is incorrect.",
        ),
        (
            vec![
                "consume",
                "--bootstrap-server",
                &b,
                "--topic",
                &t,
                "--from-time",
                "yesterday",
            ],
            b"",
            2,
            "cannot read time 'yesterday'",
        ),
    ];
    for (args, stdin, code, needle) in cases {
        let run = kt_in(&args, stdin);
        assert_eq!(run.code, Some(code), "{args:?}: {run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {run:?}");
        assert!(run.stderr.contains(needle), "{args:?}: {run:?}");
    }
    assert!(
        !topic_names().contains(&missing),
        "producing must not create the topic"
    );
}

#[test]
fn console_vectors_read_the_same_through_kt() {
    let b = bootstrap();
    let cases: [(&[&str], &str); 5] = [
        (&["produce", "--bootstrap-server", &b], "missing --topic; see 'kt produce --help'"),
        (&["consume", "--bootstrap-server", &b], "Exactly one of --include/--topic is required. "),
        (&["consume", "--bootstrap-server", &b, "--topic", "t", "--offset", "5"], "The partition is required when offset is specified."),
        (&["consume", "--bootstrap-server", &b, "--topic", "t", "--partition", "0", "--offset", "-1"], "The provided offset value '-1' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long."),
        (&["consume", "--bootstrap-server", &b, "--topic", "t", "--partition", "0", "--group", "g"], "Options group and partition cannot be specified together."),
    ];
    for (args, expected) in cases {
        let run = kt(args);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert_eq!(run.stderr, format!("kt: {expected}\n"));
    }
}

#[test]
fn sigterm_stops_the_consumer_with_143() {
    let b = bootstrap();
    let t = random_name("sigterm");
    create_topic(&t, 1);
    let mut child = spawn(
        kt_path(),
        &["consume", "--bootstrap-server", &b, "--topic", &t],
    );
    assert!(wait_for_sigint_handler(child.id()));
    assert!(kt_testkit::send_signal(child.id(), libc::SIGTERM));
    assert!(kt_testkit::wait_until(
        Instant::now() + Duration::from_secs(10),
        || child.try_wait().ok().flatten().is_some()
    ));
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(143));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Processed a total of 0 messages\nkt: stopped by SIGTERM\n"
    );
}
