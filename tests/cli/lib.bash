# Helpers for the CLI tests (sourced, not a test): each test script is run as
# `bash script.sh COACH TESTS_DIR`.
set -u
COACH="$1"
TESTS="$2"
failures=0
passes=0
check() {  # check NAME CONDITION-COMMAND...
  local name="$1"; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
contains() { grep -qF -- "$2" <<<"$1"; }
finish() {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
