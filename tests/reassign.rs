//! kafka-reassign-partitions on a three-node Kafka 3.9 cluster with data,
//! beside Apache's tool: `--generate` for the same state, a throttled move
//! seen in progress (`--list`, `--verify`) by both tools, the throttles it
//! set read back, `--execute` refused while it runs, `--cancel`, then an
//! unthrottled move verified until done, the throttles gone and every
//! record still there. Run by `failures.rs` on its cluster before it kills
//! brokers (one cluster for both).

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::*;
use kt_testkit::{run_tool, KafkaCluster, KAFKA_3};

const RECORDS: usize = 20_000;
const CLASS: &str = "org.apache.kafka.tools.reassign.ReassignPartitionsCommand";

fn apache_reassign(args: &[&str]) -> Run {
    run_tool(KAFKA_3, CLASS, args, b"", DEADLINE).expect("Apache's ReassignPartitionsCommand")
}

/// Each partition's replicas, from kt's JSON.
fn replicas(b: &str, topic: &str) -> Vec<Vec<i64>> {
    partitions_of(b, topic)
        .iter()
        .map(|p| {
            p["replicas"]
                .as_array()
                .map(|r| r.iter().filter_map(Value::as_i64).collect())
                .unwrap_or_default()
        })
        .collect()
}

