#include "mmc/tables/profiles.hpp"

#include <doctest/doctest.h>

#include "mmc_fixture.hpp"

using namespace discrec;

using discrec::test::check_table_rows;

TEST_CASE("mmc::profile_table rows are unique and CLI-safe") {
    check_table_rows(mmc::profile_table());
}

TEST_CASE("mmc::find_profile") {
    CHECK(mmc::profile_table().size() == 36);
    REQUIRE(mmc::find_profile(0x0008) != nullptr);
    CHECK(mmc::find_profile(0x0008)->name == "CD-ROM");
    CHECK(mmc::find_profile(0x0010)->family == mmc::MediumFamily::dvd);
    CHECK(mmc::find_profile(0x002b)->name == "DVD+R Dual Layer");
    CHECK(mmc::find_profile(0x0043)->family == mmc::MediumFamily::bd);
    CHECK(mmc::find_profile(0x005a)->family == mmc::MediumFamily::hd_dvd);
    CHECK(mmc::find_profile(0x0021)->family == mmc::MediumFamily::ddcd);
    CHECK(mmc::find_profile(0x0000)->family == mmc::MediumFamily::none);
    CHECK(mmc::find_profile(0xffff)->family == mmc::MediumFamily::other);
    CHECK(mmc::find_profile(0x0019) == nullptr);
    CHECK(mmc::find_profile("dvd+rw")->code == 0x001a);
    CHECK(mmc::find_profile("nope") == nullptr);
    CHECK(mmc::medium_family_name(mmc::MediumFamily::cd) == "cd");
    for (const auto& p : mmc::profile_table()) CHECK(!mmc::medium_family_name(p.family).empty());
}
