// `discrec check`: SIZE parsing and the evaluation of every assertion on facts built from
// real answers (QEMU captures and spec-built fixtures under tests/fixtures/, sources in their
// READMEs). The drive-facing half (which commands are sent) is proven by the replayed guest
// recordings (tests/cli) and the QEMU guest group.
#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include "drive/check.hpp"
#include "mmc/feature_fields.hpp"
#include "mmc/media.hpp"
#include "util/inhex.hpp"
#include "util/size.hpp"

using namespace discrec;

namespace {

Bytes fixture(const std::string& path) {
    auto bytes = read_inhex_file(std::string{DISCREC_FIXTURES_DIR} + "/" + path, false);
    REQUIRE_MESSAGE(bytes.has_value(), path);
    return *bytes;
}

// QEMU's SCSI CD drive (lsi) with the test CD: GET CONFIGURATION, current profile CD-ROM.
drive::CheckFacts qemu_cd_facts() {
    drive::CheckFacts f;
    f.location.name = "sr0";
    f.location.vendor = "QEMU";
    f.location.model = "QEMU CD-ROM";
    f.location.revision = "2.5+";
    f.state = drive::MediaState{false, true, true, std::nullopt, false, "gesn"};
    f.configuration =
        mmc::decode_configuration(fixture("features/qemu-virtio-scsi-get-config-hex.txt"));
    return f;
}

const drive::AssertionResult& only(const std::vector<drive::AssertionResult>& r) {
    REQUIRE(r.size() == 1);
    return r.front();
}

}  // namespace

TEST_CASE("parse_size: bytes, powers of 1024, sectors") {
    CHECK(parse_size("4700000000")->value == 4700000000ULL);
    CHECK_FALSE(parse_size("4700000000")->sectors);
    CHECK(parse_size("2k")->value == 2048);
    CHECK(parse_size("2K")->value == 2048);
    CHECK(parse_size("700M")->value == 700ULL << 20);
    CHECK(parse_size("700MiB")->value == 700ULL << 20);
    CHECK(parse_size("700MB")->value == 700ULL << 20);
    CHECK(parse_size("1G")->value == 1ULL << 30);
    CHECK(parse_size("2T")->value == 2ULL << 40);
    CHECK(parse_size("4.7G")->value == 5046586573ULL);  // 0.7 GiB rounded up to a byte
    CHECK(parse_size("0")->value == 0);
    const auto s = parse_size("359844s");
    CHECK(s->sectors);
    CHECK(s->value == 359844);
    CHECK(parse_size("16777215T")->value == 16777215ULL << 40);
    CHECK(parse_size("18446744073709551615")->value == 18446744073709551615ULL);
}

TEST_CASE("parse_size: what is no size is a usage error naming the text") {
    for (const char* bad : {"", "M", "-1", "1.5", "1.5s", "12x", "1MX", "1.G", "16777216T",
                            "18446744073709551616", "1 M", "0x10"}) {
        const auto r = parse_size(bad);
        REQUIRE_MESSAGE(!r, bad);
        CHECK(r.error().kind == ErrorKind::usage);
        CHECK(r.error().message.find(std::string("'") + bad + "'") != std::string::npos);
    }
}

TEST_CASE("SizeSpec::text") {
    CHECK(parse_size("700M")->text() == "734003200 bytes (700 MiB)");
    CHECK(parse_size("1000")->text() == "1000 bytes");
    CHECK(parse_size("10s")->text() == "10 sectors");
}

TEST_CASE("parse_profile_code: names and hex codes") {
    CHECK(mmc::parse_profile_code("cd-rom") == 0x0008);
    CHECK(mmc::parse_profile_code("0x0010") == 0x0010);
    CHECK(mmc::parse_profile_code("1ah") == 0x001a);
    CHECK_FALSE(mmc::parse_profile_code("0x0006"));  // MMC defines no profile 0006h
    CHECK_FALSE(mmc::parse_profile_code("floppy"));
}

