//! kt's native command line: `kt topics|completions|man`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::console::consume_args::ConsumeArgs;
use crate::console::produce_args::ProduceArgs;
use crate::perf::consumer_args::ConsumerPerfArgs;
use crate::perf::producer_args::ProducerPerfArgs;
use crate::topics::TopicsArgs;

#[derive(Parser, Debug)]
#[command(
    name = "kt",
    about = "One fast binary for Apache Kafka's command-line tools",
    long_about = "One fast binary for Apache Kafka's command-line tools.\n\n\
        Run as `kt <command>`, or through a link named after a Kafka tool \
        (kafka-topics, kafka-topics.sh, ...) to get that tool's flags, output and exit codes.",
    after_help = "Exit codes: 0 ok, 1 broker refused, 2 usage or config error, 3 not found, \
        4 unreachable or timed out, 5 partial failure, 6 over a limit (kt groups --max-lag), 130/143 stopped by SIGINT/SIGTERM.\n\
        Under a Kafka tool's name every failure exits 1, as Kafka's tools do.",
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create, list, describe, alter and delete topics (kafka-topics)
    #[command(
        after_help = "Examples:\n  kt topics --bootstrap-server localhost:9092 --list\n  \
            kt topics --bootstrap-server localhost:9092 --create --topic t --partitions 3 --replication-factor 1\n  \
            kt topics --bootstrap-server localhost:9092 --describe --topic 't.*' --output json\n  \
            kt topics --zookeeper localhost:2181 --delete --topic t"
    )]
    Topics(Box<TopicsArgs>),
    /// Produce records from standard input (kafka-console-producer)
    #[command(
        after_help = "Examples:\n  printf 'k1\\tv1\\n' | kt produce --bootstrap-server localhost:9092 --topic t --property parse.key=true\n  \
            kt consume --bootstrap-server a:9092 --topic t --from-beginning --exit -o json | kt produce --bootstrap-server b:9092 --topic t --input json"
    )]
    Produce(Box<ProduceArgs>),
    /// Print records from a topic (kafka-console-consumer)
    #[command(
        after_help = "Examples:\n  kt consume --bootstrap-server localhost:9092 --topic t --from-beginning --exit\n  \
            kt consume --bootstrap-server localhost:9092 --topic t --from-time -15m --until-time -5m -o json\n  \
            kt consume --bootstrap-server localhost:9092 --topic t --partition 0 --offset 42 --max-messages 1 --property print.key=true"
    )]
    Consume(Box<ConsumeArgs>),
    /// Offsets of topic-partitions at a time, or earliest/latest/records (GetOffsetShell)
    #[command(
        after_help = "Examples:\n  kt offsets --bootstrap-server localhost:9092 --topic t\n  \
            kt offsets --bootstrap-server localhost:9092 --topic t --time -1\n  \
            kt offsets --bootstrap-server localhost:9092 --topic-partitions 't.*:0-3' --time -1h -o json"
    )]
    Offsets(Box<crate::offsets::OffsetsArgs>),
    /// List, describe and delete consumer groups, reset their offsets (kafka-consumer-groups)
    #[command(
        after_help = "Examples:\n  kt groups --bootstrap-server localhost:9092 --list --state\n  \
            kt groups --bootstrap-server localhost:9092 --describe --group g -o table      (with lag in time)\n  \
            kt groups --bootstrap-server localhost:9092 --describe --all-groups --members --verbose\n  \
            kt groups --bootstrap-server localhost:9092 --reset-offsets --group g --topic t --to-datetime 2024-05-01T09:00:00.000 --execute\n  \
            kt groups --bootstrap-server localhost:9092 --reset-offsets --group g --all-topics --shift-by -100 -o json > plan.json"
    )]
    Groups(Box<crate::groups::GroupsArgs>),
    /// Delete the records of partitions before an offset or a time (kafka-delete-records)
    #[command(
        name = "delete-records",
        after_help = "Examples:\n  kt delete-records --bootstrap-server localhost:9092 --topic t --before 1000\n  \
            kt delete-records --bootstrap-server localhost:9092 --topic t --partition 0 --before -7d --yes\n  \
            kt delete-records --bootstrap-server localhost:9092 --offset-json-file offsets.json   (Kafka's file)"
    )]
    DeleteRecords(Box<crate::delete_records::DeleteRecordsArgs>),
    /// The brokers, controller and cluster id; their API versions or log directories (kafka-broker-api-versions, kafka-log-dirs)
    #[command(
        after_help = "Examples:\n  kt brokers --bootstrap-server localhost:9092 -o table\n  \
            kt brokers --bootstrap-server localhost:9092 --api-versions -o table   (and which kt commands each broker supports)\n  \
            kt brokers --bootstrap-server localhost:9092 --log-dirs --topic-list orders -o table\n  \
            kt brokers --bootstrap-server localhost:9092 --log-dirs --broker-list 1,2 -o json"
    )]
    Brokers(Box<crate::brokers::BrokersArgs>),
    /// Describe and alter configs of topics, brokers, loggers; quotas and SCRAM credentials (kafka-configs)
    #[command(
        after_help = "Examples:\n  kt configs --bootstrap-server localhost:9092 --topic t -o table          (describe is the default)\n  \
            kt configs --bootstrap-server localhost:9092 --topic t --add-config retention.ms=86400000,cleanup.policy=[compact,delete]\n  \
            kt configs --bootstrap-server localhost:9092 --broker 1 --all -o json\n  \
            kt configs --bootstrap-server localhost:9092 --client app --add-config producer_byte_rate=1048576 --yes\n  \
            kt configs --bootstrap-server localhost:9092 --user alice --add-config 'SCRAM-SHA-512=[password=s3cret]'"
    )]
    Configs(Box<crate::configs::ConfigsArgs>),
    /// Add, remove and list ACLs (kafka-acls)
    #[command(
        after_help = "Examples:\n  kt acls --bootstrap-server localhost:9092 -o table                       (--list is the default)\n  \
            kt acls --bootstrap-server localhost:9092 --add --allow-principal User:alice --operation Read --topic orders\n  \
            kt acls --bootstrap-server localhost:9092 --add --allow-principal User:app --producer --topic orders --idempotent\n  \
            kt acls --bootstrap-server localhost:9092 --remove --topic orders --yes"
    )]
    Acls(Box<crate::acls::AclsArgs>),
    /// Elect partition leaders: the preferred replica, or an unclean one (kafka-leader-election)
    #[command(
        name = "elect-leaders",
        after_help = "Examples:\n  kt elect-leaders --bootstrap-server localhost:9092 --all-topic-partitions\n  \
            kt elect-leaders --bootstrap-server localhost:9092 --topic t --partition 0 -o json\n  \
            kt elect-leaders --bootstrap-server localhost:9092 --election-type unclean --topic t --partition 2 --yes"
    )]
    ElectLeaders(Box<crate::elect::ElectArgs>),
    /// Move partitions' replicas between brokers: generate a plan, execute it with a throttle, verify, cancel, list (kafka-reassign-partitions)
    #[command(
        after_help = "Examples:\n  kt reassign --bootstrap-server localhost:9092 --list\n  \
            kt reassign --bootstrap-server localhost:9092 --generate --topics-to-move-json-file topics.json --broker-list 1,2,3\n  \
            kt reassign --bootstrap-server localhost:9092 --execute --reassignment-json-file plan.json --throttle 50000000\n  \
            kt reassign --bootstrap-server localhost:9092 --verify --reassignment-json-file plan.json -o json"
    )]
    Reassign(Box<crate::reassign::ReassignArgs>),
    /// The KRaft metadata quorum: leader, epoch, voters, observers and their lag (kafka-metadata-quorum)
    #[command(
        after_help = "Examples:\n  kt quorum --bootstrap-server localhost:9092\n  \
            kt quorum --bootstrap-server localhost:9092 --replication --human-readable\n  \
            kt quorum --bootstrap-controller localhost:9093 -o json"
    )]
    Quorum(Box<crate::quorum::QuorumArgs>),
    /// Feature flags: describe them (supported, finalized), upgrade, downgrade or disable them (kafka-features)
    #[command(
        after_help = "Examples:\n  kt features --bootstrap-server localhost:9092\n  \
            kt features upgrade --metadata 3.9 --dry-run --bootstrap-server localhost:9092\n  \
            kt features downgrade --feature kraft.version=0 --bootstrap-controller localhost:9093\n  \
            kt features disable --feature group.version --bootstrap-server localhost:9092"
    )]
    Features(Box<crate::features::FeaturesArgs>),
    /// The cluster's id, controller and brokers; unregister a broker that is gone (kafka-cluster)
    #[command(
        after_help = "Examples:\n  kt cluster --bootstrap-server localhost:9092\n  \
            kt cluster --bootstrap-controller localhost:9093 -o table\n  \
            kt cluster --bootstrap-server localhost:9092 --unregister 4"
    )]
    Cluster(Box<crate::cluster::ClusterArgs>),
    /// Transactions: list, describe, the producers a partition knows, abort, find hanging ones (kafka-transactions)
    #[command(
        after_help = "Examples:\n  kt transactions --bootstrap-server localhost:9092\n  \
            kt transactions describe --transactional-id orders-tx -b localhost:9092\n  \
            kt transactions describe-producers --topic orders --partition 0 -b localhost:9092 -o json\n  \
            kt transactions find-hanging --broker-id 1 -b localhost:9092\n  \
            kt transactions abort --topic orders --partition 0 --start-offset 42 -b localhost:9092"
    )]
    Transactions(Box<crate::transactions::TransactionsArgs>),
    /// Client-metrics subscriptions (KIP-714): list, describe, alter, delete (kafka-client-metrics)
    #[command(
        name = "client-metrics",
        after_help = "Examples:\n  kt client-metrics --bootstrap-server localhost:9092\n  \
            kt client-metrics --describe -b localhost:9092 -o json\n  \
            kt client-metrics --alter --name producers --interval 60000 --metrics org.apache.kafka.producer. --match client_software_name=kt -b localhost:9092\n  \
            kt client-metrics --delete --name producers -b localhost:9092"
    )]
    ClientMetrics(Box<crate::client_metrics::ClientMetricsArgs>),
    /// Delegation tokens: create, renew, expire, describe (kafka-delegation-tokens)
    #[command(
        name = "delegation-tokens",
        after_help = "Examples:\n  kt delegation-tokens --command-config sasl.properties -b localhost:9093\n  \
            kt delegation-tokens --create --renewer-principal User:etl -b localhost:9093 -o json\n  \
            kt delegation-tokens --renew --hmac 'Fg+pPnwq...' -b localhost:9093\n  \
            kt delegation-tokens --expire --hmac 'Fg+pPnwq...' -b localhost:9093"
    )]
    DelegationTokens(Box<crate::delegation_tokens::DelegationTokensArgs>),
    /// Reset a Kafka Streams application: input offsets, intermediate topics, internal topics (kafka-streams-application-reset)
    #[command(
        name = "streams-reset",
        after_help = "Examples:\n  kt streams-reset --application-id wordcount --input-topics text -b localhost:9092\n  \
            kt streams-reset --application-id wordcount --input-topics text --to-datetime 2024-05-01T00:00:00.000 -b localhost:9092 --execute\n  \
            kt streams-reset --application-id wordcount -b localhost:9092 -o json"
    )]
    StreamsReset(Box<crate::streams_reset::StreamsResetArgs>),
    /// A partition's files on disk, offline: log segments, indexes, snapshots, record by record (kafka-dump-log)
    #[command(
        name = "dump-log",
        after_help = "Examples:\n  kt dump-log --files /var/lib/kafka/orders-0/00000000000000000000.log\n  \
            kt dump-log --files 00000000000000000000.log --print-data-log\n  \
            kt dump-log --files 00000000000000000000.index,00000000000000000000.timeindex --verify-index-only"
    )]
    DumpLog(Box<crate::dump_log::DumpLogArgs>),
    /// Produce increasing integers and print each acknowledgement as a JSON event line (kafka-verifiable-producer)
    #[command(
        name = "verifiable-producer",
        after_help = "Examples:\n  kt verifiable-producer -b localhost:9092 -t orders --max-messages 1000\n  \
            kt verifiable-producer -b localhost:9092 -t orders --throughput 100 --repeating-keys 10 --acks 1"
    )]
    VerifiableProducer(Box<crate::verifiable::producer::VerifiableProducerArgs>),
    /// Consume a topic in a group and print each poll, rebalance and commit as a JSON event line (kafka-verifiable-consumer)
    #[command(
        name = "verifiable-consumer",
        after_help = "Examples:\n  kt verifiable-consumer -b localhost:9092 -t orders -g checkers --max-messages 1000\n  \
            kt verifiable-consumer -b localhost:9092 -t orders -g checkers --records --enable-autocommit"
    )]
    VerifiableConsumer(Box<crate::verifiable::consumer::VerifiableConsumerArgs>),
    /// Check that every replica of the topics holds the same records, batch by batch (kafka-replica-verification)
    #[command(
        name = "verify-replicas",
        after_help = "Examples:\n  kt verify-replicas -b localhost:9092                        (every topic, from the start, then a summary)\n  \
            kt verify-replicas -b localhost:9092 --topic 'orders.*' -o json\n  \
            kt verify-replicas -b localhost:9092 --topic orders --time -1 --watch   (new records, until stopped)"
    )]
    VerifyReplicas(Box<crate::replica_verification::ReplicaVerificationArgs>),
    /// Why a client can or cannot work with a cluster: DNS, TCP, TLS, SASL, metadata, every advertised broker
    #[command(
        after_help = "Examples:\n  kt doctor --bootstrap-server kafka-1:9093 --command-config client.properties\n  \
            kt doctor --cluster prod -o json\n\n\
            Each step prints one line with its time; the first failure ends the walk with one line \
            that says what to change (exit 2 for a setting, 4 for a broker this machine cannot reach)."
    )]
    Doctor(Box<crate::doctor::DoctorArgs>),
    /// Benchmark producing and consuming (kafka-producer-perf-test, kafka-consumer-perf-test)
    #[command(subcommand)]
    Perf(PerfCommand),
    /// Show the cluster profile and client settings a command would use
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Link every Kafka tool name (with and without .sh) to this kt in DIR
    #[command(after_help = "Examples:\n  kt install-aliases ~/.local/bin\n  \
            kt install-aliases --list\n  \
            kt install-aliases /opt/kafka/bin --force      (replace Kafka's own scripts)")]
    InstallAliases(crate::aliases::AliasArgs),
    /// Topic names of the configured cluster, one per line, for shell completion
    #[command(name = "__complete-topics", hide = true)]
    CompleteTopics(Box<crate::profiles::CompleteArgs>),
    /// Print a shell completion script (or write all of them with --dir)
    Completions {
        /// The shell to print the script for
        #[arg(value_enum, required_unless_present = "dir")]
        shell: Option<clap_complete::Shell>,
        /// Write every shell's script into this directory instead
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Print kt's man page (or write all of them with --dir)
    Man {
        /// Write kt.1 and one page per subcommand into this directory
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Print the resolved cluster and client settings, secrets redacted
    #[command(
        long_about = "Print the resolved cluster and client settings, secrets redacted.\n\n\
            kt reads cluster profiles from $KT_CONFIG, else <config dir>/kt/config.toml \
            (~/.config/kt/config.toml on Linux). The cluster is --cluster NAME, else $KT_CLUSTER, \
            else the file's `default` (kt's own commands only, and only when no \
            --bootstrap-server/--zookeeper is given). Flags beat the profile's values.",
        after_help = "Config file:\n  default = \"local\"\n\n  [clusters.local]\n  bootstrap-servers = \"127.0.0.1:9092\"\n\n  \
            [clusters.prod]\n  bootstrap-servers = [\"b1:9093\", \"b2:9093\"]    # or zookeeper = \"z1:2181/kafka\"\n  \
            secret = [\"sasl.username\"]                      # also shown redacted\n  \
            [clusters.prod.properties]\n  security.protocol = \"SASL_SSL\"\n  sasl.mechanism = \"SCRAM-SHA-512\"\n  \
            sasl.username = \"kt\"\n  sasl.password = { env = \"PROD_KAFKA_PASSWORD\" }   # or { file = \"~/.kafka-pass\" }\n\n\
            Examples:\n  kt config show\n  KT_CLUSTER=prod kt config show -o json"
    )]
    Show(Box<crate::profiles::ShowArgs>),
}

