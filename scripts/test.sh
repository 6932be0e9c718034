#!/usr/bin/env bash
# The one command to build everything and run every test: clang-format and clang-tidy on our sources, a
# packager's Release build, native unit/CLI/integration tests and benchmarks (ctest), the same core unit tests
# compiled to wasm under node, the wizard in headless Chromium, and the real npm clients against the real proxy.
# Ends with one line: "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh" || { echo "setup failed"; exit 1; }
bash "$root/scripts/build.sh" all || { echo "build failed"; exit 1; }

mkdir -p "$root/build/test-logs"
total_pass=0
total_fail=0
failed_suites=()

# ctest prints "NN% tests passed, F tests failed out of T".
count_ctest() {
  local log=$1 line t f
  line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
  if [ -z "$line" ]; then total_fail=$((total_fail + 1)); return; fi
  f=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
  t=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
  total_pass=$((total_pass + t - f)); total_fail=$((total_fail + f))
}
# Our node suites print "N passed, N failed" as their last such line.
count_plain() {
  local log=$1 line
  line=$(grep -E '^[A-Za-z]*:? *[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  if [ -z "$line" ]; then total_fail=$((total_fail + 1)); return; fi
  total_pass=$((total_pass + $(sed -E 's/^[^0-9]*([0-9]+) passed.*/\1/' <<<"$line")))
  total_fail=$((total_fail + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
}
run_suite() {  # name, counter, command...
  local name=$1 counter=$2; shift 2
  local log="$root/build/test-logs/$name.log"
  echo "=== $name"
  if "$@" 2>&1 | tee "$log"; then :; else failed_suites+=("$name"); fi
  "$counter" "$log"
}

# The build a packager types: Release (-O3), PATHWISE_WERROR at its default (OFF), in its own tree, only the
# `pathwise` program (ccache makes a rerun cheap); then the binary must start and answer. Three tests: the build,
# `--version`, and `routes` listing the route table.
release_build() {
  local dir="$root/build/release" pass=0 fail=0 launcher=() generator=() start=$SECONDS
  command -v ninja >/dev/null && generator=(-G Ninja)
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  local binary="$dir/native/pathwise"
  if cmake -S "$root" -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null &&
    cmake --build "$dir" -j "${PATHWISE_JOBS:-$(nproc)}" --target pathwise; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "release: the Release build failed"
  fi
  if "$binary" --version | grep -qE '^pathwise [0-9]+\.[0-9]+\.[0-9]+$'; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "release: pathwise --version did not print its version"
  fi
  if "$binary" routes | grep -qE '^POST +/v1/chat/completions '; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "release: pathwise routes did not list POST /v1/chat/completions"
  fi
  echo "release: built and checked in $((SECONDS - start)) s"
  echo "release: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}

export NODE_PATH=/usr/share/nodejs
run_suite format count_plain bash "$root/scripts/check_format.sh"
run_suite tidy count_plain bash "$root/scripts/check_tidy.sh"
run_suite release count_plain release_build
run_suite native-ctest count_ctest ctest --test-dir "$root/build/native" --output-on-failure -j 2 --timeout 600
run_suite wasm-ctest count_ctest ctest --test-dir "$root/build/web" --output-on-failure --timeout 600
if [ -x "$root/tests/browser/run.sh" ]; then
  run_suite browser count_plain bash "$root/tests/browser/run.sh" "$root/build/native" "$root/build/web"
fi
if [ -x "$root/tests/clients/run.sh" ]; then
  run_suite real-clients count_plain bash "$root/tests/clients/run.sh" "$root/build/native/native/pathwise"
fi

echo
if [ ${#failed_suites[@]} -gt 0 ]; then echo "failed suites: ${failed_suites[*]}"; fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ] && [ ${#failed_suites[@]} -eq 0 ]
