#include "mmc/tables/cdb_layouts.hpp"

#include <array>

#include "mmc/tables/field_rows.hpp"
#include "mmc/tables/opcodes.hpp"

namespace discrec::mmc::cdb_layout {
namespace {

using namespace rows;

// SPC-4 §6.6: EVPD byte 1 bit 0, page code byte 2, allocation length bytes 3-4 (SPC-3 and
// later; an SPC-2 device reads only byte 4).
constexpr std::array k_inquiry = {
    flag("evpd", "EVPD", 1, 0),
    number("page_code", "Page Code", 2, 8),
    number("allocation_length", "Allocation Length", 3, 16),
};
// SPC-4 REQUEST SENSE: DESC byte 1 bit 0, allocation length byte 4.
constexpr std::array k_request_sense = {
    flag("desc", "DESC", 1, 0),
    number("allocation_length", "Allocation Length", 4, 8),
};
// MMC-6 §6.6: RT byte 1 bits 1-0, starting feature number bytes 2-3, allocation length 7-8.
constexpr std::array k_get_configuration = {
    number("rt", "RT", 1, 2),
    number("starting_feature_number", "Starting Feature Number", 2, 16),
    number("allocation_length", "Allocation Length", 7, 16),
};
// MMC-6 §6.7: Polled byte 1 bit 0, notification class request byte 4, allocation length 7-8.
constexpr std::array k_get_event_status_notification = {
    flag("polled", "Polled", 1, 0),
    bitmap("notification_class_request", "Notification Class Request", 4, 8),
    number("allocation_length", "Allocation Length", 7, 16),
};
// MMC-6 §6.11: allocation length bytes 8-9.
constexpr std::array k_mechanism_status = {
    number("allocation_length", "Allocation Length", 8, 16),
};
// MMC-6 §6.22: Data Type byte 1 bits 2-0 (000b: standard disc information), allocation
// length bytes 7-8.
constexpr std::array k_read_disc_information = {
    number("data_type", "Data Type", 1, 3),
    number("allocation_length", "Allocation Length", 7, 16),
};
// MMC-6 §6.27: Address/Number Type byte 1 bits 1-0 (00b LBA, 01b track, 10b session), the
// LBA/track/session number bytes 2-5, allocation length bytes 7-8.
constexpr std::array k_read_track_information = {
    number("address_number_type", "Address/Number Type", 1, 2),
    number("address_number", "Logical Block Address/Track/Session Number", 2, 32),
    number("allocation_length", "Allocation Length", 7, 16),
};
// MMC-6 §6.24.2: allocation length bytes 7-8 (bytes 1-6 reserved).
constexpr std::array k_read_format_capacities = {
    number("allocation_length", "Allocation Length", 7, 16),
};
// MMC-6 §6.26: MSF byte 1 bit 1, Format byte 2 bits 3-0, Track/Session Number byte 6,
// allocation length bytes 7-8; and the format once more in byte 9 bits 7-6, where SFF-8020i
// ATAPI drives read formats 0-2 (those bits of the CONTROL byte are vendor specific in SAM;
// MMC-6 §6.26.2.1 keeps them for this). Builders write it only for formats 0-2.
constexpr std::array k_read_toc_pma_atip = {
    flag("msf", "MSF", 1, 1),
    number("format", "Format", 2, 4),
    number("track_session_number", "Track/Session Number", 6, 8),
    number("allocation_length", "Allocation Length", 7, 16),
    number("sff8020_format", "Format (SFF-8020i)", 9, 2, 6),
};
// SPC-4 MODE SENSE(6) and (10): DBD byte 1 bit 3 (LLBAA of (10), bit 4, stays 0), PC byte 2
// bits 7-6, page code bits 5-0, subpage code byte 3; then the allocation length: (10) bytes
// 7-8, (6) one byte, byte 4.
constexpr std::array k_mode_sense_fields = {
    flag("dbd", "DBD", 1, 3),
    number("pc", "PC", 2, 2, 6),
    number("page_code", "Page Code", 2, 6),
    number("subpage_code", "Subpage Code", 3, 8),
};
constexpr auto k_mode_sense10 =
    append(k_mode_sense_fields, number("allocation_length", "Allocation Length", 7, 16));
constexpr auto k_mode_sense6 =
    append(k_mode_sense_fields, number("allocation_length", "Allocation Length", 4, 8));
// MMC-6 §6.8.2: Data Type byte 1 bits 4-0 (Type 00h: Tolerance bits 4-3, Write bit 2, Except
// bits 1-0; other types: reserved), Starting LBA bytes 2-5, Maximum Number of Descriptors bytes
// 8-9 (the answer is 8 + 16 bytes per descriptor: there is no allocation length), Type byte 10.
constexpr std::array k_get_performance = {
    number("data_type", "Data Type", 1, 5),
    number("starting_lba", "Starting LBA", 2, 32),
    number("maximum_descriptors", "Maximum Number of Descriptors", 8, 16),
    number("type", "Type", 10, 8),
};
// MMC-6 §6.23.2: Media Type byte 1 bits 3-0 (0000b DVD and HD DVD, 0001b BD), Address bytes
// 2-5, Layer Number byte 6, Format Code byte 7, Allocation Length bytes 8-9, AGID byte 10 bits
// 7-6 (the formats that need an authentication grant).
constexpr std::array k_read_disc_structure = {
    number("media_type", "Media Type", 1, 4),
    number("address", "Address", 2, 32),
    number("layer_number", "Layer Number", 6, 8),
    number("format_code", "Format Code", 7, 8),
    number("allocation_length", "Allocation Length", 8, 16),
    number("agid", "AGID", 10, 2, 6),
};
// SBC-3 READ(10), as MMC-6 §6.19 uses it: Logical Block Address bytes 2-5, Transfer Length
// (blocks) bytes 7-8; DPO, FUA and the group number stay 0.
constexpr std::array k_read10 = {
    number("logical_block_address", "Logical Block Address", 2, 32),
    number("transfer_length", "Transfer Length", 7, 16),
};
// SPC-4 / MMC-6 PREVENT ALLOW MEDIUM REMOVAL: PREVENT byte 4 bits 1-0 (00b allow, 01b prevent).
constexpr std::array k_prevent_allow_medium_removal = {
    number("prevent", "Prevent", 4, 2),
};
// SBC-3 / MMC-6 START STOP UNIT: IMMED byte 1 bit 0; byte 4: power condition 0 (bits 7-4),
// LoEj bit 1, Start bit 0.
constexpr std::array k_start_stop_unit = {
    flag("immed", "IMMED", 1, 0),
    flag("loej", "LoEj", 4, 1),
    flag("start", "Start", 4, 0),
};

// MMC-6 §6.32.2: MSF byte 1 bit 1, SubQ byte 2 bit 6 (1: return the sub-channel data),
// Sub-channel Parameter List (the data format: 01h current position, 02h Media Catalog
// Number, 03h ISRC) byte 3, Track Number byte 6 (ISRC only), allocation length bytes 7-8.
constexpr std::array k_read_sub_channel = {
    flag("msf", "MSF", 1, 1),
    flag("subq", "SubQ", 2, 6),
    number("parameter_list", "Sub-channel Parameter List", 3, 8),
    number("track_number", "Track Number", 6, 8),
    number("allocation_length", "Allocation Length", 7, 16),
};

// MMC-6 §6.29.2 (Table 537): REPORT KEY: LBA bytes 2-5 (Key Format 04h only), Key Class byte
// 7 (00h: DVD CSS/CPPM/CPRM), allocation length bytes 8-9, AGID byte 10 bits 7-6, Key Format
// bits 5-0 (08h RPC State: needs no AGID, no authentication; discrec asks nothing else and
// never sends SEND KEY).
constexpr std::array k_report_key = {
    number("lba", "Logical Block Address", 2, 32),
    number("key_class", "Key Class", 7, 8),
    number("allocation_length", "Allocation Length", 8, 16),
    number("agid", "AGID", 10, 2, 6),
    number("key_format", "Key Format", 10, 6),
};

}  // namespace

constexpr CdbLayout test_unit_ready{op::test_unit_ready,
                                    {"TEST UNIT READY", "SPC-4 TEST UNIT READY", {}, 0, 6}};
constexpr CdbLayout inquiry{op::inquiry, {"INQUIRY", "SPC-4 §6.6", k_inquiry, 0, 6}};
constexpr CdbLayout request_sense{op::request_sense,
                                  {"REQUEST SENSE", "SPC-4 REQUEST SENSE", k_request_sense, 0, 6}};
constexpr CdbLayout get_configuration{
    op::get_configuration, {"GET CONFIGURATION", "MMC-6 §6.6", k_get_configuration, 0, 10}};
constexpr CdbLayout get_event_status_notification{
    op::get_event_status_notification,
    {"GET EVENT STATUS NOTIFICATION", "MMC-6 §6.7", k_get_event_status_notification, 0, 10}};
constexpr CdbLayout mechanism_status{
    op::mechanism_status, {"MECHANISM STATUS", "MMC-6 §6.11", k_mechanism_status, 0, 12}};
constexpr CdbLayout read_capacity10{
    op::read_capacity10,
    {"READ CAPACITY(10)", "SBC-3 READ CAPACITY(10), as MMC-6 uses it", {}, 0, 10}};
constexpr CdbLayout read_disc_information{
    op::read_disc_information,
    {"READ DISC INFORMATION", "MMC-6 §6.22", k_read_disc_information, 0, 10}};
constexpr CdbLayout read_track_information{
    op::read_track_information,
    {"READ TRACK INFORMATION", "MMC-6 §6.27", k_read_track_information, 0, 10}};
constexpr CdbLayout read_format_capacities{
    op::read_format_capacities,
    {"READ FORMAT CAPACITIES", "MMC-6 §6.24", k_read_format_capacities, 0, 10}};
constexpr CdbLayout read_toc_pma_atip{
    op::read_toc_pma_atip, {"READ TOC/PMA/ATIP", "MMC-6 §6.26", k_read_toc_pma_atip, 0, 10}};
constexpr CdbLayout mode_sense10{op::mode_sense10,
                                 {"MODE SENSE(10)", "SPC-4 MODE SENSE(10)", k_mode_sense10, 0, 10}};
constexpr CdbLayout mode_sense6{op::mode_sense6,
                                {"MODE SENSE(6)", "SPC-4 MODE SENSE(6)", k_mode_sense6, 0, 6}};
constexpr CdbLayout get_performance{op::get_performance,
                                    {"GET PERFORMANCE", "MMC-6 §6.8", k_get_performance, 0, 12}};
constexpr CdbLayout read_disc_structure{
    op::read_disc_structure, {"READ DISC STRUCTURE", "MMC-6 §6.23", k_read_disc_structure, 0, 12}};
constexpr CdbLayout read10{op::read10,
                           {"READ(10)", "SBC-3 READ(10), MMC-6 §6.19", k_read10, 0, 10}};
constexpr CdbLayout prevent_allow_medium_removal{
    op::prevent_allow_medium_removal,
    {"PREVENT ALLOW MEDIUM REMOVAL", "SPC-4 / MMC-6 PREVENT ALLOW MEDIUM REMOVAL",
     k_prevent_allow_medium_removal, 0, 6}};
constexpr CdbLayout start_stop_unit{
    op::start_stop_unit,
    {"START STOP UNIT", "SBC-3 / MMC-6 START STOP UNIT", k_start_stop_unit, 0, 6}};

constexpr CdbLayout read_sub_channel{
    op::read_sub_channel, {"READ SUB-CHANNEL", "MMC-6 §6.32", k_read_sub_channel, 0, 10}};

constexpr CdbLayout report_key{op::report_key, {"REPORT KEY", "MMC-6 §6.29", k_report_key, 0, 12}};

}  // namespace discrec::mmc::cdb_layout
