#include "drive/structure.hpp"

#include <fmt/format.h>

#include "mmc/cdb.hpp"
#include "mmc/disc_structure.hpp"
#include "mmc/tables/profiles.hpp"

namespace discrec::drive {
namespace {

// The bytes offered: a DVD structure is at most 4 + 2048 bytes (00h, 04h: MMC-6 §6.23.3.2);
// BD's Disc Information may hold several DI units, 4 + 4096 leaves room for them. QEMU's
// ATAPI drives answer 4 + 2048 (captures/piix-dvd/42-read-dvd-struct-0.txt).
constexpr std::uint16_t k_dvd_allocation = 4 + 2048;
constexpr std::uint16_t k_bd_allocation = 4 + 4096;

}  // namespace

Result<StructureReport> read_structure(const platform::DriveLocation& location,
                                       const OpenOptions& options,
                                       const StructureRequest& request) {
    StructureReport r;
    r.location = location;
    r.request = request;
    auto opened = open_drive(location, options);
    if (!opened) return opened.error();
    std::optional<std::uint8_t> media_type = request.media_type;
    if (!media_type) {
        auto config = opened->configuration(mmc::ConfigurationRt::one, 0);
        if (!config) return config.error();
        std::string medium;
        if (config->usable && config->current_profile != 0) {
            r.current_profile = config->current_profile;
            const auto* row = mmc::find_profile(config->current_profile);
            if (row != nullptr) {
                media_type = mmc::disc_structure_media_type(row->family);
                medium = std::string(row->name);
            } else {
                medium = fmt::format("profile {:04X}h", config->current_profile);
            }
        }
        if (!r.current_profile) {
            // No current profile: no medium (MMC-6 §5.3.1), the same exit as a refusal 2/3A.
            return make_error(ErrorKind::no_medium,
                              fmt::format("{}: no medium (no current profile): no disc structure "
                                          "to read",
                                          opened->runner().drive_name()));
        }
        if (!media_type) {
            return make_error(
                ErrorKind::not_supported,
                fmt::format("{}: {} has no disc structures (DVD, HD DVD and BD have); give "
                            "--media-type dvd or bd to ask anyway",
                            opened->runner().drive_name(), medium));
        }
    }
    r.media_type = *media_type;
    const std::uint16_t allocation =
        r.media_type == mmc::disc_structure::media_bd ? k_bd_allocation : k_dvd_allocation;
    auto out =
        opened->runner().run(mmc::read_disc_structure(r.media_type, request.address, request.layer,
                                                      request.format, 0, allocation),
                             Direction::from_device, allocation);
    if (!out.ok()) return out.error;
    r.decoded = mmc::disc_structure_decoded(r.media_type, request.format);
    r.structure = mmc::decode_disc_structure(r.media_type, request.format, out.data);
    return r;
}

}  // namespace discrec::drive
