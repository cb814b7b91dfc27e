#!/usr/bin/env bash
# lintian, Debian's package checker, passes the .deb that cpack makes from this build tree:
# no error and no warning except those the package overrides, each with its reason
# (packaging/deb/lintian-overrides, installed as /usr/share/lintian/overrides/discrec).
# Usage: lintian_test.sh BUILD_DIR     (exit 77 without cpack or lintian)
set -u
build=$1
for t in cpack lintian dpkg-deb; do
    command -v "$t" >/dev/null || { echo "$t missing: skipped"; exit 77; }
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log"; echo "not ok - cpack failed"; exit 1; }
deb=$(ls "$tmp"/out/discrec_*.deb)
# --pedantic --display-info: every tag is shown, only errors and warnings fail (overridden
# ones are not shown: with --show-overrides lintian fails on them too). lintian warns when run
# as root (CI is); that line is not a tag.
lintian --fail-on error,warning --pedantic --display-info "$deb" 2>&1 |
    grep -v 'running with root privileges'
rc=${PIPESTATUS[0]}
[ "$rc" -eq 0 ] && echo "ok - lintian: no errors or warnings in $(basename "$deb") beyond its overrides" ||
    echo "not ok - lintian (exit $rc) on $(basename "$deb")"
exit "$rc"
