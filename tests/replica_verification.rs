//! kafka-replica-verification and `kt verify-replicas` on the three-node
//! cluster: replicas that agree, then a follower's copy of a batch made to
//! differ on disk (its stored CRC flipped while the broker runs, which the
//! broker serves as it is), found by kt's one pass (exit 5, the batch named)
//! and printed by kt's Kafka name with the same lines as Apache's tool.

use std::fs::OpenOptions;
use std::io::{Read, Seek, SeekFrom, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::util::*;
use kt_testkit::{KafkaCluster, KAFKA_3};

const CLASS: &str = "org.apache.kafka.tools.ReplicaVerificationTool";
const RECORDS: usize = 300;

/// `program args` run for `secs` seconds and stopped with SIGTERM: its
/// stdout lines without their `yyyy-MM-dd HH:mm:ss,SSS: ` time, each once.
fn lines_for(program: &str, args: &[String], secs: u64) -> Vec<String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting the tool");
    std::thread::sleep(kt_testkit::scaled(Duration::from_secs(secs)));
    assert!(kt_testkit::send_signal(child.id(), libc::SIGTERM));
    let deadline = std::time::Instant::now() + DEADLINE;
    assert!(kt_testkit::wait_until(deadline, || child
        .try_wait()
        .ok()
        .flatten()
        .is_some()));
    let mut text = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut text)
        .expect("its output");
    let mut seen: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.get(25..).unwrap_or(line).to_string();
        if !seen.contains(&line) {
            seen.push(line);
        }
    }
    seen
}

/// Apache's tool and kt's Kafka name on the same arguments: the lines
/// each printed.
fn both(b: &str, topic: &str, extra: &[&str]) -> (Vec<String>, Vec<String>) {
    let mut args: Vec<String> = [
        "--broker-list",
        b,
        "--topics-include",
        topic,
        "--report-interval-ms",
        "200",
    ]
    .iter()
    .chain(extra)
    .map(|s| s.to_string())
    .collect();
    let link = links().join("kafka-replica-verification");
    // A short client timeout, which each round must renew: a run longer
    // than it keeps its connections.
    let mut kt_args = args.clone();
    kt_args.extend([
        "--command-property".into(),
        "default.api.timeout.ms=1500".into(),
    ]);
    let kt_lines = lines_for(link.to_str().expect("a path"), &kt_args, 4);
    let mut java = kt_testkit::tool_command(KAFKA_3, CLASS, &[]).expect("Apache's tool");
    java.append(&mut args);
    let apache_lines = lines_for("java", &java, 6);
    (kt_lines, apache_lines)
}

fn verify_json(b: &str, topic: &str) -> (Option<i32>, Value) {
    let run = kt(&["verify-replicas", "-b", b, "--topic", topic, "-o", "json"]);
    let json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:?}"));
    (run.code, json)
}

pub fn verifies_replicas_on(cluster: &KafkaCluster) {
    let b = cluster.address();
    let topic = random_name("verify");
    crate::reassign::create_assigned(&b, &topic, "1:2,2:3,3:1");
    let records: Vec<Value> = (0..RECORDS)
        .map(|i| serde_json::json!({"partition": i % 3, "value": format!("record-{i}")}))
        .collect();
    produce_json_on(&b, &topic, &records);

    // Every replica agrees: kt's pass compares every offset and exits 0.
    let (code, json) = verify_json(&b, &topic);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["consistent"], true, "{json}");
    assert_eq!(json["finished"], true, "{json}");
    let t = &json["topics"][0];
    assert_eq!(
        (&t["partitions"], &t["replicas"], &t["offsets"]),
        (&Value::from(3), &Value::from(6), &Value::from(RECORDS)),
        "{json}"
    );
    let table = kt(&["verify-replicas", "-b", &b, "--topic", &topic]);
    assert_eq!(table.code, Some(0), "{table:?}");
    assert!(
        table.stdout.contains("3 partitions, ")
            && table.stdout.contains(" batches compared on every replica"),
        "{table:?}"
    );

    // Beside Apache's tool: from the partitions' ends, the same lag line
    // (the partition Java's HashMap iterates first, at its end offset).
    let (kt_lines, apache_lines) = both(&b, &topic, &[]);
    assert!(
        kt_lines.len() == 2 && kt_lines[1].starts_with("max lag is 0 for partition "),
        "{kt_lines:?}"
    );
    assert_eq!(kt_lines, apache_lines);

    // Partition 0's follower (broker 2) serves its first batch with another
    // CRC.
    let segment = cluster
        .data_dir(1)
        .join(format!("{topic}-0"))
        .join("00000000000000000000.log");
    let flip = || {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(&segment)
            .unwrap_or_else(|e| panic!("{}: {e}", segment.display()));
        let mut crc = [0u8; 4];
        file.seek(SeekFrom::Start(17)).unwrap();
        file.read_exact(&mut crc).unwrap();
        file.seek(SeekFrom::Start(17)).unwrap();
        file.write_all(&crc.map(|b| !b)).unwrap();
        file.sync_all().unwrap();
    };
    flip();
    let (code, json) = verify_json(&b, &topic);
    assert_eq!(code, Some(5), "{json}");
    assert_eq!(json["consistent"], false, "{json}");
    let mismatches = json["mismatches"].as_array().expect("mismatches");
    assert_eq!(mismatches.len(), 1, "{json}");
    let m = &mismatches[0];
    assert_eq!(
        (
            &m["partition"],
            &m["what"],
            &m["replica"],
            &m["other_replica"]
        ),
        (
            &Value::from(0),
            &Value::from("checksum"),
            &Value::from(1),
            &Value::from(2)
        ),
        "{json}"
    );
    // Kafka's lines for it, from the partitions' starts: the same as Apache's.
    let (kt_lines, apache_lines) = both(&b, &topic, &["--time", "-2"]);
    assert!(
        kt_lines.iter().any(|l| l.starts_with(&format!(
            "partition {topic}-0 has unmatched checksum at offset "
        ))),
        "{kt_lines:?}"
    );
    assert_eq!(kt_lines, apache_lines);
    flip();
    let (code, json) = verify_json(&b, &topic);
    assert_eq!(code, Some(0), "{json}");
    let run = kt(&["topics", "-b", &b, "--delete", "--topic", &topic]);
    assert_eq!(run.code, Some(0), "{run:?}");
}
