# Shared by every script behind ./lotus (sourced, never run): where things are, the stack's
# configuration from the environment, prerequisites, the database and the build.
# shellcheck shell=bash
# shellcheck disable=SC2034 # what it sets is for the scripts that source it to read

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="$ROOT/.lotus"
SERVICES=(workflows activities-billing activities-stock activities-delivery notification api-gateway)
SCHEMAS=(gateway billing stock delivery notification)

say() { printf '\033[1mlotus:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mlotus:\033[0m %s\n' "$*" >&2; exit 1; }

# Ports and addresses from LOTUS_PORT_OFFSET, exported for the services, the suites and the
# scripts they run. Sets EMBEDDED_TEMPORAL, EMBEDDED_KAFKA, JAVA_OPTS and STACK_DIR.
configure() {
  local offset="${LOTUS_PORT_OFFSET:-0}"
  export LOTUS_GATEWAY_PORT=$((8080 + offset))
  export LOTUS_WORKFLOWS_PORT=$((8085 + offset))
  export LOTUS_BILLING_PORT=$((8091 + offset))
  export LOTUS_STOCK_PORT=$((8092 + offset))
  export LOTUS_DELIVERY_PORT=$((8093 + offset))
  export LOTUS_NOTIFICATION_PORT=$((8094 + offset))
  export LOTUS_BILLING_URL="http://127.0.0.1:$LOTUS_BILLING_PORT"
  export LOTUS_STOCK_URL="http://127.0.0.1:$LOTUS_STOCK_PORT"
  export LOTUS_DELIVERY_URL="http://127.0.0.1:$LOTUS_DELIVERY_PORT"
  export LOTUS_NOTIFICATION_URL="http://127.0.0.1:$LOTUS_NOTIFICATION_PORT"
  # The internal services verify the gateway's tokens against the keys it publishes.
  export LOTUS_INTERNAL_JWKS_URI="http://127.0.0.1:$LOTUS_GATEWAY_PORT/.well-known/jwks.json"

  EMBEDDED_TEMPORAL=false
  if [[ -z "${LOTUS_TEMPORAL_TARGET:-}" ]]; then
    EMBEDDED_TEMPORAL=true
    export LOTUS_TEMPORAL_PORT=$((7233 + offset))
    export LOTUS_TEMPORAL_TARGET="127.0.0.1:$LOTUS_TEMPORAL_PORT"
  fi
  EMBEDDED_KAFKA=false
  if [[ -z "${LOTUS_KAFKA_BOOTSTRAP:-}" ]]; then
    EMBEDDED_KAFKA=true
    export LOTUS_KAFKA_PORT=$((9092 + offset))
    export LOTUS_KAFKA_BOOTSTRAP="127.0.0.1:$LOTUS_KAFKA_PORT"
  fi
  export LOTUS_DB_URL="${LOTUS_DB_URL:-jdbc:postgresql://127.0.0.1:5432/lotus}"
  export LOTUS_DB_USER="${LOTUS_DB_USER:-postgres}"
  # LOTUS_JAVA_OPTS is a list of JVM options, split on spaces as a user writes it. C1 only: on two
  # cores, six JVMs compiling with C2 spend more than they gain within a run (docs/benchmark.md).
  # No hsperfdata: its sampler costs each idle service about 3 ms of CPU a second (jps and jstat
  # do not see the processes; jcmd with a pid does). Out of memory, a JVM exits instead of
  # hanging half-dead, as in the deployment's image: ./lotus up then starts it again.
  read -r -a JAVA_OPTS <<<"${LOTUS_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xmx512m -XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError}"
  # One folder per stack (they differ by port), so that a script started later, such as the fault
  # suite's stack.sh kill-restart, finds the processes that another one started.
  STACK_DIR="$STATE/stacks/$LOTUS_GATEWAY_PORT"
}

require_java() {
  command -v java >/dev/null || die "Java 17 or newer is needed (java not found on PATH)"
  local major
  major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
  [[ "${major%%.*}" -ge 17 ]] || die "Java 17 or newer is needed (found $major)"
}

# Sets DB_HOST, DB_PORT and DB_NAME out of LOTUS_DB_URL (jdbc:postgresql://host:port/db).
db_parts() {
  local rest="${LOTUS_DB_URL#jdbc:postgresql://}" hostport
  rest="${rest%%\?*}"
  hostport="${rest%%/*}"
  DB_NAME="${rest#*/}"
  DB_HOST="${hostport%%:*}"
  DB_PORT="${hostport##*:}"
  [[ "$DB_PORT" != "$hostport" ]] || DB_PORT=5432
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

psql_admin() {
  PGPASSWORD="${LOTUS_DB_PASSWORD:-}" psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" \
    -U "$LOTUS_DB_USER" "$@"
}

require_database() {
  db_parts
  port_open "$DB_HOST" "$DB_PORT" || die "PostgreSQL is not reachable at $DB_HOST:$DB_PORT.
       Start it (on Debian: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start)
       or point LOTUS_DB_URL at a running server."
  if command -v psql >/dev/null; then
    if [[ -z "$(psql_admin -d postgres -tAc "select 1 from pg_database where datname = '$DB_NAME'")" ]]; then
      say "creating database $DB_NAME"
      psql_admin -d postgres -c "create database \"$DB_NAME\""
    fi
  fi
}

# The e2e, faults and bench stacks each run on a database of their own, made empty for the run.
fresh_database() { # name
  export LOTUS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$1"
  configure
  db_parts
  require_database
  psql_admin -d postgres -c "drop database if exists $1 with (force)" -c "create database $1"
}

require_free_port() {
  ! port_open 127.0.0.1 "$1" || die "port $1 ($2) is already in use: is another stack running?
       Stop it, or set LOTUS_PORT_OFFSET to run beside it."
}

build_if_needed() {
  mkdir -p "$STATE"
  local stamp="$STATE/build.stamp" missing=false module
  for module in local-stack bench fault-suite "${SERVICES[@]}"; do
    jar_of "$module" >/dev/null || missing=true
  done
  if $missing || [[ ! -f "$stamp" ]] \
    || [[ -n "$(find "$ROOT" -path "$ROOT/.lotus" -prune -o -path '*/target' -prune -o -name node_modules -prune -o \
                   \( -name '*.java' -o -name 'pom.xml' -o -name '*.yml' -o -name '*.sql' -o -name '*.xml' \) \
                   -newer "$stamp" -print -quit)" ]]; then
    say "building (./mvnw package, tests skipped; ./lotus test runs them)"
    "$ROOT/mvnw" -B -q -DskipTests -Dspotless.check.skip=true package
    touch "$stamp"
  fi
}

# The jar of a service (a folder at the root) or of a tool (under tools/); fails when not built.
jar_of() { # module
  local dir="$ROOT/$1" jar
  [[ -d "$dir" ]] || dir="$ROOT/tools/$1"
  for jar in "$dir"/target/"$1"-*.jar; do
    [[ -f "$jar" && "$jar" != *-plain* && "$jar" != *sources* ]] || continue
    echo "$jar"
    return 0
  done
  return 1
}
