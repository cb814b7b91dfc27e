#include "mmc/sense.hpp"

#include <doctest/doctest.h>

#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::fixture_data;
using discrec::test::fixture_sense;

TEST_CASE("mmc::decode_sense ATAPI fixed format f0 (VALID set), empty tray") {
    // piix-empty TEST UNIT READY: f0 00 02 ... 3a 00
    const auto s = mmc::decode_sense(fixture_sense("piix-empty-46-turs-raw.txt"));
    REQUIRE(s.usable());
    CHECK(s.format == mmc::SenseFormat::fixed);
    CHECK(s.response_code == 0x70);
    CHECK(s.valid);
    CHECK_FALSE(s.deferred);
    CHECK(s.key == mmc::sense_key::not_ready);
    CHECK(s.asc == 0x3a);
    CHECK(s.ascq == 0x00);
    CHECK(s.information == 0);
    CHECK_FALSE(s.sksv);
    CHECK(s.warnings.empty());
    CHECK(s.is(2, 0x3a));
    CHECK(s.is(2, 0x3a, 0));
    CHECK_FALSE(s.is(2, 0x3a, 2));
    CHECK(mmc::describe_sense(s) == "not ready, medium not present (sense 2/3a/00)");
}

TEST_CASE("mmc::decode_sense SCSI fixed format 70, empty tray and after a media change") {
    const auto empty = mmc::decode_sense(fixture_sense("virtio-scsi-empty-46-turs-raw.txt"));
    CHECK(empty.format == mmc::SenseFormat::fixed);
    CHECK_FALSE(empty.valid);
    CHECK(empty.is(2, 0x3a, 0));
    // SCSI answers the first TUR after a host media change with UNIT ATTENTION 6/3a/00.
    const auto ua = mmc::decode_sense(fixture_sense("virtio-scsi-99-turs-raw-after-97.txt"));
    CHECK(ua.is(mmc::sense_key::unit_attention, 0x3a, 0));
    CHECK(mmc::describe_sense(ua) == "unit attention, medium not present (sense 6/3a/00)");
    // ATAPI answers the same moment with NOT READY.
    const auto atapi = mmc::decode_sense(fixture_sense("piix-99-turs-raw-after-97.txt"));
    CHECK(atapi.is(2, 0x3a, 0));
}

TEST_CASE("mmc::decode_sense locked eject: ATAPI 2/53/00, SCSI 5/53/02 and 2/53/02") {
    const auto atapi = mmc::decode_sense(fixture_sense("piix-57-start-eject-sg-locked-raw.txt"));
    CHECK(atapi.is(2, 0x53, 0x00));
    CHECK(mmc::describe_sense(atapi) == "not ready, media load or eject failed (sense 2/53/00)");
    const auto scsi =
        mmc::decode_sense(fixture_sense("virtio-scsi-57-start-eject-sg-locked-raw.txt"));
    CHECK(scsi.is(5, 0x53, 0x02));
    CHECK(mmc::describe_sense(scsi) == "illegal request, medium removal prevented (sense 5/53/02)");
    const auto usb =
        mmc::decode_sense(fixture_sense("usb-uas-empty-57-start-eject-sg-locked-raw.txt"));
    CHECK(usb.is(2, 0x53, 0x02));
}

TEST_CASE("mmc::decode_sense invalid field in CDB, with and without a field pointer") {
    const auto atapi = mmc::decode_sense(fixture_sense("piix-47-mode-sense10-3f-raw.txt"));
    CHECK(atapi.is(5, 0x24, 0));
    CHECK_FALSE(atapi.sksv);
    CHECK_FALSE(atapi.field_pointer.has_value());
    // scsi_debug: 70 00 05 .. 24 00 00 cd 00 02: SKSV, C/D=1, BPV=1, bit 5, byte 2.
    const auto dbg = mmc::decode_sense(fixture_sense("scsi_debug-48-mode-sense10-2a-raw.txt"));
    CHECK(dbg.is(5, 0x24, 0));
    CHECK(dbg.sksv);
    CHECK(dbg.sense_key_specific == 0x4d0002);
    REQUIRE(dbg.field_pointer.has_value());
    CHECK(dbg.field_pointer->in_cdb);
    CHECK(dbg.field_pointer->bit_valid);
    CHECK(dbg.field_pointer->bit == 5);
    CHECK(dbg.field_pointer->byte == 2);
    CHECK(mmc::describe_sense(dbg) == "illegal request, invalid field in CDB (sense 5/24/00)");
    const auto init = mmc::decode_sense(fixture_sense("scsi_debug-73-turs-after-eject-raw.txt"));
    CHECK(init.is(2, 0x04, 0x02));
}

