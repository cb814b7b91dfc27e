#include "drive/media.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mmc/cdb.hpp"
#include "mmc/disc_structure.hpp"
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
    // MSF addresses are the CD's own (on DVD and BD a drive only converts LBAs); they name the
    // same places as the LBAs, so they are computed, not asked for: one command fewer.
    if (cd) r.toc_msf = mmc::decode_toc(mmc::toc_in_msf(*toc), true);
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

// READ DISC STRUCTURE format C0h (MMC-6 §6.23.3): the write protection status bits of a DVD
// or BD medium, asked only where the drive has Write Protect (0004h) current, the feature
// that comes with the command (MMC-6 §5.3.4). A refusal is a note.
void read_write_protection_status(Drive& drive, MediaReport& r, const mmc::Configuration& current) {
    const auto* row = mmc::find_profile(*r.current_profile);
    const auto media_type = row ? mmc::disc_structure_media_type(row->family) : std::nullopt;
    if (!media_type) return;
    const bool has_feature = std::any_of(
        current.features.begin(), current.features.end(),
        [](const auto& f) { return f.code == mmc::feature_code::write_protect && f.current; });
    if (!has_feature) return;
    constexpr auto k_alloc = mmc::disc_structure::write_protection_length;
    auto out = drive.runner().run(
        mmc::read_disc_structure(*media_type, 0, 0, mmc::disc_structure::write_protection, 0,
                                 k_alloc),
        Direction::from_device, k_alloc);
    if (out.ok()) {
        r.write_protection_status = mmc::decode_write_protection_status(out.data);
    } else if (hard_failure(out.error)) {
        r.errors.push_back(out.error);
    } else {
        r.notes.push_back(fmt::format("{}; no write protection status", out.error.message));
    }
}

// IMAPI2 WriteProtectStatus: a read-only medium is protected by what it is; a writable one by
// what the drive's current features say (one GET CONFIGURATION, RT=1 from feature 0004h,
// asked only of writable media), and on DVD and BD by READ DISC STRUCTURE format C0h's bits.
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
    const auto from_features = mmc::write_protection_from_features(*current, medium);
    read_write_protection_status(drive, r, *current);
    if (!r.write_protection_status) return from_features;
    return mmc::write_protection_with_status(from_features, *r.write_protection_status);
}

// The media ID (mmc::media_id_structure): one READ DISC STRUCTURE, asked only of the DVD±R/RW
// and BD-R/RE profiles, so ROM media (QEMU's DVD-ROM) and CDs cost no command. A refusal is a
// note.
void read_media_id(Drive& drive, MediaReport& r) {
    if (!r.current_profile) return;
    const auto which = mmc::media_id_structure(*r.current_profile);
    if (!which) return;
    // ADIP 4 + 256 bytes, pre-recorded information 4 + 40, BD's DI units 4 + 4096 at most.
    constexpr std::uint16_t k_media_id_alloc = 4 + 4096;
    auto out = drive.runner().run(
        mmc::read_disc_structure(which->media_type, 0, 0, which->format, 0, k_media_id_alloc),
        Direction::from_device, k_media_id_alloc);
    if (!out.ok()) {
        if (hard_failure(out.error)) {
            r.errors.push_back(out.error);
        } else {
            r.notes.push_back(fmt::format("{}; no media ID", out.error.message));
        }
        return;
    }
    r.media_id_structure = mmc::decode_disc_structure(which->media_type, which->format, out.data);
    r.media_id = mmc::media_id_of(*which, *r.media_id_structure);
}

bool is_cd(const MediaReport& r) {
    if (!r.current_profile) return false;
    const auto* row = mmc::find_profile(*r.current_profile);
    return row != nullptr && row->family == mmc::MediumFamily::cd;
}

// The file system's label: READ(10) of the first data track's volume descriptors (at most
// three reads of at most 16 sectors, mmc::read_volume_label), on 2048-byte blocks only.
void read_volume(Drive& drive, MediaReport& r) {
    if (!r.toc || !r.capacity || !r.capacity->usable ||
        r.capacity->block_length != mmc::k_volume_sector)
        return;
    const auto start = mmc::first_data_track_start(*r.toc);
    if (!start || *start < 0) return;
    r.volume = mmc::read_volume_label([&](std::uint32_t lba, std::uint16_t count) {
        const auto at = static_cast<std::uint64_t>(*start) + lba;
        if (gone(r) || at > r.capacity->last_lba) return std::optional<Bytes>{};
        const std::size_t bytes = std::size_t{count} * mmc::k_volume_sector;
        auto out = drive.runner().run(mmc::read10(static_cast<std::uint32_t>(at), count),
                                      Direction::from_device, bytes);
        if (out.ok()) return std::optional<Bytes>{std::move(out.data)};
        if (hard_failure(out.error)) {
            r.errors.push_back(out.error);
        } else {
            r.notes.push_back(fmt::format("{}; no volume label", out.error.message));
        }
        return std::optional<Bytes>{};
    });
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
    if (gone(r)) return;
    // IMAPI2 SupportedWriteSpeedDescriptors: a ROM medium is written at no speed (not asked).
    if (!is_read_only(r)) r.write_speeds = read_write_speeds(drive, r.notes, r.errors);
    if (gone(r)) return;
    read_volume(drive, r);
    if (gone(r)) return;
    read_media_id(drive, r);
    if (gone(r) || !is_cd(r)) return;
    read_cd_detail(drive, r);
}

}  // namespace

