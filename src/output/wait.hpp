#pragma once

#include <optional>

#include "drive/wait.hpp"
#include "output/options.hpp"

namespace discrec::output {

struct WaitReport {
    platform::DriveLocation location;
    drive::WaitState wanted = drive::WaitState::medium;
    drive::WaitOutcome outcome;
};

// `discrec wait`: "sr0: medium after 2.3 s (tray closed, medium present, ready)", or one
// JSON document with the final state; on a timeout `error` holds its message.
void print_wait(const OutputOptions& options, const WaitReport& report, ExitCode exit_status,
                const Error* error);

}  // namespace discrec::output
