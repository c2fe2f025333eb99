//! kt against Apache's own tools, case by case, on Apache Kafka 3.9: each
//! case runs once with Apache's tool (`java -cp … CLASS`, the class Kafka
//! 3.9's `bin/*.sh` runs) and once with kt through the Kafka-named link,
//! same arguments, same stdin, each on a topic of its own. stdout, stderr
//! and the exit code must be identical after [`normalise`], or the case is
//! a departure the README lists.

use std::sync::OnceLock;
use std::time::Duration;

use regex::Regex;
use serde_json::json;

use crate::util::*;
use kt_testkit::{kafka, run_tool, KafkaNode, Release, KAFKA_3, KAFKA_4};

/// Apache's tools, by the class Kafka 3.9's scripts run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tool {
    Topics,
    Producer,
    Consumer,
    GetOffsets,
    ProducerPerf,
    ConsumerPerf,
}

impl Tool {
    /// The class `bin/kafka-topics.sh` … of `release` runs.
    fn class(self, release: Release) -> &'static str {
        match self {
            Tool::Topics => "org.apache.kafka.tools.TopicCommand",
            Tool::Producer if release == KAFKA_3 => "kafka.tools.ConsoleProducer",
            Tool::Producer => "org.apache.kafka.tools.ConsoleProducer",
            Tool::Consumer => "org.apache.kafka.tools.consumer.ConsoleConsumer",
            Tool::GetOffsets => "org.apache.kafka.tools.GetOffsetShell",
            Tool::ProducerPerf => "org.apache.kafka.tools.ProducerPerformance",
            Tool::ConsumerPerf => "org.apache.kafka.tools.ConsumerPerformance",
        }
    }

    fn link(self) -> &'static str {
        match self {
            Tool::Topics => "kafka-topics.sh",
            Tool::Producer => "kafka-console-producer.sh",
            Tool::Consumer => "kafka-console-consumer.sh",
            Tool::GetOffsets => "kafka-get-offsets.sh",
            Tool::ProducerPerf => "kafka-producer-perf-test.sh",
            Tool::ConsumerPerf => "kafka-consumer-perf-test.sh",
        }
    }
}

/// What each side's topic `{T}` holds before the case runs.
#[derive(Debug, Clone, Copy)]
enum Setup {
    /// No topic: `{T}` names one that does not exist.
    Nothing,
    /// A topic with this many empty partitions.
    Empty(u32),
    /// One partition with two records: (k, v, CreateTime 1700000000000)
    /// and (null, "plain", CreateTime 1700000000001).
    TwoRecords,
}

