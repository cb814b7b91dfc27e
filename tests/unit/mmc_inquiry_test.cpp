#include "mmc/inquiry.hpp"

#include <doctest/doctest.h>

#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::fixture_data;

TEST_CASE("mmc::decode_inquiry ATAPI (piix, ahci)") {
    for (const char* name : {"piix-01-inquiry-hex.txt", "ahci-01-inquiry-hex.txt"}) {
        CAPTURE(name);
        const auto q = mmc::decode_inquiry(fixture_data(name));
        REQUIRE(q.usable);
        CHECK(q.peripheral_qualifier == 0);
        CHECK(q.device_type == mmc::k_device_type_mmc);
        CHECK(q.removable);
        CHECK(q.version == 0x05);
        CHECK(q.response_data_format == 2);
        CHECK(q.additional_length == 0x1f);
        CHECK_FALSE(q.truncated);
        CHECK(q.vendor == "QEMU");
        CHECK(q.product == "QEMU DVD-ROM");
        CHECK(q.revision == "2.5+");
        CHECK(q.version_descriptors.empty());
        CHECK(q.warnings.empty());
    }
}

TEST_CASE("mmc::decode_inquiry SCSI (virtio-scsi) and scsi_debug version descriptors") {
    const auto q = mmc::decode_inquiry(fixture_data("virtio-scsi-01-inquiry-hex.txt"));
    CHECK(q.device_type == 5);
    CHECK(q.product == "QEMU CD-ROM");
    CHECK(q.revision == "2.5+");
    // scsi_debug: 96 bytes, SPC-5 (07h), version descriptors 00C0h 05C0h 2100h at 58-63.
    const auto d = mmc::decode_inquiry(fixture_data("scsi_debug-01-inquiry-hex.txt"));
    CHECK(d.version == 0x07);
    CHECK(d.additional_length == 0x5b);
    CHECK(d.vendor == "Linux");
    CHECK(d.product == "scsi_debug");
    CHECK(d.revision == "0191");
    CHECK(d.version_descriptors == std::vector<std::uint16_t>{0x00c0, 0x05c0, 0x2100});
    CHECK(d.warnings.empty());
}

TEST_CASE("mmc::decode_inquiry short and lying inputs") {
    CHECK_FALSE(mmc::decode_inquiry({}).usable);
    CHECK_FALSE(mmc::decode_inquiry(to_bytes({5, 0x80, 5, 2})).usable);
    // Header only, additional length 31 announced: truncated, names empty, a warning.
    const auto h = mmc::decode_inquiry(to_bytes({0x05, 0x80, 0x05, 0x32, 0x1f}));
    CHECK(h.usable);
    CHECK(h.truncated);
    CHECK(h.vendor.empty());
    CHECK_FALSE(h.warnings.empty());
    // Additional length 3 but 36 bytes sent: only the announced 8 bytes are read.
    Bytes b = fixture_data("piix-01-inquiry-hex.txt");
    b[4] = std::byte{3};
    const auto c = mmc::decode_inquiry(b);
    CHECK_FALSE(c.truncated);
    CHECK(c.vendor.empty());
    CHECK_FALSE(c.warnings.empty());
    // Cut in the middle of the product field.
    const auto p = mmc::decode_inquiry(ByteSpan{fixture_data("piix-01-inquiry-hex.txt")}.first(20));
    CHECK(p.truncated);
    CHECK(p.vendor == "QEMU");
    CHECK(p.product == "QEMU");
    CHECK(p.revision.empty());
}

TEST_CASE("mmc::decode_vpd_supported_pages") {
    const auto q = mmc::decode_vpd_supported_pages(fixture_data("piix-02-vpd-00-hex.txt"));
    REQUIRE(q.header.usable);
    CHECK(q.header.page_code == 0x00);
    CHECK(q.pages == std::vector<std::uint8_t>{0x00, 0x83});
    CHECK(mmc::decode_vpd_supported_pages(fixture_data("virtio-scsi-02-vpd-00-hex.txt")).pages ==
          std::vector<std::uint8_t>{0x00, 0x83});
    CHECK(mmc::decode_vpd_supported_pages(fixture_data("scsi_debug-02-vpd-00-hex.txt")).pages ==
          std::vector<std::uint8_t>{0x00, 0x80, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88});
    // Page length 8 announced, 2 bytes of it arrived.
    const auto t = mmc::decode_vpd_supported_pages(to_bytes({5, 0, 0, 8, 0, 0x80}));
    CHECK(t.header.truncated);
    CHECK(t.pages.size() == 2);
    CHECK_FALSE(t.warnings.empty());
    CHECK_FALSE(mmc::decode_vpd_supported_pages(to_bytes({5, 0, 0})).header.usable);
    // A different page than asked for is reported.
    CHECK_FALSE(mmc::decode_vpd_supported_pages(to_bytes({5, 0x80, 0, 0})).warnings.empty());
}

