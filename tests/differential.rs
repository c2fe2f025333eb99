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
    EndToEnd,
    Groups,
    DeleteRecords,
    Configs,
    Acls,
    ApiVersions,
    LogDirs,
    Elect,
    Reassign,
    Quorum,
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
            Tool::EndToEnd => "org.apache.kafka.tools.EndToEndLatency",
            Tool::Groups => "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
            Tool::DeleteRecords => "org.apache.kafka.tools.DeleteRecordsCommand",
            Tool::Configs if release == KAFKA_3 => "kafka.admin.ConfigCommand",
            Tool::Configs => "org.apache.kafka.tools.ConfigCommand",
            Tool::Acls if release == KAFKA_3 => "kafka.admin.AclCommand",
            Tool::Acls => "org.apache.kafka.tools.AclCommand",
            Tool::ApiVersions if release == KAFKA_3 => "kafka.admin.BrokerApiVersionsCommand",
            Tool::ApiVersions => "org.apache.kafka.tools.BrokerApiVersionsCommand",
            Tool::LogDirs => "org.apache.kafka.tools.LogDirsCommand",
            Tool::Elect => "org.apache.kafka.tools.LeaderElectionCommand",
            Tool::Reassign => "org.apache.kafka.tools.reassign.ReassignPartitionsCommand",
            Tool::Quorum => "org.apache.kafka.tools.MetadataQuorumCommand",
            Tool::Features => "org.apache.kafka.tools.FeatureCommand",
            Tool::Cluster => "org.apache.kafka.tools.ClusterTool",
            Tool::Transactions => "org.apache.kafka.tools.TransactionsCommand",
            Tool::ClientMetrics => "org.apache.kafka.tools.ClientMetricsCommand",
            Tool::DelegationTokens => "org.apache.kafka.tools.DelegationTokenCommand",
            Tool::StreamsReset => "org.apache.kafka.tools.StreamsResetter",
            Tool::DumpLog => "kafka.tools.DumpLogSegments",
            Tool::VerifiableProducer => "org.apache.kafka.tools.VerifiableProducer",
            Tool::VerifiableConsumer => "org.apache.kafka.tools.VerifiableConsumer",
            Tool::ReplicaVerification => "org.apache.kafka.tools.ReplicaVerificationTool",
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
            Tool::EndToEnd => "kafka-e2e-latency.sh",
            Tool::Groups => "kafka-consumer-groups.sh",
            Tool::DeleteRecords => "kafka-delete-records.sh",
            Tool::Configs => "kafka-configs.sh",
            Tool::Acls => "kafka-acls.sh",
            Tool::ApiVersions => "kafka-broker-api-versions.sh",
            Tool::LogDirs => "kafka-log-dirs.sh",
            Tool::Elect => "kafka-leader-election.sh",
            Tool::Reassign => "kafka-reassign-partitions.sh",
            Tool::Quorum => "kafka-metadata-quorum.sh",
            Tool::Features => "kafka-features.sh",
            Tool::Cluster => "kafka-cluster.sh",
            Tool::Transactions => "kafka-transactions.sh",
            Tool::ClientMetrics => "kafka-client-metrics.sh",
            Tool::DelegationTokens => "kafka-delegation-tokens.sh",
            Tool::StreamsReset => "kafka-streams-application-reset.sh",
            Tool::DumpLog => "kafka-dump-log.sh",
            Tool::VerifiableProducer => "kafka-verifiable-producer.sh",
            Tool::VerifiableConsumer => "kafka-verifiable-consumer.sh",
            Tool::ReplicaVerification => "kafka-replica-verification.sh",
        }
    }

    /// The perf tools (and the verifiable clients' event times and the
    /// producer's average) print rates, latencies and times, which differ
    /// between any two runs of Apache's own tool.
    fn measures(self) -> bool {
        matches!(
            self,
            Tool::ProducerPerf
                | Tool::ConsumerPerf
                | Tool::EndToEnd
                | Tool::VerifiableProducer
                | Tool::VerifiableConsumer
        )
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
    /// Three partitions holding 2, 1 and 3 records (CreateTime
    /// 1700000000000 + offset), and a consumer group named as the topic,
    /// with no members, that committed offset 1 on partitions 0 and 1
    /// (by Apache's own tool); `{F}` names a file of the plan
    /// `{T},0,2` / `{T},1,0` in Kafka's CSV; `{J}` names Kafka's
    /// offset JSON file cutting partition 0 at 1, 1 at 99 (past its end)
    /// and 2 at -1 (its end).
    Committed,
    /// One empty partition with `retention.ms=86400000` and
    /// `cleanup.policy=compact,delete` set on it; the client id `{T}` with
    /// `producer_byte_rate=1024`; the user `{T}` with a SCRAM-SHA-256
    /// credential of 8192 iterations; `User:{T}` allowed to Read the topic
    /// `{T}` and the group `{T}` (set with kt's own commands); `{J}` names a
    /// leader-election file of `{T}`'s partition 0.
    Configured,
    /// Two empty partitions; `{J}` names a reassignment file that puts
    /// both on broker 1 (where they are: done at once on one node), `{F}`
    /// a topics-to-move file naming `{T}`.
    Movable,
    /// `Committed`, and the topics `{T}-store-changelog` (a Streams
    /// application's internal topic when `{T}` is its id) and `{T}-output`,
    /// of one empty partition each.
    Streams,
    /// No topic; a delegation token owned by `User:{T}` that `carol` may
    /// renew, made by kt's own name as `carol` on the SASL listener (and
    /// seen by the broker before the case runs); `{H}` is its HMAC.
    Token,
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
const ZOOKEEPER: &str = "`--zookeeper` works";
const ALTER_CONFIG: &str = "`--alter --config`/`--delete-config` change topic configs";
const OWN_FLAGS: &str = "kt's own flags are accepted under Kafka names";
const VERIFIABLE_STOPS: &str = "kafka-verifiable-consumer ends with exit 1 and one line";
const STACK_TRACE: &str =
    "Kafka prints a Java stack trace after some errors; kt prints the message only";

/// The cases: the spec's test vectors (§11), then more per tool.
const CASES: &[Case] = &[
    // kafka-topics: vectors 1-14.
    case(Topics, "", Nothing),
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
    // Vector 15: Kafka 3.x has no --zookeeper; kt still takes it.
    departs(Topics, "--list --zookeeper {Z}", Nothing, ZOOKEEPER),
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
    case(GetOffsets, "", Nothing),
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
    // Grown with the move to Kafka: success paths and errors per tool.
    // kafka-topics.
    case(Topics, "--create --topic {T} --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --replica-assignment 1 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --replica-assignment 2 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions -1 --replication-factor 1 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor -1 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 2 --replication-factor 1 --config max.message.bytes=2000 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --config retention.ms --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --config =1 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --config cleanup.policy=compact,delete --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --config segment.bytes=10 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --if-not-exists --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic {T} --partitions 1 --replication-factor 1 --at-min-isr-partitions --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy --partitions 1 --replication-factor 1 --bootstrap-server {B}", Nothing),
    case(Topics, "--create --topic .. --partitions 1 --replication-factor 1 --bootstrap-server {B}", Nothing),
    case(Topics, "--list --topic {T}.* --bootstrap-server {B}", Empty(1)),
    case(Topics, "--list --under-replicated-partitions --bootstrap-server {B}", Nothing),
    case(Topics, "--list --topic {T} --command-config /nonexistent/client.properties --bootstrap-server {B}", Nothing),
    case(Topics, "--describe --topic {T} --command-config /dev/null --bootstrap-server {B}", Empty(1)),
    case(Topics, "--describe --topic {T} --exclude-internal --bootstrap-server {B}", Empty(2)),
    case(Topics, "--describe --topic-id not-an-id --bootstrap-server {B}", Nothing),
    case(Topics, "--describe --topic-id abcd --bootstrap-server {B}", Nothing),
    case(Topics, "--describe --topic-id abc! --bootstrap-server {B}", Nothing),
    departs(Topics, "--alter --topic {T} --config retention.ms=1 --bootstrap-server {B}", Empty(1), ALTER_CONFIG),
    case(Topics, "--alter --topic {T} --partitions 2 --replica-assignment 1,1 --bootstrap-server {B}", Empty(1)),
    case(Topics, "--delete --topic {T}.* --bootstrap-server {B}", Empty(1)),
    case(Topics, "--delete --topic {T} --partitions 2 --bootstrap-server {B}", Empty(1)),
    // kafka-console-producer: what reaches the topic is compared too.
    fed(Producer, "--topic {T} --bootstrap-server {B} --property parse.key=true --property key.separator=::", "a::b\nc::d::e\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --property parse.headers=true --property headers.delimiter=| --property headers.separator=; --property headers.key.separator== --property parse.key=true", "h1=v1;h2=v2|k\tvalue\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --property parse.key=true --property null.marker=<NULL>", "<NULL>\tv\nk\t<NULL>\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --compression-codec gzip", "a\nb\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --compression-codec", "a\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --sync", "a\nb\nc\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --request-required-acks all", "a\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --request-required-acks 0", "a\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --producer-property acks=1 --producer-property linger.ms=0", "a\n", Empty(1)),
    fed(Producer, "--topic {T} --bootstrap-server {B} --batch-size 1 --max-block-ms 5000 --message-send-max-retries 1", "a\nb\n", Empty(1)),
    Case { verdict: OnPurpose(OWN_FLAGS), ..fed(Producer, "--topic {T} --bootstrap-server {B} --partition 1", "a\n", Empty(2)) },
    fed(Producer, "--topic {T} --bootstrap-server {B}", "", Empty(1)),
    case(Producer, "--topic {T} --bootstrap-server {B} --producer.config /nonexistent/p.properties", Empty(1)),
    case(Producer, "--topic {T} --bootstrap-server {B} --batch-size x", Empty(1)),
    case(Producer, "--topic {T} --bootstrap-server {B} --request-timeout-ms x", Empty(1)),
    case(Producer, "--topic {T} --broker-list {B} --bootstrap-server {B}", Empty(1)),
    // kafka-console-consumer.
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --formatter kafka.tools.DefaultMessageFormatter --property print.key=true", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --property print.headers=true --property headers.separator=;", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --value-deserializer org.apache.kafka.common.serialization.StringDeserializer", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --skip-message-on-error", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --isolation-level read_committed", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --partition 0 --offset 0 --max-messages 2", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --include {T}.* --from-beginning --max-messages 2 --property print.partition=true", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --include {T} --topic {T}", Nothing),
    // Kafka 3.9 compiles --include as given: a comma is not "or".
    case(Consumer, "--bootstrap-server {B} --include {T},{T}.* --from-beginning --timeout-ms 1500", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --whitelist {T} --from-beginning --max-messages 2", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 0 --timeout-ms 1000", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --timeout-ms 2000", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --property print.offset=true --property print.partition=true --property print.timestamp=true --property print.key=true --property print.headers=true --property headers.separator=, --property key.separator=:", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --property print.timestamp=true --property print.value=false", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --consumer.config /nonexistent/c.properties", Nothing),
    case(Consumer, "--bootstrap-server {B} --topic {T} --from-beginning --max-messages 2 --group g-{T} --property print.offset=true", TwoRecords),
    case(Consumer, "--bootstrap-server {B} --topic {T} --partition 0 --offset latest --max-messages x", TwoRecords),
    // kafka-get-offsets.
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --time -1 --partitions 0", Empty(2)),
    case(GetOffsets, "--bootstrap-server {B} --topic-partitions {T}:0-1 --time -1", Empty(3)),
    case(GetOffsets, "--bootstrap-server {B} --topic-partitions {T}:1-", Empty(3)),
    case(GetOffsets, "--bootstrap-server {B} --topic-partitions {T}:0 --partitions 0", Empty(1)),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --time 0", TwoRecords),
    case(GetOffsets, "--broker-list {B} --topic {T}", Empty(1)),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --command-config /nonexistent/c.properties", Empty(1)),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --command-config /dev/null", Empty(1)),
    case(GetOffsets, "--bootstrap-server {B} --topic {T}.*", Empty(2)),
    case(GetOffsets, "--bootstrap-server {B} --topic-partitions {T}:0,{T}:x", Nothing),
    case(GetOffsets, "--bootstrap-server {B} --topic {T} --time 99999999999999", TwoRecords),
    // kafka-producer-perf-test: vectors 26, 29, more.
    case(ProducerPerf, "", Nothing),
    case(ProducerPerf, "--topic {T} --num-records 100 --record-size 100 --throughput -1 --producer-props bootstrap.servers={B}", Empty(1)),
    case(ProducerPerf, "--topic {T} --num-records 20 --record-size 10 --throughput 1000 --producer-props bootstrap.servers={B} acks=1", Empty(1)),
    case(ProducerPerf, "--topic {T} --num-records 10 --record-size 10 --throughput -1 --producer-props bootstrap.servers={B} --transactional-id tx-{T}", Empty(1)),
    case(ProducerPerf, "--topic {T} --num-records 10 --throughput -1 --producer-props bootstrap.servers={B}", Nothing),
    case(ProducerPerf, "--topic {T} --num-records 10 --throughput x --record-size 10 --producer-props bootstrap.servers={B}", Nothing),
    case(ProducerPerf, "--topic {T} --num-records 10 --throughput -1 --record-size 10 --producer.config /nonexistent/p.properties", Nothing),
    case(ProducerPerf, "--topic {T} --num-records 10 --throughput -1 --payload-file /nonexistent/payload --producer-props bootstrap.servers={B}", Nothing),
    case(ProducerPerf, "--topic {T} --num-records 10 --throughput -1 --record-size 10 --producer-props bootstrap.servers={B} nosuch", Nothing),
    case(ProducerPerf, "--help", Nothing),
    // kafka-consumer-perf-test: vector 31, the notes' line, more.
    case(ConsumerPerf, "--bootstrap-server {B} --topic {T} --messages 10 --timeout 1000", TwoRecords),
    case(ConsumerPerf, "--bootstrap-server {B} --topic {T} --messages 2", TwoRecords),
    case(ConsumerPerf, "--broker-list {B} --fetch-size 200 --messages 2 --topic {T}", TwoRecords),
    case(ConsumerPerf, "--bootstrap-server {B} --topic {T} --messages 2 --hide-header", TwoRecords),
    case(ConsumerPerf, "--bootstrap-server {B} --topic {T} --messages 2 --show-detailed-stats", TwoRecords),
    case(ConsumerPerf, "--bootstrap-server {B} --topic {T} --messages 2 --group g-{T}", TwoRecords),
    case(ConsumerPerf, "--bootstrap-server {B} --topic {T} --messages 2 --from-latest --timeout 1000", TwoRecords),
    case(ConsumerPerf, "--topic {T} --messages 2", Nothing),
    case(ConsumerPerf, "--bootstrap-server {B} --topic {T} --messages 2 --consumer.config /nonexistent/c.properties", Nothing),
    case(ConsumerPerf, "--bootstrap-server {B} --topic {T} --nosuch", Nothing),
    // kafka-e2e-latency (EndToEndLatency's positional arguments).
    case(EndToEnd, "", Nothing),
    case(EndToEnd, "{B} {T} 20 1 100", Empty(1)),
    case(EndToEnd, "{B} {T} 20 all 100", Empty(1)),
    case(EndToEnd, "{B} {T} 10 2 100", Empty(1)),
    case(EndToEnd, "{B} {T} x 1 100", Empty(1)),
    case(EndToEnd, "{B} {T} 10 1 100 /nonexistent/e2e.properties", Empty(1)),
    case(EndToEnd, "{B} {T} 10 1", Empty(1)),
    // kafka-consumer-groups: checks and parse errors.
    case(Groups, "", Nothing),
    case(Groups, "--help", Nothing),
    case(Groups, "--version", Nothing),
    case(Groups, "--list", Nothing),
    case(Groups, "--bootstrap-server {B}", Nothing),
    case(Groups, "--bootstrap-server {B} --list --describe", Nothing),
    case(Groups, "--bootstrap-server {B} --describe", Nothing),
    case(Groups, "--bootstrap-server {B} --describe --group {T} --members --state", Nothing),
    case(Groups, "--bootstrap-server {B} --describe --group {T} --state x", Nothing),
    case(Groups, "--bootstrap-server {B} --delete", Nothing),
    case(Groups, "--bootstrap-server {B} --delete --group {T} --topic {T}", Nothing),
    case(Groups, "--bootstrap-server {B} --delete-offsets --group {T}", Nothing),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --dry-run --execute", Nothing),
    case(Groups, "--bootstrap-server {B} --reset-offsets --topic {T}", Nothing),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --to-earliest --to-latest --topic {T}", Nothing),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --shift-by 1 --to-offset 2 --topic {T}", Nothing),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --to-earliest --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --group {T} --all-groups --describe", Nothing),
    case(Groups, "--bootstrap-server {B} --list --group {T}", Nothing),
    case(Groups, "--bootstrap-server {B} --list --topic {T}", Nothing),
    case(Groups, "--bootstrap-server {B} --describe --group {T} --topic {T}", Nothing),
    case(Groups, "--bootstrap-server {B} --list --members", Nothing),
    case(Groups, "--bootstrap-server {B} --list --type --describe", Nothing),
    case(Groups, "--bootstrap-server {B} --describe --verbose --all-topics", Nothing),
    case(Groups, "--bootstrap-server {B} --nosuch", Nothing),
    case(Groups, "--bootstrap-server {B} --describe --group", Nothing),
    case(Groups, "--bootstrap-server {B} --describe --group {T} --timeout x", Committed),
    case(Groups, "--bootstrap-server {B} --list --state bogus", Nothing),
    case(Groups, "--bootstrap-server {B} --list --type bogus", Nothing),
    // kafka-consumer-groups: describe.
    case(Groups, "--bootstrap-server {B} --describe --group {T}", Committed),
    case(Groups, "--bootstrap-server {B} --describe --group {T} --offsets", Committed),
    case(Groups, "--bootstrap-server {B} --describe --group {T} --members", Committed),
    case(Groups, "--bootstrap-server {B} --describe --group {T} --members --verbose", Committed),
    case(Groups, "--bootstrap-server {B} --describe --group {T} --state", Committed),
    case(Groups, "--bootstrap-server {B} --describe --group {T}", Nothing),
    case(Groups, "--bootstrap-server {B} --describe --group {T} --members", Nothing),
    case(Groups, "--bootstrap-server {B} --describe --group {T} --state", Nothing),
    case(Groups, "--bootstrap-server {B} --describe --group {T} --group {T}x", Committed),
    // kafka-consumer-groups: every reset strategy and scope.
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --to-earliest", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --to-latest --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --to-current --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --to-offset 1 --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --to-offset 99 --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --to-offset x --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --all-topics --shift-by 1 --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --all-topics --shift-by -5 --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --shift-by 1 --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --to-datetime 2023-11-14T22:13:20.001 --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --to-datetime 2099-01-01T00:00:00.000+01:00 --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --to-datetime 2020-01-01 --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --by-duration P3650D --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --by-duration 1h --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T}:0,2 --to-earliest --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T}:x --to-earliest --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T}x --to-earliest --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --all-topics --to-latest --export --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --group {T}x --all-topics --to-latest --export --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --from-file {F} --dry-run", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --from-file {F} --execute", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --to-earliest --execute", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --all-topics --shift-by -1 --execute", Committed),
    case(Groups, "--bootstrap-server {B} --reset-offsets --group {T} --topic {T} --to-latest --execute", Nothing),
    // kafka-consumer-groups: delete and delete-offsets.
    case(Groups, "--bootstrap-server {B} --delete --group {T}", Committed),
    case(Groups, "--bootstrap-server {B} --delete --group {T}", Nothing),
    case(Groups, "--bootstrap-server {B} --delete --group {T} --group {T}x", Committed),
    case(Groups, "--bootstrap-server {B} --delete-offsets --group {T} --topic {T}", Committed),
    case(Groups, "--bootstrap-server {B} --delete-offsets --group {T} --topic {T}:0", Committed),
    case(Groups, "--bootstrap-server {B} --delete-offsets --group {T} --topic {T}x --topic {T}:1", Committed),
    case(Groups, "--bootstrap-server {B} --delete-offsets --group {T}x --topic {T}", Committed),
    // kafka-delete-records.
    case(DeleteRecords, "", Nothing),
    case(DeleteRecords, "--help", Nothing),
    case(DeleteRecords, "--version", Nothing),
    case(DeleteRecords, "--bootstrap-server {B}", Nothing),
    case(DeleteRecords, "--offset-json-file {J}", Committed),
    case(DeleteRecords, "--bootstrap-server {B} --offset-json-file {J}", Committed),
    case(DeleteRecords, "--bootstrap-server {B} --offset-json-file {F}", Committed),
    case(DeleteRecords, "--bootstrap-server {B} --offset-json-file /nonexistent/offsets.json", Nothing),
    case(DeleteRecords, "--bootstrap-server {B} --nosuch", Nothing),
    // kafka-configs: the checks of checkArgs, in order.
    case(Configs, "", Nothing),
    case(Configs, "--help", Nothing),
    case(Configs, "--bootstrap-server {B}", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --alter --topic {T}", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --topic {T} --add-config a=1", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --topic {T} --delete-config a", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --entity-type topics --entity-type topics --entity-type topics", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --entity-type bogus", Nothing),
    case(Configs, "--describe --entity-type topics", Nothing),
    case(Configs, "--bootstrap-server {B} --describe", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --topic {T} --broker 1", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --entity-type topics --topic {T}", Nothing),
    case(Configs, "--bootstrap-server {B} --zookeeper 127.0.0.1:1 --describe --topic {T}", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --broker x", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --entity-type brokers --entity-name y", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --entity-type broker-loggers", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --entity-type users --add-config a=1", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --entity-type topics --add-config a=1", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --topic {T} --add-config a=1 --add-config-file /x", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --topic {T}", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --entity-type users --entity-type clients --entity-name {T}", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --entity-type users --entity-name a --entity-name b", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --topic {T} --zk-tls-config-file x", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --topic {T} --bogus", Nothing),
    // kafka-configs: describing.
    case(Configs, "--bootstrap-server {B} --describe --topic {T}", Configured),
    case(Configs, "--bootstrap-server {B} --describe --topic {T} --all", Configured),
    case(Configs, "--bootstrap-server {B} --describe --entity-type topics --entity-name {T}", Configured),
    case(Configs, "--bootstrap-server {B} --describe --topic {T}", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --topic bad$name", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --broker 1", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --broker-defaults", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --entity-type brokers --entity-name 1 --all", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --broker-logger 1", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --client {T}", Configured),
    case(Configs, "--bootstrap-server {B} --describe --client {T}", Nothing),
    case(Configs, "--bootstrap-server {B} --describe --user {T}", Configured),
    case(Configs, "--bootstrap-server {B} --describe --user {T} --client {T}", Configured),
    case(Configs, "--bootstrap-server {B} --describe --ip 127.0.0.9", Nothing),
    // kafka-configs: altering (the entity's configs are compared after).
    case(Configs, "--bootstrap-server {B} --alter --topic {T} --add-config retention.ms=1000,cleanup.policy=[compact,delete]", Empty(1)),
    case(Configs, "--bootstrap-server {B} --alter --topic {T} --delete-config retention.ms,cleanup.policy", Configured),
    case(Configs, "--bootstrap-server {B} --alter --topic {T} --delete-config retention.ms,nothere", Configured),
    case(Configs, "--bootstrap-server {B} --alter --topic {T} --add-config bogus.key=1", Configured),
    case(Configs, "--bootstrap-server {B} --alter --topic {T} --add-config retention.ms=abc", Configured),
    case(Configs, "--bootstrap-server {B} --alter --topic {T} --add-config retention.ms=1", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --topic {T} --add-config novalue", Configured),
    case(Configs, "--bootstrap-server {B} --alter --topic {T} --add-config a$b=1", Configured),
    case(Configs, "--bootstrap-server {B} --alter --topic {T} --add-config-file /nonexistent/x.properties", Configured),
    case(Configs, "--bootstrap-server {B} --alter --client {T} --add-config producer_byte_rate=2048,consumer_byte_rate=2e7", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --client {T} --delete-config producer_byte_rate", Configured),
    case(Configs, "--bootstrap-server {B} --alter --client {T} --delete-config consumer_byte_rate", Configured),
    case(Configs, "--bootstrap-server {B} --alter --client {T} --add-config bogus=1,x=2", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --client {T} --delete-config bogus,y", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --client {T} --add-config producer_byte_rate=fast", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --user {T} --add-config bogus=1", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --user {T} --client {T} --add-config request_percentage=50", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --user {T} --add-config SCRAM-SHA-512=[iterations=8192,password=x]", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --user {T} --add-config SCRAM-SHA-256=[iterations=100,password=x]", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --user {T} --delete-config SCRAM-SHA-256", Configured),
    case(Configs, "--bootstrap-server {B} --alter --user {T} --delete-config SCRAM-SHA-512", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --user-defaults --add-config SCRAM-SHA-512=[password=x]", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --user {T} --add-config SCRAM-SHA-256=[password=x],consumer_byte_rate=1", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --ip 127.0.0.9 --add-config bogus=5", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --broker-logger 1 --add-config no.such.Logger=DEBUG", Nothing),
    case(Configs, "--bootstrap-server {B} --alter --broker 1 --delete-config nothere", Nothing),
    departs(Configs, "--bootstrap-server {B} --alter --user {T} --add-config SCRAM-SHA-256=[itx=1,password=secret]", Nothing, "never shows a SCRAM password"),
    // kafka-acls: the checks of checkArgs, in order.
    case(Acls, "", Nothing),
    case(Acls, "--help", Nothing),
    case(Acls, "--list", Nothing),
    case(Acls, "--bootstrap-server {B} --add --list", Nothing),
    case(Acls, "--bootstrap-server {B} --list --producer", Nothing),
    case(Acls, "--bootstrap-server {B} --add --producer --allow-principal User:{T}", Nothing),
    case(Acls, "--bootstrap-server {B} --add --consumer --topic {T} --allow-principal User:{T}", Nothing),
    case(Acls, "--bootstrap-server {B} --add --idempotent --topic {T} --allow-principal User:{T}", Nothing),
    case(Acls, "--bootstrap-server {B} --add --producer --topic {T} --operation Read --allow-principal User:{T}", Nothing),
    case(Acls, "--bootstrap-server {B} --list --principal User:{T} --add", Nothing),
    case(Acls, "--bootstrap-server {B} --add --topic {T}", Nothing),
    case(Acls, "--bootstrap-server {B} --add --allow-principal {T} --topic {T}", Nothing),
    case(Acls, "--bootstrap-server {B} --add --allow-principal User:{T} --resource-pattern-type match --topic {T}", Nothing),
    case(Acls, "--bootstrap-server {B} --list --topic {T} --resource-pattern-type bogus", Nothing),
    case(Acls, "--bootstrap-server {B} --add --allow-principal User:{T}", Nothing),
    case(Acls, "--bootstrap-server {B} --list --topic {T} --bogus", Nothing),
    // kafka-acls: listing, adding and removing (the topic's and group's
    // ACLs are compared after).
    case(Acls, "--bootstrap-server {B} --list --topic {T}", Configured),
    case(Acls, "--bootstrap-server {B} --list --topic {T}", Nothing),
    case(Acls, "--bootstrap-server {B} --list --cluster", Nothing),
    case(Acls, "--bootstrap-server {B} --list --group {T}", Configured),
    case(Acls, "--bootstrap-server {B} --list --topic {T} --principal User:{T}", Configured),
    case(Acls, "--bootstrap-server {B} --list --topic {T} --resource-pattern-type match", Configured),
    case(Acls, "--bootstrap-server {B} --add --allow-principal User:{T} --operation Write --topic {T}", Nothing),
    case(Acls, "--bootstrap-server {B} --add --allow-principal User:{T} --operation Describe --topic {T} --resource-pattern-type prefixed", Nothing),
    case(Acls, "--bootstrap-server {B} --add --deny-principal User:{T} --deny-host 10.0.0.1 --operation Write --topic {T}", Nothing),
    case(Acls, "--bootstrap-server {B} --add --allow-principal User:{T} --operation Read --group {T}", Nothing),
    case(Acls, "--bootstrap-server {B} --add --allow-principal User:{T} --operation Describe --transactional-id {T}", Nothing),
    case(Acls, "--bootstrap-server {B} --add --allow-principal User:{T} --operation Describe --delegation-token {T}", Nothing),
    case(Acls, "--bootstrap-server {B} --add --allow-principal User:{T} --operation CreateTokens --user-principal User:{T}", Nothing),
    case(Acls, "--bootstrap-server {B} --remove --topic {T} --force", Configured),
    case(Acls, "--bootstrap-server {B} --remove --group {T} --allow-principal User:{T} --operation Read --force", Configured),
    case(Acls, "--bootstrap-server {B} --remove --topic {T} --force", Nothing),
    fed(Acls, "--bootstrap-server {B} --remove --topic {T}", "n\n", Configured),
    fed(Acls, "--bootstrap-server {B} --remove --topic {T}", "y\n", Configured),
    // kafka-broker-api-versions.
    case(ApiVersions, "", Nothing),
    case(ApiVersions, "--help", Nothing),
    case(ApiVersions, "--version", Nothing),
    case(ApiVersions, "--bootstrap-server {B}", Nothing),
    case(ApiVersions, "--bootstrap-server", Nothing),
    case(ApiVersions, "--bootstrap-server {B} --bogus", Nothing),
    case(ApiVersions, "--bootstrap-server {B} --command-config /nonexistent/x.properties", Nothing),
    // kafka-log-dirs.
    case(LogDirs, "", Nothing),
    case(LogDirs, "--help", Nothing),
    case(LogDirs, "--bootstrap-server {B}", Nothing),
    case(LogDirs, "--describe", Nothing),
    case(LogDirs, "--bootstrap-server {B} --describe --topic-list {T}", Empty(3)),
    case(LogDirs, "--bootstrap-server {B} --describe --topic-list ,{T}, --broker-list 1", Empty(1)),
    case(LogDirs, "--bootstrap-server {B} --describe --topic-list {T} --broker-list 1,5,3", Empty(1)),
    case(LogDirs, "--bootstrap-server {B} --describe --topic-list {T} --broker-list x", Empty(1)),
    // kafka-leader-election (one node: every leader is the preferred one).
    case(Elect, "", Nothing),
    case(Elect, "--help", Nothing),
    case(Elect, "--bootstrap-server {B}", Nothing),
    case(Elect, "--election-type preferred --topic {T}", Nothing),
    case(Elect, "--bootstrap-server {B} --election-type preferred", Nothing),
    case(Elect, "--bootstrap-server {B} --election-type preferred --topic {T}", Nothing),
    case(Elect, "--bootstrap-server {B} --election-type preferred --partition 1 --all-topic-partitions", Nothing),
    case(Elect, "--bootstrap-server {B} --election-type bogus --topic {T} --partition 0", Empty(1)),
    case(Elect, "--bootstrap-server {B} --election-type preferred --topic {T} --partition x", Empty(1)),
    case(Elect, "--bootstrap-server {B} --election-type preferred --topic {T} --partition 0", Empty(2)),
    case(Elect, "--bootstrap-server {B} --election-type PREFERRED --topic {T} --partition 0", Empty(1)),
    case(Elect, "--bootstrap-server {B} --election-type unclean --topic {T} --partition 0", Empty(1)),
    case(Elect, "--bootstrap-server {B} --election-type preferred --topic {T} --partition 0", Nothing),
    case(Elect, "--bootstrap-server {B} --election-type preferred --path-to-json-file {J}", Configured),
    case(Elect, "--bootstrap-server {B} --election-type preferred --path-to-json-file /nonexistent/x.json", Nothing),
    // kafka-reassign-partitions (one node: a move to broker 1 is done at once).
    case(Reassign, "", Nothing),
    case(Reassign, "--help", Nothing),
    case(Reassign, "--bootstrap-server {B}", Nothing),
    case(Reassign, "--list", Nothing),
    case(Reassign, "--bootstrap-server {B} --list --verify", Nothing),
    case(Reassign, "--bootstrap-server {B} --execute", Nothing),
    case(Reassign, "--bootstrap-server {B} --generate --topics-to-move-json-file {F}", Movable),
    case(Reassign, "--bootstrap-server {B} --list --throttle 5", Nothing),
    case(Reassign, "--bootstrap-server {B} --verify --reassignment-json-file {J} --throttle 5", Movable),
    case(Reassign, "--bootstrap-server {B} --list", Nothing),
    case(Reassign, "--bootstrap-server {B} --verify --reassignment-json-file /nonexistent/x.json", Nothing),
    case(Reassign, "--bootstrap-server {B} --generate --topics-to-move-json-file {F} --broker-list 1", Movable),
    case(Reassign, "--bootstrap-server {B} --generate --topics-to-move-json-file {F} --broker-list 1,2", Movable),
    case(Reassign, "--bootstrap-server {B} --generate --topics-to-move-json-file {F} --broker-list 1,1", Movable),
    case(Reassign, "--bootstrap-server {B} --generate --topics-to-move-json-file {F} --broker-list 1,x", Movable),
    case(Reassign, "--bootstrap-server {B} --generate --topics-to-move-json-file {F} --broker-list 2", Movable),
    case(Reassign, "--bootstrap-server {B} --execute --reassignment-json-file {J}", Movable),
    case(Reassign, "--bootstrap-server {B} --execute --reassignment-json-file {J} --throttle 1000000", Movable),
    case(Reassign, "--bootstrap-server {B} --execute --reassignment-json-file {J} --throttle x", Movable),
    case(Reassign, "--bootstrap-server {B} --verify --reassignment-json-file {J}", Movable),
    case(Reassign, "--bootstrap-server {B} --verify --reassignment-json-file {J} --preserve-throttles", Movable),
    case(Reassign, "--bootstrap-server {B} --cancel --reassignment-json-file {J}", Movable),
    case(Reassign, "--bootstrap-server {B} --cancel --reassignment-json-file {J} --preserve-throttles", Movable),
    // kafka-metadata-quorum's command line (its answers hold offsets and
    // times that move: tests/quorum.rs compares those).
    case(Quorum, "", Nothing),
    case(Quorum, "--help", Nothing),
    case(Quorum, "--bootstrap-server {B} describe --help", Nothing),
    case(Quorum, "--bootstrap-server {B}", Nothing),
    case(Quorum, "describe --status", Nothing),
    case(Quorum, "--bootstrap-server {B} --bootstrap-controller {B} describe --status", Nothing),
    case(Quorum, "--bootstrap-server {B} bogus", Nothing),
    case(Quorum, "--bootstrap-server {B} describe --status --foo", Nothing),
    case(Quorum, "--bootstrap-server {B} describe", Nothing),
    case(Quorum, "--bootstrap-server {B} describe --status --replication", Nothing),
    case(Quorum, "--bootstrap-server {B} describe --status --human-readable", Nothing),
    case(Quorum, "--bootstrap-server {B} --command-config /nonexistent/x.properties describe --status", Nothing),
    // KIP-853 on the single node's static quorum (the dynamic one is in quorum.rs).
    case(Quorum, "--bootstrap-server {B} add-controller", Nothing),
    case(Quorum, "--bootstrap-server {B} add-controller --dry-run", Nothing),
    case(Quorum, "--bootstrap-server {B} --command-config /nonexistent/x.properties add-controller", Nothing),
    case(Quorum, "--bootstrap-server {B} remove-controller -i 1", Nothing),
    case(Quorum, "--bootstrap-server {B} remove-controller -i -1 -d AAAAAAAAAAAAAAAAAAAAAQ", Nothing),
    case(Quorum, "--bootstrap-server {B} remove-controller -i 1 -d nope", Nothing),
    case(Quorum, "--bootstrap-server {B} remove-controller -i 1 -d n*pe", Nothing),
    case(Quorum, "--bootstrap-server {B} remove-controller -i 1 -d AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Nothing),
    case(Quorum, "--bootstrap-server {B} remove-controller -i 1 -d AAAAAAAAAAAAAAAAAAAAAQ --dry-run", Nothing),
    case(Quorum, "--bootstrap-server {B} remove-controller -i 7 -d AAAAAAAAAAAAAAAAAAAAAQ", Nothing),
    // kafka-features: argparse4j's command line, every check of an update,
    // and updates validated only (--dry-run) or of no effect.
    case(Features, "", Nothing),
    case(Features, "--help", Nothing),
    case(Features, "--bootstrap-server {B} describe --help", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --help", Nothing),
    case(Features, "--bootstrap-server {B} downgrade -h", Nothing),
    case(Features, "--bootstrap-server {B} disable --help", Nothing),
    case(Features, "describe --foo", Nothing),
    case(Features, "describe", Nothing),
    case(Features, "--boot {B} describe", Nothing),
    case(Features, "--bootstrap-server", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --feature", Nothing),
    case(Features, "--bootstrap-server {B} extra describe", Nothing),
    case(Features, "--bootstrap-server={B} describe", Nothing),
    case(Features, "--bootstrap-server {B} describe", Nothing),
    case(Features, "--bootstrap-server {B} upgrade", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --metadata 9.9", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --metadata 0.10.0 --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --metadata 3.9 --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --metadata 3.9", Nothing),
    case(Features, "--bootstrap-server {B} downgrade --metadata 3.8 --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} downgrade --metadata 3.3-IV0 --unsafe --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --feature foo --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --feature foo=x --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --feature foo=1 --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --feature kraft.version=1 --feature kraft.version=1", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --feature metadata.version=21 --metadata 3.9", Nothing),
    case(Features, "--bootstrap-server {B} disable --feature kraft.version --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} disable --feature metadata.version --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} disable", Nothing),
    case(Features, "--bootstrap-server {B} disable --feature {T}", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --feature kraft.version=0 --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} downgrade --feature kraft.version=0 --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --feature =3 --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --feature a=1 --feature b=-2 --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} upgrade --feature a=1 --feature b=2 --dry-run", Nothing),
    case(Features, "--bootstrap-server {B} --command-config /nonexistent/x.properties describe", Nothing),
    // kafka-cluster.
    case(Cluster, "", Nothing),
    case(Cluster, "--help", Nothing),
    case(Cluster, "cluster-id --help", Nothing),
    case(Cluster, "unregister --help", Nothing),
    case(Cluster, "cluster-id", Nothing),
    case(Cluster, "-b {B} cluster-id", Nothing),
    case(Cluster, "cluster-id -b {B}", Nothing),
    case(Cluster, "clus --bootstrap-server={B}", Nothing),
    case(Cluster, "unregister -b {B}", Nothing),
    case(Cluster, "unregister -b {B} --id x", Nothing),
    case(Cluster, "unregister -b {B} --id 99999999999", Nothing),
    case(Cluster, "unregister -b {B} --id 99", Nothing),
    case(Cluster, "unregister -b {B} -C {B} --id 99", Nothing),
    case(Cluster, "cluster-id -b {B} --config /nonexistent/x.properties", Nothing),
    case(Cluster, "cluster-id -b {B} -c", Nothing),
    case(Cluster, "cluster-id --b {B}", Nothing),
    case(Cluster, "cluster-id -b {B} extra --foo", Nothing),
    case(Cluster, "-h cluster-id", Nothing),
    case(Cluster, "unregister -b{B} -i3 extra", Nothing),
    // kafka-transactions: argparse4j's command line and each check, on
    // topics with no transactions (the open one is tests/transactions.rs').
    case(Transactions, "", Nothing),
    case(Transactions, "--help", Nothing),
    case(Transactions, "-v", Nothing),
    case(Transactions, "--bootstrap-server {B} list --help", Nothing),
    case(Transactions, "--bootstrap-server {B} describe -h", Nothing),
    case(Transactions, "--bootstrap-server {B} describe-producers -h", Nothing),
    case(Transactions, "--bootstrap-server {B} abort -h", Nothing),
    case(Transactions, "--bootstrap-server {B} find-hanging -h", Nothing),
    case(Transactions, "list", Nothing),
    case(Transactions, "--bootstrap-server {B} bogus", Nothing),
    case(Transactions, "--bootstrap-server {B} describe --transactional-id {T}", Nothing),
    case(Transactions, "--bootstrap-server {B} describe", Nothing),
    case(Transactions, "--bootstrap-server {B} describe-producers --topic {T} --partition 0", Empty(2)),
    case(Transactions, "--bootstrap-server {B} describe-producers --topic {T} --partition 1 --broker-id 1", Empty(2)),
    case(Transactions, "--bootstrap-server {B} describe-producers --topic {T}", Nothing),
    case(Transactions, "--bootstrap-server {B} find-hanging --topic {T}", Empty(2)),
    case(Transactions, "--bootstrap-server {B} find-hanging --topic {T} --partition 1 --max-transaction-timeout 0", Empty(2)),
    case(Transactions, "--bootstrap-server {B} find-hanging --topic {T} --broker-id 7", Empty(2)),
    case(Transactions, "--bootstrap-server {B} find-hanging --topic {T}", Nothing),
    case(Transactions, "--bootstrap-server {B} find-hanging", Nothing),
    case(Transactions, "--bootstrap-server {B} find-hanging --partition 0", Nothing),
    case(Transactions, "--bootstrap-server {B} find-hanging --topic {T} --max-transaction-timeout x", Nothing),
    case(Transactions, "--bootstrap-server {B} abort --topic {T} --partition 0", Empty(1)),
    case(Transactions, "--bootstrap-server {B} abort --topic {T} --partition 0 --start-offset 0", TwoRecords),
    case(Transactions, "--bootstrap-server {B} abort --topic {T} --partition 0 --producer-id 5", Empty(1)),
    case(Transactions, "--bootstrap-server {B} abort --topic {T} --partition 0 --producer-id 5 --producer-epoch 1", Empty(1)),
    case(Transactions, "--bootstrap-server {B} abort --topic {T} --partition 0 --producer-id x", Nothing),
    case(Transactions, "--bootstrap-server {B} abort --topic {T} --partition 0 --producer-epoch 99999", Nothing),
    case(Transactions, "--bootstrap-server {B} abort --topic {T} --partition 99999999999", Nothing),
    case(Transactions, "--bootstrap-server {B} abort --topic {T}", Nothing),
    case(Transactions, "--bootstrap-server {B} list --duration-filter 9999999999999999999999", Nothing),
    case(Transactions, "--bootstrap-server {B} list -v", Nothing),
    case(Transactions, "-v list", Nothing),
    case(Transactions, "--command-config /nonexistent/x.properties --bootstrap-server {B} list", Nothing),
    case(Transactions, "--bootstrap-server {B} --foo list", Nothing),
    // kafka-client-metrics: jopt's command line, each check, and changes to
    // a subscription named as the case's topic (read back afterwards).
    case(ClientMetrics, "", Nothing),
    case(ClientMetrics, "--help", Nothing),
    case(ClientMetrics, "--version", Nothing),
    case(ClientMetrics, "--list", Nothing),
    case(ClientMetrics, "--bootstrap-server {B}", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --list --describe", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --alter", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --alter --name {T} --generate-name", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --alter --name {T} --interval 1000 --metrics org.apache.kafka.producer. --match client_id={T},client_software_name=kt", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --describe --name {T}", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --list --name {T}", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --delete", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --delete --interval 5 --name {T}", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --describe --generate-name", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --describe --metrics a", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --delete --name {T}", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --alter --name {T} --interval x", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --alter --name {T} --interval", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --alter --name {T} --interval=", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --alter --name {T} --match bogus=1", Nothing),
    case(ClientMetrics, "--bootstrap-server {B} --list --nosuch", Nothing),
    case(ClientMetrics, "--command-config /nonexistent/x.properties --bootstrap-server {B} --list", Nothing),
    // kafka-dump-log's command line and files that are not there (the
    // segments themselves are tests/dump_log.rs').
    case(DumpLog, "", Nothing),
    case(DumpLog, "--help", Nothing),
    case(DumpLog, "--version", Nothing),
    case(DumpLog, "--deep-iteration", Nothing),
    case(DumpLog, "--files {T}.log", Nothing),
    case(DumpLog, "--files {T}", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.log", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.log --max-bytes x", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.index", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.timeindex", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.snapshot", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.txnindex", Nothing),
    case(DumpLog, "--files /nonexistent/x.metadata,/nonexistent/00000000000000000000.txnindex", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.log --value-decoder-class com.example.Nope", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.log --key-decoder-class kafka.serializer.LongDecoder", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.log --nosuch", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.log --offsets-decoder", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.log --cluster-metadata-decoder", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.log --offsets-decoder --remote-log-metadata-decoder", Nothing),
    case(DumpLog, "--files /nonexistent/00000000000000000000.log --remote-log-metadata-decoder", Nothing),
    // kafka-verifiable-producer: argparse4j's command line, and event lines
    // (times and the average rate set aside) with the records they wrote.
    case(VerifiableProducer, "", Nothing),
    case(VerifiableProducer, "-h", Nothing),
    case(VerifiableProducer, "--topic {T}", Nothing),
    case(VerifiableProducer, "--max-messages 1", Nothing),
    case(VerifiableProducer, "--bootstrap-server {B} --topic {T} --acks 5", Nothing),
    case(VerifiableProducer, "--bootstrap-server {B} --topic {T} --acks x", Nothing),
    case(VerifiableProducer, "--bootstrap-server {B} --topic {T} --max-messages x", Nothing),
    case(VerifiableProducer, "--bootstrap-server {B} --topic {T} extra", Nothing),
    case(VerifiableProducer, "--topic {T} --broker-list {B} --bootstrap-server y", Nothing),
    case(VerifiableProducer, "--topic {T} --bootstrap-server {B} --producer.config /nonexistent/x.properties", Nothing),
    case(VerifiableProducer, "--topic {T} --broker-list {B} --max-messages 0", Empty(1)),
    case(VerifiableProducer, "--topic {T} --bootstrap-server {B} --max-messages 3 --value-prefix 9 --acks 1", Empty(1)),
    // kafka-verifiable-consumer: argparse4j's command line, and the event
    // lines of a group member that reads the topic's two records.
    case(VerifiableConsumer, "", Nothing),
    case(VerifiableConsumer, "-h", Nothing),
    case(VerifiableConsumer, "--topic {T}", Nothing),
    case(VerifiableConsumer, "--bootstrap-server {B} --topic {T}", Nothing),
    case(VerifiableConsumer, "--bootstrap-server {B} --topic {T} --group-id {T} --max-messages x", Nothing),
    case(VerifiableConsumer, "--bootstrap-server {B} --topic {T} --group-id {T} --session-timeout 1.5", Nothing),
    case(VerifiableConsumer, "--bootstrap-server {B} --topic {T} --group-id {T} extra", Nothing),
    case(VerifiableConsumer, "--topic {T} --group-id {T} --broker-list {B} --bootstrap-server y", Nothing),
    case(VerifiableConsumer, "--topic {T} --group-id {T} --bootstrap-server {B} --consumer.config /nonexistent/x.properties", Nothing),
    case(VerifiableConsumer, "--topic {T} --group-id {T} --bootstrap-server {B} --reset-policy x", Nothing),
    case(VerifiableConsumer, "--topic {T} --group-id {T} --broker-list {B} --max-messages 0", Empty(1)),
    case(VerifiableConsumer, "--topic {T} --group-id {T} --bootstrap-server {B} --max-messages 2 --verbose", TwoRecords),
    case(VerifiableConsumer, "--topic {T} --group-id {T} --bootstrap-server {B} --max-messages 1", TwoRecords),
    case(VerifiableConsumer, "--topic {T} --group-id {T} --bootstrap-server {B} --max-messages 2 --enable-autocommit", TwoRecords),
    case(VerifiableConsumer, "--topic {T} --group-id {T} --bootstrap-server {B} --max-messages 2 --group-protocol foo", TwoRecords),
    case(VerifiableConsumer, "--topic {T} --group-id {T} --bootstrap-server {B} --max-messages 2 --assignment-strategy org.apache.kafka.clients.consumer.RoundRobinAssignor", TwoRecords),
    case(VerifiableConsumer, "--topic {T} --group-id {T} --bootstrap-server {B} --max-messages 2 --assignment-strategy org.apache.kafka.clients.consumer.CooperativeStickyAssignor", TwoRecords),
    case(VerifiableConsumer, "--topic {T} --group-id {T} --bootstrap-server {B} --max-messages 2 --group-instance-id {T}-1 --session-timeout 10000", TwoRecords),
    // The tool runs until stopped: its lines beside Apache's are in
    // replica_verification.rs; here, every way it stops at once.
    case(ReplicaVerification, "", Nothing),
    case(ReplicaVerification, "--help", Nothing),
    case(ReplicaVerification, "--version", Nothing),
    case(ReplicaVerification, "--fetch-size 5", Nothing),
    case(ReplicaVerification, "--broker-list", Nothing),
    case(ReplicaVerification, "--broker-list foo", Nothing),
    case(ReplicaVerification, "--broker-list {B},bar", Nothing),
    case(ReplicaVerification, "--broker-list {B} --topics-include a --topic-white-list b", Nothing),
    case(ReplicaVerification, "--broker-list {B} --topics-include kt-no-such-topic-.*", Nothing),
    case(ReplicaVerification, "--broker-list {B} --topic-white-list kt-no-such-topic", Nothing),
    case(ReplicaVerification, "--broker-list {B} --topics-include [", Nothing),
    case(ReplicaVerification, "--broker-list {B} --topics-include {T} --time x", Nothing),
    case(ReplicaVerification, "--broker-list {B} --topics-include {T} --fetch-size 1.5", Nothing),
    case(ReplicaVerification, "--broker-list {B} --topics-include {T} --time 99999999999999", TwoRecords),
    case(ReplicaVerification, "--broker-list {B} --bogus", Nothing),
    departs(VerifiableConsumer, "--topic {T} --group-id {T} --bootstrap-server {B} --max-messages 2 --group-protocol consumer", TwoRecords, VERIFIABLE_STOPS),
    // kafka-delegation-tokens: jopt's command line (options whose argument
    // is optional), each check in Kafka's order, and tokens owned by the
    // case's user on the SASL listener (ids, HMACs and dates set aside;
    // the user's tokens read back afterwards).
    case(DelegationTokens, "", Nothing),
    case(DelegationTokens, "--help", Nothing),
    case(DelegationTokens, "--version", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C}", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --create --describe", Nothing),
    case(DelegationTokens, "--command-config {C} --describe", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --describe", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --create", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --renew --hmac AAAA", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --expire --expiry-time-period 1", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --describe --hmac x", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --create --max-life-time-period 1 --hmac x --renew-time-period 5 --expiry-time-period 5", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --describe --max-life-time-period 1 --expiry-time-period 2 --renew-time-period 3", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --renew --hmac A --renew-time-period 1 --owner-principal User:x --renewer-principal User:y --max-life-time-period 1", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --expire --hmac A --expiry-time-period 1 --owner-principal User:x --max-life-time-period 1", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --describe", Token),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --describe --owner-principal", Token),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --describe --owner-principal User:{T}", Token),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --describe --owner-principal User:{T} --owner-principal User:nobody", Token),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --describe --owner-principal {T}", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --create --max-life-time-period 3600000 --owner-principal User:{T} --renewer-principal User:{T}-a --renewer-principal User:{T}-b", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --create --renewer-principal --max-life-time-period -1 --owner-principal User:{T}", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --create --max-life-time-period 1000 --owner-principal {T}", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --create --max-life-time-period 1000 --renewer-principal Group:{T}", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --create --max-life-time-period x", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --create --max-life-time-period", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --renew --hmac {H} --renew-time-period 60000", Token),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --renew --hmac {H} --renew-time-period x", Token),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --expire --hmac {H} --expiry-time-period -1", Token),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --expire --hmac {H} --expiry-time-period 600000", Token),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --renew --hmac AAAA --renew-time-period -1", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --renew --hmac a-b --renew-time-period -1", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --renew --hmac --renew-time-period -1", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --expire --hmac AAAA --hmac BBBB --expiry-time-period 5", Nothing),
    case(DelegationTokens, "--bootstrap-server {B} --command-config /dev/null --describe", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config /nonexistent/x.properties --describe", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --describe --bogus", Nothing),
    case(DelegationTokens, "--bootstrap-server {S} --command-config {C} --describe extra", Nothing),
    // kafka-streams-application-reset: jopt's command line, each reset
    // strategy on the application `{T}` (its group committed offset 1 on two
    // of its input's three partitions), the internal topic found and
    // deleted, and what each run left (offsets, topics).
    case(StreamsReset, "", Nothing),
    case(StreamsReset, "--help", Nothing),
    case(StreamsReset, "--version", Nothing),
    case(StreamsReset, "--bootstrap-server {B}", Nothing),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --nosuch", Nothing),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --to-latest --to-earliest", Nothing),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --shift-by 1 --to-offset 2 --by-duration P1D", Nothing),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T},{T}-nope --intermediate-topics {T}-output,{T}-none --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --to-offset 1 --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --to-offset x --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --shift-by -1 --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --shift-by 5 --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --to-latest --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --to-earliest --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --to-datetime 2023-11-14T22:13:20.001 --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --to-datetime x --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --by-duration P1D --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --by-duration x --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --from-file {F} --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --from-file /nonexistent/plan.csv --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --internal-topics {T}-output --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --internal-topics {T}-store-changelog --dry-run", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --to-offset 1", Streams),
    case(StreamsReset, "--bootstrap-server {B} --application-id {T} --input-topics {T} --intermediate-topics {T}-output", Streams),
    case(StreamsReset, "--bootstrap-servers {B} --application-id {T} --input-topics {T} --dry-run", Streams),
    case(StreamsReset, "--application-id {T} --bootstrap-server {B} --config-file /nonexistent/x.properties", Nothing),
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

fn log4j_time() -> &'static Regex {
    static TIME: OnceLock<Regex> = OnceLock::new();
    TIME.get_or_init(|| Regex::new(r"(?m)^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\]").unwrap())
}

fn epoch() -> &'static Regex {
    static EPOCH: OnceLock<Regex> = OnceLock::new();
    EPOCH.get_or_init(|| Regex::new(r"Epoch: \d+").unwrap())
}

/// A delegation token's id, HMAC (base64 of 64 bytes) and dates, which
/// differ between any two tokens.
fn token_variance(text: &str) -> String {
    static CREATED: OnceLock<Regex> = OnceLock::new();
    static ROW: OnceLock<Regex> = OnceLock::new();
    static HMAC: OnceLock<Regex> = OnceLock::new();
    static DATE: OnceLock<Regex> = OnceLock::new();
    let created = CREATED.get_or_init(|| {
        Regex::new(r"(?m)^(Created delegation token with tokenId : )[A-Za-z0-9_-]{22}$").unwrap()
    });
    let row = ROW.get_or_init(|| Regex::new(r"(?m)^[A-Za-z0-9_-]{22} <hmac> ").unwrap());
    let hmac = HMAC.get_or_init(|| Regex::new(r"[A-Za-z0-9+/]{86}==").unwrap());
    let date = DATE.get_or_init(|| Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d").unwrap());
    let text = hmac.replace_all(text, "<hmac>");
    let text = created.replace_all(&text, "${1}<id>");
    let text = row.replace_all(&text, "<id> <hmac> ");
    date.replace_all(&text, "<date>").into_owned()
}

/// What differs between any two runs of Apache's own tool: each side's
/// topic and the broker's address, topic ids, and in the perf tools'
/// reports every number (rates, latencies, times, dates), kept to its
/// shape: `123.4567` becomes `N.dddd` (`N.d+` for EndToEndLatency's doubles), and
/// trailing spaces, which pad a random default in a help table, dropped.
fn variance(text: &str, topic: &str, broker: &str, tool: Tool) -> String {
    static ID: OnceLock<Regex> = OnceLock::new();
    static NUMBER: OnceLock<Regex> = OnceLock::new();
    let id = ID.get_or_init(|| Regex::new(r"TopicId: [A-Za-z0-9_-]{22}").unwrap());
    let number = NUMBER.get_or_init(|| Regex::new(r"\d+(\.\d+)?").unwrap());
    let text = text.replace(topic, "{T}").replace(broker, "{B}");
    let text = id.replace_all(&text, "TopicId: <id>").into_owned();
    // A log4j record's time.
    let text = log4j_time().replace_all(&text, "[<time>]").into_owned();
    // The features' finalization epoch moves with every metadata record.
    let text = if tool == Features {
        epoch().replace_all(&text, "Epoch: N").into_owned()
    } else {
        text
    };
    // A delegation token's id, HMAC and times are the broker's draw and clock.
    let text = if tool == DelegationTokens {
        token_variance(&text)
    } else {
        text
    };
    if !tool.measures() {
        return text;
    }
    // A help table pads the line of a random default (`perf-consumer-N`) to its width.
    let text: String = text
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    number
        .replace_all(&text, |c: &regex::Captures<'_>| match c.get(1) {
            // EndToEndLatency and the verifiable producer print Java doubles: as
            // many digits as they need.
            Some(_) if matches!(tool, EndToEnd | VerifiableProducer) => "N.d+".to_string(),
            Some(fraction) => format!("N.{}", "d".repeat(fraction.len() - 1)),
            None => "N".to_string(),
        })
        .into_owned()
}

/// What the case left in its topic: every record's partition, offset, key,
/// value and headers (timestamps are the clock's), or `None` when there is
/// no such topic.
fn records(b: &str, topic: &str) -> Option<Vec<String>> {
    let mut records: Vec<String> = try_consume_all_on(b, topic)
        .ok()?
        .into_iter()
        .map(|mut v| {
            if let Some(o) = v.as_object_mut() {
                o.remove("timestamp");
                o.remove("timestamp_type");
                o.remove("topic");
            }
            v.to_string()
        })
        .collect();
    records.sort();
    Some(records)
}

/// What kt leaves out or prints otherwise on purpose, each rule with the
/// phrase of the README compatibility note it stands for. Returns the text
/// with the departures taken out, and the notes that applied.
fn departures_removed(text: &str) -> (String, Vec<&'static str>) {
    static LOG4J: OnceLock<Regex> = OnceLock::new();
    static LOGGER: OnceLock<Regex> = OnceLock::new();
    static EXCEPTION: OnceLock<Regex> = OnceLock::new();
    let log4j = LOG4J.get_or_init(|| Regex::new(r"^\[<time>\] [A-Z]+ ").unwrap());
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
            [
                "\tat ",
                "\t... ",
                "Caused by: ",
                "\tSuppressed: ",
                "\t\tat ",
                "\t\t... ",
            ]
            .iter()
            .any(|p| l.starts_with(p))
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

/// Makes `topic` as `setup` says, on the Kafka node at `b` (whose SASL
/// listener is `sasl`).
fn prepare(b: &str, sasl: &str, topic: &str, setup: Setup) {
    let partitions = match setup {
        Nothing => return,
        Empty(n) => n,
        TwoRecords => 1,
        Committed | Streams => 3,
        Configured => 1,
        Movable => 2,
        Token => {
            let run = carols_tokens(
                sasl,
                topic,
                &["--create", "--renewer-principal", "User:carol"],
            );
            let made: serde_json::Value = serde_json::from_str(&run.stdout)
                .unwrap_or_else(|e| panic!("a token for {topic}: {e}: {run:?}"));
            let hmac = made[0]["hmac"].as_str().expect("its HMAC");
            std::fs::write(plan_file(topic).with_extension("hmac"), hmac)
                .expect("writing the HMAC");
            // The controller commits a token before the broker, which
            // answers describe, renew and expire, has replayed it.
            let seen = (0..100).any(|_| {
                let found = tokens_once(sasl, topic).is_some_and(|t| !t.is_empty());
                if !found {
                    std::thread::sleep(Duration::from_millis(50));
                }
                found
            });
            assert!(seen, "the broker never showed {topic}'s token");
            return;
        }
    };
    create_topic_on(b, topic, partitions);
    if let Configured = setup {
        let principal = format!("User:{topic}");
        for args in [
            vec![
                "configs",
                "--topic",
                topic,
                "--add-config",
                "retention.ms=86400000,cleanup.policy=[compact,delete]",
            ],
            vec![
                "configs",
                "--client",
                topic,
                "--add-config",
                "producer_byte_rate=1024",
            ],
            vec![
                "configs",
                "--user",
                topic,
                "--add-config",
                "SCRAM-SHA-256=[iterations=8192,password=secret]",
            ],
            vec![
                "acls",
                "--add",
                "--allow-principal",
                &principal,
                "--operation",
                "Read",
                "--topic",
                topic,
                "--group",
                topic,
            ],
        ] {
            let mut args = args;
            args.extend(["--bootstrap-server", b]);
            let run = kt(&args);
            assert_eq!(run.code, Some(0), "{args:?}: {run:?}");
        }
        let election = json!({"partitions": [{"topic": topic, "partition": 0}]});
        std::fs::write(
            plan_file(topic).with_extension("json"),
            election.to_string(),
        )
        .expect("writing an election file");
    }
    if let Streams = setup {
        for suffix in ["store-changelog", "output"] {
            create_topic_on(b, &format!("{topic}-{suffix}"), 1);
        }
    }
    if matches!(setup, Committed | Streams) {
        let records: Vec<serde_json::Value> = [0, 0, 1, 2, 2, 2]
            .iter()
            .zip([0i64, 1, 0, 0, 1, 2])
            .map(|(p, o)| {
                json!({"partition": p, "value": format!("v{p}-{o}"), "timestamp": 1_700_000_000_000i64 + o})
            })
            .collect();
        produce_json_on(b, topic, &records);
        let scope = format!("{topic}:0,1");
        let run = run_tool(
            KAFKA_3,
            Tool::Groups.class(KAFKA_3),
            &[
                "--bootstrap-server",
                b,
                "--reset-offsets",
                "--group",
                topic,
                "--topic",
                &scope,
                "--to-offset",
                "1",
                "--execute",
            ],
            b"",
            Duration::from_secs(60),
        )
        .expect("Apache's ConsumerGroupCommand runs");
        assert_eq!(run.code, Some(0), "{run:?}");
        std::fs::write(plan_file(topic), format!("{topic},0,2\n{topic},1,0\n"))
            .expect("writing a plan");
        let cuts = json!({"partitions": [
            {"topic": topic, "partition": 0, "offset": 1},
            {"topic": topic, "partition": 1, "offset": 99},
            {"topic": topic, "partition": 2, "offset": -1},
        ], "version": 1});
        std::fs::write(plan_file(topic).with_extension("json"), cuts.to_string())
            .expect("writing an offset file");
    }
    if let Movable = setup {
        let moves = json!({"version": 1, "partitions": [
            {"topic": topic, "partition": 0, "replicas": [1]},
            {"topic": topic, "partition": 1, "replicas": [1]},
        ]});
        std::fs::write(plan_file(topic).with_extension("json"), moves.to_string())
            .expect("writing a reassignment file");
        let topics = json!({"topics": [{"topic": topic}], "version": 1});
        std::fs::write(plan_file(topic), topics.to_string()).expect("writing a topics file");
    }
    if let TwoRecords = setup {
        produce_json_on(
            b,
            topic,
            &[
                json!({"key": "k", "value": "v", "timestamp": 1_700_000_000_000i64}),
                json!({"value": "plain", "timestamp": 1_700_000_000_001i64}),
            ],
        );
    }
}

/// `{C}`: the client properties of the SASL listener's PLAIN user `carol`.
fn carol_file() -> &'static std::path::Path {
    static FILE: OnceLock<std::path::PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let file = links().join(format!("kt-diff-carol-{}.properties", std::process::id()));
        std::fs::write(
            &file,
            "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n\
             sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \
             username=\"carol\" password=\"carol-secret\";\n",
        )
        .expect("writing carol's properties");
        // Readable by its owner only, as a file of secrets should be.
        std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .expect("carol's properties made private");
        file
    })
}

