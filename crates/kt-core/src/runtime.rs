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
