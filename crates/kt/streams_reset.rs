//! `kt streams-reset` / kafka-streams-application-reset (StreamsResetter):
//! resets a Kafka Streams application so it reprocesses its input. Its
//! consumer group (the application id) gets the input topics' offsets
//! reset (to the earliest by default, or `--to-offset`, `--to-datetime`,
//! `--by-duration`, `--to-earliest`, `--to-latest`, `--from-file`,
//! `--shift-by`) and the intermediate topics' moved to their ends; the
//! application's internal topics (`<application.id>-…-changelog`,
//! `-repartition`, the foreign-key join topics) are deleted. The group
//! must have no members (`--force` removes them).
//!
//! Under the Kafka name every line is StreamsResetter's, in its order
//! (Java's hash sets and maps), and errors print as `ERROR: ` and the
//! exception. Under kt's name the same report follows, but nothing is
//! changed without `--execute` (a dry run is the default), and `-o json`
//! prints the plan.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use kt_core::connection::{Connection, Request};
use kt_core::ffi::admin::list_offsets;
use kt_core::ffi::groups as ffi;
use kt_core::{
    ConnectionArgs, Diagnostics, ErrorKind, KtError, OffsetSpec, OutputArgs, OutputFormat,
};
use rdkafka::admin::AdminOptions;

use crate::dispatch::Mode;
use crate::endpoint::Kafka;
use crate::java_order::{hash_map_order, hash_map_order_sized, string_hash, topic_partition_hash};

#[derive(Args, Debug, Clone, Default)]
pub struct StreamsResetArgs {
    /// The Kafka Streams application ID (application.id).
    #[arg(long, value_name = "id")]
    pub application_id: Option<String>,
    /// DEPRECATED: Comma-separated list of broker urls with format: HOST1:PORT1,HOST2:PORT2
    #[arg(long, value_name = "urls")]
    pub bootstrap_servers: Option<String>,
    /// Comma-separated list of user input topics (reset to the earliest offset, or as another reset option says).
    #[arg(long, value_name = "list", value_delimiter = ',')]
    pub input_topics: Vec<String>,
    /// Comma-separated list of intermediate user topics (input and output topics): skipped to their end.
    #[arg(long, value_name = "list", value_delimiter = ',')]
    pub intermediate_topics: Vec<String>,
    /// Comma-separated list of internal topics to delete (a subset of those a dry run shows).
    #[arg(long, value_name = "list", value_delimiter = ',')]
    pub internal_topics: Vec<String>,
    /// Reset offsets to a specific offset.
    #[arg(long, value_name = "Long", allow_hyphen_values = true)]
    pub to_offset: Option<String>,
    /// Reset offsets to offset from datetime. Format: 'YYYY-MM-DDTHH:mm:SS.sss'
    #[arg(long, value_name = "String", allow_hyphen_values = true)]
    pub to_datetime: Option<String>,
    /// Reset offsets to offset by duration from current timestamp. Format: 'PnDTnHnMnS'
    #[arg(long, value_name = "String", allow_hyphen_values = true)]
    pub by_duration: Option<String>,
    /// Reset offsets to earliest offset.
    #[arg(long)]
    pub to_earliest: bool,
    /// Reset offsets to latest offset.
    #[arg(long)]
    pub to_latest: bool,
    /// Reset offsets to values defined in CSV file (TOPIC,PARTITION,OFFSET lines).
    #[arg(long, value_name = "String", allow_hyphen_values = true)]
    pub from_file: Option<String>,
    /// Reset offsets shifting current offset by 'n', where 'n' can be positive or negative
    #[arg(long, value_name = "number-of-offsets", allow_hyphen_values = true)]
    pub shift_by: Option<String>,
    /// Property file containing configs to be passed to admin clients and embedded consumer.
    #[arg(long, value_name = "file name")]
    pub config_file: Option<PathBuf>,
    /// Force the removal of members of the consumer group (stop every instance of the application first).
    #[arg(long)]
    pub force: bool,
    /// Display the actions that would be performed without executing the reset commands.
    #[arg(long)]
    pub dry_run: bool,
    /// kt: make the changes (under kt's name a dry run is the default)
    #[arg(long, help_heading = "kt")]
    pub execute: bool,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// The reset options, in the order StreamsResetter tries them.
const RESETS: [&str; 7] = [
    "to-offset",
    "to-datetime",
    "by-duration",
    "to-earliest",
    "to-latest",
    "from-file",
    "shift-by",
];

/// An exception out of StreamsResetter's `execute`: `ERROR: ` and the
/// exception, then its trace.
fn thrown(kind: ErrorKind, class: &'static str, message: impl Into<String>) -> KtError {
    let message = message.into();
    KtError::new(kind, format!("{class}: {message}")).thrown(class, message)
}

/// `List.toString()`.
fn java_list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

/// Kafka Streams' internal topics: StreamsResetter.matchesInternalTopicFormat.
fn internal_format(topic: &str) -> bool {
    static FK: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let fk = FK.get_or_init(|| {
        regex::Regex::new(r"^.+-KTABLE-FK-JOIN-SUBSCRIPTION-(REGISTRATION|RESPONSE)-\d+-topic$")
            .expect("a valid pattern")
    });
    topic.ends_with("-changelog")
        || topic.ends_with("-repartition")
        || topic.ends_with("-subscription-registration-topic")
        || topic.ends_with("-subscription-response-topic")
        || fk.is_match(topic)
}

impl StreamsResetArgs {
    fn has(&self, option: &str) -> bool {
        match option {
            "to-offset" => self.to_offset.is_some(),
            "to-datetime" => self.to_datetime.is_some(),
            "by-duration" => self.by_duration.is_some(),
            "to-earliest" => self.to_earliest,
            "to-latest" => self.to_latest,
            "from-file" => self.from_file.is_some(),
            "shift-by" => self.shift_by.is_some(),
            _ => false,
        }
    }

