// `discrec wait`: polls a drive until a state holds and is stable. A drive that just got a
// disc passes through a sequence (QEMU's ATAPI: TEST UNIT READY 2/3A/00, then 6/28/00, then
// good; its SCSI: 6/3A/00, 6/28/00, good; real drives 2/04/01 "becoming ready" for seconds),
// so one matching answer is not enough: the state must hold in two consecutive polls that
// answered the same (StableWait). The pure parts (what holds, when it is stable, how a state
// reads) are unit-tested; the polling loop is proven end to end in the QEMU guest.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drive/drive.hpp"
#include "drive/recorder_info.hpp"
#include "platform/platform.hpp"
#include "platform/tray.hpp"

namespace discrec::drive {

enum class WaitState { medium, no_medium, ready, tray_open, tray_closed, blank, not_held };

// The CLI's spelling ("no-medium") and back.
std::optional<WaitState> parse_wait_state(std::string_view text);
std::string_view wait_state_name(WaitState state);
std::vector<std::string> wait_state_names();

// One poll's answer. `media` from GET EVENT STATUS NOTIFICATION + TEST UNIT READY (not asked
// for not-held); `blank` from READ DISC INFORMATION's disc status, asked only for `blank` and
// only of a ready medium; holders only for not-held (OS facts, no command).
struct WaitObservation {
    std::optional<MediaState> media;
    std::optional<bool> blank;
    std::vector<platform::Holder> holders;
    std::optional<platform::ExclusiveOwner> exclusive_owner;
};

bool state_holds(WaitState wanted, const WaitObservation& o);
// Two polls that answered the same (what the state is made of, and TUR's reason).
bool same_observation(const WaitObservation& a, const WaitObservation& b);
// "tray closed, medium present, ready", "tray open, no medium", "held by 812 sleep (/dev/sr0)".
std::string observation_text(WaitState wanted, const WaitObservation& o);

// Debouncing: add() each poll's observation; true once the wanted state held in `needed`
// consecutive polls that answered the same.
class StableWait {
public:
    explicit StableWait(WaitState wanted, int needed = 2) : m_wanted(wanted), m_needed(needed) {}
    bool add(const WaitObservation& o);

private:
    WaitState m_wanted;
    int m_needed;
    int m_run = 0;
    std::optional<WaitObservation> m_last;
};

struct WaitOutcome {
    bool reached = false;
    WaitObservation last;  // the last poll's answer
    std::chrono::milliseconds waited{0};
    int polls = 0;
};
using WaitTick =
    std::function<void(std::chrono::steady_clock::duration waited, const WaitObservation& last)>;

// Polls every `interval` until the state is stable or `limit` has passed (and at least the
// two polls stability needs: a wait ends within limit + interval). Errors: the drive could not be
// opened, vanished, or stopped answering (its error; no_such_drive when it vanished).
Result<WaitOutcome> wait_for_state(const platform::DriveLocation& location,
                                   const platform::SystemRoots& roots, const OpenOptions& options,
                                   WaitState wanted, std::chrono::milliseconds limit,
                                   std::chrono::milliseconds interval, const WaitTick& tick);

}  // namespace discrec::drive
