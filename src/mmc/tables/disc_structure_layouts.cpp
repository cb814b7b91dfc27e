// Layouts of READ DISC STRUCTURE answers. Source: MMC-6 (T10/1836-D) §6.23.3: every answer
// starts with Disc Structure Data Length (bytes 0-1, the bytes after it) and two reserved
// bytes; the structures after that header:
// - DVD 00h Physical Format Information (MMC-6 §6.23.3.2.1, the DVD books' physical format
//   information byte for byte): book type/part version, disc size/maximum rate, layers/track
//   path/layer type, linear/track density, data area start, end, end in layer 0 (each a 24-bit
//   sector number after a reserved byte), BCA flag.
// - DVD 01h Copyright Information (§6.23.3.2.2): protection system type, Region Management
//   Information (a bit set: that region is NOT playable; bit 0 is region 1).
// - DVD 04h Disc Manufacturing Information (§6.23.3.2.5): 2048 bytes the manufacturer fills.
// - DVD 0Eh Pre-recorded Information (§6.23.3.2.13, DVD-R/-RW land pre-pits): five 8-byte
//   fields, each starting with its Field ID (1..5); fields 3, 4 and 5 carry the disc
//   manufacturer ID in 6-byte parts (dvd+rw-mediainfo prints parts 1 and 2 as "Media ID").
// - DVD 0Fh Unique Disc Identifier (§6.23.3.2.14): random number, date and time in ASCII.
// - DVD 11h ADIP Information (§6.23.3.2.16, DVD+R/+RW): the ADIP physical format bytes of the
//   DVD+R/+RW books; bytes 19-26 of them the disc manufacturer ID, 27-29 the media type ID, 30
//   the product revision (dvd+rw-mediainfo's "Media ID: %.8s/%.3s" reads the same places).
// - BD 00h Disc Information (§6.23.3.3.1): the DI unit of the BD books: "DI", disc type ID
//   ("BDO" BD-ROM, "BDW" BD-RE, "BDR" BD-R) at DI byte 8, disc size/class/version at 11,
//   number of layers/layer type at 12, disc manufacturer ID at 100-105, media type ID at
//   106-108, product revision at 111 (dvd+rw-mediainfo's "Media ID: %6.6s/%-3.3s" at DI+100,
//   DI+106).
// - FFh Disc Structure List (§6.23.3.1.x): 4-byte descriptors: format code, SDS (the format
//   may be sent) and RDS (it may be read) bits, structure length.
// - C0h Write Protection Status (any medium): MSWI, CWP, PWP, SWPP.
// Formats without a layout here are shown as the header and the data in hex.
#include "mmc/tables/disc_structure_layouts.hpp"

#include <string>

#include "mmc/tables/code_names.hpp"
#include "mmc/tables/field_rows.hpp"
#include "mmc/tables/rpc_layouts.hpp"

