#include "output/decoded.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "mmc/capacity.hpp"
#include "mmc/events.hpp"
#include "mmc/inquiry.hpp"
#include "mmc/sense.hpp"
#include "output/json_document.hpp"
#include "output/table.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;

// Collects the values of one structure in the order text shows them.
struct Values {
    std::vector<NamedValue> items;
    void add(std::string key, std::string label, Json value, std::string text) {
        items.push_back({std::move(key), std::move(label), std::move(value), std::move(text)});
    }
    void number(std::string key, std::string label, std::uint64_t v, std::string_view unit = {}) {
        add(std::move(key), std::move(label), v,
            unit.empty() ? std::to_string(v) : fmt::format("{} {}", v, unit));
    }
    void flag(std::string key, std::string label, bool v) {
        add(std::move(key), std::move(label), v, v ? "yes" : "no");
    }
    void text(std::string key, std::string label, const std::string& v) {
        add(std::move(key), std::move(label), v, v.empty() ? "-" : v);
    }
    // A code with its name: {"value": n, "hex": "05h", "name": "..."}; text "05h name".
    void code(std::string key, std::string label, unsigned v, int digits, std::string_view name) {
        const std::string hex = fmt::format("{:0{}X}h", v, digits);
        add(std::move(key), std::move(label), code_json(v, digits, name),
            name.empty() ? hex : fmt::format("{} {}", hex, name));
    }
};

void add_notes(DecodedStruct& out, const std::vector<std::string>& warnings) {
    out.notes.insert(out.notes.end(), warnings.begin(), warnings.end());
}

void inquiry_values(DecodedStruct& out, ByteSpan data) {
    const auto q = mmc::decode_inquiry(data);
    out.usable = q.usable;
    add_notes(out, q.warnings);
    if (!q.usable) return;
    Values v;
    v.number("peripheral_qualifier", "Peripheral qualifier", q.peripheral_qualifier);
    v.code("device_type", "Device type", q.device_type, 2, mmc::device_type_name(q.device_type));
    v.flag("removable", "Removable", q.removable);
    v.code("version", "Version", q.version, 2, "");
    v.number("response_data_format", "Response data format", q.response_data_format);
    v.number("additional_length", "Additional length", q.additional_length);
    v.text("vendor", "Vendor", q.vendor);
    v.text("product", "Product", q.product);
    v.text("revision", "Revision", q.revision);
    Json descriptors = Json::array();
    std::string text;
    for (auto d : q.version_descriptors) {
        descriptors.push_back(d);
        text += fmt::format("{}{:04X}h", text.empty() ? "" : " ", d);
    }
    v.add("version_descriptors", "Version descriptors", descriptors, text.empty() ? "-" : text);
    out.values = std::move(v.items);
}

void vpd_header_values(Values& v, const mmc::VpdHeader& h) {
    v.code("page_code", "Page", h.page_code, 2, "");
    v.code("device_type", "Device type", h.device_type, 2, mmc::device_type_name(h.device_type));
    v.number("page_length", "Page length", h.page_length);
}

void vpd_values(DecodedStruct& out, ByteSpan data) {
    Values v;
    // The page code says which page the bytes are (SPC-4 §7.8.1, byte 1).
    const std::uint8_t page = data.size() > 1 ? u8_at(data, 1) : 0;
    if (page == mmc::vpd_page::unit_serial_number) {
        const auto p = mmc::decode_vpd_serial(data);
        out.usable = p.header.usable;
        add_notes(out, p.warnings);
        vpd_header_values(v, p.header);
        v.text("serial_number", "Serial number", p.serial);
    } else if (page == mmc::vpd_page::device_identification) {
        const auto p = mmc::decode_vpd_device_id(data);
        out.usable = p.header.usable;
        add_notes(out, p.warnings);
        vpd_header_values(v, p.header);
        Json list = Json::array();
        std::string text;
        for (const auto& d : p.designators) {
            list.push_back(
                {{"association", code_json(d.association, 1, mmc::association_name(d.association))},
                 {"type", code_json(d.type, 1, mmc::designator_type_name(d.type))},
                 {"code_set", code_json(d.code_set, 1, mmc::code_set_name(d.code_set))},
                 {"value", d.text},
                 {"truncated", d.truncated}});
            text += fmt::format("\n      {} ({}, {}): {}", mmc::designator_type_name(d.type),
                                mmc::association_name(d.association),
                                mmc::code_set_name(d.code_set), d.text);
        }
        v.add("designators", "Designators", list, fmt::format("{}{}", p.designators.size(), text));
    } else {
        const auto p = mmc::decode_vpd_supported_pages(data);
        out.usable = p.header.usable;
        add_notes(out, p.warnings);
        vpd_header_values(v, p.header);
        if (p.header.page_code != mmc::vpd_page::supported_pages) {
            // Another page: shown as its header; its body is not one discrec decodes.
            out.notes.push_back(
                fmt::format("VPD page {:02X}h: only its header is decoded", p.header.page_code));
        } else {
            Json list = Json::array();
            std::string text;
            for (auto c : p.pages) {
                list.push_back(c);
                text += fmt::format("{}{:02X}h", text.empty() ? "" : " ", c);
            }
            v.add("supported_pages", "Supported pages", list, text.empty() ? "-" : text);
        }
    }
    if (out.usable) out.values = std::move(v.items);
}

