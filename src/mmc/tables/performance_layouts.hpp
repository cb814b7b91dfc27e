// Layouts of GET PERFORMANCE's answers (MMC-6 §6.8): Type 00h (performance, nominal: Except
// 00b) and Type 03h (write speed descriptors), each a table of field rows walked by
// decode_fields() (mmc/fields.hpp).
#pragma once

#include <array>

#include "mmc/fields.hpp"

namespace discrec::mmc {

// MMC-6 §6.8.3.1 (performance header) and §6.8.3.2 (nominal performance descriptors, 16 bytes:
// start LBA, start performance, end LBA, end performance, in kB/s).
const Layout& performance_layout() noexcept;
// MMC-6 §6.8.3.1 (header) and §6.8.3.5 (write speed descriptors, 16 bytes: WRC, RDD, Exact,
// MRW, end LBA, read speed, write speed in kB/s).
const Layout& write_speed_layout() noexcept;

// Every layout above, for the fuzz target and the tests.
std::array<const Layout*, 4> performance_layouts() noexcept;

}  // namespace discrec::mmc
