#!/usr/bin/env bash
# Times discrec against the tools people use today, on the same emulated drives, inside one
# QEMU guest with 8 drives on mixed buses (tests/vm/run-vm.sh), and counts the SCSI commands
# discrec sends per drive (--trace).
#
#   bench/vm-bench.sh [BUILD_DIR] [RUNS] [list|slow|media|all]   (default build, 11 runs, all;
#   "list": list only; "info": info and its peers only; "slow": info of 4 scsi_debug drives
#   that delay every command vs one of them, DISCREC_BENCH_DELAY jiffies, default 25;
#   "media": media against its peers only)
#
# Prints, from one guest run: the median wall time of each case over RUNS, and the ratios
#   discrec list            / lsscsi -g                                        (target <= 0.5)
#   discrec info (all)      / sg_inq + sg_get_config + sg_modes -p 0x2a, each drive (<= 0.25)
#   discrec info (all)      / discrec info of the slowest drive alone               (<= 2.0)
#   discrec eject+close-tray / sg_start --eject + --load (one drive)            (info only)
# then the commands (CDBs) `discrec info` sends to each drive, and that `list` sends none;
# then ("media", or all) per drive: `discrec media` against every peer that answers the same
# question on that medium (exit 0): libcdio's cd-info (CD), wodim -toc, xorriso -toc,
# dvd+rw-mediainfo (DVD/BD), the ratio to the fastest of them (target < 1.0), and the CDBs
# `media` sends to that drive.
# Diagnosis lines beside `list`: both with address randomisation off, and the floor of any
# static PIE (empty C and C++ programs); bench/startup-instructions.sh says where the rest goes.
# The guest runs under TCG (no KVM), where every exec costs 50-100 ms: the ratios, taken in
# the same guest in the same minute, are what to compare, not the absolute milliseconds.
# The guest has one CPU (run-vm.sh's default): DISCREC_VM_SMP=2 gives it two (multi-threaded
# TCG), where drives asked at once can overlap their commands' emulation as on a real machine.
# Needs lsscsi and dvd+rw-tools (apt-get install lsscsi dvd+rw-tools) besides what
# tests/run-all.sh installs (sg3-utils, libcdio-utils, wodim, xorriso).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
runs=${2:-11}
only=${3:-all}
bin=$(cd "$build" && pwd)/discrec
[ -x "$bin" ] || { echo "no discrec in $build (build first)" >&2; exit 1; }
for tool in lsscsi cd-info wodim xorriso dvd+rw-mediainfo; do
    command -v "$tool" >/dev/null || {
        echo "$tool is not installed (apt-get install lsscsi libcdio-utils wodim xorriso dvd+rw-tools)" >&2
        exit 1
    }
done
guest=$(mktemp /tmp/discrec-bench.XXXXXX.sh)
floor=$(mktemp -d /tmp/discrec-bench-floor.XXXXXX)
trap 'rm -rf "$guest" "$floor"' EXIT
# The floor for a randomised image (diagnosis): empty programs linked as discrec is, one in C
# and one in C++ that includes <iostream> (as CLI11 does: libstdc++ then sets up its streams and
# locales at start). Under TCG their start-up alone is translated again at every run.
for lang in c c++; do
    printf '%s\nint main(void) { return 0; }\n' "$([ $lang = c++ ] && echo '#include <iostream>')" |
        c++ -x "$lang" -O2 -fPIE -static-pie -Wl,-z,relro,-z,now -o "$floor/empty-$lang" - 2>/dev/null ||
        rm -f "$floor/empty-$lang"
