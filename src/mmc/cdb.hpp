// CDB builders: one function per command, each filling the layout of its CDB (every field
// placed as the standard's CDB table says) in mmc/tables/cdb_layouts.cpp.
// Pure: no I/O. The caller picks direction, buffer and timeout (drive/ layer).
#pragma once

#include <cstdint>

#include "transport/transport.hpp"

namespace discrec::mmc {

// Page control (PC) of MODE SENSE (SPC-4, MODE SENSE(6)/(10) CDBs): which values to report.
enum class PageControl : std::uint8_t { current = 0, changeable = 1, default_ = 2, saved = 3 };

// RT field of GET CONFIGURATION (MMC-6 §6.6).
enum class ConfigurationRt : std::uint8_t {
    all = 0,      // every feature the drive knows, current or not, from the starting one on
    current = 1,  // only features whose Current bit is set
    one = 2,      // only the feature named by the starting feature number
};

// Notification class request bits of GET EVENT STATUS NOTIFICATION (MMC-6 §6.7): bit n asks
// for class n.
namespace event_class {
inline constexpr std::uint8_t operational_change = 1U << 1;
inline constexpr std::uint8_t power_management = 1U << 2;
inline constexpr std::uint8_t external_request = 1U << 3;
inline constexpr std::uint8_t media = 1U << 4;
inline constexpr std::uint8_t multi_host = 1U << 5;
inline constexpr std::uint8_t device_busy = 1U << 6;
}  // namespace event_class

// SPC-4 TEST UNIT READY: 6 bytes, all zero.
Cdb test_unit_ready();
// SPC-4 §6.6: standard INQUIRY data. `alloc` goes to bytes 3-4 (SPC-3 and later;
// an SPC-2 device reads only byte 4, so keep alloc <= 255 for old devices).
Cdb inquiry(std::uint16_t alloc);
// SPC-4 §6.6 with EVPD=1: the vital product data page `page`.
Cdb inquiry_vpd(std::uint8_t page, std::uint16_t alloc);
// SPC-4 REQUEST SENSE (allocation length in byte 4); `desc` asks for descriptor-format sense.
Cdb request_sense(std::uint8_t alloc, bool desc = false);
// MMC-6 §6.6: GET CONFIGURATION (starting feature in bytes 2-3, allocation length 7-8).
Cdb get_configuration(ConfigurationRt rt, std::uint16_t starting_feature, std::uint16_t alloc);
// MMC-6 §6.7: GET EVENT STATUS NOTIFICATION. `class_mask` is a set of
// event_class bits. Polled=0 (asynchronous) is refused by most drives (5/24/00 on QEMU).
Cdb get_event_status_notification(bool polled, std::uint8_t class_mask, std::uint16_t alloc);
// MMC-6 §6.11: MECHANISM STATUS (allocation length in bytes 8-9).
Cdb mechanism_status(std::uint16_t alloc);
// READ CAPACITY(10) as MMC-6 uses it (from SBC): 8 bytes of response.
Cdb read_capacity();
// MMC-6 §6.22: READ DISC INFORMATION, data type 000b (Standard Disc Information).
Cdb read_disc_information(std::uint16_t alloc);
// MMC-6 §6.27: READ TRACK INFORMATION of track `track` (Address/Number Type 01b).
Cdb read_track_information(std::uint32_t track, std::uint16_t alloc);
// MMC-6 §6.24: READ FORMAT CAPACITIES (allocation length in bytes 7-8).
Cdb read_format_capacities(std::uint16_t alloc);
// MMC-6 §6.26: READ TOC/PMA/ATIP. `format` goes to byte 2 bits 3-0 and, for formats 0-2, also
// to byte 9 bits 7-6, where SFF-8020i ATAPI drives read it (QEMU's ATAPI drives among them).
Cdb read_toc(std::uint8_t format, bool msf, std::uint8_t track_or_session, std::uint16_t alloc);
// MMC-6 §6.8: GET PERFORMANCE of `type` (00h performance, 03h write speed) with `data_type`
// (byte 1; Type 00h: Tolerance, Write, Except), from `starting_lba`, at most `max_descriptors`
// descriptors (the answer is 8 + 16 bytes each).
Cdb get_performance(std::uint8_t type, std::uint8_t data_type, std::uint32_t starting_lba,
                    std::uint16_t max_descriptors);
// MMC-6 §6.23: READ DISC STRUCTURE of `format` for `media_type` (mmc/disc_structure.hpp:
// 0 DVD/HD DVD, 1 BD), at `address` of `layer`, with authentication grant `agid`.
Cdb read_disc_structure(std::uint8_t media_type, std::uint32_t address, std::uint8_t layer,
                        std::uint8_t format, std::uint8_t agid, std::uint16_t alloc);
// MMC-6 §6.32: READ SUB-CHANNEL with SubQ=1 and data format `format` (02h Media Catalog
// Number, 03h ISRC of track `track`), LBA addresses (MSF=0).
Cdb read_sub_channel(std::uint8_t format, std::uint8_t track, std::uint16_t alloc);
// MMC-6 §6.29: REPORT KEY with Key Format 08h (RPC State of the drive), Key Class 00h; the
// only REPORT KEY discrec sends (no AGID, no authentication, reads only).
Cdb report_key_rpc_state(std::uint16_t alloc);
// SBC-3 READ(10) of `blocks` blocks from `lba` (MMC-6 §6.19).
Cdb read10(std::uint32_t lba, std::uint16_t blocks);
// SPC-4 MODE SENSE(10) (LLBAA = 0). MMC drives must support the 10-byte form.
Cdb mode_sense10(std::uint8_t page, std::uint8_t subpage, PageControl pc, bool dbd,
                 std::uint16_t alloc);
// SPC-4 MODE SENSE(6); the allocation length is one byte. ATAPI drives reject it (5/20/00).
Cdb mode_sense6(std::uint8_t page, std::uint8_t subpage, PageControl pc, bool dbd,
                std::uint8_t alloc);
// PREVENT ALLOW MEDIUM REMOVAL (SPC-4 / MMC-6): PREVENT field 00b allow, 01b prevent.
Cdb prevent_allow_medium_removal(bool prevent);
// START STOP UNIT (SBC-3 / MMC-6): power condition 0; loej+!start ejects, loej+start loads.
Cdb start_stop_unit(bool start, bool loej, bool immed);

}  // namespace discrec::mmc