/// kt's own `delegation-tokens` as `carol` on the SASL listener, for the
/// tokens `User:{topic}` owns, in JSON.
fn carols_tokens(sasl: &str, topic: &str, extra: &[&str]) -> kt_testkit::Run {
    let owner = format!("User:{topic}");
    let config = carol_file().to_string_lossy().into_owned();
    let mut args = vec!["delegation-tokens", "--owner-principal", &owner];
    args.extend(extra);
    args.extend([
        "--bootstrap-server",
        sasl,
        "--command-config",
        &config,
        "-o",
        "json",
    ]);
    kt(&args)
}

/// The tokens `User:{topic}` owns afterwards, once the broker has replayed
/// every token record the case made: a barrier token created after the
/// case is seen first (a broker applies the metadata log in order; two
/// reads that agree are no proof, a slow broker agrees on "not yet").
fn tokens(sasl: &str, topic: &str) -> Option<Vec<String>> {
    let barrier = format!("{topic}-barrier");
    let made = carols_tokens(sasl, &barrier, &["--create"]);
    assert_eq!(made.code, Some(0), "a barrier token: {made:?}");
    let seen = (0..200).any(|_| {
        let found = tokens_once(sasl, &barrier).is_some_and(|t| !t.is_empty());
        if !found {
            std::thread::sleep(Duration::from_millis(50));
        }
        found
    });
    assert!(seen, "the broker never showed the barrier token {barrier}");
    tokens_once(sasl, topic)
}

