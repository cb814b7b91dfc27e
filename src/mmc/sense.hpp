// Sense data, parsed once (SPC-4 §4.5): fixed format (response codes 70h/71h) and descriptor
// format (72h/73h). Callers use these fields and never index sense bytes themselves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/bytes.hpp"
#include "util/result.hpp"

namespace discrec::mmc {

// Sense key values (SPC-4 §4.5.6) that callers test for by name.
namespace sense_key {
inline constexpr std::uint8_t no_sense = 0x0;
inline constexpr std::uint8_t recovered_error = 0x1;
inline constexpr std::uint8_t not_ready = 0x2;
inline constexpr std::uint8_t medium_error = 0x3;
inline constexpr std::uint8_t hardware_error = 0x4;
inline constexpr std::uint8_t illegal_request = 0x5;
inline constexpr std::uint8_t unit_attention = 0x6;
inline constexpr std::uint8_t data_protect = 0x7;
inline constexpr std::uint8_t aborted_command = 0xb;
}  // namespace sense_key

enum class SenseFormat {
    none,        // no usable sense: empty, too short, or an unknown response code
    fixed,       // 70h current / 71h deferred (SPC-4 §4.5.3)
    descriptor,  // 72h current / 73h deferred (SPC-4 §4.5.2)
};

// The sense-key specific field when SKSV is set and the key is ILLEGAL REQUEST
// (SPC-4 §4.5.2.4.2): which CDB or parameter byte (and bit) the drive objected to.
struct FieldPointer {
    bool in_cdb = false;  // C/D: 1 = the CDB, 0 = the parameter list
    bool bit_valid = false;
    std::uint8_t bit = 0;
    std::uint16_t byte = 0;
};

// One sense data descriptor (SPC-4 §4.5.2.1): type, and the bytes after its 2-byte header.
struct SenseDescriptor {
    std::uint8_t type = 0;
    Bytes data;
};

// What sense codes mean to a caller (SPC-4 Annex D; shared/vm README, Gotchas):
// 2/3A/xx medium not present (ASCQ 01h tray closed, 02h tray open).
bool means_no_medium(const SenseCode& s) noexcept;
bool means_tray_open(const SenseCode& s) noexcept;
bool means_tray_closed(const SenseCode& s) noexcept;
// 2/04/01: logical unit is in process of becoming ready (a disc just went in, spinning up).
bool means_becoming_ready(const SenseCode& s) noexcept;
// ASC 53h with NOT READY or ILLEGAL REQUEST: medium removal prevented. ATAPI drives report a
// refused eject as 2/53/00 or 5/53/00, SCSI ones 5/53/02 or 2/53/02: ASC 53h alone decides.
bool means_removal_prevented(const SenseCode& s) noexcept;
// 5/20/00: invalid command operation code (the drive does not have the command).
bool means_unsupported_command(const SenseCode& s) noexcept;
// SAM-5 §5.3 status BUSY (08h): the logical unit cannot take the command now (no sense data).
bool means_busy(std::uint8_t scsi_status) noexcept;

struct SenseData {
    SenseFormat format = SenseFormat::none;
    std::uint8_t response_code = 0;  // 70h..73h (VALID bit removed)
    bool deferred = false;           // 71h/73h: the error belongs to an earlier command
    bool valid = false;              // the INFORMATION field is meaningful
    std::uint8_t key = 0;
    std::uint8_t asc = 0;
    std::uint8_t ascq = 0;
    std::uint64_t information = 0;
    std::uint64_t command_specific = 0;
    std::uint8_t fru = 0;
    bool filemark = false;
    bool eom = false;
    bool ili = false;
    bool sksv = false;                          // sense-key specific bytes are valid
    std::uint32_t sense_key_specific = 0;       // the 3 SKS bytes (SKSV bit cleared)
    std::optional<FieldPointer> field_pointer;  // SKSV with ILLEGAL REQUEST
    std::optional<std::uint16_t> progress;      // SKSV with NO SENSE / NOT READY: n/65536 done
    std::vector<SenseDescriptor> descriptors;   // descriptor format only
    std::vector<std::string> warnings;          // truncated, lengths that lie ...

    [[nodiscard]] bool usable() const noexcept { return format != SenseFormat::none; }
    [[nodiscard]] bool is(std::uint8_t k, std::uint8_t a) const noexcept {
        return usable() && key == k && asc == a;
    }
    [[nodiscard]] bool is(std::uint8_t k, std::uint8_t a, std::uint8_t q) const noexcept {
        return is(k, a) && ascq == q;
    }
    [[nodiscard]] SenseCode code() const noexcept { return {key, asc, ascq}; }
};

// Decodes sense bytes as the OS returned them. Never reads past `sense`; empty or garbage
// input gives format == none and a warning saying why.
SenseData decode_sense(ByteSpan sense);

// One line for messages: "not ready, medium not present - tray open (sense 2/3a/02)";
// an ASC/ASCQ pair the table does not know: "illegal request, asc 0x99 ascq 0x01
// (sense 5/99/01)"; unusable sense: "no usable sense data".
std::string describe_sense(const SenseData& sense);

}  // namespace discrec::mmc
