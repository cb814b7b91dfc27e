#include "output/info.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "mmc/inquiry.hpp"
#include "mmc/rpc.hpp"
#include "mmc/tables/features.hpp"
#include "mmc/tables/mode_pages.hpp"
#include "mmc/tables/profiles.hpp"
#include "output/fields.hpp"
#include "output/json_document.hpp"
#include "output/table.hpp"
#include "output/transport.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;

std::string profile_name(std::uint16_t code) {
    return code == 0 ? "none" : mmc::profile_name(code);
}

Json capabilities_json(const std::optional<mmc::CapabilitiesSummary>& c) {
    if (!c) return nullptr;
    Json j = lock_capabilities_json(*c);
    j["max_read_speed_kbps"] = optional_json(c->max_read_speed_kbps);
    j["current_read_speed_kbps"] = optional_json(c->current_read_speed_kbps);
    j["buffer_size_kb"] = optional_json(c->buffer_size_kb);
    j["max_write_speed_kbps"] = optional_json(c->max_write_speed_kbps);
    j["current_write_speed_kbps"] = optional_json(c->current_write_speed_kbps);
    return j;
}

Json media_json(const std::optional<drive::MediaState>& media) {
    if (!media) return nullptr;
    Json j;
    j["tray_open"] = optional_json(media->tray_open);
    j["medium_present"] = optional_json(media->medium_present);
    j["ready"] = media->ready;
    j["not_ready_reason"] =
        media->not_ready_reason ? Json(*media->not_ready_reason) : Json(nullptr);
    j["source"] = media->source;
    return j;
}

// The decoded RPC state, or null with the note saying why there is none. Only for drives that
// were asked (they report DVD CSS): the key is absent otherwise, so QEMU's documents (no DVD
// CSS) are what they were.
Json region_json(const drive::RegionState& region) {
    Json j;
    j["rpc_state"] = region.rpc_state ? fields_json(*region.rpc_state) : Json(nullptr);
    j["summary"] =
        region.rpc_state ? Json(mmc::rpc_state_summary(*region.rpc_state)) : Json(nullptr);
    std::vector<std::string> notes =
        region.rpc_state ? region.rpc_state->notes : std::vector<std::string>{};
    if (region.note) notes.push_back(*region.note);
    j["notes"] = notes;
    return j;
}

std::string region_text(const drive::RegionState& region) {
    if (!region.rpc_state)
        return fmt::format("not reported ({})", region.note.value_or("no answer"));
    return mmc::rpc_state_summary(*region.rpc_state);
}

void add_configuration(Json& j, const drive::RecorderInfo& info) {
    j["current_profile"] = nullptr;
    j["profiles"] = Json::array();
    j["features"] = Json::array();
    if (!info.configuration) return;
    const auto& c = *info.configuration;
    j["current_profile"] = code_json(c.current_profile, 4, profile_name(c.current_profile));
    for (const auto& p : c.profiles) {
        Json pj = code_json(p.number, 4, profile_name(p.number));
        pj["current"] = p.current;
        j["profiles"].push_back(std::move(pj));
    }
    for (const auto& f : c.features) j["features"].push_back(feature_header_json(f));
}

Json drive_json(const drive::RecorderInfo& info) {
    const auto& loc = info.location;
    Json j = {{"index", loc.index}};
    j.update(drive_ref_json(loc));
    j["bus"] = loc.bus;
    j["scsi_address"] = loc.scsi_address;
    const bool identified = info.identity.has_value();
    j["vendor_id"] = identified ? info.identity->inquiry.vendor : loc.vendor;
    j["product_id"] = identified ? info.identity->inquiry.product : loc.model;
    j["revision"] = identified ? info.identity->inquiry.revision : loc.revision;
    j["peripheral_device_type"] =
        identified ? code_json(info.identity->inquiry.device_type, 2,
                               mmc::is_cd_dvd_device(info.identity->inquiry.device_type) ? "CD/DVD"
                                                                                         : "other")
                   : Json(nullptr);
    j["unique_id"] = {{"value", info.unique_id}, {"source", info.unique_id_source}};
    j["volume_paths"] = loc.mount_points;
    j["can_load_media"] = optional_json(info.can_load_media);
    add_configuration(j, info);
    j["mode_pages"] = Json::array();
    // null: the drive refused page 3Fh and info did not ask page by page (mode-pages does).
    if (info.mode_pages && info.mode_pages->unlisted) j["mode_pages"] = nullptr;
    if (info.mode_pages) {
        for (auto code : info.mode_pages->pages)
            j["mode_pages"].push_back(code_json(code, 2, mmc::mode_page_name(code)));
    }
    j["media"] = media_json(info.media);
    j["holders"] = holders_json(info.holders);
    j["exclusive_owner"] = exclusive_owner_json(info.exclusive_owner);
    j["capabilities"] = capabilities_json(info.capabilities);
    if (info.region) j["region"] = region_json(*info.region);
    j["media_polling"] = {{"interval_ms", optional_json(info.media_polling.interval_ms)},
                          {"default_interval_ms", optional_json(info.media_polling.default_ms)}};
    // Left out (not null) when replaying a recording made before it was recorded.
    if (info.transport) j["transport"] = transport_json(*info.transport);
    j["errors"] = errors_json(info.errors);
    if (info.fatal) j["error"] = error_json(*info.fatal);
    return j;
}

