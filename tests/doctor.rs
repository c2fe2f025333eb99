//! `kt doctor` on Apache Kafka: every step of a good walk with its time,
//! a broker that advertises a name this machine cannot resolve (the
//! commonest reason a client bootstraps and then hangs), a broker that is
//! down, and the mock refused. The wrong settings of each secured
//! listener are in tests/refusals.rs, the right ones in tests/matrix.rs.

use crate::util::*;

#[test]
fn a_good_walk_prints_every_step_with_its_time() {
    let b = bootstrap();
    let run = kt(&["doctor", "--bootstrap-server", &b]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stderr, "", "{run:?}");
    let steps: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| {
            assert!(l.starts_with("ok  "), "{run:?}");
            assert!(l.contains(" ms  "), "{run:?}");
            l[4..].split("  ").next().unwrap().trim()
        })
        .collect();
    let at = |step: &str| format!("{b} {step}");
    assert_eq!(
        steps,
        [
            at("dns"),
            at("tcp"),
            at("api-versions"),
            at("metadata"),
            "broker 1".to_string()
        ],
        "{run:?}"
    );
    assert!(run.stdout.contains("1 broker, controller 1"), "{run:?}");
    let json = kt(&["doctor", "--bootstrap-server", &b, "-o", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["ok"], true, "{json:?}");
    assert_eq!(v["steps"].as_array().unwrap().len(), 5, "{json:?}");
    assert!(
        v["steps"][0]["took_ms"].as_f64().unwrap() >= 0.0,
        "{json:?}"
    );
    assert!(v.get("failed").is_none(), "{json:?}");
}

#[test]
fn a_broker_advertising_a_name_that_does_not_resolve_is_named() {
    let node = kt_testkit::kafka();
    let b = node.faraway_address();
    let port = b.rsplit(':').next().unwrap();
    let far = kt_testkit::FARAWAY_HOST;
    let run = kt(&["doctor", "--bootstrap-server", &b]);
    assert_eq!(run.code, Some(4), "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "kt: broker 1 advertises {far}:{port}, which does not resolve here; set the broker's \
             advertised.listeners to a name clients resolve, or make {far} resolve on this machine\n"
        )
    );
    // The bootstrap broker itself answered: those steps passed.
    assert!(run.stdout.contains(&format!("{b} metadata")), "{run:?}");
    let json = kt(&["doctor", "--bootstrap-server", &b, "-o", "json"]);
    assert_eq!(json.code, Some(4), "{json:?}");
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["failed"]["step"], "broker 1");
    assert!(v["failed"]["error"]
        .as_str()
        .unwrap()
        .contains("does not resolve here"));
}

#[test]
fn a_broker_that_is_down_or_the_mock_is_one_line() {
    let port = kt_testkit::free_port().unwrap();
    let b = format!("127.0.0.1:{port}");
    let run = kt(&["doctor", "--bootstrap-server", &b]);
    assert_eq!(run.code, Some(4), "{run:?}");
    assert_eq!(
        run.stderr,
        format!("kt: cannot connect to broker {b}: connection refused\n")
    );
    assert!(run.stdout.contains(&format!("ok  {b} dns")), "{run:?}");
    let run = kt(&["doctor", "--bootstrap-server", "mock"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
}
