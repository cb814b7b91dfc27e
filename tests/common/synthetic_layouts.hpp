// Layouts written for the tests of the field engine (mmc/fields.hpp), one per shape the coming
// structures need, each modelled on the spec table it imitates. They are not the product's
// tables (those live in src/mmc/tables/): they prove that the engine decodes each shape, and the
// fuzz target fuzz_fields walks them over random bytes.
#pragma once

#include <array>
#include <string>

#include "mmc/fields.hpp"
#include "mmc/tables/field_rows.hpp"

namespace discrec::test {

using namespace mmc::rows;

// An enumeration with reserved and vendor ranges: 0-2 named, 3-EFh reserved, F0h-FFh vendor.
inline std::string status_name(std::uint64_t v) {
    static constexpr std::array k_names = {"Empty", "Incomplete", "Complete"};
    if (v < k_names.size()) return k_names[v];
    return v >= 0xf0 && v <= 0xff ? "Vendor specific" : "";
}

// Like MMC-6 §6.22.3 Table 305 (Standard Disc Information): a count split across bytes 4 and
// 9, fields valid only when DID_V / DBC_V are set, an MSF lead-in start and an LBA.
inline constexpr std::array k_disc_info_fields = {
    number("disc_information_length", "Disc Information Length", 0, 16),
    flag("erasable", "Erasable", 2, 4),
    named("disc_status", "Disc Status", 2, 0, 2, status_name),
    number("first_track", "Number of First Track on Disc", 3, 8),
    split_number("sessions", "Number of Sessions", 4, 8, 9, 8),
    flag("did_v", "DID_V", 7, 7),
    flag("dbc_v", "DBC_V", 7, 6),
    valid_if(number("disc_identification", "Disc Identification", 12, 32), "did_v"),
    address("last_session_lead_in", "Last Session Lead-in Start Address", 17, mmc::Shape::msf),
    address("last_possible_lead_out", "Last Possible Lead-out Start Address", 20, mmc::Shape::lba),
    valid_if(hex("disc_bar_code", "Disc Bar Code", 24, 8), "dbc_v"),
};
inline constexpr mmc::Layout k_disc_info{"Disc Information", "like MMC-6 §6.22.3 Table 305",
                                         k_disc_info_fields, 0, 32};

// Like MMC-6 §6.26.2.3 Table 483 (TOC track descriptor, format 0000b): ADR/CONTROL nibbles,
// track number, a signed start LBA; the descriptors run to the end of the data.
inline constexpr std::array k_track_fields = {
    number("adr", "ADR", 1, 4, 4),
    bitmap("control", "CONTROL", 1, 4),
    number("track", "Track Number", 2, 8),
    address("start", "Track Start Address", 4, mmc::Shape::lba),
};
inline constexpr mmc::Layout k_track{"Track descriptor", "like MMC-6 Table 483", k_track_fields, 0,
                                     8};
inline constexpr std::array k_toc_fields = {
    number("toc_data_length", "TOC Data Length", 0, 16),
    number("first_track", "First Track Number", 2, 8),
    number("last_track", "Last Track Number", 3, 8),
    list("tracks", "Track Descriptors", 4, k_track),
};
inline constexpr mmc::Layout k_toc{"TOC", "like MMC-6 §6.26.2.3", k_toc_fields, 0, 0};

// Like MMC-6 §6.24.3 Table 457 (READ FORMAT CAPACITIES): a list whose length is given in bytes.
inline constexpr std::array k_capacity_fields = {
    number("blocks", "Number of Blocks", 0, 32),
    code("format_type", "Format Type", 4, 6, status_name),
    number("type_dependent", "Type Dependent Parameter", 5, 24),
};
inline constexpr mmc::Layout k_capacity{"Capacity descriptor", "like MMC-6 Table 459",
                                        k_capacity_fields, 0, 8};
inline constexpr std::array k_capacities_fields = {
    list("capacities", "Capacity Descriptors", 4, k_capacity, 3, {}, true),
};
inline constexpr mmc::Layout k_capacities{"Format capacities", "like MMC-6 Table 457",
                                          k_capacities_fields, 0, 0};

// Like the CD-TEXT pack of MMC-6 Annex J (Red Book): 18 bytes, the last 2 a CRC-16; a BCD
// number (as Q sub-channel times are written); an ASCII text field padded with NULs.
inline constexpr std::array k_pack_fields = {
    code("pack_type", "Pack Type", 0, 8, status_name), bcd("track", "Track", 1),
    number("sequence", "Sequence Number", 2, 8),       text("text", "Text", 4, 12),
    custom("crc", "CRC", 16, mmc::decode_crc16_check),
};
inline constexpr mmc::Layout k_pack{"CD-TEXT pack", "like MMC-6 Annex J", k_pack_fields, 0, 18};
inline constexpr std::array k_packs_fields = {
    list("packs", "Packs", 1, k_pack, 0),
};
inline constexpr mmc::Layout k_packs{"CD-TEXT", "like MMC-6 §6.26.3.7", k_packs_fields, 0, 0};

inline constexpr std::array<const mmc::Layout*, 4> k_synthetic_layouts = {&k_disc_info, &k_toc,
                                                                          &k_capacities, &k_packs};

}  // namespace discrec::test
