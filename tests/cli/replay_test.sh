#!/usr/bin/env bash
# --replay on the host, no drive needed: the recordings made in the QEMU guests
# (tests/fixtures/recordings, source in its README) replay to the very document the live run
# printed (argv aside) and to its very text; `send` of INQUIRY replays from an `info`
# recording (its first command); another subcommand, or the same command with another
# timeout, ends with exit 1 and a message naming both;
# a recording that is no recording is a usage error. And --record here, on a captured tree,
# replays to the same output.
# Usage: replay_test.sh DISCREC SOURCE_DIR
set -u
bin=$1
src=$2
rec=$src/tests/fixtures/recordings
mixed=$src/tests/fixtures/sysfs/mixed
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

same_document() {  # same_document NAME LIVE.json: stdout equals LIVE, argv aside
    if python3 - "$tmp/out" "$2" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    d["discrec"]["argv"] = None
    d["json_format_version"] = d["json_format_version"][:1]  # a minor version only adds keys
sys.exit(0 if a == b else 1)
PY
    then ok "$1: the live run's document"; else not_ok "$1: differs from $2: $(head -c 300 "$tmp/out")"; fi
}

# The end-to-end goldens: every guest recording (tests/fixtures/recordings/cases.tsv: each
# subcommand on each bus and medium state, once with --json and once as text) replayed here
# with the recorded arguments (less --record; `--out FILE` gets a local file of the same
# size), in one python3 run: the --json replay prints the live run's document (argv aside)
# with its exit status, the text replay the live run's stdout and stderr, byte for byte.
head -c 2048 /dev/zero >"$tmp/block.bin"
while read -r line; do
    case $line in ok*) ok "${line#ok }" ;; *) not_ok "${line#not ok }" ;; esac
done < <(python3 - "$bin" "$rec" "$tmp/block.bin" <<'PY'
import json, subprocess, sys
binary, rec, block = sys.argv[1:4]

def replay_argv(recording):
    with open(recording) as f:
        argv = json.loads(f.readline())["argv"][1:]
    out, i = [], 0
    while i < len(argv):
        if argv[i] == "--record":
            i += 2
            continue
        out.append(argv[i])
        if argv[i] == "--out" and i + 1 < len(argv):
            out.append(block)
            i += 1
        i += 1
    return [binary, "--replay", recording] + out

def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return b""

cases = [l.split("\t") for l in open(f"{rec}/cases.tsv").read().splitlines() if l]
if len(cases) < 10:
    print(f"not ok cases.tsv lists {len(cases)} cases")
for name, json_rc, text_rc in cases:
    base = f"{rec}/{name}"
    for f in (base + ".jsonl", base + ".text.jsonl"):
        with open(f) as fh:
            head = json.loads(fh.readline())
        portable = head.get("argv", [""])[0] == "discrec" and head.get("system") == "linux"
        print(("ok " if portable else "not ok ") + f"{f.rsplit('/', 1)[-1]}: argv[0] is the program's name, the OS is named" + ("" if portable else f": {head.get('argv')} {head.get('system')}"))
    try:
        r = subprocess.run(replay_argv(base + ".jsonl"), capture_output=True, timeout=30)
        live = json.loads(read(base + ".json"))
        got = json.loads(r.stdout)
        for d in (live, got):
            d["discrec"]["argv"] = None
            # A minor version only adds keys (those documents have none added): the live
            # document of an older minor version is still the one to print.
            d["json_format_version"] = d["json_format_version"][:1]
        same = got == live and r.returncode == int(json_rc)
        why = f"exit {r.returncode} (live {json_rc}), stdout {r.stdout[:300]!r} stderr {r.stderr[:200]!r}"
    except (OSError, ValueError, KeyError, TypeError, subprocess.SubprocessError) as e:
        same, why = False, repr(e)
    print(("ok " if same else "not ok ") + f"{name}: --json replay prints the live document" + ("" if same else ": " + why))
    try:
        r = subprocess.run(replay_argv(base + ".text.jsonl"), capture_output=True, timeout=30)
        want_out, want_err = read(base + ".text"), read(base + ".text.err")
        same = r.stdout == want_out and r.stderr == want_err and r.returncode == int(text_rc)
        why = f"exit {r.returncode} (live {text_rc}), stdout {r.stdout[:300]!r} stderr {r.stderr[:300]!r}"
    except (OSError, ValueError, subprocess.SubprocessError) as e:
        same, why = False, repr(e)
    print(("ok " if same else "not ok ") + f"{name}: text replay prints the live stdout and stderr" + ("" if same else ": " + why))
PY
)

