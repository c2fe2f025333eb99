#!/usr/bin/env bash
# kt against Apache Kafka's own tools (and kcat) on an Apache Kafka 3.9 broker
# (single KRaft node, loopback), in one run, alternating, median of ROUNDS:
# - the notes' kafka-producer-perf-test and kafka-consumer-perf-test lines,
#   verbatim, Apache's tool vs kt through the Kafka name;
# - the console producer (LINES lines of 200 B from a file) and consumer
#   (the same records to /dev/null with --max-messages): Apache, kt and kcat;
# - kt's own `kt produce` and `kt consume --exit` (each tool at its
#   defaults) against kcat -P / kcat -C -e on the same input;
# - the notes' end-to-end latency, EndToEndLatency vs kt through the Kafka
#   name (E2E records of 200 B, acks=all): p50 and p99;
# - start-up: `kt --help`, `kafka-topics --list` and a one-line console
#   producer, with /usr/bin/time and again with hyperfine (Debian's package).
# Prints wall time, client CPU (user+sys) and peak RSS for each side, and
# kt's ratios against each peer.
#
#   bash bench/kafka.sh
#   N=2000 LINES=2000 ROUNDS=1 STARTS=1 E2E=200 bash bench/kafka.sh    # the CI smoke run
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-500000}
LINES=${LINES:-1000000}
ROUNDS=${ROUNDS:-3}
STARTS=${STARTS:-10}
E2E=${E2E:-5000}
command -v kcat >/dev/null || { echo "bench: kcat is missing (apt-get install kcat)" >&2; exit 2; }

cargo build --release --locked -q
kt=$PWD/target/release/kt
source bench/lib/kafka-broker.sh
"$kt" install-aliases "$work/bin" >/dev/null 2>&1

source bench/lib/measure.sh

"$kt" topics -b "$b" --create --topic perf --partitions 3 --replication-factor 1 >/dev/null
for r in $(seq "$ROUNDS"); do
  # The notes' lines, verbatim but for the broker.
  measure producer-perf-apache "$java_tool" org.apache.kafka.tools.ProducerPerformance --topic perf \
    --num-records "$N" --record-size 200 --throughput -1 --producer-props "bootstrap.servers=$b" acks=-1
  measure producer-perf-kt "$work/bin/kafka-producer-perf-test" --topic perf \
    --num-records "$N" --record-size 200 --throughput -1 --producer-props "bootstrap.servers=$b" acks=-1
done
for r in $(seq "$ROUNDS"); do
  measure consumer-perf-apache "$java_tool" org.apache.kafka.tools.ConsumerPerformance --broker-list "$b" \
    --fetch-size 200 --messages "$N" --topic perf --group "apache-$r"
  measure consumer-perf-kt "$work/bin/kafka-consumer-perf-test" --broker-list "$b" \
    --fetch-size 200 --messages "$N" --topic perf --group "kt-$r"
done

python3 -c "
import sys
line = ('x' * 199 + '\n').encode()
sys.stdout.buffer.write(line * $LINES)" >"$work/lines"
for r in $(seq "$ROUNDS"); do
  for side in apache kt kcat native; do
    "$kt" topics -b "$b" --create --topic "console-$side-$r" --partitions 1 --replication-factor 1 >/dev/null
  done
  measure_in console-producer-apache "$work/lines" "$java_tool" kafka.tools.ConsoleProducer \
    --bootstrap-server "$b" --topic "console-apache-$r"
  measure_in console-producer-kt "$work/lines" "$work/bin/kafka-console-producer" \
    --bootstrap-server "$b" --topic "console-kt-$r"
  measure_in console-producer-kcat "$work/lines" kcat -P -b "$b" -t "console-kcat-$r"
  measure_in produce-kt "$work/lines" "$kt" produce -b "$b" -t "console-native-$r"
done
for r in $(seq "$ROUNDS"); do
  measure console-consumer-apache "$java_tool" org.apache.kafka.tools.consumer.ConsoleConsumer \
    --bootstrap-server "$b" --topic "console-apache-$r" --from-beginning --max-messages "$LINES"
  measure console-consumer-kt "$work/bin/kafka-console-consumer" \
    --bootstrap-server "$b" --topic "console-kt-$r" --from-beginning --max-messages "$LINES"
  measure console-consumer-kcat kcat -C -b "$b" -t "console-kcat-$r" -o beginning -c "$LINES" -q -e
  measure consume-kt "$kt" consume -b "$b" -t "console-native-$r" --from-beginning --exit
done
"$kt" topics -b "$b" --create --topic e2e --partitions 1 --replication-factor 1 >/dev/null
for r in $(seq "$ROUNDS"); do
  measure_out "e2e-apache-$r" "$java_tool" kafka.tools.EndToEndLatency "$b" e2e "$E2E" all 200
  measure_out "e2e-kt-$r" "$work/bin/kafka-e2e-latency" "$b" e2e "$E2E" all 200
done
printf 'one\n' >"$work/one"
for r in $(seq "$STARTS"); do
  measure help-kt "$kt" --help
  measure list-apache "$java_tool" org.apache.kafka.tools.TopicCommand --bootstrap-server "$b" --list
  measure list-kt "$work/bin/kafka-topics" --bootstrap-server "$b" --list
  measure_in one-line-apache "$work/one" "$java_tool" kafka.tools.ConsoleProducer --bootstrap-server "$b" --topic perf
  measure_in one-line-kt "$work/one" "$work/bin/kafka-console-producer" --bootstrap-server "$b" --topic perf
done

