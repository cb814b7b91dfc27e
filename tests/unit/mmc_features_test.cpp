#include "mmc/tables/features.hpp"

#include <doctest/doctest.h>

#include "mmc_fixture.hpp"

using namespace discrec;

using discrec::test::check_table_rows;

TEST_CASE("mmc::feature_table rows are unique and CLI-safe") {
    check_table_rows(mmc::feature_table());
}

TEST_CASE("mmc::find_feature") {
    CHECK(mmc::find_feature(0x0000)->name == "Profile List");
    CHECK(mmc::find_feature(0x0003)->short_name == "removable-medium");
    CHECK(mmc::find_feature(0x0107)->name == "Real Time Streaming");
    CHECK(mmc::find_feature(0x0110)->name == "VCPS");
    CHECK(mmc::find_feature(0x0113)->name == "SecurDisc");
    CHECK(mmc::find_feature(0x0142)->name == "OSSC");
    CHECK(mmc::find_feature(0x0036) == nullptr);
    CHECK(mmc::find_feature("core")->code == 0x0001);
    // Every feature QEMU reports is named.
    for (std::uint16_t code : {0x0000, 0x0001, 0x0003}) CHECK(mmc::find_feature(code) != nullptr);
}
