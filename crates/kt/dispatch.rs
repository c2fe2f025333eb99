//! Which tool to run, from the name kt was started under.
//!
//! As in uutils' multi-call binary: `kafka-topics`, `kafka-topics.sh` and
//! `/opt/kafka/bin/kafka-topics` all mean kafka-topics (the longest matching
//! suffix wins), `kt kafka-topics ...` means the same, and
//! `kafka-run-class <Class> ...` dispatches on Kafka's class name.

use std::ffi::OsString;
use std::path::Path;

/// Whether kt speaks as itself or as a Kafka tool: same flags, but Kafka's
/// output, error texts and exit codes under a Kafka name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Native,
    Compat,
}

/// A Kafka command-line tool kt stands in for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Topics,
    ConsoleProducer,
    ConsoleConsumer,
    ProducerPerf,
    ConsumerPerf,
    GetOffsets,
    EndToEnd,
    ConsumerGroups,
    DeleteRecords,
    BrokerApiVersions,
    LogDirs,
    LeaderElection,
    Configs,
    Acls,
    ReassignPartitions,
    MetadataQuorum,
    Features,
    Cluster,
    Transactions,
    ClientMetrics,
    DelegationTokens,
    StreamsReset,
    DumpLog,
    VerifiableProducer,
    VerifiableConsumer,
    ReplicaVerification,
}

