//! Latency statistics: Kafka's own (ProducerPerformance.Stats, in ms, for
//! its exact lines) and HdrHistograms in µs for kt's percentiles.

use std::io::{self, Write};

use hdrhistogram::Histogram;
use serde::Serialize;

use super::format::java_fixed;

/// ProducerPerformance.Stats: window lines and the final line, as Kafka
/// computes them (latencies in whole ms, percentiles from a sample of at
/// most 500,000 completions).
#[derive(Debug)]
pub struct KafkaStats {
    start_ms: u64,
    window_start_ms: u64,
    sampling: u64,
    latencies: Vec<u32>,
    pub count: u64,
    pub bytes: u64,
    total_latency: u64,
    max_latency: u32,
    window_count: u64,
    window_bytes: u64,
    window_total_latency: u64,
    window_max_latency: u32,
    reporting_interval_ms: u64,
    /// "steady state " on the second final line after a warm-up.
    label: &'static str,
}

impl KafkaStats {
    pub fn new(
        num_records: u64,
        reporting_interval_ms: u64,
        now_ms: u64,
        label: &'static str,
    ) -> Self {
        let sampling = (num_records / num_records.clamp(1, 500_000)).max(1);
        KafkaStats {
            start_ms: now_ms,
            window_start_ms: now_ms,
            sampling,
            latencies: Vec::with_capacity((num_records / sampling + 1) as usize),
            count: 0,
            bytes: 0,
            total_latency: 0,
            max_latency: 0,
            window_count: 0,
            window_bytes: 0,
            window_total_latency: 0,
            window_max_latency: 0,
            reporting_interval_ms,
            label,
        }
    }

    /// One completion; returns the window line when the window is over.
    pub fn record(&mut self, latency_ms: u32, bytes: u64, now_ms: u64) -> Option<String> {
        if self.count % self.sampling == 0 {
            self.latencies.push(latency_ms);
        }
        self.count += 1;
        self.bytes += bytes;
        self.total_latency += u64::from(latency_ms);
        self.max_latency = self.max_latency.max(latency_ms);
        self.window_count += 1;
        self.window_bytes += bytes;
        self.window_total_latency += u64::from(latency_ms);
        self.window_max_latency = self.window_max_latency.max(latency_ms);
        if now_ms.saturating_sub(self.window_start_ms) >= self.reporting_interval_ms {
            let line = self.window_line(now_ms);
            self.window_start_ms = now_ms;
            self.window_count = 0;
            self.window_bytes = 0;
            self.window_total_latency = 0;
            self.window_max_latency = 0;
            return Some(line);
        }
        None
    }

    fn window_line(&self, now_ms: u64) -> String {
        let elapsed = now_ms.saturating_sub(self.window_start_ms) as f64;
        let recs = 1000.0 * self.window_count as f64 / elapsed;
        let mb = 1000.0 * self.window_bytes as f64 / elapsed / (1024.0 * 1024.0);
        format!(
            "{} records sent, {} records/sec ({} MB/sec), {} ms avg latency, {} ms max latency.",
            self.window_count,
            java_fixed(recs, 1),
            java_fixed(mb, 2),
            java_fixed(
                self.window_total_latency as f64 / self.window_count as f64,
                1
            ),
            java_fixed(f64::from(self.window_max_latency), 1)
        )
    }

    /// Kafka's final line.
    pub fn total_line(&mut self, now_ms: u64) -> String {
        let elapsed = now_ms.saturating_sub(self.start_ms) as f64;
        let recs = 1000.0 * self.count as f64 / elapsed;
        let mb = 1000.0 * self.bytes as f64 / elapsed / (1024.0 * 1024.0);
        // Kafka sorts its samples and reads four of them; selecting each
        // (in rising order, each in what is right of the last) finds the
        // same values in linear time.
        let size = self.latencies.len();
        let mut picked = [0u32; 4];
        let mut from = 0;
        for (slot, p) in [0.5, 0.95, 0.99, 0.999].iter().enumerate() {
            let at = (p * size as f64) as usize;
            if at >= size {
                continue;
            }
            let at = at.max(from);
            let (_, v, _) = self.latencies[from..].select_nth_unstable(at - from);
            picked[slot] = *v;
            from = at;
        }
        let [p50, p95, p99, p999] = picked;
        format!(
            "{} {}records sent, {} records/sec ({} MB/sec), {} ms avg latency, {} ms max latency, {} ms 50th, {} ms 95th, {} ms 99th, {} ms 99.9th.",
            self.count,
            self.label,
            java_fixed(recs, 6),
            java_fixed(mb, 2),
            java_fixed(self.total_latency as f64 / self.count as f64, 2),
            java_fixed(f64::from(self.max_latency), 2),
            p50,
            p95,
            p99,
            p999
        )
    }
}

/// A latency histogram in µs, from 1 µs to an hour, 3 significant digits.
pub fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("constant bounds are valid")
}

