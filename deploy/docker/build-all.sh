#!/usr/bin/env bash
# Builds the six service images from the repository root, tagged for the Helm chart
# (<registry>/<prefix>/<service>:<tag>), and pushes them with PUSH=1.
#
#   REGISTRY=ghcr.io/acme TAG=0.1.0 PUSH=1 deploy/docker/build-all.sh
#   deploy/docker/build-all.sh api-gateway workflows      # only these
#
# REGISTRY  image registry (default: none, local names as minikube's Docker uses them)
# PREFIX    repository prefix (default lotus-saga; the chart's image.repositoryPrefix)
# TAG       image tag (default: appVersion of deploy/charts/lotus-saga/Chart.yaml)
# DOCKER    docker or a compatible CLI with BuildKit (default docker)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICES=(workflows activities-billing activities-stock activities-delivery notification api-gateway)
REGISTRY="${REGISTRY:-}"
PREFIX="${PREFIX:-lotus-saga}"
TAG="${TAG:-$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$ROOT/deploy/charts/lotus-saga/Chart.yaml")}"
DOCKER="${DOCKER:-docker}"

[[ -n "$TAG" ]] || { echo "build-all: no TAG and no appVersion in the chart" >&2; exit 1; }
if [[ $# -gt 0 ]]; then
  for wanted in "$@"; do
    [[ " ${SERVICES[*]} " == *" $wanted "* ]] || { echo "build-all: unknown service $wanted (one of: ${SERVICES[*]})" >&2; exit 1; }
  done
  SERVICES=("$@")
fi

export DOCKER_BUILDKIT=1
for service in "${SERVICES[@]}"; do
  image="${REGISTRY:+$REGISTRY/}$PREFIX/$service:$TAG"
  echo "build-all: $image"
  "$DOCKER" build -f "$ROOT/deploy/docker/Dockerfile" --build-arg SERVICE="$service" -t "$image" "$ROOT"
  if [[ "${PUSH:-0}" == 1 ]]; then
    "$DOCKER" push "$image"
  fi
done
