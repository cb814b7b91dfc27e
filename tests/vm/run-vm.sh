#!/bin/bash
# run-vm.sh - run one host command inside a throw-away QEMU guest that has emulated CD/DVD
# drives (ATAPI on PIIX or AHCI, SCSI CD on virtio-scsi, LSI 53c895a or USB mass storage).
#
# The guest boots the host's Debian kernel with a busybox initramfs, mounts the host root
# read-only over virtio-9p with a tmpfs overlay on top, chroots into it and runs COMMAND, so
# any host binary (discrec, sg3_utils, python3) runs unchanged against the real guest drivers
# (sr_mod, sg, libata, virtio_scsi, sym53c8xx, usb-storage, uas).  README.md next to this
# file explains every step and the measured timings.
#
# Exit status: COMMAND's; 124 the VM ran past --timeout; 125 harness failure (bad option,
# VM died, drives did not appear); 77 a prerequisite is missing (qemu, kernel, busybox-static,
# ...), so that ctest can report SKIPPED.
set -euo pipefail

PROG=${0##*/}
SELF=$(readlink -f "$0")

usage() {
    cat <<'EOF'
Usage: run-vm.sh [OPTIONS] [--] COMMAND [ARGS...]

  -d, --drive BUS[:MEDIA][,serial=S]
                           add a drive (repeatable; default one piix:iso), in QEMU id order
                           cd0, cd1, ...  BUS: piix ahci virtio-scsi lsi usb-bot usb-storage
                           usb-uas.  MEDIA: iso (1.4 MB test ISO -> CD-ROM profile), dvd (the
                           same ISO padded to 1 GiB -> DVD-ROM profile), empty, or an image path.
                           serial=S: QEMU's serial property of the ide-cd / scsi-cd (VPD 80h)
  -w, --rw DIR             share host DIR read-write at the same path in the guest
  -e, --env VAR=VALUE      environment variable for COMMAND (repeatable)
      --timeout SEC        kill the VM after SEC seconds (default 120, $DISCREC_VM_TIMEOUT)
      --keep DIR           copy the run files (console.log, dmesg.txt, drives.txt, ...) to DIR
  -T, --timing             print a timing line to stderr
  -v, --verbose            stream the guest console to stderr
      --print-qemu         print the QEMU command line to stderr
      --check              only check the prerequisites (exit 0, or 77 with a message)
  -h, --help

Guest: COMMAND runs as root in the caller's working directory with a clean environment:
  RUNVM=1, RUNVM_DRIVES="sr0:sg0:ata_piix:0:0:0:0 ..." (srN:sgN:driver:H:C:T:L),
  RUNVM_TEST_ISO, RUNVM_TEST_DVD (host paths of the two images; the host fs is visible),
  /run/vmio/drives.txt: "srN sgN driver H:C:T:L cdN bus media" per drive,
  runvm-monitor 'HMP COMMAND' (on PATH): the host sends it to the QEMU monitor and prints
  the answer, e.g. 'eject cd0', 'eject -f cd0', 'change cd0 FILE raw', 'info block'.
Environment: DISCREC_VM_CACHE (default /tmp/discrec-vm-cache), DISCREC_VM_KERNEL (a
  /boot/vmlinuz-*; default the newest whose modules include 9p), DISCREC_VM_TIMEOUT,
  DISCREC_VM_CPU (QEMU -cpu, default max; Wine in the guest needs max,-smap: under TCG
  QEMU 7.2 the guest kernel oopses when Wine runs with SMAP on), DISCREC_VM_SMP (guest
  CPUs, default 1; more run as multi-threaded TCG, one host thread each: bench/vm-bench.sh
  uses it to show what a second CPU changes for drives asked at once).
EOF
}

die() { echo "$PROG: $*" >&2; exit 125; }
skip() { echo "$PROG: skipped: $*" >&2; exit 77; }

# ------------------------------------------------------------------------------ options
DRIVES=()
RWDIRS=()
ENVS=()
TIMEOUT=${DISCREC_VM_TIMEOUT:-120}
KEEP=
TIMING=0
VERBOSE=0
PRINT_QEMU=0
CHECK_ONLY=0
while [ $# -gt 0 ]; do
    case $1 in
        -d|--drive) DRIVES+=("$2"); shift 2 ;;
        -w|--rw) RWDIRS+=("$2"); shift 2 ;;
        -e|--env) ENVS+=("$2"); shift 2 ;;
        --timeout) TIMEOUT=$2; shift 2 ;;
        --keep) KEEP=$2; shift 2 ;;
        -T|--timing) TIMING=1; shift ;;
        -v|--verbose) VERBOSE=1; shift ;;
        --print-qemu) PRINT_QEMU=1; shift ;;
        --check) CHECK_ONLY=1; shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; break ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) break ;;
    esac
