#!/usr/bin/env bash
# A big cluster (issue 28): three Apache Kafka 3.9 nodes (KRaft, loopback)
# holding TOPICS topics of PARTITIONS partitions at replication factor 3,
# and CONSUMER_GROUPS consumer groups with committed offsets (each on one topic's
# partitions). Every whole-cluster admin read, Apache's tool against kt
# through the same Kafka name and arguments, alternating, median of ROUNDS;
# measured first at a tenth of the topics and groups, then at all of them,
# so kt's growth shows (linear is 10x the time for 10x the cluster).
#
#   bash bench/scale.sh                                   # as big as fits
#   TOPICS=20 CONSUMER_GROUPS=20 ROUNDS=1 bash bench/scale.sh      # the CI smoke run
#
# Each node holds a replica of every partition, and a replica is an open
# file: TOPICS x PARTITIONS must stay under the open-file limit (ulimit -n,
# raised to the hard limit here). The default is 2,000 x 10 where that
# fits, else the most topics that do; the table's first line says which.
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
PARTITIONS=${PARTITIONS:-10}
fits=$(( ($(ulimit -n) - 3000) / PARTITIONS ))
TOPICS=${TOPICS:-$(( fits < 2000 ? fits : 2000 ))}
CONSUMER_GROUPS=${CONSUMER_GROUPS:-2000}
ROUNDS=${ROUNDS:-3}

cargo build --release --locked -q
kt=$PWD/target/release/kt
NODES=3 HEAP=${HEAP:-2G} source bench/lib/kafka-broker.sh
"$kt" install-aliases "$work/bin" >/dev/null 2>&1
first=${b%%,*}
source bench/lib/measure.sh

# NAME|Kafka name|Apache's class|arguments (after --bootstrap-server)
rows=(
  "topics-list|kafka-topics|org.apache.kafka.tools.TopicCommand|--list"
  "topics-describe|kafka-topics|org.apache.kafka.tools.TopicCommand|--describe"
  "topics-under-replicated|kafka-topics|org.apache.kafka.tools.TopicCommand|--describe --under-replicated-partitions"
  "topics-under-min-isr|kafka-topics|org.apache.kafka.tools.TopicCommand|--describe --under-min-isr-partitions"
  "topics-at-min-isr|kafka-topics|org.apache.kafka.tools.TopicCommand|--describe --at-min-isr-partitions"
  "topics-unavailable|kafka-topics|org.apache.kafka.tools.TopicCommand|--describe --unavailable-partitions"
  "topics-overrides|kafka-topics|org.apache.kafka.tools.TopicCommand|--describe --topics-with-overrides"
  "offsets-latest|kafka-get-offsets|org.apache.kafka.tools.GetOffsetShell|--time -1"
  "offsets-earliest|kafka-get-offsets|org.apache.kafka.tools.GetOffsetShell|--time -2"
  "offsets-max-timestamp|kafka-get-offsets|org.apache.kafka.tools.GetOffsetShell|--time -3"
  "groups-list|kafka-consumer-groups|org.apache.kafka.tools.consumer.group.ConsumerGroupCommand|--list"
  "groups-describe|kafka-consumer-groups|org.apache.kafka.tools.consumer.group.ConsumerGroupCommand|--describe --all-groups"
  "groups-members|kafka-consumer-groups|org.apache.kafka.tools.consumer.group.ConsumerGroupCommand|--describe --all-groups --members"
  "groups-state|kafka-consumer-groups|org.apache.kafka.tools.consumer.group.ConsumerGroupCommand|--describe --all-groups --state"
  "groups-reset|kafka-consumer-groups|org.apache.kafka.tools.consumer.group.ConsumerGroupCommand|--reset-offsets --all-groups --all-topics --to-latest --dry-run --timeout 60000"
  "configs-topics|kafka-configs|kafka.admin.ConfigCommand|--describe --entity-type topics"
  "configs-topics-all|kafka-configs|kafka.admin.ConfigCommand|--describe --entity-type topics --all"
  "log-dirs|kafka-log-dirs|org.apache.kafka.tools.LogDirsCommand|--describe"
  "reassign-generate|kafka-reassign-partitions|org.apache.kafka.tools.reassign.ReassignPartitionsCommand|--generate --topics-to-move-json-file $work/all-topics.json --broker-list 1,2,3"
)
# kt's own tables of the same, against Apache's tool for the same answer.
native=(
  "kt-offsets|org.apache.kafka.tools.GetOffsetShell|--time -1|offsets --time -1 -o table"
  "kt-groups|org.apache.kafka.tools.consumer.group.ConsumerGroupCommand|--describe --all-groups|groups --describe --all-groups -o table"
)

