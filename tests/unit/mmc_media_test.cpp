// READ DISC INFORMATION, READ TRACK INFORMATION, READ TOC formats 0000b/0001b through their
// layouts (mmc/tables/media_layouts.cpp), the IMAPI2 views derived from them, and their CDBs.
// Real bytes: QEMU 7.2's answers (tests/fixtures/mmc/README.md). QEMU refuses READ TRACK
// INFORMATION and its discs are single-track data images, so the multisession CD-R, the
// invisible track and the audio CONTROL values are built here byte by byte from the MMC-6
// field positions (§6.22.3.1 Table 399, §6.27.3, §6.26.3.3), each byte commented.
#include "mmc/media.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <utility>

#include "mmc/cdb.hpp"
#include "mmc/tables/media_layouts.hpp"
#include "mmc/tables/media_types.hpp"
#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::cdb_bytes;
using discrec::test::fixture_cdb;
using discrec::test::fixture_data;

namespace {

std::string text_of(const mmc::Record& r, std::string_view key) {
    const auto* v = r.find(key);
    REQUIRE_MESSAGE(v != nullptr, "no field " << key);
    return v->text;
}

// A CD-R with one closed session and an open, still empty second one (MMC-6 Table 399).
Bytes appendable_cd_r_disc_info() {
    return to_bytes({
        0x00, 0x20,              // Disc Information Length: 32
        0x01,                    // not erasable, last session Empty, disc status Incomplete
        0x01,                    // first track on disc 1
        0x02, 0x02, 0x02,        // sessions 2 (LSB), first/last track in last session 2 (LSB)
        0x80,                    // DID_V
        0x20,                    // disc type CD-ROM XA
        0x00, 0x00, 0x00,        // MSBs of sessions, first/last track in last session
        0x12, 0x34, 0x56, 0x78,  // Disc Identification
        0x00, 0x03, 0x29, 0x28,  // next session's lead-in at 03:41:40
        0x00, 0x4f, 0x3b, 0x4a,  // last possible lead-out at 79:59:74
        0,    0,    0,    0,    0, 0, 0, 0,  // Disc Bar Code (not valid)
        0x00,                                // Disc Application Code (not valid)
        0x00,                                // no OPC tables
    });
}

// Track Information of that CD-R's track 2: the invisible track (MMC-6 §6.27.3).
Bytes invisible_track_info() {
    return to_bytes({
        0x00, 0x2e,              // Data Length: 46
        0x02, 0x02, 0x00,        // track 2, session 2 (LSBs)
        0x04,                    // not damaged, no copy; Track Mode 4: data, uninterrupted
        0x41,                    // Blank; Data Mode 1
        0x01,                    // NWA_V
        0x00, 0x00, 0x3a, 0x98,  // track start 15000
        0x00, 0x00, 0x3a, 0x98,  // next writable 15000
        0x00, 0x04, 0xf1, 0xa0,  // free blocks 324000
        0x00, 0x00, 0x00, 0x00,  // fixed packet size
        0x00, 0x04, 0xf1, 0xa0,  // track size 324000
        0x00, 0x00, 0x00, 0x00,  // last recorded address (LRA_V clear)
        0x00, 0x00, 0x00, 0x00,  // MSBs of track and session, reserved
        0x00, 0x00, 0x00, 0x00,  // read compatibility LBA
        0,    0,    0,    0,    0, 0, 0, 0,  // layer jump addresses
    });
}

}  // namespace

TEST_CASE("mmc::decode_disc_information QEMU CD") {
    const auto r = mmc::decode_disc_information(fixture_data("piix-37-read-disc-info.txt"), true);
    CHECK(r.notes.empty());
    CHECK(r.absent.empty());
    CHECK(mmc::number_of(r, "disc_information_length") == 32);
    CHECK(text_of(r, "disc_status") == "Complete");
    CHECK(text_of(r, "last_session_state") == "Complete");
    CHECK(mmc::number_of(r, "erasable") == 0);
    CHECK(mmc::number_of(r, "first_track") == 1);
    CHECK(mmc::number_of(r, "sessions") == 1);
    CHECK(mmc::number_of(r, "first_track_in_last_session") == 1);
    CHECK(mmc::number_of(r, "last_track_in_last_session") == 1);
    CHECK(mmc::number_of(r, "uru") == 1);
    CHECK(text_of(r, "disc_type") == "CD-DA or CD-ROM");
    CHECK_FALSE(mmc::number_of(r, "disc_identification"));  // DID_V clear
    CHECK_FALSE(mmc::number_of(r, "disc_bar_code"));
    CHECK(text_of(r, "last_session_lead_in") == "00:00:00");
    const auto* opc = r.find("opc_table");
    REQUIRE(opc != nullptr);
    CHECK(opc->items.empty());
}

