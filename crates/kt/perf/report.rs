//! The perf tools' `--output json` reports: typed, so the schema the README
//! documents is the one the compiler checks.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use super::stats::Percentiles;

/// `kt perf producer --output json`.
#[derive(Debug, Serialize)]
pub struct ProducerReport<'a> {
    pub tool: &'static str,
    pub topic: &'a str,
    pub settings: ProducerSettings<'a>,
    pub records: RecordCounts,
    pub bytes: u64,
    pub elapsed_ms: u64,
    pub records_per_sec: f64,
    pub mb_per_sec: f64,
    pub latency_us: Percentiles,
    pub latency_from_schedule_us: Option<Percentiles>,
    /// Failed deliveries by reason.
    pub errors: &'a BTreeMap<String, u64>,
}

#[derive(Debug, Serialize)]
pub struct ProducerSettings<'a> {
    pub num_records: u64,
    pub payload: Payload<'a>,
    pub throughput: Option<f64>,
    pub acks: &'a str,
    pub warmup_records: u64,
}

/// Where the records' payloads came from.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payload<'a> {
    RandomBytes(usize),
    File(&'a PathBuf),
    Monotonic,
}

#[derive(Debug, Serialize)]
pub struct RecordCounts {
    pub sent: u64,
    pub acked: u64,
    pub failed: u64,
}

/// `kt perf consumer --output json`.
#[derive(Debug, Serialize)]
pub struct ConsumerReport<'a> {
    pub tool: &'static str,
    pub subscription: &'a str,
    pub settings: ConsumerSettings,
    pub start_ms: i64,
    pub end_ms: i64,
    pub records: u64,
    pub bytes: u64,
    pub mb: f64,
    pub mb_per_sec: f64,
    pub records_per_sec: f64,
    pub rebalance_ms: u64,
    pub fetch_ms: i64,
    /// The run ended before `messages` records, on `timeout_ms` of quiet.
    pub timed_out: bool,
}

#[derive(Debug, Serialize)]
pub struct ConsumerSettings {
    pub messages: u64,
    pub timeout_ms: u64,
}

/// `kt perf e2e --output json`.
#[derive(Debug, Serialize)]
pub struct E2eReport<'a> {
    pub tool: &'static str,
    pub topic: &'a str,
    pub settings: E2eSettings<'a>,
    pub records: u64,
    pub avg_ms: f64,
    pub latency_us: Percentiles,
}

#[derive(Debug, Serialize)]
pub struct E2eSettings<'a> {
    pub num_records: u64,
    pub acks: &'a str,
    pub record_size: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_kinds_serialize_as_documented() {
        let json = |p: Payload<'_>| serde_json::to_string(&p).unwrap();
        assert_eq!(json(Payload::RandomBytes(200)), r#"{"random_bytes":200}"#);
        assert_eq!(
            json(Payload::File(&PathBuf::from("/p"))),
            r#"{"file":"/p"}"#
        );
        assert_eq!(json(Payload::Monotonic), r#""monotonic""#);
    }
}
