// The CD structures of READ TOC/PMA/ATIP formats 0010b-0101b (mmc/cd.hpp) through their
// layouts (mmc/tables/cd_layouts.cpp), and the manufacturer table
// (mmc/tables/cd_manufacturers.cpp). Fixtures: tests/fixtures/cd/ (README.md names each
// source: ATIPs rebuilt from published cdrecord -atip logs of named discs, the MusicBrainz
// example disc's Full TOC, libburn's NIGHTCATS CD-TEXT example and its published packs).
#include "mmc/cd.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "mmc/media.hpp"
#include "mmc/tables/cd_layouts.hpp"
#include "mmc/tables/cd_manufacturers.hpp"
#include "util/inhex.hpp"

using namespace discrec;

namespace {

Bytes cd_fixture(const std::string& name) {
    auto data = read_inhex_file(std::string{DISCREC_FIXTURES_DIR} + "/cd/" + name, false);
    REQUIRE_MESSAGE(data.has_value(), "cannot read fixture " << name);
    return *data;
}

std::string text_of(const mmc::Record& r, std::string_view key) {
    const auto* v = r.find(key);
    REQUIRE_MESSAGE(v != nullptr, "no field " << key);
    return v->text;
}

// The strings of one block, "track:key=text" each.
std::vector<std::string> strings_of(const mmc::CdTextBlock& b) {
    std::vector<std::string> out;
    for (const auto& i : b.items) out.push_back(fmt::format("{}:{}={}", i.track, i.key, i.text));
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// One 18-byte pack with its CRC (MMC-6 Annex J), payload padded with NULs.
void add_pack(Bytes& out, std::uint8_t type, std::uint8_t track, std::uint8_t seq,
              std::uint8_t block_byte, std::string_view payload) {
    Bytes p = to_bytes({type, track, seq, block_byte});
    for (std::size_t i = 0; i < 12; ++i)
        p.push_back(static_cast<std::byte>(i < payload.size() ? payload[i] : 0));
    const auto crc = static_cast<std::uint16_t>(~mmc::crc16_ccitt(p));
    p.push_back(static_cast<std::byte>(crc >> 8U));
    p.push_back(static_cast<std::byte>(crc & 0xffU));
    out.insert(out.end(), p.begin(), p.end());
}

Bytes with_header(const Bytes& packs) {
    Bytes out = to_bytes({static_cast<int>((packs.size() + 2) >> 8U),
                          static_cast<int>((packs.size() + 2) & 0xffU), 0, 0});
    out.insert(out.end(), packs.begin(), packs.end());
    return out;
}

// Size information (8Fh) of block 0 with character code `code`, tracks 1-1, language English.
void add_size_information(Bytes& out, std::uint8_t code, std::uint8_t first_seq) {
    std::string info(36, '\0');
    info[0] = static_cast<char>(code);
    info[1] = 1;
    info[2] = 1;
    info[28] = 0x09;
    for (std::uint8_t part = 0; part < 3; ++part)
        add_pack(out, 0x8f, part, static_cast<std::uint8_t>(first_seq + part), 0,
                 std::string_view(info).substr(part * 12, 12));
}

}  // namespace

TEST_CASE("mmc::cd_manufacturer: codes of the public list") {
    const auto* ty = mmc::cd_manufacturer(97, 24, 1);
    REQUIRE(ty != nullptr);
    CHECK(ty->name == "Taiyo Yuden Company Limited");
    CHECK(ty->status == mmc::ManufacturerCodeStatus::permanent);
    // The frame's tens digit names the maker: 97:24:1x is SONY, not Taiyo Yuden.
    CHECK(mmc::cd_manufacturer(97, 24, 10)->name == "SONY Corporation");
    CHECK(mmc::cd_manufacturer(97, 46, 9)->name == "Taiyo Yuden Company Limited");
    CHECK(mmc::cd_manufacturer(97, 25, 31)->name == "INFODISC Technology Co., Ltd.");
    CHECK(mmc::cd_manufacturer(97, 25, 31)->status == mmc::ManufacturerCodeStatus::tentative);
    // A code two makers claimed: the permanent one wins.
    CHECK(mmc::cd_manufacturer(97, 29, 0)->name == "Taeil Media Co., Ltd.");
    CHECK(mmc::cd_manufacturer(97, 17, 5)->status == mmc::ManufacturerCodeStatus::guessed);
    CHECK(mmc::cd_manufacturer(97, 40, 0) == nullptr);  // not assigned
    CHECK(mmc::cd_manufacturer(96, 24, 1) == nullptr);  // codes are all at minute 97
}

TEST_CASE("mmc::decode_atip Taiyo Yuden CD-R (cdrecord -atip log)") {
    const auto r = mmc::decode_atip(cd_fixture("atip-taiyo-yuden-cdr.hex"));
    CHECK(r.notes.empty());
    CHECK(r.absent.empty());
    CHECK(mmc::number_of(r, "writing_power") == 4);
    CHECK(mmc::number_of(r, "uru") == 0);
    CHECK(text_of(r, "disc_type") == "CD-R");
    CHECK(mmc::number_of(r, "disc_sub_type") == 3);
    CHECK(text_of(r, "disc_sub_type") == "medium type A, high beta category (A+)");
    // cdrecord: "ATIP start of lead in: -11849 (97:24/01)", "lead out: 359847 (79:59/72)".
    CHECK(mmc::address_of(r, "lead_in_start") == -11849);
    CHECK(mmc::address_of(r, "last_possible_lead_out") == 359847);
    CHECK(text_of(r, "disc_manufacturer") ==
          "Taiyo Yuden Company Limited (permanent code 97:24:0x)");
    CHECK(text_of(r, "recording_layer") == "long strategy dye (cyanine, azo or similar)");
    CHECK_FALSE(r.find("a1_values")->valid);
}

TEST_CASE("mmc::decode_atip Memorex Ultra Speed CD-RW (FreeBSD list, 2005)") {
    const auto r = mmc::decode_atip(cd_fixture("atip-memorex-ultraspeed-cdrw.hex"));
    CHECK(r.notes.empty());
    CHECK(mmc::number_of(r, "writing_power") == 6);
    CHECK(text_of(r, "disc_type") == "CD-RW");
    CHECK(text_of(r, "disc_sub_type") == "Ultra Speed (8x-24x)");
    // cdrecord: "ATIP start of lead in: -11744 (97:25/31)", "lead out: 359848 (79:59/73)".
    CHECK(mmc::address_of(r, "lead_in_start") == -11744);
    CHECK(mmc::address_of(r, "last_possible_lead_out") == 359848);
    CHECK(text_of(r, "disc_manufacturer") ==
          "INFODISC Technology Co., Ltd. (tentative code 97:25:3x)");
    CHECK(text_of(r, "recording_layer") == "phase change");
}

TEST_CASE("mmc::decode_atip recognises another format's data and short answers") {
    // QEMU's ATAPI drive answers format 0100b with its format 0000b TOC (captures 35).
    const Bytes toc = to_bytes({0x00, 0x12, 0x01, 0x01, 0x00, 0x14, 0x01, 0x00, 0x00, 0x00,
                                0x00, 0x00, 0x00, 0x14, 0xaa, 0x00, 0x00, 0x00, 0x02, 0xd7});
    const auto r = mmc::decode_atip(toc);
    CHECK(r.values.empty());
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].find("another format") != std::string::npos);
    const auto short_answer = mmc::decode_atip(to_bytes({0x00, 0x02, 0x00, 0x00}));
    CHECK(short_answer.values.empty());
    CHECK(short_answer.notes.at(0) == "ATIP is only 4 bytes (needs 15)");
    // Full TOC and PMA check the same way.
    CHECK(mmc::decode_full_toc(toc).values.empty());
    CHECK(mmc::decode_pma(toc).values.empty());
    CHECK(mmc::decode_cd_text(toc).packs.values.empty());
}