MediaSpace media_space(const MediaReport& r) {
    MediaSpace s;
    if (r.capacity && r.capacity->usable && r.capacity->block_length != 0)
        s.block_length = r.capacity->block_length;
    const auto status = r.disc_info ? mmc::disc_status(*r.disc_info) : std::nullopt;
    if (!status) return s;
    const std::optional<std::uint64_t> capacity_blocks =
        r.capacity && r.capacity->usable ? std::optional(r.capacity->blocks()) : std::nullopt;
    const auto* last = r.track_source == TrackSource::track_information && !r.tracks.empty()
                           ? &r.tracks.back()
                           : nullptr;
    switch (*status) {
        case mmc::DiscStatus::complete: {
            // Nothing more can be written: every sector is used (READ CAPACITY's count, else
            // the TOC's lead-out start).
            auto used = capacity_blocks;
            if (!used && r.toc) {
                if (auto lead_out = mmc::lead_out_start(*r.toc); lead_out && *lead_out >= 0)
                    used = static_cast<std::uint64_t>(*lead_out);
            }
            s.used_sectors = used;
            s.total_sectors = used;
            s.free_sectors = 0;
            break;
        }
        case mmc::DiscStatus::empty:
        case mmc::DiscStatus::incomplete:
            // The last track is the incomplete or invisible one (MMC-6 §6.27.3.8): its free
            // blocks are what can still be written, from its Next Writable Address; what lies
            // before that address is used (recorded, or lead-in/out and links of closed
            // sessions).
            if (last != nullptr) {
                s.free_sectors = mmc::free_blocks(*r.disc_info, r.tracks);
                s.next_writable_address = mmc::next_writable_address(r.tracks);
                if (s.next_writable_address && *s.next_writable_address >= 0)
                    s.used_sectors = static_cast<std::uint64_t>(*s.next_writable_address);
                if (s.used_sectors && s.free_sectors)
                    s.total_sectors = *s.used_sectors + *s.free_sectors;
            }
            break;
        case mmc::DiscStatus::others:
            // Random writable (DVD-RAM, formatted DVD+RW, BD-RE): no next writable address;
            // what is used and free is the file system's to say. The size is READ CAPACITY's.
            s.total_sectors = capacity_blocks;
            break;
    }
    // A previous session exists when one is complete: the disc is complete, or incomplete
    // with more than one session (the last one being the open or empty one). Its start is the
    // session information's (READ TOC format 0001b), its end the TOC's lead-out (the lead-out
    // of the last complete session, MMC-6 §6.26.2.5).
    const auto sessions = mmc::number_of(*r.disc_info, "sessions").value_or(0);
    const bool closed_session = *status == mmc::DiscStatus::complete ||
                                (*status == mmc::DiscStatus::incomplete && sessions > 1);
    if (closed_session && r.sessions) {
        s.previous_session_start = mmc::address_of(*r.sessions, "start");
    }
    if (closed_session && r.toc) {
        if (auto lead_out = mmc::lead_out_start(*r.toc); lead_out && *lead_out > 0)
            s.previous_session_last_written = *lead_out - 1;
    }
    return s;
}

namespace {

// A drive that answered 2/04/01 (becoming ready) is asked again with TEST UNIT READY, every
// 250 ms up to `limit` (Drive::wait_until_ready; at least once, so 0 asks once more without
// waiting); the state then says what it became. False:
// still not ready (or gone): r.fatal says why and nothing more is asked.
bool wait_while_becoming_ready(Drive& drive, MediaReport& r, std::chrono::duration<double> limit) {
    if (!r.state || !r.state->becoming_ready) return true;
    const auto waited = drive.wait_until_ready(limit, {});
    using Outcome = ReadyWait::Outcome;
    switch (waited.outcome) {
        case Outcome::ready:
            r.state->ready = true;
            r.state->becoming_ready = false;
            r.state->medium_present = true;
            r.state->not_ready_reason.reset();
            if (!r.state->tray_open) r.state->tray_open = false;
            r.notes.push_back(fmt::format(
                "{}: was becoming ready; asked again until it was (--ready-wait {:g} s)",
                r.location.name, limit.count()));
            return true;
        case Outcome::no_medium:
            r.state->becoming_ready = false;
            r.state->ready = false;
            r.state->medium_present = false;
            if (waited.last_error.sense) {
                if (mmc::means_tray_open(*waited.last_error.sense)) r.state->tray_open = true;
                if (mmc::means_tray_closed(*waited.last_error.sense)) r.state->tray_open = false;
            }
            return false;
        case Outcome::not_ready_in_time:
            r.notes.push_back(fmt::format("{}: still not ready after {:g} s (--ready-wait)",
                                          r.location.name, limit.count()));
            r.fatal = waited.last_error;
            return false;
        case Outcome::failed:
            r.fatal = waited.last_error;
            return false;
    }
    return false;
}

}  // namespace

MediaReport gather_media(const platform::DriveLocation& location, const OpenOptions& options,
                         std::chrono::duration<double> ready_wait) {
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
    if (!wait_while_becoming_ready(*opened, r, ready_wait)) return r;
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
