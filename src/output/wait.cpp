#include "output/wait.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "output/json_document.hpp"
#include "util/subject.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;

Json state_json(const drive::WaitObservation& o) {
    Json j;
    const auto& m = o.media;
    j["tray_open"] = m ? optional_json(m->tray_open) : Json(nullptr);
    j["medium_present"] = m ? optional_json(m->medium_present) : Json(nullptr);
    j["ready"] = m ? Json(m->ready) : Json(nullptr);
    j["not_ready_reason"] = m ? optional_json(m->not_ready_reason) : Json(nullptr);
    j["blank"] = optional_json(o.blank);
    j["holders"] = holders_json(o.holders);
    j["exclusive_owner"] = exclusive_owner_json(o.exclusive_owner);
    return j;
}

}  // namespace

void print_wait(const OutputOptions& options, const WaitReport& r, ExitCode exit_status,
                const Error* error) {
    const auto& o = r.outcome;
    if (options.json) {
        auto doc = document_head(options);
        doc["drive"] = drive_ref_json(r.location);
        doc["for"] = std::string(drive::wait_state_name(r.wanted));
        doc["reached"] = o.reached;
        doc["waited_ms"] = o.waited.count();
        doc["polls"] = o.polls;
        doc["state"] = state_json(o.last);
        finish_document(doc, exit_status, error);
        return;
    }
    if (!o.reached) return;  // the error line on stderr says it all
    const std::string line =
        fmt::format("{} {} after {:.1f} s ({})\n", message_subject(r.location.name),
                    drive::wait_state_name(r.wanted), static_cast<double>(o.waited.count()) / 1000,
                    drive::observation_text(r.wanted, o.last));
    std::fputs(line.c_str(), stdout);
}

}  // namespace discrec::output
