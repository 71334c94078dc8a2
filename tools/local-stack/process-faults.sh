#!/usr/bin/env bash
# The process faults that the fault suite (tools/fault-suite, ProcessFaults) runs itself halfway
# through a round, against the stack of ./lotus faults, in that stack's environment. Each command
# exits 0 once its fault happened and the stack is back, and 1 with a line "FAULT NOT INJECTED" or
# "FAULT NOT RECOVERED" when not: a fault that did not happen would pass a calm round off as that
# fault's round. It finds the stack's processes through the files stack.sh keeps per stack.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=stack.sh
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

not_injected() { say "FAULT NOT INJECTED: $*"; exit 1; }

# The embedded Temporal server can be killed or frozen only when it runs without Kafka.
require_temporal_alone() {
  local parts
  parts=$(sed -n 's/^LOTUS_LOCAL_STACK_PARTS=//p' "$STACK_DIR/local-stack.cmd" 2>/dev/null) || true
  [[ "$parts" == temporal ]] \
    || not_injected "the embedded Temporal shares its process with Kafka (${parts:-no local-stack runs})"
}

# The local stack prints one "local-stack ready" line per start, into a log that goes on.
local_stack_ready_lines() {
  local lines
  lines=$(grep -c "local-stack ready" "$STATE/logs/local-stack.log" 2>/dev/null) || true
  echo "${lines:-0}"
}
local_stack_ready_since() { (($(local_stack_ready_lines) > $1)); } # lines before

# kill -9 of each named process, started again on the same command; each must come back under a
# new process id and answer. The local stack (Temporal alone) comes back empty: every workflow is
# lost, and the services must reconnect.
kill_restart() { # name...
  local name before=() ready_lines
  (($#)) || die "kill-restart: name at least one of: ${STACK_PROCESSES[*]}"
  for name in "$@"; do
    [[ -f "$STACK_DIR/$name.pid" ]] || not_injected "no process $name runs in the stack ($STACK_DIR)"
    [[ "$name" != local-stack ]] || require_temporal_alone
  done
  say "fault: kill -9 of $*, started again"
  ready_lines=$(local_stack_ready_lines)
  for name in "$@"; do
    before+=("$(pid_of "$name")")
    kill_process "$name" KILL
  done
  sleep 2
  for name in "$@"; do launch "$name"; done
  for name in "$@"; do
    case "$name" in
      kafka) wait_until "Kafka" 60 port_open 127.0.0.1 "$LOTUS_KAFKA_PORT" ;;
      local-stack)
        wait_until "Temporal" 60 port_open 127.0.0.1 "$LOTUS_TEMPORAL_PORT"
        # ready once it registered the order search attributes, which re-driven orders start with
        wait_until "Temporal" 60 local_stack_ready_since "$ready_lines"
        ;;
      *) wait_until "$name" 240 ready "$(service_port "$name")" ;;
    esac
  done
  local names=("$@") i now
  for i in "${!names[@]}"; do
    name=${names[$i]}
    now=$(pid_of "$name") || now=""
    if [[ -z "$now" || "$now" == "${before[$i]}" ]] || ! alive "$now"; then
      not_injected "$name ran as process ${before[$i]:-none} before the fault and ${now:-none} after it"
    fi
    say "$name ran as process ${before[$i]} and runs again as $now"
  done
  # the services reconnect by themselves; readiness says so where it includes Temporal
  [[ " $* " != *" local-stack "* ]] || services_ready 120
}

service_port() { # service name
  case "$1" in
    workflows) echo "$LOTUS_WORKFLOWS_PORT" ;;
    activities-billing) echo "$LOTUS_BILLING_PORT" ;;
    activities-stock) echo "$LOTUS_STOCK_PORT" ;;
    activities-delivery) echo "$LOTUS_DELIVERY_PORT" ;;
    notification) echo "$LOTUS_NOTIFICATION_PORT" ;;
    api-gateway) echo "$LOTUS_GATEWAY_PORT" ;;
    *) die "no service named $1" ;;
  esac
}

process_state() { ps -o stat= -p "$1" 2>/dev/null | tr -d ' '; }

