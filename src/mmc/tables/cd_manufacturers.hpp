// The CD-R/RW disc manufacturer named by the ATIP's start time of lead-in (Orange Book: the
// manufacturer code is the lead-in start 97:SS:Fx, the frame's tens digit naming the maker and
// its units digit the dye type). Data table: tables/cd_manufacturers.cpp.
#pragma once

#include <cstdint>
#include <string_view>

namespace discrec::mmc {

enum class ManufacturerCodeStatus : std::uint8_t {
    permanent,  // assigned by the Orange Book licensing (Philips)
    tentative,  // assigned tentatively
    guessed,    // seen on media after the public list stopped (2002 on), not confirmed
};

struct CdManufacturer {
    std::string_view name;
    ManufacturerCodeStatus status = ManufacturerCodeStatus::permanent;
};

// The manufacturer of a lead-in start M:S:F, or nullptr when the code is not in the table
// (or M is not 97, the minute every code uses).
const CdManufacturer* cd_manufacturer(std::uint8_t m, std::uint8_t s, std::uint8_t f) noexcept;
std::string_view manufacturer_status_name(ManufacturerCodeStatus status) noexcept;

}  // namespace discrec::mmc
