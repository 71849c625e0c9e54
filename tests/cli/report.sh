# coach report: the session report as a self-contained HTML page and as JSON.
source "$(dirname "$0")/lib.bash"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rules="$TESTS/data/rules"

# Message text with markup and quotes must come out escaped, never as markup.
cat >"$tmp/chat.txt" <<'TXT'
Hulpvrager (19:18): ik heb schulden <script>alert("x")</script> & ik wil dood
Online hulpverlener (19:19): Je hebt schulden, klopt dat? Begrijp ik het goed dat je je "wanhopig" voelt?
Hulpvrager (19:24): ja
Online hulpverlener (19:25): Heb je hier iets aan? Een eerste stap: bel je huisarts. Kijk ook op www.113.nl <b>nu</b>. Klopt dat?
Hulpvrager (19:26): ok
TXT
"$COACH" report "$tmp/chat.txt" --rules "$rules" --out "$tmp/r.html" --json "$tmp/r.json"; rc=$?
check "exit 0" test "$rc" -eq 0
check "html: parsed, sections, charts, escaped text" python3 - "$tmp/r.html" <<'PY'
import sys
from html.parser import HTMLParser
class Page(HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = []; self.ids = set(); self.external = []; self.stack = []
        self.texts = []; self.svg_titles = 0; self.in_text = 0; self.current = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs); self.tags.append(tag)
        if "id" in a: self.ids.add(a["id"])
        for k in ("src", "href"):
            if k in a: self.external.append(a[k])
        if tag == "div" and a.get("class") == "text": self.in_text = 1; self.current = []
        elif tag == "div" and self.in_text: self.in_text += 1
    def handle_endtag(self, tag):
        if tag == "div" and self.in_text:
            self.in_text -= 1
            if not self.in_text: self.texts.append("".join(self.current))
    def handle_data(self, data):
        if self.in_text: self.current.append(data)
text = open(sys.argv[1], encoding="utf-8").read()
p = Page(); p.feed(text); p.close()
ok = True
def expect(name, cond):
    global ok
    if not cond: print("  " + name); ok = False
expect("doctype", text.startswith("<!DOCTYPE html>"))
expect("sections", {"summary", "checklist", "practices", "phases", "sides", "transcript"} <= p.ids)
expect("five SVG charts or more", p.tags.count("svg") >= 5)
expect("no script element", "script" not in p.tags)
expect("no markup from the message", "b" not in p.tags)
expect("no external resources", not p.external and "url(" not in text and "@import" not in text)
expect("print style", "@media print" in text)
expect("message text round-trips", p.texts[0] == 'ik heb schulden <script>alert("x")</script> & ik wil dood')
expect("quotes escaped", "&quot;wanhopig&quot;" in text)
expect("markup escaped", "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ik wil dood" in text)
expect("five messages", len(p.texts) == 5)
expect("comparison with the study", "Je hebt je interpretatie 2 keer gecontroleerd; in het onderzoek gebeurde dat in 40% van de gesprekken." in text)
expect("missed practice with its figure", "Je vroeg niet naar het netwerk van de hulpvrager; in het onderzoek gebeurde dat in 42% van de gesprekken." in text)
expect("crisis alert", 'id="crisis"' in text)
expect("silence shown", "stilte van 5.0 min" in text)
sys.exit(0 if ok else 1)
PY
check "json: the same data" python3 - "$tmp/r.json" "$tmp/chat.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["report"] == "session" and d["locale"] == "nl"
checklist = {c["practice"]: c for c in d["checklist"]}
assert list(checklist) == ["verify_interpretation", "set_goal", "ask_feedback", "mobilise_network", "online_referral"]
assert checklist["verify_interpretation"]["count"] == 2, checklist["verify_interpretation"]
assert checklist["verify_interpretation"]["message_indexes"] == [1, 3], checklist["verify_interpretation"]
assert checklist["verify_interpretation"]["study_percent"] == 40
assert checklist["mobilise_network"]["done"] is False and checklist["mobilise_network"]["recommendation"]
assert [c["study_percent"] for c in d["checklist"]] == [40, 4, 40, 42, 10]
comparisons = {c["practice"]: c for c in d["comparisons"]}
assert "40%" in comparisons["verify_interpretation"]["sentence"]
turns = d["turns"]
assert len(turns) == 5 and turns[0]["text"].startswith("ik heb schulden <script>")
assert turns[2]["silence"] is True and turns[2]["reply_seconds"] == 300
assert "crisis_risk" in turns[0]["practices"]
s = d["summary"]
assert s["client"]["silences"] == 1 and s["counsellor"]["words"] > s["client"]["words"]
assert d["phases"]["reached"][0] == "intake" and d["phases"]["first_message_index"]["intake"] == 0
PY

# Without --out or --json the page goes to standard output; English texts with --locale en.
cat >"$tmp/en.txt" <<'TXT'
Client (10:00): I have debts and I don't know what to do
Counsellor (10:01): So you have debts and you feel stuck. Is that right?
Client (10:02): yes
TXT
out=$("$COACH" report "$tmp/en.txt" --locale en); rc=$?
check "stdout: exit 0" test "$rc" -eq 0
check "stdout: a page" contains "$out" "<!DOCTYPE html>"
check "english comparison" contains "$out" "; in the study 40% of conversations did it at all."
check "english missed practice" contains "$out" "You did not ask about the client&#39;s network; in the study 42% of conversations did it at all."

# Shipped samples: every one gives a page and JSON.
for f in "$TESTS"/data/transcripts/nl/*.txt; do
  "$COACH" report "$f" --out "$tmp/s.html" --json "$tmp/s.json" || echo "FAIL on $f"
done >"$tmp/samples.log" 2>&1
check "samples: all reports written" test ! -s "$tmp/samples.log"

# Bad input names the file and fails.
out=$("$COACH" report "$tmp/missing.txt" 2>&1); rc=$?
check "missing file: non-zero" test "$rc" -ne 0
check "missing file: named" contains "$out" "missing.txt: cannot open file"
: >"$tmp/empty.txt"
out=$("$COACH" report "$tmp/empty.txt" --out "$tmp/e.html" 2>&1); rc=$?
check "empty file: non-zero" test "$rc" -ne 0
check "empty file: named" contains "$out" "empty.txt:1: error: empty transcript"
check "empty file: no page written" test ! -e "$tmp/e.html"
printf 'Hulpvrager (10:00): caf\xe9\n' >"$tmp/latin1.txt"
out=$("$COACH" report "$tmp/latin1.txt" 2>&1); rc=$?
check "invalid UTF-8: non-zero and named" test "$rc" -ne 0 -a -n "$(grep -F 'latin1.txt:1: error: invalid UTF-8' <<<"$out")"
out=$("$COACH" report "$tmp/chat.txt" --out /nonexistent-dir/r.html 2>&1); rc=$?
check "unwritable output: exit 2, named" test "$rc" -eq 2 -a -n "$(grep -F '/nonexistent-dir/r.html: cannot write' <<<"$out")"
finish
