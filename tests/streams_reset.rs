//! kafka-streams-application-reset beside Apache's tool on the shared
//! single node: two applications set up alike (input records, committed
//! offsets, internal and output topics), one reset by Apache's tool and one
//! by kt's Kafka name. Both print the same plan and leave the same offsets
//! (read back with Apache's kafka-consumer-groups) and topics; a member
//! left behind by a killed instance is refused alike by both tools and
//! removed by kt's `--force`.

use std::time::Instant;

use crate::util::*;
use kt_testkit::{run_tool, KAFKA_3};

const CLASS: &str = "org.apache.kafka.tools.StreamsResetter";
const GROUPS: &str = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";

/// Internal topics of an application (deleted by a reset) and its output
/// topic (kept).
const INTERNAL: [&str; 3] = [
    "KSTREAM-AGGREGATE-STATE-STORE-0000000001-changelog",
    "KSTREAM-AGGREGATE-STATE-STORE-0000000001-repartition",
    "KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic",
];

/// Application `app`: input topic `app` (two partitions holding 5 and 3
/// records), its group committed at 4 and 3, the internal topics and
/// `app-counts`.
fn application(b: &str, app: &str) {
    create_topic_on(b, app, 2);
    let records: Vec<serde_json::Value> = (0..8)
        .map(|i| {
            serde_json::json!({
                "partition": if i < 5 { 0 } else { 1 },
                "value": format!("v{i}"),
                "timestamp": 1_700_000_000_000i64 + i,
            })
        })
        .collect();
    produce_json_on(b, app, &records);
    commit_offsets(b, app, &format!("{app}:0"), &["--to-offset", "4"]);
    commit_offsets(b, app, &format!("{app}:1"), &["--to-offset", "3"]);
    for suffix in INTERNAL.iter().chain(&["counts"]) {
        create_topic_on(b, &format!("{app}-{suffix}"), 1);
    }
}

/// A run's stdout with the application's name as `{A}`, and the list of
/// inferred internal topics sorted: Java lists them in the order of a
/// HashMap of every topic on the broker, whose size other tests change.
fn normalized(stdout: &str, app: &str) -> String {
    stdout
        .replace(app, "{A}")
        .lines()
        .map(
            |l| match l.strip_prefix("Deleting inferred internal topics [") {
                Some(rest) => {
                    let mut topics: Vec<&str> = rest.trim_end_matches(']').split(", ").collect();
                    topics.sort_unstable();
                    format!(
                        "Deleting inferred internal topics [{}]\n",
                        topics.join(", ")
                    )
                }
                None => format!("{l}\n"),
            },
        )
        .collect()
}

/// The group's committed offsets as Apache's tool describes them.
fn offsets(b: &str, group: &str) -> Vec<String> {
    let run = run_tool(
        KAFKA_3,
        GROUPS,
        &["--bootstrap-server", b, "--describe", "--group", group],
        b"",
        DEADLINE,
    )
    .expect("Apache's kafka-consumer-groups");
    let mut rows: Vec<String> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with(group))
        .map(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            format!(
                "{} {} {}",
                cells[1].replace(group, "{A}"),
                cells[2],
                cells[3]
            )
        })
        .collect();
    rows.sort();
    rows
}

/// The application's topics left on the broker.
fn topics_left(b: &str, app: &str) -> Vec<String> {
    let mut left: Vec<String> = topic_names_on(b)
        .into_iter()
        .filter(|t| t == app || t.starts_with(&format!("{app}-")))
        .map(|t| t.replace(app, "{A}"))
        .collect();
    left.sort();
    left
}