    /// The parse-time checks: the application id, then checkInvalidArgs of
    /// each reset option against the others, in StreamsResetter's order.
    fn check(&self) -> Result<&str, KtError> {
        let id = self
            .application_id
            .as_deref()
            .ok_or_else(|| KtError::usage("Missing required option(s) [application-id]"))?;
        for used in RESETS {
            let others: Vec<&str> = RESETS.iter().copied().filter(|o| *o != used).collect();
            crate::compat::check_invalid_args(used, &others, |o| self.has(o))?;
        }
        Ok(id)
    }

    fn is_input(&self, topic: &str) -> bool {
        self.input_topics.iter().any(|t| t == topic)
    }

    fn is_intermediate(&self, topic: &str) -> bool {
        self.intermediate_topics.iter().any(|t| t == topic)
    }
}

/// A partition's new offset.
type Moved = ((String, i32), i64);

/// What a run did or would do, for `-o json`.
#[derive(serde::Serialize, Default)]
struct Report {
    application_id: String,
    dry_run: bool,
    not_found: Vec<String>,
    input: Vec<serde_json::Value>,
    intermediate: Vec<serde_json::Value>,
    deleted_topics: Vec<String>,
}

/// Where output goes: Kafka's lines, or only the JSON report at the end.
struct Lines<'a> {
    out: &'a mut dyn Write,
    quiet: bool,
}

impl Lines<'_> {
    fn line(&mut self, text: impl std::fmt::Display) -> std::io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        writeln!(self.out, "{text}")
    }
}

