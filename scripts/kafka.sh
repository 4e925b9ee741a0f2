#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft, loopback only) for tests and local runs.
#   bash scripts/kafka.sh start   fetches the jars from Maven Central (cached in var/kafka/libs
#                                 and ~/.m2), formats storage, starts the broker, waits until it
#                                 answers, and prints its address as the last line of stdout.
#   bash scripts/kafka.sh stop    stops it and removes its data.
# KAFKA_PORT (19092) and KAFKA_CONTROLLER_PORT (19093) move it; KAFKA_HOME (var/kafka) keeps a
# second broker's data, pid and log apart (the outage test runs its own). Progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

home="${KAFKA_HOME:-var/kafka}"
libs="var/kafka/libs" # shared by every broker home: fetched once
data="$home/data"
pidfile="$home/broker.pid"
log="$home/broker.log"
port="${KAFKA_PORT:-19092}"
controller_port="${KAFKA_CONTROLLER_PORT:-19093}"
address="127.0.0.1:$port"

say() { printf 'kafka: %s\n' "$*" >&2; }

running() { [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

fetch() {
  if [[ -f "$libs/.complete" ]]; then return; fi
  command -v java >/dev/null || { say "java is required (Java 17)"; exit 1; }
  command -v mvn >/dev/null || { say "mvn is required to fetch the broker from Maven Central"; exit 1; }
  say "fetching the Apache Kafka broker jars from Maven Central into $libs"
  rm -rf "$libs"
  mvn -q -B -f scripts/kafka/pom.xml dependency:copy-dependencies \
    -DoutputDirectory="$PWD/$libs" -DincludeScope=runtime >&2
  touch "$libs/.complete"
}

configure() {
  mkdir -p "$data"
  cat >"$home/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://$address
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$PWD/$data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
EOF
  cat >"$home/log4j.properties" <<EOF
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$PWD/$log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
EOF
}

java_opts=(-Xms128m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$PWD/$home/log4j.properties" -cp "$PWD/$libs/*")

start() {
  if running && answers; then
    say "already running (pid $(cat "$pidfile"))"
    echo "$address"
    return
  fi
  fetch
  configure
  if [[ ! -f "$data/meta.properties" ]]; then
    say "formatting KRaft storage in $data"
    java "${java_opts[@]}" kafka.tools.StorageTool format -t "$(java "${java_opts[@]}" kafka.tools.StorageTool random-uuid)" \
      -c "$home/server.properties" --ignore-formatted >&2
  fi
  say "starting the broker on $address"
  : >"$log"
  nohup java "${java_opts[@]}" kafka.Kafka "$home/server.properties" >>"$log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 120); do
    if answers && grep -q "Kafka Server started\|\[KafkaRaftServer nodeId=1\] Kafka Server started" "$log"; then
      say "ready"
      echo "$address"
      return
    fi
    if ! running; then break; fi
    sleep 0.5
  done
  say "the broker did not come up within 60 s; last lines of $log:"
  tail -n 30 "$log" >&2 || true
  stop_broker
  exit 1
}

stop_broker() {
  if running; then
    local pid
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop)
    stop_broker
    rm -rf "$data"
    say "stopped"
    ;;
  # Stops the process but keeps its data: the outage test restarts the same broker.
  pause) stop_broker; say "paused (data kept)" ;;
  *) echo "usage: bash scripts/kafka.sh start|stop|pause" >&2; exit 2 ;;
esac
