// The CD structures `discrec media` adds for the media they apply to (issue 15), each asked
// only where it can answer, so other media cost no extra command:
//   ATIP and PMA (READ TOC/PMA/ATIP formats 0100b, 0011b): a CD-R or CD-RW profile;
//   Full TOC (0010b): a CD whose TOC has audio tracks or several sessions;
//   CD-TEXT (0101b): a CD whose TOC has audio tracks;
//   READ SUB-CHANNEL 02h (Media Catalog Number), then 03h (ISRC) per audio track: a CD with
//   audio tracks; a drive that refuses the first is not asked the others (the same command);
//   the MusicBrainz and freedb disc IDs: computed from the TOC of a CD with audio tracks (no
//   command).
// A drive that refuses one (or answers another format's data) gives a one-line note.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "mmc/cd.hpp"
#include "mmc/disc_id.hpp"
#include "mmc/fields.hpp"

namespace discrec::drive {

class Drive;
struct MediaReport;

struct CdDetail {
    std::optional<mmc::Record> atip;
    std::optional<mmc::Record> full_toc;
    std::optional<mmc::Record> pma;
    std::optional<mmc::CdText> cd_text;
    std::optional<mmc::DiscIds> disc_ids;
    std::optional<mmc::Record> media_catalog_number;  // READ SUB-CHANNEL 02h (not `mcn`: media
                                                      // change notification is another thing)
    std::vector<mmc::Record> isrc;                    // READ SUB-CHANNEL 03h, per audio track
};

// Reads what applies to the medium of `r` (its profile and TOC are already there) into r.cd;
// refusals become notes, a drive gone or timed out an error.
void read_cd_detail(Drive& drive, MediaReport& r);

// The TOC's audio tracks (CONTROL bit 2 clear, MMC-6 §4.2.3), by number.
std::vector<std::uint8_t> toc_audio_tracks(const mmc::Record& toc);

}  // namespace discrec::drive