done
[ $CHECK_ONLY = 1 ] || [ $# -gt 0 ] || { usage >&2; exit 125; }
[ ${#DRIVES[@]} -gt 0 ] || DRIVES=(piix:iso)
[[ $TIMEOUT =~ ^[0-9]+$ ]] || die "--timeout needs whole seconds"

# ------------------------------------------------------------------------------ prerequisites
# The Debian "-cloud" kernel lacks 9p, AHCI, sym53c8xx and usb-storage: take the newest kernel
# whose module tree has 9p.
pick_kernel() {
    local k v
    for k in $(ls -1 /boot/vmlinuz-* 2>/dev/null | sort -rV); do
        v=${k#/boot/vmlinuz-}
        ls "/lib/modules/$v/kernel/fs/9p/9p.ko"* >/dev/null 2>&1 && { echo "$k"; return 0; }
    done
    return 1
}
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 not found (apt-get install qemu-system-x86)"
KERNEL=${DISCREC_VM_KERNEL:-$(pick_kernel || true)}
[ -n "$KERNEL" ] && [ -r "$KERNEL" ] || skip "no readable kernel with 9p modules in /boot (apt-get install linux-image-amd64)"
KVER=${KERNEL##*/vmlinuz-}
[ -d "/lib/modules/$KVER" ] || skip "no /lib/modules/$KVER for $KERNEL"
BUSYBOX=$(command -v busybox || true)
[ -n "$BUSYBOX" ] || skip "busybox not found (apt-get install busybox-static)"
# PID 1 of the initramfs has no libc next to it.
! ldd "$BUSYBOX" >/dev/null 2>&1 || skip "$BUSYBOX is dynamically linked (apt-get install busybox-static)"
for tool in modprobe cpio xz flock; do
    command -v $tool >/dev/null || skip "$tool not found (apt-get install kmod cpio xz-utils util-linux)"
done
MKISO=$(command -v genisoimage || command -v xorrisofs || true)
[ -n "$MKISO" ] || skip "genisoimage or xorrisofs is needed for the test ISO (apt-get install genisoimage)"
[ $CHECK_ONLY = 0 ] || exit 0

# ------------------------------------------------------------------------------ guest /init
# Runs as PID 1 (busybox sh).  Kept here so that the cache key (a hash of this file) changes
# whenever it does.
read -r -d '' GUEST_INIT <<'INIT_EOF' || true
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mkdir -p /proc /sys /dev /vmio /lower /upper /newroot /tmp
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
echo 1 > /proc/sys/kernel/printk

fail() { echo "RUNVM-FAIL: $*"; echo "$*" > /vmio/harness-error; sync; reboot -f; sleep 10; }

load_group() {   # lines "path/in/lib/modules [params]", dependencies first
    while read -r mod params; do
        insmod "/lib/modules/$mod" $params 2>/tmp/err ||
            grep -q 'File exists' /tmp/err || echo "RUNVM: insmod $mod: $(cat /tmp/err)"
    done < "/modules.$1"
}
ninep() {   # tag dir options
    mount -t 9p -o "trans=virtio,version=9p2000.L,msize=262144,$3" "$1" "$2"
}

load_group base
ninep vmio /vmio cache=none || fail "cannot mount the run share"
: > /vmio/t_init
. /vmio/config.sh
for g in cd $VM_GROUPS; do load_group "$g"; done

# the host root, read-only, under a tmpfs overlay: the guest may write anywhere, writes vanish
ninep hostroot /lower cache=loose,ro || fail "cannot mount the host root"
mount -t tmpfs -o mode=755 tmpfs /upper
mkdir -p /upper/data /upper/work
mount -t overlay overlay -o lowerdir=/lower,upperdir=/upper/data,workdir=/upper/work /newroot ||
    fail "overlay mount failed"
R=/newroot
mount -t devtmpfs devtmpfs $R/dev
mkdir -p $R/dev/pts $R/dev/shm
mount -t devpts devpts $R/dev/pts
mount -t tmpfs tmpfs $R/dev/shm
mount -t proc proc $R/proc
mount -t sysfs sysfs $R/sys
mount -t tmpfs -o mode=755 tmpfs $R/run
mkdir -p $R/run/vmio $R/run/lock $R/tmp
chmod 1777 $R/tmp
mount --bind /vmio $R/run/vmio
i=0
while [ $i -lt "$VM_NRW" ]; do
    eval "dir=\$VM_RW_$i"
    mkdir -p "$R$dir"
    ninep "rw$i" "$R$dir" cache=none || fail "cannot mount --rw $dir"
    i=$((i + 1))
done

# Wait (at most 30 s) until every drive is there as srN with its sgN.
n=0
while :; do
    have=0
    for d in /sys/class/block/sr*/device/scsi_generic/sg*; do [ -e "$d" ] && have=$((have + 1)); done
    [ $have -ge "$VM_NCD" ] && break
    n=$((n + 1))
    [ $n -lt 600 ] || fail "only $have of $VM_NCD drives appeared"
    sleep 0.05
done

# Drive table.  The QEMU id (cdN) is found from the drive's place on its bus: run-vm.sh numbers
# drives densely per bus class, and the sysfs device paths sort in that order.
class_of() {
    case $1 in
        ata_piix) echo piix ;; ahci) echo ahci ;; virtio_scsi) echo virtio-scsi ;;
        sym53c8xx) echo lsi ;; usb-storage|uas) echo usb ;; *) echo other ;;
    esac
}
: > /tmp/drives
for d in /sys/class/block/sr*; do
    sr=${d##*/}
    sg=$(ls "$d/device/scsi_generic" | head -n 1)
    path=$(readlink -f "$d/device")
    hctl=${path##*/}
    drv=$(cat "/sys/class/scsi_host/host${hctl%%:*}/proc_name")
    case $drv in ""|"(null)")   # uas leaves proc_name unset: take the USB interface's driver
        drv=$(basename "$(readlink "/sys/class/scsi_host/host${hctl%%:*}/device/../driver")") ;;
    esac
    echo "$(class_of "$drv") $path $sr $sg $drv $hctl" >> /tmp/drives
done
: > /tmp/table
sort /tmp/drives | while read -r class path sr sg drv hctl; do
    rank=$(cat "/tmp/rank.$class" 2>/dev/null || echo 0)
    echo $((rank + 1)) > "/tmp/rank.$class"
    id=$(grep "^$class:$rank " /vmio/slots.txt | cut -d' ' -f2-)
    echo "$sr $sg $drv $hctl ${id:-? ? ?}" >> /tmp/table
done
sort -k1.3n /tmp/table > /vmio/drives.txt
DRV=$(while read -r sr sg drv hctl rest; do printf '%s ' "$sr:$sg:$drv:$hctl"; done < /vmio/drives.txt)

: > /vmio/started
chroot $R /usr/bin/env -i PATH=/run/vmio/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root TERM=dumb LANG=C.UTF-8 RUNVM=1 "RUNVM_DRIVES=${DRV% }" \
    "RUNVM_TEST_ISO=$VM_CD_ISO" "RUNVM_TEST_DVD=$VM_DVD_ISO" \
    /bin/sh /run/vmio/cmd.sh </dev/null >/vmio/stdout 2>/vmio/stderr
rc=$?
: > /vmio/finished
dmesg > /vmio/dmesg.txt
echo $rc > /vmio/rc
sync
echo "RUNVM-EXIT $rc"
reboot -f
sleep 10
INIT_EOF

# ------------------------------------------------------------------------------ cache
CACHE=${DISCREC_VM_CACHE:-/tmp/discrec-vm-cache}
mkdir -p "$CACHE" || die "cannot create the cache $CACHE"
CD_ISO=$CACHE/test-cd.iso
DVD_ISO=$CACHE/test-dvd.iso
VMLINUX=$CACHE/vmlinux-$KVER-$(stat -c '%s-%Y' "$KERNEL")
KEY=$( { echo "$KVER"; stat -c '%s %Y' "$KERNEL"; sha256sum "$BUSYBOX" "$SELF" | cut -c1-64; } |
       sha256sum | cut -c1-16)
INITRD=$CACHE/initramfs-$KVER-$KEY.cpio

# Module groups: base reaches the 9p shares, cd gives srN/sgN and mounts ISOs, the rest per bus.
declare -A MODULES=(
    [base]="virtio_pci 9pnet_virtio 9p overlay" [cd]="sr_mod sg isofs"
    [piix]="ata_piix" [ahci]="ahci" [vscsi]="virtio_scsi" [lsi]="sym53c8xx"
    [usb]="xhci_pci usb_storage" [uas]="xhci_pci usb_storage uas"
)
# usb-storage waits 1 s before scanning a device and sym53c8xx 3 s after its bus reset;
# emulated hardware needs neither.
declare -A MODPARAMS=([usb_storage]="delay_use=0" [sym53c8xx]="settle=0")

# Copy a module without its appended signature: under TCG the kernel spends ~0.1 s verifying
# each one (it only logs "module verification failed ... tainting kernel" when it is absent).
copy_unsigned() {
    local src=$1 dst=$2 marker="~Module signature appended~" size siglen
    if [[ $src != *.ko ]] || [ "$(tail -c 28 "$src")" != "$marker" ]; then cp "$src" "$dst"; return; fi
    # struct module_signature is 12 bytes before the marker; sig_len: big-endian u32 at +8
    size=$(stat -c %s "$src")
    siglen=$(tail -c 32 "$src" | head -c 4 | od -An -tu1 | awk '{ print $1*16777216 + $2*65536 + $3*256 + $4 }')
    head -c $((size - 28 - 12 - siglen)) "$src" > "$dst"
}

build_initramfs() {
    local stage group mod path rel name
    stage=$(mktemp -d "$CACHE/stage.XXXXXX")
    mkdir -p "$stage/bin" "$stage/lib/modules"
    cp "$BUSYBOX" "$stage/bin/busybox"
    printf '%s\n' "$GUEST_INIT" > "$stage/init"
    chmod 755 "$stage/init"
    for group in "${!MODULES[@]}"; do
        for mod in ${MODULES[$group]}; do
            modprobe -S "$KVER" --show-depends "$mod" || return 1
        done | awk '$1 == "insmod" && !seen[$2]++ { print $2 }' | while read -r path; do
            rel=${path#/lib/modules/}
            mkdir -p "$stage/lib/modules/${rel%/*}"
            [ -e "$stage/lib/modules/$rel" ] || copy_unsigned "$path" "$stage/lib/modules/$rel"
            name=${rel##*/}; name=${name%%.ko*}; name=${name//-/_}
            echo "$rel ${MODPARAMS[$name]:-}"
        done > "$stage/modules.$group"
    done
    (cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) > "$INITRD.tmp"
    mv "$INITRD.tmp" "$INITRD"
    rm -rf "$stage"
}

# QEMU boots an uncompressed ELF vmlinux through its PVH entry (CONFIG_PVH=y); under TCG that
# saves the ~5 s the bzImage spends decompressing itself.
extract_vmlinux() {
    local off
    grep -qx 'CONFIG_PVH=y' "/boot/config-$KVER" 2>/dev/null || return 1
    off=$(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$KERNEL" | head -n 1 | cut -d: -f1)
    [ -n "$off" ] || return 1
    tail -c +$((off + 1)) "$KERNEL" | xz -dc > "$VMLINUX.tmp" 2>/dev/null || true
    [ "$(head -c 4 "$VMLINUX.tmp" | od -An -tx1 | tr -d ' ')" = 7f454c46 ] || return 1
    mv "$VMLINUX.tmp" "$VMLINUX"
}

build_isos() {
    local dir
    dir=$(mktemp -d "$CACHE/iso.XXXXXX")
    echo "discrec test medium" > "$dir/README.TXT"
    head -c 1048576 /dev/zero | tr '\0' x > "$dir/DATA.BIN"
    mkdir "$dir/SUBDIR" && echo hello > "$dir/SUBDIR/HELLO.TXT"
    "$MKISO" -quiet -V DISCREC_TEST -J -R -o "$CD_ISO.tmp" "$dir" && mv "$CD_ISO.tmp" "$CD_ISO"
    rm -rf "$dir"
    # QEMU reports the DVD-ROM profile for images bigger than a CD (~700 MB); keep it sparse
    cp --sparse=always "$CD_ISO" "$DVD_ISO.tmp" && truncate -s 1G "$DVD_ISO.tmp" &&
        mv "$DVD_ISO.tmp" "$DVD_ISO"
}

(
    flock 9
    if [ ! -s "$VMLINUX" ] && [ ! -e "$VMLINUX.none" ]; then
        extract_vmlinux || { rm -f "$VMLINUX.tmp"; : > "$VMLINUX.none"; }
    fi
    if [ ! -s "$INITRD" ]; then
        rm -f "$CACHE"/initramfs-*.cpio
        build_initramfs || exit 1
    fi
    [ -s "$CD_ISO" ] && [ -s "$DVD_ISO" ] || build_isos
) 9> "$CACHE/.lock" || die "building the cache in $CACHE failed"
BOOT_KERNEL=$KERNEL
[ -s "$VMLINUX" ] && BOOT_KERNEL=$VMLINUX

# ------------------------------------------------------------------------------ run directory
RUN=$(mktemp -d "$CACHE/run.XXXXXX")
QPID=
# QPID is timeout(1), which passes SIGTERM on to QEMU; QEMU gets SIGKILL if it lingers.
stop_qemu() {
    local qemu i
    qemu=$(pgrep -P "$QPID" 2>/dev/null || true)
    kill "$QPID" 2>/dev/null || return 0
    for ((i = 0; i < 30; i++)); do
        kill -0 "$QPID" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -9 $qemu "$QPID" 2>/dev/null || true
}
cleanup() {
    [ -z "$QPID" ] || stop_qemu
    [ -z "${TAILPID:-}" ] || kill "$TAILPID" 2>/dev/null || true
    if [ -n "$KEEP" ]; then
        mkdir -p "$KEEP" && cp -r "$RUN"/. "$KEEP"/ 2>/dev/null || true
        rm -f "$KEEP/hmp.in" "$KEEP/hmp.out"
    fi
    rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
    printf 'cd %q 2>/dev/null || cd /\n' "$PWD"
    for e in "${ENVS[@]+"${ENVS[@]}"}"; do printf 'export %q\n' "$e"; done
    printf 'exec'; printf ' %q' "$@"; printf '\n'
} > "$RUN/cmd.sh"

# ------------------------------------------------------------------------------ drives
QDEV=()
GROUPS_=""
declare -A COUNT=([piix]=0 [ahci]=0 [virtio-scsi]=0 [lsi]=0 [usb]=0)
declare -A ONCE=()
controller() {   # add a controller device the first time a bus needs it
    [ -n "${ONCE[$1]:-}" ] || { QDEV+=(-device "$1"); ONCE[$1]=1; }
}
: > "$RUN/slots.txt"
ncd=0
for spec in "${DRIVES[@]}"; do
    # BUS[:MEDIA][,serial=S]: QEMU's serial property of ide-cd and scsi-cd (the VPD 80h serial
    # and, on ATA, the IDENTIFY serial); two drives given one serial share a unique id.
    serial=
    case $spec in *,serial=*) serial=${spec#*,serial=}; spec=${spec%%,serial=*} ;; esac
    [[ $serial =~ ^[A-Za-z0-9._-]*$ ]] || die "drive $spec: serial '$serial': letters, digits, . _ - only"
    sprop=${serial:+,serial=$serial}
    bus=${spec%%:*}
    media=iso; [ "$spec" = "$bus" ] || media=${spec#*:}
    id=cd$ncd
    case $media in
        iso) file=$CD_ISO ;;
        dvd) file=$DVD_ISO ;;
        empty) file= ;;
        *) [ -r "$media" ] || die "drive $spec: cannot read $media"; file=$(readlink -f "$media") ;;
    esac
    QDEV+=(-drive "if=none,id=$id,media=cdrom,readonly=on${file:+,format=raw,file=$file}")
    class=$bus; [[ $bus != usb-* ]] || class=usb
    [ -n "${COUNT[$class]:-}" ] || die "unknown bus '$bus' in --drive $spec"
    n=${COUNT[$class]}
    case $bus in
        piix)   [ "$n" -lt 4 ] || die "at most 4 piix drives"
                QDEV+=(-device "ide-cd,id=dev-$id,drive=$id,bus=ide.$((n / 2)),unit=$((n % 2))$sprop") ;;
        ahci)   [ "$n" -lt 6 ] || die "at most 6 ahci drives"
                controller ich9-ahci,id=ahci
                QDEV+=(-device "ide-cd,id=dev-$id,drive=$id,bus=ahci.$n$sprop") ;;
        virtio-scsi) controller virtio-scsi-pci,id=vscsi
                QDEV+=(-device "scsi-cd,id=dev-$id,drive=$id,bus=vscsi.0,scsi-id=$n,lun=0$sprop") ;;
        lsi)    [ "$n" -lt 7 ] || die "at most 7 lsi drives"
                controller lsi53c895a,id=lsi
                QDEV+=(-device "scsi-cd,id=dev-$id,drive=$id,bus=lsi.0,scsi-id=$n,lun=0$sprop") ;;
        usb-bot|usb-uas) [ "$n" -lt 4 ] || die "at most 4 usb drives"
                controller qemu-xhci,id=xhci
                hba=ubot; [ "$bus" = usb-bot ] || hba=uas
                QDEV+=(-device "$bus,id=$hba$n,bus=xhci.0,port=$((n + 1))"
                       -device "scsi-cd,id=dev-$id,drive=$id,bus=$hba$n.0,scsi-id=0,lun=0$sprop") ;;
        usb-storage) [ -z "$serial" ] || die "drive $spec: usb-storage has no serial= here (its scsi-cd is internal)"
                [ "$n" -lt 4 ] || die "at most 4 usb drives"
                controller qemu-xhci,id=xhci
                QDEV+=(-device "usb-storage,id=ustor$n,bus=xhci.0,port=$((n + 1)),drive=$id") ;;
        *) die "unknown bus '$bus' in --drive $spec" ;;
    esac
    case $bus in
        virtio-scsi) GROUPS_+=" vscsi" ;; usb-bot|usb-storage) GROUPS_+=" usb" ;;
        usb-uas) GROUPS_+=" uas" ;; *) GROUPS_+=" $bus" ;;
    esac
    echo "$class:$n $id $bus $media" >> "$RUN/slots.txt"
    COUNT[$class]=$((n + 1))
    ncd=$((ncd + 1))
