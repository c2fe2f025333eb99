//! Consumer-group admin requests librdkafka has and the rdkafka crate does
//! not wrap: ListConsumerGroups, DescribeConsumerGroups, the group's
//! committed offsets (OffsetFetch), AlterConsumerGroupOffsets (OffsetCommit
//! on behalf of an inactive group), DeleteConsumerGroupOffsets
//! (OffsetDelete) and DeleteGroups. Each answer is copied into plain Rust
//! values before the result event is destroyed.

use std::ffi::CString;
use std::os::raw::c_char;
use std::time::Duration;

use rdkafka::bindings as rd;
use rdkafka::client::{Client, ClientContext};
use rdkafka::error::RDKafkaErrorCode;
use serde::Serialize;

use super::admin::{admin_request, admin_request_raw, text, Guard};
use crate::error::KtError;

/// A group's state, as Java's `ConsumerGroupState` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum GroupState {
    Unknown,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
    Empty,
}

impl GroupState {
    /// Java's `ConsumerGroupState` values, in its declaration order, less
    /// KIP-848's Assigning and Reconciling, which librdkafka cannot report.
    pub const ALL: [GroupState; 6] = [
        GroupState::Unknown,
        GroupState::PreparingRebalance,
        GroupState::CompletingRebalance,
        GroupState::Stable,
        GroupState::Dead,
        GroupState::Empty,
    ];

    /// Java's `toString()`.
    pub fn name(self) -> &'static str {
        match self {
            GroupState::Unknown => "Unknown",
            GroupState::PreparingRebalance => "PreparingRebalance",
            GroupState::CompletingRebalance => "CompletingRebalance",
            GroupState::Stable => "Stable",
            GroupState::Dead => "Dead",
            GroupState::Empty => "Empty",
        }
    }

    /// Java's `ConsumerGroupState.parse`: any case.
    pub fn parse(text: &str) -> Option<GroupState> {
        GroupState::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(text))
    }

    fn from_rd(state: rd::rd_kafka_consumer_group_state_t) -> GroupState {
        use rd::rd_kafka_consumer_group_state_t as S;
        match state {
            S::RD_KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE => GroupState::PreparingRebalance,
            S::RD_KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE => {
                GroupState::CompletingRebalance
            }
            S::RD_KAFKA_CONSUMER_GROUP_STATE_STABLE => GroupState::Stable,
            S::RD_KAFKA_CONSUMER_GROUP_STATE_DEAD => GroupState::Dead,
            S::RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY => GroupState::Empty,
            _ => GroupState::Unknown,
        }
    }

    fn to_rd(self) -> rd::rd_kafka_consumer_group_state_t {
        use rd::rd_kafka_consumer_group_state_t as S;
        match self {
            GroupState::Unknown => S::RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN,
            GroupState::PreparingRebalance => S::RD_KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE,
            GroupState::CompletingRebalance => {
                S::RD_KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE
            }
            GroupState::Stable => S::RD_KAFKA_CONSUMER_GROUP_STATE_STABLE,
            GroupState::Dead => S::RD_KAFKA_CONSUMER_GROUP_STATE_DEAD,
            GroupState::Empty => S::RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY,
        }
    }
}

/// A group's protocol, as Java's `GroupType` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum GroupType {
    Unknown,
    Consumer,
    Classic,
}

impl GroupType {
    /// Java's `GroupType` values in declaration order.
    pub const ALL: [GroupType; 3] = [GroupType::Unknown, GroupType::Consumer, GroupType::Classic];

