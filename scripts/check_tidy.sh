#!/usr/bin/env bash
# Fails when clang-tidy-14 (.clang-tidy at the root) reports a warning on a project source in common/, native/ or
# web/ (third-party code is not ours). Reads the compile databases scripts/build.sh leaves behind: build/native
# covers the core, the proxy and the desktop wizard; the one browser-only file, web/src/platform_web.cpp, comes
# from build/web, checked with em++'s target and sysroot. Files run in parallel, and each file's result is kept in
# build/tidy-cache under a hash of its preprocessed text, its command, the config and the tool, so a rerun only
# checks what changed. Prints each warning and ends with "tidy: N passed, N failed" (per file) for scripts/test.sh.
# Usage: scripts/check_tidy.sh [FILE...]   (default: every project source in the compile databases)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
clang_tidy=$(command -v clang-tidy-14 || command -v clang-tidy)
if [ -z "$clang_tidy" ]; then echo "clang-tidy-14 not found: run scripts/setup.sh"; echo "tidy: 0 passed, 1 failed"; exit 1; fi
cache=$root/build/tidy-cache
emscripten_sysroot=/usr/share/emscripten/cache/sysroot

# One file: "check_tidy.sh --one 'DB_DIR<TAB>FILE<TAB>EXTRA_ARGS'" (what xargs runs). Writes the file's warnings to
# $tidy_results/NAME.0 when clean, NAME.1 otherwise.
if [ "${1:-}" = "--one" ]; then
  IFS=$'\t' read -r db file extra_line <<<"$2"
  read -r -a extra <<<"$extra_line"
  command=$(python3 -c 'import json,sys
for e in json.load(open(sys.argv[1] + "/compile_commands.json")):
    if e["file"] == sys.argv[2]:
        print(e["directory"]); print(e["command"]); break' "$db" "$file")
  directory=$(head -1 <<<"$command")
  command=$(tail -n +2 <<<"$command")
  # The preprocessed text, comments kept (-C: a NOLINT is a comment), holds every header the file sees, so an
  # edit to any of them changes the key.
  eval "set -- $command"
  preprocess=()
  while [ $# -gt 0 ]; do
    case "$1" in
      -o) shift ;;
      -c) ;;
      *) preprocess+=("$1") ;;
    esac
    shift
  done
  key=$( {
    "$clang_tidy" --version
    cat "$root/.clang-tidy"
    printf '%s\n' "$command" "${extra[@]}"
    (cd "$directory" && "${preprocess[@]}" -E -C -o - 2>&1)
  } | sha256sum | cut -d' ' -f1)
  if [ ! -f "$cache/$key.rc" ]; then
    "$clang_tidy" --quiet -p "$db" "${extra[@]/#/--extra-arg=}" "$file" >"$cache/$key.tmp" 2>&1
    rc=$?
    # Clean means no diagnostic at all (a compile error is a failure too), not only a zero exit.
    if grep -qE ': (warning|error):' "$cache/$key.tmp"; then rc=1; fi
    grep -vE '^[0-9]+ warnings? generated\.$' "$cache/$key.tmp" | sed "s|$root/||g" >"$cache/$key.out"
    rm -f "$cache/$key.tmp"
    echo "$rc" >"$cache/$key.rc"
  fi
  name=$(sed "s|^$root/||; s|/|_|g" <<<"$file")
  cp "$cache/$key.out" "$tidy_results/$name.$(cat "$cache/$key.rc")"
  exit
fi

mkdir -p "$cache"
if [ ! -f build/native/compile_commands.json ]; then
  echo "build/native/compile_commands.json not found: run scripts/build.sh native first"
  echo "tidy: 0 passed, 1 failed"
  exit 1
fi
# Generated headers the sources include (cheap; a no-op once built).
cmake --build build/native --target pathwise_shaders_header >/dev/null || exit 1
jobs=()  # "DB_DIR<TAB>FILE<TAB>EXTRA_ARGS" per file
while IFS= read -r line; do jobs+=("build/native"$'\t'"$line"$'\t'); done < <(python3 -c 'import json,sys
root = sys.argv[1] + "/"
seen = set()
for e in json.load(open(root + "build/native/compile_commands.json")):
    f = e["file"]
    if f.startswith(tuple(root + d for d in ("common/", "native/", "web/"))) and f not in seen:
        seen.add(f); print(f)' "$root")
web_only=$root/web/src/platform_web.cpp
if [ -f build/web/compile_commands.json ] && [ -d "$emscripten_sysroot" ]; then
  cmake --build build/web --target pathwise_shaders_header >/dev/null || exit 1
  jobs+=("build/web"$'\t'"$web_only"$'\t'"--target=wasm32-unknown-emscripten --sysroot=$emscripten_sysroot")
else
  echo "tidy: skipping web/src/platform_web.cpp (needs build/web: scripts/build.sh web)"
fi
if [ $# -gt 0 ]; then  # only the files named on the command line
  wanted=()
  for f in "$@"; do wanted+=("$(realpath "$f")"); done
  kept=()
  for j in "${jobs[@]}"; do
    IFS=$'\t' read -r _ f _ <<<"$j"
    for w in "${wanted[@]}"; do [ "$f" = "$w" ] && kept+=("$j"); done
  done
  jobs=("${kept[@]}")
fi

start=$(date +%s)
cached_before=$(find "$cache" -name '*.rc' | wc -l)
export tidy_results
tidy_results=$(mktemp -d)
printf '%s\n' "${jobs[@]}" | xargs -d '\n' -n1 -P "$(nproc)" bash "$0" --one
results=$tidy_results
pass=$(find "$results" -name '*.0' | wc -l)
fail=$(find "$results" -type f ! -name '*.0' | wc -l)
for f in "$results"/*; do
  [ -f "$f" ] || continue
  case "$f" in *.0) ;; *) cat "$f" ;; esac
done
rm -rf "$results"
cached_after=$(find "$cache" -name '*.rc' | wc -l)
echo "tidy: checked $((pass + fail)) files in $(($(date +%s) - start)) s ($((cached_after - cached_before)) run, the rest from build/tidy-cache)"
echo "tidy: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ $((pass + fail)) -gt 0 ]