/// The percentiles kt reports.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Percentiles {
    pub count: u64,
    pub mean: f64,
    pub p50: u64,
    pub p90: u64,
    pub p95: u64,
    pub p99: u64,
    #[serde(rename = "p99.9")]
    pub p999: u64,
    #[serde(rename = "p99.99")]
    pub p9999: u64,
    pub max: u64,
}

impl Percentiles {
    pub fn of(h: &Histogram<u64>) -> Percentiles {
        Percentiles {
            count: h.len(),
            mean: (h.mean() * 10.0).round() / 10.0,
            p50: h.value_at_quantile(0.5),
            p90: h.value_at_quantile(0.9),
            p95: h.value_at_quantile(0.95),
            p99: h.value_at_quantile(0.99),
            p999: h.value_at_quantile(0.999),
            p9999: h.value_at_quantile(0.9999),
            max: h.max(),
        }
    }

    /// The text line, in milliseconds with µs precision (`p50 1914.879`):
    /// seven-digit microseconds are hard to read. JSON keeps µs.
    pub fn line(&self, what: &str) -> String {
        let ms = |us: u64| format!("{:.3}", us as f64 / 1000.0);
        format!(
            "{what} (ms): p50 {}, p90 {}, p95 {}, p99 {}, p99.9 {}, p99.99 {}, max {}",
            ms(self.p50),
            ms(self.p90),
            ms(self.p95),
            ms(self.p99),
            ms(self.p999),
            ms(self.p9999),
            ms(self.max)
        )
    }
}

/// HdrHistogram's classic percentile-distribution text (values in µs), for
/// plotting with HdrHistogram's tools.
pub fn write_distribution(out: &mut dyn Write, h: &Histogram<u64>) -> io::Result<()> {
    writeln!(
        out,
        "{:>12} {:>14} {:>10} {:>14}\n",
        "Value", "Percentile", "TotalCount", "1/(1-Percentile)"
    )?;
    for v in h.iter_quantiles(5) {
        let q = v.quantile_iterated_to();
        let inverse = if q < 1.0 {
            format!("{:14.2}", 1.0 / (1.0 - q))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:12.3} {:2.12} {:10} {inverse}",
            v.value_iterated_to() as f64,
            q,
            v.count_since_last_iteration()
        )?;
    }
    writeln!(
        out,
        "#[Mean    = {:12.3}, StdDeviation   = {:12.3}]",
        h.mean(),
        h.stdev()
    )?;
    writeln!(
        out,
        "#[Max     = {:12.3}, Total count    = {:12}]",
        h.max() as f64,
        h.len()
    )?;
    writeln!(
        out,
        "#[Buckets = {:12}, SubBuckets     = {:12}]",
        h.buckets(),
        h.distinct_values()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selected_percentiles_are_the_sorted_ones() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for n in [0usize, 1, 2, 3, 7, 100, 1000, 4097] {
            let mut stats = KafkaStats::new(n as u64, 5000, 0, "");
            let mut all = Vec::new();
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let latency = (seed % 50) as u32;
                all.push(latency);
                stats.record(latency, 1, 0);
            }
            all.sort_unstable();
            let at = |p: f64| all.get((p * n as f64) as usize).copied().unwrap_or(0);
            let line = stats.total_line(1000);
            let expected = format!(
                "{} ms 50th, {} ms 95th, {} ms 99th, {} ms 99.9th.",
                at(0.5),
                at(0.95),
                at(0.99),
                at(0.999)
            );
            assert!(line.ends_with(&expected), "{n}: {line} / {expected}");
        }
    }

    #[test]
    fn kafka_lines_match_the_spec_formats() {
        let mut s = KafkaStats::new(4, 5000, 0, "");
        assert!(s.record(1, 100, 10).is_none());
        assert!(s.record(3, 100, 20).is_none());
        let window = s.record(2, 100, 5000).unwrap();
        assert_eq!(window, "3 records sent, 0.6 records/sec (0.00 MB/sec), 2.0 ms avg latency, 3.0 ms max latency.");
        s.record(10, 100, 5001);
        assert_eq!(
            s.total_line(10_000),
            "4 records sent, 0.400000 records/sec (0.00 MB/sec), 4.00 ms avg latency, 10.00 ms max latency, 3 ms 50th, 10 ms 95th, 10 ms 99th, 10 ms 99.9th."
        );
    }

    #[test]
    fn no_completion_prints_nan_as_java_does() {
        let mut s = KafkaStats::new(10, 5000, 0, "");
        assert_eq!(
            s.total_line(1000),
            "0 records sent, 0.000000 records/sec (0.00 MB/sec), NaN ms avg latency, 0.00 ms max latency, 0 ms 50th, 0 ms 95th, 0 ms 99th, 0 ms 99.9th."
        );
    }

    #[test]
    fn steady_state_label() {
        let mut s = KafkaStats::new(10, 5000, 0, "steady state ");
        s.record(1, 10, 1);
        assert!(s
            .total_line(1000)
            .starts_with("1 steady state records sent, "));
    }
}
