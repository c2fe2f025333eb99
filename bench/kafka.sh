#!/usr/bin/env bash
# kt against Apache Kafka's own tools (and kcat) on an Apache Kafka 3.9 broker
# (single KRaft node, loopback), in one run, alternating, median of ROUNDS:
# - the notes' kafka-producer-perf-test and kafka-consumer-perf-test lines,
#   verbatim, Apache's tool vs kt through the Kafka name;
# - the console producer (LINES lines of 200 B from a file) and consumer
#   (the same records to /dev/null with --max-messages): Apache, kt and kcat;
# - start-up: `kafka-topics --list` and a one-line console producer, with
#   /usr/bin/time and again with hyperfine (Debian's package).
# Prints wall time, client CPU (user+sys) and peak RSS for each side, and
# kt's ratios against each peer.
#
#   bash bench/kafka.sh
#   N=20000 LINES=20000 ROUNDS=1 STARTS=2 bash bench/kafka.sh    # the CI smoke run
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-500000}
LINES=${LINES:-1000000}
ROUNDS=${ROUNDS:-3}
STARTS=${STARTS:-10}
command -v kcat >/dev/null || { echo "bench: kcat is missing (apt-get install kcat)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

cargo build --release --locked -q
kt=$PWD/target/release/kt
source bench/lib/kafka-broker.sh
"$kt" install-aliases "$work/bin" >/dev/null 2>&1

# measure NAME CMD...: "wall_s cpu_s max_rss_kib" appended to $work/NAME.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || {
    echo "bench: $name failed:" >&2; tail -3 "$work/err" >&2; exit 1; }
  awk '{print $1, $2 + $3, $4}' "$work/t" >>"$work/$name"
}
# measure_in NAME FILE CMD...: the same with FILE on stdin.
measure_in() {
  local name=$1 file=$2; shift 2
  measure "$name" sh -c '"$@" <"$0"' "$file" "$@"
}

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
  for side in apache kt kcat; do
    "$kt" topics -b "$b" --create --topic "console-$side-$r" --partitions 1 --replication-factor 1 >/dev/null
  done
  measure_in console-producer-apache "$work/lines" "$java_tool" kafka.tools.ConsoleProducer \
    --bootstrap-server "$b" --topic "console-apache-$r"
  measure_in console-producer-kt "$work/lines" "$work/bin/kafka-console-producer" \
    --bootstrap-server "$b" --topic "console-kt-$r"
  measure_in console-producer-kcat "$work/lines" kcat -P -b "$b" -t "console-kcat-$r"
done
for r in $(seq "$ROUNDS"); do
  measure console-consumer-apache "$java_tool" org.apache.kafka.tools.consumer.ConsoleConsumer \
    --bootstrap-server "$b" --topic "console-apache-$r" --from-beginning --max-messages "$LINES"
  measure console-consumer-kt "$work/bin/kafka-console-consumer" \
    --bootstrap-server "$b" --topic "console-kt-$r" --from-beginning --max-messages "$LINES"
  measure console-consumer-kcat kcat -C -b "$b" -t "console-kcat-$r" -o beginning -c "$LINES" -q -e
done
printf 'one\n' >"$work/one"
for r in $(seq "$STARTS"); do
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
    -n list-apache "$java_tool org.apache.kafka.tools.TopicCommand --bootstrap-server $b --list" \
    -n list-kt "$work/bin/kafka-topics --bootstrap-server $b --list" \
    -n one-line-apache "$java_tool kafka.tools.ConsoleProducer --bootstrap-server $b --topic perf <$work/one" \
    -n one-line-kt "$work/bin/kafka-console-producer --bootstrap-server $b --topic perf <$work/one" \
    >/dev/null
fi

python3 - "$work" "$N" "$LINES" "$hyper" <<'PY'
import json, statistics, sys
work, n, lines, hyper = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def runs(name):
    return [tuple(map(float, l.split())) for l in open(f"{work}/{name}")]
def med(name, i):
    # /usr/bin/time counts in 10 ms steps: a tiny run can read 0.
    return max(statistics.median(r[i] for r in runs(name)), 0.01)
def rss(name):
    return max(r[2] for r in runs(name)) / 1024
print(f"Apache Kafka 3.9.2, one KRaft node; medians of alternating runs; ratio = peer / kt "
      f"(above 1: kt is faster or leaner)")
print(f"{'':30} {'side':7} {'wall s':>8} {'CPU s':>7} {'RSS MB':>7} {'wall ratio':>11} {'CPU ratio':>10} {'RSS ratio':>10}")
rows = [("producer-perf", f"{n} x 200 B, acks=-1", ["apache"]),
        ("consumer-perf", f"{n} records", ["apache"]),
        ("console-producer", f"{lines} lines of 200 B", ["apache", "kcat"]),
        ("console-consumer", f"{lines} records to /dev/null", ["apache", "kcat"]),
        ("list", "kafka-topics --list", ["apache"]),
        ("one-line", "console producer, 1 line", ["apache"])]
for key, what, peers in rows:
    kt = f"{key}-kt"
    print(f"{key + ' (' + what + ')':30} {'kt':7} {med(kt,0):8.2f} {med(kt,1):7.2f} {rss(kt):7.1f}")
    for peer in peers:
        p = f"{key}-{peer}"
        print(f"{'':30} {peer:7} {med(p,0):8.2f} {med(p,1):7.2f} {rss(p):7.1f} "
              f"{med(p,0) / med(kt,0):10.2f}x {med(p,1) / med(kt,1):9.2f}x {rss(p) / rss(kt):9.2f}x")
if hyper:
    mean = {r["command"]: r for r in json.load(open(hyper))["results"]}
    print(f"start-up with hyperfine ({len(mean['list-kt']['times'])} runs each, mean ± σ; ratio = Apache / kt)")
    for key, what in [("list", "kafka-topics --list"), ("one-line", "console producer, 1 line")]:
        a, k = mean[f"{key}-apache"], mean[f"{key}-kt"]
        print(f"  {what:28} Apache {a['mean'] * 1000:7.1f} ± {(a['stddev'] or 0) * 1000:.1f} ms   "
              f"kt {k['mean'] * 1000:6.1f} ± {(k['stddev'] or 0) * 1000:.1f} ms   {a['mean'] / k['mean']:6.1f}x")
PY
