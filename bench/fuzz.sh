#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz/ for SECONDS each (default 30), each on a scratch
# copy of its seed corpus, and prints per target the executions (libFuzzer's final stats) and
# whether it crashed. Exits 1 if any target crashed, hung or broke an invariant; the
# reproducers and logs are then kept and their paths printed.
#
#   bench/fuzz.sh [SECONDS] [TARGET...]     TARGET: sense inquiry configuration events ...
#
# Builds the targets first (clang, -DDISCREC_FUZZ=ON) in $DISCREC_FUZZ_BUILD_DIR, default
# /tmp/build-fuzz; configures that directory if it has no CMakeCache.txt.
set -euo pipefail

seconds=${1:-30}
[[ $# -gt 0 ]] && shift
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${DISCREC_FUZZ_BUILD_DIR:-/tmp/build-fuzz}

if [[ ! $seconds =~ ^[0-9]+$ || $seconds -eq 0 ]]; then
    echo "usage: $0 [SECONDS] [TARGET...]" >&2
    exit 2
fi

# One target per tests/fuzz/fuzz_<name>.cpp, unless names are given.
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    for src in "$repo"/tests/fuzz/fuzz_*.cpp; do
        name=${src##*/fuzz_}
        targets+=("${name%.cpp}")
    done
fi

build_targets() {
    if [[ ! -f $build/CMakeCache.txt ]]; then
        CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S "$repo" -B "$build" -DDISCREC_FUZZ=ON \
            -DDISCREC_VM_TESTS=OFF -DDISCREC_BUILD_TESTS=ON >/dev/null
    fi
    cmake --build "$build" --target discrec_fuzz -j"$(nproc)" >"$work/build.log" 2>&1 || {
        tail -n 30 "$work/build.log" >&2
        echo "fuzz.sh: build failed (full log: $work/build.log)" >&2
        exit 2
    }
}

# Runs one target; prints "<executions> <status>".
run_target() {
    local name=$1 dir=$work/$1 rc=0
    mkdir -p "$dir/corpus"
    cp "$repo/tests/fuzz/corpus/$name/"* "$dir/corpus/"
    "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -print_final_stats=1 \
        -timeout=10 -artifact_prefix="$dir/" "$dir/corpus" >"$dir/log" 2>&1 || rc=$?
    local execs
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
    local artifacts
    artifacts=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' \
        -o -name 'timeout-*' -o -name 'oom-*' \) | tr '\n' ' ')
    if [[ $rc -eq 0 && -z $artifacts ]]; then
        echo "${execs:-?} ok"
    else
        echo "${execs:-?} CRASH(exit $rc) ${artifacts:-no reproducer written}"
    fi
}

work=$(mktemp -d "${TMPDIR:-/tmp}/discrec-fuzz.XXXXXX")
build_targets

failed=0
printf '%-15s %14s  %s\n' target executions result
for name in "${targets[@]}"; do
    if [[ ! -d $repo/tests/fuzz/corpus/$name ]]; then
        echo "fuzz.sh: no target '$name' (no tests/fuzz/corpus/$name)" >&2
        exit 2
    fi
    read -r execs status <<<"$(run_target "$name")"
    printf '%-15s %14s  %s\n' "$name" "$execs" "$status"
    [[ $status == ok ]] || failed=1
done

if [[ $failed -ne 0 ]]; then
    echo "fuzz.sh: a target crashed; logs and reproducers are in $work" >&2
    echo "  reproduce: $build/tests/fuzz/fuzz_<target> <crash file>" >&2
    exit 1
fi
rm -rf "$work"