TEST_CASE("mmc::decode_disc_information QEMU DVD: addresses as LBAs") {
    const auto r =
        mmc::decode_disc_information(fixture_data("lsi-dvd-37-read-disc-info.txt"), false);
    CHECK(r.absent.empty());
    CHECK(mmc::address_of(r, "last_session_lead_in") == 0);
    CHECK(mmc::address_of(r, "last_possible_lead_out") == 0);
    CHECK(r.find("last_session_lead_in")->field->shape == mmc::Shape::lba);
    // The empty drive answered NOT READY: no bytes, every field absent, nothing invented.
    const auto empty =
        mmc::decode_disc_information(fixture_data("lsi-empty-37-read-disc-info.txt"), false);
    CHECK(empty.values.empty());
    CHECK_FALSE(empty.notes.empty());
}

TEST_CASE("mmc::decode_disc_information appendable CD-R (constructed from MMC-6 Table 399)") {
    const auto r = mmc::decode_disc_information(appendable_cd_r_disc_info(), true);
    CHECK(text_of(r, "disc_status") == "Incomplete");
    CHECK(text_of(r, "last_session_state") == "Empty");
    CHECK(mmc::number_of(r, "sessions") == 2);
    CHECK(mmc::number_of(r, "disc_identification") == 0x12345678);
    CHECK(text_of(r, "disc_type") == "CD-ROM XA");
    CHECK(text_of(r, "last_session_lead_in") == "03:41:40");
    CHECK(mmc::address_of(r, "last_session_lead_in") == (3 * 60 + 41) * 75 + 40 - 150);
    CHECK(mmc::address_of(r, "last_possible_lead_out") == 359849);
    const auto flags = mmc::media_status_flags(r, false, {});
    CHECK(mmc::media_status_value(flags) == 0x4);  // appendable only

    // Session count split across bytes 4 (LSB) and 9 (MSB).
    auto many = appendable_cd_r_disc_info();
    many[9] = std::byte{0x01};
    CHECK(mmc::number_of(mmc::decode_disc_information(many, true), "sessions") == 258);
}

TEST_CASE("mmc::decode_track_information invisible track (constructed from MMC-6 §6.27.3)") {
    const auto t = mmc::decode_track_information(invisible_track_info());
    CHECK(t.absent.empty());
    CHECK(mmc::number_of(t, "track") == 2);
    CHECK(mmc::number_of(t, "session") == 2);
    CHECK(text_of(t, "track_mode") == "data, recorded uninterrupted, copy prohibited");
    CHECK(text_of(t, "data_mode") == "Mode 1");
    CHECK(mmc::number_of(t, "blank") == 1);
    CHECK(mmc::address_of(t, "track_start") == 15000);
    CHECK(mmc::address_of(t, "next_writable_address") == 15000);
    CHECK_FALSE(mmc::address_of(t, "last_recorded_address"));  // LRA_V clear
    CHECK(mmc::number_of(t, "free_blocks") == 324000);

    const auto disc = mmc::decode_disc_information(appendable_cd_r_disc_info(), true);
    const std::vector<mmc::Record> tracks = {t};
    CHECK(mmc::free_blocks(disc, tracks) == 324000);
    CHECK(mmc::next_writable_address(tracks) == 15000);
    CHECK_FALSE(mmc::free_blocks(disc, {}));  // no track information: not known

    // An MMC-2 drive's 28-byte answer: what is there is decoded, the rest listed absent.
    auto old = invisible_track_info();
    old.resize(28);
    old[1] = std::byte{26};
    const auto o = mmc::decode_track_information(old);
    CHECK(mmc::number_of(o, "free_blocks") == 324000);
    CHECK_FALSE(o.absent.empty());
}

