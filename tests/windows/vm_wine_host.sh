#!/usr/bin/env bash
# ctest's "vm: windows exe under Wine": boots a run-vm.sh guest with one ATAPI drive and runs
# tests/windows/vm_wine.sh there with the cross-built discrec.exe and the Wine prefix of the
# cross build tree (both made by "windows: unit tests under Wine", the fixture this needs).
#
#   tests/windows/vm_wine_host.sh RUN_VM_SH CROSS_BUILD_DIR
#
# Exit: the guest's (0 passed, 1 failed); 77 skipped when the exe or prefix is missing, or when
# run-vm.sh cannot give the guest a CPU without SMAP: QEMU 7.2's TCG faults Wine's user-mode
# iretq with SMAP on (the guest kernel oopses, wine is killed), see README.md, Windows.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
run_vm=$(realpath "$1")
cross=$(realpath "$2")
exe=$cross/discrec.exe
prefix=$cross/wineprefix
[ -f "$exe" ] || { echo "vm_wine: $exe not built: skipped"; exit 77; }
[ -d "$prefix/dosdevices" ] || { echo "vm_wine: no Wine prefix $prefix: skipped"; exit 77; }
if ! grep -q DISCREC_VM_CPU "$run_vm"; then
    echo "vm_wine: run-vm.sh has no DISCREC_VM_CPU to turn SMAP off in the guest: skipped"
    exit 77
fi
DISCREC_VM_CPU=max,-smap exec bash "$run_vm" -T --timeout 200 --drive piix:iso -- \
    /bin/sh "$here/vm_wine.sh" "$exe" "$prefix"
