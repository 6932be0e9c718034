#!/usr/bin/env bash
# desktop_capture.sh <pathwise_wizard_desktop> <share link> <out.png> — run inside xvfb-run.
# Prints the wizard's state line, then screenshots the root window once it has drawn.
set -euo pipefail
binary=$1 link=$2 out=$3
log=$(mktemp)
"$binary" "$link" --print-state >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 200); do
  grep -q '^{' "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
sleep 0.5  # a few more frames after the state line, so the screenshot shows the settled layout
import -window root "$out"
cat "$log"
