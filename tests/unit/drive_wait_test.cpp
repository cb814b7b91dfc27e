// `discrec wait`'s pure parts: what each state needs, the debouncing across the sequence a
// drive goes through after a disc is inserted, and how a state reads. The sequences are QEMU's
// (shared/vm/README.md "Host-side media events", captures/media-change/): after `change cd0`,
// ATAPI answers TEST UNIT READY 2/3A/00, then 6/28/00 (retried by the command runner, so
// good), then good; GESN says the medium is present throughout.
#include <doctest/doctest.h>

#include "drive/wait.hpp"

using namespace discrec;
using drive::WaitObservation;
using drive::WaitState;

namespace {

WaitObservation seen(std::optional<bool> tray_open, std::optional<bool> present, bool ready,
                     std::optional<std::string> reason = std::nullopt) {
    WaitObservation o;
    o.media = drive::MediaState{tray_open, present, ready, std::move(reason), false, "gesn"};
    return o;
}

const WaitObservation k_open_empty =
    seen(true, false, false, "medium not present - tray open (2/3a/02)");
// GESN: media present (NewMedia); TUR: 2/3A/00 once more.
const WaitObservation k_inserted = seen(false, true, false, "medium not present (2/3a/00)");
const WaitObservation k_ready = seen(false, true, true);

}  // namespace

TEST_CASE("wait: state names round-trip") {
    for (const auto& name : drive::wait_state_names()) {
        const auto s = drive::parse_wait_state(name);
        REQUIRE(s);
        CHECK(drive::wait_state_name(*s) == name);
    }
    CHECK(drive::wait_state_names().size() == 7);
    CHECK_FALSE(drive::parse_wait_state("no_medium"));
}

TEST_CASE("wait: what holds") {
    CHECK(drive::state_holds(WaitState::tray_open, k_open_empty));
    CHECK(drive::state_holds(WaitState::no_medium, k_open_empty));
    CHECK_FALSE(drive::state_holds(WaitState::medium, k_open_empty));
    CHECK_FALSE(drive::state_holds(WaitState::tray_closed, k_open_empty));
    CHECK(drive::state_holds(WaitState::medium, k_inserted));
    CHECK_FALSE(drive::state_holds(WaitState::ready, k_inserted));
    CHECK(drive::state_holds(WaitState::ready, k_ready));
    CHECK(drive::state_holds(WaitState::tray_closed, k_ready));
    // Unknown is not "no": a drive that does not say whether its tray is open holds neither.
    const auto unknown = seen(std::nullopt, std::nullopt, false);
    CHECK_FALSE(drive::state_holds(WaitState::tray_open, unknown));
    CHECK_FALSE(drive::state_holds(WaitState::tray_closed, unknown));
    CHECK_FALSE(drive::state_holds(WaitState::no_medium, unknown));
    auto blank = k_ready;
    CHECK_FALSE(drive::state_holds(WaitState::blank, blank));  // not asked: not known
    blank.blank = true;
    CHECK(drive::state_holds(WaitState::blank, blank));
    WaitObservation held;
    held.holders = {{812, "sleep", "/dev/sr0"}};
    CHECK_FALSE(drive::state_holds(WaitState::not_held, held));
    CHECK(drive::state_holds(WaitState::not_held, WaitObservation{}));
    held.holders.clear();
    held.exclusive_owner = platform::ExclusiveOwner{0, "burner"};
    CHECK_FALSE(drive::state_holds(WaitState::not_held, held));
}

TEST_CASE("wait: stable only after two equal polls, across the insertion sequence") {
    drive::StableWait medium(WaitState::medium);
    CHECK_FALSE(medium.add(k_open_empty));
    CHECK_FALSE(medium.add(k_inserted));  // present, but the drive is still settling
    CHECK_FALSE(medium.add(k_ready));     // another answer than the poll before
    CHECK(medium.add(k_ready));           // the same twice: stable

    drive::StableWait ready(WaitState::ready);
    CHECK_FALSE(ready.add(k_inserted));
    CHECK_FALSE(ready.add(k_ready));
    CHECK_FALSE(ready.add(k_inserted));  // a flicker starts the count again
    CHECK_FALSE(ready.add(k_ready));
    CHECK(ready.add(k_ready));

    // SCSI after `eject -f`: TUR 6/3A/00, then 2/3A/00: two answers, then stable.
    drive::StableWait empty(WaitState::no_medium);
    CHECK_FALSE(
        empty.add(seen(true, false, false, "unit attention: medium not present (6/3a/00)")));
    CHECK_FALSE(empty.add(seen(true, false, false, "medium not present (2/3a/00)")));
    CHECK(empty.add(seen(true, false, false, "medium not present (2/3a/00)")));

    drive::StableWait three(WaitState::ready, 3);
    CHECK_FALSE(three.add(k_ready));
    CHECK_FALSE(three.add(k_ready));
    CHECK(three.add(k_ready));
}

TEST_CASE("wait: how a state reads") {
    CHECK(drive::observation_text(WaitState::medium, k_open_empty) ==
          "tray open, no medium, not ready");
    CHECK(drive::observation_text(WaitState::ready, k_ready) ==
          "tray closed, medium present, ready");
    auto blank = k_ready;
    blank.blank = false;
    CHECK(drive::observation_text(WaitState::blank, blank) ==
          "tray closed, medium present, ready, not blank");
    WaitObservation held;
    held.holders = {{812, "sleep", "/dev/sr0"}};
    CHECK(drive::observation_text(WaitState::not_held, held) == "held by 812 sleep (/dev/sr0)");
    CHECK(drive::observation_text(WaitState::not_held, WaitObservation{}) == "not held");
    CHECK(drive::observation_text(WaitState::medium, WaitObservation{}) == "unknown");
}
