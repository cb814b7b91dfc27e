// `discrec watch`: the events between two states of a drive (drive::derive_events), on the
// state pairs QEMU's drives go through (shared/vm/README.md: `eject -f` leaves current
// profile 0000h; `change` gives the image's profile, 0008h for the CD, 0010h for the DVD;
// MECHANISM STATUS never sets the door open bit), and a real tray.
#include <doctest/doctest.h>

#include <string>

#include "drive/watch.hpp"
#include "platform/watch.hpp"
#include "transport/run_log.hpp"

using namespace std::string_literals;

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

namespace {

std::string uevent(std::initializer_list<const char*> parts) {
    std::string m;
    for (const char* p : parts) {
        m += p;
        m += '\0';
    }
    return m;
}

}  // namespace

// The kernel's message after the host's `change` on a virtio-scsi drive polled every 2000 ms
// in the QEMU guest (kernel 6.1; tests/vm/guest/automation.sh): ACTION, DEVPATH, SUBSYSTEM,
// DISK_MEDIA_CHANGE and DEVNAME as `udevadm monitor --kernel --property` showed them there;
// DEVTYPE, SEQNUM, MAJOR, MINOR as the kernel adds them (their values illustrative).
TEST_CASE("watch: the kernel's uevent message") {
    const std::string devpath =
        "/devices/pci0000:00/0000:00:05.0/virtio3/host2/target2:0:0/2:0:0:0/block/sr1";
    const auto change =
        uevent({("change@" + devpath).c_str(), "ACTION=change", ("DEVPATH=" + devpath).c_str(),
                "SUBSYSTEM=block", "DISK_MEDIA_CHANGE=1", "DEVNAME=sr1", "DEVTYPE=disk",
                "SEQNUM=1834", "MAJOR=11", "MINOR=1"});
    auto e = platform::parse_drive_uevent(change);
    CHECK(e.action == "change");
    CHECK(e.name == "sr1");
    CHECK(e.media_change);
    CHECK_FALSE(e.eject_request);
    e = platform::parse_drive_uevent(uevent({"change@/x", "ACTION=change", "SUBSYSTEM=block",
                                             "DISK_EJECT_REQUEST=1", "DEVNAME=/dev/sr0"}));
    CHECK(e.name == "sr0");
    CHECK(e.eject_request);
    // Not an optical drive, not a block device, or cut short: no drive named.
    CHECK(platform::parse_drive_uevent(uevent({"ACTION=change", "SUBSYSTEM=block", "DEVNAME=sda"}))
              .name.empty());
    CHECK(platform::parse_drive_uevent(
              uevent({"ACTION=add", "SUBSYSTEM=scsi_generic", "DEVNAME=sg1"}))
              .name.empty());
    CHECK(platform::parse_drive_uevent(std::string_view("ACTION=chan", 11)).name.empty());
    CHECK(platform::parse_drive_uevent({}).name.empty());
    // A value that runs to the end without its NUL is still read, never past the message.
    const std::string tail = "SUBSYSTEM=block\0DEVNAME=sr2"s;
    CHECK(platform::parse_drive_uevent(tail).name == "sr2");
}

TEST_CASE("watch: a replayed timeline takes the recorded turns, then stops") {
    const std::string text =
        R"({"type":"run","format":[1,2],"system":"linux","argv":["discrec","watch"],"enumeration":null,"resolutions":[]})"
        "\n"
        R"({"type":"watch_start","key":"watch","utc_ms":1764876001234,"uevents":true,"uevent_error":""})"
        "\n"
        R"({"type":"watch_turn","key":"watch","utc_ms":1764876002240,"elapsed_ms":1006,"uevents":[{"action":"change","name":"sr1","media_change":true,"eject_request":false}],"stop":false})"
        "\n";
    auto log = RunLog::parse(text, "test");
    REQUIRE(log.has_value());
    RunLog::set_active(log->get());
    auto timeline = platform::WatchTimeline::start();
    CHECK(timeline.has_uevents());
    CHECK(timeline.started().time_since_epoch() == std::chrono::milliseconds(1764876001234));
    const auto turn = timeline.next(std::chrono::milliseconds(1000));
    CHECK_FALSE(turn.stop);
    CHECK(turn.elapsed == std::chrono::milliseconds(1006));
    REQUIRE(turn.uevents.size() == 1);
    CHECK(turn.uevents[0].name == "sr1");
    CHECK(turn.uevents[0].media_change);
    // The recording's end: a stop at the last recorded time, without waiting.
    const auto end = timeline.next(std::chrono::milliseconds(60000));
    CHECK(end.stop);
    CHECK(end.uevents.empty());
    CHECK(end.utc == turn.utc);
    RunLog::set_active(nullptr);
}
