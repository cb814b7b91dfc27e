// discrec watch [DRIVE...] [--interval MS] [--timeout SECONDS] [--count N]: a snapshot of
// every watched drive's state, then one line per event until SIGINT/SIGTERM, the timeout or
// the count. Sources, cheapest first: where the kernel polls a drive (events_poll_msecs) its
// uevents say when to look, and the drive is asked nothing in between; elsewhere it is polled
// with commands that consume nothing (drive::poll_watch_state). Drives come and go with
// sysfs, read again when a uevent says one came or went (every interval only where no uevents
// arrive), or, on Windows, when the OS's device notifications say so (CM_Register_Notification;
// every interval where it lacks them). The time and the uevents go through
// platform::WatchTimeline, so that --replay takes the recorded turns at the recorded times.
#include <algorithm>
#include <chrono>
#include <map>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "drive/watch.hpp"
#include "output/watch.hpp"
#include "platform/watch.hpp"
#include "util/subject.hpp"

namespace discrec::cli {
namespace {

struct WatchOptions {
    std::vector<std::string> drives;
    int interval_ms = 1000;
    double timeout_seconds = -1;  // < 0: until stopped
    long count = -1;              // < 0: no limit
};

constexpr int k_watch_rescan_turns = 3;

struct Watched {
    output::WatchedDrive drive;
    bool uevent_driven = false;
    bool look = false;          // a uevent came for it: ask at the next turn
    bool media_change = false;  // ... and it said the medium changed
};

// A medium is in but not found ready yet: asked at every turn (no uevent says when it
// becomes ready).
bool watch_settling(const std::optional<drive::WatchState>& st) {
    return st && st->medium_present.value_or(false) && !st->ready.value_or(false);
}

class Watcher {
public:
    Watcher(Context& ctx, const WatchOptions& opts) : m_ctx(ctx), m_opts(opts) {}
    ExitCode run();

private:
    Result<std::vector<platform::DriveLocation>> current_drives();
    void add(const platform::DriveLocation& location, bool announce);
    std::optional<drive::WatchState> ask(Watched& w);
    void emit(const platform::DriveLocation& location,
              const std::optional<drive::WatchState>& before,
              const std::optional<drive::WatchState>& after, bool media_change);
    void take_uevents(const std::vector<platform::DriveUevent>& uevents);
    void turn();
    [[nodiscard]] bool done() const;
    [[nodiscard]] std::chrono::milliseconds next_wait() const;

