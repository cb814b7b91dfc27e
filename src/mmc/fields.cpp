#include "mmc/fields.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace discrec::mmc {
namespace {

constexpr std::size_t k_date_chars = 14;  // MMC-6 §5.3 Firmware Information: YYYYMMDDhhmmss

std::size_t offset_of(std::uint16_t byte, std::size_t origin) noexcept {
    return byte >= origin ? byte - origin : 0;
}

// `n` bytes big-endian from `off`; false when they are not all there or more than 8.
bool read_bytes(ByteSpan span, std::size_t off, std::size_t n, std::uint64_t& out) noexcept {
    if (n == 0 || n > 8 || off + n > span.size()) return false;
    out = 0;
    for (std::size_t i = 0; i < n; ++i) out = (out << 8U) | u8_at(span, off + i);
    return true;
}

std::uint64_t low_bits(std::uint64_t v, unsigned bits) noexcept {
    return bits >= 64 ? v : v & ((std::uint64_t{1} << bits) - 1U);
}

std::uint64_t from_bcd(std::uint64_t v, unsigned bits) noexcept {
    std::uint64_t out = 0;
    for (int shift = static_cast<int>(bits) - 4; shift >= 0; shift -= 4)
        out = out * 10 + ((v >> static_cast<unsigned>(shift)) & 0xfU);
    return out;
}

bool is_bcd(std::uint64_t v, unsigned bits) noexcept {
    for (unsigned shift = 0; shift < bits; shift += 4) {
        if (((v >> shift) & 0xfU) > 9) return false;
    }
    return true;
}

std::string name_or_empty(const Field& f, std::uint64_t v) {
    return f.namer != nullptr ? f.namer(v) : std::string{};
}

bool decode_bytes(const Field& f, ByteSpan span, std::size_t origin, Value& out) {
    const std::size_t off = offset_of(f.byte, origin);
    if (off >= span.size()) return false;
    const std::size_t len = f.width == 0 ? span.size() - off : f.byte_count();
    if (off + len > span.size()) return false;
    const ByteSpan b = span.subspan(off, len);
    out.bytes.assign(b.begin(), b.end());
    if (f.shape == Shape::ascii) out.text = ascii_field(b, 0, b.size());
    return true;
}

bool decode_msf(const Field& f, ByteSpan span, std::size_t origin, Value& out) {
    const std::size_t off = offset_of(f.byte, origin);
    if (off + 3 > span.size()) return false;
    const auto m = u8_at(span, off);
    const auto s = u8_at(span, off + 1);
    const auto fr = u8_at(span, off + 2);
    out.lba = msf_to_lba(m, s, fr);
    out.number = (std::uint64_t{m} << 16U) | (std::uint64_t{s} << 8U) | fr;
    out.text = fmt::format("{:02}:{:02}:{:02}", m, s, fr);
    return true;
}

std::size_t list_count(const Field& f, ByteSpan span, std::size_t origin, const Record& rec,
                       std::size_t fit, bool& counted) {
    counted = true;
    if (f.count_byte != k_no_byte) {
        std::uint64_t n = 0;
        if (read_bytes(span, offset_of(f.count_byte, origin), (f.count_width + 7U) / 8U, n))
            return static_cast<std::size_t>(std::min<std::uint64_t>(n, SIZE_MAX));
        return 0;
    }
    if (!f.count_key.empty()) {
        if (const Value* v = rec.find(f.count_key)) return static_cast<std::size_t>(v->number);
        return 0;
    }
    counted = false;
    return fit;
}

bool decode_list(const Field& f, ByteSpan span, std::size_t origin, Record& rec, Value& out) {
    const std::size_t off = offset_of(f.byte, origin);
    const std::size_t stride = f.stride != 0 ? f.stride : f.item->size;
    if (stride == 0) return false;
    const std::size_t room = off < span.size() ? span.size() - off : 0;
    const std::size_t fit = room / stride;
    bool counted = false;
    std::size_t announced = list_count(f, span, origin, rec, fit, counted);
    if (counted && f.count_in_bytes) announced /= stride;
    if (counted && f.count_byte != k_no_byte && offset_of(f.count_byte, origin) >= span.size())
        return false;
    const std::size_t n = std::min(announced, fit);
    for (std::size_t i = 0; i < n; ++i) {
        Record item = decode_fields(*f.item, span.subspan(off + i * stride, stride));
        for (auto& note : item.notes) rec.notes.push_back(std::move(note));
        item.notes.clear();
        out.items.push_back(std::move(item));
    }
    if (counted && announced > n) {
        rec.notes.push_back(
            fmt::format("{}: the count says {}, only {} present", f.label, announced, n));
    }
    const std::size_t rest = room - n * stride;
    if (!counted && rest != 0) {
        rec.notes.push_back(fmt::format("{}: {} byte(s) after the last whole {}-byte entry",
                                        f.label, rest, stride));
    }
    return true;
}

bool decode_value(const Field& f, ByteSpan span, std::size_t origin, Record& rec, Value& out) {
    out.field = &f;
    switch (f.shape) {
        case Shape::ascii:
        case Shape::hex:
            return decode_bytes(f, span, origin, out);
        case Shape::msf:
            return decode_msf(f, span, origin, out);
        case Shape::list:
            return decode_list(f, span, origin, rec, out);
        case Shape::custom:
            return f.decode != nullptr && f.decode(f, span, origin, out, rec.notes);
        default:
            break;
    }
    if (!read_number(f, span, origin, out.number)) return false;
    switch (f.shape) {
        case Shape::enumeration:
        case Shape::code:
            out.text = name_or_empty(f, out.number);
            break;
        case Shape::lba:
            out.lba = static_cast<std::int32_t>(static_cast<std::uint32_t>(out.number));
            break;
        case Shape::bcd:
            if (!is_bcd(out.number, f.width)) {
                rec.notes.push_back(fmt::format("{}: {:0{}x}h is not BCD", f.label, out.number,
                                                (f.width + 3U) / 4U));
            }
            out.number = from_bcd(out.number, f.width);
            break;
        default:
            break;
    }
    return true;
}

}  // namespace

