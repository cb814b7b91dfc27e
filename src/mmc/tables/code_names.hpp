// The row type of the small code -> name tables inside the decoders (event codes, device
// types, write types ...): one definition and one lookup for all of them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace discrec::mmc {

struct CodeName {
    std::uint8_t code;
    std::string_view name;
};

// The name of `code` in `rows`, or "" when the table does not have it.
constexpr std::string_view name_of(std::span<const CodeName> rows, std::uint64_t code) noexcept {
    for (const CodeName& r : rows) {
        if (r.code == code) return r.name;
    }
    return {};
}

}  // namespace discrec::mmc
