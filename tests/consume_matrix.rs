//! Three ways to consume, one behaviour (issue 17): every console-consumer
//! guarantee, run over `--topic` (kt assigns the partitions), `--include`
//! (a pattern) and `--group` (a group subscription), under kt's name and,
//! where the guarantee is Kafka's, under `kafka-console-consumer`.
//!
//! | guarantee | --topic | --include | --group | under the Kafka name |
//! |---|---|---|---|---|
//! | refused broker | one line, exit 4, < 5 s | same | same | same line, exit 1 (departure: Apache waits for ever) |
//! | unresolvable broker | one line, exit 4 | same | same | exit 1 (departure, as above) |
//! | broker that never answers | one line at default.api.timeout.ms | same | same | exit 1 (departure) |
//! | missing topic | one line, exit 3 at once | no match: same | same | waits, as Apache does: --timeout-ms ends it |
//! | empty topic | --exit: 0 records, exit 0 | same | --exit refused; --timeout-ms ends it | --timeout-ms ends it |
//! | --exit over several partitions/topics | every record | every record of every matching topic | refused, one line | (kt only) |
//! | --max-messages | exactly N | same | same | same |
//! | --timeout-ms | every record, then the end | same | same | same, with Kafka's ERROR lines |
//! | --from-time/--until-time | the range, then the end | same | refused, one line | (kt only) |
//! | SIGINT / SIGTERM | count printed, 130 / 143 | same | same | same |
//! | closed stdout on an idle topic | quiet end, exit 0 | same | same | Kafka's "Unable to write" line, exit 0 |
//! | --output json | envelopes | same | same | (kt only) |
//!
//! Run against the kt before issues 11 and 17, 28 of these 69 cells failed:
//! refused, unresolvable and silent brokers on --include and --group hung
//! until killed (12 cells, both names), and on --topic said "no broker
//! answered" with librdkafka's internals (4); a missing topic on every path
//! printed nothing for ever (3); --exit on --include printed 2 of 10 records
//! (1); --from-time/--until-time with a past --until-time never ended (2); a
//! closed stdout on an idle topic went unnoticed on every path (6).

use std::io::Read;
use std::net::TcpListener;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::util::*;

/// Fails the cell with a message unless `cond` holds.
macro_rules! ensure {
    ($cond:expr, $($why:tt)+) => {
        if !$cond {
            return Err(format!($($why)+));
        }
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    Topic,
    Include,
    Group,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    Kt,
    Kafka,
}

const PATHS: [Path; 3] = [Path::Topic, Path::Include, Path::Group];

/// Topics every cell reads: two with records over five partitions, and an
/// empty one; made once.
struct Fixture {
    a: String,
    b: String,
    empty: String,
}

/// Records in `a` and `b`.
const IN_A: usize = 6;
const IN_B: usize = 4;

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let prefix = random_name("matrix").replace('-', "_");
        let f = Fixture {
            a: format!("{prefix}_a"),
            b: format!("{prefix}_b"),
            empty: format!("{prefix}_empty"),
        };
        let broker = bootstrap();
        for (topic, partitions, records) in [(&f.a, 3, IN_A), (&f.b, 2, IN_B), (&f.empty, 1, 0)] {
            create_topic(topic, partitions);
            let lines: String = (0..records)
                .map(|i| format!("{}\n", json!({"partition": i % partitions as usize, "value": format!("{topic}-{i}")})))
                .collect();
            let run = kt_in(
                &["produce", "--bootstrap-server", &broker, "--topic", topic, "--input", "json"],
                lines.as_bytes(),
            );
            assert_eq!(run.code, Some(0), "{run:?}");
        }
        f
    })
}

/// The flags that pick what `path` reads: the data topics (`a`, or `a` and
/// `b` by pattern), or `topic` given explicitly.
fn source(path: Path, topic: Option<&str>) -> Vec<String> {
    let f = fixture();
    let (single, pattern) = match topic {
        Some(t) => (t.to_string(), t.to_string()),
        None => (f.a.clone(), format!("{}|{}", f.a, f.b)),
    };
    match path {
        Path::Topic => vec!["--topic".into(), single],
        Path::Include => vec!["--include".into(), pattern],
        Path::Group => vec![
            "--topic".into(),
            single,
            "--group".into(),
            random_name("matrix-g"),
        ],
    }
}

/// Records the data source of `path` holds.
fn all_records(path: Path) -> usize {
    match path {
        Path::Include => IN_A + IN_B,
        _ => IN_A,
    }
}

fn argv(name: Name, broker: &str, rest: &[String]) -> (std::path::PathBuf, Vec<String>) {
    let mut args = Vec::new();
    let program = match name {
        Name::Kt => {
            args.push("consume".to_string());
            kt_path().to_path_buf()
        }
        Name::Kafka => links().join("kafka-console-consumer"),
    };
    args.extend(["--bootstrap-server".to_string(), broker.to_string()]);
    args.extend(rest.iter().cloned());
    (program, args)
}

