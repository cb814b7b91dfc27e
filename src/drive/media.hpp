// What `discrec media` reports about one drive: the medium in it (IDiscFormat2Data's
// CurrentPhysicalMediaType, CurrentMediaStatus, TotalSectorsOnMedia, FreeSectorsOnMedia,
// NextWritableAddress; IDiscRecorder2Ex GetDiscInformation / GetTrackInformation), from
// commands that only read: GESN and TEST UNIT READY first, and nothing more when there is no
// medium, so an open tray stays open and an idle drive is not asked to spin up.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drive/cd_detail.hpp"
#include "drive/drive.hpp"
#include "drive/recorder_info.hpp"
#include "mmc/capacity.hpp"
#include "mmc/fields.hpp"
#include "mmc/media.hpp"
#include "platform/platform.hpp"

namespace discrec::drive {

enum class TrackSource { none, track_information, toc };

struct MediaReport {
    platform::DriveLocation location;
    std::optional<MediaState> state;
    std::optional<std::uint16_t> current_profile;  // GET CONFIGURATION's header
    std::optional<mmc::Record> disc_info;          // READ DISC INFORMATION
    std::vector<mmc::Record> tracks;               // READ TRACK INFORMATION, one per track
    TrackSource track_source = TrackSource::none;
    std::optional<mmc::Record> toc;       // READ TOC format 0000b, LBA
    std::optional<mmc::Record> toc_msf;   // the same in MSF
    std::optional<mmc::Record> sessions;  // format 0001b
    std::optional<mmc::Capacity> capacity;
    // READ FORMAT CAPACITIES (MMC-6 §6.24); not asked of a read-only medium (nothing to format).
    std::optional<mmc::Record> format_capacities;
    mmc::WriteProtection write_protection;
    CdDetail cd;  // ATIP, PMA, Full TOC, CD-TEXT where they apply (drive/cd_detail.hpp)
    std::vector<std::string> notes;  // fallbacks taken, answers that were odd
    std::vector<Error> errors;       // questions that failed (the others still answered)
    std::optional<Error> fatal;      // could not be opened, timed out or vanished

    // GESN / TUR said there is no medium (tray open or closed and empty).
    [[nodiscard]] bool no_medium() const noexcept {
        return state && state->medium_present && !*state->medium_present;
    }
};

MediaReport gather_media(const platform::DriveLocation& location, const OpenOptions& options);

}  // namespace discrec::drive
