#!/usr/bin/env bash
# The bad-input matrix of the discrec binary on the host (no drive needed): broken --inhex
# files, unknown feature and page codes, invalid option combinations, output nobody reads.
# Each case expects one exit code and one message class (a fixed part of the message); its
# stderr must be that one "discrec: ..." line and nothing from a crash (an uncaught
# exception, an abort, a sanitizer report), so the ASan+UBSan build runs it too. Prints the
# matrix (case, exit, message) at the end.
# Usage: badinput_test.sh DISCREC SOURCE_DIR
set -u
bin=$1
src=$2
ffx=$src/tests/fixtures/features
mfx=$src/tests/fixtures/modes
none=$src/tests/fixtures/sysfs/none
mixed=$src/tests/fixtures/sysfs/mixed
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

matrix=()
crash_marks='terminate called|what\(\):|Sanitizer|runtime error|Aborted|Segmentation fault|core dumped'

# no_crash NAME: nothing on stderr from a crash or a sanitizer
no_crash() {
    if grep -Eq "$crash_marks" "$tmp/err"; then not_ok "$1: crash on stderr: $(head -c 400 "$tmp/err")"; fi
}
# message_class NAME CLASS: stderr is one "discrec: " line holding CLASS ("" = stderr empty)
message_class() {
    if [ -z "$2" ]; then
        if [ -s "$tmp/err" ]; then not_ok "$1: stderr not empty: $(head -c 300 "$tmp/err")"; else ok "$1: quiet"; fi
        return
    fi
    one_line_stderr "$1"
    if grep -qF -- "$2" "$tmp/err"; then ok "$1: message has '$2'"; else not_ok "$1: no '$2' in: $(head -c 300 "$tmp/err")"; fi
}
record() { matrix+=("$1|$rc|$(head -n 1 "$tmp/err")"); }

# bad NAME RC CLASS CMD...: text output; stdout stays empty
bad() {
    local name=$1 want=$2 class=$3; shift 3
    run "$name" "$want" "$@"
    no_crash "$name"
    message_class "$name" "$class"
    if [ -s "$tmp/out" ]; then not_ok "$name: stdout not empty: $(head -c 200 "$tmp/out")"; fi
    record "$name"
}
# bad_json NAME RC KIND CLASS CMD...: stdout is exactly one JSON document, the error envelope
bad_json() {
    local name=$1 want=$2 kind=$3 class=$4; shift 4
    run "$name" "$want" "$@"
    no_crash "$name"
    message_class "$name" "$class"
    BADINPUT_CLASS=$class json_check "$name: one document, error.kind $kind, exit_status $want" \
        "d['exit_status'] == $want and d['error']['kind'] == '$kind' and __import__('os').environ['BADINPUT_CLASS'] in d['error']['message']"
    record "$name"
}
# closed_pipe CMD...: CMD with standard output a pipe whose reader is already gone (a
# deterministic `| head -c1`); exits as a shell reports it, 128+N for death by signal N.
closed_pipe() {
    python3 -c '
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
rc = subprocess.call(sys.argv[1:], stdout=w)
sys.exit(128 - rc if rc < 0 else rc)' "$@"
}

# --inhex files that are not a response
printf 'zz 00 11\n' >"$tmp/garbage.hex"
printf '00 00 00 1\n' >"$tmp/odd.hex"
printf '\x00\x01\xff binary\n' >"$tmp/binary.hex"
: >"$tmp/empty.hex"
printf '# a comment only\n\n' >"$tmp/comment.hex"
bad "features --inhex: garbage" 2 "'hello' is not a hex byte" "$bin" features --inhex "$ffx/bad-garbage-hex.txt"
bad "features --inhex: odd number of digits" 2 "line 2: '0' is not a hex byte" "$bin" features --inhex "$ffx/bad-odd-hex.txt"
bad "profiles --inhex: odd number of digits" 2 "line 1: '1' is not a hex byte" "$bin" profiles --inhex "$tmp/odd.hex"
bad "features --inhex: binary bytes as text" 2 "line 1: '\\x00\\x01\\xff' is not a hex byte" "$bin" features --inhex "$tmp/binary.hex"
bad "features --inhex: empty file" 2 "no hex bytes" "$bin" features --inhex "$tmp/empty.hex"
bad "profiles --inhex: comments only" 2 "no hex bytes" "$bin" profiles --inhex "$tmp/comment.hex"
bad "features --inhex: 5 bytes, no header" 2 "no feature header" "$bin" features --inhex "$ffx/bad-short-hex.txt"
bad "features --inhex: missing file" 2 "cannot read $tmp/nonexistent: No such file or directory" "$bin" features --inhex "$tmp/nonexistent"
bad "features --inhex: a directory" 2 "cannot read $tmp: it is a directory" "$bin" features --inhex "$tmp"
# A file the user may not read: permission denied (4), as for a device node. As nobody, who
# cannot enter $tmp (mode 700), when the binary is reachable for nobody at all.
printf '00 00 00 08 00 00 00 08\n' >"$tmp/header.hex"
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
if [ "$(id -u)" = 0 ] && nobody "$bin" --version >/dev/null 2>&1; then
    bad "features --inhex: a file nobody may read" 4 "cannot read $tmp/header.hex: Permission denied" \
        nobody "$bin" features --inhex "$tmp/header.hex"
else
    echo "# skipped: an unreadable --inhex file (needs root, and $bin reachable for nobody)"
