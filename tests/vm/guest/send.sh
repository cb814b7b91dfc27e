# `discrec send` on real (emulated) drives: INQUIRY returns exactly sg_raw's bytes on every
# drive; MODE SENSE(10) page 2Ah with --json equals sg_raw's bytes too; WRITE(10), FORMAT
# UNIT, BLANK and WRITE BUFFER are refused without their options and --trace shows nothing
# was sent; with --allow-write a WRITE(10) reaches a drive with a medium and QEMU's refusal
# is decoded (7/27/00 write protected on SCSI buses, 5/20/00 invalid opcode on ATAPI); a
# user with access to the node but without CAP_SYS_RAWIO gets exit 4 for a command outside
# the kernel's SG_IO lists. Sourced by all.sh (group send).

sd_hex_of() { od -An -tx1 -v "$1" | tr -s ' \n' '  ' | sed 's/^ *//; s/ *$//'; }
sd_first=
sd_loads=
for sr in $DRIVES; do
    sg=$(dv "$sr" sg)
    [ -n "$sd_first" ] || sd_first=$sr
    # INQUIRY, 96 bytes offered: the same bytes as sg_raw's.
    sg_raw -b -r 96 "/dev/$sg" 12 00 00 00 60 00 > "$W/sd-inq-$sr.oracle" 2> /dev/null
    run sd-inq-$sr "$DISCREC" send --binary "$sr" 12 00 00 00 60 00 --in 96
    check_rc "send INQUIRY $sr exits 0" 0
    if [ -s "$W/sd-inq-$sr.out" ] && cmp -s "$W/sd-inq-$sr.out" "$W/sd-inq-$sr.oracle"; then
        ok "send INQUIRY $sr: the bytes sg_raw returns"
    else
        not_ok "send INQUIRY $sr: the bytes sg_raw returns" \
            "discrec $(sd_hex_of "$W/sd-inq-$sr.out" | head -c 120) | sg_raw $(sd_hex_of "$W/sd-inq-$sr.oracle" | head -c 120)"
    fi
    # MODE SENSE(10), page 2Ah, DBD: the JSON document, checked below in one python3 run.
    sg_raw -b -r 255 "/dev/$sg" 5a 08 2a 00 00 00 00 00 ff 00 > "$W/sd-ms-$sr.oracle" 2> /dev/null
    run sd-ms-$sr "$DISCREC" send --json "$sr" 5a 08 2a 00 00 00 00 00 ff 00 --in 255
    check_rc "send --json MODE SENSE(10) 2Ah $sr exits 0" 0
    sd_loads="$sd_loads SDM_$sr $W/sd-ms-$sr.out"
done
# shellcheck disable=SC2086  # prefix/file pairs
json_load $sd_loads
for sr in $DRIVES; do
    check_json "send --json MODE SENSE $sr: one JSON document" "SDM_$sr" "$W/sd-ms-$sr.out"
    check_eq "send --json MODE SENSE $sr: class" "$(jv "SDM_${sr}_command_class")" read_only
    check_eq "send --json MODE SENSE $sr: status" "$(jv "SDM_${sr}_status")" good
    check_eq "send --json MODE SENSE $sr: data.hex is sg_raw's" "$(jv "SDM_${sr}_data_hex")" \
        "$(sd_hex_of "$W/sd-ms-$sr.oracle")"
    check_eq "send --json MODE SENSE $sr: residual + transferred = 255" \
        $(($(jv "SDM_${sr}_residual") + $(jv "SDM_${sr}_transferred"))) 255
done

# Refused without their options: exit 2, and --trace shows that no command went out.
sr=$sd_first
for cdb in "2a 00 00 00 00 00 00 00 01 00" "04 11 00 00 00 00" \
           "a1 11 00 00 00 00 00 00 00 00 00 00" "3b 02 00 00 00 00 00 00 00 00"; do
    # shellcheck disable=SC2086  # the CDB's bytes are words
    run sd-refused "$DISCREC" --trace send "$sr" $cdb
    check_rc "send $sr $cdb: refused (exit 2)" 2
    if grep -q 'trace:' "$W/sd-refused.err"; then
        not_ok "send $sr $cdb: --trace shows nothing sent" "$(head -c 300 "$W/sd-refused.err")"
    else ok "send $sr $cdb: --trace shows nothing sent"; fi
    if grep -q "refused: .*(opcode ..h) is in class '.*'; .*--allow-" "$W/sd-refused.err"; then
        ok "send $sr $cdb: the message names opcode, class and option"
    else not_ok "send $sr $cdb: the message names opcode, class and option" "$(cat "$W/sd-refused.err")"; fi