TEST_CASE("check: which commands the assertions need") {
    drive::CheckRequest q;
    CHECK_FALSE(q.needs_state());
    CHECK_FALSE(q.needs_configuration());
    CHECK_FALSE(q.needs_media());
    q.vendor = "QEMU";
    q.not_mounted = true;
    CHECK_FALSE(q.needs_state());  // identity and mounts: OS facts, no command
    q.tray_open = true;
    CHECK(q.needs_state());
    q.features = {0x0001};
    CHECK(q.needs_configuration());
    CHECK_FALSE(q.needs_media());
    q.min_free = SizeSpec{1, true};
    CHECK(q.needs_media());
    CHECK_FALSE(q.needs_capabilities());
    q.locked = false;
    CHECK(q.needs_capabilities());
}

TEST_CASE("check: medium, tray and ready, true and false") {
    auto f = qemu_cd_facts();
    drive::CheckRequest q;
    q.medium = true;
    q.tray_open = false;
    q.ready = true;
    auto r = drive::evaluate_check(q, f);
    REQUIRE(r.size() == 3);
    CHECK(r[0].name == "medium");
    CHECK(r[0].actual == "present");
    CHECK(r[1].name == "tray");
    CHECK(r[1].expected == "closed");
    CHECK(r[2].actual == "ready");
    for (const auto& a : r) CHECK(a.passed);

    // The tray opened: GESN says open and empty, TUR 2/3A/02.
    f.state = drive::MediaState{true,  false, false, "medium not present - tray open (2/3a/02)",
                                false, "gesn"};
    r = drive::evaluate_check(q, f);
    CHECK(r[0].actual == "absent");
    CHECK(r[1].actual == "open");
    CHECK(r[2].actual == "not ready: medium not present - tray open (2/3a/02)");
    for (const auto& a : r) CHECK_FALSE(a.passed);
    q = {};
    q.medium = false;
    CHECK(only(drive::evaluate_check(q, f)).passed);
    CHECK(only(drive::evaluate_check(q, f)).name == "no-medium");
}

TEST_CASE("check: a fact that could not be read fails as unknown, with the error") {
    drive::CheckFacts f;
    f.errors.push_back(make_error(ErrorKind::device_error, "sr0: GET CONFIGURATION: refused"));
    drive::CheckRequest q;
    q.profiles = {0x0008};
    const auto a = only(drive::evaluate_check(q, f));
    CHECK_FALSE(a.passed);
    CHECK(a.actual == "unknown: sr0: GET CONFIGURATION: refused");
}

TEST_CASE("check: profile (any of), can-read, can-write, feature on QEMU's configuration") {
    const auto f = qemu_cd_facts();
    drive::CheckRequest q;
    q.profiles = {0x0010, 0x0008};
    auto a = only(drive::evaluate_check(q, f));
    CHECK(a.passed);
    CHECK(a.expected == "any of DVD-ROM (0x0010), CD-ROM (0x0008)");
    CHECK(a.actual == "CD-ROM (0x0008)");
    q.profiles = {0x0010};
    CHECK_FALSE(only(drive::evaluate_check(q, f)).passed);

    q = {};
    q.can_read = {0x0010, 0x0009};   // DVD-ROM listed; CD-R not
    q.can_write = {0x0008, 0x0009};  // CD-ROM listed but never written; CD-R not listed
    auto r = drive::evaluate_check(q, f);
    REQUIRE(r.size() == 4);
    CHECK(r[0].passed);
    CHECK(r[0].actual == "listed (read)");
    CHECK_FALSE(r[1].passed);
    CHECK(r[1].actual == "not listed");
    CHECK(r[2].name == "can-write");
    CHECK_FALSE(r[2].passed);
    CHECK(r[2].actual == "listed (read)");
    CHECK_FALSE(r[3].passed);

    q = {};
    q.features = {0x0001, 0x0003, 0x001e};  // Core, Removable Medium current; CD Read absent
    r = drive::evaluate_check(q, f);
    REQUIRE(r.size() == 3);
    CHECK(r[0].passed);
    CHECK(r[0].expected == "Core (0x0001) current");
    CHECK(r[1].passed);
    CHECK_FALSE(r[2].passed);
    CHECK(r[2].actual == "not reported");
}

