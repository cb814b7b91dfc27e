// Feature descriptor decoding. Each descriptor below is written from its layout in MMC-6 §5.3
// (MMC-3 §5.3 for 0030h-0032h and 0103h; sg3_utils for 0120h), with field values chosen so a
// bit taken from the wrong place shows; the real responses are QEMU's (tests/fixtures/mmc).
#include "mmc/feature_fields.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <set>
#include <string>

#include "mmc/tables/features.hpp"
#include "mmc/tables/profiles.hpp"
#include "mmc_fixture.hpp"

using namespace discrec;

namespace {

// One descriptor (header included) inside a GET CONFIGURATION response, through the same
// path a drive's answer takes.
mmc::DecodedFeature decode_one(std::initializer_list<int> descriptor) {
    Bytes response = to_bytes({0, 0, 0, static_cast<int>(4 + descriptor.size()), 0, 0, 0, 0});
    const Bytes d = to_bytes(descriptor);
    response.insert(response.end(), d.begin(), d.end());
    const auto c = mmc::decode_configuration(response);
    REQUIRE(c.features.size() == 1);
    return mmc::decode_feature(c.features.front());
}

// A list item as "8" ("8*": its CurrentP flag set), in hex.
std::string item_text(const mmc::Record& item) {
    std::string out;
    for (const auto& v : item.values) {
        if (v.field->key.empty())
            out = fmt::format("{:x}", v.number) + out;
        else if (v.number != 0)
            out += "*";
    }
    return out;
}

// "key=value key=value": numbers in decimal, lists as "a,b" (hex, "*" = current), text as is.
std::string summary(const mmc::DecodedFeature& f) {
    std::string out;
    for (const auto& field : f.record.values) {
        std::string value;
        switch (field.field->shape) {
            case mmc::Shape::ascii:
            case mmc::Shape::custom:
                value = field.text;
                break;
            case mmc::Shape::list:
                for (const auto& item : field.items)
                    value += (value.empty() ? "" : ",") + item_text(item);
                break;
            default:
                value = std::to_string(field.number);
        }
        out += (out.empty() ? "" : " ") + std::string(field.field->key) + "=" + value;
    }
    return out;
}

struct Case {
    std::initializer_list<int> bytes;
    const char* expected;
};

void check_case(const Case& c) {
    const auto f = decode_one(c.bytes);
    INFO(fmt::format("feature {:04X}h", f.code));
    CHECK(f.known);
    CHECK(f.notes.empty());
    CHECK(f.record.absent.empty());
    CHECK(summary(f) == c.expected);
}

}  // namespace

TEST_CASE("mmc::decode_feature header: version, persistent, current") {
    const auto f = decode_one({0x00, 0x1e, 0x09, 0x04, 0x83, 0, 0, 0});
    CHECK(f.code == 0x001e);
    CHECK(f.version == 2);
    CHECK_FALSE(f.persistent);
    CHECK(f.current);
    CHECK(f.additional_length == 4);
    CHECK(summary(decode_one({0x00, 0x01, 0x0b, 0x08, 0, 0, 0, 1, 1, 0, 0, 0})) ==
          "physical_interface_standard=1 inq2=0 dbe=1");
}

