//! kafka-features and kafka-cluster beside Apache's tools, on the shared
//! single node and (called by `failures.rs`) on the three-node cluster:
//! the description of the feature flags and the cluster id through a
//! broker and through the controllers, the same once the finalization
//! epoch (which moves with every metadata record) is set aside; a real
//! downgrade and upgrade of metadata.version read back with Apache's tool;
//! and `kt features` / `kt cluster -o json`.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::*;
use kt_testkit::{run_tool, KAFKA_3};

const FEATURES: &str = "org.apache.kafka.tools.FeatureCommand";
const CLUSTER: &str = "org.apache.kafka.tools.ClusterTool";

/// `describe`'s lines with the epoch set aside.
fn steady(text: &str) -> String {
    text.lines()
        .map(|l| l.split("\tEpoch: ").next().unwrap_or(l).to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// kt's Kafka name and Apache's tool, same arguments: same exit code and
/// output (after `clean`), kt silent on stderr when it succeeds.
fn same(link: &str, class: &str, args: &[&str], clean: fn(&str) -> String) -> String {
    let ours = kafka(link, args);
    let theirs = run_tool(KAFKA_3, class, args, b"", DEADLINE).expect("Apache's tool");
    assert_eq!(
        (clean(&ours.stdout), ours.code),
        (clean(&theirs.stdout), theirs.code),
        "{link} {args:?}\nkt: {ours:?}\nApache: {theirs:?}"
    );
    if ours.code == Some(0) {
        assert_eq!(ours.stderr, "", "{args:?}: {ours:?}");
    }
    ours.stdout
}

/// The features and cluster id read through brokers and controllers.
pub fn reads_features_on(brokers: &str, controllers: &str) {
    for (flag, address) in [
        ("--bootstrap-server", brokers),
        ("--bootstrap-controller", controllers),
    ] {
        let described = same(
            "kafka-features",
            FEATURES,
            &[flag, address, "describe"],
            steady,
        );
        assert!(
            described.contains("Feature: metadata.version\tSupportedMinVersion: 3.0-IV1"),
            "{described}"
        );
        let id = same(
            "kafka-cluster",
            CLUSTER,
            &["cluster-id", flag, address],
            str::to_string,
        );
        assert!(id.starts_with("Cluster ID: "), "{id}");
    }
    let run = kt(&["features", "-b", brokers, "-o", "json"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let metadata = json
        .as_array()
        .and_then(|a| a.iter().find(|f| f["feature"] == "metadata.version"))
        .unwrap_or_else(|| panic!("no metadata.version in {json}"));
    assert!(metadata["epoch"].as_i64().unwrap_or(-1) >= 0, "{json}");
    let run = kt(&["cluster", "-b", brokers, "-o", "json"]);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let theirs = run_tool(
        KAFKA_3,
        CLUSTER,
        &["cluster-id", "-b", brokers],
        b"",
        DEADLINE,
    )
    .expect("Apache's tool");
    assert_eq!(
        format!(
            "Cluster ID: {}\n",
            json["cluster_id"].as_str().unwrap_or_default()
        ),
        theirs.stdout
    );
    assert!(!json["brokers"].as_array().unwrap().is_empty(), "{json}");
}

/// metadata.version as Apache's tool reads it through `address`, once it
/// says `level` (bounded: 20 s).
fn finalized_becomes(address: &str, level: &str) {
    let want = format!("Feature: metadata.version\tSupportedMinVersion: 3.0-IV1\tSupportedMaxVersion: 3.9-IV0\tFinalizedVersionLevel: {level}\t");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let theirs = run_tool(
            KAFKA_3,
            FEATURES,
            &["--bootstrap-server", address, "describe"],
            b"",
            DEADLINE,
        )
        .expect("Apache's tool");
        if theirs.stdout.contains(&want) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "metadata.version never became {level}: {theirs:?}"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// A real change: metadata.version down to 3.8 (a safe downgrade: 3.9-IV0
/// changed no metadata) and back up, through kt's Kafka name and through
/// the controllers, each read back with Apache's tool.
pub fn changes_features_on(brokers: &str, controllers: &str) {
    let down = kafka(
        "kafka-features",
        &[
            "--bootstrap-server",
            brokers,
            "downgrade",
            "--metadata",
            "3.8",
        ],
    );
    assert_eq!(
        (down.stdout.as_str(), down.code),
        ("metadata.version was downgraded to 20.\n", Some(0)),
        "{down:?}"
    );
    finalized_becomes(brokers, "3.8-IV0");
    let up = kt(&[
        "features",
        "upgrade",
        "--metadata",
        "3.9-IV0",
        "--bootstrap-controller",
        controllers,
    ]);
    assert_eq!(
        (up.stdout.as_str(), up.code),
        ("metadata.version was upgraded to 21.\n", Some(0)),
        "{up:?}"
    );
    finalized_becomes(brokers, "3.9-IV0");
}

#[test]
fn the_single_nodes_features_and_id_read_as_apaches_tools_read_them() {
    let node = kt_testkit::kafka();
    reads_features_on(&node.address(), &node.controller_address());
}