TEST_CASE("mmc::decode_toc QEMU CD and DVD, LBA and MSF") {
    const auto lba = mmc::decode_toc(fixture_data("piix-35-read-toc-f0.txt"), false);
    CHECK(lba.notes.empty());
    CHECK(mmc::number_of(lba, "first_track") == 1);
    CHECK(mmc::number_of(lba, "last_track") == 1);
    const auto& tracks = lba.find("tracks")->items;
    REQUIRE(tracks.size() == 2);  // the 804 bytes are padding after the 20 the length covers
    CHECK(mmc::number_of(tracks[0], "track") == 1);
    CHECK(mmc::number_of(tracks[0], "adr") == 1);
    CHECK(text_of(tracks[0], "control") == "data, recorded uninterrupted, copy prohibited");
    CHECK(mmc::address_of(tracks[0], "start") == 0);
    CHECK(mmc::number_of(tracks[1], "track") == mmc::k_lead_out_track);
    CHECK(mmc::address_of(tracks[1], "start") == 697);

    const auto msf = mmc::decode_toc(fixture_data("piix-36-read-toc-f0-msf.txt"), true);
    const auto& m = msf.find("tracks")->items;
    REQUIRE(m.size() == 2);
    CHECK(text_of(m[0], "start") == "00:02:00");
    CHECK(mmc::address_of(m[0], "start") == 0);
    CHECK(text_of(m[1], "start") == "00:11:22");
    CHECK(mmc::address_of(m[1], "start") == 697);

    // A DVD has no MSF addresses: QEMU converts LBA 524288 to 116:32:38, past a CD's range,
    // where MSF minutes from 90 on are the lead-in (MMC-6 §4.2.3.4). That is why `media` asks
    // for MSF on CD only.
    const auto dvd = mmc::decode_toc(fixture_data("lsi-dvd-36-read-toc-f0-msf.txt"), true);
    CHECK(text_of(dvd.find("tracks")->items.at(1), "start") == "116:32:38");
    CHECK(mmc::address_of(dvd.find("tracks")->items.at(1), "start") == 524438 - 450150);
    const auto dvd_lba = mmc::decode_toc(fixture_data("lsi-dvd-35-read-toc-f0.txt"), false);
    CHECK(mmc::address_of(dvd_lba.find("tracks")->items.at(1), "start") == 524288);
}

TEST_CASE("mmc::toc_in_msf: the LBA TOC rewritten gives the drive's own MSF answer") {
    // QEMU's CD answered both (captures 35 and 36): the computed MSF TOC is byte for byte the
    // MSF answer, over the whole 804-byte transfer (the padding after the length is copied).
    const auto lba = fixture_data("piix-35-read-toc-f0.txt");
    const auto msf = fixture_data("piix-36-read-toc-f0-msf.txt");
    CHECK(mmc::toc_in_msf(lba) == msf);
    for (auto n : {0U, 3U, 4U, 11U, 12U, 19U}) {  // short answers: copied, never read past
        const auto cut = ByteSpan{lba}.first(std::min<std::size_t>(n, lba.size()));
        CHECK(mmc::toc_in_msf(cut).size() == cut.size());
    }
}

TEST_CASE("mmc::lba_to_msf inverts msf_to_lba (MMC-6 §4.2.3.4)") {
    for (std::int64_t lba : {-45150, -151, -150, 0, 697, 16 * 75, 404849}) {
        const auto m = mmc::lba_to_msf(lba);
        CHECK(mmc::msf_to_lba(m.m, m.s, m.f) == lba);
    }
    CHECK(mmc::lba_to_msf(0).s == 2);
    CHECK(mmc::lba_to_msf(697).s == 11);
    CHECK(mmc::lba_to_msf(697).f == 22);
    const auto far = mmc::lba_to_msf(524288);  // a DVD's lead-out: past 99:59:74, clamped
    CHECK(far.m == 99);
    CHECK(far.f == 74);
}

