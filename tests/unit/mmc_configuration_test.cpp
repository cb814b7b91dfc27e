#include "mmc/configuration.hpp"

#include <doctest/doctest.h>

#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::fixture_data;

namespace {
std::vector<std::uint16_t> codes(const mmc::Configuration& c) {
    std::vector<std::uint16_t> out;
    for (const auto& f : c.features) out.push_back(f.code);
    return out;
}
}  // namespace

TEST_CASE("mmc::decode_configuration ATAPI CD: Profile List only") {
    const auto c = mmc::decode_configuration(fixture_data("piix-11-get-config-hex.txt"));
    REQUIRE(c.usable);
    CHECK(c.data_length == 0x10);
    CHECK(c.current_profile == 0x0008);
    CHECK_FALSE(c.truncated);
    CHECK(c.warnings.empty());
    REQUIRE(c.features.size() == 1);
    const auto& f = c.features[0];
    CHECK(f.code == 0x0000);
    CHECK(f.version == 0);
    CHECK(f.persistent);
    CHECK(f.current);
    CHECK(f.additional_length == 8);
    CHECK(f.data.size() == 8);
    REQUIRE(c.profiles.size() == 2);
    CHECK(c.profiles[0].number == 0x0010);
    CHECK_FALSE(c.profiles[0].current);
    CHECK(c.profiles[1].number == 0x0008);
    CHECK(c.profiles[1].current);
    CHECK_FALSE(mmc::next_starting_feature(c, 0).has_value());
}

TEST_CASE("mmc::decode_configuration ATAPI DVD and empty") {
    const auto dvd = mmc::decode_configuration(fixture_data("ahci-dvd-11-get-config-hex.txt"));
    CHECK(dvd.current_profile == 0x0010);
    REQUIRE(dvd.profiles.size() == 2);
    CHECK(dvd.profiles[0].current);
    CHECK(dvd.warnings.empty());
    const auto empty = mmc::decode_configuration(fixture_data("piix-empty-11-get-config-hex.txt"));
    CHECK(empty.current_profile == 0x0000);
    REQUIRE(empty.profiles.size() == 2);
    CHECK_FALSE(empty.profiles[0].current);
    CHECK_FALSE(empty.profiles[1].current);
    CHECK(empty.warnings.empty());
}

TEST_CASE("mmc::decode_configuration SCSI: Profile List, Core, Removable Medium") {
    for (const char* name :
         {"virtio-scsi-11-get-config-hex.txt", "virtio-scsi-13-get-config-c-hex.txt"}) {
        CAPTURE(name);
        const auto c = mmc::decode_configuration(fixture_data(name));
        CHECK(c.data_length == 0x24);
        CHECK(c.current_profile == 0x0008);
        CHECK(c.warnings.empty());
        CHECK(codes(c) == std::vector<std::uint16_t>{0x0000, 0x0001, 0x0003});
        const auto* core = c.find(0x0001);
        REQUIRE(core != nullptr);
        CHECK(core->version == 2);
        CHECK(core->persistent);
        CHECK(core->current);
        CHECK(be32_at(core->data, 0) == 1);  // physical interface standard: SCSI family
        CHECK(bit_at(core->data, 4, 0));     // DBE
        const auto* rm = c.find(0x0003);
        REQUIRE(rm != nullptr);
        CHECK(rm->version == 2);
        CHECK(u8_at(rm->data, 0) == 0x39);  // tray (001b), Load, Eject, Lock
        CHECK(c.find(0x001e) == nullptr);
    }
    const auto dvd =
        mmc::decode_configuration(fixture_data("virtio-scsi-dvd-11-get-config-hex.txt"));
    CHECK(dvd.current_profile == 0x0010);
    CHECK(dvd.profiles[0].current);
    const auto ejected =
        mmc::decode_configuration(fixture_data("lsi-empty-76-get-config-c-hex-ejected.txt"));
    CHECK(ejected.current_profile == 0);
    CHECK(ejected.features.size() == 3);
}

