// MODE SENSE answers as `mode-pages` reports them: a page asked of a drive, or a saved answer
// (--inhex) whose header form is given or detected; each split into its pages and decoded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drive/drive.hpp"
#include "mmc/mode_page_fields.hpp"
#include "mmc/mode_sense.hpp"
#include "util/result.hpp"

namespace discrec::drive {

// One MODE SENSE answer (or one saved response read with --inhex) and its decoded pages, or
// the error the drive gave for the page asked.
struct ModeSenseAnswer {
    std::optional<std::uint8_t> requested;  // the page asked for; nullopt for --inhex
    std::optional<Error> error;             // the drive refused: no bytes below
    mmc::ModeDataForm form = mmc::ModeDataForm::sense10;
    Bytes response;  // header + block descriptors + pages, clipped to the mode data length
    mmc::ModeParameters params;
    std::vector<mmc::DecodedModePage> pages;
};

// Page `code` asked of the drive (MODE SENSE(10), or (6) where the drive has only that).
ModeSenseAnswer read_mode_page(Drive& drive, std::uint8_t code, mmc::PageControl pc);

// A saved answer's bytes in `form` (nullopt: detected from its length fields), its pages kept
// where `wanted` lists them (empty: all). `path` names the file in errors.
Result<ModeSenseAnswer> decode_saved_mode_data(const std::string& path, ByteSpan data,
                                               std::optional<mmc::ModeDataForm> form,
                                               const std::vector<std::uint8_t>& wanted);

}  // namespace discrec::drive
