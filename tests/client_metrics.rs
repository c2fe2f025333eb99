//! kafka-client-metrics beside Apache's tool on the shared single node: a
//! subscription altered through kt's Kafka name is described by Apache's
//! tool, listed by both, changed and emptied through Apache's tool and read
//! back by kt's, then deleted.

use crate::util::*;
use kt_testkit::{run_tool, KAFKA_3};

const CLASS: &str = "org.apache.kafka.tools.ClientMetricsCommand";

fn apache(args: &[&str]) -> Run {
    run_tool(KAFKA_3, CLASS, args, b"", DEADLINE).expect("Apache's tool")
}

#[test]
fn a_subscription_reads_the_same_through_both_tools() {
    let b = bootstrap();
    let name = random_name("cm");
    let on = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["--bootstrap-server".to_string(), b.clone()];
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let run = |args: &[String], apache_side: bool| -> Run {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        if apache_side {
            apache(&args)
        } else {
            kafka("kafka-client-metrics", &args)
        }
    };
    let set = on(&[
        "--alter",
        "--name",
        &name,
        "--interval",
        "5000",
        "--metrics",
        "org.apache.kafka.producer.,org.apache.kafka.consumer.",
        "--match",
        "client_software_name=kt,client_id=orders",
    ]);
    let altered = run(&set, false);
    assert_eq!(
        (altered.code, altered.stdout.as_str()),
        (
            Some(0),
            format!("Altered client metrics config for {name}.\n").as_str()
        ),
        "{altered:?}"
    );
    let describe = on(&["--describe", "--name", &name]);
    let theirs = run(&describe, true);
    let ours = run(&describe, false);
    assert_eq!(
        (ours.code, &ours.stdout),
        (theirs.code, &theirs.stdout),
        "kt: {ours:?}\nApache: {theirs:?}"
    );
    for line in [
        "  interval.ms=5000",
        "  metrics=org.apache.kafka.producer.,org.apache.kafka.consumer.",
        "  match=client_software_name=kt,client_id=orders",
    ] {
        assert!(
            theirs.stdout.lines().any(|l| l == line),
            "{line} in {theirs:?}"
        );
    }
    for side in [false, true] {
        let listed = run(&on(&["--list"]), side);
        assert!(listed.stdout.lines().any(|l| l == name), "{listed:?}");
    }
    // Emptied through Apache's tool: an empty value removes the setting.
    let emptied = run(
        &on(&["--alter", "--name", &name, "--interval=", "--metrics="]),
        true,
    );
    assert_eq!(emptied.code, Some(0), "{emptied:?}");
    let ours = run(&describe, false);
    assert_eq!(
        ours.stdout,
        format!("Client metrics configs for {name} are:\n  match=client_software_name=kt,client_id=orders\n"),
        "{ours:?}"
    );
    let deleted = run(&on(&["--delete", "--name", &name]), false);
    assert_eq!(
        deleted.stdout,
        format!("Deleted client metrics config for {name}.\n"),
        "{deleted:?}"
    );
    let theirs = run(&describe, true);
    assert_eq!(
        theirs.stdout,
        format!("Client metrics configs for {name} are:\n"),
        "{theirs:?}"
    );
    let json = kt(&[
        "client-metrics",
        "-b",
        &b,
        "--describe",
        "--name",
        &name,
        "-o",
        "json",
    ]);
    assert_eq!(json.code, Some(0), "{json:?}");
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(parsed[0]["configs"], serde_json::json!({}), "{json:?}");
}