    Context& m_ctx;
    const WatchOptions& m_opts;
    std::vector<std::string> m_names;  // the DRIVE spellings resolved to names; empty: all
    std::map<std::string, Watched> m_watched;
    std::optional<platform::WatchTimeline> m_timeline;
    // The drives sysfs listed when it was last read. It is read again only when a uevent
    // says a drive came or went (or events were lost), when a drive could not be asked, or
    // on every turn where no uevents arrive at all: not every interval. A uevent comes before
    // sysfs has finished (the kernel sends "remove" before it deletes the directory, and a
    // new drive's sg node is a device of its own): read for a few turns after one.
    std::vector<platform::DriveLocation> m_present;
    int m_rescan = 0;  // turns left that read sysfs
    // Windows: the OS's device notifications; while they say nothing came or went, the last
    // list (m_present) stands.
    std::unique_ptr<platform::DriveListChanges> m_list_changes;
    long m_events = 0;
    platform::WatchTurn m_turn;  // the current turn: its time stamps the events
};

Result<std::vector<platform::DriveLocation>> Watcher::current_drives() {
    // The first call answers true (the list read before the registration may be out of date).
    if (m_list_changes && !m_list_changes->changed()) return m_present;
    auto all = platform::enumerate_drives(m_ctx.roots);
    if (!all) return all.error();
    if (m_ctx.trace && m_list_changes) {
        note(m_ctx,
             "the OS says a drive came or went (or it is the first turn): the drives "
             "listed again");
    }
    if (m_names.empty()) return all;
    std::erase_if(*all, [this](const platform::DriveLocation& d) {
        return std::find(m_names.begin(), m_names.end(), d.name) == m_names.end();
    });
    return all;
}

std::optional<drive::WatchState> Watcher::ask(Watched& w) {
    // A drive that is gone (not one that refuses, e.g. no permission) has sysfs read again.
    const auto gone = [this](const Error& e) {
        if (e.kind == ErrorKind::no_such_drive) m_rescan = std::max(m_rescan, 1);
    };
    auto d = drive::open_drive(w.drive.location, open_options(m_ctx));
    if (!d) {
        gone(d.error());
        return std::nullopt;
    }
    auto s = drive::poll_watch_state(*d, w.drive.state);
    if (!s) {
        gone(s.error());
        return std::nullopt;
    }
    return *s;
}

void Watcher::add(const platform::DriveLocation& location, bool announce) {
    Watched w;
    w.drive.location = location;
    w.uevent_driven = m_timeline->has_uevents() &&
                      platform::os_polls_media(platform::media_polling(location, m_ctx.roots));
    w.drive.source = w.uevent_driven ? "uevents" : "polling";
    if (m_ctx.trace) {
        note(m_ctx, w.uevent_driven
                        ? fmt::format("{} the kernel polls its media: its uevents say when to "
                                      "ask (GET CONFIGURATION, MECHANISM STATUS), nothing is "
                                      "sent in between",
                                      message_subject(location.name))
                        : fmt::format("{} polled every {} ms with GET CONFIGURATION and "
                                      "MECHANISM STATUS (READ CAPACITY until a medium is "
                                      "ready); GESN and TEST UNIT READY are never sent",
                                      message_subject(location.name), m_opts.interval_ms));
    }
    // A drive that cannot be asked now is there all the same: its state unknown.
    w.drive.state = ask(w).value_or(drive::WatchState{});
    if (announce) emit(location, std::nullopt, w.drive.state, false);
    m_watched[location.name] = std::move(w);
}

void Watcher::emit(const platform::DriveLocation& location,
                   const std::optional<drive::WatchState>& before,
                   const std::optional<drive::WatchState>& after, bool media_change) {
    const auto events = drive::derive_events(before, after, media_change);
    if (events.empty()) return;  // the common case: nothing built, nothing printed
    const auto time = output::rfc3339(m_turn.utc);
    for (auto e : events) {
        if (done()) return;
        output::print_watch_event(m_ctx.output, time, location, e, before, after);
        ++m_events;
    }
}

// A stop request is the turn's (taken when its wait ends), not read again here: what a turn
// prints then depends on the turn alone, so that --replay prints what the live run printed.
bool Watcher::done() const {
    if (m_turn.stop) return true;
    if (m_opts.count >= 0 && m_events >= m_opts.count) return true;
    if (m_opts.timeout_seconds < 0) return false;
    return m_turn.elapsed >= std::chrono::duration<double>(m_opts.timeout_seconds);
}

// The interval, or less when the timeout ends sooner. When every drive is watched through
// the kernel's uevents and none is settling (nothing would be asked at the turn), the wait
// is for the next uevent alone: no turn, no wake-up, at every interval.
std::chrono::milliseconds Watcher::next_wait() const {
    constexpr auto k_quiet_wait = std::chrono::hours(1);
    const bool quiet = m_timeline->has_uevents() && m_rescan == 0 &&
                       std::all_of(m_watched.begin(), m_watched.end(), [](const auto& entry) {
                           const Watched& w = entry.second;
                           return w.uevent_driven && !w.look && !watch_settling(w.drive.state);
                       });
    const auto interval = quiet
                              ? std::chrono::duration_cast<std::chrono::milliseconds>(k_quiet_wait)
                              : std::chrono::milliseconds(m_opts.interval_ms);
    if (m_opts.timeout_seconds < 0) return interval;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::duration<double>(m_opts.timeout_seconds)) -
                      m_turn.elapsed;
    return std::clamp(left, std::chrono::milliseconds(0), interval);
}

void Watcher::take_uevents(const std::vector<platform::DriveUevent>& uevents) {
    for (const auto& e : uevents) {
        if (m_ctx.trace) {
            note(m_ctx, fmt::format("uevent: {} {}{}{}", e.action, e.name,
                                    e.media_change ? " DISK_MEDIA_CHANGE=1" : "",
                                    e.eject_request ? " DISK_EJECT_REQUEST=1" : ""));
        }
        if (e.action != "change") m_rescan = k_watch_rescan_turns;  // add, remove, events lost
        auto it = m_watched.find(e.name);
        if (it == m_watched.end()) continue;  // added drives are found in sysfs
        it->second.look = true;
        it->second.media_change = it->second.media_change || e.media_change;
    }
}

void Watcher::turn() {
    const auto& now = m_present;
    for (auto it = m_watched.begin(); it != m_watched.end();) {
        const bool present =
            std::any_of(now.begin(), now.end(), [&](const auto& d) { return d.name == it->first; });
        if (present) {
            ++it;
            continue;
        }
        emit(it->second.drive.location, it->second.drive.state, std::nullopt, false);
        it = m_watched.erase(it);
    }
    for (const auto& location : now) {
        auto found = m_watched.find(location.name);
        if (found == m_watched.end()) {
            add(location, true);
            continue;
        }
        Watched& w = found->second;
        // Between uevents nothing is asked, except of a new medium that is not ready yet (no
        // uevent says when it becomes ready).
        if (w.uevent_driven && !w.look && !watch_settling(w.drive.state)) continue;
        auto after = ask(w);
        if (!after) continue;  // could not be asked this time: not an event by itself
        emit(location, w.drive.state, after, w.media_change);
        w.drive.state = after;
        w.look = w.media_change = false;
    }
}

ExitCode Watcher::run() {
    auto chosen = choose_drives(m_ctx, m_opts.drives);
    if (!chosen) return report_error(m_ctx, chosen.error());
    for (const auto& d : *chosen) {
        if (!m_opts.drives.empty()) m_names.push_back(d.name);
    }
    m_timeline = platform::WatchTimeline::start();
    if (!m_timeline->has_uevents() && m_ctx.trace) note(m_ctx, m_timeline->uevent_error());
    m_turn.utc = m_timeline->started();
    // Registered before the first turn lists the drives again, so nothing that comes between
    // the list above and the registration is missed.
    if (auto changes = platform::open_drive_list_changes()) {
        m_list_changes = std::move(*changes);
        if (m_ctx.trace) note(m_ctx, m_list_changes->source());
    } else if (m_ctx.trace) {
        note(m_ctx, changes.error().message);
    }
    std::vector<output::WatchedDrive> snapshot;
    for (const auto& d : *chosen) {
        add(d, false);
        snapshot.push_back(m_watched[d.name].drive);
    }
    m_present = *chosen;
    output::print_watch_snapshot(m_ctx.output, output::rfc3339(m_turn.utc), snapshot);
    while (!done()) {
        m_turn = m_timeline->next(next_wait());
        take_uevents(m_turn.uevents);
        if (done()) break;
        if (m_rescan > 0 || !m_timeline->has_uevents()) {
            auto now = current_drives();
            if (!now) return report_error(m_ctx, now.error());
            m_present = std::move(*now);
            m_rescan = std::max(m_rescan - 1, 0);
        }
        turn();
    }
    return ExitCode::ok;
}

}  // namespace

void register_watch(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<WatchOptions>();
    CLI::App* sub = app.add_subcommand(
        "watch", "Report drive and media events (JSON Lines with --json) until stopped");
    sub->add_option("DRIVE", opts->drives, k_drives_help);
    sub->add_option("--interval", opts->interval_ms,
                    "Look every MS milliseconds where the kernel does not poll (default 1000)")
        ->type_name("MS")
        ->check(CLI::Range(50, 60000));
    sub->add_option("--timeout", opts->timeout_seconds, "End after SECONDS (exit 0)")
        ->type_name("SECONDS")
        ->check(CLI::Range(0.0, 31536000.0));
    sub->add_option("--count", opts->count, "End after N events (exit 0)")
        ->type_name("N")
        ->check(CLI::Range(1L, 1000000000L));
    sub->footer(
        "Examples:\n  discrec watch --json | while read -r line; do ...; done\n"
        "  discrec watch sr0 --count 1 --json   # the next event of sr0\n"
        "Ends with exit 0 on SIGINT or SIGTERM, --timeout or --count.\n");
    sub->callback(
        [&ctx, opts] { ctx.action = [&ctx, opts] { return Watcher(ctx, *opts).run(); }; });
}

}  // namespace discrec::cli
