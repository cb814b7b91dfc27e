#pragma once

#include <vector>

#include "drive/media.hpp"
#include "output/options.hpp"

namespace discrec::output {

// `discrec media`: a block per drive, or one JSON document with a "drives" array
// (schemas/media.schema.json).
void print_media(const OutputOptions& options, const std::vector<drive::MediaReport>& drives,
                 ExitCode exit_status);

}  // namespace discrec::output
