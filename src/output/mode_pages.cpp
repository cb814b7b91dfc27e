#include "output/mode_pages.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "mmc/tables/mode_pages.hpp"
#include "output/fields.hpp"
#include "output/json_document.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;
std::string page_name(std::uint8_t code) { return mmc::mode_page_name(code); }

std::string_view page_short_name(std::uint8_t code) {
    const auto* row = mmc::find_mode_page(code);
    return row != nullptr ? row->short_name : std::string_view{};
}

std::string_view form_key(mmc::ModeDataForm form) {
    switch (form) {
        case mmc::ModeDataForm::sense10:
            return "mode_sense10";
        case mmc::ModeDataForm::sense6:
            return "mode_sense6";
        case mmc::ModeDataForm::pages_only:
            return "none";
    }
    return "none";
}

bool changeable_mode(const ModePagesReport& r) { return r.control == mmc::PageControl::changeable; }

Json page_head_json(std::uint8_t code, const ModePagesReport& r) {
    Json j;
    j["page"] = code_json(code, 2, page_name(code));
    const auto short_name = page_short_name(code);
    j["short_name"] = short_name.empty() ? Json(nullptr) : Json(std::string(short_name));
    j["page_control"] = std::string(page_control_key(r.control));
    return j;
}

Json header_json(const ModeSenseAnswer& a) {
    if (a.form == mmc::ModeDataForm::pages_only) return nullptr;
    const auto& p = a.params;
    Json j;
    j["mode_data_length"] = p.mode_data_length;
    j["medium_type"] = p.medium_type;
    j["device_specific"] = p.device_specific;
    j["long_lba"] = p.long_lba;
    j["block_descriptor_length"] = p.block_descriptor_length;
    j["block_descriptors"] = hex_bytes(ByteSpan{p.block_descriptors});
    return j;
}

Json page_json(const ModeSenseAnswer& a, const mmc::DecodedModePage& p, const ModePagesReport& r) {
    Json j = page_head_json(p.code, r);
    j["subpage"] = p.subpage;
    j["ps"] = p.ps;
    j["spf"] = p.spf;
    j["page_length"] = p.page_length;
    j["cdb"] = a.requested ? Json(std::string(form_key(a.form))) : Json(nullptr);
    j["source"] = p.layout != nullptr ? Json(std::string(p.layout->layout.source)) : Json(nullptr);
    if (p.layout != nullptr) {
        j["fields"] = fields_json(p.record, changeable_mode(r), false);
        // Lists (2Ah's write speed descriptors) sit beside the fields, as real values.
        for (const auto& v : p.record.values) {
            if (v.field->shape == mmc::Shape::list) j[std::string(v.field->key)] = value_json(v);
        }
    }
    if (p.layout == nullptr || p.spf || r.raw) j["raw"] = hex_bytes(ByteSpan{p.bytes});
    if (r.raw) {
        j["header_form"] = std::string(form_key(a.form));
        j["mode_parameter_header"] = header_json(a);
        j["response"] = hex_bytes(ByteSpan{a.response});
    }
    j["truncated"] = p.truncated;
    j["warnings"] = p.warnings;
    j["error"] = nullptr;
    return j;
}

Json answers_json(const ModePagesReport& r) {
    Json pages = Json::array();
    for (const auto& a : r.answers) {
        if (a.error) {
            Json j = page_head_json(a.requested.value_or(0), r);
            j["error"] = error_json(*a.error);
            pages.push_back(std::move(j));
            continue;
        }
        for (const auto& p : a.pages) pages.push_back(page_json(a, p, r));
    }
    return pages;
}

