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

}  // namespace

void print_action(const OutputOptions& options, const ActionReport& r) {
    if (options.json) {
        auto doc = document_head(options);
        doc["drive"] = drive_ref_json(r.drive);
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
        doc["drive"] = drive_ref_json(s.drive);
        doc["capabilities"] =
            s.capabilities ? lock_capabilities_json(*s.capabilities) : Json(nullptr);
        doc["locked"] = s.capabilities ? Json(s.capabilities->lock_state) : Json(nullptr);
        doc["exclusive_owner"] = exclusive_owner_json(s.exclusive_owner);
        doc["holders"] = holders_json(s.holders);
        doc["errors"] = errors_json(s.errors);
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
        kv.add("Loading mechanism", loading_mechanism_text(c.loading_mechanism));
    } else {
        kv.add("Locked", "unknown");
    }
    kv.add("Exclusive owner", exclusive_owner_text(s.exclusive_owner));
    kv.add("Held by", holders_text(s.holders));
    for (const auto& e : s.errors) kv.add("Error", e.message, Tone::error);
    std::fputs(kv.render(options.color).c_str(), stdout);
}

void print_media_polling(const OutputOptions& options, const MediaPollingReport& r) {
    const auto& p = r.polling;
    if (options.json) {
        auto doc = document_head(options);
        doc["drive"] = drive_ref_json(r.drive);
        doc["interval_ms"] = optional_json(p.interval_ms);
        doc["default_interval_ms"] = optional_json(p.default_ms);
        const bool enabled =
            p.interval_ms &&
            (*p.interval_ms > 0 || (*p.interval_ms < 0 && p.default_ms && *p.default_ms > 0));
        doc["enabled"] = p.interval_ms ? Json(enabled) : Json(nullptr);
        doc["changed"] = r.changed;
        finish_document(doc, ExitCode::ok, nullptr);
        return;
    }
    const std::string state = polling_text(p);
    std::printf("%s media change polling %s%s\n", message_subject(r.drive.name).c_str(),
                r.changed ? "now " : "", state.c_str());
}

}  // namespace discrec::output
