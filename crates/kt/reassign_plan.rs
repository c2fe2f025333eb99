//! `kt reassign` from intent, beyond Kafka's tool: `--drain-broker ID`
//! (every replica off a broker), `--add-brokers IDS` (replicas and leaders
//! evened out onto new brokers), `--replication-factor N --topic T`. The
//! plan shows as a table with the bytes each move copies (DescribeLogDirs),
//! or as Kafka's reassignment JSON (`-o json`, for any tool's `--execute`);
//! `--execute` starts it as Kafka's `--execute` does (`--throttle`), and
//! `--watch` follows the copy in bytes with a rate and an ETA until it is
//! done, then removes the throttles.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::{Duration, Instant};

use kt_core::protocol::Pool;
use kt_core::{Diagnostics, ErrorKind, KtError, OutputFormat};

use crate::reassign::{Move, ReassignArgs};

/// What the user asked for.
enum Intent {
    Drain(i32),
    Add(Vec<i32>),
    Factor(String, usize),
}

/// Whether kt's own reassignment flags were given.
pub(crate) fn wanted(args: &ReassignArgs) -> bool {
    wanted_plan(args) || (args.watch && !args.execute)
}

/// Every partition's replicas, by (topic, partition).
type Layout = BTreeMap<(String, i32), Vec<i32>>;

fn intent(args: &ReassignArgs) -> Result<Intent, KtError> {
    let given = [
        args.drain_broker.is_some(),
        args.add_brokers.is_some(),
        args.replication_factor.is_some(),
    ];
    if given.iter().filter(|g| **g).count() != 1 {
        return Err(KtError::usage(
            "give one of --drain-broker ID, --add-brokers IDS, --replication-factor N --topic T",
        ));
    }
    if let Some(id) = args.drain_broker {
        return Ok(Intent::Drain(id));
    }
    if let Some(list) = &args.add_brokers {
        let ids: Result<Vec<i32>, _> = list.split(',').map(|s| s.trim().parse::<i32>()).collect();
        return ids
            .map(Intent::Add)
            .map_err(|_| KtError::usage(format!("--add-brokers {list}: give broker ids, as 4,5")));
    }
    let factor = args.replication_factor.unwrap_or(0);
    match &args.topic {
        Some(topic) if factor >= 1 => Ok(Intent::Factor(topic.clone(), factor)),
        Some(_) => Err(KtError::usage("--replication-factor must be at least 1")),
        None => Err(KtError::usage(
            "--replication-factor needs --topic T (the topic whose replicas change)",
        )),
    }
}

/// Each broker's replica and leader (first replica) counts.
fn counts(layout: &Layout, brokers: &[i32]) -> (BTreeMap<i32, usize>, BTreeMap<i32, usize>) {
    let mut replicas: BTreeMap<i32, usize> = brokers.iter().map(|b| (*b, 0)).collect();
    let mut leaders = replicas.clone();
    for r in layout.values() {
        for b in r {
            *replicas.entry(*b).or_default() += 1;
        }
        if let Some(first) = r.first() {
            *leaders.entry(*first).or_default() += 1;
        }
    }
    (replicas, leaders)
}

/// The broker among `candidates` with the fewest replicas (then the
/// lowest id).
fn least_loaded(candidates: impl Iterator<Item = i32>, load: &BTreeMap<i32, usize>) -> Option<i32> {
    candidates.min_by_key(|b| (load.get(b).copied().unwrap_or(0), *b))
}

