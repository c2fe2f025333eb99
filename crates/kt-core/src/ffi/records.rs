//! Fetched records a batch at a time, for a consumer that assigns its
//! partitions itself.
//!
//! rdkafka's `BaseConsumer::poll` hands out one record per call: an event
//! popped under the queue's lock, a clock read and an `Arc` allocated for
//! each. That was most of `kt consume`'s own CPU (perf: a third of the
//! reading thread in clock reads, locks and frees). Here the assigned
//! partitions' fetch queues are forwarded to one queue of kt's, and
//! `rd_kafka_consume_batch_queue` takes up to a thousand records under one
//! lock, as kcat's callback API does. Only fetched records and partition
//! errors (end of partition, say) arrive on it; logs, client errors and
//! rebalances stay on the consumer's own queue, which the caller still
//! polls ([`RecordQueue::take`] says when).

use std::ffi::{CStr, CString};
use std::marker::PhantomData;
use std::time::Duration;

use rdkafka::bindings as rd;
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext};
use rdkafka::error::RDKafkaErrorCode;
use rdkafka::message::{Header, Headers, Message, Timestamp};

use crate::error::KtError;

const BATCH: usize = 1024;

/// One queue for the records of a consumer's assigned partitions.
pub struct RecordQueue<'c> {
    queue: *mut rd::rd_kafka_queue_t,
    taken: Vec<*mut rd::rd_kafka_message_t>,
    _consumer: PhantomData<&'c ()>,
}

impl<'c> RecordQueue<'c> {
    /// Forwards the fetch queue of each of `partitions` to a new queue.
    /// Call it before assigning them: librdkafka keeps a forward the
    /// application set when the fetch starts.
    pub fn forwarded<C: ConsumerContext>(
        consumer: &'c BaseConsumer<C>,
        partitions: &[(&str, i32)],
    ) -> Result<Self, KtError> {
        let rk = consumer.client().native_ptr();
        // SAFETY: a live client; the queue is destroyed in Drop, before the
        // consumer it borrows.
        let queue = unsafe { rd::rd_kafka_queue_new(rk) };
        let this = RecordQueue {
            queue,
            taken: Vec::with_capacity(BATCH),
            _consumer: PhantomData,
        };
        for (topic, partition) in partitions {
            let name = CString::new(*topic)
                .map_err(|_| KtError::usage("the topic name contains a NUL byte"))?;
            // SAFETY: a live client and a NUL-terminated name; the partition
            // queue reference is released right after it is forwarded.
            unsafe {
                let from = rd::rd_kafka_queue_get_partition(rk, name.as_ptr(), *partition);
                if from.is_null() {
                    return Err(KtError::broker(format!(
                        "cannot read partition {partition} of topic {topic}"
                    )));
                }
                rd::rd_kafka_queue_forward(from, queue);
                rd::rd_kafka_queue_destroy(from);
            }
        }
        Ok(this)
    }

    /// The records fetched so far, up to a batch, without waiting; when
    /// there are none, waits up to `wait` for one. The records are freed at
    /// the next `take` (or when the queue goes). An empty batch is the time
    /// to serve the consumer's own queue.
    pub fn take(&mut self, wait: Duration) -> Records<'_> {
        self.release();
        let mut got = self.consume(0, BATCH);
        if got == 0 && !wait.is_zero() {
            // A batch of one returns as soon as a record comes.
            got = self.consume(wait.as_millis().min(i32::MAX as u128) as i32, 1);
        }
        // SAFETY: librdkafka wrote `got` message pointers into the buffer.
        unsafe { self.taken.set_len(got) };
        Records {
            taken: &self.taken,
            next: 0,
        }
    }

    fn consume(&mut self, timeout_ms: i32, max: usize) -> usize {
        // SAFETY: the buffer has room for BATCH >= max pointers; librdkafka
        // writes at most `max`.
        let n = unsafe {
            rd::rd_kafka_consume_batch_queue(self.queue, timeout_ms, self.taken.as_mut_ptr(), max)
        };
        n.max(0) as usize
    }

    fn release(&mut self) {
        for msg in self.taken.drain(..) {
            // SAFETY: each pointer came from rd_kafka_consume_batch_queue
            // and is destroyed once; no Record outlives the borrow of `take`.
            unsafe { rd::rd_kafka_message_destroy(msg) };
        }
    }
}

impl Drop for RecordQueue<'_> {
    fn drop(&mut self) {
        self.release();
        // SAFETY: the queue was created in `forwarded` and is destroyed once.
        unsafe { rd::rd_kafka_queue_destroy(self.queue) };
    }
}

/// One batch from [`RecordQueue::take`].
pub struct Records<'q> {
    taken: &'q [*mut rd::rd_kafka_message_t],
    next: usize,
}

impl<'q> Iterator for Records<'q> {
    type Item = Record<'q>;