#[derive(Subcommand, Debug)]
pub enum PerfCommand {
    /// Produce records as fast as allowed and report throughput and latency
    #[command(
        after_help = "Examples:\n  kt perf producer --bootstrap-server localhost:9092 --topic t --num-records 500000 --record-size 200 --acks -1\n  \
            kt perf producer --bootstrap-server mock --topic t --num-records 1000000 --record-size 100 --throughput 50000 -o json"
    )]
    Producer(Box<ProducerPerfArgs>),
    /// Consume records as fast as possible and report throughput
    #[command(
        after_help = "Examples:\n  kt perf consumer --bootstrap-server localhost:9092 --topic t --messages 500000\n  \
            kt perf consumer --bootstrap-server mock --topic t --messages 1000000 -o json"
    )]
    Consumer(Box<ConsumerPerfArgs>),
    /// Produce one record at a time, read each back, report the round trip (kafka-e2e-latency)
    #[command(
        after_help = "Examples:\n  kt perf e2e --bootstrap-server localhost:9092 --topic e2e --num-records 1000 --acks all\n  \
            kt perf e2e localhost:9092 e2e 1000 all 100      (Kafka's positional form)"
    )]
    E2e(Box<crate::perf::e2e::E2eArgs>),
}

/// `kt --version`: kt's version and the librdkafka it was built with.
pub fn version() -> String {
    let (_, librdkafka) = rdkafka::util::get_rdkafka_version();
    format!("{} (librdkafka {librdkafka})", env!("CARGO_PKG_VERSION"))
}

/// The full clap command, with the runtime version string.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let cmd = short_forms(Cli::command().version(version()));
    // argparse4j takes any unambiguous prefix (`--num-rec`), and so does
    // kafka-producer-perf-test's native form.
    cmd.mut_subcommand("perf", |perf| {
        perf.mut_subcommand("producer", |p| p.infer_long_args(true))
    })
}

/// kcat's `-b BROKERS`, `-t TOPIC` and `-f FORMAT` on kt's own commands (not
/// under the Kafka names, whose flags are Kafka's), wherever the letter is free.
fn short_forms(mut cmd: clap::Command) -> clap::Command {
    for (id, letter) in [("bootstrap_server", 'b'), ("topic", 't'), ("format", 'f')] {
        let has = cmd.get_arguments().any(|a| a.get_id() == id);
        let taken = cmd.get_arguments().any(|a| a.get_short() == Some(letter));
        if has && !taken {
            cmd = cmd.mut_arg(id, |a| a.short(letter));
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, short_forms);
    }
    cmd
}

#[cfg(test)]
mod tests {
    #[test]
    fn command_definition_is_consistent() {
        super::command().debug_assert();
    }
}
