//! kafka-consumer-groups' flags, shared by `kt groups` and the
//! `kafka-consumer-groups` link, and Kafka 3.9's checks in its order
//! (`ConsumerGroupCommandOptions.checkArgs`, then `main`'s one action).

use clap::Args;
use kt_core::{ConnectionArgs, Diagnostics, KtError, OutputArgs};

use crate::java_order::option_set;

#[derive(Args, Debug, Clone, Default)]
pub struct GroupsArgs {
    /// List all consumer groups
    #[arg(long, help_heading = "Actions")]
    pub list: bool,
    /// Describe consumer groups and their offset lag
    #[arg(long, help_heading = "Actions")]
    pub describe: bool,
    /// Delete consumer groups (--group, repeatable, or --all-groups)
    #[arg(long, help_heading = "Actions")]
    pub delete: bool,
    /// Reset a group's offsets: plan (--dry-run, the default) or --execute
    #[arg(long, help_heading = "Actions")]
    pub reset_offsets: bool,
    /// Delete a group's committed offsets of --topic T[:P,...]
    #[arg(long, help_heading = "Actions")]
    pub delete_offsets: bool,

    /// The consumer group to act on (repeatable)
    #[arg(long, value_name = "consumer group")]
    pub group: Vec<String>,
    /// Apply to all consumer groups
    #[arg(long)]
    pub all_groups: bool,
    /// A topic (T, or T:0,1,2 for some partitions) to reset or delete offsets of (repeatable)
    #[arg(long, value_name = "topic")]
    pub topic: Vec<String>,
    /// With --reset-offsets: every topic the group has committed offsets for
    #[arg(long)]
    pub all_topics: bool,
    /// Request timeout in ms
    #[arg(long, value_name = "timeout (ms)", allow_hyphen_values = true)]
    pub timeout: Option<String>,

    /// With --reset-offsets: only show the plan (the default)
    #[arg(long, help_heading = "Reset")]
    pub dry_run: bool,
    /// With --reset-offsets: commit the plan
    #[arg(long, help_heading = "Reset")]
    pub execute: bool,
    /// With --reset-offsets: print the plan as CSV (what --from-file reads)
    #[arg(long, help_heading = "Reset")]
    pub export: bool,
    /// Reset to this offset
    #[arg(
        long,
        value_name = "offset",
        allow_hyphen_values = true,
        help_heading = "Reset"
    )]
    pub to_offset: Option<String>,
    /// Reset to the offsets of a CSV file (topic,partition,offset or group,topic,partition,offset)
    #[arg(long, value_name = "path to CSV file", help_heading = "Reset")]
    pub from_file: Option<String>,
    /// Reset to the first offset at or after a time: YYYY-MM-DDTHH:mm:SS.sss[zone]
    #[arg(long, value_name = "datetime", help_heading = "Reset")]
    pub to_datetime: Option<String>,
    /// Reset to the first offset at or after now minus a duration: PnDTnHnMnS
    #[arg(long, value_name = "duration", help_heading = "Reset")]
    pub by_duration: Option<String>,
    /// Reset to the earliest offset
    #[arg(long, help_heading = "Reset")]
    pub to_earliest: bool,
    /// Reset to the latest offset
    #[arg(long, help_heading = "Reset")]
    pub to_latest: bool,
    /// Reset to the committed offset (the log end where there is none)
    #[arg(long, help_heading = "Reset")]
    pub to_current: bool,
    /// Reset to the committed offset plus N (N may be negative)
    #[arg(
        long,
        value_name = "number-of-offsets",
        allow_hyphen_values = true,
        help_heading = "Reset"
    )]
    pub shift_by: Option<String>,

    /// With --describe: the members of the group
    #[arg(long, help_heading = "Describe")]
    pub members: bool,
    /// With --describe: the partitions and lag of the group (the default)
    #[arg(long, help_heading = "Describe")]
    pub offsets: bool,
    /// With --describe: the group's state; with --list: the states to list (comma-separated)
    #[arg(long, value_name = "states", num_args = 0..=1, help_heading = "Describe")]
    pub state: Option<Option<String>>,
    /// With --list: the group types to list (classic, consumer; comma-separated)
    #[arg(long = "type", value_name = "types", num_args = 0..=1)]
    pub group_type: Option<Option<String>>,

    /// kt: redraw the description every INTERVAL on a terminal, one JSON line per INTERVAL otherwise
    #[arg(long, value_name = "INTERVAL", num_args = 0..=1, default_missing_value = "2s", help_heading = "kt")]
    pub watch: Option<String>,
    /// kt: exit 6, naming them, when any partition lags by more than N records
    #[arg(
        long,
        value_name = "N",
        allow_hyphen_values = true,
        help_heading = "kt"
    )]
    pub max_lag: Option<i64>,
    /// kt: exit 6, naming them, when any partition's oldest unconsumed record is older than this (30s, 5m, 1h)
    #[arg(long, value_name = "DURATION", help_heading = "kt")]
    pub max_lag_time: Option<String>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// --verbose (-v) also means Kafka's --verbose here: with --describe
    /// --members, each member's assignment.
    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// The one action a command line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    List,
    Describe,
    Delete,
    ResetOffsets,
    DeleteOffsets,
}

