#include "output/send.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "output/json_document.hpp"
#include "output/table.hpp"
#include "transport/tracing.hpp"
#include "util/subject.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t k_dump_width = 16;

std::size_t residual(const SendReport& r) {
    return r.length - std::min(r.length, r.completion.transferred);
}

std::string sense_text(const SendReport& r) {
    if (r.completion.sense.empty()) return "-";
    return r.sense ? mmc::describe_sense(*r.sense) : "no usable sense data";
}

Json sense_json(const SendReport& r) {
    if (r.completion.sense.empty()) return nullptr;
    Json j;
    const bool usable = r.sense && r.sense->usable();
    j["key"] = usable ? Json(r.sense->key) : Json(nullptr);
    j["asc"] = usable ? Json(r.sense->asc) : Json(nullptr);
    j["ascq"] = usable ? Json(r.sense->ascq) : Json(nullptr);
    j["description"] = sense_text(r);
    j["hex"] = hex_bytes(r.completion.sense);
    return j;
}

Json data_json(const SendReport& r) {
    if (r.direction != Direction::from_device || r.error) return nullptr;
    return {{"length", r.data.size()}, {"hex", hex_bytes(r.data)}, {"base64", base64(r.data)}};
}

void print_json(const OutputOptions& options, const SendReport& r, ExitCode code) {
    auto doc = document_head(options);
    doc["drive"] = {{"name", r.drive.name},
                    {"block_device", r.drive.block_device},
                    {"generic_device", r.drive.generic_device}};
    doc["device"] = r.device;
    doc["cdb"] = hex_bytes(r.cdb.span());
    doc["command"] = {{"opcode", code_json(r.cdb.opcode(), 2, mmc::command_name(r.cdb.opcode()))},
                      {"class", mmc::opcode_class_key(r.command_class)}};
    doc["direction"] = direction_key(r.direction);
    doc["length"] = r.length;
    doc["timeout_ms"] = r.timeout.count();
    doc["status"] = describe_completion_status(r.completion);
    doc["scsi_status"] = r.completion.scsi_status;
    doc["host_status"] = r.completion.host_status;
    doc["driver_status"] = r.completion.driver_status;
    doc["os_error"] = r.completion.os_error.code;
    doc["sense"] = sense_json(r);
    doc["transferred"] = r.completion.transferred;
    doc["residual"] = residual(r);
    doc["duration_ms"] = static_cast<double>(r.completion.duration.count()) / 1000.0;
    doc["data"] = data_json(r);
    finish_document(doc, code, r.error ? &*r.error : nullptr);
}

}  // namespace

std::string hex_dump(ByteSpan data) {
    std::string out;
    for (std::size_t off = 0; off < data.size(); off += k_dump_width) {
        const auto line = data.subspan(off, std::min(k_dump_width, data.size() - off));
        std::string hex;
        std::string text;
        for (std::size_t i = 0; i < k_dump_width; ++i) {
            if (i == k_dump_width / 2) hex += ' ';
            if (i >= line.size()) {
                hex += "   ";
                continue;
            }
            const auto b = static_cast<unsigned char>(line[i]);
            hex += fmt::format("{:02x} ", b);
            text += b >= 0x20 && b < 0x7f ? static_cast<char>(b) : '.';
        }
        out += fmt::format("{:04x}  {} |{}|\n", off, hex, text);
    }
    return out;
}

std::string base64(ByteSpan data) {
    static constexpr std::string_view k_alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < data.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, data.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            v = (v << 8) | (k < n ? static_cast<std::uint8_t>(data[i + k]) : 0U);
        }
        for (std::size_t k = 0; k < 4; ++k) {
            out += k <= n ? k_alphabet[(v >> (18 - 6 * k)) & 0x3f] : '=';
        }
    }
    return out;
}

void print_send(const OutputOptions& options, const SendReport& r, ExitCode code) {
    if (options.json) {
        print_json(options, r, code);
        return;
    }
    KeyValueBlock kv;
    kv.add("Drive", fmt::format("{} ({})", r.drive.name, r.device));
    kv.add("Command", fmt::format("{} (opcode {:02X}h), {}", mmc::command_label(r.cdb.opcode()),
                                  r.cdb.opcode(), mmc::opcode_class_name(r.command_class)));
    kv.add("CDB", hex_bytes(r.cdb.span()));
    kv.add("Data", r.direction == Direction::none
                       ? std::string("none")
                       : fmt::format("{}, {} bytes", direction_key(r.direction), r.length));
    const bool good = classify(r.completion) == CompletionClass::good;
    kv.add("Status", describe_completion_status(r.completion), good ? Tone::good : Tone::error);
    kv.add("Sense", sense_text(r));
    kv.add("Residual", fmt::format("{} ({} of {} bytes transferred)", residual(r),
                                   r.completion.transferred, r.length));
    kv.add("Time", fmt::format("{:.3f} ms (timeout {} s)",
                               static_cast<double>(r.completion.duration.count()) / 1000.0,
                               r.timeout.count() / 1000));
    std::fputs(kv.render(options.color).c_str(), stdout);
    if (r.direction == Direction::from_device && !r.error) {
        std::fputs(hex_dump(r.data).c_str(), stdout);
    }
}

}  // namespace discrec::output
