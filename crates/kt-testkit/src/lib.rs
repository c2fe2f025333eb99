//! Test harness for kt's integration tests: Apache Kafka brokers (KRaft and
//! ZooKeeper mode) and a ZooKeeper per test run on free loopback ports,
//! Apache's own tools, random names, and kt runs with deadlines.
//!
//! Servers are started once per test process and tied to it: each runs under
//! a small shell wrapper that kills it when its stdin closes, which happens
//! when the test process exits (a `static` is never dropped).

#![forbid(unsafe_code)]

use std::io::Write as _;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};

mod kafka;
mod kdc;
mod oauth;
mod security;
pub use kafka::{
    kafka, kafka4, kafka_zookeeper_mode, libs as kafka_libs, run_tool, tool_command, KafkaCluster,
    KafkaNode, Release, FARAWAY_HOST, KAFKA_3, KAFKA_4,
};
pub use kdc::{kdc, Kdc, KERBEROS_HOST, REALM};
pub use oauth::{oauth, TokenServer};
pub use security::{Certs, ClientStores, KEY_PASSWORD, STORE_PASSWORD};

/// Where installed test servers are cached: `$KT_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/kt`, else `~/.cache/kt`.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("KT_CACHE_DIR") {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("kt")
}

/// Runs `command` (a tool the kit makes files with: openssl, keytool,
/// kadmin) to its end; its output in the error when it fails.
pub(crate) fn succeed(command: &mut std::process::Command, what: &str) -> Result<()> {
    let out = command
        .output()
        .with_context(|| format!("running {what}"))?;
    if !out.status.success() {
        anyhow::bail!(
            "{what} {:?}: {}{}",
            command.get_args().collect::<Vec<_>>(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// A free TCP port on 127.0.0.1 for a server the kit starts, below the
/// kernel's ephemeral range: a port the kernel picked (`bind(0)`) and let
/// go could be handed to a test's outgoing connection before the server
/// binds it (a three-node cluster binds some thirty), and then the node
/// does not start ("Address already in use"). Each port is handed out once
/// per run, and only if it can be bound now.
pub fn free_port() -> Result<u16> {
    use std::collections::BTreeSet;
    use std::sync::Mutex;
    static GIVEN: Mutex<BTreeSet<u16>> = Mutex::new(BTreeSet::new());
    let ephemeral = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|r| {
            r.split_whitespace()
                .next()
                .and_then(|p| p.parse::<u16>().ok())
        })
        .unwrap_or(32768);
    let (low, high) = (10_000u16, ephemeral.max(10_001));
    let span = u32::from(high - low);
    let start = std::process::id() % span;
    let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
    for i in 0..span {
        let port = low + u16::try_from((start + i * 7919) % span).unwrap_or(0);
        if given.contains(&port) {
            continue;
        }
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            given.insert(port);
            return Ok(port);
        }
    }
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// `d` stretched for a loaded machine: by `KT_TEST_TIME_SCALE` when set,
/// else by the load average per core (1 to 4), read when asked. Every wait
/// and every bound on how long kt may take in the tests goes through this,
/// so a busy machine slows the suite down instead of failing it.
pub fn scaled(d: Duration) -> Duration {
    let factor = std::env::var("KT_TEST_TIME_SCALE")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .unwrap_or_else(load_per_core);
    d.mul_f64(factor.clamp(1.0, 10.0))
}

/// The 1-minute load average per core, at least 1 and at most 4.
fn load_per_core() -> f64 {
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .unwrap_or(0.0);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    (load / cores).clamp(1.0, 4.0)
}

/// Polls `check` until it is true or `deadline` passes, the time left to
/// it stretched on a loaded machine ([`scaled`]).
pub fn wait_until(deadline: Instant, mut check: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + scaled(deadline.saturating_duration_since(Instant::now()));
    loop {
        if check() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn accepts_connections(port: u16) -> bool {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok()
}

/// A server process that dies when the test process does.
pub struct Server {
    pub port: u16,
    _dir: Option<tempfile::TempDir>,
    _stdin: Mutex<ChildStdin>,
    _child: Mutex<Child>,
}

impl Server {
    /// Starts `program args` in a fresh temporary directory under a wrapper
    /// that kills it when our end of its stdin closes (SIGTERM, then SIGKILL
    /// after 10 s), then waits for `port`.
    fn spawn(program: &Path, args: &[String], port: u16, log: &str) -> Result<Server> {
        Server::spawn_with_env(program, args, port, log, &[])
    }

    /// [`Server::spawn`] with extra environment variables.
    fn spawn_with_env(
        program: &Path,
        args: &[String],
        port: u16,
        log: &str,
        env: &[(&str, String)],
    ) -> Result<Server> {
        let dir = tempfile::tempdir()?;
        let mut server = Server::spawn_in(dir.path(), program, args, port, log, env)?;
        server._dir = Some(dir);
        Ok(server)
    }

    /// [`Server::spawn`] in `dir`, which the caller keeps.
    fn spawn_in(
        dir: &Path,
        program: &Path,
        args: &[String],
        port: u16,
        log: &str,
        env: &[(&str, String)],
    ) -> Result<Server> {
        let server = Server::spawn_unready_with_env(dir, program, args, port, log, env)?;
        let up = wait_until(Instant::now() + Duration::from_secs(60), || {
            accepts_connections(port) || !server.running()
        });
        if !up || !accepts_connections(port) {
            let log = std::fs::read_to_string(dir.join(log)).unwrap_or_default();
            bail!("{} did not start on port {port}:\n{log}", program.display());
        }
        Ok(server)
    }

    /// Starts `program args` in `dir` under the wrapper, without waiting for
    /// it: servers that only open their port together (a KRaft quorum).
    fn spawn_unready(
        dir: &Path,
        program: &Path,
        args: &[String],
        port: u16,
        log: &str,
    ) -> Result<Server> {
        Server::spawn_unready_with_env(dir, program, args, port, log, &[])
    }

    fn spawn_unready_with_env(
        dir: &Path,
        program: &Path,
        args: &[String],
        port: u16,
        log: &str,
        env: &[(&str, String)],
    ) -> Result<Server> {
        let log_path = dir.join(log);
        let mut child = Command::new("sh")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .arg("-c")
            // A Kafka node can hang in its shutdown (SIGTERM), so it gets
            // 10 s and then SIGKILL: nothing outlives the test run.
            .arg(r#"log="$1"; shift; "$@" >>"$log" 2>&1 & pid=$!; cat >/dev/null; kill $pid 2>/dev/null; for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $pid 2>/dev/null || exit 0; sleep 1; done; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null"#)
            .arg("kt-testkit")
            .arg(&log_path)
            .arg(program)
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("starting {}", program.display()))?;
        let stdin = child.stdin.take().context("server stdin")?;
        Ok(Server {
            port,
            _dir: None,
            _stdin: Mutex::new(stdin),
            _child: Mutex::new(child),
        })
    }

    /// Whether the wrapper (and so the server) still runs.
    fn running(&self) -> bool {
        self._child
            .lock()
            .map(|mut c| c.try_wait().ok().flatten().is_none())
            .unwrap_or(false)
    }

    pub fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Kills the server with SIGKILL (no clean shutdown) and waits until its
    /// port is closed.
    pub fn kill(self) -> Result<()> {
        let wrapper = self
            ._child
            .lock()
            .map_err(|_| anyhow::anyhow!("poisoned"))?
            .id();
        let status = Command::new("pkill")
            .args(["-KILL", "-P", &wrapper.to_string()])
            .status()
            .context("running pkill")?;
        if !status.success() {
            bail!("no server process under wrapper {wrapper}");
        }
        drop(self._stdin);
        let mut child = self
            ._child
            .into_inner()
            .map_err(|_| anyhow::anyhow!("poisoned"))?;
        child.wait()?;
        let port = self.port;
        if !wait_until(Instant::now() + Duration::from_secs(10), || {
            !accepts_connections(port)
        }) {
            bail!("port {port} still open after the kill");
        }
        Ok(())
    }
}

/// The test run's broker: Apache Kafka 3.9, one KRaft node.
pub fn broker() -> &'static KafkaNode {
    kafka()
}

/// The test run's ZooKeeper (Debian's `zookeeper` package, run with java).
pub fn zookeeper() -> &'static Server {
    static ZK: OnceLock<Server> = OnceLock::new();
    ZK.get_or_init(|| start_zookeeper().expect("starting ZooKeeper (apt-get install -y zookeeper)"))
}

fn start_zookeeper() -> Result<Server> {
    let jars = Path::new("/usr/share/java/zookeeper.jar");
    if !jars.exists() {
        bail!("ZooKeeper is not installed: apt-get install -y zookeeper");
    }
    let port = free_port()?;
    let conf_dir = tempfile::tempdir()?;
    let data = conf_dir.path().join("data");
    std::fs::create_dir_all(&data)?;
    let cfg = conf_dir.path().join("zoo.cfg");
    let mut f = std::fs::File::create(&cfg)?;
    writeln!(
        f,
        "tickTime=2000\ndataDir={}\nclientPort={port}\nclientPortAddress=127.0.0.1\nadmin.enableServer=false\n4lw.commands.whitelist=ruok",
        data.display()
    )?;
    let args = [
        "-cp".to_string(),
        "/usr/share/java/*".into(),
        "-Dzookeeper.log.dir=.".into(),
        "org.apache.zookeeper.server.ZooKeeperServerMain".into(),
        cfg.display().to_string(),
    ];
    let server = Server::spawn(Path::new("java"), &args, port, "zookeeper.log")?;
    // The config directory must outlive the server.
    std::mem::forget(conf_dir);
    Ok(server)
}

/// A unique name for a topic or group: tests never share one.
pub fn random_name(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{prefix}-{}-{}-{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// What a finished kt run printed.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    /// The signal that ended the process, if one did.
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn first_stderr_line(&self) -> &str {
        self.stderr.lines().next().unwrap_or("")
    }
}

/// Runs `program args` with `stdin` as input, killing it past `timeout`
/// ([`scaled`] on a loaded machine).
/// Input is fed and output drained on their own threads, so a child that
/// writes more than a pipe holds never blocks.
pub fn run_with_deadline(
    program: &Path,
    args: &[&str],
    stdin: &[u8],
    timeout: Duration,
) -> Result<Run> {
    run_with_env(program, args, &[], stdin, timeout)
}

/// An empty config directory, so the user's own kt profiles never reach a test.
fn empty_config_home() -> &'static Path {
    static DIR: OnceLock<Option<tempfile::TempDir>> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().ok())
        .as_ref()
        .map_or(Path::new("/nonexistent-kt-config-home"), |d| d.path())
}

/// [`run_with_deadline`] with extra environment variables. kt's profile
/// variables (KT_CONFIG, KT_CLUSTER, XDG_CONFIG_HOME) are cleared first, so
/// only what `env` sets applies.
pub fn run_with_env(
    program: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    stdin: &[u8],
    timeout: Duration,
) -> Result<Run> {
    use std::io::Read as _;
    let mut command = Command::new(program);
    command
        .env_remove("KT_CONFIG")
        .env_remove("KT_CLUSTER")
        .env("XDG_CONFIG_HOME", empty_config_home());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {}", program.display()))?;
    let mut input = child.stdin.take().context("child stdin")?;
    let data = stdin.to_vec();
    // A child that exits early closes its stdin; that write error is fine.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let drain = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().context("child stdout")?));
    let err = drain(Box::new(child.stderr.take().context("child stderr")?));
    let timeout = scaled(timeout);
    let finished = wait_until(Instant::now() + timeout, || {
        child.try_wait().ok().flatten().is_some()
    });
    if !finished {
        let _ = child.kill();
    }
    let status = child.wait()?;
    let _ = writer.join();
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    if !finished {
        bail!(
            "{} {args:?} did not finish within {timeout:?}; stderr: {}",
            program.display(),
            String::from_utf8_lossy(&stderr)
        );
    }
    use std::os::unix::process::ExitStatusExt as _;
    Ok(Run {
        code: status.code(),
        signal: status.signal(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    })
}

/// Sends signal `sig` (`libc::SIGINT`, say) to the child `pid`, as a
/// user's Ctrl-C or `kill` would; false when it could not be sent.
pub fn send_signal(pid: u32, sig: i32) -> bool {
    let (Some(pid), Some(sig)) = (
        i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw),
        rustix::process::Signal::from_named_raw(sig),
    ) else {
        return false;
    };
    rustix::process::kill_process(pid, sig).is_ok()
}
