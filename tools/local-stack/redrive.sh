#!/usr/bin/env bash
# ./lotus redrive: the gateway's staff-only bulk re-drive, now, on the running stack (docs/saga.md,
# "What survives a restart"); signs in as staff and prints the gateway's answer.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

json_string() { local s="${1//\\/\\\\}"; printf '"%s"' "${s//\"/\\\"}"; }

redrive_command() {
  configure
  local base="${LOTUS_GATEWAY_URL:-http://127.0.0.1:$LOTUS_GATEWAY_PORT}" email password token
  curl -fs -o /dev/null "$base/actuator/health/liveness" \
    || die "no gateway answers at $base: start the stack with ./lotus up (or set LOTUS_GATEWAY_URL)"
  email=$(json_string "${LOTUS_STAFF_EMAIL:-staff@lotus.local}")
  password=$(json_string "${LOTUS_STAFF_PASSWORD:-lotus-staff-local}")
  token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":$email,\"password\":$password}" \
    "$base/profile/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  [[ -n "$token" ]] || die "the staff account could not sign in (LOTUS_STAFF_EMAIL / LOTUS_STAFF_PASSWORD)"
  curl -sS -X POST -H "Authorization: Bearer $token" "$base/admin/orders/redrive"
  echo
}

[[ "${BASH_SOURCE[0]}" != "$0" ]] || redrive_command
