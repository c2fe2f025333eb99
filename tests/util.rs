//! Running kt as a real process, directly and through Kafka-named links.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub use kt_testkit::{broker, random_name, Run};

/// Every kt run in the tests is killed past this.
pub const DEADLINE: Duration = Duration::from_secs(30);

pub fn kt_path() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_kt"))
}

/// One run of kt, as a builder: which name it runs under, its stdin, extra
/// environment and deadline. Every helper below is one of these; all of
/// them scrub kt's profile environment and kill the process past the
/// deadline (`kt_testkit::run_with_env`).
pub struct KtRun<'a> {
    program: PathBuf,
    args: &'a [&'a str],
    stdin: &'a [u8],
    env: &'a [(&'a str, &'a str)],
    deadline: Duration,
}

impl<'a> KtRun<'a> {
    /// `kt args`.
    pub fn new(args: &'a [&'a str]) -> Self {
        KtRun {
            program: kt_path().to_path_buf(),
            args,
            stdin: b"",
            env: &[],
            deadline: DEADLINE,
        }
    }

    /// Through the Kafka-named link `name` (e.g. `kafka-topics.sh`).
    pub fn link(mut self, name: &str) -> Self {
        self.program = links().join(name);
        self
    }

    pub fn stdin(mut self, stdin: &'a [u8]) -> Self {
        self.stdin = stdin;
        self
    }

    pub fn env(mut self, env: &'a [(&'a str, &'a str)]) -> Self {
        self.env = env;
        self
    }

    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    pub fn run(self) -> Run {
        kt_testkit::run_with_env(
            &self.program,
            self.args,
            self.env,
            self.stdin,
            self.deadline,
        )
        .unwrap_or_else(|e| panic!("running {}: {e:#}", self.program.display()))
    }
}

