# coach transcript: the study's chat format and JSON arrays.
source "$(dirname "$0")/lib.bash"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rules="$TESTS/data/rules"
cat >"$tmp/chat.txt" <<'TXT'
Hulpvrager (19:18): ik heb al maanden schulden en de deurwaarder komt steeds langs,
ik slaap er slecht van
Online hulpverlener (19:20): Je zou kunnen bellen met schuldhulpverlening.
Hulpvrager (19:21): ok
TXT
out=$("$COACH" transcript "$tmp/chat.txt" --rules "$rules"); rc=$?
check "exit 0" test "$rc" -eq 0
check "continuation joined" contains "$(sed -n 1p <<<"$out")" '"role":"client","signals":[],"time":"19:18"'
check "counsellor practices and nudges" contains "$(sed -n 2p <<<"$out")" '"nudges":["verify_interpretation","online_referral"],"practices":["advice","f2f_referral"]'
check "summary line" contains "$(tail -1 <<<"$out")" '"summary":{"checklist"'
echo '[{"role": "client", "text": "ik wil dood"}, {"role": "counsellor", "text": "Wat erg, vertel."}]' >"$tmp/t.json"
out=$("$COACH" transcript "$tmp/t.json" --rules "$rules" --format text)
check "text format shows the crisis nudge" contains "$out" "coach (urgent) Crisis: Noem 113 Zelfmoordpreventie."
printf 'zomaar tekst\n' >"$tmp/bad.txt"
out=$("$COACH" transcript "$tmp/bad.txt" --rules "$rules" 2>&1); rc=$?
check "unreadable transcript exit 1" test "$rc" -eq 1
check "line named" contains "$out" "bad.txt:1: error: expected a speaker"
out=$("$COACH" transcript /nonexistent.txt 2>&1); rc=$?
check "missing file exit 2" test "$rc" -eq 2
finish
