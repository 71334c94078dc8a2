#!/usr/bin/env bash
# ./lotus e2e: the newman collection (postman/), the browser test of /ui (e2e/browser/) and the
# business metrics check (postman/metrics-check.cjs), against a fresh stack of their own.
# ./lotus test sources it for run_e2e.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/..
# shellcheck source=tools/local-stack/stack.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tools/local-stack/stack.sh"

install_newman() {
  if [[ ! -x "$ROOT/postman/node_modules/.bin/newman" ]]; then
    command -v npm >/dev/null || die "npm is needed to install newman (Node.js 18 or newer)"
    say "installing newman from npm"
    (cd "$ROOT/postman" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

install_ui_tests() {
  if [[ ! -d "$ROOT/e2e/browser/node_modules/playwright-core" ]]; then
    command -v npm >/dev/null || die "npm is needed to install playwright-core (Node.js 20 or newer)"
    say "installing playwright-core from npm (the browser test drives the machine's Chromium)"
    (cd "$ROOT/e2e/browser" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The browser test never downloads a browser of its own: it drives Debian's Chromium.
require_chromium() {
  export LOTUS_CHROMIUM="${LOTUS_CHROMIUM:-/usr/bin/chromium}"
  [[ -x "$LOTUS_CHROMIUM" ]] && return
  if [[ "$LOTUS_CHROMIUM" != /usr/bin/chromium ]] || ! command -v apt-get >/dev/null || ((EUID != 0)); then
    die "the browser test needs Chromium at $LOTUS_CHROMIUM (set LOTUS_CHROMIUM, or install Debian's chromium package)"
  fi
  say "installing Chromium for the browser test of /ui (apt-get install chromium; about a minute, once)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq chromium >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } \
    || die "could not install Chromium with apt-get; install the chromium package and run again"
  [[ -x "$LOTUS_CHROMIUM" ]] || die "Chromium was installed but $LOTUS_CHROMIUM is missing; set LOTUS_CHROMIUM"
}

# The browser test and the metrics check set E2E_CHECKS_STATUS instead of failing, so that the
# stack still stops and ./lotus test's summary counts them; newman failing ends the run at once.
E2E_CHECKS_STATUS=0

# The order timeline page in headless Chromium, as a buyer and then staff, against the running stack.
run_ui_tests() {
  say "browser test of the /ui page (headless Chromium $LOTUS_CHROMIUM)"
  local started=$SECONDS
  LOTUS_UI_BASE_URL="http://127.0.0.1:$LOTUS_GATEWAY_PORT" LOTUS_E2E_RESULTS="$E2E_RESULTS" \
    node "$ROOT/e2e/browser/timeline.spec.cjs" || E2E_CHECKS_STATUS=$?
  say "browser test finished in $((SECONDS - started))s (screenshot: $E2E_RESULTS/ui-timeline.png)"
}

# What newman did shows in the services' business metrics; every service is ready.
run_metrics_check() {
  say "business metrics and readiness after newman"
  LOTUS_E2E_RESULTS="$E2E_RESULTS" node "$ROOT/postman/metrics-check.cjs" || E2E_CHECKS_STATUS=1
}

# A stack of its own, on ports beside a running one, on a database made fresh for the run.
run_e2e() {
  E2E_CHECKS_STATUS=0
  install_newman
  install_ui_tests
  require_chromium
  export E2E_RESULTS="${LOTUS_E2E_RESULTS:-$ROOT/e2e-results}"
  rm -f "$E2E_RESULTS/ui-tests.json" "$E2E_RESULTS/metrics-checks.json"
  export LOTUS_PORT_OFFSET="${LOTUS_E2E_PORT_OFFSET:-10000}"
  unset LOTUS_TEMPORAL_TARGET LOTUS_KAFKA_BOOTSTRAP
  # newman and the browser test register many buyers from 127.0.0.1 (default: 30 per 15 minutes).
  export LOTUS_REGISTRATION_MAX_PER_ADDRESS="${LOTUS_REGISTRATION_MAX_PER_ADDRESS:-100000}"
  fresh_database lotus_e2e
  build_if_needed
  start_stack
  say "stack started in ${STARTUP_SECONDS}s; running newman"
  local started=$SECONDS
  "$ROOT/postman/node_modules/.bin/newman" run "$ROOT/postman/lotus-saga.postman_collection.json" \
    --environment "$ROOT/postman/local.postman_environment.json" \
    --env-var "baseUrl=http://127.0.0.1:$LOTUS_GATEWAY_PORT" \
    --env-var "staffEmail=${LOTUS_STAFF_EMAIL:-staff@lotus.local}" \
    --env-var "staffPassword=${LOTUS_STAFF_PASSWORD:-lotus-staff-local}" \
    --reporters cli,json --reporter-json-export "$STATE/newman-report.json"
  say "newman finished in $((SECONDS - started))s"
  run_ui_tests
  run_metrics_check
  stop_all
}

e2e_command() {
  configure
  require_java
  run_e2e
  return "$E2E_CHECKS_STATUS"
}

[[ "${BASH_SOURCE[0]}" != "$0" ]] || e2e_command
