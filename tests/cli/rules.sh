# coach rules check / test: exit codes and file:line:column diagnostics.
source "$(dirname "$0")/lib.bash"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
out=$("$COACH" rules check "$TESTS/data/rules" --locale nl 2>&1); rc=$?
check "good rules pass" test "$rc" -eq 0
check "good rules counted" contains "$out" "nl: 10 detection rules, 6 nudge rules, 0 problems"
out=$("$COACH" rules test "$TESTS/data/rules" --locale nl 2>&1); rc=$?
check "examples pass" test "$rc" -eq 0
check "examples counted" contains "$out" "nl: 32 passed, 0 failed"
cat >"$tmp/bad.json" <<'JSON'
{"rules": [
  {"id": "BAD_SPAN", "kind": "detect", "practice": "advice", "patterns": ["je zou"],
   "examples": {"match": ["**Je zou kunnen** bellen."], "no_match": ["Je zou dat niet doen."]}}
]}
JSON
out=$("$COACH" rules test "$tmp/bad.json" --locale nl 2>&1); rc=$?
check "failing examples exit 1" test "$rc" -eq 1
check "span mismatch named" contains "$out" "bad.json:3:27: error: rule BAD_SPAN: matches \"Je zou\" instead of the marked \"Je zou kunnen\""
check "negative example named" contains "$out" "rule BAD_SPAN: matches \"Je zou\" in its no_match example"
echo '{"rules": [{"id": "x"}]}' >"$tmp/bad2.json"
out=$("$COACH" rules check "$tmp/bad2.json" --locale nl 2>&1); rc=$?
check "invalid rule exit 1" test "$rc" -eq 1
check "bad id named" contains "$out" "bad2.json:1:19: error: rule x: id must be capitals"
finish
