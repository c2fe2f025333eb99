#!/usr/bin/env bash
# kt against Apache Kafka's own tools (and kcat) on an Apache Kafka 3.9 broker
# (single KRaft node, loopback), in one run, alternating, median of ROUNDS:
# - the notes' kafka-producer-perf-test and kafka-consumer-perf-test lines,
#   verbatim, Apache's tool vs kt through the Kafka name;
# - the console producer (LINES lines of 200 B from a file) and consumer
#   (the same records to /dev/null with --max-messages): Apache, kt and kcat;
# - start-up: `kafka-topics --list` and a one-line console producer.
# Prints wall time, client CPU (user+sys) and peak RSS for each side, and
# kt's ratios against each peer.
#
#   bash bench/kafka.sh
#   N=20000 LINES=20000 ROUNDS=1 STARTS=2 bash bench/kafka.sh    # the CI smoke run
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-500000}
LINES=${LINES:-1000000}
ROUNDS=${ROUNDS:-3}
STARTS=${STARTS:-10}
cache="${KT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kt}"
libs="$cache/kafka-3.9.2/libs"
if [ ! -e "$cache/kafka-3.9.2/complete" ]; then
  mvn -q -B -f tests/kafka/3.9/pom.xml dependency:copy-dependencies -DoutputDirectory="$libs"
  touch "$cache/kafka-3.9.2/complete"
fi
command -v kcat >/dev/null || { echo "bench: kcat is missing (apt-get install kcat)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

cargo build --release --locked -q
kt=$PWD/target/release/kt
work=$(mktemp -d)
"$kt" install-aliases "$work/bin" >/dev/null 2>&1

# Apache's tools as Kafka's bin scripts run them (kafka-run-class.sh defaults).
java_tool="$work/java-tool"
cat >"$java_tool" <<EOF
#!/bin/sh
exec java -Xmx256M -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \\
  -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \\
  -Dlog4j.configuration=file:$work/tools-log4j.properties -cp '$libs/*' "\$@"
EOF
chmod +x "$java_tool"
printf '%s\n' 'log4j.rootLogger=WARN, stderr' \
  'log4j.appender.stderr=org.apache.log4j.ConsoleAppender' \
  'log4j.appender.stderr.layout=org.apache.log4j.PatternLayout' \
  'log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n' \
  'log4j.appender.stderr.Target=System.err' >"$work/tools-log4j.properties"

# The broker: one KRaft node on free ports.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
cport=$(free_port)
b="127.0.0.1:$port"
cat >"$work/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://$b,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://$b
controller.listener.names=CONTROLLER
log.dirs=$work/data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
printf 'log4j.rootLogger=INFO, file\nlog4j.appender.file=org.apache.log4j.FileAppender\nlog4j.appender.file.File=%s\nlog4j.appender.file.layout=org.apache.log4j.PatternLayout\nlog4j.appender.file.layout.ConversionPattern=[%%d] %%p %%m (%%c)%%n\n' \
  "$work/server.log" >"$work/log4j.properties"
java -Xmx256M -cp "$libs/*" -Dlog4j.configuration="file:$work/log4j.properties" kafka.tools.StorageTool \
  format -t MkU3OEVBNTcwNTJENDM2Qg -c "$work/server.properties" >/dev/null
java -Xmx1G -XX:+UseG1GC -cp "$libs/*" -Dlog4j.configuration="file:$work/log4j.properties" \
  kafka.Kafka "$work/server.properties" >"$work/broker.out" 2>&1 &
broker=$!
trap 'kill $broker 2>/dev/null; wait $broker 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 300); do grep -q 'Kafka Server started' "$work/server.log" 2>/dev/null && break; sleep 0.2; done
grep -q 'Kafka Server started' "$work/server.log" || { echo "bench: Kafka did not start" >&2; exit 1; }

# measure NAME CMD...: "wall_s cpu_s max_rss_kib" appended to $work/NAME.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || {
    echo "bench: $name failed:" >&2; tail -3 "$work/err" >&2; exit 1; }
  awk '{print $1, $2 + $3, $4}' "$work/t" >>"$work/$name"
}
# measure_in NAME FILE CMD...: the same with FILE on stdin.
measure_in() {
  local name=$1 file=$2; shift 2
  measure "$name" sh -c '"$@" <"$0"' "$file" "$@"
}

