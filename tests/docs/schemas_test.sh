#!/usr/bin/env bash
# Every --json document the binary makes on a host without drives (list and info on captured
# sysfs trees, error documents, features/profiles/mode-pages --inhex on the fixtures) is valid
# against its schema in schemas/ (JSON Schema draft 2020-12, python3-jsonschema).
# Usage: schemas_test.sh DISCREC SOURCE_DIR   (exit 77 without python3 or python3-jsonschema)
set -u
bin=$1
src=$2
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
python3 -c 'import jsonschema' 2>/dev/null || { echo "python3-jsonschema missing: skipped"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sys=$src/tests/fixtures/sysfs feat=$src/tests/fixtures/features modes=$src/tests/fixtures/modes
pairs=() n=0 fail=0 rc=0 errs=0

# doc SCHEMA ARGS...: runs discrec --json ARGS and queues its stdout for SCHEMA.
doc() {
    local schema=$1; shift
    n=$((n + 1))
    "$bin" --json "$@" >"$tmp/$n.json" 2>/dev/null
    rc=$?
    if [ -s "$tmp/$n.json" ]; then
        pairs+=("$schema.schema.json" "$tmp/$n.json")
    else
        echo "not ok - discrec --json $* printed no document"; fail=1
    fi
}
# edoc SCHEMA ARGS...: doc, and the run must have failed with an error document.
edoc() {
    doc "$@"
    if [ "$rc" -ne 0 ] && grep -q '"error":{"kind"' "$tmp/$n.json"; then
        errs=$((errs + 1))
    else
        shift; echo "not ok - discrec --json $* (exit $rc) made no error document"; fail=1
    fi
}

for tree in mixed none sg-only usb-uas; do doc list --sysroot "$sys/$tree" list; done
doc info --sysroot "$sys/mixed" info
doc info --sysroot "$sys/mixed" info sr1 0
doc info --sysroot "$sys/none" info
# info with the region state (a drive listing DVD CSS, tests/fixtures/region/README.md):
# answered, refused, transport error.
for r in rpc2:sr4 refused:sr4 transport:sr3; do
    doc info --replay "$src/tests/fixtures/region/synthetic-info-css-${r%%:*}.jsonl" info "${r#*:}"
done
# media on a captured tree (the drives cannot be opened: each carries its error and a null
# medium), and replayed from the QEMU guest recordings (CD, DVD, empty, tray open, all).
doc media --sysroot "$sys/mixed" media
doc media --sysroot "$sys/none" media
edoc media --sysroot "$sys/mixed" media nosuch
md=$src/tests/fixtures/media
doc media --replay "$md/piix-cd.jsonl" media sr1
doc media --replay "$md/lsi-dvd.jsonl" media sr0
doc media --replay "$md/virtio-scsi-empty.jsonl" media sr2
doc media --replay "$md/lsi-tray-open.jsonl" media sr0
doc media --replay "$md/all.jsonl" media
doc media --replay "$md/synthetic-dvdplusrw.jsonl" media sr0
doc media --replay "$md/synthetic-dvdplusrw-protected.jsonl" media sr0
# check: OS facts only, no drive (exit 10), replayed media facts, errors.
doc check --sysroot "$sys/mixed" check --vendor qemu --not-mounted --not-held
doc check --sysroot "$sys/none" check
doc check --replay "$md/piix-cd.jsonl" check sr1 --complete --writable
doc check --replay "$md/synthetic-dvdplusrw.jsonl" check sr0 --writable
edoc check --sysroot "$sys/mixed" check nosuch
# wait: not-held asks the OS only, so it runs on the captured tree: reached (sr3), timed out
# with the last state (sr1 is held by a sleep); a drive that cannot be opened; usage.
doc wait --sysroot "$sys/mixed" wait sr3 --for not-held --timeout 1 --interval 50
edoc wait --sysroot "$sys/mixed" wait sr1 --for not-held --timeout 0.1 --interval 50
edoc wait --sysroot "$sys/mixed" wait sr1 --for medium --timeout 1
edoc wait --sysroot "$sys/mixed" wait sr1 --for nothing
# watch: JSON Lines, each line a document (the snapshot here: the tree's drives cannot be
# opened, so their state is unknown); a usage error's document.
doc watch --sysroot "$sys/mixed" watch --timeout 0.2 --interval 50
edoc watch --sysroot "$sys/mixed" watch nosuch
edoc check --sysroot "$sys/mixed" check --min-free 12x
edoc check --sysroot "$sys/mixed" check --vendor '('
doc speeds --replay "$md/synthetic-speeds-dvdplusrw.jsonl" speeds sr0
doc media --replay "$md/synthetic-becoming-ready.jsonl" media sr1
doc media --replay "$md/synthetic-becoming-ready-timeout.jsonl" media --ready-wait 0 sr1
doc speeds --replay "$md/synthetic-speeds-refused.jsonl" speeds sr0
edoc speeds --sysroot "$sys/mixed" speeds nosuch
doc decode decode performance --type 3 "$md/spec-dvd-write-speeds.hex"
doc decode decode performance --type 0 "$md/spec-cd-read-performance.hex"
doc decode decode volume --raw-in "$src/tests/fixtures/volume/joliet-16x8.bin"
doc decode decode disc-info --msf --inhex "$md/qemu-cd-disc-info.hex"
doc decode decode disc-info --msf --inhex "$md/spec-cdr-appendable-disc-info.hex"
doc decode decode track-info --inhex "$md/spec-cdr-invisible-track-info.hex"
doc decode decode toc --inhex "$md/qemu-cd-toc.hex"
doc decode decode toc --msf --inhex "$md/qemu-cd-toc-msf.hex"
doc decode decode session-info --inhex "$md/qemu-cd-session-info.hex"
edoc decode decode session-info --inhex "$md/qemu-cd-toc.hex"   # another format's data
edoc decode decode toc --inhex /nonexistent
dx=$src/tests/fixtures/decode
for k in inquiry:piix-inquiry vpd:piix-vpd-00 vpd:piix-vpd-83 vpd:scsi_debug-vpd-80 \
         sense:piix-request-sense gesn:piix-gesn-media mechanism-status:piix-mechanism-status \
         capacity:piix-read-capacity; do
    doc decode decode "${k%%:*}" "$dx/${k#*:}.hex"
done
for f in spec-dvdplusrw-blank spec-bdre; do
    doc decode decode format-capacities "$md/$f-format-capacities.hex"
done
# The CD structures of issue 15 (tests/fixtures/cd/README.md), and an audio CD-R replayed.
cdx=$src/tests/fixtures/cd
doc decode decode atip "$cdx/atip-taiyo-yuden-cdr.hex"
doc decode decode atip "$cdx/atip-memorex-ultraspeed-cdrw.hex"
doc decode decode full-toc "$cdx/full-toc-musicbrainz-example.hex"
doc decode decode full-toc "$cdx/qemu-full-toc-msf.hex"
doc decode decode pma "$cdx/pma-spec-cdr-two-tracks.hex"
doc decode decode cd-text "$cdx/cd-text-nightcats.hex"
doc decode decode sub-channel "$cdx/sub-channel-mcn-nightcats.hex"
doc decode decode sub-channel "$cdx/sub-channel-isrc-nightcats-track1.hex"
doc decode decode rpc "$src/tests/fixtures/region/spec-rpc2-region2.hex"
# structure (replayed QEMU guest runs) and decode disc-structure on every layout's fixture.
sx=$src/tests/fixtures/structure
doc structure --replay "$sx/structure-piix-dvd-0.jsonl" structure sr0 --format 0
doc structure --replay "$sx/structure-piix-dvd-0xff.jsonl" structure sr0 --format 0xff
doc structure --replay "$sx/structure-piix-dvd-4.jsonl" structure sr0 --format 4
edoc structure --replay "$sx/structure-lsi-dvd-0xc0.jsonl" structure sr1 --format 0xc0
doc decode decode disc-structure --format 1 "$sx/spec-dvd-copyright-css-region2.hex"
doc decode decode disc-structure --format 3 "$sx/spec-dvd-copyright-css-region2.hex"
doc decode decode disc-structure --format 0eh "$sx/dvdr-pre-recorded-daxon016s.hex"
doc decode decode disc-structure --format 0fh "$sx/spec-dvd-unique-disc-identifier.hex"
doc decode decode disc-structure --format 11h "$sx/dvdplusr-adip-ricohjpn-r01.hex"
doc decode decode disc-structure --format 0 --media-type bd "$sx/spec-bdr-disc-information.hex"
doc decode decode disc-structure --format 0xff "$sx/qemu-dvd-structure-list.hex"
edoc decode decode atip "$md/qemu-cd-toc.hex"   # another format's data
doc media --replay "$md/synthetic-audio-cdr.jsonl" media sr1
doc decode decode configuration "$feat/qemu-piix-get-config-hex.txt"
doc decode decode mode-sense "$modes/qemu-atapi-2a-sense10.hex"
edoc decode decode mechanism-status "$dx/piix-vpd-00.hex"   # too short
edoc decode decode toc "$md/qemu-cd-toc.hex" --inhex "$md/qemu-cd-toc.hex"   # FILE twice
# Error documents of every subcommand and form (no such drive, usage errors): the success
# documents of eject, close-tray, lock and mcn need a drive and are validated in the QEMU
# guests. The subcommand's own schema, since a script reads one schema per command.
edoc info --sysroot "$sys/mixed" info nosuch
for c in eject "eject --unmount" "eject --force" close-tray "close-tray --wait" "close-tray --wait 5" \
         lock "lock --off" "lock --exclusive --client x"; do
    # shellcheck disable=SC2086  # $c is a subcommand and its options
    edoc action --sysroot "$sys/mixed" $c nosuch
done
edoc action --sysroot "$sys/mixed" lock --exclusive nosuch -- true
edoc action --sysroot "$sys/mixed" lock --exclusive sr0          # no COMMAND: usage
edoc action --sysroot "$sys/mixed" lock --off --status sr0       # exclusive options: usage
edoc action --sysroot "$sys/mixed" close-tray --wait 9999 sr0    # out of range: usage
edoc lock-status --sysroot "$sys/mixed" lock --status nosuch
for m in "" --on --off "--interval 500"; do
    # shellcheck disable=SC2086
    edoc mcn --sysroot "$sys/mixed" mcn $m nosuch
done
edoc mcn --sysroot "$sys/mixed" mcn --on --off sr0               # usage
for c in features profiles mode-pages; do edoc "$c" --sysroot "$sys/mixed" "$c" nosuch; done
edoc send --sysroot "$sys/mixed" send nosuch 12 00 00 00 60 00 --in 96
edoc send --sysroot "$sys/mixed" send sr0 2a 00 00 00 00 00 00 00 01 00   # refused: exit 2
edoc send --sysroot "$sys/mixed" send sr0 12 00 00 00 60                  # 5 bytes: usage
edoc list --bogus
edoc list --color=bogus list
edoc features features --feature nosuchfeature --inhex "$feat/spec-dvd-writer-hex.txt"
for f in "$feat"/bad-*-hex.txt; do
    edoc features features --inhex "$f"
    edoc profiles profiles --inhex "$f"
done
edoc mode-pages mode-pages --page nosuchpage --inhex "$modes/qemu-scsi-all-sense10.hex"
edoc mode-pages mode-pages --inhex /dev/null
# Saved responses, good and bad.
for f in "$feat"/*-hex.txt; do
    doc features features --inhex "$f"
    doc features features --raw --current --inhex "$f"
    doc profiles profiles --inhex "$f"
done
doc features features --feature cd-read,core --raw-in --inhex "$feat/spec-dvd-writer.bin"
for f in "$modes"/*.hex; do
    doc mode-pages mode-pages --inhex "$f"
    doc mode-pages mode-pages --raw --inhex "$f"
done
doc mode-pages mode-pages --control changeable --inhex "$modes/qemu-scsi-2a-changeable.hex"
doc mode-pages mode-pages --page caps --raw --inhex "$modes/qemu-atapi-2a-sense10.hex"

# Recordings (--record), one document per line: made here on the captured trees (enumeration,
# resolution, failed opens, holders, polling) and in the QEMU guests (tests/fixtures/recordings).
# lines FILE: queues each line of the recording FILE for recording.schema.json.
lines() {
    local i=0 line
    while IFS= read -r line; do
        i=$((i + 1)); n=$((n + 1))
        printf '%s\n' "$line" >"$tmp/$n.json"
        pairs+=(recording.schema.json "$tmp/$n.json")
    done <"$1"
    [ "$i" -gt 0 ] || { echo "not ok - $1: an empty recording"; fail=1; }
}
"$bin" --record "$tmp/rec-list.jsonl" --sysroot "$sys/mixed" list >/dev/null 2>&1
lines "$tmp/rec-list.jsonl"
"$bin" --record "$tmp/rec-info.jsonl" --sysroot "$sys/mixed" info sr0 sr1 >/dev/null 2>&1
lines "$tmp/rec-info.jsonl"
"$bin" --record "$tmp/rec-none.jsonl" --sysroot "$sys/none" info nosuch >/dev/null 2>&1
lines "$tmp/rec-none.jsonl"
for f in "$src"/tests/fixtures/recordings/*.jsonl "$src"/tests/fixtures/recordings/windows/*.jsonl \
    "$src"/tests/fixtures/recordings/watch/*.jsonl; do
    [ -e "$f" ] && lines "$f"
done

python3 "$src/tests/docs/validate_json.py" "$src/schemas" "${pairs[@]}" || fail=1
echo "# $((${#pairs[@]} / 2)) documents validated, $errs of them error documents"
exit $fail
