// Layouts of READ DISC STRUCTURE answers. Source: MMC-6 (T10/1836-D) §6.23.3: every answer
// starts with Disc Structure Data Length (bytes 0-1, the bytes after it) and two reserved
// bytes; format C0h (Write Protection Status, for DVD and BD media) has one byte of bits after
// the header: MSWI (media specific write inhibit), CWP (cartridge write protect), PWP
// (persistent write protect), SWPP (software write protect until power down).
#include "mmc/tables/disc_structure_layouts.hpp"

#include "mmc/tables/field_rows.hpp"

namespace discrec::mmc {
namespace {

using namespace rows;

constexpr std::array k_write_protection_fields = {
    number("disc_structure_data_length", "Disc Structure Data Length", 0, 16),
    flag("mswi", "MSWI (media specific write inhibit)", 4, 3),
    flag("cwp", "CWP (cartridge write protect)", 4, 2),
    flag("pwp", "PWP (persistent write protect)", 4, 1),
    flag("swpp", "SWPP (software write protect until power down)", 4, 0),
};
constexpr Layout k_write_protection{"Write Protection Status", "MMC-6 §6.23.3 (format C0h)",
                                    k_write_protection_fields, 0, 8};

}  // namespace

const Layout& write_protection_status_layout() noexcept { return k_write_protection; }

std::array<const Layout*, 1> disc_structure_layouts() noexcept { return {&k_write_protection}; }

}  // namespace discrec::mmc