#[derive(Debug, Clone, Copy)]
enum Verdict {
    Same,
    /// A departure: the phrase is in the README's compatibility notes.
    OnPurpose(&'static str),
}

use Setup::*;
use Tool::*;
use Verdict::*;

struct Case {
    tool: Tool,
    /// Words split at spaces; `{B}` is the broker, `{T}` the case's topic.
    args: &'static str,
    stdin: &'static str,
    setup: Setup,
    verdict: Verdict,
}

const fn case(tool: Tool, args: &'static str, setup: Setup) -> Case {
    Case {
        tool,
        args,
        stdin: "",
        setup,
        verdict: Same,
    }
}

const fn fed(tool: Tool, args: &'static str, stdin: &'static str, setup: Setup) -> Case {
    Case {
        tool,
        args,
        stdin,
        setup,
        verdict: Same,
    }
}

const fn departs(tool: Tool, args: &'static str, setup: Setup, why: &'static str) -> Case {
    Case {
        tool,
        args,
        stdin: "",
        setup,
        verdict: OnPurpose(why),
    }
}

const TIERED: &str =
    "GetOffsetShell's `--time -4` (earliest-local) and `-5` (latest-tiered) are refused";
const HELP_TABLE: &str = "a help table of kt's flags";
const STACK_TRACE: &str =
    "Kafka prints a Java stack trace after some errors; kt prints the message only";

/// The cases: the spec's test vectors (§11), then more per tool.
const CASES: &[Case] = &[
    // kafka-topics: vectors 1-14.
    departs(Topics, "", Nothing, HELP_TABLE),
    case(Topics, "--bootstrap-server {B}", Nothing),
    case(Topics, "--create --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replica-assignment 0 --bootstrap-server {B}", Nothing),
    case(Topics, "--alter --topic {T} --bootstrap-server {B}", Nothing),
    case(Topics, "--describe --if-not-exists --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 0 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --config foo --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --replica-assignment 0:0 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T}.x --partitions 1 --replication-factor 1 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --bootstrap-server {B}", Empty(1)),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --if-not-exists --bootstrap-server {B}", Empty(1)),
    case(Topics, "--list --topic {T} --bootstrap-server {B}", Nothing),
    case(Topics, "--describe --topic {T} --bootstrap-server {B}", Nothing),
    case(Topics, "--describe --topic {T} --if-exists --bootstrap-server {B}", Nothing),
    // kafka-topics: more.
    case(Topics, "--list --topic {T} --bootstrap-server {B}", Empty(1)),
    case(Topics, "--describe --topic {T} --bootstrap-server {B}", Empty(3)),
    case(Topics, "--describe --topic {T} --unavailable-partitions --bootstrap-server {B}", Empty(2)),
    case(Topics, "--describe --topic {T} --under-replicated-partitions --bootstrap-server {B}", Empty(2)),
    case(Topics, "--describe --topic {T} --under-min-isr-partitions --bootstrap-server {B}", Empty(2)),
    case(Topics, "--describe --topic {T} --at-min-isr-partitions --bootstrap-server {B}", Empty(2)),
    case(Topics, "--describe --topic {T} --topics-with-overrides --bootstrap-server {B}", Empty(2)),
    case(Topics, "--create --topic {T} --partitions 2 --replication-factor 1 --config retention.ms=1000 --config cleanup.policy=compact --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 2 --replication-factor 2 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --replica-assignment 1,1 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --config no.such.config=1 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --config retention.ms=abc --bootstrap-server {B}", Nothing),
    case(Topics, "--alter --topic {T} --partitions 3 --bootstrap-server {B}", Empty(1)),
    case(Topics, "--alter --topic {T} --partitions 1 --bootstrap-server {B}", Empty(2)),
    case(Topics, "--alter --topic {T} --partitions 3 --bootstrap-server {B}", Nothing),
    case(Topics, "--alter --topic {T} --partitions 3 --if-exists --bootstrap-server {B}", Nothing),
    case(Topics, "--delete --topic {T} --bootstrap-server {B}", Empty(1)),
    case(Topics, "--delete --topic {T} --bootstrap-server {B}", Nothing),
    case(Topics, "--delete --topic {T} --if-exists --bootstrap-server {B}", Nothing),
    case(Topics, "--list --describe --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions x --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions", Nothing),
    case(Topics, "--create --topic {T} --nosuch --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic bad/name --partitions 1 --bootstrap-server {B}", Nothing),
    case(Topics, "--list --exclude-internal --topic {T} --bootstrap-server {B}", Empty(1)),
    case(Topics, "--version", Nothing),
    // kafka-console-producer: vectors 16-18, more.
    case(Producer, "--bootstrap-server {B}", Nothing),
    case(Producer, "--topic {T} --bootstrap-server localhost", Nothing),
    fed(Producer, "--topic {T} --bootstrap-server {B} --property parse.key=true", "k1\tv1\nplain\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --property parse.key=true --property ignore.error=true", "k1\tv1\nplain\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B}", "a\nb\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --property parse.key=true --property key.separator=:", "k:v\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --property parse.headers=true", "h1:v1\tvalue\n", Empty(1)),
    case(Producer, "--topic {T} --bootstrap-server {B} --nosuch", Nothing),
    case(Producer, "--topic {T} --bootstrap-server {B} --compression-codec nosuch", Nothing),
    // kafka-console-consumer: vectors 19-25, more.
    case(Consumer, "--bootstrap-server {B}", Nothing),
    case(Consumer, "--bootstrap-server {B} --topic {T} --offset 5", Nothing),
    case(Consumer, "--bootstrap-server {B} --topic {T} --partition 0 --offset -1", Nothing),
    case(Consumer, "--bootstrap-server {B} --topic {T} --partition 0 --group g", Nothing),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --consumer-property auto.offset.reset=latest", Nothing),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 1 --property print.key=true --property print.timestamp=true", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 1 --property print.value=false --property print.offset=true", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --timeout-ms 1000", Empty(1)),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --property print.key=true --property null.literal=NULL", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --property print.partition=true --property print.offset=true --property print.headers=true", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --partition 0 --offset 1 --max-messages 1", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --partition 0 --offset earliest --max-messages 2 --property print.key=true --property key.separator=|", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --include {T} --from-beginning --max-messages 2", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --formatter org.apache.kafka.tools.consumer.NoOpMessageFormatter", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --nosuch", Nothing),
    // kafka-get-offsets: vectors 32-35, more.
    departs(GetOffsets, "", Nothing, HELP_TABLE),
    case(GetOffsets, "--bootstrap-server {B} --time abc", Nothing),
    case(GetOffsets, "--bootstrap-server {B} --topic {T}", Empty(12)),
    case(GetOffsets, "--bootstrap-server {B} --topic {T}", Nothing),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --time -1", TwoRecords),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --time -2", TwoRecords),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --time -3", TwoRecords),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --time latest", TwoRecords),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --time 1700000000001", TwoRecords),
    case(GetOffsets, "--bootstrap-server {B} --topic-partitions {T}:0 --time -1", TwoRecords),
    case(GetOffsets, "--bootstrap-server {B} --topic-partitions {T}:1-3", Empty(5)),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --partitions 0,2", Empty(3)),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --topic-partitions {T}", Nothing),
    case(GetOffsets, "--bootstrap-server {B} --topic-partitions {T}:0,{T}:1 --time -2", Empty(3)),
    case(GetOffsets, "--bootstrap-server {B} --topic-partitions {T}:-1", Empty(3)),
    case(GetOffsets, "--bootstrap-server {B} --topic-partitions {T}:x", Nothing),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --partitions x", Nothing),
    departs(GetOffsets, "--bootstrap-server {B} --topic {T} --time -4", TwoRecords, TIERED),
    case(Consumer, "--bootstrap-server {B} --topic {T} --partition x", Nothing),
    case(Consumer, "--bootstrap-server {B} --topic {T} --timeout-ms x", Nothing),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --time earliest", TwoRecords),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --time max-timestamp", TwoRecords),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --exclude-internal-topics", Empty(2)),
    case(GetOffsets, "--topic {T}", Nothing),
    case(GetOffsets, "--bootstrap-server {B} --nosuch", Nothing),
    case(GetOffsets, "--version", Nothing),
    // More kafka-topics.
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 0 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 40000 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --config min.insync.replicas=x --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --config unclean.leader.election.enable=maybe --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --config min.cleanable.dirty.ratio=half --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --replica-assignment 1:1 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --replica-assignment 1,1:1 --bootstrap-server {B}", Nothing),
    case(Topics, "--describe --topic {T} --partitions 2 --bootstrap-server {B}", Empty(1)),
    case(Topics, "--list --if-exists --bootstrap-server {B}", Nothing),
    case(Topics, "--delete --bootstrap-server {B}", Nothing),
    case(Topics, "--describe --topic {T} --under-replicated-partitions --unavailable-partitions --bootstrap-server {B}", Empty(1)),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --delete-config retention.ms --bootstrap-server {B}", Nothing),
    // More kafka-console-consumer formatting.
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --property print.timestamp=true --property print.key=true --property print.offset=true --property print.partition=true", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --property print.key=true --property key.separator=-> --property line.separator=|", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --property print.value=false --property print.key=true", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 1 --property print.key=true --key-deserializer org.apache.kafka.common.serialization.StringDeserializer", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --partition 0 --offset latest --timeout-ms 1000", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --partition 0 --offset 5 --timeout-ms 1000", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --max-messages x", Nothing),
    case(Consumer, "--bootstrap-server {B} --topic {T} --formatter no.such.Formatter", Nothing),
    case(Consumer, "--bootstrap-server {B} --topic {T} --group g1 --consumer-property group.id=g2", Nothing),
    case(Consumer, "--version", Nothing),
    // More kafka-console-producer.
    case(Producer, "--topic {T} --bootstrap-server {B} --request-required-acks x", Empty(1)),
    case(Producer, "--topic {T} --bootstrap-server {B} --line-reader no.such.Reader", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --property parse.key=true --property key.separator=", "k\tv\n", Empty(1)),
    case(Producer, "--version", Nothing),
    // kafka-producer-perf-test and kafka-consumer-perf-test: vectors 27, 28, 30.
    case(ProducerPerf, "--trans x", Nothing),
    case(ProducerPerf, "--topic {T} --num-records x --throughput -1 --record-size 10 --producer-props bootstrap.servers={B}", Nothing),
    case(ConsumerPerf, "--bootstrap-server {B} --topic {T}", Nothing),
    // Not `--messages x` nor `--timeout x`: ConsumerPerformance prints its
    // header before it reads them, and runs with the default on a bad
    // `--timeout`; kt refuses both up front (not yet matched).
    case(ProducerPerf, "--topic {T} --num-records 10 --throughput -1 --record-size 10", Nothing),
    case(ProducerPerf, "--topic {T} --num-records 10 --throughput -1 --record-size 10 --payload-file f --producer-props bootstrap.servers={B}", Nothing),
    case(ConsumerPerf, "--bootstrap-server {B} --messages 10", Nothing),
];