done
cat > "$guest" <<'GUEST'
bin=$1 runs=$2 only=$3 floor=$4
# med CMD...: median wall milliseconds of RUNS runs of CMD (stdout and stderr discarded).
# The clock is bash's EPOCHREALTIME, read without starting a process: a `date` before and
# after each run put one more exec (30-60 ms under TCG) inside every interval, a constant that
# pulled every ratio towards 1.
med() {
    local times=() i t0 t1
    for ((i = 0; i < runs; i++)); do
        t0=${EPOCHREALTIME/./}; "$@" > /dev/null 2>&1; t1=${EPOCHREALTIME/./}
        times+=($(( (t1 - t0) / 1000 )))
    done
    local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    echo "${sorted[runs / 2]}"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
sgs=
for sr in /sys/class/block/sr*; do sgs="$sgs $(ls "$sr/device/scsi_generic")"; done
sg3_all() { for sg in $sgs; do sg_inq /dev/$sg; sg_get_config /dev/$sg; sg_modes -p 0x2a /dev/$sg; done; }

echo "discrec $("$bin" --version | cut -d' ' -f2); $(sg_inq -V 2>&1 | head -1); $(lsscsi -V 2>&1 | head -1)"
echo "drives: $(cd /sys/class/block && echo sr*) (generic:$sgs); $runs runs each, median wall ms"
"$bin" list
"$bin" list > /dev/null; lsscsi -g > /dev/null; "$bin" info > /dev/null 2>&1; sg3_all > /dev/null 2>&1
if [ "$only" = all ] || [ "$only" = list ]; then
l1=$(med "$bin" list); l2=$(med lsscsi -g)
printf '%-58s %6d ms\n' "discrec list" "$l1" "lsscsi -g" "$l2"
printf '%-58s %6s     (target <= 0.50)\n' "ratio list / lsscsi -g" "$(ratio "$l1" "$l2")"
# Diagnosis, not a target: the same two with address randomisation off (setarch -R, for a
# shell that runs them: its children inherit it). The difference is what randomised images
# (PIE, shared libraries) cost under TCG, which translates code again at every new address.
norand() { setarch -R /bin/bash -c "$(declare -f med); runs=$runs; med $*"; }
printf '%-58s %6d ms\n' "discrec list, not randomised (setarch -R; diagnosis)" "$(norand "$bin" list)" \
    "lsscsi -g, not randomised (setarch -R; diagnosis)" "$(norand lsscsi -g)"
for lang in c c++; do
    [ -x "$floor/empty-$lang" ] || continue
    printf '%-58s %6d ms\n' "empty $lang program, static PIE (floor; diagnosis)" "$(med "$floor/empty-$lang")"
done
fi
[ "$only" = list ] && exit 0
if [ "$only" = slow ]; then
    # Drives that answer slowly (issue 18): scsi_debug CD/DVD devices (peripheral type 5) that
    # hold every command DELAY jiffies; info of N of them must cost about one of them.
    modprobe scsi_debug ptype=5 num_tgts=4 delay="${DISCREC_BENCH_DELAY:-25}" ||
        { echo "no scsi_debug in this kernel" >&2; exit 77; }
    slow=
    for i in $(seq 100); do
        slow=$(for b in /sys/bus/pseudo/drivers/scsi_debug/adapter*/host*/target*/*/block/sr*; do
            [ -e "$b" ] && echo "${b##*/}"; done)
        [ "$(echo $slow | wc -w)" -ge 4 ] && break
        sleep 0.1
    done
    echo "slow drives (scsi_debug ptype=5 num_tgts=4 delay=${DISCREC_BENCH_DELAY:-25} jiffies):" $slow
    one=$(med "$bin" info $(echo $slow | cut -d' ' -f1))
    all=$(med "$bin" info $slow)
    printf '%-58s %6d ms\n' "discrec info, one slow drive" "$one" "discrec info, $(echo $slow | wc -w) slow drives" "$all"
    printf '%-58s %6s     (about 1 when asked at once)\n' "ratio all / one" "$(ratio "$all" "$one")"
    echo "  CDBs per slow drive: $("$bin" --trace info $(echo $slow | cut -d' ' -f1) 2>&1 >/dev/null | grep -c '^discrec: trace: /dev')"
    exit 0
fi
if [ "$only" = all ] || [ "$only" = info ]; then
i1=$(med "$bin" info); i2=$(med sg3_all)
printf '%-58s %6d ms\n' "discrec info (all drives)" "$i1" \
    "sg_inq + sg_get_config + sg_modes -p 0x2a, every drive" "$i2"
printf '%-58s %6s     (target <= 0.25)\n' "ratio info / sg3_utils" "$(ratio "$i1" "$i2")"
# Every drive at once (issue 18): info of all drives against info of the slowest one alone.
slowest=0 slowest_sr=
for sr in $(cd /sys/class/block && echo sr*); do
    t=$(med "$bin" info "$sr")
    printf '%-58s %6d ms\n' "discrec info $sr (one drive)" "$t"
    [ "$t" -le "$slowest" ] || { slowest=$t; slowest_sr=$sr; }
done
printf '%-58s %6s     (target <= 2.00)\n' "ratio info (all) / info $slowest_sr (slowest alone)" \
    "$(ratio "$i1" "$slowest")"
j1=$(med "$bin" info --json); printf '%-58s %6d ms\n' "discrec info --json (all drives)" "$j1"
e1=$(med sh -c "'$bin' eject sr0 && '$bin' close-tray sr0")
e2=$(med sh -c "sg_start --eject /dev/sg0 && sg_start --load /dev/sg0")
printf '%-58s %6d ms\n' "discrec eject sr0 + close-tray sr0" "$e1" "sg_start --eject + --load /dev/sg0" "$e2"
printf '%-58s %6s\n' "ratio eject+close / sg_start" "$(ratio "$e1" "$e2")"
echo "commands sent:"
echo "  discrec list: $("$bin" --trace list 2>&1 >/dev/null | grep -c '^discrec: trace: /dev') CDBs"
"$bin" --trace info 2>&1 >/dev/null | sed -n 's|^discrec: trace: /dev/\([a-z0-9]*\): \(.*\) \[.*|\1 \2|p' |
    awk '{ n[$1]++; c[$1] = c[$1] (c[$1] ? ", " : "") $2 " " $3 }
         END { for (d in n) printf "  discrec info, %s: %d CDBs\n", d, n[d] }' | sort
# Diagnosis: where the time goes. Each command's own duration as SG_IO saw it (--trace), per
# drive, asked alone and with every drive at once; the rest of the wall time is the process
# (start-up, sysfs, output). Commands that end in CHECK CONDITION are counted apart: on libata
# (ATAPI) each one goes through the SCSI error handler, which holds that ATA port meanwhile.
# cdb_time ARGS...: "DEV CDBS MS FAILED FAILED_MS" per drive of one `discrec --trace ARGS`
cdb_time() {
    "$bin" --trace "$@" 2>&1 >/dev/null | awk '
        /^discrec: trace: \/dev\// { dev = $3; sub(/:$/, "", dev); sub(/.*\//, "", dev); next }
        /^discrec: trace:   -> / { ms = $(NF - 1); n[dev]++; t[dev] += ms
            if ($4 != "good,") { f[dev]++; ft[dev] += ms } }
        END { for (d in n) printf "%s %d %.1f %d %.1f\n", d, n[d], t[d], f[d], ft[d] }' | sort
}
echo "time in commands, per drive (ms; failed = not status good):"
cdb_time info > /tmp/bench-at-once.txt
for sr in $(cd /sys/class/block && echo sr*); do
    sg=$(ls "/sys/class/block/$sr/device/scsi_generic")
    # (no process substitution: the guest has no /dev/fd)
    set -- $(cdb_time info "$sr") && n=$2 t=$3 f=$4 ft=$5
    set -- $(grep "^$sg " /tmp/bench-at-once.txt || echo "$sg 0 0 0 0") && at=$3 aft=$5
    printf '  %-4s %-4s alone: %2d CDBs %6.1f ms (%d failed %6.1f ms); all at once: %6.1f ms (failed %6.1f ms)\n' \
        "$sr" "$sg" "$n" "$t" "$f" "$ft" "$at" "$aft"
done
[ "$only" = info ] && exit 0
fi
# media: per drive, discrec against each peer that answers for that medium (exit 0); the
# ratio is to the fastest of them. Which peers answer: cd-info reads a CD's TOC through the
# kernel's ioctls and only names a DVD; dvd+rw-mediainfo stops at "non-DVD media" on a CD.
# peer_TOOL SR: the peer's answer for /dev/SR; peer_TOOL --say: its command line
peer_cdinfo() { [ "$1" = --say ] && echo "cd-info --no-header --no-device-info --no-cddb --no-analyze" && return; cd-info --no-header --no-device-info --no-cddb --no-analyze "/dev/$1"; }
peer_wodim() { [ "$1" = --say ] && echo "wodim -toc" && return; wodim dev="/dev/$1" -toc; }
peer_xorriso() { [ "$1" = --say ] && echo "xorriso -toc" && return; xorriso -outdev "/dev/$1" -toc; }
peer_mediainfo() { [ "$1" = --say ] && echo "dvd+rw-mediainfo" && return; dvd+rw-mediainfo "/dev/$1"; }
echo "media, per drive (median wall ms; peers that exit 0 on the medium):"
while read -r sr sg driver hctl id bus medium; do
    d=$(med "$bin" media "/dev/$sr")
    cdbs=$("$bin" --trace media "/dev/$sr" 2>&1 >/dev/null |
        sed -n 's|^discrec: trace: /dev/[a-z0-9]*: \(.*\) \[.*|\1|p' | awk '{ printf "%s%s", (NR > 1 ? ", " : ""), $0 } END { print "" }')
    ncdbs=$(echo "$cdbs" | awk -F', ' '{ print ($0 == "" ? 0 : NF) }')
    printf '  %-4s %-12s %-6s discrec media %6d ms, %d CDBs: %s\n' "$sr" "$bus" "$medium" "$d" "$ncdbs" "$cdbs"
    [ "$medium" = empty ] && continue
    best=
    for peer in cdinfo wodim xorriso mediainfo; do
        case "$peer:$medium" in cdinfo:dvd | mediainfo:iso) continue ;; esac
        peer_$peer "$sr" > /dev/null 2>&1 || { printf '  %-24s %-40s refused (exit %d)\n' "" "$(peer_$peer --say)" "$?"; continue; }
        t=$(med peer_$peer "$sr")
        printf '  %-24s %-40s %6d ms  ratio discrec/peer %s\n' "" "$(peer_$peer --say)" "$t" "$(ratio "$d" "$t")"
        [ -n "$best" ] && [ "$best" -le "$t" ] || best=$t
    done
    [ -z "$best" ] || printf '  %-24s %-40s %6s     (target < 1.00)\n' "" "ratio to the fastest peer" "$(ratio "$d" "$best")"
done < /run/vmio/drives.txt
echo "drives (srN sgN driver H:C:T:L id bus medium):"
sed 's/^/  /' /run/vmio/drives.txt
GUEST
bash "$here/../tests/vm/run-vm.sh" --timeout 1800 -e "DISCREC_BENCH_DELAY=${DISCREC_BENCH_DELAY:-25}" \
    --drive piix:iso --drive piix:empty --drive ahci:dvd --drive virtio-scsi:iso \
    --drive virtio-scsi:empty --drive lsi:dvd --drive lsi:iso --drive usb-bot:iso \
    -- /bin/bash "$guest" "$bin" "$runs" "$only" "$floor"
