// Profile table. Source: MMC-6 §5 (profile definitions); names as MMC-6 gives them. Rows
// 0020h-0022h (DDCD) come from MMC-3/MMC-4; 0000h is not a profile but the "no current
// profile" value of the Feature Header (MMC-6 §5.2). Cross-checked against sg3_utils
// sg_get_config.c (profile_desc_arr). Reads/writes: ROM profiles read; every recordable,
// rewritable and disk profile reads and writes; 0000h and FFFFh do neither.
#include "mmc/tables/profiles.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace discrec::mmc {
namespace {

using F = MediumFamily;

constexpr std::array k_profiles = {
    ProfileRow{0x0000, "none", "No current profile", F::none, false, false},
    ProfileRow{0x0001, "non-removable-disk", "Non-removable disk", F::disk, true, true},
    ProfileRow{0x0002, "removable-disk", "Removable disk", F::disk, true, true},
    ProfileRow{0x0003, "mo-erasable", "Magneto-Optical Erasable", F::magneto_optical, true, true},
    ProfileRow{0x0004, "mo-write-once", "Optical Write Once", F::magneto_optical, true, true},
    ProfileRow{0x0005, "as-mo", "AS-MO", F::magneto_optical, true, true},
    ProfileRow{0x0008, "cd-rom", "CD-ROM", F::cd, true, false},
    ProfileRow{0x0009, "cd-r", "CD-R", F::cd, true, true},
    ProfileRow{0x000a, "cd-rw", "CD-RW", F::cd, true, true},
    ProfileRow{0x0010, "dvd-rom", "DVD-ROM", F::dvd, true, false},
    ProfileRow{0x0011, "dvd-r", "DVD-R Sequential Recording", F::dvd, true, true},
    ProfileRow{0x0012, "dvd-ram", "DVD-RAM", F::dvd, true, true},
    ProfileRow{0x0013, "dvd-rw-ro", "DVD-RW Restricted Overwrite", F::dvd, true, true},
    ProfileRow{0x0014, "dvd-rw-seq", "DVD-RW Sequential Recording", F::dvd, true, true},
    ProfileRow{0x0015, "dvd-r-dl-seq", "DVD-R Dual Layer Sequential Recording", F::dvd, true, true},
    ProfileRow{0x0016, "dvd-r-dl-jump", "DVD-R Dual Layer Jump Recording", F::dvd, true, true},
    ProfileRow{0x0017, "dvd-rw-dl", "DVD-RW Dual Layer", F::dvd, true, true},
    ProfileRow{0x0018, "dvd-download", "DVD-Download Disc Recording", F::dvd, true, true},
    ProfileRow{0x001a, "dvd+rw", "DVD+RW", F::dvd, true, true},
    ProfileRow{0x001b, "dvd+r", "DVD+R", F::dvd, true, true},
    ProfileRow{0x0020, "ddcd-rom", "DDCD-ROM", F::ddcd, true, false},
    ProfileRow{0x0021, "ddcd-r", "DDCD-R", F::ddcd, true, true},
    ProfileRow{0x0022, "ddcd-rw", "DDCD-RW", F::ddcd, true, true},
    ProfileRow{0x002a, "dvd+rw-dl", "DVD+RW Dual Layer", F::dvd, true, true},
    ProfileRow{0x002b, "dvd+r-dl", "DVD+R Dual Layer", F::dvd, true, true},
    ProfileRow{0x0040, "bd-rom", "BD-ROM", F::bd, true, false},
    ProfileRow{0x0041, "bd-r-srm", "BD-R Sequential Recording Mode (SRM)", F::bd, true, true},
    ProfileRow{0x0042, "bd-r-rrm", "BD-R Random Recording Mode (RRM)", F::bd, true, true},
    ProfileRow{0x0043, "bd-re", "BD-RE", F::bd, true, true},
    ProfileRow{0x0050, "hd-dvd-rom", "HD DVD-ROM", F::hd_dvd, true, false},
    ProfileRow{0x0051, "hd-dvd-r", "HD DVD-R", F::hd_dvd, true, true},
    ProfileRow{0x0052, "hd-dvd-ram", "HD DVD-RAM", F::hd_dvd, true, true},
    ProfileRow{0x0053, "hd-dvd-rw", "HD DVD-RW", F::hd_dvd, true, true},
    ProfileRow{0x0058, "hd-dvd-r-dl", "HD DVD-R Dual Layer", F::hd_dvd, true, true},
    ProfileRow{0x005a, "hd-dvd-rw-dl", "HD DVD-RW Dual Layer", F::hd_dvd, true, true},
    ProfileRow{0xffff, "non-conforming", "Logical unit not conforming to a standard", F::other,
               false, false},
};

static_assert(std::is_sorted(k_profiles.begin(), k_profiles.end(),
                             [](const ProfileRow& a, const ProfileRow& b) {
                                 return a.code < b.code;
                             }));

struct FamilyName {
    MediumFamily family;
    std::string_view name;
};

constexpr std::array k_family_names = {
    FamilyName{F::none, "none"},
    FamilyName{F::disk, "disk"},
    FamilyName{F::magneto_optical, "mo"},
    FamilyName{F::cd, "cd"},
    FamilyName{F::ddcd, "ddcd"},
    FamilyName{F::dvd, "dvd"},
    FamilyName{F::bd, "bd"},
    FamilyName{F::hd_dvd, "hd-dvd"},
    FamilyName{F::other, "other"},
};

}  // namespace

std::span<const ProfileRow> profile_table() noexcept { return k_profiles; }

const ProfileRow* find_profile(std::uint16_t code) noexcept {
    const auto* it = std::find_if(k_profiles.begin(), k_profiles.end(),
                                  [code](const ProfileRow& r) { return r.code == code; });
    return it == k_profiles.end() ? nullptr : &*it;
}

const ProfileRow* find_profile(std::string_view short_name) noexcept {
    const auto* it =
        std::find_if(k_profiles.begin(), k_profiles.end(),
                     [short_name](const ProfileRow& r) { return r.short_name == short_name; });
    return it == k_profiles.end() ? nullptr : &*it;
}

std::string_view profile_access_words(const ProfileRow& row) noexcept {
    if (row.reads && row.writes) return "read, write";
    if (row.reads) return "read";
    return row.writes ? "write" : "-";
}

std::string_view medium_family_name(MediumFamily family) noexcept {
    for (const FamilyName& f : k_family_names) {
        if (f.family == family) return f.name;
    }
    return {};
}

std::string profile_name(std::uint64_t code) {
    const auto* row = code <= 0xffff ? find_profile(static_cast<std::uint16_t>(code)) : nullptr;
    return row != nullptr ? std::string(row->name) : fmt::format("Unknown profile {:04X}h", code);
}

}  // namespace discrec::mmc
