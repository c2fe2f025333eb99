//! How a described group is shown: Kafka 3.9's text (`printOffsets`,
//! `printMembers`, `printStates`) and kt's tables.

use std::collections::BTreeMap;
use std::io::Write;

use crate::table::Table;
use kt_core::ffi::groups::{self as ffi, Partition};

use super::describe::{Described, OffsetRow, View};

/// Kafka's `-` for a value that is not there.
pub(super) const MISSING: &str = "-";

pub(super) fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(|| MISSING.to_string(), T::to_string)
}

/// Kafka 3.9's `printOffsets`: every line starts with a newline, and the
/// last has none.
pub(super) fn write_offsets(
    out: &mut dyn Write,
    group: &str,
    rows: &[OffsetRow],
) -> std::io::Result<()> {
    let width = |f: &dyn Fn(&OffsetRow) -> usize| rows.iter().map(f).fold(15, usize::max);
    let wg = group.len().max(15);
    let wt = width(&|r| r.topic.as_deref().unwrap_or(MISSING).len());
    let wc = width(&|r| r.consumer_id.as_deref().unwrap_or(MISSING).len());
    let wh = width(&|r| r.host.as_deref().unwrap_or(MISSING).len());
    let line = |out: &mut dyn Write, c: [&str; 9]| {
        write!(
            out,
            "\n{:<wg$} {:<wt$} {:<10} {:<15} {:<15} {:<15} {:<wc$} {:<wh$} {}",
            c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]
        )
    };
    line(
        out,
        [
            "GROUP",
            "TOPIC",
            "PARTITION",
            "CURRENT-OFFSET",
            "LOG-END-OFFSET",
            "LAG",
            "CONSUMER-ID",
            "HOST",
            "CLIENT-ID",
        ],
    )?;
    for r in rows {
        line(
            out,
            [
                group,
                r.topic.as_deref().unwrap_or(MISSING),
                &opt(&r.partition),
                &opt(&r.current_offset),
                &opt(&r.log_end_offset),
                &opt(&r.lag),
                r.consumer_id.as_deref().unwrap_or(MISSING),
                r.host.as_deref().unwrap_or(MISSING),
                r.client_id.as_deref().unwrap_or(MISSING),
            ],
        )?;
    }
    Ok(())
}

