#include "mmc/feature_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "mmc/tables/features.hpp"
#include "mmc/tables/profiles.hpp"

namespace discrec::mmc {
namespace {

// MMC-6 §5.2.2: a feature descriptor is a 4-byte header and then the feature's own bytes.
constexpr std::size_t k_header = 4;

std::string join(const std::vector<std::string_view>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + std::string(s);
    return out;
}

void check_lengths(const FeatureLayout& layout, DecodedFeature& out) {
    const ByteSpan d{out.data};
    const auto& source = layout.layout.source;
    if (!out.record.absent.empty()) {
        out.notes.push_back(fmt::format("{} byte(s) of feature data, {} has {}: {} not sent",
                                        d.size(), source, layout.length, join(out.record.absent)));
    }
    if (layout.length == 0 && !layout.layout.fields.empty()) return;  // variable length
    if (d.size() <= layout.length) return;
    const ByteSpan past = d.subspan(layout.length);
    // Reserved bytes a later version may define are not an error; data in them is news.
    if (std::all_of(past.begin(), past.end(), [](std::byte b) { return b == std::byte{0}; })) {
        return;
    }
    out.extra.assign(past.begin(), past.end());
    out.notes.push_back(fmt::format("bytes {}-{} are past the layout {} gives: {}",
                                    k_header + layout.length, k_header + d.size() - 1, source,
                                    hex_bytes(past)));
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

}  // namespace

DecodedFeature decode_feature(const FeatureDescriptor& f) {
    DecodedFeature out;
    static_cast<FeatureDescriptor&>(out) = f;
    check_header(f, out);
    const FeatureLayout* layout = find_feature_layout(f.code);
    if (layout == nullptr) return out;
    out.known = true;
    out.record = decode_fields(layout->layout, out.data);
    for (auto& note : out.record.notes) out.notes.push_back(std::move(note));
    out.record.notes.clear();
    check_lengths(*layout, out);
    return out;
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

std::optional<std::uint16_t> parse_feature_code(std::string_view text) {
    if (const FeatureRow* row = find_feature(text)) return row->code;
    const auto code = parse_hex_code(text);
    if (!code || (find_feature(*code) == nullptr && !is_vendor_feature(*code))) return std::nullopt;
    return code;
}

std::optional<std::uint16_t> parse_profile_code(std::string_view text) {
    if (const ProfileRow* row = find_profile(text)) return row->code;
    const auto code = parse_hex_code(text);
    if (!code || find_profile(*code) == nullptr) return std::nullopt;
    return code;
}

}  // namespace discrec::mmc
