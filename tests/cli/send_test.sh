#!/usr/bin/env bash
# `discrec send` on the host, no drive needed: the gate refuses every class but read-only
# (and data out with a read-only command) before the drive is even looked up, so nothing is
# sent (--trace prints no command) and a drive name that does not exist does not matter; a
# CDB that is no CDB is a usage error. The guest (tests/vm/guest/send.sh) sends real ones.
# Usage: send_test.sh DISCREC SOURCE_DIR
set -u
bin=$1
src=$2
mixed=$src/tests/fixtures/sysfs/mixed
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# refused NAME MESSAGE-PART CDB... [OPTIONS]: exit 2, one line naming opcode, class, option;
# with --trace no command was sent; the same for a drive that does not exist.
refused() {
    local name=$1 part=$2; shift 2
    run "$name" 2 "$bin" --trace --sysroot "$mixed" send sr0 "$@"
    one_line_stderr "$name"
    if grep -qF -- "$part" "$tmp/err"; then ok "$name: message has '$part'"; else not_ok "$name: no '$part' in: $(cat "$tmp/err")"; fi
    if grep -q 'trace:' "$tmp/err"; then not_ok "$name: a command was sent: $(cat "$tmp/err")"; else ok "$name: --trace shows nothing sent"; fi
    [ -s "$tmp/out" ] && not_ok "$name: stdout not empty"
    run "$name, unknown drive" 2 "$bin" --sysroot "$mixed" send nosuch "$@"
}

refused "WRITE(10)" "WRITE(10) (opcode 2Ah) is in class 'writes or erases media'; --allow-write allows it" \
    2a 00 00 00 00 00 00 00 01 00
refused "WRITE(12)" "WRITE(12) (opcode AAh)" aa 00 00 00 00 00 00 00 00 01 00 00
refused "FORMAT UNIT" "FORMAT UNIT (opcode 04h) is in class 'writes or erases media'" 04 11 00 00 00 00
refused "BLANK" "BLANK (opcode A1h) is in class 'writes or erases media'" a1 11 00 00 00 00 00 00 00 00 00 00
refused "CLOSE TRACK/SESSION" "CLOSE TRACK/SESSION (opcode 5Bh)" 5b 00 02 00 00 00 00 00 00 00
refused "SYNCHRONIZE CACHE" "SYNCHRONIZE CACHE(10) (opcode 35h)" 35 00 00 00 00 00 00 00 00 00
refused "WRITE BUFFER" "WRITE BUFFER (opcode 3Bh) is in class 'firmware'; it needs --allow-write and --allow-firmware" \
    3b 05 00 00 00 00 00 10 00 00
refused "WRITE BUFFER --allow-write" "needs --allow-write and --allow-firmware" \
    3b 05 00 00 00 00 00 10 00 00 --allow-write
refused "WRITE BUFFER --allow-firmware" "needs --allow-write and --allow-firmware" \
    3b 05 00 00 00 00 00 10 00 00 --allow-firmware
refused "START STOP UNIT" "START STOP UNIT (opcode 1Bh) is in class 'changes drive state'" 1b 00 00 00 02 00
refused "MODE SELECT(10)" "MODE SELECT(10) (opcode 55h) is in class 'changes drive state'" 55 10 00 00 00 00 00 00 00 00
refused "SEND KEY" "SEND KEY (opcode A3h) is in class 'secrets'" a3 00 00 00 00 00 00 00 00 0c 01 00
refused "REPORT KEY AGID" "REPORT KEY (opcode A4h) is in class 'secrets'" a4 00 00 00 00 00 00 00 00 08 00 00
refused "vendor opcode" "command 0xc5 (opcode C5h) is in class 'unknown or vendor specific'" c5 00 00 00 00 00 00 00
refused "INQUIRY with --out" "--out with it needs --allow-write" 12 00 00 00 60 00 --out /dev/null

# REPORT KEY's RPC state format passes the gate: it goes on to the drive lookup (exit 3).
run "REPORT KEY RPC state passes the gate" 3 "$bin" --sysroot "$mixed" send nosuch a4 00 00 00 00 00 00 00 00 08 08 00 --in 8
run "INQUIRY passes the gate" 3 "$bin" --sysroot "$mixed" send nosuch 12 00 00 00 60 00 --in 96
run "WRITE(10) --allow-write passes the gate" 3 "$bin" --sysroot "$mixed" send nosuch 2a 00 00 00 00 00 00 00 01 00 --allow-write

# The refusal as a JSON error document.
run "refusal --json" 2 "$bin" --json --sysroot "$mixed" send sr0 2a 00 00 00 00 00 00 00 01 00
json_check "refusal --json: error document" "d['error']['kind'] == 'usage' and 'WRITE(10)' in d['error']['message'] and d['exit_status'] == 2"

# CDBs that are no CDB, and options that exclude each other: usage errors.
bad() {
    local name=$1 part=$2; shift 2
    run "$name" 2 "$bin" --sysroot "$mixed" send "$@"
    one_line_stderr "$name"
    if grep -qF -- "$part" "$tmp/err"; then ok "$name: message has '$part'"; else not_ok "$name: no '$part' in: $(cat "$tmp/err")"; fi
}
bad "5-byte CDB" "a CDB has 6 to 16 bytes, not 5" sr0 12 00 00 00 60
bad "17-byte CDB" "a CDB has 6 to 16 bytes, not 17" sr0 a1000000000000000000000000000000 00
bad "not hex" "CDB byte 'xy' is not hex" sr0 12 00 00 00 60 xy
bad "odd digits" "CDB byte '600' is not hex" sr0 12 00 00 00 600
bad "INQUIRY in 7 bytes" "INQUIRY (opcode 12h) takes a 6-byte CDB, not 7 bytes" sr0 12 00 00 00 60 00 00
bad "--in and --out" "excludes" sr0 12 00 00 00 60 00 --in 96 --out /dev/null
bad "--in 0" "--in" sr0 12 00 00 00 60 00 --in 0
bad "--in too large" "--in" sr0 12 00 00 00 60 00 --in 16777217
bad "--timeout 0" "--timeout" sr0 12 00 00 00 60 00 --timeout 0
bad "--binary --json" "--binary and --json exclude each other" --json sr0 12 00 00 00 60 00 --binary
bad "no CDB" "CDB-BYTES" sr0
run "--out missing file" 2 "$bin" --sysroot "$mixed" send sr0 2a 00 00 00 00 00 00 00 01 00 --allow-write --out "$tmp/nosuch"
one_line_stderr "--out missing file"
finish
