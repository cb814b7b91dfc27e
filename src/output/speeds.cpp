#include "output/speeds.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "mmc/media.hpp"
#include "mmc/performance.hpp"
#include "mmc/tables/profiles.hpp"
#include "output/fields.hpp"
#include "output/json_document.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;

std::optional<double> one_x(std::optional<std::uint16_t> profile) {
    if (!profile) return std::nullopt;
    const auto* row = mmc::find_profile(*profile);
    return row != nullptr ? mmc::one_x_kbps(row->family) : std::nullopt;
}

Json factor_json(std::uint64_t kbps, std::optional<double> x) {
    return x ? Json(mmc::speed_factor(kbps, *x)) : Json(nullptr);
}

// "22160 kB/s (16.0x)", or "22160 kB/s" where the medium's 1x is not known.
std::string speed_text(std::uint64_t kbps, std::optional<double> x) {
    if (!x) return fmt::format("{} kB/s", kbps);
    return fmt::format("{} kB/s ({:.1f}x)", kbps, mmc::speed_factor(kbps, *x));
}

std::string_view source_key(drive::SpeedSource s) {
    switch (s) {
        case drive::SpeedSource::get_performance:
            return "get_performance";
        case drive::SpeedSource::mode_page_2a:
            return "mode_page_2a";
        case drive::SpeedSource::none:
            break;
    }
    return {};
}

const std::vector<mmc::Record>* descriptors(const mmc::Record& r) {
    const auto* list = r.find("descriptors");
    return list != nullptr ? &list->items : nullptr;
}

// One write speed descriptor of GET PERFORMANCE: its write speed and what else it says.
std::string write_descriptor_text(const mmc::Record& d, std::optional<double> x) {
    std::string s = speed_text(mmc::number_of(d, "write_speed").value_or(0), x);
    if (auto read = mmc::number_of(d, "read_speed"))
        s += fmt::format(", read {}", speed_text(*read, x));
    if (auto end = mmc::address_of(d, "end_lba")) s += fmt::format(", to LBA {}", *end);
    // WRC 00b is the drive's default rotation: only another one is worth a word.
    if (const auto* wrc = d.find("wrc"); wrc != nullptr && wrc->valid && wrc->number != 0)
        s += fmt::format(", rotation {}", value_text(*wrc));
    if (mmc::number_of(d, "exact").value_or(0) != 0) s += ", exact";
    if (mmc::number_of(d, "mrw").value_or(0) != 0) s += ", MRW";
    return s;
}

Json read_performance_json(const std::optional<mmc::Record>& r,
                           std::optional<std::uint16_t> profile) {
    if (!r) return nullptr;
    const auto x = one_x(profile);
    Json zones = Json::array();
    if (const auto* list = descriptors(*r)) {
        for (const auto& d : *list) {
            const auto start = mmc::number_of(d, "start_performance").value_or(0);
            const auto end = mmc::number_of(d, "end_performance").value_or(0);
            zones.push_back({{"start_lba", optional_json(mmc::address_of(d, "start_lba"))},
                             {"start_kbps", start},
                             {"start_factor", factor_json(start, x)},
                             {"end_lba", optional_json(mmc::address_of(d, "end_lba"))},
                             {"end_kbps", end},
                             {"end_factor", factor_json(end, x)}});
        }
    }
    return {{"one_x_kbps", optional_json(x)}, {"zones", zones}, {"answer", fields_json(*r)}};
}

void append_read_performance_text(std::string& out, const std::optional<mmc::Record>& r,
                                  std::optional<std::uint16_t> profile) {
    if (!r) return;
    const auto x = one_x(profile);
    const auto* list = descriptors(*r);
    if (list == nullptr || list->empty()) {
        out += "  Read performance (nominal): none listed\n";
        return;
    }
    out += "  Read performance (nominal):\n";
    for (const auto& d : *list) {
        out += fmt::format("    LBA {} at {} to LBA {} at {}\n",
                           mmc::address_of(d, "start_lba").value_or(0),
                           speed_text(mmc::number_of(d, "start_performance").value_or(0), x),
                           mmc::address_of(d, "end_lba").value_or(0),
                           speed_text(mmc::number_of(d, "end_performance").value_or(0), x));
    }
}