/// Runs `kt args`.
pub fn kt(args: &[&str]) -> Run {
    KtRun::new(args).run()
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
            "kafka-e2e-latency",
            "kafka-consumer-groups",
            "kafka-delete-records",
            "kafka-configs",
            "kafka-acls",
            "kafka-broker-api-versions",
            "kafka-log-dirs",
            "kafka-leader-election",
            "kafka-reassign-partitions",
            "kafka-metadata-quorum",
            "kafka-features",
            "kafka-cluster",
            "kafka-transactions",
            "kafka-client-metrics",
            "kafka-delegation-tokens",
            "kafka-streams-application-reset",
            "kafka-dump-log",
            "kafka-verifiable-producer",
            "kafka-verifiable-consumer",
            "kafka-replica-verification",
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

/// Each partition of `topic` as `kt topics --describe -o json` gives it
/// (leader, replicas, isr); empty while the brokers do not know the topic.
pub fn partitions_of(b: &str, topic: &str) -> Vec<serde_json::Value> {
    let run = kt(&[
        "topics",
        "-b",
        b,
        "--describe",
        "--topic",
        topic,
        "-o",
        "json",
    ]);
    serde_json::from_str::<serde_json::Value>(&run.stdout)
        .ok()
        .and_then(|json| json["topics"][0]["partitions"].as_array().cloned())
        .unwrap_or_default()
}

/// Runs kt through the link `name` (e.g. `kafka-topics.sh`).
pub fn kafka(name: &str, args: &[&str]) -> Run {
    KtRun::new(args).link(name).run()
}

/// The test broker's bootstrap address.
pub fn bootstrap() -> String {
    broker().address()
}

/// Creates a topic through kt and checks that it worked.
pub fn create_topic(name: &str, partitions: u32) {
    create_topic_on(&bootstrap(), name, partitions)
}

/// Creates a topic on the broker at `b` through kt and checks that it worked.
pub fn create_topic_on(b: &str, name: &str, partitions: u32) {
    let p = partitions.to_string();
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        b,
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
    topic_names_on(&bootstrap())
}

/// Topic names the broker at `b` reports, through kt's JSON output.
pub fn topic_names_on(b: &str) -> Vec<String> {
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        b,
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

/// Produces `records` (kt's JSON envelopes: partition, key, value,
/// timestamp, ...) to `topic` on the broker at `b`, and checks it worked.
pub fn produce_json_on(b: &str, topic: &str, records: &[serde_json::Value]) {
    let lines: String = records.iter().map(|r| format!("{r}\n")).collect();
    let run = kt_in(
        &[
            "produce",
            "--bootstrap-server",
            b,
            "--topic",
            topic,
            "--input",
            "json",
        ],
        lines.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
}

/// Runs `kt args` with `stdin` as its input.
pub fn kt_in(args: &[&str], stdin: &[u8]) -> Run {
    KtRun::new(args).stdin(stdin).run()
}

/// Runs a Kafka-named link with `stdin` as its input.
pub fn kafka_in(name: &str, args: &[&str], stdin: &[u8]) -> Run {
    KtRun::new(args).link(name).stdin(stdin).run()
}

/// Every record of a topic as kt's JSON envelopes, read to the end.
pub fn consume_all(topic: &str) -> Vec<serde_json::Value> {
    consume_all_on(&bootstrap(), topic)
}

/// Every record of `topic` on the brokers at `b`, read to the end.
pub fn consume_all_on(b: &str, topic: &str) -> Vec<serde_json::Value> {
    try_consume_all_on(b, topic).unwrap_or_else(|run| panic!("{run:?}"))
}

/// [`consume_all_on`], or the run that failed (no such topic, ...).
pub fn try_consume_all_on(b: &str, topic: &str) -> Result<Vec<serde_json::Value>, Run> {
    let run = kt(&[
        "consume",
        "--bootstrap-server",
        b,
        "--topic",
        topic,
        "--from-beginning",
        "--exit",
        "-o",
        "json",
    ]);
    if run.code != Some(0) {
        return Err(run);
    }
    Ok(run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON envelope"))
        .collect())
}

/// Apache Kafka 3.9's TopicCommand on `args`, as `bin/kafka-topics.sh` runs it.
pub fn apache_topics(args: &[&str]) -> Run {
    apache(
        kt_testkit::KAFKA_3,
        "org.apache.kafka.tools.TopicCommand",
        args,
    )
}

/// Apache's tool `class` of `release` on `args`, with no input.
pub fn apache(release: kt_testkit::Release, class: &str, args: &[&str]) -> Run {
    kt_testkit::run_tool(release, class, args, b"", Duration::from_secs(60))
        .unwrap_or_else(|e| panic!("running Apache's {class}: {e:#}"))
}

/// Commits `group`'s offsets of `scope` (`T` or `T:P,...`) on the brokers
/// at `b` with kt's reset, e.g. `&["--to-offset", "12"]`.
pub fn commit_offsets(b: &str, group: &str, scope: &str, strategy: &[&str]) {
    let mut args = vec![
        "groups",
        "-b",
        b,
        "--reset-offsets",
        "--group",
        group,
        "--topic",
        scope,
        "--execute",
    ];
    args.extend_from_slice(strategy);
    let run = kt(&args);
    assert_eq!(run.code, Some(0), "{run:?}");
}

/// Waits until process `pid` catches SIGINT (its handler is installed), read
/// from /proc so a test signals only a process ready for it.
pub fn wait_for_sigint_handler(pid: u32) -> bool {
    let deadline = std::time::Instant::now() + DEADLINE;
    kt_testkit::wait_until(deadline, || {
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("SigCgt:"))
                    .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
            })
            .is_some_and(|mask| mask & (1 << (libc::SIGINT - 1)) != 0)
    })
}

/// Runs a Kafka-named link with a longer deadline (the perf tools).
pub fn kafka_long(name: &str, args: &[&str]) -> Run {
    KtRun::new(args)
        .link(name)
        .deadline(Duration::from_secs(120))
        .run()
}

/// Runs `kt args` with extra environment variables (see `run_with_env`).
pub fn kt_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    KtRun::new(args).env(env).run()
}

/// Runs a Kafka-named link with extra environment variables.
pub fn kafka_env(name: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    KtRun::new(args).link(name).env(env).run()
}

/// Starts `program args` with every stream piped, for tests that feed input
/// or signal the process while it runs; kt's profiles are kept out, as in
/// `run_with_env`, and the process is killed when the handle is dropped, so
/// a failing assertion leaves nothing running.
pub fn spawn(program: &Path, args: &[&str]) -> Spawned {
    let child = Command::new(program)
        .args(args)
        .env_remove("KT_CLUSTER")
        .env_remove("KT_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting kt");
    Spawned(Some(child))
}

/// A child process that is killed and reaped when dropped.
pub struct Spawned(Option<Child>);

impl Spawned {
    /// Waits for it and collects what it printed (as `Child::wait_with_output`).
    pub fn wait_with_output(mut self) -> std::io::Result<std::process::Output> {
        self.0.take().expect("a child").wait_with_output()
    }
}

impl std::ops::Deref for Spawned {
    type Target = Child;
    fn deref(&self) -> &Child {
        self.0.as_ref().expect("a child")
    }
}

