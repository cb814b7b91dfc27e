// mmc::read_volume_label over real ISO 9660, Joliet and UDF volume descriptors: sectors of
// images genisoimage made (tests/fixtures/volume/README.md), served by a reader that maps each
// read (LBA, count) to its fixture file; and damaged, short and random sectors.
#include "mmc/volume.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <random>

#include "mmc/cdb.hpp"
#include "mmc/media.hpp"
#include "mmc_fixture.hpp"

using namespace discrec;

namespace {

std::optional<Bytes> volume_fixture(const std::string& name, std::uint32_t lba,
                                    std::uint16_t count) {
    const std::string path = std::string{DISCREC_FIXTURES_DIR} + "/volume/" + name + "-" +
                             std::to_string(lba) + "x" + std::to_string(count) + ".bin";
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    const std::vector<char> chars{std::istreambuf_iterator<char>(in), {}};
    Bytes b(chars.size());
    for (std::size_t i = 0; i < chars.size(); ++i) b[i] = static_cast<std::byte>(chars[i]);
    return b;
}

struct Reads {
    std::vector<std::pair<std::uint32_t, std::uint16_t>> asked;
};

mmc::SectorReader fixture_reader(const std::string& name, Reads& reads) {
    return [name, &reads](std::uint32_t lba, std::uint16_t count) {
        reads.asked.emplace_back(lba, count);
        return volume_fixture(name, lba, count);
    };
}

}  // namespace

TEST_CASE("mmc::read_volume_label ISO 9660 with Joliet (the guests' image)") {
    Reads reads;
    const auto v = mmc::read_volume_label(fixture_reader("joliet", reads));
    CHECK(v.iso9660 == "DISCREC_TEST");
    CHECK(v.joliet == "DISCREC_TEST");
    CHECK_FALSE(v.udf);
    CHECK(v.file_system() == "iso9660");
    CHECK(v.label() == "DISCREC_TEST");
    CHECK(v.notes.empty());
    CHECK(reads.asked.size() == 1);  // one READ(10) of sectors 16-23
}

TEST_CASE("mmc::read_volume_label plain ISO 9660") {
    Reads reads;
    const auto v = mmc::read_volume_label(fixture_reader("plain", reads));
    CHECK(v.iso9660 == "PLAIN_ISO");
    CHECK_FALSE(v.joliet);
    CHECK(v.label() == "PLAIN_ISO");
}

TEST_CASE("mmc::read_volume_label UDF bridge: VRS, anchor, LVD") {
    Reads reads;
    const auto v = mmc::read_volume_label(fixture_reader("udf", reads));
    CHECK(v.udf);
    CHECK(v.iso9660 == "UDF_LABEL");
    CHECK(v.udf_label == "UDF_LABEL");
    CHECK(v.file_system() == "udf");
    CHECK(v.label() == "UDF_LABEL");
    CHECK(v.notes.empty());
    const std::vector<std::pair<std::uint32_t, std::uint16_t>> expected = {
        {16, 8}, {256, 1}, {32, 16}};
    CHECK(reads.asked == expected);

    // The anchor missing (a drive that could not read sector 256): UDF named, no label.
    const auto no_anchor = mmc::read_volume_label([](std::uint32_t lba, std::uint16_t count) {
        return lba == 256 ? std::nullopt : volume_fixture("udf", lba, count);
    });
    CHECK(no_anchor.udf);
    CHECK_FALSE(no_anchor.udf_label);
    CHECK(no_anchor.label() == "UDF_LABEL");  // ISO 9660's, the bridge's other side
    CHECK_FALSE(no_anchor.notes.empty());
}

TEST_CASE("mmc::read_volume_label: unreadable, short and random sectors stay in bounds") {
    const auto none =
        mmc::read_volume_label([](std::uint32_t, std::uint16_t) { return std::optional<Bytes>{}; });
    CHECK(none.file_system().empty());
    CHECK_FALSE(none.label());
    CHECK_FALSE(none.notes.empty());

    // Every prefix of each read, and random bytes answering every read.
    const auto full = *volume_fixture("udf", 16, 8);
    for (std::size_t n = 0; n <= full.size(); n += 97) {
        const auto v = mmc::read_volume_label([&](std::uint32_t lba, std::uint16_t count) {
            auto b = volume_fixture("udf", lba, count);
            if (b && b->size() > n) b->resize(n);
            return b;
        });
        CHECK(v.notes.size() < 4);
    }
    std::mt19937 rng(7);
    for (int i = 0; i < 100; ++i) {
        const auto v = mmc::read_volume_label([&](std::uint32_t, std::uint16_t count) {
            Bytes noise(rng() % (std::size_t{count} * 2048 + 1));
            for (auto& b : noise) b = static_cast<std::byte>(rng() & 0xff);
            // Sometimes a VRS and an anchor, so the UDF path runs on noise too.
            if (noise.size() >= 2048 && i % 2 == 0) {
                noise[0] = std::byte{0};
                for (std::size_t k = 0; k < 5; ++k) noise[1 + k] = std::byte("NSR03"[k]);
            }
            return std::optional<Bytes>{noise};
        });
        CHECK(v.notes.size() < 4);
    }
}

TEST_CASE("mmc::read10 and the first data track media reads it from") {
    // READ(10) of sectors 16-23, as media sends it (SBC-3: LBA bytes 2-5, length bytes 7-8).
    CHECK(test::cdb_bytes(mmc::read10(16, 8)) ==
          to_bytes({0x28, 0, 0x00, 0x00, 0x00, 0x10, 0, 0x00, 0x08, 0}));
    CHECK(test::cdb_bytes(mmc::read10(0x01020304, 0x0506)) ==
          to_bytes({0x28, 0, 0x01, 0x02, 0x03, 0x04, 0, 0x05, 0x06, 0}));
    // QEMU's CD: track 1 is data (CONTROL 4) from LBA 0.
    const auto toc = mmc::decode_toc(test::fixture_data("piix-35-read-toc-f0.txt"), false);
    CHECK(mmc::first_data_track_start(toc) == 0);
    // An audio-only TOC (CONTROL 0 on track 1, built from MMC-6 §6.26.3.2): none.
    const auto audio = mmc::decode_toc(to_bytes({0x00, 0x12, 0x01, 0x01,                 //
                                                 0x00, 0x10, 0x01, 0x00, 0, 0, 0,    0,  //
                                                 0x00, 0x10, 0xaa, 0x00, 0, 0, 0x10, 0x00}),
                                       false);
    CHECK_FALSE(mmc::first_data_track_start(audio));
}
