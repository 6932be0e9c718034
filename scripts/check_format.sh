#!/usr/bin/env bash
# Fails when a project source is not clang-format clean (.clang-format at the root); third-party code is not ours.
# Prints one line per unclean file and ends with "format: N passed, N failed" for scripts/test.sh.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
clang_format=$(command -v clang-format-14 || command -v clang-format)
pass=0
fail=0
while IFS= read -r file; do
  if "$clang_format" --dry-run -Werror "$file" >/dev/null 2>&1; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "not clang-format clean: $file (run: clang-format -i $file)"
  fi
done < <(git ls-files '*.cpp' '*.hpp' '*.h' | grep -E '^(common|native|tests|web)/')
echo "format: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
