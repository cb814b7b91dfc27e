// REPORT KEY Key Format 08h, the drive's region (RPC) state (mmc/rpc.hpp), through its layout
// (mmc/tables/rpc_layouts.cpp), and its CDB. Fixture: tests/fixtures/region/ (built from
// MMC-6 §6.29.3.8; QEMU's drives do not answer REPORT KEY).
#include "mmc/rpc.hpp"

#include <doctest/doctest.h>

#include <string>

#include "mmc/cdb.hpp"
#include "mmc/configuration.hpp"
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
        (void)mmc::rpc_state_summary(mmc::decode_rpc_state(ByteSpan{junk}.first(n)));
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

namespace {

Bytes rpc_fixture(const std::string& path) {
    auto bytes = read_inhex_file(std::string{DISCREC_FIXTURES_DIR} + "/" + path, false);
    REQUIRE_MESSAGE(bytes.has_value(), path);
    return *bytes;
}

}  // namespace

TEST_CASE("mmc::reports_rpc_state: asked only of drives that list DVD CSS (0106h)") {
    // QEMU's drives on every bus (real GET CONFIGURATION answers): no DVD CSS, not asked.
    for (const char* f : {"qemu-piix-get-config-hex.txt", "qemu-ahci-dvd-get-config-hex.txt",
                          "qemu-lsi-empty-get-config-hex.txt",
                          "qemu-virtio-scsi-get-config-hex.txt", "spec-dvd-writer-hex.txt"}) {
        const auto config = mmc::decode_configuration(rpc_fixture(std::string("features/") + f));
        CHECK_MESSAGE(config.usable, f);
        CHECK_MESSAGE(!mmc::reports_rpc_state(config), f);
    }
    // The virtio-scsi answer with the DVD CSS descriptor (0106h, not current, CSS version 1)
    // after Removable Medium and the header's length raised by 8, as in the synthetic info
    // recordings (tests/fixtures/region/make_synthetic_info_css.py): asked, current or not.
    Bytes with_css = rpc_fixture("features/qemu-virtio-scsi-get-config-hex.txt");
    with_css.resize(40);
    const Bytes css = to_bytes({0x01, 0x06, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01});
    with_css.insert(with_css.end(), css.begin(), css.end());
    with_css[3] = std::byte{0x2c};
    const auto config = mmc::decode_configuration(with_css);
    REQUIRE(config.find(0x0106) != nullptr);
    CHECK_FALSE(config.find(0x0106)->current);
    CHECK(mmc::reports_rpc_state(config));
    // Cut before the descriptor: not listed, not asked.
    CHECK_FALSE(mmc::reports_rpc_state(mmc::decode_configuration(ByteSpan{with_css}.first(40))));
}

TEST_CASE("mmc::rpc_state_summary: the one line info prints") {
    const auto r = mmc::decode_rpc_state(rpc_fixture("region/spec-rpc2-region2.hex"));
    CHECK(mmc::rpc_state_summary(r) ==
          "playable 2 (drive region is set; RPC Phase II: the drive enforces the region; 4 user "
          "changes and 4 vendor resets left)");
    // RPC Phase I, no region set, every region playable; a reserved scheme is named as such.
    auto phase1 = to_bytes({0x00, 0x06, 0, 0, 0x00, 0x00, 0x00, 0});
    CHECK(mmc::rpc_state_summary(mmc::decode_rpc_state(phase1)) ==
          "playable 1, 2, 3, 4, 5, 6, 7, 8 (no drive region setting; the drive does not enforce "
          "region playback control (RPC Phase I); 0 user changes and 0 vendor resets left)");
    phase1[6] = std::byte{0x07};
    CHECK(mmc::rpc_state_summary(mmc::decode_rpc_state(phase1)).find("RPC scheme 07h (reserved)") !=
          std::string::npos);
    // Cut short: what was wrong, not a guess.
    CHECK(mmc::rpc_state_summary(mmc::decode_rpc_state(to_bytes({0x00, 0x06, 0, 0}))) ==
          "not decoded (RPC state is only 4 bytes (needs 5))");
}
