#!/usr/bin/env bash
# kt produce / kt consume against librdkafka's own rdkafka_performance, side
# by side in one run on one Apache Kafka 3.9 broker (a KRaft node, loopback), same
# topic layout (one partition each). Prints throughput ratios and peak RSS.
#
#   bash bench/console.sh            # 1,000,000 records of 200 bytes
#   N=200000 SIZE=100 bash bench/console.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
SIZE=${SIZE:-200}

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

# Same client settings for both: librdkafka's batching, acks=all, idempotence.
common=(-X batch.size=1000000 -X linger.ms=5 -X acks=-1 -X enable.idempotence=true)
for t in kt-bench kt-small peer-bench; do
  "$kt" topics --bootstrap-server "$b" --create --topic "$t" --partitions 1 >/dev/null
done

# run NAME CMD...: wall seconds and peak RSS (KiB) into $work/NAME.
run() {
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f %M -o "$work/$name.rss" "$@"
  end=$(date +%s.%N)
  echo "$start $end" >"$work/$name.wall"
}

run kt-produce "$kt" produce --bootstrap-server "$b" --topic kt-bench "${common[@]}" <"$work/data"
run peer-produce "$peer" -P -t peer-bench -b "$b" -s "$SIZE" -c "$N" -q "${common[@]}" >/dev/null 2>&1
run kt-consume "$kt" consume --bootstrap-server "$b" --topic kt-bench --from-beginning --max-messages "$N" >/dev/null 2>&1
run peer-consume "$peer" -C -t peer-bench -p 0 -b "$b" -o beginning -c "$N" -q >/dev/null 2>&1
# Peak RSS at a tenth of the records, to show it does not grow with the count.
head -n "$((N / 10))" "$work/data" >"$work/small"
run kt-produce-small "$kt" produce --bootstrap-server "$b" --topic kt-small "${common[@]}" <"$work/small"
run kt-consume-small "$kt" consume --bootstrap-server "$b" --topic kt-small --from-beginning --max-messages "$((N / 10))" >/dev/null 2>&1

python3 - "$work" "$N" "$SIZE" <<'PY'
import sys
work, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def wall(name):
    a, b = open(f"{work}/{name}.wall").read().split()
    return float(b) - float(a)
def rss(name):
    return int(open(f"{work}/{name}.rss").read().split()[-1]) / 1024
print(f"{n} records of {size} bytes, Apache Kafka 3.9 (one KRaft node) on loopback, one partition")
print(f"{'':10} {'kt rec/s':>12} {'peer rec/s':>12} {'ratio':>7} {'kt RSS MB':>10} {'RSS @ N/10':>11}")
for op in ("produce", "consume"):
    k, p = n / wall(f"kt-{op}"), n / wall(f"peer-{op}")
    print(f"{op:10} {k:12.0f} {p:12.0f} {k / p:6.2f}x {rss(f'kt-{op}'):10.1f} {rss(f'kt-{op}-small'):11.1f}")
PY
