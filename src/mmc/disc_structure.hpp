// READ DISC STRUCTURE (MMC-6 §6.23): what its CDB's fields take, and the answers discrec
// decodes (tables/disc_structure_layouts.cpp: DVD 00h 01h 04h 0Eh 0Fh 11h, BD 00h, FFh, C0h;
// any other format in hex). Pure: bytes in, records and facts out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "mmc/fields.hpp"
#include "mmc/media.hpp"
#include "mmc/tables/profiles.hpp"
#include "util/bytes.hpp"

namespace discrec::mmc {

namespace disc_structure {
// Media Type (CDB byte 1, MMC-6 Table 433).
inline constexpr std::uint8_t media_dvd = 0x0;  // DVD and HD DVD
inline constexpr std::uint8_t media_bd = 0x1;
// Format Codes (MMC-6 §6.23.3): C0h and FFh apply to every media type.
inline constexpr std::uint8_t physical_format = 0x00;  // DVD; BD: Disc Information
inline constexpr std::uint8_t pre_recorded = 0x0e;     // DVD-R/-RW
inline constexpr std::uint8_t adip = 0x11;             // DVD+R/+RW
inline constexpr std::uint8_t write_protection = 0xc0;
inline constexpr std::uint8_t structure_list = 0xff;
// The largest answer a format can have: the 2-byte Allocation Length's maximum.
inline constexpr std::uint16_t max_length = 0xffff;
// C0h: a 4-byte header and 4 bytes of status.
inline constexpr std::uint16_t write_protection_length = 8;
}  // namespace disc_structure

// The Media Type to ask a medium of `family` with: DVD (and HD DVD) 0, BD 1; none for others
// (CD has no disc structures).
std::optional<std::uint8_t> disc_structure_media_type(MediumFamily family) noexcept;

// Format C0h (MMC-6 §6.23.3.x, Write Protection Status): cut to 2 + its Disc Structure Data
// Length (a note when fewer arrived); every field absent when the header does not fit.
Record decode_write_protection_status(ByteSpan data);

// Any format's answer, cut to 2 + its Disc Structure Data Length (a note when fewer arrived):
// through its layout when discrec has one for `media_type` and `format`, else the header and
// the data in hex. No fields when not even the header arrived.
Record decode_disc_structure(std::uint8_t media_type, std::uint8_t format, ByteSpan data);
// Whether `format` has a layout for `media_type` (decoded field by field, not only in hex).
bool disc_structure_decoded(std::uint8_t media_type, std::uint8_t format) noexcept;

// The structure that carries the media ID burning users know, for a current profile: DVD+R/+RW
// (and DL) 11h ADIP, DVD-R/-RW (and DL) 0Eh pre-recorded information, BD-R/BD-RE 00h disc
// information; none for other profiles (ROM media, CD, DVD-RAM: no such ID to ask for).
struct MediaIdStructure {
    std::uint8_t media_type;
    std::uint8_t format;
};
std::optional<MediaIdStructure> media_id_structure(std::uint16_t profile) noexcept;
// "RICOHJPN/R01/0" (ADIP, BD: manufacturer ID / media type ID / product revision, as xorriso
// prints them), "DAXON016S" (0Eh: the manufacturer ID's parts); none when the record lacks
// the fields or they are empty.
std::optional<std::string> media_id_of(const MediaIdStructure& which, const Record& structure);

// IMAPI2 WriteProtectStatus refined by format C0h: any of MSWI, CWP, PWP, SWPP set makes the
// medium protected, the reason naming them; none set leaves `from_features` as it was, its
// reason saying C0h has no bit set. A record without the bits changes nothing.
WriteProtection write_protection_with_status(const WriteProtection& from_features,
                                             const Record& status);

}  // namespace discrec::mmc
