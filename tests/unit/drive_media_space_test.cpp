// drive::media_space: IMAPI2's TotalSectorsOnMedia, FreeSectorsOnMedia, NextWritableAddress,
// StartAddressOfPreviousSession and LastWrittenAddressOfPreviousSession from the answers of a
// `media` run. Real bytes: QEMU 7.2's CD (tests/fixtures/mmc/README.md: disc information,
// TOC, READ CAPACITY; tests/fixtures/media/qemu-cd-session-info.hex). QEMU's discs are
// complete single-session images and it refuses READ TRACK INFORMATION, so the appendable and
// blank CD-R are built from the MMC-6 field positions (tests/fixtures/media/spec-*.hex, each
// with its source in its header).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "drive/media.hpp"
#include "mmc/capacity.hpp"
#include "mmc/media.hpp"
#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::fixture_data;

namespace {

// READ TOC format 0000b, LBA (MMC-6 §6.26.3.2): track 1 (data, ADR 1) at 0, lead-out at
// `lead_out`.
Bytes one_track_toc(std::uint32_t lead_out) {
    return to_bytes({
        0x00,
        0x12,
        0x01,
        0x01,  // TOC data length 18, tracks 1 to 1
        0x00,
        0x14,
        0x01,
        0x00,
        0x00,
        0x00,
        0x00,
        0x00,  // track 1: ADR 1, data; LBA 0
        0x00,
        0x14,
        0xaa,
        0x00,  // lead-out: ADR 1, data
        static_cast<std::uint8_t>(lead_out >> 24),
        static_cast<std::uint8_t>(lead_out >> 16),
        static_cast<std::uint8_t>(lead_out >> 8),
        static_cast<std::uint8_t>(lead_out),
    });
}

// The invisible track of a blank CD-R (MMC-6 §6.27.3): track 1, session 1, NWA 0 and
// 359846 free blocks (an 80-minute disc).
Bytes blank_cd_r_track() {
    auto t = test::media_fixture("spec-cdr-invisible-track-info.hex");
    for (std::size_t i : {2U, 3U}) t[i] = std::byte{0x01};  // track 1, session 1
    for (std::size_t i : {8U, 9U, 10U, 11U, 12U, 13U, 14U, 15U}) t[i] = std::byte{0};
    const std::uint32_t free = 359846;
    for (std::size_t at : {16U, 24U}) {  // free blocks, track size
        t[at] = std::byte(free >> 24);
        t[at + 1] = std::byte((free >> 16) & 0xff);
        t[at + 2] = std::byte((free >> 8) & 0xff);
        t[at + 3] = std::byte(free & 0xff);
    }
    return t;
}

mmc::Capacity capacity(std::uint32_t last_lba, std::uint32_t block_length) {
    mmc::Capacity c;
    c.usable = true;
    c.last_lba = last_lba;
    c.block_length = block_length;
    return c;
}

}  // namespace

TEST_CASE("drive::media_space of QEMU's complete CD: all used, none free") {
    drive::MediaReport r;
    r.disc_info = mmc::decode_disc_information(fixture_data("piix-37-read-disc-info.txt"), true);
    r.toc = mmc::decode_toc(fixture_data("piix-35-read-toc-f0.txt"), false);
    r.sessions = mmc::decode_session_info(test::media_fixture("qemu-cd-session-info.hex"), false);
    r.capacity = mmc::decode_read_capacity(fixture_data("piix-34-read-capacity.txt"));
    r.track_source = drive::TrackSource::toc;
    REQUIRE(r.capacity->usable);
    const auto lead_out = mmc::lead_out_start(*r.toc);
    REQUIRE(lead_out);
    const auto blocks = r.capacity->blocks();
    CHECK(static_cast<std::uint64_t>(*lead_out) == blocks);  // the image's size, both ways

    const auto s = drive::media_space(r);
    CHECK(s.block_length == 2048);
    CHECK(s.total_sectors == blocks);
    CHECK(s.used_sectors == blocks);
    CHECK(s.free_sectors == 0);
    CHECK(s.bytes(s.total_sectors) == blocks * 2048);
    CHECK(s.bytes(s.free_sectors) == 0);
    CHECK_FALSE(s.next_writable_address);  // nothing can be written
    CHECK(s.previous_session_start == 0);
    CHECK(s.previous_session_last_written == *lead_out - 1);

    // Without READ CAPACITY the TOC's lead-out says how much is used.
    r.capacity.reset();
    const auto t = drive::media_space(r);
    CHECK(t.used_sectors == blocks);
    CHECK(t.total_sectors == blocks);
}

