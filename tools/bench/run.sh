#!/usr/bin/env bash
# ./lotus bench: the saga against the minimal Temporal saga doing the same work (and a no-op
# workflow), on a fresh stack of its own (ports +20000, database lotus_bench), or on the running
# stack at LOTUS_BENCH_GATEWAY.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../..
# shellcheck source=tools/local-stack/stack.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local-stack/stack.sh"

bench_command() {
  local argument
  for argument in "$@"; do
    # --scale: issue #18's reads with 1k orders, then 1M, instead of the saga comparison
    [[ "$argument" != "--scale" ]] || export LOTUS_BENCH_SCALE=true
  done
  configure
  require_java
  build_if_needed
  if [[ -n "${LOTUS_BENCH_GATEWAY:-}" ]]; then
    say "benchmarking the running stack at $LOTUS_BENCH_GATEWAY"
    # the baseline's client encrypts as that stack does: with the key ./lotus up kept
    keep_payload_keys "$PAYLOAD_KEYS_FILE"
  else
    export LOTUS_PORT_OFFSET="${LOTUS_BENCH_PORT_OFFSET:-20000}"
    unset LOTUS_TEMPORAL_TARGET LOTUS_KAFKA_BOOTSTRAP
    # The broker in a process of its own (the stack's two-process mode, which keeps Kafka's data in
    # a folder), so that its CPU is measured apart from Temporal's; emptied for each run.
    export LOTUS_KAFKA_DATA_DIR="$STATE/bench-kafka"
    rm -rf "$LOTUS_KAFKA_DATA_DIR"
    # Temporal's test server keeps every workflow's history, and a run starts tens of thousands of
    # them: room for all, so that no side is measured against a collector short of memory, and a
    # longer warm-up (LOTUS_BENCH_WARMUP) does not run it out of memory.
    export LOTUS_LOCAL_STACK_HEAP="${LOTUS_LOCAL_STACK_HEAP:-2g}"
    # The bench registers its buyers from 127.0.0.1 (default: 30 per 15 minutes per address).
    export LOTUS_REGISTRATION_MAX_PER_ADDRESS="${LOTUS_REGISTRATION_MAX_PER_ADDRESS:-100000}"
    fresh_database lotus_bench
    start_stack
    say "stack started in ${STARTUP_SECONDS}s"
    export LOTUS_BENCH_GATEWAY="http://127.0.0.1:$LOTUS_GATEWAY_PORT"
    # which process is which, to measure each one's CPU and memory
    local named_pids="" name
    for name in "${STACK_PROCESSES[@]}"; do
      [[ ! -f "$STACK_DIR/$name.pid" ]] || named_pids+="$name=$(pid_of "$name"),"
    done
    export LOTUS_BENCH_PIDS="$named_pids"
  fi
  export LOTUS_BENCH_RESULTS="${LOTUS_BENCH_RESULTS:-$ROOT/bench-results}"
  # the baselines' clients, workers and consumer run here: same JVM flags as the saga's services
  java "${JAVA_OPTS[@]}" -jar "$(jar_of bench)"
  stop_all
}

[[ "${BASH_SOURCE[0]}" != "$0" ]] || bench_command "$@"
