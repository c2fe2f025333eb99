//! Times on the command line: now, and the forms `--from-time`, `--time`
//! and friends accept.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use kt_core::KtError;

/// Milliseconds since the epoch, now.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Epoch milliseconds, RFC 3339 (`2024-05-01T12:00:00Z`), or a time relative
/// to `now`: `-15m`, `-2h`, `-1d`.
pub fn parse_time(text: &str, now: i64) -> Result<i64, KtError> {
    let t = text.trim();
    if let Ok(ms) = t.parse::<i64>() {
        if ms >= 0 {
            return Ok(ms);
        }
    }
    if let Some(rel) = t.strip_prefix('-') {
        if let Ok(d) = humantime::parse_duration(rel) {
            // A span longer than the time since 1970 has no timestamp.
            return i64::try_from(d.as_millis())
                .ok()
                .and_then(|ms| now.checked_sub(ms))
                .filter(|at| *at >= 0)
                .ok_or_else(|| {
                    KtError::usage(format!("time '{text}' is before 1970; use a shorter span"))
                });
        }
    }
    if let Ok(at) = humantime::parse_rfc3339_weak(t) {
        return Ok(at
            .duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_millis() as i64);
    }
    Err(KtError::usage(format!(
        "cannot read time '{text}'; use epoch milliseconds, RFC 3339 (2024-05-01T12:00:00Z) or a relative time like -15m"
    )))
}

#[cfg(test)]
mod tests {
    use super::parse_time;

    #[test]
    fn epoch_rfc3339_and_relative_times() {
        assert_eq!(parse_time("1700000000000", 0).unwrap(), 1_700_000_000_000);
        assert_eq!(
            parse_time("2023-11-14T22:13:20Z", 0).unwrap(),
            1_700_000_000_000
        );
        assert_eq!(parse_time("-15m", 1_000_000).unwrap(), 100_000);
        assert!(parse_time("yesterday", 0).is_err());
    }
}
