// `discrec decode`'s named values for INQUIRY, VPD, sense, GESN, MECHANISM STATUS and READ
// CAPACITY (output/decoded.cpp), from the QEMU captures (tests/fixtures/mmc/README.md).
#include "output/decoded.hpp"

#include <doctest/doctest.h>

#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::fixture_data;

namespace {

const output::NamedValue& value_of(const output::DecodedStruct& d, std::string_view key) {
    for (const auto& v : d.values) {
        if (v.key == key) return v;
    }
    FAIL("no value " << key);
    return d.values.front();
}

}  // namespace

TEST_CASE("output::decode_struct: QEMU's INQUIRY and VPD pages 00h, 80h, 83h") {
    const auto inq =
        output::decode_struct(output::StructKind::inquiry, fixture_data("piix-01-inquiry-hex.txt"));
    REQUIRE(inq.usable);
    CHECK(value_of(inq, "vendor").text == "QEMU");
    CHECK(value_of(inq, "product").text == "QEMU DVD-ROM");
    CHECK(value_of(inq, "device_type").text == "05h CD/DVD device");
    CHECK(value_of(inq, "removable").value == true);

    const auto pages =
        output::decode_struct(output::StructKind::vpd, fixture_data("piix-02-vpd-00-hex.txt"));
    CHECK(value_of(pages, "supported_pages").text == "00h 83h");
    const auto serial = output::decode_struct(output::StructKind::vpd,
                                              fixture_data("scsi_debug-03-vpd-80-hex.txt"));
    CHECK(value_of(serial, "serial_number").text == "2000");
    const auto ids =
        output::decode_struct(output::StructKind::vpd, fixture_data("piix-05-vpd-83-hex.txt"));
    CHECK(value_of(ids, "designators").value.size() == 2);
    CHECK(value_of(ids, "designators").value[0]["value"] == "QM00001");
}

TEST_CASE("output::decode_struct: sense, GESN, MECHANISM STATUS, READ CAPACITY") {
    const auto sense =
        output::decode_struct(output::StructKind::sense, fixture_data("piix-43-request-sense.txt"));
    CHECK(value_of(sense, "key").value == 5);
    CHECK(value_of(sense, "asc").text == "30h");
    CHECK(value_of(sense, "description").text.find("(sense 5/30/00)") != std::string::npos);
    const auto gesn =
        output::decode_struct(output::StructKind::gesn, fixture_data("piix-31-gesn-media.txt"));
    CHECK(value_of(gesn, "media_present").value == true);
    CHECK(value_of(gesn, "door_or_tray_open").value == false);
    const auto mech = output::decode_struct(output::StructKind::mechanism_status,
                                            fixture_data("piix-39-mechanism-status.txt"));
    CHECK(value_of(mech, "number_of_slots").value == 1);
    const auto cap = output::decode_struct(output::StructKind::capacity,
                                           fixture_data("piix-34-read-capacity.txt"));
    CHECK(value_of(cap, "last_lba").value == 696);
    CHECK(value_of(cap, "bytes").value == 697 * 2048);
}

TEST_CASE("output::decode_struct: too short is not usable, with the decoder's note") {
    const Bytes six = to_bytes({0, 0, 0, 0, 0, 1});
    for (auto kind : {output::StructKind::mechanism_status, output::StructKind::capacity}) {
        const auto d = output::decode_struct(kind, six);
        CHECK(!d.usable);
        CHECK(d.values.empty());
        CHECK(!d.notes.empty());
    }
    CHECK(!output::decode_struct(output::StructKind::sense, {}).usable);
    CHECK(!output::decode_struct(output::StructKind::vpd, to_bytes({5, 0x80})).usable);
}
