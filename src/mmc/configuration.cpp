#include "mmc/configuration.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mmc/tables/features.hpp"

namespace discrec::mmc {
namespace {

// MMC-6 §5.2: Feature Header is 8 bytes (data length 0-3, current profile 6-7); each feature
// descriptor has a 4-byte header (code 0-1, version/persistent/current 2, additional length 3).
constexpr std::size_t k_header_size = 8;
constexpr std::size_t k_length_field = 4;
constexpr std::size_t k_descriptor_header = 4;
constexpr std::size_t k_profile_descriptor = 4;

// Profile List feature (0000h): 4-byte profile descriptors, CurrentP in byte 2 bit 0.
void decode_profile_list(const FeatureDescriptor& f, Configuration& out) {
    const ByteSpan d{f.data};
    for (std::size_t off = 0; off + k_profile_descriptor <= d.size(); off += k_profile_descriptor) {
        out.profiles.push_back(ProfileEntry{be16_at(d, off), bit_at(d, off + 2, 0)});
    }
}

// Reads the descriptor at `off` (its 4-byte header is known to be there).
FeatureDescriptor read_descriptor(ByteSpan body, std::size_t off) {
    FeatureDescriptor f;
    f.code = be16_at(body, off);
    f.version = (u8_at(body, off + 2) >> 2) & 0x0fU;
    f.persistent = bit_at(body, off + 2, 1);
    f.current = bit_at(body, off + 2, 0);
    f.additional_length = u8_at(body, off + 3);
    f.truncated = off + k_descriptor_header + f.additional_length > body.size();
    const ByteSpan data = sub_span(body, off + k_descriptor_header, f.additional_length);
    f.data.assign(data.begin(), data.end());
    return f;
}

void check_descriptor(const FeatureDescriptor& f, bool response_truncated, Configuration& out) {
    if (f.additional_length % 4 != 0) {
        // MMC-6 §5.2.2: the additional length shall be a multiple of 4.
        out.warnings.push_back(
            fmt::format("feature {:04X}h: additional length {} is not a multiple of 4", f.code,
                        f.additional_length));
    }
    if (f.truncated && !response_truncated) {
        out.warnings.push_back(
            fmt::format("feature {:04X}h: additional length {} runs past the end of the data",
                        f.code, f.additional_length));
    }
}

void decode_descriptors(ByteSpan body, Configuration& out) {
    std::size_t off = k_header_size;
    while (off + k_descriptor_header <= body.size()) {
        FeatureDescriptor f = read_descriptor(body, off);
        check_descriptor(f, out.truncated, out);
        if (f.code == feature_code::profile_list) decode_profile_list(f, out);
        off += k_descriptor_header + f.additional_length;
        out.features.push_back(std::move(f));
    }
    if (off < body.size() && !out.truncated) {
        out.warnings.push_back(
            fmt::format("{} stray bytes after the last feature descriptor", body.size() - off));
    }
}

// The current profile should be the one the Profile List marks current (MMC-6 §5.3).
void check_current_profile(Configuration& out) {
    const FeatureDescriptor* list = out.find(feature_code::profile_list);
    if (list == nullptr || list->truncated || out.current_profile == 0) return;
    const bool marked = std::any_of(out.profiles.begin(), out.profiles.end(), [&](auto& p) {
        return p.current && p.number == out.current_profile;
    });
    if (!marked) {
        out.warnings.push_back(
            fmt::format("current profile {:04X}h is not marked current in the Profile List",
                        out.current_profile));
    }
}

}  // namespace

const FeatureDescriptor* Configuration::find(std::uint16_t feature_code) const noexcept {
    const auto it = std::find_if(features.begin(), features.end(),
                                 [feature_code](auto& f) { return f.code == feature_code; });
    return it == features.end() ? nullptr : &*it;
}

Configuration decode_configuration(ByteSpan data) {
    Configuration out;
    if (data.size() < k_header_size) {
        out.warnings.push_back(data.empty() ? std::string{"empty GET CONFIGURATION response"}
                                            : fmt::format("GET CONFIGURATION response is only {} "
                                                          "bytes (no feature header)",
                                                          data.size()));
        return out;
    }
    out.usable = true;
    out.data_length = be32_at(data, 0);
    out.current_profile = be16_at(data, 6);
    const std::uint64_t claimed = std::uint64_t{k_length_field} + out.data_length;
    if (claimed < k_header_size) {
        out.warnings.push_back(
            fmt::format("data length {} is too small for the feature header", out.data_length));
    }
    out.truncated = claimed > data.size();
    const ByteSpan body =
        sub_span(data, 0, static_cast<std::size_t>(std::min<std::uint64_t>(claimed, data.size())));
    decode_descriptors(body, out);
    check_current_profile(out);
    return out;
}

std::optional<std::uint16_t> next_starting_feature(const Configuration& c) noexcept {
    if (!c.truncated || c.features.empty()) return std::nullopt;
    const FeatureDescriptor& last = c.features.back();
    const std::uint32_t next = last.truncated ? last.code : std::uint32_t{last.code} + 1;
    if (next > 0xffffU) return std::nullopt;
    return static_cast<std::uint16_t>(next);
}

std::optional<std::uint16_t> next_starting_feature(const Configuration& c,
                                                   std::uint16_t requested_start) noexcept {
    const auto next = next_starting_feature(c);
    if (!next || *next <= requested_start) return std::nullopt;
    return next;
}

}  // namespace discrec::mmc
