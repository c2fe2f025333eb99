
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'kt' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'kt'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'kt' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'Create, list, describe, alter and delete topics (kafka-topics)')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Produce records from standard input (kafka-console-producer)')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Print records from a topic (kafka-console-consumer)')
            [CompletionResult]::new('offsets', 'offsets', [CompletionResultType]::ParameterValue, 'Offsets of topic-partitions at a time, or earliest/latest/records (GetOffsetShell)')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'List, describe and delete consumer groups, reset their offsets (kafka-consumer-groups)')
            [CompletionResult]::new('delete-records', 'delete-records', [CompletionResultType]::ParameterValue, 'Delete the records of partitions before an offset or a time (kafka-delete-records)')
            [CompletionResult]::new('brokers', 'brokers', [CompletionResultType]::ParameterValue, 'The brokers, controller and cluster id; their API versions or log directories (kafka-broker-api-versions, kafka-log-dirs)')
            [CompletionResult]::new('configs', 'configs', [CompletionResultType]::ParameterValue, 'Describe and alter configs of topics, brokers, loggers; quotas and SCRAM credentials (kafka-configs)')
            [CompletionResult]::new('acls', 'acls', [CompletionResultType]::ParameterValue, 'Add, remove and list ACLs (kafka-acls)')
            [CompletionResult]::new('elect-leaders', 'elect-leaders', [CompletionResultType]::ParameterValue, 'Elect partition leaders: the preferred replica, or an unclean one (kafka-leader-election)')
            [CompletionResult]::new('reassign', 'reassign', [CompletionResultType]::ParameterValue, 'Move partitions'' replicas between brokers: generate a plan, execute it with a throttle, verify, cancel, list (kafka-reassign-partitions)')
            [CompletionResult]::new('quorum', 'quorum', [CompletionResultType]::ParameterValue, 'The KRaft metadata quorum: leader, epoch, voters, observers and their lag (kafka-metadata-quorum)')
            [CompletionResult]::new('features', 'features', [CompletionResultType]::ParameterValue, 'Feature flags: describe them (supported, finalized), upgrade, downgrade or disable them (kafka-features)')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'The cluster''s id, controller and brokers; unregister a broker that is gone (kafka-cluster)')
            [CompletionResult]::new('transactions', 'transactions', [CompletionResultType]::ParameterValue, 'Transactions: list, describe, the producers a partition knows, abort, find hanging ones (kafka-transactions)')
            [CompletionResult]::new('client-metrics', 'client-metrics', [CompletionResultType]::ParameterValue, 'Client-metrics subscriptions (KIP-714): list, describe, alter, delete (kafka-client-metrics)')
            [CompletionResult]::new('delegation-tokens', 'delegation-tokens', [CompletionResultType]::ParameterValue, 'Delegation tokens: create, renew, expire, describe (kafka-delegation-tokens)')
            [CompletionResult]::new('streams-reset', 'streams-reset', [CompletionResultType]::ParameterValue, 'Reset a Kafka Streams application: input offsets, intermediate topics, internal topics (kafka-streams-application-reset)')
            [CompletionResult]::new('dump-log', 'dump-log', [CompletionResultType]::ParameterValue, 'A partition''s files on disk, offline: log segments, indexes, snapshots, record by record (kafka-dump-log)')
            [CompletionResult]::new('verifiable-producer', 'verifiable-producer', [CompletionResultType]::ParameterValue, 'Produce increasing integers and print each acknowledgement as a JSON event line (kafka-verifiable-producer)')
            [CompletionResult]::new('verifiable-consumer', 'verifiable-consumer', [CompletionResultType]::ParameterValue, 'Consume a topic in a group and print each poll, rebalance and commit as a JSON event line (kafka-verifiable-consumer)')
            [CompletionResult]::new('verify-replicas', 'verify-replicas', [CompletionResultType]::ParameterValue, 'Check that every replica of the topics holds the same records, batch by batch (kafka-replica-verification)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Why a client can or cannot work with a cluster: DNS, TCP, TLS, SASL, metadata, every advertised broker')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the cluster profile and client settings a command would use')
            [CompletionResult]::new('install-aliases', 'install-aliases', [CompletionResultType]::ParameterValue, 'Link every Kafka tool name (with and without .sh) to this kt in DIR')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (or write all of them with --dir)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print kt''s man page (or write all of them with --dir)')
            [CompletionResult]::new('perf', 'perf', [CompletionResultType]::ParameterValue, 'Benchmark producing and consuming (kafka-producer-perf-test, kafka-consumer-perf-test)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kt;topics' {
            [CompletionResult]::new('--topic-id', '--topic-id', [CompletionResultType]::ParameterName, 'The topic-id to describe')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Number of partitions for the topic being created or altered (default: the broker''s)')
            [CompletionResult]::new('--replication-factor', '--replication-factor', [CompletionResultType]::ParameterName, 'Replication factor for each partition of the topic being created (default: the broker''s)')
            [CompletionResult]::new('--replica-assignment', '--replica-assignment', [CompletionResultType]::ParameterName, 'Manual partition-to-broker assignment: b1:b2,b3:b4 (one group per partition)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'A topic config override (repeatable), with --create or --alter')
            [CompletionResult]::new('--delete-config', '--delete-config', [CompletionResultType]::ParameterName, 'A topic config override to remove (repeatable), with --alter')
            [CompletionResult]::new('--partition-size-limit-per-response', '--partition-size-limit-per-response', [CompletionResultType]::ParameterName, 'Accepted for Kafka compatibility; librdkafka pages partitions itself')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('--timeout-ms', '--timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for the cluster, in milliseconds [default: 10000]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic to create, alter, describe or delete; a regular expression except with --create')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic to create, alter, describe or delete; a regular expression except with --create')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List all available topics')
            [CompletionResult]::new('--create', '--create', [CompletionResultType]::ParameterName, 'Create a new topic')
            [CompletionResult]::new('--describe', '--describe', [CompletionResultType]::ParameterName, 'List details for the given topics')
            [CompletionResult]::new('--alter', '--alter', [CompletionResultType]::ParameterName, 'Alter the number of partitions, replica assignment or configs')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete a topic')
            [CompletionResult]::new('--if-exists', '--if-exists', [CompletionResultType]::ParameterName, 'With --alter, --delete or --describe: do nothing if the topic does not exist')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'With --create: do nothing if the topic already exists')
            [CompletionResult]::new('--exclude-internal', '--exclude-internal', [CompletionResultType]::ParameterName, 'Exclude internal topics when listing or describing')
            [CompletionResult]::new('--under-replicated-partitions', '--under-replicated-partitions', [CompletionResultType]::ParameterName, 'With --describe: only show under-replicated partitions')
            [CompletionResult]::new('--under-min-isr-partitions', '--under-min-isr-partitions', [CompletionResultType]::ParameterName, 'With --describe: only show partitions whose ISR is smaller than min.insync.replicas')
            [CompletionResult]::new('--at-min-isr-partitions', '--at-min-isr-partitions', [CompletionResultType]::ParameterName, 'With --describe: only show partitions whose ISR equals min.insync.replicas')
            [CompletionResult]::new('--unavailable-partitions', '--unavailable-partitions', [CompletionResultType]::ParameterName, 'With --describe: only show partitions whose leader is not available')
            [CompletionResult]::new('--topics-with-overrides', '--topics-with-overrides', [CompletionResultType]::ParameterName, 'With --describe: only show topics that have overridden configs')
            [CompletionResult]::new('--disable-rack-aware', '--disable-rack-aware', [CompletionResultType]::ParameterName, 'Accepted and ignored, as in Kafka 3.x')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accepted and ignored, as in Kafka 2.x')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;produce' {
            [CompletionResult]::new('--compression-codec', '--compression-codec', [CompletionResultType]::ParameterName, 'Compression codec: none, gzip, snappy, lz4 or zstd (alone: gzip)')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Batch size in bytes (batch.size) [default: 16384]')
            [CompletionResult]::new('--max-partition-memory-bytes', '--max-partition-memory-bytes', [CompletionResultType]::ParameterName, 'Batch size in bytes; beats --batch-size (deprecated in Kafka 4.2)')
            [CompletionResult]::new('--message-send-max-retries', '--message-send-max-retries', [CompletionResultType]::ParameterName, 'Retries (retries) [default: 3]')
            [CompletionResult]::new('--retry-backoff-ms', '--retry-backoff-ms', [CompletionResultType]::ParameterName, 'Backoff before a retry (retry.backoff.ms) [default: 100]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Linger before sending a batch (linger.ms) [default: 1000]')
            [CompletionResult]::new('--request-required-acks', '--request-required-acks', [CompletionResultType]::ParameterName, 'Acks the leader waits for: -1/all, 0 or 1 (acks) [default: -1]')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'Broker ack timeout (request.timeout.ms) [default: 1500]')
            [CompletionResult]::new('--metadata-expiry-ms', '--metadata-expiry-ms', [CompletionResultType]::ParameterName, 'Metadata refresh interval (metadata.max.age.ms) [default: 300000]')
            [CompletionResult]::new('--max-block-ms', '--max-block-ms', [CompletionResultType]::ParameterName, 'How long a send may wait for buffer space (max.block.ms) [default: 60000]')
            [CompletionResult]::new('--max-memory-bytes', '--max-memory-bytes', [CompletionResultType]::ParameterName, 'Producer buffer size (buffer.memory) [default: 33554432]')
            [CompletionResult]::new('--socket-buffer-size', '--socket-buffer-size', [CompletionResultType]::ParameterName, 'TCP send buffer (send.buffer.bytes) [default: 102400]')
            [CompletionResult]::new('--line-reader', '--line-reader', [CompletionResultType]::ParameterName, 'Reader class; only Kafka''s LineMessageReader is built in')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Reader property (repeatable): parse.key, key.separator, parse.headers, ...')
            [CompletionResult]::new('--reader-property', '--reader-property', [CompletionResultType]::ParameterName, 'Reader property (repeatable): parse.key, key.separator, parse.headers, ...')
            [CompletionResult]::new('--reader-config', '--reader-config', [CompletionResultType]::ParameterName, 'Reader properties file; --property wins')
            [CompletionResult]::new('--producer-property', '--producer-property', [CompletionResultType]::ParameterName, 'Producer property in Java form (repeatable)')
            [CompletionResult]::new('--producer.config', '--producer.config', [CompletionResultType]::ParameterName, 'Producer properties file')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Input format (kt only)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Send every record to this partition (kt only)')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'REQUIRED: the topic to produce to')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'REQUIRED: the topic to produce to')
            [CompletionResult]::new('--sync', '--sync', [CompletionResultType]::ParameterName, 'Send each record synchronously and stop at the first failure')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;consume' {
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Regular expression of topics to consume (full match)')
            [CompletionResult]::new('--whitelist', '--whitelist', [CompletionResultType]::ParameterName, 'Old name of --include (ignored when --include is given)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'The partition to consume from (assigned, not subscribed)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Where to start with --partition: earliest, latest or an offset [default: latest]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Consumer group id (commits offsets)')
            [CompletionResult]::new('--max-messages', '--max-messages', [CompletionResultType]::ParameterName, 'Stop after this many records')
            [CompletionResult]::new('--timeout-ms', '--timeout-ms', [CompletionResultType]::ParameterName, 'Stop when no record arrives for this long')
            [CompletionResult]::new('--isolation-level', '--isolation-level', [CompletionResultType]::ParameterName, 'read_committed or read_uncommitted [default: read_uncommitted]')
            [CompletionResult]::new('--consumer-property', '--consumer-property', [CompletionResultType]::ParameterName, 'Consumer property in Java form (repeatable)')
            [CompletionResult]::new('--consumer.config', '--consumer.config', [CompletionResultType]::ParameterName, 'Consumer properties file')
            [CompletionResult]::new('--formatter', '--formatter', [CompletionResultType]::ParameterName, 'Formatter class; Kafka''s DefaultMessageFormatter and the NoOp/Logging ones are built in')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Formatter property (repeatable): print.key, print.timestamp, key.separator, ...')
            [CompletionResult]::new('--formatter-property', '--formatter-property', [CompletionResultType]::ParameterName, 'Formatter property (repeatable): print.key, print.timestamp, key.separator, ...')
            [CompletionResult]::new('--formatter-config', '--formatter-config', [CompletionResultType]::ParameterName, 'Formatter properties file; --property wins')
            [CompletionResult]::new('--key-deserializer', '--key-deserializer', [CompletionResultType]::ParameterName, 'Key deserializer class (becomes the key.deserializer formatter property)')
            [CompletionResult]::new('--value-deserializer', '--value-deserializer', [CompletionResultType]::ParameterName, 'Value deserializer class (becomes the value.deserializer formatter property)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (kt only)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (kt only)')
            [CompletionResult]::new('--from-time', '--from-time', [CompletionResultType]::ParameterName, 'Start at this time: epoch ms, RFC 3339, or relative like -15m (kt only)')
            [CompletionResult]::new('--until-time', '--until-time', [CompletionResultType]::ParameterName, 'Stop each partition at its first record after this time (kt only)')
            [CompletionResult]::new('--tail', '--tail', [CompletionResultType]::ParameterName, 'Start at the last N records of each partition (kcat''s -o -N; with --exit, print them and stop)')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic to consume')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic to consume')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Print each record with kcat''s tokens: %t %p %o %T %k %K %s (or %v) %S %R %h, \n \t \xHH; %k and %v take {hex}, {base64} or {json} (kt only)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Print each record with kcat''s tokens: %t %p %o %T %k %K %s (or %v) %S %R %h, \n \t \xHH; %k and %v take {hex}, {base64} or {json} (kt only)')
            [CompletionResult]::new('--from-beginning', '--from-beginning', [CompletionResultType]::ParameterName, 'Start from the earliest record rather than the latest')
            [CompletionResult]::new('--skip-message-on-error', '--skip-message-on-error', [CompletionResultType]::ParameterName, 'Skip records the formatter cannot print instead of stopping')
            [CompletionResult]::new('--enable-systest-events', '--enable-systest-events', [CompletionResultType]::ParameterName, 'Print shutdown_complete on stdout at exit, as Kafka''s system tests expect')
            [CompletionResult]::new('--exit', '--exit', [CompletionResultType]::ParameterName, 'Stop when every partition reaches the end it had at start (kt only)')
            [CompletionResult]::new('--wait-for-topic', '--wait-for-topic', [CompletionResultType]::ParameterName, 'Wait for a topic that does not exist yet instead of failing (kt only)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;offsets' {
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Comma-separated partition ids [default: all]')
            [CompletionResult]::new('--topic-partitions', '--topic-partitions', [CompletionResultType]::ParameterName, 'Rules: topic-regex[:partition], :p, t:a-b, t:a-, t:-b (comma-separated)')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'latest/-1, earliest/-2, max-timestamp/-3, earliest-local/-4, latest-tiered/-5, or a ms timestamp (kt: also RFC 3339 or -1h)')
            [CompletionResult]::new('--offsets', '--offsets', [CompletionResultType]::ParameterName, 'Accepted and ignored, as in Kafka 2.x')
            [CompletionResult]::new('--max-wait-ms', '--max-wait-ms', [CompletionResultType]::ParameterName, 'Accepted and ignored, as in Kafka 2.x')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Topics to get offsets for: a regular expression (full match) [default: all]')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topics to get offsets for: a regular expression (full match) [default: all]')
            [CompletionResult]::new('--exclude-internal-topics', '--exclude-internal-topics', [CompletionResultType]::ParameterName, 'Leave out internal topics')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;groups' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The consumer group to act on (repeatable)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Request timeout in ms')
            [CompletionResult]::new('--to-offset', '--to-offset', [CompletionResultType]::ParameterName, 'Reset to this offset')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Reset to the offsets of a CSV file (topic,partition,offset or group,topic,partition,offset)')
            [CompletionResult]::new('--to-datetime', '--to-datetime', [CompletionResultType]::ParameterName, 'Reset to the first offset at or after a time: YYYY-MM-DDTHH:mm:SS.sss[zone]')
            [CompletionResult]::new('--by-duration', '--by-duration', [CompletionResultType]::ParameterName, 'Reset to the first offset at or after now minus a duration: PnDTnHnMnS')
            [CompletionResult]::new('--shift-by', '--shift-by', [CompletionResultType]::ParameterName, 'Reset to the committed offset plus N (N may be negative)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'With --describe: the group''s state; with --list: the states to list (comma-separated)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'With --list: the group types to list (classic, consumer; comma-separated)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'kt: redraw the description every INTERVAL on a terminal, one JSON line per INTERVAL otherwise')
            [CompletionResult]::new('--max-lag', '--max-lag', [CompletionResultType]::ParameterName, 'kt: exit 6, naming them, when any partition lags by more than N records')
            [CompletionResult]::new('--max-lag-time', '--max-lag-time', [CompletionResultType]::ParameterName, 'kt: exit 6, naming them, when any partition''s oldest unconsumed record is older than this (30s, 5m, 1h)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A topic (T, or T:0,1,2 for some partitions) to reset or delete offsets of (repeatable)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'A topic (T, or T:0,1,2 for some partitions) to reset or delete offsets of (repeatable)')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List all consumer groups')
            [CompletionResult]::new('--describe', '--describe', [CompletionResultType]::ParameterName, 'Describe consumer groups and their offset lag')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete consumer groups (--group, repeatable, or --all-groups)')
            [CompletionResult]::new('--reset-offsets', '--reset-offsets', [CompletionResultType]::ParameterName, 'Reset a group''s offsets: plan (--dry-run, the default) or --execute')
            [CompletionResult]::new('--delete-offsets', '--delete-offsets', [CompletionResultType]::ParameterName, 'Delete a group''s committed offsets of --topic T[:P,...]')
            [CompletionResult]::new('--all-groups', '--all-groups', [CompletionResultType]::ParameterName, 'Apply to all consumer groups')
            [CompletionResult]::new('--all-topics', '--all-topics', [CompletionResultType]::ParameterName, 'With --reset-offsets: every topic the group has committed offsets for')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With --reset-offsets: only show the plan (the default)')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'With --reset-offsets: commit the plan')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'With --reset-offsets: print the plan as CSV (what --from-file reads)')
            [CompletionResult]::new('--to-earliest', '--to-earliest', [CompletionResultType]::ParameterName, 'Reset to the earliest offset')
            [CompletionResult]::new('--to-latest', '--to-latest', [CompletionResultType]::ParameterName, 'Reset to the latest offset')
            [CompletionResult]::new('--to-current', '--to-current', [CompletionResultType]::ParameterName, 'Reset to the committed offset (the log end where there is none)')
            [CompletionResult]::new('--members', '--members', [CompletionResultType]::ParameterName, 'With --describe: the members of the group')
            [CompletionResult]::new('--offsets', '--offsets', [CompletionResultType]::ParameterName, 'With --describe: the partitions and lag of the group (the default)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;delete-records' {
            [CompletionResult]::new('--offset-json-file', '--offset-json-file', [CompletionResultType]::ParameterName, 'The JSON file with offset per partition: {"partitions": [{"topic": "foo", "partition": 1, "offset": 1}], "version": 1}')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'kt: only this partition of --topic (repeatable) [default: all]')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'kt: delete the records before this offset, or before this time (RFC 3339, epoch ms, -1h); `end` deletes all')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'kt: the topic to delete records of (instead of --offset-json-file)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'kt: the topic to delete records of (instead of --offset-json-file)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'kt: do not ask on a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'kt: do not ask on a terminal')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;brokers' {
            [CompletionResult]::new('--topic-list', '--topic-list', [CompletionResultType]::ParameterName, 'The list of topics to be queried in the form "topic1,topic2,topic3". All topics will be queried if no topic list is specified')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--describe', '--describe', [CompletionResultType]::ParameterName, 'Describe the specified log directories on the specified brokers')
            [CompletionResult]::new('--api-versions', '--api-versions', [CompletionResultType]::ParameterName, 'kt: every API each broker serves, its versions, and the kt commands it supports')
            [CompletionResult]::new('--log-dirs', '--log-dirs', [CompletionResultType]::ParameterName, 'kt: each broker''s log directories, with sizes per topic (--broker-list IDS, --topic-list T1,T2)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;configs' {
            [CompletionResult]::new('--entity-type', '--entity-type', [CompletionResultType]::ParameterName, 'Type of entity (topics/clients/users/brokers/broker-loggers/ips/client-metrics)')
            [CompletionResult]::new('--entity-name', '--entity-name', [CompletionResultType]::ParameterName, 'Name of entity (topic name/client id/user principal name/broker id/ip/client metrics)')
            [CompletionResult]::new('--add-config', '--add-config', [CompletionResultType]::ParameterName, 'Key Value pairs of configs to add. Square brackets can be used to group values which contain commas: ''k1=v1,k2=[v1,v2,v2],k3=v3''')
            [CompletionResult]::new('--add-config-file', '--add-config-file', [CompletionResultType]::ParameterName, 'Path to a properties file with configs to add. See add-config for a list of valid configurations')
            [CompletionResult]::new('--delete-config', '--delete-config', [CompletionResultType]::ParameterName, 'config keys to remove ''k1,k2''')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'The client''s ID')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user''s principal name')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'The broker''s ID')
            [CompletionResult]::new('--broker-logger', '--broker-logger', [CompletionResultType]::ParameterName, 'The broker''s ID for its logger config')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'The IP address')
            [CompletionResult]::new('--bootstrap-controller', '--bootstrap-controller', [CompletionResultType]::ParameterName, 'The Kafka controllers to connect to (kt: not supported, give --bootstrap-server)')
            [CompletionResult]::new('--zk-tls-config-file', '--zk-tls-config-file', [CompletionResultType]::ParameterName, 'Identifies the file where ZooKeeper client TLS connectivity properties are defined')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic''s name')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic''s name')
            [CompletionResult]::new('--alter', '--alter', [CompletionResultType]::ParameterName, 'Alter the configuration for the entity')
            [CompletionResult]::new('--describe', '--describe', [CompletionResultType]::ParameterName, 'List configs for the given entity')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'List all configs for the given topic, broker, or broker-logger entity (includes static configuration when the entity type is brokers)')
            [CompletionResult]::new('--entity-default', '--entity-default', [CompletionResultType]::ParameterName, 'Default entity name for clients/users/brokers/ips (applies to corresponding entity type in command line)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Suppress console prompts')
            [CompletionResult]::new('--client-defaults', '--client-defaults', [CompletionResultType]::ParameterName, 'The config defaults for all clients')
            [CompletionResult]::new('--user-defaults', '--user-defaults', [CompletionResultType]::ParameterName, 'The config defaults for all users')
            [CompletionResult]::new('--broker-defaults', '--broker-defaults', [CompletionResultType]::ParameterName, 'The config defaults for all brokers')
            [CompletionResult]::new('--ip-defaults', '--ip-defaults', [CompletionResultType]::ParameterName, 'The config defaults for all IPs')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'kt: do not ask before altering on a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'kt: do not ask before altering on a terminal')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;acls' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Consumer Group to which the ACLs should be added or removed. A value of ''*'' indicates the ACLs should apply to all groups')
            [CompletionResult]::new('--transactional-id', '--transactional-id', [CompletionResultType]::ParameterName, 'The transactionalId to which ACLs should be added or removed. A value of ''*'' indicates the ACLs should apply to all transactionalIds')
            [CompletionResult]::new('--delegation-token', '--delegation-token', [CompletionResultType]::ParameterName, 'Delegation token to which ACLs should be added or removed. A value of ''*'' indicates ACL should apply to all tokens')
            [CompletionResult]::new('--user-principal', '--user-principal', [CompletionResultType]::ParameterName, 'Specifies a user principal as a resource in relation with the operation')
            [CompletionResult]::new('--resource-pattern-type', '--resource-pattern-type', [CompletionResultType]::ParameterName, 'The type of the resource pattern or pattern filter: literal, prefixed; for --list and --remove also any or match [default: literal]')
            [CompletionResult]::new('--operation', '--operation', [CompletionResultType]::ParameterName, 'Operation that is being allowed or denied (Read, Write, Create, Delete, Alter, Describe, ClusterAction, DescribeConfigs, AlterConfigs, IdempotentWrite, CreateTokens, DescribeTokens, All) [default: All]')
            [CompletionResult]::new('--allow-principal', '--allow-principal', [CompletionResultType]::ParameterName, 'principal is in principalType:name format. For example, User:''*'' is the wild card indicating all users')
            [CompletionResult]::new('--deny-principal', '--deny-principal', [CompletionResultType]::ParameterName, 'principal is in principalType:name format. DENY RULES TAKE PRECEDENCE OVER ALLOW RULES')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'List ACLs for the specified principal (repeatable)')
            [CompletionResult]::new('--allow-host', '--allow-host', [CompletionResultType]::ParameterName, 'Host from which principals listed in --allow-principal will have access [default: *]')
            [CompletionResult]::new('--deny-host', '--deny-host', [CompletionResultType]::ParameterName, 'Host from which principals listed in --deny-principal will be denied access [default: *]')
            [CompletionResult]::new('--authorizer', '--authorizer', [CompletionResultType]::ParameterName, 'DEPRECATED (kt: not supported): the authorizer''s class')
            [CompletionResult]::new('--authorizer-properties', '--authorizer-properties', [CompletionResultType]::ParameterName, 'DEPRECATED (kt: not supported): the authorizer''s properties')
            [CompletionResult]::new('--zk-tls-config-file', '--zk-tls-config-file', [CompletionResultType]::ParameterName, 'DEPRECATED (kt: not supported): ZooKeeper TLS properties for the authorizer')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'topic to which ACLs should be added or removed. A value of ''*'' indicates ACL should apply to all topics')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'topic to which ACLs should be added or removed. A value of ''*'' indicates ACL should apply to all topics')
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'Indicates you are trying to add ACLs')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Indicates you are trying to remove ACLs')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List ACLs for the specified resource, use --topic <topic> or --group <group> or --cluster to specify a resource')
            [CompletionResult]::new('--idempotent', '--idempotent', [CompletionResultType]::ParameterName, 'Enable idempotence for the producer. This should be used in combination with the --producer option')
            [CompletionResult]::new('--producer', '--producer', [CompletionResultType]::ParameterName, 'Convenience option to add/remove ACLs for producer role: WRITE, DESCRIBE and CREATE on topic')
            [CompletionResult]::new('--consumer', '--consumer', [CompletionResultType]::ParameterName, 'Convenience option to add/remove ACLs for consumer role: READ, DESCRIBE on topic and READ on group')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume Yes to all queries and do not prompt')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Assume Yes to all queries and do not prompt')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume Yes to all queries and do not prompt')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;elect-leaders' {
            [CompletionResult]::new('--admin.config', '--admin.config', [CompletionResultType]::ParameterName, 'Configuration properties files to pass to the admin client')
            [CompletionResult]::new('--election-type', '--election-type', [CompletionResultType]::ParameterName, 'Type of election to attempt: preferred (when the leader is not the preferred replica) or unclean (when the partition has no leader) [kt''s default: preferred]')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Partition id for which to perform an election. REQUIRED if --topic is specified (under kt''s name: all of the topic''s partitions when absent)')
            [CompletionResult]::new('--path-to-json-file', '--path-to-json-file', [CompletionResultType]::ParameterName, 'The JSON file with the list of partitions for which leader elections should be performed: {"partitions": [{"topic": "foo", "partition": 1}]}')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Name of topic for which to perform an election. Not allowed if --path-to-json-file or --all-topic-partitions is specified')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Name of topic for which to perform an election. Not allowed if --path-to-json-file or --all-topic-partitions is specified')
            [CompletionResult]::new('--all-topic-partitions', '--all-topic-partitions', [CompletionResultType]::ParameterName, 'Perform election on all of the eligible topic partitions based on the type of election (see the --election-type flag). Not allowed if --topic or --path-to-json-file is specified')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'kt: do not ask before an unclean election on a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'kt: do not ask before an unclean election on a terminal')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;reassign' {
            [CompletionResult]::new('--reassignment-json-file', '--reassignment-json-file', [CompletionResultType]::ParameterName, 'The JSON file with the partition reassignment configuration: {"partitions": [{"topic": "foo", "partition": 1, "replicas": [1,2,3]}], "version": 1}')
            [CompletionResult]::new('--replica-alter-log-dirs-throttle', '--replica-alter-log-dirs-throttle', [CompletionResultType]::ParameterName, 'The movement of replicas between log directories on the same broker will be throttled to this value (bytes/sec). (default: -1)')
            [CompletionResult]::new('--throttle', '--throttle', [CompletionResultType]::ParameterName, 'The movement of partitions between brokers will be throttled to this value (bytes/sec); with --execute, or again with --additional to change it. (default: -1)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The maximum time in ms to wait for log directory replica assignment to begin. (default: 10000)')
            [CompletionResult]::new('--topics-to-move-json-file', '--topics-to-move-json-file', [CompletionResultType]::ParameterName, 'The topics whose partitions --generate moves to the brokers of --broker-list: {"topics": [{"topic": "foo"},{"topic": "foo1"}], "version": 1}')
            [CompletionResult]::new('--drain-broker', '--drain-broker', [CompletionResultType]::ParameterName, 'kt: plan moving every replica off this broker (with --execute, start it)')
            [CompletionResult]::new('--add-brokers', '--add-brokers', [CompletionResultType]::ParameterName, 'kt: plan evening out replicas and leaders onto these new brokers (4,5)')
            [CompletionResult]::new('--replication-factor', '--replication-factor', [CompletionResultType]::ParameterName, 'kt: plan changing --topic''s replication factor to N')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'kt: the topic of --replication-factor; with --drain-broker or --add-brokers, only its partitions move')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'kt: the topic of --replication-factor; with --drain-broker or --add-brokers, only its partitions move')
            [CompletionResult]::new('--additional', '--additional', [CompletionResultType]::ParameterName, 'Execute this reassignment in addition to any other ongoing ones. This option can also be used to change the throttle of an ongoing reassignment')
            [CompletionResult]::new('--cancel', '--cancel', [CompletionResultType]::ParameterName, 'Cancel an active reassignment')
            [CompletionResult]::new('--disable-rack-aware', '--disable-rack-aware', [CompletionResultType]::ParameterName, 'Disable rack aware replica assignment')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Kick off the reassignment as specified by the --reassignment-json-file option')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Generate a candidate partition reassignment configuration (with --topics-to-move-json-file and --broker-list "0,1,2"). It does not execute it')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List all active partition reassignments')
            [CompletionResult]::new('--preserve-throttles', '--preserve-throttles', [CompletionResultType]::ParameterName, 'Do not modify broker or topic throttles')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Verify if the reassignment completed as specified by the --reassignment-json-file option; once it has, remove the throttles')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'kt: follow the reassignment in bytes until done (ETA), then remove the throttles')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;quorum' {
            [CompletionResult]::new('--bootstrap-controller', '--bootstrap-controller', [CompletionResultType]::ParameterName, 'Ask the controllers at these addresses instead of a broker')
            [CompletionResult]::new('--add-controller', '--add-controller', [CompletionResultType]::ParameterName, 'Make the controller configured by FILE (its server.properties) a voter of a dynamic quorum (KIP-853)')
            [CompletionResult]::new('--remove-controller', '--remove-controller', [CompletionResultType]::ParameterName, 'Remove voter ID (with --controller-directory-id) from a dynamic quorum')
            [CompletionResult]::new('--controller-directory-id', '--controller-directory-id', [CompletionResultType]::ParameterName, 'The metadata log directory id of the controller --remove-controller removes')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'The summary: leader, epoch, high watermark, the followers'' lag, voters and observers (the default)')
            [CompletionResult]::new('--replication', '--replication', [CompletionResultType]::ParameterName, 'One row per replica of the metadata log: its end offset, lag and last fetch')
            [CompletionResult]::new('--human-readable', '--human-readable', [CompletionResultType]::ParameterName, 'With --replication: times as "N ms ago"')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With --add-controller or --remove-controller: check and print, change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;features' {
            [CompletionResult]::new('--feature', '--feature', [CompletionResultType]::ParameterName, 'A feature and its level, NAME=LEVEL (just NAME to disable); repeatable')
            [CompletionResult]::new('--metadata', '--metadata', [CompletionResultType]::ParameterName, 'The metadata.version to upgrade or downgrade to, e.g. 3.9-IV0 or 3.9')
            [CompletionResult]::new('--bootstrap-controller', '--bootstrap-controller', [CompletionResultType]::ParameterName, 'Ask the controllers at these addresses instead of a broker')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--unsafe', '--unsafe', [CompletionResultType]::ParameterName, 'Allow a downgrade that may lose metadata')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only check that the change would be accepted')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;cluster' {
            [CompletionResult]::new('--unregister', '--unregister', [CompletionResultType]::ParameterName, 'Unregister this broker (one that is gone for good)')
            [CompletionResult]::new('--bootstrap-controller', '--bootstrap-controller', [CompletionResultType]::ParameterName, 'Ask the controllers at these addresses instead of a broker')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;transactions' {
            [CompletionResult]::new('--transactional-id', '--transactional-id', [CompletionResultType]::ParameterName, 'The transactional id to describe')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'partition')
            [CompletionResult]::new('--broker-id', '--broker-id', [CompletionResultType]::ParameterName, 'The replica to ask (describe-producers), or whose partitions to search (find-hanging)')
            [CompletionResult]::new('--start-offset', '--start-offset', [CompletionResultType]::ParameterName, 'abort: the offset the open transaction starts at')
            [CompletionResult]::new('--producer-id', '--producer-id', [CompletionResultType]::ParameterName, 'abort, brokers before 3.0: the producer''s id, epoch and coordinator epoch')
            [CompletionResult]::new('--producer-epoch', '--producer-epoch', [CompletionResultType]::ParameterName, 'producer-epoch')
            [CompletionResult]::new('--coordinator-epoch', '--coordinator-epoch', [CompletionResultType]::ParameterName, 'coordinator-epoch')
            [CompletionResult]::new('--duration-filter', '--duration-filter', [CompletionResultType]::ParameterName, 'list: only transactions running longer than this many milliseconds')
            [CompletionResult]::new('--max-transaction-timeout', '--max-transaction-timeout', [CompletionResultType]::ParameterName, 'find-hanging: the longest a transaction may run, in minutes')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 't')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'topic')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;client-metrics' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of client metrics configuration resource')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'The metrics push interval in milliseconds. Leave empty to reset the interval')
            [CompletionResult]::new('--match', '--match', [CompletionResultType]::ParameterName, 'Matching selector ''k1=v1,k2=v2'' (client_id, client_instance_id, client_software_name, client_software_version, client_source_address, client_source_port)')
            [CompletionResult]::new('--metrics', '--metrics', [CompletionResultType]::ParameterName, 'Telemetry metric name prefixes ''m1,m2''')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--alter', '--alter', [CompletionResultType]::ParameterName, 'Alter the configuration for the client metrics resource')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete the configuration for the client metrics resource')
            [CompletionResult]::new('--describe', '--describe', [CompletionResultType]::ParameterName, 'List configurations for the client metrics resource')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the client metrics resources')
            [CompletionResult]::new('--generate-name', '--generate-name', [CompletionResultType]::ParameterName, 'Generate a UUID to use as the name')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;delegation-tokens' {
            [CompletionResult]::new('--owner-principal', '--owner-principal', [CompletionResultType]::ParameterName, 'owner is a Kafka principal. They should be in principalType:name format')
            [CompletionResult]::new('--renewer-principal', '--renewer-principal', [CompletionResultType]::ParameterName, 'renewer is a Kafka principal. They should be in principalType:name format')
            [CompletionResult]::new('--max-life-time-period', '--max-life-time-period', [CompletionResultType]::ParameterName, 'Max life period for the token in milliseconds (-1: the broker''s delegation.token.max.lifetime.ms)')
            [CompletionResult]::new('--renew-time-period', '--renew-time-period', [CompletionResultType]::ParameterName, 'Renew time period in milliseconds (-1: the broker''s delegation.token.expiry.time.ms)')
            [CompletionResult]::new('--expiry-time-period', '--expiry-time-period', [CompletionResultType]::ParameterName, 'Expiry time period in milliseconds (-1: invalidate the token at once)')
            [CompletionResult]::new('--hmac', '--hmac', [CompletionResultType]::ParameterName, 'HMAC of the delegation token')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--create', '--create', [CompletionResultType]::ParameterName, 'Create a new delegation token. Use --renewer-principal option to pass renewer principals')
            [CompletionResult]::new('--renew', '--renew', [CompletionResultType]::ParameterName, 'Renew delegation token. Use --renew-time-period option to set renew time period')
            [CompletionResult]::new('--expire', '--expire', [CompletionResultType]::ParameterName, 'Expire delegation token. Use --expiry-time-period option to expire the token')
            [CompletionResult]::new('--describe', '--describe', [CompletionResultType]::ParameterName, 'Describe delegation tokens (kt''s default). Use --owner-principal to pass owner/renewer principals')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;streams-reset' {
            [CompletionResult]::new('--application-id', '--application-id', [CompletionResultType]::ParameterName, 'The Kafka Streams application ID (application.id)')
            [CompletionResult]::new('--bootstrap-servers', '--bootstrap-servers', [CompletionResultType]::ParameterName, 'DEPRECATED: Comma-separated list of broker urls with format: HOST1:PORT1,HOST2:PORT2')
            [CompletionResult]::new('--input-topics', '--input-topics', [CompletionResultType]::ParameterName, 'Comma-separated list of user input topics (reset to the earliest offset, or as another reset option says)')
            [CompletionResult]::new('--intermediate-topics', '--intermediate-topics', [CompletionResultType]::ParameterName, 'Comma-separated list of intermediate user topics (input and output topics): skipped to their end')
            [CompletionResult]::new('--internal-topics', '--internal-topics', [CompletionResultType]::ParameterName, 'Comma-separated list of internal topics to delete (a subset of those a dry run shows)')
            [CompletionResult]::new('--to-offset', '--to-offset', [CompletionResultType]::ParameterName, 'Reset offsets to a specific offset')
            [CompletionResult]::new('--to-datetime', '--to-datetime', [CompletionResultType]::ParameterName, 'Reset offsets to offset from datetime. Format: ''YYYY-MM-DDTHH:mm:SS.sss''')
            [CompletionResult]::new('--by-duration', '--by-duration', [CompletionResultType]::ParameterName, 'Reset offsets to offset by duration from current timestamp. Format: ''PnDTnHnMnS''')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Reset offsets to values defined in CSV file (TOPIC,PARTITION,OFFSET lines)')
            [CompletionResult]::new('--shift-by', '--shift-by', [CompletionResultType]::ParameterName, 'Reset offsets shifting current offset by ''n'', where ''n'' can be positive or negative')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Property file containing configs to be passed to admin clients and embedded consumer')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--to-earliest', '--to-earliest', [CompletionResultType]::ParameterName, 'Reset offsets to earliest offset')
            [CompletionResult]::new('--to-latest', '--to-latest', [CompletionResultType]::ParameterName, 'Reset offsets to latest offset')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Force the removal of members of the consumer group (stop every instance of the application first)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Display the actions that would be performed without executing the reset commands')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'kt: make the changes (under kt''s name a dry run is the default)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;dump-log' {
            [CompletionResult]::new('--files', '--files', [CompletionResultType]::ParameterName, 'REQUIRED: The comma separated list of data and index log files to be dumped')
            [CompletionResult]::new('--max-message-size', '--max-message-size', [CompletionResultType]::ParameterName, 'Size of largest message. [default: 5242880]')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Limit the amount of total batches read in bytes avoiding reading the whole .log file(s). [default: 2147483647]')
            [CompletionResult]::new('--key-decoder-class', '--key-decoder-class', [CompletionResultType]::ParameterName, 'The keys'' decoder: org.apache.kafka.tools.api.StringDecoder (the default), LongDecoder or IntegerDecoder')
            [CompletionResult]::new('--value-decoder-class', '--value-decoder-class', [CompletionResultType]::ParameterName, 'The values'' decoder: org.apache.kafka.tools.api.StringDecoder (the default), LongDecoder or IntegerDecoder')
            [CompletionResult]::new('--print-data-log', '--print-data-log', [CompletionResultType]::ParameterName, 'If set, printing the messages content when dumping data logs. Automatically set if any decoder option is specified')
            [CompletionResult]::new('--deep-iteration', '--deep-iteration', [CompletionResultType]::ParameterName, 'If set, uses deep instead of shallow iteration. Automatically set if print-data-log is enabled')
            [CompletionResult]::new('--verify-index-only', '--verify-index-only', [CompletionResultType]::ParameterName, 'If set, just verify the index log without printing its content')
            [CompletionResult]::new('--index-sanity-check', '--index-sanity-check', [CompletionResultType]::ParameterName, 'If set, just checks the index sanity without printing its content')
            [CompletionResult]::new('--offsets-decoder', '--offsets-decoder', [CompletionResultType]::ParameterName, 'Parse the data as __consumer_offsets records (not in kt yet)')
            [CompletionResult]::new('--transaction-log-decoder', '--transaction-log-decoder', [CompletionResultType]::ParameterName, 'Parse the data as __transaction_state records')
            [CompletionResult]::new('--cluster-metadata-decoder', '--cluster-metadata-decoder', [CompletionResultType]::ParameterName, 'Parse the data as cluster metadata records (not in kt yet)')
            [CompletionResult]::new('--remote-log-metadata-decoder', '--remote-log-metadata-decoder', [CompletionResultType]::ParameterName, 'Parse the data as remote log metadata records (not in kt yet)')
            [CompletionResult]::new('--skip-record-metadata', '--skip-record-metadata', [CompletionResultType]::ParameterName, 'Whether to skip printing metadata for each record')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kt;verifiable-producer' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Produce messages to this topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Produce messages to this topic')
            [CompletionResult]::new('--max-messages', '--max-messages', [CompletionResultType]::ParameterName, 'Produce this many messages; -1 until stopped')
            [CompletionResult]::new('--throughput', '--throughput', [CompletionResultType]::ParameterName, 'Throttle to about this many messages a second; -1 for no limit')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acks required on each produced message: 0, 1 or -1')
            [CompletionResult]::new('--producer.config', '--producer.config', [CompletionResultType]::ParameterName, 'Producer config properties file')
            [CompletionResult]::new('--message-create-time', '--message-create-time', [CompletionResultType]::ParameterName, 'Send messages with creation times from this one, in milliseconds since the epoch')
            [CompletionResult]::new('--value-prefix', '--value-prefix', [CompletionResultType]::ParameterName, 'Give each value this prefix and a dot')
            [CompletionResult]::new('--repeating-keys', '--repeating-keys', [CompletionResultType]::ParameterName, 'Give records the keys 0, 1, ... up to this number (exclusive), again and again')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kt;verifiable-consumer' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Consume messages from this topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Consume messages from this topic')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'The consumer group to join')
            [CompletionResult]::new('--group-id', '--group-id', [CompletionResultType]::ParameterName, 'The consumer group to join')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The consumer group to join')
            [CompletionResult]::new('--group-instance-id', '--group-instance-id', [CompletionResultType]::ParameterName, 'A static member id (group.instance.id)')
            [CompletionResult]::new('--group-protocol', '--group-protocol', [CompletionResultType]::ParameterName, 'Group protocol: classic, or consumer (KIP-848; the broker must enable it)')
            [CompletionResult]::new('--group-remote-assignor', '--group-remote-assignor', [CompletionResultType]::ParameterName, 'The broker-side assignor (consumer protocol only: uniform or range)')
            [CompletionResult]::new('--max-messages', '--max-messages', [CompletionResultType]::ParameterName, 'Stop after this many records; -1 runs until stopped')
            [CompletionResult]::new('--session-timeout', '--session-timeout', [CompletionResultType]::ParameterName, 'The consumer''s session timeout in milliseconds (classic protocol)')
            [CompletionResult]::new('--reset-policy', '--reset-policy', [CompletionResultType]::ParameterName, 'Where to start without a committed offset: earliest, latest or none')
            [CompletionResult]::new('--assignment-strategy', '--assignment-strategy', [CompletionResultType]::ParameterName, 'Kafka''s assignor class (classic protocol): RangeAssignor, RoundRobinAssignor or CooperativeStickyAssignor')
            [CompletionResult]::new('--consumer.config', '--consumer.config', [CompletionResultType]::ParameterName, 'Consumer config properties file')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'Print a record_data line for each record (Kafka''s --verbose)')
            [CompletionResult]::new('--enable-autocommit', '--enable-autocommit', [CompletionResultType]::ParameterName, 'Let the consumer commit offsets itself instead of after each poll')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kt;verify-replicas' {
            [CompletionResult]::new('--topics-include', '--topics-include', [CompletionResultType]::ParameterName, 'The topics to verify: a Java regex, matched against whole names (`,` means or) [default: every topic]')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topics to verify: a Java regex, matched against whole names (`,` means or) [default: every topic]')
            [CompletionResult]::new('--topic-white-list', '--topic-white-list', [CompletionResultType]::ParameterName, 'Deprecated: --topics-include')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'Where verification starts: -1 the partitions'' ends, -2 their starts, or a timestamp (ms) [default: -2; Kafka''s tool: -1]')
            [CompletionResult]::new('--fetch-size', '--fetch-size', [CompletionResultType]::ParameterName, 'Bytes fetched of each partition per request [default: 1048576]')
            [CompletionResult]::new('--max-wait-ms', '--max-wait-ms', [CompletionResultType]::ParameterName, 'The longest each fetch waits for new records, in ms [default: 1000]')
            [CompletionResult]::new('--report-interval-ms', '--report-interval-ms', [CompletionResultType]::ParameterName, 'With --watch: how often the largest lag is reported, in ms [default: 10000; Kafka''s tool: 30000]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'kt: keep verifying new records until stopped, as Kafka''s tool does')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;doctor' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('--timeout-ms', '--timeout-ms', [CompletionResultType]::ParameterName, 'How long each step may wait for the cluster, in milliseconds [default: 10000]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;config' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the resolved cluster and client settings, secrets redacted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kt;config;show' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the resolved cluster and client settings, secrets redacted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kt;config;help;show' {
            break
        }
        'kt;config;help;help' {
            break
        }
        'kt;install-aliases' {
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace files that already have these names (Kafka''s own scripts, say)')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Print the names kt answers to instead, one per line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kt;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every shell''s script into this directory instead')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kt;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write kt.1 and one page per subcommand into this directory')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kt;perf' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('consumer', 'consumer', [CompletionResultType]::ParameterValue, 'Consume records as fast as possible and report throughput')
            [CompletionResult]::new('e2e', 'e2e', [CompletionResultType]::ParameterValue, 'Produce one record at a time, read each back, report the round trip (kafka-e2e-latency)')
            [CompletionResult]::new('producer', 'producer', [CompletionResultType]::ParameterValue, 'Produce records as fast as allowed and report throughput and latency')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kt;perf;consumer' {
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Regular expression of topics to consume (Kafka 4.2)')
            [CompletionResult]::new('--messages', '--messages', [CompletionResultType]::ParameterName, 'REQUIRED: the number of records to consume')
            [CompletionResult]::new('--num-records', '--num-records', [CompletionResultType]::ParameterName, 'Kafka 4.2''s name for --messages')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The consumer group id [default: perf-consumer-<random>]')
            [CompletionResult]::new('--fetch-size', '--fetch-size', [CompletionResultType]::ParameterName, 'Bytes to fetch per partition (max.partition.fetch.bytes) [default: 1048576]')
            [CompletionResult]::new('--socket-buffer-size', '--socket-buffer-size', [CompletionResultType]::ParameterName, 'TCP receive buffer (receive.buffer.bytes) [default: 2097152]')
            [CompletionResult]::new('--consumer.config', '--consumer.config', [CompletionResultType]::ParameterName, 'Consumer properties file')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Longest gap allowed between records, in ms [default: 10000]')
            [CompletionResult]::new('--reporting-interval', '--reporting-interval', [CompletionResultType]::ParameterName, 'Interval of the detailed lines, in ms [default: 5000]')
            [CompletionResult]::new('--date-format', '--date-format', [CompletionResultType]::ParameterName, 'Java SimpleDateFormat pattern of the times [default: yyyy-MM-dd HH:mm:ss:SSS]')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Ignored (Kafka 3.x deprecated it)')
            [CompletionResult]::new('--num-fetch-threads', '--num-fetch-threads', [CompletionResultType]::ParameterName, 'Ignored (Kafka 3.x deprecated it)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (kt only)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (kt only)')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'REQUIRED: the topic to consume from')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'REQUIRED: the topic to consume from')
            [CompletionResult]::new('--from-latest', '--from-latest', [CompletionResultType]::ParameterName, 'Start from the latest offset rather than the earliest')
            [CompletionResult]::new('--show-detailed-stats', '--show-detailed-stats', [CompletionResultType]::ParameterName, 'Print a line per reporting interval instead of one summary')
            [CompletionResult]::new('--hide-header', '--hide-header', [CompletionResultType]::ParameterName, 'Leave out the header line')
            [CompletionResult]::new('--print-metrics', '--print-metrics', [CompletionResultType]::ParameterName, 'Print librdkafka''s statistics at the end')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;perf;e2e' {
            [CompletionResult]::new('--num-records', '--num-records', [CompletionResultType]::ParameterName, 'Number of round trips')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Producer acks: 1 or all (-1)')
            [CompletionResult]::new('--record-size', '--record-size', [CompletionResultType]::ParameterName, 'Record size in bytes')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The topic to send through (created with one partition if missing)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic to send through (created with one partition if missing)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;perf;producer' {
            [CompletionResult]::new('--num-records', '--num-records', [CompletionResultType]::ParameterName, 'Number of records to produce')
            [CompletionResult]::new('--record-size', '--record-size', [CompletionResultType]::ParameterName, 'Record size in bytes')
            [CompletionResult]::new('--payload-file', '--payload-file', [CompletionResultType]::ParameterName, 'File of payloads, split by --payload-delimiter; a random one per record')
            [CompletionResult]::new('--payload-delimiter', '--payload-delimiter', [CompletionResultType]::ParameterName, 'Delimiter of --payload-file (a regular expression)')
            [CompletionResult]::new('--throughput', '--throughput', [CompletionResultType]::ParameterName, 'Records per second, -1 for no limit')
            [CompletionResult]::new('--producer-props', '--producer-props', [CompletionResultType]::ParameterName, 'Producer properties (k=v ...), e.g. bootstrap.servers=host:9092 acks=all')
            [CompletionResult]::new('--producer.config', '--producer.config', [CompletionResultType]::ParameterName, 'Producer properties file')
            [CompletionResult]::new('--transactional-id', '--transactional-id', [CompletionResultType]::ParameterName, 'Transactional id (turns transactions on)')
            [CompletionResult]::new('--transaction-duration-ms', '--transaction-duration-ms', [CompletionResultType]::ParameterName, 'Length of each transaction in ms (turns transactions on)')
            [CompletionResult]::new('--warmup-records', '--warmup-records', [CompletionResultType]::ParameterName, 'Records to send before the steady-state statistics start')
            [CompletionResult]::new('--reporting-interval', '--reporting-interval', [CompletionResultType]::ParameterName, 'Window length of the periodic lines in ms [default: 5000]')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'acks for kt''s shorthand: -1/all, 0 or 1 (kt only)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (kt only)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (kt only)')
            [CompletionResult]::new('--histogram', '--histogram', [CompletionResultType]::ParameterName, 'Write HdrHistogram''s percentile distribution of latency (µs) here (kt only)')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Produce records to this topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Produce records to this topic')
            [CompletionResult]::new('--payload-monotonic', '--payload-monotonic', [CompletionResultType]::ParameterName, 'Payloads are the record index as text: 0, 1, 2, ...')
            [CompletionResult]::new('--print-metrics', '--print-metrics', [CompletionResultType]::ParameterName, 'Print librdkafka''s statistics at the end')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show librdkafka''s log and what kt ignores')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'kt;perf;help' {
            [CompletionResult]::new('consumer', 'consumer', [CompletionResultType]::ParameterValue, 'Consume records as fast as possible and report throughput')
            [CompletionResult]::new('e2e', 'e2e', [CompletionResultType]::ParameterValue, 'Produce one record at a time, read each back, report the round trip (kafka-e2e-latency)')
            [CompletionResult]::new('producer', 'producer', [CompletionResultType]::ParameterValue, 'Produce records as fast as allowed and report throughput and latency')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kt;perf;help;consumer' {
            break
        }
        'kt;perf;help;e2e' {
            break
        }
        'kt;perf;help;producer' {
            break
        }
        'kt;perf;help;help' {
            break
        }
        'kt;help' {
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'Create, list, describe, alter and delete topics (kafka-topics)')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Produce records from standard input (kafka-console-producer)')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Print records from a topic (kafka-console-consumer)')
            [CompletionResult]::new('offsets', 'offsets', [CompletionResultType]::ParameterValue, 'Offsets of topic-partitions at a time, or earliest/latest/records (GetOffsetShell)')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'List, describe and delete consumer groups, reset their offsets (kafka-consumer-groups)')
            [CompletionResult]::new('delete-records', 'delete-records', [CompletionResultType]::ParameterValue, 'Delete the records of partitions before an offset or a time (kafka-delete-records)')
            [CompletionResult]::new('brokers', 'brokers', [CompletionResultType]::ParameterValue, 'The brokers, controller and cluster id; their API versions or log directories (kafka-broker-api-versions, kafka-log-dirs)')
            [CompletionResult]::new('configs', 'configs', [CompletionResultType]::ParameterValue, 'Describe and alter configs of topics, brokers, loggers; quotas and SCRAM credentials (kafka-configs)')
            [CompletionResult]::new('acls', 'acls', [CompletionResultType]::ParameterValue, 'Add, remove and list ACLs (kafka-acls)')
            [CompletionResult]::new('elect-leaders', 'elect-leaders', [CompletionResultType]::ParameterValue, 'Elect partition leaders: the preferred replica, or an unclean one (kafka-leader-election)')
            [CompletionResult]::new('reassign', 'reassign', [CompletionResultType]::ParameterValue, 'Move partitions'' replicas between brokers: generate a plan, execute it with a throttle, verify, cancel, list (kafka-reassign-partitions)')
            [CompletionResult]::new('quorum', 'quorum', [CompletionResultType]::ParameterValue, 'The KRaft metadata quorum: leader, epoch, voters, observers and their lag (kafka-metadata-quorum)')
            [CompletionResult]::new('features', 'features', [CompletionResultType]::ParameterValue, 'Feature flags: describe them (supported, finalized), upgrade, downgrade or disable them (kafka-features)')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'The cluster''s id, controller and brokers; unregister a broker that is gone (kafka-cluster)')
            [CompletionResult]::new('transactions', 'transactions', [CompletionResultType]::ParameterValue, 'Transactions: list, describe, the producers a partition knows, abort, find hanging ones (kafka-transactions)')
            [CompletionResult]::new('client-metrics', 'client-metrics', [CompletionResultType]::ParameterValue, 'Client-metrics subscriptions (KIP-714): list, describe, alter, delete (kafka-client-metrics)')
            [CompletionResult]::new('delegation-tokens', 'delegation-tokens', [CompletionResultType]::ParameterValue, 'Delegation tokens: create, renew, expire, describe (kafka-delegation-tokens)')
            [CompletionResult]::new('streams-reset', 'streams-reset', [CompletionResultType]::ParameterValue, 'Reset a Kafka Streams application: input offsets, intermediate topics, internal topics (kafka-streams-application-reset)')
            [CompletionResult]::new('dump-log', 'dump-log', [CompletionResultType]::ParameterValue, 'A partition''s files on disk, offline: log segments, indexes, snapshots, record by record (kafka-dump-log)')
            [CompletionResult]::new('verifiable-producer', 'verifiable-producer', [CompletionResultType]::ParameterValue, 'Produce increasing integers and print each acknowledgement as a JSON event line (kafka-verifiable-producer)')
            [CompletionResult]::new('verifiable-consumer', 'verifiable-consumer', [CompletionResultType]::ParameterValue, 'Consume a topic in a group and print each poll, rebalance and commit as a JSON event line (kafka-verifiable-consumer)')
            [CompletionResult]::new('verify-replicas', 'verify-replicas', [CompletionResultType]::ParameterValue, 'Check that every replica of the topics holds the same records, batch by batch (kafka-replica-verification)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Why a client can or cannot work with a cluster: DNS, TCP, TLS, SASL, metadata, every advertised broker')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the cluster profile and client settings a command would use')
            [CompletionResult]::new('install-aliases', 'install-aliases', [CompletionResultType]::ParameterValue, 'Link every Kafka tool name (with and without .sh) to this kt in DIR')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (or write all of them with --dir)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print kt''s man page (or write all of them with --dir)')
            [CompletionResult]::new('perf', 'perf', [CompletionResultType]::ParameterValue, 'Benchmark producing and consuming (kafka-producer-perf-test, kafka-consumer-perf-test)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kt;help;topics' {
            break
        }
        'kt;help;produce' {
            break
        }
        'kt;help;consume' {
            break
        }
        'kt;help;offsets' {
            break
        }
        'kt;help;groups' {
            break
        }
        'kt;help;delete-records' {
            break
        }
        'kt;help;brokers' {
            break
        }
        'kt;help;configs' {
            break
        }
        'kt;help;acls' {
            break
        }
        'kt;help;elect-leaders' {
            break
        }
        'kt;help;reassign' {
            break
        }
        'kt;help;quorum' {
            break
        }
        'kt;help;features' {
            break
        }
        'kt;help;cluster' {
            break
        }
        'kt;help;transactions' {
            break
        }
        'kt;help;client-metrics' {
            break
        }
        'kt;help;delegation-tokens' {
            break
        }
        'kt;help;streams-reset' {
            break
        }
        'kt;help;dump-log' {
            break
        }
        'kt;help;verifiable-producer' {
            break
        }
        'kt;help;verifiable-consumer' {
            break
        }
        'kt;help;verify-replicas' {
            break
        }
        'kt;help;doctor' {
            break
        }
        'kt;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the resolved cluster and client settings, secrets redacted')
            break
        }
        'kt;help;config;show' {
            break
        }
        'kt;help;install-aliases' {
            break
        }
        'kt;help;completions' {
            break
        }
        'kt;help;man' {
            break
        }
        'kt;help;perf' {
            [CompletionResult]::new('consumer', 'consumer', [CompletionResultType]::ParameterValue, 'Consume records as fast as possible and report throughput')
            [CompletionResult]::new('e2e', 'e2e', [CompletionResultType]::ParameterValue, 'Produce one record at a time, read each back, report the round trip (kafka-e2e-latency)')
            [CompletionResult]::new('producer', 'producer', [CompletionResultType]::ParameterValue, 'Produce records as fast as allowed and report throughput and latency')
            break
        }
        'kt;help;perf;consumer' {
            break
        }
        'kt;help;perf;e2e' {
            break
        }
        'kt;help;perf;producer' {
            break
        }
        'kt;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