TEST_CASE("mmc::decode_full_toc of the MusicBrainz example disc") {
    const auto r = mmc::decode_full_toc(cd_fixture("full-toc-musicbrainz-example.hex"));
    CHECK(r.notes.empty());
    CHECK(mmc::number_of(r, "first_session") == 1);
    const auto* list = r.find("descriptors");
    REQUIRE(list != nullptr);
    REQUIRE(list->items.size() == 9);
    CHECK(text_of(list->items[0], "point") == "first track");
    CHECK(mmc::full_toc_point_text(list->items[0]) == "first track 1, disc type 00h");
    CHECK(mmc::full_toc_point_text(list->items[1]) == "last track 6");
    // cdrecord -toc: "track:lout lba: 95312 ... 21:12:62".
    CHECK(mmc::full_toc_point_text(list->items[2]) == "lead-out starts at 21:12:62 (LBA 95312)");
    CHECK(mmc::full_toc_point_text(list->items[4]) == "starts at 03:24:63 (LBA 15213)");
    CHECK(text_of(list->items[4], "control") ==
          "2-channel audio without pre-emphasis, copy permitted");
}

TEST_CASE("mmc::decode_pma of a CD-R with two tracks") {
    const auto r = mmc::decode_pma(cd_fixture("pma-spec-cdr-two-tracks.hex"));
    CHECK(r.notes.empty());
    const auto* list = r.find("descriptors");
    REQUIRE(list != nullptr);
    REQUIRE(list->items.size() == 2);
    CHECK(hex_bytes(ByteSpan{list->items[1].find("pmin_psec_pframe")->bytes}) == "05 32 00");
    CHECK(hex_bytes(ByteSpan{list->items[1].find("min_sec_frame")->bytes}) == "10 15 20");
}

