# Helpers for the guest-side checks (POSIX sh; sourced by all.sh inside a run-vm.sh guest).
#
# Every check prints "ok - WHAT" or "not ok - WHAT: DETAILS".  Guest execs are slow under TCG
# (~80 ms for a dynamically linked binary, ~0.5 s for python3), so parsing is done with shell
# builtins where possible and JSON is flattened in batches: one python3 run per json_load.

PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $1: $2"; }
# check WHAT CONDITION... : ok if the test(1) condition holds
check() { ck_what=$1; shift; if [ "$@" ]; then ok "$ck_what"; else not_ok "$ck_what" "failed: [ $* ]"; fi; }
check_eq() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$2', want '$3'"; fi; }
summary() {
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}

# Work directory for captured outputs (the guest's / is a tmpfs overlay; it all vanishes).
W=$(mktemp -d /tmp/discrec-vm.XXXXXX)

# Centiseconds since boot, without an exec.
now_cs() {
    read -r up _ < /proc/uptime
    echo "${up%.*}${up#*.}"
}

# run NAME CMD... : run CMD, stdout to $W/NAME.out, stderr to $W/NAME.err; sets RC and MS
# (elapsed milliseconds, 10 ms resolution).
run() {
    run_name=$1
    shift
    run_t0=$(now_cs)
    "$@" > "$W/$run_name.out" 2> "$W/$run_name.err"
    RC=$?
    MS=$((($(now_cs) - run_t0) * 10))
}

# run as the unprivileged user nobody (no supplementary groups)
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }

# check_rc WHAT WANT: checks $RC of the last run, details show its stderr
check_rc() {
    if [ "$RC" = "$2" ]; then ok "$1"; else
        not_ok "$1" "exit $RC, want $2; stderr: $(head -c 300 "$W/$run_name.err" | tr '\n' '|')"
    fi
}

trim() {   # trim SPACES-PADDED-STRING
    t=$1
    t=${t#"${t%%[! ]*}"}
    echo "${t%"${t##*[! ]}"}"
}

# sort_nums N... : the numbers in ascending order, space separated (set comparisons)
sort_nums() {
    sorted=
    for sn_x in "$@"; do
        merged='' placed=0
        for sn_y in $sorted; do
            if [ $placed = 0 ] && [ "$sn_x" -lt "$sn_y" ]; then merged="$merged $sn_x"; placed=1; fi
            merged="$merged $sn_y"
        done
        [ $placed = 1 ] || merged="$merged $sn_x"
        sorted=$merged
    done
    echo $sorted
}

# ------------------------------------------------------------------------------ JSON
# json_load PREFIX FILE [PREFIX FILE ...]: parse each FILE as exactly one JSON document and
# define shell variables: PREFIX__ok=1 (or 0 and PREFIX__err), then one per leaf, e.g.
# PREFIX_drives_0_vendor_id='QEMU', PREFIX_drives_n=2 for an array's length; null, true and
# false as those words.  Use distinct prefixes: variables of an earlier load stay set.
# With RUNVM_JSON_OUT set (vm_test.sh), every parsed document is also copied there.
PYTHON=$(command -v python3)
json_load() {
    "$PYTHON" - "$@" > "$W/json.sh" <<'EOF'
import json, os, re, shutil, sys

out_dir = os.environ.get("RUNVM_JSON_OUT")

def quote(s):
    return "'" + s.replace("'", "'\\''") + "'"

def emit(name, v):
    if isinstance(v, dict):
        print(name + "__t=object")
        for k, x in v.items():
            emit(name + "_" + re.sub(r"\W", "_", k), x)
    elif isinstance(v, list):
        print("%s_n=%d" % (name, len(v)))
        for i, x in enumerate(v):
            emit("%s_%d" % (name, i), x)
    elif v is None or isinstance(v, bool):
        print(name + "=" + json.dumps(v))
    elif isinstance(v, str):
        print(name + "=" + quote(v))
    else:
        print(name + "=" + str(v))

args = sys.argv[1:]
for prefix, path in zip(args[0::2], args[1::2]):
    try:
        with open(path) as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print(prefix + "__ok=0")
        print(prefix + "__err=" + quote(str(e).splitlines()[0] if str(e) else repr(e)))
        continue
    print(prefix + "__ok=1")
    emit(prefix, doc)
    if out_dir:  # vm_test.sh validates these against schemas/ on the host
        shutil.copyfile(path, os.path.join(out_dir, "%d-%s.json" % (os.getpid(), prefix)))
EOF
    . "$W/json.sh"
}
# jv VARIABLE: its value, or <missing>
jv() { eval "printf '%s' \"\${$1-<missing>}\""; }

# check_json WHAT PREFIX FILE: the file held exactly one JSON document
check_json() {
    if [ "$(jv "$2__ok")" = 1 ]; then ok "$1"; else
        not_ok "$1" "$(jv "$2__err"); output: $(head -c 200 "$3" | tr '\n' '|')"
    fi
}

# json_nums PREFIX_ARRAY FIELD: FIELD of every element of an array, sorted numbers
json_nums() {
    jn_all=
    jn_i=0
    jn_n=$(jv "$1_n")
    case $jn_n in ''|*[!0-9]*) jn_n=0 ;; esac
    while [ $jn_i -lt "$jn_n" ]; do
        jn_all="$jn_all $(jv "$1_${jn_i}_$2")"
        jn_i=$((jn_i + 1))
    done
    sort_nums $jn_all
}

# ------------------------------------------------------------------------------ drives
# The drives the harness set up, from run-vm.sh's /run/vmio/drives.txt (one line per srN:
# "srN sgN driver H:C:T:L cdN bus media"), checked against /sys/class/block/sr*.
# Defines DRIVES="sr0 sr1 ..." and per drive D_<sr>_sg, _driver, _hctl, _id, _bus, _media.
load_drives() {
    DRIVES=
    while read -r sr sg driver hctl id bus media; do
        DRIVES="$DRIVES $sr"
        eval "D_${sr}_sg=\$sg D_${sr}_driver=\$driver D_${sr}_hctl=\$hctl"
        eval "D_${sr}_id=\$id D_${sr}_bus=\$bus D_${sr}_media=\$media"
    done < /run/vmio/drives.txt
    DRIVES=${DRIVES# }
    NDRIVES=0
    for d in /sys/class/block/sr*; do [ -e "$d" ] && NDRIVES=$((NDRIVES + 1)); done
}
dv() { jv "D_$1_$2"; }   # dv srN FIELD

# discrec's "bus" for a SCSI host driver (cli-contract.md)
bus_of_driver() {
    case $1 in
        ata_piix|ahci) echo ata ;; virtio_scsi) echo virtio ;; sym53c8xx) echo scsi ;;
        usb-storage|uas) echo usb ;; *) echo "unknown-$1" ;;
    esac
}

