#include "drive/mode_pages.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/subject.hpp"

namespace discrec::drive {
namespace {

void fill_answer(ModeSenseAnswer& a, ByteSpan data, mmc::ModeDataForm form,
                 const std::vector<std::uint8_t>& wanted) {
    a.form = form;
    a.params = mmc::split_mode_data(data, form);
    const ByteSpan kept = data.first(mmc::mode_data_size(data, form, a.params));
    a.response.assign(kept.begin(), kept.end());
    for (const auto& page : a.params.pages) {
        if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), page.code) == wanted.end()) {
            continue;
        }
        a.pages.push_back(mmc::decode_mode_page(page));
    }
    // The answer's own notes (cut short, lengths that disagree) go with its last page, where
    // the bytes ended.
    if (!a.pages.empty()) {
        auto& last = a.pages.back().warnings;
        last.insert(last.end(), a.params.warnings.begin(), a.params.warnings.end());
    }
}

}  // namespace

ModeSenseAnswer read_mode_page(Drive& d, std::uint8_t code, mmc::PageControl pc) {
    ModeSenseAnswer a;
    a.requested = code;
    auto data = d.mode_sense(code, pc);
    if (!data) {
        a.error = data.error();
        return a;
    }
    const auto form =
        d.uses_mode_sense10() ? mmc::ModeDataForm::sense10 : mmc::ModeDataForm::sense6;
    fill_answer(a, *data, form, {code});
    if (a.pages.empty()) {
        a.error = make_error(
            ErrorKind::device_error,
            fmt::format(
                "{} MODE SENSE: the answer holds no page {:02X}h{}", message_subject(d.name()),
                code, a.params.truncated ? " (" + a.params.warnings.front() + ")" : std::string{}));
    }
    return a;
}

Result<ModeSenseAnswer> decode_saved_mode_data(const std::string& path, ByteSpan data,
                                               std::optional<mmc::ModeDataForm> form,
                                               const std::vector<std::uint8_t>& wanted) {
    if (data.empty()) return make_error(ErrorKind::usage, path + ": empty");
    if (!form) form = mmc::detect_mode_data_form(data);
    if (!form) {
        return make_error(
            ErrorKind::usage,
            fmt::format("{}: {} bytes that are neither a MODE SENSE(10) or (6) answer nor "
                        "mode pages (their length fields disagree; see --inhex-header)",
                        path, data.size()));
    }
    ModeSenseAnswer all;
    fill_answer(all, data, *form, wanted);
    return all;
}

}  // namespace discrec::drive
