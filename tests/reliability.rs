//! Reliability against a real broker: a single-node Apache Kafka of the
//! test's own is killed (SIGKILL) in the middle of a produce and started
//! again on the same port and data; nothing may be lost or duplicated.
//! (`failures.rs` does the same to one broker of three.)

use std::io::Write;
use std::time::{Duration, Instant};

use kt_testkit::{wait_until, KafkaNode, KAFKA_3};

use crate::util::*;

const RECORDS: usize = 200_000;

/// Latest offsets of every partition, summed (0 while the broker is down).
fn total_latest(bootstrap: &str, topic: &str) -> i64 {
    let run = kt(&[
        "offsets",
        "--bootstrap-server",
        bootstrap,
        "--topic",
        topic,
        "-o",
        "json",
    ]);
    serde_json::from_str::<serde_json::Value>(&run.stdout)
        .ok()
        .and_then(|j| {
            j["partitions"]
                .as_array()
                .map(|ps| ps.iter().filter_map(|p| p["latest"].as_i64()).sum())
        })
        .unwrap_or(0)
}

#[test]
fn broker_killed_mid_produce_loses_and_duplicates_nothing() {
    let mut broker = KafkaNode::start(KAFKA_3).expect("starting a Kafka of our own");
    let b = broker.address();
    let t = random_name("restart");
    create_topic_on(&b, &t, 3);
    let mut child = spawn(
        kt_path(),
        &["produce", "--bootstrap-server", &b, "--topic", &t],
    );
    let mut stdin = child.stdin.take().unwrap();
    let lines = |range: std::ops::Range<usize>| -> Vec<u8> {
        range
            .map(|i| format!("{i:06}\n"))
            .collect::<String>()
            .into_bytes()
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    // First part; wait until some of it is on the broker.
    stdin.write_all(&lines(0..80_000)).unwrap();
    stdin.flush().unwrap();
    assert!(
        wait_until(deadline, || total_latest(&b, &t) > 0),
        "nothing arrived before the kill"
    );
    let before_kill = total_latest(&b, &t);
    broker.kill(1).expect("killing Kafka");
    eprintln!("restart: {before_kill} of {RECORDS} records on the broker when it was killed");
    // Input keeps arriving while the broker is down.
    stdin.write_all(&lines(80_000..140_000)).unwrap();
    stdin.flush().unwrap();
    broker.restart(1).expect("restarting Kafka");
    stdin.write_all(&lines(140_000..RECORDS)).unwrap();
    drop(stdin);
    // Two minutes from the broker's return: a deadline counted from the
    // start also paid for the kill and the restart's recovery, which on a
    // loaded CI machine can take most of it.
    let deadline = Instant::now() + Duration::from_secs(120);
    let finished = wait_until(deadline, || child.try_wait().ok().flatten().is_some());
    if !finished {
        let _ = child.kill();
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        finished,
        "kt produce did not finish in time; stderr: {stderr}"
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {stderr}\nbroker log: {}",
        broker.log()
    );
    // Every record exactly once, in order within each partition.
    let run = kt_testkit::run_with_deadline(
        kt_path(),
        &[
            "consume",
            "--bootstrap-server",
            &b,
            "--topic",
            &t,
            "--from-beginning",
            "--exit",
            "-o",
            "json",
        ],
        b"",
        Duration::from_secs(120),
    )
    .unwrap();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mut seen = vec![0u32; RECORDS];
    let mut last: std::collections::HashMap<i64, usize> = Default::default();
    for line in run.stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let n: usize = v["value"].as_str().unwrap().parse().unwrap();
        let p = v["partition"].as_i64().unwrap();
        if let Some(prev) = last.insert(p, n) {
            assert!(n > prev, "partition {p}: {n} after {prev}");
        }
        seen[n] += 1;
    }
    let lost = seen.iter().filter(|c| **c == 0).count();
    let duplicated = seen.iter().filter(|c| **c > 1).count();
    assert_eq!(
        (lost, duplicated),
        (0, 0),
        "lost {lost}, duplicated {duplicated} of {RECORDS}"
    );
}

/// Every long-running command stops within 5 s of SIGINT or SIGTERM, reports,
/// and exits 130 or 143, under kt's names and Kafka's.
#[test]
fn every_long_command_stops_on_a_signal() {
    let b = bootstrap();
    let t = random_name("signal");
    create_topic(&t, 1);
    let servers = format!("bootstrap.servers={b}");
    let cases: Vec<(std::path::PathBuf, Vec<&str>, i32)> = vec![
        (
            kt_path().to_path_buf(),
            vec!["produce", "--bootstrap-server", &b, "--topic", &t],
            libc::SIGTERM,
        ),
        (
            links().join("kafka-console-producer.sh"),
            vec!["--bootstrap-server", &b, "--topic", &t],
            libc::SIGINT,
        ),
        (
            kt_path().to_path_buf(),
            vec!["consume", "--bootstrap-server", &b, "--topic", &t],
            libc::SIGINT,
        ),
        (
            links().join("kafka-console-consumer"),
            vec!["--bootstrap-server", &b, "--topic", &t],
            libc::SIGTERM,
        ),
        (
            kt_path().to_path_buf(),
            vec![
                "perf",
                "producer",
                "--bootstrap-server",
                &b,
                "--topic",
                &t,
                "--num-records",
                "100000000",
                "--record-size",
                "10",
                "--throughput",
                "1000",
            ],
            libc::SIGINT,
        ),
        (
            links().join("kafka-producer-perf-test"),
            vec![
                "--topic",
                &t,
                "--num-records",
                "100000000",
                "--record-size",
                "10",
                "--throughput",
                "1000",
                "--producer-props",
                &servers,
            ],
            libc::SIGTERM,
        ),
        (
            kt_path().to_path_buf(),
            vec![
                "perf",
                "consumer",
                "--bootstrap-server",
                &b,
                "--topic",
                &t,
                "--messages",
                "100000000",
                "--timeout",
                "60000",
            ],
            libc::SIGTERM,
        ),
        (
            kt_path().to_path_buf(),
            vec![
                "perf",
                "e2e",
                "--bootstrap-server",
                "mock:1",
                "--topic",
                "e",
                "--num-records",
                "100000000",
                "--acks",
                "1",
            ],
            libc::SIGINT,
        ),
    ];
    for (program, args, signal) in cases {
        let mut child = spawn(&program, &args);
        assert!(wait_for_sigint_handler(child.id()), "{args:?}: no handler");
        let sent = Instant::now();
        assert!(kt_testkit::send_signal(child.id(), signal));
        let stopped = wait_until(sent + Duration::from_secs(5), || {
            child.try_wait().ok().flatten().is_some()
        });
        if !stopped {
            let _ = child.kill();
        }
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stopped, "{args:?} still running 5 s after signal {signal}");
        assert_eq!(
            output.status.code(),
            Some(128 + signal),
            "{args:?}: {stderr}"
        );
        let name = if signal == libc::SIGINT {
            "SIGINT"
        } else {
            "SIGTERM"
        };
        assert!(stderr.contains(name), "{args:?}: {stderr}");
        assert!(stderr.lines().count() <= 3, "{args:?}: {stderr}");
    }
}
