//! Apache Kafka itself: the broker kt is tested against and the tools its
//! output is compared with. The jars come from Maven Central through the
//! small poms in `tests/kafka/` (`.ci/run` copies them into the cache once
//! per machine; [`libs`] does it here when they are missing).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::{cache_dir, free_port, run_with_env, wait_until, Run, Server};

/// A Kafka release the tests use, and the pom that names its jars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Release {
    pub version: &'static str,
    /// The directory under `tests/kafka/` with its pom.
    pom_dir: &'static str,
    /// Kafka 3.x logs through log4j 1 (reload4j); 4.x through log4j 2.
    log4j2: bool,
}

/// The main reference: the last release with both ZooKeeper and KRaft mode.
pub const KAFKA_3: Release = Release {
    version: "3.9.2",
    pom_dir: "3.9",
    log4j2: false,
};

/// The newest 4.x that resolves: a second broker and a second set of tools.
pub const KAFKA_4: Release = Release {
    version: "4.4.0",
    pom_dir: "4.x",
    log4j2: true,
};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The directory of `release`'s jars, copied there by Maven when missing.
pub fn libs(release: Release) -> Result<PathBuf> {
    let dir = cache_dir().join(format!("kafka-{}", release.version));
    let libs = dir.join("libs");
    let done = dir.join("complete");
    if done.exists() {
        return Ok(libs);
    }
    let pom = repo_root()
        .join("tests/kafka")
        .join(release.pom_dir)
        .join("pom.xml");
    let status = Command::new("mvn")
        .args(["-q", "-B", "-f"])
        .arg(&pom)
        .arg("dependency:copy-dependencies")
        .arg(format!("-DoutputDirectory={}", libs.display()))
        .status()
        .context("running mvn (install Debian's maven package, or run bash .ci/run)")?;
    if !status.success() {
        bail!(
            "mvn could not copy Kafka {}'s jars ({status})",
            release.version
        );
    }
    std::fs::write(&done, "")?;
    Ok(libs)
}

/// Logging as Kafka's bin scripts set it up: tools log WARN and above to
/// stderr (`config/tools-log4j.properties`), the broker logs to a file.
fn log_config(release: Release, dir: &Path, to_file: Option<&Path>) -> Result<(String, PathBuf)> {
    let (path, text) = match (release.log4j2, to_file) {
        (false, None) => (
            dir.join("tools-log4j.properties"),
            "log4j.rootLogger=WARN, stderr\n\
             log4j.appender.stderr=org.apache.log4j.ConsoleAppender\n\
             log4j.appender.stderr.layout=org.apache.log4j.PatternLayout\n\
             log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n\n\
             log4j.appender.stderr.Target=System.err\n"
                .to_string(),
        ),
        (false, Some(file)) => (
            dir.join("log4j.properties"),
            format!(
                "log4j.rootLogger=INFO, file\n\
                 log4j.appender.file=org.apache.log4j.FileAppender\n\
                 log4j.appender.file.File={}\n\
                 log4j.appender.file.layout=org.apache.log4j.PatternLayout\n\
                 log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n\n",
                file.display()
            ),
        ),
        (true, None) => (
            dir.join("tools-log4j2.yaml"),
            "Configuration:\n  Appenders:\n    Console:\n      name: STDERR\n      target: SYSTEM_ERR\n      \
             PatternLayout:\n        pattern: \"[%d] %p %m (%c)%n\"\n  Loggers:\n    Root:\n      level: WARN\n      \
             AppenderRef:\n        - ref: STDERR\n"
                .to_string(),
        ),
        (true, Some(file)) => (
            dir.join("log4j2.yaml"),
            format!(
                "Configuration:\n  Appenders:\n    File:\n      name: FILE\n      fileName: \"{}\"\n      \
                 PatternLayout:\n        pattern: \"[%d] %p %m (%c)%n\"\n  Loggers:\n    Root:\n      level: INFO\n      \
                 AppenderRef:\n        - ref: FILE\n",
                file.display()
            ),
        ),
    };
    std::fs::write(&path, text)?;
    let property = if release.log4j2 {
        format!("-Dlog4j2.configurationFile={}", path.display())
    } else {
        format!("-Dlog4j.configuration=file:{}", path.display())
    };
    Ok((property, path))
}

