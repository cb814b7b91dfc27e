// Feature descriptor layouts, one row per feature. Source: MMC-6 (T10/1836-D) §5.3, the
// feature definitions, each cited by the title of its subclause ("MMC-6 §5.3 CD Read"). Byte
// numbers count from the first byte of the descriptor, as the MMC-6 tables do (bytes 0-3 are
// the feature header, §5.2.2). Features MMC-6 no longer defines come from MMC-3 (T10/1363-D
// r10g) §5.3 (DDCD, CD Audio External Play); BD CPS (0120h) is defined outside MMC-6 and its
// layout follows sg3_utils' sg_get_config. Cross-checked against sg_get_config.c
// (decode_feature) and the Windows ntddmmc.h FEATURE_DATA_* structures. Reserved bits and
// bytes have no row; the `length` is the Additional Length the full layout has (0: varies).
#include <algorithm>
#include <array>

#include "mmc/feature_fields.hpp"
#include "mmc/tables/field_rows.hpp"
#include "mmc/tables/mode_pages.hpp"
#include "mmc/tables/profiles.hpp"

namespace discrec::mmc {
namespace {

using namespace rows;

// MMC-6 §5.3 Core, Physical Interface Standard.
struct InterfaceName {
    std::uint32_t value;
    std::string_view name;
};
constexpr std::array k_interfaces = {
    InterfaceName{0, "Unspecified"},
    InterfaceName{1, "SCSI Family"},
    InterfaceName{2, "ATAPI"},
    InterfaceName{3, "IEEE 1394-1995"},
    InterfaceName{4, "IEEE 1394A"},
    InterfaceName{5, "Fibre Channel"},
    InterfaceName{6, "IEEE 1394B"},
    InterfaceName{7, "Serial ATAPI"},
    InterfaceName{8, "USB (1.1 and 2.0)"},
    InterfaceName{0xffff, "Vendor Unique"},
};
std::string interface_name(std::uint64_t value) {
    for (const auto& row : k_interfaces) {
        if (row.value == value) return std::string(row.name);
    }
    return {};
}

// The descriptors inside feature descriptors. MMC-6 §5.3.1 Profile List: 4-byte profile
// descriptors (profile number, CurrentP).
constexpr std::array k_profile_descriptor_fields = {code("", "Profile", 0, 16, profile_name),
                                                    flag("current", "current", 2, 0)};
constexpr Layout k_profile_descriptor{"Profile Descriptor", "MMC-6 §5.3.1",
                                      k_profile_descriptor_fields, 0, 4};
// MMC-6 §5.3 Incremental Streaming Writable / Layer Jump Recording: one byte per link size.
constexpr std::array k_link_size_fields = {number("", "Link Size", 0, 8)};
constexpr Layout k_link_size{"Link Size", "MMC-6 §5.3", k_link_size_fields, 0, 1};
// MMC-6 §5.3 DCBs: 4-byte Supported DCB entries.
constexpr std::array k_dcb_entry_fields = {bitmap("", "DCB entry", 0, 32)};
constexpr Layout k_dcb_entry{"DCB entry", "MMC-6 §5.3", k_dcb_entry_fields, 0, 4};
// MMC-6 §5.3 OSSC: 2-byte profile numbers.
constexpr std::array k_profile_number_fields = {code("", "Profile", 0, 16, profile_name)};
constexpr Layout k_profile_number{"Profile Number", "MMC-6 §5.3", k_profile_number_fields, 0, 2};

constexpr std::array<Field, 0> k_none{};

constexpr std::array k_0000 = {list("profiles", "Profile Descriptors", 4, k_profile_descriptor)};
constexpr std::array k_0001 = {
    named("physical_interface_standard", "Physical Interface Standard", 4, 0, 32, interface_name),
    flag("inq2", "INQ2", 8, 1),
    flag("dbe", "DBE", 8, 0),
};
constexpr std::array k_0002 = {flag("ocevent", "OCEvent", 4, 1), flag("async", "ASYNC", 4, 0)};
constexpr std::array k_0003 = {
    named("loading_mechanism_type", "Loading Mechanism Type", 4, 5, 3, loading_mechanism_name),
    flag("load", "Load", 4, 4),
    flag("eject", "Eject", 4, 3),
    flag("pvnt_jmpr", "Pvnt Jmpr", 4, 2),
    flag("dbml", "DBML", 4, 1),
    flag("lock", "Lock", 4, 0),
};
constexpr std::array k_0004 = {flag("dwp", "DWP", 4, 3), flag("wdcb", "WDCB", 4, 2),
                               flag("spwp", "SPWP", 4, 1), flag("sswpp", "SSWPP", 4, 0)};
// Random Readable and Write Once share this layout.
constexpr std::array k_0010 = {number("logical_block_size", "Logical Block Size", 4, 32),
                               number("blocking", "Blocking", 8, 16), flag("pp", "PP", 10, 0)};
constexpr std::array k_001e = {flag("dap", "DAP", 4, 7), flag("c2_flags", "C2 Flags", 4, 1),
                               flag("cd_text", "CD-Text", 4, 0)};
constexpr std::array k_001f = {flag("multi110", "MULTI110", 4, 0), flag("dual_rw", "Dual-RW", 6, 1),
                               flag("dual_r", "Dual-R", 6, 0)};
constexpr std::array k_0020 = {
    number("last_lba", "Last LBA", 4, 32),
    number("logical_block_size", "Logical Block Size", 8, 32),
    number("blocking", "Blocking", 12, 16),
    flag("pp", "PP", 14, 0),
};
constexpr std::array k_0021 = {
    bitmap("data_block_types_supported", "Data Block Types Supported", 4, 16),
    flag("trio", "TRIO", 6, 2),
    flag("arsv", "ARSV", 6, 1),
    flag("buf", "BUF", 6, 0),
    list("link_sizes", "Link Sizes", 8, k_link_size, 7),
};
constexpr std::array k_0023 = {
    flag("renosa", "RENoSA", 4, 3), flag("expand", "Expand", 4, 2), flag("qcert", "QCert", 4, 1),
    flag("cert", "Cert", 4, 0),     flag("frf", "FRF", 5, 7),       flag("rrm", "RRM", 8, 0),
};
constexpr std::array k_0024 = {flag("ssa", "SSA", 4, 7)};
constexpr std::array k_0028 = {flag("dvd_plus_write", "DVD+Write", 4, 2),
                               flag("dvd_plus_read", "DVD+Read", 4, 1),
                               flag("write", "Write", 4, 0)};
constexpr std::array k_0029 = {
    flag("drt_dm", "DRT-DM", 4, 0),
    number("dbi_cache_zones", "Number of DBI cache zones", 5, 8),
    number("number_of_entries", "Number of entries", 6, 16),
};
constexpr std::array k_002a = {flag("write", "Write", 4, 0),
                               flag("quick_start", "Quick Start", 5, 1),
                               flag("close_only", "Close Only", 5, 0)};
constexpr std::array k_002b = {flag("write", "Write", 4, 0)};
constexpr std::array k_002c = {flag("dsdg", "DSDG", 4, 3), flag("dsdr", "DSDR", 4, 2),
                               flag("intermediate", "Intermediate", 4, 1),
                               flag("blank", "Blank", 4, 0)};
constexpr std::array k_002d = {
    flag("buf", "BUF", 4, 6),
    flag("rw_raw", "R-W Raw", 4, 4),
    flag("rw_pack", "R-W Pack", 4, 3),
    flag("test_write", "Test Write", 4, 2),
    flag("cd_rw", "CD-RW", 4, 1),
    flag("rw_subcode", "R-W Subcode", 4, 0),
    bitmap("data_type_supported", "Data Type Supported", 6, 16),
};
constexpr std::array k_002e = {
    flag("buf", "BUF", 4, 6),
    flag("sao", "SAO", 4, 5),
    flag("raw_ms", "Raw MS", 4, 4),
    flag("raw", "Raw", 4, 3),
    flag("test_write", "Test Write", 4, 2),
    flag("cd_rw", "CD-RW", 4, 1),
    flag("rw", "R-W", 4, 0),
    number("maximum_cue_sheet_length", "Maximum Cue Sheet Length", 5, 24),
};
constexpr std::array k_002f = {flag("buf", "BUF", 4, 6), flag("rdl", "RDL", 4, 3),
                               flag("test_write", "Test Write", 4, 2),
                               flag("dvd_rw_sl", "DVD-RW SL", 4, 1)};
constexpr std::array k_0031 = {flag("test_write", "Test Write", 4, 2)};
constexpr std::array k_0032 = {flag("intermediate", "Intermediate", 4, 1),
                               flag("blank", "Blank", 4, 0)};
constexpr std::array k_0033 = {list("link_sizes", "Link Sizes", 8, k_link_size, 7)};
constexpr std::array k_0034 = {flag("cljb", "CLJB", 4, 0),
                               number("buffer_block_size", "Buffer Block Size", 7, 8)};
constexpr std::array k_0037 = {
    bitmap("cd_rw_media_subtype_support", "CD-RW Media Sub-type Support", 5, 8)};
constexpr std::array k_003a = {flag("write", "Write", 4, 0),
                               flag("quick_start", "Quick Start", 5, 1),
                               flag("close_only", "Close Only", 5, 0)};
// BD Read / BD Write: one 16-bit bitmap per BD class, bit n = version n of that class.
constexpr std::array k_0040 = {
    bitmap("bd_re_class0", "BD-RE Read Support, Class 0", 8, 16),
    bitmap("bd_re_class1", "BD-RE Read Support, Class 1", 10, 16),
    bitmap("bd_re_class2", "BD-RE Read Support, Class 2", 12, 16),
    bitmap("bd_re_class3", "BD-RE Read Support, Class 3", 14, 16),
    bitmap("bd_r_class0", "BD-R Read Support, Class 0", 16, 16),
    bitmap("bd_r_class1", "BD-R Read Support, Class 1", 18, 16),
    bitmap("bd_r_class2", "BD-R Read Support, Class 2", 20, 16),
    bitmap("bd_r_class3", "BD-R Read Support, Class 3", 22, 16),
    bitmap("bd_rom_class0", "BD-ROM Read Support, Class 0", 24, 16),
    bitmap("bd_rom_class1", "BD-ROM Read Support, Class 1", 26, 16),
    bitmap("bd_rom_class2", "BD-ROM Read Support, Class 2", 28, 16),
    bitmap("bd_rom_class3", "BD-ROM Read Support, Class 3", 30, 16),
};
constexpr std::array k_0041 = {
    flag("svnr", "SVNR", 4, 0),
    bitmap("bd_re_class0", "BD-RE Write Support, Class 0", 8, 16),
    bitmap("bd_re_class1", "BD-RE Write Support, Class 1", 10, 16),
    bitmap("bd_re_class2", "BD-RE Write Support, Class 2", 12, 16),
    bitmap("bd_re_class3", "BD-RE Write Support, Class 3", 14, 16),
    bitmap("bd_r_class0", "BD-R Write Support, Class 0", 16, 16),
    bitmap("bd_r_class1", "BD-R Write Support, Class 1", 18, 16),
    bitmap("bd_r_class2", "BD-R Write Support, Class 2", 20, 16),
    bitmap("bd_r_class3", "BD-R Write Support, Class 3", 22, 16),
};
// HD DVD Read and HD DVD Write share this layout.
constexpr std::array k_0050 = {flag("hd_dvd_r", "HD DVD-R", 4, 0),
                               flag("hd_dvd_ram", "HD DVD-RAM", 6, 0)};
constexpr std::array k_0052 = {flag("bgp", "BGP", 4, 0)};
constexpr std::array k_0080 = {flag("ri", "RI", 4, 0)};
constexpr std::array k_0101 = {flag("pp", "PP", 4, 0)};
constexpr std::array k_0102 = {flag("scc", "SCC", 4, 4), flag("sdp", "SDP", 4, 2),
                               number("highest_slot_number", "Highest Slot Number", 7, 5)};
constexpr std::array k_0103 = {flag("scan", "Scan", 4, 2), flag("scm", "SCM", 4, 1),
                               flag("sv", "SV", 4, 0),
                               number("number_of_volume_levels", "Number of Volume Levels", 6, 16)};
constexpr std::array k_0104 = {flag("m5", "M5", 4, 0)};
constexpr std::array k_0105 = {flag("group3", "Group3", 4, 0),
                               number("unit_length", "Unit Length", 6, 16)};
constexpr std::array k_0106 = {number("css_version", "CSS version", 7, 8)};
constexpr std::array k_0107 = {flag("rbcb", "RBCB", 4, 4), flag("scs", "SCS", 4, 3),
                               flag("mp2a", "MP2A", 4, 2), flag("wspd", "WSPD", 4, 1),
                               flag("sw", "SW", 4, 0)};
constexpr std::array k_0108 = {text("serial_number", "Serial Number", 4)};
constexpr std::array k_010a = {list("dcb_entries", "Supported DCB entries", 4, k_dcb_entry)};
constexpr std::array k_010b = {number("cprm_version", "CPRM version", 7, 8)};
constexpr std::array k_010c = {custom("date", "Firmware date (UTC)", 4, decode_ascii_date)};
constexpr std::array k_010d = {
    flag("rdc", "RDC", 4, 4),
    flag("rmc", "RMC", 4, 3),
    flag("wbe", "WBE", 4, 2),
    flag("bec", "BEC", 4, 1),
    flag("bng", "BNG", 4, 0),
    number("block_count_for_binding_nonce", "Block Count for Binding Nonce", 5, 8),
    number("number_of_agids", "Number of AGIDs", 6, 4),
    number("aacs_version", "AACS Version", 7, 8),
};
constexpr std::array k_010e = {number("maximum_scrambled_extent_entries",
                                      "Maximum number of Scrambled Extent Information entries", 4,
                                      8)};
constexpr std::array k_0120 = {number("bd_cps_major_version", "BD CPS Major Version", 5, 4, 4),
                               number("bd_cps_minor_version", "BD CPS Minor Version", 5, 4),
                               number("max_open_sacs", "Maximum open SACs", 6, 2)};
constexpr std::array k_0142 = {flag("psau", "PSAU", 4, 7), flag("lospb", "LOSPB", 4, 6),
                               flag("me", "ME", 4, 0),
                               list("profiles", "Profile Numbers", 6, k_profile_number, 5)};

// MMC-6 §5.2.2: a feature descriptor's fields count from its header; the data handed to the
// walk starts after the 4 header bytes.
constexpr FeatureLayout feature(std::uint16_t code, std::uint8_t length,
                                std::span<const Field> fields, std::string_view source) {
    return FeatureLayout{code, length, Layout{{}, source, fields, 4, 0}};
}

constexpr std::string_view k_mmc6 = "MMC-6 §5.3";
constexpr std::string_view k_mmc3 = "MMC-3 §5.3 (not in MMC-6)";

constexpr std::array k_layouts = {
    feature(0x0000, 0, k_0000, k_mmc6),
    feature(0x0001, 8, k_0001, k_mmc6),
    feature(0x0002, 4, k_0002, k_mmc6),
    feature(0x0003, 4, k_0003, k_mmc6),
    feature(0x0004, 4, k_0004, k_mmc6),
    feature(0x0010, 8, k_0010, k_mmc6),
    feature(0x001d, 0, k_none, k_mmc6),
    feature(0x001e, 4, k_001e, k_mmc6),
    feature(0x001f, 4, k_001f, k_mmc6),
    feature(0x0020, 12, k_0020, k_mmc6),
    feature(0x0021, 0, k_0021, k_mmc6),
    feature(0x0022, 0, k_none, k_mmc6),
    feature(0x0023, 8, k_0023, k_mmc6),
    feature(0x0024, 4, k_0024, k_mmc6),
    feature(0x0025, 8, k_0010, k_mmc6),
    feature(0x0026, 0, k_none, k_mmc6),
    feature(0x0027, 4, k_none, k_mmc6),
    feature(0x0028, 4, k_0028, k_mmc6),
    feature(0x0029, 4, k_0029, k_mmc6),
    feature(0x002a, 4, k_002a, k_mmc6),
    feature(0x002b, 4, k_002b, k_mmc6),
    feature(0x002c, 4, k_002c, k_mmc6),
    feature(0x002d, 4, k_002d, k_mmc6),
    feature(0x002e, 4, k_002e, k_mmc6),
    feature(0x002f, 4, k_002f, k_mmc6),
    feature(0x0030, 0, k_none, k_mmc3),
    feature(0x0031, 4, k_0031, k_mmc3),
    feature(0x0032, 4, k_0032, k_mmc3),
    feature(0x0033, 0, k_0033, k_mmc6),
    feature(0x0034, 4, k_0034, k_mmc6),
    feature(0x0035, 0, k_none, k_mmc6),
    feature(0x0037, 4, k_0037, k_mmc6),
    feature(0x0038, 4, k_none, k_mmc6),
    feature(0x003a, 4, k_003a, k_mmc6),
    feature(0x003b, 4, k_002b, k_mmc6),
    feature(0x0040, 28, k_0040, k_mmc6),
    feature(0x0041, 20, k_0041, k_mmc6),
    feature(0x0042, 0, k_none, k_mmc6),
    feature(0x0050, 4, k_0050, k_mmc6),
    feature(0x0051, 4, k_0050, k_mmc6),
    feature(0x0052, 4, k_0052, k_mmc6),
    feature(0x0080, 4, k_0080, k_mmc6),
    feature(0x0100, 0, k_none, k_mmc6),
    feature(0x0101, 4, k_0101, k_mmc6),
    feature(0x0102, 4, k_0102, k_mmc6),
    feature(0x0103, 4, k_0103, k_mmc3),
    feature(0x0104, 4, k_0104, k_mmc6),
    feature(0x0105, 4, k_0105, k_mmc6),
    feature(0x0106, 4, k_0106, k_mmc6),
    feature(0x0107, 4, k_0107, k_mmc6),
    feature(0x0108, 0, k_0108, k_mmc6),
    feature(0x0109, 0, k_none, k_mmc6),
    feature(0x010a, 0, k_010a, k_mmc6),
    feature(0x010b, 4, k_010b, k_mmc6),
    feature(0x010c, 16, k_010c, k_mmc6),
    feature(0x010d, 4, k_010d, k_mmc6),
    feature(0x010e, 4, k_010e, k_mmc6),
    feature(0x0110, 4, k_none, k_mmc6),
    feature(0x0113, 0, k_none, k_mmc6),
    feature(0x0120, 4, k_0120, "sg3_utils sg_get_config.c (not in MMC-6)"),
    feature(0x0142, 0, k_0142, k_mmc6),
};

static_assert(std::is_sorted(k_layouts.begin(), k_layouts.end(),
                             [](const FeatureLayout& a, const FeatureLayout& b) {
                                 return a.code < b.code;
                             }));

}  // namespace

std::span<const FeatureLayout> feature_layout_table() noexcept { return k_layouts; }

const FeatureLayout* find_feature_layout(std::uint16_t code) noexcept {
    const auto* it =
        std::lower_bound(k_layouts.begin(), k_layouts.end(), code,
                         [](const FeatureLayout& row, std::uint16_t c) { return row.code < c; });
    return it != k_layouts.end() && it->code == code ? &*it : nullptr;
}

}  // namespace discrec::mmc
