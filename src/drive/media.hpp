// What `discrec media` reports about one drive: the medium in it (IDiscFormat2Data's
// CurrentPhysicalMediaType, CurrentMediaStatus, TotalSectorsOnMedia, FreeSectorsOnMedia,
// NextWritableAddress; IDiscRecorder2Ex GetDiscInformation / GetTrackInformation), from
// commands that only read: GESN and TEST UNIT READY first, and nothing more when there is no
// medium, so an open tray stays open and an idle drive is not asked to spin up.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "drive/cd_detail.hpp"
#include "drive/drive.hpp"
#include "drive/recorder_info.hpp"
#include "drive/speeds.hpp"
#include "mmc/capacity.hpp"
#include "mmc/fields.hpp"
#include "mmc/media.hpp"
#include "mmc/volume.hpp"
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
    // READ DISC STRUCTURE format C0h (DVD/BD media with Write Protect current).
    std::optional<mmc::Record> write_protection_status;
    WriteSpeeds write_speeds;  // writable media only (drive/speeds.hpp)
    // DVD±R/RW and BD-R/RE: the structure with the media ID (mmc::media_id_structure) and the
    // ID read from it ("RICOHJPN/R01/0").
    std::optional<mmc::Record> media_id_structure;
    std::optional<std::string> media_id;
    CdDetail cd;  // ATIP, PMA, Full TOC, CD-TEXT where they apply (drive/cd_detail.hpp)
    // The first data track's file system and label (READ(10) of its volume descriptors).
    std::optional<mmc::VolumeLabel> volume;
    std::vector<std::string> notes;  // fallbacks taken, answers that were odd
    std::vector<Error> errors;       // questions that failed (the others still answered)
    std::optional<Error> fatal;      // could not be opened, timed out or vanished

    // GESN / TUR said there is no medium (tray open or closed and empty).
    [[nodiscard]] bool no_medium() const noexcept {
        return state && state->medium_present && !*state->medium_present;
    }
};

// IMAPI2's multisession view of the medium (IDiscFormat2Data TotalSectorsOnMedia,
// FreeSectorsOnMedia, NextWritableAddress, StartAddressOfPreviousSession,
// LastWrittenAddressOfPreviousSession), derived from the answers `media` already has: disc
// information, the last track's information (the incomplete or invisible track), READ
// CAPACITY and the TOC. Each value is empty where those answers do not say it (IMAPI2 returns
// -1 or fails there). README.md "discrec media" lists the rule for each.
struct MediaSpace {
    std::uint32_t block_length = 2048;                          // READ CAPACITY's, else 2048
    std::optional<std::uint64_t> total_sectors;                 // TotalSectorsOnMedia: used + free
    std::optional<std::uint64_t> used_sectors;                  // before the next writable address
    std::optional<std::uint64_t> free_sectors;                  // FreeSectorsOnMedia
    std::optional<std::int64_t> next_writable_address;          // NextWritableAddress
    std::optional<std::int64_t> previous_session_start;         // StartAddressOf...
    std::optional<std::int64_t> previous_session_last_written;  // LastWrittenAddressOf...

    [[nodiscard]] std::optional<std::uint64_t> bytes(
        const std::optional<std::uint64_t>& sectors) const noexcept {
        if (!sectors) return std::nullopt;
        return *sectors * block_length;
    }
};

MediaSpace media_space(const MediaReport& report);

// How long `media` asks again a drive that answers 2/04/01 (becoming ready: a disc just went
// in) before it reports it not ready; 0: not at all.
inline constexpr std::chrono::duration<double> k_default_ready_wait{5.0};

MediaReport gather_media(const platform::DriveLocation& location, const OpenOptions& options,
                         std::chrono::duration<double> ready_wait = k_default_ready_wait);

}  // namespace discrec::drive
