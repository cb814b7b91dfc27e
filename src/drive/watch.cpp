#include "drive/watch.hpp"

#include <array>

#include "mmc/cdb.hpp"

namespace discrec::drive {
namespace {

constexpr std::array<std::string_view, 9> k_watch_event_names = {
    "drive_added",    "drive_removed",  "tray_opened", "tray_closed", "medium_inserted",
    "medium_removed", "medium_changed", "ready",       "not_ready",
};
// The feature header alone (MMC-6 §6.6.2.1): its current profile is all watch needs.
constexpr std::uint16_t k_watch_header_alloc = 8;
constexpr std::uint16_t k_watch_mechanism_alloc = 8;
constexpr std::uint16_t k_watch_capacity_alloc = 8;

}  // namespace

std::string_view watch_event_name(WatchEvent e) {
    return k_watch_event_names[static_cast<std::size_t>(e)];
}

std::vector<WatchEvent> derive_events(const std::optional<WatchState>& before,
                                      const std::optional<WatchState>& after, bool media_change) {
    std::vector<WatchEvent> out;
    if (!before && !after) return out;
    if (!before) return {WatchEvent::drive_added};
    if (!after) return {WatchEvent::drive_removed};
    const auto& b = *before;
    const auto& a = *after;
    if (b.tray_open && a.tray_open && *b.tray_open != *a.tray_open)
        out.push_back(*a.tray_open ? WatchEvent::tray_opened : WatchEvent::tray_closed);
    const bool had = b.medium_present.value_or(false);
    const bool has = a.medium_present.value_or(false);
    if (!had && has) out.push_back(WatchEvent::medium_inserted);
    if (had && !has) out.push_back(WatchEvent::medium_removed);
    if (had && has && (b.profile != a.profile || media_change))
        out.push_back(WatchEvent::medium_changed);
    const bool was_ready = b.ready.value_or(false);
    const bool is_ready = a.ready.value_or(false);
    if (!was_ready && is_ready) out.push_back(WatchEvent::ready);
    if (was_ready && !is_ready) out.push_back(WatchEvent::not_ready);
    return out;
}

Result<WatchState> poll_watch_state(Drive& drive, const std::optional<WatchState>& previous) {
    WatchState s;
    auto& runner = drive.runner();
    auto header =
        runner.run(mmc::get_configuration(mmc::ConfigurationRt::one, 0, k_watch_header_alloc),
                   Direction::from_device, k_watch_header_alloc, k_quick_timeout);
    if (header.ok()) {
        const auto c = mmc::decode_configuration(header.data);
        if (c.usable) {
            s.profile = c.current_profile;
            s.medium_present = c.current_profile != 0;
        }
    } else if (header.error.kind == ErrorKind::timeout ||
               header.error.kind == ErrorKind::no_such_drive) {
        return header.error;
    }
    auto mech = runner.run(mmc::mechanism_status(k_watch_mechanism_alloc), Direction::from_device,
                           k_watch_mechanism_alloc, k_quick_timeout);
    if (mech.ok()) {
        const auto m = mmc::decode_mechanism_status(mech.data);
        if (m.usable) s.tray_open = m.door_open;
    }
    if (!s.medium_present.value_or(false)) {
        if (s.medium_present) s.ready = false;
        return s;
    }
    // Ready is asked until it is found; then it holds until the medium changes.
    if (previous && previous->ready.value_or(false) && previous->profile == s.profile) {
        s.ready = true;
        return s;
    }
    auto cap = runner.run(mmc::read_capacity(), Direction::from_device, k_watch_capacity_alloc,
                          k_quick_timeout);
    s.ready = cap.ok();
    return s;
}

}  // namespace discrec::drive
