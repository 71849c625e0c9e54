#!/usr/bin/env bash
# Configures and builds counsel-coach (Release) into build/; the full log goes to build/build.log.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh
mkdir -p build
echo "Building counsel-coach (log: build/build.log)..."
if ! { cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2; } >build/build.log 2>&1; then
  tail -n 40 build/build.log
  echo "build failed; the full log is build/build.log" >&2
  exit 1
fi
