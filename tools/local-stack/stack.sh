#!/usr/bin/env bash
# The stack's processes: the local stack (embedded Temporal and Kafka) and the six services, each
# started in the background with its log in .lotus/logs/, and stopped together. Sourced by the
# scripts that run a stack (./lotus up, e2e/run.sh, tools/fault-suite/run.sh, tools/bench/run.sh)
# and by process-faults.sh; run on its own it does what ./lotus up does.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Each process has its id in $STACK_DIR/<name>.pid and its command, one word a line, in
# <name>.cmd, so that any script can stop or restart it; a restart runs the same command.
STACK_PROCESSES=(kafka local-stack "${SERVICES[@]}")

command_of() { # name; sets COMMAND
  local jvm jar
  jvm=(java -XX:+UseSerialGC -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError
    "-Xmx${LOTUS_LOCAL_STACK_HEAP:-512m}")
  jar=(-jar "$(jar_of local-stack)")
  case "$1" in
    local-stack) COMMAND=(env "LOTUS_LOCAL_STACK_PARTS=$LOCAL_STACK_PARTS" "${jvm[@]}" "${jar[@]}") ;;
    # The broker alone spends less with C1 only (its C2 compilations took a third of its CPU
    # under the bench); Temporal's test server was cheaper with C2 (docs/benchmark.md).
    kafka) COMMAND=(env LOTUS_LOCAL_STACK_PARTS=kafka "${jvm[@]}" -XX:TieredStopAtLevel=1 "${jar[@]}") ;;
    *) COMMAND=(java "${JAVA_OPTS[@]}" -jar "$(jar_of "$1")") ;;
  esac
}

# Started again after a kill, a process runs its first command again and its log goes on.
launch() { # name
  local name="$1" log="$STATE/logs/$1.log"
  mkdir -p "$STATE/logs" "$STACK_DIR"
  if [[ -f "$STACK_DIR/$name.cmd" ]]; then
    mapfile -t COMMAND <"$STACK_DIR/$name.cmd"
    "${COMMAND[@]}" >>"$log" 2>&1 &
  else
    command_of "$name"
    printf '%s\n' "${COMMAND[@]}" >"$STACK_DIR/$name.cmd"
    "${COMMAND[@]}" >"$log" 2>&1 &
  fi
  echo "$!" >"$STACK_DIR/$name.pid"
  # its end is watched through the id; the shell must not report a kill as a job of its own
  disown "$!"
}

pid_of() { # name
  cat "$STACK_DIR/$1.pid" 2>/dev/null
}

# A killed process that nobody reaped yet (a zombie) counts as gone. Cheap: ./lotus up asks about
# every process once a second.
alive() { # process id
  local stat
  kill -0 "$1" 2>/dev/null || return 1
  if [[ -r "/proc/$1/stat" ]]; then
    # read, not $(<file): the process may be reaped between the test and the read, and a failed
    # $(<file) ends a shell that runs with errexit
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    stat="${stat##*) }" # the state follows the command name in parentheses
  else
    stat=$(ps -o stat= -p "$1") || return 1
    stat="${stat// /}"
  fi
  [[ "$stat" != Z* ]]
}

kill_process() { # name, signal
  local pid
  pid=$(pid_of "$1") || return 0
  kill "-$2" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    alive "$pid" || return 0
    sleep 0.1
  done
}

