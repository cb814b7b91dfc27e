#!/usr/bin/env bash
# The Debian package: cpack builds it from this build tree, its Depends (dpkg-shlibdeps) name
# the C and C++ runtimes when discrec is linked dynamically and nothing when it is static
# (DISCREC_STATIC, the default), it unpacks into a scratch root with `dpkg -x`, holds the man page
# (gzipped, Debian policy §12.1, and readable), completions and schemas, and the binary in it
# runs.
# Usage: package_test.sh BUILD_DIR VERSION SOURCE_DIR
#        (exit 77 without dpkg-deb, dpkg-shlibdeps or cpack)
set -u
build=$1
version=$2
src=$3
for t in cpack dpkg-deb dpkg-shlibdeps readelf; do
    command -v "$t" >/dev/null || { echo "$t missing: skipped"; exit 77; }
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); echo "ok - $1"; else fail=$((fail + 1)); echo "not ok - $1"; fi; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1
deb=$(ls "$tmp"/out/discrec_*.deb 2>/dev/null | head -1)
check "cpack builds a .deb" '[ -n "$deb" ] || { cat "$tmp/cpack.log"; false; }'
[ -n "$deb" ] || exit 1
depends=$(dpkg-deb -f "$deb" Depends)
echo "# Depends: $depends"
if ! readelf -l "$build/discrec" | grep -q 'INTERP'; then  # no program interpreter: static
    check "static discrec: Depends names no shared library" '[ -z "$depends" ]'
else
    check "Depends names libc6 and libstdc++6" '[[ $depends == *libc6* && $depends == *libstdc++6* ]]'
fi
check "Version is $version" '[ "$(dpkg-deb -f "$deb" Version)" = "$version" ]'
maintainer=$(dpkg-deb -f "$deb" Maintainer)
check "Maintainer is the project placeholder: $maintainer" \
    '[ "$maintainer" = "discrec developers <dev@discrec.invalid>" ]'
dpkg -x "$deb" "$tmp/root"
for f in usr/bin/discrec usr/share/man/man1/discrec.1.gz \
         usr/share/bash-completion/completions/discrec usr/share/zsh/vendor-completions/_discrec \
         usr/share/fish/vendor_completions.d/discrec.fish \
         usr/share/discrec/schemas/common.schema.json usr/share/doc/discrec/LICENSE; do
    check "holds /$f" '[ -f "$tmp/root/$f" ]'
done
man=$tmp/root/usr/share/man/man1
check "no uncompressed man page" '[ ! -e "$man/discrec.1" ]'
check "the man page is gzip data" 'gzip -t "$man/discrec.1.gz"'
check "the gzipped page is man/discrec.1" 'zcat "$man/discrec.1.gz" | cmp -s - "$src/man/discrec.1"'
check "gzip -n: no name or time stamp in its header" \
    '[ "$(od -An -tu1 -j3 -N5 "$man/discrec.1.gz" | tr -s " ")" = " 0 0 0 0 0" ]'
if command -v mandoc >/dev/null; then
    check "zcat | mandoc -Tlint reads it" 'zcat "$man/discrec.1.gz" | mandoc -Tlint -W warning'
    check "mandoc renders its NAME section" \
        'mandoc -Tascii "$man/discrec.1.gz" | grep -q "discrec - identify"'
elif command -v man >/dev/null; then
    check "man -l renders it" 'MANPAGER=cat man -l "$man/discrec.1.gz" 2>/dev/null | grep -q "discrec"'
else
    echo "# neither mandoc nor man: the page is not rendered"
fi
out=$("$tmp/root/usr/bin/discrec" --version 2>&1)
check "the unpacked discrec --version runs: $out" '[ "$out" = "discrec $version" ]'
echo "# $pass passed, $fail failed"
[ "$fail" -eq 0 ]
