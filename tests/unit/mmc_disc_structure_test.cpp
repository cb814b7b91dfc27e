// READ DISC STRUCTURE (MMC-6 §6.23): its CDB layout, format C0h (Write Protection Status)
// through its layout (mmc/tables/disc_structure_layouts.cpp) and what it does to IMAPI2's
// WriteProtectStatus. QEMU's drives have no DVD/BD writing: the answers are built from
// MMC-6 §6.23.3's field positions, each byte commented.
#include "mmc/disc_structure.hpp"

#include <doctest/doctest.h>

#include <array>
#include <string>

#include "mmc/cdb.hpp"
#include "mmc/tables/disc_structure_layouts.hpp"
#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::cdb_bytes;

namespace {

Bytes write_protection_status(std::uint8_t bits) {
    return to_bytes({
        0x00,
        0x06,  // Disc Structure Data Length: 6
        0x00,
        0x00,  // reserved
        bits,  // MSWI bit 3, CWP bit 2, PWP bit 1, SWPP bit 0
        0x00,
        0x00,
        0x00,
    });
}

}  // namespace

TEST_CASE("mmc::read_disc_structure CDB (MMC-6 §6.23.2): every field in its place") {
    CHECK(cdb_bytes(mmc::read_disc_structure(mmc::disc_structure::media_bd, 0, 0,
                                             mmc::disc_structure::write_protection, 0, 8)) ==
          to_bytes({0xad, 0x01, 0, 0, 0, 0, 0, 0xc0, 0x00, 0x08, 0x00, 0}));
    // Address, layer, AGID (byte 10 bits 7-6) and a two-byte allocation length.
    CHECK(cdb_bytes(mmc::read_disc_structure(mmc::disc_structure::media_dvd, 0x00030000, 1, 0x00, 3,
                                             0x0804)) ==
          to_bytes({0xad, 0x00, 0x00, 0x03, 0x00, 0x00, 0x01, 0x00, 0x08, 0x04, 0xc0, 0}));
    CHECK(mmc::disc_structure_media_type(mmc::MediumFamily::dvd) == 0);
    CHECK(mmc::disc_structure_media_type(mmc::MediumFamily::bd) == 1);
    CHECK_FALSE(mmc::disc_structure_media_type(mmc::MediumFamily::cd));
}

TEST_CASE("mmc::decode_write_protection_status and the write protection it gives") {
    const mmc::WriteProtection writable{false, "feature 0020h (Random Writable) is current"};
    const auto none = mmc::decode_write_protection_status(write_protection_status(0x00));
    CHECK(none.notes.empty());
    CHECK(none.absent.empty());
    const auto kept = mmc::write_protection_with_status(writable, none);
    CHECK(kept.is_protected == false);
    CHECK(kept.reason.find("no write protection bit set") != std::string::npos);

    const auto pwp = mmc::decode_write_protection_status(write_protection_status(0x02));
    CHECK(mmc::number_of(pwp, "pwp") == 1);
    CHECK(mmc::number_of(pwp, "swpp") == 0);
    const auto p = mmc::write_protection_with_status(writable, pwp);
    CHECK(p.is_protected == true);
    CHECK(p.reason == "READ DISC STRUCTURE C0h: PWP (persistent write protect)");

    const auto both = mmc::write_protection_with_status(
        writable, mmc::decode_write_protection_status(write_protection_status(0x0c)));
    CHECK(both.reason ==
          "READ DISC STRUCTURE C0h: MSWI (media specific write inhibit), CWP (cartridge write "
          "protect)");

    // Cut short: the header's length announces more than arrived; the bits absent, nothing
    // changed.
    const auto cut =
        mmc::decode_write_protection_status(ByteSpan{write_protection_status(0x02)}.first(4));
    CHECK_FALSE(cut.notes.empty());
    CHECK_FALSE(mmc::number_of(cut, "pwp"));
    CHECK(mmc::write_protection_with_status(writable, cut).reason == writable.reason);
    test::decode_prefixes_and_noise(write_protection_status(0x0f), [](ByteSpan b) {
        const auto r = mmc::decode_write_protection_status(b);
        CHECK(r.layout == mmc::disc_structure_layouts()[0]);
    });
}

