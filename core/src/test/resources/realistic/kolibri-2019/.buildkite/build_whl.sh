#!/usr/bin/env bash
# Builds the wheel, the pex and the source package into dist/ and uploads them as this job's artifacts.
set -euo pipefail

make docker-whl
buildkite-agent artifact upload 'dist/*.whl'
buildkite-agent artifact upload 'dist/*.tar.gz'
buildkite-agent artifact upload 'dist/*.pex'
