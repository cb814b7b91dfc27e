# Tray and lock (issue 6), per drive, each result checked by a second process and sg3_utils:
# eject opens the tray (GESN media class: tray open), close-tray loads it, a mounted medium
# is refused and --unmount ejects it, a lock persists after discrec exits and after another
# program opens and closes /dev/srN (page 2Ah lock state, sg_start --eject refused), --off
# releases it, exclusive access blocks a second holder and is released when COMMAND ends, is
# killed, or discrec itself is killed; a host-side eject request on a locked tray is refused.
# Sourced by all.sh (runs last: it changes the drives' state).

# lock_bit SG: page 2Ah byte 6 bit 1 (lock state) from MODE SENSE(10), DBD, 8-byte header
lock_bit() {
    # no answer gives "none", which no check accepts
    sg_raw -r 64 "/dev/$1" 5a 08 2a 00 00 00 00 00 40 00 2>&1 |
        awk '/^ *00  /{ print $16; exit }' | { read -r b; [ -n "$b" ] && echo $(((0x$b >> 1) & 1)) || echo none; }
}
check_tray() {   # check_tray WHAT SG open|closed
    if tray_open "$2"; then got=open; else got=closed; fi
    check_eq "$1: tray $3 (GESN via sg)" "$got" "$3"
}
pid_of_child() {   # pid_of_child PPID: first child process of PPID
    for s in /proc/[0-9]*/stat; do
        read -r cpid _ _ cppid _ < "$s" 2> /dev/null || continue
        [ "$cppid" = "$1" ] && { echo "$cpid"; return; }
    done
}
mkdir -p /run/lock

