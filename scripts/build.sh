#!/usr/bin/env bash
# Builds both trees: build/native (g++: pathwise, desktop wizard, tests) and build/web (em++: wizard, core tests).
# Usage: scripts/build.sh [native|web|all]   (default all). Incremental: a second run only rebuilds what changed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
what=${1:-all}
jobs=${PATHWISE_JOBS:-$(nproc)}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)

build_native() {
  if [ ! -f "$root/build/native/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$root/build/native" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DPATHWISE_WERROR=ON -DPATHWISE_WEB_ROOT="$root/build/web/wizard" >/dev/null
  fi
  cmake --build "$root/build/native" -j "$jobs"
}

build_web() {
  # Debian's emcc needs Debian's node modules (acorn) on NODE_PATH; node 20 needs --no-experimental-fetch
  # to run 3.1.6's output (docs/building.md).
  export NODE_PATH=/usr/share/nodejs
  if [ ! -f "$root/build/web/CMakeCache.txt" ]; then
    emcmake cmake -S "$root" -B "$root/build/web" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DPATHWISE_WERROR=ON \
      -DCMAKE_CROSSCOMPILING_EMULATOR="/usr/bin/node;--no-experimental-fetch" >/dev/null
  fi
  cmake --build "$root/build/web" -j "$jobs"
}

case "$what" in
  native) build_native ;;
  web) build_web ;;
  all) build_web; build_native ;;
  *) echo "usage: scripts/build.sh [native|web|all]" >&2; exit 2 ;;
esac
