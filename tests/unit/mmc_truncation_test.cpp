// The truncation rule, decoder by decoder: an answer whose length field announces more bytes
// than arrived (an allocation length too small, a drive or bridge that cut the transfer) is
// decoded as far as its bytes go and says that it was cut; only an answer without its fixed
// header (mmc::bytes_arrived()) is not decoded. Each decoder gets a real captured answer cut
// at every length from its fixed header to one byte short of whole.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "mmc/capacity.hpp"
#include "mmc/configuration.hpp"
#include "mmc/events.hpp"
#include "mmc/inquiry.hpp"
#include "mmc/media.hpp"
#include "mmc/mode_page_fields.hpp"
#include "mmc/mode_sense.hpp"
#include "mmc/sense.hpp"
#include "mmc_fixture.hpp"
#include "util/inhex.hpp"

namespace discrec {
namespace {

using test::fixture_data;

Bytes hex_fixture(const std::string& dir_and_name) {
    auto bytes = read_inhex_file(std::string{DISCREC_FIXTURES_DIR} + "/" + dir_and_name, false);
    REQUIRE_MESSAGE(bytes.has_value(), dir_and_name);
    return *bytes;
}

// What a decoder made of a cut answer: whether it decoded anything, whether it said "cut".
struct Outcome {
    bool decoded = false;
    bool says_cut = false;
};
using Decoder = std::function<Outcome(ByteSpan)>;

bool any_note_has(const std::vector<std::string>& notes, std::string_view what) {
    return std::any_of(notes.begin(), notes.end(),
                       [&](const std::string& n) { return n.find(what) != std::string::npos; });
}

Outcome record_outcome(const mmc::Record& r) {
    return {!r.values.empty(), any_note_has(r.notes, "arrived")};
}

// Cuts `whole` to every length in [header, whole.size()) and checks the rule for each.
void check_rule(const std::string& what, const Bytes& whole, std::size_t header,
                const Decoder& decode) {
    CAPTURE(what);
    REQUIRE(whole.size() > header);
    const Outcome full = decode(whole);
    CHECK_MESSAGE(full.decoded, what << ": the whole answer decodes");
    CHECK_MESSAGE(!full.says_cut, what << ": the whole answer is not called cut");
    for (std::size_t n = header; n < whole.size(); ++n) {
        CAPTURE(n);
        const Bytes cut(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(n));
        const Outcome o = decode(cut);
        CHECK(o.decoded);
        CHECK(o.says_cut);
    }
}

TEST_CASE("truncation rule: every length-framed decoder decodes a cut answer and says so") {
    check_rule("GET CONFIGURATION", fixture_data("piix-11-get-config-hex.txt"), 8, [](ByteSpan d) {
        const auto c = mmc::decode_configuration(d);
        return Outcome{c.usable, c.truncated};
    });
    check_rule("GET EVENT STATUS NOTIFICATION", fixture_data("piix-31-gesn-media.txt"), 4,
               [](ByteSpan d) {
                   const auto e = mmc::decode_event_status(d);
                   return Outcome{e.usable, e.truncated};
               });
    // QEMU's answer has no slot table: the same header announcing one slot entry (MMC-6
    // §6.11.3, 4 bytes: a disc present in slot 0) stands for a changer's answer.
    Bytes mechanism = hex_fixture("decode/piix-mechanism-status.hex");
    REQUIRE(mechanism.size() == 8);
    mechanism[7] = std::byte{4};
    for (auto b : {0x80, 0x00, 0x00, 0x00}) mechanism.push_back(static_cast<std::byte>(b));
    check_rule("MECHANISM STATUS", mechanism, 8, [](ByteSpan d) {
        const auto m = mmc::decode_mechanism_status(d);
        return Outcome{m.usable, m.truncated};
    });
    check_rule("INQUIRY", fixture_data("piix-01-inquiry-hex.txt"), 5, [](ByteSpan d) {
        const auto i = mmc::decode_inquiry(d);
        return Outcome{i.usable, i.truncated};
    });
    check_rule("VPD 00h", fixture_data("piix-02-vpd-00-hex.txt"), 4, [](ByteSpan d) {
        const auto v = mmc::decode_vpd_supported_pages(d);
        return Outcome{v.header.usable, v.header.truncated};
    });
    check_rule("VPD 80h", hex_fixture("decode/scsi_debug-vpd-80.hex"), 4, [](ByteSpan d) {
        const auto v = mmc::decode_vpd_serial(d);
        return Outcome{v.header.usable, v.header.truncated};
    });
    check_rule("VPD 83h", fixture_data("piix-05-vpd-83-hex.txt"), 4, [](ByteSpan d) {
        const auto v = mmc::decode_vpd_device_id(d);
        return Outcome{v.header.usable, v.header.truncated};
    });
    check_rule("REQUEST SENSE", fixture_data("piix-43-request-sense.txt"), 8, [](ByteSpan d) {
        const auto s = mmc::decode_sense(d);
        return Outcome{s.usable(), any_note_has(s.warnings, "truncated")};
    });
    check_rule("MODE SENSE(10)", hex_fixture("modes/qemu-atapi-2a-sense10.hex"), 8, [](ByteSpan d) {
        const auto m = mmc::decode_mode_sense10(d);
        return Outcome{m.usable, m.truncated && any_note_has(m.warnings, "truncated")};
    });
    check_rule("MODE SENSE(6)", hex_fixture("modes/qemu-scsi-all-sense6.hex"), 4, [](ByteSpan d) {
        const auto m = mmc::decode_mode_sense6(d);
        return Outcome{m.usable, m.truncated && any_note_has(m.warnings, "truncated")};
    });
    check_rule("READ DISC INFORMATION", fixture_data("piix-37-read-disc-info.txt"), 2,
               [](ByteSpan d) { return record_outcome(mmc::decode_disc_information(d, true)); });
    check_rule("READ TRACK INFORMATION", hex_fixture("media/spec-cdr-invisible-track-info.hex"), 2,
               [](ByteSpan d) { return record_outcome(mmc::decode_track_information(d)); });
    // The capture is the 804-byte buffer; the TOC is its first 2 + 18 bytes.
    Bytes toc = hex_fixture("media/qemu-cd-toc.hex");
    toc.resize(20);
    check_rule("READ TOC", toc, 2,
               [](ByteSpan d) { return record_outcome(mmc::decode_toc(d, false)); });
    check_rule("READ TOC session information", hex_fixture("media/qemu-cd-session-info.hex"), 2,
               [](ByteSpan d) { return record_outcome(mmc::decode_session_info(d, false)); });
    check_rule("READ FORMAT CAPACITIES", hex_fixture("media/spec-bdre-format-capacities.hex"), 4,
               [](ByteSpan d) { return record_outcome(mmc::decode_format_capacities(d)); });
}

TEST_CASE("truncation rule: only an answer without its fixed header is not decoded") {
    // READ CAPACITY has no length field: its 8 bytes are its fixed header.
    const Bytes capacity = fixture_data("piix-34-read-capacity.txt");
    REQUIRE(capacity.size() == 8);
    for (std::size_t n = 0; n < capacity.size(); ++n) {
        const auto c = mmc::decode_read_capacity(ByteSpan{capacity}.first(n));
        CHECK_FALSE(c.usable);
        CHECK(any_note_has(c.warnings, "is only"));
    }
    const Bytes mode10 = hex_fixture("modes/qemu-atapi-2a-sense10.hex");
    for (std::size_t n = 0; n < 8; ++n) {
        const auto m = mmc::decode_mode_sense10(ByteSpan{mode10}.first(n));
        CHECK_FALSE(m.usable);
        CHECK(any_note_has(m.warnings, "is only"));
    }
}

TEST_CASE("truncation rule: a cut MODE SENSE answer is recognised without --inhex-header") {
    const Bytes whole10 = hex_fixture("modes/qemu-atapi-2a-sense10.hex");
    const Bytes whole6 = hex_fixture("modes/qemu-scsi-all-sense6.hex");
    REQUIRE(mmc::detect_mode_data_form(whole10) == mmc::ModeDataForm::sense10);
    REQUIRE(mmc::detect_mode_data_form(whole6) == mmc::ModeDataForm::sense6);
    // Cut anywhere after the first page's 2-byte header: still its header form, the pages
    // decoded as far as they go.
    for (std::size_t n = 8 + 2; n < whole10.size(); ++n) {
        CAPTURE(n);
        const ByteSpan cut = ByteSpan{whole10}.first(n);
        CHECK(mmc::detect_mode_data_form(cut) == mmc::ModeDataForm::sense10);
        const auto params = mmc::split_mode_data(cut, mmc::ModeDataForm::sense10);
        REQUIRE(params.pages.size() == 1);
        CHECK(params.pages[0].code == 0x2a);
        CHECK(params.pages[0].truncated);
        CHECK(params.truncated);
    }
    for (std::size_t n = 4 + 2; n < whole6.size(); ++n) {
        CAPTURE(n);
        const ByteSpan cut = ByteSpan{whole6}.first(n);
        CHECK(mmc::detect_mode_data_form(cut) == mmc::ModeDataForm::sense6);
        const auto params = mmc::split_mode_data(cut, mmc::ModeDataForm::sense6);
        CHECK_FALSE(params.pages.empty());
        CHECK(params.truncated);
    }
}

}  // namespace
}  // namespace discrec