fi
bad "features --raw-in --inhex: a directory" 2 "it is a directory" "$bin" features --raw-in --inhex "$tmp"
bad "mode-pages --inhex: a directory" 2 "it is a directory" "$bin" mode-pages --inhex "$tmp"
bad "features --raw-in --inhex: endless input" 2 "more than 16 MiB" "$bin" features --raw-in --inhex /dev/zero
# MODE SENSE(10) whose mode data length says 28 bytes follow, cut after 14
bad "mode-pages --inhex: garbage" 2 "'zz' is not a hex byte" "$bin" mode-pages --inhex "$tmp/garbage.hex"
bad "mode-pages --inhex: empty file" 2 "empty" "$bin" mode-pages --inhex "$tmp/empty.hex"
bad "mode-pages --inhex: missing file" 2 "No such file or directory" "$bin" mode-pages --inhex "$tmp/nonexistent"
bad "mode-pages --inhex-header: unknown form" 2 "--inhex-header" "$bin" mode-pages --inhex "$mfx/qemu-atapi-2a-page.hex" --inhex-header 12

# Unknown feature and page codes
bad "--feature 0xABCD (not in MMC)" 2 "'0xABCD' is no feature code MMC defines" "$bin" features --inhex "$ffx/spec-dvd-writer-hex.txt" --feature 0xABCD
bad "--feature ZZZ" 2 "'ZZZ' is no feature code MMC defines" "$bin" features --inhex "$ffx/spec-dvd-writer-hex.txt" --feature ZZZ
bad "--page bogus" 2 "--page: 'bogus' is not a page number" "$bin" mode-pages --inhex "$mfx/qemu-atapi-2a-page.hex" --page bogus
bad "--page 0x40 (past 3Fh)" 2 "--page: '0x40' is not a page number" "$bin" mode-pages --inhex "$mfx/qemu-atapi-2a-page.hex" --page 0x40

# Invalid option combinations, missing and unknown words
bad "features DRIVE --inhex FILE" 2 "name one DRIVE, or give --inhex FILE (not both)" "$bin" features sr0 --inhex "$ffx/spec-dvd-writer-hex.txt"
bad "features: neither DRIVE nor --inhex" 2 "name one DRIVE, or give --inhex FILE" "$bin" features
bad "features --raw-in without --inhex" 2 "--raw-in goes with --inhex FILE" "$bin" features --raw-in "$ffx/spec-dvd-writer.bin"
bad "lock --off --exclusive" 2 "--off, --status and --exclusive exclude each other" "$bin" lock --off --exclusive sr0
bad "mcn --on --off" 2 "--on" "$bin" mcn --on --off sr0
bad "close-tray --wait 601" 2 "--wait" "$bin" close-tray --wait 601 sr0
bad "eject without DRIVE" 2 "DRIVE is required" "$bin" eject
bad "unknown subcommand" 2 "see 'discrec --help'" "$bin" frobnicate
bad "unknown option" 2 "--bogus" "$bin" list --bogus
bad "info on an unknown drive" 3 "sr9" "$bin" --sysroot "$none" info sr9

# The same errors with --json: one document on stdout, the message on stderr
bad_json "--json features --inhex: garbage" 2 usage "is not a hex byte" "$bin" --json features --inhex "$ffx/bad-garbage-hex.txt"
bad_json "--json features --inhex: a directory" 2 usage "it is a directory" "$bin" --json features --inhex "$tmp"
bad_json "--json --feature ZZZ" 2 usage "is no feature code" "$bin" --json features --inhex "$ffx/spec-dvd-writer-hex.txt" --feature ZZZ
bad_json "--json lock --off --exclusive" 2 usage "exclude each other" "$bin" --json lock --off --exclusive sr0
bad_json "--json unknown subcommand" 2 usage "see 'discrec --help'" "$bin" --json frobnicate
bad_json "--json info on an unknown drive" 3 no_such_drive "sr9" "$bin" --sysroot "$none" --json info sr9

# Output nobody reads. A closed pipe ends discrec quietly by SIGPIPE once the command is done
# (141 in a shell, as cat and ls); a full disk is an error.
run "list --json into a closed pipe" 141 closed_pipe "$bin" --sysroot "$mixed" list --json
no_crash "list --json into a closed pipe"; message_class "list --json into a closed pipe" ""; record "list --json into a closed pipe"
run "features text into a closed pipe" 141 closed_pipe "$bin" features --raw --inhex "$ffx/spec-dvd-writer-hex.txt"
no_crash "features text into a closed pipe"; message_class "features text into a closed pipe" ""; record "features text into a closed pipe"
run "--help into a closed pipe" 141 closed_pipe "$bin" --help
no_crash "--help into a closed pipe"; message_class "--help into a closed pipe" ""; record "--help into a closed pipe"
# The shell pipeline itself: discrec may finish writing before head exits (0) or not (141).
"$bin" --sysroot "$mixed" list --json 2>"$tmp/err" | head -c1 >/dev/null
rc=${PIPESTATUS[0]}
if [ "$rc" -eq 0 ] || [ "$rc" -eq 141 ]; then ok "list --json piped to head -c1 (exit $rc)"; else not_ok "list --json piped to head -c1: exit $rc, want 0 or 141"; fi
no_crash "list --json piped to head -c1"; message_class "list --json piped to head -c1" ""; record "list --json piped to head -c1"
if [ -w /dev/full ]; then
    bad "list > /dev/full" 1 "cannot write standard output: No space left on device" bash -c "exec \"\$0\" --sysroot \"\$1\" list >/dev/full" "$bin" "$mixed"
    bad "--json list > /dev/full" 1 "cannot write standard output" bash -c "exec \"\$0\" --sysroot \"\$1\" --json list >/dev/full" "$bin" "$mixed"
fi

echo
printf '%-52s %4s  %s\n' case exit message
for row in "${matrix[@]}"; do
    IFS='|' read -r name code message <<<"$row"
    printf '%-52s %4s  %s\n' "$name" "$code" "${message:-(none)}"
done
echo "${#matrix[@]} cases"
finish
