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

std::optional<MediaIdStructure> media_id_structure(std::uint16_t profile) noexcept {
    // Profile numbers: MMC-6 §5.3.1, Table 91.
    switch (profile) {
        case 0x001a:  // DVD+RW
        case 0x001b:  // DVD+R
        case 0x002a:  // DVD+RW DL
        case 0x002b:  // DVD+R DL
            return MediaIdStructure{disc_structure::media_dvd, disc_structure::adip};
        case 0x0011:  // DVD-R Sequential
        case 0x0013:  // DVD-RW Restricted Overwrite
        case 0x0014:  // DVD-RW Sequential
        case 0x0015:  // DVD-R DL Sequential
        case 0x0016:  // DVD-R DL Layer Jump
        case 0x0017:  // DVD-RW DL
            return MediaIdStructure{disc_structure::media_dvd, disc_structure::pre_recorded};
        case 0x0041:  // BD-R SRM
        case 0x0042:  // BD-R RRM
        case 0x0043:  // BD-RE
            return MediaIdStructure{disc_structure::media_bd, disc_structure::physical_format};
        default:
            return std::nullopt;
    }
}

std::optional<std::string> media_id_of(const MediaIdStructure& which, const Record& structure) {
    const auto text = [&structure](std::string_view key) {
        const Value* v = structure.find(key);
        return v != nullptr ? v->text : std::string();
    };
    std::string id;
    if (which.format == disc_structure::pre_recorded) {
        id = text("manufacturer_id_1") + text("manufacturer_id_2") + text("manufacturer_id_3");
        if (id.empty()) return std::nullopt;
        return id;
    }
    const Value* revision = structure.find("product_revision");
    if (text("manufacturer_id").empty() || revision == nullptr) return std::nullopt;
    return fmt::format("{}/{}/{}", text("manufacturer_id"), text("media_type_id"),
                       revision->number);
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
