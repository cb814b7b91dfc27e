#include "mmc/feature_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "mmc/tables/features.hpp"

namespace discrec::mmc {
namespace {

// MMC-6 §5.2.2: a feature descriptor is a 4-byte header and then the feature's own bytes;
// FieldSpec::byte counts from the header, FeatureDescriptor::data starts after it.
constexpr std::size_t k_header = 4;
constexpr std::size_t k_profile_entry = 4;  // §5.3 Profile List: 4-byte profile descriptors
constexpr std::size_t k_date_chars = 14;    // §5.3 Firmware Information: YYYYMMDDhhmmss

std::size_t data_offset(const FieldSpec& s) { return s.byte >= k_header ? s.byte - k_header : 0; }

std::size_t value_bytes(const FieldSpec& s) { return s.bits <= 8 ? 1 : (s.bits + 7U) / 8U; }

std::uint32_t read_big_endian(ByteSpan d, std::size_t off, std::size_t n) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = (v << 8) | u8_at(d, off + i);
    return v;
}

bool decode_number(const FieldSpec& s, ByteSpan d, DecodedField& out) {
    const std::size_t off = data_offset(s);
    const std::size_t n = value_bytes(s);
    if (off + n > d.size()) return false;
    const std::uint32_t raw = read_big_endian(d, off, n);
    const std::uint32_t mask = s.bits >= 32 ? 0xffffffffU : (1U << s.bits) - 1U;
    out.value = (raw >> s.bit) & mask;
    if (s.kind == FieldKind::enumeration && s.namer != nullptr) out.text = s.namer(out.value);
    return true;
}

bool decode_text(const FieldSpec& s, ByteSpan d, DecodedField& out) {
    const std::size_t off = data_offset(s);
    if (off >= d.size()) return false;
    const std::size_t len = s.count_byte == 0 ? d.size() - off : s.count_byte;
    if (s.kind == FieldKind::ascii) {
        std::string text = ascii_field(d, off, len);
        text.erase(0, text.find_first_not_of(' '));
        out.text = std::move(text);
        return true;
    }
    if (off + k_date_chars > d.size()) return false;
    const std::string t = ascii_field(d, off, k_date_chars);
    if (t.size() != k_date_chars) return false;
    out.text = fmt::format("{}-{}-{} {}:{}:{}", t.substr(0, 4), t.substr(4, 2), t.substr(6, 2),
                           t.substr(8, 2), t.substr(10, 2), t.substr(12, 2));
    return true;
}

// Entries of `width` bytes from the field's byte on: `count` of them, or up to the end of the
// descriptor when count is nullopt. Never past the bytes received; says what was missing.
void read_entries(ByteSpan d, std::size_t off, std::size_t width, std::optional<std::size_t> count,
                  DecodedField& out, std::vector<std::string>& notes) {
    const std::size_t available = off < d.size() ? (d.size() - off) / width : 0;
    const std::size_t n = count ? std::min(*count, available) : available;
    for (std::size_t i = 0; i < n; ++i) {
        ListItem item{read_big_endian(d, off + i * width, width), std::nullopt};
        if (out.spec->kind == FieldKind::profiles) {
            item.value = be16_at(d, off + i * width);
            item.current = bit_at(d, off + i * width + 2, 0);
        }
        out.items.push_back(item);
    }
    if (count && *count > n) {
        notes.push_back(
            fmt::format("{}: the count says {}, only {} present", out.spec->label, *count, n));
    }
    const std::size_t rest = off < d.size() ? d.size() - off - n * width : 0;
    if (!count && rest != 0) {
        notes.push_back(fmt::format("{}: {} byte(s) after the last whole {}-byte entry",
                                    out.spec->label, rest, width));
    }
}

bool decode_list(const FieldSpec& s, ByteSpan d, DecodedField& out,
                 std::vector<std::string>& notes) {
    const std::size_t off = data_offset(s);
    switch (s.kind) {
        case FieldKind::profiles:
            read_entries(d, off, k_profile_entry, std::nullopt, out, notes);
            break;
        case FieldKind::u32_list:
            read_entries(d, off, 4, std::nullopt, out, notes);
            break;
        default: {
            const std::size_t count_at = s.count_byte - k_header;
            if (count_at >= d.size()) return false;
            const std::size_t width = s.kind == FieldKind::u16_list ? 2 : 1;
            read_entries(d, off, width, u8_at(d, count_at), out, notes);
        }
    }
    return true;
}

bool decode_field(const FieldSpec& s, ByteSpan d, DecodedField& out,
                  std::vector<std::string>& notes) {
    out.spec = &s;
    switch (s.kind) {
        case FieldKind::flag:
        case FieldKind::uint:
        case FieldKind::bitmap:
        case FieldKind::enumeration:
            return decode_number(s, d, out);
        case FieldKind::ascii:
        case FieldKind::date:
            return decode_text(s, d, out);
        default:
            return decode_list(s, d, out, notes);
    }
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

void check_lengths(const FeatureLayout& layout, DecodedFeature& out) {
    const ByteSpan d{out.data};
    if (!out.absent.empty()) {
        out.notes.push_back(fmt::format("{} byte(s) of feature data, {} has {}: {} not sent",
                                        d.size(), layout.source, layout.length, join(out.absent)));
    }
    if (layout.length == 0 && !layout.fields.empty()) return;  // variable length
    if (d.size() <= layout.length) return;
    const ByteSpan past = d.subspan(layout.length);
    // Reserved bytes a later version may define are not an error; data in them is news.
    if (std::all_of(past.begin(), past.end(), [](std::byte b) { return b == std::byte{0}; })) {
        return;
    }
    out.extra.assign(past.begin(), past.end());
    out.notes.push_back(fmt::format("bytes {}-{} are past the layout {} gives: {}",
                                    k_header + layout.length, k_header + d.size() - 1,
                                    layout.source, hex_bytes(past)));
}

void check_header(const FeatureDescriptor& f, DecodedFeature& out) {
    if (f.additional_length % 4 != 0) {
        out.notes.push_back(fmt::format(
            "additional length {} is not a multiple of 4 (MMC-6 §5.2.2)", f.additional_length));
    }
    if (f.truncated) {
        out.notes.push_back(fmt::format("cut short: additional length {}, {} byte(s) received",
                                        f.additional_length, f.data.size()));
    }
}

std::optional<std::uint16_t> parse_hex_code(std::string_view t) {
    if (t.size() > 2 && (t.substr(0, 2) == "0x" || t.substr(0, 2) == "0X"))
        t.remove_prefix(2);
    else if (t.size() > 1 && (t.back() == 'h' || t.back() == 'H'))
        t.remove_suffix(1);
    if (t.empty() || t.size() > 4) return std::nullopt;
    std::uint32_t v = 0;
    for (char c : t) {
        if (std::isxdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
        const int digit = std::isdigit(static_cast<unsigned char>(c)) != 0
                              ? c - '0'
                              : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
        v = v * 16 + static_cast<std::uint32_t>(digit);
    }
    return static_cast<std::uint16_t>(v);
}

}  // namespace

DecodedFeature decode_feature(const FeatureDescriptor& f) {
    DecodedFeature out;
    out.code = f.code;
    out.version = f.version;
    out.persistent = f.persistent;
    out.current = f.current;
    out.additional_length = f.additional_length;
    out.truncated = f.truncated;
    out.data = f.data;
    check_header(f, out);
    const FeatureLayout* layout = find_feature_layout(f.code);
    if (layout == nullptr) return out;
    out.known = true;
    const ByteSpan d{out.data};
    for (const FieldSpec& s : layout->fields) {
        DecodedField field;
        if (decode_field(s, d, field, out.notes)) {
            out.fields.push_back(std::move(field));
        } else {
            out.absent.emplace_back(s.label);
        }
    }
    check_lengths(*layout, out);
    return out;
}

std::optional<std::uint16_t> parse_feature_code(std::string_view text) {
    if (const FeatureRow* row = find_feature(text)) return row->code;
    const auto code = parse_hex_code(text);
    if (!code || (find_feature(*code) == nullptr && !is_vendor_feature(*code))) return std::nullopt;
    return code;
}

}  // namespace discrec::mmc
