// Layouts of READ DISC STRUCTURE answers (MMC-6 §6.23.3), walked by decode_fields().
#pragma once

#include <array>

#include "mmc/fields.hpp"

namespace discrec::mmc {

// MMC-6 §6.23.3: the 4-byte structure header and format C0h's Write Protection Status byte.
const Layout& write_protection_status_layout() noexcept;

// Every layout above, for the fuzz target and the tests.
std::array<const Layout*, 1> disc_structure_layouts() noexcept;

}  // namespace discrec::mmc