pub fn run(
    mut args: StreamsResetArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    let group = args.check()?.to_string();
    let dry_run = args.dry_run || (!kafka_name && !args.execute);
    if args.config_file.is_some() {
        args.connection.command_config = args.config_file.clone();
    }
    if kafka_name && args.connection.bootstrap_server.is_none() {
        // --bootstrap-servers (deprecated), else Kafka's default.
        args.connection.bootstrap_server = Some(
            args.bootstrap_servers
                .clone()
                .unwrap_or_else(|| "localhost:9092".to_string()),
        );
    }
    if kafka_name {
        // --config-file is the connection's properties file by now.
        crate::compat::properties_file_exists(&args.connection)?;
    }
    let request = Request {
        endpoint: crate::endpoint::rule(mode, Kafka::Argument, false),
        ..Default::default()
    };
    let connection = Connection::resolve(&args.connection, request)?;
    // The embedded consumer's position where the group committed nothing.
    let reset_to_latest = connection.property("auto.offset.reset") != Some("earliest");
    let cluster = connection.open(err)?;
    cluster.refuse_mock("reset a Streams application")?;
    let admin = cluster.admin("kt-streams-reset")?;
    let timeout = cluster.timeout;
    let json = !kafka_name && args.output.output == OutputFormat::Json;
    let mut lines = Lines { out, quiet: json };
    let mut report = Report {
        application_id: group.clone(),
        dry_run,
        ..Default::default()
    };

    // maybeDeleteActiveConsumers: a group with members is refused, or
    // (--force) emptied.
    let described = ffi::describe_groups(admin.inner(), std::slice::from_ref(&group), timeout)?;
    let members = described
        .into_iter()
        .next()
        .map(|d| d.members)
        .unwrap_or_default();
    if !members.is_empty() {
        if !args.force {
            let shown: Vec<String> = members.iter().map(member_text).collect();
            let message = format!(
                "Consumer group '{group}' is still active and has following members: [{}]. Make sure to stop all running application instances before running the reset tool. You can use option '--force' to remove active members from the group.",
                shown.join(", ")
            );
            return Err(if kafka_name {
                thrown(ErrorKind::Broker, "java.lang.IllegalStateException", message)
            } else {
                KtError::new(
                    ErrorKind::Broker,
                    format!(
                        "group {group} still has {} member(s): stop the application's instances, or add --force to remove them",
                        members.len()
                    ),
                )
            }
            .into());
        }
        lines.line(format_args!(
            "Force deleting all active members in the group: {group}"
        ))?;
        remove_members(&args.connection, mode, &group, &members, err)?;
    }

    // Every topic but the internal ones, in the order Java's HashMap of
    // listings gives its keys.
    let md = cluster.metadata(admin.inner(), None, &|| {
        kt_core::context::drain_events(admin.inner())
    })?;
    let listed: Vec<String> = md
        .topics()
        .iter()
        .map(|t| t.name().to_string())
        .filter(|t| !matches!(t.as_str(), "__consumer_offsets" | "__transaction_state"))
        .collect();
    let all_topics = hash_map_order(listed, |t| string_hash(t));
    let partitions_of = |topic: &str| -> Vec<i32> {
        md.topics()
            .iter()
            .filter(|t| t.name() == topic)
            .flat_map(|t| t.partitions().iter().map(|p| p.id()))
            .collect()
    };

    if args.dry_run || (dry_run && !kafka_name) {
        lines.line(
            "----Dry run displays the actions which will be performed when running Streams Reset Tool----",
        )?;
    }

    // maybeResetInputAndSeekToEndIntermediateTopicOffsets.
    let mut code = 0;
    let (inputs, intermediates) = (&args.input_topics, &args.intermediate_topics);
    if inputs.is_empty() && intermediates.is_empty() {
        lines.line("No input or intermediate topics specified. Skipping seek.")?;
    } else {
        if !inputs.is_empty() {
            lines.line(format_args!(
                "Reset-offsets for input topics {}",
                java_list(inputs)
            ))?;
        }
        if !intermediates.is_empty() {
            lines.line(format_args!(
                "Seek-to-end for intermediate topics {}",
                java_list(intermediates)
            ))?;
        }
        let mut subscribe: Vec<String> = Vec::new();
        let mut missing_inputs = Vec::new();
        let mut missing_intermediates = Vec::new();
        for (topics, missing) in [
            (inputs, &mut missing_inputs),
            (intermediates, &mut missing_intermediates),
        ] {
            for t in topics {
                if !all_topics.contains(t) {
                    missing.push(t.clone());
                } else if !subscribe.contains(t) {
                    subscribe.push(t.clone());
                }
            }
        }
        if !missing_inputs.is_empty() {
            lines.line("Following input topics are not found, skipping them")?;
            for t in &missing_inputs {
                lines.line(format_args!("Topic: {t}"))?;
            }
            code = 1;
        }
        if !missing_intermediates.is_empty() {
            lines.line("Following intermediate topics are not found, skipping them")?;
            for t in &missing_intermediates {
                lines.line(format_args!("Topic:{t}"))?;
            }
            code = 1;
        }
        report.not_found = missing_inputs
            .into_iter()
            .chain(missing_intermediates)
            .collect();
        if !subscribe.is_empty() {
            // HashSet<String>(inputs + intermediates), then each topic's partitions.
            let sized = inputs.len() + intermediates.len();
            let subscribe = hash_map_order_sized(subscribe, sized, |t| string_hash(t));
            let partitions: Vec<(String, i32)> = subscribe
                .iter()
                .flat_map(|t| partitions_of(t).into_iter().map(|p| (t.clone(), p)))
                .collect();
            let (mut input_parts, mut middle_parts) = (Vec::new(), Vec::new());
            for p in &partitions {
                if args.is_input(&p.0) {
                    input_parts.push(p.clone());
                } else if args.is_intermediate(&p.0) {
                    middle_parts.push(p.clone());
                }
            }
            let input_parts = hash_map_order(input_parts, |(t, p)| topic_partition_hash(t, *p));
            let middle_parts = hash_map_order(middle_parts, |(t, p)| topic_partition_hash(t, *p));
            let offsets = Offsets {
                admin: &admin,
                timeout,
            };
            let mut moved: Vec<Moved> = Vec::new();
            if !input_parts.is_empty() {
                lines.line(format_args!(
                    "Following input topics offsets will be reset to (for consumer group {group})"
                ))?;
                let reset = reset_inputs(
                    &args,
                    &group,
                    &input_parts,
                    &offsets,
                    reset_to_latest,
                    mode,
                    &mut lines,
                    err,
                )?;
                for ((topic, partition), offset) in &reset {
                    lines.line(format_args!(
                        "Topic: {topic} Partition: {partition} Offset: {offset}"
                    ))?;
                    report.input.push(serde_json::json!({
                        "topic": topic, "partition": partition, "offset": offset,
                    }));
                }
                moved.extend(reset);
            }
            if !middle_parts.is_empty() {
                lines.line(format_args!(
                    "Following intermediate topics offsets will be reset to end (for consumer group {group})"
                ))?;
                for (topic, _) in &middle_parts {
                    lines.line(format_args!("Topic: {topic}"))?;
                }
                let ends = offsets.of(&middle_parts, OffsetSpec::Latest)?;
                for ((topic, partition), offset) in &ends {
                    report.intermediate.push(serde_json::json!({
                        "topic": topic, "partition": partition, "offset": offset,
                    }));
                }
                moved.extend(ends);
            }
            if !dry_run && !moved.is_empty() {
                commit(&admin, &group, &moved, timeout, mode)?;
            }
            lines.line("Done.")?;
        }
    }

    // maybeDeleteInternalTopics.
    let inferred: Vec<String> = all_topics
        .iter()
        .filter(|t| {
            !args.is_input(t)
                && !args.is_intermediate(t)
                && t.starts_with(&format!("{group}-"))
                && internal_format(t)
        })
        .cloned()
        .collect();
    let to_delete = if args.internal_topics.is_empty() {
        lines.line(format_args!(
            "Deleting inferred internal topics {}",
            java_list(&inferred)
        ))?;
        inferred
    } else {
        if !args.internal_topics.iter().all(|t| inferred.contains(t)) {
            let message = "Invalid topic specified in the --internal-topics option. Ensure that the topics specified are all internal topics. Do a dry run without the --internal-topics option to see the list of all internal topics that can be deleted.";
            return Err(match mode {
                Mode::Compat => thrown(ErrorKind::Usage, "java.lang.IllegalArgumentException", message),
                Mode::Native => KtError::usage(format!(
                    "--internal-topics names a topic that is not one of {group}'s internal topics; run without it to see them: {}",
                    java_list(&inferred)
                )),
            }
            .into());
        }
        lines.line(format_args!(
            "Deleting specified internal topics {}",
            java_list(&args.internal_topics)
        ))?;
        args.internal_topics.clone()
    };
    if !dry_run && !to_delete.is_empty() {
        delete_topics(&admin, &to_delete, timeout, mode, err)?;
    }
    report.deleted_topics = to_delete;
    lines.line("Done.")?;
    if json {
        writeln!(lines.out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else if !kafka_name && dry_run {
        err.line("kt: a dry run: nothing was changed; add --execute to reset the application");
    }
    if code != 0 {
        // Topics not found: the report is out; the exit code says so.
        return Err(KtError::new(ErrorKind::NotFound, String::new()).into());
    }
    Ok(())
}

/// `MemberDescription.toString()` of a classic group's member.
fn member_text(m: &ffi::Member) -> String {
    let assigned = hash_map_order(m.assignment.clone(), |(t, p)| topic_partition_hash(t, *p));
    let assigned: Vec<String> = assigned.iter().map(|(t, p)| format!("{t}-{p}")).collect();
    format!(
        "(memberId={}, groupInstanceId={}, clientId={}, host={}, assignment=(topicPartitions={}), targetAssignment=Optional.empty)",
        m.consumer_id,
        m.group_instance_id.as_deref().unwrap_or("null"),
        m.client_id,
        m.host,
        assigned.join(",")
    )
}

/// Removes every member from the group at its coordinator (LeaveGroup), as
/// `removeMembersFromConsumerGroup` does.
fn remove_members(
    connection: &ConnectionArgs,
    mode: Mode,
    group: &str,
    members: &[ffi::Member],
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let mut admin = crate::endpoint::admin(
        connection,
        None,
        mode,
        "kt-streams-reset",
        "reset a Streams application",
        err,
    )?;
    let refusal = |r: kt_core::protocol::Refused| -> KtError {
        let exception = crate::compat::kafka_exception(&r);
        match mode {
            Mode::Compat => thrown(
                ErrorKind::Broker,
                "java.util.concurrent.ExecutionException",
                exception,
            ),
            Mode::Native => KtError::broker(format!(
                "cannot remove the members of group {group}: {}",
                crate::compat::kafka_error(&r).1
            )),
        }
    };
    let (id, _, _) = admin.broker.find_coordinator(group, 0)?.map_err(refusal)?;
    let identities: Vec<(String, Option<String>)> = members
        .iter()
        .map(|m| (m.consumer_id.clone(), m.group_instance_id.clone()))
        .collect();
    admin
        .pool
        .to(Some(id))?
        .remove_group_members(group, &identities)?
        .map_err(refusal)?;
    Ok(())
}

/// ListOffsets through the admin client.
struct Offsets<'a> {
    admin: &'a rdkafka::admin::AdminClient<kt_core::KtContext>,
    timeout: Duration,
}

impl Offsets<'_> {
    /// Each partition's offset for `spec`, in the order asked.
    fn of(&self, partitions: &[(String, i32)], spec: OffsetSpec) -> Result<Vec<Moved>, KtError> {
        let answers = list_offsets(self.admin.inner(), partitions, spec, self.timeout)?;
        partitions
            .iter()
            .map(|tp| {
                let answer = answers
                    .iter()
                    .find(|(k, _)| k == tp)
                    .map(|(_, a)| a.clone());
                match answer {
                    Some(Ok(offset)) => Ok((tp.clone(), offset)),
                    Some(Err(why)) => Err(KtError::broker(format!(
                        "cannot read the offsets of {}-{}: {why}",
                        tp.0, tp.1
                    ))),
                    None => Err(KtError::broker(format!("no offsets for {}-{}", tp.0, tp.1))),
                }
            })
            .collect()
    }
}

