#include "drive/speeds.hpp"

#include <fmt/format.h>

#include "drive/mode_pages.hpp"
#include "mmc/cdb.hpp"
#include "mmc/performance.hpp"
#include "mmc/tables/mode_pages.hpp"

namespace discrec::drive {
namespace {

// Write speed descriptors: a drive lists one per speed it writes the medium at (a dozen at
// most in practice); 32 leave room. Nominal performance: one descriptor per zone of constant
// speed (one or a few; two layers, a few more).
constexpr std::uint16_t k_write_speed_descriptors = 32;
constexpr std::uint16_t k_performance_descriptors = 8;

std::size_t answer_bytes(std::uint16_t descriptors) {
    return mmc::k_performance_header + std::size_t{descriptors} * mmc::k_performance_descriptor;
}

// The drive refused or failed: a note (the caller's fallback or "not known"), or, when the
// drive is gone, an error that ends the run.
void refused(const Error& e, std::string_view consequence, std::vector<std::string>& notes,
             std::vector<Error>& errors) {
    if (ends_the_run(e)) {
        errors.push_back(e);
        return;
    }
    notes.push_back(fmt::format("{}; {}", e.message, consequence));
}

WriteSpeeds page_2a_speeds(Drive& drive, std::vector<std::string>& notes,
                           std::vector<Error>& errors) {
    WriteSpeeds w;
    auto page = read_mode_page(drive, mmc::mode_page_code::capabilities, mmc::PageControl::current);
    if (page.error) {
        refused(*page.error, "no write speeds", notes, errors);
        return w;
    }
    for (const auto& p : page.pages) {
        if (p.code != mmc::mode_page_code::capabilities) continue;
        w.source = SpeedSource::mode_page_2a;
        w.kbps = mmc::write_speeds_of_page_2a(p.record);
        w.answer = p.record;
    }
    return w;
}

}  // namespace

bool ends_the_run(const Error& e) noexcept {
    return e.kind == ErrorKind::timeout || e.kind == ErrorKind::no_such_drive;
}

WriteSpeeds read_write_speeds(Drive& drive, std::vector<std::string>& notes,
                              std::vector<Error>& errors) {
    const auto bytes = answer_bytes(k_write_speed_descriptors);
    auto out = drive.runner().run(
        mmc::get_performance(mmc::performance_type::write_speed, 0, 0, k_write_speed_descriptors),
        Direction::from_device, bytes);
    if (out.ok()) {
        WriteSpeeds w;
        w.answer = mmc::decode_performance(out.data, mmc::performance_type::write_speed);
        w.kbps = mmc::write_speeds_of(*w.answer);
        if (!w.kbps.empty()) {
            w.source = SpeedSource::get_performance;
            return w;
        }
        notes.push_back(
            "GET PERFORMANCE (write speed) listed no speed; the write speeds are mode page 2Ah's");
    } else {
        refused(out.error, "the write speeds are mode page 2Ah's", notes, errors);
        if (ends_the_run(out.error)) return {};
    }
    return page_2a_speeds(drive, notes, errors);
}

std::optional<mmc::Record> read_read_performance(Drive& drive, std::vector<std::string>& notes,
                                                 std::vector<Error>& errors) {
    auto out = drive.runner().run(
        mmc::get_performance(mmc::performance_type::performance, mmc::k_nominal_read_performance, 0,
                             k_performance_descriptors),
        Direction::from_device, answer_bytes(k_performance_descriptors));
    if (out.ok()) return mmc::decode_performance(out.data, mmc::performance_type::performance);
    refused(out.error, "no read performance", notes, errors);
    return std::nullopt;
}

SpeedsReport gather_speeds(const platform::DriveLocation& location, const OpenOptions& options) {
    SpeedsReport r;
    r.location = location;
    auto opened = open_drive(location, options);
    if (!opened) {
        r.fatal = opened.error();
        return r;
    }
    const auto gone = [&r] { return !r.errors.empty() && ends_the_run(r.errors.back()); };
    if (auto config = opened->configuration(mmc::ConfigurationRt::one, 0); config) {
        if (config->usable) r.current_profile = config->current_profile;
    } else {
        r.errors.push_back(config.error());
    }
    if (!gone()) r.write_speeds = read_write_speeds(*opened, r.notes, r.errors);
    if (!gone()) r.read_performance = read_read_performance(*opened, r.notes, r.errors);
    if (gone()) {
        r.fatal = std::move(r.errors.back());
        r.errors.pop_back();
    }
    return r;
}

}  // namespace discrec::drive