TEST_CASE("mmc::decode_toc truncated: decoded as far as valid, with a note") {
    auto b = fixture_data("piix-35-read-toc-f0.txt");
    b.resize(15);  // the lead-out descriptor cut off
    const auto r = mmc::decode_toc(b, false);
    CHECK(r.find("tracks")->items.size() == 1);
    CHECK(r.notes.size() >= 1);
}

TEST_CASE("mmc::decode_session_info") {
    // Two sessions; the last complete one starts with track 3 at LBA 12000 (MMC-6 §6.26.3.3).
    const auto s = mmc::decode_session_info(
        to_bytes({0x00, 0x0a, 0x01, 0x02, 0x00, 0x14, 0x03, 0x00, 0x00, 0x00, 0x2e, 0xe0}), false);
    CHECK(s.notes.empty());
    CHECK(mmc::number_of(s, "first_session") == 1);
    CHECK(mmc::number_of(s, "last_session") == 2);
    CHECK(mmc::number_of(s, "first_track_in_last_session") == 3);
    CHECK(mmc::address_of(s, "start") == 12000);
    // Format 0000b data (QEMU ATAPI's answer when the format is asked only in byte 2): its
    // length is not 10; recognised, not decoded as sessions.
    const auto wrong = mmc::decode_session_info(fixture_data("piix-35-read-toc-f0.txt"), false);
    CHECK(wrong.values.empty());
    REQUIRE(wrong.notes.size() == 1);
    CHECK(wrong.notes[0].find("another format") != std::string::npos);
}

TEST_CASE("mmc media layouts: CONTROL names (MMC-6 §4.2.3)") {
    const auto control = [](int v) {
        auto b = fixture_data("piix-35-read-toc-f0.txt");
        b[5] = static_cast<std::byte>(0x10 | v);
        return text_of(mmc::decode_toc(b, false).find("tracks")->items.at(0), "control");
    };
    CHECK(control(0x0) == "2-channel audio without pre-emphasis, copy prohibited");
    CHECK(control(0x9) == "4-channel audio with pre-emphasis, copy prohibited");
    CHECK(control(0x6) == "data, recorded uninterrupted, copy permitted");
    CHECK(control(0x5) == "data, recorded incrementally, copy prohibited");
    CHECK(control(0xc).empty());  // data with bit 3: reserved
}

TEST_CASE("mmc media: CDBs as sg_raw sent them in the captures") {
    CHECK(cdb_bytes(mmc::read_disc_information(34)) == fixture_cdb("piix-37-read-disc-info.txt"));
    CHECK(cdb_bytes(mmc::read_track_information(1, 48)) ==
          fixture_cdb("piix-38-read-track-info-1.txt"));
    CHECK(cdb_bytes(mmc::read_toc(0, false, 0, 804)) == fixture_cdb("piix-35-read-toc-f0.txt"));
    CHECK(cdb_bytes(mmc::read_toc(0, true, 0, 804)) == fixture_cdb("piix-36-read-toc-f0-msf.txt"));
    // Format 1: byte 2 (MMC) and byte 9 bits 7-6 (SFF-8020i, where ATAPI drives look).
    CHECK(cdb_bytes(mmc::read_toc(1, false, 0, 12)) ==
          to_bytes({0x43, 0, 0x01, 0, 0, 0, 0, 0, 0x0c, 0x40}));
    CHECK(cdb_bytes(mmc::read_toc(4, false, 0, 12))[9] == std::byte{0});
}

TEST_CASE("mmc::physical_media_type and media status of a ROM disc") {
    CHECK(mmc::physical_media_type(0x0008).imapi_name == "IMAPI_MEDIA_TYPE_CDROM");
    CHECK(mmc::physical_media_type(0x0008).imapi_value == 1);
    CHECK(mmc::physical_media_type(0x002b).name == "DVD+R DL");
    CHECK(mmc::physical_media_type(0x002b).imapi_value == 8);
    CHECK(mmc::physical_media_type(0x0043).imapi_value == 19);
    CHECK(mmc::physical_media_type(0x0017).imapi_value == 0);  // DVD-RW DL: IMAPI2 has none
    CHECK(mmc::physical_media_type(0x0000).imapi_name == "IMAPI_MEDIA_TYPE_UNKNOWN");
    const auto cd = mmc::decode_disc_information(fixture_data("piix-37-read-disc-info.txt"), true);
    const auto flags = mmc::media_status_flags(cd, true, {true, "read-only medium"});
    // finalized (complete, not erasable) + write protected + unsupported (a ROM medium)
    CHECK(mmc::media_status_value(flags) == 0xe000);
    CHECK(mmc::free_blocks(cd, {}) == 0);  // a complete disc has no room
}

