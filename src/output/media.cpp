#include "output/media.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "mmc/tables/media_layouts.hpp"
#include "mmc/tables/media_types.hpp"
#include "mmc/tables/profiles.hpp"
#include "output/cd_detail.hpp"
#include "output/fields.hpp"
#include "output/json_document.hpp"
#include "output/speeds.hpp"
#include "output/volume.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;
using drive::MediaReport;
using drive::TrackSource;

// ------------------------------------------------------------------ facts both renderings use

struct Derived {
    std::vector<mmc::MediaStatusFlag> flags;
    drive::MediaSpace space;
};

Derived derive(const MediaReport& r) {
    Derived d;
    const auto* row = r.current_profile ? mmc::find_profile(*r.current_profile) : nullptr;
    const bool rom = row != nullptr && row->reads && !row->writes;
    static const mmc::Record k_empty;
    d.flags =
        mmc::media_status_flags(r.disc_info ? *r.disc_info : k_empty, rom, r.write_protection);
    d.space = drive::media_space(r);
    return d;
}

std::string_view track_source_key(TrackSource s) {
    switch (s) {
        case TrackSource::track_information:
            return "read_track_information";
        case TrackSource::toc:
            return "toc";
        case TrackSource::none:
            break;
    }
    return {};
}

// Every note: the report's own and those of the decoded answers.
std::vector<std::string> all_notes(const MediaReport& r) {
    std::vector<std::string> notes = r.notes;
    const auto add = [&](const std::optional<mmc::Record>& rec) {
        if (rec) notes.insert(notes.end(), rec->notes.begin(), rec->notes.end());
    };
    add(r.disc_info);
    for (const auto& t : r.tracks) notes.insert(notes.end(), t.notes.begin(), t.notes.end());
    add(r.toc);
    add(r.toc_msf);
    add(r.sessions);
    add(r.format_capacities);
    add(r.write_speeds.answer);
    add(r.write_protection_status);
    if (r.volume) notes.insert(notes.end(), r.volume->notes.begin(), r.volume->notes.end());
    if (r.capacity)
        notes.insert(notes.end(), r.capacity->warnings.begin(), r.capacity->warnings.end());
    const auto cd = cd_detail_notes(r.cd);
    notes.insert(notes.end(), cd.begin(), cd.end());
    return notes;
}

// The TOC's track descriptors, lead-out left out.
std::vector<const mmc::Record*> toc_tracks(const mmc::Record& toc, bool lead_out) {
    std::vector<const mmc::Record*> out;
    const mmc::Value* list = toc.find("tracks");
    if (list == nullptr) return out;
    for (const auto& item : list->items) {
        const bool is_lead_out = mmc::number_of(item, "track") == mmc::k_lead_out_track;
        if (is_lead_out == lead_out) out.push_back(&item);
    }
    return out;
}

// ------------------------------------------------------------------ JSON

Json optional_number(const auto& v) { return v ? Json(*v) : Json(nullptr); }
Json record_json(const std::optional<mmc::Record>& r) {
    return r ? fields_json(*r) : Json(nullptr);
}

Json tracks_json(const MediaReport& r) {
    Json a = Json::array();
    if (r.track_source == TrackSource::track_information) {
        for (const auto& t : r.tracks) a.push_back(fields_json(t));
    } else if (r.track_source == TrackSource::toc && r.toc) {
        for (const auto* t : toc_tracks(*r.toc, false)) a.push_back(fields_json(*t));
    }
    return a;
}

// IMAPI2's multisession view (drive::media_space).
Json space_json(const drive::MediaSpace& sp) {
    return {{"block_length", sp.block_length},
            {"total_sectors", optional_number(sp.total_sectors)},
            {"used_sectors", optional_number(sp.used_sectors)},
            {"free_sectors", optional_number(sp.free_sectors)},
            {"total_bytes", optional_number(sp.bytes(sp.total_sectors))},
            {"used_bytes", optional_number(sp.bytes(sp.used_sectors))},
            {"free_bytes", optional_number(sp.bytes(sp.free_sectors))},
            {"next_writable_address", optional_number(sp.next_writable_address)},
            {"previous_session_start", optional_number(sp.previous_session_start)},
            {"previous_session_last_written", optional_number(sp.previous_session_last_written)}};
}

