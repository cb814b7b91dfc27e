# `discrec features` and `discrec profiles` against every drive: the feature codes, their
# version/persistent/current bits, the profiles and the current profile must equal what
# sg_get_config reports for the same drive, and the fields both decode (Core, Removable
# Medium) must agree. ATAPI drives (piix, ahci) return only the Profile List; SCSI ones add
# Core and Removable Medium. Sourced by all.sh.

# feat_oracle SG: from sg_get_config's text ($W/cfg-SG.txt, see oracle_config): per feature
# code "version:persistent:current" as FO_<decimal code>; Core's "SCSI family, INQ2=0, DBE=1"
# as FO_PIS, FO_INQ2, FO_DBE; Removable Medium's mechanism name and Load/Eject/Lock bits.
feat_oracle() {
    FO_PIS= FO_INQ2= FO_DBE= FO_MECH= FO_LOAD= FO_EJECT= FO_LOCK=
    while IFS= read -r line; do
        case $line in
            *"version="*"persist="*"current="*"[0x"*"]")
                code=${line##*\[0x}
                fv=${line#*version=}; fp=${line#*persist=}; fc=${line#*current=}
                eval "FO_$((0x${code%]}))=\${fv%%,*}:\${fp%%,*}:\${fc%% *}" ;;
            *"Physical interface standard: "*)
                v=${line#*standard: }; FO_PIS=${v%%,*}
                v=${line#*INQ2=}; FO_INQ2=${v%%,*}
                FO_DBE=${line#*DBE=} ;;
            *"Loading mechanism: "*) FO_MECH=${line#*mechanism: } ;;
            *"Load="*"Eject="*)
                v=${line#*Load=}; FO_LOAD=${v%%,*}
                v=${line#*Eject=}; FO_EJECT=${v%%,*}
                FO_LOCK=${line#*Lock=} ;;
        esac
    done < "$W/cfg-$1.txt"
}
b01() { case $1 in true) echo 1 ;; false) echo 0 ;; *) echo "$1" ;; esac; }

# feat_index PREFIX CODE: the index of feature CODE (decimal) in PREFIX_features, or -1
feat_index() {
    fi_i=0
    while [ $fi_i -lt "$(jv "$1_features_n")" ]; do
        [ "$(jv "$1_features_${fi_i}_value")" = "$2" ] && { echo $fi_i; return; }
        fi_i=$((fi_i + 1))
    done
    echo -1
}

# check_feature_bits WHAT PREFIX: version:persistent:current of every feature == sg_get_config
check_feature_bits() {
    cf_i=0 cf_bad=
    while [ $cf_i -lt "$(jv "$2_features_n")" ]; do
        f=$2_features_$cf_i
        got="$(jv "${f}_version"):$(b01 "$(jv "${f}_persistent")"):$(b01 "$(jv "${f}_current")")"
        want=$(jv "FO_$(jv "${f}_value")")
        [ "$got" = "$want" ] || cf_bad="$cf_bad $(jv "${f}_hex")=$got(want $want)"
        cf_i=$((cf_i + 1))
    done
    check_eq "$1: version/persistent/current == sg_get_config" "$cf_bad" ""
}

# check_decoded_fields WHAT PREFIX: Core and Removable Medium fields == sg_get_config's decode
check_decoded_fields() {
    i=$(feat_index "$2" 1)
    if [ "$i" -ge 0 ]; then
        f=$2_features_${i}_fields
        pis=$(jv "${f}_physical_interface_standard_string")
        check_eq "$1: Core physical interface == sg_get_config ($FO_PIS)" \
            "$(echo "$pis" | tr 'A-Z' 'a-z')" "$(echo "$FO_PIS" | tr 'A-Z' 'a-z')"
        check_eq "$1: Core INQ2, DBE == sg_get_config" \
            "$(b01 "$(jv "${f}_inq2")") $(b01 "$(jv "${f}_dbe")")" "$FO_INQ2 $FO_DBE"
    fi
    i=$(feat_index "$2" 3)
    if [ "$i" -ge 0 ]; then
        f=$2_features_${i}_fields
        check_eq "$1: Removable Medium mechanism == sg_get_config" \
            "$(jv "${f}_loading_mechanism_type_string")" "$FO_MECH"
        check_eq "$1: Removable Medium Load, Eject, Lock == sg_get_config" \
            "$(b01 "$(jv "${f}_load")") $(b01 "$(jv "${f}_eject")") $(b01 "$(jv "${f}_lock")")" \
            "$FO_LOAD $FO_EJECT $FO_LOCK"
    fi
}

n=0
for sr in $DRIVES; do
    sg=$(dv "$sr" sg)
    oracle_config "$sg"
    feat_oracle "$sg"
    sg_get_config --current "/dev/$sg" > "$W/cfgc-$sg.txt" 2>&1
    cur_codes=
    while IFS= read -r line; do
        case $line in *"version="*"persist="*"current="*"[0x"*"]")
            code=${line##*\[0x}; cur_codes="$cur_codes $((0x${code%]}))" ;;
        esac
    done < "$W/cfgc-$sg.txt"
    cur_codes=$(sort_nums $cur_codes)
    sg_get_config --raw "/dev/$sg" > "$W/cfgr-$sg.bin" 2>/dev/null

    run "feat-$sr" "$DISCREC" features --json "/dev/$sr"
    check_rc "features --json /dev/$sr exits 0" 0
    run "featc-$sr" "$DISCREC" features --json --current "$sr"
    check_rc "features --json --current $sr exits 0" 0
    run "feath-$sr" "$DISCREC" features --json --inhex "$W/cfgr-$sg.bin" --raw-in
    check_rc "features --inhex --raw-in (sg_get_config --raw of $sg) exits 0" 0
    run "prof-$sr" "$DISCREC" profiles --json "/dev/$sg"
    check_rc "profiles --json /dev/$sg exits 0" 0
    run "featt-$sr" "$DISCREC" features "$sr"
    check_rc "features $sr (text) exits 0" 0
    run "proft-$sr" "$DISCREC" profiles "$sr"
    check_rc "profiles $sr (text) exits 0" 0
    json_load "F$n" "$W/feat-$sr.out" "C$n" "$W/featc-$sr.out" "H$n" "$W/feath-$sr.out" \
        "P$n" "$W/prof-$sr.out"
    check_json "features --json /dev/$sr prints one JSON document" "F$n" "$W/feat-$sr.out"
    check_json "profiles --json /dev/$sg prints one JSON document" "P$n" "$W/prof-$sr.out"
    what="features /dev/$sr ($(dv "$sr" driver), $(dv "$sr" media))"
    check_eq "$what: feature codes == sg_get_config" "$(json_nums "F${n}_features" value)" "$CFG_FEATURES"
    check_feature_bits "$what" "F$n"
    check_decoded_fields "$what" "F$n"
    check_eq "$what: current profile == sg_get_config" "$(jv "F${n}_current_profile_value")" "$CFG_CURRENT"
    check_eq "$what --current: codes == sg_get_config --current" \
        "$(json_nums "C${n}_features" value)" "$cur_codes"
    check_eq "$what --inhex of sg_get_config --raw: same codes" \
        "$(json_nums "H${n}_features" value)" "$CFG_FEATURES"
    check_eq "$what: every feature decoded (no raw-only descriptor)" \
        "$(i=0; while [ $i -lt "$(jv "F${n}_features_n")" ]; do [ "$(jv "F${n}_features_${i}_decoded")" = true ] || printf ' %s' "$(jv "F${n}_features_${i}_hex")"; i=$((i + 1)); done)" ""
    check_eq "$what: no warnings" "$(jv "F${n}_warnings_n")" 0
    case $(dv "$sr" driver) in
        ata_piix|ahci) check_eq "$what: ATAPI returns the Profile List only" "$CFG_FEATURES" 0 ;;
        *) check_eq "$what: SCSI returns Profile List, Core, Removable Medium" "$CFG_FEATURES" "0 1 3" ;;
    esac
    pw="profiles /dev/$sg ($(dv "$sr" media))"
    check_eq "$pw: profiles == sg_get_config" "$(json_nums "P${n}_profiles" value)" "$CFG_PROFILES"
    check_eq "$pw: current profile == sg_get_config" "$(jv "P${n}_current_profile_value")" "$CFG_CURRENT"
    cur=
    i=0
    while [ $i -lt "$(jv "P${n}_profiles_n")" ]; do
        [ "$(jv "P${n}_profiles_${i}_current")" = true ] && cur="$cur $(jv "P${n}_profiles_${i}_value")"
        i=$((i + 1))
    done
    want=$CFG_CURRENT; [ "$want" != 0 ] || want=
    check_eq "$pw: the current one is marked" "$(echo $cur)" "$want"
    if grep -q '^0x0008 *CD-ROM *read' "$W/proft-$sr.out"; then ok "$pw (text): 0x0008 CD-ROM read"
    else not_ok "$pw (text): 0x0008 CD-ROM read" "$(head -c 300 "$W/proft-$sr.out" | tr '\n' '|')"; fi
    n=$((n + 1))
done
