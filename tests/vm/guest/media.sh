# `discrec info` when the state of a drive changes: a mounted ISO, a process holding the
# device, the tray opened through sg (info must answer fast, tray open, no medium), closed
# again, and the disc pulled and inserted on the host side (QEMU monitor, via runvm-monitor).
# First, `discrec media` on every drive against sg3_utils (sg_readcap, sg_raw READ TOC
# formats 0 and 1) and the peers (cd-info, wodim -toc, xorriso -toc), an empty drive's exit 9,
# and an open tray that stays open.
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

# be_at FILE OFFSET COUNT: the COUNT bytes at OFFSET of FILE as one big-endian number
be_at() {
    ba_n=0
    for ba_b in $(od -An -tu1 -j"$2" -N"$3" "$1"); do ba_n=$((ba_n * 256 + ba_b)); done
    echo $ba_n
}
# gesn_tray SG: GESN media status byte 5 (01: tray open, 02: medium present), by sg_raw
gesn_tray() {
    sg_raw -r 8 -o "$W/gesn.bin" "/dev/$1" 4a 01 00 00 10 00 00 00 08 00 > /dev/null 2>&1 &&
        be_at "$W/gesn.bin" 5 1
}

# media_oracle SR: what sg3_utils says, into O_* (capacity, TOC format 0 in LBA and MSF, and
# format 1 asked as the kernel's ATAPI path and discrec do: byte 2 and byte 9 bits 7-6)
media_oracle() {
    sg=$(dv "$1" sg)
    O_LAST_LBA=$(sg_readcap "/dev/$sg" 2> /dev/null | sed -n 's/.*Last LBA=\([0-9]*\).*/\1/p')
    O_BLOCK=$(sg_readcap "/dev/$sg" 2> /dev/null | sed -n 's/.*Logical block length=\([0-9]*\).*/\1/p')
    sg_raw -r 804 -o "$W/toc.bin" "/dev/$sg" 43 00 00 00 00 00 00 03 24 00 > /dev/null 2>&1
    O_TOC_N=$((($(be_at "$W/toc.bin" 0 2) - 2) / 8))
    O_FIRST=$(be_at "$W/toc.bin" 2 1) O_LAST=$(be_at "$W/toc.bin" 3 1)
    O_STARTS='' O_CONTROLS=''
    i=0
    while [ $i -lt "$O_TOC_N" ]; do
        O_STARTS="$O_STARTS $(be_at "$W/toc.bin" $((4 + i * 8 + 4)) 4)"
        O_CONTROLS="$O_CONTROLS $(($(be_at "$W/toc.bin" $((4 + i * 8 + 1)) 1) % 16))"
        i=$((i + 1))
    done
    sg_raw -r 804 -o "$W/tocm.bin" "/dev/$sg" 43 02 00 00 00 00 00 03 24 00 > /dev/null 2>&1
    off=$((4 + (O_TOC_N - 1) * 8 + 5))
    O_LEADOUT_MSF=$(od -An -tu1 -j$off -N3 "$W/tocm.bin" | awk '{ printf "%02d:%02d:%02d", $1, $2, $3 }')
    sg_raw -r 12 -o "$W/sess.bin" "/dev/$sg" 43 00 01 00 00 00 00 00 0c 40 > /dev/null 2>&1
    O_SESS_LEN=$(be_at "$W/sess.bin" 0 2) O_SESS_LAST=$(be_at "$W/sess.bin" 3 1)
    O_SESS_START=$(be_at "$W/sess.bin" 8 4)
}

