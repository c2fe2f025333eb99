//! kafka-metadata-quorum beside Apache's tool, on the shared single node
//! and (called by `failures.rs`) on the three-node cluster: `describe
//! --status`, `--replication` and `--human-readable`, through a broker and
//! through the controllers, the same once the numbers that move between
//! two calls (offsets, times, lag) are set aside; and `kt quorum -o json`.
//! On a dynamic quorum of its own (KIP-853), add-controller and
//! remove-controller through kt's Kafka name, beside Apache's dry runs.

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

/// The voters and observers of the quorum kt's JSON describes (node ids).
fn members(controllers: &str) -> (Vec<i64>, Vec<i64>) {
    let run = kt(&[
        "quorum",
        "--bootstrap-controller",
        controllers,
        "-o",
        "json",
    ]);
    let json: Value = serde_json::from_str(&run.stdout).unwrap_or(Value::Null);
    let ids = |key: &str| -> Vec<i64> {
        json[key]
            .as_array()
            .map(|a| a.iter().filter_map(|r| r["id"].as_i64()).collect())
            .unwrap_or_default()
    };
    (ids("voters"), ids("observers"))
}

/// KIP-853 on a dynamic quorum of Kafka 3.9 (one voter, and a controller
/// formatted without one, running as an observer): add-controller makes
/// it a voter and remove-controller an observer again, through kt's Kafka
/// name; every dry run and refusal prints what Apache's tool prints.
#[test]
fn add_and_remove_controller_change_a_dynamic_quorum() {
    let cluster =
        kt_testkit::KafkaCluster::start_dynamic_quorum(KAFKA_3).expect("a dynamic KRaft quorum");
    let controllers = cluster.controller_address();
    let config = cluster.config_of(2).display().to_string();
    let same = |args: &[&str]| -> String {
        let ours = kafka("kafka-metadata-quorum", args);
        let theirs = run_tool(KAFKA_3, CLASS, args, b"", DEADLINE).expect("Apache's tool");
        assert_eq!(
            (ours.code, &ours.stdout),
            (theirs.code, &theirs.stdout),
            "{args:?}\nkt: {ours:?}\nApache: {theirs:?}"
        );
        // Apache's admin client also warns of the controller's own
        // settings (log4j); the rest of stderr is the same.
        let quiet = |s: &str| -> String {
            s.lines()
                .filter(|l| !l.starts_with('['))
                .map(|l| format!("{l}\n"))
                .collect()
        };
        assert_eq!(quiet(&ours.stderr), quiet(&theirs.stderr), "{args:?}");
        ours.stdout
    };
    let deadline = std::time::Instant::now() + DEADLINE;
    assert!(kt_testkit::wait_until(deadline, || members(&controllers)
        .1
        .contains(&2)));
    assert_eq!(members(&controllers).0, vec![1]);

    let add = [
        "--bootstrap-controller",
        &controllers,
        "--command-config",
        &config,
        "add-controller",
    ];
    let dry = same(&[&add[..], &["--dry-run"]].concat());
    assert!(
        dry.starts_with("DRY RUN of adding controller 2 with directory id ")
            && dry.ends_with(&format!(
                " and endpoints: CONTROLLER://127.0.0.1:{}\n",
                controllers.rsplit(':').next().unwrap()
            )),
        "{dry}"
    );
    assert_eq!(
        members(&controllers).0,
        vec![1],
        "a dry run changes nothing"
    );
    let directory = dry
        .split("directory id ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .expect("a directory id")
        .to_string();
    same(&["--bootstrap-controller", &controllers, "add-controller"]);

    let run = kafka("kafka-metadata-quorum", &add);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        dry.replace("DRY RUN of adding", "Added"),
        "{run:?}"
    );
    assert!(kt_testkit::wait_until(deadline, || {
        let mut voters = members(&controllers).0;
        voters.sort();
        voters == vec![1, 2]
    }));

    let remove = |extra: &[&str]| -> Vec<String> {
        let mut args: Vec<String> = [
            "--bootstrap-controller",
            &controllers,
            "remove-controller",
            "--controller-id",
            "2",
            "--controller-directory-id",
            &directory,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let args = remove(&["--dry-run"]);
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(
        same(&words),
        format!("DRY RUN of removing  KRaft controller 2 with directory id {directory}\n")
    );
    for bad in [
        vec![
            "--bootstrap-controller",
            &controllers,
            "remove-controller",
            "-i",
            "-1",
            "-d",
            &directory,
        ],
        vec![
            "--bootstrap-controller",
            &controllers,
            "remove-controller",
            "-i",
            "2",
            "-d",
            "nope",
        ],
        vec![
            "--bootstrap-controller",
            &controllers,
            "remove-controller",
            "-i",
            "2",
            "-d",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        ],
    ] {
        same(&bad);
    }
    let args = remove(&[]);
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = kafka("kafka-metadata-quorum", &words);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        format!("Removed  KRaft controller 2 with directory id {directory}\n")
    );
    assert!(kt_testkit::wait_until(deadline, || {
        let (voters, observers) = members(&controllers);
        voters == vec![1] && observers.contains(&2)
    }));
    // The node's broker has two log directories.
    crate::reassign::moves_between_log_dirs_on(&cluster);
}
