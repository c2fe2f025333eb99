//! Correctness at scale (issue 28): on the three-broker cluster with a few
//! hundred topics and groups, kt's Kafka names print what Apache's tools
//! print for every whole-cluster read the bench times (bench/scale.sh), so
//! the batching and parallelism that make kt fast change no answer. Speed
//! is the bench's business, never a test's.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::util::*;
use kt_testkit::{run_tool, KafkaCluster, Run, KAFKA_3};

const TOPICS: usize = 120;
const GROUPS: usize = 150;
/// Records in each partition of the topic every group reads.
const RECORDS: usize = 6;

/// Runs `f` on `count` items, four at a time.
fn each_parallel(count: usize, f: impl Fn(usize) + Sync) {
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                if i >= count {
                    break;
                }
                f(i);
            });
        }
    });
}

/// A cluster-wide state the tools then only read: TOPICS topics of 3
/// partitions (every tenth with a config override), a topic every group
/// committed to, each group at its own offset (0 to RECORDS, so several
/// groups stand at different places on one partition).
fn populate(b: &str, prefix: &str) -> String {
    each_parallel(TOPICS, |i| {
        let topic = format!("{prefix}-{i:04}");
        let mut args = vec![
            "topics",
            "-b",
            b,
            "--create",
            "--topic",
            &topic,
            "--partitions",
            "3",
            "--replication-factor",
            "2",
        ];
        if i % 10 == 0 {
            args.extend(["--config", "retention.ms=86400000"]);
        }
        let run = kt(&args);
        assert_eq!(run.code, Some(0), "{run:?}");
    });
    let read = format!("{prefix}-read");
    let run = kt(&[
        "topics",
        "-b",
        b,
        "--create",
        "--topic",
        &read,
        "--partitions",
        "2",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let records: Vec<Value> = (0..RECORDS * 2)
        .map(|i| json!({"partition": i % 2, "value": format!("r{i}")}))
        .collect();
    produce_json_on(b, &read, &records);
    let commit = |i: usize| {
        let group = format!("{prefix}-group-{i:04}");
        let offset = (i % (RECORDS + 1)).to_string();
        let run = kt(&[
            "groups",
            "-b",
            b,
            "--reset-offsets",
            "--group",
            &group,
            "--topic",
            &read,
            "--to-offset",
            &offset,
            "--execute",
            "--timeout",
            "30000",
        ]);
        assert_eq!(run.code, Some(0), "{run:?}");
    };
    // The first group makes __consumer_offsets on the new cluster, alone
    // (librdkafka used to lose that first coordinator lookup one time in
    // three and wait out the whole timeout: exit 4, "its coordinator did
    // not answer").
    commit(0);
    each_parallel(GROUPS - 1, |i| commit(i + 1));
    read
}

/// Apache's `class` and kt's Kafka name `tool` on the same arguments.
fn both(tool: &str, class: &str, args: &[&str]) -> (Run, Run) {
    let apache = run_tool(KAFKA_3, class, args, b"", Duration::from_secs(120))
        .unwrap_or_else(|e| panic!("Apache's {class}: {e}"));
    (kafka(tool, args), apache)
}

pub fn reads_a_big_cluster_alike_on(cluster: &KafkaCluster) {
    let b = cluster.address();
    let prefix = random_name("scale");
    let read = populate(&b, &prefix);
    // Each read: a Kafka name and its arguments after --bootstrap-server.
    let cases = "\
        kafka-topics --list
        kafka-topics --describe
        kafka-topics --describe --topics-with-overrides
        kafka-topics --describe --under-replicated-partitions
        kafka-topics --describe --under-min-isr-partitions
        kafka-topics --describe --at-min-isr-partitions
        kafka-topics --describe --unavailable-partitions
        kafka-get-offsets --time -1
        kafka-get-offsets --time -2
        kafka-get-offsets --time -3
        kafka-consumer-groups --list
        kafka-consumer-groups --describe --all-groups
        kafka-consumer-groups --describe --all-groups --members
        kafka-consumer-groups --describe --all-groups --state
        kafka-consumer-groups --reset-offsets --all-groups --all-topics --to-latest --dry-run
        kafka-configs --describe --entity-type topics
        kafka-configs --describe --entity-type topics --all";
    for case in cases.lines() {
        let (tool, args) = case.trim().split_once(' ').expect("a tool and arguments");
        let args: Vec<&str> = args.split_whitespace().collect();
        let class = match tool {
            "kafka-topics" => "org.apache.kafka.tools.TopicCommand",
            "kafka-get-offsets" => "org.apache.kafka.tools.GetOffsetShell",
            "kafka-consumer-groups" => "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
            _ => "kafka.admin.ConfigCommand",
        };
        let mut all = vec!["--bootstrap-server", b.as_str()];
        all.extend(args.iter().copied());
        let (ours, theirs) = both(tool, class, &all);
        assert_eq!(ours.code, Some(0), "{tool} {args:?}: {ours:?}");
        let filter = args
            .iter()
            .any(|a| a.ends_with("-partitions") && *a != "--describe");
        assert!(
            filter || ours.stdout.contains(&prefix) || ours.stderr.contains(&prefix),
            "{tool} {args:?} shows none of the test's topics or groups: {:.400}",
            ours.stdout
        );
        // Groups listed by every broker go into a Java HashMap as the
        // brokers answer: two groups of one bucket from two coordinators
        // come out in either order, in Apache's tool from run to run. Those
        // outputs are compared as sets: of lines (the list), of rows (the
        // reset plan, which Kafka 3.9 prints all on one line).
        let (ours_out, theirs_out) = match (tool, args[0]) {
            ("kafka-consumer-groups", "--list") => {
                (sorted_lines(&ours.stdout), sorted_lines(&theirs.stdout))
            }
            ("kafka-consumer-groups", "--reset-offsets") => {
                (sorted_rows(&ours.stdout, 4), sorted_rows(&theirs.stdout, 4))
            }
            _ => (ours.stdout.clone(), theirs.stdout.clone()),
        };
        assert!(
            (ours.code, &ours_out, &ours.stderr) == (theirs.code, &theirs_out, &theirs.stderr),
            "{tool} {args:?} differs at scale\nkt:     {:?}\nApache: {:?}",
            first_difference(&ours_out, &theirs_out),
            (&ours.stderr, &theirs.stderr),
        );
    }

    // kt's own name, every group at once: the same offsets, and lag in time
    // for every partition a group is behind on (groups at different offsets
    // of one partition read in rounds).
    let run = kt(&[
        "groups",
        "-b",
        &b,
        "--describe",
        "--all-groups",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let described: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let mut seen: BTreeMap<String, i64> = BTreeMap::new();
    for g in described["groups"].as_array().expect("groups") {
        let name = g["group"].as_str().unwrap_or_default();
        let Some(i) = name
            .strip_prefix(&format!("{prefix}-group-"))
            .and_then(|i| i.parse::<usize>().ok())
        else {
            continue;
        };
        let at = (i % (RECORDS + 1)) as i64;
        let rows = g["partitions"].as_array().expect("rows");
        assert_eq!(rows.len(), 2, "{g}");
        for r in rows {
            assert_eq!(r["topic"], read.as_str(), "{g}");
            assert_eq!(r["current_offset"], at, "{g}");
            assert_eq!(r["lag"], RECORDS as i64 - at, "{g}");
            assert!(r["lag_ms"].is_i64(), "no lag in time: {g}");
            if at == RECORDS as i64 {
                assert_eq!(r["lag_ms"], 0, "{g}");
            }
        }
        seen.insert(name.to_string(), g["total_lag"].as_i64().unwrap_or(-1));
    }
    assert_eq!(seen.len(), GROUPS, "{seen:?}");

    // The cluster goes back as it came (its later steps elect leaders of
    // every partition and restart brokers): the groups, then the topics.
    let mut delete = vec!["groups", "-b", b.as_str(), "--delete"];
    for name in seen.keys() {
        delete.extend(["--group", name.as_str()]);
    }
    let run = kt(&delete);
    assert_eq!(run.code, Some(0), "{run:?}");
    let pattern = format!("{prefix}-.*");
    let run = kt(&["topics", "-b", &b, "--delete", "--topic", &pattern]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let gone = kt_testkit::wait_until(Instant::now() + DEADLINE, || {
        !topic_names_on(&b).iter().any(|t| t.starts_with(&prefix))
    });
    assert!(gone, "the test's topics are still there");
}

fn sorted_lines(text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    lines.join("\n")
}

/// The rows of `width` words of a table, sorted, one per line.
fn sorted_rows(text: &str, width: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut rows: Vec<String> = words.chunks(width).map(|r| r.join(" ")).collect();
    rows.sort_unstable();
    rows.join("\n")
}

/// Where two long outputs part, with a little context.
fn first_difference(ours: &str, theirs: &str) -> (usize, String, String) {
    let at = ours
        .lines()
        .zip(theirs.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| ours.lines().count().min(theirs.lines().count()));
    let line = |s: &str| s.lines().nth(at).unwrap_or("<end>").to_string();
    (at, line(ours), line(theirs))
}
