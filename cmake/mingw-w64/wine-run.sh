#!/bin/sh
# Runs a cross-built Windows exe under Wine for CMake (CMAKE_CROSSCOMPILING_EMULATOR) and ctest:
# a private, quiet Wine prefix unless the caller chose one; no display needed for console apps.
: "${WINEPREFIX:=${TMPDIR:-/tmp}/discrec-wine-$(id -u)}"
: "${WINEDEBUG:=-all}"
export WINEPREFIX WINEDEBUG
unset DISPLAY WAYLAND_DISPLAY
exec "$(command -v wine64 || command -v wine)" "$@"