TEST_CASE("mmc media decoders: every prefix and random bytes stay in the span") {
    const auto cd = fixture_data("piix-37-read-disc-info.txt");
    test::decode_prefixes_and_noise(cd, [](ByteSpan b) {
        (void)mmc::decode_disc_information(b, true);
        (void)mmc::decode_disc_information(b, false);
        (void)mmc::decode_session_info(b, true);
    });
    test::decode_prefixes_and_noise(invisible_track_info(),
                                    [](ByteSpan b) { (void)mmc::decode_track_information(b); });
    test::decode_prefixes_and_noise(fixture_data("piix-36-read-toc-f0-msf.txt"), [](ByteSpan b) {
        (void)mmc::decode_toc(b, true);
        (void)mmc::decode_toc(b, false);
    });
}

// ------------------------------------------------------------------ READ FORMAT CAPACITIES

namespace {

// A blank DVD+RW (MMC-6 §6.24.3): the unformatted capacity, one formattable descriptor (26h).
Bytes blank_dvd_plus_rw_format_capacities() {
    return to_bytes({
        0x00, 0x00, 0x00, 0x10,  // capacity list header: 16 bytes of descriptors follow
        0x00, 0x23, 0x05, 0x40,  // current/maximum: 2295104 blocks
        0x01,                    // descriptor type 01b: unformatted or blank media
        0x00, 0x08, 0x00,        // block length 2048
        0x00, 0x23, 0x05, 0x40,  // formattable: 2295104 blocks
        0x98,                    // format type 26h (bits 7-2): DVD+RW Basic Format
        0x00, 0x00, 0x00,        // type dependent parameter 0
    });
}

// A formatted BD-RE (MMC-6 §6.24.3, format types of §6.5.4.2): 00h, 30h twice, 31h.
Bytes formatted_bd_re_format_capacities() {
    return to_bytes({
        0x00, 0x00, 0x00, 0x28,                          // 40 bytes: five descriptors
        0x00, 0xb4, 0x74, 0x00, 0x02, 0x00, 0x08, 0x00,  // formatted: 11826176 x 2048
        0x00, 0xb4, 0x74, 0x00, 0x00, 0x00, 0x30, 0x00,  // 00h Full Format, spare 3000h
        0x00, 0xb4, 0x74, 0x00, 0xc0, 0x00, 0x30, 0x00,  // 30h, spare 3000h
        0x00, 0xb0, 0x74, 0x00, 0xc0, 0x00, 0x50, 0x00,  // 30h, spare 5000h: 11564032
        0x00, 0xba, 0x74, 0x00, 0xc4, 0x00, 0x08, 0x00,  // 31h: 12219392
    });
}

const mmc::Value& formattable(const mmc::Record& r) {
    const auto* v = r.find("formattable");
    REQUIRE(v != nullptr);
    return *v;
}

}  // namespace

TEST_CASE("mmc::decode_format_capacities blank DVD+RW (constructed from MMC-6 §6.24.3)") {
    const auto r = mmc::decode_format_capacities(blank_dvd_plus_rw_format_capacities());
    CHECK(r.notes.empty());
    CHECK(mmc::number_of(r, "capacity_list_length") == 16);
    CHECK(mmc::number_of(r, "blocks") == 2295104);
    CHECK(text_of(r, "descriptor_type") ==
          "Unformatted or Blank Media (maximum formattable capacity)");
    CHECK(mmc::number_of(r, "block_length") == 2048);
    const auto& list = formattable(r);
    REQUIRE(list.items.size() == 1);
    CHECK(mmc::number_of(list.items[0], "blocks") == 2295104);
    CHECK(mmc::number_of(list.items[0], "format_type") == 0x26);
    CHECK(text_of(list.items[0], "format_type").find("DVD+RW Basic Format") != std::string::npos);
}

