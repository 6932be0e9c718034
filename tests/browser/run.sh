#!/usr/bin/env bash
# tests/browser/run.sh <native build dir> <web build dir>
# Browser tests of the wasm wizard (served by the real `pathwise serve`) in headless Chromium, and the
# desktop wizard's screenshot test under Xvfb. Ends with "N passed, N failed"; non-zero exit on failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 2 ]; then
  echo "usage: tests/browser/run.sh <native build dir> <web build dir>"
  echo "0 passed, 1 failed"
  exit 2
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null) || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi
if [ ! -f "$2/wizard/index.html" ]; then
  echo "the web build has no wizard: $2/wizard/index.html (run scripts/build.sh web)"
  echo "0 passed, 1 failed"
  exit 1
fi
native_dir=$(cd "$1" && pwd) || { echo "no such native build dir: $1"; echo "0 passed, 1 failed"; exit 1; }
web_dir=$(cd "$2" && pwd)
cd "$here" && exec node wizard.test.mjs "$native_dir" "$web_dir"
