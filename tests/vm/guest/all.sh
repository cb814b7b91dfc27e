#!/bin/sh
# all.sh DISCREC [GROUP...]: the end-to-end checks of the discrec binary DISCREC inside a
# run-vm.sh guest.  Groups (files next to this one, run in this order by default):
#   cli    options, help, exit codes, unknown drives
#   list   `discrec list`: drives vs /sys and sg_inq, no CDB sent, works as nobody
#   info   `discrec info`: every spelling, identity, profiles, features, media at boot
#   media  mounted volume, holders, tray opened through sg, host-side eject (runvm-monitor)
#   features, modes  `features`/`profiles` vs sg_get_config, `mode-pages` vs sg_modes
#   send   `discrec send`: bytes vs sg_raw, the gate, a write reaching the drive, the kernel's
#          SG_IO filter (not by default; the first big guest runs it)
#   record `--record` of `info`, `--replay` of it in the guest (not by default; the first guest)
#   tray   eject, close-tray, lock, exclusive access (not by default: changes drive state)
#   automation  `check` assertions true and false, `wait` on host-side media changes
#          (runvm-monitor; not by default: changes media)
#   badinput  the bad-input matrix: every subcommand on wrong devices, as nobody, on an empty
#          drive and an open tray, a timeout (scsi_debug), hot-unplug, signals (not by default)
# Prints "ok - ..." / "not ok - ..." lines and "N passed, N failed"; exits 1 if any failed.
DISCREC=$1
[ $# -gt 0 ] && shift
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

if [ -z "$DISCREC" ] || [ ! -x "$DISCREC" ]; then
    not_ok "discrec binary" "'$DISCREC' is not an executable file"
    summary
    exit 1
fi
load_drives
n=0
for _ in $DRIVES; do n=$((n + 1)); done
check_eq "harness: drives.txt has every /sys/class/block/sr* ($DRIVES)" "$n" "$NDRIVES"

for group in ${*:-cli list info media features modes}; do
    t0=$(now_cs)
    . "$HERE/$group.sh"
    echo "# $group: $((($(now_cs) - t0) * 10)) ms"
done
rm -rf "$W"
summary
