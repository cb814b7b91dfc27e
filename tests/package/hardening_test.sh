#!/usr/bin/env bash
# The built Linux executable is hardened (cmake/Hardening.cmake), judged from the file itself
# with readelf and nm, so it holds for a static PIE too (devscripts' hardening-check reads only
# undefined symbols and cannot judge a static or stripped executable):
#   ELF type DYN (a position-independent executable, loaded at a random address),
#   a GNU_RELRO segment and BIND_NOW (full RELRO: relocated at start, then read-only),
#   the stack protector linked in (__stack_chk_fail), and with FORTIFY=1 the checked
#   __*_chk functions that _FORTIFY_SOURCE calls.
# Usage: hardening_test.sh EXECUTABLE FORTIFY(0|1)     (exit 77 without readelf or nm)
set -u
bin=$1
fortify=$2
for t in readelf nm; do command -v "$t" >/dev/null || { echo "$t missing: skipped"; exit 77; }; done
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); echo "ok - $1"; else fail=$((fail + 1)); echo "not ok - $1"; fi; }

type=$(readelf -hW "$bin" | sed -n 's/^ *Type: *//p')
echo "# $(file -b "$bin" 2>/dev/null | cut -d, -f1-5)"
check "ELF type DYN (PIE): $type" '[[ $type == DYN* ]]'
check "a GNU_RELRO segment" 'readelf -lW "$bin" | grep -q GNU_RELRO'
check "BIND_NOW (FLAGS BIND_NOW or FLAGS_1 NOW)" \
    'readelf -dW "$bin" | grep -Eq "\(FLAGS\).*BIND_NOW|\(FLAGS_1\).*NOW"'
check "no text relocations" '! readelf -dW "$bin" | grep -q TEXTREL'
check "a non-executable stack (GNU_STACK RW)" 'readelf -lW "$bin" | grep GNU_STACK | grep -qv RWE'
# Defined (static) or undefined (dynamic) symbols, from the symbol table or the dynamic one.
symbols=$( { nm "$bin" 2>/dev/null; nm -D "$bin" 2>/dev/null; } | awk '{ print $NF }' | sed 's/@.*//' | sort -u)
check "stack protector: __stack_chk_fail linked in" 'grep -qx "__stack_chk_fail" <<<"$symbols"'
chk=$(grep -E '^__[a-z_]+_chk$' <<<"$symbols" | grep -vx '__stack_chk_fail' | tr '\n' ' ')
if [ "$fortify" = 1 ]; then
    check "_FORTIFY_SOURCE: checked functions linked in: $chk" '[ -n "$chk" ]'
else
    echo "# not an optimised build: no _FORTIFY_SOURCE (checked functions: ${chk:-none})"
fi
echo "# x86 features: $(readelf -nW "$bin" | sed -n 's/.*x86 feature: //p' | head -1)"
echo "# $pass passed, $fail failed"
[ "$fail" -eq 0 ]
