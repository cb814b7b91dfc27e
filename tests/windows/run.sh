#!/usr/bin/env bash
# The Windows build, checked on Linux: cross-builds discrec.exe and discrec_unit_tests.exe with
# mingw-w64 (cmake/mingw-w64-x86_64.cmake) and runs them under Wine.
#
#   tests/windows/run.sh [--unit|--exe|--all] [--readme] [BUILD_DIR]  (default --all, build-win)
#
# --readme  build as the README's "Windows" section says, with its lines as written (extracted
#           from README.md; the apt-get line only as root): they run in a directory beside
#           BUILD_DIR made of links to the source tree's entries and a link build-win ->
#           BUILD_DIR, so `cmake -S . -B build-win` builds discrec.exe (Release) into BUILD_DIR
#           and the source tree stays clean; the unit tests are then built in the same tree.
#           ctest runs it so; CI thus builds exactly what the README tells users to.
#
# --unit  the doctest unit tests (tests/unit/, including platform_windows_test.cpp)
# --exe   discrec.exe end to end: --version, list, info and every error path for drive
#         letters that are not optical drives (Wine maps letters to Unix directories; with no
#         CD drive configured, list is empty)
# Exit 0 passed, 1 failed, 77 skipped (mingw-w64 or Wine not installed).
set -uo pipefail

mode=--all
case "${1:-}" in --unit | --exe | --all) mode=$1; shift ;; esac
readme=0
[ "${1:-}" = --readme ] && { readme=1; shift; }
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build=$(mkdir -p "${1:-build-win}" && cd "${1:-build-win}" && pwd)

for tool in x86_64-w64-mingw32-g++-posix cmake; do
    command -v "$tool" >/dev/null || { echo "windows: $tool not installed: skipped"; exit 77; }
done
if ! command -v wine >/dev/null && ! command -v wine64 >/dev/null; then
    echo "windows: wine not installed: skipped"
    exit 77
fi

# One quiet, private Wine prefix per build tree (created on first use); no display needed.
export WINEPREFIX="$build/wineprefix" WINEDEBUG=-all
wine_run="$source_dir/cmake/mingw-w64/wine-run.sh"
# wineserver is a Unix program (not run through wine); Debian keeps it off PATH.
wineserver=$(command -v wineserver || command -v /usr/lib/wine/wineserver64 || echo true)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
now_ms() { date +%s%3N; }

# The README's Windows lines: the first ```sh block after "## Windows", one command a line.
readme_lines() {
    awk '/^## Windows/ { w = 1 } w && /^```sh$/ { on = 1; next } on && /^```$/ { exit } on' "$source_dir/README.md"
}

