# check and wait (issue 16), per drive, with media changed on the host side (QEMU monitor,
# runvm-monitor): every check assertion QEMU can make true, true and false (the rest, blank,
# appendable, writable, min-free, can only be false here: their true side is unit-tested and
# replayed on the host); wait returning on the host's eject and insertion (ATAPI and SCSI
# answer different unit attention sequences), and timing out on an empty drive with the last
# state in the message. Sourced by all.sh (group automation: changes media, a VM of its own).

# ck WHAT WANT-RC ARGS...: `discrec check ARGS`, its exit status.
ck() {
    ck_what=$1 ck_want=$2
    shift 2
    run ck "$DISCREC" check "$@"
    check_rc "check $* ($ck_what)" "$ck_want"
}
medium_image() {   # medium_image SR: the image QEMU had in it (an empty drive gets the CD)
    if [ "$(dv "$1" media)" = dvd ]; then echo "$RUNVM_TEST_DVD"; else echo "$RUNVM_TEST_ISO"; fi
}

# The drives by role, from the harness's table: ATAPI with a CD, SCSI empty, USB (usb-bot)
# with a CD, unplugged by the watch checks below. check and wait run on ATAPI and SCSI.
atapi='' scsi='' usb=''
for sr in $DRIVES; do
    case $(dv "$sr" bus) in piix) atapi=$sr ;; virtio-scsi) scsi=$sr ;; usb-bot) usb=$sr ;; esac
done
check "automation: the drives it needs (piix, virtio-scsi, usb-bot)" -n "$atapi" -a -n "$scsi" -a -n "$usb"

