// Names of INQUIRY (SPC-4 §6.6.2) and Device Identification VPD page (SPC-4 §7.8.6) codes,
// declared in mmc/inquiry.hpp.
#include <array>

#include "mmc/inquiry.hpp"
#include "mmc/tables/code_names.hpp"

namespace discrec::mmc {
namespace {

// SPC-4 §6.6.2, peripheral device type.
constexpr std::array k_device_types = {
    CodeName{0x00, "Direct access block device"},
    CodeName{0x01, "Sequential-access device"},
    CodeName{0x02, "Printer device"},
    CodeName{0x03, "Processor device"},
    CodeName{0x04, "Write-once device"},
    CodeName{0x05, "CD/DVD device"},
    CodeName{0x07, "Optical memory device"},
    CodeName{0x08, "Media changer device"},
    CodeName{0x0c, "Storage array controller device"},
    CodeName{0x0d, "Enclosure services device"},
    CodeName{0x0e, "Simplified direct-access device"},
    CodeName{0x0f, "Optical card reader/writer device"},
    CodeName{0x10, "Bridge controller commands"},
    CodeName{0x11, "Object-based storage device"},
    CodeName{0x12, "Automation/drive interface"},
    CodeName{0x1e, "Well known logical unit"},
    CodeName{0x1f, "Unknown or no device type"},
};

// SPC-4 §7.8.6.1: code set, association and designator type of a designation descriptor.
constexpr std::array k_code_sets = {
    CodeName{0x1, "Binary"},
    CodeName{0x2, "ASCII"},
    CodeName{0x3, "UTF-8"},
};
constexpr std::array k_associations = {
    CodeName{0x0, "Logical unit"},
    CodeName{0x1, "Target port"},
    CodeName{0x2, "Target device"},
};
constexpr std::array k_designators = {
    CodeName{0x0, "Vendor specific"},
    CodeName{0x1, "T10 vendor ID based"},
    CodeName{0x2, "EUI-64 based"},
    CodeName{0x3, "NAA"},
    CodeName{0x4, "Relative target port identifier"},
    CodeName{0x5, "Target port group"},
    CodeName{0x6, "Logical unit group"},
    CodeName{0x7, "MD5 logical unit identifier"},
    CodeName{0x8, "SCSI name string"},
    CodeName{0x9, "Protocol specific port identifier"},
    CodeName{0xa, "UUID identifier"},
};

}  // namespace

std::string_view code_set_name(std::uint8_t v) noexcept { return name_of(k_code_sets, v); }

std::string_view association_name(std::uint8_t v) noexcept { return name_of(k_associations, v); }

std::string_view designator_type_name(std::uint8_t v) noexcept { return name_of(k_designators, v); }

std::string_view device_type_name(std::uint8_t v) noexcept { return name_of(k_device_types, v); }

}  // namespace discrec::mmc