TEST_CASE("drive::media_space of an appendable CD-R (MMC-6 Table 399, §6.27.3)") {
    drive::MediaReport r;
    r.disc_info = mmc::decode_disc_information(
        test::media_fixture("spec-cdr-appendable-disc-info.hex"), true);
    // Session 1: track 1 from 0, lead-out at 3600; session 2's invisible track 2 at 15000
    // (3600 + 6750 lead-out + 4500 lead-in + 150 pregap).
    r.toc = mmc::decode_toc(one_track_toc(3600), false);
    r.sessions = mmc::decode_session_info(test::media_fixture("qemu-cd-session-info.hex"), false);
    r.tracks = {
        mmc::decode_track_information(test::media_fixture("spec-cdr-invisible-track-info.hex"))};
    r.track_source = drive::TrackSource::track_information;

    const auto s = drive::media_space(r);
    CHECK(s.next_writable_address == 15000);
    CHECK(s.free_sectors == 324000);
    CHECK(s.used_sectors == 15000);
    CHECK(s.total_sectors == 339000);
    CHECK(s.bytes(s.free_sectors) == std::uint64_t{324000} * 2048);
    CHECK(s.previous_session_start == 0);
    CHECK(s.previous_session_last_written == 3599);

    // The drive refused READ TRACK INFORMATION: the free space is not known, nor the total.
    r.tracks.clear();
    r.track_source = drive::TrackSource::toc;
    const auto t = drive::media_space(r);
    CHECK_FALSE(t.free_sectors);
    CHECK_FALSE(t.total_sectors);
    CHECK_FALSE(t.next_writable_address);
    CHECK(t.previous_session_start == 0);  // the TOC still says where session 1 is

    // One session, still open: no previous session.
    auto one = test::media_fixture("spec-cdr-appendable-disc-info.hex");
    one[4] = std::byte{0x01};  // Number of Sessions (LSB): 1
    r.disc_info = mmc::decode_disc_information(one, true);
    const auto u = drive::media_space(r);
    CHECK_FALSE(u.previous_session_start);
    CHECK_FALSE(u.previous_session_last_written);
}

TEST_CASE("drive::media_space of a blank CD-R: everything free from address 0") {
    auto disc = test::media_fixture("spec-cdr-appendable-disc-info.hex");
    disc[2] = std::byte{0x00};  // last session Empty, disc status Empty
    disc[4] = std::byte{0x01};  // one session
    drive::MediaReport r;
    r.disc_info = mmc::decode_disc_information(disc, true);
    r.tracks = {mmc::decode_track_information(blank_cd_r_track())};
    r.track_source = drive::TrackSource::track_information;
    const auto s = drive::media_space(r);
    CHECK(s.next_writable_address == 0);
    CHECK(s.used_sectors == 0);
    CHECK(s.free_sectors == 359846);
    CHECK(s.total_sectors == 359846);
    CHECK_FALSE(s.previous_session_start);
    CHECK_FALSE(s.previous_session_last_written);
}

TEST_CASE("drive::media_space of a random-writable medium and of nothing") {
    auto disc = test::media_fixture("spec-cdr-appendable-disc-info.hex");
    disc[2] = std::byte{0x1f};  // erasable, last session Complete, disc status Others
    drive::MediaReport r;
    r.disc_info = mmc::decode_disc_information(disc, false);
    r.capacity = capacity(2295103, 2048);  // a DVD+RW's 2295104 blocks
    const auto s = drive::media_space(r);
    CHECK(s.total_sectors == 2295104);
    CHECK_FALSE(s.free_sectors);  // the file system's to say
    CHECK_FALSE(s.used_sectors);
    CHECK_FALSE(s.next_writable_address);
    CHECK_FALSE(s.previous_session_start);

    // No disc information: nothing is derived; the block length is READ CAPACITY's.
    drive::MediaReport none;
    none.capacity = capacity(99, 2352);
    const auto n = drive::media_space(none);
    CHECK(n.block_length == 2352);
    CHECK_FALSE(n.total_sectors);
    CHECK_FALSE(n.free_sectors);
    CHECK_FALSE(n.bytes(n.free_sectors));
}
