#!/usr/bin/env bash
# The CPU an idle `discrec watch` takes (issue 16: "idle CPU well under 1 %"), measured two
# ways, since the guest's own figure is inflated by TCG (QEMU without KVM emulates every
# instruction, ~10-50x slower than the host):
#
#   bench/watch-idle.sh [BUILD_DIR] [SECONDS] [guest|host|all]
#                       (default build, 30 s per case, all)
#
# guest: in one QEMU guest (tests/vm/run-vm.sh) with four drives (ATAPI CD, virtio-scsi CD,
#   LSI DVD, USB CD), `discrec watch` runs idle for SECONDS in each of four cases: one drive
#   and all four, each in uevent mode (`discrec mcn --interval 2000` on the drives: the
#   kernel polls, watch sends nothing and sleeps in poll()) and in polling mode (kernel
#   polling off, `mcn --off`: GET CONFIGURATION + MECHANISM STATUS per drive per 1 s
#   interval). The CPU is the process's sum_exec_runtime from /proc/PID/schedstat (ns; user
#   and system, the SG_IO calls included) over SECONDS, after a 2 s start; printed in ms and
#   as a percentage of one CPU, with the commands sent (a --trace run of 5 s) beside it.
# host: instructions per turn (one interval of a polled watch) from `valgrind
#   --tool=callgrind` (Ir, collected inside Watcher::turn only) on replays of the recorded
#   polled sessions of tests/fixtures/recordings/watch, less the replay's own machinery
#   (RunLog::replay_command/replay_fact: answering from the recording's JSON, which a live
#   run does with SG_IO and open()), times one turn per second (the default interval),
#   against the host's instruction rate (a whole replay's Ir over its native wall time, 20
#   runs): the CPU share watch's own code takes on this host. The kernel's SG_IO path is not
#   in it. Use a Release build for the figure that ships (a Debug -O0 build runs several
#   times the instructions).
# Host load (uptime) is printed before and after each part: the numbers mean little on a
# loaded host. Performance lives here, never in a timed test.
# Needs valgrind for the host part (apt-get install valgrind), QEMU as tests/vm/README.md
# says for the guest part.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
seconds=${2:-30}
only=${3:-all}
bin=$(cd "$build" && pwd)/discrec
[ -x "$bin" ] || { echo "no discrec in $build (build first)" >&2; exit 1; }
rec=$here/../tests/fixtures/recordings/watch

