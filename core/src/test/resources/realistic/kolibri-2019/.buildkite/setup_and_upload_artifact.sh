#!/usr/bin/env bash
# Collects every artifact of the build and uploads them to Google Cloud Storage.
set -euo pipefail

virtualenv -p python3 env
env/bin/pip install -r requirements/pipeline.txt

mkdir -p dist
for pattern in 'dist/*.pex' 'dist/*.whl' 'dist/*.tar.gz' 'dist/*.deb' 'dist/*.exe'; do
  buildkite-agent artifact download "$pattern" dist/
done

env/bin/python .buildkite/upload_artifacts.py
