#include "output/check.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "output/color.hpp"
#include "output/json_document.hpp"
#include "util/subject.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;

Json assertion_json(const drive::AssertionResult& a) {
    return {{"name", a.name},
            {"expected", a.expected},
            {"actual", a.actual},
            {"result", a.passed ? "pass" : "fail"}};
}

std::string assertion_line(const OutputOptions& options, const std::string& subject,
                           const drive::AssertionResult& a) {
    const std::string verdict = a.passed ? paint(options.color, Tone::good, "PASS")
                                         : paint(options.color, Tone::error, "FAIL");
    return fmt::format("{} {} {}: expected {}, actual {}\n", message_subject(subject), verdict,
                       a.name, a.expected, a.actual);
}

Json drive_json(const CheckedDrive& d) {
    Json j;
    j["drive"] = drive_ref_json(d.location);
    j["assertions"] = Json::array();
    for (const auto& a : d.results) j["assertions"].push_back(assertion_json(a));
    j["errors"] = errors_json(d.errors);
    j["error"] = d.fatal ? error_json(*d.fatal) : Json(nullptr);
    return j;
}

}  // namespace

void print_check(const OutputOptions& options, const drive::AssertionResult& min_drives,
                 const std::vector<CheckedDrive>& drives, ExitCode exit_status) {
    if (options.json) {
        auto doc = document_head(options);
        doc["passed"] = exit_status == ExitCode::ok;
        doc["min_drives"] = assertion_json(min_drives);
        doc["drives"] = Json::array();
        for (const auto& d : drives) doc["drives"].push_back(drive_json(d));
        finish_document(doc, exit_status, nullptr);
        return;
    }
    std::string out = assertion_line(options, "drives", min_drives);
    for (const auto& d : drives) {
        for (const auto& a : d.results) out += assertion_line(options, d.location.name, a);
    }
    std::fputs(out.c_str(), stdout);
}

}  // namespace discrec::output
