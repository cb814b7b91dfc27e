// The shared output helpers (output/json_document.hpp): one of each, so their texts are
// pinned here once. Whole renderings are pinned by the golden files (tests/cli/goldens).
#include <doctest/doctest.h>

#include "output/json_document.hpp"
#include "output/watch.hpp"

using namespace discrec;

TEST_CASE("output helpers: loading mechanism, reserved with its code") {
    CHECK(output::loading_mechanism_text(1) == "Tray type");
    CHECK(output::loading_mechanism_text(3) == "reserved (3)");
    mmc::CapabilitiesSummary c;
    c.loading_mechanism = 3;
    const auto j = output::lock_capabilities_json(c);
    CHECK(j["loading_mechanism"]["value"] == 3);
    CHECK(j["loading_mechanism"]["string"] == "reserved");
    CHECK(j.size() == 5);  // common.schema.json lock_capabilities: exactly these keys
}

TEST_CASE("output helpers: media change polling") {
    CHECK(output::polling_text({}) == "unknown");
    CHECK(output::polling_text({0, 2000, ""}) == "off");
    CHECK(output::polling_text({2000, 0, ""}) == "every 2000 ms");
    CHECK(output::polling_text({-1, 2000, ""}) == "system default (every 2000 ms)");
    CHECK(output::polling_text({-1, 0, ""}) == "system default (off)");
    CHECK(output::polling_text({-1, std::nullopt, ""}) == "system default");
}

TEST_CASE("output helpers: holders, errors, drive reference, optional values") {
    CHECK(output::holders_text({}) == "-");
    CHECK(output::holders_text({{812, "sleep", "/dev/sr0"}, {9, "udisksd", "/dev/sg0"}}) ==
          "812 sleep (/dev/sr0), 9 udisksd (/dev/sg0)");
    CHECK(output::holders_json({{812, "sleep", "/dev/sr0"}})[0]["pid"] == 812);
    const Error e = make_error(ErrorKind::device_busy, "sr0: locked");
    CHECK(output::error_json(e) ==
          nlohmann::ordered_json{{"kind", "device_busy"}, {"message", "sr0: locked"}});
    CHECK(output::errors_json({e, e}).size() == 2);
    platform::DriveLocation d;
    d.name = "sr0";
    d.block_device = "/dev/sr0";
    CHECK(output::drive_ref_json(d)["generic_device"] == "");
    CHECK(output::optional_json(std::optional<long>{}).is_null());
    CHECK(output::optional_json(std::optional<bool>{true}) == true);
}

TEST_CASE("output helpers: a feature descriptor's header, as info and features list it") {
    mmc::FeatureDescriptor f;
    f.code = 0x001e;
    f.version = 2;
    f.current = true;
    CHECK(output::feature_header_json(f).dump() ==
          R"({"value":30,"hex":"0x001e","string":"CD Read","version":2,"persistent":false,)"
          R"("current":true})");
}

TEST_CASE("output::rfc3339: UTC with milliseconds (watch's timestamps)") {
    using std::chrono::milliseconds;
    using std::chrono::system_clock;
    CHECK(discrec::output::rfc3339(system_clock::time_point{milliseconds{1796407094123}}) ==
          "2026-12-04T17:58:14.123Z");
    CHECK(discrec::output::rfc3339(system_clock::time_point{milliseconds{951782400000}}) ==
          "2000-02-29T00:00:00.000Z");
    CHECK(discrec::output::rfc3339(system_clock::time_point{}) == "1970-01-01T00:00:00.000Z");
}
