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
constexpr CdbLayout mode_sense10{op::mode_sense10,
                                 {"MODE SENSE(10)", "SPC-4 MODE SENSE(10)", k_mode_sense10, 0, 10}};
constexpr CdbLayout mode_sense6{op::mode_sense6,
                                {"MODE SENSE(6)", "SPC-4 MODE SENSE(6)", k_mode_sense6, 0, 6}};
constexpr CdbLayout prevent_allow_medium_removal{
    op::prevent_allow_medium_removal,
    {"PREVENT ALLOW MEDIUM REMOVAL", "SPC-4 / MMC-6 PREVENT ALLOW MEDIUM REMOVAL",
     k_prevent_allow_medium_removal, 0, 6}};
constexpr CdbLayout start_stop_unit{
    op::start_stop_unit,
    {"START STOP UNIT", "SBC-3 / MMC-6 START STOP UNIT", k_start_stop_unit, 0, 6}};

}  // namespace discrec::mmc::cdb_layout
