#!/usr/bin/env python3
"""A host in another language: talks JSON-RPC 2.0 to `coach serve` over a pipe.

Usage (from the repository root, after the build):
    python3 plugin/examples/serve_client.py [build/bin/coach]

Starts `coach serve`, opens a chat session, adds a client's message about debts, types a
draft in two keystroke-sized edits and prints the nudges the coach shows. Standard library only.
"""
import json
import subprocess
import sys


class Coach:
    def __init__(self, binary):
        self.proc = subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, encoding="utf-8")
        self.next_id = 1

    def call(self, method, **params):
        request = {"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params}
        self.next_id += 1
        self.proc.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']['message']} ({reply['error']['code']})")
        return reply["result"]

    def close(self):
        self.proc.stdin.close()
        return self.proc.wait()


def main():
    coach = Coach(sys.argv[1] if len(sys.argv) > 1 else "build/bin/coach")
    print("coach", coach.call("engine.version")["version"])
    session = coach.call("session.new", channel="chat")["session"]
    coach.call("session.add_message", session=session, role="client", time="19:04",
               text="Sinds mijn scheiding heb ik steeds meer schulden en ik durf de post "
                    "niet meer open te maken.")
    # Offsets are UTF-8 bytes: count them on the encoded text.
    first = "Je moet naar de "
    coach.call("session.set_draft", session=session, text=first)
    coach.call("session.edit_draft", session=session, start=len(first.encode("utf-8")),
               old_end=len(first.encode("utf-8")), text="schuldhulpverlening gaan.")
    report = coach.call("session.report", session=session)
    for nudge in report["nudges"]:
        print(f"[{nudge['severity']}] {nudge['title']}: {nudge['message']}")
    done = [practice for practice, shown in report["checklist"].items() if shown]
    print("checklist done:", ", ".join(done) or "nothing yet")
    coach.call("session.free", session=session)
    return coach.close()


if __name__ == "__main__":
    sys.exit(main())
