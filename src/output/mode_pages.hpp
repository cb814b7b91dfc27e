// `discrec mode-pages`: the model the command fills and its text and JSON renderings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drive/mode_pages.hpp"
#include "mmc/cdb.hpp"
#include "mmc/mode_page_fields.hpp"
#include "mmc/mode_sense.hpp"
#include "output/options.hpp"
#include "platform/platform.hpp"
#include "util/result.hpp"

namespace discrec::output {

using drive::ModeSenseAnswer;

struct ModePagesReport {
    std::optional<platform::DriveLocation> location;  // nullopt with --inhex
    std::string inhex_path;
    mmc::PageControl control = mmc::PageControl::current;
    bool raw = false;  // --raw: every page's bytes and the whole response, too
    std::optional<std::vector<std::uint8_t>> supported;  // listed when no --page was given
    bool probed = false;  // page 3Fh was refused: the list comes from asking page by page
    std::vector<ModeSenseAnswer> answers;
};

std::string_view page_control_key(mmc::PageControl pc) noexcept;  // "current", "changeable"...

void print_mode_pages(const OutputOptions& options, const ModePagesReport& report,
                      ExitCode exit_status);

}  // namespace discrec::output