const Value* Record::find(std::string_view key) const noexcept {
    for (const Value& v : values) {
        if (v.field->key == key) return &v;
    }
    return nullptr;
}

bool read_number(const Field& f, ByteSpan span, std::size_t origin, std::uint64_t& out) noexcept {
    std::uint64_t raw = 0;
    if (f.width == 0 || !read_bytes(span, offset_of(f.byte, origin), f.byte_count(), raw))
        return false;
    out = low_bits(raw >> f.lsb, f.width);
    if (f.high_byte == k_no_byte) return true;
    std::uint64_t high = 0;
    if (!read_bytes(span, offset_of(f.high_byte, origin), (f.high_width + 7U) / 8U, high))
        return false;
    out |= low_bits(high, f.high_width) << f.width;
    return true;
}

bool bytes_arrived(ByteSpan data, std::size_t need, std::string_view what,
                   std::vector<std::string>& warnings) {
    if (data.size() >= need) return true;
    warnings.push_back(fmt::format("{} is only {} bytes (needs {})", what, data.size(), need));
    return false;
}

bool write_number(const Field& f, std::span<std::byte> bytes, std::size_t origin,
                  std::uint64_t value) noexcept {
    const std::size_t off = offset_of(f.byte, origin);
    const std::size_t n = f.byte_count();
    std::uint64_t raw = 0;
    if (f.high_byte != k_no_byte || !read_bytes(bytes, off, n, raw)) return false;
    const std::uint64_t mask = low_bits(~std::uint64_t{0}, f.width) << f.lsb;
    raw = (raw & ~mask) | ((value << f.lsb) & mask);
    for (std::size_t i = n; i-- > 0; raw >>= 8U)
        bytes[off + i] = static_cast<std::byte>(raw & 0xffU);
    return true;
}

Record decode_fields(const Layout& layout, ByteSpan span) {
    Record rec;
    rec.layout = &layout;
    for (const Field& f : layout.fields) {
        Value v;
        if (!decode_value(f, span, layout.origin, rec, v)) {
            rec.absent.push_back(f.label);
            continue;
        }
        if (!f.valid_if.empty()) {
            const Value* gate = rec.find(f.valid_if);
            v.valid = gate != nullptr && gate->number != 0;
        }
        rec.values.push_back(std::move(v));
    }
    return rec;
}

bool decode_ascii_date(const Field& f, ByteSpan span, std::size_t origin, Value& out,
                       std::vector<std::string>& /*notes*/) {
    const std::size_t off = offset_of(f.byte, origin);
    if (off + k_date_chars > span.size()) return false;
    const std::string t = ascii_field(span, off, k_date_chars);
    if (t.size() != k_date_chars) return false;
    out.text = fmt::format("{}-{}-{} {}:{}:{}", t.substr(0, 4), t.substr(4, 2), t.substr(6, 2),
                           t.substr(8, 2), t.substr(10, 2), t.substr(12, 2));
    return true;
}

std::uint16_t crc16_ccitt(ByteSpan bytes) noexcept {
    std::uint16_t crc = 0;
    for (std::byte b : bytes) {
        crc ^= static_cast<std::uint16_t>(static_cast<unsigned>(b) << 8U);
        for (int i = 0; i < 8; ++i)
            crc = static_cast<std::uint16_t>((crc & 0x8000U) != 0 ? (crc << 1U) ^ 0x1021U
                                                                  : crc << 1U);
    }
    return crc;
}

bool decode_crc16_check(const Field& f, ByteSpan span, std::size_t origin, Value& out,
                        std::vector<std::string>& notes) {
    const std::size_t off = offset_of(f.byte, origin);
    if (off + 2 > span.size()) return false;
    const auto stored = static_cast<std::uint16_t>(~be16_at(span, off));
    const std::uint16_t computed = crc16_ccitt(span.first(off));
    out.number = stored == computed ? 1 : 0;
    out.text = stored == computed ? "good" : "bad";
    if (stored != computed) {
        notes.push_back(fmt::format("{}: CRC {:04X}h stored, {:04X}h computed", f.label,
                                    static_cast<std::uint16_t>(~stored),
                                    static_cast<std::uint16_t>(~computed)));
    }
    return true;
}

std::int64_t msf_to_lba(std::uint8_t m, std::uint8_t s, std::uint8_t f) noexcept {
    const std::int64_t frames = (std::int64_t{m} * 60 + s) * 75 + f;
    return m >= 90 ? frames - 450150 : frames - 150;
}

Msf lba_to_msf(std::int64_t lba) noexcept {
    constexpr std::int64_t k_last_frame = (99 * 60 + 59) * 75 + 74;  // 99:59:74
    constexpr std::int64_t k_lead_in_start = (90 * 60) * 75;         // 90:00:00
    std::int64_t frames = lba >= -150 ? lba + 150 : lba + 450150;
    if (lba < -150 && frames < k_lead_in_start) frames = k_lead_in_start;
    frames = std::clamp<std::int64_t>(frames, 0, k_last_frame);
    return Msf{static_cast<std::uint8_t>(frames / (60 * 75)),
               static_cast<std::uint8_t>(frames / 75 % 60), static_cast<std::uint8_t>(frames % 75)};
}

}  // namespace discrec::mmc