TEST_CASE("mmc::decode_feature base features (0000h-0010h)") {
    const Case cases[] = {
        {{0x00, 0x00, 0x03, 0x08, 0x00, 0x10, 0, 0, 0x00, 0x08, 0x01, 0}, "profiles=10,8*"},
        {{0x00, 0x01, 0x0b, 0x08, 0, 0, 0, 2, 0x03, 0, 0, 0},
         "physical_interface_standard=2 inq2=1 dbe=1"},
        {{0x00, 0x02, 0x07, 0x04, 0x02, 0, 0, 0}, "ocevent=1 async=0"},
        {{0x00, 0x03, 0x0b, 0x04, 0x39, 0, 0, 0},
         "loading_mechanism_type=1 load=1 eject=1 pvnt_jmpr=0 dbml=0 lock=1"},
        {{0x00, 0x03, 0x0b, 0x04, 0x56, 0, 0, 0},
         "loading_mechanism_type=2 load=1 eject=0 pvnt_jmpr=1 dbml=1 lock=0"},
        {{0x00, 0x04, 0x08, 0x04, 0x0a, 0, 0, 0}, "dwp=1 wdcb=0 spwp=1 sswpp=0"},
        {{0x00, 0x10, 0x01, 0x08, 0, 0, 0x08, 0, 0x00, 0x10, 0x01, 0},
         "logical_block_size=2048 blocking=16 pp=1"},
    };
    for (const auto& c : cases) check_case(c);
    const auto core = decode_one({0x00, 0x01, 0x0b, 0x08, 0, 0, 0, 2, 0x03, 0, 0, 0});
    REQUIRE(!core.record.values.empty());
    CHECK(core.record.values[0].text == "ATAPI");
    const auto removable = decode_one({0x00, 0x03, 0x0b, 0x04, 0x39, 0, 0, 0});
    CHECK(removable.record.values[0].text == "Tray type");
}

TEST_CASE("mmc::decode_feature read and write features (001Dh-002Fh)") {
    const Case cases[] = {
        {{0x00, 0x1d, 0x01, 0x00}, ""},
        {{0x00, 0x1e, 0x09, 0x04, 0x83, 0, 0, 0}, "dap=1 c2_flags=1 cd_text=1"},
        {{0x00, 0x1e, 0x09, 0x04, 0x02, 0, 0, 0}, "dap=0 c2_flags=1 cd_text=0"},
        {{0x00, 0x1f, 0x09, 0x04, 0x01, 0, 0x02, 0}, "multi110=1 dual_rw=1 dual_r=0"},
        {{0x00, 0x20, 0x05, 0x0c, 0x00, 0x23, 0x05, 0x3f, 0, 0, 0x08, 0, 0, 1, 1, 0},
         "last_lba=2295103 logical_block_size=2048 blocking=1 pp=1"},
        {{0x00, 0x21, 0x0d, 0x08, 0x00, 0x07, 0x05, 0x02, 0x01, 0x10, 0, 0},
         "data_block_types_supported=7 trio=1 arsv=0 buf=1 link_sizes=1,10"},
        {{0x00, 0x22, 0x01, 0x00}, ""},
        {{0x00, 0x23, 0x08, 0x08, 0x0d, 0x80, 0, 0, 0x01, 0, 0, 0},
         "renosa=1 expand=1 qcert=0 cert=1 frf=1 rrm=1"},
        {{0x00, 0x24, 0x07, 0x04, 0x80, 0, 0, 0}, "ssa=1"},
        {{0x00, 0x25, 0x01, 0x08, 0, 1, 0, 0, 0x00, 0x10, 0, 0},
         "logical_block_size=65536 blocking=16 pp=0"},
        {{0x00, 0x26, 0x00, 0x00}, ""},
        {{0x00, 0x27, 0x00, 0x04, 0, 0, 0, 0}, ""},
        {{0x00, 0x28, 0x05, 0x04, 0x05, 0, 0, 0}, "dvd_plus_write=1 dvd_plus_read=0 write=1"},
        {{0x00, 0x29, 0x00, 0x04, 0x01, 0x02, 0x01, 0x40},
         "drt_dm=1 dbi_cache_zones=2 number_of_entries=320"},
        {{0x00, 0x2a, 0x05, 0x04, 0x01, 0x02, 0, 0}, "write=1 quick_start=1 close_only=0"},
        {{0x00, 0x2b, 0x00, 0x04, 0x01, 0, 0, 0}, "write=1"},
        {{0x00, 0x2c, 0x00, 0x04, 0x0b, 0, 0, 0}, "dsdg=1 dsdr=0 intermediate=1 blank=1"},
        {{0x00, 0x2d, 0x09, 0x04, 0x54, 0, 0x3f, 0xff},
         "buf=1 rw_raw=1 rw_pack=0 test_write=1 cd_rw=0 rw_subcode=0 data_type_supported=16383"},
        {{0x00, 0x2e, 0x05, 0x04, 0x6d, 0x00, 0x0f, 0x00},
         "buf=1 sao=1 raw_ms=0 raw=1 test_write=1 cd_rw=0 rw=1 maximum_cue_sheet_length=3840"},
        {{0x00, 0x2f, 0x09, 0x04, 0x4a, 0, 0, 0}, "buf=1 rdl=1 test_write=0 dvd_rw_sl=1"},
    };
    for (const auto& c : cases) check_case(c);
}