/// maybeReset: the input partitions' new offsets (in `partitions`' order),
/// printing what checkOffsetRange and resetToDatetime print on the way.
#[allow(clippy::too_many_arguments)]
fn reset_inputs(
    args: &StreamsResetArgs,
    group: &str,
    partitions: &[(String, i32)],
    offsets: &Offsets<'_>,
    reset_to_latest: bool,
    mode: Mode,
    lines: &mut Lines<'_>,
    err: &Diagnostics,
) -> anyhow::Result<Vec<Moved>> {
    let conversion = |value: &str, option: &str| -> Result<i64, KtError> {
        value.parse::<i64>().map_err(|_| match mode {
            Mode::Compat => crate::compat::conversion(value, option),
            Mode::Native => KtError::usage(format!("--{option} {value}: give a whole number")),
        })
    };
    // The IOException and ParseException Java catches around its consumer
    // say so before they go on.
    let failed = |e: KtError| -> KtError {
        let caught = matches!(
            e.thrown.as_ref().map(|t| t.0),
            Some("java.text.ParseException" | "java.io.IOException")
        );
        if mode == Mode::Compat && caught {
            err.line("ERROR: Resetting offsets failed.");
        }
        e
    };
    if let Some(value) = &args.to_offset {
        let offset = conversion(value, "to-offset")?;
        let wanted = partitions.iter().map(|tp| (tp.clone(), offset)).collect();
        return checked(wanted, partitions.len(), partitions, offsets, lines, mode);
    }
    if let Some(text) = &args.to_datetime {
        let at = crate::time::java_datetime(text).map_err(|e| failed(parse_exception(e)))?;
        return by_time(at, partitions, offsets, lines);
    }
    if let Some(text) = &args.by_duration {
        let ms = crate::time::java_duration_ms(text)?;
        return by_time(crate::time::now_ms() - ms, partitions, offsets, lines);
    }
    if args.to_latest {
        return Ok(offsets.of(partitions, OffsetSpec::Latest)?);
    }
    if let Some(path) = &args.from_file {
        // A HashMap of the plan's lines: a partition given twice keeps its
        // first place and its last offset.
        let mut plan: Vec<Moved> = Vec::new();
        for (tp, offset) in read_plan(path, mode).map_err(failed)? {
            match plan.iter_mut().find(|(k, _)| *k == tp) {
                Some(entry) => entry.1 = offset,
                None => plan.push((tp, offset)),
            }
        }
        return checked(plan, 16, partitions, offsets, lines, mode);
    }
    if let Some(value) = &args.shift_by {
        let shift = conversion(value, "shift-by")?;
        let positions = positions(group, partitions, offsets, reset_to_latest)?;
        let wanted = positions
            .into_iter()
            .map(|(tp, at)| (tp, at + shift))
            .collect();
        return checked(wanted, partitions.len(), partitions, offsets, lines, mode);
    }
    // --to-earliest, and the default.
    Ok(offsets.of(partitions, OffsetSpec::Earliest)?)
}

