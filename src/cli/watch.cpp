// discrec watch [DRIVE...] [--interval MS] [--timeout SECONDS] [--count N]: a snapshot of
// every watched drive's state, then one line per event until SIGINT/SIGTERM, the timeout or
// the count. Sources, cheapest first: where the kernel polls a drive (events_poll_msecs) its
// uevents say when to look, and the drive is asked nothing in between; elsewhere it is polled
// with commands that consume nothing (drive::poll_watch_state). Drives come and go with
// the OS's device notifications where it has them (Windows: CM_Register_Notification), the
// list read again only then; else it is read every interval (Linux: sysfs, no command).
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

struct Watched {
    output::WatchedDrive drive;
    bool uevent_driven = false;
    bool look = false;          // a uevent came for it: ask at the next turn
    bool media_change = false;  // ... and it said the medium changed
};

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
    void turn(const std::vector<platform::DriveLocation>& now);
    [[nodiscard]] bool done() const;

    Context& m_ctx;
    const WatchOptions& m_opts;
    std::vector<std::string> m_names;  // the DRIVE spellings resolved to names; empty: all
    std::map<std::string, Watched> m_watched;
    std::unique_ptr<platform::UeventSource> m_uevents;
    std::unique_ptr<platform::DriveListChanges> m_list_changes;
    std::vector<platform::DriveLocation> m_listed;  // the last list, while nothing came or went
    bool m_listed_once = false;
    long m_events = 0;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

Result<std::vector<platform::DriveLocation>> Watcher::current_drives() {
    if (m_list_changes && !m_list_changes->changed()) return m_listed;
    auto all = platform::enumerate_drives(m_ctx.roots);
    if (!all) return all.error();
    if (m_ctx.trace && m_list_changes && m_listed_once)
        note(m_ctx, "the OS says a drive came or went: the drives listed again");
    m_listed_once = true;
    if (!m_names.empty()) {
        std::erase_if(*all, [this](const platform::DriveLocation& d) {
            return std::find(m_names.begin(), m_names.end(), d.name) == m_names.end();
        });
    }
    m_listed = *all;
    return all;
}

std::optional<drive::WatchState> Watcher::ask(Watched& w) {
    auto d = drive::open_drive(w.drive.location, open_options(m_ctx));
    if (!d) return std::nullopt;  // vanished (the next enumeration says so) or refused
    auto s = drive::poll_watch_state(*d, w.drive.state);
    if (!s) return std::nullopt;
    return *s;
}

void Watcher::add(const platform::DriveLocation& location, bool announce) {
    Watched w;
    w.drive.location = location;
    w.uevent_driven = m_uevents != nullptr &&
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
    const auto time = output::rfc3339(std::chrono::system_clock::now());
    for (auto e : drive::derive_events(before, after, media_change)) {
        if (done()) return;
        output::print_watch_event(m_ctx.output, time, location, e, before, after);
        ++m_events;
    }
}

bool Watcher::done() const {
    if (platform::stop_requested()) return true;
    if (m_opts.count >= 0 && m_events >= m_opts.count) return true;
    if (m_opts.timeout_seconds < 0) return false;
    return std::chrono::steady_clock::now() - m_start >=
           std::chrono::duration<double>(m_opts.timeout_seconds);
}

void Watcher::turn(const std::vector<platform::DriveLocation>& now) {
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
        const auto& st = w.drive.state;
        const bool settling =
            st && st->medium_present.value_or(false) && !st->ready.value_or(false);
        if (w.uevent_driven && !w.look && !settling) continue;
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
    platform::catch_stop_requests();
    // Registered before the first turn lists the drives again, so nothing that comes between
    // the list above and the registration is missed.
    if (auto changes = platform::open_drive_list_changes()) {
        m_list_changes = std::move(*changes);
        if (m_ctx.trace) note(m_ctx, m_list_changes->source());
    } else if (m_ctx.trace) {
        note(m_ctx, changes.error().message);
    }
    if (auto source = platform::open_uevent_source()) {
        m_uevents = std::move(*source);
    } else if (m_ctx.trace) {
        note(m_ctx, source.error().message);
    }
    std::vector<output::WatchedDrive> snapshot;
    for (const auto& d : *chosen) {
        add(d, false);
        snapshot.push_back(m_watched[d.name].drive);
    }
    output::print_watch_snapshot(m_ctx.output, output::rfc3339(std::chrono::system_clock::now()),
                                 snapshot);
    const auto interval = std::chrono::milliseconds(m_opts.interval_ms);
    while (!done()) {
        if (m_uevents) {
            for (const auto& e : m_uevents->wait(interval)) {
                if (m_ctx.trace) {
                    note(m_ctx, fmt::format("uevent: {} {}{}{}", e.action, e.name,
                                            e.media_change ? " DISK_MEDIA_CHANGE=1" : "",
                                            e.eject_request ? " DISK_EJECT_REQUEST=1" : ""));
                }
                auto it = m_watched.find(e.name);
                if (it == m_watched.end()) continue;  // added drives are found in sysfs
                it->second.look = true;
                it->second.media_change = it->second.media_change || e.media_change;
            }
        } else {
            platform::sleep_unless_stopped(interval);
        }
        if (done()) break;
        auto now = current_drives();
        if (!now) return report_error(m_ctx, now.error());
        turn(*now);
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