for sr in $atapi $scsi; do
    id=$(dv "$sr" id)
    sg=$(dv "$sr" sg)
    bus=$(dv "$sr" bus)
    # ------------------------------------------------------------ check, as the drive booted
    if has_medium "$sr"; then
        prof=cd-rom other=dvd-rom
        [ "$(dv "$sr" media)" = dvd ] && prof=dvd-rom other=cd-rom
        ck "$bus medium" 0 "$sr" --medium --tray closed --ready --profile "$prof" --complete
        ck "$bus medium" 10 "$sr" --no-medium
        ck "$bus medium" 10 "$sr" --tray open
        ck "$bus medium" 10 "$sr" --profile "$other"
        ck "$bus medium" 0 "$sr" --profile "$other" --profile "$prof"
        for a in --blank --appendable --writable "--min-free 1s"; do
            # shellcheck disable=SC2086  # an option and its value
            ck "$bus: QEMU's media are read-only and complete" 10 "$sr" $a
        done
    else
        ck "$bus empty" 0 "$sr" --no-medium --tray closed
        ck "$bus empty" 10 "$sr" --medium
        ck "$bus empty" 10 "$sr" --ready
        ck "$bus empty" 10 "$sr" --profile cd-rom
        ck "$bus empty" 10 "$sr" --complete
    fi
    ck "$bus drive" 0 "$sr" --can-read cd-rom --can-read dvd-rom --feature profile-list \
        --vendor '^qemu$' --revision '^2\.5' --not-mounted --not-held --unlocked
    ck "$bus drive" 10 "$sr" --can-write cd-r
    ck "$bus drive" 10 "$sr" --product nosuchproduct
    ck "$bus drive" 10 "$sr" --locked
    ck "$bus drive" 10 "$sr" --feature cd-read
    ck "$bus drive" 10 "$sr" --min-drives 99
    # The lock as another program set it (page 2Ah lock state), and released.
    run lk "$DISCREC" lock "$sr"
    ck "$bus locked" 0 "$sr" --locked
    ck "$bus locked" 10 "$sr" --unlocked
    run lk "$DISCREC" lock --off "$sr"
    # Held by another process (through the sg node: /dev/srN does not open without a medium),
    # mounted.
    sleep 30 < "/dev/$sg" &
    holder=$!
    ck "$bus held" 10 "$sr" --not-held
    if grep -q "held by $holder sleep (/dev/$sg)" "$W/ck.out"; then ok "check --not-held $sr names the holder"
    else not_ok "check --not-held $sr names the holder" "$(cat "$W/ck.out")"; fi
    kill "$holder"
    wait "$holder" 2> /dev/null
    if has_medium "$sr"; then
        mkdir -p /mnt/ck
        if mount -o ro "/dev/$sr" /mnt/ck 2> /dev/null; then
            ck "$bus mounted" 10 "$sr" --not-mounted
            umount /mnt/ck
        else not_ok "mount /dev/$sr" "mount failed"; fi
    fi
    run ckj "$DISCREC" --json check "$sr" --tray closed --vendor qemu --no-medium --medium
    check_rc "check --no-medium --medium: usage" 2
    run ckj "$DISCREC" --json check "$sr" --tray closed --vendor qemu
    check_rc "check --json $sr" 0
    json_load CJ "$W/ckj.out"
    check_eq "check --json $sr: passed" "$(jv CJ_passed)" true
    check_eq "check --json $sr: tray assertion" "$(jv CJ_drives_0_assertions_0_name)/$(jv CJ_drives_0_assertions_0_actual)/$(jv CJ_drives_0_assertions_0_result)" "tray/closed/pass"
    check_eq "check --json $sr: json_format_version" "$(jv CJ_json_format_version_1)" 2

    # ------------------------------------------------------------ wait
    if ! has_medium "$sr"; then
        run wt "$DISCREC" wait "$sr" --for medium --timeout 2 --interval 200
        check_rc "wait $sr --for medium on an empty drive: timeout" 7
        if grep -q "timed out after 2 s waiting for medium (last state: tray closed, no medium" "$W/wt.err"; then
            ok "wait timeout $sr: the message has the last state"
        else not_ok "wait timeout $sr: the message has the last state" "$(cat "$W/wt.err")"; fi
        # Inserted on the host while waiting: ready, through the drive's unit attention.
        "$DISCREC" --json wait "$sr" --for ready --timeout 60 --interval 200 > "$W/wr.out" 2> "$W/wr.err" &
        waiter=$!
        runvm-monitor "change $id $(medium_image "$sr") raw" > /dev/null
        wait "$waiter"
        RC=$? run_name=wr
        check_rc "wait $sr --for ready, disc inserted on the host ($bus)" 0
        json_load WR "$W/wr.out"
        check_eq "wait --json $sr: reached, ready" "$(jv WR_reached)/$(jv WR_state_ready)/$(jv WR_state_medium_present)" "true/true/true"
        ck "$bus inserted" 0 "$sr" --medium --ready --profile cd-rom
    fi
    # Pulled on the host while waiting: no medium and tray open.
    "$DISCREC" wait "$sr" --for tray-open --timeout 60 --interval 200 > "$W/wo.out" 2> "$W/wo.err" &
    waiter=$!
    runvm-monitor "eject -f $id" > /dev/null
    wait "$waiter"
    RC=$? run_name=wo
    check_rc "wait $sr --for tray-open, disc pulled on the host ($bus)" 0
    if grep -q "^$sr: tray-open after .* (tray open, no medium, not ready)" "$W/wo.out"; then
        ok "wait $sr: one line with the state"
    else not_ok "wait $sr: one line with the state" "$(cat "$W/wo.out")"; fi
    run wn "$DISCREC" wait "$sr" --for no-medium --timeout 10 --interval 200
    check_rc "wait $sr --for no-medium with the tray open: at once" 0
    ck "$bus pulled" 0 "$sr" --no-medium --tray open
    # And back, waiting for the medium only (not ready yet is fine), then ready.
    "$DISCREC" --quiet wait "$sr" --for medium --timeout 60 --interval 200 > "$W/wm.out" 2> "$W/wm.err" &
    waiter=$!
    runvm-monitor "change $id $(medium_image "$sr") raw" > /dev/null
    wait "$waiter"
    RC=$? run_name=wm
    check_rc "wait $sr --for medium, disc inserted again ($bus)" 0
    check "wait --quiet $sr: nothing on stderr" ! -s "$W/wm.err"
    run wr2 "$DISCREC" wait "$sr" --for ready --timeout 30 --interval 200
    check_rc "wait $sr --for ready after the insertion" 0
    # not-held: a holder goes away while we wait.
    sleep 2 < "/dev/$sg" &
    run wh "$DISCREC" wait "$sr" --for not-held --timeout 20 --interval 200
    check_rc "wait $sr --for not-held: the holder ended" 0
    wait
done

# ------------------------------------------------------------ watch
# events_of FILE DRIVE: the events of DRIVE in the JSON Lines FILE, in order, space separated
# (the snapshot as "snapshot"); every line must be one JSON document.
events_of() {
    "$PYTHON" - "$1" "$2" <<'PY'
import json, sys
out = []
for line in open(sys.argv[1]):
    try:
        d = json.loads(line)
    except ValueError:
        out.append("BAD-LINE")
        continue
    if d.get("json_format_version", [0])[0] != 1:
        out.append("NO-VERSION")
    if d.get("event") == "snapshot":
        out.append("snapshot")
    elif d.get("drive", {}).get("name") == sys.argv[2]:
        out.append(d["event"])
print(" ".join(out))
PY
}
# keep_lines FILE NAME: each line of FILE as a document of its own for the host's schema check.
keep_lines() {
    [ -n "${RUNVM_JSON_OUT:-}" ] || return 0
    kl_i=0
    while IFS= read -r kl_line; do
        kl_i=$((kl_i + 1))
        printf '%s\n' "$kl_line" > "$RUNVM_JSON_OUT/$2-$kl_i.json"
    done < "$1"
}
atapi_id=$(dv "$atapi" id) scsi_id=$(dv "$scsi" id)
# The watch sessions recorded here (--record) are replayed on the host by
# tests/cli/replay_test.sh (tests/fixtures/recordings/watch/README.md says how they were made).
REC=
if [ -n "${RUNVM_JSON_OUT:-}" ]; then
    REC=$RUNVM_JSON_OUT/../recordings/watch
    mkdir -p "$REC"
