// Command names as SPC-4, SBC-3 and MMC-6 spell them (one row per operation code).
#include "mmc/opcodes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace discrec::mmc {
namespace {

constexpr std::array k_opcodes = {
    OpcodeRow{0x00, "TEST UNIT READY"},
    OpcodeRow{0x03, "REQUEST SENSE"},
    OpcodeRow{0x04, "FORMAT UNIT"},
    OpcodeRow{0x12, "INQUIRY"},
    OpcodeRow{0x15, "MODE SELECT(6)"},
    OpcodeRow{0x1a, "MODE SENSE(6)"},
    OpcodeRow{0x1b, "START STOP UNIT"},
    OpcodeRow{0x1d, "SEND DIAGNOSTIC"},
    OpcodeRow{0x1e, "PREVENT ALLOW MEDIUM REMOVAL"},
    OpcodeRow{0x23, "READ FORMAT CAPACITIES"},
    OpcodeRow{0x25, "READ CAPACITY(10)"},
    OpcodeRow{0x28, "READ(10)"},
    OpcodeRow{0x2a, "WRITE(10)"},
    OpcodeRow{0x2b, "SEEK(10)"},
    OpcodeRow{0x2e, "WRITE AND VERIFY(10)"},
    OpcodeRow{0x2f, "VERIFY(10)"},
    OpcodeRow{0x35, "SYNCHRONIZE CACHE(10)"},
    OpcodeRow{0x3b, "WRITE BUFFER"},
    OpcodeRow{0x3c, "READ BUFFER"},
    OpcodeRow{0x42, "READ SUB-CHANNEL"},
    OpcodeRow{0x43, "READ TOC/PMA/ATIP"},
    OpcodeRow{0x44, "READ HEADER"},
    OpcodeRow{0x45, "PLAY AUDIO(10)"},
    OpcodeRow{0x46, "GET CONFIGURATION"},
    OpcodeRow{0x47, "PLAY AUDIO MSF"},
    OpcodeRow{0x4a, "GET EVENT STATUS NOTIFICATION"},
    OpcodeRow{0x4b, "PAUSE/RESUME"},
    OpcodeRow{0x4e, "STOP PLAY/SCAN"},
    OpcodeRow{0x51, "READ DISC INFORMATION"},
    OpcodeRow{0x52, "READ TRACK INFORMATION"},
    OpcodeRow{0x53, "RESERVE TRACK"},
    OpcodeRow{0x54, "SEND OPC INFORMATION"},
    OpcodeRow{0x55, "MODE SELECT(10)"},
    OpcodeRow{0x58, "REPAIR TRACK"},
    OpcodeRow{0x5a, "MODE SENSE(10)"},
    OpcodeRow{0x5b, "CLOSE TRACK/SESSION"},
    OpcodeRow{0x5c, "READ BUFFER CAPACITY"},
    OpcodeRow{0x5d, "SEND CUE SHEET"},
    OpcodeRow{0xa0, "REPORT LUNS"},
    OpcodeRow{0xa1, "BLANK"},
    OpcodeRow{0xa2, "SECURITY PROTOCOL IN"},
    OpcodeRow{0xa3, "SEND KEY"},
    OpcodeRow{0xa4, "REPORT KEY"},
    OpcodeRow{0xa5, "PLAY AUDIO(12)"},
    OpcodeRow{0xa6, "LOAD/UNLOAD MEDIUM"},
    OpcodeRow{0xa7, "SET READ AHEAD"},
    OpcodeRow{0xa8, "READ(12)"},
    OpcodeRow{0xaa, "WRITE(12)"},
    OpcodeRow{0xab, "READ MEDIA SERIAL NUMBER"},
    OpcodeRow{0xac, "GET PERFORMANCE"},
    OpcodeRow{0xad, "READ DISC STRUCTURE"},
    OpcodeRow{0xb5, "SECURITY PROTOCOL OUT"},
    OpcodeRow{0xb6, "SET STREAMING"},
    OpcodeRow{0xb9, "READ CD MSF"},
    OpcodeRow{0xba, "SCAN"},
    OpcodeRow{0xbb, "SET CD SPEED"},
    OpcodeRow{0xbd, "MECHANISM STATUS"},
    OpcodeRow{0xbe, "READ CD"},
    OpcodeRow{0xbf, "SEND DISC STRUCTURE"},
};

static_assert(std::is_sorted(k_opcodes.begin(), k_opcodes.end(),
                             [](const OpcodeRow& a, const OpcodeRow& b) {
                                 return a.code < b.code;
                             }));

}  // namespace

std::span<const OpcodeRow> opcode_table() noexcept { return k_opcodes; }

const OpcodeRow* find_opcode(std::uint8_t code) noexcept {
    const auto* it = std::find_if(k_opcodes.begin(), k_opcodes.end(),
                                  [code](const OpcodeRow& r) { return r.code == code; });
    return it == k_opcodes.end() ? nullptr : &*it;
}

std::string_view command_name(std::uint8_t code) noexcept {
    const OpcodeRow* row = find_opcode(code);
    return row != nullptr ? row->name : std::string_view{};
}

std::string command_label(std::uint8_t code) {
    const std::string_view name = command_name(code);
    return name.empty() ? fmt::format("command 0x{:02x}", code) : std::string(name);
}

}  // namespace discrec::mmc
