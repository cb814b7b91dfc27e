#include "mmc/mode_page_fields.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

#include "mmc/tables/mode_pages.hpp"
#include "mmc_fixture.hpp"
#include "util/inhex.hpp"

using namespace discrec;

namespace {

Bytes modes_fixture(const std::string& name) {
    auto bytes = read_inhex_file(std::string{DISCREC_FIXTURES_DIR} + "/modes/" + name, false);
    REQUIRE_MESSAGE(bytes.has_value(), name);
    return *bytes;
}

// A bare page as decode_mode_page() gets it from the page splitter.
mmc::DecodedModePage decode_bare(const Bytes& page) {
    const auto params = mmc::split_mode_data(page, mmc::ModeDataForm::pages_only);
    REQUIRE(params.pages.size() == 1);
    return mmc::decode_mode_page(params.pages[0]);
}

const mmc::Value* field(const mmc::DecodedModePage& p, std::string_view key) {
    return p.record.find(key);
}

// Page 2Ah's write speed descriptors: (kB/s, rotation control) each.
std::vector<std::pair<std::uint64_t, std::uint64_t>> write_speeds(const mmc::DecodedModePage& p) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
    if (const auto* list = field(p, "write_speed_descriptors")) {
        for (const auto& d : list->items) {
            out.emplace_back(d.find("write_speed_kbps")->number,
                             d.find("rotation_control")->number);
        }
    }
    return out;
}

std::uint64_t value(const mmc::DecodedModePage& p, std::string_view key) {
    const auto* f = field(p, key);
    REQUIRE_MESSAGE(f != nullptr, key);
    return f->number;
}

}  // namespace

TEST_CASE("mmc::mode_page_layouts: every required page, sane rows") {
    for (std::uint8_t code : {0x01, 0x05, 0x07, 0x08, 0x0d, 0x0e, 0x1a, 0x1c, 0x1d, 0x2a}) {
        CAPTURE(int{code});
        const auto* layout = mmc::find_mode_page_layout(code);
        REQUIRE(layout != nullptr);
        CHECK(!layout->layout.source.empty());
        CHECK(mmc::find_mode_page(code) != nullptr);  // named in the page table too
        std::set<std::string_view> keys;
        std::map<std::pair<unsigned, unsigned>, std::string_view> bits;  // (byte, bit) -> key
        for (const auto& row : layout->layout.fields) {
            if (row.shape == mmc::Shape::list)
                continue;  // 2Ah's descriptors: a layout of their own
            CAPTURE(row.key);
            CHECK(keys.insert(row.key).second);
            CHECK(row.byte >= 2);  // bytes 0-1 are the page header
            CHECK(row.width >= 1);
            CHECK(row.lsb < 8);
            CHECK(!row.label.empty());
            CHECK((row.shape != mmc::Shape::enumeration) == (row.namer == nullptr));
            if (row.shape == mmc::Shape::flag) CHECK(row.width == 1);
            if (row.shape == mmc::Shape::ascii || row.shape == mmc::Shape::hex) {
                CHECK(row.lsb == 0);
                CHECK(row.width % 8 == 0);
            }
            for (char c : row.key)
                CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'));
            // No two fields share a bit.
            for (unsigned i = 0; i < row.width; ++i) {
                const unsigned abs_bit = row.lsb + i;
                const unsigned byte =
                    row.byte + static_cast<unsigned>(row.byte_count()) - 1 - abs_bit / 8;
                // Not a structured binding: CHECK_MESSAGE captures it in a lambda, which
                // clang before 16 refuses for bindings (C++20 P1381).
                const auto inserted = bits.emplace(std::pair{byte, abs_bit % 8}, row.key);
                CHECK_MESSAGE(inserted.second, row.key << " overlaps " << inserted.first->second);
            }
        }
    }
    CHECK(mmc::find_mode_page_layout(0x3f) == nullptr);
}

