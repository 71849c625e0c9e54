#!/bin/sh
# Builds plugin/examples/example.c with the system cc as in the README and runs it.
# Run from the source root. usage: example_test.sh LIBDIR_RELATIVE_TO_SOURCE WORKDIR
set -eu
libdir=$1
work=$2
mkdir -p "$work"
set -x
cc -Iplugin/include plugin/examples/example.c -L"$libdir" -lcoach -o "$work/example"
LD_LIBRARY_PATH=$libdir "$work/example" >"$work/example.out"
set +x
cat "$work/example.out"
grep -q '"nudges"' "$work/example.out" || { echo "FAIL: no \"nudges\" in the output" >&2; exit 1; }
grep -q '"checklist"' "$work/example.out" || { echo "FAIL: no \"checklist\" in the output" >&2; exit 1; }
echo "ok: the example prints a report"
