#!/usr/bin/env bash
# The golden files: the exact text and JSON discrec prints for every subcommand that runs
# without a drive (list --sysroot on the captured sysfs trees, features / profiles /
# mode-pages --inhex on the fixtures, media --replay of guest recordings), and what the
# renderers of info, eject, close-tray, lock and mcn print for models built from the QEMU
# captures (tests/tools/render_models.cpp).
# JSON is pretty-printed so that a reviewer reads a diff field by field; the version and
# argv[0] are normalised ("VERSION", "discrec"). Every command runs from the source directory
# with relative paths, so argv and "Source:" lines do not depend on where the tree is.
#
# Usage: regen.sh DISCREC RENDER_MODELS SOURCE_DIR            rewrite tests/cli/goldens/
#        regen.sh --check DISCREC RENDER_MODELS SOURCE_DIR    compare, print the diff, exit 1
set -u
check=0
if [ "${1:-}" = --check ]; then check=1; shift; fi
if [ $# -ne 3 ]; then
    echo "usage: $0 [--check] DISCREC RENDER_MODELS SOURCE_DIR" >&2
    exit 2
fi
bin=$(realpath "$1") models=$(realpath "$2") src=$(realpath "$3")
golden=$src/tests/cli/goldens
out=$golden
if [ $check = 1 ]; then
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
fi
cd "$src" || exit 2

normalise_json() {
    sed -E 's/"discrec":\{"version":"[^"]*","argv":\["[^"]*"/"discrec":{"version":"VERSION","argv":["discrec"/' |
        python3 -c 'import json, sys
for line in sys.stdin:
    print(json.dumps(json.loads(line), indent=1, ensure_ascii=False))'
}

# golden NAME CMD...: stdout to NAME.txt or NAME.json (by --json in CMD), the exit code as
# the last line of the text file / in exit_status of the JSON.
golden() {
    local name=$1; shift
    local json=0 a
    for a in "$@"; do [ "$a" = --json ] && json=1; done
    if [ $json = 1 ]; then
        "$@" 2>/dev/null | normalise_json > "$out/$name.json"
    else
        "$@" > "$out/$name.txt" 2>/dev/null
        echo "[exit $?]" >> "$out/$name.txt"
    fi
}

both() {   # both NAME CMD...: text and --json
    local name=$1; shift
    golden "$name" "$@"
    golden "$name" "$@" --json
}

for tree in mixed none sg-only usb-uas; do
    both "list-$tree" "$bin" --sysroot "tests/fixtures/sysfs/$tree" list
done

fx=tests/fixtures/features
for f in qemu-piix qemu-ahci-dvd qemu-lsi-empty qemu-virtio-scsi; do
    both "features-$f" "$bin" features --inhex "$fx/$f-get-config-hex.txt"
    both "profiles-$f" "$bin" profiles --inhex "$fx/$f-get-config-hex.txt"
done
f=spec-dvd-writer
both "features-$f" "$bin" features --inhex "$fx/$f-hex.txt"
both "profiles-$f" "$bin" profiles --inhex "$fx/$f-hex.txt"
both "features-$f-raw" "$bin" features --raw --inhex "$fx/$f-hex.txt"
both "features-$f-current" "$bin" features --current --inhex "$fx/$f-hex.txt"
both "features-$f-raw-in" "$bin" features --raw-in --inhex "$fx/$f.bin"
both "features-$f-select" "$bin" features --feature core,0x0003,cd-read --inhex "$fx/$f-hex.txt"

mx=tests/fixtures/modes
for f in "$mx"/*.hex; do
    n=$(basename "$f" .hex)
    both "mode-pages-$n" "$bin" mode-pages --inhex "$f"
    both "mode-pages-$n-raw" "$bin" mode-pages --raw --inhex "$f"
done
both "mode-pages-changeable" "$bin" mode-pages --control changeable --inhex "$mx/qemu-scsi-2a-changeable.hex"
both "mode-pages-select" "$bin" mode-pages --page caps,1,0x08 --inhex "$mx/qemu-scsi-all-sense10.hex"
both "mode-pages-header-none" "$bin" mode-pages --inhex-header none --inhex "$mx/qemu-atapi-2a-page.hex"

# media: QEMU guest runs recorded with --record (tests/fixtures/media/README.md), replayed.
md=tests/fixtures/media
both "media-qemu-piix-cd" "$bin" --replay "$md/piix-cd.jsonl" media sr1
both "media-qemu-lsi-dvd" "$bin" --replay "$md/lsi-dvd.jsonl" media sr0
both "media-qemu-virtio-scsi-empty" "$bin" --replay "$md/virtio-scsi-empty.jsonl" media sr2
both "media-qemu-lsi-tray-open" "$bin" --replay "$md/lsi-tray-open.jsonl" media sr0
both "media-qemu-all" "$bin" --replay "$md/all.jsonl" media
# Hand-edited from lsi-dvd.jsonl (tests/fixtures/media/README.md): a writable medium, so
# READ FORMAT CAPACITIES and the current features for write protection are asked.
both "media-synthetic-dvdplusrw" "$bin" --replay "$md/synthetic-dvdplusrw.jsonl" media sr0
both "media-synthetic-dvdplusrw-protected" "$bin" --replay "$md/synthetic-dvdplusrw-protected.jsonl" media sr0
# check: the OS facts alone (no command: the captured tree's drives cannot be opened), no
# drive at all (--min-drives fails: exit 10), and the medium's facts replayed from the media
# recordings (check sends what media sends): complete/blank/appendable, writable true and false.
both "check-mixed-os" "$bin" --sysroot tests/fixtures/sysfs/mixed check --vendor '^qemu$' --product dvd --revision '^2\.5\+$' --not-mounted --not-held
both "check-none" "$bin" --sysroot tests/fixtures/sysfs/none check --not-held
both "check-qemu-piix-cd" "$bin" --replay "$md/piix-cd.jsonl" check sr1 --medium --tray closed --ready --complete --blank --appendable --writable --min-free 1s
both "check-qemu-lsi-tray-open" "$bin" --replay "$md/lsi-tray-open.jsonl" check sr0 --no-medium --tray open --complete
both "check-synthetic-dvdplusrw" "$bin" --replay "$md/synthetic-dvdplusrw.jsonl" check sr0 --writable --complete --min-free 1G
both "check-synthetic-dvdplusrw-protected" "$bin" --replay "$md/synthetic-dvdplusrw-protected.jsonl" check sr0 --writable
# speeds: the same hand edit, GET PERFORMANCE answering (spec-dvd-*.hex) or refused as QEMU
# refuses it (page 2Ah's descriptors then: QEMU's page has none).
# A drive becoming ready (2/04/01, hand-edited from piix-cd.jsonl): ready at the next TEST UNIT
# READY; and still not ready with --ready-wait 0 (exit 6).
both "media-synthetic-becoming-ready" "$bin" --replay "$md/synthetic-becoming-ready.jsonl" media sr1
both "media-synthetic-becoming-ready-timeout" "$bin" --replay "$md/synthetic-becoming-ready-timeout.jsonl" media --ready-wait 0 sr1
both "speeds-synthetic-dvdplusrw" "$bin" --replay "$md/synthetic-speeds-dvdplusrw.jsonl" speeds sr0
both "speeds-synthetic-refused" "$bin" --replay "$md/synthetic-speeds-refused.jsonl" speeds sr0
# structure: READ DISC STRUCTURE recorded on QEMU's DVD-ROM (tests/fixtures/structure/README.md):
# 00h, 01h, 04h (hex dump), FFh on ATAPI and SCSI, refusals (11h, C0h, BD 00h: exit 6).
sx=tests/fixtures/structure
both "structure-qemu-piix-dvd-00" "$bin" --replay "$sx/structure-piix-dvd-0.jsonl" structure sr0 --format 0
both "structure-qemu-piix-dvd-ff" "$bin" --replay "$sx/structure-piix-dvd-0xff.jsonl" structure sr0 --format 0xff
both "structure-qemu-piix-dvd-01" "$bin" --replay "$sx/structure-piix-dvd-1.jsonl" structure sr0 --format 1
both "structure-qemu-piix-dvd-04" "$bin" --replay "$sx/structure-piix-dvd-4.jsonl" structure sr0 --format 4
both "structure-qemu-piix-dvd-11-refused" "$bin" --replay "$sx/structure-piix-dvd-0x11.jsonl" structure sr0 --format 11h
both "structure-qemu-lsi-dvd-ff" "$bin" --replay "$sx/structure-lsi-dvd-0xff.jsonl" structure sr1 --format ffh
both "structure-qemu-lsi-dvd-c0-refused" "$bin" --replay "$sx/structure-lsi-dvd-0xc0.jsonl" structure sr1 --format 0xc0
both "structure-qemu-virtio-scsi-dvd-00" "$bin" --replay "$sx/structure-virtio-scsi-dvd-0.jsonl" structure sr2 --format 0
both "structure-qemu-virtio-scsi-bd-00-refused" "$bin" --replay "$sx/structure-virtio-scsi-dvd-bd-0.jsonl" structure sr2 --format 0 --media-type bd
# No medium (exit 9, asked or not), a CD (exit 8 without --media-type; QEMU's 5/30/00 with it).
both "structure-qemu-ahci-empty" "$bin" --replay "$sx/structure-ahci-empty-0.jsonl" structure sr0 --format 0
both "structure-qemu-lsi-empty-dvd" "$bin" --replay "$sx/structure-lsi-empty-dvd-0.jsonl" structure sr1 --format 0 --media-type dvd
both "structure-qemu-piix-cd" "$bin" --replay "$sx/structure-piix-cd-0.jsonl" structure sr2 --format 0
both "structure-qemu-piix-cd-dvd" "$bin" --replay "$sx/structure-piix-cd-dvd-0.jsonl" structure sr2 --format 0 --media-type dvd
both "decode-qemu-cd-disc-info" "$bin" decode disc-info --msf --inhex "$md/qemu-cd-disc-info.hex"
both "decode-qemu-cd-toc" "$bin" decode toc --inhex "$md/qemu-cd-toc.hex"
both "decode-qemu-cd-toc-msf" "$bin" decode toc --msf --inhex "$md/qemu-cd-toc-msf.hex"
both "decode-qemu-cd-session-info" "$bin" decode session-info --inhex "$md/qemu-cd-session-info.hex"
both "decode-qemu-session-info-wrong-format" "$bin" decode session-info --inhex "$md/qemu-cd-toc.hex"
both "decode-spec-cdr-disc-info" "$bin" decode disc-info --msf --inhex "$md/spec-cdr-appendable-disc-info.hex"
both "decode-spec-cdr-track-info" "$bin" decode track-info --inhex "$md/spec-cdr-invisible-track-info.hex"
both "decode-spec-dvdplusrw-format-capacities" "$bin" decode format-capacities "$md/spec-dvdplusrw-blank-format-capacities.hex"
both "decode-spec-bdre-format-capacities" "$bin" decode format-capacities "$md/spec-bdre-format-capacities.hex"
both "decode-spec-dvd-write-speeds" "$bin" decode performance --type 3 "$md/spec-dvd-write-speeds.hex"
both "decode-genisoimage-joliet-volume" "$bin" decode volume --raw-in tests/fixtures/volume/joliet-16x8.bin
both "decode-genisoimage-udf-volume" "$bin" decode volume --raw-in tests/fixtures/volume/udf-16x8.bin
both "decode-spec-cd-read-performance" "$bin" decode performance --type 0 "$md/spec-cd-read-performance.hex"
# Hand-made from piix-cd.jsonl (tests/fixtures/media/make_synthetic_audio_cdr.py): an audio
# CD-R, so ATIP, PMA (refused), Full TOC, CD-TEXT, the disc IDs, the Media Catalog Number
# and the ISRCs are shown.
both "media-synthetic-audio-cdr" "$bin" --replay "$md/synthetic-audio-cdr.jsonl" media sr1
# The CD structures (tests/fixtures/cd/README.md).
cdx=tests/fixtures/cd
both "decode-atip-taiyo-yuden-cdr" "$bin" decode atip "$cdx/atip-taiyo-yuden-cdr.hex"
both "decode-atip-memorex-cdrw" "$bin" decode atip "$cdx/atip-memorex-ultraspeed-cdrw.hex"
both "decode-atip-wrong-format" "$bin" decode atip "$md/qemu-cd-toc.hex"
both "decode-full-toc-musicbrainz-example" "$bin" decode full-toc "$cdx/full-toc-musicbrainz-example.hex"
both "decode-full-toc-qemu" "$bin" decode full-toc "$cdx/qemu-full-toc-msf.hex"
both "decode-pma-spec-cdr" "$bin" decode pma "$cdx/pma-spec-cdr-two-tracks.hex"
both "decode-cd-text-nightcats" "$bin" decode cd-text "$cdx/cd-text-nightcats.hex"
both "decode-cd-text-krosis" "$bin" decode cd-text "$cdx/cd-text-krosis.hex"
both "decode-sub-channel-mcn" "$bin" decode sub-channel "$cdx/sub-channel-mcn-nightcats.hex"
both "decode-sub-channel-isrc" "$bin" decode sub-channel "$cdx/sub-channel-isrc-nightcats-track1.hex"
both "decode-rpc-spec-region2" "$bin" decode rpc tests/fixtures/region/spec-rpc2-region2.hex
# info on a drive that lists DVD CSS (0106h): QEMU info recordings edited by
# tests/fixtures/region/make_synthetic_info_css.py (README beside it): REPORT KEY 08h answering
# an RPC Phase II state, refused (5/24/00), and ending in a transport error without sense.
rg=tests/fixtures/region
both "info-synthetic-css-rpc2" "$bin" --replay "$rg/synthetic-info-css-rpc2.jsonl" info sr4
both "info-synthetic-css-refused" "$bin" --replay "$rg/synthetic-info-css-refused.jsonl" info sr4
both "info-synthetic-css-transport" "$bin" --replay "$rg/synthetic-info-css-transport.jsonl" info sr3
both "decode-structure-qemu-dvd-00" "$bin" decode disc-structure --format 0 "$sx/qemu-dvd-physical-format.hex"
both "decode-structure-qemu-dvd-ff" "$bin" decode disc-structure --format 0xff "$sx/qemu-dvd-structure-list.hex"
both "decode-structure-dvd-01-css-region2" "$bin" decode disc-structure --format 1 "$sx/spec-dvd-copyright-css-region2.hex"
both "decode-structure-dvdr-0e-daxon" "$bin" decode disc-structure --format 0eh "$sx/dvdr-pre-recorded-daxon016s.hex"
both "decode-structure-dvd-0f" "$bin" decode disc-structure --format 0x0f "$sx/spec-dvd-unique-disc-identifier.hex"
both "decode-structure-dvdplusr-11-ricoh" "$bin" decode disc-structure --format 11h "$sx/dvdplusr-adip-ricohjpn-r01.hex"
both "decode-structure-bdr-00-millen" "$bin" decode disc-structure --format 0 --media-type bd "$sx/spec-bdr-disc-information.hex"
both "decode-structure-dvd-03-hex" "$bin" decode disc-structure --format 3 "$sx/spec-dvd-copyright-css-region2.hex"
# decode KIND FILE (the positional form; '-' reads stdin) for every other kind the project
# decodes, from the QEMU captures (tests/fixtures/decode/README.md).
dx=tests/fixtures/decode
both "decode-qemu-piix-inquiry" "$bin" decode inquiry "$dx/piix-inquiry.hex"
both "decode-qemu-piix-vpd-00" "$bin" decode vpd "$dx/piix-vpd-00.hex"
both "decode-qemu-piix-vpd-83" "$bin" decode vpd "$dx/piix-vpd-83.hex"
both "decode-scsi_debug-vpd-80" "$bin" decode vpd "$dx/scsi_debug-vpd-80.hex"
both "decode-qemu-piix-sense" "$bin" decode sense "$dx/piix-request-sense.hex"
both "decode-qemu-piix-gesn" "$bin" decode gesn "$dx/piix-gesn-media.hex"
both "decode-qemu-piix-mechanism-status" "$bin" decode mechanism-status "$dx/piix-mechanism-status.hex"
both "decode-qemu-piix-capacity" "$bin" decode capacity "$dx/piix-read-capacity.hex"
both "decode-qemu-piix-configuration" "$bin" decode configuration "$fx/qemu-piix-get-config-hex.txt"
both "decode-qemu-atapi-mode-sense" "$bin" decode mode-sense "$mx/qemu-atapi-2a-sense10.hex"
golden "decode-qemu-cd-toc-stdin" "$bin" decode toc - < "$md/qemu-cd-toc.hex"
golden "decode-qemu-cd-toc-stdin" "$bin" decode toc - --json < "$md/qemu-cd-toc.hex"
both "decode-mechanism-status-too-short" "$bin" decode mechanism-status "$dx/piix-vpd-00.hex"

for s in $("$models" --list); do
    "$models" "$s" text tests/fixtures > "$out/render-$s.txt" 2>&1
    "$models" "$s" json tests/fixtures 2>&1 | normalise_json > "$out/render-$s.json"
done

if [ $check = 1 ]; then
    if diff -ru --exclude=regen.sh --exclude=README.md "$golden" "$out"; then
        echo "goldens: $(ls "$out" | wc -l) files, all as committed"
        exit 0
    fi
    echo "goldens differ (above); if the change is meant, rerun tests/cli/goldens/regen.sh" >&2
    exit 1
fi
echo "wrote $(ls "$golden" | grep -vc -e regen.sh -e README.md) golden files in $golden"
