//! kt's shared layer: connection flags, client configuration, the librdkafka
//! context, errors with exit codes, and output formats. Tools depend on this
//! crate; it depends on no tool.
//!
//! kt-core never prints: diagnostics go to the [`Diagnostics`] a tool hands
//! in, and every `unsafe` block is in [`ffi`].

pub mod config;
pub mod connection;
pub mod context;
pub mod error;
pub mod faults;
pub mod ffi;
pub mod jaas;
pub mod offset;
pub mod output;
pub mod profile;
pub mod props;
pub mod protocol;
pub mod retry;
pub mod runtime;
pub mod stdio;
pub mod stores;
pub mod zookeeper;

pub use connection::{Cluster, ConnectionArgs, Endpoint, DEFAULT_TIMEOUT};
pub use context::KtContext;
pub use error::{error_kind, ErrorKind, KtError};
pub use offset::OffsetSpec;
pub use output::{Diagnostics, OutputArgs, OutputFormat};
pub use runtime::{
    block_on, close_consumer, deliver_all, leave_group, leave_running, serve, serve_until_delivered,
};
