#!/usr/bin/env bash
# The whole test suite, as the README's Quick start and .ci/run run it: installs what the
# tests need (Debian 12, as root), builds discrec twice (plain, and with ASan+UBSan for the
# unit tests), and runs ctest: unit tests, CLI tests, and the QEMU end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make libcli11-dev nlohmann-json3-dev libfmt-dev doctest-dev
          qemu-system-x86 linux-image-amd64 busybox-static sg3-utils genisoimage eject
          cpio kmod xz-utils util-linux python3 mandoc
          zsh fish bash-completion python3-jsonschema dpkg-dev
          g++-mingw-w64-x86-64 mingw-w64-tools wine wine64 clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "run-all: missing packages (install them as root): ${missing[*]}" >&2
        exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc)
build=${DISCREC_BUILD_DIR:-build}
# The test options are given explicitly: a build dir configured by the Quick start's first
# line has DISCREC_VM_TESTS=OFF in its cache, and the suite must not silently skip the VMs.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDISCREC_VM_TESTS=ON -DDISCREC_WINDOWS_TESTS=ON
cmake --build "$build" -j"$jobs"

asan=${build}-asan
cmake -S . -B "$asan" -DCMAKE_BUILD_TYPE=Debug -DDISCREC_SANITIZE=ON -DDISCREC_VM_TESTS=OFF -DDISCREC_WINDOWS_TESTS=OFF
cmake --build "$asan" -j"$jobs"
echo "== unit and CLI tests under AddressSanitizer + UndefinedBehaviorSanitizer"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$asan" --output-on-failure -j"$jobs"

echo "== every libFuzzer target, ${DISCREC_FUZZ_SECONDS:-30} s each (clang; regression check)"
DISCREC_FUZZ_BUILD_DIR=$PWD/${build}-fuzz bash bench/fuzz.sh "${DISCREC_FUZZ_SECONDS:-30}"

echo "== the whole suite: unit, CLI, QEMU end-to-end and Windows (mingw + Wine) tests"
ctest --test-dir "$build" --output-on-failure -j"$jobs"
