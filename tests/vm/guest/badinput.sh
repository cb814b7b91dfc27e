# Bad-input matrix (issue 9), the cases that need a real guest: every drive command given
# things that are not optical drives, run without permission, on an empty drive and an open
# tray, a drive that does not answer in time, a drive unplugged while discrec holds it, and
# SIGINT/SIGTERM while `lock --exclusive` holds the tray locked.  Each case checks the exact
# exit status, a message class (a distinctive part of the one-line error), that stderr is that
# one line, and that nothing crashed (no "terminate called", sanitizer report or abort).
# Prints the matrix ("# matrix: CASE | EXIT | MESSAGE") for the closing notes.
# Needs: an ATAPI drive with a medium (piix:iso), an empty SCSI drive (virtio-scsi:empty; it
# is unplugged at the end) and a USB drive (usb-bot:iso; unplugged too).  The non-optical
# SCSI disk and the slow drive come from the kernel's scsi_debug module, loaded here.
# Sourced by all.sh; changes the drives' state, so it runs in a VM of its own.

BI_SUBS="info|eject|close-tray|lock|lock --status|lock --off|mcn|features|profiles|mode-pages"
: > "$W/matrix.txt"

# bi_case WHAT WANT_RC CLASS CMD...: run CMD, check its exit status, that stderr is exactly
# one line containing CLASS, and no crash; add a row to the matrix.
bi_case() {
    bi_what=$1 bi_want=$2 bi_class=$3
    shift 3
    run bi "$@"
    bi_check "$bi_what" "$bi_want" "$bi_class"
}
bi_check() {   # bi_check WHAT WANT_RC CLASS: the checks of bi_case on the last run
    bi_lines=0
    while IFS= read -r _; do bi_lines=$((bi_lines + 1)); done < "$W/$run_name.err"
    bi_msg=$(head -n 1 "$W/$run_name.err")
    bi_bad=
    [ "$RC" = "$2" ] || bi_bad="exit $RC, want $2;"
    [ "$bi_lines" = 1 ] || bi_bad="$bi_bad $bi_lines lines on stderr;"
    case $bi_msg in "discrec: "*"$3"*) ;; *) bi_bad="$bi_bad no 'discrec: ...$3';" ;; esac
    if grep -Eq 'terminate called|Sanitizer|runtime error:|Aborted|Segmentation' \
        "$W/$run_name.err" "$W/$run_name.out"; then bi_bad="$bi_bad crash report;"; fi
    [ "$RC" -lt 128 ] || bi_bad="$bi_bad killed by a signal;"
    if [ -z "$bi_bad" ]; then ok "$1: exit $2, '$3'"; else
        not_ok "$1" "$bi_bad stderr: $(head -c 300 "$W/$run_name.err" | tr '\n' '|')"
    fi
    echo "$1 | $RC | $bi_msg" >> "$W/matrix.txt"
}
# bi_subs PREFIX-WHAT WANT_RC CLASS RUNNER DRIVE: every drive subcommand on DRIVE
bi_subs() {
    bs_old_ifs=$IFS
    IFS='|'
    for bs_sub in $BI_SUBS; do
        IFS=$bs_old_ifs
        # shellcheck disable=SC2086 # the subcommand and its option are two words
        bi_case "$1: $bs_sub" "$2" "$3" $4 "$DISCREC" $bs_sub "$5"
        IFS='|'
    done
    IFS=$bs_old_ifs
}
plain() { "$@"; }

# The drives by role, from the harness's table.
bi_atapi= bi_empty= bi_usb=
for sr in $DRIVES; do
    case $(dv "$sr" bus):$(dv "$sr" media) in
        piix:iso) bi_atapi=$sr ;; virtio-scsi:empty) bi_empty=$sr ;; usb-bot:*) bi_usb=$sr ;;
    esac
done
check "badinput: the drives it needs (piix:iso, virtio-scsi:empty, usb-bot)" \
    -n "$bi_atapi" -a -n "$bi_empty" -a -n "$bi_usb"
bi_atapi_sg=$(dv "$bi_atapi" sg)
sdebug=/sys/bus/pseudo/drivers/scsi_debug
mkdir -p /run/lock