/// Runs the consumer to its end; a run past the deadline is the cell's failure.
fn run(name: Name, broker: &str, rest: &[String]) -> Result<Run, String> {
    let (program, args) = argv(name, broker, rest);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    kt_testkit::run_with_deadline(&program, &args, b"", DEADLINE).map_err(|e| format!("{e:#}"))
}

/// A running consumer (killed and reaped when dropped, so a failing cell
/// leaves no process behind).
struct Running(Spawned);

impl Running {
    /// Waits (bounded) for the end; the exit code and what it printed.
    fn finish(&mut self, within: Duration) -> Result<(Option<i32>, String, String), String> {
        let deadline = Instant::now() + within;
        ensure!(
            kt_testkit::wait_until(deadline, || self.0.try_wait().ok().flatten().is_some()),
            "still running {within:?} later"
        );
        let (mut out, mut err) = (String::new(), String::new());
        if let Some(mut s) = self.0.stdout.take() {
            let _ = s.read_to_string(&mut out);
        }
        if let Some(mut s) = self.0.stderr.take() {
            let _ = s.read_to_string(&mut err);
        }
        let status = self.0.wait().map_err(|e| e.to_string())?;
        Ok((status.code(), out, err))
    }
}

fn spawn_consumer(name: Name, broker: &str, rest: &[String]) -> Running {
    let (program, args) = argv(name, broker, rest);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Running(spawn(&program, &args))
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

type Cell = Result<(), String>;

/// A broker that accepts connections and never answers.
fn silent_broker() -> &'static str {
    static ADDRESS: OnceLock<String> = OnceLock::new();
    ADDRESS.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap().to_string();
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for stream in listener.incoming().take(256).flatten() {
                held.push(stream);
            }
        });
        address
    })
}

/// One line and a documented exit, quickly, from a broker that cannot be used.
fn bad_broker(path: Path, name: Name, broker: &str, starts: &str, slow: Duration) -> Cell {
    let mut rest = source(path, None);
    rest.extend(strings(&[
        "--command-property",
        "default.api.timeout.ms=1500",
    ]));
    let started = Instant::now();
    let r = run(name, broker, &rest)?;
    let took = started.elapsed();
    let code = if name == Name::Kt { 4 } else { 1 };
    ensure!(r.code == Some(code), "exit {:?}, not {code}: {r:?}", r.code);
    ensure!(r.stderr.lines().count() == 1, "not one line: {r:?}");
    // Under a Kafka name errors carry no `kt: `, as Kafka's tools print them.
    let starts = match name {
        Name::Kt => starts,
        Name::Kafka => starts.trim_start_matches("kt: "),
    };
    ensure!(
        r.stderr.starts_with(starts),
        "stderr {:?} does not start {starts:?}",
        r.stderr
    );
    ensure!(took < slow, "took {took:?}");
    ensure!(r.stdout.is_empty(), "stdout {:?}", r.stdout);
    Ok(())
}

fn refused(path: Path, name: Name) -> Cell {
    let port = kt_testkit::free_port().unwrap();
    let broker = format!("127.0.0.1:{port}");
    let starts = format!("kt: cannot connect to {broker}: connection refused");
    bad_broker(path, name, &broker, &starts, Duration::from_secs(5))
}

fn unresolvable(path: Path, name: Name) -> Cell {
    let broker = "nohost.invalid:9092";
    let starts = format!("kt: cannot connect to {broker}: cannot resolve the host name");
    bad_broker(path, name, broker, &starts, Duration::from_secs(5))
}

fn never_answers(path: Path, name: Name) -> Cell {
    let broker = silent_broker();
    let starts = format!("kt: no broker answered at {broker} within 1.5s");
    bad_broker(path, name, broker, &starts, Duration::from_secs(6))
}

fn missing_topic(path: Path, name: Name) -> Cell {
    let nosuch = random_name("matrix-nosuch");
    let mut rest = source(path, Some(&nosuch));
    if name == Name::Kafka {
        rest.extend(strings(&["--timeout-ms", "1500"]));
    }
    let started = Instant::now();
    let r = run(name, &bootstrap(), &rest)?;
    match name {
        Name::Kt => {
            ensure!(r.code == Some(3), "exit {:?}: {r:?}", r.code);
            ensure!(r.stderr.lines().count() == 1, "not one line: {r:?}");
            ensure!(r.stderr.contains(&nosuch), "{r:?}");
            ensure!(
                started.elapsed() < kt_testkit::scaled(Duration::from_secs(5)),
                "took {:?}",
                started.elapsed()
            );
        }
        Name::Kafka => {
            // Apache's console consumer waits for the topic.
            ensure!(r.code == Some(0), "exit {:?}: {r:?}", r.code);
            ensure!(
                r.stderr.ends_with("Processed a total of 0 messages\n"),
                "{r:?}"
            );
        }
    }
    Ok(())
}

