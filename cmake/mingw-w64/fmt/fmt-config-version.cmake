# The version of the Debian package whose headers the mingw-w64 build uses.
include(/usr/lib/x86_64-linux-gnu/cmake/fmt/fmt-config-version.cmake)