TEST_CASE("mmc::decode_vpd_serial") {
    // QEMU drives refuse page 80h (5/24/00); scsi_debug has one.
    const auto s = mmc::decode_vpd_serial(fixture_data("scsi_debug-03-vpd-80-hex.txt"));
    CHECK(s.header.page_code == 0x80);
    CHECK(s.serial == "2000");
    CHECK(s.warnings.empty());
    CHECK(mmc::decode_vpd_serial(to_bytes({5, 0x80, 0, 6, ' ', 'A', 'B', ' ', 0, 0})).serial ==
          "AB");
}

TEST_CASE("mmc::decode_vpd_device_id ATAPI: vendor specific + T10 vendor ID") {
    const auto d = mmc::decode_vpd_device_id(fixture_data("piix-05-vpd-83-hex.txt"));
    CHECK(d.header.page_length == 0x60);
    CHECK(d.warnings.empty());
    REQUIRE(d.designators.size() == 2);
    CHECK(d.designators[0].code_set == 2);
    CHECK(d.designators[0].association == 0);
    CHECK(d.designators[0].type == 0);
    CHECK(d.designators[0].identifier.size() == 20);
    CHECK(d.designators[0].text == "QM00001");
    CHECK(d.designators[1].type == 1);
    CHECK(d.designators[1].identifier.size() == 0x44);
    CHECK(d.designators[1].text.rfind("ATA     QEMU DVD-ROM", 0) == 0);
    CHECK(mmc::designator_type_name(d.designators[1].type) == "T10 vendor ID based");
}

TEST_CASE("mmc::decode_vpd_device_id SCSI (virtio-scsi) and scsi_debug designators") {
    const auto v = mmc::decode_vpd_device_id(fixture_data("virtio-scsi-05-vpd-83-hex.txt"));
    REQUIRE(v.designators.size() == 1);
    CHECK(v.designators[0].text == "cd0");
    const auto d = mmc::decode_vpd_device_id(fixture_data("scsi_debug-05-vpd-83-hex.txt"));
    CHECK(d.warnings.empty());
    REQUIRE(d.designators.size() == 7);
    CHECK(d.designators[1].code_set == 1);
    CHECK(d.designators[1].type == 3);  // NAA, binary: hex digits
    CHECK(d.designators[1].text == "33333330000007d0");
    CHECK(d.designators[2].piv);
    CHECK(d.designators[2].protocol_identifier == 6);  // SAS
    CHECK(d.designators[2].association == 1);
    CHECK(d.designators[2].type == 4);
    CHECK(d.designators[6].code_set == 3);
    CHECK(d.designators[6].association == 2);
    CHECK(d.designators[6].type == 8);
    CHECK(d.designators[6].text == "naa.32222220000007CD");
    CHECK(mmc::association_name(2) == "Target device");
    CHECK(mmc::code_set_name(3) == "UTF-8");
}

TEST_CASE("mmc::decode_vpd_device_id malformed") {
    // Designator length 20 announced, 3 bytes arrived (the page length is honest).
    const auto t = mmc::decode_vpd_device_id(to_bytes({5, 0x83, 0, 7, 2, 0, 0, 20, 'a', 'b', 'c'}));
    REQUIRE(t.designators.size() == 1);
    CHECK(t.designators[0].truncated);
    CHECK(t.designators[0].text == "abc");
    CHECK_FALSE(t.warnings.empty());
    // Two stray bytes after the last designator.
    const auto s = mmc::decode_vpd_device_id(to_bytes({5, 0x83, 0, 6, 2, 0, 0, 0, 1, 2}));
    CHECK(s.designators.size() == 1);
    CHECK_FALSE(s.warnings.empty());
    // Page length larger than the data.
    const auto p = mmc::decode_vpd_device_id(to_bytes({5, 0x83, 0xff, 0xff}));
    CHECK(p.header.truncated);
    CHECK(p.designators.empty());
}

TEST_CASE("mmc::device_type_name") {
    CHECK(mmc::device_type_name(5) == "CD/DVD device");
    CHECK(mmc::device_type_name(0x1f) == "Unknown or no device type");
    CHECK(mmc::device_type_name(0x13).empty());
}

TEST_CASE("mmc::decode_inquiry never reads past its input (prefixes, random bytes)") {
    test::decode_prefixes_and_noise(fixture_data("scsi_debug-01-inquiry-hex.txt"), [](ByteSpan b) {
        (void)mmc::decode_inquiry(b);
        (void)mmc::decode_vpd_device_id(b);
        (void)mmc::decode_vpd_serial(b);
        (void)mmc::decode_vpd_supported_pages(b);
    });
    test::decode_prefixes_and_noise(fixture_data("scsi_debug-05-vpd-83-hex.txt"), [](ByteSpan b) {
        (void)mmc::decode_inquiry(b);
        (void)mmc::decode_vpd_device_id(b);
        (void)mmc::decode_vpd_serial(b);
        (void)mmc::decode_vpd_supported_pages(b);
    });
    test::decode_prefixes_and_noise(fixture_data("scsi_debug-02-vpd-00-hex.txt"), [](ByteSpan b) {
        (void)mmc::decode_inquiry(b);
        (void)mmc::decode_vpd_device_id(b);
        (void)mmc::decode_vpd_serial(b);
        (void)mmc::decode_vpd_supported_pages(b);
    });
}
