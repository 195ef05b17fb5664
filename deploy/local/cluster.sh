# shellcheck shell=bash
# The clustered local stack of `deploy/local/hotline up|down|status --cluster` (docs/operations.md,
# "Clustered local stack"): one PostgreSQL, a three-broker KRaft Kafka (replication factor 3,
# min.insync.replicas 2), Keycloak, two instances of each service, and HAProxy (Debian's package) in front of
# the HTTP APIs, with health checks on /q/health/ready, and (when one is available, as for the local stack) the
# real Asterisk with both adapters in its dialplan and their AMI links. Every port is in 16000-16999 and bound to 127.0.0.1;
# everything lives in target/cluster-stack. Sourced by deploy/local/hotline after lib.sh.

CLUSTER_BROKERS=(1 2 3)
CLUSTER_INSTANCES=(1 2)

configure_cluster() {
  STACK_NAME="cluster stack"
  STACK_DIR="${HOTLINE_CLUSTER_STACK_DIR:-$REPO_DIR/target/cluster-stack}"
  PG_PORT_VAR=HOTLINE_CLUSTER_PG_PORT
  KEYCLOAK_PORT_VAR=HOTLINE_CLUSTER_KEYCLOAK_PORT
  KEYCLOAK_MANAGEMENT_PORT_VAR=HOTLINE_CLUSTER_KEYCLOAK_MANAGEMENT_PORT
  local base="${HOTLINE_CLUSTER_PORT_BASE:-16000}"
  PG_PORT=$((base + 432))
  KEYCLOAK_PORT=$((base + 180))
  KEYCLOAK_MANAGEMENT_PORT=$((base + 190))
  # Brokers n=1..3: client port base+90+n, controller port base+190+n... kept apart from Keycloak's
  CLUSTER_KAFKA_PORT_BASE=$((base + 90))
  CLUSTER_CONTROLLER_PORT_BASE=$((base + 290))
  # The load balancer's front ports: what browsers, the adapters and tests use
  CORE_PORT=$((base + 1))
  TELEPHONY_PORT=$((base + 2))
  ROUTING_PORT=$((base + 3))
  HAPROXY_STATS_PORT=$((base + 9))
  # Instance i of a service: base+100+10*s+i (s = 0 core, 1 adapter, 2 routing); FastAGI base+573+i
  CLUSTER_SERVICE_PORT_BASE=$((base + 100))
  CLUSTER_AGI_PORT_BASE=$((base + 572))
  # Asterisk: the adapters' AMI links go to base+538, its SIP transport is base+60 (the telco's side base+70)
  CLUSTER_AMI_PORT="${HOTLINE_CLUSTER_AMI_PORT:-$((base + 538))}"
  CLUSTER_SIP_PORT=$((base + 60))
  CLUSTER_TELCO_PORT=$((base + 70))
  KAFKA_PORT=$((CLUSTER_KAFKA_PORT_BASE + 1))
  KAFKA_CONTROLLER_PORT=$((CLUSTER_CONTROLLER_PORT_BASE + 1))
  PG_DATABASES=(hotline_core hotline_routing)
  PG_EXTRA_CONF=()
  LOG_DIR="$STACK_DIR/logs"
  RUN_DIR="$STACK_DIR/run"
  PG_DATA="$STACK_DIR/pg"
  PG_LOG="$LOG_DIR/postgresql.log"
  KAFKA_HOME="$STACK_DIR/kafka"
  KEYCLOAK_HOME="$STACK_DIR/keycloak-$KEYCLOAK_VERSION"
  KEYCLOAK_URL="http://127.0.0.1:$KEYCLOAK_PORT"
  mkdir -p "$LOG_DIR" "$RUN_DIR"
}

cluster_bootstrap() {
  local n list=()
  for n in "${CLUSTER_BROKERS[@]}"; do list+=("127.0.0.1:$((CLUSTER_KAFKA_PORT_BASE + n))"); done
  (IFS=,; printf '%s' "${list[*]}")
}

cluster_voters() {
  local n list=()
  for n in "${CLUSTER_BROKERS[@]}"; do list+=("$n@127.0.0.1:$((CLUSTER_CONTROLLER_PORT_BASE + n))"); done
  (IFS=,; printf '%s' "${list[*]}")
}

