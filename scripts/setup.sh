#!/usr/bin/env bash
# Installs everything Pathwise needs on Debian 12 (bookworm), as root or via sudo.
# Safe to run again: each step checks what is already there first.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

packages=(
  build-essential cmake pkg-config ninja-build clang-format-14 clang-tidy-14 ccache
  nlohmann-json3-dev libssl-dev zlib1g-dev libbrotli-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libglfw3-dev libgl-dev libgl1-mesa-dri
  emscripten dpkg-dev
  chromium xvfb xauth imagemagick
  fonts-dejavu-core fonttools
  curl openssl ca-certificates nginx-light wrk
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# apt-get source needs a deb-src entry: bookworm for ImGui; trixie for cpp-httplib 0.18.7, whose Debian 13
# package has the CVE patches that bound header count, line length and chunked bodies (docs/building.md).
# Only deb-src entries are added: no binary package is ever installed from trixie.
need_update=0
add_deb_src() {  # suite, file
  [ -f "$2" ] && return 0
  $SUDO tee "$2" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $1
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
}
add_deb_src bookworm /etc/apt/sources.list.d/pathwise-src.sources
add_deb_src trixie /etc/apt/sources.list.d/pathwise-trixie-src.sources

if [ ${#missing[@]} -gt 0 ] || [ $need_update -eq 1 ]; then
  echo "setup: installing ${#missing[@]} Debian package(s): ${missing[*]}"
  $SUDO apt-get update -qq
  if [ ${#missing[@]} -gt 0 ]; then
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# Dear ImGui 1.86 sources, from Debian's source package, into an ignored folder.
third=$here/third_party
if [ ! -f "$third/imgui/imgui.cpp" ]; then
  mkdir -p "$third"
  ( cd "$third" && rm -rf imgui-* imgui_* && apt-get source -qq imgui/bookworm >/dev/null 2>&1 || apt-get source imgui/bookworm )
  src=$(ls -d "$third"/imgui-*/ | head -1)
  rm -rf "$third/imgui"
  mv "$src" "$third/imgui"
  rm -f "$third"/imgui_*.dsc "$third"/imgui_*.tar.* 
fi
# cpp-httplib 0.18.7 (header-only) from Debian 13's source package, patches applied by dpkg-source.
httplib_version=0.18.7
if [ ! -f "$third/cpp-httplib/httplib.h" ] || ! grep -q "CPPHTTPLIB_VERSION \"$httplib_version\"" "$third/cpp-httplib/httplib.h"; then
  mkdir -p "$third"
  ( cd "$third" && rm -rf cpp-httplib-* cpp-httplib_* &&
    { apt-get source -qq "cpp-httplib=$httplib_version-1+deb13u1" >/dev/null 2>&1 || apt-get source "cpp-httplib/trixie"; } )
  src=$(ls -d "$third"/cpp-httplib-*/ | head -1)
  rm -rf "$third/cpp-httplib"
  mv "$src" "$third/cpp-httplib"
  rm -f "$third"/cpp-httplib_*.dsc "$third"/cpp-httplib_*.tar.*
fi
echo "setup: ready (imgui at third_party/imgui, cpp-httplib $httplib_version at third_party/cpp-httplib)"
