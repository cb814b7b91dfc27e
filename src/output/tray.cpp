#include "output/tray.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "mmc/tables/mode_pages.hpp"
#include "output/json_document.hpp"
#include "output/table.hpp"
#include "util/subject.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;

Json drive_ref(const platform::DriveLocation& d) {
    return {
        {"name", d.name}, {"block_device", d.block_device}, {"generic_device", d.generic_device}};
}

std::string mechanism_name(std::uint8_t code) {
    const auto* row = mmc::find_loading_mechanism(code);
    return row != nullptr ? std::string(row->name) : fmt::format("reserved ({})", code);
}

Json capabilities_json(const mmc::CapabilitiesSummary& c) {
    Json j;
    j["can_lock"] = c.can_lock;
    j["lock_state"] = c.lock_state;
    j["prevent_jumper"] = c.prevent_jumper;
    j["can_eject"] = c.can_eject;
    j["loading_mechanism"] = code_json(c.loading_mechanism, 1, mechanism_name(c.loading_mechanism));
    return j;
}

Json optional_long(const std::optional<long>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

void print_action(const OutputOptions& options, const ActionReport& r) {
    if (options.json) {
        auto doc = document_head(options);
        doc["drive"] = drive_ref(r.drive);
        doc["action"] = r.action;
        doc["outcome"] = r.outcome;
        doc["unmounted"] = r.unmounted;
        doc["notes"] = r.notes;
        finish_document(doc, ExitCode::ok, nullptr);
        return;
    }
    if (options.quiet) return;
    for (const auto& mp : r.unmounted)
        std::printf("%s unmounted %s\n", message_subject(r.drive.name).c_str(), mp.c_str());
    std::printf("%s %s\n", message_subject(r.drive.name).c_str(), r.outcome.c_str());
    for (const auto& n : r.notes) {
        std::printf("%s %s\n", message_subject(r.drive.name).c_str(), n.c_str());
    }
}

void print_lock_status(const OutputOptions& options, const LockStatus& s) {
    if (options.json) {
        auto doc = document_head(options);
        doc["drive"] = drive_ref(s.drive);
        doc["capabilities"] = s.capabilities ? capabilities_json(*s.capabilities) : Json(nullptr);
        doc["locked"] = s.capabilities ? Json(s.capabilities->lock_state) : Json(nullptr);
        doc["exclusive_owner"] = exclusive_owner_json(s.exclusive_owner);
        doc["holders"] = Json::array();
        for (const auto& h : s.holders)
            doc["holders"].push_back(
                {{"pid", h.pid}, {"command", h.command}, {"device", h.device}});
        doc["errors"] = Json::array();
        for (const auto& e : s.errors)
            doc["errors"].push_back({{"kind", error_kind_key(e.kind)}, {"message", e.message}});
        finish_document(doc, ExitCode::ok, nullptr);
        return;
    }
    KeyValueBlock kv;
    kv.add("Drive", s.drive.name);
    if (s.capabilities) {
        const auto& c = *s.capabilities;
        kv.add("Locked", c.lock_state ? "yes" : "no", c.lock_state ? Tone::notice : Tone::plain);
        kv.add("Can lock", c.can_lock ? "yes" : "no");
        kv.add("Prevent jumper bit", c.prevent_jumper ? "1" : "0");
        kv.add("Can eject", c.can_eject ? "yes" : "no");
        kv.add("Loading mechanism", mechanism_name(c.loading_mechanism));
    } else {
        kv.add("Locked", "unknown");
    }
    kv.add("Exclusive owner", exclusive_owner_text(s.exclusive_owner));
    std::string holders;
    for (const auto& h : s.holders)
        holders +=
            fmt::format("{}{} {} ({})", holders.empty() ? "" : ", ", h.pid, h.command, h.device);
    kv.add("Held by", holders.empty() ? "-" : holders);
    for (const auto& e : s.errors) kv.add("Error", e.message, Tone::error);
    std::fputs(kv.render(options.color).c_str(), stdout);
}

void print_media_polling(const OutputOptions& options, const MediaPollingReport& r) {
    const auto& p = r.polling;
    if (options.json) {
        auto doc = document_head(options);
        doc["drive"] = drive_ref(r.drive);
        doc["interval_ms"] = optional_long(p.interval_ms);
        doc["default_interval_ms"] = optional_long(p.default_ms);
        const bool enabled =
            p.interval_ms &&
            (*p.interval_ms > 0 || (*p.interval_ms < 0 && p.default_ms && *p.default_ms > 0));
        doc["enabled"] = p.interval_ms ? Json(enabled) : Json(nullptr);
        doc["changed"] = r.changed;
        finish_document(doc, ExitCode::ok, nullptr);
        return;
    }
    std::string state = "unknown";
    if (p.interval_ms) {
        if (*p.interval_ms == 0)
            state = "off";
        else if (*p.interval_ms > 0)
            state = fmt::format("every {} ms", *p.interval_ms);
        else
            state = p.default_ms ? (*p.default_ms > 0
                                        ? fmt::format("system default (every {} ms)", *p.default_ms)
                                        : "system default (off)")
                                 : "system default";
    }
    std::printf("%s media change polling %s%s\n", message_subject(r.drive.name).c_str(),
                r.changed ? "now " : "", state.c_str());
}

}  // namespace discrec::output
