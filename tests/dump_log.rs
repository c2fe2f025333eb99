//! kafka-dump-log beside Apache's DumpLogSegments, on files the tests make
//! on the shared single node: a topic of small segments (keys, headers,
//! index entries every 100 bytes, producer snapshots at each roll), one
//! per compression codec, a transactional topic with a committed and an
//! aborted transaction, a compacted topic, `__consumer_offsets` (also
//! through `--offsets-decoder`), `__transaction_state` (through
//! `--transaction-log-decoder`) and the KRaft metadata log with its
//! snapshots (also through `--cluster-metadata-decoder`). Every file, with each of the
//! tool's modes, prints the same stdout and exit code as Apache's tool,
//! and the same stderr once Java's stack-trace lines are set aside.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::util::*;
use kt_testkit::{run_tool, KAFKA_3};

const CLASS: &str = "kafka.tools.DumpLogSegments";

/// stderr without the lines of a Java stack trace (the README's departure).
fn without_trace(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with('\t') && !l.starts_with("Caused by: "))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// kt's Kafka name and Apache's tool on `args`: the same.
fn same(args: &[&str]) {
    let ours = kafka("kafka-dump-log", args);
    let theirs =
        run_tool(KAFKA_3, CLASS, args, b"", Duration::from_secs(120)).expect("Apache's tool");
    assert_eq!(
        ours.code, theirs.code,
        "{args:?}\nkt: {ours:?}\nApache: {theirs:?}"
    );
    if ours.stdout != theirs.stdout {
        let line = ours
            .stdout
            .lines()
            .zip(theirs.stdout.lines())
            .position(|(a, b)| a != b);
        panic!(
            "{args:?}: stdout differs at line {line:?}\nkt: {:?}\nApache: {:?}",
            line.and_then(|l| ours.stdout.lines().nth(l)),
            line.and_then(|l| theirs.stdout.lines().nth(l)),
        );
    }
    assert_eq!(
        without_trace(&ours.stderr),
        without_trace(&theirs.stderr),
        "{args:?}"
    );
}

/// The files of partition 0 of `topic` with `suffix`, oldest first.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    found.retain(|p| p.to_string_lossy().ends_with(suffix));
    found.sort();
    found
}

fn produce(b: &str, topic: &str, extra: &[&str], lines: &str) {
    let mut args = vec!["--bootstrap-server", b, "--topic", topic];
    args.extend(extra);
    let run = kafka_in("kafka-console-producer", &args, lines.as_bytes());
    assert_eq!(run.code, Some(0), "{run:?}");
}

