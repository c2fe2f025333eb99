//! Load: 8 concurrent `kt produce` processes of 250,000 records each into one
//! topic, read by 3 `kt consume --group` processes sharing it. Every record
//! arrives exactly once and every process exits cleanly.

use std::io::{BufRead, BufReader, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kt_testkit::wait_until;

use crate::util::*;

const PRODUCERS: usize = 8;
const PER_PRODUCER: usize = 250_000;
const CONSUMERS: usize = 3;
const PARTITIONS: i32 = 6;

/// What the consumers have seen: per record a count, per consumer the
/// sentinel rounds that reached it.
struct Seen {
    counts: Vec<u8>,
    rounds: Vec<Vec<u32>>,
    other: Vec<String>,
}

#[test]
fn eight_producers_three_group_consumers_every_record_once() {
    let b = bootstrap();
    let t = random_name("load");
    create_topic_on(&b, &t, PARTITIONS as u32);
    let group = random_name("load-group");
    let seen = Arc::new(Mutex::new(Seen {
        counts: vec![0; PRODUCERS * PER_PRODUCER],
        rounds: vec![Vec::new(); CONSUMERS],
        other: Vec::new(),
    }));
    let mut consumers = Vec::new();
    let mut readers = Vec::new();
    for c in 0..CONSUMERS {
        let mut child = spawn(
            kt_path(),
            &[
                "consume",
                "--bootstrap-server",
                &b,
                "--topic",
                &t,
                "--group",
                &group,
                "--from-beginning",
                "--timeout-ms",
                "20000",
            ],
        );
        let stdout = child.stdout.take().unwrap();
        let seen = Arc::clone(&seen);
        readers.push(std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let mut s = seen.lock().unwrap();
                if let Some(round) = line
                    .strip_prefix("sentinel-")
                    .and_then(|r| r.split('-').next())
                {
                    s.rounds[c].push(round.parse().unwrap_or(u32::MAX));
                } else if let Some((p, i)) = line.split_once('-').and_then(|(p, i)| {
                    Some((
                        p.strip_prefix('p')?.parse::<usize>().ok()?,
                        i.parse::<usize>().ok()?,
                    ))
                }) {
                    s.counts[p * PER_PRODUCER + i] =
                        s.counts[p * PER_PRODUCER + i].saturating_add(1);
                } else {
                    s.other.push(line);
                }
            }
        }));
        consumers.push(child);
    }
    // Let the group settle before the load: send a sentinel to every
    // partition until one round reaches all three consumers, so no rebalance
    // (and no redelivery it may cause) happens while records flow.
    let settled = (0..40u32).any(|round| {
        for p in 0..PARTITIONS {
            let line = format!("sentinel-{round}-{p}\n");
            let run = kt_in(
                &[
                    "produce",
                    "--bootstrap-server",
                    &b,
                    "--topic",
                    &t,
                    "--partition",
                    &p.to_string(),
                ],
                line.as_bytes(),
            );
            assert_eq!(run.code, Some(0), "{run:?}");
        }
        wait_until(Instant::now() + Duration::from_secs(3), || {
            let s = seen.lock().unwrap();
            s.rounds.iter().all(|r| r.contains(&round))
        })
    });
    assert!(
        settled,
        "the group never gave all three consumers a partition"
    );
    // The load: 8 producers at once.
    let started = Instant::now();
    let mut producers = Vec::new();
    for p in 0..PRODUCERS {
        let mut child = spawn(
            kt_path(),
            &["produce", "--bootstrap-server", &b, "--topic", &t],
        );
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            let mut w = std::io::BufWriter::new(&mut stdin);
            for i in 0..PER_PRODUCER {
                writeln!(w, "p{p}-{i:06}").unwrap();
            }
        });
        producers.push((child, writer));
    }
    let deadline = started + Duration::from_secs(400);
    for (mut child, writer) in producers {
        writer.join().unwrap();
        let done = wait_until(deadline, || child.try_wait().ok().flatten().is_some());
        if !done {
            let _ = child.kill();
        }
        let out = child.wait_with_output().unwrap();
        assert!(done, "a producer did not finish in time");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let produced_in = started.elapsed();
    // Consumers stop after 20 s without a record.
    for mut child in consumers {
        let done = wait_until(deadline + Duration::from_secs(60), || {
            child.try_wait().ok().flatten().is_some()
        });
        if !done {
            let _ = child.kill();
        }
        let out = child.wait_with_output().unwrap();
        assert!(done, "a consumer did not stop after its idle timeout");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for r in readers {
        r.join().unwrap();
    }
    let s = seen.lock().unwrap();
    let lost = s.counts.iter().filter(|c| **c == 0).count();
    let duplicated = s.counts.iter().filter(|c| **c > 1).count();
    eprintln!(
        "load: {} records from {PRODUCERS} producers in {produced_in:?}; lost {lost}, duplicated {duplicated}",
        PRODUCERS * PER_PRODUCER
    );
    assert!(
        s.other.is_empty(),
        "unexpected lines: {:?}",
        &s.other[..s.other.len().min(5)]
    );
    assert_eq!((lost, duplicated), (0, 0));
}
