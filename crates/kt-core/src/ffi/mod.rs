//! Every `unsafe` block in kt, behind small safe functions: the librdkafka
//! calls the rdkafka crate does not wrap (admin requests in [`admin`], the
//! main queue's events, the flush, per-topic handles, leader epochs). Each
//! block says why it is sound; the `kt` crate forbids `unsafe` altogether.

pub mod admin;
pub mod cluster;
pub mod groups;
pub mod gssapi;
pub mod records;
pub mod scram;

use std::ffi::{CStr, CString};
use std::marker::PhantomData;
use std::os::raw::{c_char, c_int, c_void};

use rdkafka::bindings as rd;
use rdkafka::client::{Client, ClientContext};
use rdkafka::config::RDKafkaLogLevel;
use rdkafka::error::RDKafkaErrorCode;
use rdkafka::message::BorrowedMessage;

use crate::error::KtError;

/// A fetched record's leader epoch, if the broker sent one: what Kafka's
/// formatter prints with `print.epoch`, for either way kt reads records.
pub trait LeaderEpoch {
    fn leader_epoch(&self) -> Option<i32>;
}

impl LeaderEpoch for BorrowedMessage<'_> {
    fn leader_epoch(&self) -> Option<i32> {
        // SAFETY: the message pointer is valid for as long as `self` is,
        // and the call only reads it.
        let epoch = unsafe { rd::rd_kafka_message_leader_epoch(self.ptr()) };
        (epoch >= 0).then_some(epoch)
    }
}

