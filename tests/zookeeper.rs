//! `--zookeeper` against a real ZooKeeper-era cluster: Apache Kafka 3.9 in
//! ZooKeeper mode, registered under a chroot of Debian's ZooKeeper. kt finds
//! the brokers there and does everything else through them; what it prints
//! is what Apache's own TopicCommand prints through `--bootstrap-server` on
//! the same cluster.

use std::time::Duration;

use kt_testkit::kafka_zookeeper_mode;

use crate::util::*;

#[test]
fn zookeeper_notes_run_unchanged() {
    let (cluster, connect) = kafka_zookeeper_mode();
    let b = cluster.address();
    let t = random_name("zk");

    let run = kafka(
        "kafka-topics",
        &[
            "--create",
            "--zookeeper",
            connect,
            "--topic",
            &t,
            "--partitions",
            "3",
            "--replication-factor",
            "1",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, format!("Created topic {t}.\n"));

    let run = kafka("kafka-topics", &["--zookeeper", connect, "--list"]);
    assert!(run.stdout.lines().any(|l| l == t), "{run:?}");
    let apache = apache_topics(&["--bootstrap-server", &b, "--list"]);
    assert!(apache.stdout.lines().any(|l| l == t), "{apache:?}");

    // A ZooKeeper-mode broker has no DescribeTopicPartitions, so Apache's
    // tool falls back to metadata and prints `Elr: N/A`: kt the same, with
    // either way of finding the cluster.
    let apache = apache_topics(&["--bootstrap-server", &b, "--describe", "--topic", &t]);
    assert_eq!(apache.code, Some(0), "{apache:?}");
    assert!(
        apache.stdout.contains("\tElr: N/A\tLastKnownElr: N/A"),
        "{apache:?}"
    );
    for via in [
        ["--zookeeper", connect.as_str()],
        ["--bootstrap-server", &b],
    ] {
        let mut args = via.to_vec();
        args.extend(["--describe", "--topic", &t]);
        let run = kafka("kafka-topics", &args);
        assert_eq!(
            (run.code, &run.stdout),
            (Some(0), &apache.stdout),
            "{via:?}: {run:?}"
        );
    }

    let run = kafka(
        "kafka-topics",
        &["--zookeeper", connect, "--delete", "--topic", &t],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        format!("Topic {t} is marked for deletion.\nNote: This will have no impact if delete.topic.enable is not set to true.\n")
    );
    let left = kt_testkit::wait_until(std::time::Instant::now() + Duration::from_secs(30), || {
        !kt(&["topics", "--bootstrap-server", &b, "--list"])
            .stdout
            .lines()
            .any(|l| l == t)
    });
    assert!(left, "{t} is still listed after --delete");
}

#[test]
fn zookeeper_without_brokers_says_so() {
    let zk = kt_testkit::zookeeper();
    let connect = format!("{}/{}", zk.address(), random_name("empty"));
    let run = kt(&["topics", "--zookeeper", &connect, "--list"]);
    assert_eq!(run.code, Some(4), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert!(
        run.stderr.contains("no broker is registered in ZooKeeper"),
        "{run:?}"
    );
}

/// This broker keeps Kafka's default `auto.create.topics.enable=true` (the
/// KRaft test brokers turn it off, as managed clusters do): a first produce
/// to a new topic creates it, through kt as through Apache's producer.
#[test]
fn a_stock_broker_creates_topics_on_first_produce() {
    let (cluster, _) = kafka_zookeeper_mode();
    let b = cluster.address();
    let t = random_name("auto");
    let run = kafka_in(
        "kafka-console-producer",
        &["--bootstrap-server", &b, "--topic", &t],
        b"first\n",
    );
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:?}");
    let got: Vec<String> = consume_all_on(&b, &t)
        .iter()
        .map(|r| r["value"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(got, ["first"]);
}

/// On a broker that creates topics on first use (Kafka's default), kt's
/// admin and read commands never ask for metadata in a way that creates
/// one: `kt delete-records --topic typo` made the topic it then said did
/// not exist. Each names a topic of its own; none of them may exist after.
#[test]
fn admin_and_read_commands_create_no_topic() {
    let (cluster, _) = kafka_zookeeper_mode();
    let b = cluster.address();
    let ghost = |n: u32| random_name(&format!("ghost{n}"));
    let ghosts: Vec<String> = (1..=8).map(ghost).collect();
    let g = random_name("ghost-group");
    let runs: Vec<(Vec<&str>, Option<i32>)> = vec![
        (
            vec![
                "delete-records",
                "-b",
                &b,
                "--topic",
                &ghosts[0],
                "--before",
                "0",
                "--yes",
            ],
            Some(3),
        ),
        (
            vec![
                "elect-leaders",
                "-b",
                &b,
                "--election-type",
                "preferred",
                "--topic",
                &ghosts[1],
                "--partition",
                "0",
            ],
            None,
        ),
        (vec!["offsets", "-b", &b, "--topic", &ghosts[2]], None),
        (
            vec!["topics", "-b", &b, "--describe", "--topic", &ghosts[3]],
            None,
        ),
        (
            vec![
                "groups",
                "-b",
                &b,
                "--reset-offsets",
                "--group",
                &g,
                "--topic",
                &ghosts[4],
                "--to-earliest",
            ],
            None,
        ),
        (
            vec![
                "groups",
                "-b",
                &b,
                "--delete-offsets",
                "--group",
                &g,
                "--topic",
                &ghosts[5],
            ],
            None,
        ),
        (
            vec!["consume", "-b", &b, "--topic", &ghosts[6], "--exit"],
            Some(3),
        ),
        (
            vec![
                "configs",
                "-b",
                &b,
                "--describe",
                "--entity-type",
                "topics",
                "--entity-name",
                &ghosts[7],
            ],
            None,
        ),
    ];
    for (args, code) in &runs {
        let run = kt(args);
        assert_ne!(run.code, Some(0), "{args:?}: {run:?}");
        if let Some(code) = code {
            assert_eq!(run.code, Some(*code), "{args:?}: {run:?}");
        }
    }
    // A broker asked to create one has written it to ZooKeeper before it
    // answered; its metadata shows it a moment later. None may show up.
    let mut made: Vec<String> = Vec::new();
    let appeared = kt_testkit::wait_until(
        std::time::Instant::now() + kt_testkit::scaled(Duration::from_secs(2)),
        || {
            let listed = kt(&["topics", "-b", &b, "--list"]).stdout;
            made = ghosts
                .iter()
                .filter(|t| listed.lines().any(|l| l == t.as_str()))
                .cloned()
                .collect();
            !made.is_empty()
        },
    );
    assert!(!appeared, "topics made by asking about them: {made:?}");
}
