# shellcheck shell=bash
# Functions for deploy/local/hotline: a private PostgreSQL, a KRaft Kafka
# broker, Keycloak and the three services, without a container engine.
# Sourced, not run. The entry script sets the settings these functions read
# (STACK_DIR, LOG_DIR, RUN_DIR, the ports, versions and paths).

# ---------------------------------------------------------------- messages

say() { printf '[hotline] %s\n' "$*"; }
warn() { printf '[hotline] WARNING: %s\n' "$*" >&2; }
die() {
  printf '[hotline] ERROR: %s\n' "$*" >&2
  exit 1
}

# Prints the last lines of each given log that has content.
show_log_tail() {
  local log
  for log in "$@"; do
    if [[ -s "$log" ]]; then
      printf -- '----- last lines of %s -----\n' "$log" >&2
      tail -n 25 "$log" >&2
      printf -- '-----\n' >&2
    fi
  done
}

# ---------------------------------------------------------------- probes

# True when something accepts TCP connections on 127.0.0.1:<port>.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# HTTP status code of a GET, 000 when nothing answers.
http_status() {
  curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true
}

# wait_until <what> <timeout s> <log> <command...>
# Runs the command once a second until it succeeds; on timeout shows the log
# and names it.
wait_until() {
  local what="$1" limit="$2" log="$3"
  shift 3
  local start=$SECONDS
  until "$@"; do
    if ((SECONDS - start >= limit)); then
      show_log_tail "$log"
      die "$what not ready after ${limit}s; see $log"
    fi
    sleep 1
  done
}

# Fails early, with the variable to change, when a port is taken.
require_free_port() {
  local what="$1" port="$2" var="$3"
  if port_open "$port"; then
    die "$what: port $port is already in use by another process; set $var to a free port"
  fi
}

# ---------------------------------------------------------------- processes

pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }

# Prints the pid of a daemon this stack started, if it still runs. Each
# daemon carries HOTLINE_STACK_DIR in its environment, so a reused pid or
# another stack's daemon is never taken for ours.
running_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(<"$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qxF "HOTLINE_STACK_DIR=$STACK_DIR" || return 1
  printf '%s' "$pid"
}

# start_daemon <name> <log> <command...>
# Runs the command in a session of its own (Ctrl-C on the caller does not
# reach it; it stops as one process group) and records its pid.
start_daemon() {
  local name="$1" log="$2"
  shift 2
  local file
  file="$(pid_file "$name")"
  rm -f "$file"
  printf '\n===== %s: deploy/local/hotline starts %s =====\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" >>"$log"
  # The daemon must not inherit the stack's lock (fd 9).
  # shellcheck disable=SC2016 # $0, $$ and $@ belong to the inner shell
  HOTLINE_STACK_DIR="$STACK_DIR" setsid bash -c 'echo $$ >"$0"; exec "$@"' "$file" "$@" \
    </dev/null >>"$log" 2>&1 9>&- &
  local tries=0
  while [[ ! -s "$file" ]] && ((tries < 100)); do
    sleep 0.1
    tries=$((tries + 1))
  done
  [[ -s "$file" ]] || die "$name did not start; see $log"
}

# stop_daemon <name> <grace s>: TERM to its process group, KILL after grace.
stop_daemon() {
  local name="$1" grace="$2" pid
  if ! pid="$(running_pid "$name")"; then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  say "stopping $name (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local start=$SECONDS
  while kill -0 -- "-$pid" 2>/dev/null; do
    if ((SECONDS - start >= grace)); then
      warn "$name did not stop within ${grace}s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  rm -f "$(pid_file "$name")"
}

# Dies, showing its logs, when a daemon we started has exited.
alive_or_die() {
  local name="$1"
  shift
  # A daemon that execs is briefly unreadable in /proc (Keycloak's kc.sh after its build step, on a loaded
  # machine `up` took a starting Keycloak for dead): look once more before giving up.
  if ! running_pid "$name" >/dev/null && ! { sleep 2 && running_pid "$name" >/dev/null; }; then
    show_log_tail "$@"
    die "$name exited during start-up; see $*"
  fi
}

