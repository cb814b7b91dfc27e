// WatchTimeline: a watch's clock and kernel events, live, recorded (--record) or replayed
// (--replay) as the facts "watch_start" and "watch_turn" (schemas/recording.schema.json).
#include <algorithm>

#include "platform/watch.hpp"
#include "transport/run_log.hpp"

namespace discrec::platform {
namespace {

using Json = RunLog::Json;
using Utc = std::chrono::system_clock;

constexpr const char* k_watch_key = "watch";

std::int64_t utc_ms(Utc::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

Utc::time_point utc_of(const Json& j, Utc::time_point fallback) {
    const auto it = j.find("utc_ms");
    if (it == j.end() || !it->is_number_integer()) return fallback;
    return Utc::time_point(std::chrono::milliseconds(it->get<std::int64_t>()));
}

std::int64_t int_or(const Json& j, const char* key, std::int64_t fallback) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

bool flag_of(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::string text_or_empty(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

Json uevent_to_json(const DriveUevent& e) {
    return {{"action", e.action},
            {"name", e.name},
            {"media_change", e.media_change},
            {"eject_request", e.eject_request}};
}

DriveUevent uevent_from_json(const Json& j) {
    if (!j.is_object()) return {};
    return {text_or_empty(j, "action"), text_or_empty(j, "name"), flag_of(j, "media_change"),
            flag_of(j, "eject_request")};
}

}  // namespace

WatchTimeline::WatchTimeline(WatchTimeline&&) noexcept = default;
WatchTimeline& WatchTimeline::operator=(WatchTimeline&&) noexcept = default;
WatchTimeline::~WatchTimeline() = default;

WatchTimeline WatchTimeline::start() {
    catch_stop_requests();
    WatchTimeline t;
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) {
        const Json j = log->replay_fact("watch_start", k_watch_key);
        t.m_started = utc_of(j, Utc::time_point{});
        t.m_has_uevents = flag_of(j, "uevents");
        t.m_uevent_error = text_or_empty(j, "uevent_error");
        t.m_last.utc = t.m_started;
        return t;
    }
    if (auto source = open_uevent_source()) {
        t.m_uevents = std::move(*source);
        t.m_has_uevents = true;
    } else {
        t.m_uevent_error = source.error().message;
    }
    t.m_started = Utc::now();
    t.m_started_steady = std::chrono::steady_clock::now();
    if (log != nullptr) {
        log->record_fact({{"type", "watch_start"},
                          {"key", k_watch_key},
                          {"utc_ms", utc_ms(t.m_started)},
                          {"uevents", t.m_has_uevents},
                          {"uevent_error", t.m_uevent_error}});
    }
    return t;
}

WatchTurn WatchTimeline::next(std::chrono::milliseconds timeout) {
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) {
        const auto j = log->replay_fact_if_any("watch_turn", k_watch_key);
        if (!j) {
            m_last.uevents.clear();
            m_last.stop = true;
            return m_last;
        }
        WatchTurn turn;
        turn.utc = utc_of(*j, m_last.utc);
        turn.elapsed = std::chrono::milliseconds(
            std::clamp<std::int64_t>(int_or(*j, "elapsed_ms", 0), 0, std::int64_t{1} << 40));
        const auto events = j->find("uevents");
        if (events != j->end() && events->is_array()) {
            for (const auto& e : *events) turn.uevents.push_back(uevent_from_json(e));
        }
        turn.stop = flag_of(*j, "stop");
        m_last = turn;
        return turn;
    }
    WatchTurn turn;
    if (m_uevents) {
        turn.uevents = m_uevents->wait(timeout);
    } else {
        sleep_unless_stopped(timeout);
    }
    turn.utc = Utc::now();
    turn.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - m_started_steady);
    turn.stop = stop_requested();
    if (log != nullptr) {
        Json events = Json::array();
        for (const auto& e : turn.uevents) events.push_back(uevent_to_json(e));
        log->record_fact({{"type", "watch_turn"},
                          {"key", k_watch_key},
                          {"utc_ms", utc_ms(turn.utc)},
                          {"elapsed_ms", turn.elapsed.count()},
                          {"uevents", events},
                          {"stop", turn.stop}});
    }
    return turn;
}

}  // namespace discrec::platform
