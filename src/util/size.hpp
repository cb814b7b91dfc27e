// A size a user writes on the command line (`check --min-free 700M`): bytes, with k/M/G/T as
// powers of 1024, or logical blocks with an `s` suffix (the medium's 2048-byte sectors, as
// IMAPI2's FreeSectorsOnMedia counts them).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace discrec {

struct SizeSpec {
    std::uint64_t value = 0;  // bytes, or sectors when `sectors`
    bool sectors = false;

    // "734003200 bytes (700 MiB)", "1000 sectors".
    [[nodiscard]] std::string text() const;
};

// "4700000000", "700M", "4.7G" (a fraction is allowed with a suffix), "2k", "359844s".
// k/K = 1024, M = 1024^2, G = 1024^3, T = 1024^4; an optional trailing "B" or "iB" after the
// letter ("700MiB", "700MB" mean the same). A usage error names the text.
Result<SizeSpec> parse_size(std::string_view text);

}  // namespace discrec
