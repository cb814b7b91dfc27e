# `discrec info` at boot (trays closed, nothing mounted): every way to name a drive, identity
# vs sg_inq, profiles / current profile / features vs sg_get_config, media state vs the
# medium run-vm.sh inserted.  Sourced by all.sh after list.sh (uses INDEX_<sr>).

# oracle_features SG: per feature code "version:persistent:current" from sg_get_config's text
# ("    version=2, persist=1, current=1 [0x1]"), as CFGF_<decimal code>; LOAD_BIT from the
# Removable Medium feature (0003h) line "Load=1, Eject=1, ...".
oracle_features() {
    LOAD_BIT=
    while IFS= read -r line; do
        case $line in
            *"version="*"persist="*"current="*"[0x"*"]")
                code=${line##*\[0x}
                fv=${line#*version=}; fp=${line#*persist=}; fc=${line#*current=}
                eval "CFGF_$((0x${code%]}))=\${fv%%,*}:\${fp%%,*}:\${fc%% *}" ;;
            *"Load="*) l=${line#*Load=}; LOAD_BIT=${l%%,*} ;;
        esac
    done < "$W/cfg-$1.txt"
}
bit() { case $1 in true) echo 1 ;; false) echo 0 ;; *) echo "$1" ;; esac; }

# check_identity WHAT PREFIX SR: the fields of drives_0 that sysfs and sg3_utils know
check_identity() {
    p=$2_drives_0
    sg=$(dv "$3" sg)
    check_eq "$1: block_device" "$(jv "${p}_block_device")" "/dev/$3"
    check_eq "$1: generic_device" "$(jv "${p}_generic_device")" "/dev/$sg"
    check_eq "$1: bus" "$(jv "${p}_bus")" "$(bus_of_driver "$(dv "$3" driver)")"
    check_eq "$1: scsi_address" "$(jv "${p}_scsi_address")" "$(dv "$3" hctl)"
    check_eq "$1: vendor_id == sg_inq" "$(jv "${p}_vendor_id")" "$INQ_VENDOR"
    check_eq "$1: product_id == sg_inq" "$(jv "${p}_product_id")" "$INQ_PRODUCT"
    check_eq "$1: revision == sg_inq" "$(jv "${p}_revision")" "$INQ_REV"
    check_eq "$1: peripheral_device_type" "$(jv "${p}_peripheral_device_type_value")" 5
    case $(jv "${p}_unique_id_source") in
        vpd_serial|vpd_device_id|by_path|scsi_address) ok "$1: unique_id.source" ;;
        *) not_ok "$1: unique_id.source" "'$(jv "${p}_unique_id_source")'" ;;
    esac
    check "$1: unique_id.value is set" -n "$(jv "${p}_unique_id_value")"
}

# check_transport WHAT PREFIX SR: the transport descriptor against sysfs as read here: the
# queue limits of /sys/block/SR/queue, the driver of the first device above the SCSI host
# with a driver bound (and the runner's own host driver), the USB device above it (the first
# with an idVendor) on USB buses; none elsewhere.
check_transport() {
    p=$2_drives_0_transport
    q=/sys/block/$3/queue
    check_eq "$1: transport.source" "$(jv "${p}_source")" sysfs
    check_eq "$1: transport.max_transfer_bytes == max_hw_sectors_kb" \
        "$(jv "${p}_max_transfer_bytes")" "$(($(cat "$q/max_hw_sectors_kb") * 1024))"
    check_eq "$1: transport.max_request_bytes == max_sectors_kb" \
        "$(jv "${p}_max_request_bytes")" "$(($(cat "$q/max_sectors_kb") * 1024))"
    check_eq "$1: transport.max_segments == max_segments" "$(jv "${p}_max_segments")" "$(cat "$q/max_segments")"
    check_eq "$1: transport.alignment_mask == dma_alignment" "$(jv "${p}_alignment_mask")" "$(cat "$q/dma_alignment")"
    hctl=$(dv "$3" hctl)
    a=$(dirname "$(readlink -f "/sys/class/scsi_host/host${hctl%%:*}/device")")
    while [ "$a" != /sys/devices ] && [ ! -L "$a/driver" ]; do a=$(dirname "$a"); done
    check_eq "$1: transport.adapter.driver == sysfs ($a)" \
        "$(jv "${p}_adapter_driver")" "$(basename "$(readlink "$a/driver")")"
    check_eq "$1: transport.adapter.driver == the runner's host driver" \
        "$(jv "${p}_adapter_driver")" "$(dv "$3" driver)"
    check_eq "$1: transport.adapter.name" "$(jv "${p}_adapter_name")" "${a##*/}"
    u=$(dirname "$(readlink -f "/sys/class/scsi_host/host${hctl%%:*}/device")")
    while [ "$u" != /sys/devices ] && [ ! -f "$u/idVendor" ]; do u=$(dirname "$u"); done
    case $(dv "$3" driver) in
        usb-storage|uas)
            check_eq "$1: transport.usb vendor:product == sysfs idVendor:idProduct ($u)" \
                "$(jv "${p}_usb_vendor_id"):$(jv "${p}_usb_product_id")" "$(cat "$u/idVendor"):$(cat "$u/idProduct")"
            check_eq "$1: transport.usb.product == sysfs" "$(jv "${p}_usb_product")" "$(cat "$u/product")"
            check_eq "$1: transport.controller.subsystem (the xHCI function)" "$(jv "${p}_controller_subsystem")" pci ;;
        *) check_eq "$1: transport.usb (not behind USB)" "$(jv "${p}_usb")" null ;;
    esac
}

