#include "output/mode_pages.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "mmc/tables/mode_pages.hpp"
#include "output/json_document.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;
using mmc::ModeFieldKind;

std::string page_name(std::uint8_t code) {
    const auto* row = mmc::find_mode_page(code);
    if (row != nullptr) return std::string(row->name);
    return code == 0 ? "Vendor specific (unit attention)"
                     : fmt::format("Unknown page {:02X}h", code);
}

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

bool any_nonzero(const Bytes& bytes) {
    for (std::byte b : bytes) {
        if (b != std::byte{0}) return true;
    }
    return false;
}

// With --control changeable every value is a mask: a field is changeable when any of its bits
// is set (SPC-4 MODE SENSE, page control 01b).
bool is_changeable(const mmc::DecodedModeField& f) {
    const bool bytes_kind =
        f.row->kind == ModeFieldKind::ascii || f.row->kind == ModeFieldKind::hex;
    return bytes_kind ? any_nonzero(f.bytes) : f.value != 0;
}

std::string enum_name(const mmc::DecodedModeField& f) {
    const std::string_view name = f.row->name_of != nullptr ? f.row->name_of(f.value) : "";
    return name.empty() ? "reserved" : std::string(name);
}

Json field_json(const mmc::DecodedModeField& f, bool changeable) {
    if (changeable) return is_changeable(f);
    switch (f.row->kind) {
        case ModeFieldKind::flag:
            return f.value != 0;
        case ModeFieldKind::uint:
            return f.value;
        case ModeFieldKind::enum_:
            return code_json(static_cast<unsigned>(f.value), 2, enum_name(f));
        case ModeFieldKind::ascii:
            return f.text();
        case ModeFieldKind::hex:
            return hex_bytes(ByteSpan{f.bytes});
    }
    return nullptr;
}

std::string field_text(const mmc::DecodedModeField& f, bool changeable) {
    if (changeable) {
        if (!is_changeable(f)) return "fixed";
        const bool bytes_kind =
            f.row->kind == ModeFieldKind::ascii || f.row->kind == ModeFieldKind::hex;
        if (f.row->kind == ModeFieldKind::flag) return "changeable";
        return bytes_kind ? "changeable (mask " + hex_bytes(ByteSpan{f.bytes}) + ")"
                          : fmt::format("changeable (mask 0x{:x})", f.value);
    }
    switch (f.row->kind) {
        case ModeFieldKind::flag:
            return f.value != 0 ? "yes" : "no";
        case ModeFieldKind::uint:
            return f.row->unit.empty() ? fmt::format("{}", f.value)
                                       : fmt::format("{} {}", f.value, f.row->unit);
        case ModeFieldKind::enum_:
            return fmt::format("{} ({})", f.value, enum_name(f));
        case ModeFieldKind::ascii:
            return "\"" + f.text() + "\"";
        case ModeFieldKind::hex:
            return hex_bytes(ByteSpan{f.bytes});
    }
    return {};
}

Json error_json(const Error& e) {
    return {{"kind", error_kind_key(e.kind)}, {"message", e.message}};
}

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
    j["source"] = p.layout != nullptr ? Json(std::string(p.layout->source)) : Json(nullptr);
    if (p.layout != nullptr) {
        Json fields = Json::object();
        for (const auto& f : p.fields)
            fields[std::string(f.row->key)] = field_json(f, changeable_mode(r));
        j["fields"] = std::move(fields);
    }
    if (p.code == 0x2a && !p.spf) {
        Json speeds = Json::array();
        for (const auto& d : p.write_speeds) {
            speeds.push_back({{"rotation_control",
                               code_json(d.rotation_control, 1,
                                         mmc::rotation_control_name(d.rotation_control).empty()
                                             ? "reserved"
                                             : mmc::rotation_control_name(d.rotation_control))},
                              {"write_speed_kbps", d.write_speed_kbps}});
        }
        j["write_speed_descriptors"] = std::move(speeds);
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
    if (r.location) {
        j["drive"] = {{"name", r.location->name},
                      {"block_device", r.location->block_device},
                      {"generic_device", r.location->generic_device}};
    } else {
        j["drive"] = nullptr;
    }
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
                       p.layout != nullptr ? fmt::format(" [{}]", p.layout->source) : "");
    std::size_t width = 0;
    for (const auto& f : p.fields) width = std::max(width, f.row->label.size());
    for (const auto& f : p.fields) {
        out += fmt::format("  {:<{}}  {}\n", std::string(f.row->label) + ":", width + 1,
                           field_text(f, changeable_mode(r)));
    }
    for (std::size_t i = 0; i < p.write_speeds.size(); ++i) {
        const auto& d = p.write_speeds[i];
        const auto name = mmc::rotation_control_name(d.rotation_control);
        out += fmt::format("  Write speed descriptor {}: {} kB/s, {}\n", i + 1, d.write_speed_kbps,
                           name.empty() ? "reserved rotation control" : std::string(name));
    }
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
