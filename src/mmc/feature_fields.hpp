// Field-by-field decoding of GET CONFIGURATION feature descriptors (MMC-6 §5.3, the feature
// definitions; MMC-3/MMC-4/MMC-5 for the features MMC-6 dropped). The layouts are data: one
// row per feature in tables/feature_layouts.cpp, each a list of FieldSpec. A few layouts that
// are lists (profiles, link sizes, DCB entries, OSSC profiles) or strings (drive serial
// number, firmware date) have small dedicated decoders named by the row.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mmc/configuration.hpp"
#include "util/bytes.hpp"

namespace discrec::mmc {

enum class FieldKind : std::uint8_t {
    flag,         // one bit: yes / no
    uint,         // an unsigned number, 1 to 32 bits, big-endian across bytes
    bitmap,       // an unsigned number whose bits each mean something (shown in hex)
    enumeration,  // a number with a name per value (FieldSpec::names)
    ascii,        // text bytes (serial number)
    date,         // Firmware Information: YYYYMMDDhhmmss in ASCII digits
    profiles,     // Profile List: 4-byte profile descriptors with CurrentP
    byte_list,    // a count byte and that many one-byte entries (link sizes)
    u16_list,     // a count byte and that many two-byte entries (OSSC profile numbers)
    u32_list,     // four-byte entries up to the end of the descriptor (DCB entries)
};

// Names the values of an enumeration field ("" for a value without a name).
using ValueNamer = std::string_view (*)(std::uint32_t value) noexcept;

// One field of a feature descriptor. `byte` and `bit` number as the MMC-6 tables do: byte 0 is
// the first byte of the descriptor (its 4-byte header included), bit 0 the least significant.
struct FieldSpec {
    std::string_view key;    // JSON key, snake_case: "c2_flags"
    std::string_view label;  // as MMC-6 names it: "C2 Flags"
    std::uint16_t byte = 0;
    std::uint8_t bit = 0;   // lowest bit of the field (sub-byte fields)
    std::uint8_t bits = 1;  // width in bits (ascii/list kinds: ignored)
    FieldKind kind = FieldKind::flag;
    ValueNamer namer = nullptr;  // enumeration values
    // List kinds: byte of the count (byte_list, u16_list); ascii/date: length in bytes
    // (0 = to the end of the descriptor).
    std::uint16_t count_byte = 0;
};

// One feature's layout: the Additional Length MMC-6 gives (0 where the length varies) and its
// fields, in descriptor order.
struct FeatureLayout {
    std::uint16_t code;
    std::uint8_t length;  // additional length of the full layout (MMC-6), bytes after byte 3
    std::span<const FieldSpec> fields;
    std::string_view source;  // "MMC-6 §5.3.8"
};

std::span<const FeatureLayout> feature_layout_table() noexcept;
const FeatureLayout* find_feature_layout(std::uint16_t code) noexcept;
// FF00h-FFFFh: vendor specific (MMC-6 §5.2.3).
constexpr bool is_vendor_feature(std::uint16_t code) noexcept { return code >= 0xff00; }

struct ListItem {
    std::uint32_t value = 0;
    std::optional<bool> current;  // profile list only
};

struct DecodedField {
    const FieldSpec* spec = nullptr;
    std::uint32_t value = 0;      // flag (0/1), uint, bitmap, enumeration
    std::string text;             // ascii, date, enumeration name ("" when unnamed)
    std::vector<ListItem> items;  // list kinds
};

struct DecodedFeature {
    std::uint16_t code = 0;
    std::uint8_t version = 0;
    bool persistent = false;
    bool current = false;
    std::uint8_t additional_length = 0;
    bool truncated = false;  // additional length ran past the bytes received
    bool known = false;      // a layout row exists (false: unknown or vendor: raw only)
    std::vector<DecodedField> fields;
    std::vector<std::string> absent;  // labels of layout fields the descriptor was too short for
    Bytes data;                       // the descriptor's bytes after its header, as received
    Bytes extra;                      // bytes past the layout's length (known features)
    std::vector<std::string> notes;   // what was odd about this descriptor
};

// Decodes one descriptor by its layout row; never reads past `f.data`.
DecodedFeature decode_feature(const FeatureDescriptor& f);

// A feature code in hex, as MMC writes them ("0x001e", "1e", "001Eh"), or a short name from
// the feature table ("cd-read"). Returns nullopt for text that names no feature MMC defines;
// vendor codes FF00h-FFFFh are accepted.
std::optional<std::uint16_t> parse_feature_code(std::string_view text);

}  // namespace discrec::mmc
