# --record and --replay on real (emulated) drives: `info` of each drive recorded, then
# replayed in the guest: the same JSON document (argv aside) with nothing asked of the
# drive (and `features`, `profiles`, `mode-pages` recorded alike); replayed for `features` instead, the run ends with exit 1 and a message naming the
# command it sent and the one recorded. The recordings are left in the shared output
# directory (RUNVM_JSON_OUT/../recordings): tests/fixtures/recordings/ holds copies, which
# the host tests replay. Sourced by all.sh (group record).

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
    # features, profiles and mode-pages recorded too, for tests/fixtures/recordings/ (run-vm.sh
    # -e RUNVM_RECORD_ALL=1; not in the suite's runs, to keep the guest short).
    [ "${RUNVM_RECORD_ALL:-0}" = 1 ] && rc_subs="features profiles mode-pages" || rc_subs=
    for sub in $rc_subs; do
        rc_sub=$rc_dir/$sub-$(dv "$sr" bus)-$(dv "$sr" media)
        run rc-$sub-$sr "$DISCREC" --record "$rc_sub.jsonl" --json "$sub" "$sr"
        cp "$W/rc-$sub-$sr.out" "$rc_sub.json"
        check_rc "--record $sub $sr exits 0" 0
    done
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
