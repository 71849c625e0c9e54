# coach anonymise: placeholders for names, places, phones, e-mails, postcodes and personal URLs.
source "$(dirname "$0")/lib.bash"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/nl.txt" <<'TXT'
Hulpvrager (19:19): Hoi, ik ben Sanne de Vries en ik woon in Zwolle. Mijn telefoonnummer is 06-12345678.
Online hulpverlener (19:20): Hoi Sanne, fijn dat je er bent! Ben je er nog? Wil je mij mailen op hulp@voorbeeld.nl?
Hulpvrager (19:24): mijn zoon Daan zit op school in Den Haag, mijn adres is Kerkstraat 12, 1234 AB Amsterdam en mijn ex woont in 's-Hertogenbosch
  bel ook gerust 020 123 4567 of +31 6 1234 5678, mijn facebook is facebook.com/sanne.devries87
Online hulpverlener (19:25): Kijk ook eens op 113.nl of www.kindertelefoon.nl/chat, of bel gratis 0800-0113. Morgen belt Roos van het wijkteam.
Hulpvrager (19:26): ok. mijn buurvrouw lisa helpt soms ook, haar postcode is 5611AB. Roos is mijn lievelingsbloem
TXT
cat >"$tmp/nl.expected" <<'TXT'
Hulpvrager (19:19): Hoi, ik ben NAAM en ik woon in PLAATS. Mijn telefoonnummer is TELEFOON.
Online hulpverlener (19:20): Hoi NAAM, fijn dat je er bent! Ben je er nog? Wil je mij mailen op EMAIL?
Hulpvrager (19:24): mijn zoon NAAM zit op school in PLAATS, mijn adres is Kerkstraat 12, POSTCODE PLAATS en mijn ex woont in PLAATS
  bel ook gerust TELEFOON of TELEFOON, mijn facebook is URL
Online hulpverlener (19:25): Kijk ook eens op 113.nl of www.kindertelefoon.nl/chat, of bel gratis 0800-0113. Morgen belt NAAM van het wijkteam.
Hulpvrager (19:26): ok. mijn buurvrouw NAAM helpt soms ook, haar postcode is POSTCODE. Roos is mijn lievelingsbloem
TXT
"$COACH" anonymise "$tmp/nl.txt" --report "$tmp/nl.json" >"$tmp/nl.out"; rc=$?
check "nl: exit 0" test "$rc" -eq 0
check "nl: names, places, phones, e-mail, postcodes, URL replaced; labels, times, resources kept" \
  diff "$tmp/nl.expected" "$tmp/nl.out"
check "nl: report counts and positions, no originals" python3 - "$tmp/nl.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["counts"] == {"name": 5, "place": 4, "phone": 3, "email": 1, "postcode": 2, "url": 1}, d["counts"]
assert d["total"] == 16 and d["kept_resources"] == 2
first = d["replacements"][0]
assert (first["kind"], first["placeholder"], first["line"], first["column"], first["length"]) == ("name", "NAAM", 1, 33, 14), first
assert "original" not in json.dumps(d) and "Sanne" not in json.dumps(d)
PY
"$COACH" anonymise "$tmp/nl.txt" --report "$tmp/orig.json" --show-originals >/dev/null
check "nl: --show-originals adds the text" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [r["original"] for r in d["replacements"]][:3] == ["Sanne de Vries", "Zwolle", "06-12345678"], d' "$tmp/orig.json"
"$COACH" anonymise "$tmp/nl.out" >"$tmp/twice.out"
check "nl: placeholders are left alone" diff "$tmp/nl.out" "$tmp/twice.out"