made_topics=0 made_groups=0
for step in small all; do
  if [ "$step" = small ]; then topics=$((TOPICS / 10)) groups=$((CONSUMER_GROUPS / 10)); else topics=$TOPICS groups=$CONSUMER_GROUPS; fi
  [ "$topics" -ge 1 ] && [ "$groups" -ge 1 ] || { echo "bench: TOPICS and CONSUMER_GROUPS must be 10 or more" >&2; exit 2; }
  # Four creations at a time: the controller is the bound, not kt.
  seq "$((made_topics + 1))" "$topics" | xargs -P 4 -I{} "$kt" topics -b "$b" --create \
    --topic "big-{}" --partitions "$PARTITIONS" --replication-factor 3 --timeout-ms 120000 >/dev/null
  made_topics=$topics
  # Group i commits the end of topic big-((i-1) % topics + 1), every partition.
  seq "$((made_groups + 1))" "$groups" | xargs -P 4 -I{} sh -c \
    '"$0" groups -b "$1" --reset-offsets --group "big-group-$2" --topic "big-$(( ($2 - 1) % $3 + 1 ))" --to-latest --execute --timeout 120000 >/dev/null' \
    "$kt" "$b" {} "$topics"
  made_groups=$groups
  python3 -c 'import json,sys; n=int(sys.argv[1]); print(json.dumps({"version":1,"topics":[{"topic":f"big-{i}"} for i in range(1,n+1)]}))' \
    "$topics" >"$work/all-topics.json"
  for r in $(seq "$ROUNDS"); do
    for row in "${rows[@]}"; do
      IFS='|' read -r key name class args <<<"$row"
      # shellcheck disable=SC2086 # the arguments are words
      measure "$key-apache-$step" "$java_tool" "$class" --bootstrap-server "$b" $args
      # shellcheck disable=SC2086
      measure "$key-kt-$step" "$work/bin/$name" --bootstrap-server "$b" $args
    done
    for row in "${native[@]}"; do
      IFS='|' read -r key class args ours <<<"$row"
      # shellcheck disable=SC2086
      measure "$key-apache-$step" "$java_tool" "$class" --bootstrap-server "$b" $args
      # shellcheck disable=SC2086
      measure "$key-kt-$step" "$kt" $ours -b "$b"
    done
  done
  # The brokers' own time for what the rows wait on: DescribeConfigs as
  # Apache's kafka-topics asks it (one request to one broker) and as kt does
  # (50 topics a request, spread over the brokers), DescribeLogDirs of every
  # broker, ListOffsets of every partition at each --time.
  bound() { python3 bench/lib/broker_bound.py "$@"; }
  {
    echo "configs-apache $(bound configs "$first" "$topics" 0 "$topics" "$ROUNDS")"
    echo "configs-kt $(bound configs "$b" "$topics" 0 50 "$ROUNDS")"
    echo "log-dirs $(bound log-dirs "$b" "$ROUNDS")"
    for t in -1 -2 -3; do echo "offsets$t $(bound offsets "$b" "$t" "$ROUNDS")"; done
  } >"$work/bounds-$step"
  echo "$topics $groups" >"$work/size-$step"
  # kt's answer has every partition of big-*.
  measure_out "check-$step" "$work/bin/kafka-get-offsets" --bootstrap-server "$b" --time -1
  got=$(grep -c '^big-' "$work/check-$step.out")
  [ "$got" = "$((topics * PARTITIONS))" ] || {
    echo "bench: kafka-get-offsets printed $got partitions of big-*, not $((topics * PARTITIONS))" >&2; exit 1; }
done

PYTHONPATH=bench/lib python3 - "$work" "$PARTITIONS" "${rows[@]%%|*}" "${native[@]%%|*}" <<'PY'
import sys
from runs import med, rss
work, partitions, keys = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
size = {s: tuple(map(int, open(f"{work}/size-{s}").read().split())) for s in ("small", "all")}
(t1, g1), (t2, g2) = size["small"], size["all"]
print(f"three Apache Kafka 3.9.2 nodes, {t2} topics x {partitions} partitions at RF 3 "
      f"({t2 * partitions} partitions) and {g2} groups (first {t1} topics and {g1} groups); "
      f"medians of alternating runs; ratio = Apache / kt (above 1: kt is faster or leaner)")
print(f"{'':26} {'Apache s':>9} {'kt s':>7} {'wall':>7} {'CPU':>7} {'RSS':>7} {'kt MB':>6} {'kt growth':>10}")
for key in keys:
    a, k = f"{key}-apache-all", f"{key}-kt-all"
    growth = med(k, 0) / med(f"{key}-kt-small", 0)
    print(f"{key:26} {med(a,0):9.2f} {med(k,0):7.2f} {med(a,0)/med(k,0):6.1f}x "
          f"{med(a,1)/med(k,1):6.1f}x {rss(a)/rss(k):6.1f}x {rss(k):6.1f} {growth:9.1f}x")
print(f"kt growth: kt's time at {t2} topics and {g2} groups / at {t1} and {g1} (10x is linear)")
for step, (t, g) in size.items():
    bounds = {k: (float(v), int(n)) for k, v, n in (l.split() for l in open(f"{work}/bounds-{step}"))}
    show = lambda k: f"{bounds[k][0]:.3f} s"
    print(f"{t} topics, the brokers alone: DescribeConfigs as Apache's kafka-topics asks {show('configs-apache')}, "
          f"as kt asks {show('configs-kt')}; DescribeLogDirs {show('log-dirs')}; "
          f"ListOffsets -1 {show('offsets-1')}, -2 {show('offsets-2')}, -3 {show('offsets-3')}")
PY