/// The throttle settings of a topic or broker, as Apache's kafka-configs
/// describes them (`key=value` lines of the dynamic configs).
fn throttles(b: &str, entity: &[&str]) -> Vec<String> {
    let mut args = vec!["--bootstrap-server", b, "--describe"];
    args.extend_from_slice(entity);
    let run = run_tool(KAFKA_3, "kafka.admin.ConfigCommand", &args, b"", DEADLINE)
        .expect("Apache's ConfigCommand");
    assert_eq!(run.code, Some(0), "{run:?}");
    run.stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.contains("throttled") || w.starts_with("replica.alter.log.dirs"))
        .map(str::to_string)
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Creates `topic` with Kafka's `--replica-assignment` through kt.
pub fn create_assigned(b: &str, topic: &str, assignment: &str) {
    let run = kt(&[
        "topics",
        "-b",
        b,
        "--create",
        "--topic",
        topic,
        "--replica-assignment",
        assignment,
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

pub fn moves_replicas_on(cluster: &KafkaCluster) {
    let b = cluster.address();
    let t = random_name("reassign");
    create_assigned(&b, &t, "1,2");
    let deadline = Instant::now() + DEADLINE;
    assert!(kt_testkit::wait_until(deadline, || replicas(&b, &t) == vec![vec![1], vec![2]]));
    // 10,000 records of 500 bytes (5 MB) in each partition, written to it
    // by name (a producer's own spread can leave one nearly empty): more
    // than a follower's first fetch takes (1 MB) before a throttle applies.
    let line = "x".repeat(499) + "\n";
    let input = line.repeat(RECORDS / 2);
    for partition in ["0", "1"] {
        let run = kt_in(
            &["produce", "-b", &b, "-t", &t, "--partition", partition],
            input.as_bytes(),
        );
        assert_eq!(run.code, Some(0), "{run:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let with = |extra: &[&str]| {
        let mut all = vec!["--bootstrap-server", b.as_str()];
        all.extend_from_slice(extra);
        all.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let both = |extra: &[&str]| {
        let args = with(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        (
            kafka("kafka-reassign-partitions", &args),
            apache_reassign(&args),
        )
    };

    // --generate: the current assignment is the same; each proposal (random
    // in both tools) puts every partition's one replica on broker 2 or 3.
    let topics = write(
        d,
        "topics.json",
        &format!(r#"{{"topics": [{{"topic": "{t}"}}], "version": 1}}"#),
    );
    let (ours, theirs) = both(&[
        "--generate",
        "--topics-to-move-json-file",
        &topics,
        "--broker-list",
        "2,3",
    ]);
    assert_eq!(ours.code, Some(0), "{ours:?}");
    let current = |run: &Run| {
        run.stdout
            .split("\n\n")
            .next()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(current(&ours), current(&theirs), "{ours:?}\n{theirs:?}");
    for run in [&ours, &theirs] {
        let proposal: Value =
            serde_json::from_str(run.stdout.lines().last().unwrap_or_default()).unwrap();
        let parts = proposal["partitions"].as_array().unwrap();
        assert_eq!(parts.len(), 2, "{run:?}");
        for p in parts {
            let r = p["replicas"][0].as_i64().unwrap();
            assert!(r == 2 || r == 3, "{run:?}");
        }
    }

    // A move of partition 0 from broker 1 to 3 at 10 KB/s: minutes.
    let slow = write(
        d,
        "slow.json",
        &format!(
            r#"{{"version":1,"partitions":[{{"topic":"{t}","partition":0,"replicas":[3]}}]}}"#
        ),
    );
    let run = kafka(
        "kafka-reassign-partitions",
        &with(&[
            "--execute",
            "--reassignment-json-file",
            &slow,
            "--throttle",
            "10000",
        ])
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>(),
    );
    assert_eq!(
        run.stdout,
        format!(
            "Current partition replica assignment\n\n\
             {{\"version\":1,\"partitions\":[{{\"topic\":\"{t}\",\"partition\":0,\"replicas\":[1],\"log_dirs\":[\"any\"]}}]}}\n\n\
             Save this to use as the --reassignment-json-file option during rollback\n\
             Warning: You must run --verify periodically, until the reassignment completes, to ensure the throttle is removed.\n\
             The inter-broker throttle limit was set to 10000 B/s\n\
             Successfully started partition reassignment for {t}-0\n"
        ),
        "{run:?}"
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let topic_entity = ["--entity-type", "topics", "--entity-name", t.as_str()];
    let mut set = throttles(&b, &topic_entity);
    set.sort();
    assert_eq!(
        set,
        [
            "follower.replication.throttled.replicas=0:3",
            "leader.replication.throttled.replicas=0:1"
        ],
        "{set:?}"
    );
    for broker in ["1", "3"] {
        let mut rates = throttles(&b, &["--entity-type", "brokers", "--entity-name", broker]);
        rates.sort();
        assert_eq!(
            rates,
            [
                "follower.replication.throttled.rate=10000",
                "leader.replication.throttled.rate=10000"
            ],
            "broker {broker}"
        );
    }
    // In progress, as both tools see it.
    let (ours, theirs) = both(&["--list"]);
    assert_eq!(
        ours.stdout,
        format!(
            "Current partition reassignments:\n{t}-0: replicas: 3,1. adding: 3. removing: 1.\n"
        ),
        "{ours:?}"
    );
    assert_eq!((&ours.stdout, ours.code), (&theirs.stdout, theirs.code));
    let (ours, theirs) = both(&[
        "--verify",
        "--reassignment-json-file",
        &slow,
        "--preserve-throttles",
    ]);
    assert_eq!(
        ours.stdout,
        format!("Status of partition reassignment:\nReassignment of partition {t}-0 is still in progress.\n\n"),
        "{ours:?}"
    );
    assert_eq!((&ours.stdout, ours.code), (&theirs.stdout, theirs.code));
    // A second reassignment is refused without --additional.
    let (ours, theirs) = both(&["--execute", "--reassignment-json-file", &slow]);
    assert!(
        ours.stdout
            .starts_with("Cannot execute because there is an existing partition assignment."),
        "{ours:?}"
    );
    assert_eq!(
        (&ours.stdout, &ours.stderr, ours.code),
        (&theirs.stdout, &theirs.stderr, theirs.code)
    );
    // --cancel: the move stops, partition 0 stays on broker 1, and the
    // throttles go.
    let run = kafka(
        "kafka-reassign-partitions",
        &with(&["--cancel", "--reassignment-json-file", &slow])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(
        run.stdout,
        format!(
            "Successfully cancelled partition reassignment for: {t}-0\n\
             None of the specified partition moves are active.Clearing broker-level throttles on brokers 1,2,3\n\
             Clearing topic-level throttles on topic {t}\n"
        ),
        "{run:?}"
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let deadline = Instant::now() + DEADLINE;
    assert!(kt_testkit::wait_until(deadline, || replicas(&b, &t) == vec![vec![1], vec![2]]));
    assert!(throttles(&b, &topic_entity).is_empty());
    for broker in ["1", "2", "3"] {
        assert!(throttles(&b, &["--entity-type", "brokers", "--entity-name", broker]).is_empty());
    }
    let (ours, theirs) = both(&["--list"]);
    assert_eq!(
        ours.stdout, "No partition reassignments found.\n",
        "{ours:?}"
    );
    assert_eq!(ours.stdout, theirs.stdout);

    // Both partitions to two replicas each, unthrottled, verified until
    // done; the last --verify clears the throttles as Apache's does.
    let fast = write(
        d,
        "fast.json",
        &format!(
            r#"{{"version":1,"partitions":[{{"topic":"{t}","partition":0,"replicas":[2,3]}},{{"topic":"{t}","partition":1,"replicas":[3,1]}}]}}"#
        ),
    );
    let started = Instant::now();
    let run = kt(&[
        "reassign",
        "-b",
        &b,
        "--execute",
        "--reassignment-json-file",
        &fast,
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let deadline = Instant::now() + kt_testkit::scaled(Duration::from_secs(60));
    let mut verified = None;
    while Instant::now() < deadline {
        let run = kafka(
            "kafka-reassign-partitions",
            &with(&["--verify", "--reassignment-json-file", &fast])
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
        // Once the controller is done, a broker's metadata may still show
        // the replicas of the move for a moment (Apache's tool reads the
        // same): "no active reassignment …, but replica set is 2,3,1".
        if !run.stdout.contains("still in progress") && !run.stdout.contains("no active") {
            verified = Some(run);
            break;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    let run = verified.expect("the reassignment did not finish within a minute");
    eprintln!(
        "reassign: {RECORDS} records of 500 bytes, 2 partitions of 5 MB to 2 replicas each, done in {:?}",
        started.elapsed()
    );
    assert_eq!(
        run.stdout,
        format!(
            "Status of partition reassignment:\n\
             Reassignment of partition {t}-0 is completed.\n\
             Reassignment of partition {t}-1 is completed.\n\n\
             Clearing broker-level throttles on brokers 1,2,3\n\
             Clearing topic-level throttles on topic {t}\n"
        ),
        "{run:?}"
    );
    let (ours, theirs) = both(&["--verify", "--reassignment-json-file", &fast]);
    assert_eq!((&ours.stdout, ours.code), (&theirs.stdout, theirs.code));
    assert_eq!(replicas(&b, &t), vec![vec![2, 3], vec![3, 1]]);
    // Every record is still there.
    assert_eq!(consume_all_on(&b, &t).len(), RECORDS);
}

/// `kt reassign --drain-broker` on the three-node cluster: the plan alone
/// changes nothing; a plan the cluster cannot meet (replicas of every
/// broker) is one line; executed with a throttle and watched, it empties
/// the broker of the topic, every record is still there and the throttles
/// are gone; then `--add-brokers 3` evens the topic's replicas and
/// leaderships out onto it again. Returns the drain's output (for the
/// figures).
pub fn drains_a_broker_on(cluster: &KafkaCluster) -> String {
    let b = cluster.address();
    let topic = random_name("drain");
    create_assigned(&b, &topic, "1:3,3:2,2:3,1:2,3:1,2:1");
    // Spread over the six partitions: every move has bytes to copy.
    let records: Vec<Value> = (0..RECORDS)
        .map(|i| serde_json::json!({"partition": i % 6, "value": format!("record-{i:06}-{}", "x".repeat(100))}))
        .collect();
    produce_json_on(&b, &topic, &records);
    let before = replicas(&b, &topic);
    assert_eq!(before.iter().filter(|r| r.contains(&3)).count(), 4);
    // The plan alone: a table of the four moves, nothing moved.
    let drain = |extra: &[&str]| {
        let mut args = vec![
            "reassign",
            "-b",
            &b,
            "--drain-broker",
            "3",
            "--topic",
            &topic,
        ];
        args.extend(extra);
        kt(&args)
    };
    let run = drain(&[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("4 partitions to move, "), "{run:?}");
    assert!(!run.stdout.contains(" 0 B "), "every move copies: {run:?}");
    assert!(run.stderr.contains("add --execute"), "{run:?}");
    assert_eq!(replicas(&b, &topic), before);
    // As Kafka's reassignment JSON: no replica on broker 3.
    let run = drain(&["-o", "json"]);
    let plan: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:?}"));
    let planned = plan["partitions"].as_array().expect("partitions");
    assert_eq!(planned.len(), 4, "{plan}");
    assert!(planned
        .iter()
        .all(|p| !p["replicas"].as_array().unwrap().contains(&Value::from(3))));

    // Every topic: __consumer_offsets has three replicas on three brokers.
    let run = kt(&["reassign", "-b", &b, "--drain-broker", "3"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.contains("no other broker to take broker 3's"),
        "{run:?}"
    );
    assert_eq!(run.stderr.trim_end().lines().count(), 1, "{run:?}");

    // Executed, throttled and watched until done.
    let run = drain(&["--execute", "--throttle", "2000000", "--watch"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout
            .contains("Successfully started partition reassignments"),
        "{run:?}"
    );
    assert!(run.stdout.contains("Reassignment done in "), "{run:?}");
    assert!(
        run.stdout
            .contains("Clearing topic-level throttles on topic"),
        "{run:?}"
    );
    let after = replicas(&b, &topic);
    assert!(
        after.iter().all(|r| !r.contains(&3) && r.len() == 2),
        "{after:?}"
    );
    assert_eq!(consume_all_on(&b, &topic).len(), RECORDS);
    for entity in [
        vec!["--entity-type", "brokers", "--entity-name", "3"],
        vec!["--entity-type", "topics", "--entity-name", &topic],
    ] {
        assert!(throttles(&b, &entity).is_empty(), "{entity:?}");
    }

    let drained = run.stdout;
    // Broker 3 back as if new: the topic's replicas and leaderships evened
    // out onto it, and nothing left to do afterwards.
    let add = |extra: &[&str]| {
        let mut args = vec![
            "reassign",
            "-b",
            &b,
            "--add-brokers",
            "3",
            "--topic",
            &topic,
        ];
        args.extend(extra);
        kt(&args)
    };
    let run = add(&["--execute", "--watch"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("Reassignment done in "), "{run:?}");
    let evened = replicas(&b, &topic);
    for broker in 1..=3 {
        let held = evened.iter().filter(|r| r.contains(&broker)).count();
        let leads = evened.iter().filter(|r| r.first() == Some(&broker)).count();
        assert_eq!((held, leads), (4, 2), "broker {broker}: {evened:?}");
    }
    assert!(
        evened.iter().all(|r| r.len() == 2 && r[0] != r[1]),
        "{evened:?}"
    );
    assert_eq!(consume_all_on(&b, &topic).len(), RECORDS);
    let again = add(&[]);
    assert!(again.stdout.starts_with("Nothing to move"), "{again:?}");
    drained
}

/// Each partition of `topic` on broker 1 and the log directory holding it
/// (its current replica), from kafka-log-dirs' JSON through kt's Kafka name.
fn log_dirs_of(b: &str, topic: &str) -> (Vec<String>, Vec<(String, String)>) {
    let run = kafka(
        "kafka-log-dirs",
        &["--bootstrap-server", b, "--describe", "--topic-list", topic],
    );
    let json: Value = run
        .stdout
        .lines()
        .find_map(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| panic!("{run:?}"));
    let mut dirs = Vec::new();
    let mut held = Vec::new();
    for d in json["brokers"][0]["logDirs"].as_array().expect("log dirs") {
        let dir = d["logDir"].as_str().unwrap_or_default().to_string();
        for p in d["partitions"].as_array().into_iter().flatten() {
            if p["isFuture"] == false {
                held.push((
                    p["partition"].as_str().unwrap_or_default().to_string(),
                    dir.clone(),
                ));
            }
        }
        dirs.push(dir);
    }
    held.sort();
    (dirs, held)
}

/// Moves between a broker's log directories (on the dynamic-quorum node,
/// which has two): kt's Kafka name starts the move with a log-dir throttle,
/// `--verify` follows it to the end beside Apache's tool, the replica is
/// then in its new directory with every record, and `--cancel` and an
/// unknown directory print what Apache's tool prints.
pub fn moves_between_log_dirs_on(cluster: &KafkaCluster) {
    let b = cluster.address();
    let topic = random_name("logdir");
    create_assigned(&b, &topic, "1,1");
    let records: Vec<Value> = (0..200)
        .map(|i| serde_json::json!({"partition": i % 2, "value": format!("record-{i}")}))
        .collect();
    produce_json_on(&b, &topic, &records);
    let (dirs, before) = log_dirs_of(&b, &topic);
    assert_eq!(dirs.len(), 2, "{dirs:?}");
    let (p0, from) = before[0].clone();
    assert_eq!(p0, format!("{topic}-0"));
    let to = dirs
        .iter()
        .find(|d| **d != from)
        .expect("another directory")
        .clone();
    let plan = serde_json::json!({"version": 1, "partitions": [
        {"topic": topic, "partition": 0, "replicas": [1], "log_dirs": [to]},
        {"topic": topic, "partition": 1, "replicas": [1], "log_dirs": ["any"]},
    ]});
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "move.json", &plan.to_string());
    let run = kafka(
        "kafka-reassign-partitions",
        &[
            "--bootstrap-server",
            &b,
            "--reassignment-json-file",
            &file,
            "--execute",
            "--replica-alter-log-dirs-throttle",
            "50000000",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.contains("The replica-alter-dir throttle limit was set to 50000000 B/s")
            && run.stdout.contains(&format!(
                "Successfully started moving log directory to {to} for replica {topic}-0 with broker 1 \n"
            )),
        "{run:?}"
    );
    let verify = [
        "--bootstrap-server",
        &b,
        "--reassignment-json-file",
        &file,
        "--verify",
    ];
    let done = format!("Reassignment of replica {topic}-0-1 completed successfully.");
    let deadline = Instant::now() + DEADLINE;
    assert!(kt_testkit::wait_until(deadline, || {
        kafka("kafka-reassign-partitions", &verify)
            .stdout
            .contains(&done)
    }));
    let ours = kafka("kafka-reassign-partitions", &verify);
    let theirs = apache_reassign(&verify);
    assert_eq!((ours.code, &ours.stdout), (theirs.code, &theirs.stdout));
    assert!(ours.stdout.contains(&done), "{ours:?}");
    let (_, after) = log_dirs_of(&b, &topic);
    assert_eq!(after[0], (format!("{topic}-0"), to.clone()), "{after:?}");
    assert_eq!(after[1], before[1], "{after:?}");
    assert_eq!(consume_all_on(&b, &topic).len(), 200);
    // Nothing left to cancel; a directory the broker does not have.
    let cancel = [
        "--bootstrap-server",
        &b,
        "--reassignment-json-file",
        &file,
        "--cancel",
    ];
    let ours = kafka("kafka-reassign-partitions", &cancel);
    let theirs = apache_reassign(&cancel);
    assert_eq!((ours.code, &ours.stdout), (theirs.code, &theirs.stdout));
    let nowhere = serde_json::json!({"version": 1, "partitions": [
        {"topic": topic, "partition": 1, "replicas": [1], "log_dirs": ["/nonexistent/kafka"]},
    ]});
    let file = write(dir.path(), "nowhere.json", &nowhere.to_string());
    let execute = [
        "--bootstrap-server",
        &b,
        "--reassignment-json-file",
        &file,
        "--execute",
    ];
    let ours = kafka("kafka-reassign-partitions", &execute);
    let theirs = apache_reassign(&execute);
    assert_eq!(ours.code, theirs.code, "{ours:?}\n{theirs:?}");
    // The stack trace Kafka prints after the exception's line (and the
    // empty line after it) set aside: the README's departure.
    let first = |s: &str| -> String {
        let kept: String = s
            .lines()
            .filter(|l| !l.starts_with('\t') && !l.starts_with("Caused by"))
            .map(|l| format!("{l}\n"))
            .collect();
        kept.trim_end().to_string()
    };
    assert_eq!(first(&ours.stdout), first(&theirs.stdout));
}