/// Kafka's reset scenarios, in `allResetOffsetScenarioOpts`' terms.
const SCENARIOS: [&str; 8] = [
    "to-offset",
    "shift-by",
    "to-datetime",
    "by-duration",
    "to-earliest",
    "to-latest",
    "to-current",
    "from-file",
];

impl GroupsArgs {
    fn has(&self, option: &str) -> bool {
        match option {
            "list" => self.list,
            "describe" => self.describe,
            "delete" => self.delete,
            "reset-offsets" => self.reset_offsets,
            "delete-offsets" => self.delete_offsets,
            "group" => !self.group.is_empty(),
            "all-groups" => self.all_groups,
            "topic" => !self.topic.is_empty(),
            "to-offset" => self.to_offset.is_some(),
            "shift-by" => self.shift_by.is_some(),
            "to-datetime" => self.to_datetime.is_some(),
            "by-duration" => self.by_duration.is_some(),
            "to-earliest" => self.to_earliest,
            "to-latest" => self.to_latest,
            "to-current" => self.to_current,
            "from-file" => self.from_file.is_some(),
            "members" => self.members,
            "offsets" => self.offsets,
            "state" => self.state.is_some(),
            _ => false,
        }
    }

    /// Kafka's checks, in its order; a usage error is Kafka's message,
    /// which the Kafka-named link prints with the help table. Returns the
    /// action.
    pub fn check(&self, err: &Diagnostics, kafka_name: bool) -> Result<Action, KtError> {
        let usage = |m: String| Err(KtError::usage(m));
        // jopt's availableIf, at parse time.
        for (option, needs) in [
            ("members", &["describe"][..]),
            ("verbose", &["describe"][..]),
            ("offsets", &["describe"][..]),
            ("state", &["describe", "list"][..]),
            ("type", &["list"][..]),
        ] {
            let given = match option {
                "verbose" => self.connection.verbose,
                "type" => self.group_type.is_some(),
                other => self.has(other),
            };
            if given && !needs.iter().any(|n| self.has(n)) {
                return Err(KtError::usage(format!(
                    "Option(s) [{option}] are unavailable given other options on the command line"
                ))
                .thrown(
                    "joptsimple.UnavailableOptionException",
                    format!(
                        "Option(s) [{option}] are unavailable given other options on the command line"
                    ),
                ));
            }
        }
        let scope = option_set(&["group", "all-groups"]);
        let levels = option_set(&["list", "describe", "delete", "reset-offsets"]);
        // kt's own line for an action without its groups (Kafka's names
        // the options as a Java set).
        let scoped = |action: &str, kafka: String| {
            if kafka_name {
                usage(kafka)
            } else {
                usage(format!(
                    "--{action} needs --group G (repeatable) or --all-groups"
                ))
            }
        };
        if self.describe {
            if self.group.is_empty() && !self.all_groups {
                return scoped(
                    "describe",
                    format!("Option [describe] takes one of these options: {levels}"),
                );
            }
            if [self.members, self.offsets, self.state.is_some()]
                .iter()
                .filter(|b| **b)
                .count()
                > 1
            {
                return usage(
                    "Option [describe] takes at most one of these options: [members], [offsets], [state]"
                        .into(),
                );
            }
            if matches!(self.state, Some(Some(_))) {
                return usage("Option [describe] does not take a value for [state]".into());
            }
        }
        if self.delete {
            if self.group.is_empty() && !self.all_groups {
                return scoped(
                    "delete",
                    format!("Option [delete] takes one of these options: {scope}"),
                );
            }
            if !self.topic.is_empty() {
                return usage(
                    "The consumer does not support topic-specific offset deletion from a consumer group."
                        .into(),
                );
            }
        }
        if self.delete_offsets && (self.group.is_empty() || self.topic.is_empty()) {
            if !kafka_name {
                return usage("--delete-offsets needs --group G and --topic T[:P,...]".into());
            }
            return usage(format!(
                "Option [delete-offsets] takes the following options: {scope}"
            ));
        }
        if self.reset_offsets {
            if self.dry_run && self.execute {
                return usage(
                    "Option [reset-offsets] only accepts one of [execute] and [dry-run]".into(),
                );
            }
            // Under kt's name the dry-run line comes with the plan itself
            // (reset.rs), not before an error that has nothing to do with it.
            if !self.dry_run && !self.execute && kafka_name {
                err.line(
                    "WARN: No action will be performed as the --execute option is missing.\
                     In a future major release, the default behavior of this command will be to \
                     prompt the user before executing the reset rather than doing a dry run. You \
                     should add the --dry-run option explicitly if you are scripting this command \
                     and want to keep the current default behavior without prompting.",
                );
            }
            if self.group.is_empty() && !self.all_groups {
                return scoped(
                    "reset-offsets",
                    format!("Option [reset-offsets] takes one of these options: {scope}"),
                );
            }
            // checkInvalidArgs for each scenario, in Kafka's order.
            for used in [
                "to-offset",
                "to-datetime",
                "by-duration",
                "to-earliest",
                "to-latest",
                "to-current",
                "shift-by",
                "from-file",
            ] {
                let others: Vec<&str> = SCENARIOS.into_iter().filter(|s| *s != used).collect();
                self.invalid(used, &others)?;
            }
        }
        self.invalid("group", &["all-groups"])?;
        self.invalid("group", &["list"])?;
        self.invalid("topic", &["list", "describe"])?;
        let actions = [
            (self.list, Action::List),
            (self.describe, Action::Describe),
            (self.delete, Action::Delete),
            (self.reset_offsets, Action::ResetOffsets),
            (self.delete_offsets, Action::DeleteOffsets),
        ];
        let mut given = actions.iter().filter(|(on, _)| *on);
        let action = match (given.next(), given.next()) {
            (Some((_, action)), None) => *action,
            _ => {
                return usage(
                    "Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets"
                        .into(),
                )
            }
        };
        // kt's own flags: an alert the action cannot raise must not pass
        // silently.
        let watching = [
            ("--watch", self.watch.is_some()),
            ("--max-lag", self.max_lag.is_some()),
            ("--max-lag-time", self.max_lag_time.is_some()),
        ];
        if action != Action::Describe {
            if let Some((flag, _)) = watching.iter().find(|(_, on)| *on) {
                return usage(format!(
                    "{flag} goes with --describe (a group's offsets); drop it or use --describe"
                ));
            }
        }
        Ok(action)
    }

    /// CommandLineUtils.checkInvalidArgs: `used` with any of `others`.
    fn invalid(&self, used: &str, others: &[&str]) -> Result<(), KtError> {
        crate::compat::check_invalid_args(used, others, |o| self.has(o))
    }
}
