# coach nudge: the CONTRACT.md conversation contract.
source "$(dirname "$0")/lib.bash"
rules="$TESTS/data/rules"
line='{"channel": "chat", "messages": [{"role": "client", "text": "ik heb al maanden schulden en de deurwaarder komt steeds langs en ik slaap slecht"}], "draft": "Ga naar schuldhulpverlening, je zou kunnen bellen."}'
out=$(echo "$line" | "$COACH" nudge --rules "$rules"); rc=$?
check "exit 0" test "$rc" -eq 0
check "verify nudge first" contains "$out" '"nudges":[{"acknowledged":false,"id":"verify_interpretation","message":"Check eerst.","rule":"TN_VERIFY","severity":"suggest","title":"Check","why":"40%."}'
check "online nudge names a money resource" contains "$out" 'zelfjeschuldenregelen.nl'
check "checklist has the five practices" contains "$out" '"checklist":{"ask_feedback":false,"mobilise_network":false,"online_referral":false,"set_goal":false,"verify_interpretation":false}'
out=$(printf '%s\n' '{"messages": "nope"}' "$line" | "$COACH" nudge --rules "$rules" 2>/dev/null); rc=$?
check "bad line exit 1" test "$rc" -eq 1
check "bad line error" contains "$(sed -n 1p <<<"$out")" "'messages' must be a list of messages"
check "next line still processed" contains "$(sed -n 2p <<<"$out")" '"id":"verify_interpretation"'
out=$(echo '{"messages": [{"role": "client", "text": "hoi"}, {"role": "boss", "text": "x"}]}' | "$COACH" nudge --rules "$rules" 2>&1)
check "bad message named by index" contains "$out" 'messages[1]: unknown role \"boss\"'
finish
