#pragma once

#include <optional>
#include <vector>

#include "drive/check.hpp"
#include "output/options.hpp"

namespace discrec::output {

// One drive's assertions as `discrec check` prints them.
struct CheckedDrive {
    platform::DriveLocation location;
    std::vector<drive::AssertionResult> results;
    std::vector<Error> errors;   // questions that failed (their assertions failed as unknown)
    std::optional<Error> fatal;  // the drive could not be asked at all
};

// `discrec check`: one line per assertion, "sr0: PASS medium: expected present, actual
// present", the --min-drives assertion first; or one JSON document.
void print_check(const OutputOptions& options, const drive::AssertionResult& min_drives,
                 const std::vector<CheckedDrive>& drives, ExitCode exit_status);

}  // namespace discrec::output
