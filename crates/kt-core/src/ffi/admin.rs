//! Admin requests librdkafka has and the rdkafka crate does not wrap.
//!
//! rdkafka 0.39 offers only the legacy AlterConfigs, which replaces every
//! override of a topic; kafka-topics' `--config`/`--delete-config` on `--alter`
//! need IncrementalAlterConfigs, which changes only the named keys.

use std::ffi::{CStr, CString};
use std::os::raw::c_char;
use std::ptr;
use std::time::Duration;

use rdkafka::bindings as rd;
use rdkafka::client::{Client, ClientContext};
use rdkafka::error::RDKafkaErrorCode;

use crate::error::KtError;
use crate::offset::OffsetSpec;

/// One change to a topic's configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigChange {
    Set(String, String),
    Delete(String),
}

/// Applies `changes` to `topic` with IncrementalAlterConfigs.
pub fn alter_topic_config<C: ClientContext>(
    client: &Client<C>,
    topic: &str,
    changes: &[ConfigChange],
    timeout: Duration,
) -> Result<(), KtError> {
    let rk = client.native_ptr();
    let cstr = |s: &str| {
        CString::new(s).map_err(|_| KtError::config(format!("'{s}' contains a NUL byte")))
    };
    let name = cstr(topic)?;
    // SAFETY: every handle created here is destroyed by the guards below, and
    // every pointer passed to librdkafka outlives the call that takes it.
    unsafe {
        let resource = Guard(
            rd::rd_kafka_ConfigResource_new(
                rd::rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE_TOPIC,
                name.as_ptr(),
            ),
            rd::rd_kafka_ConfigResource_destroy,
        );
        for change in changes {
            let (key, value, op) = match change {
                ConfigChange::Set(k, v) => (
                    cstr(k)?,
                    Some(cstr(v)?),
                    rd::rd_kafka_AlterConfigOpType_t::RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET,
                ),
                ConfigChange::Delete(k) => (
                    cstr(k)?,
                    None,
                    rd::rd_kafka_AlterConfigOpType_t::RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE,
                ),
            };
            let value_ptr = value.as_ref().map_or(ptr::null(), |v| v.as_ptr());
            let err = rd::rd_kafka_ConfigResource_add_incremental_config(
                resource.0,
                key.as_ptr(),
                op,
                value_ptr,
            );
            if !err.is_null() {
                let message = text(rd::rd_kafka_error_string(err));
                rd::rd_kafka_error_destroy(err);
                return Err(KtError::config(message));
            }
        }
        let mut resources = [resource.0];
        let event = admin_request(
            rk,
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS,
            timeout,
            &format!("the broker did not confirm the config change of topic {topic} in time"),
            |options, queue| {
                rd::rd_kafka_IncrementalAlterConfigs(rk, resources.as_mut_ptr(), 1, options, queue)
            },
        )?;
        let result = rd::rd_kafka_event_IncrementalAlterConfigs_result(event.0);
        let mut count = 0usize;
        let items = rd::rd_kafka_IncrementalAlterConfigs_result_resources(result, &mut count);
        for i in 0..count {
            let item = *items.add(i);
            if rd::rd_kafka_ConfigResource_error(item)
                != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR
            {
                return Err(KtError::broker(text(
                    rd::rd_kafka_ConfigResource_error_string(item),
                )));
            }
        }
    }
    Ok(())
}

/// A topic to create: a partition count and replication factor (-1 asks
/// for the broker's defaults), or an explicit assignment; and configs.
#[derive(Debug, Clone, Copy)]
pub struct NewTopicSpec<'a> {
    pub name: &'a str,
    pub partitions: i32,
    pub replication_factor: i32,
    pub assignment: Option<&'a [Vec<i32>]>,
    pub configs: &'a [(String, String)],
}

/// The broker's answer for one topic: its error code and message (the text
/// Kafka's tools print), which the rdkafka crate's CreateTopics drops.
pub type TopicFailure = (RDKafkaErrorCode, String);

