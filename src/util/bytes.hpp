// Bounds-checked big-endian (and little-endian) field access over device bytes. Every length
// field a drive sends is untrusted: these helpers return 0 (or an empty span) rather than read past
// the span, and decoders check `size()` before they rely on a field being really there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace discrec {

using ByteSpan = std::span<const std::byte>;
using Bytes = std::vector<std::byte>;

inline std::uint8_t u8_at(ByteSpan b, std::size_t off) noexcept {
    return off < b.size() ? static_cast<std::uint8_t>(b[off]) : 0;
}
inline std::uint16_t be16_at(ByteSpan b, std::size_t off) noexcept {
    return static_cast<std::uint16_t>((u8_at(b, off) << 8) | u8_at(b, off + 1));
}
inline std::uint32_t be24_at(ByteSpan b, std::size_t off) noexcept {
    return (std::uint32_t{u8_at(b, off)} << 16) | (std::uint32_t{u8_at(b, off + 1)} << 8) |
           u8_at(b, off + 2);
}
inline std::uint32_t be32_at(ByteSpan b, std::size_t off) noexcept {
    return (std::uint32_t{be16_at(b, off)} << 16) | be16_at(b, off + 2);
}
// Little-endian, for the few structures that are not SCSI's (UDF descriptors, Windows'
// STORAGE_*_DESCRIPTOR): the same bounds rule.
inline std::uint16_t le16_at(ByteSpan b, std::size_t off) noexcept {
    return static_cast<std::uint16_t>(u8_at(b, off) | (u8_at(b, off + 1) << 8));
}
inline std::uint32_t le32_at(ByteSpan b, std::size_t off) noexcept {
    return std::uint32_t{le16_at(b, off)} | (std::uint32_t{le16_at(b, off + 2)} << 16);
}
inline bool bit_at(ByteSpan b, std::size_t off, unsigned bit) noexcept {
    return ((u8_at(b, off) >> bit) & 1U) != 0;
}
// [off, off+len) clipped to the span: never past its end.
inline ByteSpan sub_span(ByteSpan b, std::size_t off, std::size_t len) noexcept {
    if (off >= b.size()) return {};
    return b.subspan(off, len < b.size() - off ? len : b.size() - off);
}
// ASCII field (INQUIRY vendor/product ...): clipped to the span, trailing spaces and NULs
// removed, non-printable bytes replaced by '?'.
std::string ascii_field(ByteSpan b, std::size_t off, std::size_t len);
// "00 04 04 10" — lower-case hex, one space between bytes.
std::string hex_bytes(ByteSpan b);

inline Bytes to_bytes(std::initializer_list<int> values) {
    Bytes out;
    out.reserve(values.size());
    for (int v : values) out.push_back(static_cast<std::byte>(v));
    return out;
}

}  // namespace discrec