TEST_CASE("mmc::read_number: bit fields, multi-byte fields, bounds") {
    const Bytes page = to_bytes({0x2a, 0x06, 0xff, 0x00, 0x12, 0x34, 0x29, 0x80});
    const auto read = [&](std::uint16_t byte, std::uint8_t lsb, std::uint16_t width) {
        std::uint64_t v = 0;
        const mmc::Field f{.key = "k", .label = "x", .byte = byte, .lsb = lsb, .width = width};
        return mmc::read_number(f, page, 0, v) ? std::optional<std::uint64_t>(v) : std::nullopt;
    };
    CHECK(read(6, 5, 3) == 1U);  // 0x29 >> 5
    CHECK(read(6, 0, 1) == 1U);
    CHECK(read(6, 1, 1) == 0U);
    CHECK(read(4, 0, 16) == 0x1234U);
    CHECK(read(4, 4, 12) == 0x123U);
    CHECK(read(7, 0, 16) == std::nullopt);
    CHECK(read(8, 0, 1) == std::nullopt);
}

TEST_CASE("mmc::decode_mode_page 2Ah, QEMU ATAPI (real bytes, MMC-2 length 14h)") {
    const Bytes data = modes_fixture("qemu-atapi-2a-sense10.hex");
    REQUIRE(mmc::detect_mode_data_form(data) == mmc::ModeDataForm::sense10);
    const auto params = mmc::split_mode_data(data, mmc::ModeDataForm::sense10);
    REQUIRE(params.pages.size() == 1);
    const auto p = mmc::decode_mode_page(params.pages[0]);
    REQUIRE(p.layout != nullptr);
    CHECK(p.page_length == 0x14);
    // byte 2 = 3Bh: DVD-RAM, DVD-R, DVD-ROM, CD-RW, CD-R read; no Method 2
    CHECK(value(p, "dvd_ram_read") == 1);
    CHECK(value(p, "dvd_r_read") == 1);
    CHECK(value(p, "dvd_rom_read") == 1);
    CHECK(value(p, "method2") == 0);
    CHECK(value(p, "cd_rw_read") == 1);
    CHECK(value(p, "cd_r_read") == 1);
    CHECK(value(p, "cd_r_write") == 0);  // byte 3 = 00h: a reader
    CHECK(value(p, "dvd_r_write") == 0);
    // byte 4 = 71h: multi-session, mode 2 form 2 and form 1, audio play
    CHECK(value(p, "multi_session") == 1);
    CHECK(value(p, "mode2_form2") == 1);
    CHECK(value(p, "mode2_form1") == 1);
    CHECK(value(p, "audio_play") == 1);
    CHECK(value(p, "buf") == 0);
    CHECK(value(p, "upc") == 1);  // byte 5 = 60h
    CHECK(value(p, "isrc") == 1);
    // byte 6 = 29h: tray (001b), eject, lock; not locked now, no jumper
    CHECK(value(p, "loading_mechanism") == 1);
    CHECK(field(p, "loading_mechanism")->field->namer(1) == "Tray type");
    CHECK(value(p, "eject") == 1);
    CHECK(value(p, "lock") == 1);
    CHECK(value(p, "lock_state") == 0);
    CHECK(value(p, "prevent_jumper") == 0);
    CHECK(value(p, "max_read_speed_kbps") == 704);
    CHECK(value(p, "volume_levels") == 2);
    CHECK(value(p, "buffer_size_kb") == 512);
    CHECK(value(p, "current_read_speed_kbps") == 704);
    CHECK(value(p, "max_write_speed_kbps") == 0);
    CHECK(value(p, "current_write_speed_kbps") == 0);
    // bytes 22 on are past a 14h-long page: not decoded, not invented
    CHECK(field(p, "copy_management_revision") == nullptr);
    CHECK(field(p, "write_speed_descriptor_count") == nullptr);
    CHECK(write_speeds(p).empty());
    CHECK(p.warnings.empty());
}

