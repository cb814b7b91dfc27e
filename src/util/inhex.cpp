#include "util/inhex.hpp"

#include <cctype>
#include <cstdio>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "util/file.hpp"

namespace discrec {
namespace {

constexpr std::size_t k_mib = std::size_t{1024} * 1024;
constexpr std::size_t k_max_inhex_bytes = 16 * k_mib;  // no response is larger
// Hex text of k_max_inhex_bytes as sg3_utils dumps it (offset, 16 pairs, ASCII column: under
// 5 characters a byte) fits; anything longer is not a saved response.
constexpr std::size_t k_max_file_bytes = 96 * k_mib;

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool all_hex(std::string_view token) {
    if (token.empty()) return false;
    for (char c : token) {
        if (hex_value(c) < 0) return false;
    }
    return true;
}

std::string_view strip_0x(std::string_view token) {
    if (token.size() > 2 && token[0] == '0' && (token[1] == 'x' || token[1] == 'X')) {
        return token.substr(2);
    }
    return token;
}

// Splits a line at runs of 3+ spaces: sg3_utils' dumps put 3+ spaces between the offset
// column, the hex bytes (single spaces, a double one mid-row) and the ASCII column.
std::vector<std::string_view> segments_of(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        if (i >= line.size()) break;
        std::size_t end = line.find("   ", i);
        if (end == std::string_view::npos) end = line.size();
        std::string_view seg = line.substr(i, end - i);
        while (!seg.empty() && (seg.back() == ' ' || seg.back() == '\t')) seg.remove_suffix(1);
        out.push_back(seg);
        i = end;
    }
    return out;
}

std::vector<std::string> tokens_of(std::string_view line) {
    std::vector<std::string> out;
    std::string current;
    for (char c : line) {
        if (std::isspace(static_cast<unsigned char>(c)) != 0 || c == ',') {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::optional<unsigned long> offset_value(std::string_view t) {
    t = strip_0x(t);
    if (!all_hex(t) || t.size() > 8) return std::nullopt;
    unsigned long value = 0;
    for (char c : t) value = value * 16 + static_cast<unsigned long>(hex_value(c));
    return value;
}

// The hex tokens of one line, without an offset column or an ASCII column.
std::vector<std::string> data_tokens(std::string_view line, std::size_t bytes_so_far) {
    auto segments = segments_of(line);
    if (segments.empty()) return {};
    std::size_t first = 0;
    std::size_t last = segments.size();
    // "00     00 00 ...": a lone first segment whose value is the running offset.
    if (segments.size() >= 2 && segments[0].find(' ') == std::string_view::npos &&
        offset_value(segments[0]) == bytes_so_far) {
        first = 1;
    }
    // Hex bytes then an ASCII column: the hex is one segment (its bytes are 1 or 2 spaces
    // apart), everything after it the ASCII text, which may itself hold runs of 3+ spaces
    // ("QEMU    QEMU CD-ROM", bytes 20h printed as spaces) and hex-like words.
    if (last - first >= 2) last = first + 1;
    std::vector<std::string> out;
    for (std::size_t s = first; s < last; ++s) {
        for (auto& t : tokens_of(segments[s])) out.push_back(std::move(t));
    }
    // "0x10: 2a 14": an offset ending in ':'.
    if (!out.empty() && out.front().size() > 1 && out.front().back() == ':' &&
        offset_value(std::string_view(out.front()).substr(0, out.front().size() - 1))) {
        out.erase(out.begin());
    }
    return out;
}

// A token as an error message shows it: printable ASCII, other bytes as \xNN (a binary file
// read as text must not put control bytes on the terminal), at most 24 bytes of it.
std::string shown_token(std::string_view token) {
    constexpr std::size_t k_shown = 24;
    std::string out;
    for (const char c : token.substr(0, k_shown)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f) {
            out.push_back(c);
        } else {
            out += fmt::format("\\x{:02x}", u);
        }
    }
    if (token.size() > k_shown) out += "...";
    return out;
}

}  // namespace

Result<Bytes> parse_hex_text(std::string_view text) {
    Bytes out;
    std::size_t line_no = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const auto tokens = data_tokens(line, out.size());
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            std::string_view t = strip_0x(tokens[i]);
            if (!all_hex(t) || t.size() % 2 != 0) {
                return make_error(ErrorKind::usage, fmt::format("line {}: '{}' is not a hex byte",
                                                                line_no, shown_token(tokens[i])));
            }
            for (std::size_t k = 0; k < t.size(); k += 2) {
                out.push_back(static_cast<std::byte>(hex_value(t[k]) * 16 + hex_value(t[k + 1])));
            }
            if (out.size() > k_max_inhex_bytes) {
                return make_error(ErrorKind::usage,
                                  "more than 16 MiB of hex: not a device response");
            }
        }
        if (end == text.size()) break;
    }
    return out;
}

Result<Bytes> read_inhex_file(const std::string& path, bool raw) {
    auto content = read_whole_file(path, raw ? k_max_inhex_bytes : k_max_file_bytes,
                                   "not a saved device response");
    if (!content) return content.error();
    if (raw) {
        Bytes out(content->size());
        for (std::size_t i = 0; i < content->size(); ++i)
            out[i] = static_cast<std::byte>((*content)[i]);
        return out;
    }
    auto parsed = parse_hex_text(*content);
    if (!parsed) {
        return make_error(ErrorKind::usage, fmt::format("{}: {}", path, parsed.error().message));
    }
    if (parsed->empty()) return make_error(ErrorKind::usage, fmt::format("{}: no hex bytes", path));
    return parsed;
}

}  // namespace discrec
