// SCSI operation codes used with optical drives: their names for messages and --trace, and
// what each does to the drive, for `discrec send`'s gate.
// Sources: SPC-4 §6 (INQUIRY, MODE SENSE, REQUEST SENSE, TEST UNIT READY, REPORT LUNS ...),
// SBC-3 (READ CAPACITY(10), START STOP UNIT as MMC-6 uses them), MMC-6 §6 and its Table 15
// (the commands of a multimedia device), and the legacy audio commands of MMC-2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace discrec::mmc {

namespace op {
inline constexpr std::uint8_t test_unit_ready = 0x00;
inline constexpr std::uint8_t request_sense = 0x03;
inline constexpr std::uint8_t format_unit = 0x04;
inline constexpr std::uint8_t inquiry = 0x12;
inline constexpr std::uint8_t mode_select6 = 0x15;
inline constexpr std::uint8_t mode_sense6 = 0x1a;
inline constexpr std::uint8_t start_stop_unit = 0x1b;
inline constexpr std::uint8_t prevent_allow_medium_removal = 0x1e;
inline constexpr std::uint8_t read_format_capacities = 0x23;
inline constexpr std::uint8_t read_capacity10 = 0x25;
inline constexpr std::uint8_t read10 = 0x28;
inline constexpr std::uint8_t write10 = 0x2a;
inline constexpr std::uint8_t verify10 = 0x2f;
inline constexpr std::uint8_t synchronize_cache10 = 0x35;
inline constexpr std::uint8_t write_buffer = 0x3b;
inline constexpr std::uint8_t read_sub_channel = 0x42;
inline constexpr std::uint8_t read_toc_pma_atip = 0x43;
inline constexpr std::uint8_t get_configuration = 0x46;
inline constexpr std::uint8_t get_event_status_notification = 0x4a;
inline constexpr std::uint8_t read_disc_information = 0x51;
inline constexpr std::uint8_t read_track_information = 0x52;
inline constexpr std::uint8_t mode_select10 = 0x55;
inline constexpr std::uint8_t mode_sense10 = 0x5a;
inline constexpr std::uint8_t report_luns = 0xa0;
inline constexpr std::uint8_t blank = 0xa1;
inline constexpr std::uint8_t send_key = 0xa3;
inline constexpr std::uint8_t report_key = 0xa4;
inline constexpr std::uint8_t load_unload_medium = 0xa6;
inline constexpr std::uint8_t read12 = 0xa8;
inline constexpr std::uint8_t get_performance = 0xac;
inline constexpr std::uint8_t read_disc_structure = 0xad;
inline constexpr std::uint8_t set_streaming = 0xb6;
inline constexpr std::uint8_t set_cd_speed = 0xbb;
inline constexpr std::uint8_t mechanism_status = 0xbd;
inline constexpr std::uint8_t read_cd = 0xbe;
}  // namespace op

// What a command may do, for the gate of `discrec send` (and its refusal messages).
enum class OpcodeClass {
    read_only,    // reports, reads the medium: sent without asking
    drive_state,  // changes the drive's state (tray, lock, speed, mode parameters, play)
    media_write,  // writes or erases the medium (or commits what was written)
    secret,       // key exchange and security protocols (CSS/AACS, SPC-4 §6.30/§6.31)
    firmware,     // WRITE BUFFER: can replace the drive's firmware
    unknown,      // not in this table: reserved or vendor specific
};

// "read-only", "changes drive state", "writes or erases media", "secrets", "firmware",
// "unknown or vendor specific"; and the JSON/schema key ("read_only", "drive_state" ...).
std::string_view opcode_class_name(OpcodeClass c) noexcept;
std::string_view opcode_class_key(OpcodeClass c) noexcept;

// One row per operation code: {code, name, class}; the name is the command name as the
// standard spells it ("GET CONFIGURATION").
struct OpcodeRow {
    std::uint8_t code;
    std::string_view name;
    OpcodeClass command_class;
};

// All rows, sorted by code.
std::span<const OpcodeRow> opcode_table() noexcept;
// The row for `code`, or nullptr when the table does not know it.
const OpcodeRow* find_opcode(std::uint8_t code) noexcept;
// The command name for `code` ("INQUIRY"), or "" when unknown.
std::string_view command_name(std::uint8_t code) noexcept;
// The name for messages: "INQUIRY", or "command 0xc5" for a code the table does not know.
std::string command_label(std::uint8_t code);

// The class of one whole CDB. The opcode's row decides, except REPORT KEY: its Key Format
// 08h (RPC State, MMC-6 §6.29.2.5) only reports the region setting, every other format
// belongs to an authentication exchange with an AGID. A CDB too short to say is unknown.
OpcodeClass classify_cdb(std::span<const std::byte> cdb) noexcept;

}  // namespace discrec::mmc
