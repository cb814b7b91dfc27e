#include "mmc/cdb.hpp"

#include <doctest/doctest.h>

#include "mmc/fields.hpp"
#include "mmc/tables/cdb_layouts.hpp"
#include "mmc/tables/field_rows.hpp"
#include "mmc/tables/opcodes.hpp"
#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::cdb_bytes;
using discrec::test::fixture_cdb;

// Builders against the CDBs sg3_utils sent in the captures (QEMU 7.2, see fixtures/mmc/).
TEST_CASE("mmc::cdb builders match the captured CDBs") {
    using mmc::PageControl;
    CHECK(cdb_bytes(mmc::get_event_status_notification(true, mmc::event_class::media, 8)) ==
          fixture_cdb("piix-31-gesn-media.txt"));
    CHECK(cdb_bytes(mmc::get_event_status_notification(true, 0x7e, 64)) ==
          fixture_cdb("piix-32-gesn-all-classes.txt"));
    CHECK(cdb_bytes(mmc::get_event_status_notification(false, mmc::event_class::media, 8)) ==
          fixture_cdb("piix-33-gesn-async.txt"));
    CHECK(cdb_bytes(mmc::test_unit_ready()) == fixture_cdb("piix-46-turs-raw.txt"));
    CHECK(cdb_bytes(mmc::read_capacity()) == fixture_cdb("piix-34-read-capacity.txt"));
    CHECK(cdb_bytes(mmc::mechanism_status(8)) == fixture_cdb("piix-39-mechanism-status.txt"));
    CHECK(cdb_bytes(mmc::request_sense(18)) == fixture_cdb("piix-43-request-sense.txt"));
    CHECK(cdb_bytes(mmc::mode_sense10(0x3f, 0, PageControl::current, false, 4096)) ==
          fixture_cdb("piix-47-mode-sense10-3f-raw.txt"));
    CHECK(cdb_bytes(mmc::mode_sense10(0x2a, 0, PageControl::current, false, 256)) ==
          fixture_cdb("piix-48-mode-sense10-2a-raw.txt"));
    CHECK(cdb_bytes(mmc::start_stop_unit(false, true, false)) ==
          fixture_cdb("piix-57-start-eject-sg-locked-raw.txt"));
}

// CDB layouts from the standards where no capture shows the bytes.
TEST_CASE("mmc::cdb builders follow the spec tables") {
    using mmc::PageControl;
    // SPC-4 §6.6 INQUIRY: EVPD byte 1 bit 0, page code byte 2, allocation length bytes 3-4.
    CHECK(cdb_bytes(mmc::inquiry(96)) == to_bytes({0x12, 0, 0, 0, 0x60, 0}));
    CHECK(cdb_bytes(mmc::inquiry(0x1234)) == to_bytes({0x12, 0, 0, 0x12, 0x34, 0}));
    CHECK(cdb_bytes(mmc::inquiry_vpd(0x83, 252)) == to_bytes({0x12, 1, 0x83, 0, 0xfc, 0}));
    // REQUEST SENSE: DESC byte 1 bit 0.
    CHECK(cdb_bytes(mmc::request_sense(252, true)) == to_bytes({0x03, 1, 0, 0, 0xfc, 0}));
    // MMC-6 §6.6 GET CONFIGURATION: RT byte 1 bits 1-0, starting feature 2-3, alloc 7-8.
    CHECK(cdb_bytes(mmc::get_configuration(mmc::ConfigurationRt::all, 0, 0x2000)) ==
          to_bytes({0x46, 0, 0, 0, 0, 0, 0, 0x20, 0x00, 0}));
    CHECK(cdb_bytes(mmc::get_configuration(mmc::ConfigurationRt::one, 0x0107, 0x20)) ==
          to_bytes({0x46, 2, 0x01, 0x07, 0, 0, 0, 0, 0x20, 0}));
    CHECK(cdb_bytes(mmc::get_configuration(mmc::ConfigurationRt::current, 0x0003, 8))[1] ==
          std::byte{1});
    // SPC-4 MODE SENSE(10): DBD byte 1 bit 3, PC byte 2 bits 7-6, subpage byte 3.
    CHECK(cdb_bytes(mmc::mode_sense10(0x2a, 0, PageControl::changeable, true, 0x100)) ==
          to_bytes({0x5a, 0x08, 0x6a, 0, 0, 0, 0, 0x01, 0x00, 0}));
    CHECK(cdb_bytes(mmc::mode_sense10(0x3f, 0xff, PageControl::saved, false, 8)) ==
          to_bytes({0x5a, 0, 0xff, 0xff, 0, 0, 0, 0, 8, 0}));
    // MODE SENSE(6): the allocation length is byte 4.
    CHECK(cdb_bytes(mmc::mode_sense6(0x3f, 0, PageControl::default_, true, 0xff)) ==
          to_bytes({0x1a, 0x08, 0xbf, 0, 0xff, 0}));
    // PREVENT ALLOW MEDIUM REMOVAL: byte 4 = 01b prevent (as sg_prevent sent it).
    CHECK(cdb_bytes(mmc::prevent_allow_medium_removal(true)) == to_bytes({0x1e, 0, 0, 0, 1, 0}));
    CHECK(cdb_bytes(mmc::prevent_allow_medium_removal(false)) == to_bytes({0x1e, 0, 0, 0, 0, 0}));
    // START STOP UNIT: IMMED byte 1 bit 0; LoEj byte 4 bit 1, Start bit 0 (load = 03h).
    CHECK(cdb_bytes(mmc::start_stop_unit(true, true, false)) == to_bytes({0x1b, 0, 0, 0, 3, 0}));
    CHECK(cdb_bytes(mmc::start_stop_unit(false, true, true)) == to_bytes({0x1b, 1, 0, 0, 2, 0}));
    CHECK(cdb_bytes(mmc::start_stop_unit(true, false, false)) == to_bytes({0x1b, 0, 0, 0, 1, 0}));
    // MMC-6 §6.32 READ SUB-CHANNEL: SubQ byte 2 bit 6, format byte 3, track byte 6, alloc 7-8.
    CHECK(cdb_bytes(mmc::read_sub_channel(0x02, 0, 24)) ==
          to_bytes({0x42, 0, 0x40, 0x02, 0, 0, 0, 0, 24, 0}));
    CHECK(cdb_bytes(mmc::read_sub_channel(0x03, 7, 24)) ==
          to_bytes({0x42, 0, 0x40, 0x03, 0, 0, 7, 0, 24, 0}));
    // READ TOC/PMA/ATIP formats 2-5 (MMC-6 §6.26): byte 9 carries only SFF-8020i's formats.
    CHECK(cdb_bytes(mmc::read_toc(2, false, 0, 0x89c)) ==
          to_bytes({0x43, 0, 2, 0, 0, 0, 0, 0x08, 0x9c, 0x80}));
    CHECK(cdb_bytes(mmc::read_toc(4, false, 0, 32)) ==
          to_bytes({0x43, 0, 4, 0, 0, 0, 0, 0, 32, 0}));
    CHECK(cdb_bytes(mmc::read_toc(5, false, 0, 0x9004)) ==
          to_bytes({0x43, 0, 5, 0, 0, 0, 0, 0x90, 0x04, 0}));
    // MECHANISM STATUS: 12 bytes, allocation length 8-9.
    CHECK(cdb_bytes(mmc::mechanism_status(0x1234)) ==
          to_bytes({0xbd, 0, 0, 0, 0, 0, 0, 0, 0x12, 0x34, 0, 0}));
}

