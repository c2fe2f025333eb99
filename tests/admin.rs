//! The operator's tools on Apache Kafka: kafka-configs, kafka-acls,
//! kafka-broker-api-versions and kafka-log-dirs (kafka-leader-election is
//! in `failures.rs`, on three brokers). Each change kt makes is read back
//! with Apache's own tool and with kt; ACLs by a client that is let in and
//! one that is refused; a SCRAM credential by logging in with it. The
//! differential suite covers the option and error paths.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::*;
use kt_testkit::{run_tool, KAFKA_3};

/// Apache's tool of Kafka 3.9 by class.
fn apache(class: &str, args: &[&str]) -> kt_testkit::Run {
    run_tool(KAFKA_3, class, args, b"", DEADLINE).expect("running Apache's tool")
}

fn json(run: &kt_testkit::Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:?}"))
}

/// kt's flags that log in on the SASL listener as `user` with SCRAM.
fn scram(mechanism: &str, user: &str, password: &str) -> Vec<String> {
    [
        "security.protocol=SASL_PLAINTEXT".to_string(),
        format!("sasl.mechanism={mechanism}"),
        format!("sasl.username={user}"),
        format!("sasl.password={password}"),
    ]
    .into_iter()
    .flat_map(|p| ["-X".to_string(), p])
    .collect()
}

