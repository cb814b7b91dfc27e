// libFuzzer target: the --inhex text parser (util/inhex.hpp, parse_hex_text), which reads what
// a user saved from sg3_utils or from discrec itself. The input is parsed as text; then the
// input's bytes are written out the two ways the parser promises to read back exactly: as
// hex_bytes() prints them ("00 1c 70") and as an sg3_utils hex dump (offset column, 16 bytes
// a line, ASCII column). Seeds: corpus/inhex/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "util/inhex.hpp"

namespace {

using namespace discrec;

// A broken promise of inhex.hpp is a finding like a crash: abort so libFuzzer keeps the input.
void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_inhex: invariant failed: %s\n", what);
    std::abort();
}

// Errors are one line naming the line number; bytes need two hex digits each.
void check_parse(std::string_view text) {
    const Result<Bytes> r = parse_hex_text(text);
    if (r) {
        require(r->size() * 2 <= text.size(), "more bytes than the text has hex digit pairs");
        return;
    }
    require(r.error().kind == ErrorKind::usage, "parse error that is not a usage error");
    const std::string& m = r.error().message;
    require(!m.empty() && m.size() < 200, "error message empty or longer than a line");
    for (const char c : m) {
        const auto u = static_cast<unsigned char>(c);
        require(u >= 0x20 && u < 0x7f, "error message with a control or non-ASCII byte");
    }
    require(m.rfind("line ", 0) == 0 || m.find("16 MiB") != std::string::npos,
            "error message names no line");
}

// sg3_utils' dStrHex layout (sg_get_config --hex, sg_inq -H): " 00     00 01 .. 07  08 .. 0f",
// the ASCII column after 4 spaces, spaces as spaces and '.' for bytes that are not printable.
std::string sg3_dump(ByteSpan b) {
    constexpr const char* k_digits = "0123456789abcdef";
    std::string out;
    out.reserve(b.size() * 5 + 16);
    for (std::size_t line = 0; line < b.size(); line += 16) {
        std::string row = " " + std::string(1, k_digits[(line >> 4U) & 0xfU]) + "0     ";
        if (line >= 256) row = fmt::format(" {:02x}     ", line);
        std::string ascii;
        for (std::size_t i = line; i < line + 16; ++i) {
            if (i > line) row += i - line == 8 ? "  " : " ";
            if (i >= b.size()) {
                row += "  ";
                continue;
            }
            const auto c = static_cast<unsigned char>(b[i]);
            row.push_back(k_digits[c >> 4U]);
            row.push_back(k_digits[c & 0xfU]);
            ascii.push_back(c >= ' ' && c < 0x7f ? static_cast<char>(c) : '.');
        }
        out += row + "    " + ascii + "\n";
    }
    return out;
}

void check_round_trip(ByteSpan b, const std::string& text, const char* what) {
    const Result<Bytes> r = parse_hex_text(text);
    require(r.has_value(), what);
    require(Bytes(b.begin(), b.end()) == *r, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    check_parse({reinterpret_cast<const char*>(data), size});
    if (size > 256) return 0;  // the round trips cost 3-5 characters a byte: keep them short
    const ByteSpan b{reinterpret_cast<const std::byte*>(data), size};
    check_round_trip(b, hex_bytes(b), "hex_bytes() text does not read back");
    check_round_trip(b, sg3_dump(b), "sg3_utils hex dump does not read back");
    return 0;
}
