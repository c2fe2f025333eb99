//! Real failures on a three-node Kafka 3.9 cluster: the notes' topics with
//! `--replication-factor 3` and `min.insync.replicas=2`, a leader killed in
//! the middle of a produce, one and then two brokers down, and leadership
//! moved back by kafka-leader-election. One test, since it kills the
//! brokers the other steps use; it first lends the healthy cluster to
//! `scale.rs` (whole-cluster reads of a few hundred topics and groups),
//! `reassign.rs` (partition reassignment beside Apache's tool) and
//! `quorum.rs` (the metadata quorum of three voters).

use std::io::Write;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::*;
use kt_testkit::{run_tool, KafkaCluster, KAFKA_3};

const RECORDS: usize = 200_000;

/// The leader of each partition of `topic`, from kt's JSON; empty while the
/// brokers do not know the topic yet.
fn leaders(b: &str, topic: &str) -> Vec<Option<i64>> {
    partitions_of(b, topic)
        .iter()
        .map(|p| p["leader"].as_i64())
        .collect()
}

/// kt through the Kafka name and Apache's TopicCommand print the same. The
/// cluster may still be changing (a replica rejoining the ISR), so the two
/// are asked again, a bounded number of times, until two answers taken
/// back to back agree; a difference that persists fails the test.
fn same_as_apache(b: &str, args: &[&str]) -> String {
    let mut all = vec!["--bootstrap-server", b];
    all.extend_from_slice(args);
    let mut last = String::new();
    for _ in 0..5 {
        let ours = kafka("kafka-topics", &all);
        let apache = run_tool(
            KAFKA_3,
            "org.apache.kafka.tools.TopicCommand",
            &all,
            b"",
            DEADLINE,
        )
        .unwrap();
        if (ours.code, &ours.stdout) == (apache.code, &apache.stdout) {
            return ours.stdout;
        }
        last = format!("kafka-topics {args:?}\nkt: {ours:?}\nApache: {apache:?}");
        std::thread::sleep(Duration::from_secs(1));
    }
    panic!("kt and Apache's tool still disagree:\n{last}");
}

