#!/usr/bin/env bash
# The Debian package: cpack builds it from this build tree, its Depends (dpkg-shlibdeps) name
# the C and C++ runtimes when discrec is linked dynamically and nothing when it is static
# (DISCREC_STATIC, the default), it unpacks into a scratch root with `dpkg -x`, holds the man page
# (gzipped, Debian policy §12.1, and readable), completions and schemas, and the binary in it
# runs; the executable in it is stripped, and `cmake --install` keeps the debug information of a
# build that has it apart, under lib/debug/.build-id.
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
check "Version is $version-1 (a Debian revision: the changelog is changelog.Debian.gz)" \
    '[ "$(dpkg-deb -f "$deb" Version)" = "$version-1" ]'
maintainer=$(dpkg-deb -f "$deb" Maintainer)
check "Maintainer is the project placeholder: $maintainer" \
    '[ "$maintainer" = "discrec developers <dev@discrec.invalid>" ]'
dpkg -x "$deb" "$tmp/root"
for f in usr/bin/discrec usr/share/man/man1/discrec.1.gz \
         usr/share/bash-completion/completions/discrec usr/share/zsh/vendor-completions/_discrec \
         usr/share/fish/vendor_completions.d/discrec.fish \
         usr/share/discrec/schemas/common.schema.json usr/share/doc/discrec/copyright \
         usr/share/doc/discrec/changelog.Debian.gz usr/share/lintian/overrides/discrec; do
    check "holds /$f" '[ -f "$tmp/root/$f" ]'
done
check "the executable in it is stripped (no symbol table)" \
    '! readelf -SW "$tmp/root/usr/bin/discrec" | grep -Eq "\.symtab|\.debug_"'
check "no debug information in the package (lib/debug)" '[ ! -e "$tmp/root/usr/lib/debug" ]'
check "the copyright file is machine-readable (DEP-5)" \
    'head -1 "$tmp/root/usr/share/doc/discrec/copyright" | grep -q "^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"'
check "changelog.Debian.gz names this version" \
    'zcat "$tmp/root/usr/share/doc/discrec/changelog.Debian.gz" | head -1 | grep -qF "discrec ($version-1)"'
# cmake --install: the executable stripped too; with debug information in the build, it is
# kept under lib/debug/.build-id (component "debug"), and names the installed file's build ID.
cmake --install "$build" --prefix "$tmp/inst" >"$tmp/install.log" 2>&1
check "cmake --install installs a stripped executable" \
    '! readelf -SW "$tmp/inst/bin/discrec" | grep -Eq "\.symtab|\.debug_"'
if readelf -SW "$build/discrec" | grep -q '\.debug_info'; then
    id=$(readelf -nW "$tmp/inst/bin/discrec" | sed -n 's/.*Build ID: //p')
    debug=$tmp/inst/lib/debug/.build-id/${id:0:2}/${id:2}.debug
    check "its debug information is in lib/debug/.build-id/${id:0:2}/${id:2}.debug" \
        '[ -n "$id" ] && readelf -SW "$debug" | grep -q "\.debug_info"'
else
    check "no debug information in the build: none installed" '[ ! -e "$tmp/inst/lib/debug" ]'
fi
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
