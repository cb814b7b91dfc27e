// IMAPI2's physical media types (imapi2.h IMAPI_MEDIA_PHYSICAL_TYPE, what
// IDiscFormat2::CurrentPhysicalMediaType answers), one row per MMC profile that maps to one.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace discrec::mmc {

struct PhysicalMediaTypeRow {
    std::uint16_t profile;        // MMC-6 §5 profile number
    std::uint8_t imapi_value;     // IMAPI_MEDIA_PHYSICAL_TYPE value
    std::string_view imapi_name;  // "IMAPI_MEDIA_TYPE_DVDPLUSR_DUALLAYER"
    std::string_view name;        // as people write it: "DVD+R DL"
};

std::span<const PhysicalMediaTypeRow> physical_media_type_table() noexcept;
// The row for the current profile; profiles IMAPI2 has no type for (none, DDCD, DVD-RW DL,
// DVD-Download, FFFFh ...) give the IMAPI_MEDIA_TYPE_UNKNOWN row.
const PhysicalMediaTypeRow& physical_media_type(std::uint16_t profile) noexcept;

}  // namespace discrec::mmc
