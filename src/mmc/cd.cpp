#include "mmc/cd.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "mmc/media.hpp"
#include "mmc/tables/cd_layouts.hpp"
#include "mmc/tables/code_names.hpp"

namespace discrec::mmc {
namespace {

constexpr std::size_t k_header = 4;          // data length + 2 bytes (MMC-6 §6.26.3)
constexpr std::size_t k_q_descriptor = 11;   // Full TOC and PMA descriptors
constexpr std::size_t k_atip_fixed = 15;     // through the last possible lead-out (byte 14)
constexpr std::uint8_t k_always_one = 0x80;  // ATIP bytes 4 and 6, bit 7
constexpr std::size_t k_max_crc_notes = 8;   // bad packs named one by one, then counted

// The announced length of a response (bytes after the length field), 0 when not there.
std::size_t announced_length(ByteSpan data) { return data.size() >= 2 ? be16_at(data, 0) : 0; }

}  // namespace

Record decode_atip(ByteSpan data) {
    std::vector<std::string> notes;
    if (!bytes_arrived(data, k_atip_fixed, "ATIP", notes))
        return record_without_fields(atip_layout(), std::move(notes));
    // The ATIP's fixed bits (Orange Book): a format 0000b TOC in its place has its reserved
    // byte 4 at 0.
    if ((u8_at(data, 4) & k_always_one) == 0 || (u8_at(data, 6) & k_always_one) == 0) {
        return other_format_answer(atip_layout(), "ATIP",
                                   "bit 7 of bytes 4 and 6 is always 1 in an ATIP");
    }
    return decode_length_counted(atip_layout(), data, "ATIP");
}

Record decode_full_toc(ByteSpan data) {
    const std::size_t length = announced_length(data);
    // A Full TOC is 2 + 11 n bytes long and its first descriptor names a session (1 and up);
    // a format 0000b TOC (2 + 8 n, reserved byte 4) fails one or the other.
    if (data.size() >= 2 && ((length - 2) % k_q_descriptor != 0 || length < 2 ||
                             (data.size() > k_header && u8_at(data, k_header) == 0))) {
        return other_format_answer(
            full_toc_layout(), "full TOC",
            fmt::format("length {}, not 2 + 11 per descriptor with a session number", length));
    }
    return decode_length_counted(full_toc_layout(), data, "full TOC");
}

Record decode_pma(ByteSpan data) {
    const std::size_t length = announced_length(data);
    if (data.size() >= 2 && (length < 2 || (length - 2) % k_q_descriptor != 0)) {
        return other_format_answer(pma_layout(), "PMA",
                                   fmt::format("length {}, not 2 + 11 per descriptor", length));
    }
    return decode_length_counted(pma_layout(), data, "PMA");
}

Record decode_sub_channel(ByteSpan data) {
    constexpr std::size_t k_format_byte = 4;
    std::vector<std::string> notes;
    if (!bytes_arrived(data, k_format_byte + 1, "sub-channel data", notes))
        return record_without_fields(media_catalog_number_layout(), std::move(notes));
    const std::uint8_t format = u8_at(data, k_format_byte);
    const Layout* layout = format == sub_channel_format::media_catalog_number
                               ? &media_catalog_number_layout()
                           : format == sub_channel_format::isrc ? &isrc_layout()
                                                                : nullptr;
    if (layout == nullptr) {
        return other_format_answer(media_catalog_number_layout(), "sub-channel data",
                                   fmt::format("data format {:02X}h, not 02h or 03h", format));
    }
    const std::size_t announced = std::size_t{be16_at(data, 2)} + k_header;
    if (announced > data.size()) {
        notes.push_back(
            fmt::format("sub-channel data: the length field announces {} bytes, {} "
                        "arrived",
                        announced, data.size()));
    }
    Record r = decode_fields(*layout, data.first(std::min(announced, data.size())));
    for (auto& n : notes) r.notes.push_back(std::move(n));
    return r;
}

std::string full_toc_point_text(const Record& d) {
    const auto n = [&](std::string_view key) { return number_of(d, key).value_or(0); };
    const auto msf_text = [](std::uint64_t m, std::uint64_t s, std::uint64_t f) {
        const auto lba = msf_to_lba(static_cast<std::uint8_t>(m), static_cast<std::uint8_t>(s),
                                    static_cast<std::uint8_t>(f));
        return fmt::format("{:02}:{:02}:{:02} (LBA {})", m, s, f, lba);
    };
    const std::uint64_t point = n("point");
    if (n("adr") != 1 && n("adr") != 5) return {};
    if (n("adr") == 1 && point >= 0x01 && point <= 0x63)
        return "starts at " + msf_text(n("pmin"), n("psec"), n("pframe"));
    switch (point) {
        case 0xa0:
            return fmt::format("first track {}, disc type {:02X}h", n("pmin"), n("psec"));
        case 0xa1:
            return fmt::format("last track {}", n("pmin"));
        case 0xa2:
            return "lead-out starts at " + msf_text(n("pmin"), n("psec"), n("pframe"));
        case 0xb0:
            return fmt::format(
                "next program area at {}, {} mode 5 pointers, last possible "
                "lead-out at {}",
                msf_text(n("min"), n("sec"), n("frame")), n("zero"),
                msf_text(n("pmin"), n("psec"), n("pframe")));
        case 0xc0:
            return fmt::format("ATIP writing power {}, first lead-in of the disc at {}", n("min"),
                               msf_text(n("pmin"), n("psec"), n("pframe")));
        default:
            return {};
    }
}

// ------------------------------------------------------------------ CD-TEXT

namespace {

constexpr std::uint8_t k_iso8859_1 = 0x00;
constexpr std::uint8_t k_ascii = 0x01;
constexpr std::uint8_t k_ms_jis = 0x80;
constexpr std::uint8_t k_tab = 0x09;  // a string of one TAB: "the same as the previous track"
constexpr std::size_t k_blocks = 8;
constexpr std::size_t k_size_info_bytes = 36;  // three 8Fh packs (MMC-6 Annex J, Table J.6)

struct Pack {
    std::uint8_t type = 0;
    std::uint8_t track = 0;
    std::uint8_t block = 0;
    bool dbcc = false;
    ByteSpan payload;
};

// The text pack types whose payloads are strings (MMC-6 Annex J, Table J.2), in the order a
// block lists them: JSON key and label.
struct TextType {
    std::uint8_t type;
    std::string_view key;
    std::string_view label;
};
constexpr std::array<TextType, 8> k_text_types = {{
    {0x80, "title", "Title"},
    {0x81, "performer", "Performer"},
    {0x82, "songwriter", "Songwriter"},
    {0x83, "composer", "Composer"},
    {0x84, "arranger", "Arranger"},
    {0x85, "message", "Message"},
    {0x86, "disc_id", "Disc ID"},
    {0x8e, "upc_isrc", "UPC/EAN or ISRC"},
}};

std::string latin1_to_utf8(const std::string& bytes) {
    std::string out;
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            out += static_cast<char>(b);
        } else {
            out += static_cast<char>(0xc0U | (b >> 6U));
            out += static_cast<char>(0x80U | (b & 0x3fU));
        }
    }
    return out;
}

