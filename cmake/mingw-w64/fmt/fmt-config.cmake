# fmt for the mingw-w64 build: Debian's libfmt-dev headers in header-only mode. Debian's own
# fmt::fmt is the Linux libfmt.so, so it cannot be linked into a Windows exe.
include(${CMAKE_CURRENT_LIST_DIR}/../debian-header-only.cmake)
discrec_debian_header_only(fmt::fmt fmt)
set_property(TARGET fmt::fmt PROPERTY INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)
