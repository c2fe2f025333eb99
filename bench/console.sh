#!/usr/bin/env bash
# kt produce / kt consume against librdkafka's own rdkafka_performance, side
# by side in one run on one Apache Kafka 3.9 broker (a KRaft node, loopback), same
# topic layout (one partition each), alternating, median of ROUNDS. Prints
# throughput and CPU ratios, peak RSS, and how busy the machine was.
#
#   bash bench/console.sh            # 1,000,000 records of 200 bytes, median of 3
#   N=200000 SIZE=100 ROUNDS=1 bash bench/console.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
SIZE=${SIZE:-200}
ROUNDS=${ROUNDS:-3}

cargo build --release --locked -q
kt=$PWD/target/release/kt
peer=$(bash bench/peer.sh)
source bench/lib/kafka-broker.sh

python3 - "$N" "$SIZE" "$work/data" <<'PY'
import random, sys
n, size, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(0)
line = bytes(rng.choice(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(size)) + b"\n"
with open(path, "wb") as f:
    for _ in range(n):
        f.write(line)
PY

source bench/lib/measure.sh

# Same client settings for both: librdkafka's batching, acks=all, idempotence.
common=(-X batch.size=1000000 -X linger.ms=5 -X acks=-1 -X enable.idempotence=true)
head -n "$((N / 10))" "$work/data" >"$work/small"
for r in $(seq "$ROUNDS"); do
  for t in kt peer kt-small; do
    "$kt" topics --bootstrap-server "$b" --create --topic "$t-$r" --partitions 1 >/dev/null
  done
  measure_in kt-produce "$work/data" "$kt" produce --bootstrap-server "$b" --topic "kt-$r" "${common[@]}"
  measure peer-produce "$peer" -P -t "peer-$r" -b "$b" -s "$SIZE" -c "$N" -q "${common[@]}"
  measure kt-consume "$kt" consume --bootstrap-server "$b" --topic "kt-$r" --from-beginning --max-messages "$N"
  measure peer-consume "$peer" -C -t "peer-$r" -p 0 -b "$b" -o beginning -c "$N" -q
done
# Peak RSS at a tenth of the records, to show it does not grow with the count.
measure_in kt-produce-small "$work/small" "$kt" produce --bootstrap-server "$b" --topic kt-small-1 "${common[@]}"
measure kt-consume-small "$kt" consume --bootstrap-server "$b" --topic kt-small-1 --from-beginning \
  --max-messages "$((N / 10))"

PYTHONPATH=bench/lib python3 - "$work" "$N" "$SIZE" "$ROUNDS" <<'PY'
import sys
from runs import busy, med, rss
work, n, size, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"{n} records of {size} bytes, Apache Kafka 3.9 (one KRaft node) on loopback, one partition; "
      f"medians of {rounds} alternating runs")
# busy: (client + broker CPU) / (cores x wall), near 100% when the machine,
# not the client, is the bound.
print(f"{'':10} {'kt rec/s':>12} {'peer rec/s':>12} {'ratio':>7} {'CPU kt/peer':>10} {'kt RSS MB':>10} {'RSS @ N/10':>11}"
      f" {'busy kt/peer':>13}")
for op in ("produce", "consume"):
    kt, peer = f"kt-{op}", f"peer-{op}"
    k, p = n / med(kt, 0), n / med(peer, 0)
    print(f"{op:10} {k:12.0f} {p:12.0f} {k / p:6.2f}x {med(kt, 1) / med(peer, 1):9.2f}x {rss(kt):10.1f}"
          f" {rss(f'{kt}-small'):11.1f} {100 * busy(kt):6.0f}%/{100 * busy(peer):.0f}%")
PY
