#!/usr/bin/env bash
# A big cluster's metadata: TOPICS topics of 5 partitions each on one Apache
# Kafka 3.9 node (KRaft, loopback), and on it `kafka-topics --list`,
# `kafka-topics --describe` (every topic) and `kafka-get-offsets --time -1`
# (every partition), Apache's TopicCommand / GetOffsetShell against kt through
# the same Kafka names, alternating, median of ROUNDS. Measured first at a
# tenth of the topics, then at all of them, so kt's growth shows (linear is
# 10x the time for 10x the topics).
#
#   bash bench/cluster.sh                          # 200 then 2,000 topics
#   TOPICS=40 ROUNDS=1 bash bench/cluster.sh       # the CI smoke run
set -euo pipefail
cd "$(dirname "$0")/.."
TOPICS=${TOPICS:-2000}
ROUNDS=${ROUNDS:-3}

cargo build --release --locked -q
kt=$PWD/target/release/kt
source bench/lib/kafka-broker.sh
"$kt" install-aliases "$work/bin" >/dev/null 2>&1

source bench/lib/measure.sh

created=0
for count in $((TOPICS / 10)) "$TOPICS"; do
  # Two creations at a time: the node's controller is the bound, not kt.
  seq "$((created + 1))" "$count" | xargs -P 2 -I{} "$kt" topics -b "$b" --create \
    --topic "big-{}" --partitions 5 --replication-factor 1 >/dev/null
  created=$count
  for r in $(seq "$ROUNDS"); do
    measure "list-apache-$count" "$java_tool" org.apache.kafka.tools.TopicCommand --bootstrap-server "$b" --list
    measure "list-kt-$count" "$work/bin/kafka-topics" --bootstrap-server "$b" --list
    measure "describe-apache-$count" "$java_tool" org.apache.kafka.tools.TopicCommand --bootstrap-server "$b" --describe
    measure "describe-kt-$count" "$work/bin/kafka-topics" --bootstrap-server "$b" --describe
    measure "offsets-apache-$count" "$java_tool" org.apache.kafka.tools.GetOffsetShell --bootstrap-server "$b" --time -1
    measure_out "offsets-kt-$count" "$work/bin/kafka-get-offsets" --bootstrap-server "$b" --time -1
  done
  # The broker's own time for the DescribeConfigs requests --describe waits
  # on: Apache's (one request, no synonyms) and kt's (50 topics a request,
  # CONFIG_CHUNK in crates/kt/topics/describe.rs, no synonyms).
  python3 bench/lib/broker_bound.py configs "$b" "$count" 0 "$count" "$ROUNDS" >"$work/configs-apache-$count"
  python3 bench/lib/broker_bound.py configs "$b" "$count" 0 50 "$ROUNDS" >"$work/configs-kt-$count"
  # kt's answer has every partition (5 per topic, and __consumer_offsets' if present).
  got=$(grep -c '^big-' "$work/offsets-kt-$count.out")
  [ "$got" = "$((count * 5))" ] || {
    echo "bench: kafka-get-offsets printed $got partitions of big-*, not $((count * 5))" >&2; exit 1; }
done

PYTHONPATH=bench/lib python3 - "$work" "$TOPICS" <<'PY'
import statistics, sys
from runs import med, rss, runs
work, topics = sys.argv[1], int(sys.argv[2])
small = topics // 10
print(f"one Apache Kafka 3.9.2 node with {small} and then {topics} topics of 5 partitions; "
      f"medians of alternating runs; ratio = Apache / kt (above 1: kt is faster or leaner)")
print(f"{'':28} {'topics':>6} {'Apache s':>9} {'kt s':>7} {'wall ratio':>11} {'Apache MB':>10} {'kt MB':>7} {'RSS ratio':>10}")
for key, what in [("list", "kafka-topics --list"), ("describe", "kafka-topics --describe"),
                  ("offsets", "kafka-get-offsets --time -1")]:
    for count in (small, topics):
        a, k = f"{key}-apache-{count}", f"{key}-kt-{count}"
        print(f"{what:28} {count:6} {med(a,0):9.2f} {med(k,0):7.2f} {med(a,0) / med(k,0):10.1f}x "
              f"{rss(a):10.1f} {rss(k):7.1f} {rss(a) / rss(k):9.1f}x")
    growth = med(f"{key}-kt-{topics}", 0) / med(f"{key}-kt-{small}", 0)
    print(f"{'':28} kt's time at {topics} / at {small} topics: {growth:.1f}x (10x is linear)")
    if key == "describe":
        for count in (small, topics):
            (a_s, a_b), (k_s, k_b) = (open(f"{work}/configs-{side}-{count}").read().split() for side in ("apache", "kt"))
            print(f"{'':28} {count} topics, the broker alone: Apache's DescribeConfigs {float(a_s):.3f} s "
                  f"({int(a_b) / 1e6:.1f} MB), kt's {float(k_s):.3f} s ({int(k_b) / 1e6:.1f} MB); "
                  f"Apache's wall / 10 = {med(f'describe-apache-{count}', 0) / 10:.3f} s")
PY
