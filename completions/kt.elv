
use builtin;
use str;

set edit:completion:arg-completer[kt] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'kt'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'kt'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand topics 'Create, list, describe, alter and delete topics (kafka-topics)'
            cand produce 'Produce records from standard input (kafka-console-producer)'
            cand consume 'Print records from a topic (kafka-console-consumer)'
            cand completions 'Print a shell completion script (or write all of them with --dir)'
            cand man 'Print kt''s man page (or write all of them with --dir)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kt;topics'= {
            cand --topic 'The topic to create, alter, describe or delete; a regular expression except with --create'
            cand --topic-id 'The topic-id to describe'
            cand --partitions 'Number of partitions for the topic being created or altered (default: the broker''s)'
            cand --replication-factor 'Replication factor for each partition of the topic being created (default: the broker''s)'
            cand --replica-assignment 'Manual partition-to-broker assignment: b1:b2,b3:b4 (one group per partition)'
            cand --config 'A topic config override (repeatable), with --create or --alter'
            cand --delete-config 'A topic config override to remove (repeatable), with --alter'
            cand --partition-size-limit-per-response 'Accepted for Kafka compatibility; librdkafka pages partitions itself'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --timeout-ms 'How long to wait for the cluster, in milliseconds [default: 10000]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --list 'List all available topics'
            cand --create 'Create a new topic'
            cand --describe 'List details for the given topics'
            cand --alter 'Alter the number of partitions, replica assignment or configs'
            cand --delete 'Delete a topic'
            cand --if-exists 'With --alter, --delete or --describe: do nothing if the topic does not exist'
            cand --if-not-exists 'With --create: do nothing if the topic already exists'
            cand --exclude-internal 'Exclude internal topics when listing or describing'
            cand --under-replicated-partitions 'With --describe: only show under-replicated partitions'
            cand --under-min-isr-partitions 'With --describe: only show partitions whose ISR is smaller than min.insync.replicas'
            cand --at-min-isr-partitions 'With --describe: only show partitions whose ISR equals min.insync.replicas'
            cand --unavailable-partitions 'With --describe: only show partitions whose leader is not available'
            cand --topics-with-overrides 'With --describe: only show topics that have overridden configs'
            cand --disable-rack-aware 'Accepted and ignored, as in Kafka 3.x'
            cand --force 'Accepted and ignored, as in Kafka 2.x'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kt;produce'= {
            cand --topic 'REQUIRED: the topic to produce to'
            cand --compression-codec 'Compression codec: none, gzip, snappy, lz4 or zstd (alone: gzip)'
            cand --batch-size 'Batch size in bytes (batch.size) [default: 16384]'
            cand --max-partition-memory-bytes 'Batch size in bytes; beats --batch-size (deprecated in Kafka 4.2)'
            cand --message-send-max-retries 'Retries (retries) [default: 3]'
            cand --retry-backoff-ms 'Backoff before a retry (retry.backoff.ms) [default: 100]'
            cand --timeout 'Linger before sending a batch (linger.ms) [default: 1000]'
            cand --request-required-acks 'Acks the leader waits for: -1/all, 0 or 1 (acks) [default: -1]'
            cand --request-timeout-ms 'Broker ack timeout (request.timeout.ms) [default: 1500]'
            cand --metadata-expiry-ms 'Metadata refresh interval (metadata.max.age.ms) [default: 300000]'
            cand --max-block-ms 'How long a send may wait for buffer space (max.block.ms) [default: 60000]'
            cand --max-memory-bytes 'Producer buffer size (buffer.memory) [default: 33554432]'
            cand --socket-buffer-size 'TCP send buffer (send.buffer.bytes) [default: 102400]'
            cand --line-reader 'Reader class; only Kafka''s LineMessageReader is built in'
            cand --property 'Reader property (repeatable): parse.key, key.separator, parse.headers, ...'
            cand --reader-property 'Reader property (repeatable): parse.key, key.separator, parse.headers, ...'
            cand --reader-config 'Reader properties file; --property wins'
            cand --producer-property 'Producer property in Java form (repeatable)'
            cand --producer.config 'Producer properties file'
            cand --input 'Input format (kt only)'
            cand --partition 'Send every record to this partition (kt only)'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --sync 'Send each record synchronously and stop at the first failure'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kt;consume'= {
            cand --topic 'The topic to consume'
            cand --include 'Regular expression of topics to consume (full match)'
            cand --whitelist 'Old name of --include (ignored when --include is given)'
            cand --partition 'The partition to consume from (assigned, not subscribed)'
            cand --offset 'Where to start with --partition: earliest, latest or an offset [default: latest]'
            cand --group 'Consumer group id (commits offsets)'
            cand --max-messages 'Stop after this many records'
            cand --timeout-ms 'Stop when no record arrives for this long'
            cand --isolation-level 'read_committed or read_uncommitted [default: read_uncommitted]'
            cand --consumer-property 'Consumer property in Java form (repeatable)'
            cand --consumer.config 'Consumer properties file'
            cand --formatter 'Formatter class; Kafka''s DefaultMessageFormatter and the NoOp/Logging ones are built in'
            cand --property 'Formatter property (repeatable): print.key, print.timestamp, key.separator, ...'
            cand --formatter-property 'Formatter property (repeatable): print.key, print.timestamp, key.separator, ...'
            cand --formatter-config 'Formatter properties file; --property wins'
            cand --key-deserializer 'Key deserializer class (becomes the key.deserializer formatter property)'
            cand --value-deserializer 'Value deserializer class (becomes the value.deserializer formatter property)'
            cand -o 'Output format (kt only)'
            cand --output 'Output format (kt only)'
            cand --from-time 'Start at this time: epoch ms, RFC 3339, or relative like -15m (kt only)'
            cand --until-time 'Stop each partition at its first record after this time (kt only)'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --from-beginning 'Start from the earliest record rather than the latest'
            cand --skip-message-on-error 'Skip records the formatter cannot print instead of stopping'
            cand --enable-systest-events 'Print shutdown_complete on stdout at exit, as Kafka''s system tests expect'
            cand --exit 'Stop when every partition reaches the end it had at start (kt only)'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kt;completions'= {
            cand --dir 'Write every shell''s script into this directory instead'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kt;man'= {
            cand --dir 'Write kt.1 and one page per subcommand into this directory'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'kt;help'= {
            cand topics 'Create, list, describe, alter and delete topics (kafka-topics)'
            cand produce 'Produce records from standard input (kafka-console-producer)'
            cand consume 'Print records from a topic (kafka-console-consumer)'
            cand completions 'Print a shell completion script (or write all of them with --dir)'
            cand man 'Print kt''s man page (or write all of them with --dir)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kt;help;topics'= {
        }
        &'kt;help;produce'= {
        }
        &'kt;help;consume'= {
        }
        &'kt;help;completions'= {
        }
        &'kt;help;man'= {
        }
        &'kt;help;help'= {
        }
    ]
    $completions[$command]
}
