//! The verifiable clients beside Apache's on the shared single node.
//!
//! kafka-verifiable-producer: the same command line to a topic of its own
//! each, and the event lines compared: the same events in the same order
//! with the same keys (fields), the same records (key, value, partition;
//! Kafka's partitioner), offsets counting up in each partition, and a
//! summary whose acked count is what a consumer then reads back.
//!
//! kafka-verifiable-consumer: each tool reads the same records in a group
//! of its own; the same events with the same fields, every record once,
//! each poll's commit what Apache's kafka-consumer-groups then reads back;
//! and two kt consumers sharing a group rebalance as Java's do.

use serde_json::Value;

use crate::util::*;
use kt_testkit::{run_tool, KAFKA_3};

const CLASS: &str = "org.apache.kafka.tools.VerifiableProducer";
const CONSUMER: &str = "org.apache.kafka.tools.VerifiableConsumer";

/// A run of Apache's tool `class` or of kt's `link` on `args`, which must
/// succeed.
fn either(apache: bool, class: &str, link: &str, args: &[&str]) -> kt_testkit::Run {
    let run = if apache {
        run_tool(KAFKA_3, class, args, b"", DEADLINE).expect("Apache's tool")
    } else {
        kafka(link, args)
    };
    assert_eq!(run.code, Some(0), "{run:?}");
    run
}

