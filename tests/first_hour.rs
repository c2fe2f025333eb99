//! A new user's first hour (issue 11): no silent loss, no silent hang, no
//! throwaway cluster, hints that can be pasted, clear connection errors and
//! clap's messages made helpful. Each test failed before its fix.

use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::util::*;

/// Produces `values` to `topic`, one record per partition in turn.
fn produce_round_robin(topic: &str, partitions: usize, values: &[&str]) {
    let records: Vec<serde_json::Value> = values
        .iter()
        .enumerate()
        .map(|(i, v)| json!({"partition": i % partitions, "value": v}))
        .collect();
    produce_json_on(&bootstrap(), topic, &records);
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

/// Issue 11 item 1: `--include … --exit` printed 1 of 6 and 4 of 10 records.
#[test]
fn include_with_exit_reads_every_partition_of_every_matching_topic() {
    let b = bootstrap();
    let prefix = random_name("inc").replace('-', "_");
    let orders = format!("{prefix}_orders");
    let other = format!("{prefix}_other");
    create_topic(&orders, 3);
    create_topic(&other, 2);
    let o: Vec<String> = (0..6).map(|i| format!("o{i}")).collect();
    let x: Vec<String> = (0..4).map(|i| format!("x{i}")).collect();
    produce_round_robin(
        &orders,
        3,
        &o.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    produce_round_robin(&other, 2, &x.iter().map(String::as_str).collect::<Vec<_>>());

    let run = kt(&[
        "consume",
        "-b",
        &b,
        "--include",
        &orders,
        "--from-beginning",
        "--exit",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(sorted_lines(&run.stdout), o, "{run:?}");
    assert_eq!(run.stderr, "Processed a total of 6 messages\n");

    let both = format!("{orders}|{other}");
    let run = kt(&[
        "consume",
        "-b",
        &b,
        "--include",
        &both,
        "--from-beginning",
        "--exit",
    ]);
    let mut all: Vec<String> = o.iter().chain(&x).cloned().collect();
    all.sort();
    assert_eq!(
        (run.code, sorted_lines(&run.stdout)),
        (Some(0), all.clone()),
        "{run:?}"
    );
    assert_eq!(run.stderr, "Processed a total of 10 messages\n");

    // Kafka's comma form of a pattern, and --until-time (already past)
    // without --exit: the same ten, then the end.
    let comma = format!("{prefix}_orders,{prefix}_other");
    let run = kt(&[
        "consume",
        "-b",
        &b,
        "--include",
        &comma,
        "--from-beginning",
        "--until-time",
        "-0s",
    ]);
    assert_eq!(
        (run.code, sorted_lines(&run.stdout)),
        (Some(0), all),
        "{run:?}"
    );

    // --tail 1 --exit: the last record of each of the five partitions.
    let run = kt(&[
        "consume",
        "-b",
        &b,
        "--include",
        &both,
        "--tail",
        "1",
        "--exit",
    ]);
    assert_eq!(
        (run.code, sorted_lines(&run.stdout)),
        (
            Some(0),
            vec!["o3", "o4", "o5", "x2", "x3"]
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        ),
        "{run:?}"
    );
}

/// Issue 11 item 2: a missing topic looked like an empty one for ever.
#[test]
fn a_missing_topic_is_one_line_and_exit_3_at_once() {
    let b = bootstrap();
    let nosuch = random_name("nosuch");
    for args in [
        vec!["consume", "-b", &b, "--topic", &nosuch],
        vec!["consume", "-b", &b, "--topic", &nosuch, "--group", "g1"],
        vec!["consume", "-b", &b, "--include", &nosuch],
        vec![
            "perf",
            "consumer",
            "-b",
            &b,
            "--topic",
            &nosuch,
            "--messages",
            "10",
        ],
    ] {
        let started = Instant::now();
        let run = kt(&args);
        assert!(
            started.elapsed() < kt_testkit::scaled(Duration::from_secs(5)),
            "{args:?} took {:?}",
            started.elapsed()
        );
        assert_eq!(run.code, Some(3), "{args:?}: {run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {run:?}");
        assert!(
            run.stderr.contains(&nosuch)
                && run
                    .stderr
                    .contains(&format!("kt topics --bootstrap-server {b} --list")),
            "{args:?}: {run:?}"
        );
        assert_eq!(run.stdout, "", "{args:?}");
    }
    // Kafka's console consumer waits for the topic: so does the Kafka name.
    let run = kafka(
        "kafka-console-consumer",
        &[
            "--bootstrap-server",
            &b,
            "--topic",
            &nosuch,
            "--timeout-ms",
            "1500",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stderr.ends_with("Processed a total of 0 messages\n"),
        "{run:?}"
    );
    assert!(!run.stderr.contains("does not exist"), "{run:?}");
}

/// `--wait-for-topic` keeps waiting, says so, and reads the topic once it exists.
#[test]
fn wait_for_topic_waits_and_then_reads() {
    let b = bootstrap();
    let t = random_name("later");
    let mut child = spawn(
        kt_path(),
        &[
            "consume",
            "-b",
            &b,
            "--topic",
            &t,
            "--wait-for-topic",
            "--from-beginning",
            "--max-messages",
            "1",
        ],
    );
    let (first, _stderr) = read_exactly(child.stderr.take().unwrap(), 24);
    assert_eq!(&first, b"kt: waiting for topic la");
    create_topic(&t, 1);
    produce_round_robin(&t, 1, &["hello"]);
    let deadline = Instant::now() + DEADLINE;
    assert!(kt_testkit::wait_until(deadline, || child
        .try_wait()
        .ok()
        .flatten()
        .is_some()));
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello\n");
}

/// Issue 11 item 3: `kt consume … | head -1` on an idle topic never ended.
#[test]
fn a_closed_stdout_ends_an_idle_consumer_at_once() {
    let b = bootstrap();
    let t = random_name("idle");
    create_topic(&t, 1);
    for extra in [vec![], vec!["--group", "idle-group"]] {
        let mut args = vec!["consume", "-b", &b, "--topic", &t];
        args.extend(extra);
        let mut child = spawn(kt_path(), &args);
        assert!(wait_for_sigint_handler(child.id()));
        // Let it reach its poll loop, then close the only reader.
        std::thread::sleep(Duration::from_millis(500));
        drop(child.stdout.take());
        let closed = Instant::now();
        let deadline = closed + Duration::from_secs(10);
        assert!(
            kt_testkit::wait_until(deadline, || child.try_wait().ok().flatten().is_some()),
            "kt kept running with nobody reading ({args:?})"
        );
        assert!(
            closed.elapsed() < kt_testkit::scaled(Duration::from_secs(3)),
            "{:?}",
            closed.elapsed()
        );
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

/// Issue 11 item 4: the hint created the topic on a throwaway mock cluster.
#[test]
fn hints_repeat_the_connection_and_work_when_pasted() {
    let b = bootstrap();
    let t = random_name("hint");
    let run = kt_in(&["produce", "-b", &b, "--topic", &t], b"a\n");
    assert_eq!(run.code, Some(3), "{run:?}");
    let hint = run
        .stderr
        .trim_end()
        .split("create it with: ")
        .nth(1)
        .unwrap_or_else(|| panic!("no hint: {run:?}"))
        .to_string();
    assert_eq!(
        hint,
        format!("kt topics --bootstrap-server {b} --create --topic {t}")
    );
    // Pasted as printed (kt's path for `kt`): the topic exists on the broker.
    let words: Vec<&str> = hint.split_whitespace().skip(1).collect();
    let created = kt(&words);
    assert_eq!(created.code, Some(0), "{created:?}");
    let run = kt_in(&["produce", "-b", &b, "--topic", &t], b"a\n");
    assert_eq!(run.code, Some(0), "{run:?}");

    // With a profile, the hint names it.
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        format!("[clusters.dev]\nbootstrap-servers = \"{b}\"\n"),
    )
    .unwrap();
    let t2 = random_name("hint");
    let run = kt_env(
        &[
            "perf",
            "producer",
            "--cluster",
            "dev",
            "--topic",
            &t2,
            "--num-records",
            "1",
            "--record-size",
            "1",
            "--throughput",
            "-1",
        ],
        &[("KT_CONFIG", cfg.to_str().unwrap())],
    );
    assert_eq!(run.code, Some(3), "{run:?}");
    assert!(
        run.stderr.ends_with(&format!(
            "create it with: kt topics --cluster dev --create --topic {t2}\n"
        )),
        "{run:?}"
    );
}

/// Issue 11 item 5: with no broker and no profile kt ran on the mock cluster.
#[test]
fn no_broker_given_is_one_line_not_a_silent_mock() {
    let expected = "kt: no broker given; pass --bootstrap-server HOST:PORT, set up a cluster profile (see 'kt config show --help'), or use --bootstrap-server mock to try kt without a broker\n";
    for args in [
        vec!["topics", "--list"],
        vec![
            "topics",
            "--create",
            "--topic",
            "t",
            "--partitions",
            "1",
            "--replication-factor",
            "1",
        ],
        vec!["consume", "--topic", "t"],
        vec!["produce", "--topic", "t"],
        vec!["offsets", "--topic", "t"],
        vec![
            "perf",
            "producer",
            "--topic",
            "t",
            "--num-records",
            "1",
            "--record-size",
            "1",
            "--throughput",
            "-1",
        ],
        vec!["perf", "consumer", "--topic", "t", "--messages", "1"],
        vec!["perf", "e2e", "--topic", "t", "--num-records", "1"],
    ] {
        let run = kt(&args);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (Some(2), "", expected),
            "{args:?}"
        );
    }
    // Named, the mock still works.
    let run = kt(&[
        "topics",
        "-b",
        "mock",
        "--create",
        "--topic",
        "t",
        "--partitions",
        "1",
        "--replication-factor",
        "1",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

/// Issue 11 item 10: connection errors say what happened, at once.
#[test]
fn connection_errors_say_what_happened_and_where_the_address_came_from() {
    let port = kt_testkit::free_port().unwrap();
    let refused = format!("127.0.0.1:{port}");
    let run = kt(&["topics", "-b", &refused, "--list"]);
    assert_eq!(
        (run.code, run.stderr.clone()),
        (
            Some(4),
            format!(
                "kt: cannot connect to {refused}: connection refused; check --bootstrap-server\n"
            )
        ),
        "{run:?}"
    );
    let run = kt(&["topics", "-b", "nohost.invalid:9092", "--list"]);
    assert_eq!(run.code, Some(4), "{run:?}");
    assert!(
        run.stderr.starts_with(
            "kt: cannot connect to nohost.invalid:9092: cannot resolve the host name ("
        ) && run.stderr.ends_with("); check --bootstrap-server\n"),
        "{run:?}"
    );
    // From a profile: the profile is named.
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        format!("[clusters.dead]\nbootstrap-servers = \"{refused}\"\n"),
    )
    .unwrap();
    let run = kt_env(
        &["topics", "--cluster", "dead", "--list"],
        &[("KT_CONFIG", cfg.to_str().unwrap())],
    );
    assert_eq!(
        run.stderr,
        format!(
            "kt: cannot connect to {refused}: connection refused; check cluster profile 'dead'\n"
        ),
        "{run:?}"
    );
    // A URL scheme is refused before any wait.
    let started = Instant::now();
    let run = kt(&["topics", "-b", "http://127.0.0.1:9092", "--list"]);
    assert!(started.elapsed() < kt_testkit::scaled(Duration::from_secs(2)));
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            Some(2),
            "kt: --bootstrap-server takes HOST:PORT[,HOST:PORT...], not a URL; drop 'http://'\n"
        ),
        "{run:?}"
    );
    // A refused or unknown ZooKeeper is one line at once, with the reason.
    for (zk, why) in [
        (refused.clone(), format!("{refused}: connection refused")),
        (
            "nohost.invalid:2181".to_string(),
            "nohost.invalid:2181: cannot resolve the host name".to_string(),
        ),
    ] {
        let started = Instant::now();
        let run = kt(&["topics", "--zookeeper", &zk, "--list"]);
        assert!(
            started.elapsed() < kt_testkit::scaled(Duration::from_secs(3)),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(
            (run.code, run.stderr.clone()),
            (
                Some(4),
                format!("kt: cannot connect to ZooKeeper at {zk} ({why}); check --zookeeper\n")
            ),
            "{run:?}"
        );
    }
}

/// Issue 11 item 9: clap's defaults, made into help a person can use.
#[test]
fn command_line_mistakes_get_a_useful_line() {
    let cases: [(&[&str], &str); 7] = [
        (&["topic", "--list"], "kt: unrecognized subcommand 'topic' (did you mean 'topics'?); see 'kt --help'\n"),
        (&["completions"], "kt: missing <SHELL>; see 'kt completions --help'\n"),
        (&["topics", "-b", "mock", "--list", "-o", "yaml"], "kt: invalid value 'yaml' for '--output <OUTPUT>' (valid values: text, table, json); see 'kt topics --help'\n"),
        (&["topics", "list", "-b", "mock"], "kt: unexpected argument 'list' (did you mean '--list'?); options start with --, see 'kt topics --help'\n"),
        (&["produce", "-b", "mock"], "kt: missing --topic; see 'kt produce --help'\n"),
        (&["perf", "producer", "--nosuch", "1"], "kt: unexpected argument '--nosuch' found; see 'kt perf producer --help'\n"),
        (&["consume", "-b", "mock", "--topic", "t", "--group", "g", "--tail", "3"], "kt: --from-time, --until-time, --tail and --exit assign partitions themselves; drop --group\n"),
    ];
    for (args, expected) in cases {
        let run = kt(args);
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (Some(2), expected),
            "{args:?}"
        );
    }
    // Bare `kt`, `kt perf`, `kt config`: the help, on stderr, exit 2.
    for args in [&[][..], &["perf"][..], &["config"][..]] {
        let run = kt(args);
        assert_eq!(run.code, Some(2), "{args:?}");
        assert!(run.stderr.contains("Usage: kt"), "{args:?}: {run:?}");
        assert!(run.stderr.lines().count() > 3, "{args:?}: {run:?}");
    }
    // argparse4j's prefixes, as the README promises.
    let run = kt(&[
        "perf",
        "producer",
        "-b",
        "mock",
        "-t",
        "p",
        "--num-rec",
        "5",
        "--record-size",
        "10",
        "--throughput",
        "-1",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.starts_with("5 records sent"), "{run:?}");
    // A non-UTF-8 argument is an error line, not a panic.
    use std::os::unix::ffi::OsStrExt;
    let out = Command::new(kt_path())
        .arg(std::ffi::OsStr::from_bytes(b"\xff\xfe"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

/// Issue 11 item 6: on an 80-column terminal the window lines were printed
/// onto the bar and cut; `kt perf consumer` showed nothing at all.
#[test]
fn perf_progress_bars_on_an_80_column_terminal() {
    let kt = kt_path().display().to_string();
    let term = Terminal::run(&format!(
        "{kt} perf producer -b mock -t bar --num-records 60000 --record-size 100 --throughput 20000 --reporting-interval 500"
    ));
    // While it runs: a bar that fits the width, with the acked rate as Kafka writes it.
    let running = term.wait_for(" records sent, ");
    let bar = running
        .lines()
        .find(|l| l.contains("/60000 records sent"))
        .unwrap_or_else(|| panic!("no bar:\n{running}"));
    assert!(bar.chars().count() <= 80, "{bar}");
    assert!(
        regex::Regex::new(r"\d+/60000 records sent, \d+\.\d records/sec, ETA")
            .unwrap()
            .is_match(bar),
        "{bar}"
    );
    let screen = term.wait_for("KT-DONE");
    let window = regex::Regex::new(
        r"^\d+ records sent, \d+\.\d records/sec \(\d+\.\d\d MB/sec\), \d+\.\d ms avg latency, \d+\.\d ms max latency\.$",
    )
    .unwrap();
    let lines: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(" records sent, "))
        .collect();
    let windows = lines.iter().filter(|l| window.is_match(l)).count();
    assert!(windows >= 3, "{screen}");
    // Every line is a whole Kafka line: the window lines, then the total.
    assert_eq!(windows, lines.len() - 1, "{screen}");
    assert!(
        lines[lines.len() - 1].starts_with("60000 records sent, "),
        "{screen}"
    );
    assert!(
        !screen.contains("ETA"),
        "the bar is cleared at the end:\n{screen}"
    );

    // kt perf consumer has a bar too (here it waits for records that never come).
    let b = bootstrap();
    let t = random_name("bar");
    create_topic(&t, 1);
    produce_round_robin(&t, 1, &["a", "b", "c"]);
    let term = Terminal::run(&format!(
        "{kt} perf consumer -b {b} --topic {t} --messages 1000 --timeout 4000"
    ));
    let running = term.wait_for("/1000 records consumed");
    assert!(
        running.lines().any(|l| l.contains("3/1000 records consumed") || l.contains("0/1000 records consumed")),
        "{running}"
    );
}

/// kcat's `-f` tokens, binary-safe, with rpk-style encodings.
#[test]
fn format_prints_kcat_tokens_binary_safe() {
    let b = bootstrap();
    let t = random_name("fmt");
    create_topic(&t, 1);
    let records = [
        json!({"key": "k1", "value": "v1", "timestamp": 1000, "headers": [{"key": "h", "value": "x"}]}),
        json!({"key": null, "value": {"base64": "/wA="}, "timestamp": 2000}),
    ];
    let input: String = records.iter().map(|r| format!("{r}\n")).collect();
    let run = kt_in(
        &["produce", "-b", &b, "-t", &t, "--input", "json"],
        input.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    // Every record, through `-f format`, as the bytes kt wrote.
    let read = |format: &str| {
        let args = [
            "consume",
            "-b",
            &b,
            "-t",
            &t,
            "--from-beginning",
            "--exit",
            "-f",
            format,
        ];
        let out = Command::new(kt_path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        out.stdout
    };
    let expected = format!("{t}|0|0|1000|k1|2|v1|2|h=x|7631|\"k1\"\n{t}|0|1|2000||-1|");
    let mut expected = expected.into_bytes();
    expected.extend_from_slice(b"\xff\0|2||ff00|null\n");
    assert_eq!(
        read("%t|%p|%o|%T|%k|%K|%s|%S|%h|%v{hex}|%k{json}\\n"),
        expected
    );
    // %R is the value's length as four big-endian bytes.
    assert_eq!(read("%R%s"), b"\0\0\0\x02v1\0\0\0\x02\xff\0".to_vec());
    let run = kt(&["consume", "-b", &b, "-t", &t, "-f", "%q"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .starts_with("kt: --format '%q': unknown token %q; tokens:"),
        "{run:?}"
    );
}

/// Issue 11 item 11: the small things.
#[test]
fn small_things_a_new_user_trips_on() {
    let b = bootstrap();
    // A typo'd property: did you mean, under kt's name only.
    let run = kt(&[
        "topics",
        "-b",
        &b,
        "--list",
        "--command-property",
        "securty.protocol=PLAINTEXT",
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stderr,
        "WARN The configuration 'securty.protocol' was supplied but isn't a known config. Did you mean 'security.protocol'?\n"
    );
    let run = kafka(
        "kafka-topics",
        &[
            "--bootstrap-server",
            &b,
            "--list",
            "--command-property",
            "securty.protocol=PLAINTEXT",
        ],
    );
    assert_eq!(
        run.stderr,
        "WARN The configuration 'securty.protocol' was supplied but isn't a known config.\n"
    );
    let run = kt(&[
        "topics",
        "-b",
        &b,
        "--list",
        "-X",
        "securty.protocol=PLAINTEXT",
    ]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (Some(2), "kt: unknown librdkafka property 'securty.protocol' (from -X); did you mean 'security.protocol'?\n"),
    );

    // The chmod warning: once, and only for the cluster in use.
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        format!(
            "[clusters.open]\nbootstrap-servers = \"{b}\"\n[clusters.open.properties]\nsecurty.protocol = \"PLAINTEXT\"\n\n\
             [clusters.secret]\nbootstrap-servers = \"{b}\"\n[clusters.secret.properties]\nsasl.password = \"x\"\n"
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&cfg, std::fs::Permissions::from_mode(0o644)).unwrap();
    let env = [("KT_CONFIG", cfg.to_str().unwrap())];
    let run = kt_env(&["config", "show", "--cluster", "open"], &env);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(!run.stderr.contains("chmod"), "{run:?}");
    assert_eq!(
        run.stdout.matches("securty.protocol' was supplied").count(),
        1,
        "{run:?}"
    );
    let run = kt_env(&["config", "show", "--cluster", "secret"], &env);
    assert_eq!(run.stderr.matches("run chmod 600").count(), 1, "{run:?}");

    // install-aliases says when the directory is not on PATH.
    let links = tempfile::tempdir().unwrap();
    let dir = links.path().display().to_string();
    let run = kt(&["install-aliases", &dir]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stderr
            .starts_with(&format!("kt: {dir} is not on your PATH")),
        "{run:?}"
    );
    let path = format!("{dir}:{}", std::env::var("PATH").unwrap_or_default());
    let run = kt_env(&["install-aliases", &dir], &[("PATH", &path)]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:?}");

    // Man pages: the command as typed, value names, no hidden words.
    let page =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/man/kt-consume.1")).unwrap();
    let synopsis = page
        .split(".SH SYNOPSIS\n")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap();
    assert!(synopsis.starts_with("\\fBkt consume\\fR "), "{synopsis}");
    assert!(
        synopsis.contains("[\\fB\\-t\\fR|\\fB\\-\\-topic\\fR \\fItopic\\fR]"),
        "{synopsis}"
    );
    assert!(!page.contains("STRAY"), "{synopsis}");
}
