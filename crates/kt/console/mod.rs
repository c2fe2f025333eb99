//! The console tools: `kt produce` (kafka-console-producer) and
//! `kt consume` (kafka-console-consumer).

pub mod consume;
pub mod consume_args;
pub mod envelope;
pub mod format;
pub mod formatter;
pub mod produce;
pub mod produce_args;
pub mod reader;
