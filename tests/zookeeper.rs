//! `--zookeeper`: brokers found in ZooKeeper, everything else through them.

use crate::util::*;

#[test]
fn zookeeper_notes_run_unchanged() {
    let zk = kt_testkit::zookeeper();
    let chroot = format!("/{}", random_name("kafka"));
    let broker = broker();
    kt_testkit::register_broker(zk, &chroot, 111, "127.0.0.1", broker.port)
        .expect("registering the broker");
    let connect = format!("{}{chroot}", zk.address());
    let t = random_name("zk");

    let run = kafka(
        "kafka-topics",
        &[
            "--create",
            "--zookeeper",
            &connect,
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

    let run = kafka("kafka-topics", &["--zookeeper", &connect, "--list"]);
    assert!(run.stdout.lines().any(|l| l == t), "{run:?}");

    let run = kafka(
        "kafka-topics",
        &["--zookeeper", &connect, "--describe", "--topic", &t],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let header = run.stdout.lines().next().unwrap_or_default();
    assert!(
        header.starts_with(&format!("Topic: {t}\tTopicId: ")),
        "{run:?}"
    );
    assert!(
        header.contains("\tPartitionCount: 3\tReplicationFactor: 1\t"),
        "{run:?}"
    );
    assert_eq!(run.stdout.lines().count(), 4, "{run:?}");

    let run = kafka(
        "kafka-topics",
        &["--zookeeper", &connect, "--delete", "--topic", &t],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        format!("Topic {t} is marked for deletion.\nNote: This will have no impact if delete.topic.enable is not set to true.\n")
    );
    assert!(!topic_names().contains(&t));
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