// The block's character code's bytes as UTF-8, or as hex (MS-JIS: not converted here).
CdTextItem make_item(std::uint8_t type, std::string_view key, std::uint8_t track,
                     const std::string& bytes, std::uint8_t code) {
    CdTextItem item{type, key, track, {}, true};
    if (code == k_iso8859_1) {
        item.text = latin1_to_utf8(bytes);
    } else if (code == k_ascii && std::none_of(bytes.begin(), bytes.end(), [](char c) {
                   return (static_cast<unsigned char>(c) & 0x80U) != 0;
               })) {
        item.text = bytes;
    } else {
        item.text =
            hex_bytes(ByteSpan{reinterpret_cast<const std::byte*>(bytes.data()), bytes.size()});
        item.converted = false;
    }
    return item;
}

// The strings of one pack type in one block: NUL-terminated (two NULs for double-byte codes),
// the first one of each pack belonging to that pack's track, the next ones to the tracks
// after it (MMC-6 Annex J.2).
void collect_strings(const std::vector<Pack>& packs, std::uint8_t type, std::string_view key,
                     CdTextBlock& block, std::uint8_t code) {
    std::string buffer;
    std::string previous;
    std::uint8_t track = 0;
    bool started = false;
    for (const Pack& p : packs) {
        if (p.type != type || p.block != block.block) continue;
        const bool wide = code == k_ms_jis || p.dbcc;
        const std::size_t unit = wide ? 2 : 1;
        if (!started || buffer.empty()) track = p.track;
        started = true;
        for (std::size_t i = 0; i + unit <= p.payload.size(); i += unit) {
            const bool end = u8_at(p.payload, i) == 0 && (!wide || u8_at(p.payload, i + 1) == 0);
            if (!end) {
                for (std::size_t k = 0; k < unit; ++k)
                    buffer += static_cast<char>(u8_at(p.payload, i + k));
                continue;
            }
            const bool repeat = buffer == std::string(unit, static_cast<char>(k_tab));
            const std::string text = repeat ? previous : buffer;
            if (!text.empty()) block.items.push_back(make_item(type, key, track, text, code));
            previous = text;
            buffer.clear();
            ++track;
        }
    }
    if (!buffer.empty()) block.items.push_back(make_item(type, key, track, buffer, code));
}