/// The new replicas of every partition that changes.
fn plan(intent: &Intent, layout: &Layout, brokers: &[i32]) -> Result<Layout, KtError> {
    let (mut load, mut leaders) = counts(layout, brokers);
    let mut changed = Layout::new();
    match intent {
        Intent::Drain(gone) => {
            if !brokers.contains(gone) {
                return Err(KtError::new(
                    ErrorKind::NotFound,
                    format!("broker {gone} is not in the cluster (brokers: {brokers:?})"),
                ));
            }
            for (key, replicas) in layout {
                let Some(at) = replicas.iter().position(|b| b == gone) else {
                    continue;
                };
                let to = least_loaded(
                    brokers
                        .iter()
                        .copied()
                        .filter(|b| b != gone && !replicas.contains(b)),
                    &load,
                )
                .ok_or_else(|| {
                    KtError::usage(format!(
                        "{}-{} has {} replicas and the cluster has no other broker to take broker {gone}'s",
                        key.0,
                        key.1,
                        replicas.len()
                    ))
                })?;
                let mut new = replicas.clone();
                new[at] = to;
                *load.entry(to).or_default() += 1;
                *load.entry(*gone).or_default() -= 1;
                changed.insert(key.clone(), new);
            }
        }
        Intent::Add(new_brokers) => {
            if let Some(b) = new_brokers.iter().find(|b| !brokers.contains(b)) {
                return Err(KtError::new(
                    ErrorKind::NotFound,
                    format!("broker {b} is not in the cluster yet (brokers: {brokers:?}); start it first"),
                ));
            }
            let total: usize = layout.values().map(Vec::len).sum();
            let floor = total / brokers.len().max(1);
            let leader_floor = layout.len() / brokers.len().max(1);
            let mut current = layout.clone();
            for to in new_brokers {
                while load.get(to).copied().unwrap_or(0) < floor {
                    // From the most loaded other broker, a partition the new
                    // broker lacks; its leadership too while the new broker
                    // leads fewer than its share.
                    let wants_leader = leaders.get(to).copied().unwrap_or(0) < leader_floor;
                    let from = load
                        .iter()
                        .filter(|(b, _)| !new_brokers.contains(b))
                        .max_by_key(|(b, n)| (**n, -**b))
                        .map(|(b, _)| *b);
                    let Some(from) = from else { break };
                    if load.get(&from).copied().unwrap_or(0) <= floor {
                        break;
                    }
                    let pick = current
                        .iter()
                        .filter(|(_, r)| r.contains(&from) && !r.contains(to))
                        .min_by_key(|(_, r)| (r.first() == Some(&from)) != wants_leader)
                        .map(|(k, _)| k.clone());
                    let Some(key) = pick else { break };
                    let replicas = current.get_mut(&key).expect("a known partition");
                    let at = replicas.iter().position(|b| *b == from).unwrap_or(0);
                    if at == 0 {
                        *leaders.entry(from).or_default() -= 1;
                        *leaders.entry(*to).or_default() += 1;
                    }
                    replicas[at] = *to;
                    *load.entry(*to).or_default() += 1;
                    *load.entry(from).or_default() -= 1;
                    changed.insert(key, replicas.clone());
                }
            }
        }
        Intent::Factor(topic, factor) => {
            let mut any = false;
            for (key, replicas) in layout.iter().filter(|(k, _)| &k.0 == topic) {
                any = true;
                let mut new = replicas.clone();
                if *factor > brokers.len() {
                    return Err(KtError::usage(format!(
                        "--replication-factor {factor} is more than the cluster's {} brokers",
                        brokers.len()
                    )));
                }
                while new.len() < *factor {
                    let to =
                        least_loaded(brokers.iter().copied().filter(|b| !new.contains(b)), &load)
                            .expect("fewer replicas than brokers");
                    *load.entry(to).or_default() += 1;
                    new.push(to);
                }
                while new.len() > *factor {
                    if let Some(b) = new.pop() {
                        *load.entry(b).or_default() -= 1;
                    }
                }
                if &new != replicas {
                    changed.insert(key.clone(), new);
                }
            }
            if !any {
                return Err(KtError::new(
                    ErrorKind::NotFound,
                    format!("topic {topic} does not exist"),
                ));
            }
        }
    }
    Ok(changed)
}

/// Each partition's size on each broker holding it, by (topic, partition).
type Sizes = BTreeMap<(String, i32), BTreeMap<i32, i64>>;

/// Every replica's size on disk (DescribeLogDirs of every broker).
fn sizes(pool: &mut Pool) -> Result<Sizes, KtError> {
    let ids: Vec<i32> = pool.nodes.iter().map(|n| n.id).collect();
    let mut sizes = Sizes::new();
    for id in ids {
        for dir in pool.to(Some(id))?.describe_log_dirs()? {
            for r in dir.replicas {
                let size = sizes.entry((r.topic, r.partition)).or_default();
                let at = size.entry(id).or_default();
                *at = (*at).max(r.size);
            }
        }
    }
    Ok(sizes)
}

/// A partition's size: its largest replica's.
fn largest(sizes: &Sizes, key: &(String, i32)) -> i64 {
    sizes
        .get(key)
        .and_then(|s| s.values().max().copied())
        .unwrap_or(0)
}