TEST_CASE("check: blank, appendable, complete from the disc status") {
    drive::CheckFacts f;
    f.media = drive::MediaReport{};
    f.media->state = drive::MediaState{false, true, true, std::nullopt, false, "gesn"};
    drive::CheckRequest q;
    q.blank = q.appendable = q.complete = true;
    // QEMU's CD image: disc status Complete.
    f.media->disc_info = mmc::decode_disc_information(fixture("media/qemu-cd-disc-info.hex"), true);
    auto r = drive::evaluate_check(q, f);
    REQUIRE(r.size() == 3);
    CHECK_FALSE(r[0].passed);
    CHECK_FALSE(r[1].passed);
    CHECK(r[2].passed);
    CHECK(r[2].actual == "disc status Complete");
    // A CD-R with an open session: Incomplete.
    f.media->disc_info =
        mmc::decode_disc_information(fixture("media/spec-cdr-appendable-disc-info.hex"), true);
    r = drive::evaluate_check(q, f);
    CHECK_FALSE(r[0].passed);
    CHECK(r[1].passed);
    CHECK(r[1].actual == "disc status Incomplete");
    CHECK_FALSE(r[2].passed);
    // The same with the status bits cleared (byte 2 bits 1-0): Empty, a blank disc.
    auto blank = fixture("media/spec-cdr-appendable-disc-info.hex");
    blank[2] = static_cast<std::byte>(std::to_integer<unsigned>(blank[2]) & 0xfcU);
    f.media->disc_info = mmc::decode_disc_information(blank, true);
    r = drive::evaluate_check(q, f);
    CHECK(r[0].passed);
    CHECK(r[0].actual == "disc status Empty");
    CHECK_FALSE(r[1].passed);
    // No medium at all.
    f.media->state = drive::MediaState{true, false, false, std::nullopt, false, "gesn"};
    f.media->disc_info.reset();
    r = drive::evaluate_check(q, f);
    for (const auto& a : r) {
        CHECK_FALSE(a.passed);
        CHECK(a.actual == "no medium");
    }
}

TEST_CASE("check: writable from the write protection") {
    drive::CheckFacts f;
    f.media = drive::MediaReport{};
    f.media->state = drive::MediaState{false, true, true, std::nullopt, false, "gesn"};
    drive::CheckRequest q;
    q.writable = true;
    f.media->write_protection = {false, "Random Writable (0020h) current"};
    auto a = only(drive::evaluate_check(q, f));
    CHECK(a.passed);
    CHECK(a.actual == "writable: Random Writable (0020h) current");
    f.media->write_protection = {true, "read-only medium (CD-ROM)"};
    a = only(drive::evaluate_check(q, f));
    CHECK_FALSE(a.passed);
    CHECK(a.actual == "write protected: read-only medium (CD-ROM)");
    f.media->write_protection = {std::nullopt, "not determined"};
    CHECK_FALSE(only(drive::evaluate_check(q, f)).passed);
}

TEST_CASE("check: locked and unlocked from page 2Ah's lock state") {
    drive::CheckFacts f;
    f.capabilities = mmc::CapabilitiesSummary{};
    f.capabilities->usable = true;
    f.capabilities->lock_state = true;
    drive::CheckRequest q;
    q.locked = true;
    CHECK(only(drive::evaluate_check(q, f)).passed);
    q.locked = false;
    auto a = only(drive::evaluate_check(q, f));
    CHECK(a.name == "unlocked");
    CHECK_FALSE(a.passed);
    CHECK(a.actual == "locked");
    f.capabilities->usable = false;  // no page 2Ah: not known, so not unlocked either
    CHECK_FALSE(only(drive::evaluate_check(q, f)).passed);
}