/// The tokens `User:{topic}` owns, as kt's own name sees them: owner,
/// renewers, and whether each still lives.
fn tokens_once(sasl: &str, topic: &str) -> Option<Vec<String>> {
    let run = carols_tokens(sasl, topic, &[]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).ok()?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    let seen: Vec<String> = v
        .as_array()?
        .iter()
        .map(|t| {
            let alive = t["expiry_ms"].as_i64().unwrap_or(0) > now;
            format!("{} {} alive={alive}", t["owner"], t["renewers"]).replace(topic, "{T}")
        })
        .collect();
    Some(seen)
}

/// The CSV reset plan of a `Committed` case's topic.
fn plan_file(topic: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("{topic}.csv"))
}

/// A group's committed offsets afterwards, as `topic:partition=offset`
/// (what a reset or a deletion left), or `None` when it has none.
fn committed(b: &str, group: &str) -> Option<Vec<String>> {
    let run = kt(&[
        "groups",
        "--bootstrap-server",
        b,
        "--describe",
        "--group",
        group,
        "-o",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).ok()?;
    let rows = v["groups"][0]["partitions"].as_array()?;
    let mut seen: Vec<String> = rows
        .iter()
        .filter(|r| !r["current_offset"].is_null())
        .map(|r| format!("{}:{}={}", r["topic"], r["partition"], r["current_offset"]))
        .collect();
    seen.sort();
    (!seen.is_empty()).then_some(seen)
}

/// The topic's, client's and user's configs (kafka-configs), the ACLs of
/// the topic and group (kafka-acls), or the client-metrics subscription
/// (kafka-client-metrics) named `topic`, as kt reads them.
fn state(b: &str, tool: Tool, topic: &str) -> Option<Vec<String>> {
    let reads: Vec<Vec<&str>> = match tool {
        Configs => vec![
            vec!["configs", "--topic", topic, "-o", "json"],
            vec!["configs", "--client", topic, "-o", "json"],
            vec!["configs", "--user", topic, "-o", "json"],
        ],
        ClientMetrics => vec![vec![
            "client-metrics",
            "--describe",
            "--name",
            topic,
            "-o",
            "json",
        ]],
        _ => vec![vec![
            "acls", "--list", "--topic", topic, "--group", topic, "-o", "json",
        ]],
    };
    let mut seen = Vec::new();
    for mut args in reads {
        args.extend(["--bootstrap-server", b]);
        let run = kt(&args);
        seen.push(format!(
            "{} {}",
            run.code.unwrap_or(-1),
            run.stdout.replace(topic, "{T}")
        ));
    }
    Some(seen)
}

/// What one side printed, with the run-to-run variance taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// The topic's records afterwards (the producers' cases).
    records: Option<Vec<String>>,
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
            records: self.records.clone(),
        };
        (seen, notes)
    }
}