for sr in $DRIVES; do
    sg=$(dv "$sr" sg)
    id=$(dv "$sr" id)
    # ------------------------------------------------------------ eject / close-tray
    run ej "$DISCREC" eject "$sr"
    check_rc "eject $sr" 0
    check_tray "eject $sr" "$sg" open
    run ej2 "$DISCREC" eject "/dev/$sr"
    check_rc "eject $sr again (tray already open is success)" 0
    run inf "$DISCREC" info --json "$sr"
    json_load T "$W/inf.out"
    check_eq "info $sr after eject: media.tray_open" "$(jv T_drives_0_media_tray_open)" true
    check_eq "info $sr after eject: media.medium_present" "$(jv T_drives_0_media_medium_present)" false
    run ct "$DISCREC" close-tray --wait 20 "$sr"
    check_rc "close-tray --wait $sr" 0
    check_tray "close-tray $sr" "$sg" closed
    if has_medium "$sr"; then
        sg_turs "/dev/$sg" > /dev/null 2>&1
        check_eq "close-tray --wait $sr: medium ready (sg_turs)" "$?" 0
        grep -q "medium ready" "$W/ct.out" && ok "close-tray --wait $sr says medium ready" ||
            not_ok "close-tray --wait $sr says medium ready" "$(cat "$W/ct.out")"
    else
        grep -q "no medium" "$W/ct.out" && ok "close-tray --wait $sr (empty) says no medium" ||
            not_ok "close-tray --wait $sr (empty) says no medium" "$(cat "$W/ct.out" "$W/ct.err")"
    fi

    # ------------------------------------------------------------ mounted medium
    if has_medium "$sr"; then
        mnt=/mnt/tray-$sr
        mkdir -p "$mnt"
        if mount -o ro -t iso9660 "/dev/$sr" "$mnt" 2> "$W/mount.err"; then
            run em "$DISCREC" eject "$sr"
            check_rc "eject $sr while mounted is refused" 5
            grep -q "$mnt" "$W/em.err" && ok "refusal names the mount point" ||
                not_ok "refusal names the mount point" "$(cat "$W/em.err")"
            [ "$(wc -l < "$W/em.err")" = 1 ] && ok "refusal is one line" || not_ok "refusal is one line" "$(cat "$W/em.err")"
            check_tray "refused eject $sr" "$sg" closed
            grep -q " $mnt " /proc/mounts && ok "$sr still mounted after refusal" ||
                not_ok "$sr still mounted after refusal" "not in /proc/mounts"
            run eu "$DISCREC" eject --unmount "$sr"
            check_rc "eject --unmount $sr" 0
            grep -q " $mnt " /proc/mounts && not_ok "eject --unmount $sr unmounted" "still in /proc/mounts" ||
                ok "eject --unmount $sr unmounted"
            check_tray "eject --unmount $sr" "$sg" open
            "$DISCREC" close-tray --wait 20 "$sr" > /dev/null 2>&1
        else
            not_ok "mount /dev/$sr (test setup)" "$(cat "$W/mount.err")"
        fi
    fi

    # ------------------------------------------------------------ persistent lock
    run lk "$DISCREC" lock "$sr"
    check_rc "lock $sr" 0
    check_eq "lock $sr: page 2Ah lock state set after discrec exited" "$(lock_bit "$sg")" 1
    # another program opens and closes /dev/srN, as udev and blkid do (O_NONBLOCK)
    dd if="/dev/$sr" iflag=nonblock of=/dev/null count=0 2> /dev/null
    check_eq "lock $sr: still locked after another program opened and closed /dev/$sr" "$(lock_bit "$sg")" 1
    if has_medium "$sr"; then
        # a plain (blocking) open reads the disc; it must not unlock either. (On an *empty*
        # drive a blocking open fails, and the kernel's cdrom_open error path sends ALLOW
        # whatever keeplocked says: documented in the manual, not tested as a promise.)
        ( : < "/dev/$sr" ) 2> /dev/null
        dd if="/dev/$sr" of=/dev/null bs=2048 count=1 2> /dev/null
        check_eq "lock $sr: still locked after a blocking open, read and close" "$(lock_bit "$sg")" 1
    fi
    sg_start --eject "/dev/$sg" > "$W/sgej.out" 2>&1
    rc=$?
    check "lock $sr: sg_start --eject is refused (exit $rc)" "$rc" -ne 0
    check_tray "locked $sr" "$sg" closed
    run ls1 "$DISCREC" lock --status --json "$sr"
    json_load LS "$W/ls1.out"
    check_eq "lock --status $sr: locked" "$(jv LS_locked)" true
    run el "$DISCREC" eject "$sr"
    check_rc "eject $sr while locked is refused as busy" 5
    grep -q "lock --off" "$W/el.err" && ok "refusal says how to release the lock" ||
        not_ok "refusal says how to release the lock" "$(cat "$W/el.err")"
    # host-side eject button on a locked tray: QEMU refuses and reports it locked
    mon=$(runvm-monitor "eject $id" 2>&1)
    case $mon in *locked*) ok "host eject request on locked $sr refused: $mon" ;;
        *) not_ok "host eject request on locked $sr refused" "monitor said: $mon" ;; esac
    check_tray "host eject request on locked $sr" "$sg" closed
    run uk "$DISCREC" lock --off "$sr"
    check_rc "lock --off $sr" 0
    check_eq "lock --off $sr: lock state cleared" "$(lock_bit "$sg")" 0
    run ls2 "$DISCREC" lock --status --json "$sr"
    json_load LS2 "$W/ls2.out"
    check_eq "lock --status $sr after --off: not locked" "$(jv LS2_locked)" false

    # ------------------------------------------------------------ eject --force on a lock
    "$DISCREC" lock "$sr" > /dev/null 2>&1
    run ef "$DISCREC" eject --force "$sr"
    check_rc "eject --force $sr on a locked tray" 0
    check_tray "eject --force $sr" "$sg" open
    check_eq "eject --force $sr left no lock" "$(lock_bit "$sg")" 0
    "$DISCREC" close-tray --wait 20 "$sr" > /dev/null 2>&1

    # ------------------------------------------------------------ exclusive access
    inner="$W/inner-$sr"
    run ex "$DISCREC" lock --exclusive --client burner "$sr" -- sh -c "
        '$DISCREC' info --json $sr > $inner.info 2> $inner.info.err
        env -u DISCREC_EXCLUSIVE_HOLD '$DISCREC' lock --exclusive $sr -- true > /dev/null 2> $inner.second.err; echo \$? > $inner.second.rc
        sg_raw -r 64 /dev/$sg 5a 08 2a 00 00 00 00 00 40 00 > $inner.modes 2>&1
        exit 7"
    check_rc "lock --exclusive $sr: exit status is COMMAND's" 7
    json_load EX "$inner.info"
    check_eq "info while held: exclusive_owner.client" "$(jv EX_drives_0_exclusive_owner_client)" burner
    # (without the hold's variable: a process that does not act for the holder)
    check_eq "second --exclusive on $sr fails busy" "$(cat "$inner.second.rc")" 5
    grep -q "held by [0-9]* burner" "$inner.second.err" && ok "second holder told 'held by PID burner'" ||
        not_ok "second holder told 'held by PID burner'" "$(cat "$inner.second.err")"
    b=$(awk '/^ *00  /{ print $16; exit }' "$inner.modes")
    check_eq "tray locked while held (lock state byte $b)" "$(((0x${b:-0} >> 1) & 1))" 1
    check_eq "released after COMMAND ended: lock state clear" "$(lock_bit "$sg")" 0
    [ -e "/run/lock/discrec-$sr.owner" ] && not_ok "owner record removed" "still there" || ok "owner record removed"

    # ------------------------------------------------------------ the holder's own commands
    # COMMAND is the holder: its eject opens the tray the hold keeps locked; a second,
    # unrelated process (started outside, with the variable copied) is still refused; the
    # tray stays locked for others after the holder's eject, and close-tray works.
    held="$W/held-$sr"
    "$DISCREC" lock --exclusive --client holder "$sr" -- sh -c "
        env | grep '^DISCREC_EXCLUSIVE_HOLD=' > $held.env
        touch $held.started
        while [ ! -e $held.go ]; do sleep 0.1; done
        '$DISCREC' eject $sr > $held.eject.out 2> $held.eject.err; echo \$? > $held.eject.rc
        sg_raw -r 64 /dev/$sg 5a 08 2a 00 00 00 00 00 40 00 > $held.modes 2>&1
        '$DISCREC' close-tray --wait 20 $sr > /dev/null 2> $held.close.err; echo \$? > $held.close.rc
        '$DISCREC' lock --off $sr > /dev/null 2> $held.off.err; echo \$? > $held.off.rc
        '$DISCREC' lock --exclusive $sr -- true > /dev/null 2> $held.nested.err; echo \$? > $held.nested.rc
        exit 0" > /dev/null 2> "$held.err" &
    hpid=$!
    i=0
    while [ $i -lt 100 ] && [ ! -e "$held.started" ]; do i=$((i + 1)); sleep 0.1; done
    i=0
    while [ $i -lt 20 ] && [ "$(lock_bit "$sg")" != 1 ]; do i=$((i + 1)); sleep 0.1; done
    # The unrelated process, even with the holder's variable in its environment.
    hold_var=$(cat "$held.env" 2> /dev/null)
    [ -n "$hold_var" ] && ok "COMMAND got DISCREC_EXCLUSIVE_HOLD" || not_ok "COMMAND got DISCREC_EXCLUSIVE_HOLD" "empty"
    run other env ${hold_var:+"$hold_var"} "$DISCREC" eject "$sr"
    check_rc "eject $sr by an unrelated process while held: refused (device busy)" 5
    grep -q "held exclusively by [0-9]* holder" "$W/other.err" && ok "unrelated eject told who holds $sr" ||
        not_ok "unrelated eject told who holds $sr" "$(cat "$W/other.err")"
    check_tray "unrelated eject of $sr refused" "$sg" closed
    touch "$held.go"
    wait $hpid
    check_eq "lock --exclusive $sr around the holder's commands: exit 0" "$?" 0
    check_eq "the holder's own eject of $sr: exit 0" "$(cat "$held.eject.rc" 2> /dev/null)" 0
    grep -q "ejected" "$held.eject.out" && ok "the holder's eject says ejected" ||
        not_ok "the holder's eject says ejected" "$(cat "$held.eject.out" "$held.eject.err")"
    b=$(awk '/^ *00  /{ print $16; exit }' "$held.modes")
    check_eq "after the holder's eject the hold's lock is back (lock state byte $b)" "$(((0x${b:-0} >> 1) & 1))" 1
    check_eq "the holder's close-tray of $sr: exit 0" "$(cat "$held.close.rc" 2> /dev/null)" 0
    check_eq "the holder's lock --off of $sr: exit 0" "$(cat "$held.off.rc" 2> /dev/null)" 0
    check_eq "a nested lock --exclusive $sr inside the hold: exit 0" "$(cat "$held.nested.rc" 2> /dev/null)" 0
    check_tray "after the holder's commands" "$sg" closed
    check_eq "released after the holder's commands: lock state clear" "$(lock_bit "$sg")" 0

    for how in command-killed TERM INT KILL; do
        "$DISCREC" lock --exclusive "$sr" -- sleep 60 > /dev/null 2> "$W/ex-$how.err" &
        dpid=$!
        i=0; child=
        while [ $i -lt 50 ] && [ -z "$child" ]; do
            child=$(pid_of_child $dpid); i=$((i + 1)); sleep 0.1
        done
        [ -n "$child" ] || { not_ok "exclusive $sr ($how): COMMAND started" "no child of $dpid"; kill -KILL $dpid; continue; }
        # discrec sends PREVENT right before it starts COMMAND; give it a moment
        i=0
        while [ $i -lt 20 ] && [ "$(lock_bit "$sg")" != 1 ]; do i=$((i + 1)); sleep 0.1; done
        check_eq "exclusive $sr ($how): locked while COMMAND runs" "$(lock_bit "$sg")" 1
        case $how in
            command-killed) kill -TERM "$child" ;;
            *) kill -"$how" "$dpid" ;;
        esac
        wait $dpid; drc=$?
        [ "$how" = KILL ] && kill "$child" 2> /dev/null
        case $how in
            command-killed) check_eq "exclusive $sr: COMMAND killed -> 128+15" "$drc" 143 ;;
            KILL) check_eq "exclusive $sr: discrec SIGKILLed" "$drc" 137 ;;
            *) check "exclusive $sr: discrec got SIG$how, exited $drc (signal passed on)" "$drc" -ge 128 ;;
        esac
        check_eq "exclusive $sr ($how): tray unlocked afterwards" "$(lock_bit "$sg")" 0
        run after "$DISCREC" lock --exclusive "$sr" -- true
        check_rc "exclusive $sr ($how): can be taken again" 0
    done

    # ------------------------------------------------------------ media change polling
    run mc "$DISCREC" mcn --off --json "$sr"
    check_rc "mcn --off $sr" 0
    check_eq "mcn --off $sr: events_poll_msecs" "$(cat "/sys/block/$sr/events_poll_msecs")" 0
    run mc2 "$DISCREC" mcn --interval 2000 "$sr"
    check_eq "mcn --interval 2000 $sr" "$(cat "/sys/block/$sr/events_poll_msecs")" 2000
    "$DISCREC" mcn --on "$sr" > /dev/null 2>&1
    check_eq "mcn --on $sr: system default" "$(cat "/sys/block/$sr/events_poll_msecs")" -1
