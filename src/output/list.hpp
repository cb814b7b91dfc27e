#pragma once

#include <vector>

#include "output/options.hpp"
#include "platform/platform.hpp"

namespace discrec::output {

// `discrec list`: an aligned table, or one JSON document with a "drives" array; one table of
// fields (list.cpp) gives both their keys, headers and order.
void print_list(const OutputOptions& options, const std::vector<platform::DriveLocation>& drives);

}  // namespace discrec::output