# ---------------------------------------------------------------- Kafka: three brokers

cluster_kafka_config() {
  local n="$1" port=$((CLUSTER_KAFKA_PORT_BASE + $1)) cport=$((CLUSTER_CONTROLLER_PORT_BASE + $1))
  mkdir -p "$KAFKA_HOME/broker-$n"
  cat >"$KAFKA_HOME/broker-$n/server.properties" <<EOF
# Written by deploy/local/hotline up --cluster at every start.
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$(cluster_voters)
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_HOME/broker-$n/data
num.partitions=6
auto.create.topics.enable=false
default.replication.factor=3
min.insync.replicas=2
unclean.leader.election.enable=false
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
share.coordinator.state.topic.replication.factor=3
share.coordinator.state.topic.min.isr=2
group.initial.rebalance.delay.ms=0
EOF
}

cluster_kafka_start_one() {
  local n="$1" dir="$KAFKA_HOME/broker-$n"
  if running_pid "kafka-$n" >/dev/null; then
    say "Kafka broker $n: already running"
    return 0
  fi
  require_free_port "Kafka broker $n" $((CLUSTER_KAFKA_PORT_BASE + n)) HOTLINE_CLUSTER_PORT_BASE
  require_free_port "Kafka controller $n" $((CLUSTER_CONTROLLER_PORT_BASE + n)) HOTLINE_CLUSTER_PORT_BASE
  cluster_kafka_config "$n"
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    # Every node formats with the same cluster id; the quorum is the static voter list of the config.
    [[ -s "$KAFKA_HOME/cluster-id" ]] || kafka_tool kafka.tools.StorageTool random-uuid >"$KAFKA_HOME/cluster-id"
    kafka_tool kafka.tools.StorageTool format -t "$(<"$KAFKA_HOME/cluster-id")" -c "$dir/server.properties" \
      >>"$LOG_DIR/kafka-tools.log" 2>&1 || {
      show_log_tail "$LOG_DIR/kafka-tools.log"
      die "Kafka broker $n: storage format failed; see $LOG_DIR/kafka-tools.log"
    }
  fi
  say "Kafka broker $n: starting on 127.0.0.1:$((CLUSTER_KAFKA_PORT_BASE + n))"
  start_daemon "kafka-$n" "$LOG_DIR/kafka-$n.out" \
    java -Xms128m "-Xmx${HOTLINE_CLUSTER_KAFKA_HEAP:-384m}" -XX:+UseG1GC \
    -Dkafka.logs.dir="$LOG_DIR/kafka-$n" \
    -Dlog4j2.configurationFile="$DEPLOY_LOCAL/kafka-log4j2.properties" \
    -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$dir/server.properties"
}

