#!/usr/bin/env bash
# The unsigned Windows installer, built in Docker from the wheel of this build.
set -euo pipefail

cd "$(dirname "$0")/.."
mkdir -p dist
buildkite-agent artifact download 'dist/*.whl' dist/

make docker-windows

buildkite-agent artifact upload './dist/*.exe'