# The processes the stack runs, last started first.
running_processes() {
  local i
  for ((i = ${#STACK_PROCESSES[@]} - 1; i >= 0; i--)); do
    [[ -f "$STACK_DIR/${STACK_PROCESSES[$i]}.pid" ]] && echo "${STACK_PROCESSES[$i]}"
  done
  return 0
}

stop_all() {
  trap - INT TERM EXIT
  local names pids=() name pid
  mapfile -t names < <(running_processes)
  ((${#names[@]})) || return 0
  say "stopping"
  for name in "${names[@]}"; do pids+=("$(pid_of "$name")"); done
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 40); do
    local left=false
    for pid in "${pids[@]}"; do alive "$pid" && left=true; done
    $left || break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$STACK_DIR"
}

print_log_tail() { # name, lines
  echo "----- last lines of $STATE/logs/$1.log" >&2
  tail -n "$2" "$STATE/logs/$1.log" >&2 || true
}

check_alive() {
  local name pid
  for name in $(running_processes); do
    pid=$(pid_of "$name")
    if ! alive "$pid"; then
      print_log_tail "$name" 40
      die "$name stopped during start-up (log above)"
    fi
  done
}

wait_until() { # description, timeout seconds, test command...
  local what="$1" timeout="$2"
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    check_alive
    ((SECONDS < deadline)) || die "$what not ready after ${timeout}s (logs in $STATE/logs)"
    sleep 0.3
  done
}

ready() { curl -fs -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness"; }

# Every service ready, each given up to $1 seconds.
services_ready() { # timeout seconds
  wait_until "workflows" "$1" ready "$LOTUS_WORKFLOWS_PORT"
  wait_until "billing" "$1" ready "$LOTUS_BILLING_PORT"
  wait_until "stock" "$1" ready "$LOTUS_STOCK_PORT"
  wait_until "delivery" "$1" ready "$LOTUS_DELIVERY_PORT"
  wait_until "notification" "$1" ready "$LOTUS_NOTIFICATION_PORT"
  wait_until "gateway" "$1" ready "$LOTUS_GATEWAY_PORT"
}

# Starts the whole stack (after configure) and stops it when the calling script ends.
start_stack() {
  local started=$SECONDS service
  require_free_port "$LOTUS_GATEWAY_PORT" gateway
  rm -rf "$STACK_DIR"
  # The e2e, faults and bench stacks encrypt with a key of their own run (./lotus up kept one).
  if payload_keys_needed; then
    LOTUS_PAYLOAD_KEYS=$(new_payload_keys)
    export LOTUS_PAYLOAD_KEYS
  fi
  trap stop_all EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  if $EMBEDDED_TEMPORAL || $EMBEDDED_KAFKA; then
    ! $EMBEDDED_TEMPORAL || require_free_port "$LOTUS_TEMPORAL_PORT" Temporal
    ! $EMBEDDED_KAFKA || require_free_port "$LOTUS_KAFKA_PORT" Kafka
    LOCAL_STACK_PARTS=temporal,kafka
    if [[ -n "${LOTUS_KAFKA_DATA_DIR:-}" ]] && $EMBEDDED_TEMPORAL && $EMBEDDED_KAFKA; then
      # Two processes, so that the broker can be restarted on its data while Temporal runs on.
      LOCAL_STACK_PARTS=temporal
      launch kafka
    fi
    launch local-stack
    ! $EMBEDDED_TEMPORAL || wait_until "Temporal" 60 port_open 127.0.0.1 "$LOTUS_TEMPORAL_PORT"
    ! $EMBEDDED_KAFKA || wait_until "Kafka" 60 port_open 127.0.0.1 "$LOTUS_KAFKA_PORT"
  fi
  for service in "${SERVICES[@]}"; do
    launch "$service"
  done
  services_ready 240
  STARTUP_SECONDS=$((SECONDS - started))
}

# ---------------------------------------------------------------- ./lotus up

print_urls() {
  cat <<EOF

  Lotus Saga is up (started in ${STARTUP_SECONDS}s)
    API gateway      http://127.0.0.1:$LOTUS_GATEWAY_PORT
    JWK set          http://127.0.0.1:$LOTUS_GATEWAY_PORT/.well-known/jwks.json
    Temporal (gRPC)  $LOTUS_TEMPORAL_TARGET   (temporal CLI: --address $LOTUS_TEMPORAL_TARGET)
    Kafka            $LOTUS_KAFKA_BOOTSTRAP
    Database         $LOTUS_DB_URL
    Staff account    ${LOTUS_STAFF_EMAIL:-staff@lotus.local} / ${LOTUS_STAFF_PASSWORD:-lotus-staff-local}
    Logs             $STATE/logs/
  Ctrl-C stops everything.

EOF
}

# A fresh private signing key (a JWK) for the gateway, from the fault suite's SigningKey.java.
new_signing_key() {
  java "$ROOT/tools/fault-suite/src/main/java/dev/lotussaga/faults/SigningKey.java" \
    || die "could not make a signing key for the gateway (tools/fault-suite/.../SigningKey.java)"
}

# Made once by the command after the first three arguments, kept in $1 (readable by its owner
# only) and exported as $2, so that what it guards survives a restart; $3 says what it is. Local
# only: anywhere else the variable is set from a Secret.
keep_secret() { # file, variable, what, command...
  local file="$1" variable="$2" what="$3" made
  shift 3
  if [[ ! -s "$file" ]]; then
    made=$("$@") || die "could not make $what"
    mkdir -p "$(dirname "$file")"
    (umask 077 && printf '%s\n' "$made" >"$file")
    say "made $what (local only): ${file#"$ROOT"/}"
  fi
  export "$variable=$(<"$file")"
}

# A JWK set of one fresh signing key, the form LOTUS_JWT_SIGNING_JWKS holds.
new_signing_key_set() {
  local jwk
  jwk=$(new_signing_key) || return 1
  printf '{"keys":[%s]}\n' "$jwk"
}

# The gateway's signing keys, kept in $1 so that tokens survive a restart (docs/api.md, "Keys and
# their rotation").
keep_signing_keys() { # file
  [[ -z "${LOTUS_JWT_SIGNING_JWKS:-}${LOTUS_JWT_SIGNING_JWK:-}" ]] || return 0
  keep_secret "$1" LOTUS_JWT_SIGNING_JWKS "the gateway's signing key" new_signing_key_set
}

# A fresh AES-256 key for Temporal's payloads (platform/codec), as the JSON list that
# LOTUS_PAYLOAD_KEYS holds.
new_payload_keys() {
  local key
  key=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
  printf '[{"id":"local-%s","key":"%s"}]\n' "$(date +%Y%m%d%H%M%S)" "$key"
}

payload_keys_needed() {
  [[ -z "${LOTUS_PAYLOAD_KEYS:-}" && "${LOTUS_PAYLOAD_ENCRYPTION:-}" != false ]]
}

# The payload key, kept in $1 like the signing key, so that workflows on a Temporal that outlives
# the stack still decrypt (docs/operations.md, "Encrypted payloads").
keep_payload_keys() { # file
  payload_keys_needed || return 0
  keep_secret "$1" LOTUS_PAYLOAD_KEYS "the key Temporal payloads are encrypted with" new_payload_keys
}

PAYLOAD_KEYS_FILE="$STATE/keys/payload-keys.json"

# ./lotus up keeps its processes running, as Kubernetes does the deployment's: one that ends
# (killed, crashed, or out of memory, on which every JVM of the stack exits) is started again with
# its command. One that ends again within RESTART_WINDOW seconds of being started again stops the
# stack, with its log.
RESTART_WINDOW=60
declare -A STARTED_AGAIN_AT=()

keep_running() {
  local name pid
  for name in $(running_processes); do
    pid=$(pid_of "$name")
    alive "$pid" && continue
    print_log_tail "$name" 20
    if [[ -n "${STARTED_AGAIN_AT[$name]:-}" ]] \
      && ((SECONDS - STARTED_AGAIN_AT[$name] < RESTART_WINDOW)); then
      die "$name (process $pid) ended again within ${RESTART_WINDOW}s of being started again; stopping the stack (log above)"
    fi
    launch "$name"
    STARTED_AGAIN_AT[$name]=$SECONDS
    say "$name (process $pid) ended (log above); started again as process $(pid_of "$name")"
    [[ "$name" != local-stack ]] || say_what_the_embedded_stack_lost
  done
}

say_what_the_embedded_stack_lost() {
  ! $EMBEDDED_TEMPORAL || say "the embedded Temporal starts empty: the" \
    "gateway re-drives every order in progress within ${LOTUS_REDRIVE_INTERVAL:-15s}" \
    "(docs/saga.md, What survives a restart)"
  ! $EMBEDDED_KAFKA || [[ "$LOCAL_STACK_PARTS" != *kafka* ]] \
    || say "the embedded Kafka starts empty: the events it" \
    "held are gone (GET /order/{id} asks the workflow; re-driven orders publish theirs again)"
}

stack_up() {
  configure
  require_java
  keep_signing_keys "$STATE/keys/jwt-signing.jwks"
  keep_payload_keys "$PAYLOAD_KEYS_FILE"
  require_database
  build_if_needed
  start_stack
  print_urls
  while true; do
    keep_running
    sleep 1
  done
}

[[ "${BASH_SOURCE[0]}" != "$0" ]] || stack_up
