// The one text and the one JSON rendering of decoded fields (mmc/fields.hpp): every
// field-decoded structure (features, mode pages, and each one added later) prints its fields
// through these, so a flag, a number with its unit, a named code, an MSF address or a list of
// descriptors looks the same in every command.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "mmc/fields.hpp"

namespace discrec::output {

struct FieldTextStyle {
    std::string_view indent = "    ";
    bool align = false;  // pad the labels to one column
    bool masks = false;  // the values are changeable masks (MODE SENSE page control 01b)
};

// One line per field ("Label: value"); a list of one-value descriptors on one line, a list of
// codes with flags one line per descriptor ("Profile: 0x0008 CD-ROM (current)"), other lists
// one line per descriptor ("Write speed descriptor 1: 7056 kB/s, CLV and non-pure CAV").
void append_fields_text(std::string& out, const mmc::Record& record, const FieldTextStyle& style);
std::string value_text(const mmc::Value& value, bool masks = false);

// {"key": value, ...} of the record's fields; `lists` false leaves list fields out (a caller
// that places them elsewhere renders them with value_json).
nlohmann::ordered_json fields_json(const mmc::Record& record, bool masks = false,
                                   bool lists = true);
nlohmann::ordered_json value_json(const mmc::Value& value, bool masks = false);

}  // namespace discrec::output
