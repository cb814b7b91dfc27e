#include "drive/cd_detail.hpp"

#include <fmt/format.h>

#include "drive/media.hpp"
#include "mmc/cdb.hpp"
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
constexpr std::uint64_t k_control_data = 0x4;

// One READ TOC/PMA/ATIP format: its bytes, or nullopt with a note (refused) or an error
// (the drive is gone or timed out).
std::optional<Bytes> ask_format(Drive& drive, MediaReport& r, std::uint8_t format,
                                std::uint16_t alloc, std::string_view what) {
    auto out =
        drive.runner().run(mmc::read_toc(format, false, 0, alloc), Direction::from_device, alloc);
    if (out.ok()) return std::move(out.data);
    if (out.error.kind == ErrorKind::timeout || out.error.kind == ErrorKind::no_such_drive) {
        r.errors.push_back(out.error);
    } else {
        r.notes.push_back(fmt::format("{}: not offered ({})", what, out.error.message));
    }
    return std::nullopt;
}

bool stop(const MediaReport& r) {
    return !r.errors.empty() && (r.errors.back().kind == ErrorKind::timeout ||
                                 r.errors.back().kind == ErrorKind::no_such_drive);
}

bool several_sessions(const MediaReport& r) {
    return r.sessions && mmc::number_of(*r.sessions, "last_session").value_or(1) > 1;
}

}  // namespace

bool toc_has_audio(const mmc::Record& toc) {
    const mmc::Value* list = toc.find("tracks");
    if (list == nullptr) return false;
    for (const auto& t : list->items) {
        if (mmc::number_of(t, "track") == mmc::k_lead_out_track) continue;
        const auto control = mmc::number_of(t, "control");
        if (control && (*control & k_control_data) == 0) return true;
    }
    return false;
}

void read_cd_detail(Drive& drive, MediaReport& r) {
    const bool recordable = r.current_profile && (*r.current_profile == k_profile_cd_r ||
                                                  *r.current_profile == k_profile_cd_rw);
    const bool audio = r.toc && toc_has_audio(*r.toc);
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
        if (auto b = ask_format(drive, r, k_format_full_toc, k_q_alloc, "full TOC"))
            r.cd.full_toc = mmc::decode_full_toc(*b);
        if (stop(r)) return;
    }
    if (audio) {
        if (auto b = ask_format(drive, r, k_format_cd_text, k_cd_text_alloc, "CD-TEXT"))
            r.cd.cd_text = mmc::decode_cd_text(*b);
    }
}

}  // namespace discrec::drive