for f in "$rec"/info-*.jsonl; do
    case $f in *.text.jsonl | *-open.jsonl) continue ;; esac  # the --json runs of a closed tray
    name=$(basename "$f" .jsonl)
    read -r _ drive < <(head -n 1 "$f" | grep -o '"[^"]*","[^"]*"\],"enumeration"' | cut -d'"' -f2,4 | tr '"' ' ')
    run "$name: --replay info (text)" 0 "$bin" --replay "$f" info "$drive"
    grep_out "$name: text names the drive" "^Drive: +$drive"
    run "$name: --replay for features" 1 "$bin" --replay "$f" features "$drive"
    one_line_stderr "$name: --replay for features"
    if grep -Eq "replay: /dev/sg[0-9]+: command 1 differs: the run sent GET CONFIGURATION \[46 .*\] \(in 32760 bytes\), the recording has INQUIRY \[12 00 00 00 60 00\] \(in 96 bytes\) \(the recording was made by: .* info $drive\)" "$tmp/err"; then
        ok "$name: the message names both commands and the recorded run"
    else not_ok "$name: mismatch message: $(cat "$tmp/err")"; fi
    # INQUIRY is the recording's first command: `send` replays it, to its JSON document.
    # info gives INQUIRY 5 s (send's default is 20: a replay with another timeout diverges).
    run "$name: --replay send INQUIRY" 0 "$bin" --replay "$f" --json send "$drive" 12 00 00 00 60 00 --in 96 --timeout 5
    json_check "$name: send's document" "d['command']['class'] == 'read_only' and d['status'] == 'good' and d['data']['length'] == 96 and d['data']['hex'].startswith('05 80') and d['exit_status'] == 0"
    run "$name: --replay send INQUIRY --binary" 0 "$bin" --replay "$f" send --binary "$drive" 12 00 00 00 60 00 --in 96 --timeout 5
    if [ "$(wc -c <"$tmp/out")" -eq 96 ]; then ok "$name: --binary writes the 96 bytes"; else not_ok "$name: --binary wrote $(wc -c <"$tmp/out") bytes"; fi
    run "$name: --replay send INQUIRY with another timeout" 1 "$bin" --replay "$f" send "$drive" 12 00 00 00 60 00 --in 96
    one_line_stderr "$name: another timeout"
    if grep -Eq "command 1 differs: the run sent INQUIRY \[12 00 00 00 60 00\] \(in 96 bytes, timeout 20000 ms\), the recording has INQUIRY \[12 00 00 00 60 00\] \(in 96 bytes, timeout 5000 ms\)" "$tmp/err"; then
        ok "$name: the message names both timeouts"
    else not_ok "$name: timeout mismatch message: $(cat "$tmp/err")"; fi
    run "$name: --replay names another drive" 1 "$bin" --replay "$f" info nosuch
    grep -q "the run names drive 'nosuch', the recording does not" "$tmp/err" && ok "$name: says which drive" || not_ok "$name: $(cat "$tmp/err")"
done

