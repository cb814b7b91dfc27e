#include "output/json_document.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "version.hpp"

namespace discrec::output {

nlohmann::ordered_json document_head(const OutputOptions& options) {
    nlohmann::ordered_json doc;
    doc["json_format_version"] = {k_json_format_major, k_json_format_minor};
    doc["discrec"] = {{"version", k_version}, {"argv", options.argv}};
    return doc;
}

const char* error_kind_key(ErrorKind kind) { return error_kind_name(kind); }

void finish_document(nlohmann::ordered_json& doc, ExitCode exit_status, const Error* error) {
    if (error != nullptr) {
        doc["error"] = {{"kind", error_kind_key(error->kind)}, {"message", error->message}};
    }
    doc["exit_status"] = static_cast<int>(exit_status);
    // Device strings may hold bytes that are not UTF-8: replace, never throw.
    const std::string text = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
}

nlohmann::ordered_json code_json(unsigned value, int hex_digits, std::string_view name) {
    nlohmann::ordered_json j;
    j["value"] = value;
    j["hex"] = fmt::format("0x{:0{}x}", value, hex_digits);
    j["string"] = std::string(name);
    return j;
}

nlohmann::ordered_json exclusive_owner_json(const std::optional<platform::ExclusiveOwner>& owner) {
    if (!owner) return nullptr;
    return {{"pid", owner->pid > 0 ? nlohmann::ordered_json(owner->pid) : nlohmann::ordered_json()},
            {"client", owner->client}};
}

std::string exclusive_owner_text(const std::optional<platform::ExclusiveOwner>& owner) {
    if (!owner) return "-";
    return owner->pid > 0 ? fmt::format("{} {}", owner->pid, owner->client) : owner->client;
}

}  // namespace discrec::output
