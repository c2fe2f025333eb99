
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
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand topics 'Create, list, describe, alter and delete topics (kafka-topics)'
            cand produce 'Produce records from standard input (kafka-console-producer)'
            cand consume 'Print records from a topic (kafka-console-consumer)'
            cand offsets 'Offsets of topic-partitions at a time, or earliest/latest/records (GetOffsetShell)'
            cand groups 'List, describe and delete consumer groups, reset their offsets (kafka-consumer-groups)'
            cand delete-records 'Delete the records of partitions before an offset or a time (kafka-delete-records)'
            cand config 'Show the cluster profile and client settings a command would use'
            cand install-aliases 'Link every Kafka tool name (with and without .sh) to this kt in DIR'
            cand completions 'Print a shell completion script (or write all of them with --dir)'
            cand man 'Print kt''s man page (or write all of them with --dir)'
            cand perf 'Benchmark producing and consuming (kafka-producer-perf-test, kafka-consumer-perf-test)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kt;topics'= {
            cand --topic-id 'The topic-id to describe'
            cand --partitions 'Number of partitions for the topic being created or altered (default: the broker''s)'
            cand --replication-factor 'Replication factor for each partition of the topic being created (default: the broker''s)'
            cand --replica-assignment 'Manual partition-to-broker assignment: b1:b2,b3:b4 (one group per partition)'
            cand --config 'A topic config override (repeatable), with --create or --alter'
            cand --delete-config 'A topic config override to remove (repeatable), with --alter'
            cand --partition-size-limit-per-response 'Accepted for Kafka compatibility; librdkafka pages partitions itself'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --cluster 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values'
            cand --timeout-ms 'How long to wait for the cluster, in milliseconds [default: 10000]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -b 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand -t 'The topic to create, alter, describe or delete; a regular expression except with --create'
            cand --topic 'The topic to create, alter, describe or delete; a regular expression except with --create'
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
        }
        &'kt;produce'= {
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
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --cluster 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values'
            cand -b 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand -t 'REQUIRED: the topic to produce to'
            cand --topic 'REQUIRED: the topic to produce to'
            cand --sync 'Send each record synchronously and stop at the first failure'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kt;consume'= {
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
            cand --tail 'Start at the last N records of each partition (kcat''s -o -N; with --exit, print them and stop)'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --cluster 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values'
            cand -b 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand -t 'The topic to consume'
            cand --topic 'The topic to consume'
            cand -f 'Print each record with kcat''s tokens: %t %p %o %T %k %K %s (or %v) %S %R %h, \n \t \xHH; %k and %v take {hex}, {base64} or {json} (kt only)'
            cand --format 'Print each record with kcat''s tokens: %t %p %o %T %k %K %s (or %v) %S %R %h, \n \t \xHH; %k and %v take {hex}, {base64} or {json} (kt only)'
            cand --from-beginning 'Start from the earliest record rather than the latest'
            cand --skip-message-on-error 'Skip records the formatter cannot print instead of stopping'
            cand --enable-systest-events 'Print shutdown_complete on stdout at exit, as Kafka''s system tests expect'
            cand --exit 'Stop when every partition reaches the end it had at start (kt only)'
            cand --wait-for-topic 'Wait for a topic that does not exist yet instead of failing (kt only)'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kt;offsets'= {
            cand --partitions 'Comma-separated partition ids [default: all]'
            cand --topic-partitions 'Rules: topic-regex[:partition], :p, t:a-b, t:a-, t:-b (comma-separated)'
            cand --time 'latest/-1, earliest/-2, max-timestamp/-3, earliest-local/-4, latest-tiered/-5, or a ms timestamp (kt: also RFC 3339 or -1h)'
            cand --offsets 'Accepted and ignored, as in Kafka 2.x'
            cand --max-wait-ms 'Accepted and ignored, as in Kafka 2.x'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --cluster 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values'
            cand -b 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand -t 'Topics to get offsets for: a regular expression (full match) [default: all]'
            cand --topic 'Topics to get offsets for: a regular expression (full match) [default: all]'
            cand --exclude-internal-topics 'Leave out internal topics'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kt;groups'= {
            cand --group 'The consumer group to act on (repeatable)'
            cand --timeout 'Request timeout in ms'
            cand --to-offset 'Reset to this offset'
            cand --from-file 'Reset to the offsets of a CSV file (topic,partition,offset or group,topic,partition,offset)'
            cand --to-datetime 'Reset to the first offset at or after a time: YYYY-MM-DDTHH:mm:SS.sss[zone]'
            cand --by-duration 'Reset to the first offset at or after now minus a duration: PnDTnHnMnS'
            cand --shift-by 'Reset to the committed offset plus N (N may be negative)'
            cand --state 'With --describe: the group''s state; with --list: the states to list (comma-separated)'
            cand --type 'With --list: the group types to list (classic, consumer; comma-separated)'
            cand --watch 'kt: redraw the description every INTERVAL on a terminal, one JSON line per INTERVAL otherwise'
            cand --max-lag 'kt: exit 6, naming them, when any partition lags by more than N records'
            cand --max-lag-time 'kt: exit 6, naming them, when any partition''s oldest unconsumed record is older than this (30s, 5m, 1h)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --cluster 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values'
            cand -b 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand -t 'A topic (T, or T:0,1,2 for some partitions) to reset or delete offsets of (repeatable)'
            cand --topic 'A topic (T, or T:0,1,2 for some partitions) to reset or delete offsets of (repeatable)'
            cand --list 'List all consumer groups'
            cand --describe 'Describe consumer groups and their offset lag'
            cand --delete 'Delete consumer groups (--group, repeatable, or --all-groups)'
            cand --reset-offsets 'Reset a group''s offsets: plan (--dry-run, the default) or --execute'
            cand --delete-offsets 'Delete a group''s committed offsets of --topic T[:P,...]'
            cand --all-groups 'Apply to all consumer groups'
            cand --all-topics 'With --reset-offsets: every topic the group has committed offsets for'
            cand --dry-run 'With --reset-offsets: only show the plan (the default)'
            cand --execute 'With --reset-offsets: commit the plan'
            cand --export 'With --reset-offsets: print the plan as CSV (what --from-file reads)'
            cand --to-earliest 'Reset to the earliest offset'
            cand --to-latest 'Reset to the latest offset'
            cand --to-current 'Reset to the committed offset (the log end where there is none)'
            cand --members 'With --describe: the members of the group'
            cand --offsets 'With --describe: the partitions and lag of the group (the default)'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kt;delete-records'= {
            cand --offset-json-file 'The JSON file with offset per partition: {"partitions": [{"topic": "foo", "partition": 1, "offset": 1}], "version": 1}'
            cand --partition 'kt: only this partition of --topic (repeatable) [default: all]'
            cand --before 'kt: delete the records before this offset, or before this time (RFC 3339, epoch ms, -1h); `end` deletes all'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --cluster 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values'
            cand -b 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand -t 'kt: the topic to delete records of (instead of --offset-json-file)'
            cand --topic 'kt: the topic to delete records of (instead of --offset-json-file)'
            cand -y 'kt: do not ask on a terminal'
            cand --yes 'kt: do not ask on a terminal'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kt;config'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Print the resolved cluster and client settings, secrets redacted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kt;config;show'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --cluster 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values'
            cand -b 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kt;config;help'= {
            cand show 'Print the resolved cluster and client settings, secrets redacted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kt;config;help;show'= {
        }
        &'kt;config;help;help'= {
        }
        &'kt;install-aliases'= {
            cand --force 'Replace files that already have these names (Kafka''s own scripts, say)'
            cand --list 'Print the names kt answers to instead, one per line'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kt;completions'= {
            cand --dir 'Write every shell''s script into this directory instead'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kt;man'= {
            cand --dir 'Write kt.1 and one page per subcommand into this directory'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'kt;perf'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand consumer 'Consume records as fast as possible and report throughput'
            cand e2e 'Produce one record at a time, read each back, report the round trip (kafka-e2e-latency)'
            cand producer 'Produce records as fast as allowed and report throughput and latency'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kt;perf;consumer'= {
            cand --include 'Regular expression of topics to consume (Kafka 4.2)'
            cand --messages 'REQUIRED: the number of records to consume'
            cand --num-records 'Kafka 4.2''s name for --messages'
            cand --group 'The consumer group id [default: perf-consumer-<random>]'
            cand --fetch-size 'Bytes to fetch per partition (max.partition.fetch.bytes) [default: 1048576]'
            cand --socket-buffer-size 'TCP receive buffer (receive.buffer.bytes) [default: 2097152]'
            cand --consumer.config 'Consumer properties file'
            cand --timeout 'Longest gap allowed between records, in ms [default: 10000]'
            cand --reporting-interval 'Interval of the detailed lines, in ms [default: 5000]'
            cand --date-format 'Java SimpleDateFormat pattern of the times [default: yyyy-MM-dd HH:mm:ss:SSS]'
            cand --threads 'Ignored (Kafka 3.x deprecated it)'
            cand --num-fetch-threads 'Ignored (Kafka 3.x deprecated it)'
            cand -o 'Output format (kt only)'
            cand --output 'Output format (kt only)'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --cluster 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values'
            cand -b 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand -t 'REQUIRED: the topic to consume from'
            cand --topic 'REQUIRED: the topic to consume from'
            cand --from-latest 'Start from the latest offset rather than the earliest'
            cand --show-detailed-stats 'Print a line per reporting interval instead of one summary'
            cand --hide-header 'Leave out the header line'
            cand --print-metrics 'Print librdkafka''s statistics at the end'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kt;perf;e2e'= {
            cand --num-records 'Number of round trips'
            cand --acks 'Producer acks: 1 or all (-1)'
            cand --record-size 'Record size in bytes'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --cluster 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values'
            cand -b 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand -t 'The topic to send through (created with one partition if missing)'
            cand --topic 'The topic to send through (created with one partition if missing)'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kt;perf;producer'= {
            cand --num-records 'Number of records to produce'
            cand --record-size 'Record size in bytes'
            cand --payload-file 'File of payloads, split by --payload-delimiter; a random one per record'
            cand --payload-delimiter 'Delimiter of --payload-file (a regular expression)'
            cand --throughput 'Records per second, -1 for no limit'
            cand --producer-props 'Producer properties (k=v ...), e.g. bootstrap.servers=host:9092 acks=all'
            cand --producer.config 'Producer properties file'
            cand --transactional-id 'Transactional id (turns transactions on)'
            cand --transaction-duration-ms 'Length of each transaction in ms (turns transactions on)'
            cand --warmup-records 'Records to send before the steady-state statistics start'
            cand --reporting-interval 'Window length of the periodic lines in ms [default: 5000]'
            cand --acks 'acks for kt''s shorthand: -1/all, 0 or 1 (kt only)'
            cand -o 'Output format (kt only)'
            cand --output 'Output format (kt only)'
            cand --histogram 'Write HdrHistogram''s percentile distribution of latency (µs) here (kt only)'
            cand --broker-list 'Old Kafka name of --bootstrap-server (used only when it is absent)'
            cand --zookeeper 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them'
            cand --command-config 'Java .properties file with client settings'
            cand --command-property 'Client setting in Java form (repeatable); overrides --command-config'
            cand -X 'librdkafka setting, passed through untranslated (repeatable, as in kcat)'
            cand --cluster 'Cluster profile from kt''s config file [env: KT_CLUSTER]; flags beat its values'
            cand -b 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand --bootstrap-server 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster'
            cand -t 'Produce records to this topic'
            cand --topic 'Produce records to this topic'
            cand --payload-monotonic 'Payloads are the record index as text: 0, 1, 2, ...'
            cand --print-metrics 'Print librdkafka''s statistics at the end'
            cand -v 'Show librdkafka''s log and what kt ignores'
            cand --verbose 'Show librdkafka''s log and what kt ignores'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'kt;perf;help'= {
            cand consumer 'Consume records as fast as possible and report throughput'
            cand e2e 'Produce one record at a time, read each back, report the round trip (kafka-e2e-latency)'
            cand producer 'Produce records as fast as allowed and report throughput and latency'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kt;perf;help;consumer'= {
        }
        &'kt;perf;help;e2e'= {
        }
        &'kt;perf;help;producer'= {
        }
        &'kt;perf;help;help'= {
        }
        &'kt;help'= {
            cand topics 'Create, list, describe, alter and delete topics (kafka-topics)'
            cand produce 'Produce records from standard input (kafka-console-producer)'
            cand consume 'Print records from a topic (kafka-console-consumer)'
            cand offsets 'Offsets of topic-partitions at a time, or earliest/latest/records (GetOffsetShell)'
            cand groups 'List, describe and delete consumer groups, reset their offsets (kafka-consumer-groups)'
            cand delete-records 'Delete the records of partitions before an offset or a time (kafka-delete-records)'
            cand config 'Show the cluster profile and client settings a command would use'
            cand install-aliases 'Link every Kafka tool name (with and without .sh) to this kt in DIR'
            cand completions 'Print a shell completion script (or write all of them with --dir)'
            cand man 'Print kt''s man page (or write all of them with --dir)'
            cand perf 'Benchmark producing and consuming (kafka-producer-perf-test, kafka-consumer-perf-test)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kt;help;topics'= {
        }
        &'kt;help;produce'= {
        }
        &'kt;help;consume'= {
        }
        &'kt;help;offsets'= {
        }
        &'kt;help;groups'= {
        }
        &'kt;help;delete-records'= {
        }
        &'kt;help;config'= {
            cand show 'Print the resolved cluster and client settings, secrets redacted'
        }
        &'kt;help;config;show'= {
        }
        &'kt;help;install-aliases'= {
        }
        &'kt;help;completions'= {
        }
        &'kt;help;man'= {
        }
        &'kt;help;perf'= {
            cand consumer 'Consume records as fast as possible and report throughput'
            cand e2e 'Produce one record at a time, read each back, report the round trip (kafka-e2e-latency)'
            cand producer 'Produce records as fast as allowed and report throughput and latency'
        }
        &'kt;help;perf;consumer'= {
        }
        &'kt;help;perf;e2e'= {
        }
        &'kt;help;perf;producer'= {
        }
        &'kt;help;help'= {
        }
    ]
    $completions[$command]
}
