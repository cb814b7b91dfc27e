# `discrec list`: one entry per /sys/class/block/sr*, identity equal to sg_inq's, the bus of
# the topology; it sends no CDB and opens no device, so it works for an unprivileged user.
# Sourced by all.sh.  Leaves the list's JSON loaded as L_* (info.sh uses the indexes).

run list "$DISCREC" list
check_rc "list exits 0" 0
rows=0
header=
while IFS= read -r line; do
    [ -n "$line" ] || continue
    if [ -z "$header" ]; then header=$line; else rows=$((rows + 1)); fi
done < "$W/list.out"
case $header in
    "#"*DEVICE*GENERIC*VENDOR*MODEL*REV*BUS*) ok "list: table header" ;;
    *) not_ok "list: table header" "first line: '$header'" ;;
esac
check_eq "list: one table row per drive" "$rows" "$NDRIVES"
for sr in $DRIVES; do
    if grep -q "$sr .*$(dv "$sr" sg)" "$W/list.out"; then ok "list: row for $sr and $(dv "$sr" sg)"
    else not_ok "list: row for $sr and $(dv "$sr" sg)" "$(tr '\n' '|' < "$W/list.out")"; fi
done

run listj "$DISCREC" list --json
check_rc "list --json exits 0" 0
run listg "$DISCREC" --json list
check_rc "--json list exits 0" 0
run listt "$DISCREC" --trace list --json
check_rc "--trace list --json exits 0" 0
if has_cdb_dump "$W/listt.err"; then
    not_ok "--trace list sends no CDB" "stderr: $(head -c 300 "$W/listt.err" | tr '\n' '|')"
else ok "--trace list sends no CDB"; fi

# As nobody, who cannot open the device nodes (devtmpfs makes them root-only, no udev here).
if as_nobody sh -c 'exec 3< /dev/sr0' 2> /dev/null; then
    not_ok "precondition: nobody cannot open /dev/sr0" "it can"
else ok "precondition: nobody cannot open /dev/sr0"; fi
run listn as_nobody "$DISCREC" list --json
check_rc "list --json as nobody exits 0" 0

json_load L "$W/listj.out" LG "$W/listg.out" LT "$W/listt.out" LN "$W/listn.out"
check_json "list --json prints one JSON document" L "$W/listj.out"
check_eq "list --json: json_format_version" "$(jv L_json_format_version_0).$(jv L_json_format_version_1)" 1.2
check "list --json: discrec.version" -n "$(jv L_discrec_version)"
check_eq "list --json: discrec.argv" "$(jv L_discrec_argv_1) $(jv L_discrec_argv_2)" "list --json"
check_eq "list --json: exit_status" "$(jv L_exit_status)" 0
check_eq "list --json: one entry per drive" "$(jv L_drives_n)" "$NDRIVES"

# list_signature PREFIX: the drive list as one comparable line
list_signature() {
    ls_i=0
    ls_sig=
    while [ $ls_i -lt "$(jv "$1_drives_n")" ]; do
        for f in name block_device generic_device vendor model revision bus scsi_address; do
            ls_sig="$ls_sig$(jv "$1_drives_${ls_i}_$f"),"
        done
        ls_sig="$ls_sig;"
        ls_i=$((ls_i + 1))
    done
    echo "$ls_sig"
}

seen=
i=0
while [ $i -lt "$(jv L_drives_n)" ]; do
    sr=$(jv "L_drives_${i}_name")
    p="L_drives_$i"
    case " $DRIVES " in
        *" $sr "*) ok "list --json: drive $i is $sr, a drive in /sys" ;;
        *) not_ok "list --json: drive $i is a drive in /sys" "name '$sr', drives: $DRIVES"; i=$((i + 1)); continue ;;
    esac
    case " $seen " in *" $sr "*) not_ok "list --json: $sr listed once" "listed twice" ;; esac
    seen="$seen $sr"
    eval "INDEX_$sr=$i"
    sg=$(dv "$sr" sg)
    oracle_inq "$sg"
    check_eq "list --json $sr: index" "$(jv "${p}_index")" "$i"
    check_eq "list --json $sr: block_device" "$(jv "${p}_block_device")" "/dev/$sr"
    check_eq "list --json $sr: generic_device" "$(jv "${p}_generic_device")" "/dev/$sg"
    check_eq "list --json $sr: vendor == sg_inq" "$(jv "${p}_vendor")" "$INQ_VENDOR"
    check_eq "list --json $sr: model == sg_inq" "$(jv "${p}_model")" "$INQ_PRODUCT"
    check_eq "list --json $sr: revision == sg_inq" "$(jv "${p}_revision")" "$INQ_REV"
    check_eq "list --json $sr: bus ($(dv "$sr" bus))" "$(jv "${p}_bus")" "$(bus_of_driver "$(dv "$sr" driver)")"
    check_eq "list --json $sr: host_driver" "$(jv "${p}_host_driver")" "$(dv "$sr" driver)"
    check_eq "list --json $sr: scsi_address" "$(jv "${p}_scsi_address")" "$(dv "$sr" hctl)"
    check_eq "list --json $sr: mount_points (nothing mounted)" "$(jv "${p}_mount_points_n")" 0
    i=$((i + 1))
done

want=$(list_signature L)
check_eq "--json list (option first) lists the same drives" "$(list_signature LG)" "$want"
check_eq "--trace list --json lists the same drives" "$(list_signature LT)" "$want"
check_json "list --json as nobody prints one JSON document" LN "$W/listn.out"
check_eq "list --json as nobody lists the same drives" "$(list_signature LN)" "$want"
