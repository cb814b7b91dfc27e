#include "output/json_document.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "mmc/tables/features.hpp"
#include "mmc/tables/mode_pages.hpp"
#include "mmc/tables/profiles.hpp"
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
    if (error != nullptr) doc["error"] = error_json(*error);
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

nlohmann::ordered_json current_profile_json(std::optional<std::uint16_t> profile) {
    if (!profile) return nullptr;
    return code_json(*profile, 4, mmc::profile_name(*profile));
}

nlohmann::ordered_json feature_header_json(const mmc::FeatureDescriptor& feature) {
    nlohmann::ordered_json j = code_json(feature.code, 4, mmc::feature_name(feature.code));
    j["version"] = feature.version;
    j["persistent"] = feature.persistent;
    j["current"] = feature.current;
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

nlohmann::ordered_json error_json(const Error& error) {
    return {{"kind", error_kind_key(error.kind)}, {"message", error.message}};
}

nlohmann::ordered_json errors_json(const std::vector<Error>& errors) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& e : errors) out.push_back(error_json(e));
    return out;
}

nlohmann::ordered_json drive_ref_json(const platform::DriveLocation& d) {
    return {
        {"name", d.name}, {"block_device", d.block_device}, {"generic_device", d.generic_device}};
}

nlohmann::ordered_json holders_json(const std::vector<platform::Holder>& holders) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& h : holders)
        out.push_back({{"pid", h.pid}, {"command", h.command}, {"device", h.device}});
    return out;
}

std::string holders_text(const std::vector<platform::Holder>& holders) {
    std::string out;
    for (const auto& h : holders)
        out += fmt::format("{}{} {} ({})", out.empty() ? "" : ", ", h.pid, h.command, h.device);
    return out.empty() ? "-" : out;
}

std::string loading_mechanism_text(std::uint8_t code) {
    const std::string name = mmc::loading_mechanism_name(code);
    return name.empty() ? fmt::format("reserved ({})", code) : name;
}

nlohmann::ordered_json lock_capabilities_json(const mmc::CapabilitiesSummary& c) {
    const std::string name = mmc::loading_mechanism_name(c.loading_mechanism);
    nlohmann::ordered_json j;
    j["can_lock"] = c.can_lock;
    j["lock_state"] = c.lock_state;
    j["prevent_jumper"] = c.prevent_jumper;
    j["can_eject"] = c.can_eject;
    j["loading_mechanism"] =
        code_json(c.loading_mechanism, 1, name.empty() ? std::string("reserved") : name);
    return j;
}

std::string polling_text(const platform::MediaPolling& p) {
    if (!p.interval_ms) return "unknown";
    if (*p.interval_ms == 0) return "off";
    if (*p.interval_ms > 0) return fmt::format("every {} ms", *p.interval_ms);
    if (!p.default_ms) return "system default";
    return *p.default_ms > 0 ? fmt::format("system default (every {} ms)", *p.default_ms)
                             : "system default (off)";
}

}  // namespace discrec::output
