#!/usr/bin/env bash
# Every bench at full size, one after another, and their tables into the
# README (the code block after each `<!-- bench/NAME.sh -->`): the README's
# numbers are always one run of these scripts. About 25 minutes on 2 cores;
# check the README's prose against the new tables before committing.
#
#   bash bench/all.sh                  # all of them
#   bash bench/all.sh perf cluster     # some
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(kafka perf console cluster scale instructions dump-log)
for n in "${names[@]}"; do
  echo "bench: $n.sh" >&2
  bash "bench/$n.sh" | tee "$out/$n.txt"
done
python3 bench/lib/readme.py README.md "$out"
echo "bench: README.md updated" >&2
