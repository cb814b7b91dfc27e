// What is in the drive, from the decoded answers of READ DISC INFORMATION, READ TRACK
// INFORMATION, READ TOC/PMA/ATIP and READ CAPACITY: the decoding (through the layouts of
// tables/media_layouts.hpp) and IMAPI2's views derived from named fields. Pure: bytes in,
// records and facts out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mmc/configuration.hpp"
#include "mmc/fields.hpp"
#include "util/bytes.hpp"

namespace discrec::mmc {

// The part of `data` its 2-byte length field (bytes 0-1, counting the bytes after it) covers;
// a note when fewer bytes arrived than it announces. Allocation-length padding is cut off.
ByteSpan within_length_field(ByteSpan data, std::vector<std::string>& notes, std::string_view what);

// READ DISC INFORMATION: the fields and the two addresses (MSF on CD, else LBA) in one record.
Record decode_disc_information(ByteSpan data, bool cd);
Record decode_track_information(ByteSpan data);
Record decode_toc(ByteSpan data, bool msf);
// A format-0000b TOC answered in LBAs, rewritten as the drive answers it with the MSF bit set
// (each Track Start Address as 00h M S F, MMC-6 §6.26.3.2, §4.2.3.4): on CD the two forms
// name the same addresses, so `media` asks once and shows both. Bytes past the header's
// length or a last partial descriptor are copied unchanged.
Bytes toc_in_msf(ByteSpan lba_toc);
// Format 0001b; a record with a note and no fields when the answer is not session information
// (its length is not the 10 bytes of one descriptor: QEMU's ATAPI drives answer a format they
// do not read with format 0000b data).
Record decode_session_info(ByteSpan data, bool msf);
// `layout` walked over the part of `data` its 2-byte length field covers (within_length_field's
// notes in the record).
Record decode_length_counted(const Layout& layout, ByteSpan data, std::string_view what);
// A record of `layout` with no fields and `notes` (an answer too short to decode).
Record record_without_fields(const Layout& layout, std::vector<std::string> notes);
// The record of an answer that is another format's data (the check decode_session_info and the
// CD structures of mmc/cd.hpp make): no fields, the note "<what>: the drive answered with data
// of another format (<why>): not decoded".
Record other_format_answer(const Layout& layout, std::string_view what, std::string_view why);

// READ FORMAT CAPACITIES (MMC-6 §6.24.3): cut to 4 + the Capacity List Length (a note when
// fewer arrived, or when the length is not 8 + a multiple of 8).
Record decode_format_capacities(ByteSpan data);

// A field's number, when the record has it and it is valid.
std::optional<std::uint64_t> number_of(const Record& record, std::string_view key) noexcept;
std::optional<std::int64_t> address_of(const Record& record, std::string_view key) noexcept;

// READ DISC INFORMATION's Disc Status (MMC-6 §6.22.3.1.3), when the answer had it.
enum class DiscStatus { empty, incomplete, complete, others };
std::optional<DiscStatus> disc_status(const Record& disc_info) noexcept;
// The start of the first track whose CONTROL says data (bit 2, MMC-6 §4.2.3), when any.
std::optional<std::int64_t> first_data_track_start(const Record& toc) noexcept;
// The start of the TOC's lead-out (track AAh), when the TOC lists it.
std::optional<std::int64_t> lead_out_start(const Record& toc) noexcept;

// IMAPI2's CurrentMediaStatus (imapi2.h IMAPI_FORMAT2_DATA_MEDIA_STATE), each flag from named
// MMC fields (README.md "discrec media" lists which).
struct MediaStatusFlag {
    std::string_view key;   // "blank"
    std::string_view name;  // "IMAPI_FORMAT2_DATA_MEDIA_STATE_BLANK"
    std::uint32_t value;    // 0x2
    bool set = false;
};
struct WriteProtection {
    std::optional<bool> is_protected;  // empty: not determined
    std::string reason;
};
// IMAPI2 WriteProtectStatus of a medium whose profile can be written, from the drive's current
// features (GET CONFIGURATION RT=1, from feature 0004h on): writable when a feature that
// writes this medium is current (MMC-6 §5.3: Random Writable, Incremental Streaming Writable,
// Restricted Overwrite, CD-RW CAV Write, CD TAO, CD Mastering, DVD-R/-RW Write, Layer Jump,
// BD-R POW, BD Write, HD DVD Write; DVD+R and DVD+R DL with their Write bit); else protected,
// the reason naming the Write Protect feature (0004h) and its bits when it is current.
// `medium`: the medium's name for the reason ("DVD+RW").
WriteProtection write_protection_from_features(const Configuration& current,
                                               std::string_view medium);
std::vector<MediaStatusFlag> media_status_flags(const Record& disc_info, bool rom_profile,
                                                const WriteProtection& protection);
std::uint32_t media_status_value(const std::vector<MediaStatusFlag>& flags) noexcept;

// Free blocks for writing (IMAPI2 FreeSectorsOnMedia): a complete disc has none; a blank or
// incomplete one has the free blocks of its last track (the incomplete or invisible one) when
// the drive gave that track's information; otherwise not known.
std::optional<std::uint64_t> free_blocks(const Record& disc_info,
                                         const std::vector<Record>& tracks);
// The last track's Next Writable Address (IMAPI2 NextWritableAddress), when valid.
std::optional<std::int64_t> next_writable_address(const std::vector<Record>& tracks);

}  // namespace discrec::mmc