"$kt" topics -b "$b" --create --topic perf --partitions 3 --replication-factor 1 >/dev/null
for r in $(seq "$ROUNDS"); do
  # The notes' lines, verbatim but for the broker.
  measure producer-perf-apache "$java_tool" org.apache.kafka.tools.ProducerPerformance --topic perf \
    --num-records "$N" --record-size 200 --throughput -1 --producer-props "bootstrap.servers=$b" acks=-1
  measure producer-perf-kt "$work/bin/kafka-producer-perf-test" --topic perf \
    --num-records "$N" --record-size 200 --throughput -1 --producer-props "bootstrap.servers=$b" acks=-1
done
for r in $(seq "$ROUNDS"); do
  measure consumer-perf-apache "$java_tool" org.apache.kafka.tools.ConsumerPerformance --broker-list "$b" \
    --fetch-size 200 --messages "$N" --topic perf --group "apache-$r"
  measure consumer-perf-kt "$work/bin/kafka-consumer-perf-test" --broker-list "$b" \
    --fetch-size 200 --messages "$N" --topic perf --group "kt-$r"
done

python3 -c "
import sys
line = ('x' * 199 + '\n').encode()
sys.stdout.buffer.write(line * $LINES)" >"$work/lines"
for r in $(seq "$ROUNDS"); do
  for side in apache kt kcat; do
    "$kt" topics -b "$b" --create --topic "console-$side-$r" --partitions 1 --replication-factor 1 >/dev/null
  done
  measure_in console-producer-apache "$work/lines" "$java_tool" kafka.tools.ConsoleProducer \
    --bootstrap-server "$b" --topic "console-apache-$r"
  measure_in console-producer-kt "$work/lines" "$work/bin/kafka-console-producer" \
    --bootstrap-server "$b" --topic "console-kt-$r"
  measure_in console-producer-kcat "$work/lines" kcat -P -b "$b" -t "console-kcat-$r"
done
for r in $(seq "$ROUNDS"); do
  measure console-consumer-apache "$java_tool" org.apache.kafka.tools.consumer.ConsoleConsumer \
    --bootstrap-server "$b" --topic "console-apache-$r" --from-beginning --max-messages "$LINES"
  measure console-consumer-kt "$work/bin/kafka-console-consumer" \
    --bootstrap-server "$b" --topic "console-kt-$r" --from-beginning --max-messages "$LINES"
  measure console-consumer-kcat kcat -C -b "$b" -t "console-kcat-$r" -o beginning -c "$LINES" -q -e
done
printf 'one\n' >"$work/one"
for r in $(seq "$STARTS"); do
  measure list-apache "$java_tool" org.apache.kafka.tools.TopicCommand --bootstrap-server "$b" --list
  measure list-kt "$work/bin/kafka-topics" --bootstrap-server "$b" --list
  measure_in one-line-apache "$work/one" "$java_tool" kafka.tools.ConsoleProducer --bootstrap-server "$b" --topic perf
  measure_in one-line-kt "$work/one" "$work/bin/kafka-console-producer" --bootstrap-server "$b" --topic perf
done

python3 - "$work" "$N" "$LINES" <<'PY'
import statistics, sys
work, n, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def runs(name):
    return [tuple(map(float, l.split())) for l in open(f"{work}/{name}")]
def med(name, i):
    # /usr/bin/time counts in 10 ms steps: a tiny run can read 0.
    return max(statistics.median(r[i] for r in runs(name)), 0.01)
def rss(name):
    return max(r[2] for r in runs(name)) / 1024
print(f"Apache Kafka 3.9.2, one KRaft node; medians of alternating runs; ratio = peer / kt "
      f"(above 1: kt is faster or leaner)")
print(f"{'':30} {'side':7} {'wall s':>8} {'CPU s':>7} {'RSS MB':>7} {'wall ratio':>11} {'CPU ratio':>10} {'RSS ratio':>10}")
rows = [("producer-perf", f"{n} x 200 B, acks=-1", ["apache"]),
        ("consumer-perf", f"{n} records", ["apache"]),
        ("console-producer", f"{lines} lines of 200 B", ["apache", "kcat"]),
        ("console-consumer", f"{lines} records to /dev/null", ["apache", "kcat"]),
        ("list", "kafka-topics --list", ["apache"]),
        ("one-line", "console producer, 1 line", ["apache"])]
for key, what, peers in rows:
    kt = f"{key}-kt"
    print(f"{key + ' (' + what + ')':30} {'kt':7} {med(kt,0):8.2f} {med(kt,1):7.2f} {rss(kt):7.1f}")
    for peer in peers:
        p = f"{key}-{peer}"
        print(f"{'':30} {peer:7} {med(p,0):8.2f} {med(p,1):7.2f} {rss(p):7.1f} "
              f"{med(p,0) / med(kt,0):10.2f}x {med(p,1) / med(kt,1):9.2f}x {rss(p) / rss(kt):9.2f}x")
PY
