#!/usr/bin/env bash
# `discrec features` / `discrec profiles` on the host, from saved GET CONFIGURATION responses
# (--inhex, tests/fixtures/features): decoding, JSON, and the usage errors of bad input.
# Usage: features_test.sh DISCREC SOURCE_DIR
set -u
bin=$1
fx=$2/tests/fixtures/features
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

run() {   # run NAME EXPECTED_RC CMD...
    local name=$1 want=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -eq "$want" ]; then ok "$name (exit $rc)"; else not_ok "$name: exit $rc, want $want; stderr: $(head -c 300 "$tmp/err")"; fi
}
json_check() {   # json_check NAME PYTHON_EXPR (d = the JSON document on stdout)
    if python3 -c "import json,sys; d=json.load(open('$tmp/out')); sys.exit(0 if ($2) else 1)" 2>"$tmp/pyerr"; then
        ok "$1"
    else
        not_ok "$1: $(head -c 400 "$tmp/out") $(cat "$tmp/pyerr")"
    fi
}
grep_out() {   # grep_out NAME REGEX: stdout has a line matching REGEX
    if grep -Eq -- "$2" "$tmp/out"; then ok "$1"; else not_ok "$1: no /$2/ in: $(head -c 400 "$tmp/out")"; fi
}
one_line_stderr() {
    local n; n=$(wc -l <"$tmp/err")
    if [ "$n" -eq 1 ] && grep -q "^discrec: " "$tmp/err"; then ok "$1: one-line message"; else not_ok "$1: stderr has $n lines: $(cat "$tmp/err")"; fi
}

for cmd in features profiles; do
    run "$cmd --help" 0 "$bin" "$cmd" --help
    grep_out "$cmd --help has an example" 'Example'
done

# Real QEMU responses.
run "features --inhex virtio-scsi" 0 "$bin" features --inhex "$fx/qemu-virtio-scsi-get-config-hex.txt"
grep_out "text: Core decoded" 'Physical Interface Standard: 1 \(SCSI Family\)'
grep_out "text: Removable Medium decoded" 'Loading Mechanism Type: 1 \(Tray type\)'
grep_out "text: current profile" '^Current profile: 0x0008 CD-ROM'
run "features --json --inhex virtio-scsi" 0 "$bin" features --json --inhex "$fx/qemu-virtio-scsi-get-config-hex.txt"
json_check "three features 0000h 0001h 0003h" "[f['value'] for f in d['features']] == [0, 1, 3]"
json_check "profile list with current flag" "d['features'][0]['fields']['profiles'] == [{'value': 16, 'hex': '0x0010', 'string': 'DVD-ROM', 'current': False}, {'value': 8, 'hex': '0x0008', 'string': 'CD-ROM', 'current': True}]"
json_check "core fields" "d['features'][1]['fields'] == {'physical_interface_standard': {'value': 1, 'string': 'SCSI Family'}, 'inq2': False, 'dbe': True}"
json_check "removable medium fields" "d['features'][2]['fields']['lock'] is True and d['features'][2]['fields']['loading_mechanism_type']['string'] == 'Tray type'"
json_check "envelope" "d['exit_status'] == 0 and d['json_format_version'] == [1, 2] and d['source'] == {'inhex': '$fx/qemu-virtio-scsi-get-config-hex.txt'}"
run "features --feature core" 0 "$bin" features --json --feature core --inhex "$fx/qemu-virtio-scsi-get-config-hex.txt"
json_check "--feature core keeps 0001h only" "[f['value'] for f in d['features']] == [1]"
run "features --feature 0x0003,0" 0 "$bin" features --json --feature 0x0003,0 --inhex "$fx/qemu-virtio-scsi-get-config-hex.txt"
json_check "--feature 0x0003,0 keeps both, drive order" "[f['value'] for f in d['features']] == [0, 3]"
run "features --feature cd-read (absent)" 0 "$bin" features --json --feature cd-read --inhex "$fx/qemu-piix-get-config-hex.txt"
json_check "absent feature: empty list and a warning" "d['features'] == [] and any('001Eh' in w for w in d['warnings'])"
run "profiles --inhex piix" 0 "$bin" profiles --inhex "$fx/qemu-piix-get-config-hex.txt"
grep_out "profiles text: CD-ROM current" '^0x0008 +CD-ROM +read +current$'
grep_out "profiles text: DVD-ROM" '^0x0010 +DVD-ROM +read *$'
run "profiles --json --inhex ahci-dvd" 0 "$bin" profiles --json --inhex "$fx/qemu-ahci-dvd-get-config-hex.txt"
json_check "profiles JSON" "[(p['value'], p['current'], p['reads'], p['writes']) for p in d['profiles']] == [(16, True, True, False), (8, False, True, False)] and d['current_profile']['value'] == 16"
run "profiles --inhex lsi-empty" 0 "$bin" profiles --json --inhex "$fx/qemu-lsi-empty-get-config-hex.txt"
json_check "no medium: no current profile" "d['current_profile']['value'] == 0 and not any(p['current'] for p in d['profiles'])"