/// The README's compatibility notes: the only allowed departures.
fn departures() -> &'static str {
    static NOTES: OnceLock<String> = OnceLock::new();
    NOTES.get_or_init(|| {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
            .expect("README.md");
        let start = readme
            .find("## Compatibility notes")
            .expect("a compatibility section");
        let end = readme[start + 3..]
            .find("\n## ")
            .map_or(readme.len(), |i| start + 3 + i);
        readme[start..end].to_string()
    })
}

/// What differs between any two runs of Apache's own tool: each side's
/// topic and the broker's address, and topic ids.
fn variance(text: &str, topic: &str, broker: &str) -> String {
    static ID: OnceLock<Regex> = OnceLock::new();
    let id = ID.get_or_init(|| Regex::new(r"TopicId: [A-Za-z0-9_-]{22}").unwrap());
    let text = text.replace(topic, "{T}").replace(broker, "{B}");
    id.replace_all(&text, "TopicId: <id>").into_owned()
}

/// What kt leaves out or prints otherwise on purpose, each rule with the
/// phrase of the README compatibility note it stands for. Returns the text
/// with the departures taken out, and the notes that applied.
fn departures_removed(text: &str) -> (String, Vec<&'static str>) {
    static LOG4J: OnceLock<Regex> = OnceLock::new();
    static LOGGER: OnceLock<Regex> = OnceLock::new();
    static EXCEPTION: OnceLock<Regex> = OnceLock::new();
    let log4j = LOG4J
        .get_or_init(|| Regex::new(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] [A-Z]+ ").unwrap());
    // A log4j record ends with its logger: ` (org.apache.kafka.tools.TopicCommand)`.
    let logger = LOGGER.get_or_init(|| Regex::new(r"\([A-Za-z0-9_.$]+\)$").unwrap());
    let exception = EXCEPTION.get_or_init(|| {
        Regex::new(r"^([a-z][A-Za-z0-9_]*\.)+[A-Z][A-Za-z0-9_$]*(: .*)?$").unwrap()
    });
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<&str> = Vec::new();
    let mut applied = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let frame = |l: &str| {
            l.starts_with("\tat ") || l.starts_with("\t... ") || l.starts_with("Caused by: ")
        };
        if log4j.is_match(line) {
            // Kafka's log4j records (stack traces among them).
            let mut j = i;
            while j < lines.len() && !logger.is_match(lines[j]) {
                j += 1;
            }
            i = j + 1;
            applied.push(STACK_TRACE);
            continue;
        }
        let header = line
            .strip_prefix("Exception in thread \"main\" ")
            .unwrap_or(line);
        if exception.is_match(header) && lines.get(i + 1).is_some_and(|l| frame(l)) {
            // A stack trace: its first line (the exception and message) stays.
            out.push(line);
            let mut j = i + 1;
            while j < lines.len() && frame(lines[j]) {
                j += 1;
            }
            // The blank line println(stackTrace) leaves.
            if lines.get(j) == Some(&"") {
                j += 1;
            }
            i = j;
            applied.push(STACK_TRACE);
            continue;
        }
        if line.starts_with("Option ") && line.contains("Description") {
            out.push("<help table>");
            applied.push(HELP_TABLE);
            break;
        }
        out.push(line);
        i += 1;
    }
    let mut joined = out.join("\n");
    if text.ends_with('\n') && !joined.is_empty() {
        joined.push('\n');
    }
    applied.dedup();
    (joined, applied)
}

