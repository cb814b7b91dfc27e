#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz/ for SECONDS each (default 30), or until N
# executions each (--runs N), each on a scratch copy of its seed corpus, `nproc` targets at a
# time (--jobs J), and prints per target the executions and seconds (libFuzzer's final
# stats) and whether it crashed. Exits 1 if any target crashed, hung or broke an invariant;
# the reproducers and logs are then kept and their paths printed; 2 on a usage or build error.
#
#   bench/fuzz.sh [--jobs J] [SECONDS] [TARGET...]    TARGET: sense inquiry configuration ...
#   bench/fuzz.sh [--jobs J] --runs N [TARGET...]     e.g. --runs 1000000 (no time limit)
#
# Builds the targets first (clang, -DDISCREC_FUZZ=ON) in $DISCREC_FUZZ_BUILD_DIR, default
# /tmp/build-fuzz; configures that directory if it has no CMakeCache.txt.
set -euo pipefail

usage() {
    echo "usage: $0 [--jobs J] [SECONDS | --runs N] [TARGET...]" >&2
    exit 2
}
seconds=30
runs=
jobs=$(nproc)
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) [[ $# -ge 2 ]] || usage; runs=$2; shift 2 ;;
        --runs=*) runs=${1#--runs=}; shift ;;
        --jobs) [[ $# -ge 2 ]] || usage; jobs=$2; shift 2 ;;
        --jobs=*) jobs=${1#--jobs=}; shift ;;
        -*) usage ;;
        *) break ;;
    esac
done
if [[ -z $runs && $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
    seconds=$1
    shift
fi
for n in "$seconds" "${runs:-1}" "$jobs"; do
    [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || usage
done
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${DISCREC_FUZZ_BUILD_DIR:-/tmp/build-fuzz}

# One target per tests/fuzz/fuzz_<name>.cpp, unless names are given.
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    for src in "$repo"/tests/fuzz/fuzz_*.cpp; do
        name=${src##*/fuzz_}
        targets+=("${name%.cpp}")
    done
fi
for name in "${targets[@]}"; do
    if [[ ! -d $repo/tests/fuzz/corpus/$name ]]; then
        echo "fuzz.sh: no target '$name' (no tests/fuzz/corpus/$name)" >&2
        exit 2
    fi
done

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

# Runs one target into $work/<name>/; writes "<executions> <seconds> <status>" to its result.
run_target() {
    local name=$1 dir=$work/$1 rc=0
    mkdir -p "$dir/corpus"
    cp "$repo/tests/fuzz/corpus/$name/"* "$dir/corpus/"
    local limit=(-max_total_time="$seconds")
    [[ -n $runs ]] && limit=(-runs="$runs")
    local start=$SECONDS
    "$build/tests/fuzz/fuzz_$name" "${limit[@]}" -print_final_stats=1 -timeout=10 \
        -artifact_prefix="$dir/" "$dir/corpus" >"$dir/log" 2>&1 || rc=$?
    local took=$((SECONDS - start))
    local execs
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
    local artifacts
    artifacts=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' \
        -o -name 'timeout-*' -o -name 'oom-*' \) | tr '\n' ' ')
    if [[ $rc -eq 0 && -z $artifacts ]]; then
        echo "${execs:-?} $took ok" >"$dir/result"
    else
        echo "${execs:-?} $took CRASH(exit $rc) ${artifacts:-no reproducer written}" >"$dir/result"
    fi
}

work=$(mktemp -d "${TMPDIR:-/tmp}/discrec-fuzz.XXXXXX")
build_targets

# `jobs` targets at a time: the wall time is about ceil(targets / jobs) * SECONDS.
pids=()
for name in "${targets[@]}"; do
    while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do wait -n || true; done
    run_target "$name" &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || true; done

failed=0
printf '%-15s %14s %8s  %s\n' target executions seconds result
for name in "${targets[@]}"; do
    execs='?' took='?' status='CRASH(no result)'
    [[ -f $work/$name/result ]] && read -r execs took status <"$work/$name/result"
    printf '%-15s %14s %8s  %s\n' "$name" "$execs" "$took" "$status"
    [[ $status == ok ]] || failed=1
    if [[ -n $runs && $status == ok && ! ($execs =~ ^[0-9]+$ && $execs -ge $runs) ]]; then
        echo "fuzz.sh: $name ran $execs executions, fewer than $runs" >&2
        failed=1
    fi
done

if [[ $failed -ne 0 ]]; then
    echo "fuzz.sh: a target crashed; logs and reproducers are in $work" >&2
    echo "  reproduce: $build/tests/fuzz/fuzz_<target> <crash file>" >&2
    exit 1
fi
rm -rf "$work"
