#include "mmc/tables/mode_pages.hpp"

#include <doctest/doctest.h>

#include "mmc_fixture.hpp"

using namespace discrec;

using discrec::test::check_table_rows;

TEST_CASE("mmc::mode_page_table rows are unique and CLI-safe") {
    check_table_rows(mmc::mode_page_table());
    check_table_rows(mmc::loading_mechanism_table());
}

TEST_CASE("mmc::find_mode_page and loading mechanisms") {
    CHECK(mmc::find_mode_page(0x2a)->short_name == "caps");
    CHECK(mmc::find_mode_page(0x01)->short_name == "error-recovery");
    CHECK(mmc::find_mode_page(0x2a)->name == "MM Capabilities and Mechanical Status");
    CHECK(mmc::find_mode_page("caps")->code == 0x2a);
    CHECK(mmc::find_mode_page(0x3f)->short_name == "all");
    CHECK(mmc::find_mode_page(0x20) == nullptr);
    // Every page QEMU and scsi_debug report is named.
    for (std::uint8_t code : {0x01, 0x02, 0x08, 0x0a, 0x0e, 0x19, 0x1c, 0x2a}) {
        CHECK(mmc::find_mode_page(code) != nullptr);
    }
    CHECK(mmc::find_loading_mechanism(0)->short_name == "caddy");
    CHECK(mmc::find_loading_mechanism(2)->short_name == "pop-up");
    CHECK(mmc::find_loading_mechanism(3) == nullptr);
    CHECK(mmc::find_loading_mechanism(5)->short_name == "magazine");
}