#[test]
fn three_brokers_ride_through_failures() {
    let mut cluster = KafkaCluster::start_nodes(KAFKA_3, 3).expect("a three-node Kafka cluster");
    crate::scale::reads_a_big_cluster_alike_on(&cluster);
    crate::reassign::moves_replicas_on(&cluster);
    let watched = crate::reassign::drains_a_broker_on(&cluster);
    eprintln!("drain:\n{watched}");
    crate::replica_verification::verifies_replicas_on(&cluster);
    crate::quorum::describes_the_quorum_on(&cluster.address(), &cluster.controller_address(), 3);
    crate::features::reads_features_on(&cluster.address(), &cluster.controller_address());
    crate::features::changes_features_on(&cluster.address(), &cluster.controller_address());
    let b = cluster.address();
    let t = random_name("rf3");
    // The notes' create, through the Kafka name.
    let run = kafka(
        "kafka-topics",
        &[
            "--create",
            "--bootstrap-server",
            &b,
            "--topic",
            &t,
            "--partitions",
            "3",
            "--replication-factor",
            "3",
            "--config",
            "min.insync.replicas=2",
        ],
    );
    assert_eq!(run.stdout, format!("Created topic {t}.\n"), "{run:?}");
    let deadline = Instant::now() + DEADLINE;
    // Every broker knows the topic and its leaders (each has its own cache).
    for id in 1..=3 {
        let one = format!("127.0.0.1:{}", cluster.port_of(id).unwrap());
        assert!(kt_testkit::wait_until(deadline, || {
            let known = leaders(&one, &t);
            known.len() == 3 && known.iter().all(Option::is_some)
        }));
    }
    // A moment after the create a broker may still answer without the topic
    // (Apache's tool too): wait until a describe through every broker works.
    assert!(kt_testkit::wait_until(deadline, || {
        kafka(
            "kafka-topics",
            &["--bootstrap-server", &b, "--describe", "--topic", &t],
        )
        .code
            == Some(0)
    }));
    let healthy = same_as_apache(&b, &["--describe", "--topic", &t]);
    assert!(
        healthy.contains("ReplicationFactor: 3\tConfigs: min.insync.replicas=2"),
        "{healthy}"
    );

    // Kill -9 the leader of partition 0 while `kt produce` runs.
    let mut producer = spawn(kt_path(), &["produce", "-b", &b, "-t", &t]);
    let mut stdin = producer.stdin.take().unwrap();
    let victim = leaders(&b, &t)[0].expect("a leader") as i32;
    for i in 0..RECORDS {
        if i == RECORDS / 4 {
            stdin.flush().unwrap();
            cluster.kill(victim).expect("killing the leader");
        }
        writeln!(stdin, "{i}").expect("kt produce reads its input");
    }
    drop(stdin);
    let deadline = Instant::now() + Duration::from_secs(120);
    assert!(
        kt_testkit::wait_until(deadline, || producer.try_wait().ok().flatten().is_some()),
        "kt produce did not end"
    );
    let out = producer.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Every record exactly once, in order within its partition.
    let mut last = [-1i64; 3];
    let mut seen = vec![false; RECORDS];
    for r in consume_all_on(&b, &t) {
        let p = r["partition"].as_u64().unwrap() as usize;
        let v: i64 = r["value"].as_str().unwrap().parse().unwrap();
        assert!(v > last[p], "partition {p}: {v} after {}", last[p]);
        last[p] = v;
        assert!(!std::mem::replace(&mut seen[v as usize], true), "{v} twice");
    }
    assert!(
        seen.iter().all(|s| *s),
        "{} of {RECORDS} read",
        seen.iter().filter(|s| **s).count()
    );

    // One broker down: the filters list what Apache's tool lists.
    let deadline = Instant::now() + DEADLINE;
    assert!(kt_testkit::wait_until(deadline, || {
        same_as_apache(
            &b,
            &["--describe", "--topic", &t, "--under-replicated-partitions"],
        )
        .lines()
        .count()
            == 3
    }));
    same_as_apache(
        &b,
        &["--describe", "--topic", &t, "--at-min-isr-partitions"],
    );
    let none = same_as_apache(
        &b,
        &["--describe", "--topic", &t, "--under-min-isr-partitions"],
    );
    assert_eq!(none, "");

    // Two down (here also the controller quorum, each node being a voter):
    // acks=all cannot be met; one line, a non-zero exit, the count.
    let second = (1..=3).find(|id| *id != victim).unwrap();
    cluster.kill(second).expect("killing a second broker");
    let run = kt_in(
        &[
            "produce",
            "-b",
            &b,
            "-t",
            &t,
            "--producer-property",
            "delivery.timeout.ms=4000",
            "--producer-property",
            "request.timeout.ms=3000",
        ],
        b"a\nb\nc\n",
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.contains("3 of 3 records were not delivered"),
        "{run:?}"
    );
    assert!(run.stderr.lines().count() <= 3, "{run:?}");

    // Both back: every partition in sync again.
    cluster.restart(victim).unwrap();
    cluster.restart(second).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    assert!(kt_testkit::wait_until(deadline, || {
        let run = kt(&[
            "topics",
            "-b",
            &b,
            "--describe",
            "--topic",
            &t,
            "--under-replicated-partitions",
        ]);
        run.code == Some(0) && run.stdout.is_empty()
    }));
    same_as_apache(
        &b,
        &["--describe", "--topic", &t, "--under-replicated-partitions"],
    );

    // The restarted brokers lead nothing (no automatic rebalance here):
    // a preferred election through the Kafka name moves leadership back to
    // each partition's first replica, as Apache's TopicCommand then shows.
    let preferred = |b: &str| -> Vec<(i64, Option<i64>)> {
        let run = kt(&["topics", "-b", b, "--describe", "--topic", &t, "-o", "json"]);
        let json: Value = serde_json::from_str(&run.stdout).unwrap_or(Value::Null);
        json["topics"][0]["partitions"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .map(|p| {
                        (
                            p["replicas"][0].as_i64().unwrap_or(-1),
                            p["leader"].as_i64(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let before = preferred(&b);
    let moved: Vec<String> = before
        .iter()
        .enumerate()
        .filter(|(_, (first, leader))| Some(*first) != *leader)
        .map(|(p, _)| format!("{t}-{p}"))
        .collect();
    assert!(
        !moved.is_empty(),
        "the restarts moved no leader: {before:?}"
    );
    let run = kafka(
        "kafka-leader-election",
        &[
            "--bootstrap-server",
            &b,
            "--election-type",
            "preferred",
            "--all-topic-partitions",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let elected = run
        .stdout
        .lines()
        .find_map(|l| {
            l.strip_prefix("Successfully completed leader election (PREFERRED) for partitions ")
        })
        .unwrap_or_default()
        .to_string();
    for p in &moved {
        assert!(
            elected.split(", ").any(|e| e == p),
            "{p} not elected: {run:?}"
        );
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    assert!(kt_testkit::wait_until(deadline, || {
        preferred(&b)
            .iter()
            .all(|(first, leader)| Some(*first) == *leader)
    }));
    let described = same_as_apache(&b, &["--describe", "--topic", &t]);
    for line in described.lines().filter(|l| l.contains("\tPartition: ")) {
        let field = |name: &str| {
            line.split('\t')
                .find_map(|f| f.strip_prefix(name))
                .unwrap_or_default()
                .to_string()
        };
        let first = field("Replicas: ");
        let first = first.split(',').next().unwrap_or_default();
        assert_eq!(field("Leader: "), first, "{described}");
    }
    // Nothing left to elect: Kafka's tool and kt say so alike.
    let again = kafka(
        "kafka-leader-election",
        &[
            "--bootstrap-server",
            &b,
            "--election-type",
            "preferred",
            "--topic",
            &t,
            "--partition",
            "0",
        ],
    );
    assert_eq!(
        again.stdout,
        format!("Valid replica already elected for partitions {t}-0\n"),
        "{again:?}"
    );
}