fn empty_topic(path: Path, name: Name) -> Cell {
    let mut rest = source(path, Some(&fixture().empty));
    rest.push("--from-beginning".into());
    let bounded = name == Name::Kt && path != Path::Group;
    rest.extend(if bounded {
        strings(&["--exit"])
    } else {
        strings(&["--timeout-ms", "1500"])
    });
    let r = run(name, &bootstrap(), &rest)?;
    ensure!(r.code == Some(0), "exit {:?}: {r:?}", r.code);
    ensure!(r.stdout.is_empty(), "{r:?}");
    ensure!(
        r.stderr.ends_with("Processed a total of 0 messages\n"),
        "{r:?}"
    );
    Ok(())
}

fn exit_counts(path: Path, _: Name) -> Cell {
    let mut rest = source(path, None);
    rest.extend(strings(&["--from-beginning", "--exit"]));
    let r = run(Name::Kt, &bootstrap(), &rest)?;
    if path == Path::Group {
        ensure!(r.code == Some(2) && r.stderr.lines().count() == 1, "{r:?}");
        ensure!(r.stderr.contains("drop --group"), "{r:?}");
        return Ok(());
    }
    let n = all_records(path);
    ensure!(r.code == Some(0), "exit {:?}: {r:?}", r.code);
    ensure!(
        r.stdout.lines().count() == n,
        "{} of {n} records: {r:?}",
        r.stdout.lines().count()
    );
    ensure!(
        r.stderr == format!("Processed a total of {n} messages\n"),
        "{r:?}"
    );
    Ok(())
}

fn max_messages(path: Path, name: Name) -> Cell {
    let mut rest = source(path, None);
    rest.extend(strings(&["--from-beginning", "--max-messages", "3"]));
    let r = run(name, &bootstrap(), &rest)?;
    ensure!(r.code == Some(0), "exit {:?}: {r:?}", r.code);
    ensure!(r.stdout.lines().count() == 3, "{r:?}");
    ensure!(r.stderr == "Processed a total of 3 messages\n", "{r:?}");
    Ok(())
}

fn idle_timeout(path: Path, name: Name) -> Cell {
    let mut rest = source(path, None);
    rest.extend(strings(&["--from-beginning", "--timeout-ms", "2000"]));
    let r = run(name, &bootstrap(), &rest)?;
    let n = all_records(path);
    ensure!(r.code == Some(0), "exit {:?}: {r:?}", r.code);
    ensure!(
        r.stdout.lines().count() == n,
        "{} of {n}: {r:?}",
        r.stdout.lines().count()
    );
    let count = format!("Processed a total of {n} messages\n");
    match name {
        Name::Kt => ensure!(r.stderr == count, "{r:?}"),
        // Kafka's log4j record, then the exception, then the count.
        Name::Kafka => ensure!(
            regex::Regex::new(&format!(
                r"^\[\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d,\d{{3}}\] ERROR Error processing message, terminating consumer process:  \(org\.apache\.kafka\.tools\.consumer\.ConsoleConsumer\)\norg\.apache\.kafka\.common\.errors\.TimeoutException\n{count}$"
            ))
            .unwrap()
            .is_match(&r.stderr),
            "{r:?}"
        ),
    }
    Ok(())
}

fn time_range(path: Path, _: Name) -> Cell {
    let mut rest = source(path, None);
    rest.extend(strings(&["--from-time", "0", "--until-time", "-0s"]));
    let r = run(Name::Kt, &bootstrap(), &rest)?;
    if path == Path::Group {
        ensure!(
            r.code == Some(2) && r.stderr.contains("drop --group"),
            "{r:?}"
        );
        return Ok(());
    }
    let n = all_records(path);
    ensure!(r.code == Some(0), "exit {:?}: {r:?}", r.code);
    ensure!(
        r.stdout.lines().count() == n,
        "{} of {n}: {r:?}",
        r.stdout.lines().count()
    );
    Ok(())
}

fn signal(path: Path, name: Name, sig: i32, code: i32) -> Cell {
    let mut rest = source(path, None);
    rest.push("--from-beginning".into());
    let mut child = spawn_consumer(name, &bootstrap(), &rest);
    ensure!(wait_for_sigint_handler(child.0.id()), "no signal handler");
    ensure!(
        kt_testkit::send_signal(child.0.id(), sig),
        "cannot signal kt"
    );
    let (status, stdout, stderr) = child.finish(Duration::from_secs(10))?;
    ensure!(status == Some(code), "exit {status:?}: {stderr}");
    let printed = stdout.lines().count();
    ensure!(
        stderr.starts_with(&format!("Processed a total of {printed} messages\n")),
        "count does not match the {printed} printed: {stderr:?}"
    );
    Ok(())
}

