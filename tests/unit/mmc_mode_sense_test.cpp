#include "mmc/mode_sense.hpp"

#include <doctest/doctest.h>

#include "mmc/tables/mode_pages.hpp"
#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::fixture_data;

namespace {
std::vector<std::uint8_t> codes(const mmc::ModeParameters& m) {
    std::vector<std::uint8_t> out;
    for (const auto& p : m.pages) out.push_back(p.code);
    return out;
}
}  // namespace

TEST_CASE("mmc::decode_mode_sense10 page 2Ah, ATAPI: 2a 14 3b 00 71 60 29 00 02 c0") {
    for (const char* name : {"piix-23-mode-2a-hex.txt", "ahci-23-mode-2a-hex.txt",
                             "piix-48-mode-sense10-2a-raw.txt"}) {
        CAPTURE(name);
        const auto m = mmc::decode_mode_sense10(fixture_data(name));
        REQUIRE(m.usable);
        CHECK(m.ten_byte);
        CHECK(m.mode_data_length == 0x1c);
        CHECK(m.medium_type == 0x70);
        CHECK(m.block_descriptor_length == 0);
        CHECK_FALSE(m.truncated);
        CHECK(m.warnings.empty());  // 48 is 256 bytes: the zeros after the data are not read
        REQUIRE(m.pages.size() == 1);
        const auto& p = m.pages[0];
        CHECK(p.code == 0x2a);
        CHECK_FALSE(p.ps);
        CHECK_FALSE(p.spf);
        CHECK(p.page_length == 0x14);
        CHECK(p.bytes.size() == 22);
        const auto caps = mmc::decode_mode_page_2a_summary(m);
        REQUIRE(caps.usable);
        CHECK(caps.can_lock);
        CHECK_FALSE(caps.lock_state);
        CHECK_FALSE(caps.prevent_jumper);
        CHECK(caps.can_eject);
        CHECK(caps.loading_mechanism == 1);
        CHECK(mmc::find_loading_mechanism(caps.loading_mechanism)->short_name == "tray");
        CHECK(caps.max_read_speed_kbps == std::optional<std::uint16_t>{704});
        CHECK(caps.buffer_size_kb == std::optional<std::uint16_t>{512});
        CHECK(caps.current_read_speed_kbps == std::optional<std::uint16_t>{704});
    }
}

TEST_CASE("mmc::decode_mode_sense10 page 2Ah, SCSI: 2a 14 3b 00 7f ff 2d 00 22 60") {
    for (const char* name : {"virtio-scsi-23-mode-2a-hex.txt", "usb-bot-dvd-23-mode-2a-hex.txt"}) {
        CAPTURE(name);
        const auto caps =
            mmc::decode_mode_page_2a_summary(mmc::decode_mode_sense10(fixture_data(name)));
        REQUIRE(caps.usable);
        CHECK(caps.page_length == 0x14);
        CHECK(caps.can_lock);
        CHECK_FALSE(caps.lock_state);
        CHECK(caps.prevent_jumper);
        CHECK(caps.can_eject);
        CHECK(caps.loading_mechanism == 1);
        CHECK(caps.max_read_speed_kbps == std::optional<std::uint16_t>{8800});
        CHECK(caps.buffer_size_kb == std::optional<std::uint16_t>{2048});
        CHECK(caps.current_read_speed_kbps == std::optional<std::uint16_t>{2816});
        CHECK(caps.warnings.empty());
    }
    // Changeable values: all zero.
    const auto ch = mmc::decode_mode_page_2a_summary(
        mmc::decode_mode_sense10(fixture_data("virtio-scsi-24-mode-2a-changeable-hex.txt")));
    CHECK(ch.usable);
    CHECK_FALSE(ch.can_lock);
    CHECK(ch.max_read_speed_kbps == std::optional<std::uint16_t>{0});
}

