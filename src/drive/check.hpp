// `discrec check`: assertions about a drive and its medium, evaluated on facts gathered with
// only the commands the asked assertions need (none for identity, mounts and holders). The
// evaluation is pure (facts in, one result per assertion out), so it is tested on recorded
// facts without a drive.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drive/drive.hpp"
#include "drive/media.hpp"
#include "drive/recorder_info.hpp"
#include "mmc/configuration.hpp"
#include "mmc/mode_sense.hpp"
#include "platform/platform.hpp"
#include "platform/tray.hpp"
#include "util/size.hpp"

namespace discrec::drive {

// The assertions asked on the command line; an empty/unset member is not asked.
struct CheckRequest {
    std::optional<bool> medium;            // --medium (true) / --no-medium (false)
    std::optional<bool> tray_open;         // --tray open|closed
    bool ready = false;                    // --ready
    std::vector<std::uint16_t> profiles;   // --profile: the current profile is any of these
    std::vector<std::uint16_t> can_read;   // --can-read: each listed, and it reads
    std::vector<std::uint16_t> can_write;  // --can-write: each listed, and it writes
    std::vector<std::uint16_t> features;   // --feature: each current
    bool blank = false;                    // --blank: disc status Empty
    bool appendable = false;               // --appendable: disc status Incomplete
    bool complete = false;                 // --complete: disc status Complete
    bool writable = false;                 // --writable: not write protected
    std::optional<SizeSpec> min_free;      // --min-free
    std::optional<bool> locked;            // --locked (true) / --unlocked (false)
    bool not_mounted = false;              // --not-mounted
    bool not_held = false;                 // --not-held
    std::optional<std::string> vendor;     // --vendor REGEX (ECMAScript, case-insensitive)
    std::optional<std::string> product;    // --product REGEX
    std::optional<std::string> revision;   // --revision REGEX

    // Which groups of facts the assertions need (each group is a few commands at most).
    [[nodiscard]] bool needs_state() const noexcept;
    [[nodiscard]] bool needs_configuration() const noexcept;
    [[nodiscard]] bool needs_media() const noexcept;
    [[nodiscard]] bool needs_capabilities() const noexcept { return locked.has_value(); }
    [[nodiscard]] bool needs_holders() const noexcept { return not_held; }
};

// What was found out about one drive; a group not asked for stays empty.
struct CheckFacts {
    platform::DriveLocation location;  // identity (sysfs / SetupAPI) and mount points
    std::optional<MediaState> state;   // GESN + TEST UNIT READY
    std::optional<mmc::Configuration> configuration;       // GET CONFIGURATION, every feature
    std::optional<MediaReport> media;                      // `discrec media`'s report
    std::optional<mmc::CapabilitiesSummary> capabilities;  // page 2Ah: lock state
    std::vector<platform::Holder> holders;
    std::optional<platform::ExclusiveOwner> exclusive_owner;
    std::vector<Error> errors;   // questions that failed (their assertions fail as unknown)
    std::optional<Error> fatal;  // could not be opened, timed out or vanished
};

// Asks the drive what `request` needs, never more; nothing sent changes the drive's state.
CheckFacts gather_check_facts(const platform::DriveLocation& location,
                              const platform::SystemRoots& roots, const OpenOptions& options,
                              const CheckRequest& request);

struct AssertionResult {
    std::string name;  // the option's name without dashes: "medium", "min-free"
    std::string expected;
    std::string actual;
    bool passed = false;
};

// One result per assertion asked, in the order of CheckRequest's members.
std::vector<AssertionResult> evaluate_check(const CheckRequest& request, const CheckFacts& facts);
// --min-drives: passes when at least `wanted` drives were checked.
AssertionResult evaluate_min_drives(std::size_t wanted, std::size_t found);

}  // namespace discrec::drive
