// Disc IDs of audio CDs (mmc/disc_id.hpp) against the published algorithm's worked examples:
// the six-track disc of https://musicbrainz.org/doc/Disc_ID_Calculation
// (49HHV7Eb8UKF3aQiNmu1GR8vKTY-) and the 22-track TOC of libdiscid's test/test.c (MusicBrainz
// xUp1F2NkfP8s8jaeFn_Av3jNEI4-, freedb 370fce16).
#include "mmc/disc_id.hpp"

#include <doctest/doctest.h>

#include <string>

#include "mmc/media.hpp"
#include "util/inhex.hpp"

using namespace discrec;

TEST_CASE("mmc::disc_ids_from_offsets: libdiscid's test TOC") {
    const std::vector<std::uint32_t> offsets = {
        150,    9700,   25887,  39297,  53795,  63735,  77517,  94877,  107270, 123552, 135522,
        148422, 161197, 174790, 192022, 205545, 218010, 228700, 239590, 255470, 266932, 288750};
    const auto ids = mmc::disc_ids_from_offsets(1, 22, 303602, offsets);
    CHECK(ids.musicbrainz == "xUp1F2NkfP8s8jaeFn_Av3jNEI4-");
    CHECK(ids.freedb == 0x370fce16U);
    CHECK(ids.musicbrainz_toc ==
          "1 22 303602 150 9700 25887 39297 53795 63735 77517 94877 107270 123552 135522 148422 "
          "161197 174790 192022 205545 218010 228700 239590 255470 266932 288750");
}

TEST_CASE("mmc::audio_disc_ids: MusicBrainz's example disc, from its TOC") {
    auto data = read_inhex_file(
        std::string{DISCREC_FIXTURES_DIR} + "/cd/toc-musicbrainz-example.hex", false);
    REQUIRE(data.has_value());
    const auto ids = mmc::audio_disc_ids(mmc::decode_toc(*data, false));
    REQUIRE(ids.has_value());
    CHECK(ids->musicbrainz == "49HHV7Eb8UKF3aQiNmu1GR8vKTY-");
    CHECK(ids->musicbrainz_toc == "1 6 95462 150 15363 32314 46592 63414 80489");
    CHECK(ids->notes.empty());
}

TEST_CASE("mmc::audio_disc_ids: a data disc has none; an enhanced CD leaves its data track out") {
    // QEMU's data CD (tests/fixtures/media/qemu-cd-toc.hex): one data track.
    auto qemu =
        read_inhex_file(std::string{DISCREC_FIXTURES_DIR} + "/media/qemu-cd-toc.hex", false);
    REQUIRE(qemu.has_value());
    CHECK_FALSE(mmc::audio_disc_ids(mmc::decode_toc(*qemu, false)).has_value());
    // Two audio tracks, then a data track in a second session at LBA 30000 (MMC-6 §6.26.3.2).
    const Bytes toc = to_bytes({0x00, 0x22, 0x01, 0x03,                          //
                                0x00, 0x10, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,  // 1: audio, 0
                                0x00, 0x10, 0x02, 0x00, 0x00, 0x00, 0x27, 0x10,  // 2: audio, 10000
                                0x00, 0x14, 0x03, 0x00, 0x00, 0x00, 0x75, 0x30,  // 3: data, 30000
                                0x00, 0x14, 0xaa, 0x00, 0x00, 0x00, 0x9c, 0x40});  // lead-out 40000
    const auto ids = mmc::audio_disc_ids(mmc::decode_toc(toc, false));
    REQUIRE(ids.has_value());
    // Audio session: tracks 1-2, lead-out at 30000 + 150 - 11400.
    CHECK(ids->musicbrainz_toc == "1 2 18750 150 10150");
    CHECK(ids->musicbrainz == mmc::disc_ids_from_offsets(1, 2, 18750, {150, 10150}).musicbrainz);
    CHECK(ids->notes.size() == 1);
    // freedb keeps all three tracks and the disc's lead-out.
    CHECK((ids->freedb & 0xffU) == 3);
}
