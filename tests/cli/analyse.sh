# coach analyse: coding conversations with the study's scheme, the study's table, bad input.
source "$(dirname "$0")/lib.bash"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rules="$TESTS/data/rules"
samples="$TESTS/data/transcripts"

# A conversation whose measures are known exactly (the stable test rules decide the practices).
cat >"$tmp/known.txt" <<'TXT'
Hulpvrager (23:50): ik heb schulden en ik weet het NIET meer...
Online hulpverlener (23:51): Wat vervelend! Je hebt schulden, klopt dat?
Hulpvrager (23:56): ja
Online hulpverlener (23:57): Heb je hier iets aan? Je zou kunnen bellen met de huisarts :)
Hulpvrager (00:02): dat ga ik doen want ik heb er echt heel lang over nagedacht en mijn moeder zei het ook al een
paar keer tegen me dat ik eens iets moest doen met al die brieven die ik maar in de la leg zonder ze open te maken,
en mijn vriendin vindt het ook, en eigenlijk weet ik het zelf ook wel maar het is zo moeilijk om te beginnen met
bellen en uitleggen wat er allemaal aan de hand is terwijl ik me er zo voor schaam tegenover iedereen om me heen, ook
op mijn werk en bij mijn familie, en daarom wacht ik steeds weer langer en langer en dan wordt het alleen maar erger
Online hulpverlener (00:03): Een eerste stap dus. Kijk ook op www.nibud.nl 😊
TXT
out=$("$COACH" analyse "$tmp/known.txt" --rules "$rules" --format json); rc=$?
check "known: exit 0" test "$rc" -eq 0
check "known: measures" python3 - "$out" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
c = d["conversations"][0]
a = d["aggregate"]
ok = True
def expect(name, got, want):
    global ok
    if got != want:
        print(f"  {name}: got {got!r}, want {want!r}")
        ok = False
expect("conversations", a["conversations"], 1)
expect("messages", c["messages"], 6)
expect("client words", c["client"]["words"], 9 + 1 + 116)
expect("counsellor words", c["counsellor"]["words"], 7 + 12 + 8)  # ":)" and emoji are no words
expect("client dominates", c["dominance"], "client")
expect("duration: over midnight", c["duration_seconds"], 13 * 60)
# Replies: client after 5 min with 1 word (a silence), after 5 min with 116 words (explained: 20
# words a minute); the counsellor always after 1 min.
expect("client mean reply", c["client"]["mean_reply_seconds"], 300)
expect("counsellor mean reply", c["counsellor"]["mean_reply_seconds"], 60)
expect("client silences", c["client"]["silences"], 1)
expect("counsellor silences", c["counsellor"]["silences"], 0)
expect("silence flags", [m["silence"] for m in c["message_codes"]], [False, False, True, False, False, False])
expect("capital words", c["client"]["capital_words"], 1)
expect("ellipses", c["client"]["ellipses"], 1)
expect("exclamations", c["counsellor"]["exclamations"], 1)
expect("questions", c["counsellor"]["questions"], 2)
expect("emoticons", c["counsellor"]["emoticons"], 2)
expect("practices", {k: v for k, v in c["practices"].items()},
       {"verify_interpretation": 1, "ask_feedback": 1, "advice": 1, "f2f_referral": 1, "set_goal": 1, "online_referral": 1})
expect("checklist", c["checklist"], {"verify_interpretation": True, "set_goal": True, "ask_feedback": True,
                                     "mobilise_network": False, "online_referral": True})
expect("referrals", (c["referral_f2f"], c["referral_online"]), (True, True))
expect("phases start with intake", c["phases"][0], "intake")
rows = {r["id"]: r for r in a["rows"]}
expect("verify row", (rows["verify_interpretation"]["conversations"], rows["verify_interpretation"]["percent"],
                      rows["verify_interpretation"]["study_percent"]), (1, 100.0, 40))
expect("network row", (rows["mobilise_network"]["percent"], rows["mobilise_network"]["study_percent"]), (0.0, 42))
expect("no text in the output", "schulden" in sys.argv[1], False)
sys.exit(0 if ok else 1)
PY

# The shipped samples with the default rules: the study's table, next to the study's figures.
out=$("$COACH" analyse "$samples/nl"); rc=$?
check "samples nl: exit 0" test "$rc" -eq 0
check "samples nl: conversations" contains "$out" "7 gesprekken (7 chat, 0 e-mail)"
check "samples nl: verify row with the study's 40%" grep -qE "^interpretatie controleren +[0-9]/7 +[0-9]+% +40%" <<<"$out"
check "samples nl: network row with the study's 42%" grep -qE "^informeel netwerk inschakelen +[0-9]/7 +[0-9]+% +42%" <<<"$out"
check "samples nl: online referral 10%" grep -qE "^verwijzing naar online hulp +[0-9]/7 +[0-9]+% +10%" <<<"$out"
check "samples nl: feedback 40%" grep -qE "^feedback vragen +[0-9]/7 +[0-9]+% +40%" <<<"$out"
check "samples nl: face-to-face 38%" grep -qE "^verwijzing naar face-to-face hulp +[0-9]/7 +[0-9]+% +38%" <<<"$out"
check "samples nl: chat length vs 46 min" contains "$out" "(onderzoek: 46 min)"
out=$("$COACH" analyse "$samples/en" --locale en); rc=$?
check "samples en: exit 0" test "$rc" -eq 0
check "samples en: English table" grep -qE "^checking the interpretation +[0-9]/2 +[0-9]+% +40%" <<<"$out"
out=$("$COACH" analyse "$samples/nl" --format json)
check "samples nl json: coded" python3 - "$out" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
convs = {c["name"].rsplit("/", 1)[-1]: c for c in d["conversations"]}
assert len(convs) == 7, convs.keys()
for name, c in convs.items():
    assert c["client"]["words"] > 0 and c["counsellor"]["words"] > 0, name
    assert c["duration_seconds"] > 0 and c["mean_turn_seconds"] > 0, name
    assert "intake" in c["phases"], name
