# CLI11 for the mingw-w64 build: Debian's libcli11-dev headers.
include(${CMAKE_CURRENT_LIST_DIR}/../debian-header-only.cmake)
discrec_debian_header_only(CLI11::CLI11 CLI)
