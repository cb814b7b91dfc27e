// `discrec watch`: the events between two states of a drive (drive::derive_events), on the
// state pairs QEMU's drives go through (shared/vm/README.md: `eject -f` leaves current
// profile 0000h; `change` gives the image's profile, 0008h for the CD, 0010h for the DVD;
// MECHANISM STATUS never sets the door open bit), and a real tray.
#include <doctest/doctest.h>

#include "drive/watch.hpp"

using namespace discrec;
using drive::WatchEvent;
using drive::WatchState;

namespace {

WatchState cd(bool ready) { return {false, true, ready, 0x0008}; }
const WatchState k_empty{false, false, false, 0x0000};
const WatchState k_open{true, false, false, 0x0000};

std::vector<WatchEvent> events(const std::optional<WatchState>& b,
                               const std::optional<WatchState>& a, bool change = false) {
    return drive::derive_events(b, a, change);
}

}  // namespace

TEST_CASE("watch: event names") {
    CHECK(drive::watch_event_name(WatchEvent::drive_added) == "drive_added");
    CHECK(drive::watch_event_name(WatchEvent::medium_changed) == "medium_changed");
    CHECK(drive::watch_event_name(WatchEvent::not_ready) == "not_ready");
}

TEST_CASE("watch: nothing changed, nothing happened") {
    CHECK(events(cd(true), cd(true)).empty());
    CHECK(events(k_empty, k_empty).empty());
    CHECK(events(std::nullopt, std::nullopt).empty());
    CHECK(events(WatchState{}, WatchState{}).empty());  // a drive that says nothing
}

TEST_CASE("watch: QEMU's eject -f and change, in order") {
    // Pulled: the profile goes to 0, READ CAPACITY is no longer asked.
    CHECK(events(cd(true), k_empty) ==
          std::vector{WatchEvent::medium_removed, WatchEvent::not_ready});
    // Inserted: the profile is there at once, READ CAPACITY not yet good (2/3A/00)...
    CHECK(events(k_empty, cd(false)) == std::vector{WatchEvent::medium_inserted});
    // ... then ready at the next look.
    CHECK(events(cd(false), cd(true)) == std::vector{WatchEvent::ready});
    // Both within one interval.
    CHECK(events(k_empty, cd(true)) == std::vector{WatchEvent::medium_inserted, WatchEvent::ready});
}

TEST_CASE("watch: a medium swapped for another") {
    const WatchState dvd{false, true, true, 0x0010};
    CHECK(events(cd(true), dvd) == std::vector{WatchEvent::medium_changed});
    // The same kind of disc swapped between two looks: only the kernel's event tells.
    CHECK(events(cd(true), cd(true), true) == std::vector{WatchEvent::medium_changed});
    CHECK(events(k_empty, k_empty, true).empty());
}

TEST_CASE("watch: a tray that says it opens") {
    CHECK(events(k_empty, k_open) == std::vector{WatchEvent::tray_opened});
    CHECK(events(k_open, cd(false)) ==
          std::vector{WatchEvent::tray_closed, WatchEvent::medium_inserted});
    // Unknown tray state (MECHANISM STATUS refused) is no event either way.
    WatchState unknown_tray = k_empty;
    unknown_tray.tray_open.reset();
    CHECK(events(unknown_tray, k_open).empty());
}

TEST_CASE("watch: drives that come and go") {
    CHECK(events(std::nullopt, cd(true)) == std::vector{WatchEvent::drive_added});
    CHECK(events(cd(true), std::nullopt) == std::vector{WatchEvent::drive_removed});
}
