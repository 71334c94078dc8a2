#!/usr/bin/env bash
# ./lotus faults: a stack of its own (ports +15000, a fresh database lotus_faults) with the fault
# switches on, and the fault suite against it. The suite injects each round's process fault itself,
# through tools/local-stack/process-faults.sh. ./lotus test sources it for run_faults.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../..
# shellcheck source=tools/local-stack/stack.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local-stack/stack.sh"

FAULT_ROUNDS_DEFAULT="calm kill-workers restart-kafka restart-postgres restart-temporal terminate kill-gateway temporal-outage poison"

run_faults() {
  local rounds="${LOTUS_FAULTS_ROUNDS:-$FAULT_ROUNDS_DEFAULT}" round
  for round in $rounds; do
    [[ " $FAULT_ROUNDS_DEFAULT " == *" $round "* ]] \
      || die "unknown fault round: $round (known: $FAULT_ROUNDS_DEFAULT)"
  done
  export LOTUS_PORT_OFFSET="${LOTUS_FAULTS_PORT_OFFSET:-15000}"
  unset LOTUS_TEMPORAL_TARGET LOTUS_KAFKA_BOOTSTRAP
  # Each round registers its buyers from 127.0.0.1 (default: 30 per 15 minutes per address).
  export LOTUS_REGISTRATION_MAX_PER_ADDRESS="${LOTUS_REGISTRATION_MAX_PER_ADDRESS:-100000}"
  # The suite keeps one staff login for all its rounds, which may take longer than the 15 minutes
  # an access token lives by default; token expiry is not what it tests.
  export LOTUS_ACCESS_TOKEN_LIFETIME="${LOTUS_ACCESS_TOKEN_LIFETIME:-2h}"
  fresh_database lotus_faults
  build_if_needed
  # Faults the services inject into themselves for the whole run (tools/fault-switches).
  export LOTUS_FAULTS_ENABLED=true
  export LOTUS_FAULTS_SIGNAL_COPIES="${LOTUS_FAULTS_SIGNAL_COPIES:-3}"
  export LOTUS_FAULTS_ACTIVITY_RUNS="${LOTUS_FAULTS_ACTIVITY_RUNS:-2}"
  export LOTUS_FAULTS_LOST_ANSWER_PERCENT="${LOTUS_FAULTS_LOST_ANSWER_PERCENT:-20}"
  # The test server never moves a killed worker's sticky tasks back to the shared queue.
  export LOTUS_WORKER_STICKY_EXECUTION=false
  # Orders whose workflow was lost or terminated are re-driven within seconds, not the default 15 s.
  export LOTUS_REDRIVE_INTERVAL="${LOTUS_REDRIVE_INTERVAL:-5s}"
  # One signing key for every start of the gateway, so that kill-gateway logs nobody out.
  if [[ -z "${LOTUS_JWT_SIGNING_JWK:-}" ]]; then
    LOTUS_JWT_SIGNING_JWK=$(new_signing_key)
    export LOTUS_JWT_SIGNING_JWK
  fi
  local run="$STATE/faults"
  rm -rf "$run" && mkdir -p "$run"
  # Kafka on its own data, so that round restart-kafka can restart it without losing a record.
  export LOTUS_KAFKA_DATA_DIR="$run/kafka"
  # What the suite runs for each process fault, in this stack's environment.
  export LOTUS_PROCESS_FAULTS_SCRIPT="$ROOT/tools/local-stack/process-faults.sh"
  export LOTUS_FAULTS_RESULTS="${LOTUS_FAULTS_RESULTS:-$ROOT/faults-results}"
  rm -f "$LOTUS_FAULTS_RESULTS/faults.json"
  local started=$SECONDS
  start_stack
  say "stack started in ${STARTUP_SECONDS}s; rounds: $rounds"
  # In the background, so that a signal to this script stops the suite and the stack at once.
  # shellcheck disable=SC2086 # the rounds are words
  java -jar "$(jar_of fault-suite)" $rounds &
  local suite=$! status=0
  trap 'kill '"$suite"' 2>/dev/null || true; stop_all' EXIT
  wait "$suite" || status=$?
  local injected lost signals
  injected=$(sed -n 's/^ *"processFaults" : \([0-9]*\).*/\1/p' "$LOTUS_FAULTS_RESULTS/faults.json" 2>/dev/null) || true
  lost=$(cat "$STATE"/logs/*.log | grep -c "fault-switch: answer of" || true)
  signals=$(cat "$STATE"/logs/*.log | grep -c "fault-switch: signal" || true)
  say "faults injected: ${injected:-?} process faults, $lost activity answers lost after commit, $signals signals sent ${LOTUS_FAULTS_SIGNAL_COPIES} times, every activity run ${LOTUS_FAULTS_ACTIVITY_RUNS} times per attempt"
  say "faults suite finished in $((SECONDS - started))s (report: $LOTUS_FAULTS_RESULTS/faults.json)"
  stop_all
  return "$status"
}

faults_command() {
  configure
  require_java
  run_faults
}

[[ "${BASH_SOURCE[0]}" != "$0" ]] || faults_command
