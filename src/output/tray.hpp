// Output of the tray and lock commands: eject, close-tray, lock, mcn.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mmc/mode_sense.hpp"
#include "output/options.hpp"
#include "platform/platform.hpp"
#include "platform/tray.hpp"

namespace discrec::output {

struct ActionReport {
    platform::DriveLocation drive;
    std::string action;                  // "eject", "close_tray", "lock", "unlock"
    std::string outcome;                 // "ejected", "loaded", "locked", "unlocked" ...
    std::vector<std::string> unmounted;  // mount points released first
    std::vector<std::string> notes;      // things the user should know (one line each)
};
void print_action(const OutputOptions& options, const ActionReport& report);

struct LockStatus {
    platform::DriveLocation drive;
    std::optional<mmc::CapabilitiesSummary> capabilities;  // page 2Ah
    std::optional<platform::ExclusiveOwner> exclusive_owner;
    std::vector<platform::Holder> holders;
    std::vector<Error> errors;
};
void print_lock_status(const OutputOptions& options, const LockStatus& status);

struct MediaPollingReport {
    platform::DriveLocation drive;
    platform::MediaPolling polling;
    bool changed = false;
};
void print_media_polling(const OutputOptions& options, const MediaPollingReport& report);

}  // namespace discrec::output
