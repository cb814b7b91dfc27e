// Reading a whole file into memory, bounded: saved device responses (--inhex) and
// /proc/self/mountinfo.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace discrec {

// The whole of PATH ("-": standard input), at most `limit` bytes. Errors name the file: a
// directory, a read error or more than `limit` bytes (followed by `too_large_note`, e.g.
// "not a saved device response") are usage errors; a file the user may not read is
// permission_denied (exit 4, as for a device node).
Result<std::string> read_whole_file(const std::string& path, std::size_t limit,
                                    std::string_view too_large_note = {});

}  // namespace discrec
