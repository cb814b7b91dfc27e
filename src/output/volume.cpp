#include "output/volume.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "output/json_document.hpp"

namespace discrec::output {

nlohmann::ordered_json volume_json(const mmc::VolumeLabel& v) {
    const auto fs = v.file_system();
    return {
        {"file_system", fs.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(fs)},
        {"label", optional_json(v.label())},
        {"iso9660", optional_json(v.iso9660)},
        {"joliet", optional_json(v.joliet)},
        {"udf", v.udf},
        {"udf_label", optional_json(v.udf_label)}};
}

void append_volume_text(std::string& out, const mmc::VolumeLabel& v) {
    const auto fs = v.file_system();
    if (fs.empty()) {
        out += "  File system: none recognised\n";
        return;
    }
    const auto label = v.label();
    out += fmt::format("  File system: {}{}\n", fs,
                       label ? fmt::format(", label \"{}\"", *label) : std::string{});
    if (v.iso9660) out += fmt::format("    ISO 9660 volume identifier: \"{}\"\n", *v.iso9660);
    if (v.joliet) out += fmt::format("    Joliet volume identifier:   \"{}\"\n", *v.joliet);
    if (v.udf_label) out += fmt::format("    UDF logical volume:         \"{}\"\n", *v.udf_label);
}

void print_decoded_volume(const OutputOptions& options, const std::string& inhex_path,
                          const mmc::VolumeLabel& v) {
    if (!options.json) {
        std::string out = fmt::format("Source: {}\n", inhex_path);
        append_volume_text(out, v);
        for (const auto& n : v.notes) out += fmt::format("  Note: {}\n", n);
        std::fputs(out.c_str(), stdout);
        return;
    }
    auto doc = document_head(options);
    doc["source"] = {{"inhex", inhex_path}};
    doc["volume"] = volume_json(v);
    doc["notes"] = v.notes;
    finish_document(doc, ExitCode::ok, nullptr);
}

}  // namespace discrec::output
