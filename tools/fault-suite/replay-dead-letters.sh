#!/usr/bin/env bash
# ./lotus replay-dead-letters: after a fix, every record of lotus.order-events.DLT not replayed
# before goes back to lotus.order-events (docs/operations.md, "Dead letters"). The replay is
# a main class of this module's jar (dev.lotussaga.faults.DeadLetterReplay), for any Kafka at
# LOTUS_KAFKA_BOOTSTRAP.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../..
# shellcheck source=tools/local-stack/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local-stack/lib.sh"

replay_dead_letters_command() {
  configure
  require_java
  local jar
  jar=$(jar_of fault-suite) || die "the faults jar is missing: build it with ./mvnw -B -q -DskipTests package -pl tools/fault-suite -am"
  java -cp "$jar" -Dloader.main=dev.lotussaga.faults.DeadLetterReplay \
    org.springframework.boot.loader.launch.PropertiesLauncher
}

[[ "${BASH_SOURCE[0]}" != "$0" ]] || replay_dead_letters_command
