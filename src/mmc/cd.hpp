// The CD structures of READ TOC/PMA/ATIP besides the TOC (MMC-6 §6.26.3.4 to §6.26.3.7): ATIP
// with the disc manufacturer, Full TOC, PMA and CD-TEXT, decoded through the layouts of
// tables/cd_layouts.hpp. An answer of another format's data (QEMU's ATAPI drives answer the
// formats they do not read with format 0000b data and GOOD status) is recognised and not
// decoded (other_format_answer). Pure: bytes in, records out, never past the span.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mmc/fields.hpp"
#include "util/bytes.hpp"

namespace discrec::mmc {

Record decode_atip(ByteSpan data);
Record decode_full_toc(ByteSpan data);
Record decode_pma(ByteSpan data);

// READ SUB-CHANNEL data (MMC-6 §6.32.3) of format 02h (Media Catalog Number) or 03h (ISRC),
// by the format code in byte 4; cut to 4 + the Sub-channel Data Length (bytes 2-3). Data of
// another format is named in a note and not decoded.
Record decode_sub_channel(ByteSpan data);

// What a Full TOC descriptor's MIN/SEC/FRAME and PMIN/PSEC/PFRAME say for its POINT
// ("first track 1, disc type 00h CD-DA or CD-ROM", "starts at 00:02:00 (LBA 0)").
std::string full_toc_point_text(const Record& descriptor);

// ------------------------------------------------------------------ CD-TEXT

// One string of a block: the disc's (track 0) or a track's.
struct CdTextItem {
    std::uint8_t pack_type = 0;  // 80h title ... 86h disc ID, 8Eh UPC/EAN or ISRC
    std::string_view key;        // "title", "performer", ... "upc_isrc"
    std::uint8_t track = 0;      // 0: the disc (album)
    std::string text;            // UTF-8; for a character code not converted: hex
    bool converted = true;       // false: `text` holds the bytes in hex
};

struct CdTextBlock {
    std::uint8_t block = 0;
    // From the block's size information packs (8Fh), when present.
    std::optional<std::uint8_t> character_code;  // 00h ISO 8859-1, 01h ASCII, 80h MS-JIS
    std::optional<std::uint8_t> language;        // EBU Tech 3258 language code
    std::optional<std::uint8_t> first_track;
    std::optional<std::uint8_t> last_track;
    std::optional<std::uint16_t> genre;  // pack 87h
    std::string genre_text;              // its supplementary text
    std::vector<CdTextItem> items;
};

struct CdText {
    Record packs;  // every pack through the layout (type, track, sequence, CRC ...)
    std::vector<CdTextBlock> blocks;
    std::size_t bad_crc = 0;  // packs whose CRC does not match
    std::vector<std::string> notes;
};

CdText decode_cd_text(ByteSpan data);

std::string cd_text_character_code_name(std::uint8_t code);
std::string cd_text_language_name(std::uint8_t code);
std::string cd_text_genre_name(std::uint16_t code);
std::string_view cd_text_item_label(std::uint8_t pack_type);

}  // namespace discrec::mmc
