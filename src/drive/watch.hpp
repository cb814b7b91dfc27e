// `discrec watch`: a drive's state as the cheapest commands tell it, and the events between
// two states. Commands that consume nothing the OS depends on: GET CONFIGURATION's header
// (the current profile: 0000h is no medium; MMC-6 §6.6.2: it reports no unit attention) and
// MECHANISM STATUS (the door open bit, MMC-6 §6.12); READ CAPACITY only while a new medium
// has not been found ready yet. GET EVENT STATUS NOTIFICATION and TEST UNIT READY are never
// sent: they take the drive's events and unit attentions that the kernel's own media polling
// and udisks depend on.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "drive/drive.hpp"

namespace discrec::drive {

struct WatchState {
    std::optional<bool> tray_open;       // MECHANISM STATUS door open (QEMU never sets it)
    std::optional<bool> medium_present;  // current profile != 0
    std::optional<bool> ready;           // READ CAPACITY answered (asked with a medium only)
    std::optional<std::uint16_t> profile;

    bool operator==(const WatchState&) const = default;
};

enum class WatchEvent {
    drive_added,
    drive_removed,
    tray_opened,
    tray_closed,
    medium_inserted,
    medium_removed,
    medium_changed,
    ready,
    not_ready,
};
std::string_view watch_event_name(WatchEvent e);

// The events from one state to the next (nullopt: the drive is not there). `media_change`:
// the kernel said the medium changed (a swap between two polls looks the same before and
// after). Pure: unit-tested on state pairs.
std::vector<WatchEvent> derive_events(const std::optional<WatchState>& before,
                                      const std::optional<WatchState>& after,
                                      bool media_change = false);

// Asks the drive its state: GET CONFIGURATION (header) and MECHANISM STATUS; READ CAPACITY
// when a medium is in and `previous` did not already find it ready with the same profile.
Result<WatchState> poll_watch_state(Drive& drive, const std::optional<WatchState>& previous);

}  // namespace discrec::drive