# media_checks SR PREFIX: the document against the oracle
media_checks() {
    what="media /dev/$1"
    p=$2_drives_0
    check_eq "$what: medium_present" "$(jv ${p}_medium_present)" true
    want_type=CD-ROM; [ "$(dv "$1" media)" != dvd ] || want_type=DVD-ROM
    check_eq "$what: physical_media_type (profile $(profile_of_media "$(dv "$1" media)"))" \
        "$(jv ${p}_medium_physical_media_type_string)" "$want_type"
    check_eq "$what: capacity.last_lba = sg_readcap's" "$(jv ${p}_medium_capacity_last_lba)" "$O_LAST_LBA"
    check_eq "$what: capacity.block_length = sg_readcap's" "$(jv ${p}_medium_capacity_block_length)" "$O_BLOCK"
    check_eq "$what: toc.first_track, last_track = sg_raw's" \
        "$(jv ${p}_medium_toc_first_track) $(jv ${p}_medium_toc_last_track)" "$O_FIRST $O_LAST"
    got='' gotc=''
    i=0
    while [ $i -lt "$(jv ${p}_medium_toc_tracks_n)" ]; do
        got="$got $(jv ${p}_medium_toc_tracks_${i}_start)"
        gotc="$gotc $(jv ${p}_medium_toc_tracks_${i}_control_value)"
        i=$((i + 1))
    done
    check_eq "$what: TOC start LBAs (lead-out included) = sg_raw READ TOC's" "$got" "$O_STARTS"
    check_eq "$what: TOC CONTROL nibbles = sg_raw READ TOC's" "$gotc" "$O_CONTROLS"
    last=$(($(jv ${p}_medium_toc_tracks_n) - 1))
    if [ "$want_type" = CD-ROM ]; then
        check_eq "$what: lead-out MSF = sg_raw READ TOC (MSF)'s" \
            "$(jv ${p}_medium_toc_msf_tracks_${last}_start_msf)" "$O_LEADOUT_MSF"
        check_eq "$what: lead-out MSF names the lead-out LBA" \
            "$(jv ${p}_medium_toc_msf_tracks_${last}_start_lba)" "$(jv ${p}_medium_toc_tracks_${last}_start)"
    fi
    check_eq "$what: sg_raw READ TOC format 1 answers session information (length 10)" "$O_SESS_LEN" 10
    check_eq "$what: sessions.last_session = sg_raw's" "$(jv ${p}_medium_sessions_last_session)" "$O_SESS_LAST"
    check_eq "$what: sessions.start = sg_raw's" "$(jv ${p}_medium_sessions_start)" "$O_SESS_START"
    check_eq "$what: disc_status Complete" "$(jv ${p}_medium_disc_information_disc_status_string)" Complete
    check_eq "$what: sessions in disc information" "$(jv ${p}_medium_disc_information_sessions)" 1
    check_eq "$what: tracks from the TOC (QEMU refuses READ TRACK INFORMATION)" \
        "$(jv ${p}_medium_tracks_source)" toc
    check_eq "$what: one track" "$(jv ${p}_medium_tracks_n)" 1
    check_eq "$what: media_status finalized + write protected + unsupported (ROM)" \
        "$(jv ${p}_medium_media_status_value)" 57344
    check_eq "$what: write_protected" "$(jv ${p}_medium_write_protected)" true
    check_eq "$what: free_blocks (a complete disc)" "$(jv ${p}_medium_free_blocks)" 0
    # The label against the Primary Volume Descriptor's Volume Identifier (sector 16, bytes
    # 40-71) read through the block layer by dd: the image is genisoimage -V DISCREC_TEST -J.
    o_label=$(dd if="/dev/$1" bs=2048 skip=16 count=1 2> /dev/null | dd bs=1 skip=40 count=32 2> /dev/null | tr -d ' ')
    check_eq "$what: volume.label = the PVD's volume identifier (dd)" "$(jv ${p}_medium_volume_label)" "$o_label"
    check_eq "$what: volume.file_system" "$(jv ${p}_medium_volume_file_system)" iso9660
    if grep -q 'tracks are taken from the TOC' "$W/$2.out"; then ok "$what: a note says the tracks come from the TOC"
    else not_ok "$what: a note says the tracks come from the TOC" "$(head -c 300 "$W/$2.out")"; fi
}