TEST_CASE("mmc::decode_format_capacities formatted BD-RE (constructed from MMC-6 §6.24.3)") {
    const auto r = mmc::decode_format_capacities(formatted_bd_re_format_capacities());
    CHECK(r.notes.empty());
    CHECK(text_of(r, "descriptor_type") == "Formatted Media (current capacity)");
    CHECK(mmc::number_of(r, "blocks") == 11826176);
    const auto& list = formattable(r);
    REQUIRE(list.items.size() == 4);
    const std::array<std::uint64_t, 4> types = {0x00, 0x30, 0x30, 0x31};
    const std::array<std::uint64_t, 4> blocks = {11826176, 11826176, 11564032, 12219392};
    const std::array<std::uint64_t, 4> spare = {0x3000, 0x3000, 0x5000, 0x800};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(mmc::number_of(list.items[i], "format_type") == types[i]);
        CHECK(mmc::number_of(list.items[i], "blocks") == blocks[i]);
        CHECK(mmc::number_of(list.items[i], "type_dependent_parameter") == spare[i]);
    }
    CHECK(text_of(list.items[0], "format_type").find("Full Format") != std::string::npos);
    CHECK(text_of(list.items[1], "format_type").find("BD-RE Full Format with Spare Areas") !=
          std::string::npos);
    CHECK(text_of(list.items[3], "format_type").find("without Spare Areas") != std::string::npos);
}

TEST_CASE("mmc::decode_format_capacities names MMC-6's format types, reserved ones as such") {
    // Format type in byte 4 bits 7-2 of a formattable descriptor (MMC-6 §6.5.4.2).
    // A reserved type has no name (the renderers show "reserved").
    const std::array<std::pair<std::uint8_t, std::string_view>, 8> named = {{
        {0x00, "Full Format"},
        {0x01, "Spare Area Expansion"},
        {0x10, "CD-RW/DVD-RW Full Format"},
        {0x11, "CD-RW/DVD-RW Grow Session"},
        {0x15, "DVD-RW Quick"},
        {0x26, "DVD+RW Basic Format"},
        {0x32, "BD-R Full Format with Spare Areas"},
        {0x3f, ""},
    }};
    for (const auto& [type, name] : named) {
        auto bytes = blank_dvd_plus_rw_format_capacities();
        bytes[16] = static_cast<std::byte>(type << 2);
        const auto r = mmc::decode_format_capacities(bytes);
        CAPTURE(type);
        const auto text = text_of(formattable(r).items[0], "format_type");
        CHECK((name.empty() ? text.empty() : text.find(name) != std::string::npos));
    }
}

TEST_CASE("mmc::decode_format_capacities truncated and inconsistent answers") {
    auto bytes = blank_dvd_plus_rw_format_capacities();
    // Cut inside the formattable descriptor: the current one is decoded, a note says why.
    const auto cut = mmc::decode_format_capacities(ByteSpan(bytes).first(15));
    CHECK(mmc::number_of(cut, "blocks") == 2295104);
    CHECK(formattable(cut).items.empty());
    CHECK(std::any_of(cut.notes.begin(), cut.notes.end(), [](const std::string& n) {
        return n.find("announces 20 bytes, 15 arrived") != std::string::npos;
    }));
    // Cut inside the current descriptor: the header and what arrived of it, noted.
    const auto tiny = mmc::decode_format_capacities(ByteSpan(bytes).first(11));
    CHECK(mmc::number_of(tiny, "capacity_list_length") == 16);
    CHECK(mmc::number_of(tiny, "blocks") == 2295104);
    CHECK_FALSE(mmc::number_of(tiny, "block_length").has_value());
    CHECK(std::any_of(tiny.notes.begin(), tiny.notes.end(), [](const std::string& n) {
        return n.find("announces 20 bytes, 11 arrived") != std::string::npos;
    }));
    // Without the 4-byte header: nothing decoded.
    const auto headless = mmc::decode_format_capacities(ByteSpan(bytes).first(3));
    CHECK(headless.values.empty());
    CHECK(!headless.notes.empty());
    // A list length that is no multiple of 8: noted; padding after the list is not read.
    bytes[3] = std::byte{0x0c};
    bytes.push_back(std::byte{0xff});
    const auto odd = mmc::decode_format_capacities(bytes);
    CHECK(!odd.notes.empty());
    CHECK(formattable(odd).items.empty());
    test::decode_prefixes_and_noise(formatted_bd_re_format_capacities(),
                                    [](ByteSpan b) { (void)mmc::decode_format_capacities(b); });
}

