//! `kt groups` / kafka-consumer-groups (ConsumerGroupCommand): list,
//! describe, delete consumer groups, reset and delete their offsets.
//!
//! Under the Kafka name kt prints what Kafka 3.9's tool prints, in its
//! order: several of its lists come straight out of Java hash maps, which
//! [`crate::java_order`] reproduces. Failures the tool reports and carries
//! on from (`Error: …` on stdout) exit 0 there, as Kafka's do; under kt's
//! own name each is a line on stderr and a documented exit code.

pub mod args;
mod describe;
mod lag;
mod plan;
mod render;
mod reset;
mod watch;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::time::Duration;

use kt_core::connection::{Connection, Request};
use kt_core::ffi::admin::list_offsets;
use kt_core::ffi::groups::{self as ffi, GroupState, GroupType};
use kt_core::{protocol, Cluster, Diagnostics, ErrorKind, KtError, OffsetSpec, OutputFormat};
use rdkafka::admin::AdminClient;
use rdkafka::error::RDKafkaErrorCode;
use serde::Serialize;

use args::Action;
pub use args::GroupsArgs;

use crate::dispatch::Mode;
use crate::endpoint::Kafka;
use crate::java_order::{hash_map_order, string_hash};
use crate::signals::Signals;
use kt_core::context::drain_events;

/// kafka-consumer-groups' default `--timeout`, in ms.
const DEFAULT_TIMEOUT_MS: i64 = 5000;

/// What one run has: the admin client, the timeout, and how to speak.
pub(crate) struct Groups<'a> {
    pub cluster: Cluster,
    pub admin: AdminClient<kt_core::KtContext>,
    pub timeout: Duration,
    pub mode: Mode,
    pub format: OutputFormat,
    pub args: &'a GroupsArgs,
    /// Kafka's --verbose (kt's -v/--verbose flag, taken from the connection).
    pub verbose: bool,
    /// Reads each partition's first unconsumed record (lag in time).
    lag_reader: lag::LagReader,
    /// SIGINT and SIGTERM, caught while `--watch` runs.
    pub signals: Option<Signals>,
    /// Committed offsets fetched for many groups at once (see
    /// [`Groups::fetch_committed`]), read by [`Groups::committed`].
    committed: RefCell<HashMap<String, Vec<(ffi::Partition, i64)>>>,
    /// Protocol-path connections to group coordinators, kept for the run
    /// (see [`Groups::at_coordinators`]).
    coordinators: RefCell<protocol::Pool>,
    /// Offsets read ahead for many groups at once, by spec (see
    /// [`Groups::read_offsets_ahead`]), read by [`Groups::offsets`].
    offsets_ahead: RefCell<Vec<(OffsetSpec, HashMap<ffi::Partition, i64>)>>,
}

/// Groups by their coordinator's id: the coordinator and the group ids.
type ByCoordinator = BTreeMap<i32, (ffi::Node, Vec<String>)>;