TEST_CASE("mmc::decode_mode_page 2Ah, MMC-3 layout with write speed descriptors") {
    const Bytes data = modes_fixture("mmc3-2a-write-speeds.hex");
    REQUIRE(data.size() == 8 + 44);
    REQUIRE(mmc::detect_mode_data_form(data) == mmc::ModeDataForm::sense10);
    const auto p =
        mmc::decode_mode_page(mmc::split_mode_data(data, mmc::ModeDataForm::sense10).pages.at(0));
    CHECK(value(p, "dvd_ram_write") == 1);
    CHECK(value(p, "dvd_r_write") == 1);
    CHECK(value(p, "test_write") == 1);
    CHECK(value(p, "cd_rw_write") == 1);
    CHECK(value(p, "cd_r_write") == 1);
    CHECK(value(p, "buf") == 1);
    CHECK(value(p, "c2_pointers") == 1);
    CHECK(value(p, "rw_supported") == 1);
    CHECK(value(p, "rw_deinterleaved_corrected") == 0);
    CHECK(value(p, "cdda_stream_accurate") == 1);
    CHECK(value(p, "cdda_commands") == 1);
    CHECK(value(p, "read_bar_code") == 0);
    CHECK(value(p, "lock_state") == 1);
    CHECK(value(p, "separate_channel_mute") == 1);
    CHECK(value(p, "separate_volume_levels") == 1);
    CHECK(value(p, "changer_disc_present") == 0);
    CHECK(value(p, "bck_length") == 1);
    CHECK(value(p, "max_write_speed_kbps") == 7056);
    CHECK(value(p, "current_write_speed_kbps") == 3528);
    CHECK(value(p, "copy_management_revision") == 1);
    CHECK(value(p, "rotation_control_selected") == 1);
    CHECK(value(p, "current_write_speed_selected_kbps") == 5645);
    CHECK(value(p, "write_speed_descriptor_count") == 3);
    REQUIRE(write_speeds(p).size() == 3);
    CHECK(write_speeds(p)[0].first == 7056);
    CHECK(write_speeds(p)[0].second == 0);
    CHECK(write_speeds(p)[1].first == 5645);
    CHECK(write_speeds(p)[1].second == 1);
    CHECK(field(p, "rotation_control_selected")->field->namer(1) == "Pure CAV");
    CHECK(write_speeds(p)[2].first == 1764);
    CHECK(p.warnings.empty());

    // The summary `info` shows reads the same page.
    const auto caps = mmc::decode_mode_page_2a_summary(ByteSpan{data}.subspan(8));
    CHECK(caps.max_write_speed_kbps == std::optional<std::uint16_t>{7056});
    CHECK(caps.current_write_speed_kbps == std::optional<std::uint16_t>{5645});  // bytes 28-29
    CHECK(caps.lock_state);
}

TEST_CASE("mmc::decode_mode_page 2Ah: more descriptors announced than the page holds") {
    Bytes page = modes_fixture("mmc3-2a-write-speeds.hex");
    page.erase(page.begin(), page.begin() + 8);
    page[31] = std::byte{9};  // 9 announced, 3 there
    const auto p = decode_bare(page);
    CHECK(write_speeds(p).size() == 3);
    CHECK(p.warnings.size() == 1);
}