    /// Java's `toString()`.
    pub fn name(self) -> &'static str {
        match self {
            GroupType::Unknown => "Unknown",
            GroupType::Consumer => "Consumer",
            GroupType::Classic => "Classic",
        }
    }

    /// Java's `GroupType.parse`: any case, anything else is Unknown.
    pub fn parse(text: &str) -> GroupType {
        GroupType::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(text))
            .unwrap_or(GroupType::Unknown)
    }

    fn from_rd(kind: rd::rd_kafka_consumer_group_type_t) -> GroupType {
        use rd::rd_kafka_consumer_group_type_t as T;
        match kind {
            T::RD_KAFKA_CONSUMER_GROUP_TYPE_CONSUMER => GroupType::Consumer,
            T::RD_KAFKA_CONSUMER_GROUP_TYPE_CLASSIC => GroupType::Classic,
            _ => GroupType::Unknown,
        }
    }

    fn to_rd(self) -> rd::rd_kafka_consumer_group_type_t {
        use rd::rd_kafka_consumer_group_type_t as T;
        match self {
            GroupType::Unknown => T::RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN,
            GroupType::Consumer => T::RD_KAFKA_CONSUMER_GROUP_TYPE_CONSUMER,
            GroupType::Classic => T::RD_KAFKA_CONSUMER_GROUP_TYPE_CLASSIC,
        }
    }
}

/// One group of ListConsumerGroups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupListing {
    pub group: String,
    pub state: GroupState,
    pub kind: GroupType,
}

/// A broker, as a group's coordinator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Node {
    pub id: i32,
    pub host: String,
    pub port: u16,
}

/// One member of a described group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub consumer_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub host: String,
    /// Its assigned partitions, in the order the broker listed them.
    pub assignment: Vec<(String, i32)>,
}

/// One group of DescribeConsumerGroups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDescription {
    pub group: String,
    /// The group's own error (not found, not authorized), code and text.
    pub error: Option<(RDKafkaErrorCode, String)>,
    pub assignor: String,
    pub state: GroupState,
    pub coordinator: Option<Node>,
    pub members: Vec<Member>,
}

/// A partition of a topic.
pub type Partition = (String, i32);

/// A failure with the broker's code and text.
pub type Failure = (RDKafkaErrorCode, String);

/// ListConsumerGroups: every consumer group of the cluster (and groups
/// that only commit offsets), filtered by state and type when given.
pub fn list_groups<C: ClientContext>(
    client: &Client<C>,
    states: &[GroupState],
    types: &[GroupType],
    timeout: Duration,
) -> Result<Vec<GroupListing>, KtError> {
    let (listed, error) = read_until_settled(
        timeout,
        |left| list_groups_once(client, states, types, left),
        |(_, error)| error.as_ref().is_some_and(|(code, _)| unanswered(*code)),
    )?;
    match error {
        Some((_, why)) => Err(KtError::broker(why)),
        None => Ok(listed),
    }
}

/// One ListConsumerGroups: the groups, and the first broker's error.
fn list_groups_once<C: ClientContext>(
    client: &Client<C>,
    states: &[GroupState],
    types: &[GroupType],
    timeout: Duration,
) -> Result<(Vec<GroupListing>, Option<Failure>), KtError> {
    let rk = client.native_ptr();
    let states: Vec<_> = states.iter().map(|s| s.to_rd()).collect();
    let types: Vec<_> = types.iter().map(|t| t.to_rd()).collect();
    let mut out = Vec::new();
    // SAFETY: the options and queue live through the request (admin_request
    // owns them); the filters are copied by librdkafka; the result is read
    // before its event is destroyed.
    unsafe {
        let event = admin_request(
            rk,
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS,
            timeout,
            "listing the consumer groups timed out",
            |options, queue| {
                if !states.is_empty() {
                    consume_error(rd::rd_kafka_AdminOptions_set_match_consumer_group_states(
                        options,
                        states.as_ptr(),
                        states.len(),
                    ));
                }
                if !types.is_empty() {
                    consume_error(rd::rd_kafka_AdminOptions_set_match_consumer_group_types(
                        options,
                        types.as_ptr(),
                        types.len(),
                    ));
                }
                rd::rd_kafka_ListConsumerGroups(rk, options, queue)
            },
        )?;
        let result = rd::rd_kafka_event_ListConsumerGroups_result(event.0);
        let mut count = 0usize;
        let errors = rd::rd_kafka_ListConsumerGroups_result_errors(result, &mut count);
        if count > 0 {
            return Ok((Vec::new(), failure(*errors)));
        }
        let listed = rd::rd_kafka_ListConsumerGroups_result_valid(result, &mut count);
        for i in 0..count {
            let item = *listed.add(i);
            out.push(GroupListing {
                group: text(rd::rd_kafka_ConsumerGroupListing_group_id(item)),
                state: GroupState::from_rd(rd::rd_kafka_ConsumerGroupListing_state(item)),
                kind: GroupType::from_rd(rd::rd_kafka_ConsumerGroupListing_type(item)),
            });
        }
    }
    Ok((out, None))
}