TEST_CASE("mmc::read_format_capacities CDB (MMC-6 §6.24.2)") {
    CHECK(cdb_bytes(mmc::read_format_capacities(0x104)) ==
          to_bytes({0x23, 0, 0, 0, 0, 0, 0, 0x01, 0x04, 0}));
}

// ------------------------------------------------------------------ write protection

namespace {

// A GET CONFIGURATION answer (MMC-6 §6.6.2): the 8-byte Feature Header with `profile`, then
// `features` (each a whole descriptor: code, version/persistent/current, length, data).
Bytes configuration_answer(std::uint16_t profile, const std::vector<Bytes>& features) {
    Bytes body;
    for (const auto& f : features) body.insert(body.end(), f.begin(), f.end());
    const auto length = static_cast<std::uint32_t>(body.size() + 4);
    Bytes out = to_bytes({0, 0, static_cast<int>(length >> 8), static_cast<int>(length & 0xff), 0,
                          0, profile >> 8, profile & 0xff});
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

// Write Protect (0004h, MMC-6 §5.3.4): current, SPWP set.
const Bytes k_write_protect_spwp = to_bytes({0x00, 0x04, 0x01, 0x04, 0x02, 0, 0, 0});
// Random Writable (0020h, §5.3.11), current: block size 2048, blocking 16, PP.
const Bytes k_random_writable =
    to_bytes({0x00, 0x20, 0x05, 0x0c, 0, 0, 0, 0, 0, 0, 0x08, 0, 0, 0x10, 0x01, 0});
// DVD+RW (002Ah, §5.3.25), current, Write bit set: what the drive can do.
const Bytes k_dvd_plus_rw_write = to_bytes({0x00, 0x2a, 0x05, 0x04, 0x01, 0, 0, 0});
// DVD+R (002Bh, §5.3.26), current, with and without the Write bit.
const Bytes k_dvd_plus_r_write = to_bytes({0x00, 0x2b, 0x01, 0x04, 0x01, 0, 0, 0});
const Bytes k_dvd_plus_r_read_only = to_bytes({0x00, 0x2b, 0x01, 0x04, 0x00, 0, 0, 0});

mmc::WriteProtection protection(std::uint16_t profile, const std::vector<Bytes>& features) {
    return mmc::write_protection_from_features(
        mmc::decode_configuration(configuration_answer(profile, features)), "medium");
}

}  // namespace

TEST_CASE("mmc::write_protection_from_features (constructed from MMC-6 §5.3)") {
    // A DVD+RW the drive can write: Random Writable is current.
    auto wp = protection(0x001a, {k_write_protect_spwp, k_random_writable, k_dvd_plus_rw_write});
    CHECK(wp.is_protected == false);
    CHECK(wp.reason.find("0020h (Random Writable)") != std::string::npos);
    // The same DVD+RW write protected: Random Writable gone; DVD+RW's Write bit is the drive's.
    wp = protection(0x001a, {k_write_protect_spwp, k_dvd_plus_rw_write});
    CHECK(wp.is_protected == true);
    CHECK(wp.reason.find("Write Protect (0004h: SPWP)") != std::string::npos);
    // DVD+R: its own feature's Write bit decides.
    CHECK(protection(0x001b, {k_dvd_plus_r_write}).is_protected == false);
    wp = protection(0x001b, {k_dvd_plus_r_read_only});
    CHECK(wp.is_protected == true);
    CHECK(wp.reason.find("cannot write") != std::string::npos);
    // A feature that is present but not current says nothing.
    auto not_current = k_random_writable;
    not_current[2] = std::byte{0x04};
    CHECK(protection(0x001a, {not_current}).is_protected == true);
    // No usable answer: not determined.
    CHECK(!mmc::write_protection_from_features(mmc::decode_configuration(to_bytes({0, 0})), "x")
               .is_protected.has_value());
}
