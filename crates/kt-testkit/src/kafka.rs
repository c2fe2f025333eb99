//! Apache Kafka itself: the broker kt is tested against and the tools its
//! output is compared with. The jars come from Maven Central through the
//! small poms in `tests/kafka/` (`.ci/run` copies them into the cache once
//! per machine; [`libs`] does it here when they are missing).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::security::{make_certs, Certs};
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
    // Written aside and renamed into place: a tool starting meanwhile reads
    // the old file or the new one, never half of one (log4j then says it
    // has no appenders).
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let aside = path.with_extension(format!("tmp{}-{n}", std::process::id()));
    std::fs::write(&aside, text)?;
    std::fs::rename(&aside, &path)?;
    let property = if release.log4j2 {
        format!("-Dlog4j2.configurationFile={}", path.display())
    } else {
        format!("-Dlog4j.configuration=file:{}", path.display())
    };
    Ok((property, path))
}

/// The `java` command line for `class` of `release`, with a small heap:
/// several JVMs share 2 cores and the tests.
fn java_args(
    release: Release,
    heap: &str,
    log: &str,
    props: &[String],
    class: &str,
) -> Result<Vec<String>> {
    let libs = libs(release)?;
    let mut args = vec![
        format!("-Xmx{heap}"),
        "-XX:+UseSerialGC".into(),
        // No hsperfdata file: two JVMs may otherwise warn about one locked by the other.
        "-XX:-UsePerfData".into(),
        "-XX:TieredStopAtLevel=1".into(),
        "-Djava.awt.headless=true".into(),
        log.to_string(),
    ];
    args.extend(props.iter().cloned());
    args.extend([
        "-cp".into(),
        format!("{}/*", libs.display()),
        class.to_string(),
    ]);
    Ok(args)
}

/// The system properties every JVM of the kit runs with: the test run's
/// Kerberos realm, and the OAuth server's URLs (which Kafka 4 only fetches
/// when they are allowed).
fn java_props() -> Vec<String> {
    let oauth = crate::oauth();
    vec![
        crate::kdc().java_property(),
        format!(
            "-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls={},{}",
            oauth.token_url(),
            oauth.jwks_url()
        ),
    ]
}

/// A directory for the tools' log4j file, made once.
fn tools_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temp dir"))
        .path()
}

/// The `java` arguments that run Apache's tool `class` of `release` with
/// `args`, as [`run_tool`] runs it: for a tool a test keeps running (a
/// console consumer in a group) while it does other things.
pub fn tool_command(release: Release, class: &str, args: &[&str]) -> Result<Vec<String>> {
    let (log, _) = log_config(release, tools_dir(), None)?;
    let mut all = java_args(release, "256m", &log, &java_props(), class)?;
    all.extend(args.iter().map(|a| a.to_string()));
    Ok(all)
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
    let all = tool_command(release, class, args)?;
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    run_with_env(Path::new("java"), &all, &[], stdin, timeout)
}

/// A Kafka cluster on loopback. In KRaft mode each node is a broker and a
/// controller in one JVM (a 512 MB heap), the nodes a quorum of voters, and
/// every node listens three ways: PLAINTEXT, SSL (a certificate for
/// 127.0.0.1 signed by a CA the kit makes, in PEM files) and SASL_PLAINTEXT
/// (PLAIN user `carol`/`carol-secret`; SCRAM-SHA-256 `alice`/`alice-secret`
/// and SCRAM-SHA-512 `bob`/`bob-secret`, written at format time). In
/// ZooKeeper mode one broker registers itself in a ZooKeeper.
///
/// Retention is off: the tests write records with timestamps years old,
/// which Kafka's retention check (every 5 minutes) would otherwise delete in
/// the middle of a run. One node serves most tests; three make the notes'
/// `--replication-factor 3` real, and can be killed and started again.
///
/// Leadership stays where failures put it (no automatic rebalance), so a
/// preferred-replica election has something to do.
///
/// Delegation tokens are on (`delegation.token.secret.key`): created on an
/// authenticated listener, they authenticate through SCRAM.
///
/// KRaft nodes authorize with StandardAuthorizer: the PLAINTEXT listener's
/// principal (`User:ANONYMOUS`) is a super user, and a resource without
/// ACLs is open to everyone, so ACLs bind only where a test adds them.
pub struct KafkaCluster {
    pub release: Release,
    dir: tempfile::TempDir,
    /// Each node's PLAINTEXT port; node ids are 1, 2, 3, ...
    ports: Vec<u16>,
    /// Each node's SSL, SASL_PLAINTEXT, mTLS and SASL_SSL ports (KRaft
    /// mode only).
    ssl_ports: Vec<u16>,
    sasl_ports: Vec<u16>,
    mtls_ports: Vec<u16>,
    sasl_ssl_ports: Vec<u16>,
    /// SASL_PLAINTEXT with GSSAPI (advertised as localhost), SASL_SSL with
    /// Kafka's unsecured OAUTHBEARER, SASL_SSL with OAUTHBEARER tokens the
    /// kit's OIDC server signs.
    kerberos_ports: Vec<u16>,
    oauth_ports: Vec<u16>,
    oidc_ports: Vec<u16>,
    /// SSL with a certificate that expired; PLAINTEXT advertised under a
    /// host name that resolves nowhere ([`FARAWAY_HOST`]).
    expired_ports: Vec<u16>,
    faraway_ports: Vec<u16>,
    /// Each node's CONTROLLER listener (KRaft mode only).
    controller_ports: Vec<u16>,
    certs: Option<Certs>,
    /// What the broker logs once it serves: KRaft and ZooKeeper mode differ.
    started: &'static str,
    servers: Vec<Option<Server>>,
}