done

# --allow-write: WRITE(10) of one 2048-byte block reaches a drive with a medium; QEMU's
# read-only media refuse it, and the sense is decoded.
dd if=/dev/zero of="$W/sd-block.bin" bs=2048 count=1 2> /dev/null
for sr in $DRIVES; do
    has_medium "$sr" || continue
    case $(dv "$sr" bus) in
        piix|ahci) sd_want_rc=8 sd_want="(sense 5/20/00)" ;;
        *) sd_want_rc=6 sd_want="(sense 7/27/00)" ;;
    esac
    run sd-write-$sr "$DISCREC" --trace send --allow-write --out "$W/sd-block.bin" "$sr" \
        2a 00 00 00 00 00 00 00 01 00
    check_rc "send --allow-write WRITE(10) $sr: refused by the drive (exit $sd_want_rc)" "$sd_want_rc"
    if grep -q 'trace: .*WRITE(10) \[2a 00 00 00 00 00 00 00 01 00\] out 2048 bytes' "$W/sd-write-$sr.err"; then
        ok "send --allow-write WRITE(10) $sr: --trace shows it sent"
    else not_ok "send --allow-write WRITE(10) $sr: --trace shows it sent" "$(head -c 400 "$W/sd-write-$sr.err")"; fi
    if grep -q "^discrec: $sr: WRITE(10): .*$sd_want" "$W/sd-write-$sr.err"; then
        ok "send --allow-write WRITE(10) $sr: sense $sd_want decoded in the message"
    else not_ok "send --allow-write WRITE(10) $sr: sense $sd_want decoded" "$(cat "$W/sd-write-$sr.err")"; fi
    grep -q "^Sense: .*$sd_want" "$W/sd-write-$sr.out" && ok "send WRITE(10) $sr: Sense line" ||
        not_ok "send WRITE(10) $sr: Sense line" "$(cat "$W/sd-write-$sr.out")"
done

# The kernel's SG_IO filter: a user who may open the node (through its group) but has no
# CAP_SYS_RAWIO may not send PERSISTENT RESERVE IN (read-only to us, in none of the filter's
# lists on this kernel), whether the node is opened read-only or (--allow-write) for
# writing: exit 4 and a message naming the kernel's rule. INQUIRY (on the read list) works.
# The guest's nodes are root's alone (0600): a group is lent for these runs.
sr=$sd_first
sg=$(dv "$sr" sg)
sd_modes=$(stat -c '%a %g' "/dev/$sr" "/dev/$sg")
chgrp 65533 "/dev/$sr" "/dev/$sg" && chmod 660 "/dev/$sr" "/dev/$sg"
as_group() { setpriv --reuid=65534 --regid=65534 --groups=65533 -- "$@"; }
run sd-user-inq as_group "$DISCREC" send "$sr" 12 00 00 00 60 00 --in 96
check_rc "send INQUIRY $sr as a user in the node's group: exit 0" 0
run sd-user-pr as_group "$DISCREC" --trace send "$sr" 5e 00 00 00 00 00 00 00 08 00 --in 8
check_rc "send PERSISTENT RESERVE IN $sr read-only without CAP_SYS_RAWIO: exit 4" 4
if grep -q "^discrec: $sr: PERSISTENT RESERVE IN: not permitted: the kernel allows this command only to root" "$W/sd-user-pr.err"; then
    ok "send PERSISTENT RESERVE IN $sr without CAP_SYS_RAWIO: the message names the kernel's rule"
else not_ok "send PERSISTENT RESERVE IN $sr without CAP_SYS_RAWIO: the message" "$(cat "$W/sd-user-pr.err")"; fi
run sd-user-prw as_group "$DISCREC" send --allow-write "$sr" 5e 00 00 00 00 00 00 00 08 00 --in 8
check_rc "send --allow-write PERSISTENT RESERVE IN $sr without CAP_SYS_RAWIO: exit 4" 4
sd_restore() { chmod "$1" "/dev/$sr" && chgrp "$2" "/dev/$sr" && chmod "$3" "/dev/$sg" && chgrp "$4" "/dev/$sg"; }
# shellcheck disable=SC2086  # four words: mode and group of each node
sd_restore $sd_modes
