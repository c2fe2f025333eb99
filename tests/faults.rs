//! Retriable faults injected into librdkafka's mock cluster (KT_MOCK_FAULTS,
//! see kt-core's faults module): every tool retries within its timeout and
//! succeeds, or fails with one clear line when the fault outlasts it.

use std::time::{Duration, Instant};

use crate::util::*;

const RETRIABLE: &str =
    "LeaderNotAvailable*2,NotController,NetworkException*2,RequestTimedOut,NotLeaderOrFollower*2";
/// A broker never answers Produce or Fetch with NotController (a controller
/// error), and librdkafka treats it there as permanent; data requests get the
/// rest. NetworkException is the mock dropping the connection mid-request.
const DATA_RETRIABLE: &str =
    "LeaderNotAvailable*2,NetworkException*2,RequestTimedOut,NotLeaderOrFollower*2";

fn with_faults(args: &[&str], faults: &str, stdin: &[u8]) -> Run {
    kt_testkit::run_with_env(
        kt_path(),
        args,
        &[("KT_MOCK_FAULTS", faults)],
        stdin,
        DEADLINE,
    )
    .expect("running kt")
}

#[test]
fn produce_survives_retriable_produce_and_metadata_errors() {
    let input: String = (0..500).map(|i| format!("r{i}\n")).collect();
    for faults in [
        format!("Produce={DATA_RETRIABLE}"),
        format!("Metadata={RETRIABLE}"),
        format!("InitProducerId=NotController*2,RequestTimedOut;Produce={DATA_RETRIABLE}"),
    ] {
        let run = with_faults(
            &["produce", "--bootstrap-server", "mock:1", "--topic", "t"],
            &faults,
            input.as_bytes(),
        );
        assert_eq!(run.code, Some(0), "{faults}: {run:?}");
        assert_eq!(
            run.stderr
                .lines()
                .filter(|l| !l.starts_with("kt: no --bootstrap"))
                .count(),
            0,
            "{faults}: {run:?}"
        );
    }
}

#[test]
fn perf_round_trip_survives_fetch_and_list_offsets_errors() {
    for faults in [
        format!("Fetch={DATA_RETRIABLE}"),
        format!("ListOffsets={RETRIABLE};Produce=NotLeaderOrFollower*3"),
    ] {
        let run = with_faults(
            &[
                "perf",
                "e2e",
                "--bootstrap-server",
                "mock:1",
                "--topic",
                "e2e",
                "--num-records",
                "50",
                "--acks",
                "all",
                "-o",
                "json",
            ],
            &faults,
            b"",
        );
        assert_eq!(run.code, Some(0), "{faults}: {run:?}");
        let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("a JSON summary");
        assert_eq!(json["records"], 50, "{faults}: {json}");
    }
    let run = with_faults(
        &[
            "perf",
            "producer",
            "--bootstrap-server",
            "mock:1",
            "--topic",
            "p",
            "--num-records",
            "20000",
            "--record-size",
            "100",
            "--throughput",
            "-1",
            "-o",
            "json",
        ],
        &format!("Produce={DATA_RETRIABLE}"),
        b"",
    );
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn admin_requests_retry_metadata_errors() {
    let run = with_faults(
        &["topics", "--bootstrap-server", "mock:1", "--list"],
        &format!("Metadata={RETRIABLE}"),
        b"",
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = with_faults(
        &[
            "topics",
            "--bootstrap-server",
            "mock:1",
            "--create",
            "--topic",
            "f",
            "--partitions",
            "2",
            "--replication-factor",
            "1",
        ],
        &format!("Metadata={RETRIABLE}"),
        b"",
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (Some(0), "Created topic f.\n"),
        "{run:?}"
    );
}

#[test]
fn a_fault_that_outlasts_the_timeout_is_one_line() {
    let started = Instant::now();
    let run = with_faults(
        &[
            "produce",
            "--bootstrap-server",
            "mock:1",
            "--topic",
            "t",
            "--producer-property",
            "delivery.timeout.ms=3000",
        ],
        "Produce=LeaderNotAvailable*100000",
        b"a\nb\nc\n",
    );
    assert!(
        started.elapsed() < kt_testkit::scaled(Duration::from_secs(15)),
        "{run:?}"
    );
    assert_ne!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.lines().count() <= 3, "{run:?}");
    assert!(
        run.stderr.contains("3") && run.stderr.to_lowercase().contains("not delivered")
            || run.stderr.contains("Leader"),
        "{run:?}"
    );
}

#[test]
fn producers_are_idempotent_unless_told_otherwise() {
    let idempotent = |args: &[&str]| {
        let mut all = vec![
            "--bootstrap-server",
            "mock:1",
            "--topic",
            "t",
            "--verbose",
            "-X",
            "debug=eos",
        ];
        all.extend(args);
        let mut cmd = vec!["produce"];
        cmd.extend(all);
        let run = kt_in(&cmd, b"a\n");
        assert_eq!(run.code, Some(0), "{run:?}");
        run.stderr.contains("Idempotent producer state change")
    };
    assert!(idempotent(&[]));
    assert!(!idempotent(&[
        "--producer-property",
        "enable.idempotence=false"
    ]));
    assert!(!idempotent(&["--request-required-acks", "1"]));
    assert!(idempotent(&["--request-required-acks", "all"]));
}

/// The address of a "broker" that accepts connections (up to 64) and
/// holds them without a byte in reply, for the calling test only.
fn silent_broker() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().take(64).flatten() {
            held.push(stream);
        }
    });
    address
}

