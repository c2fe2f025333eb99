//! `kt perf producer|consumer`: Kafka's perf tools, with HDR latency.

pub mod consumer;
pub mod consumer_args;
pub mod e2e;
pub mod format;
pub mod payload;
pub mod producer;
pub mod producer_args;
pub mod progress;
pub mod report;
pub mod stats;