# Recorded on Windows (tests/windows/run.sh, discrec.exe under Wine, a CD-ROM letter that is a
# directory: every command fails with ERROR_NOT_SUPPORTED, 50, which is ENOCSI on Linux):
# replayed here, each OS error means what it meant on Windows.
win=$rec/windows/info-wine-fake-cd
run "recorded on Windows: --replay info R:" 0 "$bin" --replay "$win.jsonl" --json info R:
same_document "recorded on Windows: --replay info R:" "$win.json"
json_check "recorded on Windows: the OS errors keep Windows' meaning" "all(e['kind'] == 'not_supported' and '(error 50)' in e['message'] for e in d['drives'][0]['errors']) and len(d['drives'][0]['errors']) > 0"

# Recorded here (the captured tree has no device nodes: the opens fail, and are recorded).
run "--record info on a captured tree" 3 "$bin" --record "$tmp/here.jsonl" --json --sysroot "$mixed" info
if head -n 1 "$tmp/here.jsonl" | grep -q '^{"type":"run","format":\[1,2\],"system":"linux","argv":\["discrec","--record",'; then
    ok "--record: argv[0] without its directory, format 1.2, the OS named"
else not_ok "--record: the run line: $(head -c 200 "$tmp/here.jsonl")"; fi
cp "$tmp/out" "$tmp/here-live.json"
run "--replay of it, without --sysroot" 3 "$bin" --replay "$tmp/here.jsonl" --json info
same_document "--replay of a captured tree's info" "$tmp/here-live.json"
# The transport descriptor is recorded (a "transport" fact per drive) and replayed as it was
# read: the tree of one drive per bus (tests/fixtures/sysfs/transport), its USB bridges too.
transport=$src/tests/fixtures/sysfs/transport
run "--record info on the transport tree" 3 "$bin" --record "$tmp/tr.jsonl" --json --sysroot "$transport" info
cp "$tmp/out" "$tmp/tr-live.json"
json_check "info --json: each bus's host adapter driver, sr4's USB bridge 46f4:0001" \
    "[x['transport']['adapter']['driver'] for x in d['drives']] == ['ata_piix', 'ahci', 'virtio_scsi', 'sym53c8xx', 'usb-storage', 'uas'] and d['drives'][4]['transport']['usb']['vendor_id'] + ':' + d['drives'][4]['transport']['usb']['product_id'] == '46f4:0001'"
if [ "$(grep -c '"type":"transport"' "$tmp/tr.jsonl")" = 6 ]; then ok "--record: one transport fact per drive"
else not_ok "--record: transport facts: $(grep -c '"type":"transport"' "$tmp/tr.jsonl"), want 6"; fi
run "--replay of it" 3 "$bin" --replay "$tmp/tr.jsonl" --json info
same_document "--replay of the transport tree's info" "$tmp/tr-live.json"
run "--record info (text) on the transport tree" 3 "$bin" --record "$tmp/tr-text.jsonl" --sysroot "$transport" info sr4
cp "$tmp/out" "$tmp/tr-live.txt"
run "--replay of it (text)" 3 "$bin" --replay "$tmp/tr-text.jsonl" info sr4
if cmp -s "$tmp/out" "$tmp/tr-live.txt" && grep -q '^USB bridge: *46f4:0001 QEMU QEMU USB HARDDRIVE (USB 3.00, 5000 Mbit/s)$' "$tmp/out"; then
    ok "--replay info sr4 (text): the same lines, the USB bridge among them"
else not_ok "--replay info sr4 (text): $(grep -i 'usb\|adapter' "$tmp/out" | head -3)"; fi
# A recording made before the descriptor was recorded replays without it (no divergence).
run "--replay of an older info recording" 0 "$bin" --replay "$rec/info-usb-bot-dvd.jsonl" --json info sr4
json_check "older recording: no transport key" "'transport' not in d['drives'][0]"
# list --ids: the drives are asked (here the opens fail: the OS's ids), recorded and replayed.
run "--record list --ids" 0 "$bin" --record "$tmp/ids.jsonl" --json --sysroot "$transport" list --ids
cp "$tmp/out" "$tmp/ids-live.json"
json_check "list --ids: unique_id is the first of unique_ids, by-path then scsi address" \
    "all(x['unique_id'] == x['unique_ids'][0] and [i['source'] for i in x['unique_ids']] == ['by_path', 'scsi_address'] for x in d['drives'])"
