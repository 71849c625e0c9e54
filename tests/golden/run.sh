#!/usr/bin/env bash
# Golden conversations for the nudge policy with the default rules: each case names the nudges
# that must show, must not show, and (optionally) which comes first.
set -euo pipefail
COACH="$1"; DIR="$2"
exec python3 - "$COACH" "$DIR" <<'PY'
import json, subprocess, sys, glob, os
coach, folder = sys.argv[1], sys.argv[2]
passed = failed = 0
for path in sorted(glob.glob(os.path.join(folder, "*.jsonl"))):
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        case = json.loads(line)
        run = subprocess.run([coach, "nudge", "--locale", case["locale"]], input=json.dumps(case["conversation"]).encode(),
                             capture_output=True)
        lines = run.stdout.decode().splitlines()
        if not lines:
            failed += 1
            print(f"FAIL {os.path.basename(path)}:{n} {case['name']}: coach nudge failed: {run.stderr.decode().strip()[:300]}")
            continue
        out = json.loads(lines[0])
        shown = [x["id"] for x in out["nudges"]]
        problems = [f"missing {e}" for e in case.get("expect", []) if e not in shown]
        problems += [f"unexpected {a}" for a in case.get("absent", []) if a in shown]
        if case.get("first") and (not shown or shown[0] != case["first"]):
            problems.append(f"first should be {case['first']}")
        for key, want in case.get("checklist", {}).items():
            if out["checklist"].get(key) != want:
                problems.append(f"checklist {key} should be {want}")
        if problems:
            failed += 1
            print(f"FAIL {os.path.basename(path)}:{n} {case['name']}: {', '.join(problems)} (shown: {shown})")
        else:
            passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
