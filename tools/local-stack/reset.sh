#!/usr/bin/env bash
# ./lotus reset --yes: drops every schema the stack owns in its database (LOTUS_DB_URL); the next
# ./lotus up starts from the seed data.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

reset_command() { # --yes
  [[ "${1:-}" == "--yes" ]] || die "this drops every schema of the stack (all users, balances, orders, notifications).
       Run ./lotus reset --yes to confirm."
  configure
  require_database
  local schema
  for schema in "${SCHEMAS[@]}"; do
    psql_admin -d "$DB_NAME" -c "drop schema if exists \"$schema\" cascade"
  done
  say "dropped schemas ${SCHEMAS[*]} in $DB_NAME; the next ./lotus up starts from the seed data"
}

[[ "${BASH_SOURCE[0]}" != "$0" ]] || reset_command "$@"