# Temporal unreachable without losing a workflow: its process frozen (SIGSTOP) for $1 seconds,
# then let go. A frozen server keeps its port open but answers nothing; the suite checks that a
# gRPC call went unanswered meanwhile, this that the process was stopped and runs again.
freeze_temporal() { # seconds
  local seconds="${1:?freeze-temporal: how many seconds?}" pid state=""
  say "fault: the embedded Temporal server frozen (SIGSTOP) for ${seconds}s, then let go: unreachable, every workflow kept"
  require_temporal_alone
  pid=$(pid_of local-stack)
  kill -STOP "$pid"
  for _ in $(seq 1 50); do
    state=$(process_state "$pid") || state=""
    [[ "$state" == T* ]] && break
    sleep 0.1
  done
  if [[ "$state" != T* ]]; then
    kill -CONT "$pid" 2>/dev/null || true
    not_injected "local-stack (process $pid) is in state '${state:-gone}', not stopped"
  fi
  say "local-stack (process $pid) stopped: state $state"
  sleep "$seconds"
  kill -CONT "$pid"
  for _ in $(seq 1 50); do
    state=$(process_state "$pid") || state=""
    [[ "$state" != T* ]] && break
    sleep 0.1
  done
  say "local-stack (process $pid) let go after ${seconds}s: state ${state:-gone}"
  if [[ -z "$state" || "$state" == T* ]]; then
    say "FAULT NOT RECOVERED: local-stack (process $pid) did not run again"
    exit 1
  fi
  wait_until "Temporal" 60 port_open 127.0.0.1 "$LOTUS_TEMPORAL_PORT"
  services_ready 120
}

pg_started() { psql_admin -d postgres -tAc "select pg_postmaster_start_time()" 2>/dev/null; }
pg_answers() { pg_started >/dev/null; }

# The server's own start time must have moved: a restart that did not happen fails.
pg_restarted_since() { # pg_postmaster_start_time() before
  local after
  wait_until "PostgreSQL" 60 port_open "$DB_HOST" "$DB_PORT"
  wait_until "PostgreSQL" 60 pg_answers
  after=$(pg_started) || after=""
  [[ -n "$1" && "$after" != "$1" ]] \
    || not_injected "PostgreSQL did not restart (pg_postmaster_start_time() ${1:-unknown} before, ${after:-unknown} after)"
  say "PostgreSQL started at $1 before the fault and at $after after it"
}

restart_postgres() {
  local before
  say "fault: PostgreSQL restart ($LOTUS_FAULTS_PG_RESTART)"
  before=$(pg_started) || before=""
  bash -c "$LOTUS_FAULTS_PG_RESTART" || say "the restart command failed"
  pg_restarted_since "$before"
}

# PostgreSQL stopped for $1 seconds while events flow, checked unreachable, started again.
stop_postgres() { # seconds
  local seconds="${1:?stop-postgres: how many seconds?}" before
  say "fault: PostgreSQL stopped for ${seconds}s while events flow ($LOTUS_FAULTS_PG_STOP)"
  before=$(pg_started) || before=""
  bash -c "$LOTUS_FAULTS_PG_STOP" || say "the stop command failed"
  ! pg_answers || not_injected "PostgreSQL still answers after $LOTUS_FAULTS_PG_STOP"
  sleep "$seconds"
  say "PostgreSQL started again after ${seconds}s ($LOTUS_FAULTS_PG_START)"
  bash -c "$LOTUS_FAULTS_PG_START" || { sleep 2 && bash -c "$LOTUS_FAULTS_PG_START"; } \
    || say "the start command failed"
  pg_restarted_since "$before"
}

process_faults_usage() {
  cat <<'EOF'
Usage: tools/local-stack/process-faults.sh <command>, in the environment of a ./lotus faults stack

  kill-restart <name>...     kill -9 of processes of the stack (kafka, local-stack, workflows,
                             activities-billing, ..., api-gateway), started again and checked back
  freeze-temporal <seconds>  the embedded Temporal server stopped (SIGSTOP), then let go
  restart-postgres           PostgreSQL restarted (LOTUS_FAULTS_PG_RESTART)
  stop-postgres <seconds>    PostgreSQL stopped (LOTUS_FAULTS_PG_STOP), then started (_PG_START)
EOF
}

process_faults_command() { # command, arguments
  local command="${1:-}"
  (($#)) && shift
  configure
  db_parts
  local cluster="pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main"
  : "${LOTUS_FAULTS_PG_RESTART:=$cluster restart}" "${LOTUS_FAULTS_PG_STOP:=$cluster stop}"
  : "${LOTUS_FAULTS_PG_START:=$cluster start}"
  case "$command" in
    kill-restart) kill_restart "$@" ;;
    freeze-temporal) freeze_temporal "$@" ;;
    restart-postgres) restart_postgres ;;
    stop-postgres) stop_postgres "$@" ;;
    help | -h | --help) process_faults_usage ;;
    *) process_faults_usage >&2; exit 2 ;;
  esac
}

[[ "${BASH_SOURCE[0]}" != "$0" ]] || process_faults_command "$@"
