#pragma once

#include <vector>

#include "drive/recorder_info.hpp"
#include "output/options.hpp"

namespace discrec::output {

// `discrec info`: "key: value" blocks per drive, or one JSON document with a "drives" array.
void print_info(const OutputOptions& options, const std::vector<drive::RecorderInfo>& drives,
                ExitCode exit_status);

}  // namespace discrec::output