TEST_CASE("mmc::decode_mode_page 01h, 08h, 0Eh, 2Ah from QEMU SCSI (real bytes, 10 and 6)") {
    for (const char* name : {"qemu-scsi-all-sense10.hex", "qemu-scsi-all-sense6.hex"}) {
        CAPTURE(name);
        const Bytes data = modes_fixture(name);
        const auto form = mmc::detect_mode_data_form(data);
        REQUIRE(form.has_value());
        CHECK(*form == (std::string(name).find("sense10") != std::string::npos
                            ? mmc::ModeDataForm::sense10
                            : mmc::ModeDataForm::sense6));
        const auto params = mmc::split_mode_data(data, *form);
        REQUIRE(params.pages.size() == 4);
        const auto p01 = mmc::decode_mode_page(params.pages[0]);
        CHECK(p01.code == 0x01);
        CHECK(value(p01, "awre") == 1);  // 01 0a 80 20: AWRE, read retry count 20h
        CHECK(value(p01, "arre") == 0);
        CHECK(value(p01, "read_retry_count") == 0x20);
        CHECK(value(p01, "write_retry_count") == 0);
        CHECK(value(p01, "error_reporting_window_size_blocks") == 0);
        const auto p08 = mmc::decode_mode_page(params.pages[1]);
        CHECK(p08.code == 0x08);
        CHECK(value(p08, "wce") == 1);  // 08 12 04: WCE
        CHECK(value(p08, "rcd") == 0);
        CHECK(value(p08, "cache_segment_size") == 0);
        const auto p0e = mmc::decode_mode_page(params.pages[2]);
        CHECK(p0e.code == 0x0e);
        CHECK(value(p0e, "immed") == 0);
        CHECK(value(p0e, "port0_channel_selection") == 0);
        CHECK(field(p0e, "port0_channel_selection")->field->namer(0) == "Muted");
        CHECK(value(p0e, "port3_volume") == 0);
        const auto p2a = mmc::decode_mode_page(params.pages[3]);
        CHECK(value(p2a, "prevent_jumper") == 1);  // byte 6 = 2Dh
        CHECK(value(p2a, "lock") == 1);
        CHECK(value(p2a, "max_read_speed_kbps") == 0x2260);
        CHECK(value(p2a, "max_write_speed_kbps") == 0x0b00);
        CHECK(value(p2a, "buffer_size_kb") == 2048);
    }
}

TEST_CASE("mmc::decode_mode_page 05h Write Parameters (MMC-6 §7.5 layout)") {
    const Bytes page = modes_fixture("mmc6-05-write-parameters.hex");
    REQUIRE(page.size() == 52);
    REQUIRE(mmc::detect_mode_data_form(page) == mmc::ModeDataForm::pages_only);
    const auto p = decode_bare(page);
    CHECK(value(p, "bufe") == 1);
    CHECK(value(p, "ls_v") == 0);
    CHECK(value(p, "test_write") == 0);
    CHECK(value(p, "write_type") == 1);
    CHECK(field(p, "write_type")->field->namer(1) == "Track-at-Once");
    CHECK(value(p, "multi_session") == 3);
    CHECK(value(p, "track_mode") == 4);
    CHECK(value(p, "data_block_type") == 8);
    CHECK(field(p, "data_block_type")->field->namer(8) == "Mode 1, 2048 bytes");
    CHECK(field(p, "data_block_type")->field->namer(5).empty());  // reserved
    CHECK(value(p, "session_format") == 0);
    CHECK(value(p, "packet_size_blocks") == 16);
    CHECK(value(p, "audio_pause_length_blocks") == 150);
    CHECK(value(p, "mcval") == 1);
    CHECK(field(p, "media_catalog_number")->text == "1234567890123");
    CHECK(value(p, "tcval") == 0);
    CHECK(field(p, "isrc")->text.empty());
    CHECK(field(p, "sub_header")->bytes == to_bytes({0, 0, 8, 0}));
    CHECK(field(p, "vendor_specific") == nullptr);  // page length 32h ends at byte 51
}

