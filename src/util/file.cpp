#include "util/file.hpp"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace discrec {

// Through C stdio: iostreams would throw from underflow() on a read error (a directory
// opens, then fails with EISDIR), cost a locale per stream, and stop no endless input
// (/dev/zero); the limit does.
Result<std::string> read_whole_file(const std::string& path, std::size_t limit,
                                    std::string_view too_large_note) {
    const bool is_stdin = path == "-";
    std::error_code ec;
    if (!is_stdin && std::filesystem::is_directory(path, ec)) {
        return make_error(ErrorKind::usage, fmt::format("cannot read {}: it is a directory", path));
    }
    std::FILE* f = is_stdin ? stdin : std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
        const int open_errno = errno;
        const bool denied = open_errno == EACCES || open_errno == EPERM;
        return make_error(denied ? ErrorKind::permission_denied : ErrorKind::usage,
                          fmt::format("cannot read {}: {}", path, std::strerror(open_errno)));
    }
    std::string content;
    std::array<char, 65536> buffer{};
    std::size_t n = 0;
    while (content.size() <= limit && (n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0) {
        content.append(buffer.data(), n);
    }
    const int read_errno = std::ferror(f) != 0 ? errno : 0;
    if (!is_stdin) std::fclose(f);
    if (read_errno != 0) {
        return make_error(ErrorKind::usage,
                          fmt::format("cannot read {}: {}", path, std::strerror(read_errno)));
    }
    if (content.size() > limit) {
        constexpr std::size_t k_mib = std::size_t{1024} * 1024;
        return make_error(ErrorKind::usage,
                          fmt::format("{}: more than {} MiB{}{}", path, limit / k_mib,
                                      too_large_note.empty() ? "" : ": ", too_large_note));
    }
    return content;
}

}  // namespace discrec
