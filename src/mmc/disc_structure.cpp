#include "mmc/disc_structure.hpp"

#include <string>

#include <fmt/format.h>

#include "mmc/tables/disc_structure_layouts.hpp"

namespace discrec::mmc {

std::optional<std::uint8_t> disc_structure_media_type(MediumFamily family) noexcept {
    switch (family) {
        case MediumFamily::dvd:
        case MediumFamily::hd_dvd:
            return disc_structure::media_dvd;
        case MediumFamily::bd:
            return disc_structure::media_bd;
        default:
            return std::nullopt;
    }
}

Record decode_write_protection_status(ByteSpan data) {
    return decode_disc_structure(disc_structure::media_dvd, disc_structure::write_protection, data);
}

bool disc_structure_decoded(std::uint8_t media_type, std::uint8_t format) noexcept {
    return disc_structure_layout(media_type, format) != nullptr;
}

Record decode_disc_structure(std::uint8_t media_type, std::uint8_t format, ByteSpan data) {
    const Layout* known = disc_structure_layout(media_type, format);
    const Layout& layout = known != nullptr ? *known : undecoded_disc_structure_layout();
    // The header's length field, as the other READ ... answers have it.
    return decode_length_counted(layout, data, layout.name);
}

WriteProtection write_protection_with_status(const WriteProtection& from_features,
                                             const Record& status) {
    std::string bits;
    bool any_known = false;
    for (std::string_view key : {"mswi", "cwp", "pwp", "swpp"}) {
        const Value* v = status.find(key);
        if (v == nullptr || !v->valid) continue;
        any_known = true;
        if (v->number != 0) bits += fmt::format("{}{}", bits.empty() ? "" : ", ", v->field->label);
    }
    if (!any_known) return from_features;
    if (!bits.empty()) {
        return {true, fmt::format("READ DISC STRUCTURE C0h: {}", bits)};
    }
    return {from_features.is_protected,
            fmt::format("{}; READ DISC STRUCTURE C0h: no write protection bit set",
                        from_features.reason)};
}

}  // namespace discrec::mmc