namespace {

// The one block of a published disc's CD-TEXT: every CRC good, no notes, ISO 8859-1, English,
// tracks 1 to `last_track`.
const mmc::CdTextBlock& only_english_block(const mmc::CdText& t, std::uint8_t last_track) {
    CHECK(t.notes.empty());
    CHECK(t.bad_crc == 0);
    REQUIRE(t.blocks.size() == 1);
    const auto& b = t.blocks[0];
    CHECK(b.character_code == 0x00);
    REQUIRE(b.language.has_value());
    CHECK(mmc::cd_text_language_name(*b.language) == "English");
    CHECK(b.first_track == 1);
    CHECK(b.last_track == last_track);
    return b;
}

}  // namespace

TEST_CASE("mmc::decode_cd_text NIGHTCATS (libburn's example sheet)") {
    const auto t = mmc::decode_cd_text(cd_fixture("cd-text-nightcats.hex"));
    const auto& b = only_english_block(t, 3);
    REQUIRE(b.genre.has_value());
    CHECK(mmc::cd_text_genre_name(*b.genre) == "Classical");
    CHECK(b.genre_text == "Feline classic music");
    const auto s = strings_of(b);
    for (const char* want :
         {"0:title=Joyful Nights", "1:title=Song of Joy", "2:title=Humpty Dumpty",
          "3:title=Mee Owwww", "0:performer=United Cat Orchestra",
          "1:performer=Felix and The Purrs", "2:songwriter=Mother Goose",
          "1:composer=Ludwig van Beethoven", "0:arranger=Tom Cat",
          "2:arranger=Tom Cat",  // written as a TAB: "same as track 1"
          "3:arranger=Mia Kitten", "1:message=Fritz and Louie once were punks",
          "0:disc_id=1234567890", "0:upc_isrc=1234567890123", "3:upc_isrc=XYBLG1100006"}) {
        CHECK_MESSAGE(has(s, want), want);
    }
    CHECK_FALSE(has(s, "3:message="));  // track 3 has an empty message
}

