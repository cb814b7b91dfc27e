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

for sr in $DRIVES; do
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
