#include "mmc/disc_id.hpp"

#include <fmt/format.h>

#include "mmc/media.hpp"
#include "mmc/tables/media_layouts.hpp"
#include "util/sha1.hpp"

namespace discrec::mmc {
namespace {

constexpr std::uint32_t k_pregap = 150;  // LBA 0 is 00:02:00 (MMC-6 §4.2.3.4)
constexpr std::uint32_t k_frames_per_second = 75;
constexpr std::size_t k_max_tracks = 99;
constexpr std::uint64_t k_control_data = 0x4;
// Blue Book (enhanced CD): the second session's lead-in and pre-gap stand between the last
// audio track and the data track: 6750 + 4500 + 150 frames, which MusicBrainz leaves out of
// the audio session's lead-out (libdiscid does the same).
constexpr std::uint32_t k_session_gap = 11400;

// RFC 4648 base64 with MusicBrainz's URL-safe letters: '.', '_' and '-' for padding.
std::string musicbrainz_base64(const Sha1Digest& d) {
    static constexpr char k_alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
    std::string out;
    for (std::size_t i = 0; i < d.size(); i += 3) {
        const std::uint32_t n = (std::uint32_t{d[i]} << 16U) |
                                (i + 1 < d.size() ? std::uint32_t{d[i + 1]} << 8U : 0U) |
                                (i + 2 < d.size() ? std::uint32_t{d[i + 2]} : 0U);
        out += k_alphabet[(n >> 18U) & 0x3fU];
        out += k_alphabet[(n >> 12U) & 0x3fU];
        out += i + 1 < d.size() ? k_alphabet[(n >> 6U) & 0x3fU] : '-';
        out += i + 2 < d.size() ? k_alphabet[n & 0x3fU] : '-';
    }
    return out;
}

unsigned digit_sum(std::uint32_t n) {
    unsigned sum = 0;
    for (; n > 0; n /= 10) sum += n % 10;
    return sum;
}

struct TocTrack {
    std::uint64_t number;
    std::uint32_t lba;
    bool audio;
};

}  // namespace

DiscIds disc_ids_from_offsets(std::uint8_t first, std::uint8_t last, std::uint32_t lead_out,
                              const std::vector<std::uint32_t>& offsets) {
    DiscIds ids;
    // MusicBrainz: first and last track (2 hex digits), then 100 offsets of 8 hex digits: the
    // lead-out's, then tracks 1-99 (0 where a track does not exist).
    std::string hex = fmt::format("{:02X}{:02X}{:08X}", first, last, lead_out);
    for (std::size_t t = 1; t <= k_max_tracks; ++t) {
        const bool present = t >= first && t - first < offsets.size();
        hex += fmt::format("{:08X}", present ? offsets[t - first] : 0U);
    }
    ids.musicbrainz = musicbrainz_base64(sha1(hex));
    ids.musicbrainz_toc = fmt::format("{} {} {}", first, last, lead_out);
    for (const auto o : offsets) ids.musicbrainz_toc += fmt::format(" {}", o);
    // freedb: (sum of the digit sums of each start in seconds) mod 255, the playing time in
    // seconds from the first track to the lead-out, the number of tracks.
    unsigned n = 0;
    for (const auto o : offsets) n += digit_sum(o / k_frames_per_second);
    const std::uint32_t seconds =
        offsets.empty() ? 0 : lead_out / k_frames_per_second - offsets[0] / k_frames_per_second;
    ids.freedb = ((n % 255U) << 24U) | ((seconds & 0xffffU) << 8U) |
                 static_cast<std::uint32_t>(offsets.size() & 0xffU);
    return ids;
}

std::optional<DiscIds> audio_disc_ids(const Record& toc) {
    const Value* list = toc.find("tracks");
    if (list == nullptr) return std::nullopt;
    std::vector<TocTrack> tracks;
    std::optional<std::uint32_t> lead_out;
    for (const auto& t : list->items) {
        const auto number = number_of(t, "track");
        const auto lba = address_of(t, "start");
        const auto control = number_of(t, "control");
        if (!number || !lba || !control || *lba < 0) return std::nullopt;
        if (*number == k_lead_out_track) {
            lead_out = static_cast<std::uint32_t>(*lba);
            continue;
        }
        if (*number < 1 || *number > k_max_tracks ||
            (!tracks.empty() && *number != tracks.back().number + 1))
            return std::nullopt;
        tracks.push_back(
            {*number, static_cast<std::uint32_t>(*lba), (*control & k_control_data) == 0});
    }
    if (!lead_out || tracks.empty()) return std::nullopt;
    bool any_audio = false;
    for (const auto& t : tracks) any_audio = any_audio || t.audio;
    if (!any_audio) return std::nullopt;
    // freedb counts every track and the disc's lead-out.
    std::vector<std::uint32_t> all;
    for (const auto& t : tracks) all.push_back(t.lba + k_pregap);
    const auto first = static_cast<std::uint8_t>(tracks.front().number);
    DiscIds ids = disc_ids_from_offsets(first, static_cast<std::uint8_t>(tracks.back().number),
                                        *lead_out + k_pregap, all);
    // MusicBrainz leaves out an enhanced CD's data track at the end (its own session).
    if (tracks.size() > 1 && !tracks.back().audio && tracks.back().lba > k_session_gap) {
        std::vector<std::uint32_t> audio(all.begin(), all.end() - 1);
        const DiscIds mb =
            disc_ids_from_offsets(first, static_cast<std::uint8_t>(tracks.back().number - 1),
                                  tracks.back().lba + k_pregap - k_session_gap, audio);
        ids.musicbrainz = mb.musicbrainz;
        ids.musicbrainz_toc = mb.musicbrainz_toc;
        ids.notes.push_back(fmt::format(
            "MusicBrainz disc ID: the data track {} after the audio is left out (enhanced CD)",
            tracks.back().number));
    }
    return ids;
}

}  // namespace discrec::mmc