pub(crate) fn run(
    args: &ReassignArgs,
    pool: &mut Pool,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    if args.watch && !args.execute && !wanted_plan(args) {
        return watch(pool, None, out);
    }
    let intent = intent(args)?;
    let (_, topics) = pool.to(None)?.topic_layouts(None)?;
    let mut layout = Layout::new();
    for t in topics {
        if args.topic.as_ref().is_some_and(|only| *only != t.name) {
            continue;
        }
        let Ok(parts) = t.partitions else { continue };
        for p in parts {
            layout.insert((t.name.clone(), p.partition), p.replicas);
        }
    }
    if let Some(topic) = &args.topic {
        if layout.is_empty() {
            return Err(
                KtError::new(ErrorKind::NotFound, format!("topic {topic} does not exist")).into(),
            );
        }
    }
    let brokers: Vec<i32> = pool.nodes.iter().map(|n| n.id).collect();
    let changed = plan(&intent, &layout, &brokers)?;
    let sizes = sizes(pool)?;
    let moves: Vec<Move> = changed
        .iter()
        .map(|((topic, partition), replicas)| Move::new(topic, *partition, replicas.clone()))
        .collect();
    let copy = |key: &(String, i32), new: &[i32]| -> i64 {
        let added = new
            .iter()
            .filter(|b| !layout.get(key).is_some_and(|r| r.contains(b)))
            .count();
        largest(&sizes, key) * added as i64
    };
    let total: i64 = changed.iter().map(|(k, r)| copy(k, r)).sum();
    match args.output.output {
        OutputFormat::Json => {
            let parts: Vec<(String, i32, Vec<i32>)> = changed
                .iter()
                .map(|((t, p), r)| (t.clone(), *p, r.clone()))
                .collect();
            writeln!(out, "{}", crate::reassign::reassignment_json(&parts))?;
        }
        _ => {
            let mut table =
                crate::table::new(["TOPIC", "PARTITION", "REPLICAS", "NEW REPLICAS", "COPY"]);
            for ((topic, partition), new) in &changed {
                let old = layout
                    .get(&(topic.clone(), *partition))
                    .cloned()
                    .unwrap_or_default();
                table.add_row([
                    topic.clone(),
                    partition.to_string(),
                    crate::reassign::join(&old, ","),
                    crate::reassign::join(new, ","),
                    human_bytes(copy(&(topic.clone(), *partition), new)),
                ]);
            }
            if changed.is_empty() {
                writeln!(out, "Nothing to move: the cluster already is as asked.")?;
                return Ok(());
            }
            writeln!(out, "{table}")?;
            writeln!(
                out,
                "{} partition{} to move, {} to copy.",
                changed.len(),
                if changed.len() == 1 { "" } else { "s" },
                human_bytes(total)
            )?;
        }
    }
    if !args.execute {
        if args.output.output != OutputFormat::Json && !changed.is_empty() {
            err.line("kt: a plan only: add --execute to start it (--throttle B/s limits the copy, --watch follows it)");
        }
        return Ok(());
    }
    if changed.is_empty() {
        return Ok(());
    }
    let throttle = match &args.throttle {
        Some(t) => t
            .parse::<i64>()
            .map_err(|_| KtError::usage(format!("--throttle {t}: give bytes per second")))?,
        None => -1,
    };
    crate::reassign::execute(pool, &moves, args.additional, (throttle, -1), 10_000, out)?;
    if args.watch {
        let keys: Vec<(String, i32)> = moves.iter().map(Move::key).collect();
        watch(pool, Some((&keys, total)), out)?;
        crate::reassign::clear_throttles(pool, &moves, out)?;
    }
    Ok(())
}

fn wanted_plan(args: &ReassignArgs) -> bool {
    args.drain_broker.is_some() || args.add_brokers.is_some() || args.replication_factor.is_some()
}

/// `1.5 MB`.
fn human_bytes(n: i64) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < units.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", units[unit])
    }
}