/// Kafka 3.9's `printMembers`; the header comes even when the state said
/// there is nothing to show.
pub(super) fn write_members(
    out: &mut dyn Write,
    group: &str,
    members: &[ffi::Member],
    sized: bool,
    verbose: bool,
) -> std::io::Result<()> {
    let (mut wg, mut wc, mut wi, mut wh, mut wl) = (15, 15, 17, 15, 15);
    let mut with_instance = false;
    if sized {
        for m in members {
            let instance = m.group_instance_id.as_deref().unwrap_or("");
            wg = wg.max(group.len());
            wc = wc.max(m.consumer_id.len());
            wi = wi.max(instance.len());
            wh = wh.max(m.host.len());
            wl = wl.max(m.client_id.len());
            with_instance |= !instance.is_empty();
        }
    }
    let row = |out: &mut dyn Write, c: [&str; 6]| {
        if with_instance {
            write!(
                out,
                "{:<wg$} {:<wc$} {:<wi$} {:<wh$} {:<wl$} {:<15} ",
                c[0], c[1], c[2], c[3], c[4], c[5]
            )
        } else {
            write!(
                out,
                "{:<wg$} {:<wc$} {:<wh$} {:<wl$} {:<15} ",
                c[0], c[1], c[3], c[4], c[5]
            )
        }
    };
    writeln!(out)?;
    row(
        out,
        [
            "GROUP",
            "CONSUMER-ID",
            "GROUP-INSTANCE-ID",
            "HOST",
            "CLIENT-ID",
            "#PARTITIONS",
        ],
    )?;
    if verbose {
        write!(out, "ASSIGNMENT")?;
    }
    writeln!(out)?;
    for m in members {
        row(
            out,
            [
                group,
                &m.consumer_id,
                m.group_instance_id.as_deref().unwrap_or(""),
                &m.host,
                &m.client_id,
                &m.assignment.len().to_string(),
            ],
        )?;
        if verbose {
            write!(out, "{}", assignment_text(&m.assignment))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Kafka 3.9's `--verbose` assignment: each topic's partitions in string
/// order within parentheses, the groups in string order (no topic names).
fn assignment_text(assignment: &[Partition]) -> String {
    if assignment.is_empty() {
        return MISSING.to_string();
    }
    let mut by_topic: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (t, p) in assignment {
        by_topic.entry(t).or_default().push(p.to_string());
    }
    let mut groups: Vec<String> = by_topic
        .into_values()
        .map(|mut ps| {
            ps.sort();
            format!("({})", ps.join(","))
        })
        .collect();
    groups.sort();
    groups.join(", ")
}

/// Kafka 3.9's `printStates` (its GROUP column takes the coordinator's width).
pub(super) fn write_state(out: &mut dyn Write, d: &Described) -> std::io::Result<()> {
    let coordinator = d.coordinator.as_ref().map_or_else(String::new, |c| {
        format!("{}:{}  ({})", c.host, c.port, c.id)
    });
    let wc = coordinator.len().max(25);
    let members = d.member_count;
    write!(
        out,
        "\n{:<wc$} {:<25} {:<20} {:<15} #MEMBERS",
        "GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE"
    )?;
    write!(
        out,
        "\n{:<wc$} {:<25} {:<20} {:<15} {}",
        d.group,
        coordinator,
        d.assignment_strategy,
        d.state.name(),
        members
    )?;
    writeln!(out)
}

/// kt's table: one per group, with the lag in time.
pub(super) fn render_table(d: &Described, view: View, verbose: bool) -> Table {
    match view {
        View::Offsets => offsets_table(d, false),
        View::Members => {
            let mut t = crate::table::new([
                "GROUP",
                "CONSUMER-ID",
                "GROUP-INSTANCE-ID",
                "HOST",
                "CLIENT-ID",
                "#PARTITIONS",
                "ASSIGNMENT",
            ]);
            for m in d.members.as_deref().unwrap_or_default() {
                t.add_row([
                    d.group.clone(),
                    m.consumer_id.clone(),
                    m.group_instance_id.clone().unwrap_or_default(),
                    m.host.clone(),
                    m.client_id.clone(),
                    m.assignment.len().to_string(),
                    if verbose {
                        m.assignment
                            .iter()
                            .map(|(t, p)| format!("{t}:{p}"))
                            .collect::<Vec<_>>()
                            .join(",")
                    } else {
                        String::new()
                    },
                ]);
            }
            t
        }
        View::State => {
            let mut t = crate::table::new([
                "GROUP",
                "COORDINATOR (ID)",
                "ASSIGNMENT-STRATEGY",
                "STATE",
                "#MEMBERS",
            ]);
            let coordinator = d
                .coordinator
                .as_ref()
                .map_or_else(String::new, |c| format!("{}:{} ({})", c.host, c.port, c.id));
            t.add_row([
                d.group.clone(),
                coordinator,
                d.assignment_strategy.clone(),
                d.state.name().to_string(),
                d.member_count.to_string(),
            ]);
            t
        }
    }
}

/// The offsets view as a table. `compact` (`--watch`, which names the
/// group above it) leaves the GROUP column out and shortens the headers, so
/// that it fits a terminal; member columns come only when a member holds a
/// partition (a group with none gave 111 columns of dashes), LOST only when
/// records were lost.
pub(super) fn offsets_table(d: &Described, compact: bool) -> Table {
    let rows = d.partitions.as_deref().unwrap_or_default();
    let members = rows
        .iter()
        .any(|r| r.consumer_id.as_deref().is_some_and(|c| c != MISSING));
    let lost = rows.iter().any(|r| r.lost_records.is_some_and(|n| n > 0));
    let mut header: Vec<&str> = Vec::new();
    if compact {
        header.extend(["TOPIC", "PARTITION", "COMMITTED", "END", "LAG", "LAG-TIME"]);
    } else {
        header.extend([
            "GROUP",
            "TOPIC",
            "PARTITION",
            "CURRENT-OFFSET",
            "LOG-END-OFFSET",
            "LAG",
            "LAG-TIME",
        ]);
    }
    if lost {
        header.push("LOST");
    }
    if members {
        header.extend(["CONSUMER-ID", "HOST", "CLIENT-ID"]);
    }
    let mut t = crate::table::new(header);
    // kt's tables in topic and partition order (Kafka's text keeps its
    // hash order).
    let mut sorted: Vec<&OffsetRow> = rows.iter().collect();
    sorted.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
    for r in sorted {
        let mut row: Vec<String> = Vec::new();
        if !compact {
            row.push(d.group.clone());
        }
        row.extend([
            opt(&r.topic),
            opt(&r.partition),
            opt(&r.current_offset),
            opt(&r.log_end_offset),
            opt(&r.lag),
            r.lag_ms.map_or_else(|| MISSING.to_string(), human_age),
        ]);
        if lost {
            row.push(opt(&r.lost_records));
        }
        if members {
            row.extend([opt(&r.consumer_id), opt(&r.host), opt(&r.client_id)]);
        }
        t.add_row(row);
    }
    t
}

/// An age for people: `0s`, `42s`, `3m12s`, `2h5m`, `3d4h`.
pub(super) fn human_age(ms: i64) -> String {
    let s = ms / 1000;
    match s {
        _ if s < 60 => format!("{s}s"),
        _ if s < 3600 => format!("{}m{}s", s / 60, s % 60),
        _ if s < 86_400 => format!("{}h{}m", s / 3600, s % 3600 / 60),
        _ => format!("{}d{}h", s / 86_400, s % 86_400 / 3600),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(topic: &str, p: i32, current: Option<i64>, end: i64) -> OffsetRow {
        OffsetRow {
            topic: Some(topic.into()),
            partition: Some(p),
            current_offset: current,
            log_end_offset: Some(end),
            lag: current.map(|c| end - c),
            lag_ms: None,
            lost_records: None,
            consumer_id: Some(MISSING.into()),
            host: Some(MISSING.into()),
            client_id: Some(MISSING.into()),
        }
    }

    #[test]
    fn offsets_are_kafkas_layout() {
        let mut out = Vec::new();
        write_offsets(
            &mut out,
            "g",
            &[row("t", 0, Some(1), 3), row("t", 1, None, 2)],
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "\nGROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID\
             \ng               t               0          1               3               2               -               -               -\
             \ng               t               1          -               2               -               -               -               -"
        );
    }

    #[test]
    fn verbose_assignment_is_kafka_39s() {
        let a = vec![
            ("b".to_string(), 10),
            ("b".to_string(), 2),
            ("a".to_string(), 1),
        ];
        assert_eq!(assignment_text(&a), "(1), (10,2)");
        assert_eq!(assignment_text(&[]), "-");
    }

    #[test]
    fn ages_read_as_people_say_them() {
        assert_eq!(human_age(999), "0s");
        assert_eq!(human_age(192_000), "3m12s");
        assert_eq!(human_age(7_500_000), "2h5m");
        assert_eq!(human_age(273_600_000), "3d4h");
    }
}