/// DescribeConsumerGroups for `groups`, in the order librdkafka answers.
pub fn describe_groups<C: ClientContext>(
    client: &Client<C>,
    groups: &[String],
    timeout: Duration,
) -> Result<Vec<GroupDescription>, KtError> {
    read_until_settled(
        timeout,
        |left| describe_groups_once(client, groups, left),
        |described| {
            described
                .iter()
                .any(|d| d.error.as_ref().is_some_and(|(code, _)| unanswered(*code)))
        },
    )
}

fn describe_groups_once<C: ClientContext>(
    client: &Client<C>,
    groups: &[String],
    timeout: Duration,
) -> Result<Vec<GroupDescription>, KtError> {
    if groups.is_empty() {
        return Ok(Vec::new());
    }
    let rk = client.native_ptr();
    let names = groups
        .iter()
        .map(|g| cstring(g))
        .collect::<Result<Vec<_>, _>>()?;
    let mut pointers: Vec<*const c_char> = names.iter().map(|n| n.as_ptr()).collect();
    let mut out = Vec::with_capacity(groups.len());
    // SAFETY: the names outlive the call, which copies them; every pointer
    // read below belongs to the result event, alive until `event` drops.
    unsafe {
        let event = admin_request(
            rk,
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS,
            timeout,
            "describing the consumer groups timed out",
            |options, queue| {
                rd::rd_kafka_DescribeConsumerGroups(
                    rk,
                    pointers.as_mut_ptr(),
                    pointers.len(),
                    options,
                    queue,
                )
            },
        )?;
        let result = rd::rd_kafka_event_DescribeConsumerGroups_result(event.0);
        let mut count = 0usize;
        let described = rd::rd_kafka_DescribeConsumerGroups_result_groups(result, &mut count);
        for i in 0..count {
            let g = *described.add(i);
            let error = failure(rd::rd_kafka_ConsumerGroupDescription_error(g));
            let node = rd::rd_kafka_ConsumerGroupDescription_coordinator(g);
            let coordinator = (!node.is_null()).then(|| Node {
                id: rd::rd_kafka_Node_id(node),
                host: text(rd::rd_kafka_Node_host(node)),
                port: rd::rd_kafka_Node_port(node),
            });
            let mut members = Vec::new();
            for m in 0..rd::rd_kafka_ConsumerGroupDescription_member_count(g) {
                let member = rd::rd_kafka_ConsumerGroupDescription_member(g, m);
                let instance = rd::rd_kafka_MemberDescription_group_instance_id(member);
                let assignment = rd::rd_kafka_MemberDescription_assignment(member);
                let partitions = if assignment.is_null() {
                    Vec::new()
                } else {
                    partitions_of(rd::rd_kafka_MemberAssignment_partitions(assignment))
                        .into_iter()
                        .map(|(tp, _, _)| tp)
                        .collect()
                };
                members.push(Member {
                    consumer_id: text(rd::rd_kafka_MemberDescription_consumer_id(member)),
                    group_instance_id: (!instance.is_null()).then(|| text(instance)),
                    client_id: text(rd::rd_kafka_MemberDescription_client_id(member)),
                    host: text(rd::rd_kafka_MemberDescription_host(member)),
                    assignment: partitions,
                });
            }
            let assignor = rd::rd_kafka_ConsumerGroupDescription_partition_assignor(g);
            out.push(GroupDescription {
                group: text(rd::rd_kafka_ConsumerGroupDescription_group_id(g)),
                error,
                assignor: if assignor.is_null() {
                    String::new()
                } else {
                    text(assignor)
                },
                state: GroupState::from_rd(rd::rd_kafka_ConsumerGroupDescription_state(g)),
                coordinator,
                members,
            });
        }
    }
    Ok(out)
}

