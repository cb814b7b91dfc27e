// Drive::supported_mode_pages() against a scripted transport that answers as QEMU's drives did
// (tests/fixtures/mmc: ATAPI refuses page 3Fh with 5/24/00, SCSI answers it): which CDBs are
// sent, which pages are listed, and page 2Ah reused from the listing when it arrived whole.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <vector>

#include "drive/drive.hpp"
#include "mmc/mode_sense.hpp"
#include "mmc/tables/mode_pages.hpp"
#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::fixture_data;
using discrec::test::fixture_sense;

namespace {

// MODE SENSE(10): the page code (CDB byte 2, bits 5-0) picks an answer, data or sense.
// GET CONFIGURATION: `configuration` (one answer, enough for QEMU's short lists).
class ModeSenseScript final : public Transport {
public:
    std::map<std::uint8_t, Bytes> data;
    std::map<std::uint8_t, Bytes> sense;
    Bytes refusal;                    // sense for any page not in `data` or `sense`
    Bytes configuration;              // GET CONFIGURATION answer; empty: refused
    std::vector<std::uint8_t> asked;  // page codes, in order
    int configuration_asked = 0;

    Completion execute(const Cdb& cdb, Direction /*direction*/, std::span<std::byte> buffer,
                       std::chrono::milliseconds /*timeout*/) override {
        if (cdb.opcode() == 0x46) {
            ++configuration_asked;
            return answer(configuration, refusal, buffer);
        }
        REQUIRE((cdb.opcode() == 0x5a || cdb.opcode() == 0x1a));  // MODE SENSE(10), (6)
        const auto page = static_cast<std::uint8_t>(static_cast<unsigned>(cdb.bytes[2]) & 0x3f);
        asked.push_back(page);
        const auto it = sense.find(page);
        const auto found = data.find(page);
        return answer(found != data.end() ? found->second : Bytes{},
                      it != sense.end() ? it->second : refusal, buffer);
    }
    [[nodiscard]] const std::string& path() const noexcept override { return m_path; }

private:
    // GOOD with `reply` copied in, or CHECK CONDITION with `refused` when there is no reply.
    static Completion answer(const Bytes& reply, const Bytes& refused,
                             std::span<std::byte> buffer) {
        Completion c;
        if (reply.empty()) {
            c.scsi_status = 0x02;
            c.sense = refused;
            return c;
        }
        c.transferred = std::min(buffer.size(), reply.size());
        std::memcpy(buffer.data(), reply.data(), c.transferred);
        return c;
    }

    std::string m_path = "/dev/sg0";
};

// A MODE SENSE(10) answer holding one page: 8-byte header (SPC-4 §7.5.5), then the page.
Bytes mode_answer(std::uint8_t code, std::uint8_t page_length) {
    Bytes out(8 + 2 + page_length, std::byte{0});
    const auto mode_data_length = static_cast<unsigned>(out.size() - 2);
    out[0] = static_cast<std::byte>(mode_data_length >> 8);
    out[1] = static_cast<std::byte>(mode_data_length & 0xff);
    out[8] = static_cast<std::byte>(code);
    out[9] = static_cast<std::byte>(page_length);
    return out;
}

struct Scripted {
    ModeSenseScript* script;
    drive::Drive drive;
};

Scripted make_drive() {
    auto transport = std::make_unique<ModeSenseScript>();
    auto* script = transport.get();
    return {script, drive::Drive(std::move(transport), "sr0")};
}

}  // namespace

void script_qemu_atapi(ModeSenseScript& script) {
    // QEMU ATAPI's refusal of page 3Fh (piix capture 47): 5/24/00 invalid field in CDB.
    script.refusal = fixture_sense("piix-47-mode-sense10-3f-raw.txt");
    script.data[0x01] = mode_answer(0x01, 0x0a);
    script.data[0x0e] = mode_answer(0x0e, 0x0e);
    script.data[0x2a] = fixture_data("piix-23-mode-2a-hex.txt");
}

