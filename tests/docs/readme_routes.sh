#!/usr/bin/env bash
# Compares the "method path" pairs of `pathwise routes --json` with the README's Routes table, both ways.
set -euo pipefail
binary=$1 readme=$2
from_binary=$("$binary" routes --json | python3 -c 'import json,sys
for r in json.load(sys.stdin)["routes"]: print(r["method"], r["pattern"])' | sort)
from_readme=$(sed -n '/^## Routes/,/^## /p' "$readme" | grep -E '^\| (GET|POST) ' |
  sed -E 's/^\| ([A-Z]+) \| `([^`]+)`.*/\1 \2/' | sort)
if [ "$from_binary" != "$from_readme" ]; then
  echo "README routes differ from the binary's route table:"
  diff <(echo "$from_binary") <(echo "$from_readme") || true
  exit 1
fi
echo "README lists all $(wc -l <<<"$from_binary") routes of the binary"