/// Creates one topic with CreateTopics. `Err` is a failure of the request as
/// a whole (its code, for the caller's timeout and connection handling).
pub fn create_topic<C: ClientContext>(
    client: &Client<C>,
    spec: &NewTopicSpec<'_>,
    timeout: Duration,
) -> Result<Option<TopicFailure>, TopicFailure> {
    let rk = client.native_ptr();
    let invalid = |why: String| (RDKafkaErrorCode::InvalidConfig, why);
    let cstr = |s: &str| CString::new(s).map_err(|_| invalid(format!("'{s}' contains a NUL byte")));
    let name = cstr(spec.name)?;
    let configs: Vec<(CString, CString)> = spec
        .configs
        .iter()
        .map(|(k, v)| Ok((cstr(k)?, cstr(v)?)))
        .collect::<Result<_, TopicFailure>>()?;
    let (partitions, replication) = match spec.assignment {
        Some(groups) => (i32::try_from(groups.len()).unwrap_or(i32::MAX), -1),
        None => (spec.partitions, spec.replication_factor),
    };
    let mut errstr = [0 as c_char; 512];
    // SAFETY: as in alter_topic_config: guarded handles, pointers that outlive
    // the calls, and result objects read before their event is destroyed.
    unsafe {
        let topic = Guard(
            rd::rd_kafka_NewTopic_new(
                name.as_ptr(),
                partitions,
                replication,
                errstr.as_mut_ptr(),
                errstr.len(),
            ),
            rd::rd_kafka_NewTopic_destroy,
        );
        if topic.0.is_null() {
            return Err(invalid(text(errstr.as_ptr())));
        }
        for (partition, replicas) in spec.assignment.unwrap_or_default().iter().enumerate() {
            let mut replicas = replicas.clone();
            let err = rd::rd_kafka_NewTopic_set_replica_assignment(
                topic.0,
                i32::try_from(partition).unwrap_or(i32::MAX),
                replicas.as_mut_ptr(),
                replicas.len(),
                errstr.as_mut_ptr(),
                errstr.len(),
            );
            if err != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                return Err(invalid(text(errstr.as_ptr())));
            }
        }
        for (key, value) in &configs {
            rd::rd_kafka_NewTopic_set_config(topic.0, key.as_ptr(), value.as_ptr());
        }
        let mut topics = [topic.0];
        let event = admin_request_raw(
            rk,
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_CREATETOPICS,
            timeout,
            |options, queue| rd::rd_kafka_CreateTopics(rk, topics.as_mut_ptr(), 1, options, queue),
        )?;
        let result = rd::rd_kafka_event_CreateTopics_result(event.0);
        let mut count = 0usize;
        let items = rd::rd_kafka_CreateTopics_result_topics(result, &mut count);
        for i in 0..count {
            let item = *items.add(i);
            let err = rd::rd_kafka_topic_result_error(item);
            if err != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                let message = rd::rd_kafka_topic_result_error_string(item);
                let message = if message.is_null() {
                    String::new()
                } else {
                    text(message)
                };
                return Ok(Some((RDKafkaErrorCode::from(err), message)));
            }
        }
    }
    Ok(None)
}

/// Topic ids by topic name, from DescribeTopics (librdkafka's metadata
/// carries none). Topics whose id is unknown or zero are left out.
pub fn topic_ids<C: ClientContext>(
    client: &Client<C>,
    topics: &[String],
    timeout: Duration,
) -> Result<Vec<(String, String)>, KtError> {
    if topics.is_empty() {
        return Ok(Vec::new());
    }
    let rk = client.native_ptr();
    let names: Vec<CString> = topics
        .iter()
        .map(|t| {
            CString::new(t.as_str())
                .map_err(|_| KtError::config(format!("'{t}' contains a NUL byte")))
        })
        .collect::<Result<_, _>>()?;
    let mut pointers: Vec<*const c_char> = names.iter().map(|n| n.as_ptr()).collect();
    let mut out = Vec::new();
    // SAFETY: as in alter_topic_config: guarded handles, pointers that outlive
    // the calls, and result objects read before their event is destroyed.
    unsafe {
        let collection = Guard(
            rd::rd_kafka_TopicCollection_of_topic_names(pointers.as_mut_ptr(), pointers.len()),
            rd::rd_kafka_TopicCollection_destroy,
        );
        let event = admin_request(
            rk,
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBETOPICS,
            timeout,
            "DescribeTopics timed out",
            |options, queue| rd::rd_kafka_DescribeTopics(rk, collection.0, options, queue),
        )?;
        let result = rd::rd_kafka_event_DescribeTopics_result(event.0);
        let mut count = 0usize;
        let items = rd::rd_kafka_DescribeTopics_result_topics(result, &mut count);
        for i in 0..count {
            let item = *items.add(i);
            if !rd::rd_kafka_TopicDescription_error(item).is_null() {
                continue;
            }
            let uuid = rd::rd_kafka_TopicDescription_topic_id(item);
            if uuid.is_null() {
                continue;
            }
            let id = kafka_uuid(&text(rd::rd_kafka_Uuid_base64str(uuid)));
            if id != ZERO_UUID && !id.is_empty() {
                out.push((text(rd::rd_kafka_TopicDescription_name(item)), id));
            }
        }
    }
    Ok(out)
}

