
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
            cand completions 'Print a shell completion script (or write all of them with --dir)'
            cand man 'Print kt''s man page (or write all of them with --dir)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'kt;help;topics'= {
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
