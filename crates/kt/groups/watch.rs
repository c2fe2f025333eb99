//! kt's additions to `--describe`: `--watch` and the alerting limits
//! `--max-lag` / `--max-lag-time`.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::time::Duration;

use kt_core::{ErrorKind, KtError, OutputFormat};

use super::describe::{collect, Described, View};
use super::render::{human_age, opt, render_table, MISSING};
use super::Groups;
use crate::signals::Signals;

/// `--max-lag` and `--max-lag-time`.
pub(super) struct Limits {
    pub(super) lag: Option<i64>,
    pub(super) age_ms: Option<i64>,
}

impl Limits {
    pub(super) fn of(args: &super::GroupsArgs) -> Result<Limits, KtError> {
        let age_ms = match &args.max_lag_time {
            None => None,
            Some(text) => Some(
                humantime::parse_duration(text.trim())
                    .map_err(|e| {
                        KtError::usage(format!(
                            "--max-lag-time {text}: {e}; give a duration such as 30s, 5m or 1h"
                        ))
                    })?
                    .as_millis() as i64,
            ),
        };
        if args.max_lag.is_some_and(|n| n < 0) {
            return Err(KtError::usage(
                "--max-lag takes a number of records, 0 or more",
            ));
        }
        Ok(Limits {
            lag: args.max_lag,
            age_ms,
        })
    }

    /// Exit 6 (one line naming each partition over a limit) when any is.
    pub(super) fn check(&self, described: &[Described]) -> anyhow::Result<()> {
        let mut over = Vec::new();
        for d in described {
            for r in d.partitions.as_deref().unwrap_or_default() {
                let (topic, partition) = (opt(&r.topic), opt(&r.partition));
                if let (Some(limit), Some(lag)) = (self.lag, r.lag) {
                    if lag > limit {
                        over.push(format!(
                            "{}/{topic}-{partition} lag {lag} > {limit}",
                            d.group
                        ));
                    }
                }
                if let (Some(limit), Some(age)) = (self.age_ms, r.lag_ms) {
                    if age > limit {
                        over.push(format!(
                            "{}/{topic}-{partition} lag {} > {}",
                            d.group,
                            human_age(age),
                            human_age(limit)
                        ));
                    }
                }
            }
        }
        if over.is_empty() {
            return Ok(());
        }
        Err(KtError::new(
            ErrorKind::OverLimit,
            format!("{} over the limit: {}", plural(over.len()), over.join(", ")),
        )
        .into())
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 partition is".to_string()
    } else {
        format!("{n} partitions are")
    }
}

/// Each group's committed offset of each partition: (group, topic, partition).
type Positions = HashMap<(String, String, i32), i64>;

/// `--watch`: the offsets view every INTERVAL, redrawn in place on a
/// terminal, one JSON line per interval otherwise; with two samples, each
/// group's consume rate and time to catch up. Ends on Ctrl-C (130) or
/// SIGTERM (143), or when stdout closes.
pub(super) fn watch(g: &Groups<'_>, interval: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    let every = humantime::parse_duration(interval.trim()).map_err(|e| {
        KtError::usage(format!(
            "--watch {interval}: {e}; give an interval such as 1s or 500ms"
        ))
    })?;
    let every = every.max(Duration::from_millis(100));
    let signals = Signals::install()?;
    let terminal = std::io::stdout().is_terminal() && g.format != OutputFormat::Json;
    let mut previous: Option<(std::time::Instant, Positions)> = None;
    loop {
        let started = std::time::Instant::now();
        let mut described = collect(g, View::Offsets, true)?;
        let positions: Positions = described
            .iter()
            .flat_map(|d| {
                d.partitions.iter().flatten().filter_map(|r| {
                    Some((
                        (d.group.clone(), r.topic.clone()?, r.partition?),
                        r.current_offset?,
                    ))
                })
            })
            .collect();
        if let Some((then, before)) = &previous {
            let seconds = started.duration_since(*then).as_secs_f64().max(0.001);
            for d in described.iter_mut() {
                let consumed: i64 = positions
                    .iter()
                    .filter(|((group, _, _), _)| *group == d.group)
                    .filter_map(|(key, now)| Some(now - before.get(key)?))
                    .sum();
                let rate = consumed.max(0) as f64 / seconds;
                d.rate_per_s = Some((rate * 10.0).round() / 10.0);
                d.catch_up_s = d
                    .total_lag
                    .filter(|_| rate > 0.0)
                    .map(|lag| (lag as f64 / rate).round());
            }
        }
        previous = Some((started, positions));
        if terminal {
            // Home, clear, then the tables.
            write!(out, "\x1b[H\x1b[2J")?;
            writeln!(
                out,
                "kt groups --watch: every {}, {} (Ctrl-C to stop)",
                humantime::format_duration(every),
                chrono::Local::now().format("%H:%M:%S")
            )?;
            for d in &described {
                writeln!(out, "{}", render_table(d, View::Offsets, false))?;
                writeln!(
                    out,
                    "{}: {} members, lag {}, oldest unconsumed {}, {}",
                    d.group,
                    d.member_count,
                    opt(&d.total_lag),
                    d.max_lag_ms.map_or_else(|| MISSING.to_string(), human_age),
                    match (d.rate_per_s, d.catch_up_s) {
                        (Some(rate), Some(eta)) => {
                            format!("{rate}/s, caught up in {}", human_age(eta as i64 * 1000))
                        }
                        (Some(rate), None) => format!("{rate}/s"),
                        _ => "rate after the next sample".to_string(),
                    }
                )?;
            }
        } else {
            let line = serde_json::json!({ "time": crate::time::now_ms(), "groups": described });
            writeln!(out, "{line}")?;
        }
        out.flush()?;
        while started.elapsed() < every {
            if let Some(signal) = signals.received() {
                return Err(
                    KtError::new(signal.kind(), format!("stopped by {}", signal.name())).into(),
                );
            }
            if kt_core::stdio::stdout_closed() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
