//! kafka-verifiable-producer beside Apache's tool on the shared single
//! node: the same command line to a topic of its own each, and the event
//! lines compared: the same events in the same order with the same keys
//! (fields), the same records (key, value, partition; Kafka's partitioner),
//! offsets counting up in each partition, and a summary whose acked count
//! is what a consumer then reads back.

use serde_json::Value;

use crate::util::*;
use kt_testkit::{run_tool, KAFKA_3};

const CLASS: &str = "org.apache.kafka.tools.VerifiableProducer";

/// The event lines of a run, parsed.
fn events(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// What must agree: each event's name and field names, and for a send its
/// key, value and partition (the order of acknowledgements within a batch
/// is the broker's).
fn shape(stdout: &str, events: &[Value]) -> (Vec<String>, Vec<(String, String, i64)>) {
    // Each line's field names in the order it prints them (no value of
    // these events holds a quote).
    let fields = regex::Regex::new(r#""([a-z_]+)":"#).unwrap();
    let names = stdout
        .lines()
        .zip(events)
        .map(|(l, e)| {
            let names: Vec<&str> = fields
                .captures_iter(l)
                .map(|c| c.get(1).unwrap().as_str())
                .collect();
            format!("{} {}", e["name"], names.join(","))
        })
        .collect();
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
        let run = if apache {
            run_tool(KAFKA_3, CLASS, &args, b"", DEADLINE).expect("Apache's tool")
        } else {
            kafka("kafka-verifiable-producer", &args)
        };
        assert_eq!(run.code, Some(0), "{run:?}");
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
