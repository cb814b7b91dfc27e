// Command names as SPC-4, SBC-3 and MMC-6 spell them, one row per operation code, with the
// class `discrec send` gates on. Sources: MMC-6 §6 and Table 15 (commands of a multimedia
// device), SPC-4 §6 and Annex D.3 (operation codes), MMC-2 §6 for the legacy audio commands.
// Codes that are not here (reserved, vendor specific: groups 3, 6 and 7) are class unknown.
#include "mmc/tables/opcodes.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace discrec::mmc {
namespace {

using enum OpcodeClass;

constexpr std::array k_opcodes = {
    OpcodeRow{0x00, "TEST UNIT READY", read_only},
    OpcodeRow{0x03, "REQUEST SENSE", read_only},
    OpcodeRow{0x04, "FORMAT UNIT", media_write},
    OpcodeRow{0x12, "INQUIRY", read_only},
    OpcodeRow{0x15, "MODE SELECT(6)", drive_state},
    OpcodeRow{0x16, "RESERVE(6)", drive_state},
    OpcodeRow{0x17, "RELEASE(6)", drive_state},
    OpcodeRow{0x1a, "MODE SENSE(6)", read_only},
    OpcodeRow{0x1b, "START STOP UNIT", drive_state},
    OpcodeRow{0x1c, "RECEIVE DIAGNOSTIC RESULTS", read_only},
    // Runs a self-test, or with PF=1 sends a diagnostic page that may do anything.
    OpcodeRow{0x1d, "SEND DIAGNOSTIC", drive_state},
    OpcodeRow{0x1e, "PREVENT ALLOW MEDIUM REMOVAL", drive_state},
    OpcodeRow{0x23, "READ FORMAT CAPACITIES", read_only},
    OpcodeRow{0x25, "READ CAPACITY(10)", read_only},
    OpcodeRow{0x28, "READ(10)", read_only},
    OpcodeRow{0x2a, "WRITE(10)", media_write},
    OpcodeRow{0x2b, "SEEK(10)", drive_state},
    OpcodeRow{0x2e, "WRITE AND VERIFY(10)", media_write},
    OpcodeRow{0x2f, "VERIFY(10)", read_only},
    // On a recordable medium it flushes the write cache to the disc (MMC-6 §6.42).
    OpcodeRow{0x35, "SYNCHRONIZE CACHE(10)", media_write},
    // Download microcode modes replace the firmware (SPC-4 §6.49).
    OpcodeRow{0x3b, "WRITE BUFFER", firmware},
    OpcodeRow{0x3c, "READ BUFFER", read_only},
    OpcodeRow{0x42, "READ SUB-CHANNEL", read_only},
    OpcodeRow{0x43, "READ TOC/PMA/ATIP", read_only},
    OpcodeRow{0x44, "READ HEADER", read_only},
    OpcodeRow{0x45, "PLAY AUDIO(10)", drive_state},
    OpcodeRow{0x46, "GET CONFIGURATION", read_only},
    OpcodeRow{0x47, "PLAY AUDIO MSF", drive_state},
    OpcodeRow{0x4a, "GET EVENT STATUS NOTIFICATION", read_only},
    OpcodeRow{0x4b, "PAUSE/RESUME", drive_state},
    OpcodeRow{0x4c, "LOG SELECT", drive_state},
    OpcodeRow{0x4d, "LOG SENSE", read_only},
    OpcodeRow{0x4e, "STOP PLAY/SCAN", drive_state},
    OpcodeRow{0x51, "READ DISC INFORMATION", read_only},
    OpcodeRow{0x52, "READ TRACK INFORMATION", read_only},
    OpcodeRow{0x53, "RESERVE TRACK", media_write},
    OpcodeRow{0x54, "SEND OPC INFORMATION", media_write},
    OpcodeRow{0x55, "MODE SELECT(10)", drive_state},
    OpcodeRow{0x56, "RESERVE(10)", drive_state},
    OpcodeRow{0x57, "RELEASE(10)", drive_state},
    OpcodeRow{0x58, "REPAIR TRACK", media_write},
    OpcodeRow{0x5a, "MODE SENSE(10)", read_only},
    OpcodeRow{0x5b, "CLOSE TRACK/SESSION", media_write},
    OpcodeRow{0x5c, "READ BUFFER CAPACITY", read_only},
    OpcodeRow{0x5d, "SEND CUE SHEET", media_write},
    OpcodeRow{0x5e, "PERSISTENT RESERVE IN", read_only},
    OpcodeRow{0x5f, "PERSISTENT RESERVE OUT", drive_state},
    OpcodeRow{0xa0, "REPORT LUNS", read_only},
    OpcodeRow{0xa1, "BLANK", media_write},
    OpcodeRow{0xa2, "SECURITY PROTOCOL IN", secret},
    OpcodeRow{0xa3, "SEND KEY", secret},
    OpcodeRow{0xa4, "REPORT KEY", secret},  // read-only for Key Format 08h: classify_cdb
    OpcodeRow{0xa5, "PLAY AUDIO(12)", drive_state},
    OpcodeRow{0xa6, "LOAD/UNLOAD MEDIUM", drive_state},
    OpcodeRow{0xa7, "SET READ AHEAD", drive_state},
    OpcodeRow{0xa8, "READ(12)", read_only},
    OpcodeRow{0xaa, "WRITE(12)", media_write},
    OpcodeRow{0xab, "READ MEDIA SERIAL NUMBER", read_only},
    OpcodeRow{0xac, "GET PERFORMANCE", read_only},
    OpcodeRow{0xad, "READ DISC STRUCTURE", read_only},
    OpcodeRow{0xae, "WRITE AND VERIFY(12)", media_write},
    OpcodeRow{0xaf, "VERIFY(12)", read_only},
    OpcodeRow{0xb5, "SECURITY PROTOCOL OUT", secret},
    OpcodeRow{0xb6, "SET STREAMING", drive_state},
    OpcodeRow{0xb9, "READ CD MSF", read_only},
    OpcodeRow{0xba, "SCAN", drive_state},
    OpcodeRow{0xbb, "SET CD SPEED", drive_state},
    OpcodeRow{0xbc, "PLAY CD", drive_state},
    OpcodeRow{0xbd, "MECHANISM STATUS", read_only},
    OpcodeRow{0xbe, "READ CD", read_only},
    OpcodeRow{0xbf, "SEND DISC STRUCTURE", media_write},
};

static_assert(std::is_sorted(k_opcodes.begin(), k_opcodes.end(),
                             [](const OpcodeRow& a, const OpcodeRow& b) {
                                 return a.code < b.code;
                             }));

struct ClassName {
    OpcodeClass value;
    std::string_view key;
    std::string_view name;
};
constexpr std::array k_class_names = {
    ClassName{read_only, "read_only", "read-only"},
    ClassName{drive_state, "drive_state", "changes drive state"},
    ClassName{media_write, "media_write", "writes or erases media"},
    ClassName{secret, "secret", "secrets"},
    ClassName{firmware, "firmware", "firmware"},
    ClassName{unknown, "unknown", "unknown or vendor specific"},
};

const ClassName& class_row(OpcodeClass c) noexcept {
    const auto* it = std::find_if(k_class_names.begin(), k_class_names.end(),
                                  [c](const ClassName& r) { return r.value == c; });
    return it != k_class_names.end() ? *it : k_class_names.back();
}

}  // namespace

std::string_view opcode_class_name(OpcodeClass c) noexcept { return class_row(c).name; }
std::string_view opcode_class_key(OpcodeClass c) noexcept { return class_row(c).key; }

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

OpcodeClass classify_cdb(std::span<const std::byte> cdb) noexcept {
    if (cdb.empty()) return unknown;
    const auto code = static_cast<std::uint8_t>(cdb[0]);
    const OpcodeRow* row = find_opcode(code);
    if (row == nullptr) return unknown;
    if (code == op::report_key) {
        // MMC-6 §6.29 Table 537: byte 10, bits 5-0 Key Format; 08h is RPC State.
        constexpr std::size_t k_key_format_byte = 10;
        constexpr std::uint8_t k_rpc_state = 0x08;
        if (cdb.size() <= k_key_format_byte) return unknown;
        const auto format = static_cast<std::uint8_t>(cdb[k_key_format_byte]) & 0x3f;
        return format == k_rpc_state ? read_only : secret;
    }
    return row->command_class;
}

}  // namespace discrec::mmc
