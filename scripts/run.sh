#!/usr/bin/env bash
# The one command to try Pathwise: installs what is missing, builds, and runs the proxy on
# http://127.0.0.1:8045 with the embedded mock upstream (the wizard is at http://127.0.0.1:8045/).
# Any arguments go to `pathwise serve` (e.g. scripts/run.sh --port 9000 --repair-paths).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" all
exec "$root/build/native/native/pathwise" serve --web-root "$root/build/web/wizard" "$@"
