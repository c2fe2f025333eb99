#!/usr/bin/env bash
# Instructions per record, counted by valgrind's callgrind (the same count
# whatever else the machine is doing; `perf stat -e instructions` needs a
# hardware counter that VMs often lack): `kt produce` from a file, `kt perf
# producer`, and librdkafka's own `rdkafka_performance -P`, each to
# librdkafka's mock cluster (3 brokers, in-process), with the same librdkafka
# settings. Every thread counts. Each is run at N and at N/10 records, and the
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
# count NAME CMD...: callgrind's instruction total (Ir, every thread) into $work/NAME.
count() {
  local name=$1; shift
  # --fair-sched: valgrind runs one thread at a time, and without it a
  # polling thread can starve librdkafka's until records time out.
  valgrind --tool=callgrind --fair-sched=yes --callgrind-out-file="$work/$name.cg" "$@" >/dev/null 2>"$work/$name.err" || {
    echo "bench: $name failed:" >&2; tail -3 "$work/$name.err" >&2; exit 1; }
  awk '/^(summary|totals):/ {print $2; exit}' "$work/$name.cg" >"$work/$name"
}
for n in "$small" "$N"; do
  count "produce-$n" "$kt" produce -b mock -t t "${settings[@]}" <"$work/lines-$n"
  count "perf-$n" "$kt" perf producer -b mock --topic t --num-records "$n" --record-size 200 \
    --throughput -1 "${settings[@]}"
  count "peer-$n" "$peer" -P -t t -s 200 -c "$n" -q -X test.mock.num.brokers=3 "${settings[@]}"
done

python3 - "$work" "$N" "$small" <<'PY'
import sys
work, n, small = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def per_record(name):
    big, little = (int(open(f"{work}/{name}-{k}").read()) for k in (n, small))
    return (big - little) / (n - small)
peer = per_record("peer")
print(f"instructions per record (callgrind, every thread; {n} minus {small} records of 200 B to the mock "
      f"cluster, acks=-1, idempotence, linger.ms=5, batch.size=1000000; ratio = kt / peer, at most 1 is the target)")
print(f"  rdkafka_performance -P      {peer:8.0f}")
for label, name in [("kt produce (from a file)", "produce"), ("kt perf producer", "perf")]:
    v = per_record(name)
    print(f"  {label:27} {v:8.0f}   {v / peer:5.2f}x")
PY