TEST_CASE("mmc::decode_mode_page 07h, 0Dh, 1Ah, 1Ch, 1Dh (spec layouts)") {
    SUBCASE("07h Verify Error Recovery (SBC-3)") {
        const auto p =
            decode_bare(to_bytes({0x07, 0x0a, 0x0c, 0x05, 0x01, 0, 0, 0, 0, 0, 0x0b, 0xb8}));
        CHECK(value(p, "eer") == 1);
        CHECK(value(p, "per") == 1);
        CHECK(value(p, "dte") == 0);
        CHECK(value(p, "verify_retry_count") == 5);
        CHECK(value(p, "verify_correction_span") == 1);
        CHECK(value(p, "verify_recovery_time_limit_ms") == 3000);
    }
    SUBCASE("0Dh CD Device Parameters (MMC-3)") {
        const auto p = decode_bare(to_bytes({0x0d, 0x06, 0x00, 0x0a, 0x00, 0x3c, 0x00, 0x4b}));
        CHECK(value(p, "inactivity_timer_multiplier") == 10);
        CHECK(field(p, "inactivity_timer_multiplier")->field->namer(10) == "1 min");
        CHECK(value(p, "s_units_per_m_unit") == 60);
        CHECK(value(p, "f_units_per_s_unit") == 75);
    }
    SUBCASE("1Ah Power Condition, MMC-6 length 0Ah") {
        const auto p = decode_bare(
            to_bytes({0x1a, 0x0a, 0x00, 0x03, 0x00, 0x00, 0x00, 0x32, 0x00, 0x00, 0x01, 0x2c}));
        CHECK(value(p, "idle") == 1);
        CHECK(value(p, "standby") == 1);
        CHECK(value(p, "idle_b") == 0);
        CHECK(value(p, "idle_timer_100ms") == 50);
        CHECK(value(p, "standby_timer_100ms") == 300);
        CHECK(field(p, "idle_b_timer_100ms") == nullptr);  // SPC-4's longer page only
        CHECK(field(p, "ccf_idle") == nullptr);
    }
    SUBCASE("1Ah Power Condition, SPC-4 length 26h") {
        Bytes b(40, std::byte{0});
        b[0] = std::byte{0x1a};
        b[1] = std::byte{0x26};
        b[2] = std::byte{0x41};  // PM_BG_PRECEDENCE 01b, STANDBY_Y
        b[3] = std::byte{0x0c};  // IDLE_C, IDLE_B
        b[15] = std::byte{0x64};
        b[39] = std::byte{0x94};  // CCF_IDLE 10b, CCF_STANDBY 01b, CCF_STOPPED 01b
        const auto p = decode_bare(b);
        CHECK(value(p, "pm_bg_precedence") == 1);
        CHECK(value(p, "standby_y") == 1);
        CHECK(value(p, "idle_c") == 1);
        CHECK(value(p, "idle_b") == 1);
        CHECK(value(p, "idle") == 0);
        CHECK(value(p, "idle_b_timer_100ms") == 100);
        CHECK(value(p, "ccf_idle") == 2);
        CHECK(value(p, "ccf_standby") == 1);
        CHECK(value(p, "ccf_stopped") == 1);
    }
    SUBCASE("1Ch Informational Exceptions Control (SPC-4)") {
        const auto p = decode_bare(
            to_bytes({0x1c, 0x0a, 0x88, 0x03, 0x00, 0x00, 0x02, 0x58, 0x00, 0x00, 0x00, 0x01}));
        CHECK(value(p, "perf") == 1);
        CHECK(value(p, "dexcpt") == 1);
        CHECK(value(p, "ewasc") == 0);
        CHECK(value(p, "mrie") == 3);
        CHECK(field(p, "mrie")->field->namer(3) == "Conditionally generate recovered error");
        CHECK(value(p, "interval_timer_100ms") == 600);
        CHECK(value(p, "report_count") == 1);
    }
    SUBCASE("1Dh Time-out and Protect (MMC-6 §7.9)") {
        const auto p = decode_bare(
            to_bytes({0x1d, 0x0a, 0x00, 0x00, 0x0d, 0x00, 0x00, 0x0a, 0x00, 0x14, 0x00, 0x78}));
        CHECK(value(p, "g3enable") == 1);
        CHECK(value(p, "tmoe") == 1);
        CHECK(value(p, "disp") == 0);
        CHECK(value(p, "swpp") == 1);
        CHECK(value(p, "group1_minimum_timeout_s") == 10);
        CHECK(value(p, "group2_minimum_timeout_s") == 20);
        CHECK(value(p, "group3_timeout_s") == 120);
    }
}