/// The case's words; `{Z}` is the ZooKeeper of the ZooKeeper-mode Kafka,
/// `{S}` the SASL listener, `{C}` carol's properties for it, `{H}` the HMAC
/// of a `Token` case's token.
fn words(args: &str, topic: &str, broker: &str, sasl: &str) -> Vec<String> {
    args.split_whitespace()
        .map(|w| {
            let w = if w.contains("{H}") {
                let hmac = std::fs::read_to_string(plan_file(topic).with_extension("hmac"))
                    .expect("a Token case's HMAC");
                w.replace("{H}", &hmac)
            } else {
                w.to_string()
            };
            let w = w
                .replace("{S}", sasl)
                .replace("{C}", &carol_file().to_string_lossy())
                .replace("{F}", &plan_file(topic).to_string_lossy())
                .replace(
                    "{J}",
                    &plan_file(topic).with_extension("json").to_string_lossy(),
                )
                .replace("{T}", topic)
                .replace("{B}", broker);
            if w.contains("{Z}") {
                w.replace("{Z}", &kt_testkit::kafka_zookeeper_mode().1)
            } else {
                w
            }
        })
        .collect()
}

/// Who runs a case: Apache's tool of a release, or kt through its link.
#[derive(Debug, Clone, Copy)]
enum Side {
    Apache(Release),
    Kt,
}

