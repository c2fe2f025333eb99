//! Retrying what a Kafka client retries: errors after which the same request
//! may succeed (a leader moving, a broker restarting, a request timing out).

use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};

use crate::error::KtError;

/// Errors Kafka's clients retry, and librdkafka's local DestroyBroker: a
/// request in flight on a broker handle librdkafka retired (the bootstrap
/// connection, once metadata named the real brokers) was never answered.
pub fn is_retriable(code: RDKafkaErrorCode) -> bool {
    matches!(
        code,
        RDKafkaErrorCode::DestroyBroker
            | RDKafkaErrorCode::LeaderNotAvailable
            | RDKafkaErrorCode::NotController
            | RDKafkaErrorCode::NetworkException
            | RDKafkaErrorCode::RequestTimedOut
            | RDKafkaErrorCode::NotLeaderForPartition
            | RDKafkaErrorCode::BrokerNotAvailable
            | RDKafkaErrorCode::CoordinatorLoadInProgress
            | RDKafkaErrorCode::NotCoordinator
            | RDKafkaErrorCode::BrokerTransportFailure
            | RDKafkaErrorCode::OperationTimedOut
    )
}

/// Runs `attempt` (given the time left) until it succeeds, fails with an
/// error `retriable` rejects, or `timeout` passes; backs off from 50 ms to
/// 1 s between attempts. Returns the last result.
pub fn within<T, E>(
    timeout: Duration,
    mut attempt: impl FnMut(Duration) -> Result<T, E>,
    retriable: impl Fn(&E) -> bool,
) -> Result<T, E> {
    let deadline = Instant::now() + timeout;
    let mut backoff = Duration::from_millis(50);
    loop {
        let result = attempt(deadline.saturating_duration_since(Instant::now()));
        match &result {
            Err(e) if retriable(e) && Instant::now() + backoff < deadline => {
                // Not poll(): on an assigned consumer that could take a record
                // the caller would never see.
                std::thread::sleep(backoff);
                backoff = (backoff * 2).min(Duration::from_secs(1));
            }
            _ => return result,
        }
    }
}

/// A partition's low and high watermarks, asked again after a retriable
/// error until `timeout` passes.
pub fn watermarks<C: ConsumerContext>(
    consumer: &BaseConsumer<C>,
    topic: &str,
    partition: i32,
    timeout: Duration,
) -> Result<(i64, i64), KtError> {
    within(
        timeout,
        |left| consumer.fetch_watermarks(topic, partition, left),
        |e| e.rdkafka_error_code().is_some_and(is_retriable),
    )
    .map_err(|e| match e {
        KafkaError::MetadataFetch(RDKafkaErrorCode::OperationTimedOut) => KtError::new(
            crate::ErrorKind::Timeout,
            format!("reading the end of {topic}/{partition} timed out"),
        ),
        e => KtError::broker(format!("reading the end of {topic}/{partition}: {e}")),
    })
}
