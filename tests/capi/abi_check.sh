#!/bin/sh
# ABI check: libcoach.so exports exactly the functions coach.h declares (COACH_API), nothing else,
# and its SONAME is libcoach.so.0. usage: abi_check.sh LIBRARY HEADER
set -eu
lib=$1
header=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

nm -D --defined-only "$lib" | awk '{print $NF}' | sort -u >"$tmp/exported"
grep -E '^COACH_API ' "$header" | grep -oE 'coach_[a-z0-9_]+ *\(' | tr -d ' (' | sort -u \
  >"$tmp/declared"

status=0
if grep -v '^coach_' "$tmp/exported" >"$tmp/foreign"; then
  echo "FAIL: libcoach exports symbols outside the coach_ prefix:" >&2
  head -n 20 "$tmp/foreign" >&2
  echo "($(wc -l <"$tmp/foreign") in all)" >&2
  status=1
fi
if ! diff -u "$tmp/declared" "$tmp/exported" >"$tmp/diff"; then
  echo "FAIL: exported symbols differ from coach.h (- declared only, + exported only):" >&2
  cat "$tmp/diff" >&2
  status=1
fi
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
if [ "$soname" != "libcoach.so.0" ]; then
  echo "FAIL: SONAME is '$soname', expected libcoach.so.0" >&2
  status=1
fi
if [ $status -eq 0 ]; then
  echo "ok: $(wc -l <"$tmp/exported") symbols exported, all declared in coach.h; SONAME $soname"
fi
exit $status
