#!/usr/bin/env bash
# The whole test suite, as the README's Quick start and .ci/run run it: installs what the
# tests need (Debian 12, as root), builds discrec twice (Release, and with ASan+UBSan), runs the
# sanitized build's tests (unit, CLI, one QEMU guest), every fuzz target briefly, and then the
# Release build's ctest: unit, CLI, docs, package (lintian, hardening), QEMU end-to-end and
# Windows (the README's Windows lines as written, mingw + Wine).
#
# The suite must stay under 15 minutes on a 2-core machine (issue 3), so the slow parts
# overlap: the compilers and libraries are installed first and both builds run while apt
# installs the rest (QEMU, the kernel, Wine, mingw-w64, clang: ~2 minutes of download and
# unpacking). Prints a timing line per phase.
set -euo pipefail
cd "$(dirname "$0")/.."

build_packages=(cmake g++ make libcli11-dev nlohmann-json3-dev libfmt-dev doctest-dev python3)
test_packages=(qemu-system-x86 linux-image-amd64 busybox-static sg3-utils genisoimage eject
               libcdio-utils wodim xorriso
               cpio kmod xz-utils util-linux mandoc
               zsh fish bash-completion python3-jsonschema dpkg-dev
               g++-mingw-w64-x86-64 mingw-w64-tools wine wine64 clang libclang-rt-14-dev lintian)

t_start=$SECONDS
phase() { echo "== [$((SECONDS - t_start)) s] $*"; }

# missing PACKAGE...: prints the ones not installed
missing() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
    done
}
install() {
    local need
    mapfile -t need < <(missing "$@")
    [ ${#need[@]} -gt 0 ] || return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "run-all: missing packages (install them as root): ${need[*]}" >&2
        return 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
}

phase "installing the build dependencies"
install "${build_packages[@]}"
apt_log=$(mktemp /tmp/discrec-run-all-apt.XXXXXX)
install "${test_packages[@]}" > "$apt_log" 2>&1 &
apt_pid=$!

# Warnings are errors in every build the suite makes (CMakeLists.txt reads this for
# DISCREC_WERROR's default): the two below, the fuzz build, and the README's Windows lines.
export DISCREC_WERROR=ON
jobs=$(nproc)
build=${DISCREC_BUILD_DIR:-build}
asan=${build}-asan
# The test options are given explicitly: a build dir configured by the Quick start's first
# line has DISCREC_VM_TESTS=OFF in its cache, and the suite must not silently skip the VMs.
# The plain build is Release, as users and packagers build it (-O3, hardened, what the .deb
# and the QEMU guests get). The sanitizer build's debug information is -g1 (functions and line
# tables: enough for sanitizer reports): full -g made every C++ file 40% slower to compile.
phase "building (Release) while the test dependencies install"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DDISCREC_VM_TESTS=ON -DDISCREC_WINDOWS_TESTS=ON
cmake --build "$build" -j"$jobs"
phase "building with AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B "$asan" -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1" -DDISCREC_SANITIZE=ON \
    -DDISCREC_VM_TESTS=ON -DDISCREC_WINDOWS_TESTS=OFF
cmake --build "$asan" -j"$jobs"

phase "waiting for the test dependencies"
if ! wait "$apt_pid"; then
    cat "$apt_log" >&2
    echo "run-all: installing the test dependencies failed" >&2
    exit 1
fi
tail -n 3 "$apt_log"
rm -f "$apt_log"

phase "unit, CLI and end-to-end (QEMU) tests under AddressSanitizer + UndefinedBehaviorSanitizer"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$asan" --output-on-failure -j"$jobs"

# 20 s per target (12 targets, two at a time: about 2 minutes): every corpus input is run again
# first, which is the regression check; longer campaigns are bench/fuzz.sh's job
# (DISCREC_FUZZ_SECONDS here). At 30 s the fuzz phase took 217 s of a 1268 s CI run.
phase "every libFuzzer target, ${DISCREC_FUZZ_SECONDS:-20} s each (clang; regression check)"
DISCREC_FUZZ_BUILD_DIR=$PWD/${build}-fuzz bash bench/fuzz.sh "${DISCREC_FUZZ_SECONDS:-20}"

phase "the whole suite: unit, CLI, docs, package, QEMU end-to-end and Windows (mingw + Wine)"
ctest --test-dir "$build" --output-on-failure -j"$jobs"
phase "done"
