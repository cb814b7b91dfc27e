#include "mmc/volume.hpp"

#include <fmt/format.h>

namespace discrec::mmc {
namespace {

// ECMA-119 §8: volume descriptor type byte 0, "CD001" bytes 1-5; Volume Identifier bytes
// 40-71; a Supplementary Volume Descriptor's escape sequences bytes 88-119.
constexpr std::uint8_t k_iso_primary = 1;
constexpr std::uint8_t k_iso_supplementary = 2;
constexpr std::uint8_t k_iso_terminator = 255;
constexpr std::size_t k_iso_volume_id = 40;
constexpr std::size_t k_iso_volume_id_length = 32;
constexpr std::size_t k_iso_escapes = 88;
// ECMA-167 §3/10.2 and §3/7.2: the AVDP's location, its tag identifier 2 (bytes 0-1, little
// endian), the Main VDS extent (length bytes 16-19, location bytes 20-23); descriptor tags 6
// (Logical Volume Descriptor: identifier bytes 84-211, a 128-byte dstring) and 8 (Terminating).
constexpr std::uint32_t k_udf_anchor = 256;
constexpr std::uint16_t k_tag_anchor = 2;
constexpr std::uint16_t k_tag_logical_volume = 6;
constexpr std::uint16_t k_tag_terminating = 8;
constexpr std::size_t k_lvd_identifier = 84;
constexpr std::size_t k_lvd_identifier_length = 128;


bool has_id(ByteSpan sector, std::string_view id) {
    if (sector.size() < 1 + id.size()) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (static_cast<char>(sector[1 + i]) != id[i]) return false;
    }
    return true;
}

// A code point as UTF-8.
void append_utf8(std::string& out, std::uint32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

std::string trim_right(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.pop_back();
    return s;
}

std::string iso_text(ByteSpan field) {
    std::string s;
    for (const auto b : field) {
        const auto c = static_cast<unsigned char>(b);
        s += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
    }
    return trim_right(std::move(s));
}

// UCS-2 big-endian (Joliet); surrogates and controls as '?'.
std::string ucs2_text(ByteSpan field) {
    std::string s;
    for (std::size_t i = 0; i + 1 < field.size(); i += 2) {
        const std::uint32_t c = be16_at(field, i);
        append_utf8(s, (c < 0x20 || (c >= 0xd800 && c < 0xe000)) ? '?' : c);
    }
    return trim_right(std::move(s));
}

// OSTA UDF 2.60 §2.1.1/2.1.3: a dstring: compression ID 8 (one byte a character) or 16 (UCS-2
// big-endian) in byte 0, the length (including that byte) in the last byte.
std::optional<std::string> dstring(ByteSpan field) {
    if (field.size() < 2) return std::nullopt;
    const std::size_t used = u8_at(field, field.size() - 1);
    if (used == 0) return std::string{};
    if (used > field.size() - 1) return std::nullopt;
    const auto chars = field.subspan(1, used - 1);
    switch (u8_at(field, 0)) {
        case 8: {
            std::string s;
            for (const auto b : chars) append_utf8(s, static_cast<unsigned char>(b));
            return trim_right(std::move(s));
        }
        case 16:
            return ucs2_text(chars);
        default:
            return std::nullopt;
    }
}

// Joliet: escape sequences %/@, %/C or %/E (UCS-2 levels 1-3).
bool is_joliet(ByteSpan sector) {
    if (sector.size() < k_iso_escapes + 3) return false;
    const auto e = sector.subspan(k_iso_escapes, 3);
    const auto level = static_cast<char>(e[2]);
    return static_cast<char>(e[0]) == '%' && static_cast<char>(e[1]) == '/' &&
           (level == '@' || level == 'C' || level == 'E');
}

void read_udf_label(const SectorReader& read, VolumeLabel& v) {
    const auto anchor = read(k_udf_anchor, 1);
    if (!anchor || anchor->size() < 24 || le16_at(*anchor, 0) != k_tag_anchor) {
        v.notes.push_back("UDF: no Anchor Volume Descriptor Pointer at sector 256");
        return;
    }
    const std::uint32_t length = le32_at(*anchor, 16);
    const std::uint32_t location = le32_at(*anchor, 20);
    const auto sectors = static_cast<std::uint16_t>(std::min<std::uint32_t>(
        k_udf_vds_sectors, (length + k_volume_sector - 1) / k_volume_sector));
    if (sectors == 0) {
        v.notes.push_back("UDF: the Main Volume Descriptor Sequence is empty");
        return;
    }
    const auto vds = read(location, sectors);
    if (!vds) {
        v.notes.push_back(fmt::format(
            "UDF: the Main Volume Descriptor Sequence (sector {}) could not be read", location));
        return;
    }
    const ByteSpan all{*vds};
    for (std::size_t at = 0; at + k_volume_sector <= all.size(); at += k_volume_sector) {
        const auto sector = all.subspan(at, k_volume_sector);
        const auto tag = le16_at(sector, 0);
        if (tag == k_tag_terminating) break;
        if (tag == k_tag_logical_volume) {
            v.udf_label = dstring(sector.subspan(k_lvd_identifier, k_lvd_identifier_length));
            if (!v.udf_label)
                v.notes.push_back("UDF: the logical volume identifier is not a valid dstring");
            return;
        }
    }
    v.notes.push_back("UDF: no Logical Volume Descriptor in the Main Volume Descriptor Sequence");
}

}  // namespace

std::string VolumeLabel::file_system() const {
    if (udf) return "udf";
    if (iso9660 || joliet) return "iso9660";
    return {};
}

std::optional<std::string> VolumeLabel::label() const {
    if (udf_label) return udf_label;
    if (joliet) return joliet;
    return iso9660;
}

VolumeLabel read_volume_label(const SectorReader& read) {
    VolumeLabel v;
    constexpr std::uint32_t k_first = 16;
    const auto data = read(k_first, k_volume_descriptor_sectors);
    if (!data) {
        v.notes.push_back("volume descriptors: sectors 16 and on could not be read");
        return v;
    }
    const ByteSpan all{*data};
    bool iso_done = false;
    for (std::size_t at = 0; at + k_volume_sector <= all.size(); at += k_volume_sector) {
        const auto sector = all.subspan(at, k_volume_sector);
        if (!iso_done && has_id(sector, "CD001")) {
            const auto type = u8_at(sector, 0);
            const auto id = sector.subspan(k_iso_volume_id, k_iso_volume_id_length);
            if (type == k_iso_primary && !v.iso9660) v.iso9660 = iso_text(id);
            if (type == k_iso_supplementary && is_joliet(sector) && !v.joliet)
                v.joliet = ucs2_text(id);
            if (type == k_iso_terminator) iso_done = true;
            continue;
        }
        // ECMA-167 §2/9.1: the Volume Recognition Sequence's structure type is 0.
        if (u8_at(sector, 0) == 0 && (has_id(sector, "NSR02") || has_id(sector, "NSR03")))
            v.udf = true;
    }
    if (all.size() < k_volume_sector)
        v.notes.push_back(
            fmt::format("volume descriptors: {} bytes, less than a sector", all.size()));
    if (v.udf) read_udf_label(read, v);
    return v;
}

}  // namespace discrec::mmc
