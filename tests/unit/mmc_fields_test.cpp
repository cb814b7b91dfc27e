// The field engine (mmc/fields.hpp) on layouts of every shape the coming structures need
// (tests/common/synthetic_layouts.hpp): split numbers, flag-gated fields, MSF and negative LBAs,
// BCD, enumerations with reserved and vendor ranges, counted lists (by items and by bytes),
// lists to the end, CRC-checked packs; and never a byte past the span.
#include <doctest/doctest.h>

#include "../common/synthetic_layouts.hpp"
#include "mmc/fields.hpp"
#include "mmc_fixture.hpp"

namespace {

using namespace discrec;

const mmc::Value& value(const mmc::Record& r, std::string_view key) {
    const auto* v = r.find(key);
    REQUIRE_MESSAGE(v != nullptr, key);
    return *v;
}

Bytes disc_info_bytes() {
    return to_bytes({0x00, 0x20, 0x12, 0x01, 0x2c, 0x00, 0x00, 0x80, 0x00, 0x01, 0x00,
                     0x00, 0x12, 0x34, 0x56, 0x78, 0x00, 0x61, 0x1b, 0x23, 0xff, 0xff,
                     0xff, 0x6a, 1,    2,    3,    4,    5,    6,    7,    8});
}

// A CD-TEXT pack with its CRC: the 16 bytes and the inverted CRC-16 of them.
Bytes pack(std::initializer_list<int> first16, bool good_crc = true) {
    Bytes b = to_bytes(first16);
    REQUIRE(b.size() == 16);
    auto crc = static_cast<std::uint16_t>(~mmc::crc16_ccitt(b));
    if (!good_crc) crc ^= 1U;
    b.push_back(static_cast<std::byte>(crc >> 8U));
    b.push_back(static_cast<std::byte>(crc & 0xffU));
    return b;
}

}  // namespace

TEST_CASE("fields: a split count, flag-gated fields, MSF, negative LBA, enumerations") {
    const auto r = mmc::decode_fields(test::k_disc_info, disc_info_bytes());
    CHECK(r.absent.empty());
    CHECK(r.notes.empty());
    CHECK(value(r, "erasable").number == 1);
    CHECK(value(r, "disc_status").number == 2);
    CHECK(value(r, "disc_status").text == "Complete");
    CHECK(value(r, "sessions").number == 300);     // LSB byte 4 (2Ch), MSB byte 9 (01h)
    CHECK(value(r, "disc_identification").valid);  // DID_V set
    CHECK(value(r, "disc_identification").number == 0x12345678);
    CHECK_FALSE(value(r, "disc_bar_code").valid);  // DBC_V clear
    CHECK(value(r, "last_session_lead_in").text == "97:27:35");
    CHECK(value(r, "last_session_lead_in").lba == -11590);  // lead-in: M >= 90
    CHECK(value(r, "last_possible_lead_out").lba == -150);
    CHECK(mmc::msf_to_lba(0, 2, 0) == 0);
    CHECK(mmc::msf_to_lba(79, 59, 74) == 359849);
    CHECK(test::status_name(3).empty());  // reserved
    CHECK(test::status_name(0xf3) == "Vendor specific");
}

TEST_CASE("fields: a span too short leaves fields absent, never guessed") {
    const Bytes all = disc_info_bytes();
    const auto r = mmc::decode_fields(test::k_disc_info, ByteSpan{all}.first(9));
    // byte 9 holds the sessions MSB: a split number needs both parts.
    CHECK(r.find("sessions") == nullptr);
    CHECK(r.find("did_v") != nullptr);
    CHECK(r.absent.size() == 5);
    CHECK(r.values.size() + r.absent.size() == test::k_disc_info.fields.size());
}

TEST_CASE("fields: descriptors to the end of the data, with stray bytes noted") {
    const Bytes toc =
        to_bytes({0x00, 0x12, 0x01, 0x02, 0x00, 0x14, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
                  0x00, 0x10, 0x02, 0x00, 0x00, 0x00, 0x2e, 0xe0, 0xaa, 0xbb, 0xcc});
    const auto r = mmc::decode_fields(test::k_toc, toc);
    const auto& tracks = value(r, "tracks").items;
    REQUIRE(tracks.size() == 2);
    CHECK(value(tracks[0], "adr").number == 1);
    CHECK(value(tracks[0], "control").number == 4);
    CHECK(value(tracks[1], "track").number == 2);
    CHECK(value(tracks[1], "start").lba == 12000);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0] == "Track Descriptors: 3 byte(s) after the last whole 8-byte entry");
}

TEST_CASE("fields: a list counted in bytes, and a count larger than the data") {
    const Bytes two =
        to_bytes({0, 0, 0, 0x10, 0, 0, 0x10, 0, 0x02, 0, 0x08, 0, 0, 0, 0x20, 0, 0xf1, 0, 0x08, 0});
    auto r = mmc::decode_fields(test::k_capacities, two);
    auto items = value(r, "capacities").items;
    REQUIRE(items.size() == 2);
    CHECK(value(items[0], "blocks").number == 4096);
    CHECK(value(items[0], "type_dependent").number == 2048);
    CHECK(value(items[1], "format_type").number == 0x31);  // bits 5-0 of F1h
    CHECK(r.notes.empty());
    Bytes three = two;
    three[3] = std::byte{0x18};
    r = mmc::decode_fields(test::k_capacities, three);
    CHECK(value(r, "capacities").items.size() == 2);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0] == "Capacity Descriptors: the count says 3, only 2 present");
}

TEST_CASE("fields: CRC-checked packs, BCD, padded ASCII") {
    Bytes data = to_bytes({0x02});  // byte 0: two packs follow from byte 1
    const Bytes good = pack({0x80, 0x12, 0x00, 0x00, 'H', 'e', 'l', 'l', 'o', 0, 0, 0, 0, 0, 0, 0});
    const Bytes bad =
        pack({0x81, 0x1a, 0x01, 0x00, 'W', 'o', 'r', 'l', 'd', ' ', ' ', 0, 0, 0, 0, 0}, false);
    data.insert(data.end(), good.begin(), good.end());
    data.insert(data.end(), bad.begin(), bad.end());
    const auto r = mmc::decode_fields(test::k_packs, data);
    const auto& packs = value(r, "packs").items;
    REQUIRE(packs.size() == 2);
    CHECK(value(packs[0], "crc").number == 1);
    CHECK(value(packs[0], "track").number == 12);  // BCD 12h
    CHECK(value(packs[0], "text").text == "Hello");
    CHECK(value(packs[1], "crc").number == 0);
    CHECK(value(packs[1], "text").text == "World");
    REQUIRE(r.notes.size() == 2);
    CHECK(r.notes[0] == "Track: 1ah is not BCD");
    CHECK(r.notes[1].rfind("CRC: CRC", 0) == 0);
    // The CD-TEXT CRC of the spec: CRC-16 CCITT, x^16 + x^12 + x^5 + 1, initial 0.
    CHECK(mmc::crc16_ccitt(to_bytes({'1', '2', '3', '4', '5', '6', '7', '8', '9'})) == 0x31c3);
}

TEST_CASE("fields: every synthetic layout over every prefix and over noise") {
    Bytes all = disc_info_bytes();
    all.resize(64, std::byte{0xff});
    for (const auto* layout : test::k_synthetic_layouts) {
        test::decode_prefixes_and_noise(all, [layout](ByteSpan b) {
            const auto r = mmc::decode_fields(*layout, b);
            CHECK(r.values.size() + r.absent.size() == layout->fields.size());
        });
    }
}