/// A Uuid as Kafka prints it: librdkafka gives standard base64, Java's
/// `Uuid.toString()` is URL-safe base64 without padding.
pub fn kafka_uuid(base64: &str) -> String {
    base64
        .trim_end_matches('=')
        .replace('+', "-")
        .replace('/', "_")
}

/// One partition's answer to ListOffsets: the offset, or the broker's error.
pub type OffsetAnswer = ((String, i32), Result<i64, String>);

/// ListOffsets for `partitions` with one spec for all. Partitions that answer with an error a
/// Kafka client retries (a leader not yet known on a new topic, a leader
/// moving) are asked again until `timeout`, as Kafka's admin client does.
pub fn list_offsets<C: ClientContext>(
    client: &Client<C>,
    partitions: &[(String, i32)],
    spec: OffsetSpec,
    timeout: Duration,
) -> Result<Vec<OffsetAnswer>, KtError> {
    /// Why an attempt did not end the loop.
    enum Again {
        /// Some partitions answered with an error worth asking again about.
        Retriable,
        Request(KtError),
    }
    let mut pending = partitions.to_vec();
    let mut out = Vec::with_capacity(partitions.len());
    let mut retriable = Vec::new();
    let outcome = crate::retry::within(
        timeout,
        |left| {
            let answers =
                list_offsets_once(client, &pending, spec, left).map_err(Again::Request)?;
            retriable.clear();
            for (key, answer) in answers {
                match answer {
                    Err((code, why)) if crate::retry::is_retriable(code) => {
                        retriable.push((key, Err(why)))
                    }
                    answer => out.push((key, answer.map_err(|(_, why)| why))),
                }
            }
            pending = retriable.iter().map(|(key, _)| key.clone()).collect();
            if pending.is_empty() {
                Ok(())
            } else {
                Err(Again::Retriable)
            }
        },
        |again| matches!(again, Again::Retriable),
    );
    match outcome {
        Err(Again::Request(e)) => Err(e),
        // Out of time: the last retriable answers are the answers.
        Err(Again::Retriable) | Ok(()) => {
            out.append(&mut retriable);
            Ok(out)
        }
    }
}

/// Partitions per ListOffsets request. librdkafka merges each broker's
/// answer into the request's result with a linear search per partition, so
/// one request's cost grows with the square of its size: GetOffsetShell over
/// 10,000 partitions spent most of its time there. Chunks go out at once.
const LIST_OFFSETS_CHUNK: usize = 500;

