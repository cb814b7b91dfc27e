#include "mmc/capacity.hpp"

#include <doctest/doctest.h>

#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::fixture_data;

TEST_CASE("mmc::decode_read_capacity CD, DVD, scsi_debug") {
    const auto cd = mmc::decode_read_capacity(fixture_data("piix-34-read-capacity.txt"));
    REQUIRE(cd.usable);
    CHECK(cd.last_lba == 0x2b8);
    CHECK(cd.block_length == 2048);
    CHECK(cd.blocks() == 697);
    CHECK(cd.warnings.empty());
    for (const char* name :
         {"virtio-scsi-dvd-34-read-capacity.txt", "ahci-dvd-34-read-capacity.txt"}) {
        CAPTURE(name);
        const auto dvd = mmc::decode_read_capacity(fixture_data(name));
        CHECK(dvd.last_lba == 0x7ffff);
        CHECK(dvd.bytes() == 1024ULL * 1024 * 1024);
    }
    const auto dbg = mmc::decode_read_capacity(fixture_data("scsi_debug-34-read-capacity.txt"));
    CHECK(dbg.last_lba == 0x3fff);
    CHECK(dbg.block_length == 512);
}

TEST_CASE("mmc::decode_read_capacity malformed") {
    CHECK_FALSE(mmc::decode_read_capacity({}).usable);
    // The empty drive answers NOT READY, so there are no data bytes in that capture.
    CHECK(fixture_data("virtio-scsi-empty-34-read-capacity.txt").empty());
    const auto short_ = mmc::decode_read_capacity(to_bytes({0, 0, 2, 0xb8, 0, 0, 8}));
    CHECK_FALSE(short_.usable);
    CHECK(short_.blocks() == 0);
    CHECK_FALSE(short_.warnings.empty());
    const auto big = mmc::decode_read_capacity(to_bytes({0xff, 0xff, 0xff, 0xff, 0, 0, 2, 0}));
    CHECK(big.usable);
    CHECK(big.blocks() == 0x100000000ULL);
    CHECK_FALSE(big.warnings.empty());
    CHECK_FALSE(mmc::decode_read_capacity(to_bytes({0, 0, 0, 1, 0, 0, 0, 0})).warnings.empty());
}

TEST_CASE("mmc::decode_read_capacity never reads past its input (prefixes, random bytes)") {
    test::decode_prefixes_and_noise(fixture_data("piix-34-read-capacity.txt"),
                                    [](ByteSpan b) { (void)mmc::decode_read_capacity(b); });
}
