// OS facts for a command that runs until it is told to stop (`discrec watch`): stop requests,
// and the kernel's own device events, so that drives the OS already polls are not asked at
// all while nothing happens.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "platform/tray.hpp"
#include "util/result.hpp"

namespace discrec::platform {

// SIGINT and SIGTERM (Windows: Ctrl+C, Ctrl+Break, closing the console) end the run cleanly:
// after catch_stop_requests() they only set a flag that stop_requested() reads.
void catch_stop_requests();
bool stop_requested();
// Sleeps up to `duration`, returning early (false) when a stop is requested.
bool sleep_unless_stopped(std::chrono::milliseconds duration);

// One kernel event about an optical drive (Linux uevents of the block subsystem, srN).
struct DriveUevent {
    std::string action;          // "add", "remove", "change"
    std::string name;            // "sr0"
    bool media_change = false;   // DISK_MEDIA_CHANGE=1: the kernel's poll saw a medium change
    bool eject_request = false;  // DISK_EJECT_REQUEST=1: the eject button was pressed
};

// One message of the kernel's uevent netlink group: "ACTION@DEVPATH\0KEY=VALUE\0..."
// (lib/kobject_uevent.c). `name` stays empty unless it is a block device srN. Pure (the
// socket is linux_watch.cpp's).
DriveUevent parse_drive_uevent(std::string_view message);

class UeventSource {
public:
    virtual ~UeventSource() = default;
    // Waits up to `timeout` for events (returns early, possibly with none, on a stop request).
    virtual std::vector<DriveUevent> wait(std::chrono::milliseconds timeout) = 0;
};
// Linux: a NETLINK_KOBJECT_UEVENT socket on the kernel's group (no udev needed, no
// privilege). Windows: not_supported (watch polls there).
Result<std::unique_ptr<UeventSource>> open_uevent_source();

// The clock and the kernel's events a watch runs on, through the run log. Live, each turn
// waits (in poll() on the uevent socket, or asleep) and reads the clocks once; --record writes
// the start and every turn as facts ("watch_start", "watch_turn", key "watch"); --replay
// answers them from the recording without waiting, so that a replayed watch prints the
// recorded times and takes the recorded turns, and the recording's last turn ends it as a
// stop request would.
struct WatchTurn {
    std::chrono::system_clock::time_point utc;  // when the turn began: its events' timestamps
    std::chrono::milliseconds elapsed{0};       // since the watch started (--timeout)
    std::vector<DriveUevent> uevents;
    bool stop = false;  // SIGINT/SIGTERM, or a replay's recording ended
};

class WatchTimeline {
public:
    // Catches stop requests and opens the uevent source (live), or reads the recorded start.
    static WatchTimeline start();
    WatchTimeline(WatchTimeline&&) noexcept;
    WatchTimeline& operator=(WatchTimeline&&) noexcept;
    ~WatchTimeline();

    // Whether kernel uevents arrive (else the watch polls every drive); why not.
    [[nodiscard]] bool has_uevents() const noexcept { return m_has_uevents; }
    [[nodiscard]] const std::string& uevent_error() const noexcept { return m_uevent_error; }
    [[nodiscard]] std::chrono::system_clock::time_point started() const noexcept {
        return m_started;
    }
    // Waits up to `timeout` (for uevents, or asleep) and says what came and when.
    WatchTurn next(std::chrono::milliseconds timeout);

private:
    WatchTimeline() = default;
    std::unique_ptr<UeventSource> m_uevents;
    bool m_has_uevents = false;
    std::string m_uevent_error;
    std::chrono::system_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_started_steady;
    WatchTurn m_last;  // a replay's last turn, repeated as the stop when the recording ends
};
// Drives coming and going, from the OS's device notifications, so that the drive list is read
// again only when it changed (Windows enumerates by opening every drive).
class DriveListChanges {
public:
    virtual ~DriveListChanges() = default;
    // Whether a drive came or went since the last call; true at the first call (the list
    // read before the notifications were registered may already be out of date).
    virtual bool changed() = 0;
    // What tells, for --trace.
    [[nodiscard]] virtual std::string source() const = 0;
};
// Windows: CM_Register_Notification (cfgmgr32.dll, Windows 8+) for the CD-ROM device interface
// class, looked up at run time; not_supported, saying why, where cfgmgr32 lacks it (Wine 8) or
// refuses, and under --record/--replay: then the drives are listed every interval. Linux:
// not_supported (the kernel's uevents say when sysfs is read again: WatchTimeline; no command
// is sent for it).
Result<std::unique_ptr<DriveListChanges>> open_drive_list_changes();

// Whether the OS polls this drive for media changes itself (Linux events_poll_msecs > 0, or -1
// with a system default > 0): then its uevents say when to look.
inline bool os_polls_media(const MediaPolling& p) {
    if (!p.interval_ms) return false;
    if (*p.interval_ms > 0) return true;
    return *p.interval_ms == -1 && p.default_ms && *p.default_ms > 0;
}

}  // namespace discrec::platform