/// ListOffsets for `partitions`, in requests of [`LIST_OFFSETS_CHUNK`] sent
/// together; each partition's offset, or the broker's error.
#[allow(clippy::type_complexity)]
fn list_offsets_once<C: ClientContext>(
    client: &Client<C>,
    partitions: &[(String, i32)],
    spec: OffsetSpec,
    timeout: Duration,
) -> Result<Vec<((String, i32), Result<i64, (RDKafkaErrorCode, String)>)>, KtError> {
    if partitions.is_empty() {
        return Ok(Vec::new());
    }
    // ListOffsets reads each element's offset as the spec. rdkafka's Offset
    // has no spec for the max timestamp (-3), so that one is written raw.
    let offset = match spec {
        OffsetSpec::Latest => Some(rdkafka::Offset::End),
        OffsetSpec::Earliest => Some(rdkafka::Offset::Beginning),
        OffsetSpec::At(ms) => Some(rdkafka::Offset::Offset(ms)),
        OffsetSpec::MaxTimestamp => None,
    };
    let rk = client.native_ptr();
    let mut sent = Vec::new();
    for chunk in partitions.chunks(LIST_OFFSETS_CHUNK) {
        let mut tpl = rdkafka::TopicPartitionList::with_capacity(chunk.len());
        for (topic, partition) in chunk {
            tpl.add_partition(topic, *partition);
        }
        match offset {
            Some(offset) => tpl
                .set_all_offsets(offset)
                .map_err(|e| KtError::broker(format!("ListOffsets: {e}")))?,
            None => {
                let list = tpl.ptr();
                // SAFETY: `list` is the live list `tpl` owns; each of its `cnt`
                // elements is written in place, before librdkafka copies it.
                unsafe {
                    for i in 0..(*list).cnt as usize {
                        (*(*list).elems.add(i)).offset = spec.code();
                    }
                }
            }
        }
        // SAFETY: librdkafka copies the list in the call; the options and
        // queue live in `Sent` until its answer is read.
        sent.push(unsafe {
            Sent::new(
                rk,
                rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTOFFSETS,
                timeout,
                |options, queue| rd::rd_kafka_ListOffsets(rk, tpl.ptr(), options, queue),
            )
        });
    }
    let mut out = Vec::with_capacity(partitions.len());
    for request in sent {
        // SAFETY: the client is alive (borrowed); every pointer read belongs
        // to the result event, alive until `event` drops.
        unsafe {
            let event = request.answer().map_err(|(code, why)| match code {
                RDKafkaErrorCode::OperationTimedOut if why.is_empty() => {
                    KtError::new(crate::ErrorKind::Timeout, "ListOffsets timed out")
                }
                _ => KtError::broker(why),
            })?;
            let result = rd::rd_kafka_event_ListOffsets_result(event.0);
            let mut count = 0usize;
            let infos = rd::rd_kafka_ListOffsets_result_infos(result, &mut count);
            for i in 0..count {
                let tp = rd::rd_kafka_ListOffsetsResultInfo_topic_partition(*infos.add(i));
                let key = (text((*tp).topic), (*tp).partition);
                let answer = if (*tp).err == rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                    Ok((*tp).offset)
                } else {
                    Err((
                        RDKafkaErrorCode::from((*tp).err),
                        text(rd::rd_kafka_err2str((*tp).err)),
                    ))
                };
                out.push((key, answer));
            }
        }
    }
    Ok(out)
}

/// Sends one admin request on a queue of its own and waits for its result
/// event: the request timeout is set on the options, and the wait gives the
/// broker a second more. A whole-request error is the broker's error.
///
/// # Safety
/// `rk` is a live client handle and `send` passes only valid pointers.
pub(super) unsafe fn admin_request(
    rk: *mut rd::rd_kafka_t,
    op: rd::rd_kafka_admin_op_t,
    timeout: Duration,
    timed_out: &str,
    send: impl FnOnce(*mut rd::rd_kafka_AdminOptions_t, *mut rd::rd_kafka_queue_t),
) -> Result<Guard<rd::rd_kafka_event_t>, KtError> {
    admin_request_raw(rk, op, timeout, send).map_err(|(code, why)| match code {
        RDKafkaErrorCode::OperationTimedOut if why.is_empty() => {
            KtError::new(crate::ErrorKind::Timeout, timed_out)
        }
        _ => KtError::broker(why),
    })
}

/// [`admin_request`] with the whole-request error as librdkafka gives it: a
/// code and its text (empty when no answer came in time).
///
/// # Safety
/// As [`admin_request`].
pub(super) unsafe fn admin_request_raw(
    rk: *mut rd::rd_kafka_t,
    op: rd::rd_kafka_admin_op_t,
    timeout: Duration,
    send: impl FnOnce(*mut rd::rd_kafka_AdminOptions_t, *mut rd::rd_kafka_queue_t),
) -> Result<Guard<rd::rd_kafka_event_t>, TopicFailure> {
    Sent::new(rk, op, timeout, send).answer()
}

/// An admin request sent on a queue of its own, its answer still to come:
/// several can be in flight at once.
pub(super) struct Sent {
    timeout_ms: i32,
    _options: Guard<rd::rd_kafka_AdminOptions_t>,
    queue: Guard<rd::rd_kafka_queue_t>,
}