/// A DescribeGroups answer as librdkafka would describe it (its
/// `rd_kafka_DescribeConsumerGroupsResponse_parse`), when it settles the
/// group: no error, a consumer group (or one that only commits offsets),
/// a state other than Dead, and members' assignments that read.
fn settled_description(
    g: protocol::ClassicGroup,
    coordinator: &ffi::Node,
) -> Option<ffi::GroupDescription> {
    let state = GroupState::parse(&g.state).unwrap_or(GroupState::Unknown);
    let consumer = matches!(g.protocol_type.as_str(), "" | "consumer");
    if g.refused.is_some() || !consumer || state == GroupState::Dead {
        return None;
    }
    let members = g
        .members
        .into_iter()
        .map(|m| {
            Some(ffi::Member {
                consumer_id: m.member_id,
                group_instance_id: m.group_instance_id,
                client_id: m.client_id,
                host: m.client_host,
                assignment: m.assignment?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(ffi::GroupDescription {
        group: g.group,
        error: None,
        assignor: g.protocol,
        state,
        coordinator: Some(coordinator.clone()),
        members,
    })
}

/// A failure the tool reports and carries on from (Kafka's `printError`).
#[derive(Debug)]
pub(crate) struct Problem {
    pub kind: ErrorKind,
    pub message: String,
}

impl Groups<'_> {
    /// Whether a signal asked the run to stop (`--watch` only).
    pub fn stopped(&self) -> bool {
        self.signals
            .as_ref()
            .is_some_and(|s| s.received().is_some())
    }

    /// Reports `problem`: Kafka's `\nError: …` on stdout under the Kafka
    /// name; under kt's name it is printed at the end (see [`run`]), and
    /// the last one decides the exit code.
    pub fn report(
        &self,
        problem: Problem,
        out: &mut dyn Write,
        problems: &mut Vec<Problem>,
    ) -> std::io::Result<()> {
        if self.mode == Mode::Compat {
            write!(out, "\nError: {}\n", problem.message)?;
        }
        problems.push(problem);
        Ok(())
    }

    /// The group ids asked for: `--all-groups` lists them, in Kafka's order.
    pub fn group_ids(&self) -> anyhow::Result<Vec<String>> {
        if self.args.all_groups {
            Ok(self.list(&[], &[])?.into_iter().map(|l| l.group).collect())
        } else {
            Ok(self.args.group.clone())
        }
    }

    /// The offsets `group` committed (OffsetFetch of all its partitions):
    /// from [`Groups::fetch_committed`]'s batch when it answered for the
    /// group, else asked through librdkafka, which retries a coordinator
    /// that is loading or moved and words its refusals.
    pub fn committed(&self, group: &str) -> Result<Vec<(ffi::Partition, i64)>, KtError> {
        if let Some(offsets) = self.committed.borrow().get(group) {
            return Ok(offsets.clone());
        }
        ffi::committed_offsets(self.admin.inner(), group, None, self.timeout)
    }

    /// Fetches the committed offsets of `groups` for [`Groups::committed`]:
    /// one OffsetFetch of many groups per coordinator (Kafka 3.3 and
    /// later), the coordinators asked in parallel, instead of a request per
    /// group one after another. A group the batch leaves unanswered or
    /// refused is asked alone later, as before.
    pub fn fetch_committed(&self, groups: &[&ffi::GroupDescription]) {
        let mut by_coordinator = ByCoordinator::new();
        for d in groups {
            // A group that does not exist (Dead) has nothing committed.
            if let (Some(node), false) = (&d.coordinator, d.state == GroupState::Dead) {
                by_coordinator
                    .entry(node.id)
                    .or_insert_with(|| (node.clone(), Vec::new()))
                    .1
                    .push(d.group.clone());
            }
        }
        let answers = self.at_coordinators(by_coordinator, |broker, _, names| {
            broker.committed_offsets(names)
        });
        let mut cache = self.committed.borrow_mut();
        cache.clear();
        for (group, answer) in answers {
            if let Ok(offsets) = answer {
                cache.insert(group, offsets);
            }
        }
    }

    /// DescribeConsumerGroups of `ids`, in no particular order. Several
    /// groups are asked on the protocol path: one FindCoordinator for all,
    /// then one DescribeGroups per coordinator for all its groups, the
    /// coordinators in parallel (librdkafka sends a request per group, on
    /// Kafka 3.9 two: ConsumerGroupDescribe, then DescribeGroups). A group
    /// that answer does not settle (its own error, not a classic consumer
    /// group, or Dead: missing, or a KIP-848 group) is asked through
    /// librdkafka, which also retries a coordinator that moves or loads.
    pub fn describe(&self, ids: &[String]) -> Result<Vec<ffi::GroupDescription>, KtError> {
        let unique = ids.iter().collect::<std::collections::HashSet<_>>().len() == ids.len();
        let mut described = if ids.len() > 1 && unique {
            self.describe_classic(ids)
        } else {
            Vec::new()
        };
        let settled: std::collections::HashSet<&str> =
            described.iter().map(|d| d.group.as_str()).collect();
        let rest: Vec<String> = ids
            .iter()
            .filter(|id| !settled.contains(id.as_str()))
            .cloned()
            .collect();
        if !rest.is_empty() {
            described.extend(ffi::describe_groups(
                self.admin.inner(),
                &rest,
                self.timeout,
            )?);
        }
        Ok(described)
    }

    /// The groups of `ids` DescribeGroups settles (see [`Groups::describe`]).
    fn describe_classic(&self, ids: &[String]) -> Vec<ffi::GroupDescription> {
        // A coordinator already connected answers FindCoordinator too
        // (`--watch` asks again each sample); the bootstrap broker first,
        // and when that connection fails.
        let kept = {
            let mut pool = self.coordinators.borrow_mut();
            let known = !pool.nodes.is_empty();
            known.then(|| pool.to(None).and_then(|b| b.find_coordinators(ids, 0)))
        };
        let found = match kept {
            Some(Ok(found)) => Ok(found),
            _ => self
                .cluster
                .bootstrap_broker("kt-groups")
                .and_then(|mut b| b.find_coordinators(ids, 0)),
        };
        let Ok(found) = found else {
            return Vec::new();
        };
        let mut by_coordinator = ByCoordinator::new();
        for (group, (id, host, port)) in found
            .into_iter()
            .filter_map(|(group, answer)| Some((group, answer.ok()?)))
        {
            by_coordinator
                .entry(id)
                .or_insert_with(|| (ffi::Node { id, host, port }, Vec::new()))
                .1
                .push(group);
        }
        self.at_coordinators(by_coordinator, |broker, node, names| {
            Ok(broker
                .describe_groups(names)?
                .into_iter()
                .filter_map(|g| settled_description(g, node))
                .collect())
        })
    }

    /// Asks each coordinator of `by_coordinator` about its groups, a few
    /// hundred at a time, the coordinators in parallel, over connections
    /// kept for the run. A coordinator that cannot be reached or fails
    /// leaves its groups out of the answers (they are asked alone later).
    fn at_coordinators<T: Send>(
        &self,
        by_coordinator: ByCoordinator,
        ask: impl Fn(&mut protocol::Broker, &ffi::Node, &[String]) -> Result<Vec<T>, KtError> + Sync,
    ) -> Vec<T> {
        /// Groups per request: a few hundred kilobytes of answer at most.
        const CHUNK: usize = 500;
        let mut pool = self.coordinators.borrow_mut();
        for (node, _) in by_coordinator.values() {
            pool.learn(kt_core::ffi::cluster::Node {
                id: node.id,
                host: node.host.clone(),
                port: node.port,
                rack: None,
            });
        }
        let ids: Vec<i32> = by_coordinator.keys().copied().collect();
        let answered = pool.in_parallel(&ids, |id, broker| {
            let (node, names) = &by_coordinator[&id];
            let mut answers = Vec::new();
            for chunk in names.chunks(CHUNK) {
                answers.extend(ask(broker, node, chunk)?);
            }
            Ok(answers)
        });
        let mut all = Vec::new();
        for (_, answers) in answered {
            all.extend(answers.unwrap_or_default());
        }
        all
    }

    /// Each partition's offset at `spec` (its end, its start, at a time):
    /// those [`Groups::read_offsets_ahead`] read, the rest in one
    /// ListOffsets. A partition without an answer is left out.
    pub fn offsets<'p>(
        &self,
        partitions: impl IntoIterator<Item = &'p ffi::Partition>,
        spec: OffsetSpec,
    ) -> Result<HashMap<ffi::Partition, i64>, KtError> {
        let mut found = HashMap::new();
        let mut ask = Vec::new();
        {
            let ahead = self.offsets_ahead.borrow();
            let known = ahead.iter().find(|(s, _)| *s == spec).map(|(_, k)| k);
            for tp in partitions {
                match known.and_then(|k| k.get(tp)) {
                    Some(offset) => drop(found.insert(tp.clone(), *offset)),
                    None => ask.push(tp.clone()),
                }
            }
        }
        if !ask.is_empty() {
            let answers = list_offsets(self.admin.inner(), &ask, spec, self.timeout)?;
            found.extend(
                answers
                    .into_iter()
                    .filter_map(|(tp, answer)| Some((tp, answer.ok()?))),
            );
        }
        Ok(found)
    }

    /// Reads `spec`'s offsets of `partitions` ahead for [`Groups::offsets`]:
    /// one ListOffsets for what many groups would ask one by one. A
    /// failure is left for those asks to meet.
    pub fn read_offsets_ahead(&self, partitions: &[ffi::Partition], spec: OffsetSpec) {
        if partitions.is_empty() {
            return;
        }
        if let Ok(answers) = list_offsets(self.admin.inner(), partitions, spec, self.timeout) {
            let known = answers
                .into_iter()
                .filter_map(|(tp, answer)| Some((tp, answer.ok()?)))
                .collect();
            self.offsets_ahead.borrow_mut().push((spec, known));
        }
    }

    /// The committed offsets of `group` [`Groups::fetch_committed`] read,
    /// if it did (nothing asked).
    pub fn committed_read(&self, group: &str) -> Option<Vec<(ffi::Partition, i64)>> {
        self.committed.borrow().get(group).cloned()
    }

    /// ListConsumerGroups, in the order Kafka's admin client hands them out
    /// (a `HashMap<String, …>` of group ids).
    pub fn list(
        &self,
        states: &[GroupState],
        types: &[GroupType],
    ) -> anyhow::Result<Vec<ffi::GroupListing>> {
        let listed = ffi::list_groups(self.admin.inner(), states, types, self.timeout)?;
        Ok(hash_map_order(listed, |l| string_hash(&l.group)))
    }
}

pub fn run(
    mut args: GroupsArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    // Kafka's --verbose; librdkafka's log is `-X debug=…` here.
    let verbose = std::mem::take(&mut args.connection.verbose);
    if mode == Mode::Compat && args.connection.endpoint()?.is_none() {
        return Err(Kafka::Argument.error().into());
    }
    let action = args.check(err, mode == Mode::Compat)?;
    let timeout_ms = match &args.timeout {
        None => DEFAULT_TIMEOUT_MS,
        Some(t) => match t.trim().parse::<i64>() {
            Ok(ms) => ms,
            Err(_) => return failed(mode, out, err, reset::conversion(t, "timeout")),
        },
    };
    let timeout = Duration::from_millis(timeout_ms.max(1) as u64);
    let request = Request {
        endpoint: crate::endpoint::rule(mode, Kafka::Argument, false),
        timeout: Some(timeout),
        ..Default::default()
    };
    let cluster = Connection::resolve(&args.connection, request)?.open(err)?;
    cluster.refuse_mock("manage consumer groups")?;
    let admin = cluster.admin("kt-groups")?;
    let format = match mode {
        Mode::Compat => OutputFormat::Text,
        Mode::Native => args.output.output,
    };
    let signals = match args.watch {
        Some(_) => Some(Signals::install()?),
        None => None,
    };
    let coordinators = protocol::Pool::new(Vec::new(), &cluster.config, "kt-groups", timeout);
    let groups = Groups {
        cluster,
        admin,
        timeout,
        mode,
        format,
        args: &args,
        verbose,
        lag_reader: lag::LagReader::default(),
        signals,
        committed: RefCell::default(),
        coordinators: RefCell::new(coordinators),
        offsets_ahead: RefCell::default(),
    };
    let mut problems = Vec::new();
    // Every action starts with a group request, which librdkafka would let
    // a broker that is down wait out the whole timeout for.
    let reached = groups
        .cluster
        .reach(groups.admin.inner(), &|| drain_events(groups.admin.inner()));
    let result = match reached {
        Err(e) => Err(e.into()),
        Ok(()) => match action {
            Action::List => list(&groups, out),
            Action::Describe => describe::run(&groups, out, err, &mut problems),
            Action::Delete => delete(&groups, out, &mut problems),
            Action::ResetOffsets => reset::run(&groups, out, err, &mut problems),
            Action::DeleteOffsets => delete_offsets(&groups, out, &mut problems),
        },
    };
    // Destroying the clients waits on librdkafka's threads; the process ends now.
    kt_core::leave_running(groups);
    match result {
        Err(error) if error.chain().any(|c| c.is::<std::io::Error>()) => Err(error),
        Err(error) => match error.downcast::<KtError>() {
            // A usage error, an alert kt's own limits raised, and anything
            // that ends `--watch` are not Kafka's to report: they keep their
            // exit code under either name (a watch that printed `Error: …`
            // and exited 0 would hide its alert from the job that runs it).
            Ok(e)
                if matches!(e.kind, ErrorKind::Usage | ErrorKind::OverLimit)
                    || args.watch.is_some() =>
            {
                Err(e.into())
            }
            Ok(e) => failed(mode, out, err, e),
            Err(error) => Err(error),
        },
        // Kafka's tool exits 0 after the errors it prints.
        Ok(()) if mode == Mode::Compat => Ok(()),
        Ok(()) => match problems.pop() {
            Some(last) => {
                for p in &problems {
                    err.line(format_args!("kt: {}", p.message));
                }
                Err(KtError::new(last.kind, last.message).into())
            }
            None => Ok(()),
        },
    }
}

/// A failure that ends the run: under the Kafka name, what ConsumerGroupCommand
/// prints for an exception out of its actions (`Error: Executing consumer
/// group command failed due to …` on stdout, the trace's first line on
/// stderr, exit 0); under kt's name the error itself.
fn failed(
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
    error: KtError,
) -> anyhow::Result<()> {
    match mode {
        Mode::Native => Err(error.into()),
        Mode::Compat => {
            write!(
                out,
                "\nError: Executing consumer group command failed due to {}\n",
                error.message
            )?;
            if let Some((class, message)) = &error.thrown {
                err.line(format_args!("{class}: {message}"));
            }
            Ok(())
        }
    }
}

/// `--state`/`--type` values, checked as Kafka checks them.
fn filters(args: &GroupsArgs) -> Result<(Vec<GroupState>, Vec<GroupType>, bool), KtError> {
    let mut states = Vec::new();
    // Kafka's states that librdkafka cannot filter on (KIP-848's).
    let mut only_unmatchable = false;
    if let Some(Some(text)) = &args.state {
        if !text.is_empty() {
            let mut unmatchable = 0;
            let parts: Vec<&str> = text.split(',').collect();
            for part in &parts {
                let part = part.trim();
                if ["assigning", "reconciling"].contains(&part.to_ascii_lowercase().as_str()) {
                    unmatchable += 1;
                    continue;
                }
                match GroupState::parse(part) {
                    Some(s) if s != GroupState::Unknown => states.push(s),
                    _ => {
                        return Err(KtError::usage(format!(
                            "Invalid state list '{text}'. Valid states are: PreparingRebalance, \
                             CompletingRebalance, Stable, Dead, Empty, Assigning, Reconciling"
                        )))
                    }
                }
            }
            only_unmatchable = unmatchable == parts.len();
        }
    }
    let mut types = Vec::new();
    if let Some(Some(text)) = &args.group_type {
        if !text.is_empty() {
            for part in text.to_lowercase().split(',') {
                match GroupType::parse(part.trim()) {
                    GroupType::Unknown => {
                        return Err(KtError::usage(format!(
                            "Invalid types list '{text}'. Valid types are: Consumer, Classic"
                        )))
                    }
                    t => types.push(t),
                }
            }
        }
    }
    Ok((states, types, only_unmatchable))
}

#[derive(Serialize)]
struct ListedGroup {
    group: String,
    #[serde(rename = "type")]
    kind: GroupType,
    state: GroupState,
}

/// `--list` [`--state [S]`] [`--type [T]`].
fn list(g: &Groups<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let (states, types, only_unmatchable) = filters(g.args)?;
    let listed = if only_unmatchable {
        Vec::new()
    } else {
        g.list(&states, &types)?
    };
    let with_type = g.args.group_type.is_some();
    let with_state = g.args.state.is_some();
    match g.format {
        OutputFormat::Json => {
            let groups: Vec<ListedGroup> = listed
                .into_iter()
                .map(|l| ListedGroup {
                    group: l.group,
                    kind: l.kind,
                    state: l.state,
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "groups": groups }))?;
            writeln!(out)?;
        }
        OutputFormat::Table => {
            let mut table = crate::table::new(["GROUP", "TYPE", "STATE"]);
            for l in listed {
                table.add_row([l.group, l.kind.name().into(), l.state.name().into()]);
            }
            writeln!(out, "{table}")?;
        }
        OutputFormat::Text if !with_type && !with_state => {
            for l in listed {
                writeln!(out, "{}", l.group)?;
            }
        }
        OutputFormat::Text => {
            let width = listed
                .iter()
                .map(|l| l.group.len().max(15))
                .max()
                .unwrap_or(15)
                + 10;
            let line = |out: &mut dyn Write, group: &str, kind: &str, state: &str| {
                let mut text = format!("{group:<width$}");
                if with_type {
                    text.push_str(&format!(" {kind:<20}"));
                }
                if with_state {
                    text.push_str(&format!(" {state:<20}"));
                }
                writeln!(out, "{text}")
            };
            line(out, "GROUP", "TYPE", "STATE")?;
            for l in &listed {
                line(out, &l.group, l.kind.name(), l.state.name())?;
            }
        }
    }
    Ok(())
}

/// `--delete` of `--group`s or `--all-groups`.
fn delete(g: &Groups<'_>, out: &mut dyn Write, problems: &mut Vec<Problem>) -> anyhow::Result<()> {
    let ids = g.group_ids()?;
    let answers = ffi::delete_groups(g.admin.inner(), &ids, g.timeout)?;
    // Kafka collects both outcomes in HashMaps of group ids.
    let (ok, failed): (Vec<_>, Vec<_>) = answers.into_iter().partition(|(_, e)| e.is_none());
    let ok: Vec<String> =
        hash_map_order(ok.into_iter().map(|(g, _)| g).collect(), |s| string_hash(s));
    let failed = hash_map_order(failed, |(g, _)| string_hash(g));
    if g.format == OutputFormat::Json {
        let failures: Vec<serde_json::Value> = failed
            .iter()
            .map(
                |(group, e)| serde_json::json!({"group": group, "error": e.as_ref().map(|e| &e.1)}),
            )
            .collect();
        serde_json::to_writer_pretty(
            &mut *out,
            &serde_json::json!({"action": "delete", "groups": ok, "failed": failures}),
        )?;
        writeln!(out)?;
    } else if failed.is_empty() {
        writeln!(
            out,
            "Deletion of requested consumer groups ('{}') was successful.",
            ok.join(", ")
        )?;
    } else {
        if g.mode == Mode::Compat {
            write!(out, "\nError: Deletion of some consumer groups failed:\n")?;
        }
        for (group, e) in &failed {
            let (code, why) = e
                .clone()
                .unwrap_or((RDKafkaErrorCode::Unknown, String::new()));
            let line = format!(
                "* Group '{group}' could not be deleted due to: java.util.concurrent.ExecutionException: {}",
                crate::compat::java_exception(code, &why)
            );
            if g.mode == Mode::Compat {
                writeln!(out, "{line}")?;
            }
            problems.push(Problem {
                kind: kind_of(code),
                message: format!("group '{group}' could not be deleted: {why}"),
            });
        }
        if !ok.is_empty() {
            // Kafka's separators, as it prints them.
            writeln!(
                out,
                "\nThese consumer groups were deleted successfully: '{}', '",
                ok.join("'")
            )?;
        }
    }
    Ok(())
}

/// `--delete-offsets --group G --topic T[:P,…]…`.
fn delete_offsets(
    g: &Groups<'_>,
    out: &mut dyn Write,
    problems: &mut Vec<Problem>,
) -> anyhow::Result<()> {
    let group = &g.args.group[0];
    let mut partitions: Vec<ffi::Partition> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    let md = g.cluster.metadata(g.admin.inner(), None, &|| {
        kt_core::context::drain_events(g.admin.inner())
    })?;
    for topic in &g.args.topic {
        match topic.split_once(':') {
            Some(_) => partitions.extend(reset::parse_topic_partitions(topic)?),
            None => match md
                .topics()
                .iter()
                .find(|t| t.name() == topic && t.error().is_none())
            {
                Some(t) => {
                    partitions.extend(t.partitions().iter().map(|p| (topic.clone(), p.id())))
                }
                None => unknown.push(topic.clone()),
            },
        }
    }
    partitions.sort();
    partitions.dedup();
    let (top, mut answers) = if partitions.is_empty() {
        (None, Vec::new())
    } else {
        ffi::delete_offsets(g.admin.inner(), group, &partitions, g.timeout)?
    };
    if let Some(top) = &top {
        // Each partition's result fails with the group's error, as in Kafka.
        for (_, e) in answers.iter_mut() {
            *e = Some(top.clone());
        }
    }
    let topics = g.args.topic.join(", ");
    // Kafka's `all()` fails with a partition's error when the group has none.
    let problem = top
        .clone()
        .or_else(|| answers.iter().find_map(|(_, e)| e.clone()));
    match &problem {
        None if g.mode == Mode::Native => {}
        None => writeln!(
            out,
            "Request succeed for deleting offsets with topic {topics} group {group}"
        )?,
        Some((code, why)) if g.mode == Mode::Native => {
            let message = match code {
                RDKafkaErrorCode::GroupIdNotFound => {
                    format!("consumer group '{group}' does not exist")
                }
                RDKafkaErrorCode::NonEmptyGroup => format!(
                    "group '{group}' has active members: its offsets can be deleted only when it is empty"
                ),
                _ => format!("cannot delete group '{group}''s offsets of {topics}: {why}"),
            };
            problems.push(Problem {
                kind: kind_of(*code),
                message,
            });
        }
        Some((code, why)) => {
            let message = match code {
                RDKafkaErrorCode::InvalidGroupId => format!("'{group}' is not valid."),
                RDKafkaErrorCode::GroupIdNotFound => format!("'{group}' does not exist."),
                RDKafkaErrorCode::GroupAuthorizationFailed => {
                    format!("Access to '{group}' is not authorized.")
                }
                RDKafkaErrorCode::NonEmptyGroup => format!(
                    "Deleting offsets of a consumer group '{group}' is forbidden if the group is not empty."
                ),
                RDKafkaErrorCode::GroupSubscribedToTopic
                | RDKafkaErrorCode::TopicAuthorizationFailed
                | RDKafkaErrorCode::UnknownTopicOrPartition => {
                    "Encounter some partition level error, see the follow-up details:".to_string()
                }
                _ => format!("Encounter some unknown error: {why}"),
            };
            g.report(
                Problem {
                    kind: kind_of(*code),
                    message,
                },
                out,
                problems,
            )?;
        }
    }
    // Kafka's table: sorted by topic + partition as one string.
    let mut rows: Vec<(String, String, String)> = answers
        .into_iter()
        .map(|((t, p), e)| {
            let status = match (e, g.mode) {
                (None, Mode::Compat) => "Successful".to_string(),
                (None, Mode::Native) => "deleted".to_string(),
                (Some((code, why)), Mode::Compat) => {
                    format!("Error: :{}", crate::compat::java_exception(code, &why))
                }
                (Some((_, why)), Mode::Native) => why,
            };
            (t, p.to_string(), status)
        })
        .collect();
    for t in &unknown {
        rows.push((
            t.clone(),
            "Not Provided".into(),
            match g.mode {
                Mode::Compat => {
                    "Error: :org.apache.kafka.common.errors.UnknownTopicOrPartitionException: \
                     This server does not host this topic-partition."
                        .to_string()
                }
                Mode::Native => "topic does not exist".to_string(),
            },
        ));
        problems.push(Problem {
            kind: ErrorKind::NotFound,
            message: format!("topic {t} does not exist"),
        });
    }
    rows.sort_by(|a, b| {
        let key = |r: &(String, String, String)| {
            let p = if r.1 == "Not Provided" { "-1" } else { &r.1 };
            format!("{}{p}", r.0)
        };
        key(a).cmp(&key(b))
    });
    if g.format == OutputFormat::Json {
        let rows: Vec<_> = rows
            .iter()
            .map(|(t, p, s)| serde_json::json!({"topic": t, "partition": p, "status": s}))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "partitions": rows }))?;
        writeln!(out)?;
        return Ok(());
    }
    if g.mode == Mode::Native {
        // kt's own: a row per line (Kafka 3.9 runs them together).
        let mut table = crate::table::new(["TOPIC", "PARTITION", "STATUS"]);
        for (t, p, s) in rows {
            table.add_row([t, p, s]);
        }
        writeln!(out, "{table}")?;
        return Ok(());
    }
    write!(
        out,
        "\n{:<30} {:<15} {:<15}",
        "TOPIC", "PARTITION", "STATUS"
    )?;
    for (t, p, s) in rows {
        write!(out, "{t:<30} {p:<15} {s:<15}")?;
    }
    Ok(())
}