/// Runs one side of a case on the topic (and group) `topic`.
fn run_side(node: &KafkaNode, case: &Case, side: Side, topic: &str) -> Seen {
    let broker = node.address();
    let sasl = node.sasl_address();
    let topic = topic.to_string();
    prepare(&broker, &sasl, &topic, case.setup);
    let args = words(case.args, &topic, &broker, &sasl);
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
    // The perf tools' payloads are random: only how many they wrote counts.
    let records = match case.tool {
        // What the producers wrote, and what deleting records left.
        Producer | DeleteRecords | VerifiableProducer => records(&broker, &topic),
        ProducerPerf | EndToEnd => {
            records(&broker, &topic).map(|r| vec![format!("{} records", r.len())])
        }
        // What an alteration left: the entities' configs, or the ACLs, or
        // the subscription.
        Configs | Acls | ClientMetrics => state(&broker, case.tool, &topic),
        // What a reset or deletion left in the group named as the topic,
        // and what the verifiable consumer committed in it.
        Groups | VerifiableConsumer => {
            committed(&broker, &topic).map(|c| c.iter().map(|l| l.replace(&topic, "{T}")).collect())
        }
        // The tokens the topic's user owns afterwards.
        DelegationTokens => tokens(&sasl, &topic),
        // The application's committed offsets, and which of its topics are left.
        StreamsReset => {
            let mut left = committed(&broker, &topic).unwrap_or_default();
            left.extend(
                topic_names_on(&broker)
                    .into_iter()
                    .filter(|t| t.starts_with(&topic))
                    .map(|t| format!("topic {t}")),
            );
            left.sort();
            Some(left.iter().map(|l| l.replace(&topic, "{T}")).collect())
        }
        _ => None,
    };
    // The case's files (plans, a token's HMAC) go with it.
    for extension in ["csv", "json", "hmac"] {
        let _ = std::fs::remove_file(plan_file(&topic).with_extension(extension));
    }
    Seen {
        code: run.code,
        stdout: variance(&run.stdout, &topic, &broker, case.tool).replace(&sasl, "{S}"),
        stderr: variance(&run.stderr, &topic, &broker, case.tool).replace(&sasl, "{S}"),
        records,
    }
}

