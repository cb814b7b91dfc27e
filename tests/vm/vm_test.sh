#!/usr/bin/env bash
# vm_test.sh OUT_DIR [--sanitized] [RUN-VM OPTIONS...] -- COMMAND...
#
# One ctest end-to-end test: boots a guest with run-vm.sh, then checks on the host what the
# guest left in OUT_DIR (shared read-write with the guest, emptied first):
#   json/      every document the guest checks parsed (lib.sh's json_load copies them here when
#              RUNVM_JSON_OUT is set); each is validated against its schema in schemas/ with
#              tests/docs/validate_json.py (python3-jsonschema), so the schemas are held to
#              what real drives on every bus make, not only to the host's captured trees.
#   sanitizer/ with --sanitized (discrec built with ASan+UBSan): the sanitizers' reports
#              (ASAN_OPTIONS/UBSAN_OPTIONS log_path). Any report fails the test, whatever the
#              guest checks said: a report is a bug even where the exit status looked right.
# Exit status: run-vm.sh's (77 skipped, 124 timeout, 125 harness), else 1 if a document is
# invalid or a sanitizer reported, else 0.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
out=$1
shift
sanitized=0
if [ "${1:-}" = --sanitized ]; then
    sanitized=1
    shift
fi

rm -rf "$out"
mkdir -p "$out/json" "$out/sanitizer"
env_args=(--rw "$out" -e "RUNVM_JSON_OUT=$out/json")
if [ $sanitized = 1 ]; then
    # Leak checking stays with the host's ASan unit tests: LeakSanitizer's exit scan costs
    # about a second per run under TCG. Every other check is on, and reports go to files.
    env_args+=(-e "ASAN_OPTIONS=detect_leaks=0:log_path=$out/sanitizer/asan"
               -e "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$out/sanitizer/ubsan")
fi

bash "$here/run-vm.sh" "${env_args[@]}" "$@"
rc=$?
case $rc in 77 | 124 | 125) exit $rc ;; esac

reports=$(find "$out/sanitizer" -type f | sort)
if [ -n "$reports" ]; then
    echo "not ok - sanitizer reports from the guest:"
    for r in $reports; do
        echo "== $r"
        head -n 40 "$r"
    done
    rc=1
elif [ $sanitized = 1 ]; then
    echo "ok - no AddressSanitizer or UndefinedBehaviorSanitizer report"
fi

# The schema of a document: from the subcommand in its argv (the envelope's discrec.argv).
mapfile -t docs < <(find "$out/json" -type f -name '*.json' | sort)
if [ ${#docs[@]} -eq 0 ]; then
    echo "not ok - the guest produced no JSON document to validate"
    exit 1
fi
if ! python3 -c 'import jsonschema' 2>/dev/null; then
    echo "python3-jsonschema missing: ${#docs[@]} guest documents not validated"
    exit $rc
fi
mapfile -t pairs < <(python3 - "${docs[@]}" <<'EOF'
import json, sys
names = {"list": "list", "info": "info", "eject": "action", "close-tray": "action",
         "lock": "action", "mcn": "mcn", "features": "features", "profiles": "profiles",
         "mode-pages": "mode-pages", "send": "send", "media": "media",
         "decode": "decode", "check": "check", "wait": "wait", "watch": "watch"}
for path in sys.argv[1:]:
    try:
        argv = json.load(open(path)).get("discrec", {}).get("argv", [])
    except ValueError:
        argv = []
    sub = next((a for a in argv[1:] if a in names), None)
    if not argv and path.rsplit("/", 1)[-1].startswith("watch"):
        sub = "watch"  # a line of watch's JSON Lines: no envelope, no argv
    schema = "lock-status" if sub == "lock" and "--status" in argv else names.get(sub, "unknown")
    print(schema + ".schema.json")
    print(path)
EOF
)
python3 "$src/tests/docs/validate_json.py" "$src/schemas" "${pairs[@]}" > "$out/validation.txt"
vrc=$?
grep -v '^ok - ' "$out/validation.txt"
echo "guest JSON documents valid against schemas/: $(grep -c '^ok - ' "$out/validation.txt") of ${#docs[@]}"
[ $vrc -eq 0 ] || rc=1
exit $rc