fi
# rec NAME: the options that record a run as NAME.jsonl (nothing when there is nowhere to put it)
rec() { [ -z "$REC" ] || printf '%s\n' --record "$REC/$1.jsonl"; }
keep_recorded() { [ -z "$REC" ] || cp "$2" "$REC/$1.out"; }

# Polling (the guest's kernel does not poll: events_poll_msecs -1, default 0): the host pulls
# the ATAPI drive's disc and puts it back; the events come in order; SIGINT ends it, exit 0.
# shellcheck disable=SC2046  # rec's two words
"$DISCREC" $(rec watch-polled) --trace --json watch --interval 300 > "$W/watch1.out" 2> "$W/watch1.err" &
watcher=$!
sleep 2
runvm-monitor "eject -f $atapi_id" > /dev/null
sleep 2
runvm-monitor "change $atapi_id $RUNVM_TEST_ISO raw" > /dev/null
sleep 3
kill -INT "$watcher"
wait "$watcher"
RC=$? run_name=watch1
check_rc "watch ended by SIGINT: exit 0" 0
check_eq "watch $atapi (ATAPI, polled): snapshot, then the host's eject and insertion in order" \
    "$(events_of "$W/watch1.out" "$atapi")" "snapshot medium_removed not_ready medium_inserted ready"
check_eq "watch $scsi: nothing happened to it" "$(events_of "$W/watch1.out" "$scsi")" "snapshot"
keep_recorded watch-polled "$W/watch1.out"
if grep -q "$atapi: polled every 300 ms with GET CONFIGURATION and MECHANISM STATUS" "$W/watch1.err" &&
    ! grep -Eq "GET EVENT STATUS|TEST UNIT READY  *\[" "$W/watch1.err"; then
    ok "watch --trace: polled with GET CONFIGURATION/MECHANISM STATUS, no GESN or TUR sent"
else not_ok "watch --trace: polled, no GESN or TUR" "$(grep -E "polled|GET EVENT|TEST UNIT" "$W/watch1.err" | head -5)"; fi
keep_lines "$W/watch1.out" watch1

# The kernel polls the SCSI drive (mcn --interval 2000): watch then listens to its uevents
# and asks the drive nothing until one comes: idle for 5 s, only the snapshot's three
# commands. The host swaps the CD for the DVD: the kernel still sends its DISK_MEDIA_CHANGE
# uevent (watch's --trace shows it, received on the kernel's netlink group, the one udev
# listens to) and watch reports the change; --count ends the run. (The kernel's poller asks
# GESN only, and QEMU's `eject -f` raises no GESN event: a forced eject is seen by neither,
# so it is tested polled, below.)
run mcn "$DISCREC" mcn --interval 2000 "$scsi"
check_rc "mcn --interval 2000 $scsi" 0
run watch0 "$DISCREC" --trace watch "$scsi" --timeout 5
check_rc "watch $scsi --timeout 5: exit 0" 0
check_eq "watch $scsi, kernel polling on, idle 5 s: only the snapshot's commands" \
    "$(grep -c "trace: /dev/" "$W/watch0.err")" 3
# udevadm as a second listener (line-buffered: its output goes to a file).
SYSTEMD_IGNORE_CHROOT=1 stdbuf -oL udevadm monitor --kernel --property --subsystem-match=block > "$W/udev.out" 2>&1 &
udev=$!
"$DISCREC" --trace --json watch "$scsi" --count 1 --timeout 60 > "$W/watch2.out" 2> "$W/watch2.err" &
watcher=$!
sleep 2
runvm-monitor "change $scsi_id $RUNVM_TEST_DVD raw" > /dev/null
wait "$watcher"
RC=$? run_name=watch2
check_rc "watch $scsi --count 1: ends by itself, exit 0" 0
check_eq "watch $scsi (SCSI, kernel uevents): the host's medium change" \
    "$(events_of "$W/watch2.out" "$scsi")" "snapshot medium_changed"
check "watch $scsi: watched by the kernel's uevents" -n "$(grep -l '"source":"uevents"' "$W/watch2.out")"
if grep -q "uevent: change $scsi DISK_MEDIA_CHANGE=1" "$W/watch2.err"; then
    ok "the kernel still sent its DISK_MEDIA_CHANGE uevent for $scsi, and watch got it"