# The hand-written DVD writer (MMC-6 layouts), hex and raw binary.
run "features --inhex spec-dvd-writer" 0 "$bin" features --inhex "$fx/spec-dvd-writer-hex.txt"
grep_out "serial number" 'Serial Number: "K1234567"'
grep_out "firmware date" 'Firmware date \(UTC\): 2008-03-14 10:22:33'
grep_out "real time streaming" '^    RBCB: yes'
grep_out "vendor feature shown raw" '^    Data: de ad be ef'
grep_out "link sizes" 'Link Sizes: 1, 16'
run "features --json --raw-in spec-dvd-writer.bin" 0 "$bin" features --json --inhex "$fx/spec-dvd-writer.bin" --raw-in
json_check "14 features from the binary" "len(d['features']) == 14"
json_check "vendor feature has raw" "d['features'][-1]['value'] == 0xff42 and d['features'][-1]['raw'] == 'de ad be ef' and not d['features'][-1]['decoded']"
json_check "known features have no raw without --raw" "all('raw' not in f for f in d['features'][:-1])"
json_check "CD Read fields" "[f for f in d['features'] if f['value'] == 0x1e][0]['fields'] == {'dap': True, 'c2_flags': True, 'cd_text': True}"
run "features --current" 0 "$bin" features --json --current --inhex "$fx/spec-dvd-writer-hex.txt"
json_check "--current keeps the current ones" "[f['value'] for f in d['features']] == [0, 1, 2, 3, 0x10, 0x1f, 0x107, 0x108, 0x10c, 0xff42] and d['current_only']"
run "features --raw" 0 "$bin" features --raw --inhex "$fx/spec-dvd-writer-hex.txt"
grep_out "--raw shows bytes of known features" '^    Raw: 83 00 00 00'
run "profiles --inhex spec-dvd-writer" 0 "$bin" profiles --inhex "$fx/spec-dvd-writer-hex.txt"
grep_out "DVD-R read, write" '^0x0011 +DVD-R Sequential Recording +read, write *$'
[ "$(wc -l <"$tmp/out")" -eq 12 ] && ok "profiles table: header + 11 rows" || not_ok "profiles table: $(cat "$tmp/out")"

# Bad input: usage errors, one line, JSON error document with --json.
for f in garbage odd short truncated; do
    run "features --inhex bad-$f" 2 "$bin" features --inhex "$fx/bad-$f-hex.txt"
    one_line_stderr "bad-$f"
done
run "profiles --inhex bad-truncated" 2 "$bin" profiles --inhex "$fx/bad-truncated-hex.txt"
grep -q "truncated" "$tmp/err" && ok "truncated: says so" || not_ok "truncated: $(cat "$tmp/err")"
run "features --json --inhex bad-odd" 2 "$bin" features --json --inhex "$fx/bad-odd-hex.txt"
json_check "usage error document" "d['exit_status'] == 2 and d['error']['kind'] == 'usage'"
run "features --inhex missing file" 2 "$bin" features --inhex "$tmp/nonexistent"
run "features --feature bogus" 2 "$bin" features --feature bogus --inhex "$fx/qemu-piix-get-config-hex.txt"
one_line_stderr "--feature bogus"
run "features --feature 0x0036 (reserved)" 2 "$bin" features --feature 0x0036 --inhex "$fx/qemu-piix-get-config-hex.txt"
run "features with no DRIVE and no --inhex" 2 "$bin" features
run "features DRIVE and --inhex" 2 "$bin" features sr0 --inhex "$fx/qemu-piix-get-config-hex.txt"
run "features --raw-in without --inhex" 2 "$bin" features --raw-in sr0
run "features on a regular file as DRIVE" 3 "$bin" features "$fx/README.md"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