/// The host name the FARAWAY listener advertises: `.invalid` never
/// resolves (RFC 2606), as a name only the brokers' own network knows.
pub const FARAWAY_HOST: &str = "kt-faraway.invalid";

/// A single-node cluster (most tests).
pub type KafkaNode = KafkaCluster;

/// SASL users: PLAIN ones live in the listener's JAAS line, SCRAM ones in
/// the metadata log (written by the storage formatter).
const PLAIN_JAAS: &str = "org.apache.kafka.common.security.plain.PlainLoginModule required \
    username=\"carol\" password=\"carol-secret\" user_carol=\"carol-secret\";";
const SCRAM_USERS: [&str; 2] = [
    "SCRAM-SHA-256=[name=alice,password=alice-secret]",
    "SCRAM-SHA-512=[name=bob,password=bob-secret]",
];

impl KafkaCluster {
    /// One node of `release`.
    pub fn start(release: Release) -> Result<KafkaCluster> {
        KafkaCluster::start_nodes(release, 1)
    }

    /// `nodes` KRaft nodes of `release`, formatted and started together;
    /// returns once every broker says it has started.
    pub fn start_nodes(release: Release, nodes: usize) -> Result<KafkaCluster> {
        let dir = tempfile::tempdir()?;
        let certs = make_certs()?;
        let ports = free_ports(nodes)?;
        let ssl_ports = free_ports(nodes)?;
        let sasl_ports = free_ports(nodes)?;
        let mtls_ports = free_ports(nodes)?;
        let sasl_ssl_ports = free_ports(nodes)?;
        let kerberos_ports = free_ports(nodes)?;
        let oauth_ports = free_ports(nodes)?;
        let oidc_ports = free_ports(nodes)?;
        let expired_ports = free_ports(nodes)?;
        let faraway_ports = free_ports(nodes)?;
        let (kdc, oauth) = (crate::kdc(), crate::oauth());
        let controllers = free_ports(nodes)?;
        let voters: Vec<String> = controllers
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{}@127.0.0.1:{c}", i + 1))
            .collect();
        let rf = nodes.min(3);
        for i in 0..nodes {
            let home = dir.path().join(format!("node{}", i + 1));
            std::fs::create_dir_all(&home)?;
            let (port, ssl, sasl, controller) =
                (ports[i], ssl_ports[i], sasl_ports[i], controllers[i]);
            let (mtls, sasl_ssl) = (mtls_ports[i], sasl_ssl_ports[i]);
            let (kerberos, oauth_port, oidc) = (kerberos_ports[i], oauth_ports[i], oidc_ports[i]);
            let (expired, faraway) = (expired_ports[i], faraway_ports[i]);
            let listeners = format!(
                "PLAINTEXT://127.0.0.1:{port},SSL://127.0.0.1:{ssl},SASL_PLAINTEXT://127.0.0.1:{sasl},\
                 MTLS://127.0.0.1:{mtls},SASL_SSL://127.0.0.1:{sasl_ssl},\
                 KERBEROS://{host}:{kerberos},OAUTH://127.0.0.1:{oauth_port},OIDC://127.0.0.1:{oidc},\
                 EXPIRED://127.0.0.1:{expired}",
                host = crate::KERBEROS_HOST,
            );
            let advertised = format!("{listeners},FARAWAY://{FARAWAY_HOST}:{faraway}");
            let listeners = format!("{listeners},FARAWAY://127.0.0.1:{faraway}");
            let kerberos_listener = format!(
                "listener.name.kerberos.sasl.enabled.mechanisms=GSSAPI\n\
                 sasl.kerberos.service.name=kafka\n\
                 listener.name.kerberos.gssapi.sasl.jaas.config=\
                 com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true \
                 storeKey=true keyTab=\"{}\" principal=\"{}\";\n",
                kdc.broker_keytab.display(),
                kdc.broker_principal
            );
            let oauth_listeners = format!(
                "listener.name.oauth.ssl.keystore.type=PEM\n\
                 listener.name.oauth.ssl.keystore.location={keystore}\n\
                 listener.name.oauth.sasl.enabled.mechanisms=OAUTHBEARER\n\
                 listener.name.oauth.oauthbearer.sasl.jaas.config=\
                 org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule \
                 required unsecuredLoginStringClaim_sub=\"broker\";\n\
                 listener.name.oidc.ssl.keystore.type=PEM\n\
                 listener.name.oidc.ssl.keystore.location={keystore}\n\
                 listener.name.oidc.sasl.enabled.mechanisms=OAUTHBEARER\n\
                 listener.name.oidc.oauthbearer.sasl.jaas.config=\
                 org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;\n\
                 listener.name.oidc.oauthbearer.sasl.server.callback.handler.class=\
                 org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler\n\
                 listener.name.oidc.oauthbearer.sasl.oauthbearer.jwks.endpoint.url={}\n\
                 listener.name.oidc.oauthbearer.sasl.oauthbearer.expected.audience={}\n\
                 listener.name.oidc.oauthbearer.sasl.oauthbearer.expected.issuer={}\n",
                oauth.jwks_url(),
                crate::oauth::AUDIENCE,
                crate::oauth::ISSUER,
                keystore = certs.keystore.display(),
            );
            let sasl_jaas = ["sasl_plaintext", "sasl_ssl"]
                .map(|l| {
                    format!(
                        "listener.name.{l}.plain.sasl.jaas.config={PLAIN_JAAS}\n\
                         listener.name.{l}.scram-sha-256.sasl.jaas.config=\
                         org.apache.kafka.common.security.scram.ScramLoginModule required;\n\
                         listener.name.{l}.scram-sha-512.sasl.jaas.config=\
                         org.apache.kafka.common.security.scram.ScramLoginModule required;\n"
                    )
                })
                .concat();
            std::fs::write(
                home.join("server.properties"),
                format!(
                    "process.roles=broker,controller\nnode.id={id}\n\
                     controller.quorum.voters={voters}\n\
                     listeners={listeners},CONTROLLER://127.0.0.1:{controller}\n\
                     advertised.listeners={advertised}\n\
                     controller.listener.names=CONTROLLER\ninter.broker.listener.name=PLAINTEXT\n\
                     listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SSL:SSL,\
                     SASL_PLAINTEXT:SASL_PLAINTEXT,MTLS:SSL,SASL_SSL:SASL_SSL,\
                     KERBEROS:SASL_PLAINTEXT,OAUTH:SASL_SSL,OIDC:SASL_SSL,EXPIRED:SSL,\
                     FARAWAY:PLAINTEXT,CONTROLLER:PLAINTEXT\n\
                     listener.name.expired.ssl.keystore.type=PEM\n\
                     listener.name.expired.ssl.keystore.location={expired_keystore}\n\
                     listener.name.ssl.ssl.keystore.type=PEM\n\
                     listener.name.ssl.ssl.keystore.location={keystore}\n\
                     listener.name.mtls.ssl.keystore.type=PEM\n\
                     listener.name.mtls.ssl.keystore.location={keystore}\n\
                     listener.name.mtls.ssl.truststore.type=PEM\n\
                     listener.name.mtls.ssl.truststore.location={ca}\n\
                     listener.name.mtls.ssl.client.auth=required\n\
                     listener.name.sasl_ssl.ssl.keystore.type=PEM\n\
                     listener.name.sasl_ssl.ssl.keystore.location={keystore}\n\
                     sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256,SCRAM-SHA-512\n\
                     {sasl_jaas}\
                     {kerberos_listener}\
                     {oauth_listeners}\
                     log.dirs={data}\nnum.partitions=1\noffsets.topic.replication.factor={rf}\n\
                     transaction.state.log.replication.factor={rf}\ntransaction.state.log.min.isr=1\n\
                     group.initial.rebalance.delay.ms=0\n\
                     auto.create.topics.enable=false\n\
                     log.retention.ms=-1\nauto.leader.rebalance.enable=false\n\
                     authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer\n\
                     allow.everyone.if.no.acl.found=true\nsuper.users=User:ANONYMOUS\n\
                     delegation.token.secret.key=kt-test-token-secret\n",
                    id = i + 1,
                    voters = voters.join(","),
                    keystore = certs.keystore.display(),
                    expired_keystore = certs.expired_keystore.display(),
                    ca = certs.ca.display(),
                    data = home.join("data").display(),
                ),
            )?;
            log_config(release, &home, Some(&home.join("server.log")))?;
            let mut extra = Vec::new();
            for user in SCRAM_USERS {
                extra.extend(["--add-scram", user]);
            }
            format_storage(release, &home, &extra)?;
        }
        let mut cluster = KafkaCluster {
            release,
            dir,
            ports,
            ssl_ports,
            sasl_ports,
            mtls_ports,
            sasl_ssl_ports,
            kerberos_ports,
            oauth_ports,
            oidc_ports,
            expired_ports,
            faraway_ports,
            controller_ports: controllers.clone(),
            certs: Some(certs),
            started: "Kafka Server started",
            servers: (0..nodes).map(|_| None).collect(),
        };
        cluster.start_all()?;
        Ok(cluster)
    }