TEST_CASE("mmc::decode_cd_text of a real disc: Krosis, A Memoir of Free Will (libcdio)") {
    // 47 packs as libcdio publishes them (test/data/cdtext-krosis.cdt, README.md), with the
    // strings libcdio's test/cdtext-krosis.right expects: an empty album-level songwriter,
    // composer and arranger (the first string of 82h-84h is empty: track 1 is the next one),
    // TABs for "as the previous track", an ISRC per track; every CRC as the disc has it.
    const auto t = mmc::decode_cd_text(cd_fixture("cd-text-krosis.hex"));
    const auto& b = only_english_block(t, 10);
    const auto s = strings_of(b);
    const char* titles[] = {
        "A Memoir of Free Will",  "Gone But Not Forgotten",         "Insanity A Moniker Of Me",
        "To Persist or Adhere",   "An Elegy for a Man Alive",       "Psychoticlysm",
        "An Intramural Madness",  "Questions of a Holistic Divine", "With Virtue I Am Free",
        "Battles Are Won Within", "A Memior of Free Will"};
    for (int track = 0; track <= 10; ++track) {
        const std::string title = fmt::format("{}:title={}", track, titles[track]);
        CHECK_MESSAGE(has(s, title), title);
        const std::string performer = fmt::format("{}:performer=Krosis", track);
        CHECK_MESSAGE(has(s, performer), performer);
        for (const char* key : {"songwriter", "composer", "arranger"}) {
            const std::string want = fmt::format("{}:{}=Krosis", track, key);
            CHECK_MESSAGE(has(s, want) == (track > 0), want);
        }
        const std::string isrc = fmt::format("{}:upc_isrc=QM72819052{:02}", track, track + 3);
        CHECK_MESSAGE(has(s, isrc) == (track > 0), isrc);
    }
    // Nothing beyond the disc's ten tracks, and no empty string kept as a value.
    for (const auto& item : b.items) {
        CHECK(item.track <= 10);
        CHECK_FALSE(item.text.empty());
    }
}

TEST_CASE("mmc::decode_cd_text reports a bad CRC and names the pack") {
    Bytes packs;
    add_pack(packs, 0x80, 0, 0, 0, std::string_view("Album\0Song\0", 11));
    add_size_information(packs, 0x00, 1);
    packs[16] ^= std::byte{0xff};  // the first pack's CRC, corrupted
    const auto t = mmc::decode_cd_text(with_header(packs));
    CHECK(t.bad_crc == 1);
    REQUIRE_FALSE(t.notes.empty());
    CHECK(t.notes[0].rfind("CD-TEXT pack 1 (type 80h, track 0, sequence 0): CRC", 0) == 0);
    // The text is still decoded: a bad CRC is reported, not hidden, and not dropped.
    CHECK(has(strings_of(t.blocks.at(0)), "1:title=Song"));
}

TEST_CASE("mmc::decode_cd_text character codes: ISO 8859-1, ASCII, MS-JIS") {
    Bytes latin;
    add_pack(latin, 0x80, 0, 0, 0, "Caf\xe9\0");
    add_size_information(latin, 0x00, 1);
    CHECK(has(strings_of(mmc::decode_cd_text(with_header(latin)).blocks.at(0)),
              "0:title=Caf\xc3\xa9"));
    Bytes jis;
    add_pack(jis, 0x80, 0, 0, 0x80, std::string_view("\x93\xfa\x96\x7b\0\0", 6));
    add_size_information(jis, 0x80, 1);
    const auto t = mmc::decode_cd_text(with_header(jis));
    const auto& item = t.blocks.at(0).items.at(0);
    CHECK_FALSE(item.converted);
    CHECK(item.text == "93 fa 96 7b");
    CHECK(t.notes.at(0) ==
          "CD-TEXT block 0: MS-JIS text is shown as its bytes in hex (not converted)");
}

TEST_CASE("mmc::decode_cd_text: published packs' CRCs check good") {
    // libburn doc/cdtext.txt: three 8Fh packs and an 88h pack with the CRCs they were printed with.
    Bytes packs;
    for (const char* hex : {"8f 00 2a 00 01 01 03 00 06 05 04 05 07 06 01 02 48 65",
                            "8f 01 2b 00 00 00 00 00 00 00 06 03 2c 00 00 00 c0 20",
                            "8f 02 2c 00 00 00 00 00 09 00 00 00 00 00 00 00 11 45",
                            "88 00 23 00 01 0e 00 3f 02 12 00 00 00 00 00 00 12 00"}) {
        auto b = parse_hex_text(hex);
        REQUIRE(b.has_value());
        packs.insert(packs.end(), b->begin(), b->end());
    }
    const auto t = mmc::decode_cd_text(with_header(packs));
    CHECK(t.bad_crc == 0);
    REQUIRE(t.blocks.size() == 1);
    CHECK(t.blocks[0].character_code == 0x01);  // "01 = ASCII 7-bit"
    CHECK(t.blocks[0].last_track == 3);
    CHECK(t.blocks[0].language == 0x09);
}

