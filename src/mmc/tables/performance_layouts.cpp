// Layouts of GET PERFORMANCE's answers. Source: MMC-6 (T10/1836-D) §6.8.3: the performance
// header (bytes 0-7: Performance Data Length, the bytes after it; byte 4 Write and Except, as
// asked), Type 00h's nominal performance descriptors and Type 03h's write speed descriptors.
// Speeds are in kB/s (1000 bytes per second). Byte numbers count from the first byte of the
// response (descriptors: of the descriptor); reserved bits and bytes have no row.
#include "mmc/tables/performance_layouts.hpp"

#include <string>

#include "mmc/tables/code_names.hpp"
#include "mmc/tables/field_rows.hpp"

namespace discrec::mmc {
namespace {

using namespace rows;

// §6.8.3.5: WRC, Write Rotation Control of a write speed descriptor (byte 0 bits 4-3).
constexpr std::array<CodeName, 2> k_rotation_controls = {{
    {0, "default (CLV or as the drive chooses)"},
    {1, "CAV"},
}};
std::string rotation_control_name(std::uint64_t v) {
    return std::string(name_of(k_rotation_controls, v));
}

// §6.8.3.2: a nominal performance descriptor (Except = 00b).
constexpr std::array k_nominal_fields = {
    address("start_lba", "Start LBA", 0, Shape::lba),
    number("start_performance", "Start Performance", 4, 32, 0, "kB/s"),
    address("end_lba", "End LBA", 8, Shape::lba),
    number("end_performance", "End Performance", 12, 32, 0, "kB/s"),
};
constexpr Layout k_nominal_descriptor{"Performance descriptor (nominal)", "MMC-6 §6.8.3.2",
                                      k_nominal_fields, 0, 16};

constexpr std::array k_performance_fields = {
    number("performance_data_length", "Performance Data Length", 0, 32),
    flag("write", "Write", 4, 1),
    number("except", "Except", 4, 1),
    list("descriptors", "Performance Descriptors", 8, k_nominal_descriptor),
};
constexpr Layout k_performance{"Performance (nominal)", "MMC-6 §6.8.3.1, §6.8.3.2",
                               k_performance_fields, 0, 0};

// §6.8.3.5: a write speed descriptor.
constexpr std::array k_write_speed_fields = {
    named("wrc", "WRC (rotation control)", 0, 3, 2, rotation_control_name),
    flag("rdd", "RDD (restore drive defaults)", 0, 2),
    flag("exact", "Exact", 0, 1),
    flag("mrw", "MRW", 0, 0),
    address("end_lba", "End LBA", 4, Shape::lba),
    number("read_speed", "Read Speed", 8, 32, 0, "kB/s"),
    number("write_speed", "Write Speed", 12, 32, 0, "kB/s"),
};
constexpr Layout k_write_speed_descriptor{"Write speed descriptor", "MMC-6 §6.8.3.5",
                                          k_write_speed_fields, 0, 16};

constexpr std::array k_write_speeds_fields = {
    number("performance_data_length", "Performance Data Length", 0, 32),
    list("descriptors", "Write Speed Descriptors", 8, k_write_speed_descriptor),
};
constexpr Layout k_write_speeds{"Write speed descriptors", "MMC-6 §6.8.3.1, §6.8.3.5",
                                k_write_speeds_fields, 0, 0};

}  // namespace

const Layout& performance_layout() noexcept { return k_performance; }
const Layout& write_speed_layout() noexcept { return k_write_speeds; }

std::array<const Layout*, 4> performance_layouts() noexcept {
    return {&k_performance, &k_nominal_descriptor, &k_write_speeds, &k_write_speed_descriptor};
}

}  // namespace discrec::mmc