# bi_ok WHAT PATTERN: the last run exited 0 with nothing on stderr and PATTERN (a case
# pattern) on a line of stdout: a state that is reported, not an error.
bi_ok() {
    bo_bad= bo_found=0
    [ "$RC" = 0 ] || bo_bad="exit $RC, want 0;"
    [ ! -s "$W/$run_name.err" ] || bo_bad="$bo_bad stderr: $(head -c 200 "$W/$run_name.err" | tr '\n' '|');"
    while IFS= read -r bo_line; do
        # shellcheck disable=SC2254 # PATTERN is a pattern
        case $bo_line in $2) bo_found=1; break ;; esac
    done < "$W/$run_name.out"
    [ $bo_found = 1 ] || bo_bad="$bo_bad no '$2' in: $(head -c 200 "$W/$run_name.out" | tr '\n' '|')"
    if [ -z "$bo_bad" ]; then ok "$1: exit 0, '$2'"; else not_ok "$1" "$bo_bad"; fi
    echo "$1 | $RC | (stdout) ${bo_line:-}" >> "$W/matrix.txt"
}
# page 2Ah byte 6 bit 1 (lock state) through sg, as in tray.sh
bi_lock_bit() {
    sg_raw -r 64 "/dev/$1" 5a 08 2a 00 00 00 00 00 40 00 2>&1 |
        awk '/^ *00  /{ print $16; exit }' | { read -r b; [ -n "$b" ] && echo $(((0x$b >> 1) & 1)) || echo none; }
}
bi_child() {   # first child process of PID
    for s in /proc/[0-9]*/stat; do
        read -r cpid _ _ cppid _ < "$s" 2> /dev/null || continue
        [ "$cppid" = "$1" ] && { echo "$cpid"; return; }
    done
}
bi_sysfs_sr() {   # the srN of the scsi_debug device, if there is one
    for b in "$sdebug"/adapter*/host*/target*/*/block/sr*; do [ -e "$b" ] && echo "${b##*/}"; done
}

# ------------------------------------------------------------ things that are not drives
# A plain SCSI disk and its sg node (scsi_debug, peripheral type 0, with sd_mod: the harness
# loads only sr_mod and sg), a regular file, a directory, character devices that are not sg.
echo data > /tmp/not-a-drive.txt
if modprobe scsi_debug ptype=0 && modprobe sd_mod; then
    i=0 bi_disk=
    while [ $i -lt 100 ] && [ -z "$bi_disk" ]; do
        for b in "$sdebug"/adapter*/host*/target*/*/block/sd*; do [ -e "$b" ] && bi_disk=${b##*/}; done
        [ -n "$bi_disk" ] || sleep 0.05
        i=$((i + 1))
    done
    for g in "$sdebug"/adapter*/host*/target*/*/scsi_generic/sg*; do bi_disk_sg=${g##*/}; done
else
    bi_disk= bi_disk_sg=
fi
check "scsi_debug disk for the not-optical cases (/dev/$bi_disk, /dev/$bi_disk_sg)" \
    -b "/dev/$bi_disk" -a -c "/dev/$bi_disk_sg"
missing=sr9
[ ! -e /sys/class/block/sr9 ] || missing=sr99
bi_subs "unknown name $missing" 3 "no optical drive '$missing'" plain "$missing"
for bad in /dev/null /dev/zero /tmp/not-a-drive.txt /tmp "/dev/$bi_disk" "/dev/$bi_disk_sg"; do
    bi_subs "not a drive: $bad" 3 "'$bad' is not an optical drive" plain "$bad"
done
rmmod sd_mod scsi_debug 2> /dev/null

# ------------------------------------------------------------ no permission
# nobody without the cdrom group: every command that opens the drive is refused (4); mcn only
# reads sysfs (its setting needs root), list needs nothing.
for spelling in "$bi_atapi" "/dev/$bi_atapi_sg"; do
    BI_SUBS="info|eject|close-tray|lock|lock --status|lock --off|features|profiles|mode-pages" \
        bi_subs "as nobody: $spelling" 4 "permission denied" as_nobody "$spelling"
done
run mcn as_nobody "$DISCREC" mcn "$bi_atapi"
bi_ok "as nobody: mcn $bi_atapi (reads sysfs)" "$bi_atapi: media change polling*"
bi_case "as nobody: mcn --off $bi_atapi" 4 "cannot set media polling" as_nobody "$DISCREC" mcn --off "$bi_atapi"
run list as_nobody "$DISCREC" list
bi_ok "as nobody: list" "*/dev/$bi_atapi *"

