//! TLS (tansu behind a TLS terminator, with a CA the test makes) and
//! SASL/SCRAM (tansu with --authentication), end to end; secrets never shown.

use kt_testkit::{sasl_broker, tls_broker};

use crate::util::*;

fn assert_one_line(run: &Run, code: i32, starts: &str) {
    assert_eq!(run.code, Some(code), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert!(run.stderr.starts_with(starts), "{run:?}");
}

#[test]
fn tls_verifies_the_broker_by_default() {
    let tls = tls_broker();
    let b = tls.address();
    let ca = tls.certs.ca.display().to_string();
    let t = random_name("tls");
    // Java's spelling: a PEM trust store becomes librdkafka's ssl.ca.location.
    let java = [
        "--command-property",
        "security.protocol=SSL",
        "--command-property",
    ];
    let truststore = format!("ssl.truststore.location={ca}");
    let mut create = vec![
        "topics",
        "--bootstrap-server",
        &b,
        "--create",
        "--topic",
        &t,
    ];
    create.extend(["--partitions", "1", "--replication-factor", "1"]);
    create.extend(java);
    create.push(&truststore);
    let run = kt(&create);
    assert_eq!(run.code, Some(0), "{run:?}");
    // librdkafka's spelling, through produce and consume.
    let cafile = format!("ssl.ca.location={ca}");
    let x = ["-X", "security.protocol=ssl", "-X", &cafile];
    let mut produce = vec!["produce", "--bootstrap-server", &b, "--topic", &t];
    produce.extend(x);
    let run = kt_in(&produce, b"one\ntwo\n");
    assert_eq!(run.code, Some(0), "{run:?}");
    let mut consume = vec![
        "consume",
        "--bootstrap-server",
        &b,
        "--topic",
        &t,
        "--from-beginning",
        "--exit",
    ];
    consume.extend(x);
    let run = kt(&consume);
    assert_eq!(run.stdout, "one\ntwo\n", "{run:?}");
    // A Kafka-named link with a --command-config file, as a Java user has it.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("client.properties");
    std::fs::write(
        &file,
        format!("security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location={ca}\n"),
    )
    .unwrap();
    let run = kafka(
        "kafka-topics.sh",
        &[
            "--bootstrap-server",
            &b,
            "--list",
            "--command-config",
            file.to_str().unwrap(),
        ],
    );
    assert!(run.stdout.lines().any(|l| l == t), "{run:?}");
    // No CA (the system's), the wrong CA, the wrong host name: one line, exit 2.
    let other = format!("ssl.ca.location={}", tls.certs.other_ca.display());
    let localhost = format!("localhost:{}", tls.port);
    for (server, extra) in [
        (b.as_str(), vec!["-X", "security.protocol=ssl"]),
        (
            b.as_str(),
            vec!["-X", "security.protocol=ssl", "-X", &other],
        ),
        (
            localhost.as_str(),
            vec!["-X", "security.protocol=ssl", "-X", &cafile],
        ),
    ] {
        let mut args = vec!["topics", "--bootstrap-server", server, "--list"];
        args.extend(extra);
        let run = kt(&args);
        assert_one_line(&run, 2, &format!("kt: TLS handshake with {server} failed (certificate verify failed); check ssl.ca.location"));
    }
    // A Java keystore cannot be read by librdkafka: the error names the equivalent.
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--list",
        "--command-property",
        "ssl.truststore.location=/etc/kafka/truststore.jks",
    ]);
    assert_one_line(&run, 2, "kt: 'ssl.truststore.location'");
    assert!(run.stderr.contains("ssl.ca.location"), "{run:?}");
}

#[test]
fn sasl_scram_in_java_and_librdkafka_form() {
    let broker = sasl_broker();
    let b = broker.address();
    let t = random_name("sasl");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("alice.properties");
    std::fs::write(
        &file,
        "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-256\n\
         sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\" password=\"alice-secret\";\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let run = kt(&[
        "topics",
        "--bootstrap-server",
        &b,
        "--command-config",
        f,
        "--create",
        "--topic",
        &t,
        "--partitions",
        "1",
        "--replication-factor",
        "1",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    // The properties file holds a password and is readable by others: warned about.
    assert!(
        run.stderr
            .contains("holds secrets (sasl.jaas.config) and other users can read it"),
        "{run:?}"
    );
    let bob = [
        "-X",
        "security.protocol=sasl_plaintext",
        "-X",
        "sasl.mechanism=SCRAM-SHA-512",
        "-X",
        "sasl.username=bob",
        "-X",
        "sasl.password=bob-secret",
    ];
    let mut list = vec!["topics", "--bootstrap-server", &b, "--list"];
    list.extend(bob);
    let run = kt(&list);
    assert!(run.stdout.lines().any(|l| l == t), "{run:?}");
    // Without credentials the broker closes the connection; with a wrong
    // password or an unsupported mechanism kt names what to check, and never
    // prints the password, even with --verbose.
    for (mechanism, password) in [
        ("SCRAM-SHA-512", "WRONG-PASSWORD-77"),
        ("PLAIN", "bob-secret"),
    ] {
        let mech = format!("sasl.mechanism={mechanism}");
        let pass = format!("sasl.password={password}");
        let args = [
            "topics",
            "--bootstrap-server",
            &b,
            "--list",
            "-X",
            "security.protocol=sasl_plaintext",
            "-X",
            &mech,
            "-X",
            "sasl.username=bob",
            "-X",
            &pass,
        ];
        let run = kt(&args);
        assert_one_line(&run, 2, &format!("kt: SASL authentication to {b} failed"));
        let mut verbose = args.to_vec();
        verbose.push("--verbose");
        let run = kt(&verbose);
        assert!(
            !run.stderr.contains(password) && !run.stdout.contains(password),
            "{run:?}"
        );
    }
    let run = kt(&["topics", "--bootstrap-server", &b, "--list"]);
    assert_ne!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.lines().count() <= 3, "{run:?}");
}