impl std::ops::DerefMut for Spawned {
    fn deref_mut(&mut self) -> &mut Child {
        self.0.as_mut().expect("a child")
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Reads exactly `n` bytes from `reader`, failing the test past [`DEADLINE`]
/// instead of hanging; gives the reader back.
pub fn read_exactly<R: std::io::Read + Send + 'static>(mut reader: R, n: usize) -> (Vec<u8>, R) {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = vec![0u8; n];
        let read = reader.read_exact(&mut buf).map(|()| buf);
        let _ = tx.send((read, reader));
    });
    match rx.recv_timeout(kt_testkit::scaled(DEADLINE)) {
        Ok((Ok(buf), reader)) => (buf, reader),
        Ok((Err(e), _)) => panic!("reading {n} bytes: {e}"),
        Err(_) => panic!("{n} bytes did not arrive within {DEADLINE:?}"),
    }
}

/// A tmux server of the test's own, for running kt on a real terminal.
pub struct Terminal {
    socket: String,
    session: String,
}

impl Terminal {
    /// Runs `command` on an 80-column terminal; the pane stays after it ends.
    pub fn run(command: &str) -> Terminal {
        let socket = random_name("kt-tmux");
        let session = "kt".to_string();
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "new-session",
                "-d",
                "-s",
                &session,
                "-x",
                "80",
                "-y",
                "50",
            ])
            .arg(format!("{command}; echo KT-DONE; sleep 120"))
            .env_remove("CI")
            .status()
            .expect("tmux (installed by .ci/run)");
        assert!(status.success());
        Terminal { socket, session }
    }

    /// The screen, wrapped lines joined.
    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "capture-pane",
                "-p",
                "-J",
                "-t",
                &self.session,
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits (bounded) until the screen holds `needle`; returns the screen.
    pub fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + DEADLINE;
        let mut screen = String::new();
        kt_testkit::wait_until(deadline, || {
            screen = self.screen();
            screen.contains(needle)
        });
        screen
    }
}

impl Terminal {
    /// Types `keys` (tmux key names: `n`, `Enter`) into the terminal.
    pub fn send(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", &self.session])
            .args(keys)
            .status()
            .expect("tmux");
        assert!(status.success());
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

/// The lines a child writes, read on a thread of their own so that a test
/// waits for each within the tests' deadline instead of for ever.
pub struct Lines(std::sync::mpsc::Receiver<String>);

impl Lines {
    pub fn of<R: std::io::Read + Send + 'static>(reader: R) -> Lines {
        use std::io::BufRead;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(reader).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Lines(rx)
    }

    /// The next line if one comes within `wait`.
    pub fn try_line(&self, wait: Duration) -> Option<String> {
        self.0.recv_timeout(wait).ok()
    }

    /// The next line, failing the test past [`DEADLINE`] (scaled).
    pub fn next_line(&self) -> String {
        self.0
            .recv_timeout(kt_testkit::scaled(DEADLINE))
            .unwrap_or_else(|e| panic!("no line within {DEADLINE:?}: {e}"))
    }
}

/// Leaves a transaction open on partition 0 of `topic`: a transactional
/// producer (transactional id `id`, transactions of ten minutes, a timeout
/// of fifteen) writes until the partition's leader knows its open
/// transaction (bounded: 30 s), and is then killed. The transaction's start
/// offset, as kafka-transactions describe-producers prints it.
pub fn leave_transaction_open(b: &str, topic: &str, id: &str) -> String {
    let mut producer = spawn(
        kt_path(),
        &[
            "perf",
            "producer",
            "-b",
            b,
            "-t",
            topic,
            "--num-records",
            "1000000",
            "--record-size",
            "10",
            "--throughput",
            "20",
            "--transactional-id",
            id,
            "--transaction-duration-ms",
            "600000",
            "--producer-props",
            "transaction.timeout.ms=900000",
        ],
    );
    let described = [
        "--bootstrap-server",
        b,
        "describe-producers",
        "--topic",
        topic,
        "--partition",
        "0",
    ];
    let deadline = Instant::now() + Duration::from_secs(30);
    let start = loop {
        let run = kafka("kafka-transactions", &described);
        let open_at = run
            .stdout
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').nth(5).map(str::trim))
            .find(|s| *s != "None")
            .map(str::to_string);
        if let Some(start) = open_at {
            break start;
        }
        assert!(
            Instant::now() < deadline,
            "no open transaction on {topic}: {run:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    producer.kill().expect("killing the producer");
    let _ = producer.wait();
    start
}
