// Layouts of READ TOC/PMA/ATIP formats 0010b (Full TOC), 0011b (PMA), 0100b (ATIP) and 0101b
// (CD-TEXT). Source: MMC-6 (T10/1836-D) §6.26.3.4 (Full TOC, its POINT values after the Red
// Book's Q sub-channel of the lead-in), §6.26.3.5 (PMA), §6.26.3.6 (ATIP, after the Orange
// Book's ATIP frames: bits 7 of bytes 4 and 6 are always 1, bit 7 of byte 5 always 0),
// §6.26.3.7 and Annex J (CD-TEXT packs). Byte numbers count from the first byte of the
// response, as the MMC-6 tables do; reserved bits and bytes have no row.
#include "mmc/tables/cd_layouts.hpp"

#include <fmt/format.h>

#include <string>

#include "mmc/tables/cd_manufacturers.hpp"
#include "mmc/tables/code_names.hpp"
#include "mmc/tables/field_rows.hpp"
#include "mmc/tables/media_layouts.hpp"

namespace discrec::mmc {
namespace {

using namespace rows;

// ------------------------------------------------------------------ ATIP

constexpr std::array<CodeName, 2> k_atip_disc_types = {{{0, "CD-R"}, {1, "CD-RW"}}};
// Disc Sub-Type (byte 6 bits 5-3), as the Orange Book parts name them: for CD-R (Part II) the
// speed class and the medium type and beta category of multi-speed discs, for CD-RW (Part III)
// the speed volume the disc belongs to.
constexpr std::array<CodeName, 8> k_cd_r_sub_types = {{
    {0, "normal speed (CLV)"},
    {1, "high speed (CAV)"},
    {2, "medium type A, low beta category (A-)"},
    {3, "medium type A, high beta category (A+)"},
    {4, "medium type B, low beta category (B-)"},
    {5, "medium type B, high beta category (B+)"},
    {6, "medium type C, low beta category (C-)"},
    {7, "medium type C, high beta category (C+)"},
}};
constexpr std::array<CodeName, 4> k_cd_rw_sub_types = {{
    {0, "standard speed (1x-4x)"},
    {1, "High Speed (4x-10x)"},
    {2, "Ultra Speed (8x-24x)"},
    {3, "Ultra Speed+ (up to 32x)"},
}};
constexpr std::uint8_t k_disc_type_byte = 6;
constexpr std::uint8_t k_disc_type_bit = 0x40;

std::string atip_disc_type_name(std::uint64_t v) {
    return std::string(name_of(k_atip_disc_types, v));
}

bool is_cd_rw(ByteSpan span, std::size_t origin) {
    return k_disc_type_byte >= origin && k_disc_type_byte - origin < span.size() &&
           (u8_at(span, k_disc_type_byte - origin) & k_disc_type_bit) != 0;
}

// Byte 6 bits 5-3, named by the Disc Type of bit 6.
bool decode_atip_disc_sub_type(const Field& f, ByteSpan span, std::size_t origin, Value& out,
                               std::vector<std::string>& /*notes*/) {
    if (f.byte < origin || f.byte - origin >= span.size()) return false;
    out.number = (u8_at(span, f.byte - origin) >> 3U) & 0x7U;
    out.text =
        std::string(name_of(is_cd_rw(span, origin) ? std::span<const CodeName>(k_cd_rw_sub_types)
                                                   : std::span<const CodeName>(k_cd_r_sub_types),
                            out.number));
    if (out.text.empty()) out.text = fmt::format("{} (reserved)", out.number);
    return true;
}

// The manufacturer named by the start time of lead-in (bytes 8-10).
bool decode_atip_manufacturer(const Field& f, ByteSpan span, std::size_t origin, Value& out,
                              std::vector<std::string>& /*notes*/) {
    if (f.byte < origin || f.byte - origin + 3 > span.size()) return false;
    const std::size_t off = f.byte - origin;
    const auto m = u8_at(span, off);
    const auto s = u8_at(span, off + 1);
    const auto fr = u8_at(span, off + 2);
    const CdManufacturer* maker = cd_manufacturer(m, s, fr);
    out.number = maker != nullptr ? 1 : 0;
    const std::string code = fmt::format("{:02}:{:02}:{}x", m, s, fr / 10);
    out.text = maker != nullptr ? fmt::format("{} ({} {})", maker->name,
                                              manufacturer_status_name(maker->status), code)
                                : fmt::format("unknown (code {} is not in the table)", code);
    return true;
}

// What the recording layer is (cdrecord's "Disk type"): a CD-RW's is phase change; a CD-R's
// dye class is the units digit of the lead-in start frame (0-4 long strategy: cyanine, azo;
// 5-9 short strategy: phthalocyanine).
bool decode_atip_recording_layer(const Field& f, ByteSpan span, std::size_t origin, Value& out,
                                 std::vector<std::string>& /*notes*/) {
    if (f.byte < origin || f.byte - origin >= span.size() || !(k_disc_type_byte >= origin))
        return false;
    const auto frame_units = static_cast<std::uint8_t>(u8_at(span, f.byte - origin) % 10);
    out.number = frame_units;
    if (is_cd_rw(span, origin)) {
        out.text = "phase change";
    } else {
        out.text = frame_units < 5 ? "long strategy dye (cyanine, azo or similar)"
                                   : "short strategy dye (phthalocyanine or similar)";
    }
    return true;
}

constexpr std::array k_atip_fields = {
    number("atip_data_length", "ATIP Data Length", 0, 16),
    number("writing_power", "Indicative Target Writing Power", 4, 3, 4),
    number("reference_speed", "Reference Speed", 4, 3),
    flag("uru", "URU (unrestricted use)", 5, 6),
    named("disc_type", "Disc Type", 6, 6, 1, atip_disc_type_name),
    custom("disc_sub_type", "Disc Sub-Type", 6, decode_atip_disc_sub_type),
    flag("a1_v", "A1 Valid", 6, 2),
    flag("a2_v", "A2 Valid", 6, 1),
    flag("a3_v", "A3 Valid", 6, 0),
    address("lead_in_start", "ATIP Start Time of Lead-in", 8, Shape::msf),
    address("last_possible_lead_out", "ATIP Last Possible Start Time of Lead-out", 12, Shape::msf),
    valid_if(hex("a1_values", "A1 Values", 16, 3), "a1_v"),
    valid_if(hex("a2_values", "A2 Values", 20, 3), "a2_v"),
    valid_if(hex("a3_values", "A3 Values", 24, 3), "a3_v"),
    custom("disc_manufacturer", "Disc Manufacturer", 8, decode_atip_manufacturer),
    custom("recording_layer", "Recording Layer", 10, decode_atip_recording_layer),
};
constexpr Layout k_atip{"ATIP", "MMC-6 §6.26.3.6", k_atip_fields, 0, 0};

// ------------------------------------------------------------------ Full TOC, PMA

// POINT of a Full TOC descriptor (MMC-6 §6.26.3.4, Red Book lead-in Q sub-channel).
std::string point_name(std::uint64_t v) {
    if (v >= 0x01 && v <= 0x63) return fmt::format("track {}", v);
    static constexpr std::array<CodeName, 9> k_points = {{
        {0xa0, "first track"},
        {0xa1, "last track"},
        {0xa2, "lead-out start"},
        {0xb0, "next program area (multi-session)"},
        {0xb1, "skip interval pointers"},
        {0xb2, "skip track pointers"},
        {0xb3, "skip track pointers"},
        {0xb4, "skip track pointers"},
        {0xc0, "first lead-in start (ATIP)"},
    }};
    if (v == 0xc1) return "copy of the ATIP's A1 values";
    return std::string(name_of(k_points, v));
}

std::string adr_of(std::uint64_t v) { return toc_adr_name(v); }
std::string control_of(std::uint64_t v) { return toc_control_name(v); }

// The 11-byte descriptor shared by Full TOC and PMA; byte 0 is the session number of a Full
// TOC descriptor, reserved in PMA. MIN/SEC/FRAME and PMIN/PSEC/PFRAME are plain numbers
// here: what they mean depends on POINT (mmc/cd.hpp full_toc_point_text).
constexpr std::array k_q_descriptor_fields = {
    number("session", "Session Number", 0, 8),
    named("adr", "ADR", 1, 4, 4, adr_of),
    named("control", "CONTROL", 1, 0, 4, control_of),
    number("tno", "TNO", 2, 8),
    code("point", "POINT", 3, 8, point_name),
    number("min", "MIN", 4, 8),
    number("sec", "SEC", 5, 8),
    number("frame", "FRAME", 6, 8),
    number("zero", "ZERO", 7, 8),
    number("pmin", "PMIN", 8, 8),
    number("psec", "PSEC", 9, 8),
    number("pframe", "PFRAME", 10, 8),
};
constexpr std::size_t k_q_descriptor_size = 11;

// A PMA descriptor (MMC-6 §6.26.3.5): the Q sub-channel of a PMA frame as recorded (the
// Orange Book writes its times and POINT in BCD), so POINT and the two times are shown as
// their bytes; ADR 1 entries give a track's start (PMIN/PSEC/PFRAME) and stop (MIN/SEC/FRAME),
// ADR 2 the disc identification, ADR 3 and 4 skips, ADR 5 the Point of Entry.
constexpr std::array k_pma_descriptor_fields = {
    named("adr", "ADR", 1, 4, 4, adr_of),
    named("control", "CONTROL", 1, 0, 4, control_of),
    hex("tno", "TNO", 2, 1),
    hex("point", "POINT", 3, 1),
    hex("min_sec_frame", "MIN/SEC/FRAME", 4, 3),
    hex("zero", "ZERO", 7, 1),
    hex("pmin_psec_pframe", "PMIN/PSEC/PFRAME", 8, 3),
};

constexpr Layout k_full_toc_descriptor{"Full TOC Descriptor", "MMC-6 §6.26.3.4",
                                       k_q_descriptor_fields, 0, k_q_descriptor_size};
constexpr Layout k_pma_descriptor{"PMA Descriptor", "MMC-6 §6.26.3.5", k_pma_descriptor_fields, 0,
                                  k_q_descriptor_size};

// A list whose count is the 16-bit data length at byte 0, in bytes: the 2 bytes after the
// length field plus 11 per descriptor (so length / 11 is the descriptor count).
constexpr Field descriptors_by_length(std::string_view key, std::string_view label,
                                      const Layout& item) {
    Field f = list(key, label, 4, item, 0, {}, true);
    f.count_width = 16;
    return f;
}

constexpr std::array k_full_toc_fields = {
    number("toc_data_length", "TOC Data Length", 0, 16),
    number("first_session", "First Complete Session Number", 2, 8),
    number("last_session", "Last Complete Session Number", 3, 8),
    descriptors_by_length("descriptors", "Full TOC Descriptors", k_full_toc_descriptor),
};
constexpr Layout k_full_toc{"Full TOC", "MMC-6 §6.26.3.4", k_full_toc_fields, 0, 0};

constexpr std::array k_pma_fields = {
    number("pma_data_length", "PMA Data Length", 0, 16),
    descriptors_by_length("descriptors", "PMA Descriptors", k_pma_descriptor),
};
constexpr Layout k_pma{"PMA", "MMC-6 §6.26.3.5", k_pma_fields, 0, 0};

// ------------------------------------------------------------------ CD-TEXT

// MMC-6 Annex J, Table J.2.
std::string pack_type_name(std::uint64_t v) {
    static constexpr std::array<CodeName, 16> k_types = {{
        {0x80, "title"},
        {0x81, "performer"},
        {0x82, "songwriter"},
        {0x83, "composer"},
        {0x84, "arranger"},
        {0x85, "message"},
        {0x86, "disc identification"},
        {0x87, "genre"},
        {0x88, "TOC information"},
        {0x89, "second TOC information"},
        {0x8a, "reserved (8Ah)"},
        {0x8b, "reserved (8Bh)"},
        {0x8c, "reserved (8Ch)"},
        {0x8d, "closed information"},
        {0x8e, "UPC/EAN and ISRC"},
        {0x8f, "size information"},
    }};
    return std::string(name_of(k_types, v));
}

// The pack's CRC (bytes 16-17), without a note: decode_cd_text names the pack in its own.
bool decode_pack_crc(const Field& f, ByteSpan span, std::size_t origin, Value& out,
                     std::vector<std::string>& /*notes*/) {
    std::vector<std::string> ignored;
    return decode_crc16_check(f, span, origin, out, ignored);
}

constexpr std::array k_pack_fields = {
    code("pack_type", "Pack Type", 0, 8, pack_type_name),
    flag("extension", "Extension Flag", 1, 7),
    number("track", "Track Number", 1, 7),
    number("sequence", "Sequence Number", 2, 8),
    flag("dbcc", "DBCC (double byte characters)", 3, 7),
    number("block", "Block Number", 3, 3, 4),
    number("character_position", "Character Position", 3, 4),
    hex("text", "Text Data", 4, 12),
    custom("crc", "CRC", 16, decode_pack_crc),
};
constexpr Layout k_pack{"CD-TEXT Pack", "MMC-6 Annex J", k_pack_fields, 0, k_cd_text_pack_size};
constexpr std::array k_cd_text_fields = {
    number("cd_text_data_length", "CD-TEXT Data Length", 0, 16),
    list("packs", "CD-TEXT Packs", 4, k_pack),
};
constexpr Layout k_cd_text{"CD-TEXT", "MMC-6 §6.26.3.7", k_cd_text_fields, 0, 0};

// ------------------------------------------------------------------ READ SUB-CHANNEL

// MMC-6 §6.32.3.1: Audio Status (byte 1), of the play commands; "not supported" where the drive
// does not play.
constexpr std::array<CodeName, 6> k_audio_status = {{
    {0x00, "not supported or not valid"},
    {0x11, "play in progress"},
    {0x12, "play paused"},
    {0x13, "play completed"},
    {0x14, "play stopped due to error"},
    {0x15, "no current audio status"},
}};
std::string audio_status_name(std::uint64_t v) { return std::string(name_of(k_audio_status, v)); }

// MMC-6 §6.32.3.3 (format 02h): MCVal byte 8 bit 7, the Media Catalog Number (13 ASCII digits,
// the disc's UPC/EAN from the Q sub-channel's mode 2 frames) bytes 9-21, AFRAME byte 23.
constexpr std::array k_mcn_fields = {
    named("audio_status", "Audio Status", 1, 0, 8, audio_status_name, 2),
    number("sub_channel_data_length", "Sub-channel Data Length", 2, 16),
    number("data_format", "Sub-channel Data Format", 4, 8),
    flag("mcval", "MCVal", 8, 7),
    valid_if(text("media_catalog_number", "Media Catalog Number", 9, 13), "mcval"),
};
constexpr Layout k_mcn{"Media Catalog Number", "MMC-6 §6.32.3.3", k_mcn_fields, 0, 24};
// MMC-6 §6.32.3.4 (format 03h): ADR/CONTROL byte 5, Track Number byte 6, TCVal byte 8 bit 7,
// the ISRC (12 characters: country, owner, year, serial, from the Q sub-channel's mode 3
// frames) bytes 9-20.
constexpr std::array k_isrc_fields = {
    named("audio_status", "Audio Status", 1, 0, 8, audio_status_name, 2),
    number("sub_channel_data_length", "Sub-channel Data Length", 2, 16),
    number("data_format", "Sub-channel Data Format", 4, 8),
    named("adr", "ADR", 5, 4, 4, adr_of),
    named("control", "CONTROL", 5, 0, 4, control_of),
    number("track", "Track Number", 6, 8),
    flag("tcval", "TCVal", 8, 7),
    valid_if(text("isrc", "ISRC", 9, 12), "tcval"),
};
constexpr Layout k_isrc{"ISRC", "MMC-6 §6.32.3.4", k_isrc_fields, 0, 24};

}  // namespace

const Layout& media_catalog_number_layout() noexcept { return k_mcn; }
const Layout& isrc_layout() noexcept { return k_isrc; }
const Layout& atip_layout() noexcept { return k_atip; }
const Layout& full_toc_layout() noexcept { return k_full_toc; }
const Layout& pma_layout() noexcept { return k_pma; }
const Layout& cd_text_layout() noexcept { return k_cd_text; }

std::array<const Layout*, 6> cd_layouts() noexcept {
    return {&k_atip, &k_full_toc, &k_pma, &k_cd_text, &k_mcn, &k_isrc};
}

}  // namespace discrec::mmc
