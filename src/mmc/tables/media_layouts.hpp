// Layouts of the answers `discrec media` decodes: READ DISC INFORMATION, READ TRACK
// INFORMATION and READ TOC/PMA/ATIP formats 0000b and 0001b (MMC-6 §6.22, §6.27, §6.26),
// each a table of field rows walked by decode_fields() (mmc/fields.hpp).
#pragma once

#include <array>
#include <string>

#include "mmc/fields.hpp"

namespace discrec::mmc {

// MMC-6 §6.22.3.1, Table 399: Standard Disc Information, bytes 0-15 and 24-33 plus the OPC
// table entries. The two addresses of bytes 16-23 are in disc_addresses_layout(): on CD they
// are MSF (byte 16 and 20 reserved), on every other medium LBAs.
const Layout& disc_information_layout() noexcept;
const Layout& disc_addresses_layout(bool cd) noexcept;
// MMC-6 §6.27.3: Track Information (48 bytes).
const Layout& track_information_layout() noexcept;
// MMC-6 §6.26.3.2: READ TOC/PMA/ATIP format 0000b (TOC), its track descriptors with the start
// address as an LBA (MSF bit 0) or as MSF (MSF bit 1).
const Layout& toc_layout(bool msf) noexcept;
// MMC-6 §6.26.3.3: format 0001b (Session Information), one descriptor.
const Layout& session_info_layout(bool msf) noexcept;

// MMC-6 §6.24.3: READ FORMAT CAPACITIES (capacity list header, current/maximum capacity
// descriptor, formattable capacity descriptors).
const Layout& format_capacities_layout() noexcept;

// Every layout above, for the fuzz target and the tests.
std::array<const Layout*, 9> media_layouts() noexcept;

// The names of a Q sub-channel's ADR and CONTROL nibbles (MMC-6 §4.2.3), for the other CD
// structures that carry them (tables/cd_layouts.cpp).
std::string toc_adr_name(std::uint64_t v);
std::string toc_control_name(std::uint64_t v);

// The TOC track number of the lead-out (MMC-6 §6.26.3.2).
inline constexpr std::uint8_t k_lead_out_track = 0xaa;

}  // namespace discrec::mmc