/// The group's committed offsets (OffsetFetch): of `partitions`, or of
/// every partition it has one for. A partition without one is left out.
pub fn committed_offsets<C: ClientContext>(
    client: &Client<C>,
    group: &str,
    partitions: Option<&[Partition]>,
    timeout: Duration,
) -> Result<Vec<(Partition, i64)>, KtError> {
    let rk = client.native_ptr();
    let name = cstring(group)?;
    let list = partitions.map(|p| list_of(p, None));
    let list_ptr = list
        .as_ref()
        .map_or(std::ptr::null(), |l| l.ptr() as *const _);
    // SAFETY: the name and list outlive the request, which copies them.
    let answer = unsafe { offsets_request(rk, &LIST_OFFSETS, &name, list_ptr, timeout) }
        .map_err(|(_, why)| KtError::broker(why))?;
    let (error, answers) = answer;
    if let Some((_, why)) = error {
        return Err(KtError::broker(why));
    }
    Ok(answers
        .into_iter()
        .filter(|(_, offset, error)| error.is_none() && *offset >= 0)
        .map(|(tp, offset, _)| (tp, offset))
        .collect())
}

/// Commits `offsets` for the (inactive) group: each partition's error, if any.
pub fn alter_offsets<C: ClientContext>(
    client: &Client<C>,
    group: &str,
    offsets: &[(Partition, i64)],
    timeout: Duration,
) -> Result<Vec<(Partition, Option<Failure>)>, KtError> {
    let rk = client.native_ptr();
    let name = cstring(group)?;
    let partitions: Vec<Partition> = offsets.iter().map(|(tp, _)| tp.clone()).collect();
    let values: Vec<i64> = offsets.iter().map(|(_, o)| *o).collect();
    let list = list_of(&partitions, Some(&values));
    // SAFETY: as in committed_offsets.
    let (error, answers) =
        unsafe { offsets_request(rk, &ALTER_OFFSETS, &name, list.ptr(), timeout) }
            .map_err(|(_, why)| KtError::broker(why))?;
    if let Some((_, why)) = error {
        return Err(KtError::broker(why));
    }
    Ok(answers.into_iter().map(|(tp, _, e)| (tp, e)).collect())
}

/// What DeleteConsumerGroupOffsets answered: the group's error (not found,
/// not empty, ...) and each partition's.
pub type DeleteOffsetsAnswer = (Option<Failure>, Vec<(Partition, Option<Failure>)>);

/// Deletes the group's committed offsets of `partitions` (OffsetDelete).
pub fn delete_offsets<C: ClientContext>(
    client: &Client<C>,
    group: &str,
    partitions: &[Partition],
    timeout: Duration,
) -> Result<DeleteOffsetsAnswer, KtError> {
    let rk = client.native_ptr();
    let name = cstring(group)?;
    let list = list_of(partitions, None);
    // SAFETY: as in committed_offsets.
    let sent = unsafe { offsets_request(rk, &DELETE_OFFSETS, &name, list.ptr(), timeout) };
    match sent {
        Ok((error, answers)) => Ok((
            error,
            answers.into_iter().map(|(tp, _, e)| (tp, e)).collect(),
        )),
        // The group's own error fails the whole request in librdkafka.
        Err((code, why)) if code != RDKafkaErrorCode::OperationTimedOut => Ok((
            Some((code, why)),
            partitions.iter().map(|tp| (tp.clone(), None)).collect(),
        )),
        Err(_) => Err(KtError::new(
            crate::ErrorKind::Timeout,
            format!("deleting the offsets of group {group} timed out"),
        )),
    }
}

/// Deletes `groups` (DeleteGroups): each group's error, if any.
pub fn delete_groups<C: ClientContext>(
    client: &Client<C>,
    groups: &[String],
    timeout: Duration,
) -> Result<Vec<(String, Option<Failure>)>, KtError> {
    until_settled(
        timeout,
        |left| delete_groups_once(client, groups, left),
        |answers| {
            answers
                .iter()
                .any(|(_, e)| e.as_ref().is_some_and(|(code, _)| moving(*code)))
        },
    )
}

