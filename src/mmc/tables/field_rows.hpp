// Constructors of the field engine's rows (mmc/fields.hpp), shared by every layout table, so a
// table reads as the spec's table does: key, label, byte, bits.
#pragma once

#include <array>
#include <cstddef>

#include "mmc/fields.hpp"

namespace discrec::mmc::rows {

constexpr Field flag(std::string_view key, std::string_view label, std::uint16_t byte,
                     std::uint8_t bit) {
    return Field{.key = key, .label = label, .byte = byte, .lsb = bit, .width = 1};
}
// An unsigned number of `bits` bits whose lowest bit is `lsb` of its last byte.
constexpr Field number(std::string_view key, std::string_view label, std::uint16_t byte,
                       std::uint16_t bits, std::uint8_t lsb = 0, std::string_view unit = {}) {
    return Field{.key = key,
                 .label = label,
                 .byte = byte,
                 .lsb = lsb,
                 .width = bits,
                 .shape = Shape::uint,
                 .unit = unit};
}
constexpr Field bitmap(std::string_view key, std::string_view label, std::uint16_t byte,
                       std::uint16_t bits) {
    return Field{.key = key, .label = label, .byte = byte, .width = bits, .shape = Shape::bitmap};
}
// `hex_digits` > 0: the JSON value carries its code in hex too (code_json).
constexpr Field named(std::string_view key, std::string_view label, std::uint16_t byte,
                      std::uint8_t lsb, std::uint16_t bits, Namer namer,
                      std::uint8_t hex_digits = 0) {
    return Field{.key = key,
                 .label = label,
                 .byte = byte,
                 .lsb = lsb,
                 .width = bits,
                 .shape = Shape::enumeration,
                 .namer = namer,
                 .hex_digits = hex_digits};
}
// A code people read in hex ("0x0008 CD-ROM"), `bits` wide.
constexpr Field code(std::string_view key, std::string_view label, std::uint16_t byte,
                     std::uint16_t bits, Namer namer) {
    return Field{.key = key,
                 .label = label,
                 .byte = byte,
                 .width = bits,
                 .shape = Shape::code,
                 .namer = namer,
                 .hex_digits = static_cast<std::uint8_t>((bits + 3) / 4)};
}
// Padded ASCII, or bytes shown in hex, of `bytes` bytes (0: to the end of the structure).
constexpr Field bytes_field(Shape shape, std::string_view key, std::string_view label,
                            std::uint16_t byte, std::uint16_t bytes) {
    return Field{.key = key,
                 .label = label,
                 .byte = byte,
                 .width = static_cast<std::uint16_t>(bytes * 8),
                 .shape = shape};
}
constexpr Field text(std::string_view key, std::string_view label, std::uint16_t byte,
                     std::uint16_t bytes = 0) {
    return bytes_field(Shape::ascii, key, label, byte, bytes);
}
constexpr Field hex(std::string_view key, std::string_view label, std::uint16_t byte,
                    std::uint16_t bytes = 0) {
    return bytes_field(Shape::hex, key, label, byte, bytes);
}
// Descriptors of `item` from `byte` on: as many as the byte `count_byte` says (`in_bytes`: the
// byte gives the list's length in bytes), as many as the field keyed `count_key` says, or, with
// neither, as many as fit.
constexpr Field list(std::string_view key, std::string_view label, std::uint16_t byte,
                     const Layout& item, std::uint16_t count_byte = k_no_byte,
                     std::string_view count_key = {}, bool in_bytes = false) {
    return Field{.key = key,
                 .label = label,
                 .byte = byte,
                 .width = 0,
                 .shape = Shape::list,
                 .item = &item,
                 .count_byte = count_byte,
                 .count_key = count_key,
                 .count_in_bytes = in_bytes};
}
// A signed 32-bit LBA (negative in the lead-in), an MSF address (3 bytes), a BCD number.
constexpr Field address(std::string_view key, std::string_view label, std::uint16_t byte,
                        Shape shape) {
    return Field{.key = key,
                 .label = label,
                 .byte = byte,
                 .width = static_cast<std::uint16_t>(shape == Shape::msf ? 24 : 32),
                 .shape = shape};
}
constexpr Field bcd(std::string_view key, std::string_view label, std::uint16_t byte,
                    std::uint16_t bits = 8) {
    return Field{.key = key, .label = label, .byte = byte, .width = bits, .shape = Shape::bcd};
}
// A number whose low `bits` start at `byte` and whose high `high_bits` sit at `high_byte`.
constexpr Field split_number(std::string_view key, std::string_view label, std::uint16_t byte,
                             std::uint16_t bits, std::uint16_t high_byte, std::uint8_t high_bits) {
    Field f = number(key, label, byte, bits);
    f.high_byte = high_byte;
    f.high_width = high_bits;
    return f;
}
// `field`, valid only when the flag keyed `flag_key` is set (DID_V, MCVal, TCVal).
constexpr Field valid_if(Field field, std::string_view flag_key) {
    field.valid_if = flag_key;
    return field;
}
constexpr Field custom(std::string_view key, std::string_view label, std::uint16_t byte,
                       FieldDecoder decode) {
    return Field{.key = key,
                 .label = label,
                 .byte = byte,
                 .width = 0,
                 .shape = Shape::custom,
                 .decode = decode};
}

// `rows` followed by `last`: a layout that is another's plus one row (MODE SENSE(6) and (10)).
template <std::size_t N>
constexpr std::array<Field, N + 1> append(const std::array<Field, N>& rows, Field last) {
    std::array<Field, N + 1> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = rows[i];
    out[N] = last;
    return out;
}

}  // namespace discrec::mmc::rows
