//! Java's trust and key stores, as a client.properties written for
//! Apache's tools names them: JKS (the docs' `keytool` line, PKCS#12
//! inside, and a real JKS), PKCS#12 and PEM trust stores on the SSL
//! listener; JKS, PKCS#12 and PEM keystores on a listener that requires a
//! client certificate. kt and Apache's tool are given the same file.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kt_testkit::{ClientStores, KEY_PASSWORD, STORE_PASSWORD};

use crate::util::*;

/// The kit's client stores, made once per run (keytool is slow).
fn stores() -> &'static ClientStores {
    static STORES: OnceLock<ClientStores> = OnceLock::new();
    STORES.get_or_init(|| {
        ClientStores::make(kt_testkit::kafka().certs()).expect("making the client stores")
    })
}

/// A client.properties of `lines` in a directory the test keeps.
fn properties(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").expect("writing properties");
    // Owner-only, as a file holding passwords should be (kt warns otherwise).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path
}

fn truststores() -> Vec<(&'static str, Vec<String>)> {
    let s = stores();
    let store = |path: &Path, kind: Option<&str>| {
        let mut lines = vec![
            format!("ssl.truststore.location={}", path.display()),
            format!("ssl.truststore.password={STORE_PASSWORD}"),
        ];
        lines.extend(kind.map(|k| format!("ssl.truststore.type={k}")));
        lines
    };
    vec![
        (
            "the docs' client.truststore.jks",
            store(&s.truststore_docs, None),
        ),
        ("a JKS trust store", store(&s.truststore_jks, Some("JKS"))),
        (
            "a PKCS#12 trust store",
            store(&s.truststore_p12, Some("PKCS12")),
        ),
        (
            "a PEM trust store named ca-cert",
            vec![
                format!("ssl.truststore.location={}", s.truststore_pem.display()),
                "ssl.truststore.type=PEM".to_string(),
            ],
        ),
    ]
}

fn keystores() -> Vec<(&'static str, Vec<String>)> {
    let s = stores();
    let store = |path: &Path, kind: &str, key: Option<&str>| {
        let mut lines = vec![
            format!("ssl.keystore.location={}", path.display()),
            format!("ssl.keystore.type={kind}"),
        ];
        if kind != "PEM" {
            lines.push(format!("ssl.keystore.password={STORE_PASSWORD}"));
        }
        lines.extend(key.map(|k| format!("ssl.key.password={k}")));
        lines
    };
    vec![
        (
            "a JKS keystore",
            store(&s.keystore_jks, "JKS", Some(KEY_PASSWORD)),
        ),
        ("a PKCS#12 keystore", store(&s.keystore_p12, "PKCS12", None)),
        (
            "a PEM keystore",
            store(&s.keystore_pem, "PEM", Some(KEY_PASSWORD)),
        ),
    ]
}

/// kafka-topics --list through the file, by kt's Kafka name, kt's own name
/// and Apache's tool: each lists `topic`.
fn lists_through(b: &str, file: &Path, topic: &str, what: &str) {
    let f = file.to_str().unwrap();
    let args = ["--bootstrap-server", b, "--list", "--command-config", f];
    let ours = kafka("kafka-topics", &args);
    assert!(ours.stdout.lines().any(|l| l == topic), "{what}: {ours:?}");
    assert_eq!(ours.stderr, "", "{what}: {ours:?}");
    let native = kt(&["topics", "-b", b, "--list", "--command-config", f]);
    assert!(
        native.stdout.lines().any(|l| l == topic),
        "{what}: {native:?}"
    );
    let apache = apache_topics(&args);
    assert!(
        apache.stdout.lines().any(|l| l == topic),
        "{what}: {apache:?}"
    );
}

