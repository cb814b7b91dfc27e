// Write speeds and read performance (drive/speeds.hpp) as text and JSON: inside `media`, as
// `discrec speeds` (schemas/speeds.schema.json) and as `decode performance --type N`.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "drive/speeds.hpp"
#include "output/options.hpp"

namespace discrec::output {

// {"source", "one_x_kbps", "speeds": [{"kbps", "factor"}], "answer"} (speeds.schema.json
// write_speeds); `profile`: the current profile, for the medium's 1x.
nlohmann::ordered_json write_speeds_json(const drive::WriteSpeeds& speeds,
                                         std::optional<std::uint16_t> profile);
// "  Write speeds (GET PERFORMANCE): 4 speeds\n    22160 kB/s (16.0x) ...".
void append_write_speeds_text(std::string& out, const drive::WriteSpeeds& speeds,
                              std::optional<std::uint16_t> profile);

void print_speeds(const OutputOptions& options, const drive::SpeedsReport& report,
                  ExitCode exit_status);

// `discrec decode performance --type N FILE`: one saved GET PERFORMANCE answer.
struct DecodedPerformance {
    std::string inhex_path;
    std::uint8_t type = 0;
    mmc::Record record;
};
void print_decoded_performance(const OutputOptions& options, const DecodedPerformance& answer);

}  // namespace discrec::output
