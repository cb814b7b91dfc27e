// MODE SENSE(6)/(10) responses: the mode parameter header, block descriptors and the generic
// page framing (SPC-4 §7.5), plus a summary of page 2Ah (MMC-3 "CD/DVD Capabilities and
// Mechanical Status", MMC-6 §7 "MM Capabilities and Mechanical Status"). Decoding every
// field of a page is left to page-specific decoders.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/bytes.hpp"

namespace discrec::mmc {

// One mode page (SPC-4 §7.5.7): page_0 format (2-byte header) or sub_page format (4 bytes).
struct ModePage {
    std::uint8_t code = 0;
    std::uint8_t subpage = 0;
    bool ps = false;                // parameters savable
    bool spf = false;               // sub_page format
    std::uint16_t page_length = 0;  // the page's own length field
    Bytes bytes;  // the whole page from its byte 0, as far as it arrived: bytes[n] = byte n
    bool truncated = false;  // page_length ran past the end of the data
};

struct ModeParameters {
    bool usable = false;    // the mode parameter header arrived
    bool ten_byte = false;  // from MODE SENSE(10) (8-byte header) or (6) (4-byte header)
    std::uint16_t mode_data_length = 0;  // bytes that follow the mode data length field
    std::uint8_t medium_type = 0;
    std::uint8_t device_specific = 0;
    bool long_lba = false;  // LONGLBA, 10-byte header only
    std::uint16_t block_descriptor_length = 0;
    Bytes block_descriptors;
    std::vector<ModePage> pages;
    bool truncated = false;  // the mode data length announces more than arrived
    std::vector<std::string> warnings;

    [[nodiscard]] const ModePage* find(std::uint8_t code, std::uint8_t subpage = 0) const noexcept;
};

ModeParameters decode_mode_sense10(ByteSpan data);
ModeParameters decode_mode_sense6(ByteSpan data);
// decode_mode_sense10() or decode_mode_sense6(), for the CDB size that produced `data`.
ModeParameters split_mode_pages(ByteSpan data, bool ten_byte);

// The basics of page 2Ah (the MMC-3 layout, whose first bytes MMC-6 keeps): lock/eject abilities
// and state, loading mechanism, and the speeds MMC-3 made obsolete but drives still fill in.
struct CapabilitiesSummary {
    bool usable = false;  // a page 2Ah with at least byte 6 arrived
    std::uint8_t page_length = 0;
    bool can_lock = false;        // byte 6 bit 0: Lock
    bool lock_state = false;      // byte 6 bit 1: the medium is locked (prevented) now
    bool prevent_jumper = false;  // byte 6 bit 2: a jumper is present (the drive powers up locked)
    bool can_eject = false;       // byte 6 bit 3: Eject
    std::uint8_t loading_mechanism = 0;  // byte 6 bits 7-5, see find_loading_mechanism()
    // byte 3: DVD-RAM/DVD-R/CD-RW/CD-R Write (bits 5, 4, 1, 0): false for a drive that
    // writes none of them (a ROM drive).
    bool writes_some_medium = false;
    std::optional<std::uint16_t> max_read_speed_kbps;      // bytes 8-9
    std::optional<std::uint16_t> buffer_size_kb;           // bytes 12-13
    std::optional<std::uint16_t> current_read_speed_kbps;  // bytes 14-15
    std::optional<std::uint16_t> max_write_speed_kbps;     // bytes 18-19 (MMC-2/3, obsolete)
    // MMC-3's bytes 28-29 where the page has them, else the older (obsolete) bytes 20-21.
    std::optional<std::uint16_t> current_write_speed_kbps;
    std::vector<std::string> warnings;
};

// `page` starts at the page's byte 0 (ModePage::bytes).
CapabilitiesSummary decode_mode_page_2a_summary(ByteSpan page);
// Finds page 2Ah in a MODE SENSE response and summarizes it.
CapabilitiesSummary decode_mode_page_2a_summary(const ModeParameters& params);

}  // namespace discrec::mmc
