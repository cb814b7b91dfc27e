#include "mmc/tables/opcodes.hpp"

#include <doctest/doctest.h>

#include <set>
#include <utility>

#include "util/bytes.hpp"

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

namespace {

Bytes cdb_bytes(std::initializer_list<int> values) { return to_bytes(values); }

}  // namespace

TEST_CASE("mmc::opcode_table gives every row a class, and the issue's examples theirs") {
    using enum mmc::OpcodeClass;
    const std::pair<std::uint8_t, mmc::OpcodeClass> expected[] = {// read-only
                                                                  {0x12, read_only},
                                                                  {0x00, read_only},
                                                                  {0x03, read_only},
                                                                  {0x46, read_only},
                                                                  {0x1a, read_only},
                                                                  {0x5a, read_only},
                                                                  {0x28, read_only},
                                                                  {0xa8, read_only},
                                                                  {0xbe, read_only},
                                                                  {0x43, read_only},
                                                                  {0x51, read_only},
                                                                  {0x52, read_only},
                                                                  {0xa0, read_only},
                                                                  {0x4a, read_only},
                                                                  {0xbd, read_only},
                                                                  {0xac, read_only},
                                                                  {0xad, read_only},
                                                                  // changes drive state
                                                                  {0x1b, drive_state},
                                                                  {0x1e, drive_state},
                                                                  {0xbb, drive_state},
                                                                  {0xb6, drive_state},
                                                                  {0x15, drive_state},
                                                                  {0x55, drive_state},
                                                                  {0xa6, drive_state},
                                                                  // writes or erases media
                                                                  {0x2a, media_write},
                                                                  {0xaa, media_write},
                                                                  {0x2e, media_write},
                                                                  {0xa1, media_write},
                                                                  {0x04, media_write},
                                                                  {0x5b, media_write},
                                                                  {0x53, media_write},
                                                                  {0x5d, media_write},
                                                                  {0x54, media_write},
                                                                  {0x35, media_write},
                                                                  {0xbf, media_write},
                                                                  {0x58, media_write},
                                                                  // secrets, firmware
                                                                  {0xa3, secret},
                                                                  {0xa4, secret},
                                                                  {0x3b, firmware}};
    for (const auto& [code, cls] : expected) {
        INFO("opcode " << int(code));
        REQUIRE(mmc::find_opcode(code) != nullptr);
        CHECK(mmc::find_opcode(code)->command_class == cls);
    }
    for (const auto& row : mmc::opcode_table()) {
        CHECK(row.command_class != unknown);  // unknown is for codes that have no row
        CHECK(!mmc::opcode_class_name(row.command_class).empty());
    }
    CHECK(mmc::opcode_class_name(unknown) == "unknown or vendor specific");
    CHECK(mmc::opcode_class_key(media_write) == "media_write");
}

TEST_CASE("mmc::classify_cdb: REPORT KEY is read-only for the RPC state format only") {
    using enum mmc::OpcodeClass;
    // MMC-6 §6.29: byte 10 holds AGID (bits 7-6) and Key Format (bits 5-0).
    CHECK(mmc::classify_cdb(cdb_bytes({0xa4, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0x08, 0})) == read_only);
    CHECK(mmc::classify_cdb(cdb_bytes({0xa4, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0x48, 0})) == read_only);
    CHECK(mmc::classify_cdb(cdb_bytes({0xa4, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0x00, 0})) == secret);
    CHECK(mmc::classify_cdb(cdb_bytes({0xa4, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0x41, 0})) == secret);
    CHECK(mmc::classify_cdb(cdb_bytes({0xa4, 0, 0, 0, 0, 0})) == unknown);  // too short to say
    CHECK(mmc::classify_cdb(cdb_bytes({0xc5, 0, 0, 0, 0, 0})) == unknown);  // vendor specific
    CHECK(mmc::classify_cdb(cdb_bytes({0x01, 0, 0, 0, 0, 0})) == unknown);  // not in the table
    CHECK(mmc::classify_cdb({}) == unknown);
    CHECK(mmc::command_label(0xc5) == "command 0xc5");
    CHECK(mmc::command_label(0x2a) == "WRITE(10)");
}