/// The counts the suite prints, and the cases behind them.
#[derive(Default)]
struct Summary {
    identical: usize,
    on_purpose: Vec<String>,
    other: Vec<String>,
    /// Per tool: cases, identical, on purpose, other.
    by_tool: std::collections::BTreeMap<&'static str, [usize; 4]>,
}

/// Runs `cases` with `left` and `right` on `node`, four at a time.
fn compare(node: &KafkaNode, left: Side, right: Side, cases: &[&Case]) -> Summary {
    let mut summary = Summary::default();
    for chunk in cases.chunks(4) {
        let seen: Vec<(Seen, Seen)> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|c| {
                    let c: &Case = c;
                    s.spawn(move || {
                        // Each side's topic and group: one name for both but
                        // for "Aa" against "BB", which have one Java
                        // hashCode, so the orders Kafka's tools take from
                        // Java hash maps are the same on both sides.
                        let stem = random_name("diff").replace('-', "_");
                        let (a, b) = (format!("{stem}_Aa"), format!("{stem}_BB"));
                        (run_side(node, c, left, &a), run_side(node, c, right, &b))
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a case panicked"))
                .collect()
        });
        for (case, (a, b)) in chunk.iter().copied().zip(seen) {
            let name = format!("{} {}", case.tool.link(), case.args);
            let tally = summary.by_tool.entry(case.tool.link()).or_default();
            tally[0] += 1;
            if a == b {
                summary.identical += 1;
                tally[1] += 1;
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
                (true, _) | (false, OnPurpose(_)) => {
                    tally[2] += 1;
                    summary
                        .on_purpose
                        .push(format!("{name}: {}", notes.join("; ")))
                }
                (false, Same) => {
                    tally[3] += 1;
                    summary
                        .other
                        .push(format!("{name}\n  {left:?}: {a:?}\n  {right:?}: {b:?}"))
                }
            }
        }
    }
    eprintln!(
        "differential, {left:?} vs {right:?} on Kafka {}: {} cases, {} identical, {} differ on purpose, {} differ otherwise",
        node.release.version,
        cases.len(),
        summary.identical,
        summary.on_purpose.len(),
        summary.other.len()
    );
    for (tool, [cases, same, purpose, other]) in &summary.by_tool {
        eprintln!("  {tool:30} {cases:3} cases {same:3} identical {purpose:3} on purpose {other:3} otherwise");
    }
    summary
}

/// The reference: kt through Kafka's names against Kafka 3.9's own tools
/// on a Kafka 3.9 broker. Every difference is fixed or a README departure.
/// `KT_DIFF_ONLY=kafka-features,kafka-cluster` runs those tools' cases only
/// (for working on a tool).
#[test]
fn kt_prints_what_apaches_tools_print() {
    let only = std::env::var("KT_DIFF_ONLY").unwrap_or_default();
    let all: Vec<&Case> = CASES
        .iter()
        .filter(|c| only.is_empty() || only.split(',').any(|t| c.tool.link() == format!("{t}.sh")))
        .collect();
    let summary = compare(kafka(), Side::Apache(KAFKA_3), Side::Kt, &all);
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

/// Kafka users run 3.9's tools against 4.x clusters too: on a Kafka 4.x
/// broker, kt's Kafka names (which present 3.9) against Kafka 3.9's own
/// tools, on every `KT_DIFF_4X_EVERY`-th case (4 by default; 1 for all).
/// Every difference is fixed or a README departure, as on 3.9.
///
/// With `KT_DIFF_4X_REPORT=1` it also prints, for information, where 4.x's
/// own tools differ from kt on the same cases (what presenting 4.x needs).
#[test]
fn kts_names_present_kafka_39_on_a_kafka_4_broker() {
    let every = std::env::var("KT_DIFF_4X_EVERY")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(4);
    let sample: Vec<&Case> = CASES.iter().step_by(every).collect();
    let node = kt_testkit::kafka4();
    let summary = compare(node, Side::Apache(KAFKA_3), Side::Kt, &sample);
    assert!(
        summary.other.is_empty(),
        "{} cases differ on Kafka {}:\n{}",
        summary.other.len(),
        node.release.version,
        summary.other.join("\n")
    );
    if std::env::var_os("KT_DIFF_4X_REPORT").is_some() {
        let report = compare(node, Side::Apache(KAFKA_4), Side::Kt, &sample);
        for line in &report.other {
            eprintln!("  4.x differs: {line}");
        }
    }
}