TEST_CASE("mmc::decode_feature DDCD, layer jump, DVD+R DL, BD, HD DVD (0030h-0080h)") {
    const Case cases[] = {
        {{0x00, 0x30, 0x00, 0x00}, ""},
        {{0x00, 0x31, 0x00, 0x04, 0x04, 0, 0, 0}, "test_write=1"},
        {{0x00, 0x32, 0x00, 0x04, 0x02, 0, 0, 0}, "intermediate=1 blank=0"},
        {{0x00, 0x33, 0x00, 0x08, 0, 0, 0, 0x02, 0x01, 0x10, 0, 0}, "link_sizes=1,10"},
        {{0x00, 0x34, 0x00, 0x04, 0x01, 0, 0, 0x10}, "cljb=1 buffer_block_size=16"},
        {{0x00, 0x35, 0x00, 0x00}, ""},
        {{0x00, 0x37, 0x00, 0x04, 0, 0x03, 0, 0}, "cd_rw_media_subtype_support=3"},
        {{0x00, 0x38, 0x00, 0x04, 0, 0, 0, 0}, ""},
        {{0x00, 0x3a, 0x01, 0x04, 0x01, 0x01, 0, 0}, "write=1 quick_start=0 close_only=1"},
        {{0x00, 0x3b, 0x00, 0x04, 0x01, 0, 0, 0}, "write=1"},
        {{0x00, 0x40, 0x05, 0x1c, 0,    0,    0,    0,      //
          0x00, 0x06, 0x00, 0x01, 0x00, 0x00, 0x80, 0x00,   // BD-RE class 0-3
          0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04,   // BD-R
          0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},  // BD-ROM
         "bd_re_class0=6 bd_re_class1=1 bd_re_class2=0 bd_re_class3=32768 bd_r_class0=2 "
         "bd_r_class1=0 bd_r_class2=0 bd_r_class3=4 bd_rom_class0=2 bd_rom_class1=0 "
         "bd_rom_class2=0 bd_rom_class3=0"},
        {{0x00, 0x41, 0x05, 0x14, 0x01, 0,    0,    0,      //
          0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,   // BD-RE class 0-3
          0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},  // BD-R
         "svnr=1 bd_re_class0=6 bd_re_class1=0 bd_re_class2=0 bd_re_class3=0 bd_r_class0=2 "
         "bd_r_class1=0 bd_r_class2=0 bd_r_class3=0"},
        {{0x00, 0x42, 0x00, 0x00}, ""},
        {{0x00, 0x50, 0x00, 0x04, 0x01, 0, 0x00, 0}, "hd_dvd_r=1 hd_dvd_ram=0"},
        {{0x00, 0x51, 0x00, 0x04, 0x00, 0, 0x01, 0}, "hd_dvd_r=0 hd_dvd_ram=1"},
        {{0x00, 0x52, 0x00, 0x04, 0x01, 0, 0, 0}, "bgp=1"},
        {{0x00, 0x80, 0x00, 0x04, 0x01, 0, 0, 0}, "ri=1"},
    };
    for (const auto& c : cases) check_case(c);
}

