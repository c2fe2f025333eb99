//! Waiting on librdkafka's admin futures from synchronous code.

use std::future::Future;

/// Runs a future to completion on a current-thread runtime. rdkafka's admin
/// futures are completed by librdkafka's own threads, so nothing else is needed.
pub fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread runtime with only the timer enabled always builds")
        .block_on(future)
}

/// Serves a producer until every record it holds is delivered (or failed),
/// the deadline passes, or `stop` says so; true when nothing is left.
///
/// rdkafka's `flush` would wait out 100 ms slices: `rd_kafka_flush` cannot
/// serve the delivery events rdkafka keeps in its own queue, and librdkafka
/// expects another thread to. So a helper thread holds `rd_kafka_flush`
/// (which also makes librdkafka send at once, ignoring linger.ms, as Java's
/// flush does) while this thread polls the events.
pub fn deliver_all<C, P>(
    producer: &rdkafka::producer::BaseProducer<C, P>,
    deadline: std::time::Instant,
    stop: impl Fn() -> bool,
) -> bool
where
    C: rdkafka::producer::ProducerContext<P>,
    P: rdkafka::producer::Partitioner,
{
    use rdkafka::producer::Producer;
    use std::sync::atomic::{AtomicBool, Ordering};
    let done = AtomicBool::new(false);
    let client = producer.client();
    let waker = crate::ffi::QueueWaker::new(client);
    std::thread::scope(|scope| {
        let helper = scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                let started = std::time::Instant::now();
                crate::ffi::flush(client, 50);
                if started.elapsed() < std::time::Duration::from_millis(1) {
                    // Nothing left to wait for in librdkafka; the poller is
                    // about to see it. Don't spin meanwhile.
                    std::thread::park_timeout(std::time::Duration::from_millis(1));
                }
            }
        });
        let all = serve_until_delivered(producer, &waker, deadline, stop);
        done.store(true, Ordering::Relaxed);
        // The helper may be parked: the scope would wait out its
        // millisecond (a round trip of kafka-e2e-latency took 1.4 ms, not
        // 0.3 ms).
        helper.thread().unpark();
        all
    })
}

/// Serves a producer's events until every record it holds is delivered (or
/// failed), the deadline passes, or `stop` says so; true when nothing is
/// left. It does not flush: records still lingering wait out `linger.ms`
/// (see [`deliver_all`]).
pub fn serve_until_delivered<C, P>(
    producer: &rdkafka::producer::BaseProducer<C, P>,
    waker: &Option<crate::ffi::QueueWaker>,
    deadline: std::time::Instant,
    stop: impl Fn() -> bool,
) -> bool
where
    C: rdkafka::producer::ProducerContext<P>,
    P: rdkafka::producer::Partitioner,
{
    use rdkafka::producer::Producer;
    loop {
        if producer.in_flight_count() == 0 {
            return true;
        }
        let now = std::time::Instant::now();
        if now >= deadline || stop() {
            return false;
        }
        // Short slices end the wait within a millisecond of the last
        // delivery (rdkafka's poll(20 ms) kept a one-line produce 20 ms).
        serve(
            producer,
            waker,
            (deadline - now).min(std::time::Duration::from_millis(1)),
        );
    }
}

/// Serves a producer's events: waits up to `timeout` for one (sleeping, see
/// [`crate::ffi::QueueWaker`]), then serves every event waiting. Without a
/// waker, rdkafka's own `poll(timeout)`.
pub fn serve<C, P>(
    producer: &rdkafka::producer::BaseProducer<C, P>,
    waker: &Option<crate::ffi::QueueWaker>,
    timeout: std::time::Duration,
) where
    C: rdkafka::producer::ProducerContext<P>,
    P: rdkafka::producer::Partitioner,
{
    match waker {
        Some(w) => {
            w.wait(timeout);
            // Each poll(0) serves one event; a bound keeps a flood of
            // events from holding the caller.
            for _ in 0..1024 {
                if !w.pending() {
                    break;
                }
                producer.poll(std::time::Duration::ZERO);
            }
        }
        None => producer.poll(timeout),
    }
}

/// Closes a group consumer (its final commit when auto-commit is on, then
/// LeaveGroup) and drops it, within `timeout`.
///
/// rdkafka's Drop closes too, but waits in `poll(100 ms)` slices: the close
/// finishes inside one, and the rest of it was lost at the end of every
/// group consumer's run (kafka-consumer-perf-test took 0.22 s for ten
/// records, rdkafka_performance 0.17 s). Here the slices are a millisecond.
pub fn close_consumer<C: rdkafka::consumer::ConsumerContext>(
    consumer: rdkafka::consumer::BaseConsumer<C>,
    timeout: std::time::Duration,
) {
    leave_group(&consumer, timeout);
    // Closed: Drop's own close is refused at once ("already closed").
    drop(consumer);
}

/// The close of [`close_consumer`] without the drop: `consumer` leaves its
/// group (its rebalance callback sees the revocation, and an auto-committing
/// consumer commits), serving its callbacks, within `timeout`.
pub fn leave_group<C: rdkafka::consumer::ConsumerContext>(
    consumer: &rdkafka::consumer::BaseConsumer<C>,
    timeout: std::time::Duration,
) {
    if consumer.close_queue().is_ok() {
        let deadline = std::time::Instant::now() + timeout;
        while !consumer.closed() && std::time::Instant::now() < deadline {
            let _ = consumer.poll(std::time::Duration::from_millis(1));
        }
    }
}

/// Leaves `value` (a client, or what holds one) running until the process
/// exits, instead of destroying it: librdkafka's destroy waits for its
/// threads (about 80 ms on loopback, every run of a short command), and a
/// command that is done only has to exit.
///
/// Exiting while a client's threads run is safe because OpenSSL's own
/// exit-time cleanup is off ([`tls_without_exit_cleanup`], which every
/// cluster calls before its first client): with it on, `exit` freed
/// OpenSSL's global state while a broker thread was in a TLS handshake, and
/// one run in twenty of the console consumer over TLS ended in SIGSEGV
/// after printing its records.
pub fn leave_running<T>(value: T) {
    std::mem::forget(value);
}

/// Makes OpenSSL skip the cleanup it registers with `atexit`, so that a
/// process may exit while librdkafka's threads still use TLS (see
/// [`leave_running`]). It must come before OpenSSL's first use, which the
/// first client with a TLS listener makes; a later call changes nothing.
pub fn tls_without_exit_cleanup() {
    // OPENSSL_init_ssl(OPENSSL_INIT_NO_ATEXIT | ...), once per process, as
    // the openssl crate does for the same reason.
    openssl_sys::init();
}