    /// One broker of `release` (3.x) in ZooKeeper mode, registering itself
    /// under `zookeeper` (a connect string, with a chroot if wanted).
    pub fn start_zookeeper_mode(release: Release, zookeeper: &str) -> Result<KafkaCluster> {
        let dir = tempfile::tempdir()?;
        let port = free_port()?;
        let home = dir.path().join("node1");
        std::fs::create_dir_all(&home)?;
        std::fs::write(
            home.join("server.properties"),
            format!(
                "broker.id=1\nzookeeper.connect={zookeeper}\n\
                 listeners=PLAINTEXT://127.0.0.1:{port}\n\
                 log.dirs={data}\nnum.partitions=1\noffsets.topic.replication.factor=1\n\
                 transaction.state.log.replication.factor=1\ntransaction.state.log.min.isr=1\n\
                 group.initial.rebalance.delay.ms=0\nlog.retention.ms=-1\n",
                data = home.join("data").display(),
            ),
        )?;
        let mut cluster = KafkaCluster {
            release,
            dir,
            ports: vec![port],
            ssl_ports: Vec::new(),
            sasl_ports: Vec::new(),
            mtls_ports: Vec::new(),
            sasl_ssl_ports: Vec::new(),
            kerberos_ports: Vec::new(),
            oauth_ports: Vec::new(),
            oidc_ports: Vec::new(),
            expired_ports: Vec::new(),
            faraway_ports: Vec::new(),
            controller_ports: Vec::new(),
            certs: None,
            started: "] started (kafka.server.KafkaServer)",
            servers: vec![None],
        };
        cluster.start_all()?;
        Ok(cluster)
    }