/// A group's own error (not found, not authorized): Kafka's exception text
/// under Kafka's name; under kt's, what happened to which group, with the
/// exit code it stands for.
pub(crate) fn group_error(
    g: &Groups<'_>,
    group: &str,
    code: RDKafkaErrorCode,
    why: &str,
) -> KtError {
    let message = match g.mode {
        Mode::Compat => crate::compat::java_exception(code, why),
        Mode::Native => match code {
            RDKafkaErrorCode::OperationTimedOut | RDKafkaErrorCode::RequestTimedOut => format!(
                "group {group}: its coordinator did not answer within {} (--timeout)",
                kt_core::error::human_duration(g.timeout)
            ),
            _ => format!("group {group}: {}", why.trim_end_matches('.')),
        },
    };
    KtError::new(kind_of(code), message)
}

/// The exit code a broker error stands for under kt's name.
pub(crate) fn kind_of(code: RDKafkaErrorCode) -> ErrorKind {
    match code {
        RDKafkaErrorCode::GroupIdNotFound | RDKafkaErrorCode::UnknownTopicOrPartition => {
            ErrorKind::NotFound
        }
        RDKafkaErrorCode::OperationTimedOut | RDKafkaErrorCode::RequestTimedOut => {
            ErrorKind::Timeout
        }
        _ => ErrorKind::Broker,
    }
}
