#!/usr/bin/env bash
# tools/setup.sh: takes a fresh Debian 12 (bookworm) machine to a built gojit.
#
#   tools/setup.sh          # as root (or with sudo available), from anywhere
#
# 1. Installs the Debian packages gojit needs, running `apt-get update` only when one
#    is missing (dpkg-query decides), so a second run installs nothing.
# 2. Configures build/ (CMake + Ninja, RelWithDebInfo) and builds it.
# Everything comes from Debian's archive; nothing is downloaded by hand.
# GOJIT_JOBS sets the build's parallelism (default 2).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(
  # toolchain and build
  build-essential cmake ninja-build ccache pkg-config
  # lld links the gojit binary against LLVM's static libraries in seconds (start-up)
  lld
  # LLVM 19 (the shared libLLVM-19.so), clang 19 and its runtime (libFuzzer)
  llvm-19-dev clang-19 libclang-rt-19-dev
  # libraries LLVMConfig.cmake looks for (ZLIB, zstd, LibEdit, FFI, LibXml2, CURL):
  # llvm-19-dev itself depends on libffi-dev and libxml2-dev; the others are optional
  # to CMake but keep its configure output clean and the link interface complete.
  zlib1g-dev libzstd-dev libedit-dev libffi-dev libxml2-dev libcurl4-openssl-dev
  # parser generator and its C++ runtime
  antlr4 libantlr4-runtime-dev
  # abseil and the test/benchmark frameworks
  libabsl-dev libgtest-dev libgmock-dev libbenchmark-dev
  # exact and 512-bit float constants (frontend/const_float.h): GMP rationals, MPFR
  libgmp-dev libmpfr-dev
  # gccgo as a benchmark peer (the reference Go is the toolchain's own install: below)
  gccgo-12
  # the IANA time zone database under /usr/share/zoneinfo (time.LoadLocation goldens)
  tzdata
)

# The reference Go: 1.26 or newer, from the Go project's own install (never Debian's
# golang-go, which is 1.19 and would shadow it). It is the differential tests' oracle,
# and its GOROOT/src is the standard library gojit compiles.
find_go() {
  if command -v go >/dev/null 2>&1; then command -v go; return; fi
  for candidate in /usr/local/go/bin/go "$HOME/go/bin/go" "$HOME/sdk/go/bin/go"; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
}
go_bin=$(find_go || true)
if [ -z "$go_bin" ]; then
  echo "setup.sh: no Go toolchain found (PATH, /usr/local/go/bin): install Go 1.26 or newer" \
    "from the Go project's release archive into /usr/local/go, then run setup.sh again" >&2
  exit 1
fi
go_version=$("$go_bin" env GOVERSION 2>/dev/null || true)
case "$go_version" in
  go1.2[6-9]*|go1.[3-9][0-9]*|go[2-9]*) ;;
  *)
    echo "setup.sh: $go_bin is ${go_version:-of unknown version}; gojit needs Go 1.26 or newer" \
      "(install it into /usr/local/go and put /usr/local/go/bin on PATH)" >&2
    exit 1 ;;
esac
echo "setup.sh: reference Go: $go_bin ($go_version)"
export PATH="$(dirname "$go_bin"):$PATH"  # CMake's find_program(go) and the generators

if [ -r /etc/os-release ]; then
  . /etc/os-release
  if [ "${VERSION_CODENAME:-}" != bookworm ]; then
    echo "setup.sh: warning: written for Debian 12 (bookworm), this is ${PRETTY_NAME:-unknown}" >&2
  fi
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup.sh: installing ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup.sh: run as root to install packages" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "setup.sh: all packages present"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"${GOJIT_JOBS:-2}"
