// `discrec decode rpc`: the drive's DVD region (RPC) state, REPORT KEY Key Format 08h
// (mmc/rpc.hpp), as text or JSON.
#pragma once

#include <string>

#include "mmc/fields.hpp"
#include "output/options.hpp"

namespace discrec::output {

void print_decoded_rpc_state(const OutputOptions& options, const std::string& inhex_path,
                             const mmc::Record& rpc_state);

}  // namespace discrec::output
