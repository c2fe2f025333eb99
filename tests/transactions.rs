//! kafka-transactions beside Apache's tool on the shared single node: a
//! transactional producer killed in the middle of a transaction leaves it
//! open; both tools list it, describe it and its producer the same, and
//! neither calls it hanging (its coordinator still holds the partition);
//! a read_committed consumer stops before it; kt's Kafka name aborts it by
//! its start offset, after which the consumer gets past it to the record
//! written after it.

use crate::util::*;
use kt_testkit::{run_tool, KAFKA_3};

const CLASS: &str = "org.apache.kafka.tools.TransactionsCommand";

/// kt's Kafka name and Apache's tool, same arguments: the same exit code
/// and stdout after `clean`; kt's stdout.
fn same(args: &[&str], clean: fn(&str) -> String) -> String {
    let ours = kafka("kafka-transactions", args);
    let theirs = run_tool(KAFKA_3, CLASS, args, b"", DEADLINE).expect("Apache's tool");
    assert_eq!(
        (clean(&ours.stdout), ours.code, clean(&ours.stderr)),
        (clean(&theirs.stdout), theirs.code, clean(&theirs.stderr)),
        "{args:?}\nkt: {ours:?}\nApache: {theirs:?}"
    );
    ours.stdout
}

/// `describe`'s table with the duration (the clock's) set aside.
fn no_duration(text: &str) -> String {
    text.lines()
        .map(|l| {
            let mut cells: Vec<&str> = l.split('\t').collect();
            if cells.len() > 7 {
                cells[7] = "N";
            }
            cells.join("|")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a read_committed consumer reads of `topic` to its end: the values
/// and the count line.
fn committed(b: &str, topic: &str) -> (String, String) {
    let read = kt(&[
        "consume",
        "-b",
        b,
        "-t",
        topic,
        "--from-beginning",
        "--exit",
        "--isolation-level",
        "read_committed",
    ]);
    assert_eq!(read.code, Some(0), "{read:?}");
    (read.stdout, read.stderr)
}

#[test]
fn an_open_transaction_is_described_and_aborted_as_apaches_tool_does() {
    let b = bootstrap();
    let t = random_name("txopen");
    let id = random_name("txid");
    create_topic(&t, 1);
    // A transaction that stays open: long, then the producer killed.
    let start = leave_transaction_open(&b, &t, &id);
    assert_eq!(start, "0", "the transaction starts the partition");
    let described = [
        "--bootstrap-server",
        &b,
        "describe-producers",
        "--topic",
        &t,
        "--partition",
        "0",
    ];
    let after = kt_in(&["produce", "-b", &b, "-t", &t], b"after\n");
    assert_eq!(after.code, Some(0), "{after:?}");

    // Both tools see the same.
    let producers = same(&described, str::to_string);
    assert!(producers.starts_with("ProducerId\tProducerEpoch\tLatestCoordinatorEpoch\tLastSequence\tLastTimestamp\tCurrentTransactionStartOffset"), "{producers}");
    let description = same(
        &[
            "--bootstrap-server",
            &b,
            "describe",
            "--transactional-id",
            &id,
        ],
        no_duration,
    );
    let row = description.lines().nth(1).unwrap_or_default();
    assert!(
        row.contains("Ongoing") && row.contains("900000") && row.contains(&format!("{t}-0")),
        "{description}"
    );
    let mine = |text: &str| -> String {
        text.lines()
            .filter(|l| l.starts_with(&id))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let ours = kafka("kafka-transactions", &["--bootstrap-server", &b, "list"]);
    let theirs = run_tool(
        KAFKA_3,
        CLASS,
        &["--bootstrap-server", &b, "list"],
        b"",
        DEADLINE,
    )
    .expect("Apache's tool");
    assert_eq!(
        mine(&ours.stdout),
        mine(&theirs.stdout),
        "kt: {ours:?}\nApache: {theirs:?}"
    );
    assert!(mine(&ours.stdout).ends_with("Ongoing"), "{ours:?}");
    let hanging = same(
        &[
            "--bootstrap-server",
            &b,
            "find-hanging",
            "--topic",
            &t,
            "--max-transaction-timeout",
            "0",
        ],
        str::to_string,
    );
    assert_eq!(
        hanging.lines().count(),
        1,
        "not hanging: its coordinator holds it\n{hanging}"
    );

    // A read_committed consumer stops at the open transaction.
    assert_eq!(
        committed(&b, &t),
        (String::new(), "Processed a total of 0 messages\n".into())
    );

    // Aborted by its start offset, through kt's Kafka name.
    let abort = kafka(
        "kafka-transactions",
        &[
            "--bootstrap-server",
            &b,
            "abort",
            "--topic",
            &t,
            "--partition",
            "0",
            "--start-offset",
            "0",
        ],
    );
    assert_eq!(
        (abort.code, abort.stdout.as_str(), abort.stderr.as_str()),
        (Some(0), "", ""),
        "{abort:?}"
    );
    let after_abort = same(&described, str::to_string);
    assert!(
        after_abort
            .lines()
            .nth(1)
            .is_some_and(|l| l.trim_end().ends_with("None")),
        "{after_abort}"
    );
    assert_eq!(
        committed(&b, &t),
        ("after\n".into(), "Processed a total of 1 messages\n".into())
    );
}
