// The IDs rippers look an audio CD up by, computed from its TOC (READ TOC format 0000b): the
// MusicBrainz disc ID (SHA-1 over the TOC written in hex, in MusicBrainz's base64 alphabet;
// https://musicbrainz.org/doc/Disc_ID_Calculation) and the freedb/CDDB disc ID (checksum of
// the track start seconds, playing time, track count). Pure: a TOC record in, IDs out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mmc/fields.hpp"

namespace discrec::mmc {

struct DiscIds {
    std::string musicbrainz;         // 28 characters
    std::string musicbrainz_toc;     // "1 6 95462 150 15363 ..." (first, last, lead-out, starts)
    std::uint32_t freedb = 0;        // shown as 8 hex digits
    std::vector<std::string> notes;  // an enhanced CD's data track left out ...
};

// From the track start offsets (LBA + 150) of tracks first..last, and the lead-out's.
DiscIds disc_ids_from_offsets(std::uint8_t first, std::uint8_t last, std::uint32_t lead_out,
                              const std::vector<std::uint32_t>& offsets);
// From a decoded TOC (format 0000b, LBA): nullopt when it has no audio track or is not
// usable (no lead-out, track numbers out of 1-99 or not in order).
std::optional<DiscIds> audio_disc_ids(const Record& toc);

}  // namespace discrec::mmc
