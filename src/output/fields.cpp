#include "output/fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "output/json_document.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;
using mmc::Shape;

bool holds_bytes(const mmc::Value& v) {
    return v.field->shape == Shape::ascii || v.field->shape == Shape::hex;
}

// With page control "changeable" every value is a mask: a field is changeable when any of its
// bits is set (SPC-4 MODE SENSE, page control 01b).
bool is_changeable(const mmc::Value& v) {
    if (!holds_bytes(v)) return v.number != 0;
    return std::any_of(v.bytes.begin(), v.bytes.end(),
                       [](std::byte b) { return b != std::byte{0}; });
}

std::string name_or_reserved(const mmc::Value& v) { return v.text.empty() ? "reserved" : v.text; }

// Units the standard counts in that people read in another: SPC-4 §7.5.13 (page 1Ah) counts
// its timers in 100 ms steps, read as seconds ("20 s", "1.5 s"). JSON keeps the raw count.
struct ScaledUnit {
    std::string_view unit;
    std::uint64_t per_shown;  // counts per shown unit
    std::string_view shown;
};
constexpr std::array k_scaled_units = {ScaledUnit{"100 ms", 10, "s"}};

std::string number_text(std::uint64_t number, std::string_view unit) {
    if (unit.empty()) return fmt::format("{}", number);
    for (const auto& s : k_scaled_units) {
        if (s.unit != unit) continue;
        const std::uint64_t whole = number / s.per_shown;
        const std::uint64_t rest = number % s.per_shown;
        return rest == 0 ? fmt::format("{} {}", whole, s.shown)
                         : fmt::format("{}.{} {}", whole, rest, s.shown);
    }
    return fmt::format("{} {}", number, unit);
}

std::string mask_text(const mmc::Value& v) {
    if (!is_changeable(v)) return "fixed";
    if (v.field->shape == Shape::flag) return "changeable";
    return holds_bytes(v) ? "changeable (mask " + hex_bytes(ByteSpan{v.bytes}) + ")"
                          : fmt::format("changeable (mask 0x{:x})", v.number);
}

const mmc::Field* own_value_field(const mmc::Layout& item) {
    for (const auto& f : item.fields) {
        if (f.key.empty()) return &f;
    }
    return nullptr;
}

// A value inside a list item line: enumerations by their name alone.
std::string short_text(const mmc::Value& v) {
    if (v.field->shape != Shape::enumeration || !v.valid) return value_text(v);
    if (!v.text.empty()) return v.text;
    std::string label(v.field->label);
    std::transform(label.begin(), label.end(), label.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return "reserved " + label;
}

std::string item_line(const mmc::Record& item) {
    std::string out;
    for (const auto& v : item.values) out += (out.empty() ? "" : ", ") + short_text(v);
    return out;
}

std::string items_text(const mmc::Value& v) {
    std::string out;
    for (const auto& item : v.items) out += (out.empty() ? "" : ", ") + item_line(item);
    return out.empty() ? "none" : out;
}

void append_list(std::string& out, const mmc::Value& v, const FieldTextStyle& style) {
    const mmc::Layout& item = *v.field->item;
    const mmc::Field* own = own_value_field(item);
    if (own != nullptr && item.fields.size() == 1) {
        out += fmt::format("{}{}: {}\n", style.indent, v.field->label, items_text(v));
        return;
    }
    for (std::size_t i = 0; i < v.items.size(); ++i) {
        const mmc::Record& r = v.items[i];
        if (own == nullptr) {
            out += fmt::format("{}{} {}: {}\n", style.indent, item.name, i + 1, item_line(r));
            continue;
        }
        // A code with flags: "Profile: 0x0008 CD-ROM (current)".
        std::string line;
        for (const auto& x : r.values) {
            if (x.field == own)
                line = value_text(x) + line;
            else if (x.field->shape == Shape::flag && x.number != 0)
                line += fmt::format(" ({})", x.field->label);
        }
        out += fmt::format("{}{}: {}\n", style.indent, own->label, line);
    }
}

Json item_json(const mmc::Record& item) {
    const mmc::Field* own = own_value_field(*item.layout);
    Json j = own != nullptr ? Json(nullptr) : Json::object();
    for (const auto& v : item.values) {
        if (v.field == own) {
            j = value_json(v);
            break;
        }
    }
    // A descriptor's keys in the order of its bytes, whatever order its text line reads in.
    std::vector<const mmc::Value*> by_byte;
    for (const auto& v : item.values) {
        if (v.field != own) by_byte.push_back(&v);
    }
    std::stable_sort(by_byte.begin(), by_byte.end(),
                     [](const auto* a, const auto* b) { return a->field->byte < b->field->byte; });
    for (const auto* v : by_byte) j[std::string(v->field->key)] = value_json(*v);
    return j;
}

}  // namespace

