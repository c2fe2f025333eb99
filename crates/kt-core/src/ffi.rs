//! librdkafka calls the rdkafka crate does not wrap, behind safe functions.
//! (Admin requests it lacks are in `admin_ext`; the config probe is in
//! `config`; the flush thread in `runtime`.)

use std::ffi::CString;
use std::marker::PhantomData;
use std::os::raw::c_void;

use rdkafka::bindings as rd;
use rdkafka::client::{Client, ClientContext};
use rdkafka::error::RDKafkaErrorCode;
use rdkafka::message::BorrowedMessage;

use crate::error::KtError;

/// The leader epoch a fetched record carries, if the broker sent one.
pub fn leader_epoch(msg: &BorrowedMessage<'_>) -> Option<i32> {
    // SAFETY: the message pointer is valid for as long as `msg` is, and the
    // call only reads it.
    let epoch = unsafe { rd::rd_kafka_message_leader_epoch(msg.ptr()) };
    (epoch >= 0).then_some(epoch)
}

/// A librdkafka topic handle for a producer's hot loop. rdkafka's `send`
/// goes through `rd_kafka_producev`, which looks the topic up by name for
/// every record; `rd_kafka_produce` on a handle does not, as
/// rdkafka_performance does. The client's delivery callback still gets each
/// record's `usize` opaque.
pub struct TopicHandle<'a> {
    rkt: *mut rd::rd_kafka_topic_t,
    _client: PhantomData<&'a ()>,
}

impl<'a> TopicHandle<'a> {
    /// Opens `topic` on the producer `client` (borrowed: the handle is
    /// destroyed first).
    pub fn new<C: ClientContext>(client: &'a Client<C>, topic: &str) -> Result<Self, KtError> {
        let name = CString::new(topic)
            .map_err(|_| KtError::usage("the topic name contains a NUL byte"))?;
        // SAFETY: a live client and a NUL-terminated name; destroyed in Drop,
        // before the client (the handle borrows it).
        let rkt = unsafe {
            rd::rd_kafka_topic_new(client.native_ptr(), name.as_ptr(), std::ptr::null_mut())
        };
        if rkt.is_null() {
            return Err(KtError::broker(format!("cannot open topic {topic}")));
        }
        Ok(TopicHandle {
            rkt,
            _client: PhantomData,
        })
    }

    /// One record to a partition the partitioner picks, the payload copied.
    pub fn produce(&self, payload: &[u8], opaque: usize) -> Result<(), RDKafkaErrorCode> {
        // SAFETY: the payload is copied (F_COPY) before the call returns; the
        // opaque is a plain integer that rdkafka hands back as a usize.
        let rc = unsafe {
            rd::rd_kafka_produce(
                self.rkt,
                -1, // RD_KAFKA_PARTITION_UA: the partitioner decides
                rd::RD_KAFKA_MSG_F_COPY,
                payload.as_ptr() as *mut c_void,
                payload.len(),
                std::ptr::null(),
                0,
                opaque as *mut c_void,
            )
        };
        if rc == 0 {
            Ok(())
        } else {
            // SAFETY: reads this thread's last librdkafka error.
            Err(unsafe { rd::rd_kafka_last_error() }.into())
        }
    }
}

impl Drop for TopicHandle<'_> {
    fn drop(&mut self) {
        // SAFETY: created by rd_kafka_topic_new and destroyed once.
        unsafe { rd::rd_kafka_topic_destroy(self.rkt) }
    }
}