host_part() {
    command -v valgrind > /dev/null || { echo "host: valgrind not installed (apt-get install valgrind)"; return 0; }
    echo "== host: instructions per turn (callgrind on replays), host load: $(uptime)"
    local tmp f
    tmp=$(mktemp -d /tmp/discrec-watch-idle.XXXXXX)
    for f in "$rec"/*.jsonl; do
        local name turns interval drives
        name=$(basename "$f" .jsonl)
        # The recorded turns that went on (the last, a stop, asks nothing), the interval, drives.
        read -r turns interval drives < <(python3 - "$f" <<'PY'
import json, sys
turns, argv, drives = 0, [], 0
for line in open(sys.argv[1]):
    d = json.loads(line)
    if d["type"] == "run":
        argv = d["argv"]
        drives = len((d.get("enumeration") or {}).get("value", []))
    if d["type"] == "watch_turn" and not d["stop"]:
        turns += 1
interval = int(argv[argv.index("--interval") + 1]) if "--interval" in argv else 1000
print(turns, interval, drives)
PY
        )
        local args=(--replay "$f" watch --interval "$interval")
        # Only what runs inside the turns (Watcher::turn: the asks, the events, the output).
        valgrind --tool=callgrind --toggle-collect='*Watcher::turn*' --callgrind-out-file="$tmp/cg.out" \
            "$bin" "${args[@]}" > /dev/null 2> "$tmp/cg.err" || { echo "replay failed: $(tail -n 3 "$tmp/cg.err")"; continue; }
        callgrind_annotate --inclusive=yes --auto=no "$tmp/cg.out" > "$tmp/cg.txt" 2> /dev/null
        # Native wall time of the whole replay (20 runs) against its Ir: this host's rate.
        valgrind --tool=callgrind --callgrind-out-file="$tmp/all.out" "$bin" "${args[@]}" > /dev/null 2>&1
        local t0 t1 i
        t0=${EPOCHREALTIME/./}
        for ((i = 0; i < 20; i++)); do "$bin" "${args[@]}" > /dev/null; done
        t1=${EPOCHREALTIME/./}
        python3 - "$name" "$turns" "$interval" "$drives" "$tmp/cg.txt" "$tmp/cg.out" "$tmp/all.out" "$(( (t1 - t0) / 20 ))" <<'PY'
import re, sys
name, turns, interval, drives, annotated, turn_out, all_out, us = sys.argv[1:9]
turns, interval, drives, us = int(turns), int(interval), int(drives), int(us)
def total(path):
    for line in open(path):
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    return 0
turn_ir, all_ir = total(turn_out), total(all_out)
# The replay's own machinery inside the turns (answering commands and opens from the
# recording: JSON, hex), which a live run replaces by SG_IO and open(): subtracted.
# callgrind_annotate lists a function once per source file its code came from (inlined
# headers): the largest inclusive figure is the function's own.
most = {}
for line in open(annotated):
    m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+\S*:discrec::RunLog::replay_(command|fact)\(", line)
    if m:
        most[m.group(2)] = max(most.get(m.group(2), 0), int(m.group(1).replace(",", "")))
replay = sum(most.values())
own = (turn_ir - replay) / max(turns, 1)
rate = all_ir / (us / 1e6)
print(f"{name}: {drives} drives, {turns} polled turns at {interval} ms (replayed); per turn "
      f"{turn_ir / max(turns, 1):,.0f} instructions with the replay's machinery, "
      f"{own:,.0f} without it ({own / max(drives, 1):,.0f} per drive); host rate "
      f"{rate / 1e9:.2f} G instructions/s (whole replay: {all_ir:,} in {us} us); "
      f"at the default 1 turn/s: {own / rate * 1e6:.1f} us of user CPU per second "
      f"= {own / rate * 100:.4f} % of one CPU (+ the kernel's SG_IO, not counted)")
PY
    done
    rm -rf "$tmp"
    echo "   host load after: $(uptime)"
}

guest_part() {
    local guest
    guest=$(mktemp /tmp/discrec-watch-idle.XXXXXX.sh)
    cat > "$guest" <<'GUEST'
bin=$1 seconds=$2
all=$(cd /sys/class/block && echo sr*)
one=${all%% *}
# cpu_ns PID: the process's CPU time so far, ns (user + system).
cpu_ns() { read -r ns _ < "/proc/$1/schedstat"; echo "$ns"; }
measure() {  # measure LABEL DRIVES...
    local label=$1 pid c0 c1 commands
    shift
    # The commands it sends in 5 s (a separate traced run: tracing costs CPU itself).
    commands=$("$bin" --trace watch "$@" --timeout 5 2>&1 >/dev/null | grep -c "trace: /dev/")
    "$bin" watch "$@" --timeout $((seconds + 4)) > /dev/null 2>&1 &
    pid=$!
    sleep 2
    c0=$(cpu_ns $pid)
    sleep "$seconds"
    c1=$(cpu_ns $pid)
    wait $pid
    awk -v l="$label" -v ns=$((c1 - c0)) -v s="$seconds" -v n="$commands" 'BEGIN {
        printf "%-44s %8.1f ms CPU in %d s = %6.3f %% of one CPU; %d commands in 5 s (snapshot included)\n",
               l, ns / 1e6, s, ns / 1e7 / s, n }'
}
echo "guest: drives $all; kernel $(uname -r); load $(cut -d' ' -f1-3 /proc/loadavg)"
for d in $all; do "$bin" mcn --interval 2000 "$d" > /dev/null; done
measure "uevent mode, 1 drive ($one)" "$one"
measure "uevent mode, all drives ($all)"
for d in $all; do "$bin" mcn --off "$d" > /dev/null; done
measure "polling mode (1 s), 1 drive ($one)" "$one"
measure "polling mode (1 s), all drives ($all)"
echo "guest load after: $(cut -d' ' -f1-3 /proc/loadavg)"
GUEST
    echo "== guest (TCG): idle watch for $seconds s per case, host load: $(uptime)"
    bash "$here/../tests/vm/run-vm.sh" --timeout $((seconds * 6 + 300)) \
        --drive piix:iso --drive virtio-scsi:iso --drive lsi:dvd --drive usb-bot:iso \
        -- /bin/sh "$guest" "$bin" "$seconds"
    rm -f "$guest"
    echo "   host load after: $(uptime)"
}

case $only in
    guest) guest_part ;;
    host) host_part ;;
    *) host_part; guest_part ;;
esac
