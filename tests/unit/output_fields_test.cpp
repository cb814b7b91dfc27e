// The one text and JSON rendering of decoded fields (output/fields.hpp), on the synthetic
// layouts of every shape (tests/common/synthetic_layouts.hpp) and on a real feature.
#include <doctest/doctest.h>

#include "../common/synthetic_layouts.hpp"
#include "mmc/configuration.hpp"
#include "mmc/feature_fields.hpp"
#include "mmc/mode_page_fields.hpp"
#include "mmc_fixture.hpp"
#include "output/fields.hpp"

namespace {

using namespace discrec;

mmc::Record disc_info() {
    static const Bytes bytes =
        to_bytes({0x00, 0x20, 0x13, 0x01, 0x2c, 0x00, 0x00, 0x80, 0x00, 0x01, 0x00,
                  0x00, 0x12, 0x34, 0x56, 0x78, 0x00, 0x61, 0x1b, 0x23, 0xff, 0xff,
                  0xff, 0x6a, 1,    2,    3,    4,    5,    6,    7,    8});
    return mmc::decode_fields(test::k_disc_info, bytes);
}

}  // namespace

TEST_CASE("output fields: text of every scalar shape") {
    std::string out;
    output::append_fields_text(out, disc_info(), {});
    CHECK(out ==
          "    Disc Information Length: 32\n"
          "    Erasable: yes\n"
          "    Disc Status: 3 (reserved)\n"
          "    Number of First Track on Disc: 1\n"
          "    Number of Sessions: 300\n"
          "    DID_V: yes\n"
          "    DBC_V: no\n"
          "    Disc Identification: 305419896\n"
          "    Last Session Lead-in Start Address: 97:27:35 (LBA -11590)\n"
          "    Last Possible Lead-out Start Address: -150\n"
          "    Disc Bar Code: (not valid)\n");
}

TEST_CASE("output fields: aligned labels and changeable masks") {
    const Bytes bytes = to_bytes({0x00, 0x00, 0x10, 0x00});
    const auto r = mmc::decode_fields(test::k_disc_info, bytes);
    std::string out;
    output::append_fields_text(out, r, {"  ", true, true});
    CHECK(out ==
          "  Disc Information Length:        fixed\n"
          "  Erasable:                       changeable\n"
          "  Disc Status:                    fixed\n"
          "  Number of First Track on Disc:  fixed\n");
    CHECK(output::fields_json(r, true)["erasable"] == true);
    CHECK(output::fields_json(r, true)["disc_status"] == false);
}

TEST_CASE("output fields: JSON of every scalar shape") {
    const auto j = output::fields_json(disc_info());
    CHECK(j["erasable"] == true);
    CHECK(j["disc_status"] == nlohmann::ordered_json{{"value", 3}, {"string", "reserved"}});
    CHECK(j["sessions"] == 300);
    CHECK(j["disc_identification"] == 0x12345678);
    CHECK(j["last_session_lead_in"] ==
          nlohmann::ordered_json{{"msf", "97:27:35"}, {"lba", -11590}});
    CHECK(j["last_possible_lead_out"] == -150);
    CHECK(j["disc_bar_code"].is_null());  // DBC_V clear
}

TEST_CASE("output fields: lists of descriptors, of values, of codes with flags") {
    const Bytes toc = to_bytes({0x00, 0x12, 0x01, 0x02, 0x00, 0x14, 0x01, 0x00, 0x00, 0x00,
                                0x00, 0x00, 0x00, 0x10, 0x02, 0x00, 0x00, 0x00, 0x2e, 0xe0});
    const auto r = mmc::decode_fields(test::k_toc, toc);
    std::string out;
    output::append_fields_text(out, r, {"  ", false, false});
    CHECK(out ==
          "  TOC Data Length: 18\n"
          "  First Track Number: 1\n"
          "  Last Track Number: 2\n"
          "  Track descriptor 1: 1, 0x4, 1, 0\n"
          "  Track descriptor 2: 1, 0x0, 2, 12000\n");
    const auto j = output::fields_json(r);
    CHECK(j["tracks"].size() == 2);
    CHECK(j["tracks"][1] ==
          nlohmann::ordered_json{{"adr", 1}, {"control", 0}, {"track", 2}, {"start", 12000}});

    // Profile List: a code with its CurrentP flag, one line each; JSON the code annotated.
    const auto c =
        mmc::decode_configuration(test::fixture_data("virtio-scsi-11-get-config-hex.txt"));
    const auto f = mmc::decode_feature(c.features.at(0));
    out.clear();
    output::append_fields_text(out, f.record, {});
    CHECK(out == "    Profile: 0x0010 DVD-ROM\n    Profile: 0x0008 CD-ROM (current)\n");
    const auto pj = output::fields_json(f.record)["profiles"];
    CHECK(pj[1] == nlohmann::ordered_json{
                       {"value", 8}, {"hex", "0x0008"}, {"string", "CD-ROM"}, {"current", true}});
}

TEST_CASE("output fields: page 1Ah timers, counted in 100 ms, read in seconds") {
    // SPC-4 §7.5.13 / MMC-6 §7.7: page 1Ah, length 0Ah, Idle and Standby enabled, Idle timer
    // 200 (20 s), Standby timer 15 (1.5 s).
    const Bytes page =
        to_bytes({0x1a, 0x0a, 0x00, 0x03, 0x00, 0x00, 0x00, 0xc8, 0x00, 0x00, 0x00, 0x0f});
    const auto decoded = mmc::decode_mode_page(
        mmc::split_mode_data(page, mmc::ModeDataForm::pages_only).pages.at(0));
    const auto* idle = decoded.record.find("idle_timer_100ms");
    const auto* standby = decoded.record.find("standby_timer_100ms");
    REQUIRE(idle != nullptr);
    REQUIRE(standby != nullptr);
    CHECK(output::value_text(*idle) == "20 s");
    CHECK(output::value_text(*standby) == "1.5 s");
    CHECK(output::value_json(*idle) == 200);  // JSON keeps the count its key names
}