run "--replay list --ids" 0 "$bin" --replay "$tmp/ids.jsonl" --json list --ids
same_document "--replay of list --ids" "$tmp/ids-live.json"
run "list without --ids: no unique_id" 0 "$bin" --json --sysroot "$transport" list
json_check "list without --ids: no unique_id" "all('unique_id' not in x for x in d['drives'])"
run "--record list" 0 "$bin" --record "$tmp/list.jsonl" --sysroot "$mixed" list
cp "$tmp/out" "$tmp/list-live.txt"
run "--replay list" 0 "$bin" --replay "$tmp/list.jsonl" list
if cmp -s "$tmp/out" "$tmp/list-live.txt"; then ok "--replay list: the same text"; else not_ok "--replay list: differs"; fi

# OS facts of other subcommands, recorded and replayed: media polling (mcn), and eject's
# refusal of a mounted medium (the mounts come from the recorded enumeration).
run "--record mcn" 0 "$bin" --record "$tmp/mcn.jsonl" --json --sysroot "$mixed" mcn sr0
cp "$tmp/out" "$tmp/mcn-live.json"
grep -q '^{"type":"media_polling","key":"sr0",' "$tmp/mcn.jsonl" && ok "--record mcn: a media_polling line" ||
    not_ok "--record mcn: no media_polling line: $(tail -n 1 "$tmp/mcn.jsonl")"
run "--replay mcn" 0 "$bin" --replay "$tmp/mcn.jsonl" --json mcn sr0
same_document "--replay mcn" "$tmp/mcn-live.json"
run "--record eject of a mounted medium" 5 "$bin" --record "$tmp/eject.jsonl" --sysroot "$mixed" eject sr0
cp "$tmp/err" "$tmp/eject-live.err"
run "--replay of it" 5 "$bin" --replay "$tmp/eject.jsonl" eject sr0
if cmp -s "$tmp/err" "$tmp/eject-live.err"; then ok "--replay eject: the same refusal"; else not_ok "--replay eject: $(cat "$tmp/err")"; fi

# watch (issue 16): a watch replays its recorded turns at the recorded times, without
# waiting. Recorded here on the captured tree (its opens fail: every drive's state unknown),
# the replay prints the live run's lines byte for byte, and a drive listed by a later recorded
# enumeration is not one the replay invents.
run "--record watch" 0 "$bin" --record "$tmp/watch.jsonl" --json --sysroot "$mixed" watch --timeout 0.3 --interval 100
cp "$tmp/out" "$tmp/watch-live.out"
grep -q '^{"type":"watch_turn","key":"watch",' "$tmp/watch.jsonl" && ok "--record watch: its turns recorded" ||
    not_ok "--record watch: no watch_turn line"
run "--replay watch" 0 "$bin" --replay "$tmp/watch.jsonl" --json watch --timeout 0.3 --interval 100
if cmp -s "$tmp/out" "$tmp/watch-live.out"; then ok "--replay watch: the live run's lines, times included"; else not_ok "--replay watch: $(diff "$tmp/out" "$tmp/watch-live.out" | head -c 400)"; fi