TEST_CASE("mmc::decode_sense REQUEST SENSE data") {
    // ATAPI keeps the last error: 5/30/00 from READ DVD STRUCTURE on a CD.
    const auto atapi = mmc::decode_sense(fixture_data("piix-43-request-sense.txt"));
    CHECK(atapi.is(5, 0x30, 0));
    // SCSI: no sense.
    const auto scsi = mmc::decode_sense(fixture_data("lsi-empty-43-request-sense.txt"));
    CHECK(scsi.usable());
    CHECK(scsi.is(0, 0, 0));
    CHECK(mmc::describe_sense(scsi) == "no sense, no additional sense information (sense 0/00/00)");
}

TEST_CASE("mmc::decode_sense descriptor format (SPC-4 §4.5.2)") {
    // 72h, key 3, 11/00; information descriptor (00h, VALID, LBA 0x1234); sense key specific
    // descriptor (02h) with SKSV and a progress... (key 3: stays raw); stream descriptor (04h).
    const Bytes b = to_bytes({0x72, 0x03, 0x11, 0x00, 0,    0,    0,    24,                    //
                              0x00, 0x0a, 0x80, 0,    0,    0,    0,    0,  0, 0, 0x12, 0x34,  //
                              0x02, 0x06, 0,    0,    0x80, 0x00, 0x10, 0,                     //
                              0x04, 0x02, 0,    0xe0});
    const auto s = mmc::decode_sense(b);
    REQUIRE(s.format == mmc::SenseFormat::descriptor);
    CHECK(s.key == 3);
    CHECK(s.asc == 0x11);
    CHECK(s.valid);
    CHECK(s.information == 0x1234);
    CHECK(s.sksv);
    CHECK(s.sense_key_specific == 0x000010);
    CHECK_FALSE(s.field_pointer.has_value());
    CHECK_FALSE(s.progress.has_value());
    CHECK(s.filemark);
    CHECK(s.eom);
    CHECK(s.ili);
    REQUIRE(s.descriptors.size() == 3);
    CHECK(s.descriptors[0].type == 0x00);
    CHECK(s.descriptors[0].data.size() == 10);
    CHECK(s.descriptors[2].type == 0x04);
    CHECK(s.warnings.empty());
    CHECK(mmc::describe_sense(s) == "medium error, unrecovered read error (sense 3/11/00)");
}

TEST_CASE("mmc::decode_sense deferred and progress indication") {
    // 73h deferred, NOT READY 04/04 (format in progress), SKS progress 0x8000 (50 %).
    const Bytes b = to_bytes({0x73, 0x02, 0x04, 0x04, 0, 0, 0, 8,  //
                              0x02, 0x06, 0, 0, 0x80, 0x80, 0x00, 0});
    const auto s = mmc::decode_sense(b);
    CHECK(s.deferred);
    REQUIRE(s.progress.has_value());
    CHECK(*s.progress == 0x8000);
    CHECK(mmc::describe_sense(s).rfind("deferred: not ready, ", 0) == 0);
    // The same in fixed format (71h), SKS in bytes 15-17.
    const Bytes f =
        to_bytes({0x71, 0, 0x02, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x04, 0x04, 0, 0x80, 0x40, 0x00});
    const auto fs = mmc::decode_sense(f);
    CHECK(fs.deferred);
    REQUIRE(fs.progress.has_value());
    CHECK(*fs.progress == 0x4000);
}

TEST_CASE("mmc::describe_sense with a pair the table does not know") {
    // 56h/01h is reserved (no name in the ASC table).
    const Bytes b = to_bytes({0x70, 0, 0x05, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x56, 0x01, 0, 0, 0, 0});
    CHECK(mmc::describe_sense(mmc::decode_sense(b)) ==
          "illegal request, asc 0x56 ascq 0x01 (sense 5/56/01)");
    // ASC 80h-FFh is vendor specific; the ASC table names it so.
    const Bytes v = to_bytes({0x70, 0, 0x05, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x99, 0x01, 0, 0, 0, 0});
    CHECK(mmc::describe_sense(mmc::decode_sense(v)) ==
          "illegal request, vendor specific ASC 0x99, ASCQ 0x01 (sense 5/99/01)");
    // A leading acronym keeps its case: 3A/01 lower-cased, "I/O ..." or "ATA ..." not.
    const Bytes k = to_bytes({0x70, 0, 0x0c, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x3a, 0x01, 0, 0, 0, 0});
    CHECK(mmc::describe_sense(mmc::decode_sense(k)) ==
          "reserved, medium not present - tray closed (sense c/3a/01)");
    const Bytes io = to_bytes({0x70, 0, 0x0b, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x00, 0x06, 0, 0, 0, 0});
    CHECK(mmc::describe_sense(mmc::decode_sense(io)) ==
          "aborted command, I/O process terminated (sense b/00/06)");
    const Bytes ata = to_bytes({0x70, 0, 0x04, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x44, 0x71, 0, 0, 0, 0});
    CHECK(mmc::describe_sense(mmc::decode_sense(ata)) ==
          "hardware error, ATA device failed Set Features (sense 4/44/71)");
}

