# doctest for the mingw-w64 build: Debian's doctest-dev headers, plus its doctest.cmake module
# (doctest_discover_tests), which runs the test exe through CMAKE_CROSSCOMPILING_EMULATOR.
include(${CMAKE_CURRENT_LIST_DIR}/../debian-header-only.cmake)
discrec_debian_header_only(doctest::doctest doctest)
list(APPEND CMAKE_MODULE_PATH /usr/lib/cmake/doctest)