cluster_kafka_topics_listed() {
  timeout 60 java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$DEPLOY_LOCAL/kafka-tools-log4j2.properties" \
    -cp "$KAFKA_HOME/libs/*" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$(cluster_bootstrap)" --list 2>>"$LOG_DIR/kafka-tools.log"
}

cluster_kafka_quiet() { cluster_kafka_topics_listed >/dev/null; }

cluster_kafka_start() {
  local n
  mkdir -p "$KAFKA_HOME"
  for n in "${CLUSTER_BROKERS[@]}"; do cluster_kafka_start_one "$n"; done
  wait_until "Kafka cluster" 180 "$LOG_DIR/kafka-1.out" cluster_kafka_quiet
  local existing spec topic config
  existing="$(cluster_kafka_topics_listed)" || die "the Kafka cluster does not list its topics"
  for spec in "${KAFKA_TOPICS[@]}"; do
    topic="${spec%%:*}"
    config="${spec#*:}"
    grep -qxF "$topic" <<<"$existing" && continue
    local args=(--bootstrap-server "$(cluster_bootstrap)" --create --if-not-exists --topic "$topic"
      --partitions 6 --replication-factor 3 --config min.insync.replicas=2)
    [[ -n "$config" ]] && args+=(--config "$config")
    kafka_tool org.apache.kafka.tools.TopicCommand "${args[@]}" >>"$LOG_DIR/kafka-tools.log" 2>&1 ||
      die "could not create Kafka topic $topic; see $LOG_DIR/kafka-tools.log"
    say "Kafka: created topic $topic (6 partitions, RF 3, min ISR 2${config:+, $config})"
  done
  say "Kafka cluster: ready on $(cluster_bootstrap)"
}

# ---------------------------------------------------------------- services: two of each

cluster_service_index() {
  case "$1" in hotline-core) echo 0 ;; telephony-adapter) echo 1 ;; routing) echo 2 ;; esac
}

cluster_instance_port() { echo $((CLUSTER_SERVICE_PORT_BASE + 10 * $(cluster_service_index "$1") + $2)); }

cluster_service_start() {
  local module="$1" i="$2" name="$1-$2" port jar log
  port="$(cluster_instance_port "$module" "$i")"
  jar="$(service_jar "$module")"
  log="$LOG_DIR/$name.log"
  if running_pid "$name" >/dev/null; then
    say "$name: already running on port $port"
    return 0
  fi
  [[ -f "$jar" ]] || { warn "$name: no $jar; not started"; return 1; }
  port_open "$port" && { warn "$name: port $port is in use; not started"; return 1; }
  local env_lines=()
  mapfile -t env_lines < <(service_env "$module" | sed -e "s/^QUARKUS_HTTP_PORT=.*/QUARKUS_HTTP_PORT=$port/" \
    -e "s|^HOTLINE_KAFKA_BOOTSTRAP=.*|HOTLINE_KAFKA_BOOTSTRAP=$(cluster_bootstrap)|" \
    -e "s/^HOTLINE_AGI_PORT=.*/HOTLINE_AGI_PORT=$((CLUSTER_AGI_PORT_BASE + i))/" \
    -e "s/^HOTLINE_AMI_PORT=.*/HOTLINE_AMI_PORT=$CLUSTER_AMI_PORT/")
  # A recipient's webhook on loopback (the chaos run's receiver) is plain HTTP; production takes https only.
  [[ "$module" == routing ]] && env_lines+=(ROUTING_WEBHOOK_ALLOW_PLAIN_HTTP=true)
  say "$name: starting on port $port"
  (cd "$REPO_DIR/$module" && start_daemon "$name" "$log" \
    env "${env_lines[@]}" java @"$REPO_DIR/deploy/jvm/$module.options" \
      ${HOTLINE_CLUSTER_SERVICE_HEAP:+"-Xmx$HOTLINE_CLUSTER_SERVICE_HEAP"} -jar "$jar")
  local start=$SECONDS
  until [[ "$(http_status "http://127.0.0.1:$port/q/health/ready")" == 200 ]]; do
    if ! running_pid "$name" >/dev/null; then
      show_log_tail "$log"
      warn "$name exited during start-up; see $log"
      return 1
    fi
    if ((SECONDS - start >= SERVICE_TIMEOUT * 2)); then
      warn "$name not ready after $((SERVICE_TIMEOUT * 2))s (see $log); left running for HAProxy to admit later"
      return 0
    fi
    sleep 2
  done
  say "$name: ready at http://127.0.0.1:$port"
}

# ---------------------------------------------------------------- Asterisk: one PBX, both adapters

# The local stack's PBX (lib.sh) on the cluster's ports: FastAGI to adapter 1, then adapter 2 on AGISTATUS=FAILURE,
# and the AMI port both adapters log in to.
cluster_pbx_configure() {
  PBX_AMI_PORT="$CLUSTER_AMI_PORT"
  PBX_AGI_PORT=$((CLUSTER_AGI_PORT_BASE + 1))
  PBX_AGI_PORT_2=$((CLUSTER_AGI_PORT_BASE + 2))
  PBX_AMI_SECRET="$(service_env telephony-adapter | sed -n 's/^HOTLINE_AMI_SECRET=//p' | tail -n1)"
  PBX_SIP_PORT="$CLUSTER_SIP_PORT"
  PBX_TELCO_PORT="$CLUSTER_TELCO_PORT"
}

# The chaos run's "AMI link cut": every TCP connection to Asterisk's manager port is aborted (ss -K, as a network
# cut or a firewall reset would), with Asterisk and the adapters left running; the adapters log in again themselves.
cluster_ami_cut() {
  local filter="( sport = :$CLUSTER_AMI_PORT or dport = :$CLUSTER_AMI_PORT )" cut
  running_pid asterisk >/dev/null || die "the AMI link cannot be cut: no Asterisk in this cluster stack (HOTLINE_ASTERISK_HOME)"
  cut="$(ss -H -K -t state established "$filter" 2>/dev/null | wc -l)" || die "ss -K could not abort the AMI connections"
  say "AMI link: $cut connection ends aborted on port $CLUSTER_AMI_PORT"
}

# Until every adapter instance reports its AMI link up again (/q/health/well, check "ami").
cluster_ami_relinked() {
  local i port
  for i in "${CLUSTER_INSTANCES[@]}"; do
    port="$(cluster_instance_port telephony-adapter "$i")"
    curl -s -m 5 "http://127.0.0.1:$port/q/health/well" | tr -d ' \n' | grep -q '"connected":true' || return 1
  done
}

# ---------------------------------------------------------------- HAProxy

cluster_haproxy_config() {
  local cfg="$STACK_DIR/haproxy.cfg" module i
  {
    cat <<EOF
# Written by deploy/local/hotline up --cluster. One front port per HTTP API; a back end is admitted while
# its /q/health/ready answers 200 (checked every 2 s, 2 failures out, 2 successes in).
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h
    option redispatch
    retries 2
    default-server inter 2s fall 2 rise 2
frontend stats
    bind 127.0.0.1:$HAPROXY_STATS_PORT
    stats enable
    stats uri /
EOF
    for module in "${SERVICES[@]}"; do
      cat <<EOF
frontend $module
    bind 127.0.0.1:$(service_port "$module")
    default_backend $module
backend $module
    balance roundrobin
    option httpchk GET /q/health/ready
    http-check expect status 200
EOF
      for i in "${CLUSTER_INSTANCES[@]}"; do
        printf '    server %s-%s 127.0.0.1:%s check\n' "$module" "$i" "$(cluster_instance_port "$module" "$i")"
      done
    done
  } >"$cfg"
  printf '%s' "$cfg"
}

cluster_haproxy_start() {
  apt_ensure haproxy
  command -v haproxy >/dev/null || die "HAProxy is needed for the cluster stack (apt-get install haproxy)"
  local cfg old=""
  [[ -f "$STACK_DIR/haproxy.cfg" ]] && old="$(<"$STACK_DIR/haproxy.cfg")"
  cfg="$(cluster_haproxy_config)"
  # Starting the stack again (after a fault) keeps the load balancer and its open connections.
  if running_pid haproxy >/dev/null && [[ "$(<"$cfg")" == "$old" ]]; then
    say "HAProxy: already running"
    return 0
  fi
  running_pid haproxy >/dev/null && stop_daemon haproxy 10
  haproxy -c -q -f "$cfg" || die "HAProxy rejects $cfg"
  start_daemon haproxy "$LOG_DIR/haproxy.log" haproxy -db -f "$cfg"
  say "HAProxy: core http://127.0.0.1:$CORE_PORT, adapter http://127.0.0.1:$TELEPHONY_PORT," \
    "routing http://127.0.0.1:$ROUTING_PORT (stats http://127.0.0.1:$HAPROXY_STATS_PORT)"
}

# ---------------------------------------------------------------- commands

cmd_up_cluster() {
  check_tools
  configure_cluster
  lock_stack
  say "starting the $STACK_NAME in $STACK_DIR (logs in $LOG_DIR)"
  kafka_fetch
  keycloak_fetch
  pg_start
  cluster_kafka_start
  keycloak_start
  services_build
  # The load balancer first: the services reach each other through it (HOTLINE_CORE_URL, HOTLINE_ROUTING_URL).
  cluster_haproxy_start
  cluster_pbx_configure
  pbx_start || warn "the PBX did not start; the rest of the stack goes on (no AMI link to cut)"
  local module i failed=()
  for module in "${SERVICES[@]}"; do
    for i in "${CLUSTER_INSTANCES[@]}"; do
      cluster_service_start "$module" "$i" || failed+=("$module-$i")
    done
  done
  cmd_status_cluster_body
  ((${#failed[@]} == 0)) || { warn "not running: ${failed[*]} (logs in $LOG_DIR)"; exit 1; }
}

# The chaos run's faults (deploy/local/chaos): SIGKILL of one piece, and starting it again. A piece is
# postgresql, kafka-1..3, asterisk, ami (the adapters' AMI links, cut) or <service>-1..2; PostgreSQL is stopped in
# immediate mode, its crash.
cmd_kill_cluster() {
  local name="$1" pid
  case "$name" in
    ami)
      cluster_ami_cut
      return 0
      ;;
    postgresql)
      as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir)" -m immediate -w -t 30 stop >/dev/null
      say "postgresql: stopped in immediate mode (no shutdown checkpoint, as a crash)"
      return 0
      ;;
  esac
  pid="$(running_pid "$name")" || die "$name is not running"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  rm -f "$(pid_file "$name")"
  say "$name: killed with SIGKILL (pid $pid)"
}

cmd_revive_cluster() {
  local name="$1"
  case "$name" in
    postgresql) pg_start ;;
    kafka-[123])
      local n="${name#kafka-}"
      cluster_kafka_start_one "$n"
      # shellcheck disable=SC2317 # called through wait_until
      broker_listening() { port_open $((CLUSTER_KAFKA_PORT_BASE + n)); }
      wait_until "Kafka broker $n" 180 "$LOG_DIR/$name.out" broker_listening
      say "$name: listening again"
      ;;
    hotline-core-[12] | telephony-adapter-[12] | routing-[12])
      cluster_service_start "${name%-*}" "${name##*-}" ;;
    asterisk)
      cluster_pbx_configure
      pbx_start
      wait_until "the adapters' AMI links" 120 "$LOG_DIR/telephony-adapter-1.log" cluster_ami_relinked
      ;;
    ami)
      wait_until "the adapters' AMI links" 120 "$LOG_DIR/telephony-adapter-1.log" cluster_ami_relinked
      say "ami: both adapters logged in to Asterisk again"
      ;;
    *) die "no such piece of the cluster stack: $name (postgresql, kafka-1..3, asterisk, ami, <service>-1..2)" ;;
  esac
}

