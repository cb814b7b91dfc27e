#include <doctest/doctest.h>

#include "util/inhex.hpp"

using discrec::parse_hex_text;

namespace {
std::string hex_of(const discrec::Bytes& b) { return discrec::hex_bytes(b); }
}  // namespace

TEST_CASE("util::parse_hex_text plain pairs, commas and comments") {
    auto r = parse_hex_text(
        "# GET CONFIGURATION, QEMU ATAPI\n00 00 00 10, 00 00 00 08 # header\n\n0a\n");
    REQUIRE(r);
    CHECK(hex_of(*r) == "00 00 00 10 00 00 00 08 0a");
}

TEST_CASE("util::parse_hex_text reads sg3_utils hex dumps with offsets and ASCII") {
    // From shared/vm/captures/ahci/11-get-config-hex.txt (sg_get_config --hex, QEMU 7.2).
    const char* dump =
        " 00     00 00 00 10 00 00 00 08  00 00 03 08 00 10 00 00    ................\n"
        " 10     00 08 01 00                                         ....\n";
    auto r = parse_hex_text(dump);
    REQUIRE(r);
    CHECK(r->size() == 20);
    CHECK(hex_of(*r).substr(0, 11) == "00 00 00 10");
    CHECK(hex_of(*r).substr(hex_of(*r).size() - 11) == "00 08 01 00");
}

TEST_CASE("util::parse_hex_text offsets with colons and 0x prefixes, runs of digits") {
    auto r = parse_hex_text("0x00: 0x2a 0x14\n0x02: 3b00\n");
    REQUIRE(r);
    CHECK(hex_of(*r) == "2a 14 3b 00");
}

TEST_CASE("util::parse_hex_text rejects garbage and odd-length tokens with the line") {
    auto odd = parse_hex_text("00 01\n0 02\n");
    REQUIRE_FALSE(odd);
    CHECK(odd.error().message == "line 2: '0' is not a hex byte");
    auto garbage = parse_hex_text("zz");
    REQUIRE_FALSE(garbage);
    CHECK(garbage.error().kind == discrec::ErrorKind::usage);
}

TEST_CASE("util::parse_hex_text empty input gives no bytes") {
    auto r = parse_hex_text("# nothing\n\n");
    REQUIRE(r);
    CHECK(r->empty());
}

TEST_CASE("util::parse_hex_text ignores an ASCII column with spaces and hex-like words") {
    // sg3_utils prints byte 20h as a space: "a   b" and "ab   cd" are ASCII, not bytes.
    auto r = parse_hex_text(" 00     61 20 20 20 62 61 62 20  20 20 63 64    a   bab   cd\n");
    REQUIRE(r);
    CHECK(hex_of(*r) == "61 20 20 20 62 61 62 20 20 20 63 64");
}

TEST_CASE("util::read_inhex_file errors name the file and never throw") {
    auto missing = discrec::read_inhex_file("/nonexistent/discrec-inhex", false);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == discrec::ErrorKind::usage);
    CHECK(missing.error().message.rfind("cannot read /nonexistent/discrec-inhex: ", 0) == 0);
    // A directory opens on Linux and fails on read (EISDIR): iostreams threw from underflow().
    for (const bool raw : {false, true}) {
        auto dir = discrec::read_inhex_file("/", raw);
        REQUIRE_FALSE(dir);
        CHECK(dir.error().message == "cannot read /: it is a directory");
    }
}

TEST_CASE("util::parse_hex_text shows a binary token escaped and cut short") {
    auto r =
        parse_hex_text(std::string("\x01\xff"
                                   "abcdefghijklmnopqrstuvwxyz\n",
                                   29));
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "line 1: '\\x01\\xffabcdefghijklmnopqrstuv...' is not a hex byte");
}
