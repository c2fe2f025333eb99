//! kt's additions to `--describe`: `--watch` and the alerting limits
//! `--max-lag` / `--max-lag-time`.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::time::Duration;

use kt_core::ffi::groups::GroupState;
use kt_core::{ErrorKind, KtError, OutputFormat};

use super::describe::{collect, Described, View};
use super::render::{human_age, offsets_table, opt, MISSING};
use super::Groups;

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
                let lost = r.lost_records.unwrap_or(0);
                if lost > 0 && (self.lag.is_some() || self.age_ms.is_some()) {
                    let committed = r.current_offset.unwrap_or(0);
                    over.push(format!(
                        "{}/{topic}-{partition} lost {lost} record{} to retention (committed {committed}, log start {})",
                        d.group,
                        if lost == 1 { "" } else { "s" },
                        committed + lost
                    ));
                    continue;
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
pub(super) fn watch(
    g: &Groups<'_>,
    interval: &str,
    limits: &Limits,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let every = interval_of(interval)?.max(Duration::from_millis(100));
    let terminal = std::io::stdout().is_terminal() && g.format != OutputFormat::Json;
    let mut previous: Option<(std::time::Instant, Positions)> = None;
    loop {
        let started = std::time::Instant::now();
        let mut described = collect(g, View::Offsets, true)?;
        stop_if_signalled(g)?;
        // A group that does not exist is a typo in the monitoring job, not
        // a healthy group with no lag.
        if let Some(d) = described.iter().find(|d| d.state == GroupState::Dead) {
            return Err(KtError::not_found(format!(
                "consumer group '{}' does not exist; kt groups --list names the groups",
                d.group
            ))
            .into());
        }
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
                // The group above its table, then its summary in short
                // lines: all of it fits an 80-column terminal.
                writeln!(out, "group {}", d.group)?;
                writeln!(out, "{}", offsets_table(d, true))?;
                writeln!(
                    out,
                    "  {} members, lag {}, oldest unconsumed {}",
                    d.member_count,
                    opt(&d.total_lag),
                    d.max_lag_ms.map_or_else(|| MISSING.to_string(), human_age),
                )?;
                let lost: i64 = d
                    .partitions
                    .iter()
                    .flatten()
                    .filter_map(|r| r.lost_records)
                    .sum();
                if lost > 0 {
                    writeln!(out, "  {lost} records lost to retention")?;
                }
                writeln!(
                    out,
                    "  {}",
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
        // An alert ends the watch: a monitoring job learns of it at once.
        limits.check(&described)?;
        while started.elapsed() < every {
            stop_if_signalled(g)?;
            if kt_core::stdio::stdout_closed() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Exit 130 or 143 once SIGINT or SIGTERM came.
fn stop_if_signalled(g: &Groups<'_>) -> Result<(), KtError> {
    match g.signals.as_ref().and_then(|s| s.received()) {
        Some(signal) => Err(KtError::new(
            signal.kind(),
            format!("stopped by {}", signal.name()),
        )),
        None => Ok(()),
    }
}

/// `--watch`'s interval: a duration (`500ms`, `2s`, `1m`) or plain seconds
/// (`2`, `0.5`), as `watch -n` takes it.
fn interval_of(text: &str) -> Result<Duration, KtError> {
    let text = text.trim();
    if let Ok(seconds) = text.parse::<f64>() {
        if seconds.is_finite() && seconds > 0.0 {
            return Ok(Duration::from_secs_f64(seconds));
        }
    }
    humantime::parse_duration(text).map_err(|e| {
        KtError::usage(format!(
            "--watch {text}: {e}; give an interval such as 2 (seconds), 1s or 500ms"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::interval_of;
    use std::time::Duration;

    #[test]
    fn intervals_take_plain_seconds_too() {
        assert_eq!(interval_of("2").unwrap(), Duration::from_secs(2));
        assert_eq!(interval_of("0.5").unwrap(), Duration::from_millis(500));
        assert_eq!(interval_of("1m").unwrap(), Duration::from_secs(60));
        assert_eq!(interval_of("250ms").unwrap(), Duration::from_millis(250));
        for bad in ["-1", "soon", ""] {
            assert!(interval_of(bad).is_err(), "{bad}");
        }
    }
}