std::string yes_no(const std::optional<bool>& b, const char* yes = "yes", const char* no = "no") {
    return b ? (*b ? yes : no) : "unknown";
}

std::string join_strings(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "-" : out;
}

void add_media_rows(KeyValueBlock& kv, const std::optional<drive::MediaState>& media) {
    if (!media) return;
    // Coloured (on a terminal): the states that stop a read, so they catch the eye.
    kv.add("Tray", yes_no(media->tray_open, "open", "closed"),
           media->tray_open.value_or(false) ? Tone::notice : Tone::plain);
    kv.add("Medium present", yes_no(media->medium_present),
           media->medium_present == false ? Tone::notice : Tone::plain);
    kv.add(
        "Ready",
        media->ready ? "yes" : fmt::format("no ({})", media->not_ready_reason.value_or("unknown")),
        media->ready ? Tone::good : Tone::notice);
}

std::string render_text(const drive::RecorderInfo& info, bool color) {
    KeyValueBlock kv;
    const auto& loc = info.location;
    kv.add("Drive", fmt::format("{} ({}{}{})", loc.name, loc.block_device,
                                loc.generic_device.empty() ? "" : ", ", loc.generic_device));
    if (info.identity) {
        kv.add("Vendor", info.identity->inquiry.vendor);
        kv.add("Product", info.identity->inquiry.product);
        kv.add("Revision", info.identity->inquiry.revision);
    }
    kv.add("Bus", fmt::format("{} ({}, {})", loc.bus, loc.host_driver, loc.scsi_address));
    kv.add("Unique id", fmt::format("{} ({})", info.unique_id, info.unique_id_source));
    if (info.transport) add_transport_rows(kv, *info.transport);
    kv.add("Volume paths", join_strings(loc.mount_points));
    kv.add("Can load media", yes_no(info.can_load_media));
    add_media_rows(kv, info.media);
    if (info.configuration) {
        const auto& c = *info.configuration;
        kv.add("Current profile",
               fmt::format("0x{:04x} {}", c.current_profile, profile_name(c.current_profile)));
        for (const auto& p : c.profiles) {
            kv.add("Profile", fmt::format("0x{:04x} {}{}", p.number, profile_name(p.number),
                                          p.current ? " (current)" : ""));
        }
        for (const auto& f : c.features) {
            kv.add("Feature", fmt::format("0x{:04x} {}{}", f.code, mmc::feature_name(f.code),
                                          f.current ? " (current)" : ""));
        }
    }
    if (info.mode_pages) {
        for (auto code : info.mode_pages->pages)
            kv.add("Mode page", fmt::format("0x{:02x} {}", code, mmc::mode_page_name(code)));
        if (info.mode_pages->unlisted)
            kv.add("Mode pages",
                   "not listed: the drive refuses page 3Fh (all pages); "
                   "discrec mode-pages asks each page");
    }
    kv.add("Held by", holders_text(info.holders));
    kv.add("Exclusive owner", exclusive_owner_text(info.exclusive_owner));
    if (info.capabilities) {
        const auto& c = *info.capabilities;
        kv.add("Loading mechanism", loading_mechanism_text(c.loading_mechanism));
        kv.add("Can lock", c.can_lock ? "yes" : "no");
        kv.add("Locked", c.lock_state ? "yes" : "no", c.lock_state ? Tone::notice : Tone::plain);
        kv.add("Can eject", c.can_eject ? "yes" : "no");
        if (c.max_read_speed_kbps)
            kv.add("Max read speed", fmt::format("{} kB/s", *c.max_read_speed_kbps));
        // Page 2Ah bytes 18-19 are 0 from a ROM drive (QEMU's) and, being obsolete, from some
        // writers too: "does not write" only when byte 3's write bits agree.
        if (c.max_write_speed_kbps) {
            const bool rom = *c.max_write_speed_kbps == 0 && !c.writes_some_medium;
            kv.add("Max write speed", rom ? std::string("none (the drive does not write)")
                                          : fmt::format("{} kB/s", *c.max_write_speed_kbps));
        }
    }
    if (info.region) kv.add("Region", region_text(*info.region));
    kv.add("Media polling", polling_text(info.media_polling));
    for (const auto& e : info.errors) kv.add("Error", e.message, Tone::error);
    if (info.fatal) kv.add("Error", info.fatal->message, Tone::error);
    return kv.render(color);
}

}  // namespace

void print_info(const OutputOptions& options, const std::vector<drive::RecorderInfo>& drives,
                ExitCode exit_status) {
    print_drives(options, drives, exit_status, drive_json,
                 [&](const drive::RecorderInfo& d) { return render_text(d, options.color); });
}

}  // namespace discrec::output