fn delete_groups_once<C: ClientContext>(
    client: &Client<C>,
    groups: &[String],
    timeout: Duration,
) -> Result<Vec<(String, Option<Failure>)>, KtError> {
    if groups.is_empty() {
        return Ok(Vec::new());
    }
    let rk = client.native_ptr();
    let names = groups
        .iter()
        .map(|g| cstring(g))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::with_capacity(groups.len());
    // SAFETY: each DeleteGroup is copied by the call and destroyed by its
    // guard after it; the results are read before the event is destroyed.
    unsafe {
        let requests: Vec<_> = names
            .iter()
            .map(|n| {
                Guard(
                    rd::rd_kafka_DeleteGroup_new(n.as_ptr()),
                    rd::rd_kafka_DeleteGroup_destroy,
                )
            })
            .collect();
        let mut pointers: Vec<_> = requests.iter().map(|r| r.0).collect();
        let event = admin_request(
            rk,
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETEGROUPS,
            timeout,
            "deleting the consumer groups timed out",
            |options, queue| {
                rd::rd_kafka_DeleteGroups(rk, pointers.as_mut_ptr(), pointers.len(), options, queue)
            },
        )?;
        let result = rd::rd_kafka_event_DeleteGroups_result(event.0);
        let mut count = 0usize;
        let answers = rd::rd_kafka_DeleteGroups_result_groups(result, &mut count);
        for i in 0..count {
            let g = *answers.add(i);
            out.push((
                text(rd::rd_kafka_group_result_name(g)),
                failure(rd::rd_kafka_group_result_error(g)),
            ));
        }
    }
    Ok(out)
}

/// One of librdkafka's requests about one group's offsets: how its request
/// object is made, sent and destroyed, and where its answer is.
struct OffsetsOp<T> {
    op: rd::rd_kafka_admin_op_t,
    new: unsafe extern "C" fn(*const c_char, *const rd::rd_kafka_topic_partition_list_t) -> *mut T,
    destroy: unsafe extern "C" fn(*mut T),
    send: unsafe extern "C" fn(
        *mut rd::rd_kafka_t,
        *mut *mut T,
        usize,
        *const rd::rd_kafka_AdminOptions_t,
        *mut rd::rd_kafka_queue_t,
    ),
    results: GroupResults,
}

/// OffsetFetch of a group.
const LIST_OFFSETS: OffsetsOp<rd::rd_kafka_ListConsumerGroupOffsets_t> = OffsetsOp {
    op: rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS,
    new: rd::rd_kafka_ListConsumerGroupOffsets_new,
    destroy: rd::rd_kafka_ListConsumerGroupOffsets_destroy,
    send: rd::rd_kafka_ListConsumerGroupOffsets,
    results: |ev, n| {
        // SAFETY: the caller's event is a ListConsumerGroupOffsets result.
        unsafe {
            rd::rd_kafka_ListConsumerGroupOffsets_result_groups(
                rd::rd_kafka_event_ListConsumerGroupOffsets_result(ev),
                n,
            )
        }
    },
};

/// OffsetCommit on behalf of a group.
const ALTER_OFFSETS: OffsetsOp<rd::rd_kafka_AlterConsumerGroupOffsets_t> = OffsetsOp {
    op: rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS,
    new: rd::rd_kafka_AlterConsumerGroupOffsets_new,
    destroy: rd::rd_kafka_AlterConsumerGroupOffsets_destroy,
    send: rd::rd_kafka_AlterConsumerGroupOffsets,
    results: |ev, n| {
        // SAFETY: the caller's event is an AlterConsumerGroupOffsets result.
        unsafe {
            rd::rd_kafka_AlterConsumerGroupOffsets_result_groups(
                rd::rd_kafka_event_AlterConsumerGroupOffsets_result(ev),
                n,
            )
        }
    },
};

/// OffsetDelete of a group.
const DELETE_OFFSETS: OffsetsOp<rd::rd_kafka_DeleteConsumerGroupOffsets_t> = OffsetsOp {
    op: rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS,
    new: rd::rd_kafka_DeleteConsumerGroupOffsets_new,
    destroy: rd::rd_kafka_DeleteConsumerGroupOffsets_destroy,
    send: rd::rd_kafka_DeleteConsumerGroupOffsets,
    results: |ev, n| {
        // SAFETY: the caller's event is a DeleteConsumerGroupOffsets result.
        unsafe {
            rd::rd_kafka_DeleteConsumerGroupOffsets_result_groups(
                rd::rd_kafka_event_DeleteConsumerGroupOffsets_result(ev),
                n,
            )
        }
    },
};

