// What watch shares on every OS: reading a uevent message, and sleeping in slices so that a
// stop request (the OS-specific handlers in linux_watch.cpp / windows_watch.cpp) ends it
// within 50 ms.
#include <algorithm>
#include <thread>

#include "platform/watch.hpp"

namespace discrec::platform {

DriveUevent parse_drive_uevent(std::string_view message) {
    DriveUevent e;
    std::string_view subsystem;
    std::size_t at = 0;
    while (at < message.size()) {
        const std::size_t end = std::min(message.find('\0', at), message.size());
        const std::string_view kv = message.substr(at, end - at);
        at = end + 1;
        const auto eq = kv.find('=');
        if (eq == std::string_view::npos) continue;  // the "ACTION@DEVPATH" header
        const auto key = kv.substr(0, eq);
        auto value = kv.substr(eq + 1);
        if (key == "ACTION") e.action = value;
        if (key == "DEVNAME") {
            if (value.starts_with("/dev/")) value.remove_prefix(5);
            e.name = value;
        }
        if (key == "SUBSYSTEM") subsystem = value;
        if (key == "DISK_MEDIA_CHANGE") e.media_change = value == "1";
        if (key == "DISK_EJECT_REQUEST") e.eject_request = value == "1";
    }
    if (subsystem != "block" || !e.name.starts_with("sr")) e.name.clear();
    return e;
}

bool sleep_unless_stopped(std::chrono::milliseconds duration) {
    constexpr auto k_slice = std::chrono::milliseconds(50);
    const auto end = std::chrono::steady_clock::now() + duration;
    while (!stop_requested()) {
        const auto left = end - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero()) return true;
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, k_slice));
    }
    return false;
}

}  // namespace discrec::platform