TEST_CASE("mmc::cdb sizes and opcodes") {
    CHECK(mmc::test_unit_ready().size == 6);
    CHECK(mmc::read_capacity().size == 10);
    CHECK(mmc::mechanism_status(8).size == 12);
    CHECK(mmc::get_configuration(mmc::ConfigurationRt::all, 0, 8).opcode() ==
          mmc::op::get_configuration);
    CHECK(mmc::mode_sense6(1, 0, mmc::PageControl::current, false, 4).opcode() ==
          mmc::op::mode_sense6);
}

// Every CDB layout fits its CDB, names a known opcode, and reads back (decode_fields, the same
// rows) what its builder wrote: the table and the engine agree on where each field sits.
TEST_CASE("mmc::cdb layouts round-trip through the field engine") {
    using namespace mmc::cdb_layout;
    for (const mmc::CdbLayout* l :
         {&test_unit_ready, &inquiry, &request_sense, &get_configuration,
          &get_event_status_notification, &mechanism_status, &read_capacity10,
          &read_disc_information, &read_track_information, &read_format_capacities,
          &read_toc_pma_atip, &mode_sense10, &mode_sense6, &prevent_allow_medium_removal,
          &start_stop_unit, &read_sub_channel, &report_key}) {
        CAPTURE(l->layout.name);
        CHECK(mmc::command_name(l->opcode) == l->layout.name);
        // SPC-4 §4.2.5.1: the group code (bits 7-5) gives the length: 0 six, 1-2 ten, 5 twelve.
        const std::size_t group_length[] = {6, 10, 10, 0, 16, 12, 0, 0};
        CHECK(group_length[l->opcode >> 5] == l->layout.size);
        for (const mmc::Field& f : l->layout.fields) {
            CHECK(f.byte > 0);
            // The CONTROL byte stays free, but for its vendor-specific bits 7-6 (SAM-5 §5.2),
            // where READ TOC/PMA/ATIP's SFF-8020i format goes.
            const bool control_vendor_bits = f.byte + 1U == l->layout.size && f.lsb == 6;
            CHECK((f.byte + f.byte_count() < l->layout.size || control_vendor_bits));
        }
    }
    const Cdb cdb = mmc::mode_sense10(0x2a, 0x01, mmc::PageControl::changeable, true, 0x1234);
    const mmc::Record r = mmc::decode_fields(mode_sense10.layout, cdb.span());
    CHECK(r.absent.empty());
    CHECK(r.find("dbd")->number == 1);
    CHECK(r.find("pc")->number == 1);
    CHECK(r.find("page_code")->number == 0x2a);
    CHECK(r.find("subpage_code")->number == 1);
    CHECK(r.find("allocation_length")->number == 0x1234);
}

TEST_CASE("mmc::write_number places bits and leaves the rest of the byte alone") {
    std::array<std::byte, 4> b{std::byte{0xff}, std::byte{0}, std::byte{0}, std::byte{0}};
    const mmc::Field pc = mmc::rows::number("pc", "PC", 0, 2, 6);
    CHECK(mmc::write_number(pc, b, 0, 0));  // clears bits 7-6 only
    CHECK(b[0] == std::byte{0x3f});
    CHECK(mmc::write_number(pc, b, 0, 0x7));  // only the field's 2 bits are written
    CHECK(b[0] == std::byte{0xff});
    const mmc::Field len = mmc::rows::number("len", "Length", 2, 16);
    CHECK(mmc::write_number(len, b, 0, 0xabcd));
    CHECK(b[2] == std::byte{0xab});
    CHECK(b[3] == std::byte{0xcd});
    CHECK_FALSE(mmc::write_number(mmc::rows::number("x", "X", 3, 16), b, 0, 1));  // past the end
    CHECK(b[3] == std::byte{0xcd});
}
