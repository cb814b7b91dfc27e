#include "drive/cd_detail.hpp"

#include <fmt/format.h>

#include "drive/media.hpp"
#include "mmc/cdb.hpp"
#include "mmc/tables/cd_layouts.hpp"
#include "mmc/tables/media_layouts.hpp"

namespace discrec::drive {
namespace {

// Profiles 0009h CD-R and 000Ah CD-RW (MMC-6 §5.3.1): media with an ATIP and a PMA.
constexpr std::uint16_t k_profile_cd_r = 0x0009;
constexpr std::uint16_t k_profile_cd_rw = 0x000a;
constexpr std::uint8_t k_format_full_toc = 2;
constexpr std::uint8_t k_format_pma = 3;
constexpr std::uint8_t k_format_atip = 4;
constexpr std::uint8_t k_format_cd_text = 5;
constexpr std::uint16_t k_atip_alloc = 4 + 28;  // MMC-6 §6.26.3.6: header + descriptor
// Full TOC and PMA: 11 bytes per descriptor; 99 tracks and the A0/A1/A2/B0/C0 points of a
// few sessions fit in 200.
constexpr std::uint16_t k_q_alloc = 4 + 11 * 200;
// CD-TEXT: up to 8 blocks of up to 256 packs of 18 bytes; 2048 packs is more than any disc
// carries in practice (a full single-language album: a few hundred).
constexpr std::uint16_t k_cd_text_alloc = 4 + 18 * 2048;
constexpr std::uint16_t k_sub_channel_alloc = 24;  // MMC-6 §6.32.3.3/4: header + 20 bytes
constexpr std::uint64_t k_control_data = 0x4;

// One command's bytes, or nullopt with a note (refused) or an error (the drive is gone or
// timed out).
std::optional<Bytes> ask(Drive& drive, MediaReport& r, const Cdb& cdb, std::uint16_t alloc,
                         std::string_view what) {
    auto out = drive.runner().run(cdb, Direction::from_device, alloc);
    if (out.ok()) return std::move(out.data);
    if (out.error.kind == ErrorKind::timeout || out.error.kind == ErrorKind::no_such_drive) {
        r.errors.push_back(out.error);
    } else {
        r.notes.push_back(fmt::format("{}: not offered ({})", what, out.error.message));
    }
    return std::nullopt;
}

// One READ TOC/PMA/ATIP format.
std::optional<Bytes> ask_format(Drive& drive, MediaReport& r, std::uint8_t format,
                                std::uint16_t alloc, std::string_view what) {
    return ask(drive, r, mmc::read_toc(format, false, 0, alloc), alloc, what);
}

bool stop(const MediaReport& r) {
    return !r.errors.empty() && (r.errors.back().kind == ErrorKind::timeout ||
                                 r.errors.back().kind == ErrorKind::no_such_drive);
}

bool several_sessions(const MediaReport& r) {
    return r.sessions && mmc::number_of(*r.sessions, "last_session").value_or(1) > 1;
}

// The Media Catalog Number, then each audio track's ISRC (MMC-6 §6.32): one command each.
void read_sub_channel_codes(Drive& drive, MediaReport& r, const std::vector<std::uint8_t>& audio) {
    auto mcn = ask(drive, r,
                   mmc::read_sub_channel(mmc::sub_channel_format::media_catalog_number, 0,
                                         k_sub_channel_alloc),
                   k_sub_channel_alloc, "media catalog number");
    if (!mcn) return;  // refused (or gone): ISRC is the same command
    r.cd.media_catalog_number = mmc::decode_sub_channel(*mcn);
    for (const std::uint8_t track : audio) {
        auto isrc =
            ask(drive, r,
                mmc::read_sub_channel(mmc::sub_channel_format::isrc, track, k_sub_channel_alloc),
                k_sub_channel_alloc, fmt::format("ISRC of track {}", track));
        if (!isrc) return;
        r.cd.isrc.push_back(mmc::decode_sub_channel(*isrc));
    }
}

}  // namespace

std::vector<std::uint8_t> toc_audio_tracks(const mmc::Record& toc) {
    std::vector<std::uint8_t> out;
    const mmc::Value* list = toc.find("tracks");
    if (list == nullptr) return out;
    for (const auto& t : list->items) {
        const auto number = mmc::number_of(t, "track");
        const auto control = mmc::number_of(t, "control");
        if (!number || *number == mmc::k_lead_out_track || !control) continue;
        if ((*control & k_control_data) == 0) out.push_back(static_cast<std::uint8_t>(*number));
    }
    return out;
}

void read_cd_detail(Drive& drive, MediaReport& r) {
    const bool recordable = r.current_profile && (*r.current_profile == k_profile_cd_r ||
                                                  *r.current_profile == k_profile_cd_rw);
    const auto audio_tracks = r.toc ? toc_audio_tracks(*r.toc) : std::vector<std::uint8_t>{};
    const bool audio = !audio_tracks.empty();
    if (audio) r.cd.disc_ids = mmc::audio_disc_ids(*r.toc);
    if (recordable) {
        if (auto b = ask_format(drive, r, k_format_atip, k_atip_alloc, "ATIP"))
            r.cd.atip = mmc::decode_atip(*b);
        if (stop(r)) return;
        if (auto b = ask_format(drive, r, k_format_pma, k_q_alloc, "PMA"))
            r.cd.pma = mmc::decode_pma(*b);
        if (stop(r)) return;
    }
    if (audio || several_sessions(r)) {
        // MSF=1, from session 1: with MSF=0 QEMU writes an LBA into PMIN/PSEC/PFRAME
        // (captured; tests/fixtures/cd/README.md); drives answer the Full TOC in MSF anyway.
        constexpr std::uint8_t k_first_session = 1;
        if (auto b =
                ask(drive, r, mmc::read_toc(k_format_full_toc, true, k_first_session, k_q_alloc),
                    k_q_alloc, "full TOC"))
            r.cd.full_toc = mmc::decode_full_toc(*b);
        if (stop(r)) return;
    }
    if (audio) {
        if (auto b = ask_format(drive, r, k_format_cd_text, k_cd_text_alloc, "CD-TEXT"))
            r.cd.cd_text = mmc::decode_cd_text(*b);
        if (stop(r)) return;
        read_sub_channel_codes(drive, r, audio_tracks);
    }
}

}  // namespace discrec::drive