# Current profile a medium should give on QEMU (README of shared/vm: 0x0008 for the 1.4 MB
# ISO, 0x0010 for the 1 GiB image, 0 without a medium).
profile_of_media() {
    case $1 in iso) echo 8 ;; dvd) echo 16 ;; empty) echo 0 ;; *) echo '?' ;; esac
}
has_medium() { [ "$(dv "$1" media)" != empty ]; }

# ------------------------------------------------------------------------------ sg3_utils oracle
# oracle_inq SG: INQ_VENDOR, INQ_PRODUCT, INQ_REV from sg_inq (padding trimmed)
oracle_inq() {
    INQ_VENDOR= INQ_PRODUCT= INQ_REV=
    sg_inq "/dev/$1" > "$W/inq-$1.txt" 2>&1
    while IFS= read -r line; do
        case $line in
            *"Vendor identification: "*) INQ_VENDOR=$(trim "${line#*: }") ;;
            *"Product identification: "*) INQ_PRODUCT=$(trim "${line#*: }") ;;
            *"Product revision level: "*) INQ_REV=$(trim "${line#*: }") ;;
        esac
    done < "$W/inq-$1.txt"
}

# profile names as sg_get_config prints them -> codes, from its own table (--list)
PROFILE_TABLE=
load_profile_table() {
    sg_get_config --list > "$W/cfg-list.txt" 2>&1
    in_profiles=0
    while IFS= read -r line; do
        case $line in "Known profiles:"*) in_profiles=1; continue ;; esac
        [ $in_profiles = 1 ] || continue
        case $line in *" [0x"*"]") ;; *) continue ;; esac
        code=${line##*\[0x}
        name=$(trim "${line% \[0x*}")
        PROFILE_TABLE="$PROFILE_TABLE$((0x${code%]}))=$name
"
    done < "$W/cfg-list.txt"
}
profile_code() {
    echo "$PROFILE_TABLE" | while IFS='=' read -r code name; do
        [ "$name" = "$1" ] && { echo "$code"; return; }
    done
}

# oracle_config SG: from sg_get_config (all features): CFG_CURRENT (decimal; 0 = none),
# CFG_PROFILES and CFG_FEATURES (decimal, sorted)
oracle_config() {
    [ -n "$PROFILE_TABLE" ] || load_profile_table
    CFG_CURRENT='?' CFG_PROFILES= CFG_FEATURES=
    sg_get_config "/dev/$1" > "$W/cfg-$1.txt" 2>&1
    while IFS= read -r line; do
        case $line in
            "Current profile: "*) CFG_CURRENT=$(profile_code "${line#Current profile: }") ;;
            "No current profile"*) CFG_CURRENT=0 ;;
            *"profile: "*", currentP="*)
                name=${line#*profile: }
                CFG_PROFILES="$CFG_PROFILES $(profile_code "${name% , currentP=*}")" ;;
            *"version="*"persist="*"current="*"[0x"*"]")
                code=${line##*\[0x}
                CFG_FEATURES="$CFG_FEATURES $((0x${code%]}))" ;;
        esac
    done < "$W/cfg-$1.txt"
    CFG_PROFILES=$(sort_nums $CFG_PROFILES)
    CFG_FEATURES=$(sort_nums $CFG_FEATURES)
}

# Does a file look like an MMC command trace (a CDB as hex bytes: 6 or more in a row)?
has_cdb_dump() { grep -Eq '([0-9a-fA-F]{2}[ :]){5}[0-9a-fA-F]{2}' "$1"; }

# gesn_byte5 SG: byte 5 of GET EVENT STATUS NOTIFICATION (media class) as a number:
# bit 0 door/tray open, bit 1 media present (MMC-6 §6.7.2.5). Read via sg (the kernel's own
# polling through srN could consume events, shared/vm README).
gesn_byte5() {
    # sg_raw prints the data on stderr; no answer gives 255 (both bits, so checks fail)
    sg_raw -r 8 "/dev/$1" 4a 01 00 00 10 00 00 00 08 00 2>&1 |
        awk '/^ *00  /{ print $7; exit }' | { read -r b; echo $((0x${b:-ff})); }
}
tray_open() { [ $(($(gesn_byte5 "$1") & 1)) = 1 ]; }
medium_in() { [ $(($(gesn_byte5 "$1") & 2)) = 2 ]; }
