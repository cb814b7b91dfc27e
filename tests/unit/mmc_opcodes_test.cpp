#include "mmc/opcodes.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace discrec;

TEST_CASE("mmc::command_name") {
    CHECK(mmc::command_name(0x00) == "TEST UNIT READY");
    CHECK(mmc::command_name(0x12) == "INQUIRY");
    CHECK(mmc::command_name(0x46) == "GET CONFIGURATION");
    CHECK(mmc::command_name(0x4a) == "GET EVENT STATUS NOTIFICATION");
    CHECK(mmc::command_name(0x5a) == "MODE SENSE(10)");
    CHECK(mmc::command_name(0xbd) == "MECHANISM STATUS");
    CHECK(mmc::command_name(0xff).empty());
    CHECK(mmc::find_opcode(0x01) == nullptr);
}

TEST_CASE("mmc::opcode_table has one row per code and names every op:: constant") {
    std::set<std::uint8_t> seen;
    for (const auto& row : mmc::opcode_table()) {
        CHECK(seen.insert(row.code).second);
        CHECK(!row.name.empty());
    }
    for (std::uint8_t code :
         {mmc::op::test_unit_ready, mmc::op::request_sense, mmc::op::inquiry, mmc::op::mode_sense6,
          mmc::op::start_stop_unit, mmc::op::prevent_allow_medium_removal, mmc::op::read_capacity10,
          mmc::op::get_configuration, mmc::op::get_event_status_notification, mmc::op::mode_sense10,
          mmc::op::mechanism_status, mmc::op::read_disc_structure, mmc::op::get_performance}) {
        CHECK(mmc::find_opcode(code) != nullptr);
    }
}
