// GET PERFORMANCE (MMC-6 §6.8): its CDB, the Type 00h (nominal performance) and Type 03h
// (write speed) answers through their layouts (mmc/tables/performance_layouts.cpp), speeds
// as multiples of the medium's 1x, and answers that are short or inconsistent. QEMU refuses
// GET PERFORMANCE: the answers are built from MMC-6's field positions
// (tests/fixtures/media/spec-*.hex, each with its source in its header).
#include "mmc/performance.hpp"

#include <doctest/doctest.h>

#include "mmc/cdb.hpp"
#include "mmc/media.hpp"
#include "mmc/tables/performance_layouts.hpp"
#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::cdb_bytes;

namespace {

const std::vector<mmc::Record>& descriptors(const mmc::Record& r) {
    const auto* list = r.find("descriptors");
    REQUIRE(list != nullptr);
    return list->items;
}

}  // namespace

TEST_CASE("mmc::get_performance CDB (MMC-6 §6.8.2)") {
    // Write speed descriptors: Type 03h in byte 10, 32 descriptors in bytes 8-9.
    CHECK(cdb_bytes(mmc::get_performance(mmc::performance_type::write_speed, 0, 0, 32)) ==
          to_bytes({0xac, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x20, 0x03, 0}));
    // Nominal read performance: Data Type 10h (Tolerance 10b), from LBA 0x12345678.
    CHECK(cdb_bytes(mmc::get_performance(mmc::performance_type::performance,
                                         mmc::k_nominal_read_performance, 0x12345678, 8)) ==
          to_bytes({0xac, 0x10, 0x12, 0x34, 0x56, 0x78, 0, 0, 0x00, 0x08, 0x00, 0}));
}

TEST_CASE("mmc::decode_performance Type 03h: write speed descriptors") {
    const auto r = mmc::decode_performance(test::media_fixture("spec-dvd-write-speeds.hex"),
                                           mmc::performance_type::write_speed);
    CHECK(r.notes.empty());
    CHECK(mmc::number_of(r, "performance_data_length") == 68);
    const auto& d = descriptors(r);
    REQUIRE(d.size() == 4);
    CHECK(mmc::number_of(d[0], "wrc") == 1);
    CHECK(d[0].find("wrc")->text == "CAV");
    CHECK(mmc::address_of(d[0], "end_lba") == 2295103);
    CHECK(mmc::number_of(d[0], "read_speed") == 22160);
    CHECK(mmc::number_of(d[3], "exact") == 1);
    CHECK(mmc::write_speeds_of(r) == std::vector<std::uint64_t>{22160, 16620, 11080, 5540});
}

TEST_CASE("mmc::decode_performance Type 00h: nominal performance") {
    const auto r = mmc::decode_performance(test::media_fixture("spec-cd-read-performance.hex"),
                                           mmc::performance_type::performance);
    CHECK(r.notes.empty());
    CHECK(mmc::number_of(r, "write") == 0);
    CHECK(mmc::number_of(r, "except") == 0);
    const auto& d = descriptors(r);
    REQUIRE(d.size() == 1);
    CHECK(mmc::address_of(d[0], "start_lba") == 0);
    CHECK(mmc::number_of(d[0], "start_performance") == 3528);
    CHECK(mmc::address_of(d[0], "end_lba") == 359846);
    CHECK(mmc::number_of(d[0], "end_performance") == 8467);

    // Except set: exception descriptors (6 bytes each), not nominal ones: header only.
    auto except = test::media_fixture("spec-cd-read-performance.hex");
    except[4] = std::byte{0x01};
    const auto e = mmc::decode_performance(except, mmc::performance_type::performance);
    CHECK(descriptors(e).empty());
    REQUIRE(e.notes.size() == 1);
    CHECK(e.notes[0].find("Except") != std::string::npos);
}

TEST_CASE("mmc::decode_performance: short, overlong and ragged answers") {
    const auto full = test::media_fixture("spec-dvd-write-speeds.hex");
    // Fewer bytes than the length announces: the whole descriptors that arrived, and a note.
    const auto cut = mmc::decode_performance(ByteSpan{full}.first(8 + 16 * 2 + 5),
                                             mmc::performance_type::write_speed);
    CHECK(descriptors(cut).size() == 2);
    const auto said = [](const mmc::Record& r, std::string_view what) {
        for (const auto& n : r.notes) {
            if (n.find(what) != std::string::npos) return true;
        }
        return false;
    };
    CHECK(said(cut, "announces 72 bytes, 45 arrived"));
    CHECK(said(cut, "not whole 16-byte descriptors"));
    // A length that is not 4 + 4 + 16n: decoded as far as whole descriptors go.
    auto ragged = full;
    ragged[3] = std::byte{0x44 - 8};
    const auto rr = mmc::decode_performance(ragged, mmc::performance_type::write_speed);
    CHECK(descriptors(rr).size() == 3);
    CHECK_FALSE(rr.notes.empty());
    // Allocation padding after the announced length is not read as descriptors.
    auto padded = full;
    padded.resize(full.size() + 64);
    CHECK(descriptors(mmc::decode_performance(padded, mmc::performance_type::write_speed)).size() ==
          4);
    // A header that does not fit, a length shorter than the header, a type not decoded.
    CHECK(mmc::decode_performance(ByteSpan{full}.first(7), mmc::performance_type::write_speed)
              .values.empty());
    auto tiny = full;
    tiny[3] = std::byte{0x02};
    const auto t = mmc::decode_performance(tiny, mmc::performance_type::write_speed);
    CHECK(descriptors(t).empty());
    CHECK_FALSE(t.notes.empty());
    CHECK(mmc::decode_performance(full, 0x01).values.empty());
    CHECK_FALSE(mmc::performance_type_decoded(0x01));
}

TEST_CASE("mmc performance decoders: every prefix and random bytes stay in the span") {
    for (const char* name : {"spec-dvd-write-speeds.hex", "spec-cd-read-performance.hex"}) {
        test::decode_prefixes_and_noise(test::media_fixture(name), [](ByteSpan b) {
            for (std::uint8_t type : {0x00, 0x03, 0x05}) {
                const auto r = mmc::decode_performance(b, type);
                CHECK(r.layout != nullptr);
            }
        });
    }
    for (const auto* layout : mmc::performance_layouts()) CHECK(!layout->fields.empty());
}

TEST_CASE("mmc::one_x_kbps and speed_factor: CD 176.4, DVD 1385, BD 4495.5 kB/s") {
    CHECK(mmc::one_x_kbps(mmc::MediumFamily::cd) == doctest::Approx(176.4));
    CHECK(mmc::one_x_kbps(mmc::MediumFamily::dvd) == doctest::Approx(1385));
    CHECK(mmc::one_x_kbps(mmc::MediumFamily::bd) == doctest::Approx(4495.5));
    CHECK_FALSE(mmc::one_x_kbps(mmc::MediumFamily::hd_dvd));
    CHECK(mmc::speed_factor(7056, 176.4) == doctest::Approx(40.0));
    CHECK(mmc::speed_factor(8467, 176.4) == doctest::Approx(48.0));
    CHECK(mmc::speed_factor(22160, 1385) == doctest::Approx(16.0));
    CHECK(mmc::speed_factor(9141, 1385) == doctest::Approx(6.6));
    CHECK(mmc::speed_factor(35964, 4495.5) == doctest::Approx(8.0));
    CHECK(mmc::speed_factor(100, 0) == 0);
}
