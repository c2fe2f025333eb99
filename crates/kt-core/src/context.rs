//! The one librdkafka client context every kt client uses.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use rdkafka::bindings as rd;
use rdkafka::client::{Client, ClientContext};
use rdkafka::config::RDKafkaLogLevel;
use rdkafka::consumer::ConsumerContext;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::{DeliveryResult, ProducerContext};

/// Keeps librdkafka quiet unless `--verbose`: log and error callbacks print to
/// stderr only then, and otherwise the last one is kept for the final message.
#[derive(Debug, Default)]
pub struct KtContext {
    verbose: bool,
    last_error: Mutex<Option<String>>,
    brokers_down: AtomicBool,
}

impl KtContext {
    pub fn new(verbose: bool) -> Self {
        KtContext {
            verbose,
            ..Default::default()
        }
    }

    /// The last error librdkafka reported, for the one-line failure message.
    pub fn last_error(&self) -> Option<String> {
        self.last_error.lock().ok().and_then(|e| e.clone())
    }

    /// True once librdkafka said that every bootstrap broker is down.
    pub fn brokers_down(&self) -> bool {
        self.brokers_down.load(Ordering::Relaxed)
    }

    fn remember(&self, message: String) {
        if let Ok(mut slot) = self.last_error.lock() {
            *slot = Some(message);
        }
    }
}

impl ClientContext for KtContext {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, log_message: &str) {
        if self.verbose {
            eprintln!("librdkafka {level:?} [{fac}] {log_message}");
        }
        // "[thrd:host:port/bootstrap]: 1/1 brokers are down"
        let message = match log_message.split_once("]: ") {
            Some((thread, rest)) if thread.starts_with("[thrd:") => rest,
            _ => log_message,
        };
        if let Some(counts) = message.strip_suffix(" brokers are down") {
            if counts
                .split_once('/')
                .is_some_and(|(down, all)| down == all)
            {
                self.brokers_down.store(true, Ordering::Relaxed);
            }
        } else if (level as i32) <= (RDKafkaLogLevel::Warning as i32) {
            self.remember(message.to_string());
        }
    }

    fn error(&self, error: KafkaError, reason: &str) {
        if self.verbose {
            eprintln!("librdkafka error: {error}: {reason}");
        }
        if error.rdkafka_error_code() == Some(RDKafkaErrorCode::AllBrokersDown) {
            self.brokers_down.store(true, Ordering::Relaxed);
        } else {
            // "all brokers down" says less than the failure before it
            // ("Connection refused", "Failed to resolve"), so keep that one.
            self.remember(reason.to_string());
        }
    }
}

impl ConsumerContext for KtContext {}

/// For producers whose deliveries are checked another way (by reading the
/// records back); tools that count deliveries have their own context.
impl ProducerContext for KtContext {
    type DeliveryOpaque = ();

    fn delivery(&self, _: &DeliveryResult<'_>, _: ()) {}
}

impl AsRef<KtContext> for KtContext {
    fn as_ref(&self) -> &KtContext {
        self
    }
}

/// Hands the log and error events waiting in a client's main queue to its
/// context. rdkafka serves that queue only for producers and consumers that
/// poll; an admin client's main queue would otherwise never be read.
pub fn drain_events(client: &Client<KtContext>) {
    use std::ffi::CStr;
    use std::os::raw::{c_char, c_int};

    let text = |p: *const c_char| {
        if p.is_null() {
            String::new()
        } else {
            // SAFETY: librdkafka's event strings are NUL-terminated and live
            // until the event is destroyed, after this use.
            unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
        }
    };
    // SAFETY: the queue handle is released before returning; each event is
    // destroyed after its strings were copied.
    unsafe {
        let queue = rd::rd_kafka_queue_get_main(client.native_ptr());
        if queue.is_null() {
            return;
        }
        loop {
            let event = rd::rd_kafka_queue_poll(queue, 0);
            if event.is_null() {
                break;
            }
            match rd::rd_kafka_event_type(event) {
                rd::RD_KAFKA_EVENT_LOG => {
                    let (mut fac, mut msg, mut level): (*const c_char, *const c_char, c_int) =
                        (std::ptr::null(), std::ptr::null(), 0);
                    rd::rd_kafka_event_log(event, &mut fac, &mut msg, &mut level);
                    let level = match level {
                        0 => RDKafkaLogLevel::Emerg,
                        1 => RDKafkaLogLevel::Alert,
                        2 => RDKafkaLogLevel::Critical,
                        3 => RDKafkaLogLevel::Error,
                        4 => RDKafkaLogLevel::Warning,
                        5 => RDKafkaLogLevel::Notice,
                        6 => RDKafkaLogLevel::Info,
                        _ => RDKafkaLogLevel::Debug,
                    };
                    client.context().log(level, &text(fac), &text(msg));
                }
                rd::RD_KAFKA_EVENT_ERROR => {
                    let code: RDKafkaErrorCode = rd::rd_kafka_event_error(event).into();
                    let reason = text(rd::rd_kafka_event_error_string(event));
                    client.context().error(KafkaError::Global(code), &reason);
                }
                _ => {}
            }
            rd::rd_kafka_event_destroy(event);
        }
        rd::rd_kafka_queue_destroy(queue);
    }
}
