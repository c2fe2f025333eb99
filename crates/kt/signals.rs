//! SIGINT and SIGTERM as flags the long-running loops check.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use kt_core::{ErrorKind, KtError};
use signal_hook::consts::{SIGINT, SIGTERM};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    Interrupt,
    Terminate,
}

impl Signal {
    pub fn name(self) -> &'static str {
        match self {
            Signal::Interrupt => "SIGINT",
            Signal::Terminate => "SIGTERM",
        }
    }

    /// The exit kind a shell expects after this signal (130 or 143).
    pub fn kind(self) -> ErrorKind {
        match self {
            Signal::Interrupt => ErrorKind::Interrupted,
            Signal::Terminate => ErrorKind::Terminated,
        }
    }
}

/// Records the first SIGINT or SIGTERM instead of dying, so the tool can
/// flush, report and exit with the signal's code.
pub struct Signals(Arc<AtomicUsize>);

impl Signals {
    pub fn install() -> Result<Signals, KtError> {
        let flag = Arc::new(AtomicUsize::new(0));
        for signal in [SIGINT, SIGTERM] {
            signal_hook::flag::register_usize(signal, Arc::clone(&flag), signal as usize)
                .map_err(|e| KtError::broker(format!("cannot handle signals: {e}")))?;
        }
        Ok(Signals(flag))
    }

    pub fn received(&self) -> Option<Signal> {
        match self.0.load(Ordering::Relaxed) {
            0 => None,
            n if n == SIGTERM as usize => Some(Signal::Terminate),
            _ => Some(Signal::Interrupt),
        }
    }
}