namespace {

Bytes structure_fixture(const std::string& name) {
    const auto bytes =
        read_inhex_file(std::string{DISCREC_FIXTURES_DIR} + "/structure/" + name, false);
    REQUIRE_MESSAGE(bytes.has_value(), "cannot read fixture " << name);
    return *bytes;
}

std::string text_of(const mmc::Record& r, std::string_view key) {
    const mmc::Value* v = r.find(key);
    REQUIRE_MESSAGE(v != nullptr, "no field " << key);
    return v->text;
}

}  // namespace

TEST_CASE("DVD 00h physical format: QEMU's real answer (captures/piix-dvd)") {
    const auto r = mmc::decode_disc_structure(mmc::disc_structure::media_dvd, 0x00,
                                              structure_fixture("qemu-dvd-physical-format.hex"));
    CHECK(r.notes.empty());
    CHECK(r.absent.empty());
    CHECK(mmc::disc_structure_decoded(mmc::disc_structure::media_dvd, 0x00));
    CHECK(mmc::number_of(r, "disc_structure_data_length") == 2050);
    CHECK(mmc::number_of(r, "book_type") == 0);
    CHECK(text_of(r, "book_type") == "DVD-ROM");
    CHECK(mmc::number_of(r, "part_version") == 1);
    CHECK(text_of(r, "disc_size") == "120 mm");
    CHECK(text_of(r, "maximum_rate") == "not specified");
    CHECK(text_of(r, "number_of_layers") == "1 layer");
    CHECK(text_of(r, "track_path") == "parallel track path (PTP)");
    CHECK(text_of(r, "layer_type") == "embossed (read-only)");
    CHECK(mmc::number_of(r, "data_area_start") == 0);
    CHECK(mmc::number_of(r, "data_area_end") == 0x7ffff);
    CHECK(mmc::number_of(r, "layer0_end") == 0x7ffff);
    CHECK(mmc::number_of(r, "bca") == 0);
}

TEST_CASE("DVD 00h physical format: a dual-layer DVD-ROM built from MMC-6 §6.23.3.2.1") {
    const Bytes answer = to_bytes({
        0x08, 0x02, 0x00, 0x00,  // length 2050, reserved
        0x01,                    // book type 0 (DVD-ROM), part version 1
        0x02,                    // 120 mm, 10.08 Mbit/s
        0x31,                    // 2 layers (1 + 1), OTP, embossed
        0x10,                    // 0.293 um/bit, 0.74 um/track
        0x00, 0x03, 0x00, 0x00,  // data area starts at 030000h
        0x00, 0xfc, 0xff, 0xff,  // ends at FCFFFFh (OTP: layer 1's address)
        0x00, 0x34, 0x1e, 0x2f,  // end of layer 0: 341E2Fh
        0x80,                    // BCA present
    });
    // Only 21 of the 2052 announced bytes: decoded as far as they go, with a note.
    const auto r = mmc::decode_disc_structure(0, 0x00, answer);
    CHECK(r.notes.size() == 1);
    CHECK(text_of(r, "number_of_layers") == "2 layers");
    CHECK(text_of(r, "track_path") == "opposite track path (OTP)");
    CHECK(text_of(r, "maximum_rate") == "10.08 Mbit/s");
    CHECK(text_of(r, "linear_density") == "0.293 um/bit");
    CHECK(text_of(r, "track_density") == "0.74 um/track");
    CHECK(mmc::number_of(r, "data_area_start") == 0x030000);
    CHECK(mmc::number_of(r, "data_area_end") == 0xfcffff);
    CHECK(mmc::number_of(r, "layer0_end") == 0x341e2f);
    CHECK(mmc::number_of(r, "bca") == 1);
}

