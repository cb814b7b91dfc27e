// Feature codes of GET CONFIGURATION (MMC-6 §5.2 and the feature definitions of §5), one row
// per feature, plus features of MMC-3/MMC-4/MMC-5 that MMC-6 no longer defines.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace discrec::mmc {

// The feature codes code asks for by name (MMC-6 §5.3); the rest are rows of the table.
namespace feature_code {
inline constexpr std::uint16_t profile_list = 0x0000;
inline constexpr std::uint16_t removable_medium = 0x0003;
inline constexpr std::uint16_t write_protect = 0x0004;
inline constexpr std::uint16_t dvd_css = 0x0106;
}  // namespace feature_code

struct FeatureRow {
    std::uint16_t code;
    std::string_view short_name;  // CLI spelling: "removable-medium"
    std::string_view name;        // as in MMC-6: "Removable Medium"
};

std::span<const FeatureRow> feature_table() noexcept;
const FeatureRow* find_feature(std::uint16_t code) noexcept;
const FeatureRow* find_feature(std::string_view short_name) noexcept;
// FF00h-FFFFh: vendor specific (MMC-6 §5.2.3).
constexpr bool is_vendor_feature(std::uint16_t code) noexcept { return code >= 0xff00; }
// "Removable Medium", "Vendor specific" (FF00h-FFFFh), "Unknown feature 0123h".
std::string feature_name(std::uint16_t code);

}  // namespace discrec::mmc
