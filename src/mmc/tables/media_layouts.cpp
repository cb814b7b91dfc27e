// Layouts of READ DISC INFORMATION, READ TRACK INFORMATION and READ TOC/PMA/ATIP formats
// 0000b and 0001b. Source: MMC-6 (T10/1836-D): §6.22.3.1, Table 399 (Standard Disc
// Information) and the tables after it (disc status, state of last session, BG format status,
// disc type); §6.27.3 (Track Information); §4.2.3 (the CONTROL and ADR nibbles of the Q
// sub-channel); §6.26.3.2 (TOC, format 0000b) and §6.26.3.3 (Session Information, 0001b).
// Byte numbers count from the first byte of the response, as the MMC-6 tables do; reserved
// bits and bytes have no row.
#include "mmc/tables/media_layouts.hpp"

#include <string>

#include "mmc/tables/code_names.hpp"
#include "mmc/tables/field_rows.hpp"

namespace discrec::mmc {
namespace {

using namespace rows;

// Table 399, byte 2 bits 7-5.
constexpr std::array<CodeName, 3> k_data_types = {{
    {0, "Standard Disc Information"},
    {1, "Track Resources Information"},
    {2, "POW Resources Information"},
}};
// Disc Status (byte 2 bits 1-0).
constexpr std::array<CodeName, 4> k_disc_status = {{
    {0, "Empty"},
    {1, "Incomplete"},
    {2, "Complete"},
    {3, "Others"},
}};
// State of Last Session (byte 2 bits 3-2).
constexpr std::array<CodeName, 4> k_session_state = {{
    {0, "Empty"},
    {1, "Incomplete"},
    {2, "Reserved/Damaged"},
    {3, "Complete"},
}};
// BG Format Status (byte 7 bits 1-0) (background formatting of CD-RW, DVD+RW, BD-RE).
constexpr std::array<CodeName, 4> k_bg_format = {{
    {0, "None"},
    {1, "Started, not running, not complete"},
    {2, "In progress"},
    {3, "Complete"},
}};
// Disc Type (byte 8; CD only; from the Disc Type of the CD's lead-in).
constexpr std::array<CodeName, 4> k_disc_types = {{
    {0x00, "CD-DA or CD-ROM"},
    {0x10, "CD-I"},
    {0x20, "CD-ROM XA"},
    {0xff, "Undefined"},
}};
// §6.27.3, Data Mode of a track.
constexpr std::array<CodeName, 3> k_data_modes = {{
    {0x1, "Mode 1"},
    {0x2, "Mode 2"},
    {0xf, "Unknown (no track descriptor block)"},
}};
// §4.2.3 / §6.26.3.2: ADR, what the Q sub-channel of the track's entry encodes.
constexpr std::array<CodeName, 4> k_adr = {{
    {0, "No Q mode information"},
    {1, "Current position (Q mode 1)"},
    {2, "Media Catalog Number (Q mode 2)"},
    {3, "ISRC (Q mode 3)"},
}};

// MMC-6 §6.24.3.2: Descriptor Type of the Current/Maximum Capacity Descriptor (byte 4 bits
// 1-0): what its Number of Blocks is.
constexpr std::array<CodeName, 3> k_capacity_descriptor_types = {{
    {1, "Unformatted or Blank Media (maximum formattable capacity)"},
    {2, "Formatted Media (current capacity)"},
    {3, "No Media Present (maximum capacity of a medium the drive can write)"},
}};
// MMC-6 §6.5.4.2 (FORMAT UNIT's Format Types, as §6.24.3.3's Formattable Capacity
// Descriptors name them): byte 4 bits 7-2.
constexpr std::array<CodeName, 15> k_format_types = {{
    {0x00, "Full Format"},
    {0x01, "Spare Area Expansion"},
    {0x04, "Zone Reformat"},
    {0x05, "Zone Format"},
    {0x10, "CD-RW/DVD-RW Full Format"},
    {0x11, "CD-RW/DVD-RW Grow Session"},
    {0x12, "CD-RW/DVD-RW Add Session"},
    {0x13, "DVD-RW Quick Grow Last Session"},
    {0x14, "DVD-RW Quick Add Session"},
    {0x15, "DVD-RW Quick"},
    {0x24, "MRW Full Format"},
    {0x26, "DVD+RW Basic Format"},
    {0x30, "BD-RE Full Format with Spare Areas"},
    {0x31, "BD-RE Full Format without Spare Areas"},
    {0x32, "BD-R Full Format with Spare Areas"},
}};

std::string name_in(std::span<const CodeName> rows, std::uint64_t v) {
    return std::string(name_of(rows, v));
}
std::string data_type_name(std::uint64_t v) { return name_in(k_data_types, v); }
std::string disc_status_name(std::uint64_t v) { return name_in(k_disc_status, v); }
std::string session_state_name(std::uint64_t v) { return name_in(k_session_state, v); }
std::string bg_format_name(std::uint64_t v) { return name_in(k_bg_format, v); }
std::string disc_type_name(std::uint64_t v) { return name_in(k_disc_types, v); }
std::string data_mode_name(std::uint64_t v) { return name_in(k_data_modes, v); }
std::string adr_name(std::uint64_t v) { return name_in(k_adr, v); }
std::string capacity_descriptor_type_name(std::uint64_t v) {
    return name_in(k_capacity_descriptor_types, v);
}
std::string format_type_name(std::uint64_t v) { return name_in(k_format_types, v); }

// The CONTROL nibble (MMC-6 §4.2.3, §6.26.3.2; Track Mode in Track Information): bit 2 data,
// bit 1 digital copy permitted; audio: bit 3 four channel, bit 0 pre-emphasis; data: bit 0
// recorded incrementally, bit 3 reserved.
std::string control_name(std::uint64_t v) {
    const bool data = (v & 0x4U) != 0;
    if (data && (v & 0x8U) != 0) return {};
    std::string out;
    if (data) {
        out = (v & 0x1U) != 0 ? "data, recorded incrementally" : "data, recorded uninterrupted";
    } else {
        out = (v & 0x8U) != 0 ? "4-channel audio" : "2-channel audio";
        out += (v & 0x1U) != 0 ? " with pre-emphasis" : " without pre-emphasis";
    }
    out += (v & 0x2U) != 0 ? ", copy permitted" : ", copy prohibited";
    return out;
}

// A list whose count is a 16-bit length in bytes at byte 0 (the TOC Data Length: the 2 bytes
// of first/last number plus 8 per descriptor, so length / 8 is the descriptor count).
constexpr Field length_counted_list(std::string_view key, std::string_view label,
                                    std::uint16_t byte, const Layout& item) {
    Field f = list(key, label, byte, item, 0, {}, true);
    f.count_width = 16;
    return f;
}

// `fields` with its last row replaced: the MSF form of a layout whose LBA form ends in the
// address (READ TOC with the MSF bit set changes only that field).
template <std::size_t N>
constexpr std::array<Field, N> with_last(std::array<Field, N> fields, Field last) {
    fields[N - 1] = last;
    return fields;
}

// ------------------------------------------------------------------ READ DISC INFORMATION

constexpr std::array k_opc_entry_fields = {number("speed", "Speed", 0, 16, 0, "kB/s"),
                                           hex("opc_values", "OPC Values", 2, 6)};
constexpr Layout k_opc_entry{"OPC Table Entry", "MMC-6 §6.22.3.1.1", k_opc_entry_fields, 0, 8};

constexpr std::array k_disc_info_fields = {
    number("disc_information_length", "Disc Information Length", 0, 16),
    named("disc_information_data_type", "Disc Information Data Type", 2, 5, 3, data_type_name),
    flag("erasable", "Erasable", 2, 4),
    named("last_session_state", "State of Last Session", 2, 2, 2, session_state_name),
    named("disc_status", "Disc Status", 2, 0, 2, disc_status_name),
    number("first_track", "Number of First Track on Disc", 3, 8),
    split_number("sessions", "Number of Sessions", 4, 8, 9, 8),
    split_number("first_track_in_last_session", "First Track Number in Last Session", 5, 8, 10, 8),
    split_number("last_track_in_last_session", "Last Track Number in Last Session", 6, 8, 11, 8),
    flag("did_v", "DID_V", 7, 7),
    flag("dbc_v", "DBC_V", 7, 6),
    flag("uru", "URU", 7, 5),
    flag("dac_v", "DAC_V", 7, 4),
    flag("legacy", "Legacy", 7, 2),
    named("bg_format_status", "BG Format Status", 7, 0, 2, bg_format_name),
    code("disc_type", "Disc Type", 8, 8, disc_type_name),
    valid_if(number("disc_identification", "Disc Identification", 12, 32), "did_v"),
    valid_if(hex("disc_bar_code", "Disc Bar Code", 24, 8), "dbc_v"),
    valid_if(number("disc_application_code", "Disc Application Code", 32, 8), "dac_v"),
    number("opc_tables", "Number of OPC Tables", 33, 8),
    list("opc_table", "OPC Table Entries", 34, k_opc_entry, 33),
};
constexpr Layout k_disc_info{"Disc Information", "MMC-6 §6.22.3.1, Table 399", k_disc_info_fields,
                             0, 0};

// On CD both addresses are MSF in bytes 17-19 and 21-23 (MMC-6 §6.22.3.1.1).
constexpr std::array k_cd_address_fields = {
    address("last_session_lead_in", "Last Session Lead-in Start Address", 17, Shape::msf),
    address("last_possible_lead_out", "Last Possible Lead-out Start Address", 21, Shape::msf),
};
constexpr Layout k_cd_addresses{"Disc Information", "MMC-6 §6.22.3.1, Table 399",
                                k_cd_address_fields, 0, 0};
constexpr std::array k_lba_address_fields = {
    address("last_session_lead_in", "Last Session Lead-in Start Address", 16, Shape::lba),
    address("last_possible_lead_out", "Last Possible Lead-out Start Address", 20, Shape::lba),
};
constexpr Layout k_lba_addresses{"Disc Information", "MMC-6 §6.22.3.1, Table 399",
                                 k_lba_address_fields, 0, 0};

// ------------------------------------------------------------------ READ TRACK INFORMATION

constexpr std::array k_track_info_fields = {
    number("data_length", "Data Length", 0, 16),
    split_number("track", "Track Number", 2, 8, 32, 8),
    split_number("session", "Session Number", 3, 8, 33, 8),
    flag("damage", "Damage", 5, 5),
    flag("copy", "Copy", 5, 4),
    named("track_mode", "Track Mode", 5, 0, 4, control_name),
    flag("rt", "RT", 6, 7),
    flag("blank", "Blank", 6, 6),
    flag("packet", "Packet/Inc", 6, 5),
    flag("fp", "FP", 6, 4),
    named("data_mode", "Data Mode", 6, 0, 4, data_mode_name),
    flag("lra_v", "LRA_V", 7, 1),
    flag("nwa_v", "NWA_V", 7, 0),
    address("track_start", "Logical Track Start Address", 8, Shape::lba),
    valid_if(address("next_writable_address", "Next Writable Address", 12, Shape::lba), "nwa_v"),
    number("free_blocks", "Free Blocks", 16, 32, 0, "blocks"),
    number("fixed_packet_size", "Fixed Packet Size/Blocking Factor", 20, 32, 0, "blocks"),
    number("track_size", "Logical Track Size", 24, 32, 0, "blocks"),
    valid_if(address("last_recorded_address", "Last Recorded Address", 28, Shape::lba), "lra_v"),
    address("read_compatibility_lba", "Read Compatibility LBA", 36, Shape::lba),
};
constexpr Layout k_track_info{"Track Information", "MMC-6 §6.27.3", k_track_info_fields, 0, 48};

// ------------------------------------------------------------------ READ TOC/PMA/ATIP

constexpr std::array k_toc_lba_descriptor_fields = {
    named("adr", "ADR", 1, 4, 4, adr_name),
    named("control", "CONTROL", 1, 0, 4, control_name),
    number("track", "Track Number", 2, 8),
    address("start", "Track Start Address", 4, Shape::lba),
};
constexpr auto k_toc_msf_descriptor_fields =
    with_last(k_toc_lba_descriptor_fields, address("start", "Track Start Address", 5, Shape::msf));
constexpr Layout k_toc_lba_descriptor{"TOC Track Descriptor", "MMC-6 §6.26.3.2",
                                      k_toc_lba_descriptor_fields, 0, 8};
constexpr Layout k_toc_msf_descriptor{"TOC Track Descriptor", "MMC-6 §6.26.3.2",
                                      k_toc_msf_descriptor_fields, 0, 8};
constexpr std::array k_toc_lba_fields = {
    number("toc_data_length", "TOC Data Length", 0, 16),
    number("first_track", "First Track Number", 2, 8),
    number("last_track", "Last Track Number", 3, 8),
    length_counted_list("tracks", "Track Descriptors", 4, k_toc_lba_descriptor),
};
constexpr auto k_toc_msf_fields = with_last(
    k_toc_lba_fields, length_counted_list("tracks", "Track Descriptors", 4, k_toc_msf_descriptor));
constexpr Layout k_toc_lba{"TOC", "MMC-6 §6.26.3.2", k_toc_lba_fields, 0, 0};
constexpr Layout k_toc_msf{"TOC", "MMC-6 §6.26.3.2", k_toc_msf_fields, 0, 0};

constexpr std::array k_session_lba_fields = {
    number("toc_data_length", "TOC Data Length", 0, 16),
    number("first_session", "First Complete Session Number", 2, 8),
    number("last_session", "Last Complete Session Number", 3, 8),
    named("adr", "ADR", 5, 4, 4, adr_name),
    named("control", "CONTROL", 5, 0, 4, control_name),
    number("first_track_in_last_session", "First Track Number in Last Complete Session", 6, 8),
    address("start", "Start Address of First Track in Last Session", 8, Shape::lba),
};
constexpr auto k_session_msf_fields =
    with_last(k_session_lba_fields,
              address("start", "Start Address of First Track in Last Session", 9, Shape::msf));
constexpr Layout k_session_lba{"Session Information", "MMC-6 §6.26.3.3", k_session_lba_fields, 0,
                               12};
constexpr Layout k_session_msf{"Session Information", "MMC-6 §6.26.3.3", k_session_msf_fields, 0,
                               12};

// ------------------------------------------------------------------ READ FORMAT CAPACITIES

// MMC-6 §6.24.3.3: Formattable Capacity Descriptor, 8 bytes. The Type Dependent Parameter is
// the block length, a sparing size or a packet size as the format type says (§6.5.4.2).
constexpr std::array k_formattable_fields = {
    number("blocks", "Number of Blocks", 0, 32, 0, "blocks"),
    named("format_type", "Format Type", 4, 2, 6, format_type_name, 2),
    number("type_dependent_parameter", "Type Dependent Parameter", 5, 24),
};
constexpr Layout k_formattable{"Formattable Capacity Descriptor", "MMC-6 §6.24.3.3",
                               k_formattable_fields, 0, 8};
// MMC-6 §6.24.3: the Capacity List Header (byte 3: Capacity List Length, the bytes of
// descriptors after it), the Current/Maximum Capacity Descriptor (bytes 4-11, §6.24.3.2), then
// the Formattable Capacity Descriptors to the end of the list (decode_format_capacities cuts
// the answer to the list length first).
constexpr std::array k_format_capacities_fields = {
    number("capacity_list_length", "Capacity List Length", 3, 8),
    number("blocks", "Number of Blocks", 4, 32, 0, "blocks"),
    named("descriptor_type", "Descriptor Type", 8, 0, 2, capacity_descriptor_type_name),
    number("block_length", "Block Length", 9, 24, 0, "bytes"),
    list("formattable", "Formattable Capacity Descriptors", 12, k_formattable),
};
constexpr Layout k_format_capacities{"Format Capacities", "MMC-6 §6.24.3",
                                     k_format_capacities_fields, 0, 0};

}  // namespace

const Layout& format_capacities_layout() noexcept { return k_format_capacities; }
const Layout& disc_information_layout() noexcept { return k_disc_info; }
const Layout& disc_addresses_layout(bool cd) noexcept {
    return cd ? k_cd_addresses : k_lba_addresses;
}
const Layout& track_information_layout() noexcept { return k_track_info; }
const Layout& toc_layout(bool msf) noexcept { return msf ? k_toc_msf : k_toc_lba; }
const Layout& session_info_layout(bool msf) noexcept { return msf ? k_session_msf : k_session_lba; }

std::array<const Layout*, 9> media_layouts() noexcept {
    return {&k_disc_info, &k_cd_addresses, &k_lba_addresses, &k_track_info,       &k_toc_lba,
            &k_toc_msf,   &k_session_lba,  &k_session_msf,   &k_format_capacities};
}

}  // namespace discrec::mmc

namespace discrec::mmc {

std::string toc_adr_name(std::uint64_t v) { return adr_name(v); }
std::string toc_control_name(std::uint64_t v) { return control_name(v); }

}  // namespace discrec::mmc
