#!/usr/bin/env bash
# ./lotus record-histories: re-records the workflow histories in src/test/resources/histories/
# that the replay tests guard, after a versioned change of the workflow (docs/saga.md, "Changing the
# workflow safely"). Review the new files before committing them. Their payloads are encrypted with
# the test key of src/test/.../order/TestEncryption.java, which the replay tests decrypt with.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/..
# shellcheck source=tools/local-stack/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tools/local-stack/lib.sh"

record_histories_command() {
  require_java
  local histories="$ROOT/workflows/src/test/resources/histories" recorded
  "$ROOT/mvnw" -B -q -Dspotless.check.skip=true install -DskipTests -pl platform/contracts,platform/codec -am
  rm -f "$histories"/*.json
  "$ROOT/mvnw" -B -pl workflows test -Dspotless.check.skip=true -Dlotus.recordHistories=true \
    -Dtest='OrderWorkflowTest,OrderCancellationTest,WaitDeadlineTest,OrderRedriveTest,StuckStepTest,ChosenSlotTest'
  recorded=$(find "$histories" -maxdepth 1 -name '*.json' | wc -l)
  say "recorded $recorded histories; review and commit them"
}

[[ "${BASH_SOURCE[0]}" != "$0" ]] || record_histories_command