TEST_CASE("mmc::decode_configuration truncated by the allocation length") {
    const Bytes all = fixture_data("virtio-scsi-11-get-config-hex.txt");
    SUBCASE("cut inside the Core feature: continue from 0001h") {
        const auto c = mmc::decode_configuration(ByteSpan{all}.first(28));
        CHECK(c.truncated);
        CHECK(c.warnings.empty());  // the drive did nothing wrong
        REQUIRE(c.features.size() == 2);
        CHECK(c.features[1].truncated);
        CHECK(c.features[1].data.size() == 4);
        CHECK(mmc::next_starting_feature(c, 0) == std::optional<std::uint16_t>{0x0001});
    }
    SUBCASE("cut after a whole descriptor: continue at the next code") {
        const auto c = mmc::decode_configuration(ByteSpan{all}.first(32));
        CHECK(c.truncated);
        CHECK_FALSE(c.features.back().truncated);
        CHECK(mmc::next_starting_feature(c, 0) == std::optional<std::uint16_t>{0x0002});
        CHECK(mmc::next_starting_feature(c) == std::optional<std::uint16_t>{0x0002});
    }
    SUBCASE("no progress possible: nullopt") {
        const auto c = mmc::decode_configuration(ByteSpan{all}.first(14));
        REQUIRE(c.features.size() == 1);
        CHECK(c.features[0].truncated);
        CHECK_FALSE(mmc::next_starting_feature(c, 0).has_value());
        const auto h = mmc::decode_configuration(ByteSpan{all}.first(8));
        CHECK(h.truncated);
        CHECK(h.features.empty());
        CHECK_FALSE(mmc::next_starting_feature(h, 0).has_value());
    }
    SUBCASE("feature FFFFh complete: no next code") {
        const auto c =
            mmc::decode_configuration(to_bytes({0, 0, 0, 0x20, 0, 0, 0, 0, 0xff, 0xff, 0x03, 0}));
        CHECK(c.truncated);
        CHECK_FALSE(mmc::next_starting_feature(c, 0).has_value());
    }
}

TEST_CASE("mmc::decode_configuration malformed") {
    SUBCASE("zero-length and header-less responses") {
        const auto e = mmc::decode_configuration({});
        CHECK_FALSE(e.usable);
        CHECK(e.warnings.size() == 1);
        CHECK_FALSE(mmc::decode_configuration(to_bytes({0, 0, 0, 4, 0, 0})).usable);
    }
    SUBCASE("data length 0 with bytes after it: the bytes are not read") {
        const auto c =
            mmc::decode_configuration(to_bytes({0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 3, 4, 0, 8, 1, 0}));
        CHECK(c.features.empty());
        CHECK_FALSE(c.warnings.empty());
    }
    SUBCASE("trailing padding beyond the data length is ignored") {
        Bytes b = fixture_data("piix-11-get-config-hex.txt");
        b.resize(64);
        const auto c = mmc::decode_configuration(b);
        CHECK(c.features.size() == 1);
        CHECK(c.warnings.empty());
    }
    SUBCASE("descriptor additional length runs past the data length") {
        const auto c =
            mmc::decode_configuration(to_bytes({0, 0, 0, 12, 0, 0, 0, 8, 0, 0, 3, 12, 0, 8, 1, 0}));
        CHECK_FALSE(c.truncated);
        REQUIRE(c.features.size() == 1);
        CHECK(c.features[0].truncated);
        CHECK(c.features[0].data.size() == 4);
        CHECK(c.profiles.size() == 1);
        CHECK_FALSE(c.warnings.empty());
    }
    SUBCASE("additional length not a multiple of 4") {
        const auto c =
            mmc::decode_configuration(to_bytes({0, 0, 0, 11, 0, 0, 0, 0, 0, 1, 3, 3, 0, 0, 1}));
        REQUIRE(c.features.size() == 1);
        CHECK(c.features[0].additional_length == 3);
        CHECK(c.warnings.size() == 1);
    }
    SUBCASE("current profile not marked in the Profile List") {
        const auto c = mmc::decode_configuration(
            to_bytes({0, 0, 0, 12, 0, 0, 0, 0x10, 0, 0, 3, 4, 0, 8, 1, 0}));
        CHECK(c.warnings.size() == 1);
    }
    SUBCASE("stray bytes after the last descriptor") {
        const auto c = mmc::decode_configuration(to_bytes({0, 0, 0, 6, 0, 0, 0, 0, 0, 1}));
        CHECK(c.features.empty());
        CHECK(c.warnings.size() == 1);
    }
}

TEST_CASE("mmc::decode_configuration never reads past its input (prefixes, random bytes)") {
    test::decode_prefixes_and_noise(fixture_data("virtio-scsi-11-get-config-hex.txt"),
                                    [](ByteSpan b) {
                                        const auto c = mmc::decode_configuration(b);
                                        (void)mmc::next_starting_feature(c, 0);
                                    });
}
