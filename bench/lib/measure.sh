# Sourced by the bench scripts (after kafka-broker.sh, which sets $work):
# one run of a command under /usr/bin/time, failing the bench with the
# command's last lines when it fails.
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

# measure_out NAME CMD...: "wall_s cpu_s max_rss_kib" appended to $work/NAME,
# stdout kept in $work/NAME.out.
measure_out() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >"$work/$name.out" 2>"$work/err" || {
    echo "bench: $name failed:" >&2; tail -3 "$work/err" >&2; exit 1; }
  awk '{print $1, $2 + $3, $4}' "$work/t" >>"$work/$name"
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
