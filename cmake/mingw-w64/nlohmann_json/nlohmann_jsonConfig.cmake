# nlohmann_json for the mingw-w64 build: Debian's nlohmann-json3-dev headers.
include(${CMAKE_CURRENT_LIST_DIR}/../debian-header-only.cmake)
discrec_debian_header_only(nlohmann_json::nlohmann_json nlohmann)
