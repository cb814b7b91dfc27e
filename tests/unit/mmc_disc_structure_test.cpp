// READ DISC STRUCTURE (MMC-6 §6.23): its CDB layout, format C0h (Write Protection Status)
// through its layout (mmc/tables/disc_structure_layouts.cpp) and what it does to IMAPI2's
// WriteProtectStatus. QEMU's drives have no DVD/BD writing: the answers are built from
// MMC-6 §6.23.3's field positions, each byte commented.
#include "mmc/disc_structure.hpp"

#include <doctest/doctest.h>

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
