#!/usr/bin/env bash
# Instructions per record, counted by valgrind's callgrind (the same count
# whatever else the machine is doing; `perf stat -e instructions` needs a
# hardware counter that VMs often lack): `kt produce` from a file, `kt perf
# producer`, and librdkafka's own `rdkafka_performance -P`, each to
# librdkafka's mock cluster (3 brokers, in-process), with the same librdkafka
# settings (acks=-1 with idempotence, and `kt perf producer` at acks=1 too).
# Every thread counts; callgrind's cache simulation adds first- and
# last-level cache misses. Each is run at N and at N/10 records, and the
# difference divided by 0.9 N, so start-up and teardown cancel out.
#
#   bash bench/instructions.sh            # N=200000 records of 200 B
#   N=2000 bash bench/instructions.sh     # the CI smoke run
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-200000}
command -v valgrind >/dev/null || { echo "bench: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }

cargo build --release --locked -q
kt=$PWD/target/release/kt
peer=$(bash bench/peer.sh)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
small=$((N / 10))
python3 -c "
import sys
sys.stdout.buffer.write(('x' * 199 + '\n').encode() * $N)" >"$work/lines-$N"
head -n "$small" "$work/lines-$N" >"$work/lines-$small"

settings=(-X acks=-1 -X enable.idempotence=true -X linger.ms=5 -X batch.size=1000000)
acks1=(-X acks=1 -X enable.idempotence=false -X linger.ms=5 -X batch.size=1000000)
# count NAME CMD...: callgrind's totals (every thread) into $work/NAME:
# instructions, first-level cache misses and last-level misses, simulated.
count() {
  local name=$1; shift
  # --fair-sched: valgrind runs one thread at a time, and without it a
  # polling thread can starve librdkafka's until records time out.
  valgrind --tool=callgrind --cache-sim=yes --fair-sched=yes --callgrind-out-file="$work/$name.cg" \
    "$@" >/dev/null 2>"$work/$name.err" || {
    echo "bench: $name failed:" >&2; tail -3 "$work/$name.err" >&2; exit 1; }
  # events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw
  awk '/^(summary|totals):/ {print $2, $5 + $6 + $7, $8 + $9 + $10; exit}' "$work/$name.cg" >"$work/$name"
}
for n in "$small" "$N"; do
  count "produce-$n" "$kt" produce -b mock -t t "${settings[@]}" <"$work/lines-$n"
  count "perf-$n" "$kt" perf producer -b mock --topic t --num-records "$n" --record-size 200 \
    --throughput -1 "${settings[@]}"
  count "peer-$n" "$peer" -P -t t -s 200 -c "$n" -q -X test.mock.num.brokers=3 "${settings[@]}"
  count "perf-acks1-$n" "$kt" perf producer -b mock --topic t --num-records "$n" --record-size 200 \
    --throughput -1 "${acks1[@]}"
  count "peer-acks1-$n" "$peer" -P -t t -s 200 -c "$n" -q -X test.mock.num.brokers=3 "${acks1[@]}"
done

python3 - "$work" "$N" "$small" <<'PY'
import sys
work, n, small = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def per_record(name):
    big, little = ([int(x) for x in open(f"{work}/{name}-{k}").read().split()] for k in (n, small))
    return [(b - l) / (n - small) for b, l in zip(big, little)]
print(f"per record (callgrind, every thread; {n} minus {small} records of 200 B to the mock cluster, "
      f"linger.ms=5, batch.size=1000000; ratio = kt / peer, at most 1 is the target for instructions)")
print(f"{'':44} {'instructions':>12} {'ratio':>6} {'L1 misses':>10} {'LL misses':>10}")
for settings, peer_name, rows in [
        ("acks=-1, idempotence", "peer", [("kt produce (from a file)", "produce"), ("kt perf producer", "perf")]),
        ("acks=1", "peer-acks1", [("kt perf producer", "perf-acks1")])]:
    peer = per_record(peer_name)
    label = f"rdkafka_performance -P, {settings}"
    print(f"{label:44} {peer[0]:12.0f} {'':6} {peer[1]:10.1f} {peer[2]:10.1f}")
    for what, name in rows:
        v = per_record(name)
        print(f"  {what:42} {v[0]:12.0f} {v[0] / peer[0]:5.2f}x {v[1]:10.1f} {v[2]:10.1f}")
PY