TEST_CASE("DVD 01h copyright: CSS, region 2 only (MMC-6 §6.23.3.2.2)") {
    const auto r = mmc::decode_disc_structure(
        0, 0x01, structure_fixture("spec-dvd-copyright-css-region2.hex"));
    CHECK(r.notes.empty());
    CHECK(text_of(r, "copyright_protection_type") == "CSS/CPPM");
    CHECK(mmc::number_of(r, "region_mask") == 0xfd);
    CHECK(text_of(r, "playable_regions") == "2");
}

TEST_CASE("DVD 0Eh pre-recorded information: a DVD-R's manufacturer ID (published DAXON016S)") {
    const auto r = mmc::decode_disc_structure(0, mmc::disc_structure::pre_recorded,
                                              structure_fixture("dvdr-pre-recorded-daxon016s.hex"));
    CHECK(r.notes.empty());
    CHECK(r.absent.empty());
    CHECK(mmc::number_of(r, "field_id_3") == 3);
    CHECK(mmc::number_of(r, "field_id_4") == 4);
    CHECK(text_of(r, "manufacturer_id_1") == "DAXON0");
    CHECK(text_of(r, "manufacturer_id_2") == "16S");
}

TEST_CASE("DVD 11h ADIP: a DVD+R's manufacturer and media type ID (published RICOHJPN/R01)") {
    const auto r = mmc::decode_disc_structure(0, mmc::disc_structure::adip,
                                              structure_fixture("dvdplusr-adip-ricohjpn-r01.hex"));
    CHECK(r.notes.empty());
    CHECK(text_of(r, "book_type") == "DVD+R");
    CHECK(mmc::number_of(r, "part_version") == 1);
    CHECK(text_of(r, "manufacturer_id") == "RICOHJPN");
    CHECK(text_of(r, "media_type_id") == "R01");
    CHECK(mmc::number_of(r, "product_revision") == 0);
}

TEST_CASE("DVD 0Fh unique disc identifier (MMC-6 §6.23.3.2.14)") {
    const auto r = mmc::decode_disc_structure(
        0, 0x0f, structure_fixture("spec-dvd-unique-disc-identifier.hex"));
    CHECK(r.notes.empty());
    CHECK(mmc::number_of(r, "random_number") == 0x1234);
    CHECK(text_of(r, "date_time") == "2006-11-01 12:34:56");
}

TEST_CASE("BD 00h disc information: the DI unit of a BD-R (MILLEN/MR1/0)") {
    const auto bytes = structure_fixture("spec-bdr-disc-information.hex");
    const auto r = mmc::decode_disc_structure(mmc::disc_structure::media_bd, 0x00, bytes);
    CHECK(r.notes.empty());
    CHECK(r.absent.empty());
    CHECK(text_of(r, "di_identifier") == "DI");
    CHECK(text_of(r, "disc_type_id") == "BDR");
    CHECK(text_of(r, "disc_size") == "120 mm");
    CHECK(mmc::number_of(r, "disc_class") == 0);
    CHECK(mmc::number_of(r, "disc_version") == 1);
    CHECK(mmc::number_of(r, "number_of_layers") == 1);
    CHECK(text_of(r, "manufacturer_id") == "MILLEN");
    CHECK(text_of(r, "media_type_id") == "MR1");
    // The same bytes asked as DVD are another structure: DVD's 00h layout.
    CHECK(mmc::decode_disc_structure(0, 0x00, bytes).layout !=
          mmc::decode_disc_structure(1, 0x00, bytes).layout);
}