impl Tool {
    /// Script names, as Confluent ships them (Apache adds `.sh`).
    pub const ALL: [(&'static str, Tool); 26] = [
        ("kafka-topics", Tool::Topics),
        ("kafka-console-producer", Tool::ConsoleProducer),
        ("kafka-console-consumer", Tool::ConsoleConsumer),
        ("kafka-producer-perf-test", Tool::ProducerPerf),
        ("kafka-consumer-perf-test", Tool::ConsumerPerf),
        ("kafka-get-offsets", Tool::GetOffsets),
        ("kafka-e2e-latency", Tool::EndToEnd),
        ("kafka-consumer-groups", Tool::ConsumerGroups),
        ("kafka-delete-records", Tool::DeleteRecords),
        ("kafka-broker-api-versions", Tool::BrokerApiVersions),
        ("kafka-log-dirs", Tool::LogDirs),
        ("kafka-leader-election", Tool::LeaderElection),
        ("kafka-configs", Tool::Configs),
        ("kafka-acls", Tool::Acls),
        ("kafka-reassign-partitions", Tool::ReassignPartitions),
        ("kafka-metadata-quorum", Tool::MetadataQuorum),
        ("kafka-features", Tool::Features),
        ("kafka-cluster", Tool::Cluster),
        ("kafka-transactions", Tool::Transactions),
        ("kafka-client-metrics", Tool::ClientMetrics),
        ("kafka-delegation-tokens", Tool::DelegationTokens),
        ("kafka-streams-application-reset", Tool::StreamsReset),
        ("kafka-dump-log", Tool::DumpLog),
        ("kafka-verifiable-producer", Tool::VerifiableProducer),
        ("kafka-verifiable-consumer", Tool::VerifiableConsumer),
        ("kafka-replica-verification", Tool::ReplicaVerification),
    ];

    /// Every class name Kafka has used for the tool's main class.
    const CLASSES: [(&'static str, Tool); 49] = [
        ("kafka.admin.TopicCommand", Tool::Topics),
        ("org.apache.kafka.tools.TopicCommand", Tool::Topics),
        ("kafka.tools.ConsoleProducer", Tool::ConsoleProducer),
        (
            "org.apache.kafka.tools.ConsoleProducer",
            Tool::ConsoleProducer,
        ),
        ("kafka.tools.ConsoleConsumer", Tool::ConsoleConsumer),
        (
            "org.apache.kafka.tools.consumer.ConsoleConsumer",
            Tool::ConsoleConsumer,
        ),
        (
            "org.apache.kafka.tools.ProducerPerformance",
            Tool::ProducerPerf,
        ),
        ("kafka.tools.ConsumerPerformance", Tool::ConsumerPerf),
        (
            "org.apache.kafka.tools.ConsumerPerformance",
            Tool::ConsumerPerf,
        ),
        ("kafka.tools.GetOffsetShell", Tool::GetOffsets),
        ("org.apache.kafka.tools.GetOffsetShell", Tool::GetOffsets),
        // Kafka 2.x shipped ProducerPerformance under tools too.
        ("kafka.tools.ProducerPerformance", Tool::ProducerPerf),
        ("kafka.tools.EndToEndLatency", Tool::EndToEnd),
        ("org.apache.kafka.tools.EndToEndLatency", Tool::EndToEnd),
        ("kafka.admin.ConsumerGroupCommand", Tool::ConsumerGroups),
        (
            "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
            Tool::ConsumerGroups,
        ),
        ("kafka.admin.DeleteRecordsCommand", Tool::DeleteRecords),
        (
            "org.apache.kafka.tools.DeleteRecordsCommand",
            Tool::DeleteRecords,
        ),
        (
            "kafka.admin.BrokerApiVersionsCommand",
            Tool::BrokerApiVersions,
        ),
        (
            "org.apache.kafka.tools.BrokerApiVersionsCommand",
            Tool::BrokerApiVersions,
        ),
        ("kafka.admin.LogDirsCommand", Tool::LogDirs),
        ("org.apache.kafka.tools.LogDirsCommand", Tool::LogDirs),
        ("kafka.admin.LeaderElectionCommand", Tool::LeaderElection),
        (
            "org.apache.kafka.tools.LeaderElectionCommand",
            Tool::LeaderElection,
        ),
        // Kafka 2.x's preferred-replica election, the notes' era.
        (
            "kafka.admin.PreferredReplicaLeaderElectionCommand",
            Tool::LeaderElection,
        ),
        ("kafka.tools.LeaderElectionCommand", Tool::LeaderElection),
        ("kafka.admin.ConfigCommand", Tool::Configs),
        ("org.apache.kafka.tools.ConfigCommand", Tool::Configs),
        ("kafka.admin.AclCommand", Tool::Acls),
        ("org.apache.kafka.tools.AclCommand", Tool::Acls),
        (
            "kafka.admin.ReassignPartitionsCommand",
            Tool::ReassignPartitions,
        ),
        (
            "org.apache.kafka.tools.reassign.ReassignPartitionsCommand",
            Tool::ReassignPartitions,
        ),
        (
            "org.apache.kafka.tools.MetadataQuorumCommand",
            Tool::MetadataQuorum,
        ),
        // Kafka 2.8 to 3.6 had both in Scala.
        ("kafka.admin.FeatureCommand", Tool::Features),
        ("org.apache.kafka.tools.FeatureCommand", Tool::Features),
        ("kafka.tools.ClusterTool", Tool::Cluster),
        ("org.apache.kafka.tools.ClusterTool", Tool::Cluster),
        (
            "org.apache.kafka.tools.TransactionsCommand",
            Tool::Transactions,
        ),
        (
            "org.apache.kafka.tools.ClientMetricsCommand",
            Tool::ClientMetrics,
        ),
        // Scala until Kafka 3.6.
        ("kafka.admin.DelegationTokenCommand", Tool::DelegationTokens),
        (
            "org.apache.kafka.tools.DelegationTokenCommand",
            Tool::DelegationTokens,
        ),
        // In core until Kafka 3.5.
        ("kafka.tools.StreamsResetter", Tool::StreamsReset),
        ("org.apache.kafka.tools.StreamsResetter", Tool::StreamsReset),
        ("kafka.tools.DumpLogSegments", Tool::DumpLog),
        (
            "org.apache.kafka.tools.VerifiableProducer",
            Tool::VerifiableProducer,
        ),
        ("kafka.tools.VerifiableProducer", Tool::VerifiableProducer),
        (
            "org.apache.kafka.tools.VerifiableConsumer",
            Tool::VerifiableConsumer,
        ),
        (
            "org.apache.kafka.tools.ReplicaVerificationTool",
            Tool::ReplicaVerification,
        ),
        (
            "kafka.tools.ReplicaVerificationTool",
            Tool::ReplicaVerification,
        ),
    ];

    pub fn script_name(self) -> &'static str {
        Tool::ALL
            .iter()
            .find(|(_, t)| *t == self)
            .map(|(n, _)| *n)
            .unwrap_or("kafka-topics")
    }

    pub fn class_names() -> impl Iterator<Item = &'static str> {
        Tool::CLASSES.iter().map(|(c, _)| *c)
    }
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invocation {
    /// `kt <subcommand> ...`: the full argv, kt's own parser.
    Native(Vec<OsString>),
    /// A Kafka tool by name; `args` excludes the program name.
    Compat {
        tool: Tool,
        program: String,
        args: Vec<OsString>,
    },
    /// `kafka-run-class` with no class.
    RunClassUsage { program: String },
    /// `kafka-run-class` with a class kt does not know.
    UnknownClass(String),
}

/// Decides what to run from the whole argv.
pub fn resolve(argv: Vec<OsString>) -> Invocation {
    let program = argv
        .first()
        .map(|a| a.to_string_lossy().into_owned())
        .unwrap_or_else(|| "kt".to_string());
    let name = Path::new(&program)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let rest: Vec<OsString> = argv.iter().skip(1).cloned().collect();
    if let Some(inv) = by_name(&name, &program, &rest) {
        return inv;
    }
    // `kt kafka-topics ...`: the tool from the first argument.
    if let Some(first) = rest.first().and_then(|a| a.to_str()) {
        if let Some(inv) = by_name(first, first, &rest[1..]) {
            return inv;
        }
    }
    Invocation::Native(argv)
}

fn by_name(name: &str, program: &str, args: &[OsString]) -> Option<Invocation> {
    let stem = name.strip_suffix(".sh").unwrap_or(name);
    if stem.ends_with("kafka-run-class") {
        return Some(run_class(program, args));
    }
    Tool::ALL
        .iter()
        .filter(|(script, _)| stem.ends_with(script))
        .max_by_key(|(script, _)| script.len())
        .map(|(_, tool)| Invocation::Compat {
            tool: *tool,
            program: program.to_string(),
            args: args.to_vec(),
        })
}

/// The words after the tool's name on this process's command line (after
/// `kt SUBCOMMAND` under kt's own name), for the checks that depend on the
/// order of the options, as jopt-simple's do.
pub fn tool_words() -> Vec<String> {
    let lossy = |a: OsString| a.to_string_lossy().into_owned();
    match resolve(std::env::args_os().collect()) {
        Invocation::Compat { args, .. } => args.into_iter().map(lossy).collect(),
        Invocation::Native(argv) => argv.into_iter().skip(2).map(lossy).collect(),
        _ => Vec::new(),
    }
}

/// `kafka-run-class [-daemon] [-name servicename] [-loggc] classname [opts]`.
fn run_class(program: &str, args: &[OsString]) -> Invocation {
    let mut rest = args.iter().peekable();
    while let Some(arg) = rest.peek() {
        match arg.to_str() {
            Some("-daemon") | Some("-loggc") => {
                rest.next();
            }
            Some("-name") => {
                rest.next();
                rest.next();
            }
            _ => break,
        }
    }
    let Some(class) = rest.next() else {
        return Invocation::RunClassUsage {
            program: program.to_string(),
        };
    };
    let class = class.to_string_lossy().into_owned();
    match Tool::CLASSES.iter().find(|(c, _)| *c == class) {
        Some((_, tool)) => Invocation::Compat {
            tool: *tool,
            program: tool.script_name().to_string(),
            args: rest.cloned().collect(),
        },
        None => Invocation::UnknownClass(class),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    fn tool_of(words: &[&str]) -> Option<Tool> {
        match resolve(argv(words)) {
            Invocation::Compat { tool, .. } => Some(tool),
            _ => None,
        }
    }

    #[test]
    fn every_script_name_with_and_without_sh_and_path() {
        for (script, tool) in Tool::ALL {
            assert_eq!(tool_of(&[script]), Some(tool), "{script}");
            assert_eq!(
                tool_of(&[&format!("{script}.sh")]),
                Some(tool),
                "{script}.sh"
            );
            assert_eq!(
                tool_of(&[&format!("/opt/kafka/bin/{script}.sh"), "--x"]),
                Some(tool)
            );
        }
    }

    #[test]
    fn kt_takes_the_tool_from_its_first_argument() {
        match resolve(argv(&["kt", "kafka-topics.sh", "--list"])) {
            Invocation::Compat { tool, args, .. } => {
                assert_eq!(tool, Tool::Topics);
                assert_eq!(args, argv(&["--list"]));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            resolve(argv(&["kt", "topics", "--list"])),
            Invocation::Native(_)
        ));
    }

    #[test]
    fn run_class_strips_its_own_flags_and_maps_every_class() {
        for class in Tool::class_names() {
            assert!(tool_of(&["kafka-run-class", class]).is_some(), "{class}");
        }
        match resolve(argv(&[
            "kafka-run-class.sh",
            "-daemon",
            "-name",
            "svc",
            "-loggc",
            "kafka.tools.GetOffsetShell",
            "--topic",
            "t",
        ])) {
            Invocation::Compat { tool, args, .. } => {
                assert_eq!(tool, Tool::GetOffsets);
                assert_eq!(args, argv(&["--topic", "t"]));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            resolve(argv(&["kafka-run-class", "com.example.Nope"])),
            Invocation::UnknownClass("com.example.Nope".into())
        );
        assert_eq!(
            resolve(argv(&["/x/kafka-run-class"])),
            Invocation::RunClassUsage {
                program: "/x/kafka-run-class".into()
            }
        );
    }
}