#[test]
fn trust_stores_as_java_writes_them() {
    let node = kt_testkit::kafka();
    let b = node.ssl_address();
    let topic = random_name("stores-trust");
    create_topic(&topic, 1);
    let dir = tempfile::tempdir().unwrap();
    for (i, (what, lines)) in truststores().into_iter().enumerate() {
        let mut all = vec!["security.protocol=SSL".to_string()];
        all.extend(lines);
        let file = properties(dir.path(), &format!("trust{i}.properties"), &all);
        lists_through(&b, &file, &topic, what);
        // Records both ways, through the console tools' own flags.
        let f = file.to_str().unwrap();
        let line = format!("through {what}\n");
        let run = kafka_in(
            "kafka-console-producer",
            &[
                "--bootstrap-server",
                &b,
                "--topic",
                &topic,
                "--producer.config",
                f,
            ],
            line.as_bytes(),
        );
        assert_eq!(run.code, Some(0), "{what}: {run:?}");
    }
    let all = consume_all(&topic);
    assert_eq!(all.len(), 4, "{all:?}");
}

#[test]
fn key_stores_as_java_writes_them() {
    let node = kt_testkit::kafka();
    let b = node.mtls_address();
    let topic = random_name("stores-key");
    create_topic(&topic, 1);
    let dir = tempfile::tempdir().unwrap();
    let trust = &truststores()[0].1;
    for (i, (what, lines)) in keystores().into_iter().enumerate() {
        let mut all = vec!["security.protocol=SSL".to_string()];
        all.extend(trust.iter().cloned());
        all.extend(lines);
        let file = properties(dir.path(), &format!("key{i}.properties"), &all);
        lists_through(&b, &file, &topic, what);
    }
    // A keystore others can read gets ssh's warning.
    let readable = dir.path().join("readable.p12");
    std::fs::copy(&stores().keystore_p12, &readable).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&readable, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut all = vec!["security.protocol=SSL".to_string()];
    all.extend(trust.iter().cloned());
    all.push(format!("ssl.keystore.location={}", readable.display()));
    all.push(format!("ssl.keystore.password={STORE_PASSWORD}"));
    let file = properties(dir.path(), "readable.properties", &all);
    let run = kt(&[
        "topics",
        "-b",
        &b,
        "--list",
        "--command-config",
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "WARN {} holds secrets (a private key) and other users can read it; run chmod 600 {}\n",
            readable.display(),
            readable.display()
        )
    );
    // Without a client certificate the listener refuses: one line, exit 2.
    let mut all = vec!["security.protocol=SSL".to_string()];
    all.extend(trust.iter().cloned());
    let file = properties(dir.path(), "nokey.properties", &all);
    let run = kt(&[
        "topics",
        "-b",
        &b,
        "--list",
        "--command-config",
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert!(
        run.stderr.contains("refused this client's certificate")
            && run.stderr.contains("ssl.keystore.location"),
        "{run:?}"
    );
}

/// A wrong store password is one line naming the file and the setting,
/// exit 2, and never the password; so is a store of the wrong type.
#[test]
fn a_wrong_store_password_names_the_store_not_the_password() {
    let b = kt_testkit::kafka().ssl_address();
    let s = stores();
    let dir = tempfile::tempdir().unwrap();
    let wrong = "Wr0ng-Store-Pw";
    for (store, setting) in [
        (&s.truststore_docs, "ssl.truststore"),
        (&s.truststore_jks, "ssl.truststore"),
        (&s.keystore_p12, "ssl.keystore"),
        (&s.keystore_jks, "ssl.keystore"),
    ] {
        let file = properties(
            dir.path(),
            "wrong.properties",
            &[
                "security.protocol=SSL".to_string(),
                format!("{setting}.location={}", store.display()),
                format!("{setting}.password={wrong}"),
            ],
        );
        for run in [
            kt(&[
                "topics",
                "-b",
                &b,
                "--list",
                "--command-config",
                file.to_str().unwrap(),
            ]),
            kafka(
                "kafka-topics",
                &[
                    "--bootstrap-server",
                    &b,
                    "--list",
                    "--command-config",
                    file.to_str().unwrap(),
                ],
            ),
        ] {
            assert_ne!(run.code, Some(0), "{run:?}");
            // kafka-topics says it on stdout, kt on stderr: one line.
            let said = format!("{}{}", run.stdout, run.stderr);
            assert_eq!(said.lines().count(), 1, "{run:?}");
            let name = store.file_name().unwrap().to_str().unwrap();
            assert!(said.contains(name), "{run:?}");
            assert!(said.contains(&format!("{setting}.password")), "{run:?}");
            assert!(!said.contains(wrong), "{run:?}");
        }
    }
    let file = properties(
        dir.path(),
        "typed.properties",
        &[
            "security.protocol=SSL".to_string(),
            format!("ssl.truststore.location={}", s.truststore_pem.display()),
            "ssl.truststore.type=JKS".to_string(),
        ],
    );
    let run = kt(&[
        "topics",
        "-b",
        &b,
        "--list",
        "--command-config",
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("is not a JKS store"), "{run:?}");
}

/// Java's inline PEM settings, written as a properties file holds a long
/// value: continued over lines (`\\` at each end), or with `\\n` escapes.
/// The mTLS listener lets kt in under both names, and Apache's tool, with
/// the same file. A chain of two certificates on continued lines is one
/// line to Java, whose PEM parser then keeps only the last certificate (the
/// CA's) and fails the handshake; kt reads both (a README departure).
#[test]
fn inline_pem_settings_as_java_writes_them() {
    let node = kt_testkit::kafka();
    let b = node.mtls_address();
    let topic = random_name("stores-inline");
    create_topic(&topic, 1);
    let s = stores();
    let pem = std::fs::read_to_string(&s.keystore_pem).unwrap();
    let ca = std::fs::read_to_string(&s.truststore_pem).unwrap();
    // Each PEM block's lines of `text`, joined by `between`.
    let blocks = |text: &str, wanted: &str, between: &str| {
        let mut out = Vec::new();
        let mut inside = false;
        for line in text.lines() {
            inside |= line.starts_with("-----BEGIN") && line.contains(wanted);
            if inside {
                out.push(line.to_string());
            }
            if line.starts_with("-----END") && inside {
                inside = false;
            }
        }
        out.join(between)
    };
    let continued = " \\\n    ";
    let file_with = |name: &str, chain_between: &str| {
        let lines = vec![
            "security.protocol=SSL".to_string(),
            "ssl.truststore.type=PEM".to_string(),
            format!(
                "ssl.truststore.certificates={}",
                blocks(&ca, "CERTIFICATE", continued)
            ),
            "ssl.keystore.type=PEM".to_string(),
            format!(
                "ssl.keystore.certificate.chain={}",
                blocks(&pem, "CERTIFICATE", chain_between)
            ),
            format!(
                "ssl.keystore.key={}",
                blocks(&pem, "PRIVATE KEY", continued)
            ),
            format!("ssl.key.password={KEY_PASSWORD}"),
        ];
        let dir = tempfile::tempdir().unwrap();
        let file = properties(dir.path(), name, &lines);
        (dir, file)
    };
    let (_kept, escaped) = file_with("escaped.properties", "\\n");
    lists_through(&b, &escaped, &topic, "inline PEM, \\n escapes");
    let (_kept, one_line) = file_with("continued.properties", continued);
    let f = one_line.to_str().unwrap();
    let args = [
        "--bootstrap-server",
        b.as_str(),
        "--list",
        "--command-config",
        f,
    ];
    for run in [
        kafka("kafka-topics", &args),
        kt(&["topics", "-b", &b, "--list", "--command-config", f]),
    ] {
        assert!(run.stdout.lines().any(|l| l == topic), "{run:?}");
        assert_eq!(run.stderr, "", "{run:?}");
    }
    let apache = apache_topics(&args);
    assert_eq!(
        apache.code,
        Some(1),
        "Java reads this chain now: {apache:?}"
    );
}