cmd_down_cluster() {
  local module i n
  stop_daemon haproxy 10
  for module in routing telephony-adapter hotline-core; do
    for i in "${CLUSTER_INSTANCES[@]}"; do stop_daemon "$module-$i" 30; done
  done
  pbx_stop
  keycloak_stop
  for n in "${CLUSTER_BROKERS[@]}"; do stop_daemon "kafka-$n" 60 & done
  wait
  pg_stop
  say "$STACK_NAME stopped"
}

cmd_status_cluster_body() {
  local pg_state=stopped module i n
  pg_running && pg_state="running (pid $(head -n1 "$PG_DATA/postmaster.pid"))"
  printf '\n%s in %s (logs in %s)\n' "$STACK_NAME" "$STACK_DIR" "$LOG_DIR"
  printf '  %-20s %-22s %s\n' postgresql "$pg_state" "127.0.0.1:$PG_PORT"
  for n in "${CLUSTER_BROKERS[@]}"; do
    printf '  %-20s %-22s %s\n' "kafka-$n" "$(state_of "kafka-$n")" "127.0.0.1:$((CLUSTER_KAFKA_PORT_BASE + n))"
  done
  printf '  %-20s %-22s %s\n' keycloak "$(state_of keycloak)" "$KEYCLOAK_URL/realms/hotline" \
    haproxy "$(state_of haproxy)" "stats http://127.0.0.1:$HAPROXY_STATS_PORT"
  for module in "${SERVICES[@]}"; do
    printf '  %-20s %-22s %s\n' "$module (front)" "" "http://127.0.0.1:$(service_port "$module")"
    for i in "${CLUSTER_INSTANCES[@]}"; do
      printf '  %-20s %-22s %s\n' "  $module-$i" "$(state_of "$module-$i")" \
        "http://127.0.0.1:$(cluster_instance_port "$module" "$i")"
    done
  done
  printf '  %-20s %-22s %s\n' "FastAGI" "" "127.0.0.1:$((CLUSTER_AGI_PORT_BASE + 1)) and 127.0.0.1:$((CLUSTER_AGI_PORT_BASE + 2))" \
    asterisk "$(state_of asterisk)" "SIP 127.0.0.1:$CLUSTER_SIP_PORT, AMI 127.0.0.1:$CLUSTER_AMI_PORT"
  echo
}
