#!/bin/sh
# Checks that the UI catalogues translate every string of the panel and the demo host:
# extracts the strings with xgettext and compares each locales/<lang>/ui/*.po with msgcmp.
#   check_catalogues.sh SOURCE_DIR WORK_DIR
# Exits 0 (skipped) when gettext's tools are not installed.
set -eu
src="$1"
work="$2"
if ! command -v xgettext >/dev/null 2>&1 || ! command -v msgcmp >/dev/null 2>&1; then
  echo "check_catalogues.sh: xgettext/msgcmp not installed; skipped"
  exit 0
fi
mkdir -p "$work"
pot="$work/counsel-coach-ui.pot"
xgettext --from-code=UTF-8 --language=C++ --keyword=_ --keyword=wxPLURAL:1,2 \
  --keyword=wxTRANSLATE --add-location=file -o "$pot" \
  "$src"/plugin/wx/src/*.cpp "$src"/host-demo/src/*.cpp
status=0
for po in "$src"/locales/*/ui/counsel-coach-ui.po; do
  if msgcmp "$po" "$pot"; then
    echo "ok - $po translates every UI string"
  else
    echo "not ok - $po lacks UI strings (see above); update it from $pot with msgmerge"
    status=1
  fi
  msgfmt --check -o /dev/null "$po" || status=1
done
exit $status
