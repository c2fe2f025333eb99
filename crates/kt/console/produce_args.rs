//! kafka-console-producer's flags, shared by `kt produce` and the Kafka name.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use kt_core::ConnectionArgs;

#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// Lines, parsed as Kafka's LineMessageReader does
    #[default]
    Text,
    /// One JSON envelope per line, as `kt consume --output json` writes
    Json,
}

#[derive(Args, Debug, Clone, Default)]
pub struct ProduceArgs {
    /// REQUIRED: the topic to produce to
    #[arg(long, value_name = "topic")]
    pub topic: Option<String>,
    /// Send each record synchronously and stop at the first failure
    #[arg(long)]
    pub sync: bool,
    /// Compression codec: none, gzip, snappy, lz4 or zstd (alone: gzip)
    #[arg(long, value_name = "compression-codec", num_args = 0..=1, default_missing_value = "gzip")]
    pub compression_codec: Option<String>,
    /// Batch size in bytes (batch.size) [default: 16384]
    #[arg(long, value_name = "size", allow_hyphen_values = true)]
    pub batch_size: Option<i64>,
    /// Batch size in bytes; beats --batch-size (deprecated in Kafka 4.2)
    #[arg(
        long,
        value_name = "memory in bytes per partition",
        allow_hyphen_values = true
    )]
    pub max_partition_memory_bytes: Option<i64>,
    /// Retries (retries) [default: 3]
    #[arg(long, value_name = "retries", allow_hyphen_values = true)]
    pub message_send_max_retries: Option<i64>,
    /// Backoff before a retry (retry.backoff.ms) [default: 100]
    #[arg(long, value_name = "ms", allow_hyphen_values = true)]
    pub retry_backoff_ms: Option<i64>,
    /// Linger before sending a batch (linger.ms) [default: 1000]
    #[arg(long, value_name = "timeout_ms", allow_hyphen_values = true)]
    pub timeout: Option<i64>,
    /// Acks the leader waits for: -1/all, 0 or 1 (acks) [default: -1]
    #[arg(long, value_name = "request required acks", allow_hyphen_values = true)]
    pub request_required_acks: Option<String>,
    /// Broker ack timeout (request.timeout.ms) [default: 1500]
    #[arg(long, value_name = "request timeout ms", allow_hyphen_values = true)]
    pub request_timeout_ms: Option<i64>,
    /// Metadata refresh interval (metadata.max.age.ms) [default: 300000]
    #[arg(
        long,
        value_name = "metadata expiration interval",
        allow_hyphen_values = true
    )]
    pub metadata_expiry_ms: Option<i64>,
    /// How long a send may wait for buffer space (max.block.ms) [default: 60000]
    #[arg(long, value_name = "max block on send", allow_hyphen_values = true)]
    pub max_block_ms: Option<i64>,
    /// Producer buffer size (buffer.memory) [default: 33554432]
    #[arg(long, value_name = "total memory in bytes", allow_hyphen_values = true)]
    pub max_memory_bytes: Option<i64>,
    /// TCP send buffer (send.buffer.bytes) [default: 102400]
    #[arg(long, value_name = "size", allow_hyphen_values = true)]
    pub socket_buffer_size: Option<i64>,
    /// Reader class; only Kafka's LineMessageReader is built in
    #[arg(long, value_name = "reader_class")]
    pub line_reader: Option<String>,
    /// Reader property (repeatable): parse.key, key.separator, parse.headers, ...
    #[arg(long, visible_alias = "reader-property", value_name = "prop")]
    pub property: Vec<String>,
    /// Reader properties file; --property wins
    #[arg(long, value_name = "config file")]
    pub reader_config: Option<PathBuf>,
    /// Producer property in Java form (repeatable)
    #[arg(long, value_name = "producer_prop")]
    pub producer_property: Vec<String>,
    /// Producer properties file
    #[arg(long = "producer.config", value_name = "config file")]
    pub producer_config: Option<PathBuf>,

    /// Input format (kt only)
    #[arg(long, value_enum, default_value_t, help_heading = "Beyond Kafka")]
    pub input: InputFormat,
    /// Send every record to this partition (kt only)
    #[arg(long, value_name = "N", help_heading = "Beyond Kafka")]
    pub partition: Option<i32>,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// The built-in reader's class names across Kafka versions.
pub const LINE_READERS: [&str; 3] = [
    "kafka.tools.ConsoleProducer$LineMessageReader",
    "org.apache.kafka.tools.LineMessageReader",
    "kafka.tools.LineMessageReader",
];
