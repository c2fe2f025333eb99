# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_kt_global_optspecs
    string join \n h/help V/version
end

function __fish_kt_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_kt_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_kt_using_subcommand
    set -l cmd (__fish_kt_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c kt -n "__fish_kt_needs_command" -s h -l help -d 'Print help'
complete -c kt -n "__fish_kt_needs_command" -s V -l version -d 'Print version'
complete -c kt -n "__fish_kt_needs_command" -f -a "topics" -d 'Create, list, describe, alter and delete topics (kafka-topics)'
complete -c kt -n "__fish_kt_needs_command" -f -a "produce" -d 'Produce records from standard input (kafka-console-producer)'
complete -c kt -n "__fish_kt_needs_command" -f -a "consume" -d 'Print records from a topic (kafka-console-consumer)'
complete -c kt -n "__fish_kt_needs_command" -f -a "offsets" -d 'Offsets of topic-partitions at a time, or earliest/latest/records (GetOffsetShell)'
complete -c kt -n "__fish_kt_needs_command" -f -a "groups" -d 'List, describe and delete consumer groups, reset their offsets (kafka-consumer-groups)'
complete -c kt -n "__fish_kt_needs_command" -f -a "delete-records" -d 'Delete the records of partitions before an offset or a time (kafka-delete-records)'
complete -c kt -n "__fish_kt_needs_command" -f -a "brokers" -d 'The brokers, controller and cluster id; their API versions or log directories (kafka-broker-api-versions, kafka-log-dirs)'
complete -c kt -n "__fish_kt_needs_command" -f -a "configs" -d 'Describe and alter configs of topics, brokers, loggers; quotas and SCRAM credentials (kafka-configs)'
complete -c kt -n "__fish_kt_needs_command" -f -a "acls" -d 'Add, remove and list ACLs (kafka-acls)'
complete -c kt -n "__fish_kt_needs_command" -f -a "elect-leaders" -d 'Elect partition leaders: the preferred replica, or an unclean one (kafka-leader-election)'
complete -c kt -n "__fish_kt_needs_command" -f -a "reassign" -d 'Move partitions\' replicas between brokers: generate a plan, execute it with a throttle, verify, cancel, list (kafka-reassign-partitions)'
complete -c kt -n "__fish_kt_needs_command" -f -a "quorum" -d 'The KRaft metadata quorum: leader, epoch, voters, observers and their lag (kafka-metadata-quorum)'
complete -c kt -n "__fish_kt_needs_command" -f -a "features" -d 'Feature flags: describe them (supported, finalized), upgrade, downgrade or disable them (kafka-features)'
complete -c kt -n "__fish_kt_needs_command" -f -a "cluster" -d 'The cluster\'s id, controller and brokers; unregister a broker that is gone (kafka-cluster)'
complete -c kt -n "__fish_kt_needs_command" -f -a "transactions" -d 'Transactions: list, describe, the producers a partition knows, abort, find hanging ones (kafka-transactions)'
complete -c kt -n "__fish_kt_needs_command" -f -a "client-metrics" -d 'Client-metrics subscriptions (KIP-714): list, describe, alter, delete (kafka-client-metrics)'
complete -c kt -n "__fish_kt_needs_command" -f -a "delegation-tokens" -d 'Delegation tokens: create, renew, expire, describe (kafka-delegation-tokens)'
complete -c kt -n "__fish_kt_needs_command" -f -a "streams-reset" -d 'Reset a Kafka Streams application: input offsets, intermediate topics, internal topics (kafka-streams-application-reset)'
complete -c kt -n "__fish_kt_needs_command" -f -a "dump-log" -d 'A partition\'s files on disk, offline: log segments, indexes, snapshots, record by record (kafka-dump-log)'
complete -c kt -n "__fish_kt_needs_command" -f -a "verifiable-producer" -d 'Produce increasing integers and print each acknowledgement as a JSON event line (kafka-verifiable-producer)'
complete -c kt -n "__fish_kt_needs_command" -f -a "verifiable-consumer" -d 'Consume a topic in a group and print each poll, rebalance and commit as a JSON event line (kafka-verifiable-consumer)'
complete -c kt -n "__fish_kt_needs_command" -f -a "verify-replicas" -d 'Check that every replica of the topics holds the same records, batch by batch (kafka-replica-verification)'
complete -c kt -n "__fish_kt_needs_command" -f -a "doctor" -d 'Why a client can or cannot work with a cluster: DNS, TCP, TLS, SASL, metadata, every advertised broker'
complete -c kt -n "__fish_kt_needs_command" -f -a "config" -d 'Show the cluster profile and client settings a command would use'
complete -c kt -n "__fish_kt_needs_command" -f -a "install-aliases" -d 'Link every Kafka tool name (with and without .sh) to this kt in DIR'
complete -c kt -n "__fish_kt_needs_command" -f -a "completions" -d 'Print a shell completion script (or write all of them with --dir)'
complete -c kt -n "__fish_kt_needs_command" -f -a "man" -d 'Print kt\'s man page (or write all of them with --dir)'
complete -c kt -n "__fish_kt_needs_command" -f -a "perf" -d 'Benchmark producing and consuming (kafka-producer-perf-test, kafka-consumer-perf-test)'
complete -c kt -n "__fish_kt_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kt -n "__fish_kt_using_subcommand topics" -l topic-id -d 'The topic-id to describe' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l partitions -d 'Number of partitions for the topic being created or altered (default: the broker\'s)' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l replication-factor -d 'Replication factor for each partition of the topic being created (default: the broker\'s)' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l replica-assignment -d 'Manual partition-to-broker assignment: b1:b2,b3:b4 (one group per partition)' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l config -d 'A topic config override (repeatable), with --create or --alter' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l delete-config -d 'A topic config override to remove (repeatable), with --alter' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l partition-size-limit-per-response -d 'Accepted for Kafka compatibility; librdkafka pages partitions itself' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand topics" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l timeout-ms -d 'How long to wait for the cluster, in milliseconds [default: 10000]' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand topics" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -s t -l topic -d 'The topic to create, alter, describe or delete; a regular expression except with --create' -r
complete -c kt -n "__fish_kt_using_subcommand topics" -l list -d 'List all available topics'
complete -c kt -n "__fish_kt_using_subcommand topics" -l create -d 'Create a new topic'
complete -c kt -n "__fish_kt_using_subcommand topics" -l describe -d 'List details for the given topics'
complete -c kt -n "__fish_kt_using_subcommand topics" -l alter -d 'Alter the number of partitions, replica assignment or configs'
complete -c kt -n "__fish_kt_using_subcommand topics" -l delete -d 'Delete a topic'
complete -c kt -n "__fish_kt_using_subcommand topics" -l if-exists -d 'With --alter, --delete or --describe: do nothing if the topic does not exist'
complete -c kt -n "__fish_kt_using_subcommand topics" -l if-not-exists -d 'With --create: do nothing if the topic already exists'
complete -c kt -n "__fish_kt_using_subcommand topics" -l exclude-internal -d 'Exclude internal topics when listing or describing'
complete -c kt -n "__fish_kt_using_subcommand topics" -l under-replicated-partitions -d 'With --describe: only show under-replicated partitions'
complete -c kt -n "__fish_kt_using_subcommand topics" -l under-min-isr-partitions -d 'With --describe: only show partitions whose ISR is smaller than min.insync.replicas'
complete -c kt -n "__fish_kt_using_subcommand topics" -l at-min-isr-partitions -d 'With --describe: only show partitions whose ISR equals min.insync.replicas'
complete -c kt -n "__fish_kt_using_subcommand topics" -l unavailable-partitions -d 'With --describe: only show partitions whose leader is not available'
complete -c kt -n "__fish_kt_using_subcommand topics" -l topics-with-overrides -d 'With --describe: only show topics that have overridden configs'
complete -c kt -n "__fish_kt_using_subcommand topics" -l disable-rack-aware -d 'Accepted and ignored, as in Kafka 3.x'
complete -c kt -n "__fish_kt_using_subcommand topics" -l force -d 'Accepted and ignored, as in Kafka 2.x'
complete -c kt -n "__fish_kt_using_subcommand topics" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand topics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand produce" -l compression-codec -d 'Compression codec: none, gzip, snappy, lz4 or zstd (alone: gzip)' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l batch-size -d 'Batch size in bytes (batch.size) [default: 16384]' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l max-partition-memory-bytes -d 'Batch size in bytes; beats --batch-size (deprecated in Kafka 4.2)' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l message-send-max-retries -d 'Retries (retries) [default: 3]' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l retry-backoff-ms -d 'Backoff before a retry (retry.backoff.ms) [default: 100]' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l timeout -d 'Linger before sending a batch (linger.ms) [default: 1000]' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l request-required-acks -d 'Acks the leader waits for: -1/all, 0 or 1 (acks) [default: -1]' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l request-timeout-ms -d 'Broker ack timeout (request.timeout.ms) [default: 1500]' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l metadata-expiry-ms -d 'Metadata refresh interval (metadata.max.age.ms) [default: 300000]' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l max-block-ms -d 'How long a send may wait for buffer space (max.block.ms) [default: 60000]' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l max-memory-bytes -d 'Producer buffer size (buffer.memory) [default: 33554432]' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l socket-buffer-size -d 'TCP send buffer (send.buffer.bytes) [default: 102400]' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l line-reader -d 'Reader class; only Kafka\'s LineMessageReader is built in' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l property -l reader-property -d 'Reader property (repeatable): parse.key, key.separator, parse.headers, ...' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l reader-config -d 'Reader properties file; --property wins' -r -F
complete -c kt -n "__fish_kt_using_subcommand produce" -l producer-property -d 'Producer property in Java form (repeatable)' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l producer.config -d 'Producer properties file' -r -F
complete -c kt -n "__fish_kt_using_subcommand produce" -l input -d 'Input format (kt only)' -r -f -a "text\t'Lines, parsed as Kafka\'s LineMessageReader does'
json\t'One JSON envelope per line, as `kt consume --output json` writes'"
complete -c kt -n "__fish_kt_using_subcommand produce" -l partition -d 'Send every record to this partition (kt only)' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand produce" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -s t -l topic -d 'REQUIRED: the topic to produce to' -r
complete -c kt -n "__fish_kt_using_subcommand produce" -l sync -d 'Send each record synchronously and stop at the first failure'
complete -c kt -n "__fish_kt_using_subcommand produce" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand produce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand consume" -l include -d 'Regular expression of topics to consume (full match)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l whitelist -d 'Old name of --include (ignored when --include is given)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l partition -d 'The partition to consume from (assigned, not subscribed)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l offset -d 'Where to start with --partition: earliest, latest or an offset [default: latest]' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l group -d 'Consumer group id (commits offsets)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l max-messages -d 'Stop after this many records' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l timeout-ms -d 'Stop when no record arrives for this long' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l isolation-level -d 'read_committed or read_uncommitted [default: read_uncommitted]' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l consumer-property -d 'Consumer property in Java form (repeatable)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l consumer.config -d 'Consumer properties file' -r -F
complete -c kt -n "__fish_kt_using_subcommand consume" -l formatter -d 'Formatter class; Kafka\'s DefaultMessageFormatter and the NoOp/Logging ones are built in' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l property -l formatter-property -d 'Formatter property (repeatable): print.key, print.timestamp, key.separator, ...' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l formatter-config -d 'Formatter properties file; --property wins' -r -F
complete -c kt -n "__fish_kt_using_subcommand consume" -l key-deserializer -d 'Key deserializer class (becomes the key.deserializer formatter property)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l value-deserializer -d 'Value deserializer class (becomes the value.deserializer formatter property)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -s o -l output -d 'Output format (kt only)' -r -f -a "text\t'Kafka\'s DefaultMessageFormatter'
json\t'One JSON envelope per record (what `kt produce --input json` reads)'"
complete -c kt -n "__fish_kt_using_subcommand consume" -l from-time -d 'Start at this time: epoch ms, RFC 3339, or relative like -15m (kt only)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l until-time -d 'Stop each partition at its first record after this time (kt only)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l tail -d 'Start at the last N records of each partition (kcat\'s -o -N; with --exit, print them and stop)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand consume" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -s t -l topic -d 'The topic to consume' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -s f -l format -d 'Print each record with kcat\'s tokens: %t %p %o %T %k %K %s (or %v) %S %R %h, \\n \\t \\xHH; %k and %v take {hex}, {base64} or {json} (kt only)' -r
complete -c kt -n "__fish_kt_using_subcommand consume" -l from-beginning -d 'Start from the earliest record rather than the latest'
complete -c kt -n "__fish_kt_using_subcommand consume" -l skip-message-on-error -d 'Skip records the formatter cannot print instead of stopping'
complete -c kt -n "__fish_kt_using_subcommand consume" -l enable-systest-events -d 'Print shutdown_complete on stdout at exit, as Kafka\'s system tests expect'
complete -c kt -n "__fish_kt_using_subcommand consume" -l exit -d 'Stop when every partition reaches the end it had at start (kt only)'
complete -c kt -n "__fish_kt_using_subcommand consume" -l wait-for-topic -d 'Wait for a topic that does not exist yet instead of failing (kt only)'
complete -c kt -n "__fish_kt_using_subcommand consume" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand consume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand offsets" -l partitions -d 'Comma-separated partition ids [default: all]' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -l topic-partitions -d 'Rules: topic-regex[:partition], :p, t:a-b, t:a-, t:-b (comma-separated)' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -l time -d 'latest/-1, earliest/-2, max-timestamp/-3, earliest-local/-4, latest-tiered/-5, or a ms timestamp (kt: also RFC 3339 or -1h)' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -l offsets -d 'Accepted and ignored, as in Kafka 2.x' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -l max-wait-ms -d 'Accepted and ignored, as in Kafka 2.x' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand offsets" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand offsets" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -s t -l topic -d 'Topics to get offsets for: a regular expression (full match) [default: all]' -r
complete -c kt -n "__fish_kt_using_subcommand offsets" -l exclude-internal-topics -d 'Leave out internal topics'
complete -c kt -n "__fish_kt_using_subcommand offsets" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand offsets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand groups" -l group -d 'The consumer group to act on (repeatable)' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l timeout -d 'Request timeout in ms' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l to-offset -d 'Reset to this offset' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l from-file -d 'Reset to the offsets of a CSV file (topic,partition,offset or group,topic,partition,offset)' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l to-datetime -d 'Reset to the first offset at or after a time: YYYY-MM-DDTHH:mm:SS.sss[zone]' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l by-duration -d 'Reset to the first offset at or after now minus a duration: PnDTnHnMnS' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l shift-by -d 'Reset to the committed offset plus N (N may be negative)' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l state -d 'With --describe: the group\'s state; with --list: the states to list (comma-separated)' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l type -d 'With --list: the group types to list (classic, consumer; comma-separated)' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l watch -d 'kt: redraw the description every INTERVAL on a terminal, one JSON line per INTERVAL otherwise' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l max-lag -d 'kt: exit 6, naming them, when any partition lags by more than N records' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l max-lag-time -d 'kt: exit 6, naming them, when any partition\'s oldest unconsumed record is older than this (30s, 5m, 1h)' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand groups" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand groups" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -s t -l topic -d 'A topic (T, or T:0,1,2 for some partitions) to reset or delete offsets of (repeatable)' -r
complete -c kt -n "__fish_kt_using_subcommand groups" -l list -d 'List all consumer groups'
complete -c kt -n "__fish_kt_using_subcommand groups" -l describe -d 'Describe consumer groups and their offset lag'
complete -c kt -n "__fish_kt_using_subcommand groups" -l delete -d 'Delete consumer groups (--group, repeatable, or --all-groups)'
complete -c kt -n "__fish_kt_using_subcommand groups" -l reset-offsets -d 'Reset a group\'s offsets: plan (--dry-run, the default) or --execute'
complete -c kt -n "__fish_kt_using_subcommand groups" -l delete-offsets -d 'Delete a group\'s committed offsets of --topic T[:P,...]'
complete -c kt -n "__fish_kt_using_subcommand groups" -l all-groups -d 'Apply to all consumer groups'
complete -c kt -n "__fish_kt_using_subcommand groups" -l all-topics -d 'With --reset-offsets: every topic the group has committed offsets for'
complete -c kt -n "__fish_kt_using_subcommand groups" -l dry-run -d 'With --reset-offsets: only show the plan (the default)'
complete -c kt -n "__fish_kt_using_subcommand groups" -l execute -d 'With --reset-offsets: commit the plan'
complete -c kt -n "__fish_kt_using_subcommand groups" -l export -d 'With --reset-offsets: print the plan as CSV (what --from-file reads)'
complete -c kt -n "__fish_kt_using_subcommand groups" -l to-earliest -d 'Reset to the earliest offset'
complete -c kt -n "__fish_kt_using_subcommand groups" -l to-latest -d 'Reset to the latest offset'
complete -c kt -n "__fish_kt_using_subcommand groups" -l to-current -d 'Reset to the committed offset (the log end where there is none)'
complete -c kt -n "__fish_kt_using_subcommand groups" -l members -d 'With --describe: the members of the group'
complete -c kt -n "__fish_kt_using_subcommand groups" -l offsets -d 'With --describe: the partitions and lag of the group (the default)'
complete -c kt -n "__fish_kt_using_subcommand groups" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand groups" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand delete-records" -l offset-json-file -d 'The JSON file with offset per partition: {"partitions": [{"topic": "foo", "partition": 1, "offset": 1}], "version": 1}' -r
complete -c kt -n "__fish_kt_using_subcommand delete-records" -l partition -d 'kt: only this partition of --topic (repeatable) [default: all]' -r
complete -c kt -n "__fish_kt_using_subcommand delete-records" -l before -d 'kt: delete the records before this offset, or before this time (RFC 3339, epoch ms, -1h); `end` deletes all' -r
complete -c kt -n "__fish_kt_using_subcommand delete-records" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand delete-records" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand delete-records" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand delete-records" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand delete-records" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand delete-records" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand delete-records" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand delete-records" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand delete-records" -s t -l topic -d 'kt: the topic to delete records of (instead of --offset-json-file)' -r
complete -c kt -n "__fish_kt_using_subcommand delete-records" -s y -l yes -d 'kt: do not ask on a terminal'
complete -c kt -n "__fish_kt_using_subcommand delete-records" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand delete-records" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand brokers" -l topic-list -d 'The list of topics to be queried in the form "topic1,topic2,topic3". All topics will be queried if no topic list is specified' -r
complete -c kt -n "__fish_kt_using_subcommand brokers" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand brokers" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand brokers" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand brokers" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand brokers" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand brokers" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand brokers" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand brokers" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand brokers" -l describe -d 'Describe the specified log directories on the specified brokers'
complete -c kt -n "__fish_kt_using_subcommand brokers" -l api-versions -d 'kt: every API each broker serves, its versions, and the kt commands it supports'
complete -c kt -n "__fish_kt_using_subcommand brokers" -l log-dirs -d 'kt: each broker\'s log directories, with sizes per topic (--broker-list IDS, --topic-list T1,T2)'
complete -c kt -n "__fish_kt_using_subcommand brokers" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand brokers" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand configs" -l entity-type -d 'Type of entity (topics/clients/users/brokers/broker-loggers/ips/client-metrics)' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l entity-name -d 'Name of entity (topic name/client id/user principal name/broker id/ip/client metrics)' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l add-config -d 'Key Value pairs of configs to add. Square brackets can be used to group values which contain commas: \'k1=v1,k2=[v1,v2,v2],k3=v3\'' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l add-config-file -d 'Path to a properties file with configs to add. See add-config for a list of valid configurations' -r -F
complete -c kt -n "__fish_kt_using_subcommand configs" -l delete-config -d 'config keys to remove \'k1,k2\'' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l client -d 'The client\'s ID' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l user -d 'The user\'s principal name' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l broker -d 'The broker\'s ID' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l broker-logger -d 'The broker\'s ID for its logger config' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l ip -d 'The IP address' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l bootstrap-controller -d 'The Kafka controllers to connect to (kt: not supported, give --bootstrap-server)' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l zk-tls-config-file -d 'Identifies the file where ZooKeeper client TLS connectivity properties are defined' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand configs" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand configs" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -s t -l topic -d 'The topic\'s name' -r
complete -c kt -n "__fish_kt_using_subcommand configs" -l alter -d 'Alter the configuration for the entity'
complete -c kt -n "__fish_kt_using_subcommand configs" -l describe -d 'List configs for the given entity'
complete -c kt -n "__fish_kt_using_subcommand configs" -l all -d 'List all configs for the given topic, broker, or broker-logger entity (includes static configuration when the entity type is brokers)'
complete -c kt -n "__fish_kt_using_subcommand configs" -l entity-default -d 'Default entity name for clients/users/brokers/ips (applies to corresponding entity type in command line)'
complete -c kt -n "__fish_kt_using_subcommand configs" -l force -d 'Suppress console prompts'
complete -c kt -n "__fish_kt_using_subcommand configs" -l client-defaults -d 'The config defaults for all clients'
complete -c kt -n "__fish_kt_using_subcommand configs" -l user-defaults -d 'The config defaults for all users'
complete -c kt -n "__fish_kt_using_subcommand configs" -l broker-defaults -d 'The config defaults for all brokers'
complete -c kt -n "__fish_kt_using_subcommand configs" -l ip-defaults -d 'The config defaults for all IPs'
complete -c kt -n "__fish_kt_using_subcommand configs" -s y -l yes -d 'kt: do not ask before altering on a terminal'
complete -c kt -n "__fish_kt_using_subcommand configs" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand configs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand acls" -l group -d 'Consumer Group to which the ACLs should be added or removed. A value of \'*\' indicates the ACLs should apply to all groups' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l transactional-id -d 'The transactionalId to which ACLs should be added or removed. A value of \'*\' indicates the ACLs should apply to all transactionalIds' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l delegation-token -d 'Delegation token to which ACLs should be added or removed. A value of \'*\' indicates ACL should apply to all tokens' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l user-principal -d 'Specifies a user principal as a resource in relation with the operation' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l resource-pattern-type -d 'The type of the resource pattern or pattern filter: literal, prefixed; for --list and --remove also any or match [default: literal]' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l operation -d 'Operation that is being allowed or denied (Read, Write, Create, Delete, Alter, Describe, ClusterAction, DescribeConfigs, AlterConfigs, IdempotentWrite, CreateTokens, DescribeTokens, All) [default: All]' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l allow-principal -d 'principal is in principalType:name format. For example, User:\'*\' is the wild card indicating all users' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l deny-principal -d 'principal is in principalType:name format. DENY RULES TAKE PRECEDENCE OVER ALLOW RULES' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l principal -d 'List ACLs for the specified principal (repeatable)' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l allow-host -d 'Host from which principals listed in --allow-principal will have access [default: *]' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l deny-host -d 'Host from which principals listed in --deny-principal will be denied access [default: *]' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l authorizer -d 'DEPRECATED (kt: not supported): the authorizer\'s class' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l authorizer-properties -d 'DEPRECATED (kt: not supported): the authorizer\'s properties' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l zk-tls-config-file -d 'DEPRECATED (kt: not supported): ZooKeeper TLS properties for the authorizer' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand acls" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand acls" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -s t -l topic -d 'topic to which ACLs should be added or removed. A value of \'*\' indicates ACL should apply to all topics' -r
complete -c kt -n "__fish_kt_using_subcommand acls" -l add -d 'Indicates you are trying to add ACLs'
complete -c kt -n "__fish_kt_using_subcommand acls" -l remove -d 'Indicates you are trying to remove ACLs'
complete -c kt -n "__fish_kt_using_subcommand acls" -l list -d 'List ACLs for the specified resource, use --topic <topic> or --group <group> or --cluster to specify a resource'
complete -c kt -n "__fish_kt_using_subcommand acls" -l idempotent -d 'Enable idempotence for the producer. This should be used in combination with the --producer option'
complete -c kt -n "__fish_kt_using_subcommand acls" -l producer -d 'Convenience option to add/remove ACLs for producer role: WRITE, DESCRIBE and CREATE on topic'
complete -c kt -n "__fish_kt_using_subcommand acls" -l consumer -d 'Convenience option to add/remove ACLs for consumer role: READ, DESCRIBE on topic and READ on group'
complete -c kt -n "__fish_kt_using_subcommand acls" -s y -l force -l yes -d 'Assume Yes to all queries and do not prompt'
complete -c kt -n "__fish_kt_using_subcommand acls" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand acls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -l admin.config -d 'Configuration properties files to pass to the admin client' -r -F
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -l election-type -d 'Type of election to attempt: preferred (when the leader is not the preferred replica) or unclean (when the partition has no leader) [kt\'s default: preferred]' -r
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -l partition -d 'Partition id for which to perform an election. REQUIRED if --topic is specified (under kt\'s name: all of the topic\'s partitions when absent)' -r
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -l path-to-json-file -d 'The JSON file with the list of partitions for which leader elections should be performed: {"partitions": [{"topic": "foo", "partition": 1}]}' -r -F
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -s t -l topic -d 'Name of topic for which to perform an election. Not allowed if --path-to-json-file or --all-topic-partitions is specified' -r
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -l all-topic-partitions -d 'Perform election on all of the eligible topic partitions based on the type of election (see the --election-type flag). Not allowed if --topic or --path-to-json-file is specified'
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -s y -l yes -d 'kt: do not ask before an unclean election on a terminal'
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand elect-leaders" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand reassign" -l reassignment-json-file -d 'The JSON file with the partition reassignment configuration: {"partitions": [{"topic": "foo", "partition": 1, "replicas": [1,2,3]}], "version": 1}' -r -F
complete -c kt -n "__fish_kt_using_subcommand reassign" -l replica-alter-log-dirs-throttle -d 'The movement of replicas between log directories on the same broker will be throttled to this value (bytes/sec). (default: -1)' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -l throttle -d 'The movement of partitions between brokers will be throttled to this value (bytes/sec); with --execute, or again with --additional to change it. (default: -1)' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -l timeout -d 'The maximum time in ms to wait for log directory replica assignment to begin. (default: 10000)' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -l topics-to-move-json-file -d 'The topics whose partitions --generate moves to the brokers of --broker-list: {"topics": [{"topic": "foo"},{"topic": "foo1"}], "version": 1}' -r -F
complete -c kt -n "__fish_kt_using_subcommand reassign" -l drain-broker -d 'kt: plan moving every replica off this broker (with --execute, start it)' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -l add-brokers -d 'kt: plan evening out replicas and leaders onto these new brokers (4,5)' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -l replication-factor -d 'kt: plan changing --topic\'s replication factor to N' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand reassign" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand reassign" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -s t -l topic -d 'kt: the topic of --replication-factor; with --drain-broker or --add-brokers, only its partitions move' -r
complete -c kt -n "__fish_kt_using_subcommand reassign" -l additional -d 'Execute this reassignment in addition to any other ongoing ones. This option can also be used to change the throttle of an ongoing reassignment'
complete -c kt -n "__fish_kt_using_subcommand reassign" -l cancel -d 'Cancel an active reassignment'
complete -c kt -n "__fish_kt_using_subcommand reassign" -l disable-rack-aware -d 'Disable rack aware replica assignment'
complete -c kt -n "__fish_kt_using_subcommand reassign" -l execute -d 'Kick off the reassignment as specified by the --reassignment-json-file option'
complete -c kt -n "__fish_kt_using_subcommand reassign" -l generate -d 'Generate a candidate partition reassignment configuration (with --topics-to-move-json-file and --broker-list "0,1,2"). It does not execute it'
complete -c kt -n "__fish_kt_using_subcommand reassign" -l list -d 'List all active partition reassignments'
complete -c kt -n "__fish_kt_using_subcommand reassign" -l preserve-throttles -d 'Do not modify broker or topic throttles'
complete -c kt -n "__fish_kt_using_subcommand reassign" -l verify -d 'Verify if the reassignment completed as specified by the --reassignment-json-file option; once it has, remove the throttles'
complete -c kt -n "__fish_kt_using_subcommand reassign" -l watch -d 'kt: follow the reassignment in bytes until done (ETA), then remove the throttles'
complete -c kt -n "__fish_kt_using_subcommand reassign" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand reassign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand quorum" -l bootstrap-controller -d 'Ask the controllers at these addresses instead of a broker' -r
complete -c kt -n "__fish_kt_using_subcommand quorum" -l add-controller -d 'Make the controller configured by FILE (its server.properties) a voter of a dynamic quorum (KIP-853)' -r -F
complete -c kt -n "__fish_kt_using_subcommand quorum" -l remove-controller -d 'Remove voter ID (with --controller-directory-id) from a dynamic quorum' -r
complete -c kt -n "__fish_kt_using_subcommand quorum" -l controller-directory-id -d 'The metadata log directory id of the controller --remove-controller removes' -r
complete -c kt -n "__fish_kt_using_subcommand quorum" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand quorum" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand quorum" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand quorum" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand quorum" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand quorum" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand quorum" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand quorum" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand quorum" -l status -d 'The summary: leader, epoch, high watermark, the followers\' lag, voters and observers (the default)'
complete -c kt -n "__fish_kt_using_subcommand quorum" -l replication -d 'One row per replica of the metadata log: its end offset, lag and last fetch'
complete -c kt -n "__fish_kt_using_subcommand quorum" -l human-readable -d 'With --replication: times as "N ms ago"'
complete -c kt -n "__fish_kt_using_subcommand quorum" -l dry-run -d 'With --add-controller or --remove-controller: check and print, change nothing'
complete -c kt -n "__fish_kt_using_subcommand quorum" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand quorum" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand features" -l feature -d 'A feature and its level, NAME=LEVEL (just NAME to disable); repeatable' -r
complete -c kt -n "__fish_kt_using_subcommand features" -l metadata -d 'The metadata.version to upgrade or downgrade to, e.g. 3.9-IV0 or 3.9' -r
complete -c kt -n "__fish_kt_using_subcommand features" -l bootstrap-controller -d 'Ask the controllers at these addresses instead of a broker' -r
complete -c kt -n "__fish_kt_using_subcommand features" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand features" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand features" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand features" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand features" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand features" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand features" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand features" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand features" -l unsafe -d 'Allow a downgrade that may lose metadata'
complete -c kt -n "__fish_kt_using_subcommand features" -l dry-run -d 'Only check that the change would be accepted'
complete -c kt -n "__fish_kt_using_subcommand features" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand features" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand cluster" -l unregister -d 'Unregister this broker (one that is gone for good)' -r
complete -c kt -n "__fish_kt_using_subcommand cluster" -l bootstrap-controller -d 'Ask the controllers at these addresses instead of a broker' -r
complete -c kt -n "__fish_kt_using_subcommand cluster" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand cluster" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand cluster" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand cluster" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand cluster" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand cluster" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand cluster" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand cluster" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand cluster" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand cluster" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand transactions" -l transactional-id -d 'The transactional id to describe' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -l partition -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -l broker-id -d 'The replica to ask (describe-producers), or whose partitions to search (find-hanging)' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -l start-offset -d 'abort: the offset the open transaction starts at' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -l producer-id -d 'abort, brokers before 3.0: the producer\'s id, epoch and coordinator epoch' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -l producer-epoch -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -l coordinator-epoch -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -l duration-filter -d 'list: only transactions running longer than this many milliseconds' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -l max-transaction-timeout -d 'find-hanging: the longest a transaction may run, in minutes' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand transactions" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand transactions" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -s t -l topic -r
complete -c kt -n "__fish_kt_using_subcommand transactions" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand transactions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l name -d 'Name of client metrics configuration resource' -r
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l interval -d 'The metrics push interval in milliseconds. Leave empty to reset the interval' -r
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l match -d 'Matching selector \'k1=v1,k2=v2\' (client_id, client_instance_id, client_software_name, client_software_version, client_source_address, client_source_port)' -r
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l metrics -d 'Telemetry metric name prefixes \'m1,m2\'' -r
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l alter -d 'Alter the configuration for the client metrics resource'
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l delete -d 'Delete the configuration for the client metrics resource'
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l describe -d 'List configurations for the client metrics resource'
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l list -d 'List the client metrics resources'
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -l generate-name -d 'Generate a UUID to use as the name'
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand client-metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l owner-principal -d 'owner is a Kafka principal. They should be in principalType:name format' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l renewer-principal -d 'renewer is a Kafka principal. They should be in principalType:name format' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l max-life-time-period -d 'Max life period for the token in milliseconds (-1: the broker\'s delegation.token.max.lifetime.ms)' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l renew-time-period -d 'Renew time period in milliseconds (-1: the broker\'s delegation.token.expiry.time.ms)' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l expiry-time-period -d 'Expiry time period in milliseconds (-1: invalidate the token at once)' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l hmac -d 'HMAC of the delegation token' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l create -d 'Create a new delegation token. Use --renewer-principal option to pass renewer principals'
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l renew -d 'Renew delegation token. Use --renew-time-period option to set renew time period'
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l expire -d 'Expire delegation token. Use --expiry-time-period option to expire the token'
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -l describe -d 'Describe delegation tokens (kt\'s default). Use --owner-principal to pass owner/renewer principals'
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand delegation-tokens" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l application-id -d 'The Kafka Streams application ID (application.id)' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l bootstrap-servers -d 'DEPRECATED: Comma-separated list of broker urls with format: HOST1:PORT1,HOST2:PORT2' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l input-topics -d 'Comma-separated list of user input topics (reset to the earliest offset, or as another reset option says)' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l intermediate-topics -d 'Comma-separated list of intermediate user topics (input and output topics): skipped to their end' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l internal-topics -d 'Comma-separated list of internal topics to delete (a subset of those a dry run shows)' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l to-offset -d 'Reset offsets to a specific offset' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l to-datetime -d 'Reset offsets to offset from datetime. Format: \'YYYY-MM-DDTHH:mm:SS.sss\'' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l by-duration -d 'Reset offsets to offset by duration from current timestamp. Format: \'PnDTnHnMnS\'' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l from-file -d 'Reset offsets to values defined in CSV file (TOPIC,PARTITION,OFFSET lines)' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l shift-by -d 'Reset offsets shifting current offset by \'n\', where \'n\' can be positive or negative' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l config-file -d 'Property file containing configs to be passed to admin clients and embedded consumer' -r -F
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l to-earliest -d 'Reset offsets to earliest offset'
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l to-latest -d 'Reset offsets to latest offset'
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l force -d 'Force the removal of members of the consumer group (stop every instance of the application first)'
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l dry-run -d 'Display the actions that would be performed without executing the reset commands'
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -l execute -d 'kt: make the changes (under kt\'s name a dry run is the default)'
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand streams-reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l files -d 'REQUIRED: The comma separated list of data and index log files to be dumped' -r
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l max-message-size -d 'Size of largest message. [default: 5242880]' -r
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l max-bytes -d 'Limit the amount of total batches read in bytes avoiding reading the whole .log file(s). [default: 2147483647]' -r
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l key-decoder-class -d 'The keys\' decoder: org.apache.kafka.tools.api.StringDecoder (the default), LongDecoder or IntegerDecoder' -r
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l value-decoder-class -d 'The values\' decoder: org.apache.kafka.tools.api.StringDecoder (the default), LongDecoder or IntegerDecoder' -r
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l print-data-log -d 'If set, printing the messages content when dumping data logs. Automatically set if any decoder option is specified'
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l deep-iteration -d 'If set, uses deep instead of shallow iteration. Automatically set if print-data-log is enabled'
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l verify-index-only -d 'If set, just verify the index log without printing its content'
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l index-sanity-check -d 'If set, just checks the index sanity without printing its content'
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l offsets-decoder -d 'Parse the data as __consumer_offsets records (not in kt yet)'
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l transaction-log-decoder -d 'Parse the data as __transaction_state records'
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l cluster-metadata-decoder -d 'Parse the data as cluster metadata records (not in kt yet)'
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l remote-log-metadata-decoder -d 'Parse the data as remote log metadata records (not in kt yet)'
complete -c kt -n "__fish_kt_using_subcommand dump-log" -l skip-record-metadata -d 'Whether to skip printing metadata for each record'
complete -c kt -n "__fish_kt_using_subcommand dump-log" -s h -l help -d 'Print help'
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -s t -l topic -d 'Produce messages to this topic' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l max-messages -d 'Produce this many messages; -1 until stopped' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l throughput -d 'Throttle to about this many messages a second; -1 for no limit' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l acks -d 'Acks required on each produced message: 0, 1 or -1' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l producer.config -d 'Producer config properties file' -r -F
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l message-create-time -d 'Send messages with creation times from this one, in milliseconds since the epoch' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l value-prefix -d 'Give each value this prefix and a dot' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l repeating-keys -d 'Give records the keys 0, 1, ... up to this number (exclusive), again and again' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand verifiable-producer" -s h -l help -d 'Print help'
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -s t -l topic -d 'Consume messages from this topic' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -s g -l group-id -l group -d 'The consumer group to join' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l group-instance-id -d 'A static member id (group.instance.id)' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l group-protocol -d 'Group protocol: classic, or consumer (KIP-848; the broker must enable it)' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l group-remote-assignor -d 'The broker-side assignor (consumer protocol only: uniform or range)' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l max-messages -d 'Stop after this many records; -1 runs until stopped' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l session-timeout -d 'The consumer\'s session timeout in milliseconds (classic protocol)' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l reset-policy -d 'Where to start without a committed offset: earliest, latest or none' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l assignment-strategy -d 'Kafka\'s assignor class (classic protocol): RangeAssignor, RoundRobinAssignor or CooperativeStickyAssignor' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l consumer.config -d 'Consumer config properties file' -r -F
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l records -d 'Print a record_data line for each record (Kafka\'s --verbose)'
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -l enable-autocommit -d 'Let the consumer commit offsets itself instead of after each poll'
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand verifiable-consumer" -s h -l help -d 'Print help'
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l topics-include -l topic -d 'The topics to verify: a Java regex, matched against whole names (`,` means or) [default: every topic]' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l topic-white-list -d 'Deprecated: --topics-include' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l time -d 'Where verification starts: -1 the partitions\' ends, -2 their starts, or a timestamp (ms) [default: -2; Kafka\'s tool: -1]' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l fetch-size -d 'Bytes fetched of each partition per request [default: 1048576]' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l max-wait-ms -d 'The longest each fetch waits for new records, in ms [default: 1000]' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l report-interval-ms -d 'With --watch: how often the largest lag is reported, in ms [default: 10000; Kafka\'s tool: 30000]' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -l watch -d 'kt: keep verifying new records until stopped, as Kafka\'s tool does'
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand verify-replicas" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand doctor" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand doctor" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand doctor" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand doctor" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand doctor" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand doctor" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand doctor" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand doctor" -l timeout-ms -d 'How long each step may wait for the cluster, in milliseconds [default: 10000]' -r
complete -c kt -n "__fish_kt_using_subcommand doctor" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand doctor" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help'
complete -c kt -n "__fish_kt_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Print the resolved cluster and client settings, secrets redacted'
complete -c kt -n "__fish_kt_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "text\t'Exactly what the Kafka tool prints'
table\t'An aligned table for people'
json\t'JSON for scripts (schema in the README)'"
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from show" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from show" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from show" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from show" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from show" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from show" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from show" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the resolved cluster and client settings, secrets redacted'
complete -c kt -n "__fish_kt_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kt -n "__fish_kt_using_subcommand install-aliases" -l force -d 'Replace files that already have these names (Kafka\'s own scripts, say)'
complete -c kt -n "__fish_kt_using_subcommand install-aliases" -l list -d 'Print the names kt answers to instead, one per line'
complete -c kt -n "__fish_kt_using_subcommand install-aliases" -s h -l help -d 'Print help'
complete -c kt -n "__fish_kt_using_subcommand completions" -l dir -d 'Write every shell\'s script into this directory instead' -r -F
complete -c kt -n "__fish_kt_using_subcommand completions" -s h -l help -d 'Print help'
complete -c kt -n "__fish_kt_using_subcommand man" -l dir -d 'Write kt.1 and one page per subcommand into this directory' -r -F
complete -c kt -n "__fish_kt_using_subcommand man" -s h -l help -d 'Print help'
complete -c kt -n "__fish_kt_using_subcommand perf; and not __fish_seen_subcommand_from consumer e2e producer help" -s h -l help -d 'Print help'
complete -c kt -n "__fish_kt_using_subcommand perf; and not __fish_seen_subcommand_from consumer e2e producer help" -f -a "consumer" -d 'Consume records as fast as possible and report throughput'
complete -c kt -n "__fish_kt_using_subcommand perf; and not __fish_seen_subcommand_from consumer e2e producer help" -f -a "e2e" -d 'Produce one record at a time, read each back, report the round trip (kafka-e2e-latency)'
complete -c kt -n "__fish_kt_using_subcommand perf; and not __fish_seen_subcommand_from consumer e2e producer help" -f -a "producer" -d 'Produce records as fast as allowed and report throughput and latency'
complete -c kt -n "__fish_kt_using_subcommand perf; and not __fish_seen_subcommand_from consumer e2e producer help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l include -d 'Regular expression of topics to consume (Kafka 4.2)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l messages -d 'REQUIRED: the number of records to consume' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l num-records -d 'Kafka 4.2\'s name for --messages' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l group -d 'The consumer group id [default: perf-consumer-<random>]' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l fetch-size -d 'Bytes to fetch per partition (max.partition.fetch.bytes) [default: 1048576]' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l socket-buffer-size -d 'TCP receive buffer (receive.buffer.bytes) [default: 2097152]' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l consumer.config -d 'Consumer properties file' -r -F
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l timeout -d 'Longest gap allowed between records, in ms [default: 10000]' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l reporting-interval -d 'Interval of the detailed lines, in ms [default: 5000]' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l date-format -d 'Java SimpleDateFormat pattern of the times [default: yyyy-MM-dd HH:mm:ss:SSS]' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l threads -d 'Ignored (Kafka 3.x deprecated it)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l num-fetch-threads -d 'Ignored (Kafka 3.x deprecated it)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -s o -l output -d 'Output format (kt only)' -r -f -a "text\t'Kafka\'s lines (plus HDR percentiles under kt\'s own name)'
json\t'One JSON report at the end'"
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -s t -l topic -d 'REQUIRED: the topic to consume from' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l from-latest -d 'Start from the latest offset rather than the earliest'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l show-detailed-stats -d 'Print a line per reporting interval instead of one summary'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l hide-header -d 'Leave out the header line'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -l print-metrics -d 'Print librdkafka\'s statistics at the end'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from consumer" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -l num-records -d 'Number of round trips' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -l acks -d 'Producer acks: 1 or all (-1)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -l record-size -d 'Record size in bytes' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -s o -l output -d 'Output format' -r -f -a "text\t'Kafka\'s lines (plus HDR percentiles under kt\'s own name)'
json\t'One JSON report at the end'"
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -s t -l topic -d 'The topic to send through (created with one partition if missing)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from e2e" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l num-records -d 'Number of records to produce' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l record-size -d 'Record size in bytes' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l payload-file -d 'File of payloads, split by --payload-delimiter; a random one per record' -r -F
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l payload-delimiter -d 'Delimiter of --payload-file (a regular expression)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l throughput -d 'Records per second, -1 for no limit' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l producer-props -d 'Producer properties (k=v ...), e.g. bootstrap.servers=host:9092 acks=all' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l producer.config -d 'Producer properties file' -r -F
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l transactional-id -d 'Transactional id (turns transactions on)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l transaction-duration-ms -d 'Length of each transaction in ms (turns transactions on)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l warmup-records -d 'Records to send before the steady-state statistics start' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l reporting-interval -d 'Window length of the periodic lines in ms [default: 5000]' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l acks -d 'acks for kt\'s shorthand: -1/all, 0 or 1 (kt only)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -s o -l output -d 'Output format (kt only)' -r -f -a "text\t'Kafka\'s lines (plus HDR percentiles under kt\'s own name)'
json\t'One JSON report at the end'"
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l histogram -d 'Write HdrHistogram\'s percentile distribution of latency (µs) here (kt only)' -r -F
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l broker-list -d 'Old Kafka name of --bootstrap-server (used only when it is absent)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l zookeeper -d 'Find the brokers through ZooKeeper (Kafka\'s pre-3.0 flag); kt then talks to them' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l command-config -d 'Java .properties file with client settings' -r -F
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l command-property -d 'Client setting in Java form (repeatable); overrides --command-config' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -s X -d 'librdkafka setting, passed through untranslated (repeatable, as in kcat)' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l cluster -d 'Cluster profile from kt\'s config file [env: KT_CLUSTER]; flags beat its values' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -s b -l bootstrap-server -d 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -s t -l topic -d 'Produce records to this topic' -r
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l payload-monotonic -d 'Payloads are the record index as text: 0, 1, 2, ...'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -l print-metrics -d 'Print librdkafka\'s statistics at the end'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -s v -l verbose -d 'Show librdkafka\'s log and what kt ignores'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from producer" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from help" -f -a "consumer" -d 'Consume records as fast as possible and report throughput'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from help" -f -a "e2e" -d 'Produce one record at a time, read each back, report the round trip (kafka-e2e-latency)'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from help" -f -a "producer" -d 'Produce records as fast as allowed and report throughput and latency'
complete -c kt -n "__fish_kt_using_subcommand perf; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "topics" -d 'Create, list, describe, alter and delete topics (kafka-topics)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "produce" -d 'Produce records from standard input (kafka-console-producer)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "consume" -d 'Print records from a topic (kafka-console-consumer)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "offsets" -d 'Offsets of topic-partitions at a time, or earliest/latest/records (GetOffsetShell)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "groups" -d 'List, describe and delete consumer groups, reset their offsets (kafka-consumer-groups)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "delete-records" -d 'Delete the records of partitions before an offset or a time (kafka-delete-records)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "brokers" -d 'The brokers, controller and cluster id; their API versions or log directories (kafka-broker-api-versions, kafka-log-dirs)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "configs" -d 'Describe and alter configs of topics, brokers, loggers; quotas and SCRAM credentials (kafka-configs)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "acls" -d 'Add, remove and list ACLs (kafka-acls)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "elect-leaders" -d 'Elect partition leaders: the preferred replica, or an unclean one (kafka-leader-election)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "reassign" -d 'Move partitions\' replicas between brokers: generate a plan, execute it with a throttle, verify, cancel, list (kafka-reassign-partitions)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "quorum" -d 'The KRaft metadata quorum: leader, epoch, voters, observers and their lag (kafka-metadata-quorum)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "features" -d 'Feature flags: describe them (supported, finalized), upgrade, downgrade or disable them (kafka-features)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "cluster" -d 'The cluster\'s id, controller and brokers; unregister a broker that is gone (kafka-cluster)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "transactions" -d 'Transactions: list, describe, the producers a partition knows, abort, find hanging ones (kafka-transactions)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "client-metrics" -d 'Client-metrics subscriptions (KIP-714): list, describe, alter, delete (kafka-client-metrics)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "delegation-tokens" -d 'Delegation tokens: create, renew, expire, describe (kafka-delegation-tokens)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "streams-reset" -d 'Reset a Kafka Streams application: input offsets, intermediate topics, internal topics (kafka-streams-application-reset)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "dump-log" -d 'A partition\'s files on disk, offline: log segments, indexes, snapshots, record by record (kafka-dump-log)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "verifiable-producer" -d 'Produce increasing integers and print each acknowledgement as a JSON event line (kafka-verifiable-producer)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "verifiable-consumer" -d 'Consume a topic in a group and print each poll, rebalance and commit as a JSON event line (kafka-verifiable-consumer)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "verify-replicas" -d 'Check that every replica of the topics holds the same records, batch by batch (kafka-replica-verification)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "doctor" -d 'Why a client can or cannot work with a cluster: DNS, TCP, TLS, SASL, metadata, every advertised broker'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "config" -d 'Show the cluster profile and client settings a command would use'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "install-aliases" -d 'Link every Kafka tool name (with and without .sh) to this kt in DIR'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "completions" -d 'Print a shell completion script (or write all of them with --dir)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "man" -d 'Print kt\'s man page (or write all of them with --dir)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "perf" -d 'Benchmark producing and consuming (kafka-producer-perf-test, kafka-consumer-perf-test)'
complete -c kt -n "__fish_kt_using_subcommand help; and not __fish_seen_subcommand_from topics produce consume offsets groups delete-records brokers configs acls elect-leaders reassign quorum features cluster transactions client-metrics delegation-tokens streams-reset dump-log verifiable-producer verifiable-consumer verify-replicas doctor config install-aliases completions man perf help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kt -n "__fish_kt_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the resolved cluster and client settings, secrets redacted'
complete -c kt -n "__fish_kt_using_subcommand help; and __fish_seen_subcommand_from perf" -f -a "consumer" -d 'Consume records as fast as possible and report throughput'
complete -c kt -n "__fish_kt_using_subcommand help; and __fish_seen_subcommand_from perf" -f -a "e2e" -d 'Produce one record at a time, read each back, report the round trip (kafka-e2e-latency)'
complete -c kt -n "__fish_kt_using_subcommand help; and __fish_seen_subcommand_from perf" -f -a "producer" -d 'Produce records as fast as allowed and report throughput and latency'

# kt: complete topic names after --topic from the configured cluster.
complete -c kt -l topic -x -a '(kt __complete-topics 2>/dev/null)'