TEST_CASE("supported_mode_pages: ATAPI refuses 3Fh, so only the multimedia pages are asked") {
    auto [script, drive] = make_drive();
    script_qemu_atapi(*script);
    // GET CONFIGURATION refused too: no features known, every multimedia page is asked.
    const auto list = drive.supported_mode_pages();
    REQUIRE(list);
    CHECK(list->probed);
    CHECK(list->pages == std::vector<std::uint8_t>{0x01, 0x0e, 0x2a});
    CHECK(script->configuration_asked == 1);

    std::vector<std::uint8_t> want{0x3f};
    for (const auto& row : mmc::mode_page_table()) {
        if (row.multimedia) want.push_back(row.code);
    }
    CHECK(script->asked == want);
    for (std::uint8_t spc_page : {0x02, 0x0a, 0x18, 0x19, 0x1b}) {
        CHECK(std::count(script->asked.begin(), script->asked.end(), spc_page) == 0);
    }

    // Page 2Ah came whole with the listing: its summary is there, as capabilities() decodes it.
    REQUIRE(list->capabilities);
    const auto direct = mmc::decode_mode_page_2a_summary(
        mmc::decode_mode_sense10(fixture_data("piix-23-mode-2a-hex.txt")));
    CHECK(list->capabilities->can_eject == direct.can_eject);
    CHECK(list->capabilities->can_lock == direct.can_lock);
    CHECK(list->capabilities->loading_mechanism == direct.loading_mechanism);
    CHECK(list->capabilities->page_length == 0x14);
}

TEST_CASE("supported_mode_pages: SCSI answers 3Fh in one command, 2Ah taken from it") {
    auto [script, drive] = make_drive();
    script->data[0x3f] = fixture_data("virtio-scsi-21-modes-a-hex.txt");
    const auto list = drive.supported_mode_pages();
    REQUIRE(list);
    CHECK_FALSE(list->probed);
    CHECK(list->pages == std::vector<std::uint8_t>{0x01, 0x08, 0x0e, 0x2a});
    CHECK(script->asked == std::vector<std::uint8_t>{0x3f});
    REQUIRE(list->capabilities);
    CHECK(list->capabilities->page_length == 0x14);
}

TEST_CASE("supported_mode_pages: a 2Ah cut off in the listing is not used") {
    auto [script, drive] = make_drive();
    // The 3Fh answer announces 78 bytes but 4 are missing: page 2Ah is cut off.
    auto cut = fixture_data("virtio-scsi-21-modes-a-hex.txt");
    cut.resize(cut.size() - 4);
    script->data[0x3f] = cut;
    const auto list = drive.supported_mode_pages();
    REQUIRE(list);
    CHECK(std::count(list->pages.begin(), list->pages.end(), 0x2a) == 1);
    CHECK_FALSE(list->capabilities);
}