else not_ok "the kernel's DISK_MEDIA_CHANGE uevent" "$(grep -v "trace:" "$W/watch2.err" | tr '\n' '|' | head -c 600)"; fi
sleep 1
kill -INT "$udev" 2> /dev/null
wait "$udev" 2> /dev/null
if grep -q "^DISK_MEDIA_CHANGE=1" "$W/udev.out" && grep -q "^DEVNAME=/dev/$scsi" "$W/udev.out"; then
    ok "udevadm monitor --kernel saw the kernel's DISK_MEDIA_CHANGE uevent too"
else not_ok "udevadm monitor --kernel: DISK_MEDIA_CHANGE" "$(tr '\n' ' ' < "$W/udev.out" | head -c 400)"; fi
keep_lines "$W/watch2.out" watch2
run mcn "$DISCREC" mcn --off "$scsi"

# Polled again (kernel polling off): the host pulls the disc, puts it back, then unplugs the
# drive: all events, no crash; SIGTERM ends it.
"$DISCREC" --json watch "$scsi" --interval 300 > "$W/watch3.out" 2> "$W/watch3.err" &
watcher=$!
sleep 2
runvm-monitor "eject -f $scsi_id" > /dev/null
sleep 2
runvm-monitor "change $scsi_id $RUNVM_TEST_ISO raw" > /dev/null
sleep 3
runvm-monitor "device_del dev-$scsi_id" > /dev/null
sleep 3
kill -TERM "$watcher"
wait "$watcher"
RC=$? run_name=watch3
check_rc "watch ended by SIGTERM after its drive vanished: exit 0" 0
check_eq "watch $scsi (SCSI, polled): pulled, inserted, unplugged" \
    "$(events_of "$W/watch3.out" "$scsi")" \
    "snapshot medium_removed not_ready medium_inserted ready drive_removed"
keep_lines "$W/watch3.out" watch3

# USB hot-unplug while watched (all drives, polled): the host pulls the USB drive out (QEMU
# device_del of its usb-bot device): watch reports drive_removed with the state it had, keeps
# watching the others (the host's eject of the ATAPI disc after it is reported), prints
# nothing on stderr, and ends on SIGINT with exit 0. Then `wait` and `check` on the vanished
# drive: no such drive (exit 3), one line naming it.
usb_hba=ubot0  # run-vm.sh's id of the first usb-bot device
# shellcheck disable=SC2046
"$DISCREC" $(rec watch-usb-unplug) --json watch --interval 300 > "$W/watch4.out" 2> "$W/watch4.err" &
watcher=$!
sleep 2
runvm-monitor "device_del $usb_hba" > /dev/null
i=0; while [ -e "/sys/block/$usb" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
check "device_del $usb_hba: /sys/block/$usb is gone" ! -e "/sys/block/$usb"
sleep 2
runvm-monitor "eject -f $atapi_id" > /dev/null
sleep 2
kill -INT "$watcher"
wait "$watcher"
RC=$? run_name=watch4
check_rc "watch after a USB drive was unplugged, ended by SIGINT: exit 0" 0
check "watch, USB unplugged: nothing on stderr (no crash, no error)" ! -s "$W/watch4.err"
check_eq "watch $usb (USB, polled): unplugged" "$(events_of "$W/watch4.out" "$usb")" "snapshot drive_removed"
check_eq "watch $atapi: still watched after the USB drive went: the host's eject" \
    "$(events_of "$W/watch4.out" "$atapi")" "snapshot medium_removed not_ready"
"$PYTHON" - "$W/watch4.out" "$usb" > "$W/watch4.check" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    if d.get("event") == "drive_removed" and d["drive"]["name"] == sys.argv[2]:
        b, a = d["before"], d["after"]
        print(b["present"], b["medium_present"], b["ready"], b["profile"]["value"], a["present"], d["drive"]["block_device"])
PY
check_eq "watch: drive_removed carries the drive and its state before (a ready CD-ROM)" \
    "$(cat "$W/watch4.check")" "True True True 8 False /dev/$usb"
keep_lines "$W/watch4.out" watch4
keep_recorded watch-usb-unplug "$W/watch4.out"
run gone "$DISCREC" wait "$usb" --for medium --timeout 5
check_rc "wait on the unplugged $usb: no such drive" 3
check_eq "wait on the unplugged $usb: one line naming it" "$(wc -l < "$W/gone.err")/$(grep -c "^discrec: no optical drive '$usb' (drives: " "$W/gone.err")" "1/1"
run gone "$DISCREC" check "$usb" --medium
check_rc "check on the unplugged $usb: no such drive" 3
check_eq "check on the unplugged $usb: one line naming it" "$(wc -l < "$W/gone.err")/$(grep -c "^discrec: no optical drive '$usb' (drives: " "$W/gone.err")" "1/1"