    /// A dynamic KRaft quorum (KIP-853), PLAINTEXT only: node 1 a broker
    /// with two log directories (`data` and `data2`, for moves between
    /// them) and the quorum's one voter (formatted `--standalone`), node 2 a
    /// controller that is not a voter (`--no-initial-controllers`), running
    /// as an observer until a tool adds it. Its server.properties is
    /// [`KafkaCluster::config_of`]`(2)`, as `add-controller` wants it.
    pub fn start_dynamic_quorum(release: Release) -> Result<KafkaCluster> {
        let dir = tempfile::tempdir()?;
        let ports = free_ports(1)?;
        let controllers = free_ports(2)?;
        let bootstrap = format!("127.0.0.1:{}", controllers[0]);
        for node in 0..2 {
            let home = dir.path().join(format!("node{}", node + 1));
            std::fs::create_dir_all(&home)?;
            let (roles, listeners, advertised) = if node == 0 {
                (
                    "broker,controller",
                    format!(
                        "PLAINTEXT://127.0.0.1:{},CONTROLLER://127.0.0.1:{}",
                        ports[0], controllers[0]
                    ),
                    format!("advertised.listeners=PLAINTEXT://127.0.0.1:{}\n", ports[0]),
                )
            } else {
                (
                    "controller",
                    format!("CONTROLLER://127.0.0.1:{}", controllers[1]),
                    String::new(),
                )
            };
            std::fs::write(
                home.join("server.properties"),
                format!(
                    "process.roles={roles}\nnode.id={id}\n\
                     controller.quorum.bootstrap.servers={bootstrap}\n\
                     listeners={listeners}\n{advertised}\
                     controller.listener.names=CONTROLLER\n\
                     listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n\
                     log.dirs={data}\nnum.partitions=1\noffsets.topic.replication.factor=1\n\
                     transaction.state.log.replication.factor=1\ntransaction.state.log.min.isr=1\n\
                     group.initial.rebalance.delay.ms=0\nauto.create.topics.enable=false\n",
                    id = node + 1,
                    data = if node == 0 {
                        format!(
                            "{},{}",
                            home.join("data").display(),
                            home.join("data2").display()
                        )
                    } else {
                        home.join("data").display().to_string()
                    },
                ),
            )?;
            log_config(release, &home, Some(&home.join("server.log")))?;
            let how = if node == 0 {
                "--standalone"
            } else {
                "--no-initial-controllers"
            };
            format_storage(release, &home, &[how])?;
        }
        let mut cluster = KafkaCluster {
            release,
            dir,
            ports,
            ssl_ports: Vec::new(),
            sasl_ports: Vec::new(),
            mtls_ports: Vec::new(),
            sasl_ssl_ports: Vec::new(),
            kerberos_ports: Vec::new(),
            oauth_ports: Vec::new(),
            oidc_ports: Vec::new(),
            expired_ports: Vec::new(),
            faraway_ports: Vec::new(),
            controller_ports: controllers,
            certs: None,
            started: "Kafka Server started",
            servers: (0..2).map(|_| None).collect(),
        };
        cluster.start_all()?;
        Ok(cluster)
    }