# Sessions recorded in the QEMU automation guest (tests/fixtures/recordings/watch/README.md):
# polled, the host pulls and puts back a disc (watch-polled), and unplugs a USB drive
# (watch-usb-unplug). Replayed: the live run's JSON Lines byte for byte (NAME.out), the text
# golden (NAME.text), --count and --timeout on the recorded clock, exit 0 at the recording's
# end, and the commands sent in the recorded order (or the replay would have diverged).
for f in "$rec"/watch/*.jsonl; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .jsonl)
    base=$rec/watch/$name
    interval=$(head -n 1 "$f" | python3 -c 'import json,sys; a=json.load(sys.stdin)["argv"]; print(a[a.index("--interval")+1])')
    run "$name: --replay --json watch" 0 "$bin" --replay "$f" --json watch --interval "$interval"
    if cmp -s "$tmp/out" "$base.out"; then ok "$name: the live run's JSON Lines, byte for byte"; else not_ok "$name: differs from $name.out: $(diff "$tmp/out" "$base.out" | head -c 600)"; fi
    run "$name: --replay watch (text)" 0 "$bin" --replay "$f" watch --interval "$interval"
    if cmp -s "$tmp/out" "$base.text"; then ok "$name: the text golden"; else not_ok "$name: differs from $name.text: $(diff "$tmp/out" "$base.text" | head -c 600)"; fi
    run "$name: --replay --count 2" 0 "$bin" --replay "$f" --json watch --interval "$interval" --count 2
    if cmp -s "$tmp/out" <(head -n 3 "$base.out"); then ok "$name: --count 2: the snapshot and the first two events"; else not_ok "$name: --count 2: $(head -c 400 "$tmp/out")"; fi
    run "$name: --replay --timeout 1" 0 "$bin" --replay "$f" --json watch --interval "$interval" --timeout 1
    # Nothing happened in the first second of either session (the host waited 2 s).
    if cmp -s "$tmp/out" <(head -n 1 "$base.out"); then ok "$name: --timeout 1 on the recorded clock: the snapshot only"; else not_ok "$name: --timeout 1: $(head -c 400 "$tmp/out")"; fi
done
events_in() { python3 -c 'import json,sys; print(" ".join(json.loads(l)["event"] + ("" if "drive" not in json.loads(l) else ":" + json.loads(l)["drive"]["name"]) for l in open(sys.argv[1])))' "$1"; }
if [ -e "$rec/watch/watch-polled.out" ]; then
    got=$(events_in "$rec/watch/watch-polled.out")
    case $got in "snapshot medium_removed:sr"[0-9]" not_ready:sr"[0-9]" medium_inserted:sr"[0-9]" ready:sr"[0-9]) ok "watch-polled: snapshot, medium_removed, not_ready, medium_inserted, ready" ;;
        *) not_ok "watch-polled: events $got" ;; esac
    got=$(events_in "$rec/watch/watch-usb-unplug.out")
    case $got in "snapshot drive_removed:sr"[0-9]" medium_removed:sr"[0-9]" not_ready:sr"[0-9]) ok "watch-usb-unplug: snapshot, drive_removed, then the other drive's eject" ;;
        *) not_ok "watch-usb-unplug: events $got" ;; esac
else not_ok "no watch recordings in $rec/watch"; fi

# Bad recordings and option misuse: usage errors, one line.
bad() {
    local name=$1 part=$2; shift 2
    run "$name" 2 "$bin" "$@"
    one_line_stderr "$name"
    if grep -qF -- "$part" "$tmp/err"; then ok "$name: message has '$part'"; else not_ok "$name: no '$part' in: $(cat "$tmp/err")"; fi
}
printf 'not json\n' >"$tmp/bad1.jsonl"
printf '{"type":"command","device":"/dev/sg0","cdb":"00"}\n' >"$tmp/bad2.jsonl"
printf '{"type":"run","format":[2,0],"argv":[]}\n' >"$tmp/bad3.jsonl"
: >"$tmp/empty.jsonl"
bad "--replay: not JSON" "line 1: not a JSON object" --replay "$tmp/bad1.jsonl" list
bad "--replay: no run line" "not a discrec recording of format 1.x" --replay "$tmp/bad2.jsonl" list
bad "--replay: format 2" "not a discrec recording of format 1.x" --replay "$tmp/bad3.jsonl" list
bad "--replay: empty" "empty recording" --replay "$tmp/empty.jsonl" list
bad "--replay: missing file" "nosuch.jsonl" --replay "$tmp/nosuch.jsonl" list
bad "--record and --replay" "excludes" --record "$tmp/x.jsonl" --replay "$rec/info-piix-iso.jsonl" list
bad "--record -" "--record: name a file" --record - list
finish
