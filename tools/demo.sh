#!/usr/bin/env bash
# The main job: the demo host with the coach panel, or a headless demo when there is no display.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
locale="${COACH_LOCALE:-nl}"
if { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; } && [ -x build/bin/coach-demo ]; then
  exec build/bin/coach-demo --locale "$locale" "$@"
fi
echo "No display found: running the headless demo (coach transcript on a sample chat)."
echo
sample=tests/data/demo/nl-schulden-chat.txt
[ "$locale" = en ] && sample=tests/data/demo/en-debt-chat.txt
exec build/bin/coach transcript "$sample" --locale "$locale" --format text
