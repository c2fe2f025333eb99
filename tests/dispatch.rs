//! Every Kafka name reaches kt.

use crate::util::*;

#[test]
fn run_class_dispatches_topic_command_classes() {
    let b = bootstrap();
    for class in [
        "kafka.admin.TopicCommand",
        "org.apache.kafka.tools.TopicCommand",
    ] {
        let run = kafka(
            "kafka-run-class.sh",
            &[
                class,
                "--list",
                "--topic",
                "nomatch-rc",
                "--bootstrap-server",
                &b,
            ],
        );
        assert_eq!(
            (run.code, run.stdout.as_str()),
            (Some(0), "\n"),
            "{class}: {run:?}"
        );
    }
}

#[test]
fn run_class_usage_and_unknown_class() {
    let run = kafka("kafka-run-class", &[]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout.starts_with("USAGE: ")
            && run
                .stdout
                .contains("[-daemon] [-name servicename] [-loggc] classname [opts]"),
        "{run:?}"
    );
    let run = kafka("kafka-run-class", &["com.example.Nope"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.first_stderr_line(),
        "Error: Could not find or load main class com.example.Nope"
    );
    assert!(run.stderr.contains("kafka.tools.GetOffsetShell"), "{run:?}");
}

#[test]
fn kt_takes_a_kafka_name_as_first_argument() {
    let b = bootstrap();
    let run = kt(&[
        "kafka-topics",
        "--list",
        "--topic",
        "nomatch-arg",
        "--bootstrap-server",
        &b,
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), "\n"), "{run:?}");
}

#[test]
fn version_names_kt_and_librdkafka() {
    let run = kt(&["--version"]);
    assert_eq!(run.code, Some(0));
    assert!(
        run.stdout.starts_with("kt ") && run.stdout.contains("librdkafka 2."),
        "{run:?}"
    );
}