fn configs(b: &str, topic: &str, settings: &str) {
    let run = kt(&[
        "topics",
        "-b",
        b,
        "--create",
        "--topic",
        topic,
        "--partitions",
        "1",
        "--config",
        settings,
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn dumps_every_kind_of_file_as_apaches_tool_does() {
    let node = kt_testkit::kafka();
    let b = node.address();
    let data = node.data_dir(0);

    // Small segments: several rolls, producer snapshots, dense indexes.
    let rolled = random_name("dumproll");
    let create = kt(&[
        "topics",
        "-b",
        &b,
        "--create",
        "--topic",
        &rolled,
        "--partitions",
        "1",
        "--config",
        "segment.bytes=4096",
        "--config",
        "index.interval.bytes=100",
    ]);
    assert_eq!(create.code, Some(0), "{create:?}");
    let lines: String = (0..400)
        .map(|i| format!("h{i}:v,h{i}b:w\tk{i}\tvalue-{i}-ünïcode\n"))
        .collect();
    let keyed = [
        "--property",
        "parse.headers=true",
        "--property",
        "parse.key=true",
        "--batch-size",
        "5",
    ];
    produce(&b, &rolled, &keyed, &lines);
    produce(&b, &rolled, &[], "null-key\n\n");
    // Bytes that are not UTF-8: an encoded surrogate, an overlong lead, a
    // stray continuation, a cut sequence (Java replaces them its own way).
    let odd = kafka_in(
        "kafka-console-producer",
        &["--bootstrap-server", &b, "--topic", &rolled],
        b"a\xed\xa0\x80b \xe0\x80\x80 \x80 \xf0\x9f\x41 \xe1\x80\n",
    );
    assert_eq!(odd.code, Some(0), "{odd:?}");

    // One topic per codec.
    let mut codecs = Vec::new();
    for codec in ["gzip", "snappy", "lz4", "zstd"] {
        let t = random_name(&format!("dump{codec}"));
        create_topic_on(&b, &t, 1);
        let lines: String = (0..50).map(|i| format!("{codec} record {i}\n")).collect();
        produce(
            &b,
            &t,
            &["--compression-codec", codec, "--batch-size", "20"],
            &lines,
        );
        codecs.push(t);
    }

    // Transactions: one committed, one aborted.
    let tx = random_name("dumptx");
    create_topic_on(&b, &tx, 1);
    let committed = kt(&[
        "perf",
        "producer",
        "-b",
        &b,
        "-t",
        &tx,
        "--num-records",
        "30",
        "--record-size",
        "20",
        "--throughput",
        "-1",
        "--transactional-id",
        &random_name("dumptxid"),
        "--transaction-duration-ms",
        "50",
    ]);
    assert_eq!(committed.code, Some(0), "{committed:?}");
    let start = leave_transaction_open(&b, &tx, &random_name("dumptxid"));
    let abort = kafka(
        "kafka-transactions",
        &[
            "--bootstrap-server",
            &b,
            "abort",
            "--topic",
            &tx,
            "--partition",
            "0",
            "--start-offset",
            &start,
        ],
    );
    assert_eq!(abort.code, Some(0), "{abort:?}");

    // A compacted topic with a tombstone.
    let compacted = random_name("dumpcompact");
    configs(&b, &compacted, "cleanup.policy=compact");
    produce(
        &b,
        &compacted,
        &[
            "--property",
            "parse.key=true",
            "--property",
            "null.marker=NULL",
        ],
        "a\t1\nb\t2\na\t3\nb\tNULL\n",
    );

    let partition = |t: &str| data.join(format!("{t}-0"));
    let s = |p: &Path| p.to_string_lossy().into_owned();
    // The first rolled segments and the active one, and every other
    // topic's segment, in each mode.
    let segments = files(&partition(&rolled), ".log");
    assert!(
        segments.len() > 3,
        "the small segments rolled: {segments:?}"
    );
    let mut logs: Vec<PathBuf> = segments[..2].to_vec();
    logs.extend(segments.last().cloned());
    for t in codecs.iter().chain([&tx, &compacted]) {
        logs.extend(files(&partition(t), ".log"));
    }
    for log in &logs {
        let l = s(log);
        same(&["--files", &l]);
        same(&["--files", &l, "--deep-iteration"]);
        same(&["--files", &l, "--print-data-log"]);
        same(&["--files", &l, "--print-data-log", "--skip-record-metadata"]);
    }
    let first = s(&logs[0]);
    same(&["--files", &first, "--max-bytes", "300", "--deep-iteration"]);
    same(&[
        "--files",
        &first,
        "--value-decoder-class",
        "kafka.serializer.StringDecoder",
        "--key-decoder-class",
    ]);
    same(&[
        "--files",
        &first,
        "--value-decoder-class",
        "org.apache.kafka.tools.api.IntegerDecoder",
    ]);
    // Indexes (the active segment's are preallocated), transactions, snapshots.
    let dir = partition(&rolled);
    let mut others: Vec<PathBuf> = Vec::new();
    for suffix in [".index", ".timeindex", ".snapshot"] {
        others.extend(files(&dir, suffix));
    }
    others.extend(files(&partition(&tx), ".txnindex"));
    others.extend(files(&partition(&tx), ".snapshot"));
    assert!(
        !files(&dir, ".snapshot").is_empty(),
        "producer snapshots at the rolls"
    );
    for f in &others {
        let f = s(f);
        same(&["--files", &f]);
        if f.ends_with("index") {
            same(&["--files", &f, "--verify-index-only"]);
            same(&["--files", &f, "--index-sanity-check"]);
        }
    }
    // Several files at once, and what is not a segment.
    let all: Vec<String> = files(&dir, "").iter().map(|p| s(p)).collect();
    same(&["--files", &all.join(",")]);
    // The group coordinator's and the KRaft controller's logs.
    let offsets: Vec<PathBuf> = (0..50)
        .flat_map(|p| files(&data.join(format!("__consumer_offsets-{p}")), ".log"))
        .filter(|f| std::fs::metadata(f).is_ok_and(|m| m.len() > 0))
        .take(2)
        .collect();
    // Other tests commit offsets and the metadata log grows twice a second:
    // both tools read one copy of each.
    let copy = tempfile::tempdir().expect("temp dir");
    for (i, f) in offsets.iter().enumerate() {
        let dir = copy.path().join(format!("offsets-{i}"));
        std::fs::create_dir_all(&dir).expect("a directory");
        let to = dir.join(f.file_name().expect("a name"));
        std::fs::copy(f, &to).expect("copying an offsets log");
        same(&["--files", &s(&to), "--deep-iteration"]);
        same(&["--files", &s(&to), "--print-data-log"]);
        same(&["--files", &s(&to), "--offsets-decoder"]);
    }
    // The transaction coordinator's log, through its decoder.
    let transactions: Vec<PathBuf> = (0..50)
        .flat_map(|p| files(&data.join(format!("__transaction_state-{p}")), ".log"))
        .filter(|f| std::fs::metadata(f).is_ok_and(|m| m.len() > 0))
        .take(3)
        .collect();
    assert!(
        !transactions.is_empty(),
        "the transactions above left coordinator records"
    );
    for (i, f) in transactions.iter().enumerate() {
        let dir = copy.path().join(format!("transactions-{i}"));
        std::fs::create_dir_all(&dir).expect("a directory");
        let to = dir.join(f.file_name().expect("a name"));
        std::fs::copy(f, &to).expect("copying a transaction log");
        same(&["--files", &s(&to), "--transaction-log-decoder"]);
        same(&[
            "--files",
            &s(&to),
            "--transaction-log-decoder",
            "--skip-record-metadata",
        ]);
    }
    let metadata = data.join("__cluster_metadata-0");
    for f in files(&metadata, ".log") {
        let to = copy.path().join(f.file_name().expect("a name"));
        std::fs::copy(&f, &to).expect("copying the metadata log");
        same(&["--files", &s(&to), "--deep-iteration"]);
        same(&["--files", &s(&to), "--print-data-log"]);
        same(&["--files", &s(&to), "--cluster-metadata-decoder"]);
        same(&[
            "--files",
            &s(&to),
            "--cluster-metadata-decoder",
            "--skip-record-metadata",
        ]);
    }
    for f in files(&metadata, ".checkpoint").iter().take(2) {
        same(&["--files", &s(f), "--deep-iteration"]);
        same(&["--files", &s(f), "--cluster-metadata-decoder"]);
    }
    // Tiered storage's metadata records (as TopicBasedRemoteLogMetadataManager
    // writes them to __remote_log_metadata), and broken ones.
    let remote = random_name("dumprlmm");
    let create = kt(&["topics", "-b", &b, "--create", "--topic", &remote]);
    assert_eq!(create.code, Some(0), "{create:?}");
    produce_json_on(&b, &remote, &remote_log_records());
    let logs = files(&data.join(format!("{remote}-0")), ".log");
    assert_eq!(logs.len(), 1, "{logs:?}");
    for f in logs {
        let to = copy.path().join(format!(
            "rlmm-{}",
            f.file_name().expect("a name").to_string_lossy()
        ));
        std::fs::copy(&f, &to).expect("copying the remote log metadata");
        same(&["--files", &s(&to), "--remote-log-metadata-decoder"]);
        same(&[
            "--files",
            &s(&to),
            "--remote-log-metadata-decoder",
            "--skip-record-metadata",
        ]);
    }
    // A decoder on the wrong log: every record is an error line, as in Java.
    if let Some(f) = offsets.first() {
        let to = copy.path().join("wrong.log");
        std::fs::copy(f, &to).expect("copying an offsets log");
        same(&["--files", &s(&to), "--cluster-metadata-decoder"]);
    }
}

/// `AbstractApiMessageSerde`'s frame (frame version 1, api key, version 0)
/// around a flexible-version body, as a record value for the JSON input.
fn framed(api_key: u8, body: &[u8]) -> serde_json::Value {
    use base64::Engine as _;
    let mut v = vec![1, api_key, 0];
    v.extend_from_slice(body);
    serde_json::json!({ "value": { "base64": base64::engine::general_purpose::STANDARD.encode(v) } })
}

/// RemoteLogSegmentMetadataRecord and its kin (Kafka 3.9's
/// storage/src/main/resources/message schemas, flexible version 0): every
/// record type, custom metadata or none, leader epochs out of order, and
/// records Kafka's serde refuses (frame 0, no epochs, an unknown type,
/// bytes left over).
fn remote_log_records() -> Vec<serde_json::Value> {
    let string = |s: &str| -> Vec<u8> {
        let mut v = vec![s.len() as u8 + 1];
        v.extend_from_slice(s.as_bytes());
        v
    };
    let uuid = |n: u8| -> Vec<u8> {
        let mut v = vec![0u8; 15];
        v.push(n);
        v
    };
    let tip = || -> Vec<u8> {
        [
            string("tiered"),
            uuid(7),
            3i32.to_be_bytes().to_vec(),
            vec![0],
        ]
        .concat()
    };
    let segment_id = || -> Vec<u8> { [tip(), uuid(9), vec![0]].concat() };
    let epochs = |e: &[(i32, i64)]| -> Vec<u8> {
        let mut v = vec![e.len() as u8 + 1];
        for (epoch, offset) in e {
            v.extend(epoch.to_be_bytes());
            v.extend(offset.to_be_bytes());
            v.push(0);
        }
        v
    };
    let custom = |c: Option<&[u8]>| -> Vec<u8> {
        match c {
            None => vec![0],
            Some(b) => [vec![b.len() as u8 + 1], b.to_vec()].concat(),
        }
    };
    let segment = |start: i64, end: i64, e: &[(i32, i64)], c: Option<&[u8]>, state: u8| {
        [
            segment_id(),
            start.to_be_bytes().to_vec(),
            end.to_be_bytes().to_vec(),
            1i32.to_be_bytes().to_vec(),
            1_700_000_000_000i64.to_be_bytes().to_vec(),
            1_700_000_000_500i64.to_be_bytes().to_vec(),
            epochs(e),
            4096i32.to_be_bytes().to_vec(),
            custom(c),
            vec![state, 0],
        ]
        .concat()
    };
    let update = [
        segment_id(),
        2i32.to_be_bytes().to_vec(),
        1_700_000_001_000i64.to_be_bytes().to_vec(),
        custom(Some(b"meta")),
        vec![1, 0],
    ]
    .concat();
    let delete = [
        tip(),
        1i32.to_be_bytes().to_vec(),
        1_700_000_002_000i64.to_be_bytes().to_vec(),
        vec![2, 0],
    ]
    .concat();
    let snapshot = [
        uuid(11),
        0i64.to_be_bytes().to_vec(),
        99i64.to_be_bytes().to_vec(),
        1i32.to_be_bytes().to_vec(),
        1_700_000_000_000i64.to_be_bytes().to_vec(),
        1_700_000_003_000i64.to_be_bytes().to_vec(),
        epochs(&[(0, 0)]),
        2048i32.to_be_bytes().to_vec(),
        custom(None),
        vec![3, 0],
    ]
    .concat();
    let garbage = [segment(0, 9, &[(0, 0)], None, 0), vec![42]].concat();
    vec![
        framed(0, &segment(0, 99, &[(0, 0)], None, 0)),
        framed(
            0,
            &segment(100, 199, &[(2, 150), (1, 100)], Some(b"abc"), 1),
        ),
        framed(1, &update),
        framed(2, &delete),
        framed(3, &snapshot),
        framed(0, &segment(0, 9, &[], None, 0)),
        framed(0, &segment(50, 9, &[(0, 0)], None, 0)),
        framed(0, &segment(0, 9, &[(0, 0)], None, 9)),
        framed(9, &delete),
        framed(0, &garbage),
        serde_json::json!({ "value": { "base64": "AAAA" } }),
    ]
}
