// The one field engine: every field-decoded structure (feature descriptors, mode pages, and
// the structures to come: disc and track information, TOC formats, ATIP, CD-TEXT, DVD/BD
// structures, performance and format capacity descriptors) is a Layout, a table of Field rows
// in src/mmc/tables/, walked by decode_fields() and rendered by output/fields.hpp. A new
// structure is a new table; a shape that needs code names a small decoding function in its row.
//
// Byte and bit numbers are the ones the standard's table prints: `byte` counts from the
// structure's byte 0 as the spec draws it (Layout::origin says which spec byte the span handed
// to the walk starts at: 4 for a feature descriptor's data after its header), `lsb` is the
// lowest bit of the field in its last byte, `width` its size in bits. Bits 7-5 of byte 6 are
// {byte 6, lsb 5, width 3}; bytes 8-9 are {byte 8, lsb 0, width 16}.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/bytes.hpp"

namespace discrec::mmc {

enum class Shape : std::uint8_t {
    flag,         // one bit: yes / no
    uint,         // unsigned big-endian number of 1..64 bits, `unit` says what it counts
    bitmap,       // a number whose bits each mean something (shown in hex)
    enumeration,  // a number with a name per value (`namer`; "" = reserved)
    code,         // a code people read in hex: "0x0008 CD-ROM" (profiles, formats)
    lba,          // a signed 32-bit logical block address (lead-in LBAs are negative)
    msf,          // 3 bytes M, S, F: shown as MM:SS:FF and as the LBA it names
    bcd,          // a number written in binary-coded decimal, one digit per nibble
    ascii,        // padded ASCII text; `width` 0 = to the end of the span
    hex,          // bytes shown as hex (vendor specific, sub-headers); `width` 0 = to the end
    list,         // a list of fixed-size descriptors, each decoded by `item`
    custom,       // decoded by `decode` (dates, CRC checks, anything the shapes above miss)
};

struct Layout;
struct Field;
struct Value;

// Names a value ("" = no name: an enumeration shows "reserved").
using Namer = std::string (*)(std::uint64_t value);
// A decoding function for what the shapes cannot say: reads the field from `span` (the
// structure's bytes from Layout::origin), fills `out.number` / `out.text`, adds notes; false:
// the bytes for it are not there.
using FieldDecoder = bool (*)(const Field& field, ByteSpan span, std::size_t origin, Value& out,
                              std::vector<std::string>& notes);

inline constexpr std::uint16_t k_no_byte = 0xffff;

struct Field {
    std::string_view key;     // JSON key, snake_case ("" in a list item: the item's own value)
    std::string_view label;   // as the standard names it: "Loading Mechanism Type"
    std::uint16_t byte = 0;   // first (most significant) byte
    std::uint8_t lsb = 0;     // lowest bit, in the field's last byte
    std::uint16_t width = 1;  // bits (ascii/hex: 0 = to the end of the span)
    Shape shape = Shape::flag;
    std::string_view unit = {};   // uint: "kB/s", "blocks"
    Namer namer = nullptr;        // enumeration, code
    std::uint8_t hex_digits = 0;  // enumeration, code: digits of the "hex" JSON key (0: none)
    // A number split across non-adjacent bytes (READ DISC INFORMATION's session count: LSB
    // byte 4, MSB byte 9): `high_byte`/`high_width` hold the upper bits, `byte`.. the lower.
    std::uint16_t high_byte = k_no_byte;
    std::uint8_t high_width = 0;
    // Valid only when the flag field with this key (same layout, earlier row) is set
    // (DID_V, MCVal, TCVal): otherwise decoded as absent-by-flag and shown as not valid.
    std::string_view valid_if = {};
    // list: the descriptors' layout and where their count comes from: the byte `count_byte`
    // (`count_width` bits), else the field keyed `count_key`, else as many as fit.
    const Layout* item = nullptr;
    std::uint16_t count_byte = k_no_byte;
    std::uint8_t count_width = 8;
    std::string_view count_key = {};
    bool count_in_bytes = false;    // the count is the list's length in bytes (format capacities)
    std::uint16_t stride = 0;       // bytes per descriptor (0: item->size)
    FieldDecoder decode = nullptr;  // custom

