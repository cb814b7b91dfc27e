#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drive/media.hpp"
#include "output/options.hpp"

namespace discrec::output {

// `discrec media`: a block per drive, or one JSON document with a "drives" array
// (schemas/media.schema.json).
void print_media(const OutputOptions& options, const std::vector<drive::MediaReport>& drives,
                 ExitCode exit_status);

// `discrec decode KIND --inhex FILE`: one saved answer, rendered as `media` renders it.
enum class AnswerKind { disc_info, track_info, toc, session_info, format_capacities };
struct DecodedAnswer {
    AnswerKind kind = AnswerKind::disc_info;
    std::string inhex_path;
    bool msf = false;  // addresses as MSF (a CD's disc information, READ TOC with MSF=1)
    mmc::Record record;
};
void print_decoded(const OutputOptions& options, const DecodedAnswer& answer);
// The JSON key `media` gives the structure ("disc_information", "toc" ...).
std::string_view answer_key(AnswerKind kind) noexcept;

}  // namespace discrec::output
