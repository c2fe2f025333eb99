//! `--output`: Kafka's text, a table for people, or JSON for scripts.

use std::io::Write;
use std::sync::{Arc, Mutex};

use clap::{Args, ValueEnum};

#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OutputFormat {
    /// Exactly what the Kafka tool prints
    #[default]
    Text,
    /// An aligned table for people
    Table,
    /// JSON for scripts (schema in the README)
    Json,
}

#[derive(Args, Debug, Clone, Default, PartialEq, Eq)]
pub struct OutputArgs {
    /// Output format
    #[arg(
        long,
        short = 'o',
        value_enum,
        default_value_t,
        help_heading = "Output"
    )]
    pub output: OutputFormat,
}

/// Where diagnostics go (stderr in the binary, a buffer in tests): a writer
/// that clones cheaply, so the contexts librdkafka calls from its own
/// threads can hold one. kt-core writes only here, never to the process's
/// streams.
#[derive(Clone)]
pub struct Diagnostics(Arc<Mutex<Box<dyn Write + Send>>>);

impl Diagnostics {
    /// The process's stderr, unbuffered, as `eprintln!` would write it.
    pub fn stderr() -> Self {
        Self::to(Box::new(std::io::stderr()))
    }

    /// Diagnostics into any writer.
    pub fn to(sink: Box<dyn Write + Send>) -> Self {
        Diagnostics(Arc::new(Mutex::new(sink)))
    }

    /// Diagnostics into a buffer, and the buffer, for tests.
    pub fn captured() -> (Self, Captured) {
        let buffer = Captured::default();
        (Self::to(Box::new(buffer.clone())), buffer)
    }

    /// One line; a failed write to stderr has nowhere to be reported.
    pub fn line(&self, text: impl std::fmt::Display) {
        if let Ok(mut sink) = self.0.lock() {
            let _ = writeln!(sink, "{text}");
        }
    }
}

impl std::fmt::Debug for Diagnostics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Diagnostics")
    }
}

impl Write for &Diagnostics {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.lock() {
            Ok(mut sink) => sink.write(buf),
            Err(_) => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.0.lock() {
            Ok(mut sink) => sink.flush(),
            Err(_) => Ok(()),
        }
    }
}

impl Write for Diagnostics {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        (&*self).write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        (&*self).flush()
    }
}

/// What a [`Diagnostics::captured`] sink was given.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    pub fn text(&self) -> String {
        self.0
            .lock()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut b) = self.0.lock() {
            b.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
