// Field-by-field decoding of the mode pages an optical drive reports. The layouts are data: one
// table of fields per page ({json key, byte, lowest bit, width, kind, label}), read by one
// table-driven decoder; the variable part of page 2Ah (its write speed performance descriptors)
// has a small decoder of its own. Sources per page are in mode_page_fields.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mmc/mode_sense.hpp"
#include "util/bytes.hpp"

namespace discrec::mmc {

enum class ModeFieldKind : std::uint8_t {
    flag,   // one bit: true/false
    uint,   // unsigned number, `unit` says what it counts
    enum_,  // a code with a name (ModeFieldRow::name_of)
    ascii,  // bytes of text (width is a multiple of 8, `lsb` 0)
    hex,    // bytes shown as hex (vendor specific, sub-header)
};

// A field of a mode page. Bytes count from the page's byte 0 (the PS/SPF/page code byte); the
// field is the `width` bits ending at bit `lsb` of its last byte: bits 7-5 of byte 6 are
// {6, 5, 3}, bytes 8-9 are {8, 0, 16}.
struct ModeFieldRow {
    std::string_view key;  // JSON key, snake_case: "lock_state"
    std::uint16_t byte;    // first (most significant) byte
    std::uint8_t lsb;      // lowest bit, in the field's last byte
    std::uint8_t width;    // bits, 1 .. 64
    ModeFieldKind kind;
    std::string_view label;                                // as the standard names it: "Lock State"
    std::string_view unit = {};                            // "kB/s", "100 ms", "s"; uint only
    std::string_view (*name_of)(std::uint64_t) = nullptr;  // enum_ only; "" = reserved

    // Bytes the field spans (from `byte` on).
    [[nodiscard]] constexpr std::size_t byte_count() const noexcept {
        return (static_cast<std::size_t>(lsb) + width + 7U) / 8U;
    }
};

// The layout of one page: its fields and the standard it follows.
struct ModePageLayout {
    std::uint8_t code;
    std::string_view source;  // "MMC-6 §7.3, Table 668" style citation
    std::span<const ModeFieldRow> fields;
};

std::span<const ModePageLayout> mode_page_layouts() noexcept;
const ModePageLayout* find_mode_page_layout(std::uint8_t code) noexcept;

// Page 2Ah bytes 32.. (MMC-3 §5.5.10): one per write speed the drive offers.
struct WriteSpeedDescriptor {
    std::uint8_t rotation_control = 0;   // byte 1 bits 2-0: 0 CLV (and non-pure CAV), 1 pure CAV
    std::uint16_t write_speed_kbps = 0;  // bytes 2-3
};
std::string_view rotation_control_name(std::uint64_t code) noexcept;

struct DecodedModeField {
    const ModeFieldRow* row = nullptr;
    std::uint64_t value = 0;                 // flag/uint/enum_; for ascii/hex see `bytes`
    Bytes bytes;                             // ascii/hex fields: their bytes
    [[nodiscard]] std::string text() const;  // ascii: printable text, spaces trimmed
};

struct DecodedModePage {
    std::uint8_t code = 0;
    std::uint8_t subpage = 0;
    bool ps = false;
    bool spf = false;
    std::uint16_t page_length = 0;
    Bytes bytes;  // the page from its byte 0, as received
    bool truncated = false;
    const ModePageLayout* layout = nullptr;          // nullptr: no decoder, hex only
    std::vector<DecodedModeField> fields;            // the fields that fit inside the page
    std::vector<WriteSpeedDescriptor> write_speeds;  // page 2Ah only
    std::vector<std::string> warnings;
};

// Decodes every field of `page` that its page length covers: pages grew between MMC versions
// (2Ah is 14h bytes long in MMC-2, up to 5Ch+ in MMC-3), so a shorter page simply has fewer
// fields. Subpage formatted pages (SPF=1) and pages without a layout keep only their bytes.
DecodedModePage decode_mode_page(const ModePage& page);

// Reads a field from a page's bytes; nullopt when the page is too short to hold it.
std::optional<std::uint64_t> read_field(ByteSpan page, const ModeFieldRow& row) noexcept;

// The header form of a saved response (--inhex): a MODE SENSE(10) answer, a (6) answer, or
// bare pages without the mode parameter header.
enum class ModeDataForm : std::uint8_t { sense10, sense6, pages_only };

// Guesses the form of `data`: the first form whose lengths (mode data length, block
// descriptor length, each page length) agree with the bytes there are, in the order 10, 6,
// pages only; trailing zero bytes (a buffer larger than the answer) are allowed.
std::optional<ModeDataForm> detect_mode_data_form(ByteSpan data) noexcept;
// The pages of `data` in the given form (for pages_only: a response with no header).
ModeParameters split_mode_data(ByteSpan data, ModeDataForm form);

}  // namespace discrec::mmc
