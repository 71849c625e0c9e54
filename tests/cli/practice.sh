# coach practice: a scripted trainee plays a shipped scenario; --coach, --report, --check, --list.
source "$(dirname "$0")/lib.bash"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/good.txt" <<'TXT'
# a trainee who explores, checks, asks about the network and for feedback
Wat naar dat je hiermee zit. Kun je daar wat meer over vertellen?
Wat maakt het nu zo zwaar voor je? Vertel eens wat meer.
Als ik het goed begrijp loopt het je boven het hoofd en weet je niet waar je moet beginnen. Klopt dat?
Is er iemand in je omgeving, familie of vrienden, die je hierbij zou kunnen helpen?
Heb je hier iets aan, aan dit gesprek?
TXT
out=$("$COACH" practice nl-schulden --script "$tmp/good.txt" --report "$tmp/s.txt" 2>"$tmp/err"); rc=$?
check "exit 0" test "$rc" -eq 0
check "title and brief" contains "$out" "== De post blijft dicht (nl-schulden, schulden, chat)"
check "opening printed" contains "$out" "Hulpvrager (19:00): hallo, ik weet niet goed hoe dit werkt"
check "trainee turn printed" contains "$out" "Online hulpverlener (19:02): Wat naar dat je hiermee zit."
check "good ending" contains "$out" "== end: good (state feedback_good) after 5 turn(s)"
check "checklist" contains "$out" "checklist: [x] verify_interpretation [ ] set_goal [x] ask_feedback [x] mobilise_network [ ] online_referral"
check "practices used" contains "$out" "practices used:"
check "nothing on stderr" test ! -s "$tmp/err"
check "transcript written" contains "$(head -1 "$tmp/s.txt")" "Hulpvrager (19:00): hallo"
check "trainee in transcript" contains "$(cat "$tmp/s.txt")" "Online hulpverlener (19:02): Wat naar dat je"
# The transcript turns into the session report.
json=$("$COACH" report "$tmp/s.txt" --json - 2>"$tmp/err"); rc=$?
check "coach report reads it" test "$rc" -eq 0
check "report has the conversation" python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d' "$json"

# Advice straight away: resistance, shown with --coach with the why and the nudge.
printf '%s\n' 'Je zou naar de schuldhulpverlening van de gemeente kunnen gaan.' >"$tmp/advice.txt"
out=$("$COACH" practice nl-schulden --coach --script "$tmp/advice.txt" 2>&1); rc=$?
check "advice exit 0" test "$rc" -eq 0
check "client resists" contains "$out" "ja maar dat heb ik al geprobeerd"
check "why shown" contains "$out" "[why] Advies vóór verkenning"
check "nudge while typing" contains "$out" "[coach, while you typed] info explore_before_advice"
check "stopped summary" contains "$out" "== end: stopped (state resist) after 1 turn(s)"

# Crisis: the coach's crisis nudge shows from the opening; the same seed gives the same replay.
printf '%s\n' 'Kun je daar wat meer over vertellen?' >"$tmp/c.txt"
out=$("$COACH" practice nl-crisis --coach --script "$tmp/c.txt" 2>&1)
check "crisis nudge" contains "$out" "[coach] urgent crisis:"
a=$("$COACH" practice nl-crisis --seed 5 --script "$tmp/c.txt"); b=$("$COACH" practice nl-crisis --seed 5 --script "$tmp/c.txt")
check "reproducible" test "$a" = "$b"

# English, stdin.
out=$(printf 'Could you tell me a bit more about what is going on?\n' | "$COACH" practice en-housing 2>&1)
check "english on stdin" contains "$out" "Client (19:00): hi, I got a letter"

# List and check.
out=$("$COACH" practice --list)
check "list has nine or more" test "$(wc -l <<<"$out")" -ge 9
check "list names crisis" contains "$out" "nl-crisis	nl	crisis	"
printf '{"id": "x", "locale": "nl", "titel": "T"}\n' >"$tmp/bad.json"
err=$("$COACH" practice --check "$tmp/bad.json" 2>&1 >/dev/null); rc=$?
check "check exit 1" test "$rc" -eq 1
check "unknown key named" contains "$err" "$tmp/bad.json:1:38: error: unknown key 'titel'"
err=$("$COACH" practice "$tmp/bad.json" 2>&1); rc=$?
check "bad scenario exit 2" test "$rc" -eq 2
err=$("$COACH" practice no-such-scenario 2>&1); rc=$?
check "missing scenario exit 2" test "$rc" -eq 2
check "missing scenario named" contains "$err" "no scenario file or shipped scenario 'no-such-scenario'"
check "help" contains "$("$COACH" practice --help)" "usage: coach practice SCENARIO"
finish