cat >"$tmp/en.txt" <<'TXT'
Client (10:02): Hi, I'm Sarah and I live in Leeds. My mobile is 07700 900123 and my email is sarah.jones@example.co.uk
Counsellor (10:03): Hello Sarah, thank you for writing. Will you be able to talk to your son? We can speak again in June.
Client (10:05): my son Jack lives with his dad Michael O'Brien in Manchester, postcode M1 1AE. his number is +44 20 7946 0958
Counsellor (10:06): You can call Childline on 0800 1111 or chat at childline.org.uk, or see www.samaritans.org. Tomorrow Mark will call you.
Client (10:07): thanks. my instagram is https://www.instagram.com/sarah_j_1990/ if you need it. Emma's number is (020) 7946 0000
Counsellor (10:08): Kind regards,
Tom
TXT
cat >"$tmp/en.expected" <<'TXT'
Client (10:02): Hi, I'm NAAM and I live in PLAATS. My mobile is TELEFOON and my email is EMAIL
Counsellor (10:03): Hello NAAM, thank you for writing. Will you be able to talk to your son? We can speak again in June.
Client (10:05): my son NAAM lives with his dad NAAM in PLAATS, postcode POSTCODE. his number is TELEFOON
Counsellor (10:06): You can call Childline on 0800 1111 or chat at childline.org.uk, or see www.samaritans.org. Tomorrow NAAM will call you.
Client (10:07): thanks. my instagram is URL if you need it. NAAM's number is TELEFOON
Counsellor (10:08): Kind regards,
NAAM
TXT
"$COACH" anonymise --locale en "$tmp/en.txt" --report "$tmp/en.json" >"$tmp/en.out"; rc=$?
check "en: exit 0" test "$rc" -eq 0
check "en: replaced and kept" diff "$tmp/en.expected" "$tmp/en.out"
check "en: report counts" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["counts"] == {"name": 7, "place": 2, "phone": 3, "email": 1, "postcode": 1, "url": 1}, d["counts"]
assert d["kept_resources"] == 2 and d["locale"] == "en"' "$tmp/en.json"

# A JSON transcript keeps its shape; only the texts change. Standard input works.
printf '[{"id": "m1", "role": "client", "text": "ik ben Sanne uit Utrecht, bel 0612345678", "time": "2015-03-02T19:18:00"}]' |
  "$COACH" anonymise - --report "$tmp/j.json" >"$tmp/j.out"
check "json: texts anonymised, fields kept" python3 - "$tmp/j.out" "$tmp/j.json" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
assert out == [{"id": "m1", "role": "client", "text": "ik ben NAAM uit PLAATS, bel TELEFOON", "time": "2015-03-02T19:18:00"}], out
report = json.load(open(sys.argv[2]))
assert report["file"] == "<stdin>" and all(r["message"] == 1 for r in report["replacements"])
PY

# Bad input: a clear error naming the file, non-zero exit, nothing written.
out=$("$COACH" anonymise "$tmp/missing.txt" 2>&1); rc=$?
check "missing file: exit 2, named" test "$rc" -eq 2 -a -n "$(grep -F 'missing.txt: cannot open file' <<<"$out")"
printf 'Hulpvrager (10:00): ok\nHulpvrager (10:01): caf\xe9\n' >"$tmp/latin1.txt"
out=$("$COACH" anonymise "$tmp/latin1.txt" 2>"$tmp/err"); rc=$?
check "invalid UTF-8: exit 1" test "$rc" -eq 1
check "invalid UTF-8: file and line named" contains "$(cat "$tmp/err")" "latin1.txt:2: error: invalid UTF-8 at column 24"
check "invalid UTF-8: no output" test -z "$out"
: >"$tmp/empty.txt"
out=$("$COACH" anonymise "$tmp/empty.txt" 2>&1); rc=$?
check "empty file: exit 1, named" test "$rc" -eq 1 -a -n "$(grep -F 'empty.txt: error: empty input' <<<"$out")"
mkdir -p "$tmp/locales/nl"
printf '{\n  "first_names": ["Sanne"],\n  "colours": []\n}\n' >"$tmp/locales/nl/names.json"
out=$("$COACH" anonymise "$tmp/nl.txt" --locales "$tmp/locales" 2>&1); rc=$?
check "bad names.json: exit 2, place named" test "$rc" -eq 2 -a -n "$(grep -F 'names.json:3:' <<<"$out" | grep -F "unknown key 'colours'")"
finish