std::vector<Pack> packs_of(const Record& record, ByteSpan data) {
    std::vector<Pack> out;
    const Value* list = record.find("packs");
    if (list == nullptr) return out;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
        const Record& r = list->items[i];
        Pack p;
        p.type = static_cast<std::uint8_t>(number_of(r, "pack_type").value_or(0));
        p.track = static_cast<std::uint8_t>(number_of(r, "track").value_or(0));
        p.block = static_cast<std::uint8_t>(number_of(r, "block").value_or(0));
        p.dbcc = number_of(r, "dbcc").value_or(0) != 0;
        const std::size_t off = k_header + i * k_cd_text_pack_size + 4;
        if (off + k_cd_text_payload <= data.size())
            p.payload = data.subspan(off, k_cd_text_payload);
        out.push_back(p);
    }
    return out;
}

// The block's size information (pack type 8Fh, track numbers 0, 1, 2: 36 bytes).
void read_size_information(const std::vector<Pack>& packs, CdTextBlock& block) {
    std::array<std::byte, k_size_info_bytes> info{};
    std::array<bool, 3> have{};
    for (const Pack& p : packs) {
        if (p.type != cd_text_pack::size_information || p.block != block.block || p.track > 2 ||
            p.payload.size() != k_cd_text_payload)
            continue;
        std::copy(p.payload.begin(), p.payload.end(), info.begin() + p.track * k_cd_text_payload);
        have[p.track] = true;
    }
    if (!have[0]) return;
    const ByteSpan b{info};
    block.character_code = u8_at(b, 0);
    block.first_track = u8_at(b, 1);
    block.last_track = u8_at(b, 2);
    if (have[2]) block.language = u8_at(b, 28 + block.block);
}

void read_genre(const std::vector<Pack>& packs, CdTextBlock& block) {
    std::string bytes;
    for (const Pack& p : packs) {
        if (p.type != cd_text_pack::genre || p.block != block.block || p.track != 0) continue;
        for (std::byte b : p.payload) bytes += static_cast<char>(b);
    }
    if (bytes.size() < 2) return;
    block.genre = static_cast<std::uint16_t>((static_cast<unsigned char>(bytes[0]) << 8U) |
                                             static_cast<unsigned char>(bytes[1]));
    const std::string rest = bytes.substr(2);
    block.genre_text = latin1_to_utf8(rest.substr(0, rest.find('\0')));
}

void note_bad_crcs(CdText& t, ByteSpan data) {
    const Value* list = t.packs.find("packs");
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
        const Record& r = list->items[i];
        if (number_of(r, "crc").value_or(1) != 0) continue;
        ++t.bad_crc;
        if (t.bad_crc > k_max_crc_notes) continue;
        const ByteSpan pack = data.subspan(k_header + i * k_cd_text_pack_size, k_cd_text_pack_size);
        const auto stored = be16_at(pack, 16);
        const auto computed = static_cast<std::uint16_t>(~crc16_ccitt(pack.first(16)));
        t.notes.push_back(fmt::format(
            "CD-TEXT pack {} (type {:02X}h, track {}, sequence {}): CRC {:04X}h stored, "
            "{:04X}h computed{}",
            i + 1, number_of(r, "pack_type").value_or(0), number_of(r, "track").value_or(0),
            number_of(r, "sequence").value_or(0), stored, computed,
            stored == 0 ? " (some drives return the CRC as 0000h)" : ""));
    }
    if (t.bad_crc > k_max_crc_notes) {
        t.notes.push_back(fmt::format("CD-TEXT: {} packs in all have a bad CRC", t.bad_crc));
    }
}

}  // namespace

