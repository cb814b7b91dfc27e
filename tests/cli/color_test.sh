#!/usr/bin/env bash
# Colour: only on a terminal, never with NO_COLOR (set and not empty, https://no-color.org)
# or --color=never, always with --color=always (which outranks NO_COLOR), never in JSON. A
# pseudo-terminal comes from util-linux script(1); `list` replays the captured sysfs tree
# tests/fixtures/sysfs/mixed and `info sr9` makes an error there, so no drive is needed.
# Usage: color_test.sh DISCREC SOURCE_DIR   (exit 77 without script(1) or python3)
set -u
bin=$1
src=$2
command -v script >/dev/null || { echo "script (util-linux) missing: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
mixed=$src/tests/fixtures/sysfs/mixed
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
esc=$'\e['
q() { printf '%q ' "$@"; }

# on_tty OUT ENV... -- ARGS...: runs discrec ARGS with the ENV assignments and stdout and
# stderr on a pseudo-terminal; what the terminal showed goes to OUT. Returns discrec's status.
on_tty() {
    local out=$1 envs=(); shift
    while [ "$1" != -- ]; do envs+=("$1"); shift; done; shift
    script -qec "$(q env -u NO_COLOR TERM=xterm "${envs[@]}" "$bin" --sysroot "$mixed" "$@")" \
        /dev/null </dev/null >"$out" 2>&1
}
# in_pipe OUT ENV... -- ARGS...: the same, stdout into a file, stderr into OUT.err.
in_pipe() {
    local out=$1 envs=(); shift
    while [ "$1" != -- ]; do envs+=("$1"); shift; done; shift
    env -u NO_COLOR TERM=xterm "${envs[@]}" "$bin" --sysroot "$mixed" "$@" >"$out" 2>"$out.err"
}
coloured() { grep -qF "$esc" "$1"; }
# has NAME FILE yes|no: FILE holds (yes) or does not hold (no) an escape sequence.
has() {
    if coloured "$2"; then
        [ "$3" = yes ] && ok "$1" || not_ok "$1: escape sequences in $(head -c 200 "$2" | cat -v)"
    else
        [ "$3" = no ] && ok "$1" || not_ok "$1: no colour in $(head -c 200 "$2" | cat -v)"
    fi
}

# The check must be able to fail: script(1) does give discrec a terminal here.
script -qec 'test -t 1 && test -t 2' /dev/null </dev/null >/dev/null 2>&1 &&
    ok "script(1) gives a terminal" || { echo "script(1) gives no terminal: skipped"; exit 77; }

on_tty "$tmp/t1" -- list
has "list on a terminal: colour by default" "$tmp/t1" yes
grep -qF "${esc}1m#  DEVICE" "$tmp/t1" && ok "the table header is bold" ||
    not_ok "header not bold: $(head -1 "$tmp/t1" | cat -v)"
[ "$(grep -cF "$esc" "$tmp/t1")" -eq 1 ] && ok "only the header line is coloured" ||
    not_ok "colour outside the header: $(cat -v "$tmp/t1")"
on_tty "$tmp/t2" NO_COLOR=1 -- list
has "list on a terminal, NO_COLOR=1: no colour" "$tmp/t2" no
on_tty "$tmp/t3" NO_COLOR= -- list
has "list on a terminal, NO_COLOR empty: colour (no-color.org)" "$tmp/t3" yes
on_tty "$tmp/t4" -- --color=never list
has "list on a terminal, --color=never: no colour" "$tmp/t4" no
on_tty "$tmp/t5" -- list --color never
has "list on a terminal, --color never after the subcommand: no colour" "$tmp/t5" no
on_tty "$tmp/t6" TERM=dumb -- list
has "list on a terminal, TERM=dumb: no colour" "$tmp/t6" no
on_tty "$tmp/t7" -- --json list
has "--json on a terminal: no colour" "$tmp/t7" no
on_tty "$tmp/t8" -- --json --color=always list
has "--json --color=always: still no colour in JSON" "$tmp/t8" no
tr -d '\r' <"$tmp/t8" | python3 -c 'import json, sys; json.load(sys.stdin)' 2>/dev/null &&
    ok "--json --color=always is valid JSON" || not_ok "not JSON: $(head -c 200 "$tmp/t8")"
# Sed strips the colour again: the text must be the same as without it.
sed 's/\x1b\[[0-9;]*m//g' "$tmp/t1" >"$tmp/t1.plain"
cmp -s "$tmp/t1.plain" "$tmp/t4" && ok "coloured and plain tables hold the same text" ||
    not_ok "coloured table differs from plain: $(diff "$tmp/t1.plain" "$tmp/t4" | head -5)"

in_pipe "$tmp/p1" -- list
has "list into a pipe: no colour by default" "$tmp/p1" no
in_pipe "$tmp/p2" -- --color=always list
has "list into a pipe, --color=always: colour" "$tmp/p2" yes
in_pipe "$tmp/p3" NO_COLOR=1 -- --color=always list
has "--color=always outranks NO_COLOR" "$tmp/p3" yes
in_pipe "$tmp/p4" -- --color=auto list
has "list into a pipe, --color=auto: no colour" "$tmp/p4" no
in_pipe "$tmp/p5" -- --color=always list --color=never
has "the last --color wins (an alias's --color=always, then never)" "$tmp/p5" no

# Errors: "discrec:" in red only when stderr is a terminal.
on_tty "$tmp/e1" -- info sr9
rc=$?
[ "$rc" -eq 3 ] && ok "info sr9 on a terminal exits 3" || not_ok "info sr9 on a terminal: exit $rc"
grep -qF "${esc}1;31mdiscrec:${esc}0m " "$tmp/e1" && ok "error prefix red on a terminal" ||
    not_ok "error prefix: $(head -c 200 "$tmp/e1" | cat -v)"
on_tty "$tmp/e2" NO_COLOR=1 -- info sr9
has "error on a terminal, NO_COLOR=1: no colour" "$tmp/e2" no
in_pipe "$tmp/e3" -- --color=auto info sr9
has "error into a pipe: no colour" "$tmp/e3.err" no
grep -q '^discrec: ' "$tmp/e3.err" && ok "plain error prefix into a pipe" ||
    not_ok "error: $(cat "$tmp/e3.err")"
# stdout on the terminal, stderr into a file: colour is decided per stream.
script -qec "$(q env -u NO_COLOR TERM=xterm "$bin" --sysroot "$mixed" info sr9) 2>$(q "$tmp/e4")" \
    /dev/null </dev/null >/dev/null 2>&1
has "stderr into a file while stdout is a terminal: no colour" "$tmp/e4" no

# --color takes auto, always or never; anything else is a usage error (exit 2).
in_pipe "$tmp/u1" -- --color=bogus list
rc=$?
[ "$rc" -eq 2 ] && ok "--color=bogus exits 2" || not_ok "--color=bogus: exit $rc"
[ "$(wc -l <"$tmp/u1.err")" -eq 1 ] && grep -q '^discrec: .*--color' "$tmp/u1.err" &&
    ok "--color=bogus: one line naming --color" || not_ok "--color=bogus stderr: $(cat "$tmp/u1.err")"
in_pipe "$tmp/u2" -- --json --color=bogus list
rc=$?
[ "$rc" -eq 2 ] && python3 -c "import json, sys; d = json.load(open(sys.argv[1]))
sys.exit(0 if d['exit_status'] == 2 and d['error']['kind'] == 'usage' else 1)" "$tmp/u2" &&
    ok "--json --color=bogus: usage error document" || not_ok "--json --color=bogus: exit $rc $(cat "$tmp/u2")"
in_pipe "$tmp/u3" -- list --color
rc=$?
[ "$rc" -eq 2 ] && ok "--color without a value exits 2" || not_ok "--color without a value: exit $rc"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
