#include "output/features.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "mmc/tables/features.hpp"
#include "mmc/tables/profiles.hpp"
#include "output/fields.hpp"
#include "output/json_document.hpp"
#include "output/table.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;
std::string profile_name(std::uint16_t code) { return mmc::profile_name(code); }
std::string feature_name(std::uint16_t code) { return mmc::feature_name(code); }

// ------------------------------------------------------------------------------ JSON

Json source_json(const ConfigurationSource& s) {
    if (!s.drive) return {{"inhex", s.inhex_path}};
    return drive_ref_json(*s.drive);
}

Json profile_json(std::uint32_t code, std::optional<bool> current) {
    Json j = code_json(code, 4, profile_name(code));
    if (current) j["current"] = *current;
    return j;
}

Json feature_json(const mmc::DecodedFeature& f, bool raw) {
    Json j = feature_header_json(f);
    j["additional_length"] = f.additional_length;
    j["truncated"] = f.truncated;
    j["decoded"] = f.known;
    j["fields"] = fields_json(f.record);
    if (!f.known || raw) j["raw"] = hex_bytes(f.data);
    if (!f.extra.empty()) j["extra"] = hex_bytes(f.extra);
    j["notes"] = f.notes;
    return j;
}

// ------------------------------------------------------------------------------ text

std::string feature_text(const mmc::DecodedFeature& f, bool raw) {
    std::string out =
        fmt::format("Feature 0x{:04x} {} (version {}{}{})\n", f.code, feature_name(f.code),
                    f.version, f.persistent ? ", persistent" : "", f.current ? ", current" : "");
    append_fields_text(out, f.record, FieldTextStyle{});
    if (!f.known || raw) {
        out += fmt::format("    {}: {}\n", f.known ? "Raw" : "Data",
                           f.data.empty() ? "(none)" : hex_bytes(f.data));
    }
    for (const auto& n : f.notes) out += fmt::format("    Note: {}\n", n);
    return out;
}

std::string source_text(const ConfigurationSource& s) {
    if (!s.drive) return s.inhex_path;
    return fmt::format("{} ({})", s.drive->name, s.drive->block_device);
}

void print_text(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

std::string current_profile_name(std::uint16_t code) {
    return code == 0 ? "none" : profile_name(code);
}

// The keys features and profiles documents share: where the answer came from, and the
// current profile.
Json configuration_document(const OutputOptions& options, const ConfigurationSource& source,
                            std::uint16_t current_profile) {
    Json doc = document_head(options);
    doc["source"] = source_json(source);
    doc["current_profile"] = code_json(current_profile, 4, current_profile_name(current_profile));
    return doc;
}

}  // namespace

void print_features(const OutputOptions& options, const FeaturesReport& r) {
    if (options.json) {
        Json doc = configuration_document(options, r.source, r.current_profile);
        doc["current_only"] = r.current_only;
        doc["features"] = Json::array();
        for (const auto& f : r.features) doc["features"].push_back(feature_json(f, r.raw));
        doc["warnings"] = r.warnings;
        finish_document(doc, ExitCode::ok, nullptr);
        return;
    }
    std::string out =
        fmt::format("Source: {}\nCurrent profile: 0x{:04x} {}\n", source_text(r.source),
                    r.current_profile, current_profile_name(r.current_profile));
    for (const auto& f : r.features) out += feature_text(f, r.raw);
    for (const auto& w : r.warnings) out += fmt::format("Warning: {}\n", w);
    print_text(out);
}

void print_profiles(const OutputOptions& options, const ProfilesReport& r) {
    if (options.json) {
        Json doc = configuration_document(options, r.source, r.current_profile);
        doc["profiles"] = Json::array();
        for (const auto& p : r.profiles) {
            Json pj = profile_json(p.number, p.current);
            const auto* row = mmc::find_profile(p.number);
            pj["reads"] = row != nullptr ? Json(row->reads) : Json(nullptr);
            pj["writes"] = row != nullptr ? Json(row->writes) : Json(nullptr);
            pj["family"] =
                row != nullptr ? Json(mmc::medium_family_name(row->family)) : Json(nullptr);
            doc["profiles"].push_back(std::move(pj));
        }
        doc["warnings"] = r.warnings;
        finish_document(doc, ExitCode::ok, nullptr);
        return;
    }
    TextTable table({"PROFILE", "NAME", "MEDIA", "CURRENT"});
    for (const auto& p : r.profiles) {
        const auto* row = mmc::find_profile(p.number);
        table.add_row({fmt::format("0x{:04x}", p.number), profile_name(p.number),
                       row != nullptr ? std::string(mmc::profile_access_words(*row)) : "?",
                       p.current ? "current" : ""});
    }
    std::string out = table.render(options.color);
    for (const auto& w : r.warnings) out += fmt::format("Warning: {}\n", w);
    print_text(out);
}

}  // namespace discrec::output