# ------------------------------------------------------------ empty drive, open tray
# Documented: info reports an empty drive or an open tray (never waits); features, profiles,
# mode-pages and lock --status read what the drive answers without a medium; eject of an open
# tray is success; close-tray closes it; lock/--off work on an empty drive. None is an error.
bi_state() {   # bi_state WHAT DRIVE TRAY(open|closed)
    run st "$DISCREC" info "$2"
    bi_ok "$1: info $2 reports the tray" "Tray:*$3"
    bi_ok "$1: info $2 reports no medium" "Medium present:*no"
    run st "$DISCREC" lock --status "$2"
    bi_ok "$1: lock --status $2" "Locked:*no"
    run st "$DISCREC" mcn "$2"
    bi_ok "$1: mcn $2" "$2: media change polling*"
    run st "$DISCREC" features "$2"
    bi_ok "$1: features $2 (no current profile)" "Current profile: 0x0000*"
    run st "$DISCREC" profiles "$2"
    bi_ok "$1: profiles $2 (none current)" "0x0008*CD-ROM*read"
    run st "$DISCREC" mode-pages "$2"
    bi_ok "$1: mode-pages $2" "Supported pages:*2a*"
    run st "$DISCREC" lock "$2"
    bi_ok "$1: lock $2" "$2: tray locked"
    run st "$DISCREC" lock --off "$2"
    bi_ok "$1: lock --off $2" "$2: tray unlocked"
    run st "$DISCREC" eject "$2"
    bi_ok "$1: eject $2 (the tray ends open)" "$2: *"
    run st "$DISCREC" close-tray "$2"
    bi_ok "$1: close-tray $2" "$2: tray closed"
}
bi_state "empty drive" "$bi_empty" closed
# the medium taken out by the user: tray open, no medium (QEMU: eject -f)
runvm-monitor "eject -f $(dv "$bi_atapi" id)" > /dev/null
bi_state "open tray, medium removed" "$bi_atapi" open
runvm-monitor "change $(dv "$bi_atapi" id) $RUNVM_TEST_ISO raw" > /dev/null

# ------------------------------------------------------------ a drive that does not answer
# scsi_debug as a CD drive (peripheral type 5) told to drop every command (opts=4: timeout,
# every_nth=1): the first command discrec sends, INQUIRY, gets no answer within its 5 s; info
# must exit 7 after about that long, not hang or go on asking.
if modprobe scsi_debug ptype=5; then
    i=0 bi_slow=
    while [ $i -lt 100 ] && [ -z "$bi_slow" ]; do bi_slow=$(bi_sysfs_sr); [ -n "$bi_slow" ] || sleep 0.05; i=$((i + 1)); done
fi
if [ -n "$bi_slow" ]; then
    # the kernel's own media polling would time out too; discrec turns it off
    "$DISCREC" mcn --off "$bi_slow" > /dev/null 2>&1
    echo 4 > "$sdebug/opts" && echo 1 > "$sdebug/every_nth"
    bi_case "drive does not answer: info --json $bi_slow" 7 "INQUIRY: timed out" "$DISCREC" info --json "$bi_slow"
    cp "$W/bi.out" "$W/timeout.json"
    check "drive does not answer: info gave up after its 5 s timeout (took $MS ms)" "$MS" -ge 4500 -a "$MS" -le 15000
    echo 0 > "$sdebug/every_nth" && echo 0 > "$sdebug/opts"
    # ------------------------------------------------------------ unplugged during a command
    # Answers delayed by 2 s; the device is deleted while discrec waits for one: the next
    # command finds it gone (3), and no partial success.
    echo 500 > "$sdebug/delay"
    "$DISCREC" info "$bi_slow" > "$W/unplug.out" 2> "$W/unplug.err" &
    bi_pid=$!
    i=0
    while [ $i -lt 100 ]; do
        ls -l "/proc/$bi_pid/fd" 2> /dev/null | grep -q "/dev/sg\|/dev/sr" && break
        sleep 0.05; i=$((i + 1))
    done
    sleep 0.5
    echo 1 > "/sys/block/$bi_slow/device/delete"
    wait $bi_pid
    RC=$? run_name=unplug
    bi_check "unplugged during info (scsi_debug device deleted)" 3 "the drive is gone"
else
    not_ok "scsi_debug CD drive (ptype=5) for the timeout and unplug cases" "modprobe failed or no srN"
fi
rmmod scsi_debug 2> /dev/null

# ------------------------------------------------------------ QEMU hot-unplug while held
# lock --exclusive holds the empty virtio drive while COMMAND unplugs it (QEMU device_del):
# discrec exits with COMMAND's status as soon as it ends, says the drive is gone (it could
# not send ALLOW), and removes its owner record; the drive is then unknown (3).
bi_id=$(dv "$bi_empty" id)
bi_case "unplugged while held: lock --exclusive $bi_empty" 0 "PREVENT ALLOW MEDIUM REMOVAL: the drive is gone" \
    "$DISCREC" lock --exclusive "$bi_empty" -- sh -c "runvm-monitor 'device_del dev-$bi_id' > /dev/null
        i=0; while [ -e /sys/block/$bi_empty ] && [ \$i -lt 100 ]; do sleep 0.05; i=\$((i + 1)); done"