fn sigint(path: Path, name: Name) -> Cell {
    signal(path, name, libc::SIGINT, 130)
}

fn sigterm(path: Path, name: Name) -> Cell {
    signal(path, name, libc::SIGTERM, 143)
}

fn closed_stdout(path: Path, name: Name) -> Cell {
    let rest = source(path, Some(&fixture().empty));
    let mut child = spawn_consumer(name, &bootstrap(), &rest);
    ensure!(wait_for_sigint_handler(child.0.id()), "no signal handler");
    // Let it reach its poll loop (a group joins first), then close the reader.
    std::thread::sleep(Duration::from_millis(500));
    drop(child.0.stdout.take());
    let closed = Instant::now();
    let (status, _, stderr) = child.finish(Duration::from_secs(10))?;
    ensure!(
        closed.elapsed() < kt_testkit::scaled(Duration::from_secs(3)),
        "took {:?}",
        closed.elapsed()
    );
    ensure!(status == Some(0), "exit {status:?}: {stderr}");
    let expected = match name {
        Name::Kt => "",
        Name::Kafka => {
            "Unable to write to standard out, closing consumer.\nProcessed a total of 0 messages\n"
        }
    };
    ensure!(stderr == expected, "stderr {stderr:?}");
    Ok(())
}

fn json_envelopes(path: Path, _: Name) -> Cell {
    let mut rest = source(path, None);
    rest.extend(strings(&[
        "--from-beginning",
        "--max-messages",
        "2",
        "-o",
        "json",
    ]));
    let r = run(Name::Kt, &bootstrap(), &rest)?;
    ensure!(r.code == Some(0), "exit {:?}: {r:?}", r.code);
    let f = fixture();
    for line in r.stdout.lines() {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("{e}: {line}"))?;
        let topic = v["topic"].as_str().unwrap_or_default();
        ensure!(topic == f.a || topic == f.b, "{line}");
        ensure!(v["partition"].is_i64() && v["offset"].is_i64(), "{line}");
        ensure!(
            v["value"].as_str().is_some_and(|s| s.starts_with(topic)),
            "{line}"
        );
        ensure!(v["key"].is_null() && v["headers"] == json!([]), "{line}");
    }
    ensure!(r.stdout.lines().count() == 2, "{r:?}");
    Ok(())
}

type Check = fn(Path, Name) -> Cell;
type Guarantee = (&'static str, Check, &'static [Name]);

const BOTH: &[Name] = &[Name::Kt, Name::Kafka];
const KT_ONLY: &[Name] = &[Name::Kt];

const GUARANTEES: [Guarantee; 13] = [
    ("refused broker", refused, BOTH),
    ("unresolvable broker", unresolvable, BOTH),
    ("broker that never answers", never_answers, BOTH),
    ("missing topic", missing_topic, BOTH),
    ("empty topic", empty_topic, BOTH),
    ("--exit exact counts", exit_counts, KT_ONLY),
    ("--max-messages", max_messages, BOTH),
    ("--timeout-ms", idle_timeout, BOTH),
    ("--from-time/--until-time", time_range, KT_ONLY),
    ("SIGINT", sigint, BOTH),
    ("SIGTERM", sigterm, BOTH),
    ("closed stdout, idle topic", closed_stdout, BOTH),
    ("--output json", json_envelopes, KT_ONLY),
];

#[test]
fn every_consumer_guarantee_holds_on_every_path() {
    fixture();
    let cells: Vec<(&str, Check, Path, Name)> = GUARANTEES
        .iter()
        .flat_map(|(what, check, names)| {
            PATHS
                .iter()
                .flat_map(move |p| names.iter().map(move |n| (*what, *check, *p, *n)))
        })
        .collect();
    // Four cells at a time: they share the broker, not their topics' groups.
    let mut results = Vec::new();
    for chunk in cells.chunks(4) {
        let done: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|(what, check, path, name)| {
                    s.spawn(move || (*what, *path, *name, check(*path, *name)))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a cell panicked"))
                .collect()
        });
        results.extend(done);
    }
    let failed: Vec<String> = results
        .iter()
        .filter_map(|(what, path, name, r)| {
            r.as_ref()
                .err()
                .map(|e| format!("{what} / {path:?} / {name:?}: {e}"))
        })
        .collect();
    eprintln!(
        "consume matrix: {} cells, {} passed",
        results.len(),
        results.len() - failed.len()
    );
    assert!(
        failed.is_empty(),
        "{} cells failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
