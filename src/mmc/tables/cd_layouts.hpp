// Layouts of the CD structures READ TOC/PMA/ATIP (and READ SUB-CHANNEL) returns besides the TOC and
// session information (tables/media_layouts.hpp): format 0010b (Full TOC), 0011b (PMA), 0100b
// (ATIP) and 0101b (CD-TEXT packs) (MMC-6 §6.26.3.4 to §6.26.3.7), each a table of field rows
// walked by decode_fields() (mmc/fields.hpp).
#pragma once

#include <array>

#include "mmc/fields.hpp"

namespace discrec::mmc {

// MMC-6 §6.26.3.6: ATIP (4-byte header, then the ATIP descriptor), with the disc manufacturer
// named from the start time of lead-in (tables/cd_manufacturers.hpp).
const Layout& atip_layout() noexcept;
// MMC-6 §6.26.3.4: Full TOC: first/last complete session, then 11-byte descriptors (session,
// ADR/CONTROL, TNO, POINT, MIN/SEC/FRAME, ZERO, PMIN/PSEC/PFRAME) as many as the length says.
const Layout& full_toc_layout() noexcept;
// MMC-6 §6.26.3.5: PMA: 11-byte descriptors as recorded in the Program Memory Area.
const Layout& pma_layout() noexcept;
// MMC-6 §6.26.3.7 and Annex J: CD-TEXT: 18-byte packs (type, track, sequence, block and
// character position, 12 bytes of text, CRC).
const Layout& cd_text_layout() noexcept;

// MMC-6 §6.32.3: READ SUB-CHANNEL data, 4-byte header (audio status, data length) and the
// data of format 02h (Media Catalog Number, the disc's UPC/EAN) or 03h (ISRC of a track).
const Layout& media_catalog_number_layout() noexcept;
const Layout& isrc_layout() noexcept;

// Every layout above, for the fuzz target and the tests.
std::array<const Layout*, 6> cd_layouts() noexcept;

// Sub-channel data formats of READ SUB-CHANNEL (MMC-6 §6.32.3).
namespace sub_channel_format {
inline constexpr std::uint8_t media_catalog_number = 0x02;
inline constexpr std::uint8_t isrc = 0x03;
}  // namespace sub_channel_format

// Pack types of CD-TEXT (MMC-6 Annex J, Table J.2).
namespace cd_text_pack {
inline constexpr std::uint8_t title = 0x80;
inline constexpr std::uint8_t genre = 0x87;
inline constexpr std::uint8_t toc = 0x88;
inline constexpr std::uint8_t upc_isrc = 0x8e;
inline constexpr std::uint8_t size_information = 0x8f;
}  // namespace cd_text_pack
inline constexpr std::size_t k_cd_text_pack_size = 18;
inline constexpr std::size_t k_cd_text_payload = 12;

}  // namespace discrec::mmc
