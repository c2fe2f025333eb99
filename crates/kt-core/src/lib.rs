//! kt's shared layer: connection flags, client configuration, the librdkafka
//! context, errors with exit codes, and output formats. Tools depend on this
//! crate; it depends on no tool.

pub mod admin_ext;
pub mod config;
pub mod connection;
pub mod context;
pub mod error;
pub mod faults;
pub mod ffi;
pub mod output;
pub mod profile;
pub mod props;
pub mod retry;
pub mod runtime;
pub mod stdio;
pub mod zookeeper;

pub use connection::{Cluster, ConnectionArgs, Endpoint, DEFAULT_TIMEOUT};
pub use context::KtContext;
pub use error::{error_kind, ErrorKind, KtError};
pub use output::{OutputArgs, OutputFormat};
pub use runtime::{block_on, deliver_all};
