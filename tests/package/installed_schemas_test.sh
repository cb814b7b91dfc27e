#!/usr/bin/env bash
# The JSON Schemas as `cmake --install` installs them (share/discrec/schemas) carry absolute
# $ids and resolve their $refs among themselves: the README's validation lines (section JSON,
# extracted from README.md as written) and tests/docs/validate_json.py (which refuses to fetch
# anything) accept discrec's documents and reject a broken one, given only the installed folder.
# Usage: installed_schemas_test.sh BUILD_DIR DISCREC SOURCE_DIR  (exit 77 without jsonschema)
set -u
build=$1 bin=$2 src=$3
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
python3 -c 'import jsonschema' 2>/dev/null || { echo "python3-jsonschema missing: skipped"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); echo "ok - $1"; else fail=$((fail + 1)); echo "not ok - $1"; fi; }

cmake --install "$build" --prefix "$tmp/inst" --component Unspecified >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; echo "not ok - cmake --install"; exit 1; }
schemas=$tmp/inst/share/discrec/schemas
check "schemas installed" '[ -f "$schemas/common.schema.json" ] && [ -f "$schemas/list.schema.json" ]'
# The Python program of the README's lines: what follows `python3 -c '` up to the closing quote.
prog=$(awk '/^discrec info --json \| python3 -c .$/ { on = 1; next } on && /^. \/usr\/local\/share\/discrec\/schemas info$/ { exit } on' "$src/README.md")
check "README.md holds the validation lines" '[ -n "$prog" ] && grep -q Draft202012Validator <<<"$prog"'

sys=$src/tests/fixtures/sysfs feat=$src/tests/fixtures/features modes=$src/tests/fixtures/modes
n=0
# valid NAME ARGS...: discrec --json ARGS is valid against NAME, by both validators.
valid() {
    local name=$1; shift
    n=$((n + 1))
    "$bin" --json "$@" >"$tmp/$n.json" 2>/dev/null
    check "README lines: $name: discrec --json $*" \
        'python3 -c "$prog" "$schemas" "$name" <"$tmp/$n.json" 2>"$tmp/err" || { tail -n 1 "$tmp/err"; false; }'
    check "validate_json.py: $name: discrec --json $*" \
        'python3 "$src/tests/docs/validate_json.py" "$schemas" "$name.schema.json" "$tmp/$n.json" >/dev/null'
}
valid list --sysroot "$sys/mixed" list
valid info --sysroot "$sys/mixed" info
valid info --sysroot "$sys/mixed" info nosuch
valid features features --inhex "$feat/spec-dvd-writer-hex.txt"
valid profiles profiles --inhex "$feat/spec-dvd-writer-hex.txt"
valid mode-pages mode-pages --inhex "$modes/qemu-scsi-all-sense10.hex"
valid action --sysroot "$sys/mixed" eject nosuch
# A document that breaks a rule of common.schema.json (the envelope): both must refuse it.
python3 -c 'import json,sys; d=json.load(sys.stdin); d["json_format_version"]="1.0"; print(json.dumps(d))' \
    <"$tmp/1.json" >"$tmp/bad.json"
check "README lines reject a document with a bad envelope" \
    '! python3 -c "$prog" "$schemas" list <"$tmp/bad.json" 2>/dev/null'
check "validate_json.py rejects it" \
    '! python3 "$src/tests/docs/validate_json.py" "$schemas" list.schema.json "$tmp/bad.json" >/dev/null'
echo "# $pass passed, $fail failed"
[ "$fail" -eq 0 ]