void sense_values(DecodedStruct& out, ByteSpan data) {
    const auto s = mmc::decode_sense(data);
    out.usable = s.usable();
    add_notes(out, s.warnings);
    if (!s.usable()) return;
    Values v;
    v.text("format", "Format", s.format == mmc::SenseFormat::fixed ? "fixed" : "descriptor");
    v.code("response_code", "Response code", s.response_code, 2,
           s.deferred ? "deferred" : "current");
    v.number("key", "Sense key", s.key);
    v.code("asc", "ASC", s.asc, 2, "");
    v.code("ascq", "ASCQ", s.ascq, 2, "");
    v.text("description", "Description", mmc::describe_sense(s));
    v.flag("information_valid", "Information valid", s.valid);
    v.number("information", "Information", s.information);
    v.number("command_specific", "Command specific", s.command_specific);
    v.flag("filemark", "Filemark", s.filemark);
    v.flag("eom", "End of medium", s.eom);
    v.flag("ili", "Incorrect length", s.ili);
    v.flag("sksv", "Sense key specific valid", s.sksv);
    if (s.progress) v.number("progress", "Progress (of 65536)", *s.progress);
    if (s.field_pointer) {
        const auto& f = *s.field_pointer;
        v.add("field_pointer", "Field pointer",
              {{"in_cdb", f.in_cdb},
               {"byte", f.byte},
               {"bit", f.bit_valid ? Json(f.bit) : Json(nullptr)}},
              fmt::format("{} byte {}{}", f.in_cdb ? "CDB" : "parameter list", f.byte,
                          f.bit_valid ? fmt::format(" bit {}", f.bit) : ""));
    }
    Json descriptors = Json::array();
    std::string text;
    for (const auto& d : s.descriptors) {
        descriptors.push_back({{"type", d.type}, {"hex", hex_bytes(d.data)}});
        text += fmt::format("\n      type {:02X}h: {}", d.type, hex_bytes(d.data));
    }
    if (s.format == mmc::SenseFormat::descriptor)
        v.add("descriptors", "Descriptors", descriptors,
              fmt::format("{}{}", s.descriptors.size(), text));
    out.values = std::move(v.items);
}

void gesn_values(DecodedStruct& out, ByteSpan data) {
    const auto e = mmc::decode_event_status(data);
    out.usable = e.usable;
    add_notes(out, e.warnings);
    if (!e.usable) return;
    Values v;
    v.number("event_data_length", "Event data length", e.header.event_data_length);
    v.flag("nea", "No event available", e.header.nea);
    v.code("notification_class", "Notification class", e.header.notification_class, 1,
           mmc::notification_class_name(e.header.notification_class));
    Json classes = Json::array();
    std::string text;
    for (unsigned c = 0; c < 8; ++c) {
        if ((e.header.supported_classes >> c & 1U) == 0) continue;
        classes.push_back(
            code_json(c, 1, mmc::notification_class_name(static_cast<std::uint8_t>(c))));
        text += fmt::format("{}{}", text.empty() ? "" : ", ",
                            mmc::notification_class_name(static_cast<std::uint8_t>(c)));
    }
    v.add("supported_classes", "Supported classes", classes, text.empty() ? "-" : text);
    if (e.media) {
        const auto& m = *e.media;
        v.code("media_event", "Media event", m.event_code, 1, mmc::media_event_name(m.event_code));
        v.flag("door_or_tray_open", "Door or tray open", m.door_or_tray_open);
        v.flag("media_present", "Media present", m.media_present);
        v.number("start_slot", "Start slot", m.start_slot);
        v.number("end_slot", "End slot", m.end_slot);
    } else if (!e.descriptor.empty()) {
        v.text("descriptor", "Event descriptor", hex_bytes(e.descriptor));
    }
    out.values = std::move(v.items);
}

