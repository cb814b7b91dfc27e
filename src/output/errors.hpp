#pragma once

#include "output/options.hpp"
#include "util/result.hpp"

namespace discrec::output {

// The JSON document of a run that an error ended before the command produced anything.
void print_error_document(const OutputOptions& options, const Error& error, ExitCode code);

}  // namespace discrec::output
