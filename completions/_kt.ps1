
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'Create, list, describe, alter and delete topics (kafka-topics)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (or write all of them with --dir)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print kt''s man page (or write all of them with --dir)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kt;topics' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic to create, alter, describe or delete; a regular expression except with --create')
            [CompletionResult]::new('--topic-id', '--topic-id', [CompletionResultType]::ParameterName, 'The topic-id to describe')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Number of partitions for the topic being created or altered (default: the broker''s)')
            [CompletionResult]::new('--replication-factor', '--replication-factor', [CompletionResultType]::ParameterName, 'Replication factor for each partition of the topic being created (default: the broker''s)')
            [CompletionResult]::new('--replica-assignment', '--replica-assignment', [CompletionResultType]::ParameterName, 'Manual partition-to-broker assignment: b1:b2,b3:b4 (one group per partition)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'A topic config override (repeatable), with --create or --alter')
            [CompletionResult]::new('--delete-config', '--delete-config', [CompletionResultType]::ParameterName, 'A topic config override to remove (repeatable), with --alter')
            [CompletionResult]::new('--partition-size-limit-per-response', '--partition-size-limit-per-response', [CompletionResultType]::ParameterName, 'Accepted for Kafka compatibility; librdkafka pages partitions itself')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Old Kafka name of --bootstrap-server (used only when it is absent)')
            [CompletionResult]::new('--zookeeper', '--zookeeper', [CompletionResultType]::ParameterName, 'Find the brokers through ZooKeeper (Kafka''s pre-3.0 flag); kt then talks to them')
            [CompletionResult]::new('--command-config', '--command-config', [CompletionResultType]::ParameterName, 'Java .properties file with client settings')
            [CompletionResult]::new('--command-property', '--command-property', [CompletionResultType]::ParameterName, 'Client setting in Java form (repeatable); overrides --command-config')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka setting, passed through untranslated (repeatable, as in kcat)')
            [CompletionResult]::new('--timeout-ms', '--timeout-ms', [CompletionResultType]::ParameterName, 'How long to wait for the cluster, in milliseconds [default: 10000]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
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
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kt;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every shell''s script into this directory instead')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kt;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write kt.1 and one page per subcommand into this directory')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'kt;help' {
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'Create, list, describe, alter and delete topics (kafka-topics)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (or write all of them with --dir)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print kt''s man page (or write all of them with --dir)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'kt;help;topics' {
            break
        }
        'kt;help;completions' {
            break
        }
        'kt;help;man' {
            break
        }
        'kt;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