Json report_json(const ModePagesReport& r) {
    Json j;
    j["drive"] = r.location ? drive_ref_json(*r.location) : Json(nullptr);
    j["inhex"] = r.inhex_path.empty() ? Json(nullptr) : Json(r.inhex_path);
    j["page_control"] = std::string(page_control_key(r.control));
    if (r.supported) {
        Json list = Json::array();
        for (auto code : *r.supported) list.push_back(code_json(code, 2, page_name(code)));
        j["supported_pages"] = std::move(list);
    } else {
        j["supported_pages"] = nullptr;
    }
    j["supported_pages_probed"] = r.probed;
    j["pages"] = answers_json(r);
    return j;
}

// ---------------------------------------------------------------- text

void text_page(std::string& out, const ModeSenseAnswer& a, const mmc::DecodedModePage& p,
               const ModePagesReport& r) {
    const auto short_name = page_short_name(p.code);
    out += fmt::format("Page {:02X}h{} {}{}, {} values, {} bytes{}\n", p.code,
                       p.spf ? fmt::format(",{:02X}h", p.subpage) : "", page_name(p.code),
                       short_name.empty() ? "" : fmt::format(" ({})", short_name),
                       page_control_key(r.control), p.bytes.size(),
                       p.layout != nullptr ? fmt::format(" [{}]", p.layout->layout.source) : "");
    // SPC-4 §7.5.5: the header's medium type (MMC-3 and later: 00h; older drives and bridges
    // put SFF-8020i codes there, 70h "door closed, no disc" and the like).
    if (a.form != mmc::ModeDataForm::pages_only)
        out +=
            fmt::format("  Medium type (mode parameter header): 0x{:02x}\n", a.params.medium_type);
    append_fields_text(out, p.record, FieldTextStyle{"  ", true, changeable_mode(r)});
    if (p.layout == nullptr || p.spf || r.raw)
        out += "  Bytes: " + hex_bytes(ByteSpan{p.bytes}) + "\n";
    if (r.raw) {
        out +=
            fmt::format("  Response ({}): {}\n", form_key(a.form), hex_bytes(ByteSpan{a.response}));
    }
    for (const auto& w : p.warnings) out += "  Warning: " + w + "\n";
}

std::string render_text(const ModePagesReport& r) {
    std::string out;
    if (r.location) {
        out +=
            fmt::format("Drive: {} ({}{}{})\n", r.location->name, r.location->block_device,
                        r.location->generic_device.empty() ? "" : ", ", r.location->generic_device);
    } else {
        out += fmt::format("Input: {}\n", r.inhex_path);
    }
    out += fmt::format("Page control: {}\n", page_control_key(r.control));
    if (r.supported) {
        std::string list;
        for (auto code : *r.supported)
            list += fmt::format("{}{:02x}", list.empty() ? "" : " ", code);
        out += fmt::format("Supported pages: {}{}\n", list.empty() ? "-" : list,
                           r.probed ? " (page 3Fh refused: asked one page at a time)" : "");
    }
    for (const auto& a : r.answers) {
        out += "\n";
        if (a.error) {
            const auto code = a.requested.value_or(0);
            out += fmt::format("Page {:02X}h {}: error: {}\n", code, page_name(code),
                               a.error->message);
            continue;
        }
        for (std::size_t i = 0; i < a.pages.size(); ++i) {
            if (i > 0) out += "\n";
            text_page(out, a, a.pages[i], r);
        }
    }
    return out;
}

}  // namespace

std::string_view page_control_key(mmc::PageControl pc) noexcept {
    switch (pc) {
        case mmc::PageControl::current:
            return "current";
        case mmc::PageControl::changeable:
            return "changeable";
        case mmc::PageControl::default_:
            return "default";
        case mmc::PageControl::saved:
            return "saved";
    }
    return "current";
}

void print_mode_pages(const OutputOptions& options, const ModePagesReport& report,
                      ExitCode exit_status) {
    if (options.json) {
        auto doc = document_head(options);
        const Json body = report_json(report);  // items() must not outlive it
        for (const auto& [key, value] : body.items()) doc[key] = value;
        finish_document(doc, exit_status, nullptr);
        return;
    }
    std::fputs(render_text(report).c_str(), stdout);
}

}  // namespace discrec::output