/// A `java.text.ParseException` as `Utils.getDateTime` throws it (kt's
/// parser wraps it in the RuntimeException the group tool shows).
fn parse_exception(e: KtError) -> KtError {
    let class = "java.text.ParseException";
    match e
        .thrown
        .as_ref()
        .and_then(|(_, m)| m.strip_prefix(class).and_then(|m| m.strip_prefix(": ")))
    {
        Some(message) => thrown(ErrorKind::Config, class, message),
        None => e,
    }
}

/// The embedded consumer's positions: the group's committed offsets, else
/// the end (or start, with `auto.offset.reset=earliest`).
fn positions(
    group: &str,
    partitions: &[(String, i32)],
    offsets: &Offsets<'_>,
    reset_to_latest: bool,
) -> Result<Vec<Moved>, KtError> {
    let committed = ffi::committed_offsets(
        offsets.admin.inner(),
        group,
        Some(partitions),
        offsets.timeout,
    )?;
    let spec = if reset_to_latest {
        OffsetSpec::Latest
    } else {
        OffsetSpec::Earliest
    };
    let fallback = offsets.of(partitions, spec)?;
    Ok(partitions
        .iter()
        .map(|tp| {
            let at = committed
                .iter()
                .find(|(k, _)| k == tp)
                .or_else(|| fallback.iter().find(|(k, _)| k == tp))
                .map_or(0, |(_, o)| *o);
            (tp.clone(), at)
        })
        .collect())
}