done

# ------------------------------------------------------------ a drive named by its unique id
# Every drive by the unique id `info` prints (IMAPI2 InitializeDiscRecorder): eject and
# close-tray reach that drive; an id two drives share (run-vm.sh serial=, as the ctest guest
# sets on two buses) is an error naming both, and no drive moves.
run uid-all "$DISCREC" info --json
run uid-list "$DISCREC" list --ids --json
json_load U "$W/uid-all.out" UL "$W/uid-list.out"
# own_id I: the first of drive I's ids (list --ids) that no other drive has.
own_id() {
    oi_j=0
    while [ $oi_j -lt "$(jv "UL_drives_$1_unique_ids_n")" ]; do
        oi_v=$(jv "UL_drives_$1_unique_ids_${oi_j}_value")
        oi_same=0
        oi_k=0
        while [ $oi_k -lt "$(jv UL_drives_n)" ]; do
            oi_l=0
            while [ $oi_l -lt "$(jv "UL_drives_${oi_k}_unique_ids_n")" ]; do
                [ "$(jv "UL_drives_${oi_k}_unique_ids_${oi_l}_value")" = "$oi_v" ] && oi_same=$((oi_same + 1))
                oi_l=$((oi_l + 1))
            done
            oi_k=$((oi_k + 1))
        done
        [ "$oi_same" = 1 ] && { echo "$oi_v"; return; }
        oi_j=$((oi_j + 1))
    done
}
uids=
i=0
while [ $i -lt "$(jv U_drives_n)" ]; do uids="$uids $(jv "U_drives_${i}_unique_id_value")"; i=$((i + 1)); done
i=0
for sr in $DRIVES; do
    sg=$(dv "$sr" sg)
    uid=$(jv "U_drives_${i}_unique_id_value")
    i=$((i + 1))
    check_eq "info --json: drives[$((i - 1))] is $sr" "$(jv "U_drives_$((i - 1))_name")" "$sr"
    same=0
    for u in $uids; do [ "$u" = "$uid" ] && same=$((same + 1)); done
    if [ "$same" -gt 1 ]; then
        run uid-dup "$DISCREC" eject "$uid"
        check_rc "eject $uid (the id of $same drives) is a usage error" 2
        grep -q "unique id '$uid' names $same drives: .*$sr (/dev/$sr)" "$W/uid-dup.err" &&
            ok "the error names every drive with id $uid" ||
            not_ok "the error names every drive with id $uid" "$(cat "$W/uid-dup.err")"
        check_tray "eject by a shared id ($sr)" "$sg" closed
        # Its own id (list --ids: the SCSI address where VPD 80h and 83h both carry the
        # shared serial, as QEMU's scsi-cd makes them) still names it alone (the LSI drive).
        own=$(own_id $((i - 1)))
        check "$sr ($(dv "$sr" bus)): list --ids gives an id no other drive has" -n "$own"
        run uid-own-ej "$DISCREC" eject "$own"
        check_rc "eject $sr by its own id $own" 0
        check_tray "eject by its own id $own" "$sg" open
        run uid-own-ct "$DISCREC" close-tray --wait 20 "$own"
        check_rc "close-tray $sr by its own id $own" 0
        check_tray "close-tray by its own id $own" "$sg" closed
        continue
    fi
    run uid-ej "$DISCREC" eject "$uid"
    check_rc "eject $sr by its unique id $uid" 0
    check_tray "eject by unique id $uid" "$sg" open
    run uid-ct "$DISCREC" close-tray --wait 20 "$uid"
    check_rc "close-tray $sr by its unique id $uid" 0
    check_tray "close-tray by unique id $uid" "$sg" closed
done