void mechanism_values(DecodedStruct& out, ByteSpan data) {
    const auto m = mmc::decode_mechanism_status(data);
    out.usable = m.usable;
    add_notes(out, m.warnings);
    if (!m.usable) return;
    Values v;
    v.flag("fault", "Fault", m.fault);
    v.code("changer_state", "Changer state", m.changer_state, 1,
           mmc::changer_state_name(m.changer_state));
    v.number("current_slot", "Current slot", m.current_slot);
    v.code("mechanism_state", "Mechanism state", m.mechanism_state, 1,
           mmc::mechanism_state_name(m.mechanism_state));
    v.flag("door_open", "Door open", m.door_open);
    v.number("current_lba", "Current LBA", m.current_lba);
    v.number("number_of_slots", "Number of slots", m.number_of_slots);
    v.number("slot_table_length", "Slot table length", m.slot_table_length);
    Json slots = Json::array();
    std::string text;
    for (std::size_t i = 0; i < m.slots.size(); ++i) {
        const auto& s = m.slots[i];
        slots.push_back({{"disc_present", s.disc_present},
                         {"change", s.change},
                         {"cartridge_write_protect", s.cwp_valid ? Json(s.cwp) : Json(nullptr)}});
        text += fmt::format("\n      slot {}: disc {}{}{}", i,
                            s.disc_present ? "present" : "absent", s.change ? ", changed" : "",
                            s.cwp_valid && s.cwp ? ", cartridge write protected" : "");
    }
    v.add("slots", "Slots", slots, fmt::format("{}{}", m.slots.size(), text));
    out.values = std::move(v.items);
}

void capacity_values(DecodedStruct& out, ByteSpan data) {
    const auto c = mmc::decode_read_capacity(data);
    out.usable = c.usable;
    add_notes(out, c.warnings);
    if (!c.usable) return;
    Values v;  // the keys `media` shows under "capacity"
    v.number("last_lba", "Last LBA", c.last_lba);
    v.number("block_length", "Block length", c.block_length, "bytes");
    v.number("blocks", "Blocks", c.blocks());
    v.number("bytes", "Bytes", c.bytes());
    out.values = std::move(v.items);
}

std::string_view struct_title(StructKind kind) noexcept {
    switch (kind) {
        case StructKind::inquiry:
            return "Inquiry";
        case StructKind::vpd:
            return "Vital product data";
        case StructKind::sense:
            return "Sense data";
        case StructKind::gesn:
            return "Event status";
        case StructKind::mechanism_status:
            return "Mechanism status";
        case StructKind::capacity:
            return "Capacity";
    }
    return {};
}

}  // namespace

std::string_view struct_key(StructKind kind) noexcept {
    switch (kind) {
        case StructKind::inquiry:
            return "inquiry";
        case StructKind::vpd:
            return "vpd";
        case StructKind::sense:
            return "sense";
        case StructKind::gesn:
            return "event_status";
        case StructKind::mechanism_status:
            return "mechanism_status";
        case StructKind::capacity:
            return "capacity";
    }
    return {};
}

DecodedStruct decode_struct(StructKind kind, ByteSpan data) {
    DecodedStruct out;
    out.kind = kind;
    switch (kind) {
        case StructKind::inquiry:
            inquiry_values(out, data);
            break;
        case StructKind::vpd:
            vpd_values(out, data);
            break;
        case StructKind::sense:
            sense_values(out, data);
            break;
        case StructKind::gesn:
            gesn_values(out, data);
            break;
        case StructKind::mechanism_status:
            mechanism_values(out, data);
            break;
        case StructKind::capacity:
            capacity_values(out, data);
            break;
    }
    return out;
}

void print_decoded_struct(const OutputOptions& options, const DecodedStruct& a) {
    if (!options.json) {
        KeyValueBlock kv;
        for (const auto& v : a.values) kv.add(v.label, v.text);
        std::string out = fmt::format("Source: {}\n  {}:\n", a.inhex_path, struct_title(a.kind));
        // The block's lines, indented under the title.
        const std::string block = kv.render(options.color);
        std::size_t start = 0;
        while (start < block.size()) {
            const auto end = block.find('\n', start);
            const auto line = block.substr(start, end == std::string::npos ? end : end - start);
            out += (line.starts_with("    ") ? "" : "    ") + line + "\n";
            if (end == std::string::npos) break;
            start = end + 1;
        }
        for (const auto& n : a.notes) out += fmt::format("  Note: {}\n", n);
        std::fputs(out.c_str(), stdout);
        return;
    }
    auto doc = document_head(options);
    doc["source"] = {{"inhex", a.inhex_path}};
    Json values = Json::object();
    for (const auto& v : a.values) values[v.key] = v.value;
    doc[std::string(struct_key(a.kind))] = values;
    doc["notes"] = a.notes;
    finish_document(doc, ExitCode::ok, nullptr);
}

}  // namespace discrec::output