/// Java's NullPointerException for a partition its offset maps lack.
fn missing_offset(mode: Mode) -> KtError {
    match mode {
        Mode::Compat => thrown(
            ErrorKind::Usage,
            "java.lang.NullPointerException",
            "Cannot invoke \"java.lang.Long.longValue()\" because the return value of \"java.util.Map.get(Object)\" is null",
        ),
        Mode::Native => KtError::usage(
            "the reset plan and the input topics' partitions differ; give one line TOPIC,PARTITION,OFFSET for each input partition, and none other",
        ),
    }
}

/// checkOffsetRange: each wanted offset kept inside the partition's
/// (earliest, latest), with Java's messages, walked in the order of the
/// HashMap holding them (`capacity` its initial size); then each input
/// partition's, in `partitions`' order. A wanted partition that is not an
/// input's, or an input's that is not wanted, is Java's null.
fn checked(
    wanted: Vec<Moved>,
    capacity: usize,
    partitions: &[(String, i32)],
    offsets: &Offsets<'_>,
    lines: &mut Lines<'_>,
    mode: Mode,
) -> anyhow::Result<Vec<Moved>> {
    let ends = offsets.of(partitions, OffsetSpec::Latest)?;
    let starts = offsets.of(partitions, OffsetSpec::Earliest)?;
    let find =
        |list: &[Moved], tp: &(String, i32)| list.iter().find(|(k, _)| k == tp).map(|(_, o)| *o);
    let walked = hash_map_order_sized(wanted, capacity, |((t, p), _)| topic_partition_hash(t, *p));
    let mut valid = Vec::new();
    for (tp, offset) in walked {
        let (Some(end), Some(start)) = (find(&ends, &tp), find(&starts, &tp)) else {
            return Err(missing_offset(mode).into());
        };
        let at = if offset < end {
            if offset > start {
                offset
            } else {
                lines.line(format_args!(
                    "New offset ({offset}) is lower than earliest offset. Value will be set to {start}"
                ))?;
                start
            }
        } else {
            lines.line(format_args!(
                "New offset ({offset}) is higher than latest offset. Value will be set to {end}"
            ))?;
            end
        };
        valid.push((tp, at));
    }
    partitions
        .iter()
        .map(|tp| {
            find(&valid, tp)
                .map(|o| (tp.clone(), o))
                .ok_or_else(|| missing_offset(mode).into())
        })
        .collect()
}

