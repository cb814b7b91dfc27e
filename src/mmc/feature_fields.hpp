// Field-by-field decoding of GET CONFIGURATION feature descriptors (MMC-6 §5.3, the feature
// definitions; MMC-3/MMC-4/MMC-5 for the features MMC-6 dropped). The layouts are data: one
// row per feature in tables/feature_layouts.cpp, each a field layout walked by the one field
// engine (mmc/fields.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mmc/configuration.hpp"
#include "mmc/fields.hpp"
#include "util/bytes.hpp"

namespace discrec::mmc {

// One feature's layout: the Additional Length MMC-6 gives (0 where the length varies) and its
// fields (Layout::origin 4: the walk reads the descriptor's data after its header).
struct FeatureLayout {
    std::uint16_t code;
    std::uint8_t length;  // additional length of the full layout (MMC-6), bytes after byte 3
    Layout layout;
};

std::span<const FeatureLayout> feature_layout_table() noexcept;
const FeatureLayout* find_feature_layout(std::uint16_t code) noexcept;
// A descriptor as received (its header fields and data bytes) with its fields decoded.
struct DecodedFeature : FeatureDescriptor {
    bool known = false;              // a layout row exists (false: unknown or vendor: raw only)
    Record record;                   // the fields (known features); record.absent: fields not sent
    Bytes extra;                     // bytes past the layout's length (known features)
    std::vector<std::string> notes;  // what was odd about this descriptor
};

// Decodes one descriptor by its layout row; never reads past `f.data`.
DecodedFeature decode_feature(const FeatureDescriptor& f);

// A feature code in hex, as MMC writes them ("0x001e", "1e", "001Eh"), or a short name from
// the feature table ("cd-read"). Returns nullopt for text that names no feature MMC defines;
// vendor codes FF00h-FFFFh are accepted.
std::optional<std::uint16_t> parse_feature_code(std::string_view text);
// A profile the same way: hex ("0x0010", "10h") or the short name `profiles` shows ("dvd-rom");
// nullopt for a code the profile table does not have.
std::optional<std::uint16_t> parse_profile_code(std::string_view text);
// A 16-bit code in hex: "0x001e", "1e", "001Eh" (at most four digits).
std::optional<std::uint16_t> parse_hex_code(std::string_view text);

}  // namespace discrec::mmc