impl LeaderEpoch for records::Record<'_> {
    fn leader_epoch(&self) -> Option<i32> {
        records::Record::leader_epoch(self)
    }
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
        self.produce_keyed(None, Some(payload), None, opaque)
    }

    /// One record with an optional key and value (None is a null), to
    /// `partition` or where the partitioner puts it; both are copied.
    pub fn produce_keyed(
        &self,
        key: Option<&[u8]>,
        payload: Option<&[u8]>,
        partition: Option<i32>,
        opaque: usize,
    ) -> Result<(), RDKafkaErrorCode> {
        let (key_ptr, key_len) = key.map_or((std::ptr::null(), 0), |k| (k.as_ptr(), k.len()));
        let (value_ptr, value_len) =
            payload.map_or((std::ptr::null(), 0), |v| (v.as_ptr(), v.len()));
        // SAFETY: key and payload are copied (F_COPY) before the call
        // returns; the opaque is a plain integer that rdkafka hands back as
        // its DeliveryOpaque (a usize, or nothing for `()`).
        let rc = unsafe {
            rd::rd_kafka_produce(
                self.rkt,
                partition.unwrap_or(-1), // -1, RD_KAFKA_PARTITION_UA: the partitioner decides
                rd::RD_KAFKA_MSG_F_COPY,
                value_ptr as *mut c_void,
                value_len,
                key_ptr as *const c_void,
                key_len,
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

/// An event from a client's main queue that kt hands to its context.
pub enum Event {
    Log {
        level: RDKafkaLogLevel,
        fac: String,
        message: String,
    },
    Error {
        code: RDKafkaErrorCode,
        reason: String,
    },
}

/// Takes the log and error events waiting in `client`'s main queue, without
/// waiting, and hands each to `each`.
pub fn main_queue_events<C: ClientContext>(client: &Client<C>, mut each: impl FnMut(Event)) {
    let text = |p: *const c_char| {
        if p.is_null() {
            String::new()
        } else {
            // SAFETY: librdkafka's event strings are NUL-terminated and live
            // until the event is destroyed, after this use.
            unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
        }
    };
    // SAFETY: a live client; the queue handle is released before returning.
    let queue = unsafe { rd::rd_kafka_queue_get_main(client.native_ptr()) };
    if queue.is_null() {
        return;
    }
    loop {
        // SAFETY: a valid queue handle; a zero timeout does not block.
        let event = unsafe { rd::rd_kafka_queue_poll(queue, 0) };
        if event.is_null() {
            break;
        }
        // SAFETY: a valid event, read before it is destroyed; its strings
        // are copied out by `text` first.
        let taken = unsafe {
            match rd::rd_kafka_event_type(event) {
                rd::RD_KAFKA_EVENT_LOG => {
                    let (mut fac, mut msg, mut level): (*const c_char, *const c_char, c_int) =
                        (std::ptr::null(), std::ptr::null(), 0);
                    rd::rd_kafka_event_log(event, &mut fac, &mut msg, &mut level);
                    Some(Event::Log {
                        level: log_level(level),
                        fac: text(fac),
                        message: text(msg),
                    })
                }
                rd::RD_KAFKA_EVENT_ERROR => Some(Event::Error {
                    code: rd::rd_kafka_event_error(event).into(),
                    reason: text(rd::rd_kafka_event_error_string(event)),
                }),
                _ => None,
            }
        };
        // SAFETY: polled above, destroyed once, not used again.
        unsafe { rd::rd_kafka_event_destroy(event) };
        if let Some(e) = taken {
            each(e);
        }
    }
    // SAFETY: obtained from rd_kafka_queue_get_main above, released once.
    unsafe { rd::rd_kafka_queue_destroy(queue) };
}

/// syslog levels, as librdkafka's log events carry them.
fn log_level(level: c_int) -> RDKafkaLogLevel {
    match level {
        0 => RDKafkaLogLevel::Emerg,
        1 => RDKafkaLogLevel::Alert,
        2 => RDKafkaLogLevel::Critical,
        3 => RDKafkaLogLevel::Error,
        4 => RDKafkaLogLevel::Warning,
        5 => RDKafkaLogLevel::Notice,
        6 => RDKafkaLogLevel::Info,
        _ => RDKafkaLogLevel::Debug,
    }
}

/// `rd_kafka_flush` for up to `timeout_ms`: makes librdkafka send what it
/// holds at once (ignoring linger.ms, as Java's flush does) and waits for
/// the queue to empty. rdkafka's own `flush` also serves the delivery
/// events, which the caller does on another thread (see
/// [`crate::runtime::deliver_all`]).
pub fn flush<C: ClientContext>(client: &Client<C>, timeout_ms: c_int) {
    // SAFETY: librdkafka's API is thread-safe and the borrow keeps the client
    // alive for the call.
    unsafe { rd::rd_kafka_flush(client.native_ptr(), timeout_ms) };
}

/// The cluster's controller id once a metadata answer named it, waiting up
/// to `timeout_ms` for one (a brokers-only request librdkafka sends when
/// it connects); `None` when none came. `Some(-1)`: an answer without one.
pub fn controller_id<C: ClientContext>(client: &Client<C>, timeout_ms: c_int) -> Option<i32> {
    let started = std::time::Instant::now();
    // SAFETY: librdkafka's API is thread-safe and the borrow keeps the client
    // alive for the call, which only reads the client's cached metadata.
    let id = unsafe { rd::rd_kafka_controllerid(client.native_ptr(), timeout_ms) };
    // -1 before the timeout ran out: librdkafka had an answer without a
    // controller (an old broker); -1 after it: no answer.
    let answered = started.elapsed() + std::time::Duration::from_millis(5)
        < std::time::Duration::from_millis(timeout_ms.max(0) as u64);
    (id >= 0 || answered).then_some(id)
}

/// Waits for a client's main queue to hold an event, without serving it.
///
/// rdkafka's `poll(timeout)` serves events until the timeout is over and
/// hands librdkafka the rest of it in whole milliseconds: after an event
/// comes, the sub-millisecond rest is 0, so it spins (callgrind: a fifth of
/// `kt perf producer`'s instructions were that spin's clock reads). Here
/// librdkafka writes a byte to a pipe when an event arrives on an empty
/// queue; the caller sleeps on the pipe and then serves with `poll(0)`.
pub struct QueueWaker {
    queue: *mut rd::rd_kafka_queue_t,
    read: rustix::fd::OwnedFd,
    _write: rustix::fd::OwnedFd,
}

impl QueueWaker {
    pub fn new<C: ClientContext>(client: &Client<C>) -> Option<Self> {
        use rustix::fd::AsRawFd;
        use rustix::pipe::{pipe_with, PipeFlags};
        let (read, write) = pipe_with(PipeFlags::NONBLOCK | PipeFlags::CLOEXEC).ok()?;
        // SAFETY: a live client; the queue handle is released in Drop.
        let queue = unsafe { rd::rd_kafka_queue_get_main(client.native_ptr()) };
        if queue.is_null() {
            return None;
        }
        // SAFETY: the write end stays open as long as the waker, which turns
        // the event off in Drop before closing it; librdkafka copies the
        // one-byte payload.
        unsafe {
            rd::rd_kafka_queue_io_event_enable(queue, write.as_raw_fd(), b"1".as_ptr().cast(), 1)
        };
        Some(QueueWaker {
            queue,
            read,
            _write: write,
        })
    }

    /// Whether an event is waiting to be served.
    pub fn pending(&self) -> bool {
        // SAFETY: a valid queue handle; the call only reads its length.
        unsafe { rd::rd_kafka_queue_length(self.queue) > 0 }
    }

    /// Returns when an event is waiting or `timeout` has passed.
    pub fn wait(&self, timeout: std::time::Duration) {
        use rustix::event::{poll, PollFd, PollFlags, Timespec};
        if self.pending() {
            return;
        }
        let mut fds = [PollFd::new(&self.read, PollFlags::IN)];
        let _ = poll(&mut fds, Timespec::try_from(timeout).ok().as_ref());
        let mut drain = [0u8; 64];
        while matches!(rustix::io::read(&self.read, &mut drain), Ok(n) if n > 0) {}
    }
}

impl Drop for QueueWaker {
    fn drop(&mut self) {
        // SAFETY: the handle from `new`; the event is turned off before the
        // pipe closes, and the handle released once.
        unsafe {
            rd::rd_kafka_queue_io_event_enable(self.queue, -1, std::ptr::null(), 0);
            rd::rd_kafka_queue_destroy(self.queue);
        }
    }
}

/// The monotonic clock in microseconds (glibc's vDSO `clock_gettime`, one
/// division): for per-record timestamps, where `Instant::elapsed()
/// .as_micros()` costs a checked subtraction and a u128 division per call.
pub fn monotonic_us() -> u64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec for the call's duration;
    // CLOCK_MONOTONIC always exists on Linux, so the call cannot fail.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut t) };
    (t.tv_sec as u64) * 1_000_000 + (t.tv_nsec as u64) / 1_000
}
