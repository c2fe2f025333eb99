//! Reset plans in files: Kafka's CSV (what `--export` prints and
//! `--from-file` reads) and kt's JSON plan.

use std::collections::HashMap;

use kt_core::ffi::groups::Partition;
use kt_core::KtError;

use crate::dispatch::Mode;
use serde::{Deserialize, Serialize};

use super::reset::GroupPlan;

/// kt's JSON plan (what `--from-file` also reads).
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Plan {
    executed: bool,
    groups: Vec<GroupPlan>,
}

/// A `--from-file` plan: Kafka's CSV (`topic,partition,offset` for one
/// group, `group,topic,partition,offset` for several) or kt's JSON plan.
pub(super) fn read_plan(
    path: &str,
    groups: &[String],
    mode: Mode,
) -> Result<HashMap<String, Vec<(Partition, i64)>>, KtError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        KtError::config(match mode {
            Mode::Compat => format!("java.nio.file.NoSuchFileException: {path} ({e})"),
            Mode::Native => format!("cannot read --from-file {path}: {e}"),
        })
    })?;
    let mut plan: HashMap<String, Vec<(Partition, i64)>> = HashMap::new();
    if text.trim_start().starts_with('{') {
        let parsed: Plan = serde_json::from_str(&text)
            .map_err(|e| KtError::config(format!("{path} is not a kt reset plan: {e}")))?;
        for g in parsed.groups {
            plan.entry(g.group).or_default().extend(
                g.partitions
                    .into_iter()
                    .map(|p| ((p.topic, p.partition), p.offset)),
            );
        }
        return Ok(plan);
    }
    let lines: Vec<&str> = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
    let three = |l: &str| -> Option<(String, i32, i64)> {
        let f = csv_fields(l);
        (f.len() == 3).then_some(())?;
        Some((f[0].clone(), f[1].parse().ok()?, f[2].parse().ok()?))
    };
    let single = groups.len() == 1 && lines.first().is_some_and(|l| three(l).is_some());
    for line in lines {
        if single {
            let (t, p, o) = three(line)
                .ok_or_else(|| KtError::config(format!("cannot read '{line}' in {path}")))?;
            plan.entry(groups[0].clone()).or_default().push(((t, p), o));
        } else {
            let f = csv_fields(line);
            let parsed = (f.len() == 4)
                .then(|| {
                    Some((
                        f[0].as_str(),
                        f[1].as_str(),
                        f[2].parse::<i32>().ok()?,
                        f[3].parse::<i64>().ok()?,
                    ))
                })
                .flatten();
            let (g, t, p, o) =
                parsed.ok_or_else(|| KtError::config(format!("cannot read '{line}' in {path}")))?;
            plan.entry(g.to_string())
                .or_default()
                .push(((t.to_string(), p), o));
        }
    }
    Ok(plan)
}

/// The fields of a CSV line, quotes taken off (`""` inside is one `"`).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(f) = fields.last_mut() {
                    f.push('"');
                }
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => {
                if let Some(f) = fields.last_mut() {
                    f.push(c)
                }
            }
        }
    }
    fields
}

/// A string as Jackson's CSV writer puts it: quoted when longer than 24
/// characters (its quick check gives up there) or holding a character
/// below `-` (the separator, the quote, line ends), quotes doubled.
pub(super) fn csv_field(text: &str) -> String {
    if text.chars().count() > 24 || text.chars().any(|c| (c as u32) < 45 || c == '"') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_as_jackson_does() {
        assert_eq!(
            csv_field("abcdefghijklmnopqrstuvwx"),
            "abcdefghijklmnopqrstuvwx"
        );
        assert_eq!(
            csv_field("abcdefghijklmnopqrstuvwxy"),
            "\"abcdefghijklmnopqrstuvwxy\""
        );
        assert_eq!(csv_field("a b"), "\"a b\"");
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
        assert_eq!(csv_fields("\"a,\"\"b\",0,5\r"), vec!["a,\"b", "0", "5"]);
    }
}