Json medium_json(const MediaReport& r) {
    const Derived d = derive(r);
    Json j;
    j["current_profile"] = current_profile_json(r.current_profile);
    const auto& type = mmc::physical_media_type(r.current_profile.value_or(0));
    j["physical_media_type"] = {{"value", type.imapi_value},
                                {"name", std::string(type.imapi_name)},
                                {"string", std::string(type.name)}};
    Json flags = Json::object();
    for (const auto& f : d.flags) flags[std::string(f.key)] = f.set;
    j["media_status"] = {{"value", mmc::media_status_value(d.flags)}, {"flags", flags}};
    j["write_protected"] = optional_json(r.write_protection.is_protected);
    j["write_protection_reason"] = r.write_protection.reason;
    j["write_protection_status"] = record_json(r.write_protection_status);
    j["disc_information"] = record_json(r.disc_info);
    const auto source = track_source_key(r.track_source);
    j["tracks_source"] = source.empty() ? Json(nullptr) : Json(std::string(source));
    j["tracks"] = tracks_json(r);
    j["toc"] = record_json(r.toc);
    j["toc_msf"] = record_json(r.toc_msf);
    j["sessions"] = record_json(r.sessions);
    if (r.capacity && r.capacity->usable) {
        j["capacity"] = {{"last_lba", r.capacity->last_lba},
                         {"block_length", r.capacity->block_length},
                         {"blocks", r.capacity->blocks()},
                         {"bytes", r.capacity->bytes()}};
    } else {
        j["capacity"] = nullptr;
    }
    j["format_capacities"] = record_json(r.format_capacities);
    const auto& sp = d.space;
    j["free_blocks"] = optional_number(sp.free_sectors);
    j["free_bytes"] = optional_number(sp.bytes(sp.free_sectors));
    j["next_writable_address"] = optional_number(sp.next_writable_address);
    j["previous_session_start"] = optional_number(sp.previous_session_start);
    j["space"] = space_json(sp);
    j["write_speeds"] = write_speeds_json(r.write_speeds, r.current_profile);
    j["media_id"] = optional_json(r.media_id ? r.media_id : cd_media_id(r.cd));
    j["cd"] = cd_detail_json(r.cd);
    j["volume"] = r.volume ? volume_json(*r.volume) : Json(nullptr);
    return j;
}

Json drive_json(const MediaReport& r) {
    Json j;
    j["drive"] = drive_ref_json(r.location);
    const auto& s = r.state;
    j["tray_open"] = s ? optional_json(s->tray_open) : Json(nullptr);
    j["medium_present"] = s ? optional_json(s->medium_present) : Json(nullptr);
    j["ready"] = s ? Json(s->ready) : Json(nullptr);
    const bool asked = s && !r.no_medium() && !r.fatal;
    j["medium"] = asked ? medium_json(r) : Json(nullptr);
    j["notes"] = all_notes(r);
    j["errors"] = errors_json(r.errors);
    j["error"] = r.fatal ? error_json(*r.fatal) : Json(nullptr);
    return j;
}

// ------------------------------------------------------------------ text

std::string toc_line(const mmc::Record& t, const mmc::Record* msf, bool lead_out) {
    const auto lba = mmc::address_of(t, "start").value_or(0);
    std::string at = fmt::format("LBA {}", lba);
    if (msf != nullptr) {
        if (const auto* v = msf->find("start")) at += fmt::format(" ({})", v->text);
    }
    if (lead_out) return fmt::format("    Lead-out:  {}\n", at);
    const auto* control = t.find("control");
    const auto* adr = t.find("adr");
    return fmt::format("    Track {:>2}:  {}, {}, ADR {}\n", mmc::number_of(t, "track").value_or(0),
                       at, control != nullptr ? value_text(*control) : "?",
                       adr != nullptr ? value_text(*adr) : "?");
}

