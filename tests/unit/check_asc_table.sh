#!/usr/bin/env bash
# Independent-oracle check of our ASC/ASCQ names (src/mmc/tables/asc_ascq.cpp) against
# sg3_utils' sg_decode_sense.
#   usage: check_asc_table.sh DISCREC_ASC_DUMP [ALLOWLIST]
# For every pair in our table, and for every ASC 00-7F x ASCQ 00-7F pair sg_decode_sense
# names, the two texts are compared case-insensitively with whitespace normalised. A pair
# sg3_utils names that we lack is "missing"; a difference not in ALLOWLIST (lines
# "AA QQ[-QQ] reason") is "unexpected". Exits 1 on either, 77 (skip) without sg3_utils.
set -euo pipefail

if ! command -v sg_decode_sense >/dev/null 2>&1; then
    echo "SKIP: sg_decode_sense not installed (Debian package sg3-utils)"
    exit 77
fi
dump=${1:?usage: check_asc_table.sh DISCREC_ASC_DUMP [ALLOWLIST]}
allow=${2:-$(dirname "$0")/asc_table_allowlist.txt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$dump" >"$work/table.txt"
"$dump" --names >"$work/names.txt"
sg_decode_sense --version 2>&1 | head -1 | sed 's/^/oracle: sg_decode_sense /' || true

# The pairs to ask about: the whole standard space, plus table rows outside it (5D/FF).
{
    for ((a = 0; a < 0x80; a++)); do
        for ((q = 0; q < 0x80; q++)); do printf '%02x %02x\n' "$a" "$q"; done
    done
    cut -d' ' -f1-2 "$work/table.txt"
} | sort -u >"$work/pairs.txt"

# One sg_decode_sense per pair (fixed-format sense, key NOT READY); two workers in parallel.
ask_oracle() {
    while read -r a q; do
        echo "@@ $a $q"
        sg_decode_sense 70 00 02 00 00 00 00 0a 00 00 00 00 "$a" "$q" 2>&1 || true
    done <"$1"
}
split -n l/2 "$work/pairs.txt" "$work/part."
ask_oracle "$work/part.aa" >"$work/oracle.aa" &
ask_oracle "$work/part.ab" >"$work/oracle.ab"
wait
cat "$work"/oracle.a? | awk '
    /^@@ / { pair = $2 " " $3; next }
    sub(/^[[:space:]]*Additional sense:[[:space:]]*/, "") { print pair " " $0 }
' >"$work/sg3.txt"

awk -v allowfile="$allow" -v tablefile="$work/table.txt" '
    function norm(s) {
        s = tolower(s); gsub(/[[:space:]]+/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s)
        return s
    }
    function text(line) { sub(/^[0-9a-f][0-9a-f] [0-9a-f][0-9a-f] /, "", line); return line }
    function allowed(a, q,    i) {
        for (i = 1; i <= nallow; i++)
            if (al_asc[i] == a && q >= al_lo[i] && q <= al_hi[i]) {
                al_used[i]++
                return 1
            }
        return 0
    }
    BEGIN {
        while ((getline line < allowfile) > 0) {
            if (line ~ /^[[:space:]]*(#|$)/) continue
            split(line, f, /[[:space:]]+/); n = split(f[2], r, "-")
            nallow++; al_asc[nallow] = f[1]; al_lo[nallow] = r[1]
            al_hi[nallow] = (n > 1 ? r[2] : r[1])
            al_text[nallow] = line
        }
        while ((getline line < tablefile) > 0) {
            split(line, f, " "); p = f[1] " " f[2]; ours[p] = text(line); intable[p] = 1; ntable++
        }
    }
    FILENAME != ARGV[ARGC - 1] { split($0, f, " "); ours[f[1] " " f[2]] = text($0); next }
    {
        split($0, f, " "); p = f[1] " " f[2]; sg3[p] = 1; theirs = text($0)
        kind = (p in intable) ? "t" : "r"  # a table row, or a ranged assignment
        if (!(p in ours)) { missing++; print "MISSING " p ": sg3_utils \"" theirs "\""; next }
        if (norm(ours[p]) == norm(theirs)) { same[kind]++; next }
        diff[kind]++
        if (allowed(f[1], f[2])) { allow_n++; next }
        differ_n++; print "DIFFER  " p ": ours \"" ours[p] "\" vs sg3_utils \"" theirs "\""
    }
    END {
        for (p in intable) {
            if (p in sg3) continue
            extra++; print "EXTRA   " p ": \"" ours[p] "\" (not named by this sg3_utils)"
        }
        for (i = 1; i <= nallow; i++)
            if (!al_used[i]) print "NOTE    allow-list line matched nothing: " al_text[i]
        printf "asc table: %d pairs, %d match sg3_utils, %d differ, %d missing\n",
               ntable, same["t"], diff["t"], missing
        printf "  ranged assignments: %d pairs, %d match, %d differ\n",
               same["r"] + diff["r"], same["r"], diff["r"]
        printf "  differences: %d allow-listed, %d not; %d table pairs unknown to this sg3_utils\n",
               allow_n, differ_n, extra
        exit (missing > 0 || differ_n > 0) ? 1 : 0
    }
' "$work/names.txt" "$work/sg3.txt"