TEST_CASE("mmc::cd_layouts never read past the span") {
    const Bytes junk(40, std::byte{0xff});
    for (const auto* layout : mmc::cd_layouts()) {
        for (std::size_t n = 0; n <= junk.size(); ++n)
            (void)mmc::decode_fields(*layout, ByteSpan{junk}.first(n));
    }
    for (std::size_t n = 0; n <= junk.size(); ++n) {
        const ByteSpan s = ByteSpan{junk}.first(n);
        (void)mmc::decode_atip(s);
        (void)mmc::decode_full_toc(s);
        (void)mmc::decode_pma(s);
        (void)mmc::decode_cd_text(s);
        (void)mmc::decode_sub_channel(s);
    }
}

TEST_CASE("mmc::decode_sub_channel: Media Catalog Number and ISRC") {
    const auto mcn = mmc::decode_sub_channel(cd_fixture("sub-channel-mcn-nightcats.hex"));
    CHECK(mcn.notes.empty());
    CHECK(mcn.layout == &mmc::media_catalog_number_layout());
    CHECK(text_of(mcn, "media_catalog_number") == "1234567890123");
    CHECK(text_of(mcn, "audio_status") == "no current audio status");
    const auto isrc = mmc::decode_sub_channel(cd_fixture("sub-channel-isrc-nightcats-track1.hex"));
    CHECK(isrc.layout == &mmc::isrc_layout());
    CHECK(mmc::number_of(isrc, "track") == 1);
    CHECK(text_of(isrc, "isrc") == "XYBLG1101234");
    // MCVal clear: the number is there but not valid (a disc without a catalog number).
    Bytes none = cd_fixture("sub-channel-mcn-nightcats.hex");
    none[8] = std::byte{0};
    CHECK_FALSE(mmc::decode_sub_channel(none).find("media_catalog_number")->valid);
    // Format 01h (current position) or a TOC in its place: not decoded, named in a note.
    Bytes position = none;
    position[4] = std::byte{1};
    const auto other = mmc::decode_sub_channel(position);
    CHECK(other.values.empty());
    CHECK(other.notes.at(0).find("data format 01h") != std::string::npos);
    // The length field cuts the answer; one that announces more than arrived is a note.
    const auto cut = mmc::decode_sub_channel(
        ByteSpan{cd_fixture("sub-channel-isrc-nightcats-track1.hex")}.first(12));
    CHECK(cut.notes.at(0) == "sub-channel data: the length field announces 24 bytes, 12 arrived");
    CHECK(std::find(cut.absent.begin(), cut.absent.end(), "ISRC") != cut.absent.end());
    CHECK(mmc::decode_sub_channel(to_bytes({0, 0, 0, 0})).notes.at(0) ==
          "sub-channel data is only 4 bytes (needs 5)");
}

TEST_CASE("mmc::decode_full_toc and decode_atip of QEMU's real answers") {
    // The Full TOC of QEMU's test ISO (MSF=1): one data track, lead-out at LBA 697.
    const auto toc = mmc::decode_full_toc(cd_fixture("qemu-full-toc-msf.hex"));
    CHECK(toc.notes.empty());
    const auto* list = toc.find("descriptors");
    REQUIRE(list != nullptr);
    REQUIRE(list->items.size() == 4);
    CHECK(mmc::full_toc_point_text(list->items[0]) == "first track 1, disc type 00h");
    CHECK(mmc::full_toc_point_text(list->items[2]) == "lead-out starts at 00:11:22 (LBA 697)");
    CHECK(mmc::full_toc_point_text(list->items[3]) == "starts at 00:02:00 (LBA 0)");
    CHECK(text_of(list->items[3], "control") == "data, recorded uninterrupted, copy prohibited");
    // QEMU's ATAPI drive answers an ATIP request with its TOC: recognised, not decoded.
    const Bytes answer = cd_fixture("qemu-atapi-atip-request.hex");
    const auto atip = mmc::decode_atip(answer);
    CHECK(atip.values.empty());
    CHECK(atip.notes.at(0) ==
          "ATIP: the drive answered with data of another format (bit 7 of bytes 4 and 6 is "
          "always 1 in an ATIP): not decoded");
    CHECK(mmc::decode_pma(answer).values.empty());
    CHECK(mmc::decode_cd_text(answer).packs.values.empty());
    CHECK(mmc::decode_full_toc(answer).values.empty());
}
