//! The perf tools' progress bar: on a terminal only (never in pipes or CI),
//! fitted to its width, with report lines printed above it whole.

use std::io::{self, IsTerminal, Write};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
}

impl Progress {
    /// A bar counting `total` records (`what`: "sent", "consumed", ...), or a
    /// hidden one when stderr is not a terminal or CI is set.
    pub fn new(total: u64, what: &str) -> Progress {
        let show = io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = if show {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            let template = format!("{{wide_bar}} {{pos}}/{{len}} {what}, {{msg}}, ETA {{eta}}");
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    /// Moves the bar to `position`, showing `done` records a second (the
    /// acknowledged or consumed count, as Kafka's lines count them).
    pub fn update(&self, position: u64, done: u64) {
        if self.bar.is_hidden() {
            return;
        }
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar
            .set_message(format!("{:.1} records/sec", done as f64 / secs));
        self.bar.set_position(position);
    }

    /// Writes `lines` to `out` with the bar lifted, so each line scrolls up
    /// whole above it instead of being drawn over it.
    pub fn print(&self, out: &mut dyn Write, lines: &[String]) -> io::Result<()> {
        self.bar.suspend(|| {
            for line in lines {
                writeln!(out, "{line}")?;
            }
            out.flush()
        })
    }

    /// The count to reach, once known.
    pub fn set_total(&self, total: u64) {
        self.bar.set_length(total);
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
