# Sourced by the bench scripts (after kafka-broker.sh, which sets $work and
# $broker): one run of a command under /usr/bin/time, failing the bench with
# the command's last lines when it fails.
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

# broker_cpu: the broker JVMs' CPU time so far (user+sys), in clock ticks
# ($broker holds one pid, or a cluster's, separated by spaces).
broker_cpu() {
  local total=0 p
  for p in ${broker:-}; do
    [ -r "/proc/$p/stat" ] || continue
    # Fields 14 and 15 after the command name, which may hold spaces.
    total=$((total + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}
ticks=$(getconf CLK_TCK)

# measure_out NAME CMD...: "wall_s cpu_s max_rss_kib broker_cpu_s" appended
# to $work/NAME, stdout kept in $work/NAME.out. The broker's CPU over the run
# shows where a client that waits spends its time: on 2 cores, client CPU +
# broker CPU near 2 x wall means the machine, not the client, is the bound.
measure_out() {
  local name=$1; shift
  local before after
  before=$(broker_cpu)
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >"$work/$name.out" 2>"$work/err" || {
    echo "bench: $name failed:" >&2; tail -3 "$work/err" >&2; exit 1; }
  after=$(broker_cpu)
  awk -v b=$((after - before)) -v hz="$ticks" '{print $1, $2 + $3, $4, b / hz}' "$work/t" >>"$work/$name"
}
# measure NAME CMD...: the same, stdout dropped.
measure() {
  measure_out "$@"
  rm -f "$work/$1.out"
}
# measure_in NAME FILE CMD...: the same with FILE on stdin.
measure_in() {
  local name=$1 file=$2; shift 2
  measure "$name" sh -c '"$@" <"$0"' "$file" "$@"
}