// The TOC as lines: `toc` gives the LBAs, `msf_toc` (if any) the same TOC in MSF.
void append_toc_lines(std::string& out, const mmc::Record& toc, const mmc::Record* msf_toc) {
    out += fmt::format("  TOC (first track {}, last track {}):\n",
                       mmc::number_of(toc, "first_track").value_or(0),
                       mmc::number_of(toc, "last_track").value_or(0));
    for (bool lead_out : {false, true}) {
        const auto lba = toc_tracks(toc, lead_out);
        const auto msf =
            msf_toc != nullptr ? toc_tracks(*msf_toc, lead_out) : std::vector<const mmc::Record*>{};
        for (std::size_t i = 0; i < lba.size(); ++i)
            out += toc_line(*lba[i], i < msf.size() ? msf[i] : nullptr, lead_out);
    }
}

void append_toc(std::string& out, const MediaReport& r) {
    if (!r.toc) return;
    append_toc_lines(out, *r.toc, r.toc_msf ? &*r.toc_msf : nullptr);
    if (r.sessions && !r.sessions->values.empty()) {
        out += "  Sessions:\n";
        append_fields_text(out, *r.sessions, FieldTextStyle{.align = true});
    }
}

void append_tracks(std::string& out, const MediaReport& r) {
    if (r.track_source == TrackSource::toc) {
        out += "  Tracks: from the TOC (the drive refused READ TRACK INFORMATION)\n";
        return;
    }
    for (const auto& t : r.tracks) {
        out += fmt::format("  Track {}:\n", mmc::number_of(t, "track").value_or(0));
        append_fields_text(out, t, FieldTextStyle{.indent = "    ", .align = true});
    }
}

void append_capacity(std::string& out, const MediaReport& r, const Derived& d) {
    if (r.capacity && r.capacity->usable) {
        out += fmt::format("  Capacity: {} blocks of {} bytes ({} bytes), last LBA {}\n",
                           r.capacity->blocks(), r.capacity->block_length, r.capacity->bytes(),
                           r.capacity->last_lba);
    }
    const auto& sp = d.space;
    const auto sectors_line = [&](std::string_view what, const std::optional<std::uint64_t>& n) {
        if (n) out += fmt::format("  {} sectors: {} ({} bytes)\n", what, *n, *sp.bytes(n));
    };
    sectors_line("Total", sp.total_sectors);
    sectors_line("Used", sp.used_sectors);
    sectors_line("Free", sp.free_sectors);
    if (sp.next_writable_address)
        out += fmt::format("  Next writable address: {}\n", *sp.next_writable_address);
    if (sp.previous_session_start) {
        out += fmt::format("  Previous session: starts at LBA {}", *sp.previous_session_start);
        if (sp.previous_session_last_written)
            out += fmt::format(", last written LBA {}", *sp.previous_session_last_written);
        out += "\n";
    }
}

std::string status_text(const Derived& d) {
    std::string names;
    for (const auto& f : d.flags) {
        if (f.set) names += (names.empty() ? "" : ", ") + std::string(f.key);
    }
    return fmt::format("0x{:04x}{}", mmc::media_status_value(d.flags),
                       names.empty() ? "" : " (" + names + ")");
}

