//! The line an admin command shows on stderr when it runs past a second
//! (a describe of thousands of groups, a reassignment's plan): what runs
//! and for how long, on a terminal only (never in pipes or CI), gone the
//! moment the command writes anything, to either stream.

use std::io::{self, IsTerminal, Write};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::dispatch::{Invocation, Tool};

/// How long a command runs before the line shows.
const AFTER: Duration = Duration::from_secs(1);

#[derive(Default)]
struct State {
    /// The command wrote something, or ended: no line (any more).
    done: bool,
    bar: Option<ProgressBar>,
}

/// The line's handle: [`Working::stop`] (or a write through
/// [`Working::guard`]) takes it away for good.
#[derive(Clone)]
pub struct Working(Option<Arc<(Mutex<State>, Condvar)>>);

impl Working {
    /// The line for `invocation` when it is an admin command and stderr is
    /// a terminal; otherwise a handle that does nothing.
    pub fn start(invocation: &Invocation) -> Working {
        let label = match label(invocation) {
            Some(label) if io::stderr().is_terminal() && std::env::var_os("CI").is_none() => label,
            _ => return Working(None),
        };
        let shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
        let waiting = Arc::clone(&shared);
        std::thread::spawn(move || {
            let (lock, wake) = &*waiting;
            let Ok(state) = lock.lock() else { return };
            let Ok((mut state, _)) = wake.wait_timeout_while(state, AFTER, |s| !s.done) else {
                return;
            };
            if state.done {
                return;
            }
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
                .with_elapsed(AFTER);
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
                bar.set_style(style);
            }
            bar.set_message(format!("{label}: working"));
            bar.enable_steady_tick(Duration::from_millis(120));
            state.bar = Some(bar);
        });
        Working(Some(shared))
    }

    /// Takes the line away (before the first output, or at the end).
    pub fn stop(&self) {
        let Some(shared) = &self.0 else { return };
        let (lock, wake) = &**shared;
        if let Ok(mut state) = lock.lock() {
            if !state.done {
                state.done = true;
                if let Some(bar) = state.bar.take() {
                    bar.finish_and_clear();
                }
                wake.notify_all();
            }
        }
    }

    /// `inner`, which takes the line away before its first write.
    pub fn guard<W: Write>(&self, inner: W) -> Guarded<W> {
        Guarded {
            inner,
            working: self.clone(),
            stopped: self.0.is_none(),
        }
    }
}

/// A stream that stops a [`Working`] line before writing.
pub struct Guarded<W> {
    inner: W,
    working: Working,
    stopped: bool,
}

impl<W: Write> Write for Guarded<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.stopped && !buf.is_empty() {
            self.working.stop();
            self.stopped = true;
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// What the line calls the command: Kafka's tool or kt's command, when it
/// is one that asks the cluster and then answers. Tools that stream
/// records, wait on stdin or draw their own progress have no line.
fn label(invocation: &Invocation) -> Option<String> {
    match invocation {
        Invocation::Compat { tool, .. } => {
            let streams = matches!(
                tool,
                Tool::ConsoleProducer
                    | Tool::ConsoleConsumer
                    | Tool::ProducerPerf
                    | Tool::ConsumerPerf
                    | Tool::EndToEnd
                    | Tool::VerifiableProducer
                    | Tool::VerifiableConsumer
                    | Tool::ReplicaVerification
            );
            (!streams).then(|| tool.script_name().to_string())
        }
        Invocation::Native(argv) => {
            let word = argv.get(1)?.to_str()?;
            const ADMIN: [&str; 18] = [
                "topics",
                "offsets",
                "groups",
                "delete-records",
                "brokers",
                "configs",
                "acls",
                "elect-leaders",
                "reassign",
                "quorum",
                "features",
                "cluster",
                "transactions",
                "client-metrics",
                "delegation-tokens",
                "streams-reset",
                "dump-log",
                "doctor",
            ];
            ADMIN.contains(&word).then(|| format!("kt {word}"))
        }
        _ => None,
    }
}
