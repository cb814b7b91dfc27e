#!/usr/bin/env bash
# Times discrec against the tools people use today, on the same emulated drives, inside one
# QEMU guest (tests/vm/run-vm.sh), and counts the SCSI commands discrec sends (--trace).
# Usage: bench/vm-bench.sh [BUILD_DIR] [RUNS]     (default build, 15 runs)
# Prints one line per case: median and min wall milliseconds over RUNS, and CDBs sent.
# Numbers are for comparing tools on one machine; the guest runs under TCG (no KVM), where
# every exec of a dynamically linked program costs ~80 ms: compare rows, not absolutes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
runs=${2:-15}
bin=$(cd "$build" && pwd)/discrec
[ -x "$bin" ] || { echo "no discrec in $build (build first)" >&2; exit 1; }
guest=$(mktemp /tmp/discrec-bench.XXXXXX.sh)
trap 'rm -f "$guest"' EXIT
cat > "$guest" <<'GUEST'
bin=$1 runs=$2
now_ms() { read -r up _ < /proc/uptime; echo $(( ${up%.*}${up#*.} * 10 )); }
# bench NAME CMD...: median and min of RUNS wall times
bench() {
    name=$1; shift
    times=
    i=0
    while [ $i -lt "$runs" ]; do
        t0=$(date +%s%N); "$@" > /dev/null 2>&1; t1=$(date +%s%N)
        times="$times $(( (t1 - t0) / 1000000 ))"
        i=$((i + 1))
    done
    set -- $(printf '%s\n' $times | sort -n)
    min=$1; shift $(( runs / 2 )); med=$1
    printf '%-44s median %5d ms   min %5d ms\n' "$name" "$med" "$min"
}
cdbs() { "$bin" --trace "$@" 2>&1 >/dev/null | grep -c '^discrec: trace: /dev'; }
echo "discrec $("$bin" --version | cut -d' ' -f2); $(sg_inq -V 2>&1 | head -1); $(lsblk --version)"
for sr in sr0 sr1; do
    [ -e /dev/$sr ] || continue
    sg=$(ls /sys/class/block/$sr/device/scsi_generic)
    echo "== /dev/$sr ($(cat /sys/class/block/$sr/device/model))"
    bench "discrec list (all drives)" "$bin" list
    bench "lsblk -S (all SCSI devices)" lsblk -S
    bench "discrec info $sr" "$bin" info $sr
    echo "   discrec info sends $(cdbs info $sr) CDBs"
    bench "sg_inq + sg_get_config + sg_modes 2a + sg_turs" sh -c "sg_inq /dev/$sg; sg_get_config /dev/$sg; sg_modes -p 2a /dev/$sg; sg_turs /dev/$sg"
    bench "discrec info --json $sr" "$bin" info --json $sr
    bench "discrec eject + close-tray" sh -c "'$bin' eject $sr && '$bin' close-tray $sr"
    echo "   eject sends $(cdbs eject $sr) CDBs"; "$bin" close-tray $sr > /dev/null 2>&1
    bench "util-linux eject + eject -t" sh -c "eject /dev/$sr && eject -t /dev/$sr"
    bench "sg_start --eject + --load" sh -c "sg_start --eject /dev/$sg && sg_start --load /dev/$sg"
done
GUEST
bash "$here/../tests/vm/run-vm.sh" --timeout 600 --drive piix:iso --drive virtio-scsi:iso \
    -- /bin/sh "$guest" "$bin" "$runs"