# check_config WHAT PREFIX SR: profiles, current profile and features == sg_get_config's
check_config() {
    p=$2_drives_0
    check_eq "$1: profiles == sg_get_config" "$(json_nums "${p}_profiles" value)" "$CFG_PROFILES"
    check_eq "$1: current_profile == sg_get_config" "$(jv "${p}_current_profile_value")" "$CFG_CURRENT"
    check_eq "$1: current_profile for media '$(dv "$3" media)'" \
        "$(jv "${p}_current_profile_value")" "$(profile_of_media "$(dv "$3" media)")"
    cc_i=0
    cc_flags=
    while [ $cc_i -lt "$(jv "${p}_profiles_n")" ]; do
        [ "$(jv "${p}_profiles_${cc_i}_current")" != true ] ||
            cc_flags="$cc_flags $(jv "${p}_profiles_${cc_i}_value")"
        cc_i=$((cc_i + 1))
    done
    want=$(jv "${p}_current_profile_value"); [ "$want" != 0 ] || want=
    check_eq "$1: the current profile is the one flagged current" "$(echo $cc_flags)" "$want"
    check_eq "$1: feature codes == sg_get_config" "$(json_nums "${p}_features" value)" "$CFG_FEATURES"
    oracle_features "$(dv "$3" sg)"
    cc_i=0
    cc_bad=
    while [ $cc_i -lt "$(jv "${p}_features_n")" ]; do
        f=${p}_features_$cc_i
        got="$(jv "${f}_version"):$(bit "$(jv "${f}_persistent")"):$(bit "$(jv "${f}_current")")"
        want=$(jv "CFGF_$(jv "${f}_value")")
        [ "$got" = "$want" ] || cc_bad="$cc_bad $(jv "${f}_hex")=$got(want $want)"
        cc_i=$((cc_i + 1))
    done
    check_eq "$1: feature version/persistent/current == sg_get_config" "$cc_bad" ""
    case $(jv "${p}_can_load_media") in
        true) ok "$1: can_load_media" ;;
        false|null) if [ "$LOAD_BIT" = 1 ]; then
                not_ok "$1: can_load_media" "$(jv "${p}_can_load_media"), but feature 0003h has Load=1"
            else ok "$1: can_load_media"; fi ;;
        *) not_ok "$1: can_load_media" "'$(jv "${p}_can_load_media")'" ;;
    esac
    # The pages page 3Fh lists; null where the drive refuses 3Fh (QEMU's ATAPI drives), as
    # sg_modes (MODE SENSE(10), page 3Fh) is refused too, and page 2Ah then read alone.
    if [ "$(jv "${p}_mode_pages")" = null ]; then
        if sg_modes -p 0x3f "/dev/$(dv "$3" sg)" >/dev/null 2>&1; then
            not_ok "$1: mode_pages null" "but sg_modes -p 0x3f answers"
        else ok "$1: mode_pages null where sg_modes -p 0x3f is refused"; fi
        check_eq "$1: page 2Ah read alone (can_eject)" "$(jv "${p}_capabilities_can_eject")" true
    else
        case " $(json_nums "${p}_mode_pages" value) " in
            *" 42 "*) ok "$1: mode_pages lists 2Ah" ;;
            *) not_ok "$1: mode_pages lists 2Ah" "$(json_nums "${p}_mode_pages" value)" ;;
        esac
    fi
}

