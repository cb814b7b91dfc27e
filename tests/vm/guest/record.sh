# --record and --replay on real (emulated) drives: `info` of each drive recorded, then
# replayed in the guest: the same JSON document (argv aside) with nothing asked of the
# drive; replayed for `features` instead, the run ends with exit 1 and a message naming the
# command it sent and the one recorded. The recordings are left in the shared output
# directory (RUNVM_JSON_OUT/../recordings).
# With RUNVM_RECORD_ALL=1 (tests/fixtures/recordings/regen.sh; not in the suite's runs, to
# keep the guest short) it then records every subcommand that talks to a drive, on every
# drive, with a medium, and again with the tray open: each run twice, with --json and as
# text, into RUNVM_JSON_OUT/../recordings/all/ with what the live run printed beside each
# recording. tests/fixtures/recordings/ holds them; the host's replay test replays them.
# Sourced by all.sh (group record).

rc_dir=${RUNVM_JSON_OUT:+$RUNVM_JSON_OUT/../recordings}
rc_dir=${rc_dir:-$W/recordings}
mkdir -p "$rc_dir"
rc_loads=
for sr in $DRIVES; do
    rc_name="info-$(dv "$sr" bus)-$(dv "$sr" media)"
    rc_file=$rc_dir/$rc_name.jsonl
    run rc-live-$sr "$DISCREC" --record "$rc_file" --json info "$sr"
    cp "$W/rc-live-$sr.out" "$rc_dir/$rc_name.json"
    check_rc "--record info $sr exits 0" 0
    check "--record info $sr: the recording is written" -s "$rc_file"
    # The replay, with the drive's nodes out of reach: a replay must not need them.
    run rc-replay-$sr as_nobody "$DISCREC" --replay "$rc_file" --json info "$sr"
    check_rc "--replay info $sr (as nobody) exits 0" 0
    rc_loads="$rc_loads RL_$sr $W/rc-live-$sr.out RR_$sr $W/rc-replay-$sr.out"
    run rc-other-$sr "$DISCREC" --replay "$rc_file" features "$sr"
    check_rc "--replay of info for features $sr: exit 1" 1
    if grep -q "^discrec: replay: .*: command 1 differs: the run sent GET CONFIGURATION \[46 .*\] (in 32760 bytes), the recording has INQUIRY \[12 00 00 00 60 00\] " "$W/rc-other-$sr.err"; then
        ok "--replay of info for features $sr: the message names both commands"
    else not_ok "--replay of info for features $sr: the message names both commands" "$(cat "$W/rc-other-$sr.err")"; fi
done
# shellcheck disable=SC2086  # prefix/file pairs
json_load $rc_loads
for sr in $DRIVES; do
    # Every leaf of the live document but argv has the same value in the replayed one.
    rc_diff=$(set | grep "^RL_${sr}_" | grep -v "^RL_${sr}_discrec_argv" | while IFS= read -r line; do
        var=${line%%=*}
        other="RR_${var#RL_}"
        [ "$(jv "$var")" = "$(jv "$other")" ] || echo "$var"
    done | head -n 3)
    check_eq "--replay info $sr: the live run's document, argv aside" "$rc_diff" ""
done

# ---- RUNVM_RECORD_ALL=1: the fixtures of tests/fixtures/recordings/ (regen.sh).
# ra_case NAME SR ARGS...: `discrec ARGS` recorded twice: with --json (NAME.jsonl, its
# stdout NAME.json) and as text (NAME.text.jsonl, stdout NAME.text, stderr NAME.text.err
# when there is any); NAME gets the drive's bus and medium and $ra_state; the exit
# statuses go to cases.tsv. Whatever a drive answers is the fixture: no check on it here.
ra_case() {
    ra_name=$1-$(dv "$2" bus)-$(dv "$2" media)$ra_state
    shift 2
    "$DISCREC" --record "$ra_dir/$ra_name.jsonl" --json "$@" >"$ra_dir/$ra_name.json" 2>"$W/ra.err"
    ra_rc_json=$?
    "$DISCREC" --record "$ra_dir/$ra_name.text.jsonl" "$@" >"$ra_dir/$ra_name.text" 2>"$ra_dir/$ra_name.text.err"
    ra_rc_text=$?
    [ -s "$ra_dir/$ra_name.text.err" ] || rm -f "$ra_dir/$ra_name.text.err"
    printf '%s\t%s\t%s\n' "$ra_name" "$ra_rc_json" "$ra_rc_text" >>"$ra_dir/cases.tsv"
    if [ -s "$ra_dir/$ra_name.jsonl" ] && [ -s "$ra_dir/$ra_name.text.jsonl" ]; then
        ok "recorded $ra_name (exit $ra_rc_json with --json, $ra_rc_text as text)"
    else not_ok "recorded $ra_name" "no recording written; stderr: $(head -c 200 "$W/ra.err")"; fi
}
if [ "${RUNVM_RECORD_ALL:-0}" = 1 ]; then
    ra_dir=$rc_dir/all
    rm -rf "$ra_dir"
    mkdir -p "$ra_dir"
    : >"$ra_dir/cases.tsv"
    head -c 2048 /dev/zero >"$W/block.bin"
    for sr in $DRIVES; do
        ra_state=
        for sub in info features profiles mode-pages mcn; do ra_case "$sub" "$sr" "$sub" "$sr"; done
        ra_case lock-status "$sr" lock --status "$sr"
        ra_case lock "$sr" lock "$sr"
        ra_case lock-status-locked "$sr" lock --status "$sr"
        ra_case unlock "$sr" lock --off "$sr"
        ra_case send-inquiry "$sr" send "$sr" 12 00 00 00 60 00 --in 96
        # MODE SENSE(10) page 01h: its length byte 0Ah makes a byte for --binary checks.
        ra_case send-mode-sense "$sr" send "$sr" 5a 00 01 00 00 00 00 00 40 00 --in 64
        # QEMU refuses the write on its read-only medium (or has none): a sense error.
        ra_case send-write "$sr" send --allow-write "$sr" 2a 00 00 00 00 00 00 00 01 00 --out "$W/block.bin"
        ra_case eject "$sr" eject "$sr"
        ra_state=-open
        ra_case info "$sr" info "$sr"
        ra_case send-tur "$sr" send "$sr" 00 00 00 00 00 00
        ra_case close-tray "$sr" close-tray "$sr"
    done
fi