# ---------------------------------------------------------------- Maven

# Maven run that fetches the stack's own pieces (never the project build).
mvn_fetch() {
  local log="$LOG_DIR/fetch.log"
  if ! mvn -B -ntp -f "$DEPLOY_LOCAL/stack-pom.xml" "$@" >>"$log" 2>&1; then
    show_log_tail "$log"
    die "Maven could not fetch what the stack needs; see $log"
  fi
}

# ---------------------------------------------------------------- PostgreSQL

# initdb and postgres refuse to run as root: root runs them as 'postgres'.
as_pg() {
  if ((EUID == 0)); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The cluster lives in <stack>/pg. When root runs the stack in a folder the
# postgres user cannot reach (under /root, say), the cluster goes to
# /var/tmp/hotline-pg and <stack>/pg links to it.
pg_prepare_dir() {
  if ((EUID != 0)); then
    mkdir -p "$PG_DATA"
    chmod 700 "$PG_DATA"
    return
  fi
  id postgres >/dev/null 2>&1 ||
    die "as root, PostgreSQL runs as the 'postgres' OS user, which does not exist (Debian's postgresql packages create it)"
  if [[ ! -e "$PG_DATA" ]]; then
    if runuser -u postgres -- test -x "$STACK_DIR"; then
      mkdir -p "$PG_DATA"
    else
      local elsewhere
      elsewhere="/var/tmp/hotline-pg/$(printf '%s' "$STACK_DIR" | md5sum | cut -c1-12)"
      warn "user postgres cannot reach $STACK_DIR; the cluster goes to $elsewhere (linked from $PG_DATA)"
      mkdir -p "$elsewhere"
      chmod 755 /var/tmp/hotline-pg
      ln -s "$elsewhere" "$PG_DATA"
    fi
  fi
  chown postgres: "$(pg_dir)"
  chmod 700 "$(pg_dir)"
}

# The cluster's real folder (what PG_DATA links to, if it is a link): the
# postgres user may not be able to follow the link.
pg_dir() { readlink -f "$PG_DATA"; }

pg_psql() {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; }

pg_running() {
  [[ -f "$PG_DATA/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir)" status >/dev/null 2>&1
}

pg_start() {
  [[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL binaries not found in $PG_BIN (set HOTLINE_PG_BIN)"
  pg_prepare_dir
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    say "PostgreSQL: creating the cluster in $PG_DATA"
    # Trust on loopback only: a private developer cluster, never a server.
    as_pg "$PG_BIN/initdb" -D "$(pg_dir)" -U postgres -E UTF8 --locale=C.UTF-8 --auth=trust \
      >>"$PG_LOG" 2>&1 || {
      show_log_tail "$PG_LOG"
      die "initdb failed; see $PG_LOG"
    }
    printf '%s\n' "# --- hotline local stack ---" \
      "listen_addresses = '127.0.0.1'" \
      "unix_socket_directories = ''" \
      "max_connections = 300" \
      "timezone = 'UTC'" \
      "${PG_EXTRA_CONF[@]}" | as_pg tee -a "$(pg_dir)/postgresql.conf" >/dev/null
  fi
  if pg_running; then
    say "PostgreSQL: already running"
  else
    require_free_port PostgreSQL "$PG_PORT" "$PG_PORT_VAR"
    say "PostgreSQL: starting on 127.0.0.1:$PG_PORT"
    printf '\n===== %s: deploy/local/hotline starts postgresql =====\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$PG_LOG"
    # No -l: the server writes to the log through the descriptor we open
    # here, so the postgres user needs no access to the logs folder.
    as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir)" -o "-p $PG_PORT" -w -t 60 start >>"$PG_LOG" 2>&1 9>&- || {
      show_log_tail "$PG_LOG"
      die "PostgreSQL did not start; see $PG_LOG"
    }
  fi
  wait_until PostgreSQL 60 "$PG_LOG" pg_ready
  pg_psql <<'EOF'
SELECT 'CREATE ROLE hotline LOGIN PASSWORD ''hotline'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotline') \gexec
EOF
  local db
  for db in "${PG_DATABASES[@]}"; do
    pg_psql -v db="$db" <<'EOF'
SELECT format('CREATE DATABASE %I OWNER hotline', :'db')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
EOF
  done
  say "PostgreSQL: ready on 127.0.0.1:$PG_PORT (databases ${PG_DATABASES[*]}, role hotline)"
}

pg_stop() {
  if [[ -f "$PG_DATA/PG_VERSION" ]] && pg_running; then
    say "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir)" -m fast -w -t 60 stop >/dev/null
  fi
}

# ---------------------------------------------------------------- Kafka

# A short-lived JVM for Kafka's command-line tools.
kafka_tool() {
  java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$DEPLOY_LOCAL/kafka-tools-log4j2.properties" \
    -cp "$KAFKA_HOME/libs/*" "$@"
}

kafka_fetch() {
  local libs="$KAFKA_HOME/libs"
  [[ -f "$libs/.complete-$KAFKA_VERSION" ]] && return
  say "Kafka: fetching kafka_2.13 $KAFKA_VERSION with Maven"
  rm -rf "$libs"
  mvn_fetch -Dkafka.version="$KAFKA_VERSION" "$DEPENDENCY_PLUGIN:copy-dependencies" \
    -DincludeScope=runtime -DoutputDirectory="$libs"
  touch "$libs/.complete-$KAFKA_VERSION"
}

kafka_write_config() {
  cat >"$KAFKA_HOME/server.properties" <<EOF
# Written by deploy/local/hotline at every start: ports come from the environment.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
}

kafka_topic_list() {
  timeout 60 java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$DEPLOY_LOCAL/kafka-tools-log4j2.properties" \
    -cp "$KAFKA_HOME/libs/*" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list 2>>"$LOG_DIR/kafka-tools.log"
}

kafka_listening() {
  alive_or_die kafka "$LOG_DIR/kafka.log" "$LOG_DIR/kafka.out"
  port_open "$KAFKA_PORT"
}

kafka_start() {
  local log="$LOG_DIR/kafka.log"
  mkdir -p "$KAFKA_HOME"
  if running_pid kafka >/dev/null; then
    say "Kafka: already running"
  else
    require_free_port Kafka "$KAFKA_PORT" "$KAFKA_PORT_VAR"
    require_free_port "Kafka controller" "$KAFKA_CONTROLLER_PORT" "$KAFKA_CONTROLLER_PORT_VAR"
    kafka_write_config
    if [[ ! -f "$KAFKA_HOME/data/meta.properties" ]]; then
      say "Kafka: formatting the log directory (once)"
      local cluster_id
      cluster_id="$(kafka_tool kafka.tools.StorageTool random-uuid)"
      kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_HOME/server.properties" \
        --standalone >>"$LOG_DIR/kafka-tools.log" 2>&1 || {
        show_log_tail "$LOG_DIR/kafka-tools.log"
        die "Kafka storage format failed; see $LOG_DIR/kafka-tools.log"
      }
    fi
    say "Kafka: starting on 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"
    start_daemon kafka "$LOG_DIR/kafka.out" \
      java -Xms256m "-Xmx$KAFKA_HEAP" -XX:+UseG1GC \
      -Dkafka.logs.dir="$LOG_DIR" \
      -Dlog4j2.configurationFile="$DEPLOY_LOCAL/kafka-log4j2.properties" \
      -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$KAFKA_HOME/server.properties"
  fi
  wait_until Kafka 120 "$log" kafka_listening
  wait_until Kafka 120 "$log" kafka_topic_list_quiet
  kafka_create_topics
  say "Kafka: ready on 127.0.0.1:$KAFKA_PORT"
}

kafka_topic_list_quiet() { kafka_topic_list >/dev/null; }

# The topics of docs/events/README.md, created when missing.
kafka_create_topics() {
  local existing spec topic config
  existing="$(kafka_topic_list)" || die "Kafka does not list its topics; see $LOG_DIR/kafka-tools.log"
  for spec in "${KAFKA_TOPICS[@]}"; do
    topic="${spec%%:*}"
    config="${spec#*:}"
    grep -qxF "$topic" <<<"$existing" && continue
    local args=(--bootstrap-server "127.0.0.1:$KAFKA_PORT" --create --if-not-exists
      --topic "$topic" --partitions 3 --replication-factor 1)
    [[ -n "$config" ]] && args+=(--config "$config")
    kafka_tool org.apache.kafka.tools.TopicCommand "${args[@]}" >>"$LOG_DIR/kafka-tools.log" 2>&1 || {
      show_log_tail "$LOG_DIR/kafka-tools.log"
      die "could not create Kafka topic $topic; see $LOG_DIR/kafka-tools.log"
    }
    say "Kafka: created topic $topic${config:+ ($config)}"
  done
}

kafka_stop() { stop_daemon kafka 60; }

# ---------------------------------------------------------------- Keycloak

keycloak_fetch() {
  [[ -x "$KEYCLOAK_HOME/bin/kc.sh" ]] && return
  say "Keycloak: fetching keycloak-quarkus-dist $KEYCLOAK_VERSION with Maven (about 176 MB)"
  local downloads="$STACK_DIR/downloads"
  mkdir -p "$downloads"
  mvn_fetch "$DEPENDENCY_PLUGIN:copy" \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
    -DoutputDirectory="$downloads"
  rm -rf "$KEYCLOAK_HOME.partial"
  mkdir -p "$KEYCLOAK_HOME.partial"
  tar -xzf "$downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" \
    -C "$KEYCLOAK_HOME.partial" --strip-components=1
  mv "$KEYCLOAK_HOME.partial" "$KEYCLOAK_HOME"
  rm -f "$downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
}

keycloak_ready() {
  alive_or_die keycloak "$LOG_DIR/keycloak.log"
  [[ "$(http_status "$KEYCLOAK_URL/realms/hotline/.well-known/openid-configuration")" == 200 ]]
}

keycloak_start() {
  local log="$LOG_DIR/keycloak.log"
  [[ -x "$KEYCLOAK_JAVA_HOME/bin/java" ]] ||
    die "no Java for Keycloak in $KEYCLOAK_JAVA_HOME (set HOTLINE_KEYCLOAK_JAVA_HOME to a JDK 21 or newer)"
  if running_pid keycloak >/dev/null; then
    say "Keycloak: already running"
  else
    require_free_port Keycloak "$KEYCLOAK_PORT" "$KEYCLOAK_PORT_VAR"
    require_free_port "Keycloak management" "$KEYCLOAK_MANAGEMENT_PORT" "$KEYCLOAK_MANAGEMENT_PORT_VAR"
    # --import-realm creates the realm once; an existing realm is kept as is.
    mkdir -p "$KEYCLOAK_HOME/data/import"
    cp "$REPO_DIR/deploy/keycloak/hotline-realm.json" "$KEYCLOAK_HOME/data/import/"
    say "Keycloak: starting at $KEYCLOAK_URL (a first start takes a minute or two)"
    JAVA_HOME="$KEYCLOAK_JAVA_HOME" \
      KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
      JAVA_OPTS_KC_HEAP="-Xms64m -Xmx$KEYCLOAK_HEAP" \
      start_daemon keycloak "$log" "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
      --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
      --hostname="$KEYCLOAK_URL" --import-realm
  fi
  # A first start builds Keycloak (its augmentation took over 3 min on a busy 2-core machine).
  wait_until Keycloak "${HOTLINE_KEYCLOAK_TIMEOUT:-600}" "$log" keycloak_ready
  say "Keycloak: ready, realm at $KEYCLOAK_URL/realms/hotline (admin console: admin/admin)"
}

keycloak_stop() { stop_daemon keycloak 60; }

# ---------------------------------------------------------------- services

service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$REPO_DIR" "$1"; }

service_port() {
  case "$1" in
    hotline-core) printf '%s' "$CORE_PORT" ;;
    telephony-adapter) printf '%s' "$TELEPHONY_PORT" ;;
    routing) printf '%s' "$ROUTING_PORT" ;;
  esac
}

# True when a service's jar is missing or older than its sources or poms.
services_need_build() {
  local module jar
  for module in "${SERVICES[@]}"; do
    jar="$(service_jar "$module")"
    [[ -f "$jar" ]] || return 0
    if [[ -n "$(find "$REPO_DIR/$module/src" "$REPO_DIR/$module/pom.xml" "$REPO_DIR/pom.xml" \
      -type f -newer "$jar" -print -quit 2>/dev/null)" ]]; then
      return 0
    fi
  done
  return 1
}

services_build() {
  services_need_build || return 0
  local log="$LOG_DIR/build.log"
  say "building the services: mvn -B -DskipTests package (log: $log)"
  if ! (cd "$REPO_DIR" && mvn -B -ntp -DskipTests package) >"$log" 2>&1; then
    show_log_tail "$log"
    warn "the build failed (see $log); services with a jar from an earlier build still start"
  fi
}

# The environment of one service: where the stack is, then the lines of
# deploy/local/services.env ("KEY=value" for every service,
# "<module>:KEY=value" for one). A key already in the caller's environment
# keeps the caller's value (HOTLINE_AGI_PORT=… deploy/local/hotline up).
service_env() {
  local module="$1" line key
  printf '%s\n' \
    "QUARKUS_HTTP_PORT=$(service_port "$module")" \
    "QUARKUS_HTTP_HOST=127.0.0.1" \
    "HOTLINE_PG_HOST=127.0.0.1" \
    "HOTLINE_PG_PORT=$PG_PORT" \
    "HOTLINE_KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT" \
    "HOTLINE_KEYCLOAK_URL=$KEYCLOAK_URL" \
    "HOTLINE_CORE_URL=http://127.0.0.1:$CORE_PORT" \
    "HOTLINE_ROUTING_URL=http://127.0.0.1:$ROUTING_PORT" \
    "HOTLINE_TELEPHONY_URL=http://127.0.0.1:$TELEPHONY_PORT"
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    if [[ "${line%%=*}" == *:* ]]; then
      [[ "${line%%:*}" == "$module" ]] || continue
      line="${line#*:}"
    fi
    key="${line%%=*}"
    if [[ -n "${!key+set}" ]]; then
      line="$key=${!key}"
    fi
    printf '%s\n' "$line"
  done <"$DEPLOY_LOCAL/services.env"
}

service_answers() {
  local code
  code="$(http_status "http://127.0.0.1:$1/q/health/ready")"
  # 200: ready. 404: no health endpoint (yet), but the service answers HTTP.
  [[ "$code" == 200 || "$code" == 404 ]]
}

# Starts one service. Returns non-zero after showing its log when it cannot
# start, so the caller can go on with the others.
service_start() {
  local module="$1" port jar log
  port="$(service_port "$module")"
  jar="$(service_jar "$module")"
  log="$LOG_DIR/$module.log"
  if running_pid "$module" >/dev/null; then
    say "$module: already running on port $port"
    return 0
  fi
  if [[ ! -f "$jar" ]]; then
    warn "$module: no $jar (the module does not build a Quarkus app yet); not started"
    return 1
  fi
  if port_open "$port"; then
    warn "$module: port $port is already in use by another process; not started"
    return 1
  fi
  say "$module: starting on port $port"
  local env_lines=()
  mapfile -t env_lines < <(service_env "$module")
  (cd "$REPO_DIR/$module" && start_daemon "$module" "$log" \
    env "${env_lines[@]}" java @"$REPO_DIR/deploy/jvm/$module.options" ${SERVICE_HEAP:+"-Xmx$SERVICE_HEAP"} -jar "$jar")
  local start=$SECONDS
  until service_answers "$port"; do
    if ! running_pid "$module" >/dev/null; then
      show_log_tail "$log"
      warn "$module exited during start-up; see $log"
      return 1
    fi
    if ((SECONDS - start >= SERVICE_TIMEOUT)); then
      show_log_tail "$log"
      warn "$module not ready after ${SERVICE_TIMEOUT}s; stopping it; see $log"
      stop_daemon "$module" 10
      return 1
    fi
    sleep 1
  done
  say "$module: ready at http://127.0.0.1:$port"
}

service_stop() { stop_daemon "$1" 30; }

# ---------------------------------------------------------------- apt packages

# Installs Debian packages that are missing (once per machine), when we may:
# as root with apt-get. Elsewhere it only says what is missing; the tests that
# need it then say so and are skipped.
apt_ensure() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null; then
    warn "missing Debian packages: ${missing[*]} (install them as root; the tests that need them are skipped)"
    return 0
  fi
  say "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"${LOG_DIR:-/tmp}/hotline-apt.log" 2>&1 ||
    warn "apt-get install ${missing[*]} failed (see ${LOG_DIR:-/tmp}/hotline-apt.log); the tests that need them are skipped"
}

# Headless Chromium and its driver for the browser tests (hotline-core/e2e).
BROWSER_PACKAGES=(chromium chromium-driver)

# ---------------------------------------------------------------- PBX (Asterisk 20 + SIPp)

# The Debian packages the relocatable Asterisk and SIPp need at run time
# (../shared/asterisk/pbx/README.md); installed once when missing (as root).
PBX_RUNTIME_PACKAGES=(libedit2 libjansson4 libsqlite3-0 libxml2 libxslt1.1 libicu72 libssl3 libsrtp2-1
  libnss3 libnspr4 libbsd0 libpcap0.8 libncursesw6)

pbx_install_runtime() {
  apt_ensure "${PBX_RUNTIME_PACKAGES[@]}"
  local pkg
  for pkg in "${PBX_RUNTIME_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || return 1
  done
}

# The unpacked Asterisk of HOTLINE_ASTERISK_HOME, or of ../shared/asterisk/pbx
# beside the repository (local tooling only: the services never read it).
# A folder of tarballs is unpacked once into $STACK_DIR/pbx. Prints the folder
# holding sbin/asterisk; fails when there is none.
pbx_home() {
  local root="${HOTLINE_ASTERISK_HOME:-}" found
  if [[ -z "$root" ]]; then
    for root in "$REPO_DIR/../shared/asterisk/pbx" ""; do
      [[ -n "$root" && -d "$root" ]] && break
    done
  fi
  [[ -n "$root" && -d "$root" ]] || return 1
  found="$(find "$root" "$STACK_DIR/pbx" -maxdepth 3 -path '*/sbin/asterisk' -type f 2>/dev/null | head -n1)"
  if [[ -z "$found" ]] && compgen -G "$root/asterisk-*.tar.gz" >/dev/null; then
    mkdir -p "$STACK_DIR/pbx"
    local tarball
    for tarball in "$root"/*.tar.gz; do tar xzf "$tarball" -C "$STACK_DIR/pbx"; done
    found="$(find "$STACK_DIR/pbx" -maxdepth 3 -path '*/sbin/asterisk' -type f | head -n1)"
  fi
  [[ -n "$found" ]] || return 1
  dirname "$(dirname "$found")"
}

# Writes the PBX's run folder: deploy/asterisk/ as it is, then only addresses,
# ports and secrets overlaid (127.0.0.1), demo softphone accounts (password =
# account name) and a demo caller account that dials into the hotline.
pbx_write_config() {
  local ast="$1" run="$STACK_DIR/asterisk" etc
  etc="$run/etc"
  rm -rf "$etc" "$run/data"
  mkdir -p "$etc" "$run/data" "$run/db" "$run/spool" "$run/run" "$run/log" "$run/cache"
  cp "$REPO_DIR"/deploy/asterisk/*.conf "$etc/"
  sed -i -e "s/^bind=0.0.0.0:5060\$/bind=127.0.0.1:$PBX_SIP_PORT/" \
    -e "s/^match=198.51.100.10\$/match=127.0.0.1:$PBX_TELCO_PORT/" -e '/^match=198.51.100.11$/d' \
    -e "s#^contact=sip:sip.telco.example:5060\$#contact=sip:127.0.0.1:$PBX_TELCO_PORT#" "$etc/pjsip.conf"
  sed -i -e "s/^port=5038\$/port=$PBX_AMI_PORT/" -e 's/^bindaddr=10.0.10.5$/bindaddr=127.0.0.1/' \
    -e 's#^permit=10.0.20.0/255.255.255.0$#permit=127.0.0.1/255.255.255.255#' "$etc/manager.conf"
  # The dialplan's two adapters: the cluster stack's two (PBX_AGI_PORT_2), or the one adapter of the local stack twice.
  sed -i -e "s#^HOTLINE_AGI_URL=agi://telephony-adapter-1:4573/incoming\$#HOTLINE_AGI_URL=agi://127.0.0.1:$PBX_AGI_PORT/incoming#" \
    -e "s#^HOTLINE_AGI_URL_2=agi://telephony-adapter-2:4573/incoming\$#HOTLINE_AGI_URL_2=agi://127.0.0.1:${PBX_AGI_PORT_2:-$PBX_AGI_PORT}/incoming#" \
    "$etc/extensions.conf"
  printf 'secret=%s\n' "$PBX_AMI_SECRET" >"$etc/manager_hotline_secret.conf"
  awk '/^\[/ {name=substr($0, 2, length($0) - 2)} /^password=/ {print "password=" name; next} {print}' \
    "$REPO_DIR/deploy/asterisk/pjsip_auth.conf.example" >"$etc/pjsip_auth.conf"
  cat >>"$etc/pjsip_auth.conf" <<'DEMO'

; Local demo only: a softphone registered as demo-caller (password demo-caller) calls 70102030 or 33669900
; as if from the telco.
[demo-caller]
type=endpoint
transport=transport-udp
context=hotline-in
language=da
disallow=all
allow=alaw,ulaw
auth=demo-caller
aors=demo-caller
callerid="Demo caller" <+4599999999>
direct_media=no
rtp_symmetric=yes
force_rport=yes
rewrite_contact=yes

[demo-caller]
type=aor
max_contacts=1
remove_existing=yes

[demo-caller]
type=auth
auth_type=userpass
username=demo-caller
password=demo-caller
DEMO
  ln -s "$REPO_DIR/deploy/asterisk/sounds" "$run/data/sounds"
  ln -s "$REPO_DIR/deploy/asterisk/moh" "$run/data/moh"
  [[ -d "$ast/var/lib/asterisk/documentation" ]] && ln -s "$ast/var/lib/asterisk/documentation" "$run/data/documentation"
  cat >"$etc/asterisk.conf" <<CONF
[directories]
astetcdir => $etc
astmoddir => $ast/lib/asterisk/modules
astvarlibdir => $run/data
astdatadir => $run/data
astkeydir => $run/data
astagidir => $run/data/agi-bin
astdbdir => $run/db
astspooldir => $run/spool
astrundir => $run/run
astlogdir => $run/log
astsbindir => $ast/sbin
astcachedir => $run/cache
CONF
}

# The PBX's ports and manager secret: the adapter's own settings (services.env,
# overridable from the environment), so both ends agree.
pbx_configure() {
  local env
  env="$(service_env telephony-adapter)"
  PBX_AMI_PORT="$(sed -n 's/^HOTLINE_AMI_PORT=//p' <<<"$env" | tail -n1)"
  PBX_AGI_PORT="$(sed -n 's/^HOTLINE_AGI_PORT=//p' <<<"$env" | tail -n1)"
  PBX_AMI_SECRET="$(sed -n 's/^HOTLINE_AMI_SECRET=//p' <<<"$env" | tail -n1)"
  PBX_SIP_PORT="${HOTLINE_SIP_PORT:-5060}"
  PBX_TELCO_PORT="${HOTLINE_TELCO_PORT:-5070}"
}

# Starts Asterisk when one is available; a missing PBX is no error.
pbx_start() {
  local ast
  if ! ast="$(pbx_home)"; then
    say "PBX: no Asterisk (set HOTLINE_ASTERISK_HOME); calls are not simulated locally"
    return 0
  fi
  if running_pid asterisk >/dev/null; then
    say "PBX: already running"
    return 0
  fi
  pbx_install_runtime || return 1
  require_free_port "the PBX's manager" "$PBX_AMI_PORT" HOTLINE_AMI_PORT
  require_free_port "the PBX's SIP transport" "$PBX_SIP_PORT" HOTLINE_SIP_PORT
  pbx_write_config "$ast"
  PBX_BIN="$ast/sbin/asterisk"
  # A killed Asterisk leaves its control socket behind; waiting for it would then see the dead one's.
  rm -f "$STACK_DIR/asterisk/run/asterisk.ctl"
  start_daemon asterisk "$LOG_DIR/asterisk.log" "$PBX_BIN" -C "$STACK_DIR/asterisk/etc/asterisk.conf" -f -n
  local start=$SECONDS
  until [[ -S "$STACK_DIR/asterisk/run/asterisk.ctl" ]] || ((SECONDS - start >= 60)); do sleep 1; done
  if ! timeout 60 "$PBX_BIN" -C "$STACK_DIR/asterisk/etc/asterisk.conf" -rx 'core waitfullybooted' >/dev/null 2>&1; then
    show_log_tail "$LOG_DIR/asterisk.log" "$STACK_DIR/asterisk/log/messages"
    warn "PBX did not start; see $STACK_DIR/asterisk/log/messages"
    return 1
  fi
  say "PBX: Asterisk on 127.0.0.1 (SIP $PBX_SIP_PORT, AMI $PBX_AMI_PORT, FastAGI to $PBX_AGI_PORT${PBX_AGI_PORT_2:+ and $PBX_AGI_PORT_2})"
}

pbx_stop() { stop_daemon asterisk 30; }

# The queues have no static members: a phone rings only once its advisor signed in (console box "Din telefon i
# køen"). For the demo, the two demo advisors' phones are signed in here the same way, through core's presence API
# with the demo users' own sign-in (local only), when not in the queue already. Core keeps it across restarts.
pbx_sign_in_demo_phones() {
  running_pid asterisk >/dev/null || return 0
  local user endpoint token answer
  for user in advisor-aarhus:advisor-aarhus-1 advisor-cph:advisor-cph-1; do
    endpoint="${user#*:}"
    user="${user%%:*}"
    token="$(curl -s -m 10 -d grant_type=password -d client_id=hotline-web -d "username=$user" -d "password=$user" \
      "$KEYCLOAK_URL/realms/hotline/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' || true)"
    # Left alone when already in the queue (signed in or paused): `up` on a running stack changes nobody's pause.
    if curl -s -m 10 -H "Authorization: Bearer $token" "http://127.0.0.1:$CORE_PORT/api/presence/$endpoint" \
        | grep -Eq '"state":"(AVAILABLE|PAUSED)"'; then
      continue
    fi
    answer="$(curl -s -o /dev/null -m 30 -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d '{"state":"AVAILABLE"}' \
      "http://127.0.0.1:$CORE_PORT/api/presence/$endpoint" 2>/dev/null || true)"
    if [[ "$answer" == 200 ]]; then
      say "PBX: $endpoint signed in to its queue (as $user)"
    else
      warn "PBX: could not sign $endpoint in (core answered $answer); sign in from the console"
    fi
  done
}
