//! Every Kafka tool kt replaces, over every secured listener of the test
//! broker, each given a client.properties written as Kafka's docs write
//! it, by kt's Kafka-named link and by Apache's own tool with the same
//! file: the same outcome, and the same output where the differential
//! suite compares it. The matrix is printed as a table.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use kt_testkit::{ClientStores, KafkaNode, KAFKA_3, KEY_PASSWORD, STORE_PASSWORD};

use crate::util::*;

/// How a cell is judged.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Judge {
    /// Exit code, stdout and stderr identical.
    Same,
    /// Both succeed (the tool's output holds times, rates or random ids).
    BothSucceed,
}

/// One tool: its link, Apache 3.9's class, its arguments (`{B}` broker,
/// `{F}` properties file, `{T}` a topic with one record `first`, `{P}` a
/// topic to write to, `{G}` a group that committed offset 1 on `{T}`,
/// `{J}` a delete-records file cutting `{T}` at 0, `{U}` a topic of the
/// run's own, which the tool creates) and its stdin.
struct Tool {
    link: &'static str,
    class: &'static str,
    args: &'static str,
    /// The same through kt's own name (`--command-config {F}` is added).
    native: &'static str,
    stdin: &'static str,
    judge: Judge,
}

const TOOLS: [Tool; 17] = [
    Tool {
        link: "kafka-topics",
        class: "org.apache.kafka.tools.TopicCommand",
        args: "--bootstrap-server {B} --describe --topic {T} --command-config {F}",
        native: "topics -b {B} --describe --topic {T}",
        stdin: "",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-console-producer",
        class: "kafka.tools.ConsoleProducer",
        args: "--bootstrap-server {B} --topic {P} --producer.config {F}",
        native: "produce -b {B} -t {P}",
        stdin: "written\n",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-console-consumer",
        class: "org.apache.kafka.tools.consumer.ConsoleConsumer",
        args: "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 1 --consumer.config {F}",
        native: "consume -b {B} -t {T} --from-beginning --max-messages 1",
        stdin: "",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-producer-perf-test",
        class: "org.apache.kafka.tools.ProducerPerformance",
        args: "--topic {P} --num-records 5 --record-size 10 --throughput -1 --producer.config {F} --producer-props bootstrap.servers={B}",
        native: "perf producer -b {B} -t {P} --num-records 5 --record-size 10 --throughput -1",
        stdin: "",
        judge: Judge::BothSucceed,
    },
    Tool {
        link: "kafka-consumer-perf-test",
        class: "org.apache.kafka.tools.ConsumerPerformance",
        args: "--bootstrap-server {B} --topic {T} --messages 1 --consumer.config {F}",
        native: "perf consumer -b {B} -t {T} --messages 1",
        stdin: "",
        judge: Judge::BothSucceed,
    },
    Tool {
        link: "kafka-e2e-latency",
        class: "org.apache.kafka.tools.EndToEndLatency",
        args: "{B} {U} 5 1 20 {F}",
        native: "perf e2e -b {B} -t {U} --num-records 5",
        stdin: "",
        judge: Judge::BothSucceed,
    },
    Tool {
        link: "kafka-get-offsets",
        class: "org.apache.kafka.tools.GetOffsetShell",
        args: "--bootstrap-server {B} --topic {T} --command-config {F}",
        native: "offsets -b {B} --topic {T}",
        stdin: "",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-consumer-groups",
        class: "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
        args: "--bootstrap-server {B} --describe --group {G} --command-config {F}",
        native: "groups -b {B} --describe --group {G}",
        stdin: "",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-configs",
        class: "kafka.admin.ConfigCommand",
        args: "--bootstrap-server {B} --describe --entity-type topics --entity-name {T} --command-config {F}",
        native: "configs -b {B} --entity-type topics --entity-name {T}",
        stdin: "",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-acls",
        class: "kafka.admin.AclCommand",
        args: "--bootstrap-server {B} --list --topic {T} --command-config {F}",
        native: "acls -b {B} --topic {T}",
        stdin: "",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-delete-records",
        class: "org.apache.kafka.tools.DeleteRecordsCommand",
        args: "--bootstrap-server {B} --offset-json-file {J} --command-config {F}",
        native: "delete-records -b {B} --offset-json-file {J}",
        stdin: "",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-broker-api-versions",
        class: "kafka.admin.BrokerApiVersionsCommand",
        args: "--bootstrap-server {B} --command-config {F}",
        native: "brokers -b {B} --api-versions",
        stdin: "",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-log-dirs",
        class: "org.apache.kafka.tools.LogDirsCommand",
        args: "--bootstrap-server {B} --describe --topic-list {T} --command-config {F}",
        native: "brokers -b {B} --log-dirs",
        stdin: "",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-leader-election",
        class: "org.apache.kafka.tools.LeaderElectionCommand",
        args: "--bootstrap-server {B} --election-type preferred --topic {T} --partition 0 --admin.config {F}",
        native: "elect-leaders -b {B} --election-type preferred --topic {T} --partition 0",
        stdin: "",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-reassign-partitions",
        class: "org.apache.kafka.tools.reassign.ReassignPartitionsCommand",
        args: "--bootstrap-server {B} --list --command-config {F}",
        native: "reassign -b {B} --list",
        stdin: "",
        judge: Judge::Same,
    },
    Tool {
        link: "kafka-transactions",
        class: "org.apache.kafka.tools.TransactionsCommand",
        args: "--bootstrap-server {B} --command-config {F} describe-producers --topic {T} --partition 0",
        native: "transactions describe-producers -b {B} --topic {T} --partition 0",
        stdin: "",
        judge: Judge::Same,
    },
    // The finalization epoch moves between the two runs.
    Tool {
        link: "kafka-features",
        class: "org.apache.kafka.tools.FeatureCommand",
        args: "--bootstrap-server {B} --command-config {F} describe",
        native: "features -b {B}",
        stdin: "",
        judge: Judge::BothSucceed,
    },
];