assert sum(c["silences"] for c in convs.values()) >= 5
assert convs["05-crisis.txt"]["crisis"], "crisis language in 05"
assert convs["01-schulden.txt"]["referral_online"] and convs["05-crisis.txt"]["referral_online"]
assert sum(c["client"]["emoticons"] for c in convs.values()) >= 2
assert convs["07-eetprobleem.txt"]["client"]["capital_words"] == 1
PY

# CSV: one row per conversation.
"$COACH" analyse "$samples/nl" --format csv --out "$tmp/out.csv"
check "csv: header and 7 rows, same width" python3 - "$tmp/out.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
assert len(rows) == 8, len(rows)
assert rows[0][:3] == ["file", "channel", "messages"] and "verify_interpretation" in rows[0]
assert all(len(r) == len(rows[0]) for r in rows)
assert all(r[1] == "chat" and int(r[2]) > 0 for r in rows[1:])
PY

# HTML: a self-contained page with the table and a chart.
"$COACH" analyse "$samples/nl" --format html --out "$tmp/out.html"
check "html: table, chart, no scripts or external resources" python3 - "$tmp/out.html" <<'PY'
import sys
from html.parser import HTMLParser
class Page(HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = []; self.ids = set(); self.external = []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag); a = dict(attrs)
        if "id" in a: self.ids.add(a["id"])
        for k in ("src", "href"):
            if k in a: self.external.append(a[k])
p = Page(); text = open(sys.argv[1], encoding="utf-8").read(); p.feed(text)
assert text.startswith("<!DOCTYPE html>")
assert "svg" in p.tags and "table" in p.tags and "script" not in p.tags and "link" not in p.tags, p.tags
assert not p.external, p.external
assert {"aggregate", "conversations", "row-verify_interpretation", "row-mobilise_network"} <= p.ids, p.ids
assert "@import" not in text and "url(" not in text
PY

# JSON transcripts with ISO times and e-mail: reply time in days.
cat >"$tmp/mail.json" <<'JSON'
[{"role": "client", "channel": "email", "text": "Beste hulpverlener, ik heb een vraag.", "time": "2015-03-02T19:18:00"},
 {"role": "counsellor", "channel": "email", "text": "Beste NAAM, klopt dat?", "time": "2015-03-05T19:18:00"}]
JSON
out=$("$COACH" analyse "$tmp/mail.json" --rules "$rules" --format json)
check "e-mail: reply after three days" python3 - "$out" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
assert d["aggregate"]["emails"] == 1 and d["aggregate"]["mean_email_reply_days"] == 3.0, d["aggregate"]
c = d["conversations"][0]
assert c["channel"] == "email" and c["silences"] == 0
rows = {r["id"]: r for r in d["aggregate"]["rows"]}
assert rows["technical_failure_email"]["of"] == 1 and rows["technical_failure_chat"]["of"] == 0
PY

# Bad input: each bad file is named, the good ones are still analysed, exit 1.
: >"$tmp/empty.txt"
printf 'Hulpvrager (10:00): ok\nHulpvrager (10:01): caf\xe9 au lait\n' >"$tmp/latin1.txt"
out=$("$COACH" analyse "$tmp/missing.txt" "$tmp/empty.txt" "$tmp/latin1.txt" "$tmp/known.txt" --rules "$rules" \
      --format json 2>"$tmp/err"); rc=$?
err=$(cat "$tmp/err")
check "bad input: exit 1" test "$rc" -eq 1
check "bad input: missing file named" contains "$err" "missing.txt: cannot open file"
check "bad input: empty file named" contains "$err" "empty.txt:1: error: empty transcript"
check "bad input: invalid UTF-8 named with its line" contains "$err" "latin1.txt:2: error: invalid UTF-8"
check "bad input: good file still analysed" python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["aggregate"]["conversations"] == 1' "$out"
out=$("$COACH" analyse "$tmp/known.txt" --format pdf 2>&1); rc=$?
check "unknown format: exit 2" test "$rc" -eq 2
check "unknown format: says so" contains "$out" "--format must be table, json, csv or html"
out=$("$COACH" analyse 2>&1); rc=$?
check "no files: usage, exit 2" test "$rc" -eq 2
finish
