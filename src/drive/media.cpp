#include "drive/media.hpp"

#include <fmt/format.h>

#include "mmc/cdb.hpp"
#include "mmc/tables/features.hpp"
#include "mmc/tables/media_types.hpp"
#include "mmc/tables/profiles.hpp"

namespace discrec::drive {
namespace {

// Disc information: 34 bytes and up to 255 OPC table entries of 8 bytes (MMC-6 §6.22.3.1).
constexpr std::uint16_t k_disc_info_alloc = 34 + 255 * 8;
constexpr std::uint16_t k_track_info_alloc = 48;  // MMC-6 §6.27.3: the whole structure
// TOC format 0000b: 4-byte header + 8 bytes for each of up to 99 tracks and the lead-out.
constexpr std::uint16_t k_toc_alloc = 4 + 100 * 8;
constexpr std::uint16_t k_session_info_alloc = 12;
// Bounds the READ TRACK INFORMATION loop (a CD has at most 99 tracks; a DVD-R or BD-R in
// sequential recording up to thousands, rarely more than a few).
constexpr std::uint64_t k_max_tracks = 99;

bool hard_failure(const Error& e) {
    return e.kind == ErrorKind::timeout || e.kind == ErrorKind::no_such_drive;
}

// Runs one data-in command; its bytes, or the error recorded in the report (and nullopt).
std::optional<Bytes> ask(Drive& drive, MediaReport& r, const Cdb& cdb, std::uint16_t alloc) {
    auto out = drive.runner().run(cdb, Direction::from_device, alloc);
    if (out.ok()) return std::move(out.data);
    r.errors.push_back(out.error);
    return std::nullopt;
}

bool gone(const MediaReport& r) { return !r.errors.empty() && hard_failure(r.errors.back()); }

void read_tracks(Drive& drive, MediaReport& r) {
    const auto first = mmc::number_of(*r.disc_info, "first_track");
    const auto last = mmc::number_of(*r.disc_info, "last_track_in_last_session");
    if (!first || !last || *last < *first) return;
    std::uint64_t end = *last;
    if (end - *first + 1 > k_max_tracks) {
        end = *first + k_max_tracks - 1;
        r.notes.push_back(fmt::format("tracks {} to {}: only the first {} are read", *first, *last,
                                      k_max_tracks));
    }
    for (std::uint64_t t = *first; t <= end; ++t) {
        auto out = drive.runner().run(
            mmc::read_track_information(static_cast<std::uint32_t>(t), k_track_info_alloc),
            Direction::from_device, k_track_info_alloc);
        if (!out.ok()) {
            if (hard_failure(out.error)) {
                r.errors.push_back(out.error);
                return;
            }
            // QEMU and some old drives do not have the command (5/20/00); a drive that refuses
            // one track refuses them all in practice: the TOC answers instead.
            r.notes.push_back(fmt::format("{}; tracks are taken from the TOC", out.error.message));
            r.tracks.clear();
            r.track_source = TrackSource::toc;
            return;
        }
        r.tracks.push_back(mmc::decode_track_information(out.data));
    }
    r.track_source = TrackSource::track_information;
}

void read_toc(Drive& drive, MediaReport& r, bool cd) {
    auto toc = ask(drive, r, mmc::read_toc(0, false, 0, k_toc_alloc), k_toc_alloc);
    if (!toc) return;
    r.toc = mmc::decode_toc(*toc, false);
    if (gone(r)) return;
    // MSF addresses are the CD's own; on DVD and BD the drive only converts LBAs.
    if (cd) {
        if (auto msf = ask(drive, r, mmc::read_toc(0, true, 0, k_toc_alloc), k_toc_alloc))
            r.toc_msf = mmc::decode_toc(*msf, true);
    }
    if (gone(r)) return;
    if (auto s =
            ask(drive, r, mmc::read_toc(1, false, 0, k_session_info_alloc), k_session_info_alloc)) {
        r.sessions = mmc::decode_session_info(*s, false);
    }
}

// READ FORMAT CAPACITIES: the capacity list header, 1 current/maximum descriptor and up to 31
// formattable ones (the list length is one byte: 8 * 31 + 8 = 256 > 255, so 31 fit).
constexpr std::uint16_t k_format_capacities_alloc = 4 + 32 * 8;

bool is_read_only(const MediaReport& r) {
    if (!r.current_profile) return false;
    const auto* row = mmc::find_profile(*r.current_profile);
    return row != nullptr && row->reads && !row->writes;
}

// A medium that can be written may be formatted: its format capacities. A refusal (QEMU, old
// drives: 5/20/00; virtio-scsi: a transport error without sense) is a note, not a failure.
void read_format_capacities(Drive& drive, MediaReport& r) {
    if (is_read_only(r)) return;  // a ROM medium has nothing to format: not asked
    auto out = drive.runner().run(mmc::read_format_capacities(k_format_capacities_alloc),
                                  Direction::from_device, k_format_capacities_alloc);
    if (out.ok()) {
        r.format_capacities = mmc::decode_format_capacities(out.data);
    } else if (hard_failure(out.error)) {
        r.errors.push_back(out.error);
    } else {
        r.notes.push_back(fmt::format("{}; no format capacities", out.error.message));
    }
}

// IMAPI2 WriteProtectStatus: a read-only medium is protected by what it is; a writable one by
// what the drive's current features say (one GET CONFIGURATION, RT=1 from feature 0004h,
// asked only of writable media). READ DISC STRUCTURE format C0h (the write protection status
// of DVD and BD media) is not sent: it belongs to the structure commands of a later issue.
mmc::WriteProtection write_protection(Drive& drive, MediaReport& r) {
    if (!r.current_profile) return {std::nullopt, "not determined (no current profile)"};
    const auto medium = mmc::physical_media_type(*r.current_profile).name;
    if (is_read_only(r)) return {true, fmt::format("read-only medium ({})", medium)};
    auto current =
        drive.configuration(mmc::ConfigurationRt::current, mmc::feature_code::write_protect);
    if (!current) {
        if (hard_failure(current.error())) r.errors.push_back(current.error());
        return {std::nullopt,
                fmt::format("not determined (current features: {})", current.error().message)};
    }
    return mmc::write_protection_from_features(*current, medium);
}

bool is_cd(const MediaReport& r) {
    if (!r.current_profile) return false;
    const auto* row = mmc::find_profile(*r.current_profile);
    return row != nullptr && row->family == mmc::MediumFamily::cd;
}

void read_medium(Drive& drive, MediaReport& r) {
    if (auto config = drive.configuration(mmc::ConfigurationRt::one, 0); config) {
        r.current_profile = config->current_profile;
    } else {
        r.errors.push_back(config.error());
    }
    if (gone(r)) return;
    const bool cd = is_cd(r);
    if (auto di = ask(drive, r, mmc::read_disc_information(k_disc_info_alloc), k_disc_info_alloc))
        r.disc_info = mmc::decode_disc_information(*di, cd);
    if (gone(r)) return;
    if (r.disc_info) read_tracks(drive, r);
    if (gone(r)) return;
    read_toc(drive, r, cd);
    if (gone(r)) return;
    constexpr std::uint16_t k_capacity_alloc = 8;
    if (auto cap = ask(drive, r, mmc::read_capacity(), k_capacity_alloc))
        r.capacity = mmc::decode_read_capacity(*cap);
    if (gone(r)) return;
    read_format_capacities(drive, r);
    if (gone(r)) return;
    r.write_protection = write_protection(drive, r);
    if (gone(r) || !is_cd(r)) return;
    read_cd_detail(drive, r);
}

}  // namespace

MediaReport gather_media(const platform::DriveLocation& location, const OpenOptions& options) {
    MediaReport r;
    r.location = location;
    auto opened = open_drive(location, options);
    if (!opened) {
        r.fatal = opened.error();
        return r;
    }
    auto state = opened->media_state();
    if (!state) {
        r.fatal = state.error();
        return r;
    }
    r.state = std::move(*state);
    // No medium: nothing more is asked (the tray stays as it is, nothing spins up).
    if (r.no_medium()) return r;
    read_medium(*opened, r);
    if (gone(r)) {
        r.fatal = std::move(r.errors.back());
        r.errors.pop_back();
    }
    return r;
}

}  // namespace discrec::drive
