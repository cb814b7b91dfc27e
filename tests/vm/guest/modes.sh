# `discrec mode-pages` against sg_modes: per drive, the pages the drive has (sg_modes asked
# page by page is the oracle), then for every page and page control (current, changeable,
# default, saved) the bytes discrec reports (one `--raw --json --control C` run per control:
# pages[i].response, header included) equal `sg_modes -p P -c C -r`, or both are refused; the lock state bit of page 2Ah follows
# a PREVENT MEDIUM REMOVAL sent by another program (sg_prevent); `info` shows the 2Ah summary.
# Sourced by all.sh.  JSON is parsed once per drive (python3 costs ~0.5 s per start here).

# od's hex of a binary file, as discrec prints bytes: "00 1c 70 ..."
mp_hex_of() { od -An -tx1 -v "$1" | tr -s ' \n' '  ' | sed 's/^ *//; s/ *$//'; }
# QEMU 7.2's ATAPI page 0Eh (hw/ide/atapi.c, cmd_mode_sense) writes only its header, the
# page code and length and the four volume bytes: answer bytes 10-16, 18, 20 and 22 are what
# the previous command left in the IDE buffer, and differ from one command to the next.
mp_mask_atapi_0e() {
    mm_i=0 mm_out=
    for mm_b in $1; do
        case $mm_i in 10|11|12|13|14|15|16|18|20|22) mm_b=xx ;; esac
        mm_out="$mm_out $mm_b"
        mm_i=$((mm_i + 1))
    done
    echo "${mm_out# }"
}
mp_control_name() { case $1 in 0) echo current ;; 1) echo changeable ;; 2) echo default ;; *) echo saved ;; esac; }

# Every page code discrec's table knows (mmc/tables/mode_pages.cpp), except 3Fh.
MP_KNOWN="1 2 3 5 7 8 10 13 14 24 25 26 27 28 29 42"