# The peers people use for the same question, as oracles (tests/run-all.sh installs them):
# libcdio's cd-info, wodim -toc and xorriso -toc.  peers_run SR saves their answers;
# peer_checks SR PREFIX compares them with discrec's document.
peers_run() {
    for pr_tool in cd-info wodim xorriso; do
        command -v $pr_tool > /dev/null ||
            not_ok "oracle $pr_tool is installed" "tests/run-all.sh installs libcdio-utils, wodim, xorriso"
    done
    cd-info --no-header --no-device-info --no-cddb --no-analyze "/dev/$1" > "$W/peer-$1-cdinfo.txt" 2>&1
    wodim dev="/dev/$1" -toc > "$W/peer-$1-wodim.txt" 2>&1
    xorriso -outdev "/dev/$1" -toc > "$W/peer-$1-xorriso.txt" 2>&1
}
# words ...: the arguments as one line, single spaces
# shellcheck disable=SC2048,SC2086 # splitting is the point
words() { echo $*; }
# xorriso_field FILE LABEL: the text after "LABEL :" on xorriso's first such line
xorriso_field() { sed -n "s/^$2 *: *//p" "$1" | head -n 1; }
peer_checks() {
    sr=$1 what="media /dev/$1"
    p=$2_drives_0
    n=$(jv "${p}_medium_toc_tracks_n")
    nums='' starts='' ctls='' msfs=''
    i=0
    while [ $i -lt "$n" ]; do
        nums="$nums $(jv "${p}_medium_toc_tracks_${i}_track")"
        starts="$starts $(jv "${p}_medium_toc_tracks_${i}_start")"
        ctls="$ctls $(jv "${p}_medium_toc_tracks_${i}_control_value")"
        msfs="$msfs $(jv "${p}_medium_toc_msf_tracks_${i}_start_msf")"
        i=$((i + 1))
    done
    # wodim -toc: "first: 1 last 1", then per track (the lead-out as "lout")
    # "track:   1 lba:         0 (        0) 00:02:00 adr: 1 control: 4 mode: -1"
    f=$W/peer-$1-wodim.txt
    check_eq "$what: first and last track = wodim -toc's" \
        "$(jv "${p}_medium_toc_first_track") $(jv "${p}_medium_toc_last_track")" \
        "$(sed -n 's/^first: *\([0-9]*\) last *\([0-9]*\).*/\1 \2/p' "$f")"
    check_eq "$what: TOC track numbers = wodim -toc's (lout = 170)" "$(words $nums)" \
        "$(words $(sed -n 's/^track: *\([0-9a-z]*\) lba:.*/\1/p' "$f" | sed 's/^lout$/170/'))"
    check_eq "$what: TOC start LBAs = wodim -toc's" "$(words $starts)" \
        "$(words $(sed -n 's/^track: *[0-9a-z]* lba: *\([0-9]*\) .*/\1/p' "$f"))"
    check_eq "$what: TOC CONTROL nibbles = wodim -toc's" "$(words $ctls)" \
        "$(words $(sed -n 's/^track:.* control: *\([0-9]*\) .*/\1/p' "$f"))"
    # cd-info (CD only; on a DVD it names the medium and stops):
    # "  1: 00:02:00  000000 data   false  no", "170: 00:11:22  000697 leadout (1 MB raw, ...)"
    f=$W/peer-$1-cdinfo.txt
    type=$(jv "${p}_medium_physical_media_type_string")
    if [ "$type" = CD-ROM ]; then
        sed -En 's/^ *([0-9]+): ([0-9]{2}:[0-9]{2}:[0-9]{2}) +([0-9]+) +([a-z]+).*/\1 \2 \3 \4/p' "$f" |
            awk '{ n = n " " $1; m = m " " $2; l = l " " ($3 + 0); t = t " " $4 }
                 END { print n; print m; print l; print t }' > "$W/peer-$1-cdinfo.cols"
        { read -r c_nums; read -r c_msfs; read -r c_lsns; read -r c_types; } < "$W/peer-$1-cdinfo.cols"
        check_eq "$what: TOC track numbers = cd-info's" "$(words $nums)" "$(words $c_nums)"
        check_eq "$what: TOC start MSFs = cd-info's" "$(words $msfs)" "$(words $c_msfs)"
        check_eq "$what: TOC start LBAs = cd-info's LSNs" "$(words $starts)" "$(words $c_lsns)"
        types=''
        for t in $nums; do
            # shellcheck disable=SC2086 # the next CONTROL value
            set -- $ctls
            c=$1
            shift
            ctls=$*
            if [ "$t" = 170 ]; then types="$types leadout"
            elif [ $((c & 4)) -ne 0 ]; then types="$types data"
            else types="$types audio"; fi
        done
        check_eq "$what: track types (CONTROL's data bit) = cd-info's" "$(words $types)" "$(words $c_types)"
    elif grep -q "^Disc mode is listed as: $type\$" "$f"; then
        ok "$what: cd-info names the same medium ($type)"
    else
        not_ok "$what: cd-info names the same medium ($type)" "$(head -c 300 "$f")"
    fi
    # xorriso -toc: "Media current: CD-ROM", "Media status : is written , is closed",
    # "Media blocks : 697 readable , 0 writable , 697 overall", "Media summary: 1 session, ...",
    # "ISO session  :   1 ,         0 ,       697s , DISCREC_TEST"
    f=$W/peer-$sr-xorriso.txt
    check_eq "$what: physical media type = xorriso's Media current" "$type" \
        "$(xorriso_field "$f" 'Media current')"
    case $(xorriso_field "$f" 'Media status') in
        *blank*) x_status=Empty ;;
        *appendable*) x_status=Incomplete ;;
        *closed*) x_status=Complete ;;
        *) x_status="? ($(xorriso_field "$f" 'Media status'))" ;;
    esac
    check_eq "$what: disc status = xorriso's Media status" \
        "$(jv "${p}_medium_disc_information_disc_status_string")" "$x_status"
    x_blocks=$(xorriso_field "$f" 'Media blocks')
    check_eq "$what: capacity blocks = xorriso's readable blocks" "$(jv "${p}_medium_capacity_blocks")" \
        "$(echo "$x_blocks" | sed -n 's/^\([0-9]*\) readable.*/\1/p')"
    check_eq "$what: free blocks = xorriso's writable blocks" "$(jv "${p}_medium_free_blocks")" \
        "$(echo "$x_blocks" | sed -n 's/.*, *\([0-9]*\) writable.*/\1/p')"
    check_eq "$what: sessions = xorriso's Media summary" "$(jv "${p}_medium_disc_information_sessions")" \
        "$(xorriso_field "$f" 'Media summary' | sed -n 's/^\([0-9]*\) session.*/\1/p')"
    check_eq "$what: last session's start = xorriso's ISO session sbsector" \
        "$(jv "${p}_medium_sessions_start")" \
        "$(xorriso_field "$f" 'ISO session' | awk -F, '{ print $2 + 0 }')"
}

