// Feature table. Source: MMC-6 §5 feature definitions, names as MMC-6 spells them. Rows
// 0030h-0032h (DDCD) and 0103h (CD Audio External Play) are from MMC-3/MMC-4; 0120h (BD CPS)
// is listed by sg3_utils (sg_get_config.c feature_desc_arr), which this table was
// cross-checked against.
#include "mmc/tables/features.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace discrec::mmc {
namespace {

constexpr std::array k_features = {
    FeatureRow{0x0000, "profile-list", "Profile List"},
    FeatureRow{0x0001, "core", "Core"},
    FeatureRow{0x0002, "morphing", "Morphing"},
    FeatureRow{0x0003, "removable-medium", "Removable Medium"},
    FeatureRow{0x0004, "write-protect", "Write Protect"},
    FeatureRow{0x0010, "random-readable", "Random Readable"},
    FeatureRow{0x001d, "multi-read", "Multi-Read"},
    FeatureRow{0x001e, "cd-read", "CD Read"},
    FeatureRow{0x001f, "dvd-read", "DVD Read"},
    FeatureRow{0x0020, "random-writable", "Random Writable"},
    FeatureRow{0x0021, "incremental-streaming-writable", "Incremental Streaming Writable"},
    FeatureRow{0x0022, "sector-erasable", "Sector Erasable"},
    FeatureRow{0x0023, "formattable", "Formattable"},
    FeatureRow{0x0024, "hardware-defect-management", "Hardware Defect Management"},
    FeatureRow{0x0025, "write-once", "Write Once"},
    FeatureRow{0x0026, "restricted-overwrite", "Restricted Overwrite"},
    FeatureRow{0x0027, "cd-rw-cav-write", "CD-RW CAV Write"},
    FeatureRow{0x0028, "mrw", "MRW"},
    FeatureRow{0x0029, "enhanced-defect-reporting", "Enhanced Defect Reporting"},
    FeatureRow{0x002a, "dvd+rw", "DVD+RW"},
    FeatureRow{0x002b, "dvd+r", "DVD+R"},
    FeatureRow{0x002c, "rigid-restricted-overwrite", "Rigid Restricted Overwrite"},
    FeatureRow{0x002d, "cd-tao", "CD Track at Once"},
    FeatureRow{0x002e, "cd-mastering", "CD Mastering"},
    FeatureRow{0x002f, "dvd-r-rw-write", "DVD-R/-RW Write"},
    FeatureRow{0x0030, "ddcd-read", "DDCD Read"},
    FeatureRow{0x0031, "ddcd-r-write", "DDCD-R Write"},
    FeatureRow{0x0032, "ddcd-rw-write", "DDCD-RW Write"},
    FeatureRow{0x0033, "layer-jump-recording", "Layer Jump Recording"},
    FeatureRow{0x0034, "lj-rigid-restricted-overwrite", "LJ Rigid Restricted Overwrite"},
    FeatureRow{0x0035, "stop-long-operation", "Stop Long Operation"},
    FeatureRow{0x0037, "cd-rw-media-write-support", "CD-RW Media Write Support"},
    FeatureRow{0x0038, "bd-r-pow", "BD-R POW"},
    FeatureRow{0x003a, "dvd+rw-dl", "DVD+RW Dual Layer"},
    FeatureRow{0x003b, "dvd+r-dl", "DVD+R Dual Layer"},
    FeatureRow{0x0040, "bd-read", "BD Read"},
    FeatureRow{0x0041, "bd-write", "BD Write"},
    FeatureRow{0x0042, "tsr", "TSR"},
    FeatureRow{0x0050, "hd-dvd-read", "HD DVD Read"},
    FeatureRow{0x0051, "hd-dvd-write", "HD DVD Write"},
    FeatureRow{0x0052, "hd-dvd-rw-fragment-recording", "HD DVD-RW Fragment Recording"},
    FeatureRow{0x0080, "hybrid-disc", "Hybrid Disc"},
    FeatureRow{0x0100, "power-management", "Power Management"},
    FeatureRow{0x0101, "smart", "SMART"},
    FeatureRow{0x0102, "embedded-changer", "Embedded Changer"},
    FeatureRow{0x0103, "cd-audio-external-play", "CD Audio External Play"},
    FeatureRow{0x0104, "microcode-upgrade", "Microcode Upgrade"},
    FeatureRow{0x0105, "timeout", "Time-Out"},
    FeatureRow{0x0106, "dvd-css", "DVD CSS"},
    FeatureRow{0x0107, "real-time-streaming", "Real Time Streaming"},
    FeatureRow{0x0108, "drive-serial-number", "Drive Serial Number"},
    FeatureRow{0x0109, "media-serial-number", "Media Serial Number"},
    FeatureRow{0x010a, "dcbs", "Disc Control Blocks"},
    FeatureRow{0x010b, "dvd-cprm", "DVD CPRM"},
    FeatureRow{0x010c, "firmware-information", "Firmware Information"},
    FeatureRow{0x010d, "aacs", "AACS"},
    FeatureRow{0x010e, "dvd-css-managed-recording", "DVD CSS Managed Recording"},
    FeatureRow{0x0110, "vcps", "VCPS"},
    FeatureRow{0x0113, "securdisc", "SecurDisc"},
    FeatureRow{0x0120, "bd-cps", "BD CPS"},
    FeatureRow{0x0142, "ossc", "OSSC"},
};

static_assert(std::is_sorted(k_features.begin(), k_features.end(),
                             [](const FeatureRow& a, const FeatureRow& b) {
                                 return a.code < b.code;
                             }));

}  // namespace

std::span<const FeatureRow> feature_table() noexcept { return k_features; }

const FeatureRow* find_feature(std::uint16_t code) noexcept {
    const auto* it = std::find_if(k_features.begin(), k_features.end(),
                                  [code](const FeatureRow& r) { return r.code == code; });
    return it == k_features.end() ? nullptr : &*it;
}

const FeatureRow* find_feature(std::string_view short_name) noexcept {
    const auto* it =
        std::find_if(k_features.begin(), k_features.end(),
                     [short_name](const FeatureRow& r) { return r.short_name == short_name; });
    return it == k_features.end() ? nullptr : &*it;
}

std::string feature_name(std::uint16_t code) {
    if (const auto* row = find_feature(code)) return std::string(row->name);
    return is_vendor_feature(code) ? "Vendor specific"
                                   : fmt::format("Unknown feature {:04X}h", code);
}

}  // namespace discrec::mmc
