#!/usr/bin/env bash
# Counts the distinct instructions one discrec run executes, on the host (valgrind's callgrind),
# by origin: the C library (start-up, malloc, stdio), libstdc++, its iostream and locale set-up,
# CLI11, static constructors, discrec's own code; then the functions with the most.
#
#   bench/startup-instructions.sh [BUILD_DIR] [TOP] [-- ARGS...]
#       (default: build, 25 functions, list --sysroot tests/fixtures/sysfs/mixed)
#
# Why distinct instructions: in the benchmark's guest (bench/vm-bench.sh: QEMU's TCG, no KVM)
# translated code is reused only at the same address, so a randomised executable (PIE) has
# every instruction it runs translated again at each run. There the start-up cost grows with
# this count (about 2-2.5 us per instruction, 2026-12, QEMU 7.2), not with the instructions
# executed; on a real CPU neither matters (about 1.6 ms for `list`). The count is stable from
# run to run, where the guest's milliseconds vary 2x on a busy host: use it to compare builds,
# and the guest for the ratio itself. Needs valgrind and python3. Origins are told apart by
# function name: inlined CLI11 code counts where it was inlined (mostly main.cpp's run()).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$here/../build top=25
if [ $# -gt 0 ] && [ "$1" != -- ]; then build=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" != -- ]; then top=$1; shift; fi
[ "${1:-}" = -- ] && shift
[ $# -gt 0 ] || set -- list --sysroot "$here/../tests/fixtures/sysfs/mixed"
bin=$(cd "$build" && pwd)/discrec
[ -x "$bin" ] || { echo "no discrec in $build (build first)" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
out=$(mktemp /tmp/discrec-callgrind.XXXXXX)
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --dump-instr=yes --compress-pos=no --callgrind-out-file="$out" \
    "$bin" "$@" > /dev/null 2> "$out.log" || { cat "$out.log" >&2; rm -f "$out.log"; exit 1; }
rm -f "$out.log"
echo "discrec $*"
echo "$(readelf -hW "$bin" | sed -n 's/^ *Type: *//p'); $(readelf -rW "$bin" | grep -c R_X86_64_RELATIVE || true) RELA relative relocations, RELR table $(readelf -dW "$bin" | sed -n 's/.*(RELRSZ) *//p')"
python3 - "$out" "$top" <<'PY'
import collections, re, sys

path, top = sys.argv[1], int(sys.argv[2])
names = {"fn": {}, "ob": {}}

def name(kind, text):
    # callgrind compresses names: "(12) full name" defines id 12, "(12)" reuses it.
    m = re.match(r"\((\d+)\)(?:\s+(.*))?", text)
    if not m:
        return text
    if m.group(2):
        names[kind][m.group(1)] = m.group(2)
    return names[kind][m.group(1)]

per_fn = collections.defaultdict(set)
fn, after_calls = "?", False
for line in open(path, errors="replace"):
    if line.startswith("fn="):
        fn = name("fn", line[3:].strip())
    elif line.startswith("cfn="):
        name("fn", line[4:].strip())
    elif line.startswith(("ob=", "cob=")):
        name("ob", line.split("=", 1)[1].strip())
    elif line.startswith("calls="):
        after_calls = True  # the next cost line is the call's inclusive cost, not an instruction
    elif line.startswith("0x"):
        if not after_calls:
            per_fn[fn].add(int(line.split()[0], 16))
        after_calls = False

LOCALE = re.compile(r"(void |bool )?std::(__cxx11::)?(locale|ios_base|basic_ios|basic_[io]stream|"
                    r"basic_streambuf|basic_filebuf|__basic_file|__timepunct|ctype|codecvt|"
                    r"numpunct|moneypunct|messages|collate|time_|money_|num_)|__gnu_cxx::stdio")

def origin(fn):
    if "_GLOBAL__sub_I" in fn or "__static_initialization" in fn:
        return "static constructors"
    if LOCALE.match(fn):
        return "iostream and locale set-up"
    if "CLI::" in fn.split("(")[0] or fn.startswith("CLI::"):
        return "CLI11"
    if "discrec::" in fn or fn.startswith(("(anonymous namespace)", "main")):
        return "discrec"
    if "::" in fn or fn.startswith(("operator new", "operator delete", "__cxa", "_Unwind")):
        return "libstdc++"
    return "C library (start-up, malloc, stdio)"

by_origin = collections.defaultdict(set)
for fn, addresses in per_fn.items():
    by_origin[origin(fn)] |= addresses
total = set().union(*by_origin.values())
print(f"{len(total):7d} distinct instructions")
for group, addresses in sorted(by_origin.items(), key=lambda kv: -len(kv[1])):
    print(f"{len(addresses):7d}   {group}")
print(f"functions with the most:")
for fn, addresses in sorted(per_fn.items(), key=lambda kv: -len(kv[1]))[:top]:
    print(f"{len(addresses):7d}   {fn[:100]}")
PY
