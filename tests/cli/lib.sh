# Helpers of the host-side CLI tests (tests/cli/*_test.sh), sourced after they set $bin:
# counters and ok/not ok lines, a scratch directory $tmp (removed on exit), and checks of the
# last command's exit code, stderr and JSON document. A script ends with `finish`.
# shellcheck shell=bash
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# run NAME EXPECTED_RC CMD...: captures stdout/stderr into $tmp/out, $tmp/err; the exit code
# is left in $rc
run() {
    local name=$1 want=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq "$want" ]; then ok "$name (exit $rc)"; else not_ok "$name: exit $rc, want $want; stderr: $(head -c 300 "$tmp/err")"; fi
}
# json_check NAME PYTHON_EXPR: evaluates EXPR with d = the JSON document on stdout
json_check() {
    if python3 -c "import json,sys; d=json.load(open('$tmp/out')); sys.exit(0 if ($2) else 1)" 2>"$tmp/pyerr"; then
        ok "$1"
    else
        not_ok "$1: $(head -c 400 "$tmp/out") $(cat "$tmp/pyerr")"
    fi
}
# grep_out NAME REGEX: stdout has a line matching REGEX
grep_out() {
    if grep -Eq -- "$2" "$tmp/out"; then ok "$1"; else not_ok "$1: no /$2/ in: $(head -c 400 "$tmp/out")"; fi
}
# one_line_stderr NAME: stderr is exactly one "discrec: ..." line
one_line_stderr() {
    local n; n=$(wc -l <"$tmp/err")
    if [ "$n" -eq 1 ] && grep -q "^discrec: " "$tmp/err"; then ok "$1: one-line message"; else not_ok "$1: stderr has $n lines: $(cat "$tmp/err")"; fi
}
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
