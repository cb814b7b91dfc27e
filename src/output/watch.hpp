#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "drive/watch.hpp"
#include "output/options.hpp"
#include "platform/platform.hpp"

namespace discrec::output {

struct WatchedDrive {
    platform::DriveLocation location;
    std::optional<drive::WatchState> state;
    std::string source;  // "uevents" or "polling"
};

// "2026-12-04T18:40:01.234Z" (RFC 3339, UTC, milliseconds).
std::string rfc3339(std::chrono::system_clock::time_point t);

// `discrec watch`: JSON Lines (each line one document with json_format_version and its
// "event"), or one readable line each. Each line is flushed at once (a reader in a pipe).
void print_watch_snapshot(const OutputOptions& options, const std::string& time,
                          const std::vector<WatchedDrive>& drives);
void print_watch_event(const OutputOptions& options, const std::string& time,
                       const platform::DriveLocation& location, drive::WatchEvent event,
                       const std::optional<drive::WatchState>& before,
                       const std::optional<drive::WatchState>& after);

}  // namespace discrec::output