TEST_CASE("mmc::decode_feature drive features (0100h-0142h)") {
    const Case cases[] = {
        {{0x01, 0x00, 0x03, 0x00}, ""},
        {{0x01, 0x01, 0x00, 0x04, 0x01, 0, 0, 0}, "pp=1"},
        {{0x01, 0x02, 0x00, 0x04, 0x10, 0, 0, 0xe4}, "scc=1 sdp=0 highest_slot_number=4"},
        {{0x01, 0x03, 0x00, 0x04, 0x05, 0, 0x01, 0x00},
         "scan=1 scm=0 sv=1 number_of_volume_levels=256"},
        {{0x01, 0x04, 0x07, 0x04, 0x01, 0, 0, 0}, "m5=1"},
        {{0x01, 0x05, 0x07, 0x04, 0x01, 0, 0x00, 0x20}, "group3=1 unit_length=32"},
        {{0x01, 0x06, 0x01, 0x04, 0, 0, 0, 0x01}, "css_version=1"},
        {{0x01, 0x07, 0x11, 0x04, 0x15, 0, 0, 0}, "rbcb=1 scs=0 mp2a=1 wspd=0 sw=1"},
        {{0x01, 0x08, 0x03, 0x08, 'A', 'B', 'C', '1', '2', '3', ' ', ' '}, "serial_number=ABC123"},
        {{0x01, 0x09, 0x01, 0x00}, ""},
        {{0x01, 0x0a, 0x00, 0x08, 0x46, 0x44, 0x43, 0x00, 0x53, 0x44, 0x43, 0x00},
         "dcb_entries=46444300,53444300"},
        {{0x01, 0x0b, 0x01, 0x04, 0, 0, 0, 0x01}, "cprm_version=1"},
        {{0x01, 0x0c, 0x03, 0x10, '2', '0', '0', '8', '0', '3',
          '1',  '4',  '1',  '0',  '2', '2', '3', '3', 0,   0},
         "date=2008-03-14 10:22:33"},
        {{0x01, 0x0d, 0x09, 0x04, 0x15, 0x01, 0xf2, 0x01},
         "rdc=1 rmc=0 wbe=1 bec=0 bng=1 block_count_for_binding_nonce=1 number_of_agids=2 "
         "aacs_version=1"},
        {{0x01, 0x0e, 0x01, 0x04, 0x0a, 0, 0, 0}, "maximum_scrambled_extent_entries=10"},
        {{0x01, 0x10, 0x01, 0x04, 0, 0, 0, 0}, ""},
        {{0x01, 0x13, 0x01, 0x00}, ""},
        {{0x01, 0x20, 0x00, 0x04, 0, 0x21, 0x03, 0},
         "bd_cps_major_version=2 bd_cps_minor_version=1 max_open_sacs=3"},
        {{0x01, 0x42, 0x00, 0x08, 0xc1, 0x02, 0x00, 0x41, 0x00, 0x43, 0, 0},
         "psau=1 lospb=1 me=1 profiles=41,43"},
    };
    for (const auto& c : cases) check_case(c);
}

TEST_CASE("mmc::decode_feature every feature in the name table has a layout row") {
    std::set<std::uint16_t> layouts;
    for (const auto& row : mmc::feature_layout_table()) layouts.insert(row.code);
    for (const auto& row : mmc::feature_table()) {
        INFO(row.name);
        CHECK(layouts.count(row.code) == 1);
    }
    CHECK(layouts.size() == mmc::feature_table().size());
}

