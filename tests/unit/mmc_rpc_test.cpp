// REPORT KEY Key Format 08h, the drive's region (RPC) state (mmc/rpc.hpp), through its layout
// (mmc/tables/rpc_layouts.cpp), and its CDB. Fixture: tests/fixtures/region/ (built from
// MMC-6 §6.29.3.8; QEMU's drives do not answer REPORT KEY).
#include "mmc/rpc.hpp"

#include <doctest/doctest.h>

#include <string>

#include "mmc/cdb.hpp"
#include "mmc/media.hpp"
#include "mmc/tables/opcodes.hpp"
#include "mmc/tables/rpc_layouts.hpp"
#include "util/inhex.hpp"

using namespace discrec;

TEST_CASE("mmc::decode_rpc_state: an RPC Phase II drive set to region 2") {
    auto data =
        read_inhex_file(std::string{DISCREC_FIXTURES_DIR} + "/region/spec-rpc2-region2.hex", false);
    REQUIRE(data.has_value());
    const auto r = mmc::decode_rpc_state(*data);
    CHECK(r.notes.empty());
    CHECK(r.absent.empty());
    CHECK(mmc::number_of(r, "type_code") == 1);
    CHECK(r.find("type_code")->text == "drive region is set");
    CHECK(mmc::number_of(r, "vendor_resets_available") == 4);
    CHECK(mmc::number_of(r, "user_changes_available") == 4);
    CHECK(r.find("playable_regions")->text == "2");
    CHECK(r.find("rpc_scheme")->text == "RPC Phase II: the drive enforces the region");
}

TEST_CASE("mmc::decode_rpc_state: masks, short answers") {
    // Region mask 00h: every region playable; FFh: none.
    auto all = to_bytes({0x00, 0x06, 0, 0, 0x25, 0x00, 0x00, 0});
    CHECK(mmc::decode_rpc_state(all).find("playable_regions")->text == "1, 2, 3, 4, 5, 6, 7, 8");
    all[5] = std::byte{0xff};
    CHECK(mmc::decode_rpc_state(all).find("playable_regions")->text == "none");
    const auto short_answer = mmc::decode_rpc_state(to_bytes({0x00, 0x06, 0, 0}));
    CHECK(short_answer.values.empty());
    CHECK(short_answer.notes.at(0) == "RPC state is only 4 bytes (needs 5)");
    const auto cut = mmc::decode_rpc_state(to_bytes({0x00, 0x06, 0, 0, 0x64}));
    CHECK_FALSE(cut.values.empty());
    CHECK_FALSE(cut.notes.empty());  // the length announces 8 bytes, 5 arrived
    const Bytes junk(16, std::byte{0xff});
    for (std::size_t n = 0; n <= junk.size(); ++n) {
        (void)mmc::decode_rpc_state(ByteSpan{junk}.first(n));
        (void)mmc::decode_fields(mmc::rpc_state_layout(), ByteSpan{junk}.first(n));
    }
}

TEST_CASE("mmc::report_key_rpc_state: the CDB, and send's gate reads it as read-only") {
    // MMC-6 §6.29.2: 12 bytes, allocation length bytes 8-9, Key Format 08h in byte 10.
    const Cdb cdb = mmc::report_key_rpc_state(8);
    CHECK(cdb.size == 12);
    CHECK(Bytes(cdb.span().begin(), cdb.span().end()) ==
          to_bytes({0xa4, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0x08, 0}));
    CHECK(mmc::classify_cdb(cdb.span()) == mmc::OpcodeClass::read_only);
}