JSON_BATCH=
for sr in $DRIVES; do
    if has_medium "$sr"; then
        media_oracle "$sr"
        peers_run "$sr"
        run "MD_$sr" "$DISCREC" media --json "/dev/$sr"
        check_rc "media --json /dev/$sr exits 0" 0
        JSON_BATCH="$JSON_BATCH MD_$sr $W/MD_$sr.out"
        eval "O_${sr}='$O_LAST_LBA|$O_BLOCK|$O_FIRST|$O_LAST|$O_STARTS|$O_CONTROLS|$O_LEADOUT_MSF|$O_SESS_LEN|$O_SESS_LAST|$O_SESS_START'"
        run "MT_$sr" "$DISCREC" media "/dev/$sr"
        check_rc "media /dev/$sr (text) exits 0" 0
        grep -q "^  Physical media type: " "$W/MT_$sr.out" && ok "media /dev/$sr (text): media type line" ||
            not_ok "media /dev/$sr (text): media type line" "$(head -c 300 "$W/MT_$sr.out")"
    else
        run "ME_$sr" "$DISCREC" media --json "/dev/$sr"
        check_rc "media --json /dev/$sr, empty drive: exit 9" 9
        check_eq "media /dev/$sr, empty: one line on stderr" "$(cat "$W/ME_$sr.err")" \
            "discrec: $sr: no medium (tray closed)"
        xorriso -outdev "/dev/$sr" -toc > "$W/peer-$sr-xorriso.txt" 2>&1
        check_eq "media /dev/$sr, empty: xorriso -toc agrees (Media status)" \
            "$(xorriso_field "$W/peer-$sr-xorriso.txt" 'Media status')" "is not present"
        JSON_BATCH="$JSON_BATCH ME_$sr $W/ME_$sr.out"
    fi
