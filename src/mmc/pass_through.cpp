#include "mmc/pass_through.hpp"

#include <string_view>

#include <fmt/format.h>

namespace discrec::mmc {
namespace {

constexpr std::size_t k_min_cdb = 6;
constexpr std::size_t k_max_cdb = 16;

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// SPC-4 §4.2.5.1 Table 6: the CDB length the group code (bits 7-5) gives; 0 when the group
// does not fix one (3 reserved, 6 and 7 vendor specific).
std::size_t group_length(std::uint8_t opcode) {
    switch (opcode >> 5) {
        case 0:
            return 6;
        case 1:
        case 2:
            return 10;
        case 4:
            return 16;
        case 5:
            return 12;
        default:
            return 0;
    }
}

Error bad_cdb(std::string message) { return make_error(ErrorKind::usage, std::move(message)); }

// Appends the bytes of one word; false when it is no hex bytes.
bool append_word(std::string_view word, Cdb& cdb, std::size_t& count) {
    if (word.size() > 2 && word[0] == '0' && (word[1] == 'x' || word[1] == 'X')) {
        word.remove_prefix(2);
    }
    std::string digits;
    for (char c : word) {
        if (c == ':' || c == ',') continue;  // "12:00", "12,00"
        if (hex_value(c) < 0) return false;
        digits.push_back(c);
    }
    if (digits.empty() || digits.size() % 2 != 0) return false;
    for (std::size_t i = 0; i < digits.size(); i += 2) {
        if (count < cdb.bytes.size()) {
            cdb.bytes[count] =
                static_cast<std::byte>(hex_value(digits[i]) * 16 + hex_value(digits[i + 1]));
        }
        ++count;  // counted past 16 too, for the message
    }
    return true;
}

}  // namespace

Result<Cdb> parse_cdb(std::span<const std::string> words) {
    Cdb cdb;
    std::size_t count = 0;
    for (const auto& word : words) {
        if (!append_word(word, cdb, count)) {
            return bad_cdb(fmt::format(
                "CDB byte '{}' is not hex (write bytes as 12 00 00 00 24 00, or 1200000024 00)",
                word));
        }
    }
    if (count < k_min_cdb || count > k_max_cdb) {
        return bad_cdb(fmt::format("a CDB has 6 to 16 bytes, not {}", count));
    }
    cdb.size = count;
    const std::size_t wanted = group_length(cdb.opcode());
    if (wanted != 0 && wanted != count) {
        return bad_cdb(fmt::format("{} (opcode {:02X}h) takes a {}-byte CDB, not {} bytes",
                                   command_label(cdb.opcode()), cdb.opcode(), wanted, count));
    }
    return cdb;
}

GateVerdict gate_command(const Cdb& cdb, const GateOptions& options) {
    GateVerdict verdict;
    verdict.command_class = classify_cdb(cdb.span());
    const auto cls = verdict.command_class;
    const auto refuse = [&](std::string_view why) {
        verdict.refusal = make_error(
            ErrorKind::usage,
            fmt::format("refused: {} (opcode {:02X}h) is in class '{}'; {}",
                        command_label(cdb.opcode()), cdb.opcode(), opcode_class_name(cls), why));
    };
    if (cls == OpcodeClass::firmware) {
        if (!options.allow_write || !options.allow_firmware) {
            refuse("it needs --allow-write and --allow-firmware");
        }
        return verdict;
    }
    if (cls == OpcodeClass::read_only && !options.data_out) return verdict;
    if (options.allow_write) return verdict;
    if (cls == OpcodeClass::read_only) {
        refuse("it sends no data to the drive, and --out with it needs --allow-write");
    } else {
        refuse("--allow-write allows it");
    }
    return verdict;
}

}  // namespace discrec::mmc