    /// Node `id`'s server.properties.
    pub fn config_of(&self, id: i32) -> PathBuf {
        self.home(usize::try_from(id - 1).unwrap_or(0))
            .join("server.properties")
    }

    fn start_all(&mut self) -> Result<()> {
        for i in 0..self.servers.len() {
            self.spawn(i)?;
        }
        for i in 0..self.servers.len() {
            self.wait_started(i, 1)?;
        }
        Ok(())
    }

    fn home(&self, node: usize) -> PathBuf {
        self.dir.path().join(format!("node{}", node + 1))
    }

    fn spawn(&mut self, node: usize) -> Result<()> {
        let home = self.home(node);
        let (log_property, _) = log_config(self.release, &home, Some(&home.join("server.log")))?;
        let mut args = java_args(
            self.release,
            "512m",
            &log_property,
            &java_props(),
            "kafka.Kafka",
        )?;
        args.push(home.join("server.properties").display().to_string());
        let server = Server::spawn_unready(
            &home,
            Path::new("java"),
            &args,
            // A controller-only node listens on its controller port alone.
            self.ports
                .get(node)
                .or(self.controller_ports.get(node))
                .copied()
                .unwrap_or(0),
            "stdout.log",
        )?;
        self.servers[node] = Some(server);
        Ok(())
    }