/// One way a client reaches the broker: a listener and the lines of the
/// client.properties for it.
struct Setup {
    name: &'static str,
    address: String,
    lines: Vec<String>,
}

fn stores() -> &'static ClientStores {
    static STORES: OnceLock<ClientStores> = OnceLock::new();
    STORES.get_or_init(|| {
        ClientStores::make(kt_testkit::kafka().certs()).expect("making the client stores")
    })
}

fn setups(node: &KafkaNode) -> Vec<Setup> {
    let s = stores();
    let trust = |path: &Path, kind: Option<&str>| {
        let mut lines = vec![format!("ssl.truststore.location={}", path.display())];
        match kind {
            Some("PEM") => {}
            _ => lines.push(format!("ssl.truststore.password={STORE_PASSWORD}")),
        }
        lines.extend(kind.map(|k| format!("ssl.truststore.type={k}")));
        lines
    };
    let ssl = |name, lines: Vec<String>| Setup {
        name,
        address: node.ssl_address(),
        lines: [vec!["security.protocol=SSL".to_string()], lines].concat(),
    };
    let mtls = |name, key: Vec<String>| Setup {
        name,
        address: node.mtls_address(),
        lines: [
            vec!["security.protocol=SSL".to_string()],
            trust(&s.truststore_docs, None),
            key,
        ]
        .concat(),
    };
    let jaas = |module: &str, user: &str, password: &str| {
        format!(
            "sasl.jaas.config=org.apache.kafka.common.security.{module} required username=\"{user}\" password=\"{password}\";"
        )
    };
    let scram = |user, password| jaas("scram.ScramLoginModule", user, password);
    let plain = jaas("plain.PlainLoginModule", "carol", "carol-secret");
    let pem = trust(&s.truststore_pem, Some("PEM"));
    let pem_trust = pem.clone();
    let (kdc, oauth) = (kt_testkit::kdc(), kt_testkit::oauth());
    vec![
        ssl(
            "SSL, the docs' client.truststore.jks",
            trust(&s.truststore_docs, None),
        ),
        ssl("SSL, JKS truststore", trust(&s.truststore_jks, Some("JKS"))),
        ssl(
            "SSL, PKCS#12 truststore",
            trust(&s.truststore_p12, Some("PKCS12")),
        ),
        ssl("SSL, PEM truststore", pem.clone()),
        mtls(
            "mTLS, JKS keystore",
            vec![
                format!("ssl.keystore.location={}", s.keystore_jks.display()),
                format!("ssl.keystore.password={STORE_PASSWORD}"),
                format!("ssl.key.password={KEY_PASSWORD}"),
            ],
        ),
        mtls(
            "mTLS, PKCS#12 keystore",
            vec![
                format!("ssl.keystore.location={}", s.keystore_p12.display()),
                format!("ssl.keystore.password={STORE_PASSWORD}"),
                "ssl.keystore.type=PKCS12".to_string(),
            ],
        ),
        mtls(
            "mTLS, PEM keystore",
            vec![
                format!("ssl.keystore.location={}", s.keystore_pem.display()),
                "ssl.keystore.type=PEM".to_string(),
                format!("ssl.key.password={KEY_PASSWORD}"),
            ],
        ),
        Setup {
            name: "SASL_SSL, SCRAM-SHA-512",
            address: node.sasl_ssl_address(),
            lines: [
                vec![
                    "security.protocol=SASL_SSL".to_string(),
                    "sasl.mechanism=SCRAM-SHA-512".to_string(),
                    scram("bob", "bob-secret"),
                ],
                pem.clone(),
            ]
            .concat(),
        },
        Setup {
            name: "SASL_SSL, PLAIN",
            address: node.sasl_ssl_address(),
            lines: [
                vec![
                    "security.protocol=SASL_SSL".to_string(),
                    "sasl.mechanism=PLAIN".to_string(),
                    plain.clone(),
                ],
                pem,
            ]
            .concat(),
        },
        Setup {
            name: "SASL_PLAINTEXT, SCRAM-SHA-256",
            address: node.sasl_address(),
            lines: vec![
                "security.protocol=SASL_PLAINTEXT".to_string(),
                "sasl.mechanism=SCRAM-SHA-256".to_string(),
                scram("alice", "alice-secret"),
            ],
        },
        Setup {
            name: "SASL_PLAINTEXT, PLAIN",
            address: node.sasl_address(),
            lines: vec![
                "security.protocol=SASL_PLAINTEXT".to_string(),
                "sasl.mechanism=PLAIN".to_string(),
                plain,
            ],
        },
        Setup {
            name: "SASL_PLAINTEXT, GSSAPI (keytab)",
            address: node.kerberos_address(),
            lines: vec![
                "security.protocol=SASL_PLAINTEXT".to_string(),
                "sasl.mechanism=GSSAPI".to_string(),
                "sasl.kerberos.service.name=kafka".to_string(),
                format!(
                    "sasl.jaas.config=com.sun.security.auth.module.Krb5LoginModule required \
                     useKeyTab=true storeKey=true keyTab=\"{}\" principal=\"{}\";",
                    kdc.client_keytab.display(),
                    kdc.client_principal
                ),
            ],
        },
        Setup {
            name: "SASL_SSL, OAUTHBEARER (unsecured JWT)",
            address: node.oauth_address(),
            lines: [
                vec![
                    "security.protocol=SASL_SSL".to_string(),
                    "sasl.mechanism=OAUTHBEARER".to_string(),
                    "sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule \
                     required unsecuredLoginStringClaim_sub=\"kt-client\";"
                        .to_string(),
                ],
                pem_trust.clone(),
            ]
            .concat(),
        },
        Setup {
            name: "SASL_SSL, OAUTHBEARER (OIDC)",
            address: node.oidc_address(),
            lines: [
                vec![
                    "security.protocol=SASL_SSL".to_string(),
                    "sasl.mechanism=OAUTHBEARER".to_string(),
                    format!("sasl.oauthbearer.token.endpoint.url={}", oauth.token_url()),
                    "sasl.login.callback.handler.class=\
                     org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler"
                        .to_string(),
                    format!(
                        "sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule \
                         required clientId=\"{}\" clientSecret=\"{}\" scope=\"kafka\";",
                        oauth.client_id, oauth.client_secret
                    ),
                ],
                pem_trust,
            ]
            .concat(),
        },
    ]
}

