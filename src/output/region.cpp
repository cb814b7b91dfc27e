#include "output/region.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "output/fields.hpp"
#include "output/json_document.hpp"

namespace discrec::output {

void print_decoded_rpc_state(const OutputOptions& options, const std::string& inhex_path,
                             const mmc::Record& rpc_state) {
    if (!options.json) {
        std::string out = fmt::format("Source: {}\n  Region (RPC state):\n", inhex_path);
        append_fields_text(out, rpc_state, FieldTextStyle{.indent = "    ", .align = true});
        for (const auto& n : rpc_state.notes) out += fmt::format("  Note: {}\n", n);
        std::fputs(out.c_str(), stdout);
        return;
    }
    auto doc = document_head(options);
    doc["source"] = {{"inhex", inhex_path}};
    doc["rpc_state"] = fields_json(rpc_state);
    doc["notes"] = rpc_state.notes;
    finish_document(doc, ExitCode::ok, nullptr);
}

}  // namespace discrec::output