TEST_CASE("FFh disc structure list: QEMU's (hw/ide/atapi.c)") {
    const auto r = mmc::decode_disc_structure(0, mmc::disc_structure::structure_list,
                                              structure_fixture("qemu-dvd-structure-list.hex"));
    CHECK(r.notes.empty());
    const mmc::Value* list = r.find("structures");
    REQUIRE(list != nullptr);
    REQUIRE(list->items.size() == 4);
    const std::array<std::uint64_t, 4> formats = {0x00, 0x01, 0x03, 0x04};
    const std::array<std::uint64_t, 4> lengths = {2052, 8, 192, 2052};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(mmc::number_of(list->items[i], "format_code") == formats[i]);
        CHECK(mmc::number_of(list->items[i], "rds") == 1);
        CHECK(mmc::number_of(list->items[i], "sds") == 0);
        CHECK(mmc::number_of(list->items[i], "structure_length") == lengths[i]);
    }
}

TEST_CASE("A format without a layout: the header and its data in hex; short answers") {
    const Bytes bca = to_bytes({0x00, 0x06, 0x00, 0x00, 0xde, 0xad, 0xbe, 0xef});
    CHECK_FALSE(mmc::disc_structure_decoded(0, 0x03));
    const auto r = mmc::decode_disc_structure(0, 0x03, bca);
    CHECK(r.notes.empty());
    const mmc::Value* data = r.find("structure_data");
    REQUIRE(data != nullptr);
    CHECK(data->bytes == to_bytes({0xde, 0xad, 0xbe, 0xef}));
    // BD has no 0Eh layout: hex, not DVD's pre-recorded information.
    CHECK_FALSE(mmc::disc_structure_decoded(1, 0x0e));
    // One byte: not even the length field.
    const auto tiny = mmc::decode_disc_structure(0, 0x11, to_bytes({0x01}));
    CHECK(tiny.values.empty());
    CHECK_FALSE(tiny.notes.empty());
    // Padding after the announced length is cut off (the allocation length was larger).
    const Bytes padded = to_bytes({0x00, 0x06, 0x00, 0x00, 0x01, 0xfe, 0x00, 0x00, 0xff, 0xff});
    CHECK(text_of(mmc::decode_disc_structure(0, 0x01, padded), "playable_regions") == "1");
}

TEST_CASE("The media ID: which structure a profile asks, and the ID read from it") {
    const auto plus = mmc::media_id_structure(0x001b);  // DVD+R
    REQUIRE(plus);
    CHECK(plus->format == mmc::disc_structure::adip);
    const auto minus = mmc::media_id_structure(0x0011);  // DVD-R Sequential
    REQUIRE(minus);
    CHECK(minus->format == mmc::disc_structure::pre_recorded);
    const auto bd = mmc::media_id_structure(0x0041);  // BD-R SRM
    REQUIRE(bd);
    CHECK(bd->media_type == mmc::disc_structure::media_bd);
    CHECK(bd->format == mmc::disc_structure::physical_format);
    // ROM media, CD and DVD-RAM cost no command.
    for (const std::uint16_t rom : {0x0008, 0x0009, 0x0010, 0x0012, 0x0040})
        CHECK_FALSE(mmc::media_id_structure(rom));

    CHECK(mmc::media_id_of(*plus,
                           mmc::decode_disc_structure(
                               0, 0x11, structure_fixture("dvdplusr-adip-ricohjpn-r01.hex"))) ==
          "RICOHJPN/R01/0");
    CHECK(mmc::media_id_of(*minus,
                           mmc::decode_disc_structure(
                               0, 0x0e, structure_fixture("dvdr-pre-recorded-daxon016s.hex"))) ==
          "DAXON016S");
    CHECK(mmc::media_id_of(*bd, mmc::decode_disc_structure(
                                    1, 0x00, structure_fixture("spec-bdr-disc-information.hex"))) ==
          "MILLEN/MR1/0");
    // A short answer without the IDs: none.
    CHECK_FALSE(
        mmc::media_id_of(*plus, mmc::decode_disc_structure(0, 0x11, to_bytes({0, 2, 0, 0}))));
}