# check_media WHAT PREFIX SR TRAY-OPEN MEDIUM-PRESENT
check_media() {
    p=$2_drives_0_media
    check_eq "$1: media.tray_open" "$(jv "${p}_tray_open")" "$4"
    check_eq "$1: media.medium_present" "$(jv "${p}_medium_present")" "$5"
    check_eq "$1: media.ready" "$(jv "${p}_ready")" "$5"
}

n=0
for sr in $DRIVES; do
    sg=$(dv "$sr" sg)
    idx=$(jv "INDEX_$sr")
    ln -sf "/dev/$sr" "/tmp/discrec-link-$sr"
    k=0
    spellings="/dev/$sr $sr /dev/$sg $sg $idx /tmp/discrec-link-$sr"
    for spelling in $spellings; do
        run "info-$sr-$k" "$DISCREC" info --json "$spelling"
        check_rc "info --json $spelling exits 0" 0
        [ $k -gt 0 ] || INFO_MS=$MS
        k=$((k + 1))
    done
    run "info-text-$sr" "$DISCREC" info "$sr"
    check_rc "info $sr (text) exits 0" 0
    run "info-trace-$sr" "$DISCREC" --trace info --json "/dev/$sr"
    check_rc "--trace info /dev/$sr exits 0" 0
    if has_cdb_dump "$W/info-trace-$sr.err"; then ok "--trace info /dev/$sr shows CDBs on stderr"
    else not_ok "--trace info /dev/$sr shows CDBs on stderr" "$(head -c 200 "$W/info-trace-$sr.err")"; fi
    oracle_inq "$sg"
    oracle_config "$sg"

    set --
    k=0
    for spelling in $spellings; do set -- "$@" "I$n$k" "$W/info-$sr-$k.out"; k=$((k + 1)); done
    json_load "$@" "T$n" "$W/info-trace-$sr.out"
    k=0
    for spelling in $spellings; do
        check_json "info --json $spelling prints one JSON document" "I$n$k" "$W/info-$sr-$k.out"
        check_eq "info --json $spelling: exit_status" "$(jv "I$n${k}_exit_status")" 0
        check_eq "info --json $spelling: one drive, $sr" \
            "$(jv "I$n${k}_drives_n") $(jv "I$n${k}_drives_0_name")" "1 $sr"
        k=$((k + 1))
    done
    check_eq "info --json $idx: index" "$(jv "I${n}4_drives_0_index")" "$idx"
    check_identity "info /dev/$sr" "I${n}0" "$sr"
    check_transport "info /dev/$sr" "I${n}0" "$sr"
    check_config "info /dev/$sr" "I${n}0" "$sr"
    if has_medium "$sr"; then
        check_media "info /dev/$sr" "I${n}0" "$sr" false true
    else
        check_media "info /dev/$sr (empty)" "I${n}0" "$sr" false false
        check "info /dev/$sr (empty) takes < 10 s (${INFO_MS} ms)" "$INFO_MS" -lt 10000
    fi
    check_eq "info /dev/$sr: volume_paths (nothing mounted)" "$(jv "I${n}0_drives_0_volume_paths_n")" 0
    check_eq "info /dev/$sr: holders (nobody holds it)" "$(jv "I${n}0_drives_0_holders_n")" 0
    check_eq "--trace info /dev/$sr: same vendor_id on stdout" "$(jv "T${n}_drives_0_vendor_id")" "$INQ_VENDOR"
    i=0
    while [ $i -lt "$(jv "I${n}0_drives_0_errors_n")" ]; do
        echo "# info /dev/$sr: errors[$i]: $(jv "I${n}0_drives_0_errors_$i")"
        i=$((i + 1))
    done
    if grep -q "^Host adapter: .*driver $(dv "$sr" driver)" "$W/info-text-$sr.out"; then
        ok "info $sr (text): the host adapter and its driver"
    else not_ok "info $sr (text): the host adapter and its driver" "$(grep -i adapter "$W/info-text-$sr.out")"; fi
    if grep -q "$INQ_VENDOR" "$W/info-text-$sr.out" && grep -q '^ *[A-Za-z][A-Za-z _-]*: ' "$W/info-text-$sr.out"; then
        ok "info $sr (text): 'key: value' lines with the vendor"
    else not_ok "info $sr (text): 'key: value' lines with the vendor" "$(head -c 300 "$W/info-text-$sr.out" | tr '\n' '|')"; fi
    n=$((n + 1))
done