# Start-up once more with hyperfine (its own statistics, shell time removed).
hyper=
if command -v hyperfine >/dev/null; then
  hyper="$work/hyperfine.json"
  hyperfine -S bash --runs "$STARTS" --warmup 1 --style none --export-json "$hyper" \
    -n help-kt "$kt --help" \
    -n list-apache "$java_tool org.apache.kafka.tools.TopicCommand --bootstrap-server $b --list" \
    -n list-kt "$work/bin/kafka-topics --bootstrap-server $b --list" \
    -n one-line-apache "$java_tool kafka.tools.ConsoleProducer --bootstrap-server $b --topic perf <$work/one" \
    -n one-line-kt "$work/bin/kafka-console-producer --bootstrap-server $b --topic perf <$work/one" \
    >/dev/null
fi

PYTHONPATH=bench/lib python3 - "$work" "$N" "$LINES" "$hyper" "$ROUNDS" <<'PY'
import json, re, statistics, sys
from runs import busy, med, rss, runs
work, n, lines, hyper, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
print(f"Apache Kafka 3.9.2, one KRaft node; medians of alternating runs; ratio = peer / kt "
      f"(above 1: kt is faster or leaner)")
print(f"({n} perf-test records of 200 B, {lines} console lines of 200 B)")
print(f"{'':28} {'side':7} {'wall s':>8} {'CPU s':>7} {'RSS MB':>7} {'wall ratio':>11} {'CPU ratio':>10} {'RSS ratio':>10}"
      f" {'broker CPU s':>13} {'busy':>5}")
# (label, kt's measurement, [(peer, its measurement)])
rows = [("kafka-producer-perf-test", "producer-perf-kt", [("apache", "producer-perf-apache")]),
        ("kafka-consumer-perf-test", "consumer-perf-kt", [("apache", "consumer-perf-apache")]),
        ("kafka-console-producer", "console-producer-kt",
         [("apache", "console-producer-apache"), ("kcat", "console-producer-kcat")]),
        ("kt produce (kt's defaults)", "produce-kt", [("kcat", "console-producer-kcat")]),
        ("kafka-console-consumer", "console-consumer-kt",
         [("apache", "console-consumer-apache"), ("kcat", "console-consumer-kcat")]),
        ("kt consume --exit", "consume-kt", [("kcat", "console-consumer-kcat")]),
        ("kt --help", "help-kt", []),
        ("kafka-topics --list", "list-kt", [("apache", "list-apache")]),
        ("console producer, 1 line", "one-line-kt", [("apache", "one-line-apache")])]
# broker CPU: the broker's over the median run; busy: (client + broker CPU) /
# (cores x wall), near 100% when the machine, not the client, is the bound.
load = lambda m: f"{med(m,3):13.2f} {100 * busy(m):4.0f}%"
for label, kt, peers in rows:
    print(f"{label:28} {'kt':7} {med(kt,0):8.2f} {med(kt,1):7.2f} {rss(kt):7.1f} {'':34} {load(kt)}")
    for peer, p in peers:
        print(f"{'':28} {peer:7} {med(p,0):8.2f} {med(p,1):7.2f} {rss(p):7.1f} "
              f"{med(p,0) / med(kt,0):10.2f}x {med(p,1) / med(kt,1):9.2f}x {rss(p) / rss(kt):9.2f}x {load(p)}")
def latency(side):
    # EndToEndLatency's lines: "Avg latency: 0.8740 ms" and
    # "Percentiles: 50th = 1, 99th = 3, 99.9th = 5" (whole ms, truncated).
    found = []
    for r in range(1, rounds + 1):
        text = open(f"{work}/e2e-{side}-{r}.out").read()
        avg = re.search(r"Avg latency: ([0-9.]+) ms", text)
        m = re.search(r"50th = ([0-9.]+), 99th = ([0-9.]+)", text)
        found.append((float(avg.group(1)), float(m.group(1)), float(m.group(2))))
    return [statistics.median(f[i] for f in found) for i in range(3)]
(aa, a50, a99), (ka, k50, k99) = latency("apache"), latency("kt")
# Whole milliseconds: 0 reads as half of one, so a ratio stays finite.
print(f"end-to-end latency, ms (ratio = Apache / kt): average Apache {aa:.3f}, kt {ka:.3f} "
      f"({aa / max(ka, 0.001):.2f}x); p50 Apache {a50:g}, kt {k50:g} "
      f"({max(a50, 0.5) / max(k50, 0.5):.2f}x); p99 Apache {a99:g}, kt {k99:g} "
      f"({max(a99, 0.5) / max(k99, 0.5):.2f}x)")
if hyper:
    mean = {r["command"]: r for r in json.load(open(hyper))["results"]}
    print(f"start-up with hyperfine ({len(mean['list-kt']['times'])} runs each, mean ± σ; ratio = Apache / kt)")
    k = mean["help-kt"]
    print(f"  {'kt --help':28} {'':26} kt {k['mean'] * 1000:6.1f} ± {(k['stddev'] or 0) * 1000:.1f} ms")
    for key, what in [("list", "kafka-topics --list"), ("one-line", "console producer, 1 line")]:
        a, k = mean[f"{key}-apache"], mean[f"{key}-kt"]
        print(f"  {what:28} Apache {a['mean'] * 1000:7.1f} ± {(a['stddev'] or 0) * 1000:.1f} ms   "
              f"kt {k['mean'] * 1000:6.1f} ± {(k['stddev'] or 0) * 1000:.1f} ms   {a['mean'] / k['mean']:6.1f}x")
PY
