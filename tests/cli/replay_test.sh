#!/usr/bin/env bash
# --replay on the host, no drive needed: the recordings made in the QEMU guests
# (tests/fixtures/recordings, source in its README) replay to the very document the live run
# printed (argv aside), in text too; `send` of INQUIRY replays from an `info` recording (its
# first command); another subcommand ends with exit 1 and a message naming both commands;
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
sys.exit(0 if a == b else 1)
PY
    then ok "$1: the live run's document"; else not_ok "$1: differs from $2: $(head -c 300 "$tmp/out")"; fi
}

# Every recording, replayed: the documents are compared with the live ones in one python3 run.
pairs=()
for f in "$rec"/*.jsonl; do
    name=$(basename "$f" .jsonl)
    read -r sub drive < <(head -n 1 "$f" | grep -o '"[^"]*","[^"]*"\],"enumeration"' | cut -d'"' -f2,4 | tr '"' ' ')
    run "$name: --replay $sub $drive --json" 0 "$bin" --replay "$f" --json "$sub" "$drive"
    cp "$tmp/out" "$tmp/$name.replayed.json"
    pairs+=("$tmp/$name.replayed.json" "${f%.jsonl}.json")
    run "$name: --replay $sub (text)" 0 "$bin" --replay "$f" "$sub" "$drive"
    [ -s "$tmp/out" ] && ok "$name: text output" || not_ok "$name: no text output"
done
while read -r line; do
    case $line in ok*) ok "${line#ok }" ;; *) not_ok "${line#not ok }" ;; esac
done < <(python3 - "${pairs[@]}" <<'PY'
import json, sys
args = sys.argv[1:]
for replayed, live in zip(args[0::2], args[1::2]):
    try:
        a, b = json.load(open(replayed)), json.load(open(live))
        for d in (a, b):
            d["discrec"]["argv"] = None
        same = a == b
    except (OSError, ValueError, KeyError, TypeError):
        same = False
    print(("ok " if same else "not ok ") + live.rsplit("/", 1)[-1] + ": the replay prints the live run's document")
PY
)

for f in "$rec"/info-*.jsonl; do
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
    run "$name: --replay send INQUIRY" 0 "$bin" --replay "$f" --json send "$drive" 12 00 00 00 60 00 --in 96
    json_check "$name: send's document" "d['command']['class'] == 'read_only' and d['status'] == 'good' and d['data']['length'] == 96 and d['data']['hex'].startswith('05 80') and d['exit_status'] == 0"
    run "$name: --replay send INQUIRY --binary" 0 "$bin" --replay "$f" send --binary "$drive" 12 00 00 00 60 00 --in 96
    if [ "$(wc -c <"$tmp/out")" -eq 96 ]; then ok "$name: --binary writes the 96 bytes"; else not_ok "$name: --binary wrote $(wc -c <"$tmp/out") bytes"; fi
    run "$name: --replay names another drive" 1 "$bin" --replay "$f" info nosuch
    grep -q "the run names drive 'nosuch', the recording does not" "$tmp/err" && ok "$name: says which drive" || not_ok "$name: $(cat "$tmp/err")"
done

# Recorded here (the captured tree has no device nodes: the opens fail, and are recorded).
run "--record info on a captured tree" 3 "$bin" --record "$tmp/here.jsonl" --json --sysroot "$mixed" info
cp "$tmp/out" "$tmp/here-live.json"
run "--replay of it, without --sysroot" 3 "$bin" --replay "$tmp/here.jsonl" --json info
same_document "--replay of a captured tree's info" "$tmp/here-live.json"
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