/// Makes `topic` as `setup` says, on the Kafka node at `b`.
fn prepare(b: &str, topic: &str, setup: Setup) {
    let partitions = match setup {
        Nothing => return,
        Empty(n) => n,
        TwoRecords => 1,
    };
    create_topic_on(b, topic, partitions);
    if let TwoRecords = setup {
        let lines = format!(
            "{}\n{}\n",
            json!({"key": "k", "value": "v", "timestamp": 1_700_000_000_000i64}),
            json!({"value": "plain", "timestamp": 1_700_000_000_001i64})
        );
        let run = kt_in(
            &[
                "produce",
                "--bootstrap-server",
                b,
                "--topic",
                topic,
                "--input",
                "json",
            ],
            lines.as_bytes(),
        );
        assert_eq!(run.code, Some(0), "{run:?}");
    }
}

/// What one side printed, with the run-to-run variance taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Seen {
    /// Without kt's documented departures, and the notes that applied.
    fn without_departures(&self) -> (Seen, Vec<&'static str>) {
        let (stdout, mut notes) = departures_removed(&self.stdout);
        let (stderr, more) = departures_removed(&self.stderr);
        notes.extend(more);
        let seen = Seen {
            code: self.code,
            stdout,
            stderr,
        };
        (seen, notes)
    }
}

