#include "output/watch.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "mmc/tables/profiles.hpp"
#include "output/json_document.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;

Json state_json(const std::optional<drive::WatchState>& s) {
    if (!s) return {{"present", false}};
    Json j;
    j["present"] = true;
    j["tray_open"] = optional_json(s->tray_open);
    j["medium_present"] = optional_json(s->medium_present);
    j["ready"] = optional_json(s->ready);
    j["profile"] = current_profile_json(s->profile);
    return j;
}

std::string state_text(const std::optional<drive::WatchState>& s) {
    if (!s) return "gone";
    std::vector<std::string> parts;
    if (s->tray_open) parts.emplace_back(*s->tray_open ? "tray open" : "tray closed");
    if (s->medium_present) {
        parts.push_back(*s->medium_present
                            ? fmt::format("medium {}", mmc::profile_name(s->profile.value_or(0)))
                            : "no medium");
    }
    if (s->ready) parts.emplace_back(*s->ready ? "ready" : "not ready");
    return parts.empty() ? "unknown" : fmt::format("{}", fmt::join(parts, ", "));
}

void emit(const Json& line) {
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

Json line_head(const std::string& event, const std::string& time) {
    Json j;
    j["json_format_version"] = {k_json_format_major, k_json_format_minor};
    j["event"] = event;
    j["time"] = time;
    return j;
}

}  // namespace

std::string rfc3339(std::chrono::system_clock::time_point t) {
    // The civil calendar of <chrono> (UTC: system_clock is Unix time), not fmt's tm formatter:
    // that one formats through std::locale, which the static build does not link.
    using namespace std::chrono;
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{floor<milliseconds>(t - day)};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                       hms.hours().count(), hms.minutes().count(), hms.seconds().count(),
                       hms.subseconds().count());
}

void print_watch_snapshot(const OutputOptions& options, const std::string& time,
                          const std::vector<WatchedDrive>& drives) {
    if (options.json) {
        Json j = line_head("snapshot", time);
        j["drives"] = Json::array();
        for (const auto& d : drives) {
            j["drives"].push_back({{"drive", drive_ref_json(d.location)},
                                   {"source", d.source},
                                   {"state", state_json(d.state)}});
        }
        emit(j);
        return;
    }
    std::string out;
    for (const auto& d : drives) {
        out += fmt::format("{} {} snapshot: {} (watched by {})\n", time, d.location.name,
                           state_text(d.state), d.source);
    }
    if (drives.empty()) out = fmt::format("{} snapshot: no drives\n", time);
    std::fputs(out.c_str(), stdout);
    std::fflush(stdout);
}

void print_watch_event(const OutputOptions& options, const std::string& time,
                       const platform::DriveLocation& location, drive::WatchEvent event,
                       const std::optional<drive::WatchState>& before,
                       const std::optional<drive::WatchState>& after) {
    const std::string name(drive::watch_event_name(event));
    if (options.json) {
        Json j = line_head(name, time);
        j["drive"] = drive_ref_json(location);
        j["before"] = state_json(before);
        j["after"] = state_json(after);
        emit(j);
        return;
    }
    const std::string line = fmt::format("{} {} {}: {} -> {}\n", time, location.name, name,
                                         state_text(before), state_text(after));
    std::fputs(line.c_str(), stdout);
    std::fflush(stdout);
}

}  // namespace discrec::output
