//! Times on the command line: now, and the forms `--from-time`, `--time`
//! and friends accept.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::DateTime;
use kt_core::KtError;

/// Milliseconds since the epoch, now.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Epoch milliseconds, RFC 3339 (`2024-05-01T12:00:00Z`), `now`, or a time
/// relative to `now`: `-15m`, `-2h`, `-1d`.
pub fn parse_time(text: &str, now: i64) -> Result<i64, KtError> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
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
        "cannot read time '{text}'; use epoch milliseconds, RFC 3339 (2024-05-01T12:00:00Z), now, or a relative time like -15m"
    )))
}

/// Kafka's `Utils.getDateTime`: `yyyy-MM-dd'T'HH:mm:ss.SSS` with an
/// optional zone (`Z`, `+01:00`, `+0100`, `+01`); UTC without one.
pub fn java_datetime(text: &str) -> Result<i64, KtError> {
    let failed =
        |message: String| KtError::config(&message).thrown("java.lang.RuntimeException", message);
    let Some((_, time)) = text.split_once('T') else {
        return Err(failed(
            "java.text.ParseException: Error parsing timestamp. It does not contain a 'T' according to ISO8601 format".into(),
        ));
    };
    let zoned = if time.contains('+') || time.contains('-') || time.contains('Z') {
        text.to_string()
    } else {
        format!("{text}Z")
    };
    for format in [
        "%Y-%m-%dT%H:%M:%S%.3f%:z",
        "%Y-%m-%dT%H:%M:%S%.3f%z",
        "%Y-%m-%dT%H:%M:%S%.3f%#z",
    ] {
        let candidate = zoned.replace('Z', "+00:00");
        if let Ok(t) = DateTime::parse_from_str(&candidate, format) {
            return Ok(t.timestamp_millis());
        }
    }
    Err(failed(format!(
        "java.text.ParseException: Unparseable date: \"{zoned}\""
    )))
}

/// Java's `Duration.parse` for `PnDTnHnMnS` (fractions of seconds too).
pub fn java_duration_ms(text: &str) -> Result<i64, KtError> {
    let bad = || {
        let message = "Text cannot be parsed to a Duration";
        KtError::config(message).thrown("java.time.format.DateTimeParseException", message)
    };
    let upper = text.to_ascii_uppercase();
    let (negative, rest) = match upper.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, upper.strip_prefix('+').unwrap_or(&upper)),
    };
    let rest = rest.strip_prefix('P').ok_or_else(bad)?;
    let (days, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let mut ms: f64 = 0.0;
    let mut any = false;
    if !days.is_empty() {
        let n = days.strip_suffix('D').ok_or_else(bad)?;
        ms += n.parse::<f64>().map_err(|_| bad())? * 86_400_000.0;
        any = true;
    }
    if let Some(mut t) = time {
        if t.is_empty() {
            return Err(bad());
        }
        for (unit, scale) in [('H', 3_600_000.0), ('M', 60_000.0), ('S', 1000.0)] {
            if let Some(i) = t.find(unit) {
                let n: f64 = t[..i].parse().map_err(|_| bad())?;
                ms += n * scale;
                t = &t[i + 1..];
                any = true;
            }
        }
        if !t.is_empty() {
            return Err(bad());
        }
    }
    if !any {
        return Err(bad());
    }
    Ok(if negative { -ms } else { ms } as i64)
}

#[cfg(test)]
mod tests {
    use super::{java_datetime, java_duration_ms, parse_time};

    #[test]
    fn epoch_rfc3339_and_relative_times() {
        assert_eq!(parse_time("now", 42).unwrap(), 42);
        assert_eq!(parse_time(" NOW ", 42).unwrap(), 42);
        assert_eq!(parse_time("1700000000000", 0).unwrap(), 1_700_000_000_000);
        assert_eq!(
            parse_time("2023-11-14T22:13:20Z", 0).unwrap(),
            1_700_000_000_000
        );
        assert_eq!(parse_time("-15m", 1_000_000).unwrap(), 100_000);
        assert!(parse_time("yesterday", 0).is_err());
    }

    #[test]
    fn durations_are_javas() {
        assert_eq!(java_duration_ms("PT1H").unwrap(), 3_600_000);
        assert_eq!(
            java_duration_ms("P1DT2M3.5S").unwrap(),
            86_400_000 + 123_500
        );
        assert_eq!(java_duration_ms("pt10m").unwrap(), 600_000);
        assert!(java_duration_ms("1h").is_err());
        assert!(java_duration_ms("PT").is_err());
    }

    #[test]
    fn datetimes_are_javas() {
        assert_eq!(
            java_datetime("2023-11-14T22:13:20.000").unwrap(),
            1_700_000_000_000
        );
        assert_eq!(
            java_datetime("2023-11-14T23:13:20.000+01:00").unwrap(),
            1_700_000_000_000
        );
        assert!(java_datetime("2023-11-14").is_err());
        assert!(java_datetime("2023-11-14T22:13").is_err());
    }
}