/// On a terminal, an admin command that runs past a second says it is
/// working (a line on stderr, redrawn in place) and takes the line away
/// before it writes; without a terminal (the test above) there is no line.
#[test]
fn a_command_past_a_second_says_it_is_working_on_a_terminal_only() {
    let address = silent_broker();
    let term = Terminal::run(&format!(
        "{} topics --bootstrap-server {address} --list --timeout-ms 2500; echo EXIT=$?",
        kt_path().display()
    ));
    let screen = term.wait_for("kt topics: working (1s)");
    assert!(screen.contains("kt topics: working (1s)"), "{screen}");
    // Taken away before the error line, which stands alone.
    let screen = term.wait_for("EXIT=");
    assert!(screen.contains("EXIT=4"), "{screen}");
    assert!(!screen.contains("working"), "{screen}");
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with(&format!("kt: no broker answered at {address}"))),
        "{screen}"
    );
}

/// A broker that accepts connections and never answers: one line at the
/// timeout the user gave, not a hang and not a retry storm.
#[test]
fn a_silent_broker_is_one_line_at_the_timeout() {
    let address = silent_broker();
    for args in [
        vec![
            "topics",
            "--bootstrap-server",
            &address,
            "--list",
            "--timeout-ms",
            "1500",
        ],
        vec![
            "offsets",
            "--bootstrap-server",
            &address,
            "--topic",
            "t",
            "--command-property",
            "default.api.timeout.ms=1500",
        ],
    ] {
        let started = Instant::now();
        let run = kt(&args);
        let took = started.elapsed();
        assert_eq!(run.code, Some(4), "{run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
        assert!(
            run.stderr
                .starts_with(&format!("kt: no broker answered at {address} within 1.5s")),
            "{run:?}"
        );
        assert!(
            took < kt_testkit::scaled(Duration::from_secs(6)),
            "{args:?} took {took:?}"
        );
    }
}

/// A topic the broker is still creating answers LEADER_NOT_AVAILABLE in
/// metadata: the producers wait for it up to max.block.ms, as Java's
/// producer does (kt gave up after 2 s, and a busy broker auto-creating a
/// topic took longer). A topic the broker does not know fails at once.
#[test]
fn a_topic_being_created_is_waited_for_up_to_max_block_ms() {
    for (args, code) in [
        (
            &[
                "produce",
                "-b",
                "mock:1",
                "--topic",
                "t",
                "--max-block-ms",
                "3500",
            ][..],
            4,
        ),
        (
            &[
                "kafka-console-producer",
                "--bootstrap-server",
                "mock:1",
                "--topic",
                "t",
                "--max-block-ms",
                "3500",
            ],
            1,
        ),
    ] {
        let started = Instant::now();
        let run = with_faults(args, "Topic:t=LeaderNotAvailable", b"x\n");
        let took = started.elapsed();
        assert_eq!(run.code, Some(code), "{run:?}");
        assert!(
            run.stderr.contains(
                "topic t was still being created (LEADER_NOT_AVAILABLE) after 3500 ms (max.block.ms)"
            ),
            "{run:?}"
        );
        assert!(
            took >= Duration::from_millis(3500),
            "{args:?} took {took:?}"
        );
        assert!(
            took < kt_testkit::scaled(Duration::from_secs(6)),
            "{args:?} took {took:?}"
        );
    }
    let started = Instant::now();
    let run = with_faults(
        &["produce", "-b", "mock:1", "--topic", "u"],
        "Topic:u=UnknownTopicOrPartition",
        b"x\n",
    );
    assert_eq!(run.code, Some(3), "{run:?}");
    assert!(run.stderr.contains("topic u does not exist"), "{run:?}");
    assert!(
        started.elapsed() < kt_testkit::scaled(Duration::from_secs(4)),
        "{run:?}"
    );
}
