//! The one librdkafka client context every kt client uses.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use rdkafka::client::{Client, ClientContext};
use rdkafka::config::RDKafkaLogLevel;
use rdkafka::consumer::ConsumerContext;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::{DeliveryResult, ProducerContext};

use crate::ffi::Event;
use crate::output::Diagnostics;

/// Keeps librdkafka quiet unless `--verbose`: log and error callbacks go to
/// the diagnostics only then, and otherwise the last one is kept for the
/// final message.
#[derive(Debug, Default)]
pub struct KtContext {
    /// Where librdkafka's log goes under `--verbose`; nowhere otherwise.
    verbose: Option<Diagnostics>,
    last_error: Mutex<Option<String>>,
    brokers_down: AtomicBool,
    /// A broker hung up on the client (librdkafka's "Disconnected" and
    /// "Send failed" lines, logged at info level).
    hung_up: AtomicBool,
    /// librdkafka's last statistics (JSON), when `statistics.interval.ms` asks for them.
    statistics: Mutex<String>,
}

impl KtContext {
    /// A context that shows librdkafka's log on `verbose`, when given.
    pub fn new(verbose: Option<Diagnostics>) -> Self {
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

    /// True once a broker hung up on the client: a sign that the listener
    /// wants other settings (TLS, SASL), or that it went down.
    pub fn hung_up(&self) -> bool {
        self.hung_up.load(Ordering::Relaxed)
    }

    /// librdkafka's last statistics report (JSON), empty before the first.
    pub fn statistics(&self) -> String {
        self.statistics
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default()
    }

    fn remember(&self, message: String) {
        if let Ok(mut slot) = self.last_error.lock() {
            *slot = Some(message);
        }
    }
}

impl ClientContext for KtContext {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, log_message: &str) {
        if let Some(d) = &self.verbose {
            d.line(format_args!("librdkafka {level:?} [{fac}] {log_message}"));
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
        } else {
            let hung_up = message.contains(": Disconnected") || message.contains(": Send failed");
            if hung_up {
                self.hung_up.store(true, Ordering::Relaxed);
            }
            if (level as i32) <= (RDKafkaLogLevel::Warning as i32)
                || (hung_up && self.last_error().is_none())
            {
                self.remember(message.to_string());
            }
        }
    }

    fn error(&self, error: KafkaError, reason: &str) {
        if let Some(d) = &self.verbose {
            d.line(format_args!("librdkafka error: {error}: {reason}"));
        }
        if error.rdkafka_error_code() == Some(RDKafkaErrorCode::AllBrokersDown) {
            self.brokers_down.store(true, Ordering::Relaxed);
        } else {
            // "all brokers down" says less than the failure before it
            // ("Connection refused", "Failed to resolve"), so keep that one.
            self.remember(reason.to_string());
        }
    }

    fn stats_raw(&self, statistics: &[u8]) {
        if let Ok(mut s) = self.statistics.lock() {
            *s = String::from_utf8_lossy(statistics).into_owned();
        }
    }
}

/// Makes a tool's own client context (one that counts deliveries, say) a
/// `ClientContext` by handing librdkafka's log, error and statistics
/// callbacks to its [`KtContext`] field, and lets kt-core reach that field.
#[macro_export]
macro_rules! client_context {
    ($ty:ty, $field:ident) => {
        impl ::rdkafka::client::ClientContext for $ty {
            fn log(&self, level: ::rdkafka::config::RDKafkaLogLevel, fac: &str, message: &str) {
                self.$field.log(level, fac, message)
            }

            fn error(&self, error: ::rdkafka::error::KafkaError, reason: &str) {
                self.$field.error(error, reason)
            }

            fn stats_raw(&self, statistics: &[u8]) {
                self.$field.stats_raw(statistics)
            }
        }

        impl AsRef<$crate::KtContext> for $ty {
            fn as_ref(&self) -> &$crate::KtContext {
                &self.$field
            }
        }
    };
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
    crate::ffi::main_queue_events(client, |event| match event {
        Event::Log {
            level,
            fac,
            message,
        } => client.context().log(level, &fac, &message),
        Event::Error { code, reason } => client.context().error(KafkaError::Global(code), &reason),
    });
}