impl Sent {
    /// Sends with `send`, the request timeout set on the options.
    ///
    /// # Safety
    /// As [`admin_request`].
    pub(super) unsafe fn new(
        rk: *mut rd::rd_kafka_t,
        op: rd::rd_kafka_admin_op_t,
        timeout: Duration,
        send: impl FnOnce(*mut rd::rd_kafka_AdminOptions_t, *mut rd::rd_kafka_queue_t),
    ) -> Sent {
        let timeout_ms = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
        let mut errstr = [0 as c_char; 512];
        let options = Guard(
            rd::rd_kafka_AdminOptions_new(rk, op),
            rd::rd_kafka_AdminOptions_destroy,
        );
        rd::rd_kafka_AdminOptions_set_request_timeout(
            options.0,
            timeout_ms,
            errstr.as_mut_ptr(),
            errstr.len(),
        );
        let queue = Guard(rd::rd_kafka_queue_new(rk), rd::rd_kafka_queue_destroy);
        send(options.0, queue.0);
        Sent {
            timeout_ms,
            _options: options,
            queue,
        }
    }

    /// Waits for the result event (the request timeout and a second more);
    /// a whole-request error is its code and text.
    ///
    /// # Safety
    /// The client the request went through is still alive.
    pub(super) unsafe fn answer(self) -> Result<Guard<rd::rd_kafka_event_t>, TopicFailure> {
        let event = Guard(
            rd::rd_kafka_queue_poll(self.queue.0, self.timeout_ms.saturating_add(1000)),
            rd::rd_kafka_event_destroy,
        );
        if event.0.is_null() {
            return Err((RDKafkaErrorCode::OperationTimedOut, String::new()));
        }
        let err = rd::rd_kafka_event_error(event.0);
        if err != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
            return Err((
                RDKafkaErrorCode::from(err),
                text(rd::rd_kafka_event_error_string(event.0)),
            ));
        }
        Ok(event)
    }
}

/// Kafka's `Uuid.ZERO_UUID` as it prints it.
pub const ZERO_UUID: &str = "AAAAAAAAAAAAAAAAAAAAAA";

/// Destroys a librdkafka handle when dropped (null is skipped).
pub(super) struct Guard<T>(pub(super) *mut T, pub(super) unsafe extern "C" fn(*mut T));

impl<T> Drop for Guard<T> {
    fn drop(&mut self) {
        if !self.0.is_null() {
            // SAFETY: the pointer came from the matching constructor and is
            // dropped once.
            unsafe { (self.1)(self.0) }
        }
    }
}

pub(super) fn text(p: *const c_char) -> String {
    if p.is_null() {
        return "unknown error".to_string();
    }
    // SAFETY: librdkafka returns NUL-terminated strings that live as long as
    // the object they came from, which is still alive here.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use rdkafka::admin::AdminClient;
    use rdkafka::client::DefaultClientContext;
    use rdkafka::mocking::MockCluster;
    use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
    use rdkafka::ClientConfig;

    use super::{list_offsets, OffsetSpec};

    #[test]
    fn every_offset_spec_reaches_the_broker() {
        let mock = MockCluster::new(1).unwrap();
        mock.create_topic("t", 1, 1).unwrap();
        let mut cfg = ClientConfig::new();
        cfg.set("bootstrap.servers", mock.bootstrap_servers());
        let producer: BaseProducer = cfg.create().unwrap();
        for i in 0..3 {
            let value = i.to_string();
            producer
                .send(
                    BaseRecord::<(), _>::to("t")
                        .payload(&value)
                        .timestamp(1000 + i),
                )
                .unwrap();
        }
        producer.flush(Duration::from_secs(10)).unwrap();
        let admin: AdminClient<DefaultClientContext> = cfg.create().unwrap();
        let tp = [("t".to_string(), 0)];
        let at = |spec| {
            let answers = list_offsets(admin.inner(), &tp, spec, Duration::from_secs(10)).unwrap();
            answers[0].1.clone()
        };
        assert_eq!(at(OffsetSpec::Earliest), Ok(0));
        assert_eq!(at(OffsetSpec::Latest), Ok(3));
        // Each spec is sent as itself, none refused before it leaves.
        assert!(at(OffsetSpec::MaxTimestamp).is_ok());
        assert!(at(OffsetSpec::At(1001)).is_ok());
    }

    #[test]
    fn uuids_print_as_java_does() {
        assert_eq!(
            super::kafka_uuid("AaINOAD9doCyvzia/o2L+w=="),
            "AaINOAD9doCyvzia_o2L-w"
        );
    }
}