std::string value_text(const mmc::Value& v, bool masks) {
    const mmc::Field& f = *v.field;
    if (!v.valid) return "(not valid)";
    if (masks && f.shape != Shape::list) return mask_text(v);
    switch (f.shape) {
        case Shape::flag:
            return v.number != 0 ? "yes" : "no";
        case Shape::uint:
            return number_text(v.number, f.unit);
        case Shape::bitmap:
            return fmt::format("0x{:0{}x}", v.number, (f.width + 3) / 4);
        case Shape::enumeration:
            return fmt::format("{} ({})", v.number, name_or_reserved(v));
        case Shape::code:
            return fmt::format("0x{:0{}x} {}", v.number, f.hex_digits, name_or_reserved(v));
        case Shape::lba:
            return fmt::format("{}", v.lba);
        case Shape::msf:
            return fmt::format("{} (LBA {})", v.text, v.lba);
        case Shape::bcd:
            return fmt::format("{}", v.number);
        case Shape::ascii:
            return "\"" + v.text + "\"";
        case Shape::hex:
            return hex_bytes(ByteSpan{v.bytes});
        case Shape::list:
            return items_text(v);
        case Shape::custom:
            return v.text;
    }
    return {};
}

Json value_json(const mmc::Value& v, bool masks) {
    const mmc::Field& f = *v.field;
    if (!v.valid) return nullptr;
    if (masks && f.shape != Shape::list) return is_changeable(v);
    switch (f.shape) {
        case Shape::flag:
            return v.number != 0;
        case Shape::uint:
        case Shape::bitmap:
        case Shape::bcd:
            return v.number;
        case Shape::enumeration:
            if (f.hex_digits == 0) return {{"value", v.number}, {"string", name_or_reserved(v)}};
            return code_json(static_cast<unsigned>(v.number), f.hex_digits, name_or_reserved(v));
        case Shape::code:
            return code_json(static_cast<unsigned>(v.number), f.hex_digits, name_or_reserved(v));
        case Shape::lba:
            return v.lba;
        case Shape::msf:
            return {{"msf", v.text}, {"lba", v.lba}};
        case Shape::ascii:
        case Shape::custom:
            return v.text;
        case Shape::hex:
            return hex_bytes(ByteSpan{v.bytes});
        case Shape::list: {
            Json list = Json::array();
            for (const auto& item : v.items) list.push_back(item_json(item));
            return list;
        }
    }
    return nullptr;
}

void append_fields_text(std::string& out, const mmc::Record& record, const FieldTextStyle& style) {
    std::size_t width = 0;
    for (const auto& v : record.values) {
        if (v.field->shape != Shape::list) width = std::max(width, v.field->label.size());
    }
    for (const auto& v : record.values) {
        if (v.field->shape == Shape::list && v.field->item != nullptr) {
            append_list(out, v, style);
        } else if (style.align) {
            out += fmt::format("{}{:<{}}  {}\n", style.indent, std::string(v.field->label) + ":",
                               width + 1, value_text(v, style.masks));
        } else {
            out +=
                fmt::format("{}{}: {}\n", style.indent, v.field->label, value_text(v, style.masks));
        }
    }
}

Json fields_json(const mmc::Record& record, bool masks, bool lists) {
    Json j = Json::object();
    for (const auto& v : record.values) {
        if (lists || v.field->shape != Shape::list)
            j[std::string(v.field->key)] = value_json(v, masks);
    }
    return j;
}

}  // namespace discrec::output
