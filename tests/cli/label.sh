# coach label: the CONTRACT.md line contract, errors per line, exit codes.
source "$(dirname "$0")/lib.bash"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rules="$TESTS/data/rules"

out=$(printf '%s\n' '{"id": "m1", "role": "counsellor", "text": "Je bent boos, klopt dat?"}' \
                   '{"id": "m2", "role": "client", "text": "ik wil dood"}' \
  | "$COACH" label --rules "$rules" 2>"$tmp/err")
rc=$?
check "exit 0 on good input" test "$rc" -eq 0
check "one line per input line" test "$(wc -l <<<"$out")" -eq 2
check "practices of m1" contains "$out" '{"id":"m1","practices":["verify_interpretation"],"signals":[]}'
check "crisis of m2" contains "$out" '"id":"m2","practices":["crisis_risk"]'
check "nothing on stderr" test ! -s "$tmp/err"

# Bad lines: each gets an error line in place; the rest is still processed; exit 1.
printf '%s\n' 'not json' '{"id": 7, "role": "therapist", "text": "x"}' '{"id": "e", "role": "client", "text": ""}' \
              '{"id": "ok", "role": "counsellor", "text": "Klopt dat?"}' >"$tmp/in"
printf '{"id": "u", "role": "client", "text": "bad \xff byte"}\n' >>"$tmp/in"
out=$("$COACH" label --rules "$rules" <"$tmp/in" 2>"$tmp/err")
rc=$?
check "exit 1 when a line is bad" test "$rc" -eq 1
check "five output lines" test "$(wc -l <<<"$out")" -eq 5
check "invalid JSON named" contains "$(sed -n 1p <<<"$out")" '"error":"invalid JSON at column 2"'
check "unknown role named, id kept" contains "$(sed -n 2p <<<"$out")" '"error":"unknown role \"therapist\" (expected counsellor or client)","id":7'
check "empty text named" contains "$(sed -n 3p <<<"$out")" '"error":"empty text"'
check "good line still labelled" contains "$(sed -n 4p <<<"$out")" '"practices":["verify_interpretation"]'
check "broken UTF-8 named" contains "$(sed -n 5p <<<"$out")" '"error":"invalid JSON'
check "stderr names line numbers" contains "$(cat "$tmp/err")" "coach label: line 2: unknown role"

# A 1 MB message is labelled, not rejected.
python3 -c 'import json; print(json.dumps({"id": "big", "role": "client", "text": "ik heb niemand. " * 65000}))' >"$tmp/big"
out=$("$COACH" label --rules "$rules" <"$tmp/big" 2>/dev/null)
check "1 MB message labelled" contains "$out" '"id":"big","practices":[],"signals":["isolation"]'

# Unknown locale, missing rules: clear error, exit 2.
err=$(echo '{}' | "$COACH" label --locale fr 2>&1 >/dev/null); rc=$?
check "unknown locale exit 2" test "$rc" -eq 2
check "unknown locale named" contains "$err" "unknown locale 'fr' (available: en, nl"
err=$(echo '{}' | "$COACH" label --rules /nonexistent 2>&1 >/dev/null); rc=$?
check "missing rules exit 2" test "$rc" -eq 2
check "missing rules named" contains "$err" "/nonexistent: error: no such file or folder"
err=$("$COACH" label --bogus 2>&1); rc=$?
check "unknown option exit 2" test "$rc" -eq 2
check "help" contains "$("$COACH" label --help)" "usage: coach label"
finish