#[test]
fn a_reset_through_kt_leaves_what_apaches_leaves() {
    let b = bootstrap();
    // One Java hashCode for both names: the same HashSet orders.
    let stem = random_name("streams").replace('-', "_");
    let (theirs, ours) = (format!("{stem}_Aa"), format!("{stem}_BB"));
    for app in [&theirs, &ours] {
        application(&b, app);
    }
    let args = |app: &str, extra: &[&str]| -> Vec<String> {
        let mut args = vec![
            "--bootstrap-server".to_string(),
            b.clone(),
            "--application-id".to_string(),
            app.to_string(),
            "--input-topics".to_string(),
            app.to_string(),
            "--intermediate-topics".to_string(),
            format!("{app}-counts"),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let apache = |args: &[String]| -> Run {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_tool(KAFKA_3, CLASS, &args, b"", DEADLINE).expect("Apache's tool")
    };
    let kt_name = |args: &[String]| -> Run {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        kafka("kafka-streams-application-reset", &args)
    };

    // A dry run: the same plan, nothing changed.
    let dry = ["--shift-by", "-2", "--dry-run"];
    let (a, k) = (apache(&args(&theirs, &dry)), kt_name(&args(&ours, &dry)));
    assert_eq!(a.code, Some(0), "{a:?}");
    assert_eq!(
        (k.code, normalized(&k.stdout, &ours)),
        (a.code, normalized(&a.stdout, &theirs)),
        "kt: {k:?}\nApache: {a:?}"
    );
    assert!(
        a.stdout.contains(
            "Topic: {A} Partition: 0 Offset: 2"
                .replace("{A}", &theirs)
                .as_str()
        ),
        "{a:?}"
    );
    assert_eq!(offsets(&b, &ours), offsets(&b, &theirs));
    assert_eq!(offsets(&b, &ours), ["{A} 0 4", "{A} 1 3"]);
    assert_eq!(topics_left(&b, &ours).len(), 5);

    // Executed: the same lines, offsets and topics left.
    let run = ["--shift-by", "-2"];
    let (a, k) = (apache(&args(&theirs, &run)), kt_name(&args(&ours, &run)));
    assert_eq!(a.code, Some(0), "{a:?}");
    assert_eq!(
        (k.code, normalized(&k.stdout, &ours)),
        (a.code, normalized(&a.stdout, &theirs)),
        "kt: {k:?}\nApache: {a:?}"
    );
    assert_eq!(offsets(&b, &ours), offsets(&b, &theirs));
    // Input shifted back two from what was committed; the intermediate
    // topic at its (empty) end.
    assert_eq!(offsets(&b, &ours), ["{A} 0 2", "{A} 1 1", "{A}-counts 0 0"]);
    assert_eq!(topics_left(&b, &ours), topics_left(&b, &theirs));
    assert_eq!(topics_left(&b, &ours), ["{A}", "{A}-counts"]);
}

#[test]
fn a_member_left_by_a_killed_instance_is_refused_alike_and_forced_out_by_kt() {
    let b = bootstrap();
    let app = random_name("streams-member");
    application(&b, &app);
    // An instance that dies without leaving: its member stays for the
    // session timeout (a minute).
    let mut consumer = spawn(
        &links().join("kafka-console-consumer"),
        &[
            "--bootstrap-server",
            &b,
            "--topic",
            &app,
            "--group",
            &app,
            "--consumer-property",
            "session.timeout.ms=60000",
        ],
    );
    let deadline = Instant::now() + DEADLINE;
    let joined = kt_testkit::wait_until(deadline, || {
        let run = kt(&[
            "groups",
            "-b",
            &b,
            "--describe",
            "--group",
            &app,
            "--members",
            "-o",
            "json",
        ]);
        run.stdout.contains("\"client_id\"")
    });
    assert!(joined, "the consumer never joined {app}");
    consumer.kill().expect("killing the consumer");
    let _ = consumer.wait();

    let args = |extra: &[&str]| -> Vec<String> {
        let mut args: Vec<String> = [
            "--bootstrap-server",
            &b,
            "--application-id",
            &app,
            "--input-topics",
            &app,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let refused = |run: &Run| run.stderr.lines().next().unwrap_or_default().to_string();
    let a = run_tool(
        KAFKA_3,
        CLASS,
        &args(&["--dry-run"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        b"",
        DEADLINE,
    )
    .expect("Apache's tool");
    let k = kafka(
        "kafka-streams-application-reset",
        &args(&["--dry-run"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(a.code, Some(1), "{a:?}");
    assert!(
        refused(&a).starts_with(&format!(
            "ERROR: java.lang.IllegalStateException: Consumer group '{app}' is still active and has following members: [(memberId="
        )),
        "{a:?}"
    );
    assert_eq!(
        (k.code, refused(&k)),
        (a.code, refused(&a)),
        "kt: {k:?}\nApache: {a:?}"
    );

    // --force removes the member, then resets to the earliest offsets.
    let k = kafka(
        "kafka-streams-application-reset",
        &args(&["--force"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(k.code, Some(0), "{k:?}");
    assert!(
        k.stdout.starts_with(&format!(
            "Force deleting all active members in the group: {app}\nReset-offsets for input topics [{app}]\n"
        )),
        "{k:?}"
    );
    assert_eq!(offsets(&b, &app), ["{A} 0 0", "{A} 1 0"]);
}
