#include "util/bytes.hpp"

#include <fmt/format.h>

namespace discrec {

std::string ascii_field(ByteSpan b, std::size_t off, std::size_t len) {
    std::string out;
    const ByteSpan field = sub_span(b, off, len);
    for (std::byte c : field) {
        const auto ch = static_cast<unsigned char>(c);
        out.push_back(ch >= 0x20 && ch < 0x7f ? static_cast<char>(ch) : (ch == 0 ? ' ' : '?'));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    std::size_t start = 0;
    while (start < out.size() && out[start] == ' ') ++start;
    return out.substr(start);
}

std::string hex_bytes(ByteSpan b) {
    std::string out;
    out.reserve(b.size() * 3);
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i != 0) out.push_back(' ');
        out += fmt::format("{:02x}", static_cast<unsigned>(b[i]));
    }
    return out;
}

}  // namespace discrec