    // Bytes the field spans from `byte` on (numbers, flags; ascii/hex with a width).
    [[nodiscard]] constexpr std::size_t byte_count() const noexcept {
        return (static_cast<std::size_t>(lsb) + width + 7U) / 8U;
    }
};

struct Layout {
    std::string_view name;    // "Core", "CD/DVD Capabilities and Mechanical Status"
    std::string_view source;  // the spec table it follows: "MMC-6 §5.3.2, Table 88"
    std::span<const Field> fields;
    std::uint16_t origin = 0;  // spec byte number of the first byte of the decoded span
    std::uint16_t size = 0;    // bytes of the full layout (descriptors: the stride; 0: varies)
};

struct Record;

struct Value {
    const Field* field = nullptr;
    std::uint64_t number = 0;   // flag (0/1), uint, bitmap, enumeration, code, bcd, msf's LBA
    std::int64_t lba = 0;       // lba, msf: the address as a signed LBA
    std::string text;           // names, ascii, custom text; msf "MM:SS:FF"
    Bytes bytes;                // hex (and ascii) fields: their bytes
    std::vector<Record> items;  // list
    bool valid = true;          // false: its valid_if flag is clear
};

struct Record {
    const Layout* layout = nullptr;
    std::vector<Value> values;             // the fields the bytes hold, in row order
    std::vector<std::string_view> absent;  // labels of fields the span is too short for
    std::vector<std::string> notes;        // counts that disagree, CRC errors ...
    [[nodiscard]] const Value* find(std::string_view key) const noexcept;
};

// Walks `layout` over `span` (the structure's bytes from layout.origin on); never reads past
// it. Fields the span is too short for are listed in `absent`, not guessed.
Record decode_fields(const Layout& layout, ByteSpan span);

// The field as a number from the structure's bytes (flags, numbers; split numbers joined);
// false when the span does not hold it.
bool read_number(const Field& field, ByteSpan span, std::size_t origin,
                 std::uint64_t& out) noexcept;

// Whether `data` holds the `need` bytes a decoder reads before it can trust any length in them
// (a response's fixed header); if not, adds the warning "<what> is only N bytes (needs M)".
// The response decoders start with it.
bool bytes_arrived(ByteSpan data, std::size_t need, std::string_view what,
                   std::vector<std::string>& warnings);

// The inverse of read_number, for what discrec builds (CDBs): writes the low `width` bits of
// `value` to the field's place in `bytes` (which start at spec byte `origin`), leaving the
// other bits of those bytes alone; false when the bytes are not there (or the field is split).
bool write_number(const Field& field, std::span<std::byte> bytes, std::size_t origin,
                  std::uint64_t value) noexcept;

// Decoding functions tables name (Field::decode).
// "YYYYMMDDhhmmss" in ASCII digits (MMC-6 §5.3 Firmware Information) -> "YYYY-MM-DD hh:mm:ss".
bool decode_ascii_date(const Field& field, ByteSpan span, std::size_t origin, Value& out,
                       std::vector<std::string>& notes);
// CRC-16 (CCITT, x^16 + x^12 + x^5 + 1, stored inverted) over the bytes before `byte`, compared
// with the 2 bytes at `byte` (CD-TEXT packs, MMC-6 Annex J / Red Book): number 1 = CRC good;
// a bad CRC adds a note.
bool decode_crc16_check(const Field& field, ByteSpan span, std::size_t origin, Value& out,
                        std::vector<std::string>& notes);
std::uint16_t crc16_ccitt(ByteSpan bytes) noexcept;

// MSF <-> LBA (MMC-6 §4.2.3.4 (table 16): LBA = (M*60 + S)*75 + F - 150, lead-in M >= 90 is
// negative: LBA = (M*60 + S)*75 + F - 450150).
std::int64_t msf_to_lba(std::uint8_t m, std::uint8_t s, std::uint8_t f) noexcept;
struct Msf {
    std::uint8_t m = 0, s = 0, f = 0;
};
// The inverse, for LBAs an MSF can name (-450150 + 90*60*75 .. 99:59:74 - 150); others clamp
// to 00:00:00 or 99:59:74 (a CD's addresses never leave that range).
Msf lba_to_msf(std::int64_t lba) noexcept;

}  // namespace discrec::mmc
