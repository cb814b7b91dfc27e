# Cross-build discrec for 64-bit Windows with Debian's mingw-w64 (g++-mingw-w64-x86-64):
#   cmake -S . -B build-win -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake
# gives one static discrec.exe (no DLLs beside it). tests/windows/run.sh does this and runs the
# result under Wine.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(DISCREC_MINGW_TRIPLE x86_64-w64-mingw32)

# The posix thread model: GCC 12's win32 model lacks std::thread and std::condition_variable.
# Its winpthread runtime is linked statically with everything else below.
set(CMAKE_C_COMPILER ${DISCREC_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${DISCREC_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${DISCREC_MINGW_TRIPLE}-windres)

# Libraries and headers come from the mingw sysroot only, never from the host's /usr.
set(CMAKE_FIND_ROOT_PATH /usr/${DISCREC_MINGW_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# One self-contained exe: libstdc++, libgcc and winpthread linked in.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")

# The Windows system libraries the platform layer calls (SetupAPI for CD-ROM device
# interfaces) on top of CMake's usual Windows set (Modules/Platform/Windows-GNU.cmake).
set(CMAKE_CXX_STANDARD_LIBRARIES
    "-lsetupapi -lkernel32 -luser32 -ladvapi32 -lshell32 -lole32 -luuid"
    CACHE STRING "Libraries linked into every C++ target (mingw-w64 toolchain)")

# fmt, nlohmann_json, CLI11 and doctest: the Debian -dev packages' headers, found through
# config files in cmake/mingw-w64/<package>/ that expose only those header directories (never
# all of /usr/include, whose glibc headers would shadow mingw's) and take their versions from
# Debian's own ...ConfigVersion.cmake. fmt is used header-only (FMT_HEADER_ONLY): Debian
# compiles libfmt for Linux only. See cmake/mingw-w64/README.md.
foreach(_package fmt nlohmann_json CLI11 doctest)
  set(${_package}_DIR ${CMAKE_CURRENT_LIST_DIR}/mingw-w64/${_package}
      CACHE PATH "mingw-w64 build: header-only ${_package} from the Debian package")
endforeach()

# Runs the cross-built test binaries (doctest discovery, ctest) under Wine when it is there.
find_program(DISCREC_WINE NAMES wine64 wine)
if(DISCREC_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${CMAKE_CURRENT_LIST_DIR}/mingw-w64/wine-run.sh)
endif()