#[test]
fn config_changes_read_back_by_apaches_tool_and_kt() {
    let b = bootstrap();
    let t = random_name("cfg");
    create_topic(&t, 1);
    // A topic's configs, through the Kafka name.
    let run = kafka(
        "kafka-configs",
        &[
            "--bootstrap-server",
            &b,
            "--alter",
            "--topic",
            &t,
            "--add-config",
            "retention.ms=1000,cleanup.policy=[compact,delete]",
        ],
    );
    assert_eq!(
        run.stdout,
        format!("Completed updating config for topic {t}.\n"),
        "{run:?}"
    );
    let described = apache(
        "kafka.admin.ConfigCommand",
        &["--bootstrap-server", &b, "--describe", "--topic", &t],
    );
    assert!(
        described
            .stdout
            .contains("  retention.ms=1000 sensitive=false")
            && described
                .stdout
                .contains("  cleanup.policy=compact,delete sensitive=false"),
        "{described:?}"
    );
    let ours = kt(&["configs", "-b", &b, "--topic", &t, "-o", "json"]);
    let configs = &json(&ours)["resources"][0]["configs"];
    assert_eq!(configs[0]["name"], "cleanup.policy", "{ours:?}");
    assert_eq!(configs[1]["value"], "1000", "{ours:?}");
    assert_eq!(configs[1]["source"], "DYNAMIC_TOPIC_CONFIG", "{ours:?}");
    // kt's own name: one line naming what changed; then Apache's tool sees it gone.
    let run = kt(&[
        "configs",
        "-b",
        &b,
        "--topic",
        &t,
        "--delete-config",
        "retention.ms",
    ]);
    assert_eq!(
        run.stdout,
        format!("Altered topic {t}: deleted retention.ms\n"),
        "{run:?}"
    );
    let described = apache(
        "kafka.admin.ConfigCommand",
        &["--bootstrap-server", &b, "--describe", "--topic", &t],
    );
    assert!(!described.stdout.contains("retention.ms"), "{described:?}");
    // A key that is not set: Kafka's message, kt's exit code 2.
    let run = kt(&[
        "configs",
        "-b",
        &b,
        "--topic",
        &t,
        "--delete-config",
        "nothere",
    ]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (Some(2), "kt: Invalid config(s): nothere\n")
    );

    // A client's quota, read back by Apache's tool.
    let client = random_name("client");
    let run = kt(&[
        "configs",
        "-b",
        &b,
        "--client",
        &client,
        "--add-config",
        "producer_byte_rate=1048576",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let described = apache(
        "kafka.admin.ConfigCommand",
        &["--bootstrap-server", &b, "--describe", "--client", &client],
    );
    assert_eq!(
        described.stdout,
        format!("Quota configs for client-id '{client}' are producer_byte_rate=1048576.0\n")
    );
    let ours = kt(&["configs", "-b", &b, "--client", &client, "-o", "json"]);
    assert_eq!(
        json(&ours)["quotas"][0]["quotas"]["producer_byte_rate"],
        1048576.0
    );
}

#[test]
fn a_scram_credential_set_by_kt_logs_in_and_is_never_shown() {
    let b = bootstrap();
    let sasl = kt_testkit::kafka().sasl_address();
    let user = random_name("user").replace('-', "_");
    let secret = "Sup3r-s3cret-pw";
    let add = format!("SCRAM-SHA-512=[iterations=8192,password={secret}]");
    let run = kafka(
        "kafka-configs",
        &[
            "--bootstrap-server",
            &b,
            "--alter",
            "--user",
            &user,
            "--add-config",
            &add,
        ],
    );
    assert_eq!(
        run.stdout,
        format!("Completed updating config for user {user}.\n"),
        "{run:?}"
    );
    // Apache's tool reads the credential back.
    let described = apache(
        "kafka.admin.ConfigCommand",
        &["--bootstrap-server", &b, "--describe", "--user", &user],
    );
    assert_eq!(
        described.stdout,
        format!("SCRAM credential configs for user-principal '{user}' are SCRAM-SHA-512=iterations=8192\n")
    );
    // The user logs in with it; a wrong password does not.
    let login = |password: &str| {
        let mut args = vec![
            "topics".to_string(),
            "-b".into(),
            sasl.clone(),
            "--list".into(),
        ];
        args.extend(scram("SCRAM-SHA-512", &user, password));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        kt(&args)
    };
    // The broker learns of the credential from the metadata log, a moment
    // after the controller took it (longer on a busy machine).
    let mut run = login(secret);
    kt_testkit::wait_until(Instant::now() + Duration::from_secs(30), || {
        run = login(secret);
        run.code == Some(0)
    });
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_ne!(login("wrong-password").code, Some(0));
    // A malformed credential: Kafka's message, without the password.
    let bad = format!("SCRAM-SHA-256=[itx=1,password={secret}]");
    for run in [
        kafka(
            "kafka-configs",
            &[
                "--bootstrap-server",
                &b,
                "--alter",
                "--user",
                &user,
                "--add-config",
                &bad,
            ],
        ),
        kt(&["configs", "-b", &b, "--user", &user, "--add-config", &bad]),
        kt(&[
            "configs",
            "-b",
            &b,
            "--user",
            &user,
            "--add-config",
            &add,
            "-o",
            "json",
        ]),
    ] {
        assert!(
            !run.stdout.contains(secret) && !run.stderr.contains(secret),
            "{run:?}"
        );
    }
    // Deleted, the credential no longer logs in.
    let run = kt(&[
        "configs",
        "-b",
        &b,
        "--user",
        &user,
        "--delete-config",
        "SCRAM-SHA-512",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let gone = kt_testkit::wait_until(Instant::now() + Duration::from_secs(30), || {
        login(secret).code != Some(0)
    });
    assert!(gone, "the deleted credential still logs in");
}

#[test]
fn acls_let_one_client_in_and_keep_another_out() {
    let b = bootstrap();
    let sasl = kt_testkit::kafka().sasl_address();
    let t = random_name("acl");
    let g = random_name("aclgroup");
    create_topic(&t, 1);
    // alice (SCRAM-SHA-256) may produce and consume; the topic then has
    // ACLs, so bob (SCRAM-SHA-512), who has none, is refused.
    let run = kafka(
        "kafka-acls",
        &[
            "--bootstrap-server",
            &b,
            "--add",
            "--allow-principal",
            "User:alice",
            "--producer",
            "--consumer",
            "--topic",
            &t,
            "--group",
            &g,
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.contains(&format!(
            "Adding ACLs for resource `ResourcePattern(resourceType=TOPIC, name={t}, patternType=LITERAL)`: \n"
        )),
        "{run:?}"
    );
    // Apache's tool lists what kt added (its own order is a hash set's).
    let listed = apache(
        "kafka.admin.AclCommand",
        &["--bootstrap-server", &b, "--list", "--topic", &t],
    );
    let mut entries: Vec<String> = listed
        .stdout
        .lines()
        .filter(|l| l.contains("(principal="))
        .map(|l| l.trim().to_string())
        .collect();
    entries.sort_unstable();
    assert_eq!(
        entries,
        ["CREATE", "DESCRIBE", "READ", "WRITE"]
            .iter()
            .map(|op| format!(
                "(principal=User:alice, host=*, operation={op}, permissionType=ALLOW)"
            ))
            .collect::<Vec<_>>(),
        "{listed:?}"
    );
    let produce = |mechanism: &str, user: &str, password: &str| {
        let mut args = vec![
            "produce".to_string(),
            "-b".into(),
            sasl.clone(),
            "-t".into(),
            t.clone(),
        ];
        args.extend(scram(mechanism, user, password));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        kt_in(&args, b"one\n")
    };
    let alice = produce("SCRAM-SHA-256", "alice", "alice-secret");
    assert_eq!(alice.code, Some(0), "{alice:?}");
    let bob = produce("SCRAM-SHA-512", "bob", "bob-secret");
    assert_ne!(bob.code, Some(0), "{bob:?}");
    assert!(bob.stderr.to_lowercase().contains("authoriz"), "{bob:?}");
    // alice reads what she wrote, in her group.
    let mut args = vec![
        "consume".to_string(),
        "-b".into(),
        sasl.clone(),
        "-t".into(),
        t.clone(),
        "--group".into(),
        g.clone(),
        "--from-beginning".into(),
        "--max-messages".into(),
        "1".into(),
    ];
    args.extend(scram("SCRAM-SHA-256", "alice", "alice-secret"));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let read = kt(&args);
    assert_eq!(
        (read.code, read.stdout.as_str()),
        (Some(0), "one\n"),
        "{read:?}"
    );
    // kt lists them as JSON; removes them without a prompt (no terminal),
    // one line per binding; then the topic is open again and bob gets in.
    let ours = json(&kt(&["acls", "-b", &b, "--topic", &t, "-o", "json"]));
    assert_eq!(ours["acls"].as_array().map(Vec::len), Some(4), "{ours}");
    let run = kt(&["acls", "-b", &b, "--remove", "--topic", &t, "--group", &g]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout
            .lines()
            .filter(|l| l.starts_with("Removed (principal=User:alice"))
            .count(),
        5,
        "{run:?}"
    );
    let listed = apache(
        "kafka.admin.AclCommand",
        &["--bootstrap-server", &b, "--list", "--topic", &t],
    );
    assert_eq!(listed.stdout, "", "{listed:?}");
    let bob = produce("SCRAM-SHA-512", "bob", "bob-secret");
    assert_eq!(bob.code, Some(0), "{bob:?}");
}

#[test]
fn brokers_api_versions_and_log_dirs() {
    let b = bootstrap();
    let ours = json(&kt(&["brokers", "-b", &b, "-o", "json"]));
    assert_eq!(ours["brokers"].as_array().map(Vec::len), Some(1), "{ours}");
    assert_eq!(ours["controller"], ours["brokers"][0]["id"], "{ours}");
    assert_eq!(ours["cluster_id"], "MkU3OEVBNTcwNTJENDM2Qg", "{ours}");
    // Every API Apache's tool lists, with the same ranges, and what kt needs.
    let apis = json(&kt(&["brokers", "-b", &b, "--api-versions", "-o", "json"]));
    let listed = apache(
        "kafka.admin.BrokerApiVersionsCommand",
        &["--bootstrap-server", &b],
    );
    let api_lines = listed
        .stdout
        .lines()
        .filter(|l| l.starts_with('\t'))
        .count();
    let unsupported = listed.stdout.matches("UNSUPPORTED").count();
    let ours_apis = apis["brokers"][0]["apis"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(ours_apis.len() + unsupported, api_lines, "{apis}");
    let produce = ours_apis
        .iter()
        .find(|a| a["name"] == "Produce")
        .expect("Produce");
    assert!(listed.stdout.contains(&format!(
        "Produce(0): {} to {} [usable: {}]",
        produce["min"], produce["max"], produce["usable"]
    )));
    let features = apis["brokers"][0]["kt_features"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        features.iter().all(|f| f["supported"] == true),
        "{features:?}"
    );
    // Sizes: what kt sums per topic is what Kafka's JSON lists per partition.
    let t = random_name("logdirs");
    create_topic(&t, 2);
    let lines: String = (0..500).map(|i| format!("record-{i}\n")).collect();
    assert_eq!(
        kt_in(&["produce", "-b", &b, "-t", &t], lines.as_bytes()).code,
        Some(0)
    );
    let apache_dirs = apache(
        "org.apache.kafka.tools.LogDirsCommand",
        &["--bootstrap-server", &b, "--describe", "--topic-list", &t],
    );
    let kafka_json: Value =
        serde_json::from_str(apache_dirs.stdout.lines().nth(2).unwrap_or("")).unwrap();
    let apache_size: i64 = kafka_json["brokers"][0]["logDirs"][0]["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["size"].as_i64().unwrap())
        .sum();
    assert!(apache_size > 0, "{apache_dirs:?}");
    let ours = json(&kt(&[
        "brokers",
        "-b",
        &b,
        "--log-dirs",
        "--topic-list",
        &t,
        "-o",
        "json",
    ]));
    let row = &ours["log_dirs"][0];
    assert_eq!(
        (row["topic"].as_str(), row["partitions"].as_i64()),
        (Some(t.as_str()), Some(2)),
        "{ours}"
    );
    assert_eq!(row["size_bytes"].as_i64(), Some(apache_size), "{ours}");
    // Through the Kafka name: Kafka's JSON, the same as Apache's.
    let run = kafka(
        "kafka-log-dirs",
        &["--bootstrap-server", &b, "--describe", "--topic-list", &t],
    );
    assert_eq!(run.stdout, apache_dirs.stdout);
}

#[test]
fn the_mock_cluster_is_refused_at_once() {
    for args in [
        vec!["brokers", "-b", "mock"],
        vec!["configs", "-b", "mock", "--topic", "t"],
        vec!["acls", "-b", "mock"],
        vec!["elect-leaders", "-b", "mock", "--all-topic-partitions"],
    ] {
        let started = std::time::Instant::now();
        let run = kt(&args);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert!(
            run.stderr.starts_with("kt: the mock cluster cannot ")
                && run.stderr.lines().count() == 1,
            "{run:?}"
        );
        assert!(
            started.elapsed() < kt_testkit::scaled(std::time::Duration::from_secs(5)),
            "{args:?}"
        );
    }
}
