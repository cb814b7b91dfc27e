#include "output/transport.hpp"

#include <fmt/format.h>

#include "output/json_document.hpp"
#include "platform/storage_descriptors.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;

Json node_json(const std::optional<platform::TransportNode>& n) {
    if (!n) return nullptr;
    const auto text_or_null = [](const std::string& s) { return s.empty() ? Json() : Json(s); };
    return {{"name", n->name},
            {"subsystem", text_or_null(n->subsystem)},
            {"driver", text_or_null(n->driver)},
            {"vendor_id", text_or_null(n->vendor_id)},
            {"device_id", text_or_null(n->device_id)}};
}

Json usb_json(const std::optional<platform::UsbBridge>& u) {
    if (!u) return nullptr;
    return {{"vendor_id", u->vendor_id},
            {"product_id", u->product_id},
            {"manufacturer", u->manufacturer},
            {"product", u->product},
            {"speed_mbps", optional_json(u->speed_mbps)},
            {"version", u->version}};
}

// "0000:00:1f.2 (pci 8086:2922, driver ahci)"
std::string node_text(const platform::TransportNode& n) {
    std::string detail = n.subsystem.empty() ? std::string("?") : n.subsystem;
    if (!n.vendor_id.empty()) detail += fmt::format(" {}:{}", n.vendor_id, n.device_id);
    return fmt::format("{} ({}, driver {})", n.name, detail, n.driver.empty() ? "-" : n.driver);
}

std::string usb_text(const platform::UsbBridge& u) {
    std::string text = fmt::format("{}:{}", u.vendor_id, u.product_id);
    for (const auto* s : {&u.manufacturer, &u.product}) {
        if (!s->empty()) text += " " + *s;
    }
    std::string link = u.version.empty() ? std::string() : "USB " + u.version;
    if (u.speed_mbps) link += fmt::format("{}{} Mbit/s", link.empty() ? "" : ", ", *u.speed_mbps);
    return link.empty() ? text : fmt::format("{} ({})", text, link);
}

std::string bytes_text(const std::optional<std::uint64_t>& bytes) {
    if (!bytes) return "unknown";
    return *bytes % 1024 == 0 ? fmt::format("{} KiB", *bytes / 1024)
                              : fmt::format("{} bytes", *bytes);
}

}  // namespace

Json transport_json(const platform::TransportDescriptor& t) {
    Json j;
    j["source"] = t.source;
    j["bus_type"] = t.bus_type ? code_json(static_cast<unsigned>(*t.bus_type), 2,
                                           platform::storage_bus_type_name(*t.bus_type))
                               : Json(nullptr);
    j["adapter"] = node_json(t.adapter);
    j["controller"] = node_json(t.controller);
    j["usb"] = usb_json(t.usb);
    j["max_transfer_bytes"] = optional_json(t.max_transfer_bytes);
    j["max_page_aligned_transfer_bytes"] = optional_json(platform::max_page_aligned_transfer(t));
    j["max_unaligned_transfer_bytes"] = optional_json(platform::max_unaligned_transfer(t));
    j["max_request_bytes"] = optional_json(t.max_request_bytes);
    j["max_segments"] = optional_json(t.max_segments);
    j["max_segment_bytes"] = optional_json(t.max_segment_bytes);
    j["alignment_mask"] = optional_json(t.alignment_mask);
    j["page_size"] = t.page_size;
    return j;
}

void add_transport_rows(KeyValueBlock& kv, const platform::TransportDescriptor& t) {
    if (t.bus_type) {
        kv.add("Bus type",
               fmt::format("{} ({})", platform::storage_bus_type_name(*t.bus_type), *t.bus_type));
    }
    if (t.adapter) {
        kv.add("Host adapter", t.controller ? fmt::format("{} on {}", node_text(*t.adapter),
                                                          node_text(*t.controller))
                                            : node_text(*t.adapter));
    }
    if (t.usb) kv.add("USB bridge", usb_text(*t.usb));
    if (t.max_transfer_bytes) {
        kv.add("Max transfer", fmt::format("{} (page-aligned buffer {}, other {})",
                                           bytes_text(t.max_transfer_bytes),
                                           bytes_text(platform::max_page_aligned_transfer(t)),
                                           bytes_text(platform::max_unaligned_transfer(t))));
    }
    if (t.max_request_bytes) kv.add("Max block request", bytes_text(t.max_request_bytes));
    if (t.alignment_mask) {
        kv.add("Buffer alignment", fmt::format("mask 0x{:x} ({}-byte boundary)", *t.alignment_mask,
                                               *t.alignment_mask + 1));
    }
}

}  // namespace discrec::output
