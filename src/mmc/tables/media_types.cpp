// Profile -> IMAPI_MEDIA_PHYSICAL_TYPE. Source: imapi2.h (Windows SDK) for the enumeration's
// names and values, MMC-6 §5 for the profiles. Both DVD-RW profiles (restricted overwrite,
// sequential), both DVD-R DL profiles and both BD-R modes map to one IMAPI2 type each, as
// IMAPI2 has one; the removable disk and magneto-optical profiles are IMAPI2's "DISK"
// (randomly writable, hardware defect managed).
#include "mmc/tables/media_types.hpp"

#include <algorithm>
#include <array>

namespace discrec::mmc {
namespace {

using R = PhysicalMediaTypeRow;

constexpr R k_unknown{0x0000, 0, "IMAPI_MEDIA_TYPE_UNKNOWN", "Unknown"};

constexpr std::array k_types = {
    R{0x0002, 12, "IMAPI_MEDIA_TYPE_DISK", "Removable disk"},
    R{0x0003, 12, "IMAPI_MEDIA_TYPE_DISK", "Magneto-optical disk"},
    R{0x0008, 1, "IMAPI_MEDIA_TYPE_CDROM", "CD-ROM"},
    R{0x0009, 2, "IMAPI_MEDIA_TYPE_CDR", "CD-R"},
    R{0x000a, 3, "IMAPI_MEDIA_TYPE_CDRW", "CD-RW"},
    R{0x0010, 4, "IMAPI_MEDIA_TYPE_DVDROM", "DVD-ROM"},
    R{0x0011, 9, "IMAPI_MEDIA_TYPE_DVDDASHR", "DVD-R"},
    R{0x0012, 5, "IMAPI_MEDIA_TYPE_DVDRAM", "DVD-RAM"},
    R{0x0013, 10, "IMAPI_MEDIA_TYPE_DVDDASHRW", "DVD-RW"},
    R{0x0014, 10, "IMAPI_MEDIA_TYPE_DVDDASHRW", "DVD-RW"},
    R{0x0015, 11, "IMAPI_MEDIA_TYPE_DVDDASHR_DUALLAYER", "DVD-R DL"},
    R{0x0016, 11, "IMAPI_MEDIA_TYPE_DVDDASHR_DUALLAYER", "DVD-R DL"},
    R{0x001a, 7, "IMAPI_MEDIA_TYPE_DVDPLUSRW", "DVD+RW"},
    R{0x001b, 6, "IMAPI_MEDIA_TYPE_DVDPLUSR", "DVD+R"},
    R{0x002a, 13, "IMAPI_MEDIA_TYPE_DVDPLUSRW_DUALLAYER", "DVD+RW DL"},
    R{0x002b, 8, "IMAPI_MEDIA_TYPE_DVDPLUSR_DUALLAYER", "DVD+R DL"},
    R{0x0040, 17, "IMAPI_MEDIA_TYPE_BDROM", "BD-ROM"},
    R{0x0041, 18, "IMAPI_MEDIA_TYPE_BDR", "BD-R"},
    R{0x0042, 18, "IMAPI_MEDIA_TYPE_BDR", "BD-R"},
    R{0x0043, 19, "IMAPI_MEDIA_TYPE_BDRE", "BD-RE"},
    R{0x0050, 14, "IMAPI_MEDIA_TYPE_HDDVDROM", "HD DVD-ROM"},
    R{0x0051, 15, "IMAPI_MEDIA_TYPE_HDDVDR", "HD DVD-R"},
    R{0x0052, 16, "IMAPI_MEDIA_TYPE_HDDVDRAM", "HD DVD-RAM"},
};
static_assert(std::is_sorted(k_types.begin(), k_types.end(),
                             [](const R& a, const R& b) { return a.profile < b.profile; }));

}  // namespace

std::span<const PhysicalMediaTypeRow> physical_media_type_table() noexcept { return k_types; }

const PhysicalMediaTypeRow& physical_media_type(std::uint16_t profile) noexcept {
    const auto* it = std::find_if(k_types.begin(), k_types.end(),
                                  [profile](const R& r) { return r.profile == profile; });
    return it == k_types.end() ? k_unknown : *it;
}

}  // namespace discrec::mmc
