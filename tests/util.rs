//! Running kt as a real process, directly and through Kafka-named links.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

pub use kt_testkit::{broker, random_name, Run};

/// Every kt run in the tests is killed past this.
pub const DEADLINE: Duration = Duration::from_secs(30);

pub fn kt_path() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_kt"))
}

/// Runs `kt args`.
pub fn kt(args: &[&str]) -> Run {
    kt_testkit::run_with_deadline(kt_path(), args, b"", DEADLINE).expect("running kt")
}

/// A directory of links to kt under every Kafka name, with and without `.sh`.
pub fn links() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in [
            "kafka-topics",
            "kafka-console-producer",
            "kafka-console-consumer",
            "kafka-producer-perf-test",
            "kafka-consumer-perf-test",
            "kafka-get-offsets",
            "kafka-run-class",
        ] {
            for file in [name.to_string(), format!("{name}.sh")] {
                std::os::unix::fs::symlink(kt_path(), dir.path().join(file)).expect("symlink");
            }
        }
        dir
    })
    .path()
}

/// Runs kt through the link `name` (e.g. `kafka-topics.sh`).
pub fn kafka(name: &str, args: &[&str]) -> Run {
    let program: PathBuf = links().join(name);
    kt_testkit::run_with_deadline(&program, args, b"", DEADLINE).expect("running a kt link")
}

/// The test broker's bootstrap address.
pub fn bootstrap() -> String {
    broker().address()
}

/// Creates a topic through kt and checks that it worked.
pub fn create_topic(name: &str, partitions: u32) {
    let b = bootstrap();
    let p = partitions.to_string();
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--create",
        "--topic",
        name,
        "--partitions",
        &p,
        "--replication-factor",
        "1",
    ]);
    assert_eq!(run.code, Some(0), "creating {name}: {run:?}");
}

/// Topic names the broker reports, through kt's JSON output.
pub fn topic_names() -> Vec<String> {
    let b = bootstrap();
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--list",
        "--output",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("list JSON");
    json["topics"]
        .as_array()
        .expect("topics array")
        .iter()
        .map(|t| t["name"].as_str().unwrap_or_default().to_string())
        .collect()
}