mp_k=0
for sr in $DRIVES; do
    sg=$(dv "$sr" sg)
    mp_k=$((mp_k + 1))
    case $(dv "$sr" bus) in
        piix|ahci) mp_want="1 14 42"; mp_probed=true ;;
        *) mp_want="1 8 14 42"; mp_probed=false ;;
    esac
    # Oracle: the pages sg_modes can read one by one (current values).
    mp_oracle=
    for p in $MP_KNOWN; do
        sg_modes -p "$p" -r "/dev/$sg" > "$W/sgm-$sr-$p.bin" 2> /dev/null && mp_oracle="$mp_oracle $p"
    done
    mp_oracle=$(sort_nums $mp_oracle)
    run "mp-list-$sr" "$DISCREC" mode-pages --json "/dev/$sr"
    check_rc "mode-pages --json /dev/$sr exits 0" 0
    run "mp-text-$sr" "$DISCREC" mode-pages "$sr"
    check_rc "mode-pages $sr (text) exits 0" 0
    set -- "L$mp_k" "$W/mp-list-$sr.out"
    # One discrec run per page control reads every page (4 execs a drive, not 4 per page);
    # sg_modes reads them one by one.
    for c in 0 1 2 3; do
        run "mp-$sr-all-$c" "$DISCREC" mode-pages --raw --json --control "$(mp_control_name $c)" "/dev/$sg"
        eval "MP_RC_$c=\$RC"
        set -- "$@" "A${mp_k}_$c" "$W/mp-$sr-all-$c.out"
        for p in $mp_oracle; do
            sg_modes -p "$p" -c "$c" -r "/dev/$sg" > "$W/sgm-$sr-$p-$c.bin" 2> "$W/sgm-$sr-$p-$c.err"
            eval "MP_SGRC_${p}_$c=\$?"
        done
    done
    # Lock state: PREVENT through sg by another program, read back by discrec (via the sr
    # name: discrec must go through sg too, or its close would unlock the tray again).
    sg_prevent --prevent=1 "/dev/$sg" > "$W/prevent-$sr.err" 2>&1
    mp_prevent_rc=$?
    run "mp-locked-$sr" "$DISCREC" mode-pages --page caps --json "$sr"
    run "mp-info-locked-$sr" "$DISCREC" info --json "$sr"
    sg_modes -p 0x2a -r "/dev/$sg" > "$W/sgm-locked-$sr.bin" 2> /dev/null
    sg_prevent --allow "/dev/$sg" > "$W/allow-$sr.err" 2>&1
    mp_allow_rc=$?
    run "mp-unlocked-$sr" "$DISCREC" mode-pages --page caps --json "/dev/$sg"
    set -- "$@" "K$mp_k" "$W/mp-locked-$sr.out" "U$mp_k" "$W/mp-unlocked-$sr.out" \
        "I$mp_k" "$W/mp-info-locked-$sr.out" "T$mp_k" "$W/mp-text-$sr.out"
    json_load "$@"

    L=L$mp_k
    check_json "mode-pages --json /dev/$sr prints one JSON document" "$L" "$W/mp-list-$sr.out"
    check_eq "mode-pages /dev/$sr: supported pages == sg_modes page by page" \
        "$(json_nums "${L}_supported_pages" value)" "$mp_oracle"
    check_eq "mode-pages /dev/$sr: QEMU's pages for its bus" "$mp_oracle" "$mp_want"
    check_eq "mode-pages /dev/$sr: page 3Fh refused on ATAPI only (probed)" \
        "$(jv "${L}_supported_pages_probed")" "$mp_probed"
    check_eq "mode-pages /dev/$sr: one decoded page per supported page" \
        "$(json_nums "${L}_pages" page_value)" "$mp_oracle"
    if grep -q "Lock State" "$W/mp-text-$sr.out"; then ok "mode-pages $sr (text) decodes page 2Ah"
    else not_ok "mode-pages $sr (text) decodes page 2Ah" "$(head -c 300 "$W/mp-text-$sr.out" | tr '\n' '|')"; fi

    mp_bad=
    mp_refused=
    for c in 0 1 2 3; do
        A=A${mp_k}_$c
        rc=$(jv "MP_RC_$c")
        mp_all_read=true
        for p in $mp_oracle; do
            # The page's entry in this control's document (pages are in drive order).
            idx= i=0 n=$(jv "${A}_pages_n")
            case $n in ''|*[!0-9]*) n=0 ;; esac
            while [ $i -lt "$n" ]; do
                [ "$(jv "${A}_pages_${i}_page_value")" = "$p" ] && idx=$i
                i=$((i + 1))
            done
            if [ -z "$idx" ]; then
                mp_bad="$mp_bad [page $p pc $c: not in mode-pages --control $(mp_control_name $c)]"
                continue
            fi
            P=${A}_pages_$idx
            if [ "$(jv "MP_SGRC_${p}_$c")" = 0 ]; then
                want=$(mp_hex_of "$W/sgm-$sr-$p-$c.bin")
                if [ "$(jv "${P}_header_form")" = mode_sense6 ]; then
                    sg_modes -6 -p "$p" -c "$c" -r "/dev/$sg" > "$W/sgm6.bin" 2> /dev/null
                    want=$(mp_hex_of "$W/sgm6.bin")
                fi
                got=$(jv "${P}_response")
                if [ "$p" = 14 ] && [ "$mp_probed" = true ]; then
                    want=$(mp_mask_atapi_0e "$want")
                    got=$(mp_mask_atapi_0e "$got")
                fi
                [ "$got" = "$want" ] ||
                    mp_bad="$mp_bad [page $p pc $c: got '$got', want '$want']"
            else
                mp_all_read=false
                mp_refused="$mp_refused $p/$c"
                # Refused by the drive: discrec says so per page, in JSON, without crashing.
                [ -n "$(jv "${P}_error_message")" ] && [ "$(jv "${P}_error_kind")" != "<missing>" ] ||
                    mp_bad="$mp_bad [page $p pc $c: sg_modes exit $(jv "MP_SGRC_${p}_$c"), error '$(jv "${P}_error_message")']"
            fi
        done
        # The exit status: 0 when every page was read, the drive's error (6) when one was not.
        if [ "$mp_all_read" = true ]; then
            [ "$rc" = 0 ] || mp_bad="$mp_bad [pc $c: exit $rc although every page was read]"
        else
            [ "$rc" = 6 ] || mp_bad="$mp_bad [pc $c: exit $rc with a page refused, want 6]"
        fi
        [ "$(jv "${A}__ok")" = 1 ] || mp_bad="$mp_bad [pc $c: not one JSON document: $(jv "${A}__err")]"
    done
    check_eq "mode-pages /dev/$sg: every page x control == sg_modes -p P -c C -r (refused:$mp_refused)" "$mp_bad" ""
    case " $mp_refused " in
        *" 42/3 "*) ok "mode-pages /dev/$sg: saved values refused (5/24/00) as a per-page error" ;;
        *) not_ok "mode-pages /dev/$sg: saved values refused" "refused:$mp_refused" ;;
    esac

    check_eq "sg_prevent --prevent=1 /dev/$sg exits 0" "$mp_prevent_rc" 0
    check_eq "after sg_prevent --prevent=1: lock_state in mode-pages --page caps" \
        "$(jv "K${mp_k}_pages_0_fields_lock_state")" true
    check_eq "after sg_prevent --prevent=1: info capabilities.lock_state" \
        "$(jv "I${mp_k}_drives_0_capabilities_lock_state")" true
    mp_b6=$(mp_hex_of "$W/sgm-locked-$sr.bin" | cut -d' ' -f15)
    check_eq "discrec $sr left the tray locked (sg_modes: byte 6 of page 2Ah has bit 1)" \
        "$(( (0x${mp_b6:-0} >> 1) & 1 ))" 1
    check_eq "sg_prevent --allow /dev/$sg exits 0" "$mp_allow_rc" 0
    check_eq "after sg_prevent --allow: lock_state clear" \
        "$(jv "U${mp_k}_pages_0_fields_lock_state")" false
    check_eq "info: capabilities.max_write_speed_kbps == page 2Ah bytes 18-19" \
        "$(jv "I${mp_k}_drives_0_capabilities_max_write_speed_kbps")" \
        "$(jv "K${mp_k}_pages_0_fields_max_write_speed_kbps")"
    check_eq "info: capabilities.can_eject == page 2Ah eject bit" \
        "$(jv "I${mp_k}_drives_0_capabilities_can_eject")" "$(jv "K${mp_k}_pages_0_fields_eject")"
done
