#!/bin/sh
# Runs a GUI test program under a display of its own.
#
#   run_gui_test.sh [--root-shot PNG] -- PROGRAM [ARGS...]
#
# If DISPLAY is unset, starts `Xvfb :99 -screen 0 1280x800x24` (or the next free display),
# runs PROGRAM, and stops Xvfb again. With --root-shot, the whole screen is also captured with
# ImageMagick's `import -window root` while the program shows its result: the program writes
# $COACH_GUI_READY_FILE when it is ready and waits for $COACH_GUI_RELEASE_FILE before exiting.
# The exit status is the program's.
set -u

root_shot=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root-shot) root_shot="$2"; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
if [ $# -eq 0 ]; then
  echo "usage: run_gui_test.sh [--root-shot PNG] -- PROGRAM [ARGS...]" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/coach-gui.XXXXXX") || exit 1
xvfb_pid=""
prog_pid=""
cleanup() {
  if [ -n "$prog_pid" ]; then kill "$prog_pid" 2>/dev/null; fi
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null
    wait "$xvfb_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${DISPLAY:-}" ]; then
  if ! command -v Xvfb >/dev/null 2>&1; then
    echo "run_gui_test.sh: DISPLAY is unset and Xvfb is not installed" >&2
    exit 1
  fi
  n=99
  while [ $n -lt 140 ]; do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
      Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
      xvfb_pid=$!
      # Ready when its socket exists; give up on this number if it exits.
      i=0
      while [ $i -lt 100 ]; do
        if [ -e "/tmp/.X11-unix/X$n" ]; then break; fi
        if ! kill -0 "$xvfb_pid" 2>/dev/null; then xvfb_pid=""; break; fi
        sleep 0.1
        i=$((i + 1))
      done
      if [ -n "$xvfb_pid" ] && [ -e "/tmp/.X11-unix/X$n" ]; then
        export DISPLAY=":$n"
        break
      fi
      if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null; xvfb_pid=""; fi
    fi
    n=$((n + 1))
  done
  if [ -z "${DISPLAY:-}" ]; then
    echo "run_gui_test.sh: could not start Xvfb" >&2
    cat "$work/xvfb.log" >&2 2>/dev/null
    exit 1
  fi
  echo "run_gui_test.sh: started Xvfb on $DISPLAY"
fi

# Quiet, predictable GTK: no accessibility bus, no settings daemon, the default theme.
export NO_AT_BRIDGE=1
export GTK_THEME="${GTK_THEME:-Adwaita}"

if [ -n "$root_shot" ]; then
  export COACH_GUI_READY_FILE="$work/ready"
  export COACH_GUI_RELEASE_FILE="$work/release"
fi

"$@" &
prog_pid=$!

if [ -n "$root_shot" ]; then
  while kill -0 "$prog_pid" 2>/dev/null && [ ! -e "$COACH_GUI_READY_FILE" ]; do
    sleep 0.1
  done
  if [ -e "$COACH_GUI_READY_FILE" ]; then
    if command -v import >/dev/null 2>&1; then
      mkdir -p "$(dirname "$root_shot")"
      if import -window root "$root_shot"; then
        echo "run_gui_test.sh: screen saved to $root_shot"
      else
        echo "run_gui_test.sh: import -window root failed" >&2
      fi
    else
      echo "run_gui_test.sh: ImageMagick's import is not installed; no screen capture" >&2
    fi
  fi
  touch "$COACH_GUI_RELEASE_FILE"
fi

wait "$prog_pid"
status=$?
prog_pid=""
exit $status