/// What one side printed, with what differs between two runs of Apache's
/// own tool (the topic names) made alike.
#[derive(Debug, PartialEq)]
struct Seen {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

struct Names {
    topic: String,
    write: String,
    group: String,
    json: PathBuf,
}

fn words(template: &str, b: &str, f: &Path, n: &Names) -> Vec<String> {
    template
        .split(' ')
        .map(|w| {
            w.replace("{B}", b)
                .replace("{F}", f.to_str().unwrap_or_default())
                .replace("{T}", &n.topic)
                .replace("{P}", &n.write)
                .replace("{G}", &n.group)
                .replace("{J}", n.json.to_str().unwrap_or_default())
                .replace("{U}", &random_name("matrix-own"))
        })
        .collect()
}

/// kt by the Kafka name, Apache's tool, and kt by its own name.
fn run_cell(tool: &Tool, setup: &Setup, file: &Path, names: &Names) -> (Seen, Seen, Seen) {
    let args = words(tool.args, &setup.address, file, names);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut native = words(tool.native, &setup.address, file, names);
    native.extend(["--command-config".to_string(), file.display().to_string()]);
    let native: Vec<&str> = native.iter().map(String::as_str).collect();
    let timeout = Duration::from_secs(60);
    let seen = |run: anyhow::Result<kt_testkit::Run>| match run {
        Ok(r) => Seen {
            code: r.code,
            stdout: r.stdout,
            stderr: r.stderr,
        },
        Err(e) => Seen {
            code: None,
            stdout: String::new(),
            stderr: format!("{e:#}"),
        },
    };
    // kt meets the test run's Kerberos realm through the environment.
    let env = kt_testkit::kdc().env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (env, args, native) = (&env, &args, &native);
    std::thread::scope(|s| {
        let ours = s.spawn(move || {
            seen(kt_testkit::run_with_env(
                &links().join(tool.link),
                args,
                env,
                tool.stdin.as_bytes(),
                timeout,
            ))
        });
        let own = s.spawn(move || {
            seen(kt_testkit::run_with_env(
                kt_path(),
                native,
                env,
                tool.stdin.as_bytes(),
                timeout,
            ))
        });
        let theirs = seen(kt_testkit::run_tool(
            KAFKA_3,
            tool.class,
            args,
            tool.stdin.as_bytes(),
            timeout,
        ));
        (
            ours.join().expect("kt's side"),
            theirs,
            own.join().expect("kt's own name"),
        )
    })
}

/// Whether the cell holds: every side succeeds, and the Kafka-named run
/// prints what Apache's tool prints where the output is deterministic.
/// Java's Kerberos login thread logs its own end on stderr (the README's
/// departure); kt has no such thread.
fn agrees(tool: &Tool, ours: &Seen, theirs: &Seen, own: &Seen) -> bool {
    let succeeded = [ours, theirs, own].iter().all(|s| s.code == Some(0));
    let theirs = Seen {
        code: theirs.code,
        stdout: theirs.stdout.clone(),
        stderr: theirs
            .stderr
            .lines()
            .filter(|l| !l.ends_with("(org.apache.kafka.common.security.kerberos.KerberosLogin)"))
            .map(|l| format!("{l}\n"))
            .collect(),
    };
    succeeded && (tool.judge == Judge::BothSucceed || *ours == theirs)
}

/// `kt doctor` with the set-up's file: every step passes, TLS and SASL
/// among them where the listener has them.
fn doctor(setup: &Setup, file: &Path) -> (bool, Run) {
    let env = kt_testkit::kdc().env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let f = file.to_str().unwrap();
    let run = kt_env(
        &[
            "doctor",
            "-b",
            &setup.address,
            "--command-config",
            f,
            "-o",
            "json",
        ],
        &env,
    );
    let Ok(v) = serde_json::from_str::<serde_json::Value>(&run.stdout) else {
        return (false, run);
    };
    let steps: Vec<String> = v["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["step"].as_str())
        .map(|s| s.rsplit(' ').next().unwrap_or(s).to_string())
        .collect();
    let text = setup.lines.join("\n");
    let wants = |step: &str| steps.iter().any(|s| s == step);
    let ok = run.code == Some(0)
        && v["ok"] == true
        && (!text.contains("SSL") || wants("tls"))
        && (!text.contains("SASL_") || wants("sasl"))
        && wants("metadata");
    (ok, run)
}

#[test]
fn every_tool_over_every_secured_listener() {
    let node = kt_testkit::kafka();
    let b = bootstrap();
    let dir = tempfile::tempdir().unwrap();
    let names = Names {
        topic: random_name("matrix"),
        write: random_name("matrix-write"),
        group: random_name("matrix-group"),
        json: dir.path().join("cut.json"),
    };
    create_topic(&names.topic, 1);
    create_topic(&names.write, 1);
    let run = kt_in(&["produce", "-b", &b, "-t", &names.topic], b"first\n");
    assert_eq!(run.code, Some(0), "{run:?}");
    commit_offsets(&b, &names.group, &names.topic, &["--to-offset", "1"]);
    std::fs::write(
        &names.json,
        format!(
            "{{\"partitions\": [{{\"topic\": \"{}\", \"partition\": 0, \"offset\": 0}}], \"version\": 1}}",
            names.topic
        ),
    )
    .unwrap();
    let setups = setups(node);
    let mut failures = Vec::new();
    let mut table = String::new();
    table.push_str("| set-up |");
    for tool in &TOOLS {
        table.push_str(&format!(" {} |", tool.link.trim_start_matches("kafka-")));
    }
    table.push_str(" kt doctor |\n");
    table.push_str(&"|---".repeat(TOOLS.len() + 2));
    table.push_str("|\n");
    for (i, setup) in setups.iter().enumerate() {
        let file = dir.path().join(format!("client{i}.properties"));
        std::fs::write(&file, setup.lines.join("\n") + "\n").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        let results: Vec<(Seen, Seen, Seen)> = std::thread::scope(|s| {
            let handles: Vec<_> = TOOLS
                .chunks(4)
                .map(|chunk| {
                    let (setup, file, names) = (&setup, &file, &names);
                    s.spawn(move || {
                        chunk
                            .iter()
                            .map(|tool| run_cell(tool, setup, file, names))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("a cell"))
                .collect()
        });
        table.push_str(&format!("| {} |", setup.name));
        for (tool, (ours, theirs, own)) in TOOLS.iter().zip(results) {
            let ok = agrees(tool, &ours, &theirs, &own);
            table.push_str(if ok { " ✓ |" } else { " ✗ |" });
            if !ok {
                failures.push(format!(
                    "{} over {}:\n  kt:     {ours:?}\n  Apache: {theirs:?}\n  kt's own name: {own:?}",
                    tool.link, setup.name
                ));
            }
        }
        let (ok, seen) = doctor(setup, &file);
        table.push_str(if ok { " ✓ |" } else { " ✗ |" });
        if !ok {
            failures.push(format!("kt doctor over {}:\n  {seen:?}", setup.name));
        }
        table.push('\n');
    }
    eprintln!("{table}");
    assert!(
        failures.is_empty(),
        "{} cells differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
