#!/usr/bin/env bash
# Builds counsel-coach and runs every test (unit, rules, CLI, golden, eval, C API, GUI under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
cd build
ctest --output-on-failure -j2 "$@"
