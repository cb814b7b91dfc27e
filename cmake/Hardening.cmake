# Hardening (DISCREC_HARDEN, on by default): what every distribution builds its tools with.
# discrec parses bytes from devices (a USB device can claim to be an optical drive and answer
# anything) and is often run as root, so a bug in a decoder must not be easy to exploit.
#
# Sets, for the top-level CMakeLists.txt:
#   DISCREC_STATIC_LINK_OPTION  how to link statically: -static-pie where the toolchain can
#                               (a randomised image), else -static
#   DISCREC_PIE_LINK_OPTION     -pie for a dynamic executable, where supported
#   DISCREC_HARDENED_FEATURES   what was enabled (shown by configure; read by the ctest that
#                               checks the executable, tests/package/hardening_test.sh)
# Each flag is used only when the compiler or linker takes it (check_*_flag), so a compiler
# without one still builds. tests/package/hardening_test.sh (Linux: readelf, nm) and
# tests/windows/run.sh (objdump -p) check the result, not the flags.
include(CheckCXXCompilerFlag)
include(CheckLinkerFlag)

# _discrec_harden_compile(FLAG FEATURE): compiles everything with FLAG when the compiler takes it.
macro(_discrec_harden_compile flag feature)
  string(MAKE_C_IDENTIFIER "DISCREC_HAVE${flag}" _have)
  check_cxx_compiler_flag(${flag} ${_have})
  if(${_have})
    add_compile_options(${flag})
    list(APPEND DISCREC_HARDENED_FEATURES ${feature})
  endif()
endmacro()

set(DISCREC_STATIC_LINK_OPTION -static)
set(DISCREC_PIE_LINK_OPTION "")
set(DISCREC_HARDENED_FEATURES "")
if(NOT DISCREC_HARDEN)
  return()
endif()

# _FORTIFY_SOURCE=2 (bounds-checked memcpy, snprintf, read... when the size is known at compile
# time: the __*_chk functions) works only when optimising; at -O0 glibc warns, and warnings are
# errors in our builds. Left alone when the caller's flags already choose a level (Debian's
# dpkg-buildflags CPPFLAGS, which debhelper puts in CXXFLAGS; Ubuntu's default of 3).
string(TOUPPER "${CMAKE_BUILD_TYPE}" _build_type)
if(NOT "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${_build_type}} ${CMAKE_CPP_FLAGS}" MATCHES "_FORTIFY_SOURCE"
   AND "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${_build_type}}" MATCHES "-O[1-3sz]|-Ofast")
  add_compile_definitions(_FORTIFY_SOURCE=2)
  list(APPEND DISCREC_HARDENED_FEATURES fortify)
endif()

# -fstack-protector-strong: a canary in every function with an array or an address taken
# (mingw-w64 links libssp for it).
_discrec_harden_compile(-fstack-protector-strong stack-protector)
if(WIN32 AND DISCREC_HAVE_fstack_protector_strong)
  # mingw-w64's __stack_chk_fail and __memcpy_chk (_FORTIFY_SOURCE) are in libssp, which GCC
  # links only when the link line has the flag too.
  add_link_options(-fstack-protector-strong)
endif()

if(WIN32)
  # PE: ASLR with a 64-bit (high-entropy) base, relocatable image, DEP. binutils 2.36+ sets
  # these by default for mingw-w64; said explicitly so an older or differently configured
  # linker cannot drop them. Control Flow Guard needs -mguard=cf (GCC 15, clang); Debian 12's
  # mingw-w64 GCC 12 and binutils 2.40 have none.
  foreach(_flag dynamicbase high-entropy-va nxcompat)
    string(MAKE_C_IDENTIFIER "DISCREC_HAVE_LD_${_flag}" _var)
    check_linker_flag(CXX "LINKER:--${_flag}" ${_var})
    if(${_var})
      add_link_options("LINKER:--${_flag}")
      list(APPEND DISCREC_HARDENED_FEATURES ${_flag})
    endif()
  endforeach()
  _discrec_harden_compile(-mguard=cf guard-cf)
  if(DISCREC_HAVE_mguard_cf)
    add_link_options(-mguard=cf)
  endif()
  message(STATUS "discrec hardening: ${DISCREC_HARDENED_FEATURES}")
  return()
endif()

# ELF. -fstack-clash-protection: large stack allocations probe page by page, so they cannot
# jump over the guard page. -fcf-protection: Intel CET (endbr64 landing pads, shadow stack
# marking) on x86.
_discrec_harden_compile(-fstack-clash-protection stack-clash)
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64|i.86")
  _discrec_harden_compile(-fcf-protection cf-protection)
endif()

# Full RELRO: the dynamic linker (or a static PIE's own start-up code) resolves everything at
# start and then makes the GOT read-only, so it cannot be overwritten to redirect a call.
check_linker_flag(CXX "LINKER:-z,relro" DISCREC_HAVE_RELRO)
check_linker_flag(CXX "LINKER:-z,now" DISCREC_HAVE_NOW)
if(DISCREC_HAVE_RELRO AND DISCREC_HAVE_NOW)
  add_link_options("LINKER:-z,relro" "LINKER:-z,now")
  list(APPEND DISCREC_HARDENED_FEATURES relro now)
endif()

# PIE: every object compiled -fPIE (Debian's GCC does so by default, clang 14 does not), the
# executable linked -pie or -static-pie. glibc's static-pie start-up (rcrt1.o) relocates the
# image itself: a few thousand R_X86_64_RELATIVE relocations, no symbol lookups.
check_cxx_compiler_flag(-fPIE DISCREC_HAVE_FPIE)
if(DISCREC_HAVE_FPIE)
  add_compile_options(-fPIE)
  set(CMAKE_REQUIRED_FLAGS -fPIE)
  check_linker_flag(CXX -pie DISCREC_HAVE_PIE)
  check_linker_flag(CXX -static-pie DISCREC_HAVE_STATIC_PIE)
  unset(CMAKE_REQUIRED_FLAGS)
  if(DISCREC_HAVE_PIE)
    set(DISCREC_PIE_LINK_OPTION -pie)
  endif()
  if(DISCREC_HAVE_STATIC_PIE)
    set(DISCREC_STATIC_LINK_OPTION -static-pie)
  endif()
  list(APPEND DISCREC_HARDENED_FEATURES pie)
  # DT_RELR (binutils 2.38, glibc 2.36): the 7,400 relative relocations of the static PIE as a
  # 2 KB bitmap instead of a 177 KB table of 24-byte entries, read at every start. The probe
  # links dynamically, which fails where the C library cannot apply them (no
  # GLIBC_ABI_DT_RELR), so a static link gets them only with a glibc that handles them too.
  check_linker_flag(CXX "LINKER:-z,pack-relative-relocs" DISCREC_HAVE_PACK_RELATIVE_RELOCS)
  if(DISCREC_HAVE_PACK_RELATIVE_RELOCS)
    add_link_options("LINKER:-z,pack-relative-relocs")
    list(APPEND DISCREC_HARDENED_FEATURES relr)
  endif()
endif()
message(STATUS "discrec hardening: ${DISCREC_HARDENED_FEATURES}")
