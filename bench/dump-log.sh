#!/usr/bin/env bash
# kafka-dump-log on one big segment: MB megabytes of 200-byte records (in
# batches of 16 KB, uncompressed, as a producer writes them) in one segment of an
# Apache Kafka 3.9 node (KRaft, loopback); then, alternating, median of
# ROUNDS, Apache's DumpLogSegments and kt through the same Kafka name,
# stdout to a file: the batches alone (the default), every record
# (--deep-iteration) and every key and value (--print-data-log). Both
# outputs must be the same bytes.
#
#   bash bench/dump-log.sh                    # a 1 GB segment
#   MB=20 ROUNDS=1 bash bench/dump-log.sh     # the CI smoke run
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${MB:-1024}
ROUNDS=${ROUNDS:-3}

cargo build --release --locked -q
kt=$PWD/target/release/kt
KAFKA_EXTRA_PROPS="log.segment.bytes=2147483647" source bench/lib/kafka-broker.sh
"$kt" install-aliases "$work/bin" >/dev/null 2>&1
source bench/lib/measure.sh

records=$((MB * 1024 * 1024 / 200))
"$kt" topics -b "$b" --create --topic dump --partitions 1 --replication-factor 1 >/dev/null
"$kt" perf producer -b "$b" -t dump --num-records "$records" --record-size 200 --throughput -1 \
  --producer-props compression.type=none batch.size=16384 linger.ms=5 >/dev/null
segment="$work/node1/kafka-logs/dump-0/00000000000000000000.log"
[ -s "$segment" ] || { echo "bench: no segment at $segment" >&2; exit 1; }

for r in $(seq "$ROUNDS"); do
  for mode in shallow deep data; do
    case $mode in
      shallow) flags=() ;;
      deep) flags=(--deep-iteration) ;;
      data) flags=(--print-data-log) ;;
    esac
    measure_out "$mode-apache" "$java_tool" kafka.tools.DumpLogSegments --files "$segment" "${flags[@]}"
    measure_out "$mode-kt" "$work/bin/kafka-dump-log" --files "$segment" "${flags[@]}"
    cmp -s "$work/$mode-apache.out" "$work/$mode-kt.out" || {
      echo "bench: kt's $mode dump differs from Apache's" >&2; exit 1; }
    rm -f "$work/$mode-apache.out" "$work/$mode-kt.out"
  done
done

PYTHONPATH=bench/lib python3 - "$work" "$(stat -c %s "$segment")" "$records" <<'PY'
import sys
from runs import med, rss
work, size, records = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
print(f"kafka-dump-log on one segment of {size / 1e6:.0f} MB ({records} records of 200 B, uncompressed); "
      f"medians of alternating runs; ratio = Apache / kt (above 1: kt is faster or leaner); "
      f"outputs byte-identical")
print(f"{'':34} {'Apache s':>9} {'kt s':>7} {'wall ratio':>11} {'Apache CPU s':>13} {'kt CPU s':>9} {'Apache MB':>10} {'kt MB':>7} {'RSS ratio':>10}")
for mode, what in [("shallow", "--files SEGMENT"), ("deep", "--files SEGMENT --deep-iteration"),
                   ("data", "--files SEGMENT --print-data-log")]:
    a, k = f"{mode}-apache", f"{mode}-kt"
    print(f"{what:34} {med(a,0):9.2f} {med(k,0):7.2f} {med(a,0) / med(k,0):10.1f}x "
          f"{med(a,1):13.2f} {med(k,1):9.2f} {rss(a):10.1f} {rss(k):7.1f} {rss(a) / rss(k):9.1f}x")
PY