    fn next(&mut self) -> Option<Record<'q>> {
        let ptr = *self.taken.get(self.next)?;
        self.next += 1;
        // SAFETY: a message librdkafka returned, alive until the queue's
        // next `take`, which the `'q` borrow prevents meanwhile.
        let msg = unsafe { &*ptr };
        Some(Record { msg })
    }
}

/// A fetched record, or a partition's error (its end, with
/// `enable.partition.eof`), as librdkafka returned it.
pub struct Record<'q> {
    msg: &'q rd::rd_kafka_message_t,
}

impl Record<'_> {
    /// The partition's error instead of a record, if that is what this is.
    pub fn error(&self) -> Option<RDKafkaErrorCode> {
        (self.msg.err != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR)
            .then(|| self.msg.err.into())
    }

    /// The leader epoch the record carries, if the broker sent one.
    pub fn leader_epoch(&self) -> Option<i32> {
        // SAFETY: reads a live message.
        let epoch = unsafe { rd::rd_kafka_message_leader_epoch(self.msg) };
        (epoch >= 0).then_some(epoch)
    }

    fn bytes(&self, ptr: *mut std::os::raw::c_void, len: usize) -> Option<&[u8]> {
        if ptr.is_null() {
            None
        } else {
            // SAFETY: librdkafka's key or payload of `len` bytes, alive as
            // long as the record (the borrow of `self`).
            Some(unsafe { std::slice::from_raw_parts(ptr as *const u8, len) })
        }
    }
}

impl Message for Record<'_> {
    type Headers = RecordHeaders;

    fn key(&self) -> Option<&[u8]> {
        self.bytes(self.msg.key, self.msg.key_len)
    }

    fn payload(&self) -> Option<&[u8]> {
        self.bytes(self.msg.payload, self.msg.len)
    }

    unsafe fn payload_mut(&mut self) -> Option<&mut [u8]> {
        None
    }

    fn topic(&self) -> &str {
        // SAFETY: a record's topic handle and its NUL-terminated name live
        // as long as the record.
        unsafe { CStr::from_ptr(rd::rd_kafka_topic_name(self.msg.rkt)) }
            .to_str()
            .unwrap_or("")
    }

    fn partition(&self) -> i32 {
        self.msg.partition
    }

    fn offset(&self) -> i64 {
        self.msg.offset
    }

    fn timestamp(&self) -> Timestamp {
        let mut kind = rd::rd_kafka_timestamp_type_t::RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
        // SAFETY: reads a live message.
        let ms = unsafe { rd::rd_kafka_message_timestamp(self.msg, &mut kind) };
        match kind {
            rd::rd_kafka_timestamp_type_t::RD_KAFKA_TIMESTAMP_CREATE_TIME => {
                Timestamp::CreateTime(ms)
            }
            rd::rd_kafka_timestamp_type_t::RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME => {
                Timestamp::LogAppendTime(ms)
            }
            _ => Timestamp::NotAvailable,
        }
    }

    fn headers(&self) -> Option<&RecordHeaders> {
        let mut headers: *mut rd::rd_kafka_headers_t = std::ptr::null_mut();
        // SAFETY: reads a live message; the headers belong to it.
        let rc =
            unsafe { rd::rd_kafka_message_headers(self.msg as *const _ as *mut _, &mut headers) };
        if rc != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR || headers.is_null() {
            return None;
        }
        // SAFETY: RecordHeaders is a zero-sized stand-in for librdkafka's
        // opaque rd_kafka_headers_t, only ever used behind this pointer,
        // which lives as long as the record (the borrow of `self`).
        Some(unsafe { &*(headers as *const RecordHeaders) })
    }
}

/// A record's headers, read in place (librdkafka's opaque list).
pub struct RecordHeaders {
    _opaque: [u8; 0],
}

impl RecordHeaders {
    fn ptr(&self) -> *const rd::rd_kafka_headers_t {
        self as *const RecordHeaders as *const rd::rd_kafka_headers_t
    }
}

impl Headers for RecordHeaders {
    fn count(&self) -> usize {
        // SAFETY: a live header list.
        unsafe { rd::rd_kafka_header_cnt(self.ptr()) }
    }

    fn try_get(&self, idx: usize) -> Option<Header<'_, &[u8]>> {
        let mut name = std::ptr::null();
        let mut value = std::ptr::null();
        let mut len = 0;
        // SAFETY: a live header list; the name and value it points at live
        // as long as the list (the borrow of `self`).
        unsafe {
            let rc = rd::rd_kafka_header_get_all(self.ptr(), idx, &mut name, &mut value, &mut len);
            if rc != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                return None;
            }
            Some(Header {
                key: CStr::from_ptr(name).to_str().unwrap_or(""),
                value: (!value.is_null())
                    .then(|| std::slice::from_raw_parts(value as *const u8, len)),
            })
        }
    }
}
