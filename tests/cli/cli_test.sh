#!/usr/bin/env bash
# End-to-end checks of the discrec binary on the host, which has no optical drive: exit
# codes, one-line errors, the JSON envelope, and `list` replaying captured sysfs trees.
# Usage: cli_test.sh DISCREC SOURCE_DIR
set -u
bin=$1
src=$2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run "--version" 0 "$bin" --version
grep -q '^discrec [0-9]' "$tmp/out" && ok "--version prints the version" || not_ok "--version output: $(cat "$tmp/out")"
run "--help" 0 "$bin" --help
grep -q 'Exit status' "$tmp/out" && ok "--help lists exit codes" || not_ok "--help has no exit codes"
for cmd in list info; do
    run "$cmd --help" 0 "$bin" "$cmd" --help
    grep -q 'Example' "$tmp/out" && ok "$cmd --help has an example" || not_ok "$cmd --help has no example"
done
run "no subcommand" 2 "$bin"
run "unknown subcommand" 2 "$bin" frobnicate
one_line_stderr "unknown subcommand"
run "unknown option --json" 2 "$bin" --json list --bogus
json_check "usage error JSON" "d['exit_status'] == 2 and d['error']['kind'] == 'usage'"

# This host has no optical drive (or the test uses an empty captured tree).
empty=$src/tests/fixtures/sysfs/none
if [ -d "$empty" ]; then
    run "list, no drives" 0 "$bin" --sysroot "$empty" list
    grep -q "no optical drives found" "$tmp/err" && ok "no-drive note on stderr" || not_ok "no-drive note missing"
    run "list --json, no drives" 0 "$bin" --sysroot "$empty" list --json
    json_check "empty drives array" "d['drives'] == [] and d['exit_status'] == 0 and d['json_format_version'] == [1, 2]"
    run "info sr9, no drives" 3 "$bin" --sysroot "$empty" info sr9
    one_line_stderr "info sr9"
fi
mixed=$src/tests/fixtures/sysfs/mixed
if [ -d "$mixed" ]; then
    run "list from the captured mixed tree" 0 "$bin" --sysroot "$mixed" list --json
    json_check "5 drives listed" "len(d['drives']) == 5"
    json_check "buses" "sorted(x['bus'] for x in d['drives']) == ['ata', 'ata', 'scsi', 'usb', 'virtio']"
    json_check "indexes in order" "[x['index'] for x in d['drives']] == list(range(5))"
    run "text list" 0 "$bin" --sysroot "$mixed" list
    [ "$(wc -l <"$tmp/out")" -eq 6 ] && ok "text table: header + 5 rows" || not_ok "text table: $(cat "$tmp/out")"
    run "info on an unknown drive lists the drives" 3 "$bin" --sysroot "$mixed" info sr9
    grep -q "sr0" "$tmp/err" && ok "message lists the drives" || not_ok "message: $(cat "$tmp/err")"
    run "info --json on an unknown drive" 3 "$bin" --sysroot "$mixed" --json info sr9
    json_check "error document" "d['exit_status'] == 3 and d['error']['kind'] == 'no_such_drive'"
    # main.cpp registers only the subcommand the command line names, skipping the values of
    # --sysroot and --color: a sysroot called "info" still lists, options go on either side.
    ln -sfn "$mixed" "$tmp/info"
    run "--sysroot info list (a sysroot named like a subcommand)" 0 \
        env -C "$tmp" "$bin" --sysroot info list --json
    json_check "--sysroot info list: the 5 drives" "len(d['drives']) == 5"
    run "--color never --sysroot DIR list --json" 0 "$bin" --color never --sysroot "$mixed" list --json
    json_check "global options before the subcommand" "len(d['drives']) == 5"
    run "list --sysroot DIR --json --color=never" 0 "$bin" list --sysroot "$mixed" --json --color=never
    json_check "global options after the subcommand" "len(d['drives']) == 5"
fi
run "info /dev/null" 3 "$bin" info /dev/null
one_line_stderr "info /dev/null"
run "info on a regular file" 3 "$bin" info "$src/README.md"
# Output into a closed pipe: badinput_test.sh.

finish