/// resetToDatetime: the first offset at or after `at`, else the end (with
/// Java's line).
fn by_time(
    at: i64,
    partitions: &[(String, i32)],
    offsets: &Offsets<'_>,
    lines: &mut Lines<'_>,
) -> anyhow::Result<Vec<Moved>> {
    let found = offsets.of(partitions, OffsetSpec::At(at))?;
    let mut out = Vec::new();
    for (tp, offset) in found {
        if offset >= 0 {
            out.push((tp, offset));
        } else {
            let end = offsets.of(std::slice::from_ref(&tp), OffsetSpec::Latest)?;
            lines.line(format_args!(
                "Partition {} from topic {} is empty, without a committed record. Falling back to latest known offset.",
                tp.1, tp.0
            ))?;
            out.extend(end);
        }
    }
    Ok(out)
}

/// parseResetPlan: `TOPIC,PARTITION,OFFSET` lines.
fn read_plan(path: &str, mode: Mode) -> Result<Vec<Moved>, KtError> {
    let text = std::fs::read_to_string(path).map_err(|e| match mode {
        // Utils.readFileAsString.
        Mode::Compat => thrown(
            ErrorKind::Config,
            "java.io.IOException",
            format!("Unable to read file {path}"),
        ),
        Mode::Native => KtError::config(format!("cannot read {path}: {e}")),
    })?;
    let parse = |m: &str| thrown(ErrorKind::Usage, "java.text.ParseException", m);
    if text.is_empty() {
        return Err(parse("Error parsing reset plan CSV file. It is empty,"));
    }
    let mut plan = Vec::new();
    for line in text.split('\n').filter(|l| !l.is_empty()) {
        let parts: Vec<&str> = line.split(',').collect();
        if parts.len() != 3 {
            return Err(parse(
                "Reset plan CSV file is not following the format `TOPIC,PARTITION,OFFSET`.",
            ));
        }
        let number = |s: &str| {
            thrown(
                ErrorKind::Usage,
                "java.lang.NumberFormatException",
                format!("For input string: \"{s}\""),
            )
        };
        let partition = parts[1].parse::<i32>().map_err(|_| number(parts[1]))?;
        let offset = parts[2].parse::<i64>().map_err(|_| number(parts[2]))?;
        plan.push(((parts[0].to_string(), partition), offset));
    }
    Ok(plan)
}

