#!/usr/bin/env bash
# The Debian packages, built in Docker from the source package of this build.
set -euo pipefail

cd "$(dirname "$0")/.."
mkdir -p dist
buildkite-agent artifact download 'dist/*.tar.gz' dist/

make docker-deb

# Uploaded here, the Raspberry Pi image build downloads it from this build.
buildkite-agent artifact upload './dist/*.deb'