    /// Waits until node `node` has said it started `times` times.
    fn wait_started(&self, node: usize, times: usize) -> Result<()> {
        let started = wait_until(Instant::now() + Duration::from_secs(120), || {
            self.node_log(node).matches(self.started).count() >= times
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

    /// Node `node`'s (0-based) log directory: its partitions' segment files.
    pub fn data_dir(&self, node: usize) -> std::path::PathBuf {
        self.home(node).join("data")
    }

    /// Every node's CONTROLLER listener, as a `--bootstrap-controller` list.
    pub fn controller_address(&self) -> String {
        self.controller_ports
            .iter()
            .map(|p| format!("127.0.0.1:{p}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The first node's SSL listener (certificates in [`KafkaCluster::certs`]).
    pub fn ssl_address(&self) -> String {
        format!("127.0.0.1:{}", self.ssl_ports.first().copied().unwrap_or(0))
    }

    /// The first node's SASL_PLAINTEXT listener.
    pub fn sasl_address(&self) -> String {
        format!(
            "127.0.0.1:{}",
            self.sasl_ports.first().copied().unwrap_or(0)
        )
    }

    /// The first node's SSL listener that requires a client certificate
    /// signed by the kit's CA.
    pub fn mtls_address(&self) -> String {
        format!(
            "127.0.0.1:{}",
            self.mtls_ports.first().copied().unwrap_or(0)
        )
    }

    /// The first node's SASL_SSL listener (the SASL_PLAINTEXT users).
    pub fn sasl_ssl_address(&self) -> String {
        format!(
            "127.0.0.1:{}",
            self.sasl_ssl_ports.first().copied().unwrap_or(0)
        )
    }

    /// The first node's GSSAPI listener (SASL_PLAINTEXT), by the host name
    /// its service principal names.
    pub fn kerberos_address(&self) -> String {
        format!(
            "{}:{}",
            crate::KERBEROS_HOST,
            self.kerberos_ports.first().copied().unwrap_or(0)
        )
    }

    /// The first node's SASL_SSL listener for Kafka's unsecured OAUTHBEARER.
    pub fn oauth_address(&self) -> String {
        format!(
            "127.0.0.1:{}",
            self.oauth_ports.first().copied().unwrap_or(0)
        )
    }

    /// The first node's SASL_SSL listener for OAUTHBEARER tokens of the
    /// kit's OIDC server.
    pub fn oidc_address(&self) -> String {
        format!(
            "127.0.0.1:{}",
            self.oidc_ports.first().copied().unwrap_or(0)
        )
    }

    /// The first node's SSL listener whose certificate expired.
    pub fn expired_address(&self) -> String {
        format!(
            "127.0.0.1:{}",
            self.expired_ports.first().copied().unwrap_or(0)
        )
    }

    /// The first node's PLAINTEXT listener on 127.0.0.1 that metadata
    /// advertises as [`FARAWAY_HOST`], a name that resolves nowhere.
    pub fn faraway_address(&self) -> String {
        format!(
            "127.0.0.1:{}",
            self.faraway_ports.first().copied().unwrap_or(0)
        )
    }

    /// The CA and certificates the SSL listeners use (KRaft mode).
    pub fn certs(&self) -> &Certs {
        self.certs
            .as_ref()
            .expect("a ZooKeeper-mode broker has no SSL listener")
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
        let before = self.node_log(node).matches(self.started).count();
        self.spawn(node)?;
        self.wait_started(node, before + 1)
    }
}

/// `kafka-storage format` of the node whose server.properties is in
/// `home`, with the kit's cluster id and `extra` options.
fn format_storage(release: Release, home: &Path, extra: &[&str]) -> Result<()> {
    let config = home.join("server.properties").display().to_string();
    let mut args = vec!["format", "-t", "MkU3OEVBNTcwNTJENDM2Qg", "-c", &config];
    args.extend_from_slice(extra);
    let format = run_tool(
        release,
        "kafka.tools.StorageTool",
        &args,
        b"",
        Duration::from_secs(60),
    )?;
    if format.code != Some(0) {
        bail!("formatting Kafka's storage failed: {format:?}");
    }
    Ok(())
}

fn free_ports(n: usize) -> Result<Vec<u16>> {
    (0..n).map(|_| free_port()).collect()
}

/// The test run's Kafka 3.9 node (the main reference).
pub fn kafka() -> &'static KafkaNode {
    static NODE: OnceLock<KafkaNode> = OnceLock::new();
    NODE.get_or_init(|| KafkaNode::start(KAFKA_3).expect("starting Apache Kafka"))
}

/// The test run's Kafka 4.x node (the newest 4.x): 4.x's broker behind
/// kt's Kafka names, and what only 4.x has (share groups).
pub fn kafka4() -> &'static KafkaNode {
    static NODE: OnceLock<KafkaNode> = OnceLock::new();
    NODE.get_or_init(|| KafkaNode::start(KAFKA_4).expect("starting Apache Kafka 4"))
}

/// The test run's Kafka 3.9 broker in ZooKeeper mode, registered under a
/// chroot of the test run's ZooKeeper; returns it and the notes' connect
/// string (`127.0.0.1:PORT/CHROOT`).
pub fn kafka_zookeeper_mode() -> &'static (KafkaNode, String) {
    static NODE: OnceLock<(KafkaNode, String)> = OnceLock::new();
    NODE.get_or_init(|| {
        let connect = format!("{}/kafka-zk-mode", crate::zookeeper().address());
        let node = KafkaNode::start_zookeeper_mode(KAFKA_3, &connect)
            .expect("starting Apache Kafka in ZooKeeper mode");
        (node, connect)
    })
}
