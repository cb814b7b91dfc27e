// The envelope every --json document shares (smartctl's convention): json_format_version,
// {name, version, argv}, the command's own keys, then "error" (when one ended the run) and
// exit_status. Internal to output/: nlohmann/json does not leak into other layers.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>

#include <optional>
#include <string>
#include <vector>

#include "mmc/configuration.hpp"
#include "mmc/mode_sense.hpp"
#include "output/options.hpp"
#include "platform/platform.hpp"
#include "platform/tray.hpp"
#include "util/result.hpp"

namespace discrec::output {

// JSON shape version: bump the minor number when keys are added, the major one when a key
// changes meaning or is removed.
inline constexpr int k_json_format_major = 1;
inline constexpr int k_json_format_minor = 2;

nlohmann::ordered_json document_head(const OutputOptions& options);
// Appends error (if any) and exit_status, prints the document on stdout as one line + '\n'.
void finish_document(nlohmann::ordered_json& doc, ExitCode exit_status, const Error* error);
// {"value": 16, "hex": "0x0010", "string": "DVD-ROM"}: codes people read in hex.
nlohmann::ordered_json code_json(unsigned value, int hex_digits, std::string_view name);
// The current profile (GET CONFIGURATION's header) as code_json with its name, or null.
nlohmann::ordered_json current_profile_json(std::optional<std::uint16_t> profile);
// A feature descriptor's header: code_json with the feature's name, then "version",
// "persistent", "current" (info lists these; features adds the decoded fields).
nlohmann::ordered_json feature_header_json(const mmc::FeatureDescriptor& feature);
const char* error_kind_key(ErrorKind kind);
// IMAPI2's ExclusiveAccessOwner: {"pid": 1234 or null where the OS does not say (Windows),
// "client": "burner"} or null; and as text, "1234 burner", "burner" or "-".
// {"kind": "device_busy", "message": "..."}: an error, and a list of them.
nlohmann::ordered_json error_json(const Error& error);
nlohmann::ordered_json errors_json(const std::vector<Error>& errors);
// {"name", "block_device", "generic_device"}: which drive a document is about.
nlohmann::ordered_json drive_ref_json(const platform::DriveLocation& drive);
// [{"pid", "command", "device"}]; as text "812 sleep (/dev/sr0), ..." or "-".
nlohmann::ordered_json holders_json(const std::vector<platform::Holder>& holders);
std::string holders_text(const std::vector<platform::Holder>& holders);
// Page 2Ah's lock, eject and mechanism bits (common.schema.json lock_capabilities).
nlohmann::ordered_json lock_capabilities_json(const mmc::CapabilitiesSummary& c);
// "Tray type"; a reserved code as "reserved (3)".
std::string loading_mechanism_text(std::uint8_t code);
// The OS's media change polling: "every 2000 ms", "off", "system default (off)" ...
std::string polling_text(const platform::MediaPolling& p);
template <typename T>
nlohmann::ordered_json optional_json(const std::optional<T>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}
// A command that reports on several drives: one document with a "drives" array of
// `to_json(drive)` (--json), or each drive's `to_text(drive)`, a blank line between them.
template <typename Drive, typename ToJson, typename ToText>
void print_drives(const OutputOptions& options, const std::vector<Drive>& drives,
                  ExitCode exit_status, ToJson to_json, ToText to_text) {
    if (options.json) {
        auto doc = document_head(options);
        doc["drives"] = nlohmann::ordered_json::array();
        for (const auto& d : drives) doc["drives"].push_back(to_json(d));
        finish_document(doc, exit_status, nullptr);
        return;
    }
    bool first = true;
    for (const auto& d : drives) {
        if (!first) std::fputc('\n', stdout);
        first = false;
        std::fputs(to_text(d).c_str(), stdout);
    }
}
nlohmann::ordered_json exclusive_owner_json(const std::optional<platform::ExclusiveOwner>& owner);
std::string exclusive_owner_text(const std::optional<platform::ExclusiveOwner>& owner);

}  // namespace discrec::output