TEST_CASE("mmc::decode_sense malformed input") {
    SUBCASE("empty") {
        const auto s = mmc::decode_sense({});
        CHECK_FALSE(s.usable());
        CHECK(mmc::describe_sense(s) == "no usable sense data");
        CHECK_FALSE(s.is(0, 0));
    }
    SUBCASE("unknown response code") {
        const auto s = mmc::decode_sense(to_bytes({0x00, 0, 2, 0, 0, 0, 0, 10}));
        CHECK_FALSE(s.usable());
        CHECK(s.warnings.size() == 1);
        CHECK_FALSE(mmc::decode_sense(to_bytes({0x7f, 0, 2, 0, 0, 0, 0, 0})).usable());
    }
    SUBCASE("too short for the key") {
        CHECK_FALSE(mmc::decode_sense(to_bytes({0x70, 0})).usable());
        CHECK_FALSE(mmc::decode_sense(to_bytes({0x72, 0, 0})).usable());
    }
    SUBCASE("additional length lies (says 10, 4 more bytes arrived)") {
        const auto s = mmc::decode_sense(to_bytes({0xf0, 0, 0x02, 0, 0, 0, 0, 10, 0, 0, 0, 0}));
        CHECK(s.usable());
        CHECK(s.key == 2);
        CHECK(s.asc == 0);  // never read: it did not arrive
        CHECK(s.warnings.size() == 2);
    }
    SUBCASE("additional length 0: header only") {
        const auto s = mmc::decode_sense(
            to_bytes({0x70, 0, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x28, 0, 0, 0, 0, 0}));
        CHECK(s.key == 6);
        CHECK(s.asc == 0);  // beyond the announced length
    }
    SUBCASE("descriptor running past the end") {
        const auto s = mmc::decode_sense(
            to_bytes({0x72, 0x05, 0x24, 0, 0, 0, 0, 6, 0x02, 0x06, 0, 0, 0xc0, 0}));
        CHECK(s.is(5, 0x24, 0));
        REQUIRE(s.descriptors.size() == 1);
        CHECK(s.descriptors[0].data.size() == 4);
        CHECK_FALSE(s.warnings.empty());
    }
    SUBCASE("descriptor list ending in half a header") {
        const auto s = mmc::decode_sense(to_bytes({0x72, 0x05, 0x24, 0, 0, 0, 0, 1, 0x02}));
        CHECK(s.descriptors.empty());
        CHECK_FALSE(s.warnings.empty());
    }
}

TEST_CASE("mmc::decode_sense never reads past its input (prefixes, random bytes)") {
    test::decode_prefixes_and_noise(fixture_sense("scsi_debug-48-mode-sense10-2a-raw.txt"),
                                    [](ByteSpan b) {
                                        auto s = mmc::decode_sense(b);
                                        (void)mmc::describe_sense(s);
                                    });
    test::decode_prefixes_and_noise(
        to_bytes({0x72, 0x05, 0x24, 0, 0,    0,    0,    24,   0x00, 0x0a, 0x80, 0, 0,    0,
                  0,    0,    0,    0, 0x12, 0x34, 0x02, 0x06, 0,    0,    0x80, 0, 0x10, 0}),
        [](ByteSpan b) {
            auto s = mmc::decode_sense(b);
            (void)mmc::describe_sense(s);
        });
}

TEST_CASE("mmc::means_busy: SAM-5 status BUSY (08h) only") {
    CHECK(mmc::means_busy(0x08));
    CHECK_FALSE(mmc::means_busy(0x00));  // GOOD
    CHECK_FALSE(mmc::means_busy(0x02));  // CHECK CONDITION
    CHECK_FALSE(mmc::means_busy(0x18));  // RESERVATION CONFLICT
}

TEST_CASE("mmc::means_becoming_ready: 2/04/01 only (SPC-4 Annex D)") {
    // The fixed-format sense of a drive spinning up a disc that just went in, as
    // tests/fixtures/media/synthetic-becoming-ready.jsonl has it.
    const auto s = mmc::decode_sense(
        to_bytes({0x70, 0, 0x02, 0, 0, 0, 0, 0x0a, 0, 0, 0, 0, 0x04, 0x01, 0, 0, 0, 0}));
    REQUIRE(s.usable());
    CHECK(mmc::means_becoming_ready(s.code()));
    CHECK_FALSE(mmc::means_no_medium(s.code()));
    CHECK(mmc::describe_sense(s).find("becoming ready") != std::string::npos);
    CHECK_FALSE(mmc::means_becoming_ready({0x02, 0x04, 0x02}));  // initializing command required
    CHECK_FALSE(mmc::means_becoming_ready({0x06, 0x04, 0x01}));  // not the NOT READY key
    CHECK_FALSE(mmc::means_becoming_ready({0x02, 0x3a, 0x01}));  // no medium
}