TEST_CASE("check: not-mounted, not-held, vendor/product/revision") {
    auto f = qemu_cd_facts();
    drive::CheckRequest q;
    q.not_mounted = true;
    q.not_held = true;
    q.vendor = "^qemu$";  // case-insensitive
    q.product = "DVD";
    q.revision = "^2\\.5";
    auto r = drive::evaluate_check(q, f);
    REQUIRE(r.size() == 5);
    CHECK(r[0].passed);
    CHECK(r[1].passed);
    CHECK(r[1].actual == "no other process");
    CHECK(r[2].passed);
    CHECK(r[2].actual == "'QEMU'");
    CHECK_FALSE(r[3].passed);
    CHECK(r[3].expected == "matches /DVD/");
    CHECK(r[4].passed);

    f.location.mount_points = {"/media/cdrom"};
    f.holders = {{812, "sleep", "/dev/sr0"}};
    f.exclusive_owner = platform::ExclusiveOwner{900, "burner"};
    r = drive::evaluate_check(q, f);
    CHECK_FALSE(r[0].passed);
    CHECK(r[0].actual == "mounted on /media/cdrom");
    CHECK_FALSE(r[1].passed);
    CHECK(r[1].actual == "held by 812 sleep (/dev/sr0), exclusively by burner");
}

TEST_CASE("check: --min-drives") {
    CHECK(drive::evaluate_min_drives(1, 1).passed);
    CHECK_FALSE(drive::evaluate_min_drives(1, 0).passed);
    CHECK(drive::evaluate_min_drives(1, 0).actual == "0 drives");
    CHECK(drive::evaluate_min_drives(2, 3).expected == "at least 2 drives");
    CHECK(drive::evaluate_min_drives(0, 0).passed);
}

TEST_CASE("check: --min-free from media_space, in sectors and in bytes") {
    drive::CheckFacts f;
    f.media = drive::MediaReport{};
    f.media->state = drive::MediaState{false, true, true, std::nullopt, false, "gesn"};
    // A CD-R with an open session and its invisible track (MMC-6 Table 399, §6.27.3).
    f.media->disc_info =
        mmc::decode_disc_information(fixture("media/spec-cdr-appendable-disc-info.hex"), true);
    f.media->tracks = {
        mmc::decode_track_information(fixture("media/spec-cdr-invisible-track-info.hex"))};
    f.media->track_source = drive::TrackSource::track_information;
    const auto space = drive::media_space(*f.media);
    REQUIRE(space.free_sectors);
    REQUIRE(*space.free_sectors > 0);
    const std::uint64_t free = *space.free_sectors;

    drive::CheckRequest q;
    const auto with = [&](SizeSpec want) {
        q.min_free = want;
        return only(drive::evaluate_check(q, f));
    };
    auto a = with({free, true});
    CHECK(a.passed);
    CHECK(a.name == "min-free");
    CHECK(a.expected == fmt::format("at least {} sectors free", free));
    CHECK(a.actual == fmt::format("{} sectors free ({} bytes)", free, free * 2048));
    CHECK_FALSE(with({free + 1, true}).passed);
    CHECK(with({free * 2048, false}).passed);
    CHECK_FALSE(with({free * 2048 + 1, false}).passed);

    // Without the track's information nothing says what is free: not known, so it fails.
    f.media->tracks.clear();
    f.media->track_source = drive::TrackSource::toc;
    a = with({1, false});
    CHECK_FALSE(a.passed);
    CHECK(a.actual.starts_with("unknown"));
    // QEMU's complete CD: nothing free, so any size but 0 fails.
    f.media->disc_info = mmc::decode_disc_information(fixture("media/qemu-cd-disc-info.hex"), true);
    CHECK(with({0, false}).passed);
    CHECK_FALSE(with({1, true}).passed);
    f.media->state = drive::MediaState{true, false, false, std::nullopt, false, "gesn"};
    CHECK(with({0, false}).actual == "no medium");
}