CdText decode_cd_text(ByteSpan data) {
    CdText t;
    const std::size_t length = announced_length(data);
    if (data.size() > k_header && (u8_at(data, k_header) < cd_text_pack::title ||
                                   u8_at(data, k_header) > cd_text_pack::size_information)) {
        t.packs =
            other_format_answer(cd_text_layout(), "CD-TEXT",
                                fmt::format("length {}, its first pack type {:02X}h is not 80h-8Fh",
                                            length, u8_at(data, k_header)));
        t.notes = t.packs.notes;
        return t;
    }
    t.packs = decode_length_counted(cd_text_layout(), data, "CD-TEXT");
    t.notes = t.packs.notes;
    const ByteSpan counted = data.first(std::min(data.size(), length + 2));
    note_bad_crcs(t, counted);
    const std::vector<Pack> packs = packs_of(t.packs, counted);
    for (std::uint8_t b = 0; b < k_blocks; ++b) {
        if (std::none_of(packs.begin(), packs.end(), [b](const Pack& p) { return p.block == b; }))
            continue;
        CdTextBlock block;
        block.block = b;
        read_size_information(packs, block);
        if (!block.character_code) {
            t.notes.push_back(fmt::format(
                "CD-TEXT block {}: no size information (pack 8Fh): read as ISO 8859-1", b));
        } else if (*block.character_code == k_ms_jis) {
            t.notes.push_back(fmt::format(
                "CD-TEXT block {}: MS-JIS text is shown as its bytes in hex (not converted)", b));
        }
        const std::uint8_t code = block.character_code.value_or(k_iso8859_1);
        for (const auto& t_type : k_text_types)
            collect_strings(packs, t_type.type, t_type.key, block, code);
        read_genre(packs, block);
        t.blocks.push_back(std::move(block));
    }
    return t;
}

std::string cd_text_character_code_name(std::uint8_t code) {
    static constexpr std::array<CodeName, 3> k_codes = {{
        {k_iso8859_1, "ISO 8859-1"},
        {k_ascii, "ASCII (ISO 646)"},
        {k_ms_jis, "MS-JIS"},
    }};
    const auto name = name_of(k_codes, code);
    return name.empty() ? fmt::format("reserved ({:02X}h)", code) : std::string(name);
}

// EBU Tech 3258 language codes, as the CD-TEXT size information uses them.
std::string cd_text_language_name(std::uint8_t code) {
    static constexpr std::array<CodeName, 47> k_languages = {{
        {0x00, "unknown"},   {0x01, "Albanian"},      {0x02, "Breton"},     {0x03, "Catalan"},
        {0x04, "Croatian"},  {0x05, "Welsh"},         {0x06, "Czech"},      {0x07, "Danish"},
        {0x08, "German"},    {0x09, "English"},       {0x0a, "Spanish"},    {0x0b, "Esperanto"},
        {0x0c, "Estonian"},  {0x0d, "Basque"},        {0x0e, "Faroese"},    {0x0f, "French"},
        {0x10, "Frisian"},   {0x11, "Irish"},         {0x12, "Gaelic"},     {0x13, "Galician"},
        {0x14, "Icelandic"}, {0x15, "Italian"},       {0x16, "Lappish"},    {0x17, "Latin"},
        {0x18, "Latvian"},   {0x19, "Luxembourgian"}, {0x1a, "Lithuanian"}, {0x1b, "Hungarian"},
        {0x1c, "Maltese"},   {0x1d, "Dutch"},         {0x1e, "Norwegian"},  {0x1f, "Occitan"},
        {0x20, "Polish"},    {0x21, "Portuguese"},    {0x22, "Romanian"},   {0x23, "Romansh"},
        {0x24, "Serbian"},   {0x25, "Slovak"},        {0x26, "Slovenian"},  {0x27, "Finnish"},
        {0x28, "Swedish"},   {0x29, "Turkish"},       {0x2a, "Flemish"},    {0x2b, "Walloon"},
        {0x65, "Korean"},    {0x69, "Japanese"},      {0x75, "Chinese"},
    }};
    const auto name = name_of(k_languages, code);
    return name.empty() ? fmt::format("code {:02X}h", code) : std::string(name);
}

// The genre codes of CD-TEXT pack 87h (MMC-6 Annex J; the list libcdio and cdrdao carry).
std::string cd_text_genre_name(std::uint16_t code) {
    static constexpr std::array<std::string_view, 28> k_genres = {
        "not used",
        "not defined",
        "Adult Contemporary",
        "Alternative Rock",
        "Children's Music",
        "Classical",
        "Contemporary Christian",
        "Country",
        "Dance",
        "Easy Listening",
        "Erotic",
        "Folk",
        "Gospel",
        "Hip Hop",
        "Jazz",
        "Latin",
        "Musical",
        "New Age",
        "Opera",
        "Operetta",
        "Pop Music",
        "Rap",
        "Reggae",
        "Rock Music",
        "Rhythm & Blues",
        "Sound Effects",
        "Spoken Word",
        "World Music",
    };
    return code < k_genres.size() ? std::string(k_genres[code])
                                  : fmt::format("reserved ({})", code);
}

std::string_view cd_text_item_label(std::uint8_t pack_type) {
    for (const auto& t : k_text_types) {
        if (t.type == pack_type) return t.label;
    }
    return "Text";
}

}  // namespace discrec::mmc
