// Test helper: reads the sg3_utils text captures in tests/fixtures/mmc/ (see its README).
#pragma once

#include <doctest/doctest.h>

#include <cctype>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "transport/transport.hpp"
#include "util/bytes.hpp"
#include "util/inhex.hpp"

namespace discrec::test {

inline std::vector<std::string> fixture_lines(const std::string& name) {
    const std::string path = std::string{DISCREC_FIXTURES_DIR} + "/mmc/" + name;
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "cannot open fixture " << path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Appends the hex byte pairs of `text` ("05 80 05 32  51 45") to `out`.
inline void append_hex(const std::string& text, Bytes& out) {
    std::istringstream words(text);
    for (std::string w; words >> w;) {
        REQUIRE_MESSAGE(w.size() == 2, "not a hex byte: " << w);
        out.push_back(static_cast<std::byte>(std::stoul(w, nullptr, 16)));
    }
}

inline bool is_hex_word_start(const std::string& line, std::size_t at) {
    return at < line.size() && std::isxdigit(static_cast<unsigned char>(line[at])) != 0;
}

// The response bytes: lines " OFF     xx xx ... xx    ascii" (hex in columns 8-55), whose
// offsets must follow one another.
inline Bytes fixture_data(const std::string& name) {
    Bytes out;
    for (const std::string& line : fixture_lines(name)) {
        if (line.size() < 10 || line[0] != ' ' || !is_hex_word_start(line, 1)) continue;
        const std::size_t end = line.find(' ', 1);
        if (end == std::string::npos || end > 7) continue;
        REQUIRE(std::stoul(line.substr(1, end - 1), nullptr, 16) == out.size());
        append_hex(line.substr(8, 48), out);
    }
    return out;
}

// A saved answer in tests/fixtures/media/ (sg3_utils hex with '#' comments, as decode reads).
inline Bytes media_fixture(const std::string& name) {
    const auto bytes = read_inhex_file(std::string{DISCREC_FIXTURES_DIR} + "/media/" + name, false);
    REQUIRE_MESSAGE(bytes.has_value(), "cannot read fixture " << name);
    return *bytes;
}

// The sense bytes: the lines after "Raw sense data" that start with 8 spaces.
inline Bytes fixture_sense(const std::string& name) {
    Bytes out;
    bool in_sense = false;
    for (const std::string& line : fixture_lines(name)) {
        if (line.find("Raw sense data") != std::string::npos) {
            in_sense = true;
            continue;
        }
        if (!in_sense) continue;
        if (line.rfind("        ", 0) != 0 || !is_hex_word_start(line, 8)) break;
        append_hex(line.substr(8), out);
    }
    REQUIRE_MESSAGE(!out.empty(), "no raw sense in " << name);
    return out;
}

// The CDB of "cdb to send: [..]" (sg_raw) or "... cdb: [..]" (sg_start, sg_prevent).
inline Bytes fixture_cdb(const std::string& name) {
    for (const std::string& line : fixture_lines(name)) {
        const std::size_t open = line.find("cdb");
        const std::size_t lb = line.find('[');
        const std::size_t rb = line.find(']');
        if (open == std::string::npos || lb == std::string::npos || rb < lb) continue;
        Bytes out;
        append_hex(line.substr(lb + 1, rb - lb - 1), out);
        return out;
    }
    FAIL("no CDB line in " << name);
    return {};
}

inline Bytes cdb_bytes(const Cdb& cdb) { return {cdb.span().begin(), cdb.span().end()}; }

// Robustness: calls `decode` on every prefix of `bytes` and on 200 buffers of random bytes
// (fixed seed) of up to 300 bytes; the checks are ASan/UBSan's and the decoder's own.
template <typename Decode>
void decode_prefixes_and_noise(const Bytes& bytes, Decode decode) {
    for (std::size_t n = 0; n <= bytes.size(); ++n) decode(ByteSpan{bytes}.first(n));
    std::mt19937 rng(12345);
    for (int i = 0; i < 200; ++i) {
        Bytes noise(rng() % 300);
        for (auto& b : noise) b = static_cast<std::byte>(rng() & 0xff);
        decode(ByteSpan{noise});
    }
}

// For the name tables: codes unique, short names unique and CLI-safe (lower case, digits,
// '-', '+'), every row named.
template <typename Rows>
void check_table_rows(const Rows& rows) {
    std::set<unsigned> codes;
    std::set<std::string> names;
    for (const auto& r : rows) {
        CHECK(codes.insert(r.code).second);
        CHECK(names.insert(std::string{r.short_name}).second);
        CHECK(!r.name.empty());
        for (char c : r.short_name) {
            const bool ok =
                (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '+';
            CHECK_MESSAGE(ok, r.short_name);
        }
    }
}

}  // namespace discrec::test
