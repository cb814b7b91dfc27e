// Layouts of READ DISC STRUCTURE answers (MMC-6 §6.23.3), walked by decode_fields().
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "mmc/fields.hpp"

namespace discrec::mmc {

// MMC-6 §6.23.3: the 4-byte structure header and format C0h's Write Protection Status byte.
const Layout& write_protection_status_layout() noexcept;

// The layout of format `format` asked with Media Type `media_type` (0 DVD, 1 BD); nullptr when
// discrec has none (the answer is then shown in hex).
const Layout* disc_structure_layout(std::uint8_t media_type, std::uint8_t format) noexcept;
// The Format Code's name in MMC-6 §6.23.3 ("ADIP Information"; "" when the table has none).
std::string disc_structure_format_name(std::uint64_t format);
// The header and the data in hex: a format without a layout.
const Layout& undecoded_disc_structure_layout() noexcept;

inline constexpr std::size_t k_disc_structure_layout_count = 10;
// Every layout above (write protection status first), for the fuzz target and the tests.
std::array<const Layout*, k_disc_structure_layout_count> disc_structure_layouts() noexcept;

}  // namespace discrec::mmc
