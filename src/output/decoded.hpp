// `discrec decode` for the answers no other command renders on its own: INQUIRY, a VPD page,
// sense data, GET EVENT STATUS NOTIFICATION, MECHANISM STATUS and READ CAPACITY. Each becomes
// a list of named values (one renderer for all six), shown as aligned "Label: value" lines or
// as one JSON object under the kind's key (schemas/decode.schema.json).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "output/options.hpp"
#include "util/bytes.hpp"

namespace discrec::output {

enum class StructKind { inquiry, vpd, sense, gesn, mechanism_status, capacity };

struct NamedValue {
    std::string key;    // JSON key
    std::string label;  // text label
    nlohmann::ordered_json value;
    std::string text;  // the value as text shows it
};

struct DecodedStruct {
    StructKind kind = StructKind::inquiry;
    std::string inhex_path;
    bool usable = false;  // something decoded: false means "not this kind of answer"
    std::vector<NamedValue> values;
    std::vector<std::string> notes;  // the decoder's warnings
};

// Decodes `data` with the decoder the live commands use (mmc::decode_inquiry, ...).
DecodedStruct decode_struct(StructKind kind, ByteSpan data);
void print_decoded_struct(const OutputOptions& options, const DecodedStruct& answer);
// The JSON key: "inquiry", "vpd", "sense", "event_status", "mechanism_status", "capacity".
std::string_view struct_key(StructKind kind) noexcept;

}  // namespace discrec::output