TEST_CASE("mmc::feature_layout_table fields lie inside their layout, keys unique") {
    for (const auto& row : mmc::feature_layout_table()) {
        std::set<std::string_view> keys;
        for (const auto& f : row.layout.fields) {
            INFO(fmt::format("{:04X}h {}", row.code, f.key));
            CHECK(keys.insert(f.key).second);
            CHECK(f.byte >= 4);
            for (char ch : f.key)
                CHECK(((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'));
            const bool sub_byte = f.width <= 8;
            if (sub_byte && f.shape != mmc::Shape::ascii) CHECK(f.lsb + f.width <= 8);
            if (row.length != 0 && f.width > 0) CHECK(f.byte + f.byte_count() <= 4U + row.length);
        }
    }
}

TEST_CASE("mmc::decode_feature short, odd and truncated descriptors") {
    // Core as MMC-3 had it (additional length 4): no INQ2/DBE byte.
    auto core = decode_one({0x00, 0x01, 0x03, 0x04, 0, 0, 0, 2});
    CHECK(summary(core) == "physical_interface_standard=2");
    CHECK(core.record.absent == std::vector<std::string_view>{"INQ2", "DBE"});
    REQUIRE(core.notes.size() == 1);
    CHECK(core.notes[0].find("INQ2, DBE not sent") != std::string::npos);

    // Additional length not a multiple of 4 (MMC-6 §5.2.2).
    auto odd = decode_one({0x00, 0x1e, 0x09, 0x03, 0x83, 0, 0});
    CHECK(odd.notes.front().find("not a multiple of 4") != std::string::npos);
    CHECK(summary(odd) == "dap=1 c2_flags=1 cd_text=1");

    // The count claims more link sizes than the descriptor holds.
    auto links = decode_one({0x00, 0x21, 0x0d, 0x04, 0x00, 0x07, 0x05, 0x09});
    CHECK(summary(links) == "data_block_types_supported=7 trio=1 arsv=0 buf=1 link_sizes=");
    CHECK(links.notes.front() == "Link Sizes: the count says 9, only 0 present");

    // Profile List with a stray 2 bytes at its end.
    auto profiles = decode_one({0x00, 0x00, 0x03, 0x06, 0x00, 0x08, 0x01, 0x00, 0x00, 0x10});
    CHECK(summary(profiles) == "profiles=8*");
    CHECK(profiles.notes.back().find("2 byte(s) after the last whole 4-byte entry") !=
          std::string::npos);
}

TEST_CASE("mmc::decode_feature a descriptor cut short by the end of the response") {
    // The header claims 8 bytes of data, 2 arrive: nothing is read past them.
    const Bytes response = to_bytes({0, 0, 0, 10, 0, 0, 0, 8, 0x00, 0x10, 0x01, 0x08, 0x00, 0x00});
    const auto c = mmc::decode_configuration(response);
    REQUIRE(c.features.size() == 1);
    const auto f = mmc::decode_feature(c.features[0]);
    CHECK(f.truncated);
    CHECK(f.record.values.empty());
    CHECK(f.record.absent.size() == 3);
    CHECK(f.notes.front() == "cut short: additional length 8, 2 byte(s) received");
}

TEST_CASE("mmc::decode_feature unknown and vendor features keep their bytes") {
    auto vendor = decode_one({0xff, 0x10, 0x03, 0x04, 0xde, 0xad, 0xbe, 0xef});
    CHECK_FALSE(vendor.known);
    CHECK(vendor.record.values.empty());
    CHECK(hex_bytes(vendor.data) == "de ad be ef");
    auto unknown = decode_one({0x00, 0x36, 0x00, 0x04, 1, 2, 3, 4});
    CHECK_FALSE(unknown.known);
    CHECK(hex_bytes(unknown.data) == "01 02 03 04");
    // Known feature, data past MMC-6's layout that is not zero: kept and noted.
    auto extra = decode_one({0x00, 0x1e, 0x09, 0x08, 0x83, 0, 0, 0, 0, 0, 0x55, 0});
    CHECK(hex_bytes(extra.extra) == "00 00 55 00");
    CHECK(extra.notes.front().find("bytes 8-11") != std::string::npos);
    // Zeroed reserved bytes past the layout are not news.
    CHECK(decode_one({0x00, 0x1e, 0x09, 0x08, 0x83, 0, 0, 0, 0, 0, 0, 0}).notes.empty());
}

TEST_CASE("mmc::decode_feature QEMU responses") {
    // virtio-scsi scsi-cd, CD image: Profile List, Core, Removable Medium.
    const auto scsi =
        mmc::decode_configuration(test::fixture_data("virtio-scsi-11-get-config-hex.txt"));
    REQUIRE(scsi.features.size() == 3);
    CHECK(summary(mmc::decode_feature(scsi.features[0])) == "profiles=10,8*");
    CHECK(summary(mmc::decode_feature(scsi.features[1])) ==
          "physical_interface_standard=1 inq2=0 dbe=1");
    CHECK(summary(mmc::decode_feature(scsi.features[2])) ==
          "loading_mechanism_type=1 load=1 eject=1 pvnt_jmpr=0 dbml=0 lock=1");
    for (const auto& f : scsi.features) CHECK(mmc::decode_feature(f).notes.empty());
    // ATAPI (piix), CD image and no medium; AHCI with the DVD image: Profile List only.
    const auto cd = mmc::decode_configuration(test::fixture_data("piix-11-get-config-hex.txt"));
    REQUIRE(cd.features.size() == 1);
    CHECK(summary(mmc::decode_feature(cd.features[0])) == "profiles=10,8*");
    const auto empty =
        mmc::decode_configuration(test::fixture_data("piix-empty-11-get-config-hex.txt"));
    REQUIRE(empty.features.size() == 1);
    CHECK(summary(mmc::decode_feature(empty.features[0])) == "profiles=10,8");
    const auto dvd =
        mmc::decode_configuration(test::fixture_data("ahci-dvd-11-get-config-hex.txt"));
    REQUIRE(dvd.features.size() == 1);
    CHECK(summary(mmc::decode_feature(dvd.features[0])) == "profiles=10*,8");
}

TEST_CASE("mmc::decode_feature never reads past the bytes it is given") {
    Bytes all = to_bytes({0, 0, 0, 0, 0, 0, 0, 8});
    for (const auto& row : mmc::feature_layout_table()) {
        const Bytes d = to_bytes({row.code >> 8, row.code & 0xff, 0x0b, row.length});
        all.insert(all.end(), d.begin(), d.end());
        for (int i = 0; i < row.length; ++i) all.push_back(std::byte{0xff});
    }
    const std::uint32_t len = static_cast<std::uint32_t>(all.size() - 4);
    all[2] = static_cast<std::byte>(len >> 8);
    all[3] = static_cast<std::byte>(len & 0xff);
    const auto c = mmc::decode_configuration(all);
    CHECK(c.features.size() == mmc::feature_layout_table().size());
    test::decode_prefixes_and_noise(all, [](ByteSpan b) {
        for (const auto& f : mmc::decode_configuration(b).features) (void)mmc::decode_feature(f);
    });
}

TEST_CASE("mmc::parse_feature_code") {
    CHECK(mmc::parse_feature_code("0x001e") == 0x001e);
    CHECK(mmc::parse_feature_code("1e") == 0x001e);
    CHECK(mmc::parse_feature_code("001Eh") == 0x001e);
    CHECK(mmc::parse_feature_code("0X1E") == 0x001e);
    CHECK(mmc::parse_feature_code("cd-read") == 0x001e);
    CHECK(mmc::parse_feature_code("core") == 0x0001);
    CHECK(mmc::parse_feature_code("ff00") == 0xff00);
    CHECK(mmc::parse_feature_code("0xffff") == 0xffff);
    CHECK_FALSE(mmc::parse_feature_code("0x0036"));  // reserved
    CHECK_FALSE(mmc::parse_feature_code("bogus"));
    CHECK_FALSE(mmc::parse_feature_code(""));
    CHECK_FALSE(mmc::parse_feature_code("0x10000"));
    CHECK_FALSE(mmc::parse_feature_code("0x"));
}

TEST_CASE("mmc::profile_access_words reads and writes per profile") {
    CHECK(mmc::profile_access_words(*mmc::find_profile(0x0008)) == "read");
    CHECK(mmc::profile_access_words(*mmc::find_profile(0x0009)) == "read, write");
    CHECK(mmc::profile_access_words(*mmc::find_profile(0x0011)) == "read, write");
    CHECK(mmc::profile_access_words(*mmc::find_profile(0x0040)) == "read");
    CHECK(mmc::profile_access_words(*mmc::find_profile(0x0043)) == "read, write");
    CHECK(mmc::profile_access_words(*mmc::find_profile(0xffff)) == "-");
    for (const auto& row : mmc::profile_table()) {
        if (row.code != 0 && row.code != 0xffff) CHECK(row.reads);
    }
}
