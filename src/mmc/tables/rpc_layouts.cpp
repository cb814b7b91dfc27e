// REPORT KEY Key Format 08h, RPC State. Source: MMC-6 (T10/1836-D) §6.29.3.8 (RPC State Data):
// bytes 0-1 Report Key Data Length (6); byte 4 bits 7-6 Type Code, bits 5-3 # of Vendor
// Resets Available, bits 2-0 # of User Controlled Changes Available; byte 5 Region Mask (a bit
// set: that region is NOT playable; bit 0 is region 1); byte 6 RPC Scheme.
#include "mmc/tables/rpc_layouts.hpp"

#include <fmt/format.h>

#include <array>
#include <string>

#include "mmc/tables/code_names.hpp"
#include "mmc/tables/field_rows.hpp"

namespace discrec::mmc {
namespace {

using namespace rows;

constexpr std::array<CodeName, 4> k_type_codes = {{
    {0, "no drive region setting"},
    {1, "drive region is set"},
    {2, "drive region is set; one change left (last chance)"},
    {3, "drive region is set permanently (may be reset by the vendor)"},
}};
constexpr std::array<CodeName, 2> k_rpc_schemes = {{
    {0, "the drive does not enforce region playback control (RPC Phase I)"},
    {1, "RPC Phase II: the drive enforces the region"},
}};
constexpr std::size_t k_regions = 8;

std::string type_code_name(std::uint64_t v) { return std::string(name_of(k_type_codes, v)); }
std::string rpc_scheme_name(std::uint64_t v) { return std::string(name_of(k_rpc_schemes, v)); }

constexpr std::array k_rpc_fields = {
    number("report_key_data_length", "Report Key Data Length", 0, 16),
    named("type_code", "Type Code", 4, 6, 2, type_code_name),
    number("vendor_resets_available", "Vendor Resets Available", 4, 3, 3),
    number("user_changes_available", "User Controlled Changes Available", 4, 3),
    bitmap("region_mask", "Region Mask", 5, 8),
    custom("playable_regions", "Playable Regions", 5, decode_playable_regions),
    code("rpc_scheme", "RPC Scheme", 6, 8, rpc_scheme_name),
};
constexpr Layout k_rpc_state{"RPC State", "MMC-6 §6.29.3.8", k_rpc_fields, 0, 8};

}  // namespace

// The regions the Region Mask (byte `field.byte`) leaves playable: "2", "1, 2, 4", "none".
bool decode_playable_regions(const Field& f, ByteSpan span, std::size_t origin, Value& out,
                             std::vector<std::string>& /*notes*/) {
    if (f.byte < origin || f.byte - origin >= span.size()) return false;
    const std::uint8_t mask = u8_at(span, f.byte - origin);
    out.number = static_cast<std::uint8_t>(~mask);
    for (std::size_t region = 1; region <= k_regions; ++region) {
        if ((mask & (1U << (region - 1))) == 0)
            out.text += fmt::format("{}{}", out.text.empty() ? "" : ", ", region);
    }
    if (out.text.empty()) out.text = "none";
    return true;
}

const Layout& rpc_state_layout() noexcept { return k_rpc_state; }

}  // namespace discrec::mmc