/// Follows the reassignments in progress (of `only`, with the bytes they
/// copy in all) once a second until none is left: a line each time with
/// the bytes copied, the rate and the time left.
fn watch(
    pool: &mut Pool,
    only: Option<(&[(String, i32)], i64)>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let (keys, total) = match only {
        Some((keys, total)) => (Some(keys), total),
        None => (None, 0),
    };
    let mut first: Option<(Instant, i64)> = None;
    let signals = crate::signals::Signals::install()?;
    loop {
        if let Some(signal) = signals.received() {
            return Err(KtError::new(
                signal.kind(),
                "stopped watching; the reassignment goes on (kt reassign --list shows it)",
            )
            .into());
        }
        let moving = pool
            .to(None)?
            .list_partition_reassignments(keys, 30_000)?
            .map_err(|r| KtError::broker(crate::compat::kafka_error(&r).1))?;
        if moving.is_empty() {
            writeln!(
                out,
                "Reassignment done in {:.1}s.",
                started.elapsed().as_secs_f64()
            )?;
            return Ok(());
        }
        // What the replicas being added hold so far, against their leader's.
        let sizes = sizes(pool)?;
        let (mut copied, mut left) = (0i64, 0i64);
        for r in &moving {
            let key = (r.topic.clone(), r.partition);
            let full = largest(&sizes, &key);
            for b in &r.adding {
                let have = sizes.get(&key).and_then(|s| s.get(b)).copied().unwrap_or(0);
                copied += have.min(full);
                left += (full - have).max(0);
            }
        }
        let whole = if total > 0 { total } else { copied + left };
        let done = (whole - left).max(0);
        let now = Instant::now();
        let (since, base) = *first.get_or_insert((now, done));
        let secs = now.duration_since(since).as_secs_f64();
        let rate = if secs > 0.0 {
            (done - base) as f64 / secs
        } else {
            0.0
        };
        let eta = if rate > 0.0 {
            format!("{:.0}s left", left as f64 / rate)
        } else {
            "time left unknown".to_string()
        };
        let line = format!(
            "{} partition{} moving: {} of {} copied, {}/s, {eta}",
            moving.len(),
            if moving.len() == 1 { "" } else { "s" },
            human_bytes(done),
            human_bytes(whole),
            human_bytes(rate as i64),
        );
        writeln!(out, "{line}")?;
        out.flush()?;
        // A second between looks, waking for a signal.
        for _ in 0..10 {
            if signals.received().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(parts: &[(&str, i32, &[i32])]) -> Layout {
        parts
            .iter()
            .map(|(t, p, r)| ((t.to_string(), *p), r.to_vec()))
            .collect()
    }

    #[test]
    fn a_drain_empties_the_broker_and_keeps_each_replicas_place() {
        let before = layout(&[("a", 0, &[3, 1]), ("a", 1, &[1, 3]), ("a", 2, &[1, 2])]);
        let after = plan(&Intent::Drain(3), &before, &[1, 2, 3]).unwrap();
        assert_eq!(after.len(), 2);
        assert_eq!(after[&("a".into(), 0)], vec![2, 1]);
        assert_eq!(after[&("a".into(), 1)], vec![1, 2]);
        assert!(after.values().all(|r| !r.contains(&3)));
    }

    #[test]
    fn added_brokers_get_their_share_of_replicas_and_leaders() {
        let parts: Vec<(String, i32, Vec<i32>)> = (0..6)
            .map(|p| ("t".to_string(), p, vec![1 + p % 2, 1 + (p + 1) % 2]))
            .collect();
        let before: Layout = parts.into_iter().map(|(t, p, r)| ((t, p), r)).collect();
        let after = plan(&Intent::Add(vec![3]), &before, &[1, 2, 3]).unwrap();
        let mut merged = before.clone();
        merged.extend(after);
        let (load, leaders) = counts(&merged, &[1, 2, 3]);
        assert_eq!(load.values().copied().collect::<Vec<_>>(), vec![4, 4, 4]);
        assert_eq!(leaders[&3], 2, "{merged:?}");
        assert!(merged.values().all(|r| r[0] != r[1]));
    }

    #[test]
    fn a_replication_factor_grows_onto_the_least_loaded_and_shrinks_from_the_end() {
        let before = layout(&[("t", 0, &[1]), ("t", 1, &[2]), ("u", 0, &[1, 2])]);
        let up = plan(&Intent::Factor("t".into(), 2), &before, &[1, 2, 3]).unwrap();
        assert_eq!(up[&("t".into(), 0)], vec![1, 3]);
        assert_eq!(up[&("t".into(), 1)], vec![2, 3]);
        let down = plan(&Intent::Factor("u".into(), 1), &before, &[1, 2, 3]).unwrap();
        assert_eq!(down[&("u".into(), 0)], vec![1]);
        assert!(plan(&Intent::Factor("t".into(), 4), &before, &[1, 2, 3]).is_err());
    }
}
