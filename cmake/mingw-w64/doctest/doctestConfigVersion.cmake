# The version of the Debian package whose headers the mingw-w64 build uses.
include(/usr/lib/cmake/doctest/doctestConfigVersion.cmake)