# All drives at once, and several named drives in the order given.
run info-all "$DISCREC" info --json
check_rc "info --json (all drives) exits 0" 0
reversed=
for sr in $DRIVES; do reversed="$sr $reversed"; done
run info-some "$DISCREC" info --json $reversed
check_rc "info --json $reversed exits 0" 0
json_load IA "$W/info-all.out" IS "$W/info-some.out"
check_eq "info --json (all drives): one entry per drive" "$(jv IA_drives_n)" "$NDRIVES"
# list --ids: the ids each drive gives, exactly as info printed them (text and JSON), the OS's
# SCSI address last; plain list still sends nothing (list.sh).
run list-ids "$DISCREC" list --ids --json
check_rc "list --ids --json exits 0" 0
run list-ids-text "$DISCREC" list --ids
check_rc "list --ids exits 0" 0
run list-ids-trace "$DISCREC" --trace list --ids
if has_cdb_dump "$W/list-ids-trace.err"; then ok "--trace list --ids: the drives are asked"
else not_ok "--trace list --ids: the drives are asked" "$(head -c 200 "$W/list-ids-trace.err")"; fi
json_load LI "$W/list-ids.out"
check_eq "list --ids --json: one entry per drive" "$(jv LI_drives_n)" "$NDRIVES"
i=0
while [ $i -lt "$(jv LI_drives_n)" ]; do
    li=LI_drives_${i}
    ia=IA_drives_${i}
    check_eq "list --ids $(jv "${li}_name"): unique_id == info's" \
        "$(jv "${li}_unique_id_value") ($(jv "${li}_unique_id_source"))" \
        "$(jv "${ia}_unique_id_value") ($(jv "${ia}_unique_id_source"))"
    last=$(($(jv "${li}_unique_ids_n") - 1))
    check_eq "list --ids $(jv "${li}_name"): the SCSI address is the last id" \
        "$(jv "${li}_unique_ids_${last}_value")" "scsi:$(jv "${ia}_scsi_address")"
    if grep -qF "$(jv "${ia}_unique_id_value") ($(jv "${ia}_unique_id_source"))" "$W/list-ids-text.out"; then
        ok "list --ids (text): $(jv "${li}_name")'s id as info prints it"
    else not_ok "list --ids (text): $(jv "${li}_name")'s id as info prints it" "$(tr '\n' '|' < "$W/list-ids-text.out")"; fi
    i=$((i + 1))
done
names=
ids=
dups=
i=0
while [ $i -lt "$(jv IS_drives_n)" ]; do names="$names $(jv "IS_drives_${i}_name")"; i=$((i + 1)); done
check_eq "info --json $reversed: drives in that order" "$(echo $names)" "$(echo $reversed)"
i=0
while [ $i -lt "$(jv IA_drives_n)" ]; do
    id=$(jv "IA_drives_${i}_unique_id_value")
    case " $ids " in *" $id "*) dups="$dups $id" ;; esac
    ids="$ids $id"
    i=$((i + 1))
done
check_eq "unique_id values differ between drives ($ids )" "$dups" ""
# Each drive by the unique id info printed for it (IMAPI2 InitializeDiscRecorder(uniqueId)).
i=0
while [ $i -lt "$(jv IA_drives_n)" ]; do
    id=$(jv "IA_drives_${i}_unique_id_value")
    name=$(jv "IA_drives_${i}_name")
    run "info-uid-$i" "$DISCREC" info --json "$id"
    check_rc "info --json $id (the unique id of $name) exits 0" 0
    json_load UI "$W/info-uid-$i.out"
    check_eq "info $id: that drive ($(jv "IA_drives_${i}_bus"))" "$(jv UI_drives_0_name) $(jv UI_drives_0_unique_id_value)" "$name $id"
    # eject and close-tray by the id reach that drive (tray via GESN through sg); the tray is
    # closed again and the medium ready before the next group.
    sg=$(dv "$name" sg)
    run "eject-uid-$i" "$DISCREC" eject "$id"
    check_rc "eject $id ($name)" 0
    tray_open "$sg" && ok "eject $id: $name's tray open (GESN via sg)" || not_ok "eject $id: $name's tray open (GESN via sg)" "closed"
    run "close-uid-$i" "$DISCREC" close-tray --wait 20 "$id"
    check_rc "close-tray --wait $id ($name)" 0
    tray_open "$sg" && not_ok "close-tray $id: $name's tray closed" "open" || ok "close-tray $id: $name's tray closed"
    i=$((i + 1))
done