build_readme() {
    local work line
    work=$(dirname "$build")/readme-src
    rm -rf "$work" && mkdir -p "$work" || return 1
    for entry in "$source_dir"/* "$source_dir"/.c*; do
        [ -e "$entry" ] && [[ $(basename "$entry") != build* ]] && ln -s "$entry" "$work/"
    done
    ln -s "$build" "$work/build-win"
    [ -n "$(readme_lines)" ] || { echo "FAIL: no Windows lines in README.md"; return 1; }
    while IFS= read -r line; do
        if [[ $line == apt-get* ]] && [ "$(id -u)" -ne 0 ]; then
            echo "windows: README line skipped (not root): $line"
            continue
        fi
        echo "windows: README line: $line"
        (cd "$work" && bash -eo pipefail -c "$line" </dev/null >"$build/readme-line.log" 2>&1) ||
            { cat "$build/readme-line.log"; echo "FAIL: README line: $line"; return 1; }
    done < <(readme_lines)
    [ -f "$build/discrec.exe" ] || { echo "FAIL: the README's lines made no $build/discrec.exe"; return 1; }
    [ "$mode" = --exe ] || cmake --build "$build" -j"$(nproc)" --target discrec_unit_tests 2>&1 | grep -v '^\[' || true
    [ "$mode" = --exe ] || [ -f "$build/tests/discrec_unit_tests.exe" ]
}

build_targets() {
    [ "$readme" = 1 ] && { build_readme; return; }
    local targets=(--target discrec)
    [ "$mode" != --exe ] && targets+=(--target discrec_unit_tests)
    cmake -S "$source_dir" -B "$build" -DCMAKE_TOOLCHAIN_FILE="$source_dir/cmake/mingw-w64-x86_64.cmake" \
        -DCMAKE_BUILD_TYPE="${DISCREC_WIN_BUILD_TYPE:-}" -DDISCREC_VM_TESTS=OFF >"$build/configure.log" 2>&1 ||
        { cat "$build/configure.log"; return 1; }
    cmake --build "$build" -j"$(nproc)" "${targets[@]}" 2>&1 | grep -v '^\[' || true
    [ -f "$build/discrec.exe" ] || return 1
    [ "$mode" = --exe ] || [ -f "$build/tests/discrec_unit_tests.exe" ]
}

start_wine() {
    local t0
    t0=$(now_ms)
    "$wine_run" wineboot --init >/dev/null 2>&1
    echo "windows: wine prefix ready in $(($(now_ms) - t0)) ms ($WINEPREFIX)"
}

run_unit() {
    local t0
    t0=$(now_ms)
    if "$wine_run" "$build/tests/discrec_unit_tests.exe"; then
        echo "windows: unit tests passed under Wine in $(($(now_ms) - t0)) ms"
    else
        fail "discrec_unit_tests.exe under Wine"
    fi
}

# run NAME EXPECTED_EXIT ARGS...: runs discrec.exe, keeps stdout/stderr (without the CRs of
# Windows text mode) in $out/$err, and checks the exit status.
out="" err=""
run() {
    local name=$1 expected=$2
    shift 2
    "$wine_run" "$build/discrec.exe" "$@" >"$build/out.txt" 2>"$build/err.txt"
    local status=$?
    out=$(tr -d '\r' <"$build/out.txt")
    err=$(tr -d '\r' <"$build/err.txt")
    if [ "$status" -ne "$expected" ]; then
        fail "$name: exit $status, expected $expected; stdout: $out; stderr: $err"
        return 1
    fi
    echo "ok: $name (exit $status)${err:+: $err}"
}

contains() { [[ "$1" == *"$2"* ]] || fail "$3: '$2' not in: $1"; }

json_check() {  # json_check NAME PYTHON_EXPR (on the document d)
    python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($2) else 1)" \
        <<<"$out" || fail "$1: JSON check '$2' failed on: $out"
}

# The exe is hardened (cmake/Hardening.cmake), from its PE header: ASLR (DYNAMIC_BASE) with a
# 64-bit base (HIGH_ENTROPY_VA), DEP (NX_COMPAT), Control Flow Guard (GUARD_CF) when the
# compiler had -mguard=cf (Debian 12's mingw-w64 GCC 12 has not), and the stack protector.
check_pe_hardening() {
    local objdump=x86_64-w64-mingw32-objdump flags flag
    command -v "$objdump" >/dev/null || { echo "windows: $objdump missing: PE flags not checked"; return; }
    flags=$("$objdump" -p "$build/discrec.exe" | sed -n '/^DllCharacteristics/,/^SizeOfStackReserve/p')
    local want=(DYNAMIC_BASE HIGH_ENTROPY_VA NX_COMPAT)
    grep -q '^DISCREC_HAVE_mguard_cf:INTERNAL=1' "$build/CMakeCache.txt" && want+=(GUARD_CF)
    for flag in "${want[@]}"; do
        grep -qw "$flag" <<<"$flags" && echo "ok: discrec.exe PE flag $flag" || fail "discrec.exe lacks PE flag $flag"
    done
    local symbols  # read whole first: grep -q would end nm early, a failure under pipefail
    symbols=$(x86_64-w64-mingw32-nm "$build/discrec.exe" 2>/dev/null)
    grep -qw '__stack_chk_fail' <<<"$symbols" &&
        echo "ok: discrec.exe has the stack protector" || fail "discrec.exe: no __stack_chk_fail"
}

run_exe() {
    local t0 version
    check_pe_hardening
    version=$(sed -n 's/^project(discrec VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
    t0=$(now_ms)
    run "--version" 0 --version && contains "$out" "discrec $version" "--version"
    echo "windows: one discrec.exe run under Wine took $(($(now_ms) - t0)) ms"
    run "--help" 0 --help && contains "$out" "info" "--help"
    run "bad option" 2 list --no-such-option
    run "list" 0 list && { [ -z "$out" ] || fail "list: expected no rows, got: $out"; }
    contains "$err" "no optical drives found" "list"
    run "list --json" 0 list --json && json_check "list --json" 'd["drives"] == [] and d["exit_status"] == 0'
    run "info (no drives)" 0 info
    # Z: is the Unix root in every Wine prefix, C: the prefix's drive_c: fixed disks.
    run "info Z:" 3 info Z: && contains "$err" "'Z:' is a fixed disk, not an optical drive" "info Z:"
    run "info c:\\" 3 'info' 'c:\' && contains "$err" "not an optical drive" "info c:\\"
    run "info \\\\.\\Z:" 3 info '\\.\Z:'
    run "info Q: (no such letter)" 3 info Q: && contains "$err" "no optical drive 'Q:'" "info Q:"
    run "info \\\\.\\CdRom0" 3 info '\\.\CdRom0'
    run "info 0 (no such index)" 3 info 0
    run "info sr0 (a Linux name)" 3 info sr0
    # One option syntax on every OS (main.cpp turns CLI11's /option style off): a drive name.
    run "info /dev/sr0" 3 info /dev/sr0 && contains "$err" "no optical drive '/dev/sr0'" "info /dev/sr0"
    run "info --json Q:" 3 info --json Q: &&
        json_check "info --json Q:" 'd["exit_status"] == 3 and d["error"]["kind"] == "no_such_drive"'
    run "info --json Z:" 3 info Z: --json &&
        json_check "info --json Z:" 'd["error"]["kind"] == "no_such_drive"'
    run "media (no drives)" 0 media
    run "media --json (no drives)" 0 media --json && json_check "media --json (no drives)" 'd["drives"] == []'
    run "media Z:" 3 media Z: && contains "$err" "'Z:' is a fixed disk, not an optical drive" "media Z:"
    run "media --json Q:" 3 media --json Q: &&
        json_check "media --json Q:" 'd["exit_status"] == 3 and d["error"]["kind"] == "no_such_drive"'
    send_checks
    automation_checks
    replay_checks
    automation_replay_checks
    fake_cd_letter
}

# one_line NAME: the error is one line (what failed, on which drive), as every error is.
one_line() { [ "$(wc -l <<<"$err")" -eq 1 ] || fail "$1: stderr is not one line: $err"; }

# check, wait and watch (issue 16) under Wine with no optical drive: each error path (no such
# drive: exit 3 with its one line; bad arguments: exit 2), `check` with fewer drives than
# --min-drives (a failed check, exit 10, not an error), and watch ending cleanly on --timeout
# after its snapshot line. How watch learns of drives coming and going is in its --trace:
# Wine 8's cfgmgr32.dll has no CM_Register_Notification, so it falls back to listing them.
automation_checks() {
    run "check Q: (no such drive)" 3 check Q: --medium && contains "$err" "no optical drive 'Q:'" "check Q:" && one_line "check Q:"
    run "check --json Q:" 3 check --json Q: --ready &&
        json_check "check --json Q:" 'd["exit_status"] == 3 and d["error"]["kind"] == "no_such_drive"'
    run "check Z: (a fixed disk)" 3 check Z: --medium && contains "$err" "'Z:' is a fixed disk, not an optical drive" "check Z:"
    run "check --tray sideways" 2 check --tray sideways
    run "check --min-free 12Q" 2 check --min-free 12Q && contains "$err" "'12Q' is no size" "check --min-free 12Q"
    run "check --profile no-such-profile" 2 check --profile no-such-profile && contains "$err" "--profile" "check --profile"
    run "check --feature zz" 2 check --feature zz
    run "check --min-drives -1" 2 check --min-drives -1
    run "check --medium --no-medium" 2 check --medium --no-medium
    run "check --vendor '('" 2 check --vendor '('
    run "check (no drive): min-drives fails" 10 check --medium &&
        contains "$out" "drives: FAIL min-drives: expected at least 1 drive, actual 0 drives" "check (no drive)"
    run "check --json (no drive)" 10 check --json --ready --not-held &&
        json_check "check --json (no drive)" 'd["passed"] is False and d["min_drives"]["result"] == "fail" and d["min_drives"]["actual"] == "0 drives" and d["drives"] == [] and d["exit_status"] == 10'
    run "check --min-drives 0 (no drive)" 0 check --min-drives 0 &&
        contains "$out" "drives: PASS min-drives: expected at least 0 drives, actual 0 drives" "check --min-drives 0"

    run "wait Q: --for medium --timeout 1 (no such drive)" 3 wait Q: --for medium --timeout 1 &&
        contains "$err" "no optical drive 'Q:'" "wait Q:" && one_line "wait Q:"
    run "wait --json Q:" 3 wait --json Q: --for ready --timeout 1 &&
        json_check "wait --json Q:" 'd["exit_status"] == 3 and d["error"]["kind"] == "no_such_drive"'
    run "wait Z: (a fixed disk)" 3 wait Z: --for not-held --timeout 1 && contains "$err" "not an optical drive" "wait Z:"
    run "wait: no --for" 2 wait Q:
    run "wait: no DRIVE" 2 wait --for medium
    run "wait --for sideways" 2 wait Q: --for sideways
    run "wait --timeout -1" 2 wait Q: --for medium --timeout -1
    run "wait --interval 10 (below 50)" 2 wait Q: --for medium --interval 10

    run "watch Q: (no such drive)" 3 watch Q: --timeout 1 && contains "$err" "no optical drive 'Q:'" "watch Q:" && one_line "watch Q:"
    run "watch --json Q:" 3 watch --json Q: --timeout 1 &&
        json_check "watch --json Q:" 'd["exit_status"] == 3 and d["error"]["kind"] == "no_such_drive"'
    run "watch --interval 10 (below 50)" 2 watch --interval 10
    run "watch --count 0" 2 watch --count 0
    run "watch --timeout -1" 2 watch --timeout -1
    local t0 ms
    t0=$(now_ms)
    run "watch --timeout 1 (no drive)" 0 --trace watch --timeout 1 --interval 200 &&
        { [[ "$out" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z\ snapshot:\ no\ drives$ ]] || fail "watch --timeout 1: not one snapshot line: $out"; }
    ms=$(($(now_ms) - t0))
    echo "windows: watch --timeout 1 ended after $ms ms (Wine's start included)"
    # Wine 8's cfgmgr32.dll exports no CM_Register_Notification (Windows 8 and later do): the
    # fallback, and --trace says which source tells of drives coming and going.
    contains "$err" "cfgmgr32.dll has no CM_Register_Notification" "watch --trace (the drive list's source)"
    contains "$err" "no kernel uevents on Windows: polling" "watch --trace (the media's source)"
    run "watch --json --timeout 1 (no drive)" 0 watch --json --timeout 0.5 &&
        json_check "watch --json snapshot" 'd["event"] == "snapshot" and d["drives"] == [] and d["json_format_version"][0] == 1'
}

# `send` on Windows, as far as Wine goes without an optical drive (SPTI itself is reached
# only in fake_cd_letter, where Wine refuses it): argument parsing, the gate (exit 2, nothing
# sent: --trace shows no command, and the refusal comes before the drive is looked up), the
# error for a drive that does not exist, and --json of each.
send_checks() {
    run "send Q: INQUIRY (no such drive)" 3 send Q: 12 00 00 00 60 00 --in 96 &&
        contains "$err" "no optical drive 'Q:'" "send Q:"
    run "send --json Q: (no such drive)" 3 send --json Q: 12 00 00 00 60 00 --in 96 &&
        json_check "send --json Q:" 'd["exit_status"] == 3 and d["error"]["kind"] == "no_such_drive"'
    # refused NAME MESSAGE-PART ARGS...: exit 2 naming opcode, class and option; no CDB traced.
    refused() {
        local name=$1 part=$2
        shift 2
        run "send: $name refused" 2 --trace send Q: "$@" || return
        contains "$err" "$part" "send: $name"
        if grep -Eq '([0-9a-fA-F]{2} ){5}[0-9a-fA-F]{2}' <<<"$err"; then fail "send: $name: --trace shows a command: $err"; fi
    }
    refused "WRITE(10)" "refused: WRITE(10) (opcode 2Ah) is in class 'writes or erases media'; --allow-write allows it" \
        2a 00 00 00 00 00 00 00 01 00
    refused "FORMAT UNIT" "FORMAT UNIT (opcode 04h) is in class 'writes or erases media'" 04 11 00 00 00 00
    refused "BLANK" "BLANK (opcode A1h) is in class 'writes or erases media'" a1 11 00 00 00 00 00 00 00 00 00 00
    refused "WRITE BUFFER --allow-write" "needs --allow-write and --allow-firmware" \
        3b 05 00 00 00 00 00 00 00 00 --allow-write
    refused "START STOP UNIT" "START STOP UNIT (opcode 1Bh) is in class 'changes drive state'" 1b 00 00 00 02 00
    refused "vendor opcode" "(opcode C5h) is in class 'unknown or vendor specific'" c5 00 00 00 00 00 00 00
    printf 'x' >"$build/one-byte.bin"
    refused "INQUIRY with --out" "--out with it needs --allow-write" 12 00 00 00 60 00 --out "$build/one-byte.bin"
    run "send --json: a refusal" 2 send --json Q: 2a 00 00 00 00 00 00 00 01 00 &&
        json_check "send --json refusal" 'd["exit_status"] == 2 and d["error"]["kind"] == "usage" and "WRITE(10)" in d["error"]["message"]'
    # Usage errors, one option syntax on every OS.
    run "send: a CDB of 3 bytes" 2 send Q: 12 00 00
    run "send: a CDB byte that is no hex" 2 send Q: 12 00 00 00 zz 00
    run "send: INQUIRY as a 10-byte CDB (wrong group length)" 2 send Q: 12 00 00 00 60 00 00 00 00 00
    run "send: --in 0" 2 send Q: 12 00 00 00 60 00 --in 0
    run "send: --in with --out" 2 send Q: 12 00 00 00 60 00 --in 96 --out "$build/one-byte.bin"
    run "send: --binary with --json" 2 send --binary --json Q: 12 00 00 00 60 00 --in 96
    run "send: --timeout 0" 2 send Q: 12 00 00 00 60 00 --timeout 0
}

# Recordings made on Linux in the QEMU guests (tests/fixtures/recordings/) replayed by the
# Windows build: the same document (argv aside), and `send --binary` writes the drive's bytes
# through stdout in binary mode (a 0Ah byte stays one byte, no CR added).
replay_checks() {
    local rec=$source_dir/tests/fixtures/recordings f live drive
    for f in "$rec"/info-lsi-iso.jsonl "$rec"/mode-pages-virtio-scsi-dvd.jsonl; do
        [ -f "$f" ] || { fail "replay: no fixture $f"; continue; }
        live=${f%.jsonl}.json
        read -r sub drive < <(python3 -c 'import json,sys; a=json.loads(open(sys.argv[1]).readline())["argv"]; print(a[-2], a[-1])' "$f")
        run "--replay $(basename "$f") (recorded on Linux)" 0 --replay "$(winepath -w "$f" 2>/dev/null)" --json "$sub" "$drive" &&
            python3 -c 'import json,sys
a, b = json.loads(sys.stdin.read()), json.load(open(sys.argv[1]))
for d in (a, b): d["discrec"]["argv"] = None
sys.exit(0 if a == b else 1)' "$live" <<<"$out" || fail "--replay $(basename "$f"): differs from the live document: $out"
    done
    # media (issue 14): guest recordings replayed by the Windows build give the golden text and
    # JSON of the Linux replays (tests/cli/goldens/regen.sh: stdout, then "[exit N]" in the
    # text file), exit status included (9: empty).
    local media=$source_dir/tests/fixtures/media gold=$source_dir/tests/cli/goldens name want
    while read -r name f drive want; do
        run "media --replay $f $drive (recorded on Linux)" "$want" --replay "$(winepath -w "$media/$f" 2>/dev/null)" media "$drive" &&
            { [ "$out"$'\n'"[exit $want]" = "$(cat "$gold/$name.txt")" ] || fail "media --replay $f: text differs from $name.txt: $out"; }
        run "media --json --replay $f $drive (recorded on Linux)" "$want" --replay "$(winepath -w "$media/$f" 2>/dev/null)" --json media "$drive" &&
            python3 -c 'import json,sys
a, b = json.loads(sys.stdin.read()), json.load(open(sys.argv[1]))
for d in (a, b): d["discrec"] = None
sys.exit(0 if a == b else 1)' "$gold/$name.json" <<<"$out" || fail "media --json --replay $f: differs from $name.json: $out"
    done <<'EOF_MEDIA'
media-qemu-piix-cd piix-cd.jsonl sr1 0
media-qemu-lsi-dvd lsi-dvd.jsonl sr0 0
media-qemu-virtio-scsi-empty virtio-scsi-empty.jsonl sr2 9
media-qemu-lsi-tray-open lsi-tray-open.jsonl sr0 9
media-synthetic-dvdplusrw-protected synthetic-dvdplusrw-protected.jsonl sr0 0
EOF_MEDIA
    f=$rec/send-mode-sense-lsi-iso.jsonl
    [ -f "$f" ] || { fail "replay: no fixture $f"; return; }
    read -r drive < <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["drive"]["name"])' "${f%.jsonl}.json")
    "$wine_run" "$build/discrec.exe" --replay "$(winepath -w "$f" 2>/dev/null)" send --binary "$drive" \
        5a 00 01 00 00 00 00 00 40 00 --in 64 >"$build/binary.out" 2>"$build/err.txt"
    python3 - "$build/binary.out" "${f%.jsonl}.json" <<'PY' && echo "ok: send --binary (replayed): the drive's bytes, 0Ah kept as one byte" || fail "send --binary: $(tr -d '\r' <"$build/err.txt")"
import json, sys
got = open(sys.argv[1], "rb").read()
want = bytes.fromhex(json.load(open(sys.argv[2]))["data"]["hex"].replace(" ", ""))
sys.exit(0 if got == want and b"\n" in want else 1)
PY
}

# check and wait on drives replayed from Linux guest recordings (tests/fixtures/media/) by the
# Windows build. check: the goldens of the Linux replays (tests/cli/goldens/check-*: text with
# "[exit N]", and JSON), and a passing check (exit 0). wait: its recordings are made here from
# the media recordings, whose first commands are wait's poll (the open, GESN, TEST UNIT READY):
# the drive's own answers, the poll repeated as the drive answers it again while nothing
# changes; two polls that agree are a stable state (exit 0), and with --timeout 0 the two
# polls end it (exit 7, the last state in the message).
automation_replay_checks() {
    local media=$source_dir/tests/fixtures/media gold=$source_dir/tests/cli/goldens name f drive want args
    while read -r name f drive want args; do
        # shellcheck disable=SC2086 # args: the golden's assertions, split as regen.sh gives them
        run "check --replay $f $drive $args (recorded on Linux)" "$want" --replay "$(winepath -w "$media/$f" 2>/dev/null)" check "$drive" $args &&
            { [ "$out"$'\n'"[exit $want]" = "$(cat "$gold/$name.txt")" ] || fail "check --replay $f: text differs from $name.txt: $out"; }
        # shellcheck disable=SC2086
        run "check --json --replay $f $drive $args" "$want" --replay "$(winepath -w "$media/$f" 2>/dev/null)" --json check "$drive" $args &&
            python3 -c 'import json,sys
a, b = json.loads(sys.stdin.read()), json.load(open(sys.argv[1]))
for d in (a, b): d["discrec"] = None
sys.exit(0 if a == b else 1)' "$gold/$name.json" <<<"$out" || fail "check --json --replay $f: differs from $name.json: $out"
    done <<'EOF_CHECK'
check-qemu-piix-cd piix-cd.jsonl sr1 10 --medium --tray closed --ready --complete --blank --appendable --writable --min-free 1s
check-qemu-lsi-tray-open lsi-tray-open.jsonl sr0 10 --no-medium --tray open --complete
check-synthetic-dvdplusrw synthetic-dvdplusrw.jsonl sr0 10 --writable --complete --min-free 1G
check-synthetic-dvdplusrw-protected synthetic-dvdplusrw-protected.jsonl sr0 10 --writable
EOF_CHECK
    run "check --replay piix-cd.jsonl: every assertion holds" 0 --replay "$(winepath -w "$media/piix-cd.jsonl")" \
        check sr1 --medium --tray closed --ready --complete &&
        { [ "$(grep -c ' PASS ' <<<"$out")" -eq 5 ] && ! grep -q FAIL <<<"$out" || fail "check (all hold): $out"; }

    # wait_recording SOURCE POLLS: SOURCE's header and open, then its GESN and TEST UNIT READY
    # POLLS times, written to $build/wait-SOURCE; prints that file's Windows path.
    wait_recording() {
        python3 - "$media/$1" "$build/wait-$1" "$2" <<'PY' || { fail "wait recording from $1"; return 1; }
import json, sys
lines = open(sys.argv[1]).read().splitlines()
first = [json.loads(l) for l in lines[1:4]]
assert first[0]["type"] == "open", first[0]
assert first[1]["cdb"].startswith("4a01") and first[2]["cdb"] == "000000000000", first[1:]
with open(sys.argv[2], "w") as f:
    f.write("\n".join(lines[:2] + lines[2:4] * int(sys.argv[3])) + "\n")
PY
        winepath -w "$build/wait-$1" 2>/dev/null
    }
    local rec
    rec=$(wait_recording piix-cd.jsonl 2) || return
    run "wait --replay piix-cd sr1 --for medium" 0 --replay "$rec" wait sr1 --for medium --interval 50
    run "wait --json --replay piix-cd sr1 --for ready" 0 --replay "$rec" --json wait sr1 --for ready --interval 50 &&
        json_check "wait --json (reached)" 'd["exit_status"] == 0 and d["reached"] is True and d["polls"] == 2 and d["drive"]["name"] == "sr1" and d["state"]["ready"] is True'
    run "wait --replay piix-cd sr1 --for no-medium --timeout 0" 7 --replay "$rec" wait sr1 --for no-medium --timeout 0 --interval 50 &&
        contains "$err" "sr1: timed out after 0 s waiting for no-medium (last state: tray closed, medium present, ready)" "wait (timeout)" &&
        one_line "wait (timeout)"
    run "wait --json --replay piix-cd sr1 --for tray-open --timeout 0" 7 --replay "$rec" --json wait sr1 --for tray-open --timeout 0 --interval 50 &&
        json_check "wait --json (timed out)" 'd["exit_status"] == 7 and d["reached"] is False and d["polls"] == 2 and d["error"]["kind"] == "timeout" and d["state"]["tray_open"] is False'
    rec=$(wait_recording lsi-tray-open.jsonl 2) || return
    run "wait --replay lsi-tray-open sr0 --for tray-open" 0 --replay "$rec" wait sr0 --for tray-open --interval 50
    run "wait --replay lsi-tray-open sr0 --for medium --timeout 0" 7 --replay "$rec" wait sr0 --for medium --timeout 0 --interval 50 &&
        contains "$err" "(last state: tray open, no medium, not ready)" "wait lsi-tray-open (timeout)"
    rec=$(wait_recording virtio-scsi-empty.jsonl 2) || return
    run "wait --replay virtio-scsi-empty sr2 --for no-medium" 0 --replay "$rec" wait sr2 --for no-medium --interval 50
    run "wait --replay virtio-scsi-empty sr2 --for tray-closed" 0 --replay "$rec" wait sr2 --for tray-closed --interval 50
    # A recording of another command is no watch session: the replay stops at once, naming what
    # the recording lacks and what made it (exit 1).
    run "watch --replay piix-cd.jsonl (a media recording)" 1 --replay "$(winepath -w "$media/piix-cd.jsonl")" watch sr1 --timeout 1 &&
        contains "$err" "the recording has no more watch_start of watch (the recording was made by: discrec --record piix-cd.jsonl media sr1)" "watch --replay (a media recording)"
    # The watch sessions recorded in the Linux guest (tests/fixtures/recordings/watch): the
    # Windows build replays their turns at the recorded times and prints the live run's JSON
    # Lines and text byte for byte (the same code decides events on both systems; only the
    # sources of time, uevents and drive lists differ, and those are the recording's).
    local f name interval
    for f in "$source_dir"/tests/fixtures/recordings/watch/*.jsonl; do
        name=$(basename "$f" .jsonl)
        interval=$(head -n 1 "$f" | python3 -c 'import json,sys; a=json.load(sys.stdin)["argv"]; print(a[a.index("--interval")+1])')
        run "watch --replay $name --json (recorded on Linux)" 0 --replay "$(winepath -w "$f" 2>/dev/null)" --json watch --interval "$interval" &&
            { [ "$out" = "$(cat "${f%.jsonl}.out")" ] || fail "watch --replay $name --json: differs from $name.out: $out"; }
        run "watch --replay $name (text, recorded on Linux)" 0 --replay "$(winepath -w "$f" 2>/dev/null)" watch --interval "$interval" &&
            { [ "$out" = "$(cat "${f%.jsonl}.text")" ] || fail "watch --replay $name: differs from $name.text: $out"; }
    done
}

# A letter Wine calls a CD-ROM (registry HKLM\Software\Wine\Drives "r:"="cdrom") that is only a
# directory: it is listed, and info must fail cleanly (no SCSI pass-through behind it).
fake_cd_letter() {
    local dir="$build/fake-cd"
    mkdir -p "$dir"
    ln -sfn "$dir" "$WINEPREFIX/dosdevices/r:"
    "$wine_run" reg add 'HKLM\Software\Wine\Drives' /v r: /d cdrom /f >/dev/null 2>&1
    "$wineserver" -k >/dev/null 2>&1 || true  # mountmgr reads drive types when Wine starts
    run "list (fake CD letter R:)" 0 list --json &&
        json_check "list R:" 'len(d["drives"]) == 1 and d["drives"][0]["name"] == "R:" and d["drives"][0]["block_device"] == "\\\\.\\R:"'
    echo "windows: Wine's view of R:: $out"
    # Wine's ntdll calls it a CD-ROM (\\.\CdRom0) but hands the pass-through IOCTLs to
    # mountmgr, which refuses them: info reports each command's OS error and exits 0.
    run "info R: (a directory, not a device)" 0 info --json R: &&
        json_check "info R:" 'd["drives"][0]["name"] == "R:" and "INQUIRY" in d["drives"][0]["errors"][0]["message"]'
    run "info r:\\ (same drive)" 0 info 'r:\'
    # Drive names that end in a colon are printed with one: "R: INQUIRY", never "R:: INQUIRY".
    run "info R: (plain text)" 0 info R: && contains "$out$err" "R: INQUIRY" "info R: message" &&
        { [[ "$out$err" != *"R::"* ]] || fail "info R: prints R:: in: $out$err"; }
    # Windows releases a tray lock with the handle that took it: lock says so (not supported).
    run "lock R: (no lock outlives discrec on Windows)" 8 lock R: &&
        contains "$err" "R: Windows releases a tray lock when the program that set it exits" "lock R:"
    run "lock --off R:" 8 lock --off R:
    # send reaches SPTI here (DeviceIoControl on \\.\CdRom0), which Wine refuses with
    # ERROR_NOT_SUPPORTED (50): "not supported", exit 8; --json carries Windows' code.
    run "send R: INQUIRY (SPTI refused by Wine)" 8 send R: 12 00 00 00 60 00 --in 96 &&
        contains "$err" "R: INQUIRY" "send R:"
    run "send --json R: INQUIRY" 8 send --json R: 12 00 00 00 60 00 --in 96 &&
        json_check "send --json R:" 'd["os_error"] != 0 and d["status"].startswith("OS error") and d["data"] is None and d["error"]["kind"] == "not_supported"'
    run "send --binary R: (nothing on stdout)" 8 send --binary R: 12 00 00 00 60 00 --in 96 &&
        { [ -z "$out" ] || fail "send --binary R:: stdout not empty: $out"; }
    run "send: WRITE(10) on R: refused, nothing sent" 2 --trace send R: 2a 00 00 00 00 00 00 00 01 00 &&
        { ! grep -q "2a 00 00 00" <<<"$err" || fail "send R: WRITE(10) traced: $err"; }
    # A recording made on Windows, OS errors and all (Wine's refusal of every command), replays
    # to the same document here; tests/fixtures/recordings/windows/ keeps one made so, which
    # the Linux replay test replays (copy $build/recorded-on-windows/* there to renew it).
    mkdir -p "$build/recorded-on-windows"
    local wrec=$build/recorded-on-windows/info-wine-fake-cd.jsonl
    run "--record info --json R:" 0 --record "$(winepath -w "$wrec")" --json info R: &&
        printf '%s\n' "$out" >"${wrec%.jsonl}.json" &&
        { grep -q '"system":"windows"' "$wrec" && grep -q '"os_error_kind":' "$wrec" ||
            fail "--record on Windows: no system or OS error kind in $(head -c 300 "$wrec")"; }
    local live=$out
    run "--replay of it" 0 --replay "$(winepath -w "$wrec")" --json info R: &&
        python3 -c 'import json,sys
a, b = (json.loads(t) for t in sys.argv[1:3])
for d in (a, b): d["discrec"]["argv"] = None
sys.exit(0 if a == b else 1)' "$out" "$live" || fail "--replay on Windows: differs: $out"
    run "mcn --off R:" 8 mcn --off R:
    # check, wait and watch on it: the facts the OS gives (no command) decide their assertions;
    # the refused pass-through makes a drive fact unknown (a failed assertion naming the OS
    # error, exit 10) or ends wait with it (exit 8); watch shows the drive, its state unknown.
    # Every line starts "R: ", never "R:: " (the strings checked would not match that).
    run "check R: --not-held (the OS alone)" 0 check R: --not-held &&
        contains "$out" "R: PASS not-held: expected no other process, actual no other process" "check R: --not-held"
    run "check R: --medium (SPTI refused by Wine)" 10 check R: --medium &&
        contains "$out" "R: FAIL medium: expected present, actual unknown: R: TEST UNIT READY: OS error" "check R: --medium"
    run "check --json R: --medium --tray closed" 10 check --json R: --medium --tray closed &&
        json_check "check --json R:" 'd["passed"] is False and [a["result"] for a in d["drives"][0]["assertions"]] == ["fail", "fail"] and d["drives"][0]["errors"][0]["kind"] == "not_supported"'
    run "wait R: --for not-held" 0 wait R: --for not-held --timeout 5 --interval 50 &&
        contains "$out" "R: not-held after" "wait R: --for not-held"
    run "wait R: --for medium (SPTI refused by Wine)" 8 wait R: --for medium --timeout 1 &&
        contains "$err" "R: TEST UNIT READY: OS error" "wait R: --for medium" && one_line "wait R:"
    run "watch R: --count 1 --timeout 1 (nothing happens: the timeout ends it)" 0 --trace watch R: --count 1 --timeout 1 --interval 200 &&
        contains "$out" " R: snapshot: unknown (watched by polling)" "watch R:" &&
        contains "$err" "R: polled every 200 ms with GET CONFIGURATION and MECHANISM STATUS" "watch R: --trace"
    run "watch --json (R: listed)" 0 watch --json --timeout 0.5 &&
        json_check "watch --json R:" 'd["event"] == "snapshot" and [x["drive"]["name"] for x in d["drives"]] == ["R:"] and d["drives"][0]["source"] == "polling"'
    "$wine_run" reg delete 'HKLM\Software\Wine\Drives' /v r: /f >/dev/null 2>&1
    rm -f "$WINEPREFIX/dosdevices/r:"
    "$wineserver" -k >/dev/null 2>&1 || true
}

# DISCREC_WIN_PREBUILT=1: check the exes already in BUILD_DIR (built elsewhere) without building.
if [ "${DISCREC_WIN_PREBUILT:-0}" != 1 ] && ! build_targets; then
    echo "FAIL: the mingw-w64 cross build failed (see above)"
    exit 1
fi
start_wine
[ "$mode" != --exe ] && run_unit
[ "$mode" != --unit ] && run_exe
"$wineserver" -k >/dev/null 2>&1 || true
if [ "$failures" -ne 0 ]; then
    echo "windows: $failures check(s) failed"
    exit 1
fi
echo "windows: all checks passed"