/// Sends `op` for group `name` over `list` (null: every partition).
///
/// # Safety
/// `rk` is a live client; `name` and `list` (null or a live list) outlive
/// the call, which copies them.
unsafe fn offsets_request<T>(
    rk: *mut rd::rd_kafka_t,
    op: &OffsetsOp<T>,
    name: &CString,
    list: *const rd::rd_kafka_topic_partition_list_t,
    timeout: Duration,
) -> Result<(Option<Failure>, Vec<PartitionAnswer>), Failure> {
    group_request(rk, op.op, timeout, op.results, |options, queue| {
        let request = Guard((op.new)(name.as_ptr(), list), op.destroy);
        let mut requests = [request.0];
        (op.send)(rk, requests.as_mut_ptr(), 1, options, queue);
    })
}

/// One partition of a group request's answer: its offset and error.
type PartitionAnswer = (Partition, i64, Option<Failure>);

/// The group results of a result event.
type GroupResults =
    unsafe fn(*mut rd::rd_kafka_event_t, *mut usize) -> *mut *const rd::rd_kafka_group_result_t;

/// Sends a request about one group and reads its one group result: the
/// group's error and each partition's answer; Err is the request's own
/// failure, with its code (OperationTimedOut with no text: no answer).
///
/// # Safety
/// `rk` is a live client; `send` passes only pointers that outlive it;
/// `results` reads the result event of `op`.
unsafe fn group_request(
    rk: *mut rd::rd_kafka_t,
    op: rd::rd_kafka_admin_op_t,
    timeout: Duration,
    results: GroupResults,
    send: impl Fn(*mut rd::rd_kafka_AdminOptions_t, *mut rd::rd_kafka_queue_t),
) -> Result<(Option<Failure>, Vec<PartitionAnswer>), Failure> {
    // Asked again while the group's coordinator moves or loads, as Kafka's
    // admin client does; the last answer stands.
    let outcome = crate::retry::within(
        timeout,
        |left| {
            let answer = group_request_once(rk, op, left, results, &send);
            let code = match &answer {
                Ok((Some((code, _)), _)) | Err((code, _)) => Some(*code),
                Ok(_) => None,
            };
            if code.is_some_and(moving) {
                Err(answer)
            } else {
                Ok(answer)
            }
        },
        |_| true,
    );
    match outcome {
        Ok(answer) | Err(answer) => answer,
    }
}

/// One attempt of [`group_request`].
///
/// # Safety
/// As [`group_request`].
unsafe fn group_request_once(
    rk: *mut rd::rd_kafka_t,
    op: rd::rd_kafka_admin_op_t,
    timeout: Duration,
    results: GroupResults,
    send: &impl Fn(*mut rd::rd_kafka_AdminOptions_t, *mut rd::rd_kafka_queue_t),
) -> Result<(Option<Failure>, Vec<PartitionAnswer>), Failure> {
    let event = admin_request_raw(rk, op, timeout, send)?;
    let mut count = 0usize;
    let groups = results(event.0, &mut count);
    if count == 0 {
        return Ok((None, Vec::new()));
    }
    let g = *groups;
    Ok((
        failure(rd::rd_kafka_group_result_error(g)),
        partitions_of(rd::rd_kafka_group_result_partitions(g)),
    ))
}

/// A group's coordinator is moving or loading: the same request will do
/// once it settles.
fn moving(code: RDKafkaErrorCode) -> bool {
    matches!(
        code,
        RDKafkaErrorCode::NotCoordinator
            | RDKafkaErrorCode::CoordinatorLoadInProgress
            | RDKafkaErrorCode::CoordinatorNotAvailable
    )
}

/// Whether a group's answer is worth asking again for when reading: its
/// coordinator is moving or loading, or the attempt's slice of the timeout
/// ran out (see [`read_until_settled`]).
fn unanswered(code: RDKafkaErrorCode) -> bool {
    moving(code)
        || matches!(
            code,
            RDKafkaErrorCode::OperationTimedOut | RDKafkaErrorCode::RequestTimedOut
        )
}

