#!/usr/bin/env bash
# kt perf producer|consumer against librdkafka's own rdkafka_performance, in
# one run on one Apache Kafka 3.9 broker (a KRaft node, loopback) and on librdkafka's
# mock cluster: the same settings for both, kt and the peer alternating,
# median of 3. Prints throughput ratio, CPU time per record ratio and peak
# RSS for each pair, and kt's peak RSS at 10,000,000 records.
#
#   bash bench/perf.sh                 # 500,000 x 200 B
#   N=100000 ROUNDS=1 bash bench/perf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-500000}
SIZE=${SIZE:-200}
ROUNDS=${ROUNDS:-3}
BIG=${BIG:-10000000}

cargo build --release --locked -q
kt=$PWD/target/release/kt
peer=$(bash bench/peer.sh)
source bench/lib/kafka-broker.sh
source bench/lib/measure.sh

for acks in -1 1; do
  idem=$([ "$acks" = -1 ] && echo true || echo false)
  settings=(-X "acks=$acks" -X "enable.idempotence=$idem" -X linger.ms=5 -X batch.size=1000000)
  t="bench-acks$acks"
  "$kt" topics --bootstrap-server "$b" --create --topic "$t" --partitions 3 >/dev/null
  for r in $(seq "$ROUNDS"); do
    measure "produce-acks$acks-kt" "$kt" perf producer --bootstrap-server "$b" --topic "$t" \
      --num-records "$N" --record-size "$SIZE" --throughput -1 "${settings[@]}"
    measure "produce-acks$acks-peer" "$peer" -P -t "$t" -b "$b" -s "$SIZE" -c "$N" -q "${settings[@]}"
    measure "mock-produce-acks$acks-kt" "$kt" perf producer --bootstrap-server mock --topic "$t" \
      --num-records "$N" --record-size "$SIZE" --throughput -1 "${settings[@]}"
    measure "mock-produce-acks$acks-peer" "$peer" -P -t "$t" -s "$SIZE" -c "$N" -q \
      -X test.mock.num.brokers=3 "${settings[@]}"
  done
done
# The topics now hold 2 x ROUNDS x N records each: consume N of them.
for r in $(seq "$ROUNDS"); do
  measure consume-kt "$kt" perf consumer --bootstrap-server "$b" --topic bench-acks-1 \
    --messages "$N" --group "kt-$r"
  measure consume-peer "$peer" -C -G "peer-$r" -t bench-acks-1 -b "$b" -c "$N" -q -X auto.offset.reset=earliest
done
measure big-kt "$kt" perf producer --bootstrap-server mock --topic big --num-records "$BIG" \
  --record-size "$SIZE" --throughput -1 -X acks=1 -X linger.ms=5 -X batch.size=1000000

PYTHONPATH=bench/lib python3 - "$work" "$N" "$SIZE" "$BIG" <<'PY'
import statistics, sys
from runs import busy, med, rss, runs
work, n, size, big = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"{n} records of {size} B, 3 partitions, median of {len(runs('consume-kt'))} alternating runs")
# broker CPU s: the broker's CPU over each side's median run; busy: (client +
# broker CPU) / (cores x wall), near 100% when the machine is the bound.
print(f"{'':24} {'kt rec/s':>11} {'peer rec/s':>11} {'ratio':>6} {'CPU/rec ratio':>14} {'kt RSS MB':>10} {'peer RSS MB':>12}"
      f" {'broker CPU s kt/peer':>21} {'busy kt/peer':>13}")
pairs = [("kafka produce acks=-1", "produce-acks-1"), ("kafka produce acks=1", "produce-acks1"),
         ("mock produce acks=-1", "mock-produce-acks-1"), ("mock produce acks=1", "mock-produce-acks1"),
         ("kafka consume", "consume")]
for label, key in pairs:
    kt_rate, peer_rate = n / med(f"{key}-kt", 0), n / med(f"{key}-peer", 0)
    cpu = med(f"{key}-kt", 1) / med(f"{key}-peer", 1)
    rss_kt, rss_peer = rss(f"{key}-kt"), rss(f"{key}-peer")
    load = (f"{med(f'{key}-kt', 3):10.2f}/{med(f'{key}-peer', 3):<10.2f}"
            f" {100 * busy(f'{key}-kt'):6.0f}%/{100 * busy(f'{key}-peer'):.0f}%") if "mock" not in key else ""
    print(f"{label:24} {kt_rate:11.0f} {peer_rate:11.0f} {kt_rate / peer_rate:5.2f}x {cpu:13.2f}x {rss_kt:10.1f} {rss_peer:12.1f} {load}")
at_n, at_big = rss("mock-produce-acks1-kt"), rss("big-kt")
print(f"kt peak RSS producing to the mock (acks=1): {at_n:.1f} MB at {n} records, {at_big:.1f} MB at {big} "
      f"({at_big / at_n:.2f}x: flat is 1)")
PY