done
# The tray opened through sg: media says so (exit 9), sends nothing but GESN and TUR (--trace),
# and the tray is still open afterwards (GESN by sg_raw, TEST UNIT READY by sg_turs).
for sr in $DRIVES; do
    sg=$(dv "$sr" sg)
    sg_start --eject "/dev/$sg" 2> /dev/null || { not_ok "sg_start --eject /dev/$sg (test setup)" failed; break; }
    run MO "$DISCREC" --trace media --json "/dev/$sr"
    check_rc "media /dev/$sr, tray open: exit 9" 9
    grep -q "discrec: $sr: no medium (tray open)" "$W/MO.err" && ok "media /dev/$sr, tray open: says so" ||
        not_ok "media /dev/$sr, tray open: says so" "$(head -c 300 "$W/MO.err")"
    others=$(grep -E '^discrec: trace: /dev/[^ ]*: ' "$W/MO.err" | grep -vE ': (GET EVENT STATUS NOTIFICATION|TEST UNIT READY) \[' | head -n 3)
    check_eq "media /dev/$sr, tray open: --trace shows only GESN and TEST UNIT READY" "$others" ""
    grep -q 'TEST UNIT READY' "$W/MO.err" && ok "media /dev/$sr, tray open: --trace lists its commands" ||
        not_ok "media /dev/$sr, tray open: --trace lists its commands" "$(head -c 300 "$W/MO.err")"
    check_eq "media /dev/$sr, tray open: GESN (sg_raw) says the tray is still open" "$(gesn_tray "$sg")" 1
    sg_turs "/dev/$sg" > /dev/null 2>&1
    check_eq "media /dev/$sr, tray open: sg_turs still not ready (exit 2)" "$?" 2
    JSON_BATCH="$JSON_BATCH MO $W/MO.out"
    sg_start --load "/dev/$sg" 2> /dev/null || not_ok "sg_start --load /dev/$sg (test setup)" failed
    break
done
# shellcheck disable=SC2086
[ -z "$JSON_BATCH" ] || json_load $JSON_BATCH
for sr in $DRIVES; do
    if has_medium "$sr"; then
        IFS='|' read -r O_LAST_LBA O_BLOCK O_FIRST O_LAST O_STARTS O_CONTROLS O_LEADOUT_MSF \
            O_SESS_LEN O_SESS_LAST O_SESS_START <<EOF_O
$(jv "O_$sr")
EOF_O
        media_checks "$sr" "MD_$sr"
        peer_checks "$sr" "MD_$sr"
    else
        check_eq "media --json /dev/$sr, empty: medium null" "$(jv "ME_${sr}_drives_0_medium")" null
        check_eq "media --json /dev/$sr, empty: medium_present false" \
            "$(jv "ME_${sr}_drives_0_medium_present")" false
    fi
done
if [ "$(jv MO__ok)" = 1 ]; then
    check_eq "media --json, tray open: tray_open true" "$(jv MO_drives_0_tray_open)" true
    check_eq "media --json, tray open: exit_status 9" "$(jv MO_exit_status)" 9
fi

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
