// The CD structures of issue 15 (drive/cd_detail.hpp): ATIP with the disc manufacturer (the
// "media ID" burning users know), Full TOC, PMA and CD-TEXT, as text and JSON, in `media` and
// for `decode atip|full-toc|pma|cd-text`.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "drive/cd_detail.hpp"
#include "output/options.hpp"

namespace discrec::output {

// The media ID line's value: the ATIP's disc manufacturer (CD-R/RW), or nullopt.
std::optional<std::string> cd_media_id(const drive::CdDetail& cd);
// The sections of what `cd` holds, indented under a drive's block.
void append_cd_detail_text(std::string& out, const drive::CdDetail& cd);
// {"atip", "full_toc", "pma", "cd_text", "disc_ids", "media_catalog_number", "isrc"} (null or
// empty where not asked, not offered or not applicable).
nlohmann::ordered_json cd_detail_json(const drive::CdDetail& cd);
// The notes of the decoded structures (other-format answers, bad CRCs, short answers).
std::vector<std::string> cd_detail_notes(const drive::CdDetail& cd);

// `discrec decode atip|full-toc|pma|cd-text|sub-channel`: one saved answer in `detail`'s matching member.
enum class CdKind { atip, full_toc, pma, cd_text, sub_channel };
struct CdAnswer {
    CdKind kind = CdKind::atip;
    std::string inhex_path;
    drive::CdDetail detail;
};
// Decodes `data` as `kind` into an answer; false when nothing in it is that structure.
bool decode_cd_answer(CdKind kind, ByteSpan data, CdAnswer& out);
void print_decoded_cd(const OutputOptions& options, const CdAnswer& answer);

}  // namespace discrec::output