TEST_CASE("mmc::decode_mode_sense10 all pages (3Fh), SCSI") {
    for (const char* name :
         {"virtio-scsi-21-modes-a-hex.txt", "virtio-scsi-47-mode-sense10-3f-raw.txt"}) {
        CAPTURE(name);
        const auto m = mmc::decode_mode_sense10(fixture_data(name));
        CHECK(m.mode_data_length == 0x4c);
        CHECK(m.warnings.empty());
        CHECK(codes(m) == std::vector<std::uint8_t>{0x01, 0x08, 0x0e, 0x2a});
        REQUIRE(m.find(0x01) != nullptr);
        CHECK(m.find(0x01)->bytes.size() == 12);
        CHECK(m.find(0x08)->page_length == 0x12);
        CHECK(m.find(0x2a, 1) == nullptr);
        CHECK(m.find(0x05) == nullptr);
    }
    // scsi_debug: pages 01 02 0a 19 1c, no 2Ah.
    const auto d = mmc::decode_mode_sense10(fixture_data("scsi_debug-21-modes-a-hex.txt"));
    CHECK(d.warnings.empty());
    CHECK(codes(d) == std::vector<std::uint8_t>{0x01, 0x02, 0x0a, 0x19, 0x1c});
    CHECK_FALSE(mmc::decode_mode_page_2a_summary(d).usable);
}

TEST_CASE("mmc::decode_mode_sense6 all pages") {
    const auto m = mmc::decode_mode_sense6(fixture_data("lsi-27-modes-a-6-hex.txt"));
    REQUIRE(m.usable);
    CHECK_FALSE(m.ten_byte);
    CHECK(m.mode_data_length == 0x49);
    CHECK(m.warnings.empty());
    CHECK(codes(m) == std::vector<std::uint8_t>{0x01, 0x08, 0x0e, 0x2a});
    CHECK(mmc::decode_mode_page_2a_summary(m).max_read_speed_kbps ==
          std::optional<std::uint16_t>{8800});
    CHECK(codes(mmc::split_mode_pages(fixture_data("virtio-scsi-27-modes-a-6-hex.txt"), false)) ==
          codes(m));
    const auto d = mmc::decode_mode_sense6(fixture_data("scsi_debug-27-modes-a-6-hex.txt"));
    CHECK(codes(d) == std::vector<std::uint8_t>{0x01, 0x02, 0x0a, 0x19, 0x1c});
}

TEST_CASE("mmc::decode_mode_sense block descriptors and sub_page format (SPC-4 §7.5)") {
    // Header(10) with one 8-byte block descriptor, then page 0Ah subpage 01h (SPF, 4-byte
    // header, length 4), then page 1Ah (page_0 format).
    const Bytes b = to_bytes({0,    26,   0,    0,   0, 0, 0, 8,  //
                              0,    0,    0,    0,   0, 0, 8, 0,  //
                              0x4a, 0x01, 0,    4,   1, 2, 3, 4,  //
                              0x9a, 0x02, 0xaa, 0xbb});
    const auto m = mmc::decode_mode_sense10(b);
    CHECK(m.warnings.empty());
    CHECK(m.block_descriptors.size() == 8);
    REQUIRE(m.pages.size() == 2);
    CHECK(m.pages[0].spf);
    CHECK(m.pages[0].code == 0x0a);
    CHECK(m.pages[0].subpage == 0x01);
    CHECK(m.pages[0].page_length == 4);
    CHECK(m.pages[0].bytes.size() == 8);
    CHECK(m.find(0x0a, 0x01) == &m.pages[0]);
    CHECK(m.pages[1].ps);
    CHECK(m.pages[1].code == 0x1a);
}