/// The event lines of a run, parsed.
fn events(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// Each line's event name and field names in the order it first prints
/// them (a list's objects are one shape however many a poll held; no value
/// of these events holds a quote).
fn fields(stdout: &str, events: &[Value]) -> Vec<String> {
    let field = regex::Regex::new(r#""([a-zA-Z_]+)":"#).unwrap();
    stdout
        .lines()
        .zip(events)
        .map(|(l, e)| {
            let mut names: Vec<&str> = Vec::new();
            for c in field.captures_iter(l) {
                let name = c.get(1).unwrap().as_str();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            format!("{} {}", e["name"], names.join(","))
        })
        .collect()
}

/// What must agree: each event's name and field names, and for a send its
/// key, value and partition (the order of acknowledgements within a batch
/// is the broker's).
fn shape(stdout: &str, events: &[Value]) -> (Vec<String>, Vec<(String, String, i64)>) {
    let names = fields(stdout, events);
    let mut sends: Vec<(String, String, i64)> = events
        .iter()
        .filter(|e| e["name"] == "producer_send_success")
        .map(|e| {
            (
                e["key"].to_string(),
                e["value"].to_string(),
                e["partition"].as_i64().unwrap_or(-1),
            )
        })
        .collect();
    sends.sort();
    (names, sends)
}

#[test]
fn its_event_lines_are_apaches() {
    let b = bootstrap();
    let mut seen = Vec::new();
    for apache in [true, false] {
        let t = random_name("verifiable");
        create_topic(&t, 3);
        let args = [
            "--topic",
            &t,
            "--bootstrap-server",
            &b,
            "--max-messages",
            "300",
            "--repeating-keys",
            "7",
            "--value-prefix",
            "4",
            "--throughput",
            "2000",
        ];
        let run = either(apache, CLASS, "kafka-verifiable-producer", &args);
        let events = events(&run.stdout);
        assert_eq!(events[0]["name"], "startup_complete", "{run:?}");
        let summary = events.last().expect("a summary");
        assert_eq!(summary["name"], "tool_data");
        assert_eq!(
            (summary["sent"].as_i64(), summary["acked"].as_i64()),
            (Some(300), Some(300)),
            "{summary}"
        );
        assert_eq!(summary["target_throughput"], 2000);
        // Offsets count up from 0 in each partition.
        for p in 0..3 {
            let mut offsets: Vec<i64> = events
                .iter()
                .filter(|e| e["name"] == "producer_send_success" && e["partition"] == p)
                .filter_map(|e| e["offset"].as_i64())
                .collect();
            offsets.sort_unstable();
            assert!(
                offsets.iter().enumerate().all(|(i, o)| *o == i as i64),
                "partition {p}: {offsets:?}"
            );
        }
        // What it acknowledged is there.
        if !apache {
            let read = consume_all_on(&b, &t);
            assert_eq!(read.len(), 300, "records read back");
        }
        seen.push(shape(&run.stdout, &events));
    }
    let (theirs, ours) = (&seen[0], &seen[1]);
    assert_eq!(ours.1, theirs.1, "the same records in the same partitions");
    // The same events with the same fields: startup, 300 sends, shutdown, summary.
    assert_eq!(ours.0.len(), theirs.0.len());
    let mut a = ours.0.clone();
    let mut t = theirs.0.clone();
    a.sort();
    t.sort();
    assert_eq!(a, t, "event names and fields, in their order");
    assert_eq!(ours.0.first(), theirs.0.first());
    assert_eq!(ours.0[ours.0.len() - 2..], theirs.0[theirs.0.len() - 2..]);
}

/// A partitions event's partitions, as `topic:partition`.
fn partitions(e: &Value) -> Vec<String> {
    e["partitions"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .map(|p| format!("{}:{}", p["topic"].as_str().unwrap_or("?"), p["partition"]))
                .collect()
        })
        .unwrap_or_default()
}

/// The committed offsets of `group` on `topic` as Apache's
/// kafka-consumer-groups prints them: `partition=offset`, sorted.
fn committed_by_apache(b: &str, group: &str, topic: &str) -> Vec<String> {
    let run = apache(
        KAFKA_3,
        "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
        &["--bootstrap-server", b, "--describe", "--group", group],
    );
    let mut seen: Vec<String> = run
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|w| w.len() > 3 && w[1] == topic)
        .map(|w| format!("{}={}", w[2], w[3]))
        .collect();
    seen.sort();
    seen
}

#[test]
fn its_consumer_events_are_apaches() {
    let b = bootstrap();
    let t = random_name("vconsumer");
    create_topic(&t, 3);
    let made = kafka(
        "kafka-verifiable-producer",
        &[
            "--topic",
            &t,
            "--bootstrap-server",
            &b,
            "--max-messages",
            "300",
            "--repeating-keys",
            "7",
        ],
    );
    assert_eq!(made.code, Some(0), "{made:?}");
    let mut ends: Vec<(i64, i64)> = Vec::new();
    let mut shapes = Vec::new();
    for apache in [true, false] {
        let group = random_name("vconsumer-group");
        let args = [
            "--topic",
            &t,
            "--bootstrap-server",
            &b,
            "--group-id",
            &group,
            "--max-messages",
            "300",
            "--verbose",
        ];
        let run = either(apache, CONSUMER, "kafka-verifiable-consumer", &args);
        let events = events(&run.stdout);
        let names: Vec<&str> = events.iter().filter_map(|e| e["name"].as_str()).collect();
        let all: Vec<String> = (0..3).map(|p| format!("{t}:{p}")).collect();
        // Joins, takes every partition, reads, leaves.
        assert_eq!(
            names[..2],
            ["startup_complete", "partitions_assigned"],
            "{run:?}"
        );
        assert_eq!(partitions(&events[1]), all);
        assert_eq!(
            names[names.len() - 2..],
            ["partitions_revoked", "shutdown_complete"],
            "{run:?}"
        );
        assert_eq!(partitions(&events[events.len() - 2]), all);
        // Every record once, in offset order within its partition.
        let mut values: Vec<i64> = events
            .iter()
            .filter(|e| e["name"] == "record_data")
            .filter_map(|e| e["value"].as_str()?.parse().ok())
            .collect();
        values.sort_unstable();
        assert_eq!(values, (0..300).collect::<Vec<i64>>(), "the records read");
        let mut next = [0i64; 3];
        let mut consumed = 0;
        for (i, e) in events.iter().enumerate() {
            if e["name"] != "records_consumed" {
                continue;
            }
            let mut summed = Vec::new();
            for s in e["partitions"].as_array().expect("summaries") {
                let p = s["partition"].as_u64().unwrap() as usize;
                assert_eq!(s["minOffset"].as_i64(), Some(next[p]), "{e}");
                next[p] = s["maxOffset"].as_i64().unwrap() + 1;
                assert_eq!(
                    s["count"].as_i64(),
                    Some(next[p] - s["minOffset"].as_i64().unwrap())
                );
                consumed += s["count"].as_i64().unwrap();
                summed.push(format!("{}={}", p, next[p]));
            }
            // Each poll's offsets committed at once.
            let commit = &events[i + 1];
            assert_eq!(commit["name"], "offsets_committed", "{run:?}");
            assert_eq!(commit["success"], true, "{commit}");
            let mut offsets: Vec<String> = commit["offsets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| format!("{}={}", o["partition"], o["offset"]))
                .collect();
            offsets.sort();
            summed.sort();
            assert_eq!(offsets, summed, "{commit}");
        }
        assert_eq!(consumed, 300);
        let want: Vec<String> = (0..3).map(|p| format!("{p}={}", next[p])).collect();
        assert_eq!(
            committed_by_apache(&b, &group, &t),
            want,
            "what the group committed"
        );
        ends.push((next.iter().sum(), consumed));
        let mut shape = fields(&run.stdout, &events);
        shape.sort();
        shape.dedup();
        shapes.push(shape);
    }
    assert_eq!(ends[0], ends[1]);
    assert_eq!(
        shapes[0], shapes[1],
        "event names and fields, in their order"
    );
}

/// A poll's records past `--max-messages` are not committed; with
/// `--enable-autocommit` there are no commit events, and closing commits
/// what the polls returned.
#[test]
fn its_consumer_stops_at_the_limit_and_autocommits() {
    let b = bootstrap();
    let t = random_name("vconsumer-auto");
    create_topic(&t, 1);
    let values: Vec<Value> = (0..50)
        .map(|i| serde_json::json!({ "value": i.to_string() }))
        .collect();
    produce_json_on(&b, &t, &values);
    let group = random_name("vconsumer-group");
    let base = [
        "--topic",
        &t,
        "--bootstrap-server",
        &b,
        "--group-id",
        &group,
    ];
    let run = kafka(
        "kafka-verifiable-consumer",
        &[&base[..], &["--max-messages", "20"]].concat(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let first_run = events(&run.stdout);
    let read: i64 = first_run
        .iter()
        .filter(|e| e["name"] == "records_consumed")
        .flat_map(|e| e["partitions"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s["count"].as_i64())
        .sum();
    assert_eq!(read, 20, "{run:?}");
    assert_eq!(committed_by_apache(&b, &group, &t), ["0=20"]);
    // The same group goes on from 20, committing by itself.
    let run = kafka(
        "kafka-verifiable-consumer",
        &[&base[..], &["--max-messages", "30", "--enable-autocommit"]].concat(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let second_run = events(&run.stdout);
    assert!(
        second_run.iter().all(|e| e["name"] != "offsets_committed"),
        "{run:?}"
    );
    let first = second_run
        .iter()
        .find(|e| e["name"] == "records_consumed")
        .expect("records");
    assert_eq!(first["partitions"][0]["minOffset"], 20, "{run:?}");
    assert_eq!(committed_by_apache(&b, &group, &t), ["0=50"]);
}

/// Two kt consumers in one group: the second's join takes partitions from
/// the first (revoked, then assigned again, as Java's eager protocol does),
/// between them they read every record, and each ends with its revocation
/// and shutdown_complete on SIGTERM.
#[test]
fn its_consumers_share_a_group() {
    let b = bootstrap();
    let t = random_name("vconsumer-shared");
    create_topic(&t, 4);
    let group = random_name("vconsumer-group");
    let args = [
        "--topic",
        &t,
        "--bootstrap-server",
        &b,
        "--group-id",
        &group,
        "--session-timeout",
        "10000",
        "--verbose",
    ];
    let first_consumer = |_: ()| {
        let mut c = spawn(&links().join("kafka-verifiable-consumer"), &args);
        let lines = Lines::of(c.stdout.take().unwrap());
        (c, lines)
    };
    let (mut one, one_lines) = first_consumer(());
    assert!(one_lines.next_line().contains("startup_complete"));
    let assigned = events(&one_lines.next_line());
    assert_eq!(assigned[0]["name"], "partitions_assigned");
    assert_eq!(partitions(&assigned[0]).len(), 4);
    let (mut two, two_lines) = first_consumer(());
    assert!(two_lines.next_line().contains("startup_complete"));
    let theirs = events(&two_lines.next_line());
    assert_eq!(theirs[0]["name"], "partitions_assigned");
    // The first gave all four up and took its share back.
    let revoked = events(&one_lines.next_line());
    assert_eq!(revoked[0]["name"], "partitions_revoked", "{revoked:?}");
    assert_eq!(partitions(&revoked[0]).len(), 4);
    let mine = events(&one_lines.next_line());
    assert_eq!(mine[0]["name"], "partitions_assigned", "{mine:?}");
    let mut shares = [partitions(&mine[0]), partitions(&theirs[0])].concat();
    shares.sort();
    assert_eq!(
        shares,
        (0..4).map(|p| format!("{t}:{p}")).collect::<Vec<_>>()
    );
    assert_eq!(partitions(&mine[0]).len(), 2);
    // Records to all four partitions reach one consumer or the other.
    let values: Vec<Value> = (0..40)
        .map(|i| serde_json::json!({ "value": i.to_string(), "partition": i % 4 }))
        .collect();
    produce_json_on(&b, &t, &values);
    let mut seen = Vec::new();
    let deadline = std::time::Instant::now() + kt_testkit::scaled(DEADLINE);
    while seen.len() < 40 && std::time::Instant::now() < deadline {
        for lines in [&one_lines, &two_lines] {
            if let Some(line) = lines.try_line(std::time::Duration::from_millis(100)) {
                let e = &events(&line)[0];
                if e["name"] == "record_data" {
                    seen.push(e["value"].as_str().unwrap().parse::<i64>().unwrap());
                }
            }
        }
    }
    seen.sort_unstable();
    assert_eq!(seen, (0..40).collect::<Vec<i64>>());
    for (c, lines) in [(&mut one, &one_lines), (&mut two, &two_lines)] {
        assert!(kt_testkit::send_signal(c.id(), libc::SIGTERM));
        let mut last = Vec::new();
        loop {
            let line = lines.next_line();
            let done = line.contains("shutdown_complete");
            last.push(events(&line)[0]["name"].as_str().unwrap().to_string());
            if done {
                break;
            }
        }
        assert!(
            last.ends_with(&["partitions_revoked".into(), "shutdown_complete".into()]),
            "{last:?}"
        );
        let status = c.wait().expect("exits");
        assert!(status.success(), "{status:?}");
    }
}