check "unplugged while held: discrec ended with COMMAND (${MS} ms)" "$MS" -lt 15000
check "unplugged while held: owner record removed" ! -e "/run/lock/discrec-$bi_empty.owner"
bi_case "unplugged: info $bi_empty" 3 "no optical drive '$bi_empty'" "$DISCREC" info "$bi_empty"
bi_case "unplugged: info /dev/$bi_empty" 3 "no optical drive '/dev/$bi_empty'" "$DISCREC" info "/dev/$bi_empty"
# USB: the drive pulled out while COMMAND runs
( sleep 0.5; runvm-monitor "device_del ubot0" > /dev/null ) &
bi_case "USB drive unplugged while held: lock --exclusive $bi_usb" 0 "the drive is gone" \
    "$DISCREC" lock --exclusive "$bi_usb" -- sh -c "i=0; while [ -e /sys/block/$bi_usb ] && [ \$i -lt 200 ]; do sleep 0.05; i=\$((i + 1)); done"
wait
bi_case "unplugged: eject $bi_usb" 3 "no optical drive '$bi_usb'" "$DISCREC" eject "$bi_usb"

# ------------------------------------------------------------ signals while holding the lock
for sig in INT TERM; do
    "$DISCREC" lock --exclusive "$bi_atapi" -- sleep 30 > "$W/sig.out" 2> "$W/sig.err" &
    bi_pid=$!
    i=0 child=
    while [ $i -lt 100 ] && [ -z "$child" ]; do child=$(bi_child $bi_pid); [ -n "$child" ] || sleep 0.05; i=$((i + 1)); done
    i=0
    while [ $i -lt 40 ] && [ "$(bi_lock_bit "$bi_atapi_sg")" != 1 ]; do sleep 0.05; i=$((i + 1)); done
    check_eq "SIG$sig while held: tray locked before" "$(bi_lock_bit "$bi_atapi_sg")" 1
    kill -"$sig" $bi_pid
    wait $bi_pid
    RC=$?
    want=130; [ $sig = INT ] || want=143
    check_eq "SIG$sig while held: exit 128+N (COMMAND got it)" "$RC" $want
    check "SIG$sig while held: nothing on stderr" ! -s "$W/sig.err"
    echo "SIG$sig to lock --exclusive $bi_atapi -- sleep 30 | $RC | $(head -n 1 "$W/sig.err")" >> "$W/matrix.txt"
    check_eq "SIG$sig while held: lock state clear afterwards" "$(bi_lock_bit "$bi_atapi_sg")" 0
    check "SIG$sig while held: owner record gone" ! -e "/run/lock/discrec-$bi_atapi.owner"
    run st "$DISCREC" lock --status "$bi_atapi"
    bi_ok "SIG$sig while held: lock --status afterwards" "Locked:*no"
    sg_start --eject "/dev/$bi_atapi_sg" > /dev/null 2>&1
    check_eq "SIG$sig while held: sg_start --eject succeeds afterwards" "$?" 0
    sg_start --load "/dev/$bi_atapi_sg" > /dev/null 2>&1
done

# ------------------------------------------------------------ the same errors as JSON
# One document on stdout, with error.kind and exit_status (vm_test.sh validates each against
# its schema).
bi_case "JSON: info --json $missing" 3 "no optical drive" "$DISCREC" info --json "$missing"
cp "$W/bi.out" "$W/j-unknown.json"
bi_case "JSON: eject --json /dev/null" 3 "is not an optical drive" "$DISCREC" eject --json /dev/null
cp "$W/bi.out" "$W/j-null.json"
bi_case "JSON: as nobody: profiles --json $bi_atapi" 4 "permission denied" as_nobody "$DISCREC" profiles --json "$bi_atapi"
cp "$W/bi.out" "$W/j-nobody.json"
json_load JU "$W/j-unknown.json" JN "$W/j-null.json" JP "$W/j-nobody.json" JT "$W/timeout.json"
check_eq "JSON: info $missing: error.kind, exit_status" "$(jv JU_error_kind) $(jv JU_exit_status)" "no_such_drive 3"
check_eq "JSON: eject /dev/null: error.kind, exit_status" "$(jv JN_error_kind) $(jv JN_exit_status)" "no_such_drive 3"
check_eq "JSON: profiles as nobody: error.kind, exit_status" "$(jv JP_error_kind) $(jv JP_exit_status)" "permission_denied 4"
check_eq "JSON: info of a drive that does not answer: drive error.kind, exit_status" \
    "$(jv JT_drives_0_error_kind) $(jv JT_exit_status)" "timeout 7"

echo "# matrix: CASE | EXIT | MESSAGE"
while IFS= read -r line; do echo "# matrix: $line"; done < "$W/matrix.txt"