done

SHARES=(-virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap"
        -virtfs "local,path=$RUN,mount_tag=vmio,security_model=none,multidevs=remap")
{
    printf 'VM_GROUPS=%q\nVM_NCD=%d\n' "$(tr ' ' '\n' <<< "$GROUPS_" | sort -u | xargs)" "$ncd"
    printf 'VM_CD_ISO=%q\nVM_DVD_ISO=%q\n' "$CD_ISO" "$DVD_ISO"
    i=0
    for dir in "${RWDIRS[@]+"${RWDIRS[@]}"}"; do
        [ -d "$dir" ] || die "--rw $dir: not a directory"
        dir=$(readlink -f "$dir")
        printf 'VM_RW_%d=%q\n' $i "$dir"
        SHARES+=(-virtfs "local,path=$dir,mount_tag=rw$i,security_model=none,multidevs=remap")
        i=$((i + 1))
    done
    printf 'VM_NRW=%d\n' $i
} > "$RUN/config.sh"

# ------------------------------------------------------------------------------ monitor
# The QEMU human monitor sits on two FIFOs (hmp.in, hmp.out).  runvm-monitor in the guest
# writes a request file into the run share and waits for the answer file; the wait loop below
# forwards the request and copies the monitor's output up to the next "(qemu)" prompt.
mkdir "$RUN/bin"
cat > "$RUN/bin/runvm-monitor" <<'EOF'
#!/bin/sh
# runvm-monitor 'HMP COMMAND': have the host send it to the QEMU monitor; prints the answer.
d=/run/vmio
[ $# -gt 0 ] || { echo "usage: runvm-monitor 'eject cd0' | 'eject -f cd0' | 'change cd0 FILE raw' | 'info block'" >&2; exit 2; }
rm -f $d/hmp.done
printf '%s\n' "$*" > $d/hmp.req.tmp && mv $d/hmp.req.tmp $d/hmp.req
i=0
until [ -e $d/hmp.done ]; do
    i=$((i + 1)); [ $i -le 1000 ] || { echo "runvm-monitor: no answer from the host" >&2; exit 1; }
    sleep 0.02
done
cat $d/hmp.resp
rm -f $d/hmp.done $d/hmp.resp
EOF
chmod 755 "$RUN/bin/runvm-monitor"
mkfifo "$RUN/hmp.in" "$RUN/hmp.out"

# Answers one request: the monitor echoes the command line (readline mode, with terminal
# escapes), prints the answer, then a new "(qemu) " prompt.
serve_monitor() {
    local cmd start out i
    cmd=$(head -n 1 "$RUN/hmp.req"); rm -f "$RUN/hmp.req"
    start=$(stat -c %s "$RUN/monitor.log")
    printf '%s\n' "$cmd" >&8
    for ((i = 0; i < 200; i++)); do
        out=$(tail -c +$((start + 1)) "$RUN/monitor.log" | tr -d '\r' | sed 's/\x1b\[[0-9;]*[A-Za-z]//g')
        [[ $out == *$'\n(qemu) '* ]] && break
        sleep 0.02
    done
    # keep what follows the echoed command line, without the closing prompt
    awk 'NR > 1' <<< "${out%$'\n(qemu) '*}" > "$RUN/hmp.resp"
    : > "$RUN/hmp.done"
}

# ------------------------------------------------------------------------------ boot
BIOS=()
[ ! -r /usr/share/qemu/qboot.rom ] || BIOS=(-bios /usr/share/qemu/qboot.rom)   # faster than SeaBIOS
ACCEL=tcg   # KVM is untested here (the build host is a PVM guest); see README
QEMU=(qemu-system-x86_64 -M pc -accel "$ACCEL" -cpu "${DISCREC_VM_CPU:-max}" -m 512 -smp "${DISCREC_VM_SMP:-1}"
      -nodefaults -no-user-config -nographic -no-reboot "${BIOS[@]+"${BIOS[@]}"}"
      -kernel "$BOOT_KERNEL" -initrd "$INITRD"
      -append "console=ttyS0 quiet loglevel=1 panic=-1 rdinit=/init clocksource=hpet tsc=reliable no_timer_check mitigations=off"
      -chardev "file,id=con,path=$RUN/console.log" -serial chardev:con
      -chardev "pipe,id=hmp,path=$RUN/hmp" -mon chardev=hmp,mode=readline
      "${SHARES[@]}" "${QDEV[@]}")
printf '%q ' "${QEMU[@]}" > "$RUN/qemu-cmdline.txt"
[ $PRINT_QEMU = 0 ] || { cat "$RUN/qemu-cmdline.txt"; echo; } >&2

: > "$RUN/console.log"
: > "$RUN/monitor.log"
[ $VERBOSE = 0 ] || { tail -f "$RUN/console.log" >&2 & TAILPID=$!; }
T0=$(date +%s.%N)
# timeout(1) is only the backstop for a runner that is killed without its traps running
# (ctest's own TIMEOUT): the wait loop below normally ends QEMU itself.
timeout -k 5 $((TIMEOUT + 30)) "${QEMU[@]}" < /dev/null > "$RUN/qemu.log" 2>&1 &
QPID=$!
# QEMU opens hmp.in for reading and hmp.out for writing; holding both ends here keeps the
# FIFOs from blocking either side.
exec 8<> "$RUN/hmp.in"
cat "$RUN/hmp.out" >> "$RUN/monitor.log" &
MONPID=$!
status=0
deadline=$(($(date +%s) + TIMEOUT))
while kill -0 $QPID 2>/dev/null; do
    if [ "$(date +%s)" -ge $deadline ]; then
        stop_qemu
        status=124
        break
    fi
    [ ! -e "$RUN/hmp.req" ] || serve_monitor
    sleep 0.05
done
wait $QPID 2>/dev/null || true
QPID=
T1=$(date +%s.%N)
exec 8>&-
kill $MONPID 2>/dev/null || true

# ------------------------------------------------------------------------------ results
since() { [ -e "$RUN/$1" ] && awk -v a="$(stat -c %.3Y "$RUN/$1")" -v b="$T0" 'BEGIN { printf "%.2f", a - b }' || echo -; }
{
    printf 'drives=%s\n' "${DRIVES[*]}"
    printf 'init_s=%s\ncommand_start_s=%s\ncommand_end_s=%s\n' "$(since t_init)" "$(since started)" "$(since finished)"
    awk -v a="$T1" -v b="$T0" 'BEGIN { printf "total_s=%.2f\n", a - b }'
} > "$RUN/timing.txt"
[ $TIMING = 0 ] || echo "$PROG: timing: $(xargs < "$RUN/timing.txt")" >&2
[ -z "${TAILPID:-}" ] || { sleep 0.2; kill "$TAILPID" 2>/dev/null || true; TAILPID=; }

[ ! -e "$RUN/stdout" ] || cat "$RUN/stdout"
[ ! -e "$RUN/stderr" ] || cat "$RUN/stderr" >&2
if [ $status = 124 ]; then
    echo "$PROG: the VM ran past --timeout ${TIMEOUT}s; console:" >&2
    tail -n 20 "$RUN/console.log" >&2
    exit 124
fi
if [ ! -s "$RUN/rc" ]; then
    echo "$PROG: the VM ended without a result: $(cat "$RUN/harness-error" 2>/dev/null)" >&2
    echo "--- qemu:" >&2; tail -n 20 "$RUN/qemu.log" >&2
    echo "--- console:" >&2; tail -n 30 "$RUN/console.log" >&2
    exit 125
fi
exit "$(cat "$RUN/rc")"