TEST_CASE("supported_mode_pages: pages of features the drive lacks are not asked") {
    // QEMU ATAPI's configuration (piix capture 11): Profile List, Core, Removable Medium, ...
    // none of MRW, the write features, Power Management, S.M.A.R.T. or Timeout.
    const auto qemu_config = fixture_data("piix-11-get-config-hex.txt");
    const std::vector<std::uint8_t> gated{0x03, 0x05, 0x1a, 0x1c, 0x1d};
    SUBCASE("configuration read by supported_mode_pages itself") {
        auto [script, drive] = make_drive();
        script_qemu_atapi(*script);
        script->configuration = qemu_config;
        const auto list = drive.supported_mode_pages();
        REQUIRE(list);
        CHECK(list->pages == std::vector<std::uint8_t>{0x01, 0x0e, 0x2a});
        CHECK(script->configuration_asked == 1);
        for (auto page : gated) {
            CAPTURE(page);
            CHECK(std::count(script->asked.begin(), script->asked.end(), page) == 0);
        }
        // Pages without a feature of their own are still asked: 01h 07h 08h 0Dh 0Eh 2Ah.
        CHECK(script->asked == std::vector<std::uint8_t>{0x3f, 0x01, 0x07, 0x08, 0x0d, 0x0e, 0x2a});
    }
    SUBCASE("configuration passed in (info has read it): not asked again") {
        auto [script, drive] = make_drive();
        script_qemu_atapi(*script);
        auto config = mmc::decode_configuration(qemu_config);
        REQUIRE(config.usable);
        const auto list = drive.supported_mode_pages(&config);
        REQUIRE(list);
        CHECK(script->configuration_asked == 0);
        CHECK(script->asked.size() == 7);
    }
    SUBCASE("a drive reporting Power Management and Timeout is asked for 1Ah and 1Dh") {
        auto [script, drive] = make_drive();
        script_qemu_atapi(*script);
        auto config = mmc::decode_configuration(qemu_config);
        REQUIRE(config.usable);
        config.features.push_back({0x0100, 0, true, true, 0, {}, false});
        config.features.push_back({0x0105, 0, true, true, 4, {}, false});
        script->data[0x1a] = mode_answer(0x1a, 0x0a);
        const auto list = drive.supported_mode_pages(&config);
        REQUIRE(list);
        CHECK(list->pages == std::vector<std::uint8_t>{0x01, 0x0e, 0x1a, 0x2a});
        CHECK(std::count(script->asked.begin(), script->asked.end(), 0x1a) == 1);
        CHECK(std::count(script->asked.begin(), script->asked.end(), 0x1d) == 1);
        CHECK(std::count(script->asked.begin(), script->asked.end(), 0x1c) == 0);
    }
}

// info's listing (RefusedAllPages::leave_unlisted): page 3Fh only. Where the drive refuses it,
// no page is asked alone (on ATAPI each refusal goes through libata's error handler).
TEST_CASE("supported_mode_pages, leave_unlisted: a refused 3Fh is the only command") {
    auto [script, drive] = make_drive();
    script_qemu_atapi(*script);
    const auto list = drive.supported_mode_pages(nullptr, drive::RefusedAllPages::leave_unlisted);
    REQUIRE(list);
    CHECK(list->unlisted);
    CHECK_FALSE(list->probed);
    CHECK(list->pages.empty());
    CHECK_FALSE(list->capabilities);
    CHECK(script->asked == std::vector<std::uint8_t>{0x3f});
    CHECK(script->configuration_asked == 0);
    // info then asks page 2Ah alone, as capabilities() does.
    REQUIRE(drive.capabilities());
    CHECK(script->asked == std::vector<std::uint8_t>{0x3f, 0x2a});
}

TEST_CASE("supported_mode_pages, leave_unlisted: an answered 3Fh is listed as before") {
    auto [script, drive] = make_drive();
    script->data[0x3f] = fixture_data("virtio-scsi-21-modes-a-hex.txt");
    const auto list = drive.supported_mode_pages(nullptr, drive::RefusedAllPages::leave_unlisted);
    REQUIRE(list);
    CHECK_FALSE(list->unlisted);
    CHECK(list->pages == std::vector<std::uint8_t>{0x01, 0x08, 0x0e, 0x2a});
    CHECK(list->capabilities);
    CHECK(script->asked == std::vector<std::uint8_t>{0x3f});
}

TEST_CASE("supported_mode_pages, leave_unlisted: no MODE SENSE at all, nothing to list") {
    auto [script, drive] = make_drive();
    // 5/20/00 invalid command operation code (SPC-4 fixed format) to both CDB sizes.
    script->refusal = Bytes(18, std::byte{0});
    script->refusal[0] = std::byte{0x70};
    script->refusal[2] = std::byte{0x05};
    script->refusal[7] = std::byte{0x0a};
    script->refusal[12] = std::byte{0x20};
    const auto list = drive.supported_mode_pages(nullptr, drive::RefusedAllPages::leave_unlisted);
    REQUIRE(list);
    CHECK_FALSE(list->unlisted);
    CHECK(list->pages.empty());
    CHECK(script->asked == std::vector<std::uint8_t>{0x3f, 0x3f});
}
