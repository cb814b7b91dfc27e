# Global options, help texts and exit codes (cli-contract.md).  Sourced by all.sh.

run version "$DISCREC" --version
check_rc "--version exits 0" 0
check "--version prints something" -s "$W/version.out"
for args in "--help" "info --help" "list --help"; do
    run help "$DISCREC" $args
    check_rc "$args exits 0" 0
    check "$args prints a help text" -s "$W/help.out"
done
run usage "$DISCREC" list --no-such-option
check_rc "an unknown option exits 2 (usage)" 2

# A drive name that does not exist here, and a path that is not a drive.
missing=sr9
[ ! -e /sys/class/block/sr9 ] || missing=sr99
for spelling in "$missing" /dev/null; do
    run unknown "$DISCREC" info "$spelling"
    check_rc "info $spelling exits 3 (no such drive)" 3
    lines=0
    while IFS= read -r line; do lines=$((lines + 1)); done < "$W/unknown.err"
    check_eq "info $spelling: one line on stderr" "$lines" 1
    case $(head -n 1 "$W/unknown.err") in
        "discrec: "*) ok "info $spelling: stderr line starts with 'discrec: '" ;;
        *) not_ok "info $spelling: stderr line starts with 'discrec: '" "$(head -n 1 "$W/unknown.err")" ;;
    esac
    if [ "$spelling" = "$missing" ]; then   # "message lists drives"
        if grep -q "${DRIVES%% *}" "$W/unknown.err"; then ok "info $missing: the message lists the drives"
        else not_ok "info $missing: the message lists the drives" "no '${DRIVES%% *}' in: $(cat "$W/unknown.err")"; fi
    fi
done

run unknownj "$DISCREC" info --json "$missing"
check_rc "info --json $missing exits 3" 3
json_load UJ "$W/unknownj.out"
check_json "info --json $missing prints one JSON document" UJ "$W/unknownj.out"
check_eq "info --json $missing: exit_status" "$(jv UJ_exit_status)" 3
check_eq "info --json $missing: error.kind" "$(jv UJ_error_kind)" no_such_drive
check "info --json $missing: error.message is set" -n "$(jv UJ_error_message)"
