#!/usr/bin/env bash
# `discrec mode-pages --inhex` end to end on the host: saved answers with and without the mode
# parameter header (hex text and binary), page selection, changeable values, bad input.
# Usage: modes_test.sh DISCREC SOURCE_DIR
set -u
bin=$1
src=$2
fx=$src/tests/fixtures/modes
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# hex text -> binary file (what sg_modes -r writes)
to_bin() { python3 -c "
import sys, re
text = re.sub(r'#.*', '', open(sys.argv[1]).read())
out = bytearray()
for line in text.splitlines():
    words = line.split()
    if len(words) > 1 and re.fullmatch(r'[0-9a-f]+', words[0]) and line.startswith(' '):
        words = words[1:]   # offset column of a dump
    out += bytes(int(w, 16) for w in words)
open(sys.argv[2], 'wb').write(out)" "$1" "$2"; }

run "mode-pages --help" 0 "$bin" mode-pages --help
grep -q 'Example' "$tmp/out" && ok "mode-pages --help has an example" || not_ok "mode-pages --help has no example"

# Header(10), ATAPI page 2Ah
run "--inhex header(10)" 0 "$bin" mode-pages --json --inhex "$fx/qemu-atapi-2a-sense10.hex"
json_check "one page 2Ah" "len(d['pages']) == 1 and d['pages'][0]['page']['value'] == 42 and d['pages'][0]['short_name'] == 'caps'"
json_check "2Ah fields" "d['pages'][0]['fields']['lock'] is True and d['pages'][0]['fields']['lock_state'] is False and d['pages'][0]['fields']['eject'] is True and d['pages'][0]['fields']['loading_mechanism']['value'] == 1 and d['pages'][0]['fields']['max_read_speed_kbps'] == 704 and d['pages'][0]['fields']['cd_r_write'] is False"
json_check "no raw without --raw for a decoded page" "'raw' not in d['pages'][0] and d['drive'] is None and d['exit_status'] == 0"

# The same page without the header: same fields
run "--inhex without header" 0 "$bin" mode-pages --json --inhex "$fx/qemu-atapi-2a-page.hex"
cp "$tmp/out" "$tmp/bare.json"
run "--inhex header(10) again" 0 "$bin" mode-pages --json --inhex "$fx/qemu-atapi-2a-sense10.hex"
if python3 -c "import json,sys; a=json.load(open('$tmp/out')); b=json.load(open('$tmp/bare.json')); sys.exit(0 if a['pages'][0]['fields'] == b['pages'][0]['fields'] else 1)"; then
    ok "with and without the header: the same fields"
else not_ok "with and without the header differ"; fi

# --raw: the whole answer, as sg_modes -r prints it
run "--inhex --raw" 0 "$bin" mode-pages --json --raw --inhex "$fx/qemu-atapi-2a-sense10.hex"
json_check "--raw response == the file's bytes" "d['pages'][0]['response'] == '00 1c 70 00 00 00 00 00 2a 14 3b 00 71 60 29 00 02 c0 00 02 02 00 02 c0 00 00 00 00 00 00' and d['pages'][0]['header_form'] == 'mode_sense10' and d['pages'][0]['raw'].startswith('2a 14 3b')"

# Binary input (sg_modes -r), MODE SENSE(6) with all pages
to_bin "$fx/qemu-scsi-all-sense6.hex" "$tmp/all6.bin"
run "--inhex binary, header(6)" 0 "$bin" mode-pages --json --raw --raw-in --inhex "$tmp/all6.bin"
json_check "four pages 01 08 0e 2a" "[p['page']['value'] for p in d['pages']] == [1, 8, 14, 42] and d['pages'][0]['header_form'] == 'mode_sense6'"
json_check "page 01h and 08h fields" "d['pages'][0]['fields']['awre'] is True and d['pages'][0]['fields']['read_retry_count'] == 32 and d['pages'][1]['fields']['wce'] is True"
# --raw-in means one thing in every command: binary with it, hex text without it
run "--inhex binary without --raw-in" 2 "$bin" mode-pages --inhex "$tmp/all6.bin"
run "--raw-in without --inhex" 2 "$bin" mode-pages sr0 --raw-in
run "--inhex from stdin" 0 bash -c "'$bin' mode-pages --json --inhex - < '$fx/qemu-scsi-all-sense10.hex'"
json_check "stdin: four pages" "len(d['pages']) == 4"

# Page selection by name and number
run "--page caps,1" 0 "$bin" mode-pages --json --inhex "$fx/qemu-scsi-all-sense10.hex" --page caps,1
json_check "--page caps,1 keeps two pages" "[p['page']['value'] for p in d['pages']] == [1, 42]"
run "--page 0x08" 0 "$bin" mode-pages --json --inhex "$fx/qemu-scsi-all-sense10.hex" --page 0x08
json_check "--page 0x08" "[p['page']['value'] for p in d['pages']] == [8]"
run "--page 2ah (text)" 0 "$bin" mode-pages --inhex "$fx/qemu-scsi-all-sense10.hex" --page 2ah
grep -q "Lock State" "$tmp/out" && grep -q "Page 2Ah" "$tmp/out" && ok "text names page and fields" || not_ok "text: $(head -c 300 "$tmp/out")"
run "--page missing from the file" 8 "$bin" mode-pages --json --inhex "$fx/qemu-atapi-2a-page.hex" --page 5
json_check "missing page: per-page error" "d['pages'][0]['error']['kind'] == 'not_supported' and d['exit_status'] == 8"

# Write speed descriptors, changeable masks
run "MMC-3 page 2Ah" 0 "$bin" mode-pages --json --inhex "$fx/mmc3-2a-write-speeds.hex"
json_check "write speed descriptors" "[x['write_speed_kbps'] for x in d['pages'][0]['write_speed_descriptors']] == [7056, 5645, 1764] and d['pages'][0]['write_speed_descriptors'][1]['rotation_control']['value'] == 1"
run "--control changeable" 0 "$bin" mode-pages --json --control changeable --inhex "$fx/qemu-scsi-2a-changeable.hex"
json_check "changeable: every field fixed" "d['page_control'] == 'changeable' and not any(d['pages'][0]['fields'].values())"
run "block descriptor" 0 "$bin" mode-pages --json --raw --inhex "$fx/spc4-sense6-block-descriptor.hex"
json_check "block descriptor in the header" "d['pages'][0]['mode_parameter_header']['block_descriptor_length'] == 8 and d['pages'][0]['page']['value'] == 1"
printf '05 32 40 01\n' >"$tmp/short.hex"
run "a page cut short" 0 "$bin" mode-pages --json --inhex "$tmp/short.hex" --inhex-header none
json_check "cut short: truncated, first fields" "d['pages'][0]['truncated'] is True and d['pages'][0]['fields']['write_type']['value'] == 0"
# A MODE SENSE(10) answer whose header announces 30 bytes, 14 arrived (allocation length too
# small): detected and decoded as far as it goes, with the note, as --inhex-header 10 does.
printf '00 1c 70 00 00 00 00 00 2a 14 3b 00 71 60\n' >"$tmp/cut10.hex"
for header in auto 10; do
    run "an answer cut short, --inhex-header $header" 0 "$bin" mode-pages --json --raw --inhex "$tmp/cut10.hex" --inhex-header $header
    json_check "cut answer ($header): page 2Ah truncated, decoded, noted" "d['pages'][0]['page']['value'] == 0x2a and d['pages'][0]['truncated'] is True and d['pages'][0]['fields']['cd_r_read'] is True and d['pages'][0]['mode_parameter_header']['medium_type'] == 0x70 and any('truncated: the mode data length announces 30 bytes, 14 arrived' in w for w in d['pages'][0]['warnings'])"
done
run "an answer cut short (text)" 0 "$bin" mode-pages --inhex "$tmp/cut10.hex"
grep -q 'Warning: truncated: the mode data length announces 30 bytes, 14 arrived' "$tmp/out" && ok "cut answer: the text says truncated" || not_ok "cut answer: no truncated note in: $(cat "$tmp/out")"
grep -q 'Medium type (mode parameter header): 0x70' "$tmp/out" && ok "the header's medium type shown" || not_ok "no medium type line"

# Bad input: exit 2
printf 'zz 00 11\n' >"$tmp/bad.hex"
run "not hex" 2 "$bin" mode-pages --inhex "$tmp/bad.hex"
printf '12 34 56\n' >"$tmp/garbage.hex"
run "not mode data" 2 "$bin" --json mode-pages --inhex "$tmp/garbage.hex"
json_check "usage error document" "d['exit_status'] == 2 and d['error']['kind'] == 'usage'"
: >"$tmp/empty.hex"
run "empty file" 2 "$bin" mode-pages --inhex "$tmp/empty.hex"
run "missing file" 2 "$bin" mode-pages --inhex "$tmp/nonexistent"
run "unknown page name" 2 "$bin" mode-pages --inhex "$fx/qemu-atapi-2a-page.hex" --page bogus
run "page number out of range" 2 "$bin" mode-pages --inhex "$fx/qemu-atapi-2a-page.hex" --page 0x40
run "unknown --control" 2 "$bin" mode-pages --inhex "$fx/qemu-atapi-2a-page.hex" --control sometimes
run "DRIVE and --inhex" 2 "$bin" mode-pages sr0 --inhex "$fx/qemu-atapi-2a-page.hex"
run "neither DRIVE nor --inhex" 2 "$bin" mode-pages
if [ -d "$src/tests/fixtures/sysfs/none" ]; then
    run "unknown drive" 3 "$bin" --sysroot "$src/tests/fixtures/sysfs/none" mode-pages sr9
fi

finish
