// READ DISC STRUCTURE (MMC-6 §6.23): what its CDB's fields take, and the answers discrec
// decodes so far: format C0h, the write protection status of DVD and BD media
// (tables/disc_structure_layouts.hpp). Pure: bytes in, records and facts out.
#pragma once

#include <cstdint>
#include <optional>

#include "mmc/fields.hpp"
#include "mmc/media.hpp"
#include "mmc/tables/profiles.hpp"
#include "util/bytes.hpp"

namespace discrec::mmc {

namespace disc_structure {
// Media Type (CDB byte 1, MMC-6 Table 433).
inline constexpr std::uint8_t media_dvd = 0x0;  // DVD and HD DVD
inline constexpr std::uint8_t media_bd = 0x1;
// Format Codes (MMC-6 §6.23.3): C0h applies to every media type.
inline constexpr std::uint8_t write_protection = 0xc0;
// C0h: a 4-byte header and 4 bytes of status.
inline constexpr std::uint16_t write_protection_length = 8;
}  // namespace disc_structure

// The Media Type to ask a medium of `family` with: DVD (and HD DVD) 0, BD 1; none for others
// (CD has no disc structures).
std::optional<std::uint8_t> disc_structure_media_type(MediumFamily family) noexcept;

// Format C0h (MMC-6 §6.23.3.x, Write Protection Status): cut to 2 + its Disc Structure Data
// Length (a note when fewer arrived); every field absent when the header does not fit.
Record decode_write_protection_status(ByteSpan data);

// IMAPI2 WriteProtectStatus refined by format C0h: any of MSWI, CWP, PWP, SWPP set makes the
// medium protected, the reason naming them; none set leaves `from_features` as it was, its
// reason saying C0h has no bit set. A record without the bits changes nothing.
WriteProtection write_protection_with_status(const WriteProtection& from_features,
                                             const Record& status);

}  // namespace discrec::mmc