void append_medium(std::string& out, const MediaReport& r) {
    const Derived d = derive(r);
    const auto& type = mmc::physical_media_type(r.current_profile.value_or(0));
    out += fmt::format("  Physical media type: {} ({})\n", type.name, type.imapi_name);
    if (r.current_profile) {
        out += fmt::format("  Current profile: 0x{:04x} {}\n", *r.current_profile,
                           mmc::profile_name(*r.current_profile));
    }
    out += fmt::format("  Media status: {}\n", status_text(d));
    const auto& wp = r.write_protection;
    out += fmt::format("  Write protected: {} ({})\n",
                       wp.is_protected ? (*wp.is_protected ? "yes" : "no") : "unknown", wp.reason);
    if (auto id = r.media_id ? r.media_id : cd_media_id(r.cd))
        out += fmt::format("  Media ID: {}\n", *id);
    if (r.disc_info) {
        out += "  Disc information:\n";
        append_fields_text(out, *r.disc_info, FieldTextStyle{.indent = "    ", .align = true});
    }
    append_tracks(out, r);
    append_toc(out, r);
    append_capacity(out, r, d);
    if (r.format_capacities && !r.format_capacities->values.empty()) {
        out += "  Format capacities:\n";
        append_fields_text(out, *r.format_capacities,
                           FieldTextStyle{.indent = "    ", .align = true});
    }
    append_write_speeds_text(out, r.write_speeds, r.current_profile);
    append_cd_detail_text(out, r.cd);
    if (r.volume) append_volume_text(out, *r.volume);
}

std::string render_text(const MediaReport& r) {
    std::string out = fmt::format("Drive: {}\n", r.location.name);
    if (r.state && r.no_medium()) {
        out += fmt::format(
            "  Medium: none{}\n",
            r.state->tray_open ? (*r.state->tray_open ? " (tray open)" : " (tray closed)") : "");
    } else if (r.state && !r.fatal) {
        append_medium(out, r);
    }
    for (const auto& n : all_notes(r)) out += fmt::format("  Note: {}\n", n);
    for (const auto& e : r.errors) out += fmt::format("  Error: {}\n", e.message);
    if (r.fatal) out += fmt::format("  Error: {}\n", r.fatal->message);
    return out;
}

std::string decoded_text(const DecodedAnswer& a) {
    std::string out;
    const FieldTextStyle style{.indent = "    ", .align = true};
    switch (a.kind) {
        case AnswerKind::disc_info:
            out += "  Disc information:\n";
            append_fields_text(out, a.record, style);
            break;
        case AnswerKind::track_info:
            out += fmt::format("  Track {}:\n", mmc::number_of(a.record, "track").value_or(0));
            append_fields_text(out, a.record, style);
            break;
        case AnswerKind::toc:
            append_toc_lines(out, a.record, a.msf ? &a.record : nullptr);
            break;
        case AnswerKind::session_info:
            out += "  Sessions:\n";
            append_fields_text(out, a.record, style);
            break;
        case AnswerKind::format_capacities:
            out += "  Format capacities:\n";
            append_fields_text(out, a.record, style);
            break;
    }
    for (const auto& n : a.record.notes) out += fmt::format("  Note: {}\n", n);
    return out;
}

}  // namespace

std::string_view answer_key(AnswerKind kind) noexcept {
    switch (kind) {
        case AnswerKind::disc_info:
            return "disc_information";
        case AnswerKind::track_info:
            return "track_information";
        case AnswerKind::toc:
            return "toc";
        case AnswerKind::session_info:
            return "sessions";
        case AnswerKind::format_capacities:
            return "format_capacities";
    }
    return {};
}

void print_decoded(const OutputOptions& options, const DecodedAnswer& a) {
    if (!options.json) {
        std::fputs(fmt::format("Source: {}\n{}", a.inhex_path, decoded_text(a)).c_str(), stdout);
        return;
    }
    auto doc = document_head(options);
    doc["source"] = {{"inhex", a.inhex_path}};
    doc["msf"] = a.msf;
    doc[std::string(answer_key(a.kind))] = fields_json(a.record);
    doc["notes"] = a.record.notes;
    finish_document(doc, ExitCode::ok, nullptr);
}

void print_media(const OutputOptions& options, const std::vector<MediaReport>& drives,
                 ExitCode exit_status) {
    print_drives(options, drives, exit_status, drive_json, render_text);
}

}  // namespace discrec::output