/// [`until_settled`] for requests that only read, the first attempt given
/// a slice of the timeout (a third, at least 2 s) and asked again with the
/// rest when the slice runs out: on a cluster whose `__consumer_offsets`
/// does not exist yet, librdkafka can lose the first coordinator lookup
/// and wait out the whole timeout for it, where a new request is answered
/// in a second (Apache's tool is, and kt waited its whole `--timeout`).
fn read_until_settled<T>(
    timeout: Duration,
    mut attempt: impl FnMut(Duration) -> Result<T, KtError>,
    unsettled: impl Fn(&T) -> bool,
) -> Result<T, KtError> {
    let mut slice = (timeout / 3).max(Duration::from_secs(2));
    let deadline = std::time::Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let answer = until_settled(left.min(slice), &mut attempt, &unsettled);
        slice = timeout;
        let again = match &answer {
            Ok(answer) => unsettled(answer),
            Err(e) => e.kind == crate::ErrorKind::Timeout,
        };
        if !again || std::time::Instant::now() + Duration::from_millis(50) >= deadline {
            return answer;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Runs `attempt` again while `unsettled` says its answer came from a
/// coordinator that is moving or loading, up to `timeout`; the last answer.
fn until_settled<T>(
    timeout: Duration,
    mut attempt: impl FnMut(Duration) -> Result<T, KtError>,
    unsettled: impl Fn(&T) -> bool,
) -> Result<T, KtError> {
    enum Again<T> {
        Unsettled(T),
        Failed(KtError),
    }
    let outcome = crate::retry::within(
        timeout,
        |left| match attempt(left) {
            Ok(answer) if unsettled(&answer) => Err(Again::Unsettled(answer)),
            Ok(answer) => Ok(answer),
            Err(e) => Err(Again::Failed(e)),
        },
        |again| matches!(again, Again::Unsettled(_)),
    );
    match outcome {
        Ok(answer) | Err(Again::Unsettled(answer)) => Ok(answer),
        Err(Again::Failed(e)) => Err(e),
    }
}

/// A C topic-partition list of `partitions`, with `offsets` when given.
fn list_of(partitions: &[Partition], offsets: Option<&[i64]>) -> rdkafka::TopicPartitionList {
    let mut list = rdkafka::TopicPartitionList::with_capacity(partitions.len());
    for (i, (topic, partition)) in partitions.iter().enumerate() {
        let mut elem = list.add_partition(topic, *partition);
        if let Some(offsets) = offsets {
            let _ = elem.set_offset(rdkafka::Offset::Offset(offsets[i]));
        }
    }
    list
}

/// The elements of a C topic-partition list: partition, offset and error.
///
/// # Safety
/// `list` is null or a live list.
unsafe fn partitions_of(list: *const rd::rd_kafka_topic_partition_list_t) -> Vec<PartitionAnswer> {
    if list.is_null() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity((*list).cnt.max(0) as usize);
    for i in 0..(*list).cnt.max(0) as usize {
        let elem = &*(*list).elems.add(i);
        let error = (elem.err != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR)
            .then(|| (elem.err.into(), text(rd::rd_kafka_err2str(elem.err))));
        out.push(((text(elem.topic), elem.partition), elem.offset, error));
    }
    out
}

/// A `rd_kafka_error_t` as code and text (None when null); not destroyed:
/// it belongs to its result.
///
/// # Safety
/// `error` is null or a live error.
unsafe fn failure(error: *const rd::rd_kafka_error_t) -> Option<Failure> {
    (!error.is_null()).then(|| {
        (
            rd::rd_kafka_error_code(error).into(),
            text(rd::rd_kafka_error_string(error)),
        )
    })
}

/// Frees an error librdkafka handed over (from setting an option).
///
/// # Safety
/// `error` is null or an error the caller owns.
unsafe fn consume_error(error: *mut rd::rd_kafka_error_t) {
    if !error.is_null() {
        rd::rd_kafka_error_destroy(error);
    }
}

fn cstring(s: &str) -> Result<CString, KtError> {
    CString::new(s).map_err(|_| KtError::config(format!("'{s}' contains a NUL byte")))
}
