// INQUIRY: standard data (SPC-4 §6.6.2) and the vital product data pages a CLI shows
// (SPC-4 §7.8: 00h supported pages, 80h unit serial number, 83h device identification).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/bytes.hpp"

namespace discrec::mmc {

// Peripheral device type 05h: CD/DVD device (SPC-4 §6.6.2, MMC-6 §4.1).
inline constexpr std::uint8_t k_device_type_mmc = 0x05;
// Vital product data pages (SPC-4 §7.8): the list of pages, the serial number, the device ids.
namespace vpd_page {
inline constexpr std::uint8_t supported_pages = 0x00;
inline constexpr std::uint8_t unit_serial_number = 0x80;
inline constexpr std::uint8_t device_identification = 0x83;
}  // namespace vpd_page

struct InquiryData {
    bool usable = false;                    // at least the 5-byte header arrived
    std::uint8_t peripheral_qualifier = 0;  // 0 = a device of this type is connected
    std::uint8_t device_type = 0;           // 05h for optical drives
    bool removable = false;                 // RMB
    std::uint8_t version = 0;               // claimed SPC version (05h SPC-3, 06h SPC-4)
    std::uint8_t response_data_format = 0;  // 2 for every modern device
    std::uint8_t additional_length = 0;
    bool truncated = false;  // additional length announces more than arrived
    std::string vendor;      // bytes 8-15, trimmed
    std::string product;     // bytes 16-31, trimmed
    std::string revision;    // bytes 32-35, trimmed
    std::vector<std::uint16_t> version_descriptors;  // bytes 58-73, non-zero ones only
    std::vector<std::string> warnings;
};

InquiryData decode_inquiry(ByteSpan data);

// The 4-byte VPD page header (SPC-4 §7.8.1) and the page body it announces, clipped to what
// arrived; every VPD decoder below starts with it.
struct VpdHeader {
    bool usable = false;
    std::uint8_t device_type = 0;
    std::uint8_t page_code = 0;
    std::uint16_t page_length = 0;
    bool truncated = false;  // the page length announces more than arrived
};

struct VpdSupportedPages {
    VpdHeader header;
    std::vector<std::uint8_t> pages;
    std::vector<std::string> warnings;
};

struct VpdSerial {
    VpdHeader header;
    std::string serial;  // trimmed ASCII
    std::vector<std::string> warnings;
};

// One designation descriptor of page 83h (SPC-4 §7.8.6.1).
struct Designator {
    std::uint8_t protocol_identifier = 0;  // meaningful only when piv is set
    std::uint8_t code_set = 0;             // 1 binary, 2 ASCII, 3 UTF-8
    bool piv = false;
    std::uint8_t association = 0;  // 0 logical unit, 1 target port, 2 target device
    std::uint8_t type = 0;         // 0 vendor specific, 1 T10 vendor ID, 3 NAA, 8 SCSI name ...
    Bytes identifier;              // the designator bytes as received
    std::string text;              // ASCII/UTF-8 code sets: trimmed text; binary: hex digits
    bool truncated = false;        // the designator length ran past the end of the page
};

struct VpdDeviceId {
    VpdHeader header;
    std::vector<Designator> designators;
    std::vector<std::string> warnings;
};

VpdSupportedPages decode_vpd_supported_pages(ByteSpan data);
VpdSerial decode_vpd_serial(ByteSpan data);
VpdDeviceId decode_vpd_device_id(ByteSpan data);

// Names for messages (SPC-4 §7.8.6.1); "" for values outside the tables.
std::string_view code_set_name(std::uint8_t code_set) noexcept;
std::string_view association_name(std::uint8_t association) noexcept;
std::string_view designator_type_name(std::uint8_t type) noexcept;
// "CD/DVD device" for 05h ... (SPC-4 §6.6.2); "" when not in the table.
std::string_view device_type_name(std::uint8_t type) noexcept;
// SPC-4 §6.4.2 peripheral device type 05h: a CD/DVD device, the one MMC commands address.
constexpr bool is_cd_dvd_device(std::uint8_t type) noexcept { return type == k_device_type_mmc; }

}  // namespace discrec::mmc