TEST_CASE("mmc::decode_mode_sense malformed") {
    const Bytes good = fixture_data("virtio-scsi-21-modes-a-hex.txt");
    SUBCASE("too short for the header") {
        CHECK_FALSE(mmc::decode_mode_sense10({}).usable);
        CHECK_FALSE(mmc::decode_mode_sense10(to_bytes({0, 6, 0, 0, 0, 0, 0})).usable);
        CHECK_FALSE(mmc::decode_mode_sense6(to_bytes({3, 0, 0})).usable);
    }
    SUBCASE("truncated by the allocation length: last page cut") {
        const auto m = mmc::decode_mode_sense10(ByteSpan{good}.first(60));
        CHECK(m.truncated);
        REQUIRE(m.warnings.size() == 1);  // one note for the answer, none per page
        CHECK(m.warnings[0].find("truncated: the mode data length announces") == 0);
        REQUIRE(m.pages.size() == 4);
        CHECK(m.pages[3].truncated);
        CHECK(m.pages[3].bytes.size() == 4);
        const auto caps = mmc::decode_mode_page_2a_summary(m);
        CHECK_FALSE(caps.usable);  // byte 6 did not arrive
        CHECK_FALSE(caps.warnings.empty());
    }
    SUBCASE("mode data length shorter than the pages") {
        Bytes b = good;
        b[1] = std::byte{0x10};  // 18 bytes: header + page 01h (12) - cut
        const auto m = mmc::decode_mode_sense10(b);
        CHECK_FALSE(m.truncated);
        REQUIRE(m.pages.size() == 1);
        CHECK(m.pages[0].truncated);
        CHECK_FALSE(m.warnings.empty());
    }
    SUBCASE("mode data length shorter than the header") {
        const auto m = mmc::decode_mode_sense10(to_bytes({0, 2, 0, 0, 0, 0, 0, 0, 1, 2}));
        CHECK(m.pages.empty());
        CHECK_FALSE(m.warnings.empty());
    }
    SUBCASE("block descriptor length runs past the end") {
        const auto m = mmc::decode_mode_sense6(to_bytes({7, 0, 0, 200, 1, 2, 3, 4}));
        CHECK(m.block_descriptors.size() == 4);
        CHECK(m.pages.empty());
        CHECK_FALSE(m.warnings.empty());
    }
    SUBCASE("zero padding inside the mode data length") {
        const auto m = mmc::decode_mode_sense6(to_bytes({9, 0, 0, 0, 0x0e, 2, 0, 0, 0, 0}));
        CHECK(m.pages.size() == 1);
        CHECK(m.warnings.size() == 1);
    }
    SUBCASE("one stray byte") {
        const auto m = mmc::decode_mode_sense6(to_bytes({6, 0, 0, 0, 0x0e, 0, 0x01}));
        CHECK(m.pages.size() == 1);
        CHECK(m.warnings.size() == 1);
    }
    SUBCASE("page 2Ah too short, or not 2Ah") {
        CHECK_FALSE(mmc::decode_mode_page_2a_summary(to_bytes({0x2a, 4, 0, 0, 0, 0})).usable);
        CHECK_FALSE(
            mmc::decode_mode_page_2a_summary(to_bytes({0x0e, 20, 0, 0, 0, 0, 0x29})).usable);
        CHECK_FALSE(mmc::decode_mode_page_2a_summary(ByteSpan{}).usable);
        // Page length 5: byte 6 is there, the speeds are not.
        const auto s =
            mmc::decode_mode_page_2a_summary(to_bytes({0x2a, 5, 0, 0, 0, 0, 0x4b, 0xff}));
        CHECK(s.usable);
        CHECK(s.loading_mechanism == 2);
        CHECK(s.lock_state);
        CHECK_FALSE(s.max_read_speed_kbps.has_value());
    }
}

TEST_CASE("mmc::decode_mode_sense never reads past its input (prefixes, random bytes)") {
    test::decode_prefixes_and_noise(fixture_data("virtio-scsi-21-modes-a-hex.txt"), [](ByteSpan b) {
        const auto m10 = mmc::decode_mode_sense10(b);
        (void)mmc::decode_mode_page_2a_summary(m10);
        const auto m6 = mmc::decode_mode_sense6(b);
        (void)mmc::decode_mode_page_2a_summary(m6);
        (void)mmc::decode_mode_page_2a_summary(b);
    });
    test::decode_prefixes_and_noise(fixture_data("lsi-27-modes-a-6-hex.txt"), [](ByteSpan b) {
        const auto m10 = mmc::decode_mode_sense10(b);
        (void)mmc::decode_mode_page_2a_summary(m10);
        const auto m6 = mmc::decode_mode_sense6(b);
        (void)mmc::decode_mode_page_2a_summary(m6);
        (void)mmc::decode_mode_page_2a_summary(b);
    });
}