namespace discrec::mmc {
namespace {

using namespace rows;

constexpr Field k_length =
    number("disc_structure_data_length", "Disc Structure Data Length", 0, 16);

// DVD 00h byte 4 bits 7-4: the Book Type (MMC-6 Table 445; the DVD books' disc category).
constexpr std::array<CodeName, 11> k_book_types = {{
    {0x0, "DVD-ROM"},
    {0x1, "DVD-RAM"},
    {0x2, "DVD-R"},
    {0x3, "DVD-RW"},
    {0x4, "HD DVD-ROM"},
    {0x5, "HD DVD-RAM"},
    {0x6, "HD DVD-R"},
    {0x9, "DVD+RW"},
    {0xa, "DVD+R"},
    {0xd, "DVD+RW DL"},
    {0xe, "DVD+R DL"},
}};
constexpr std::array<CodeName, 2> k_disc_sizes = {{{0, "120 mm"}, {1, "80 mm"}}};
constexpr std::array<CodeName, 6> k_maximum_rates = {{
    {0x0, "2.52 Mbit/s"},
    {0x1, "5.04 Mbit/s"},
    {0x2, "10.08 Mbit/s"},
    {0x3, "20.16 Mbit/s"},
    {0x4, "30.24 Mbit/s"},
    {0xf, "not specified"},
}};
constexpr std::array<CodeName, 2> k_track_paths = {
    {{0, "parallel track path (PTP)"}, {1, "opposite track path (OTP)"}}};
// Byte 6 bits 3-0: a bit per kind of layer.
constexpr std::array<CodeName, 7> k_layer_types = {{
    {0x1, "embossed (read-only)"},
    {0x2, "recordable"},
    {0x4, "rewritable"},
    {0x3, "embossed and recordable"},
    {0x5, "embossed and rewritable"},
    {0x6, "recordable and rewritable"},
    {0x0, "none given"},
}};
constexpr std::array<CodeName, 6> k_linear_densities = {{
    {0x0, "0.267 um/bit"},
    {0x1, "0.293 um/bit"},
    {0x2, "0.409 to 0.435 um/bit"},
    {0x4, "0.280 to 0.291 um/bit"},
    {0x5, "0.153 um/bit"},
    {0x8, "0.353 um/bit"},
}};
constexpr std::array<CodeName, 5> k_track_densities = {{
    {0x0, "0.74 um/track"},
    {0x1, "0.80 um/track"},
    {0x2, "0.615 um/track"},
    {0x3, "0.40 um/track"},
    {0x4, "0.34 um/track"},
}};
constexpr std::array<CodeName, 3> k_protection_types = {{
    {0x00, "no copy protection"},
    {0x01, "CSS/CPPM"},
    {0x02, "CPRM"},
}};
constexpr std::array<CodeName, 3> k_bd_disc_sizes = {
    {{0, "120 mm"}, {1, "80 mm"}, {2, "reserved"}}};

// Format Codes (MMC-6 §6.23.3, Tables 440 and 461): DVD's names, BD's where they differ.
constexpr std::array<CodeName, 38> k_format_names = {{
    {0x00, "Physical Format Information (BD: Disc Information)"},
    {0x01, "Copyright Information"},
    {0x02, "Disc Key"},
    {0x03, "BCA"},
    {0x04, "Disc Manufacturing Information"},
    {0x05, "Copyright Management Information"},
    {0x06, "Media Identifier"},
    {0x07, "Media Key Block"},
    {0x08, "DVD-RAM DDS (BD: Disc Definition Structure)"},
    {0x09, "DVD-RAM Medium Status (BD: Cartridge Status)"},
    {0x0a, "DVD-RAM Spare Area Information (BD: Spare Area Information)"},
    {0x0b, "DVD-RAM Recording Type Information"},
    {0x0c, "RMD in the last Border-out"},
    {0x0d, "Recording Management Area Data"},
    {0x0e, "Pre-recorded Information"},
    {0x0f, "Unique Disc Identifier"},
    {0x10, "Physical Format Information of the Control Data Zone"},
    {0x11, "ADIP Information"},
    {0x12, "HD DVD Copyright Data (BD: Raw Defect List)"},
    {0x15, "HD DVD-R Medium Status"},
    {0x19, "HD DVD-R Last Recorded RMD in the latest RMZ"},
    {0x20, "DVD+R DL Layer Capacity"},
    {0x21, "DVD-R DL Middle Zone Start Address"},
    {0x22, "DVD-R DL Jump Interval Size"},
    {0x23, "DVD-R DL Start LBA of the Manual Layer Jump"},
    {0x24, "DVD-R DL Remapping Information of the Previous Layer Jump"},
    {0x30, "Disc Control Blocks (BD: Physical Access Control)"},
    {0x31, "Read MTA ECC Block"},
    {0x80, "AACS Volume Identifier"},
    {0x81, "AACS Pre-recorded Media Serial Number"},
    {0x82, "AACS Media Identifier"},
    {0x83, "AACS Media Key Block"},
    {0x84, "AACS Data Keys"},
    {0x85, "AACS LBA Extents"},
    {0x86, "AACS Media Key Block of CPRM"},
    {0x90, "List of Recognized Format Layers"},
    {0xc0, "Write Protection Status"},
    {0xff, "Disc Structure List"},
}};

std::string book_type_name(std::uint64_t v) { return std::string(name_of(k_book_types, v)); }
std::string disc_size_name(std::uint64_t v) { return std::string(name_of(k_disc_sizes, v)); }
std::string maximum_rate_name(std::uint64_t v) { return std::string(name_of(k_maximum_rates, v)); }
std::string track_path_name(std::uint64_t v) { return std::string(name_of(k_track_paths, v)); }
std::string layer_type_name(std::uint64_t v) { return std::string(name_of(k_layer_types, v)); }
std::string linear_density_name(std::uint64_t v) {
    return std::string(name_of(k_linear_densities, v));
}
std::string track_density_name(std::uint64_t v) {
    return std::string(name_of(k_track_densities, v));
}
std::string protection_type_name(std::uint64_t v) {
    return std::string(name_of(k_protection_types, v));
}
std::string bd_disc_size_name(std::uint64_t v) { return std::string(name_of(k_bd_disc_sizes, v)); }
// The layer count is stored minus one.
std::string layer_count_name(std::uint64_t v) {
    return v == 0 ? "1 layer" : std::to_string(v + 1) + " layers";
}

constexpr std::array k_physical_format_fields = {
    k_length,
    named("book_type", "Book Type", 4, 4, 4, book_type_name, 1),
    number("part_version", "Part Version", 4, 4),
    named("disc_size", "Disc Size", 5, 4, 4, disc_size_name, 1),
    named("maximum_rate", "Maximum Rate", 5, 0, 4, maximum_rate_name, 1),
    named("number_of_layers", "Number of Layers", 6, 5, 2, layer_count_name),
    named("track_path", "Track Path", 6, 4, 1, track_path_name),
    named("layer_type", "Layer Type", 6, 0, 4, layer_type_name, 1),
    named("linear_density", "Linear Density", 7, 4, 4, linear_density_name, 1),
    named("track_density", "Track Density", 7, 0, 4, track_density_name, 1),
    number("data_area_start", "Starting Physical Sector Number of Data Area", 9, 24),
    number("data_area_end", "End Physical Sector Number of Data Area", 13, 24),
    number("layer0_end", "End Sector Number in Layer 0", 17, 24),
    flag("bca", "BCA (burst cutting area present)", 20, 7),
};
constexpr Layout k_physical_format{"DVD Physical Format Information",
                                   "MMC-6 §6.23.3.2.1 (DVD format 00h)", k_physical_format_fields,
                                   0, 21};

constexpr std::array k_copyright_fields = {
    k_length,
    named("copyright_protection_type", "Copyright Protection System Type", 4, 0, 8,
          protection_type_name, 2),
    bitmap("region_mask", "Region Management Information", 5, 8),
    custom("playable_regions", "Playable Regions", 5, decode_playable_regions),
};
constexpr Layout k_copyright{"DVD Copyright Information", "MMC-6 §6.23.3.2.2 (DVD format 01h)",
                             k_copyright_fields, 0, 8};

constexpr std::array k_manufacturing_fields = {
    k_length,
    hex("manufacturing_information", "Disc Manufacturing Information", 4),
};
constexpr Layout k_manufacturing{"DVD Disc Manufacturing Information",
                                 "MMC-6 §6.23.3.2.5 (DVD format 04h)", k_manufacturing_fields, 0,
                                 0};

constexpr std::array k_pre_recorded_fields = {
    k_length,
    number("field_id_1", "Field ID 1", 4, 8),
    number("application_code", "Application Code", 5, 8),
    bitmap("disc_physical_code", "Disc Physical Code", 6, 8),
    number("last_recordable_address", "Last Address of Data Recordable Area", 7, 24),
    number("part_version", "Part Version", 10, 4, 4),
    number("field_id_2", "Field ID 2", 12, 8),
    number("opc_suggested_code", "OPC Suggested Code", 13, 8),
    number("wavelength_code", "Wavelength Code", 14, 8),
    hex("write_strategy_code", "Write Strategy Code", 15, 4),
    number("field_id_3", "Field ID 3", 20, 8),
    text("manufacturer_id_1", "Manufacturer ID (part 1)", 21, 6),
    number("field_id_4", "Field ID 4", 28, 8),
    text("manufacturer_id_2", "Manufacturer ID (part 2)", 29, 6),
    number("field_id_5", "Field ID 5", 36, 8),
    text("manufacturer_id_3", "Manufacturer ID (part 3)", 37, 6),
};
constexpr Layout k_pre_recorded{"DVD Pre-recorded Information",
                                "MMC-6 §6.23.3.2.13 (DVD format 0Eh)", k_pre_recorded_fields, 0,
                                44};

constexpr std::array k_unique_id_fields = {
    k_length,
    number("random_number", "Random Number", 6, 16),
    custom("date_time", "Date and Time", 8, decode_ascii_date),
};
constexpr Layout k_unique_id{"DVD Unique Disc Identifier", "MMC-6 §6.23.3.2.14 (DVD format 0Fh)",
                             k_unique_id_fields, 0, 22};

constexpr std::array k_adip_fields = {
    k_length,
    named("book_type", "Disc Category (Book Type)", 4, 4, 4, book_type_name, 1),
    number("part_version", "Version Number", 4, 4),
    named("disc_size", "Disc Size", 5, 4, 4, disc_size_name, 1),
    named("maximum_rate", "Maximum Rate", 5, 0, 4, maximum_rate_name, 1),
    text("manufacturer_id", "Disc Manufacturer ID", 23, 8),
    text("media_type_id", "Media Type ID", 31, 3),
    number("product_revision", "Product Revision Number", 34, 8),
};
constexpr Layout k_adip{"DVD+R/+RW ADIP Information", "MMC-6 §6.23.3.2.16 (DVD format 11h)",
                        k_adip_fields, 0, 35};

constexpr std::array k_bd_disc_information_fields = {
    k_length,
    text("di_identifier", "DI Identifier", 4, 2),
    number("di_format", "DI Format", 6, 8),
    text("disc_type_id", "Disc Type Identifier", 12, 3),
    named("disc_size", "Disc Size", 15, 6, 2, bd_disc_size_name),
    number("disc_class", "Disc Class", 15, 2, 4),
    number("disc_version", "Disc Version", 15, 4),
    number("number_of_layers", "Number of Layers", 16, 4, 4),
    bitmap("layer_type", "Layer Type", 16, 4),
    text("manufacturer_id", "Disc Manufacturer ID", 104, 6),
    text("media_type_id", "Media Type ID", 110, 3),
    number("product_revision", "Product Revision Number", 115, 8),
};
constexpr Layout k_bd_disc_information{"BD Disc Information",
                                       "MMC-6 §6.23.3.3.1 (BD format 00h, the DI unit)",
                                       k_bd_disc_information_fields, 0, 116};

constexpr std::array k_structure_list_item_fields = {
    code("format_code", "Format Code", 0, 8, disc_structure_format_name),
    flag("sds", "SDS (may be sent)", 1, 7),
    flag("rds", "RDS (may be read)", 1, 6),
    number("structure_length", "Structure Length", 2, 16, 0, "bytes"),
};
constexpr Layout k_structure_list_item{"Disc Structure List descriptor",
                                       "MMC-6 §6.23.3.1 (format FFh)", k_structure_list_item_fields,
                                       0, 4};
constexpr std::array k_structure_list_fields = {
    k_length,
    list("structures", "Structures", 4, k_structure_list_item),
};
constexpr Layout k_structure_list{"Disc Structure List", "MMC-6 §6.23.3.1 (format FFh)",
                                  k_structure_list_fields, 0, 0};

constexpr std::array k_write_protection_fields = {
    k_length,
    flag("mswi", "MSWI (media specific write inhibit)", 4, 3),
    flag("cwp", "CWP (cartridge write protect)", 4, 2),
    flag("pwp", "PWP (persistent write protect)", 4, 1),
    flag("swpp", "SWPP (software write protect until power down)", 4, 0),
};
constexpr Layout k_write_protection{"Write Protection Status", "MMC-6 §6.23.3 (format C0h)",
                                    k_write_protection_fields, 0, 8};

// A format without a layout: the header, then its bytes in hex.
constexpr std::array k_undecoded_fields = {
    k_length,
    hex("structure_data", "Structure Data", 4),
};
constexpr Layout k_undecoded{"Disc Structure", "MMC-6 §6.23.3 (not decoded: shown in hex)",
                             k_undecoded_fields, 0, 0};

struct StructureRow {
    std::uint8_t media_type;  // 0 DVD, 1 BD; 0xff: any
    std::uint8_t format;
    const Layout* layout;
};
constexpr std::uint8_t k_any_media = 0xff;
constexpr std::array k_structures = {
    StructureRow{0, 0x00, &k_physical_format},
    StructureRow{0, 0x01, &k_copyright},
    StructureRow{0, 0x04, &k_manufacturing},
    StructureRow{0, 0x0e, &k_pre_recorded},
    StructureRow{0, 0x0f, &k_unique_id},
    StructureRow{0, 0x11, &k_adip},
    StructureRow{1, 0x00, &k_bd_disc_information},
    StructureRow{k_any_media, 0xff, &k_structure_list},
    StructureRow{k_any_media, 0xc0, &k_write_protection},
};

}  // namespace

std::string disc_structure_format_name(std::uint64_t format) {
    return std::string(name_of(k_format_names, format));
}

const Layout& write_protection_status_layout() noexcept { return k_write_protection; }

const Layout* disc_structure_layout(std::uint8_t media_type, std::uint8_t format) noexcept {
    for (const auto& row : k_structures) {
        if (row.format == format && (row.media_type == k_any_media || row.media_type == media_type))
            return row.layout;
    }
    return nullptr;
}

const Layout& undecoded_disc_structure_layout() noexcept { return k_undecoded; }

std::array<const Layout*, k_disc_structure_layout_count> disc_structure_layouts() noexcept {
    return {&k_write_protection, &k_physical_format, &k_copyright, &k_manufacturing,
            &k_pre_recorded,     &k_unique_id,       &k_adip,      &k_bd_disc_information,
            &k_structure_list,   &k_undecoded};
}

}  // namespace discrec::mmc
