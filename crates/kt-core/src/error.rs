//! Typed failures whose exit code matters.
//!
//! Tools return `anyhow::Error`; the binary's edge looks for a [`KtError`] in the
//! chain to choose the exit code, and anything else exits 1.

use std::fmt;
use std::time::Duration;

/// What kind of failure happened, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The command line is wrong: unknown flag, missing or conflicting arguments.
    Usage,
    /// A client property or properties file is wrong.
    Config,
    /// The named topic (or other resource) does not exist.
    NotFound,
    /// No broker (or ZooKeeper) answered.
    Unreachable,
    /// The broker answered but the operation did not finish in time.
    Timeout,
    /// The broker refused the request (already exists, invalid, not authorized...).
    Broker,
    /// Some items of a multi-item request succeeded and some failed.
    Partial,
    /// A limit the user set was crossed (`kt groups --max-lag`).
    OverLimit,
    /// The user answered no at kt's prompt: nothing was changed.
    Declined,
    /// The tool was stopped by SIGINT.
    Interrupted,
    /// The tool was stopped by SIGTERM.
    Terminated,
}

impl ErrorKind {
    /// Exit code of kt's native commands. Kafka-named links exit 1 for every
    /// failure (see [`ErrorKind::compat_exit_code`]).
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Broker => 1,
            ErrorKind::Usage | ErrorKind::Config => 2,
            ErrorKind::NotFound => 3,
            ErrorKind::Unreachable | ErrorKind::Timeout => 4,
            ErrorKind::Partial => 5,
            ErrorKind::OverLimit => 6,
            ErrorKind::Declined => 7,
            ErrorKind::Interrupted => 130,
            ErrorKind::Terminated => 143,
        }
    }

    /// Exit code when kt runs under a Kafka tool's name: the JVM tools exit 1 for
    /// every failure except a signal. An alert of kt's own limits
    /// (`--max-lag`, which no Kafka tool has) keeps kt's code.
    pub fn compat_exit_code(self) -> u8 {
        match self {
            ErrorKind::Interrupted => 130,
            ErrorKind::Terminated => 143,
            ErrorKind::OverLimit => 6,
            _ => 1,
        }
    }
}

/// A timeout as error messages say it: `10s`, `1.5s`, `250ms`.
pub fn human_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms % 1000 == 0 {
        format!("{}s", ms / 1000)
    } else if ms > 1000 {
        format!("{:.1}s", d.as_secs_f64())
    } else {
        format!("{ms}ms")
    }
}

/// A failure with a kind and a one-line message that says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KtError {
    pub kind: ErrorKind,
    pub message: String,
    /// The exception Kafka's Java tools throw for the same failure (its
    /// class and message), for the Kafka names to show as those tools do.
    pub thrown: Option<(&'static str, String)>,
}

impl KtError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        KtError {
            kind,
            message: message.into(),
            thrown: None,
        }
    }

    /// The same failure, with the Java exception Kafka's tools throw for it.
    pub fn thrown(mut self, class: &'static str, message: impl Into<String>) -> Self {
        self.thrown = Some((class, message.into()));
        self
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, message)
    }

    pub fn config(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Config, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }

    pub fn unreachable(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Unreachable, message)
    }

    pub fn broker(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Broker, message)
    }
}

impl fmt::Display for KtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for KtError {}

/// The kind of the first [`KtError`] in an error chain, if any.
pub fn error_kind(err: &anyhow::Error) -> Option<ErrorKind> {
    err.chain()
        .find_map(|cause| cause.downcast_ref::<KtError>())
        .map(|e| e.kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(human_duration(Duration::from_secs(10)), "10s");
        assert_eq!(human_duration(Duration::from_millis(1500)), "1.5s");
        assert_eq!(human_duration(Duration::from_millis(250)), "250ms");
    }

    #[test]
    fn kind_is_found_under_context() {
        let err = Err::<(), _>(KtError::not_found("Topic 'x' does not exist"))
            .context("describing topic x")
            .unwrap_err();
        assert_eq!(error_kind(&err), Some(ErrorKind::NotFound));
        assert_eq!(ErrorKind::NotFound.exit_code(), 3);
        assert_eq!(ErrorKind::NotFound.compat_exit_code(), 1);
    }

    #[test]
    fn plain_errors_have_no_kind() {
        let err = anyhow::anyhow!("boom");
        assert_eq!(error_kind(&err), None);
    }

    #[test]
    fn exit_codes_are_distinct_per_family() {
        let codes = [
            ErrorKind::Broker,
            ErrorKind::Usage,
            ErrorKind::NotFound,
            ErrorKind::Unreachable,
            ErrorKind::Partial,
            ErrorKind::OverLimit,
            ErrorKind::Interrupted,
        ]
        .map(ErrorKind::exit_code);
        let mut sorted = codes.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), codes.len());
    }
}
