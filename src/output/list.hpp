#pragma once

#include <vector>

#include "drive/unique_id.hpp"
#include "output/options.hpp"
#include "platform/platform.hpp"

namespace discrec::output {

// `discrec list`: an aligned table, or one JSON document with a "drives" array; one table of
// fields (list.cpp) gives both their keys, headers and order.
// `ids` (list --ids): each drive's unique ids, best first: a "UNIQUE ID" column with the first
// as `info` prints it, and "unique_id" (that one) and "unique_ids" (all) in JSON.
void print_list(const OutputOptions& options, const std::vector<platform::DriveLocation>& drives,
                const std::vector<std::vector<drive::UniqueId>>* ids = nullptr);

}  // namespace discrec::output
