//! kafka-metadata-quorum beside Apache's tool, on the shared single node
//! and (called by `failures.rs`) on the three-node cluster: `describe
//! --status`, `--replication` and `--human-readable`, through a broker and
//! through the controllers, the same once the numbers that move between
//! two calls (offsets, times, lag) are set aside; and `kt quorum -o json`.

use serde_json::Value;

use crate::util::*;
use kt_testkit::{run_tool, KAFKA_3};

const CLASS: &str = "org.apache.kafka.tools.MetadataQuorumCommand";

/// `text` with the numbers that change from call to call replaced by N:
/// the high watermark and the lag in `--status`, and in `--replication`
/// every column but the node id, directory id and status.
fn steady(text: &str) -> String {
    let moving = ["HighWatermark:", "MaxFollowerLag:", "MaxFollowerLagTimeMs:"];
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            if let Some(label) = moving.iter().find(|m| line.starts_with(*m)) {
                return format!("{label} N");
            }
            if !line.contains('\t') {
                return line.to_string();
            }
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            cells
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    if i > 0 && (2..=5).contains(&c) {
                        "N".to_string()
                    } else {
                        cell.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn describes_the_quorum_on(brokers: &str, controllers: &str, voters: usize) {
    for args in [
        vec!["--bootstrap-server", brokers, "describe", "--status"],
        vec!["--bootstrap-server", brokers, "describe", "--replication"],
        vec![
            "--bootstrap-server",
            brokers,
            "describe",
            "--replication",
            "--human-readable",
        ],
        vec![
            "--bootstrap-controller",
            controllers,
            "describe",
            "--status",
        ],
    ] {
        let ours = kafka("kafka-metadata-quorum", &args);
        let theirs = run_tool(KAFKA_3, CLASS, &args, b"", DEADLINE).expect("Apache's tool");
        assert_eq!(ours.code, Some(0), "{args:?}: {ours:?}");
        assert_eq!(ours.stderr, "", "{args:?}: {ours:?}");
        assert_eq!(
            (steady(&ours.stdout), ours.code),
            (steady(&theirs.stdout), theirs.code),
            "{args:?}\nkt: {ours:?}\nApache: {theirs:?}"
        );
    }
    let run = kt(&["quorum", "-b", brokers, "-o", "json"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let ids: Vec<i64> = json["voters"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["id"].as_i64())
        .collect();
    assert_eq!(ids.len(), voters, "{json}");
    assert!(ids.contains(&json["leader_id"].as_i64().unwrap()), "{json}");
    assert!(!json["cluster_id"].as_str().unwrap_or_default().is_empty());
}

#[test]
fn the_single_nodes_quorum_reads_as_apaches_tool_reads_it() {
    let node = kt_testkit::kafka();
    describes_the_quorum_on(&node.address(), &node.controller_address(), 1);
}