/// The consumer's commitSync of the new positions.
fn commit(
    admin: &rdkafka::admin::AdminClient<kt_core::KtContext>,
    group: &str,
    moved: &[Moved],
    timeout: Duration,
    mode: Mode,
) -> Result<(), KtError> {
    let answers = ffi::alter_offsets(admin.inner(), group, moved, timeout)?;
    if let Some((tp, Some((code, why)))) = answers.into_iter().find(|(_, e)| e.is_some()) {
        return Err(match mode {
            Mode::Compat => thrown(
                ErrorKind::Broker,
                "org.apache.kafka.common.KafkaException",
                crate::compat::java_exception(code, &why),
            ),
            Mode::Native => KtError::broker(format!(
                "cannot commit group {group}'s new offset of {}-{}: {why}",
                tp.0, tp.1
            )),
        });
    }
    Ok(())
}

/// doDelete: the internal topics deleted, each failure on stderr.
fn delete_topics(
    admin: &rdkafka::admin::AdminClient<kt_core::KtContext>,
    topics: &[String],
    timeout: Duration,
    mode: Mode,
    err: &Diagnostics,
) -> Result<(), KtError> {
    let names: Vec<&str> = topics.iter().map(String::as_str).collect();
    let opts = AdminOptions::new().operation_timeout(Some(timeout));
    let answers = kt_core::block_on(admin.delete_topics(&names, &opts))
        .map_err(|e| KtError::broker(format!("deleting the internal topics failed: {e}")))?;
    let mut failed = false;
    for answer in answers {
        if let Err((topic, code)) = answer {
            failed = true;
            match mode {
                Mode::Compat => {
                    err.line(format_args!("ERROR: deleting topic {topic}"));
                    err.line(format_args!(
                        "java.util.concurrent.ExecutionException: {}",
                        crate::compat::java_exception(code, &code.to_string())
                    ));
                }
                Mode::Native => err.line(format_args!("kt: cannot delete topic {topic}: {code}")),
            }
        }
    }
    if failed {
        return Err(thrown(
            ErrorKind::Partial,
            "java.lang.RuntimeException",
            "Encountered an error deleting one or more topics",
        ));
    }
    Ok(())
}
