// `discrec structure` and `discrec decode disc-structure`: one READ DISC STRUCTURE answer
// (mmc/disc_structure.hpp) decoded through its layout, or its header and data in hex, as text
// or JSON (schemas/structure.schema.json).
#pragma once

#include <cstdint>
#include <string>

#include "drive/structure.hpp"
#include "mmc/fields.hpp"
#include "output/options.hpp"

namespace discrec::output {

void print_structure(const OutputOptions& options, const drive::StructureReport& report);

struct DecodedStructure {
    std::string inhex_path;
    std::uint8_t media_type = 0;
    std::uint8_t format = 0;
    bool decoded = false;
    mmc::Record structure;
};
void print_decoded_structure(const OutputOptions& options, const DecodedStructure& answer);

}  // namespace discrec::output