/// The `java` command line for `class` of `release`, with a small heap:
/// several JVMs share 2 cores and the tests.
fn java_args(release: Release, heap: &str, log: &str, class: &str) -> Result<Vec<String>> {
    let libs = libs(release)?;
    Ok(vec![
        format!("-Xmx{heap}"),
        "-XX:+UseSerialGC".into(),
        // No hsperfdata file: two JVMs may otherwise warn about one locked by the other.
        "-XX:-UsePerfData".into(),
        "-XX:TieredStopAtLevel=1".into(),
        "-Djava.awt.headless=true".into(),
        log.to_string(),
        "-cp".into(),
        format!("{}/*", libs.display()),
        class.to_string(),
    ])
}

/// A directory for the tools' log4j file, made once.
fn tools_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temp dir"))
        .path()
}

/// Runs Apache's tool `class` of `release` (`org.apache.kafka.tools.TopicCommand`)
/// with `args` and `stdin`, as Kafka's bin scripts would, killed past `timeout`.
pub fn run_tool(
    release: Release,
    class: &str,
    args: &[&str],
    stdin: &[u8],
    timeout: Duration,
) -> Result<Run> {
    let (log, _) = log_config(release, tools_dir(), None)?;
    let mut all = java_args(release, "256m", &log, class)?;
    all.extend(args.iter().map(|a| a.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    run_with_env(Path::new("java"), &all, &[], stdin, timeout)
}

/// A KRaft cluster on loopback: each node a broker and a controller in one
/// JVM (a 512 MB heap), the nodes a quorum of voters. Retention is off: the
/// tests write records with timestamps years old, which Kafka's retention
/// check (every 5 minutes) would otherwise delete in the middle of a run. One node serves most
/// tests; three make the notes' `--replication-factor 3` real, and can be
/// killed and started again.
pub struct KafkaCluster {
    pub release: Release,
    dir: tempfile::TempDir,
    /// Each node's broker port; node ids are 1, 2, 3, ...
    ports: Vec<u16>,
    servers: Vec<Option<Server>>,
}

/// A single-node cluster (most tests).
pub type KafkaNode = KafkaCluster;

impl KafkaCluster {
    /// One node of `release`.
    pub fn start(release: Release) -> Result<KafkaCluster> {
        KafkaCluster::start_nodes(release, 1)
    }

    /// `nodes` nodes of `release`, formatted and started together; returns
    /// once every broker says it has started.
    pub fn start_nodes(release: Release, nodes: usize) -> Result<KafkaCluster> {
        let dir = tempfile::tempdir()?;
        let ports: Vec<u16> = (0..nodes).map(|_| free_port()).collect::<Result<_>>()?;
        let controllers: Vec<u16> = (0..nodes).map(|_| free_port()).collect::<Result<_>>()?;
        let voters: Vec<String> = controllers
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{}@127.0.0.1:{c}", i + 1))
            .collect();
        for (i, (port, controller)) in ports.iter().zip(&controllers).enumerate() {
            let home = dir.path().join(format!("node{}", i + 1));
            std::fs::create_dir_all(&home)?;
            let rf = nodes.min(3);
            std::fs::write(
                home.join("server.properties"),
                format!(
                    "process.roles=broker,controller\nnode.id={id}\n\
                     controller.quorum.voters={voters}\n\
                     listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller}\n\
                     advertised.listeners=PLAINTEXT://127.0.0.1:{port}\n\
                     controller.listener.names=CONTROLLER\ninter.broker.listener.name=PLAINTEXT\n\
                     listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n\
                     log.dirs={data}\nnum.partitions=1\noffsets.topic.replication.factor={rf}\n\
                     transaction.state.log.replication.factor={rf}\ntransaction.state.log.min.isr=1\n\
                     group.initial.rebalance.delay.ms=0\n\
                     log.retention.ms=-1\n",
                    id = i + 1,
                    voters = voters.join(","),
                    data = home.join("data").display(),
                ),
            )?;
            log_config(release, &home, Some(&home.join("server.log")))?;
            let format = run_tool(
                release,
                "kafka.tools.StorageTool",
                &[
                    "format",
                    "-t",
                    "MkU3OEVBNTcwNTJENDM2Qg",
                    "-c",
                    &home.join("server.properties").display().to_string(),
                ],
                b"",
                Duration::from_secs(60),
            )?;
            if format.code != Some(0) {
                bail!("formatting Kafka's storage failed: {format:?}");
            }
        }
        let mut cluster = KafkaCluster {
            release,
            dir,
            ports,
            servers: (0..nodes).map(|_| None).collect(),
        };
        for i in 0..nodes {
            cluster.spawn(i)?;
        }
        for i in 0..nodes {
            cluster.wait_started(i, 1)?;
        }
        Ok(cluster)
    }

    fn home(&self, node: usize) -> PathBuf {
        self.dir.path().join(format!("node{}", node + 1))
    }

    fn spawn(&mut self, node: usize) -> Result<()> {
        let home = self.home(node);
        let (log_property, _) = log_config(self.release, &home, Some(&home.join("server.log")))?;
        let mut args = java_args(self.release, "512m", &log_property, "kafka.Kafka")?;
        args.push(home.join("server.properties").display().to_string());
        let server = Server::spawn_unready(
            &home,
            Path::new("java"),
            &args,
            self.ports[node],
            "stdout.log",
        )?;
        self.servers[node] = Some(server);
        Ok(())
    }

    /// Waits until node `node` has said it started `times` times.
    fn wait_started(&self, node: usize, times: usize) -> Result<()> {
        let started = wait_until(Instant::now() + Duration::from_secs(120), || {
            self.node_log(node).matches("Kafka Server started").count() >= times
        });
        if !started {
            bail!(
                "Kafka {} node {} did not start:\n{}",
                self.release.version,
                node + 1,
                self.node_log(node)
            );
        }
        Ok(())
    }

    /// Every broker, as a bootstrap list.
    pub fn address(&self) -> String {
        self.ports
            .iter()
            .map(|p| format!("127.0.0.1:{p}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The broker port of the node with Kafka id `id` (1-based).
    pub fn port_of(&self, id: i32) -> Option<u16> {
        usize::try_from(id - 1)
            .ok()
            .and_then(|i| self.ports.get(i).copied())
    }

    /// The first node's log, for a failing test's message.
    pub fn log(&self) -> String {
        self.node_log(0)
    }

    fn node_log(&self, node: usize) -> String {
        std::fs::read_to_string(self.home(node).join("server.log")).unwrap_or_default()
    }

    /// SIGKILLs the node with Kafka id `id`.
    pub fn kill(&mut self, id: i32) -> Result<()> {
        let node = usize::try_from(id - 1).context("node ids start at 1")?;
        match self.servers.get_mut(node).and_then(Option::take) {
            Some(server) => server.kill(),
            None => bail!("node {id} is not running"),
        }
    }

    /// Starts the node with Kafka id `id` again on its port and data.
    pub fn restart(&mut self, id: i32) -> Result<()> {
        let node = usize::try_from(id - 1).context("node ids start at 1")?;
        let before = self.node_log(node).matches("Kafka Server started").count();
        self.spawn(node)?;
        self.wait_started(node, before + 1)
    }
}

/// The test run's Kafka 3.9 node (the main reference).
pub fn kafka() -> &'static KafkaNode {
    static NODE: OnceLock<KafkaNode> = OnceLock::new();
    NODE.get_or_init(|| KafkaNode::start(KAFKA_3).expect("starting Apache Kafka"))
}
