# Sourced by the bench scripts: Apache Kafka 3.9.2's jars (from Maven Central
# through tests/kafka/3.9/pom.xml, cached once per machine, as .ci/run and
# the test kit do) and one KRaft node on free loopback ports, stopped on exit.
# Sets: cache, libs, work (a temporary directory, removed on exit), b (the
# broker's bootstrap address), java_tool (runs an Apache tool CLASS as
# Kafka's bin scripts do); NODES=3 starts a three-node cluster instead.
cache="${KT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kt}"
libs="$cache/kafka-3.9.2/libs"
if [ ! -e "$cache/kafka-3.9.2/complete" ]; then
  mvn -q -B -f tests/kafka/3.9/pom.xml dependency:copy-dependencies -DoutputDirectory="$libs"
  touch "$cache/kafka-3.9.2/complete"
fi
work=$(mktemp -d)
broker=
trap 'if [ -n "$broker" ]; then kill $broker 2>/dev/null; wait $broker 2>/dev/null || true; fi; rm -rf "$work"' EXIT

# Apache's tools as Kafka's bin scripts run them (kafka-run-class.sh defaults).
java_tool="$work/java-tool"
cat >"$java_tool" <<JAVA
#!/bin/sh
exec java -Xmx256M -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \\
  -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \\
  -Dlog4j.configuration=file:$work/tools-log4j.properties -cp '$libs/*' "\$@"
JAVA
chmod +x "$java_tool"
printf '%s\n' 'log4j.rootLogger=WARN, stderr' \
  'log4j.appender.stderr=org.apache.log4j.ConsoleAppender' \
  'log4j.appender.stderr.layout=org.apache.log4j.PatternLayout' \
  'log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n' \
  'log4j.appender.stderr.Target=System.err' >"$work/tools-log4j.properties"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# NODES=3: three KRaft nodes (each broker and controller, a quorum of three;
# internal topics at replication factor 3); $b lists them all, $broker holds
# their pids. HEAP: each node's heap (1G).
NODES=${NODES:-1}
HEAP=${HEAP:-1G}
ports=() cports=()
for n in $(seq "$NODES"); do ports+=("$(free_port)"); cports+=("$(free_port)"); done
voters=$(for n in $(seq "$NODES"); do printf '%s@127.0.0.1:%s,' "$n" "${cports[n-1]}"; done)
voters=${voters%,}
b=$(for n in $(seq "$NODES"); do printf '127.0.0.1:%s,' "${ports[n-1]}"; done)
b=${b%,}
rf=$([ "$NODES" -ge 3 ] && echo 3 || echo 1)
broker=
for n in $(seq "$NODES"); do
  dir="$work/node$n"
  mkdir -p "$dir"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$voters
listeners=PLAINTEXT://127.0.0.1:${ports[n-1]},CONTROLLER://127.0.0.1:${cports[n-1]}
advertised.listeners=PLAINTEXT://127.0.0.1:${ports[n-1]}
controller.listener.names=CONTROLLER
log.dirs=$dir/kafka-logs
offsets.topic.replication.factor=$rf
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
${KAFKA_EXTRA_PROPS:-}
PROPS
  printf 'log4j.rootLogger=INFO, file\nlog4j.appender.file=org.apache.log4j.FileAppender\nlog4j.appender.file.File=%s\nlog4j.appender.file.layout=org.apache.log4j.PatternLayout\nlog4j.appender.file.layout.ConversionPattern=[%%d] %%p %%m (%%c)%%n\n' \
    "$dir/server.log" >"$dir/log4j.properties"
  java -Xmx256M -cp "$libs/*" -Dlog4j.configuration="file:$dir/log4j.properties" kafka.tools.StorageTool \
    format -t MkU3OEVBNTcwNTJENDM2Qg -c "$dir/server.properties" >/dev/null
  java -Xmx"$HEAP" -XX:+UseG1GC -cp "$libs/*" -Dlog4j.configuration="file:$dir/log4j.properties" \
    kafka.Kafka "$dir/server.properties" >"$dir/broker.out" 2>&1 &
  broker="$broker $!"
done
for n in $(seq "$NODES"); do
  for _ in $(seq 300); do grep -q 'Kafka Server started' "$work/node$n/server.log" 2>/dev/null && break; sleep 0.2; done
  grep -q 'Kafka Server started' "$work/node$n/server.log" || { echo "bench: Kafka node $n did not start" >&2; exit 1; }
done