TEST_CASE("mmc::decode_mode_page: pages without a layout, subpages, truncation") {
    const auto vendor = decode_bare(to_bytes({0x30, 0x02, 0xaa, 0xbb}));
    CHECK(vendor.layout == nullptr);
    CHECK(vendor.record.values.empty());
    CHECK(vendor.bytes == to_bytes({0x30, 0x02, 0xaa, 0xbb}));
    // SPF=1 (subpage 01h of page 1Ah): bytes only, no field read with the wrong layout
    const auto sub = decode_bare(to_bytes({0x5a, 0x01, 0x00, 0x02, 0x00, 0x00}));
    CHECK(sub.code == 0x1a);
    CHECK(sub.spf);
    CHECK(sub.subpage == 1);
    CHECK(sub.record.values.empty());
    // A page cut short keeps the fields that arrived and says so.
    const Bytes cut = to_bytes({0x00, 0x1c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2a, 0x14, 0x3b,
                                0x00, 0x71, 0x60, 0x29, 0x00, 0x02});
    const auto params = mmc::decode_mode_sense10(cut);
    REQUIRE(params.pages.size() == 1);
    const auto p = mmc::decode_mode_page(params.pages[0]);
    CHECK(p.truncated);
    CHECK(value(p, "lock") == 1);
    CHECK(field(p, "max_read_speed_kbps") == nullptr);  // bytes 8-9: only byte 8 arrived
    CHECK(!p.warnings.empty());
}

TEST_CASE("mmc::detect_mode_data_form: headers, bare pages, padding, garbage") {
    CHECK(mmc::detect_mode_data_form(modes_fixture("qemu-atapi-2a-page.hex")) ==
          mmc::ModeDataForm::pages_only);
    CHECK(mmc::detect_mode_data_form(modes_fixture("qemu-scsi-2a-changeable.hex")) ==
          mmc::ModeDataForm::sense10);
    // sg_raw's 256-byte buffer: the answer, then zeros
    Bytes padded = modes_fixture("qemu-atapi-2a-sense10.hex");
    padded.resize(256, std::byte{0});
    CHECK(mmc::detect_mode_data_form(padded) == mmc::ModeDataForm::sense10);
    const Bytes with_bd = modes_fixture("spc4-sense6-block-descriptor.hex");
    REQUIRE(mmc::detect_mode_data_form(with_bd) == mmc::ModeDataForm::sense6);
    const auto params = mmc::split_mode_data(with_bd, mmc::ModeDataForm::sense6);
    CHECK(params.block_descriptor_length == 8);
    CHECK(params.block_descriptors == to_bytes({0, 0, 0, 0, 0, 0, 8, 0}));
    REQUIRE(params.pages.size() == 1);
    CHECK(params.pages[0].code == 0x01);
    CHECK(mmc::detect_mode_data_form(to_bytes({0x12, 0x34, 0x56})) == std::nullopt);
    CHECK(mmc::detect_mode_data_form(to_bytes({0x2a, 0x14, 0x3b})) == std::nullopt);
    CHECK(mmc::detect_mode_data_form(Bytes{}) == std::nullopt);
    const auto bare = mmc::split_mode_data(modes_fixture("qemu-atapi-2a-page.hex"),
                                           mmc::ModeDataForm::pages_only);
    CHECK(bare.usable);
    REQUIRE(bare.pages.size() == 1);
    CHECK(bare.pages[0].bytes.size() == 22);
}

TEST_CASE("mmc::decode_mode_page: prefixes and noise stay in bounds") {
    const Bytes data = modes_fixture("mmc3-2a-write-speeds.hex");
    discrec::test::decode_prefixes_and_noise(data, [](ByteSpan b) {
        if (const auto form = mmc::detect_mode_data_form(b)) {
            for (const auto& page : mmc::split_mode_data(b, *form).pages)
                (void)mmc::decode_mode_page(page);
        }
        for (auto form : {mmc::ModeDataForm::sense10, mmc::ModeDataForm::sense6,
                          mmc::ModeDataForm::pages_only}) {
            for (const auto& page : mmc::split_mode_data(b, form).pages) {
                const auto p = mmc::decode_mode_page(page);
                CHECK(write_speeds(p).size() <= 64);
            }
        }
    });
}