std::vector<std::string> speeds_notes(const drive::SpeedsReport& r) {
    std::vector<std::string> notes = r.notes;
    for (const auto* rec : {r.write_speeds.answer ? &*r.write_speeds.answer : nullptr,
                            r.read_performance ? &*r.read_performance : nullptr}) {
        if (rec != nullptr) notes.insert(notes.end(), rec->notes.begin(), rec->notes.end());
    }
    return notes;
}

std::string speeds_text(const drive::SpeedsReport& r) {
    std::string out = fmt::format("Drive: {}\n", r.location.name);
    if (r.current_profile) {
        out += fmt::format("  Current profile: 0x{:04x} {}\n", *r.current_profile,
                           mmc::profile_name(*r.current_profile));
    }
    append_write_speeds_text(out, r.write_speeds, r.current_profile);
    append_read_performance_text(out, r.read_performance, r.current_profile);
    for (const auto& n : speeds_notes(r)) out += fmt::format("  Note: {}\n", n);
    for (const auto& e : r.errors) out += fmt::format("  Error: {}\n", e.message);
    return out;
}

}  // namespace

Json write_speeds_json(const drive::WriteSpeeds& w, std::optional<std::uint16_t> profile) {
    const auto x = one_x(profile);
    Json speeds = Json::array();
    for (const auto kbps : w.kbps)
        speeds.push_back({{"kbps", kbps}, {"factor", factor_json(kbps, x)}});
    const auto source = source_key(w.source);
    return {{"source", source.empty() ? Json(nullptr) : Json(std::string(source))},
            {"one_x_kbps", optional_json(x)},
            {"speeds", speeds},
            {"answer", w.source == drive::SpeedSource::get_performance && w.answer
                           ? fields_json(*w.answer)
                           : Json(nullptr)}};
}

void append_write_speeds_text(std::string& out, const drive::WriteSpeeds& w,
                              std::optional<std::uint16_t> profile) {
    const auto x = one_x(profile);
    switch (w.source) {
        case drive::SpeedSource::none:
            return;
        case drive::SpeedSource::get_performance:
            out += "  Write speeds (GET PERFORMANCE):\n";
            if (const auto* list = descriptors(*w.answer)) {
                for (const auto& d : *list)
                    out += fmt::format("    {}\n", write_descriptor_text(d, x));
            }
            return;
        case drive::SpeedSource::mode_page_2a:
            if (w.kbps.empty()) {
                out += "  Write speeds (mode page 2Ah): none listed\n";
                return;
            }
            out += "  Write speeds (mode page 2Ah):\n";
            for (const auto kbps : w.kbps) out += fmt::format("    {}\n", speed_text(kbps, x));
            return;
    }
}

void print_speeds(const OutputOptions& options, const drive::SpeedsReport& r,
                  ExitCode exit_status) {
    if (!options.json) {
        std::fputs(speeds_text(r).c_str(), stdout);
        return;
    }
    auto doc = document_head(options);
    doc["drive"] = drive_ref_json(r.location);
    doc["current_profile"] = current_profile_json(r.current_profile);
    doc["write_speeds"] = write_speeds_json(r.write_speeds, r.current_profile);
    doc["read_performance"] = read_performance_json(r.read_performance, r.current_profile);
    doc["notes"] = speeds_notes(r);
    doc["errors"] = errors_json(r.errors);
    finish_document(doc, exit_status, nullptr);
}

void print_decoded_performance(const OutputOptions& options, const DecodedPerformance& a) {
    const bool write = a.type == mmc::performance_type::write_speed;
    drive::WriteSpeeds w;
    if (write) {
        w.source = drive::SpeedSource::get_performance;
        w.answer = a.record;
        w.kbps = mmc::write_speeds_of(a.record);
    }
    if (!options.json) {
        std::string out = fmt::format("Source: {}\n", a.inhex_path);
        if (write) {
            append_write_speeds_text(out, w, std::nullopt);
        } else {
            append_read_performance_text(out, a.record, std::nullopt);
        }
        for (const auto& n : a.record.notes) out += fmt::format("  Note: {}\n", n);
        std::fputs(out.c_str(), stdout);
        return;
    }
    auto doc = document_head(options);
    doc["source"] = {{"inhex", a.inhex_path}};
    doc["type"] = a.type;
    if (write) {
        doc["write_speeds"] = write_speeds_json(w, std::nullopt);
    } else {
        doc["read_performance"] = read_performance_json(a.record, std::nullopt);
    }
    doc["notes"] = a.record.notes;
    finish_document(doc, ExitCode::ok, nullptr);
}

}  // namespace discrec::output
