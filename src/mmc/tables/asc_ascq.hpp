// Names of SCSI sense keys and additional sense codes (ASC/ASCQ), as data.
//
// Source: the T10 "SCSI ASC/ASCQ Assignments, Numeric Sorted Listing" (asc-num.txt), which
// collects the codes of SPC-6 (its "Sense key and sense code definitions" subclause, as in
// SPC-4) and of the device-type standards, including MMC-6's (3A/01 tray closed, 3A/02 tray
// open, 57/00, 63/xx, 64/xx, 72/xx, 73/xx).
// The list is the one dated 2023-11-14 as transcribed, in sentence case, by sg3_utils
// lib/sg_lib_data.c ("3.15 20231213", spc6r11), plus two later T10 assignments (38/09,
// 67/0E). Wording is sg3_utils' (so `sg_decode_sense` agrees with us; see
// tests/unit/check_asc_table.sh), with acronyms capitalised (CDB, LBA, I_T, ROD ...).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace discrec::mmc {

struct AscAscqEntry {
    std::uint8_t asc;
    std::uint8_t ascq;
    std::string_view name;
};

// Every individually defined pair, sorted by (asc, ascq), no duplicates. Ranged assignments
// (40/NN, 41/NN, 42/NN, 4D/NN, 70/NN) and the vendor-specific ranges are not rows here;
// asc_ascq_name() names them.
std::span<const AscAscqEntry> asc_ascq_table() noexcept;

// Name of a pair in sentence case ("Medium not present - tray open"). Ranged entries carry
// their value in hex: 40/85 "Diagnostic failure on component 0x85", 40/05 "Ram failure
// (0x05)", 41/NN "Data path failure (0xNN)", 42/NN "Power-on or self-test failure (0xNN)",
// 4D/NN "Tagged overlapped commands (task tag 0xNN)", 70/NN "Decompression exception short
// algorithm ID of 0xNN". ASC 80h-FFh: "Vendor specific ASC 0xAA, ASCQ 0xQQ"; an otherwise
// undefined ASCQ 80h-FFh: "ASC 0xAA, vendor specific qualification ASCQ 0xQQ" (SPC-6: those
// ranges are vendor specific). Any other undefined (reserved) pair gives an empty string.
std::string asc_ascq_name(std::uint8_t asc, std::uint8_t ascq);

// SPC-6 sense key name, of key & 0x0f: "No sense" ... "Completed"; 0Ch (formerly EQUAL,
// now obsolete) is "Reserved".
std::string_view sense_key_name(std::uint8_t key) noexcept;

}  // namespace discrec::mmc
