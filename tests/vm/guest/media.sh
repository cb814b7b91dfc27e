# `discrec info` when the state of a drive changes: a mounted ISO, a process holding the
# device, the tray opened through sg (info must answer fast, tray open, no medium), closed
# again, and the disc pulled and inserted on the host side (QEMU monitor, via runvm-monitor).
# Sourced by all.sh after info.sh (uses INDEX_<sr>).  Per drive the commands run first and
# their JSON is parsed in one batch afterwards (python3 costs ~0.5 s per start here).

# json_has PREFIX_ARRAY FIELD VALUE: some element's FIELD (or the element, FIELD "") equals
# VALUE; leaves its position in jh_i
json_has() {
    jh_i=0
    while [ $jh_i -lt "$(jv "$1_n")" ]; do
        [ "$(jv "$1_${jh_i}${2:+_$2}")" = "$3" ] && return 0
        jh_i=$((jh_i + 1))
    done
    return 1
}
# check_has WHAT PREFIX_ARRAY FIELD VALUE FILE
check_has() {
    if json_has "$2" "$3" "$4"; then ok "$1"; else
        not_ok "$1" "not among $(jv "$2_n"); output: $(tr -d ' \n' < "$5" | head -c 400)"
    fi
}
# run_info NAME SR: info --json /dev/SR into $W/NAME.out; NAME_RC and NAME_MS keep RC and MS
run_info() {
    run "$1" "$DISCREC" info --json "/dev/$2"
    eval "$1_RC=\$RC $1_MS=\$MS"
    JSON_BATCH="$JSON_BATCH $1 $W/$1.out"
}
# check_info_rc WHAT NAME
check_info_rc() { RC=$(jv "$2_RC") run_name=$2 check_rc "$1: info --json exits 0" 0; }

# state_actions SR MNT: the actions for one drive; sets MOUNTED, HOLDER, EJECTED.
state_actions() {
    MOUNTED='' HOLDER='' EJECTED=''
    if has_medium "$1"; then
        mkdir -p "$2"
        if mount -o ro -t iso9660 "/dev/$1" "$2" 2> "$W/mount.err"; then
            MOUNTED=1
            run_info M "$1"
            run ML "$DISCREC" list --json
            JSON_BATCH="$JSON_BATCH ML $W/ML.out"
            umount "$2"
        else
            not_ok "mount /dev/$1 (test setup)" "$(cat "$W/mount.err")"
        fi
        # an empty drive cannot be opened without O_NONBLOCK, hence only with a medium
        # shellcheck disable=SC2217 # the open file is the point, sleep need not read it
        sleep 30 < "/dev/$1" &
        HOLDER=$!
        run_info H "$1"
        kill $HOLDER
        wait $HOLDER 2> /dev/null
    fi
    # Opened through sg, not srN: closing srN would let the kernel talk to the drive.
    if sg_start --eject "/dev/$(dv "$1" sg)" 2> "$W/eject.err"; then
        EJECTED=1
        run_info E "$1"
        sg_start --load "/dev/$(dv "$1" sg)" 2> "$W/load.err" ||
            not_ok "sg_start --load /dev/$(dv "$1" sg) (test setup)" "$(cat "$W/load.err")"
        run_info C "$1"
    else
        not_ok "sg_start --eject /dev/$(dv "$1" sg) (test setup)" "$(cat "$W/eject.err")"
    fi
}

for sr in $DRIVES; do
    mnt=/mnt/discrec-$sr
    JSON_BATCH=
    state_actions "$sr" "$mnt"
    # shellcheck disable=SC2086
    [ -z "$JSON_BATCH" ] || json_load $JSON_BATCH

    if [ -n "$MOUNTED" ]; then
        check_info_rc "$sr mounted" M
        check_has "info /dev/$sr: volume_paths has $mnt" M_drives_0_volume_paths "" "$mnt" "$W/M.out"
        check_has "list --json: $sr mount_points has $mnt" \
            "ML_drives_$(jv "INDEX_$sr")_mount_points" "" "$mnt" "$W/ML.out"
    fi
    if [ -n "$HOLDER" ]; then
        check_info_rc "$sr held by sleep" H
        check_has "info /dev/$sr: holders has pid $HOLDER" H_drives_0_holders pid "$HOLDER" "$W/H.out"
        if json_has H_drives_0_holders pid "$HOLDER"; then
            check_eq "info /dev/$sr: holder $HOLDER command" "$(jv "H_drives_0_holders_${jh_i}_command")" sleep
            check_eq "info /dev/$sr: holder $HOLDER device" "$(jv "H_drives_0_holders_${jh_i}_device")" "/dev/$sr"
        fi
    fi
    if [ -n "$EJECTED" ]; then
        what="info /dev/$sr, tray opened"
        check_info_rc "$what" E
        check "$what: takes < 10 s ($E_MS ms)" "$E_MS" -lt 10000
        check_eq "$what: media.tray_open" "$(jv E_drives_0_media_tray_open)" true
        check_eq "$what: media.medium_present" "$(jv E_drives_0_media_medium_present)" false
        check_eq "$what: current_profile" "$(jv E_drives_0_current_profile_value)" 0
        what="info /dev/$sr, tray closed again"
        check_info_rc "$what" C
        check_eq "$what: media.tray_open" "$(jv C_drives_0_media_tray_open)" false
        has_medium "$sr" && want=true || want=false
        check_eq "$what: media.medium_present" "$(jv C_drives_0_media_medium_present)" $want
        check_eq "$what: current_profile" "$(jv C_drives_0_current_profile_value)" \
            "$(profile_of_media "$(dv "$sr" media)")"
    fi
    unset M_drives_0_volume_paths_n ML_drives_n H_drives_0_holders_n
done

# The disc pulled on the host (QEMU "eject -f"), then inserted again ("change"), for the first
# drive with a medium.  After "change" QEMU answers not ready, then unit attention (a real
# drive is not ready for a moment either), so info gets three tries.
for sr in $DRIVES; do
    has_medium "$sr" || continue
    id=$(dv "$sr" id)
    resp=$(runvm-monitor "eject -f $id")
    check_eq "host: runvm-monitor 'eject -f $id' answers nothing" "$resp" ""
    JSON_BATCH=
    run_info X "$sr"
    image=$RUNVM_TEST_ISO
    [ "$(dv "$sr" media)" != dvd ] || image=$RUNVM_TEST_DVD
    runvm-monitor "change $id $image raw" > "$W/change.txt"
    for try in 1 2 3; do
        run_info "X$try" "$sr"
        grep -Eq '"medium_present": *true' "$W/X$try.out" && break
    done
    # shellcheck disable=SC2086
    json_load $JSON_BATCH
    what="info /dev/$sr, disc pulled on the host"
    check_info_rc "$what" X
    check_eq "$what: media.medium_present" "$(jv X_drives_0_media_medium_present)" false
    check_eq "$what: media.tray_open" "$(jv X_drives_0_media_tray_open)" true
    check_eq "info /dev/$sr, disc inserted on the host: medium_present within 3 tries ($try)" \
        "$(jv "X${try}_drives_0_media_medium_present")" true
    break
done