fn words(args: &str, topic: &str, broker: &str) -> Vec<String> {
    args.split_whitespace()
        .map(|w| w.replace("{T}", topic).replace("{B}", broker))
        .collect()
}

/// Who runs a case: Apache's tool of a release, or kt through its link.
#[derive(Debug, Clone, Copy)]
enum Side {
    Apache(Release),
    Kt,
}

fn run_side(node: &KafkaNode, case: &Case, side: Side) -> Seen {
    let broker = node.address();
    let topic = random_name(match side {
        Side::Apache(_) => "diffa",
        Side::Kt => "diffk",
    })
    .replace('-', "_");
    prepare(&broker, &topic, case.setup);
    let args = words(case.args, &topic, &broker);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let timeout = Duration::from_secs(60);
    let run = match side {
        Side::Apache(release) => run_tool(
            release,
            case.tool.class(release),
            &args,
            case.stdin.as_bytes(),
            timeout,
        ),
        Side::Kt => kt_testkit::run_with_deadline(
            &links().join(case.tool.link()),
            &args,
            case.stdin.as_bytes(),
            timeout,
        ),
    }
    // A run past the deadline is that side's answer: no exit code.
    .unwrap_or_else(|e| kt_testkit::Run {
        code: None,
        signal: None,
        stdout: String::new(),
        stderr: format!("{e:#}"),
    });
    Seen {
        code: run.code,
        stdout: variance(&run.stdout, &topic, &broker),
        stderr: variance(&run.stderr, &topic, &broker),
    }
}

/// The counts the suite prints, and the cases behind them.
#[derive(Default)]
struct Summary {
    identical: usize,
    on_purpose: Vec<String>,
    other: Vec<String>,
}

/// Runs every case with `left` and `right` on `node`, four at a time.
fn compare(node: &KafkaNode, left: Side, right: Side) -> Summary {
    let mut summary = Summary::default();
    for chunk in CASES.chunks(4) {
        let seen: Vec<(Seen, Seen)> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|c| s.spawn(move || (run_side(node, c, left), run_side(node, c, right))))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a case panicked"))
                .collect()
        });
        for (case, (a, b)) in chunk.iter().zip(seen) {
            let name = format!("{} {}", case.tool.link(), case.args);
            if a == b {
                summary.identical += 1;
                continue;
            }
            let (a, mut notes) = a.without_departures();
            let (b, more) = b.without_departures();
            notes.extend(more);
            if let OnPurpose(why) = case.verdict {
                notes.push(why);
            }
            notes.sort_unstable();
            notes.dedup();
            for note in &notes {
                assert!(
                    departures().contains(note),
                    "{name}: the README's compatibility notes do not say '{note}'"
                );
            }
            match (a == b, case.verdict) {
                (true, _) | (false, OnPurpose(_)) => summary
                    .on_purpose
                    .push(format!("{name}: {}", notes.join("; "))),
                (false, Same) => summary
                    .other
                    .push(format!("{name}\n  {left:?}: {a:?}\n  {right:?}: {b:?}")),
            }
        }
    }
    eprintln!(
        "differential, {left:?} vs {right:?} on Kafka {}: {} cases, {} identical, {} differ on purpose, {} differ otherwise",
        node.release.version,
        CASES.len(),
        summary.identical,
        summary.on_purpose.len(),
        summary.other.len()
    );
    summary
}

/// The reference: kt through Kafka's names against Kafka 3.9's own tools
/// on a Kafka 3.9 broker. Every difference is fixed or a README departure.
#[test]
fn kt_prints_what_apaches_tools_print() {
    let summary = compare(kafka(), Side::Apache(KAFKA_3), Side::Kt);
    for line in &summary.on_purpose {
        eprintln!("  on purpose: {line}");
    }
    assert!(
        summary.other.is_empty(),
        "{} cases differ:\n{}",
        summary.other.len(),
        summary.other.join("\n")
    );
}

/// Informative, never failing on a difference: on a Kafka 4.x broker, kt
/// against 4.x's tools, and where 3.9's and 4.x's tools themselves disagree.
#[test]
fn against_kafka_4_informative() {
    let node = KafkaNode::start(KAFKA_4).expect("starting Kafka 4");
    for (left, right) in [
        (Side::Apache(KAFKA_4), Side::Kt),
        (Side::Apache(KAFKA_3), Side::Apache(KAFKA_4)),
    ] {
        let summary = compare(&node, left, right);
        for line in &summary.other {
            eprintln!("  differs: {line}");
        }
    }
}
