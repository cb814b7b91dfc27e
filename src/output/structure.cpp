#include "output/structure.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "mmc/disc_structure.hpp"
#include "mmc/tables/disc_structure_layouts.hpp"
#include "mmc/tables/profiles.hpp"
#include "output/fields.hpp"
#include "output/json_document.hpp"
#include "output/send.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;

// Hex fields longer than this are shown as a hex dump under the other fields (a 2048-byte
// manufacturing information does not fit a "Label: value" line).
constexpr std::size_t k_inline_hex_bytes = 32;

std::string_view media_type_key(std::uint8_t media_type) {
    return media_type == mmc::disc_structure::media_bd ? "bd" : "dvd";
}

bool dumped(const mmc::Value& v) {
    return v.field->shape == mmc::Shape::hex && v.bytes.size() > k_inline_hex_bytes;
}

// The structure's name: its layout's, or for a format shown in hex, the Format Code's.
std::string structure_name(std::uint8_t format, bool decoded, const mmc::Record& r) {
    if (decoded && r.layout != nullptr) return std::string(r.layout->name);
    const auto name = mmc::disc_structure_format_name(format);
    return name.empty() ? std::string("reserved") : name;
}

// "Format 00h (media type 0, DVD): DVD Physical Format Information, MMC-6 §6.23.3.2.1 ..."
// then the fields, long hex as dumps, notes.
void append_structure_text(std::string& out, std::uint8_t media_type, std::uint8_t format,
                           bool decoded, const mmc::Record& r) {
    out += fmt::format(
        "  Format {:02X}h (media type {}, {}): {}, {}\n", format, media_type,
        media_type == mmc::disc_structure::media_bd ? "BD" : "DVD",
        structure_name(format, decoded, r),
        decoded && r.layout != nullptr ? r.layout->source : std::string_view("not decoded (hex)"));
    mmc::Record inline_part = r;
    inline_part.values.clear();
    for (const auto& v : r.values) {
        if (!dumped(v)) inline_part.values.push_back(v);
    }
    append_fields_text(out, inline_part, FieldTextStyle{.indent = "    ", .align = true});
    for (const auto& v : r.values) {
        if (!dumped(v)) continue;
        out += fmt::format("    {} ({} bytes):\n", v.field->label, v.bytes.size());
        const std::string dump = hex_dump(ByteSpan{v.bytes});
        std::size_t start = 0;
        while (start < dump.size()) {
            const auto end = dump.find('\n', start);
            out += fmt::format("      {}\n", dump.substr(start, end - start));
            start = end == std::string::npos ? dump.size() : end + 1;
        }
    }
    for (const auto& n : r.notes) out += fmt::format("  Note: {}\n", n);
}

void add_structure_json(Json& doc, std::uint8_t media_type, std::uint8_t format, bool decoded,
                        const mmc::Record& r) {
    doc["media_type"] = {{"value", media_type}, {"string", media_type_key(media_type)}};
    doc["format"] = code_json(format, 2, structure_name(format, decoded, r));
    doc["decoded"] = decoded;
    doc["structure"] = fields_json(r);
    doc["notes"] = r.notes;
}

}  // namespace

void print_structure(const OutputOptions& options, const drive::StructureReport& r) {
    const auto format = r.request.format;
    if (!options.json) {
        std::string out = fmt::format("Drive: {}\n", r.location.name);
        if (r.current_profile) {
            out += fmt::format("  Current profile: 0x{:04x} {}\n", *r.current_profile,
                               mmc::profile_name(*r.current_profile));
        }
        out += fmt::format("  READ DISC STRUCTURE: layer {}, address {}\n", r.request.layer,
                           r.request.address);
        append_structure_text(out, r.media_type, format, r.decoded, r.structure);
        std::fputs(out.c_str(), stdout);
        return;
    }
    auto doc = document_head(options);
    doc["drive"] = drive_ref_json(r.location);
    doc["current_profile"] = current_profile_json(r.current_profile);
    doc["layer"] = r.request.layer;
    doc["address"] = r.request.address;
    add_structure_json(doc, r.media_type, format, r.decoded, r.structure);
    finish_document(doc, ExitCode::ok, nullptr);
}

void print_decoded_structure(const OutputOptions& options, const DecodedStructure& a) {
    if (!options.json) {
        std::string out = fmt::format("Source: {}\n", a.inhex_path);
        append_structure_text(out, a.media_type, a.format, a.decoded, a.structure);
        std::fputs(out.c_str(), stdout);
        return;
    }
    auto doc = document_head(options);
    doc["source"] = {{"inhex", a.inhex_path}};
    add_structure_json(doc, a.media_type, a.format, a.decoded, a.structure);
    finish_document(doc, ExitCode::ok, nullptr);
}

}  // namespace discrec::output
