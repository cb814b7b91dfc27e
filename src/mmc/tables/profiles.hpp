// Profile numbers (MMC-6 §5, Profile List feature and profile definitions), one row
// per profile, plus the ones earlier revisions defined and MMC-6 no longer lists.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace discrec::mmc {

// What kind of medium a profile describes; lets a caller say "a DVD" without a profile list.
enum class MediumFamily {
    none,  // 0000h: no current profile (no medium)
    disk,  // removable / non-removable disk profiles (0001h, 0002h)
    magneto_optical,
    cd,
    ddcd,
    dvd,  // DVD-ROM, DVD-R/-RW/-RAM, DVD+R/+RW, single and dual layer
    bd,
    hd_dvd,
    other,  // FFFFh: not conforming to a standard profile
};

struct ProfileRow {
    std::uint16_t code;
    std::string_view short_name;  // CLI spelling: "dvd+rw-dl"
    std::string_view name;        // as in the standard: "DVD+RW Dual Layer"
    MediumFamily family;
    // What a drive that lists this profile does with such a medium (MMC-6 §5, profile definitions:
    // a profile is the set of features for reading, or reading and writing, one kind of medium).
    bool reads;
    bool writes;
};

std::span<const ProfileRow> profile_table() noexcept;
const ProfileRow* find_profile(std::uint16_t code) noexcept;
const ProfileRow* find_profile(std::string_view short_name) noexcept;
// "read", "read, write" or "-": the words `discrec profiles` shows for a row.
std::string_view profile_access_words(const ProfileRow& row) noexcept;
// "cd", "dvd", "bd" ... for JSON and messages.
std::string_view medium_family_name(MediumFamily family) noexcept;
// "DVD-ROM", or "Unknown profile 0123h" (a field namer: takes any number).
std::string profile_name(std::uint64_t code);

}  // namespace discrec::mmc
