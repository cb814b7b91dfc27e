#include "transport/run_log.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "mmc/cdb.hpp"
#include "platform/platform.hpp"
#include "platform/tray.hpp"
#include "transport/device.hpp"
#include "transport/os_error.hpp"

using namespace discrec;

namespace {

// A device that answers INQUIRY with fixed bytes and TEST UNIT READY with 2/3A/00.
class FakeDevice final : public Transport {
public:
    Completion execute(const Cdb& cdb, Direction, std::span<std::byte> buffer,
                       std::chrono::milliseconds) override {
        Completion c;
        c.duration = std::chrono::microseconds(123);
        if (cdb.opcode() == 0x12) {
            const Bytes answer = to_bytes({0x05, 0x80, 0x05, 0x32, 0x1f, 0x00, 0x00});
            const std::size_t n = std::min(answer.size(), buffer.size());
            std::copy_n(answer.begin(), n, buffer.begin());
            c.transferred = n;
        } else {
            c.scsi_status = 0x02;
            c.sense = to_bytes({0x70, 0, 0x02, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x3a, 0x00});
        }
        return c;
    }
    [[nodiscard]] const std::string& path() const noexcept override { return m_path; }

private:
    std::string m_path = "/dev/sg7";
};

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string temp_path(const char* name) {
    return (std::filesystem::temp_directory_path() / name).string();
}

struct Diverged {};

// The recording `text`, parsed, with a divergence handler that keeps the message in `message`
// and throws Diverged (instead of ending the process).
std::unique_ptr<RunLog> diverging_log(const std::string& text, std::string& message) {
    auto log = RunLog::parse(text, "test");
    REQUIRE(log.has_value());
    (*log)->on_divergence = [&message](const Error& e) {
        message = e.message;
        throw Diverged{};
    };
    return std::move(*log);
}

// Runs f with `log` active, restoring "no log" after.
template <typename F>
void with_log(RunLog& log, F f) {
    RunLog::set_active(&log);
    f();
    RunLog::set_active(nullptr);
}

}  // namespace

TEST_CASE("RunLog: a recorded command replays with its status, sense and data") {
    const std::string path = temp_path("discrec-run-log-test.jsonl");
    {
        auto log = RunLog::create(path, {"/home/someone/build/discrec", "info", "sr7"});
        REQUIRE(log.has_value());
        RecordingTransport t(std::make_unique<FakeDevice>(), **log);
        Bytes buffer(96);
        const Completion inq = t.execute(mmc::inquiry(96), Direction::from_device, buffer,
                                         std::chrono::milliseconds(5000));
        CHECK(inq.transferred == 7);
        const Completion tur =
            t.execute(mmc::test_unit_ready(), Direction::none, {}, std::chrono::milliseconds(5000));
        CHECK(tur.scsi_status == 2);
    }
    const std::string text = read_text(path);
    std::remove(path.c_str());
    // Line 1 is the run (argv[0] without the directory it ran from); then the two commands,
    // data in as transferred only.
    CHECK(text.starts_with(std::string(R"({"type":"run","format":[1,2],"system":")") +
                           os_system_name() + R"(","argv":["discrec","info","sr7"])"));
    CHECK(text.find(R"("cdb":"120000006000","direction":"in","length":96)") != std::string::npos);
    CHECK(text.find(R"("data_in":"058005321f")") != std::string::npos);
    CHECK(text.find(R"("residual":89)") != std::string::npos);  // zeros left out of data_in
    CHECK(text.find(R"("sense":"700002000000000a000000003a00")") != std::string::npos);

    auto replay = RunLog::parse(text, "test");
    REQUIRE(replay.has_value());
    ReplayTransport r("/dev/sg7", **replay);
    Bytes buffer(96, std::byte{0xee});
    const Completion inq = r.execute(mmc::inquiry(96), Direction::from_device, buffer,
                                     std::chrono::milliseconds(5000));
    CHECK(inq.transferred == 7);
    CHECK(inq.duration.count() == 123);
    CHECK(hex_bytes(ByteSpan(buffer).first(8)) == "05 80 05 32 1f 00 00 ee");  // zero-filled
    const Completion tur =
        r.execute(mmc::test_unit_ready(), Direction::none, {}, std::chrono::milliseconds(5000));
    CHECK(tur.scsi_status == 2);
    CHECK(tur.sense.size() == 14);
}

TEST_CASE("RunLog: a command the recording does not hold next diverges, naming both") {
    const std::string text =
        R"({"type":"run","format":[1,0],"argv":["discrec","info","sr0"],"enumeration":null,"resolutions":[]})"
        "\n"
        R"({"type":"command","device":"/dev/sg0","cdb":"120000006000","direction":"in","length":96,"data_out":null,"timeout_ms":5000,"status":0,"host_status":0,"driver_status":0,"sense":"","transferred":2,"data_in":"0580","duration_us":1,"timed_out":false,"os_error":0})"
        "\n";
    std::string message;
    auto log = diverging_log(text, message);
    log->cdb_namer = [](const Cdb& c) { return c.opcode() == 0x12 ? "INQUIRY" : "OTHER"; };
    ReplayTransport r("/dev/sg0", *log);
    Bytes buffer(8);
    CHECK_THROWS_AS(
        r.execute(mmc::test_unit_ready(), Direction::none, {}, std::chrono::milliseconds(5000)),
        Diverged);
    CHECK(message ==
          "replay: /dev/sg0: command 1 differs: the run sent OTHER [00 00 00 00 00 00] (none 0 "
          "bytes), the recording has INQUIRY [12 00 00 00 60 00] (in 96 bytes) (the recording "
          "was made by: discrec info sr0)");
    // Another node has no commands at all.
    ReplayTransport other("/dev/sg1", *log);
    CHECK_THROWS_AS(other.execute(mmc::inquiry(96), Direction::from_device, buffer,
                                  std::chrono::milliseconds(1)),
                    Diverged);
    CHECK(message.find("/dev/sg1: the run sent INQUIRY") != std::string::npos);
}

TEST_CASE("RunLog: a command sent with another timeout diverges, naming both timeouts") {
    const std::string text =
        R"({"type":"run","format":[1,1],"system":"linux","argv":["discrec","send","sr0"],"enumeration":null,"resolutions":[]})"
        "\n"
        R"({"type":"command","device":"/dev/sg0","cdb":"000000000000","direction":"none","length":0,"data_out":null,"timeout_ms":20000,"status":0,"host_status":0,"driver_status":0,"sense":"","transferred":0,"residual":0,"data_in":"","duration_us":1,"timed_out":false,"os_error":0})"
        "\n";
    std::string message;
    auto log = diverging_log(text, message);
    log->cdb_namer = [](const Cdb&) { return std::string("TEST UNIT READY"); };
    ReplayTransport r("/dev/sg0", *log);
    CHECK_THROWS_AS(
        r.execute(mmc::test_unit_ready(), Direction::none, {}, std::chrono::milliseconds(5000)),
        Diverged);
    CHECK(message ==
          "replay: /dev/sg0: command 1 differs: the run sent TEST UNIT READY [00 00 00 00 00 00] "
          "(none 0 bytes, timeout 5000 ms), the recording has TEST UNIT READY [00 00 00 00 00 "
          "00] (none 0 bytes, timeout 20000 ms) (the recording was made by: discrec send sr0)");
}

namespace {

// Replays one TEST UNIT READY whose OS call failed with `os_error` in a recording made on
// `system` (with the classified kind and text when `kind` is not empty).
OsError replayed_os_error(const std::string& system, int os_error, const std::string& kind) {
    std::string text = R"({"type":"run","format":[1,1],"system":")" + system +
                       R"(","argv":["discrec","info","sr0"],"enumeration":null,"resolutions":[]})"
                       "\n";
    if (system.empty()) {  // format 1.0: no system
        text =
            R"({"type":"run","format":[1,0],"argv":["discrec"],"enumeration":null,"resolutions":[]})"
            "\n";
    }
    text +=
        R"({"type":"command","device":"/dev/sg0","cdb":"000000000000","direction":"none","length":0,"data_out":null,"timeout_ms":5000,"status":0,"host_status":0,"driver_status":0,"sense":"","transferred":0,"residual":0,"data_in":"","duration_us":1,"timed_out":false,"os_error":)" +
        std::to_string(os_error);
    if (!kind.empty()) {
        text += R"(,"os_error_kind":")" + kind + R"(","os_error_text":"as the OS said it")";
    }
    text += "}\n";
    auto log = RunLog::parse(text, "test");
    REQUIRE(log.has_value());
    ReplayTransport r("/dev/sg0", **log);
    const Completion c =
        r.execute(mmc::test_unit_ready(), Direction::none, {}, std::chrono::milliseconds(5000));
    CHECK(classify(c) == CompletionClass::os);
    return c.os_error;
}

}  // namespace

TEST_CASE("RunLog: an OS error means on replay what it meant where it was recorded") {
    // Windows ERROR_ACCESS_DENIED (5) is EIO on Linux; Linux EACCES (13) is
    // ERROR_INVALID_DATA on Windows: each replays as "permission denied" on either OS.
    const OsError from_windows = replayed_os_error("windows", 5, "permission_denied");
    CHECK(from_windows.kind == ErrorKind::permission_denied);
    CHECK(from_windows.system == "windows");
    CHECK(from_windows.code == 5);
    CHECK(os_error_text(from_windows) == "as the OS said it");
    const OsError from_linux = replayed_os_error("linux", 13, "permission_denied");
    CHECK(from_linux.kind == ErrorKind::permission_denied);
    CHECK(from_linux.system == "linux");
    // Windows ERROR_DEV_NOT_EXIST (55) and Linux ENODEV (19): the drive is gone.
    CHECK(replayed_os_error("windows", 55, "no_such_drive").kind == ErrorKind::no_such_drive);
    CHECK(replayed_os_error("linux", 19, "no_such_drive").kind == ErrorKind::no_such_drive);
    // Without the kind (hand-written, or an unknown kind name), a foreign code is not read
    // as this OS's: a plain failure that says where it came from.
    const char* other = std::string(os_system_name()) == "linux" ? "windows" : "linux";
    const OsError foreign = replayed_os_error(other, 5, "");
    CHECK(foreign.kind == ErrorKind::failure);
    CHECK(foreign.text == std::string("OS error 5 (recorded on ") + other + ")");
    CHECK(replayed_os_error(other, 5, "no such kind").kind == ErrorKind::failure);
    // This OS's own code without a kind, and a format 1.0 recording (no system): read
    // natively, as they were before 1.1.
    CHECK(replayed_os_error(os_system_name(), 13, "").kind == os_error_kind(13));
    CHECK(replayed_os_error("", 13, "").kind == os_error_kind(13));
    CHECK(replayed_os_error("", 13, "").text == os_error_text(13));
}

TEST_CASE("RunLog: an OS error is recorded with its kind, its text and the OS") {
    class FailingDevice final : public Transport {
    public:
        Completion execute(const Cdb&, Direction, std::span<std::byte>,
                           std::chrono::milliseconds) override {
            Completion c;
            c.os_error = OsError::native(13);
            return c;
        }
        [[nodiscard]] const std::string& path() const noexcept override { return m_path; }

    private:
        std::string m_path = "/dev/sg7";
    };
    const std::string path = temp_path("discrec-run-log-os-error.jsonl");
    {
        auto log = RunLog::create(path, {"discrec", "info", "sr7"});
        REQUIRE(log.has_value());
        RecordingTransport t(std::make_unique<FailingDevice>(), **log);
        t.execute(mmc::test_unit_ready(), Direction::none, {}, std::chrono::milliseconds(5000));
    }
    const std::string text = read_text(path);
    std::remove(path.c_str());
    const OsError native = OsError::native(13);
    CHECK(text.find(std::string(R"("os_error":13,"os_error_kind":")") +
                    error_kind_name(native.kind) + "\"") != std::string::npos);
    auto replay = RunLog::parse(text, "test");
    REQUIRE(replay.has_value());
    ReplayTransport r("/dev/sg7", **replay);
    const Completion c =
        r.execute(mmc::test_unit_ready(), Direction::none, {}, std::chrono::milliseconds(5000));
    CHECK(c.os_error.kind == native.kind);
    CHECK(c.os_error.text == native.text);
    CHECK(c.os_error.system == os_system_name());
}

TEST_CASE("RunLog: replayed data never runs past the run's buffer") {
    // The recording claims 8 bytes transferred into a 4-byte buffer and more data than that.
    const std::string text =
        R"({"type":"run","format":[1,0],"argv":[],"enumeration":null,"resolutions":[]})"
        "\n"
        R"({"type":"command","device":"d","cdb":"120000000400","direction":"in","length":4,"timeout_ms":1,"status":0,"sense":"zz","transferred":99999999999999999999,"data_in":"0102030405060708"})"
        "\n";
    auto log = RunLog::parse(text, "test");
    REQUIRE(log.has_value());
    ReplayTransport r("d", **log);
    Bytes buffer(4);
    const Completion c =
        r.execute(mmc::inquiry(4), Direction::from_device, buffer, std::chrono::milliseconds(1));
    CHECK(c.transferred <= 4);
    CHECK(hex_bytes(buffer) == "01 02 03 04");
    CHECK(c.sense.empty());  // not hex: no sense
}

TEST_CASE(
    "RunLog::replay_fact_if_any: a fact older recordings lack is nullopt, not a divergence") {
    const std::string text =
        R"({"type":"run","format":[1,1],"argv":[],"enumeration":null,"resolutions":[]})"
        "\n"
        R"({"type":"transport","key":"sr0","descriptor":{"source":"sysfs"}})"
        "\n";
    std::string message;
    auto log = diverging_log(text, message);  // a divergence would throw
    const auto first = log->replay_fact_if_any("transport", "sr0");
    REQUIRE(first.has_value());
    CHECK((*first)["descriptor"]["source"] == "sysfs");
    CHECK_FALSE(log->replay_fact_if_any("transport", "sr0").has_value());  // used up
    CHECK_FALSE(log->replay_fact_if_any("transport", "sr1").has_value());  // never there
    CHECK(message.empty());
}

TEST_CASE("RunLog::parse refuses what is no recording, naming the line") {
    const auto error_of = [](std::string_view text) {
        auto r = RunLog::parse(text, "f.jsonl");
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == ErrorKind::usage);
        return r.error().message;
    };
    CHECK(error_of("") == "--replay: f.jsonl: empty recording");
    CHECK(error_of("[1,2]\n") == "--replay: f.jsonl line 1: not a JSON object");
    CHECK(error_of("{\"type\":\"run\",\"format\":[2,0]}\n") ==
          "--replay: f.jsonl line 1: not a discrec recording of format 1.x");
    CHECK(error_of("{\"type\":\"run\",\"format\":[1,0]}\n{\"type\":\"command\"}\n") ==
          "--replay: f.jsonl line 2: a command needs device and cdb");
    CHECK(error_of("{\"type\":\"run\",\"format\":[1,0]}\n{\"type\":\"holders\"}\n") ==
          "--replay: f.jsonl line 2: a holders fact needs a key");
}

#if defined(__linux__)  // enumerates a captured Linux sysfs tree
TEST_CASE("platform facts are recorded, then answered from the recording alone") {
    const std::string path = temp_path("discrec-facts-test.jsonl");
    const platform::SystemRoots roots{DISCREC_FIXTURES_DIR "/sysfs/mixed/sys",
                                      DISCREC_FIXTURES_DIR "/sysfs/mixed/dev",
                                      DISCREC_FIXTURES_DIR "/sysfs/mixed/proc"};
    std::vector<platform::DriveLocation> live;
    std::vector<platform::Holder> live_holders;
    {
        auto log = RunLog::create(path, {"discrec", "test"});
        REQUIRE(log.has_value());
        with_log(**log, [&] {
            auto drives = platform::enumerate_drives(roots);
            REQUIRE(drives.has_value());
            live = *drives;
            auto sr1 = platform::resolve_drive(*drives, "sr1", roots);
            REQUIRE(sr1.has_value());
            live_holders = platform::find_holders(*sr1, roots);
            CHECK_FALSE(platform::resolve_drive(*drives, "nosuch", roots).has_value());
            CHECK_FALSE(open_device_transport("/nonexistent/sg9").has_value());
        });
    }
    auto replay = RunLog::open(path);
    std::remove(path.c_str());
    REQUIRE(replay.has_value());
    // No roots at all: every answer comes from the recording.
    with_log(**replay, [&] {
        auto drives = platform::enumerate_drives({"/nonexistent", "/nonexistent", "/nonexistent"});
        REQUIRE(drives.has_value());
        REQUIRE(drives->size() == live.size());
        CHECK(drives->at(0).mount_points == live.at(0).mount_points);
        CHECK(drives->at(0).stable_names == live.at(0).stable_names);
        auto sr1 = platform::resolve_drive(*drives, "sr1", {});
        REQUIRE(sr1.has_value());
        CHECK(sr1->name == "sr1");
        const auto holders = platform::find_holders(*sr1, {});
        REQUIRE(holders.size() == live_holders.size());
        if (!holders.empty()) CHECK(holders.front().pid == live_holders.front().pid);
        const auto missing = platform::resolve_drive(*drives, "nosuch", {});
        REQUIRE_FALSE(missing.has_value());
        CHECK(missing.error().kind == ErrorKind::no_such_drive);
        const auto opened = open_device_transport("/nonexistent/sg9");
        REQUIRE_FALSE(opened.has_value());
        CHECK(opened.error().kind == ErrorKind::no_such_drive);
    });
}
#endif

TEST_CASE("RunLog: enumerations replay in order, the last one answering any further") {
    const std::string drive = R"({"index":0,"name":"sr0","block_device":"/dev/sr0"})";
    const std::string text =
        R"({"type":"run","format":[1,2],"system":"linux","argv":["discrec","watch"],"enumeration":{"ok":true,"value":[)" +
        drive + R"(]},"resolutions":[]})" + "\n" +
        R"({"type":"enumeration","result":{"ok":true,"value":[]}})" + "\n";
    auto log = RunLog::parse(text, "test");
    REQUIRE(log.has_value());
    CHECK((*log)->replay_enumeration()["value"].size() == 1);
    CHECK((*log)->replay_enumeration()["value"].empty());
    CHECK((*log)->replay_enumeration()["value"].empty());  // the last one again
}

TEST_CASE("RunLog: replay_fact_if_any says when the recording has no more") {
    const std::string text =
        R"({"type":"run","format":[1,2],"system":"linux","argv":["discrec","watch"],"enumeration":null,"resolutions":[]})"
        "\n"
        R"({"type":"watch_turn","key":"watch","utc_ms":5,"elapsed_ms":1000,"uevents":[],"stop":false})"
        "\n";
    auto log = RunLog::parse(text, "test");
    REQUIRE(log.has_value());
    const auto turn = (*log)->replay_fact_if_any("watch_turn", "watch");
    REQUIRE(turn.has_value());
    CHECK((*turn)["elapsed_ms"] == 1000);
    CHECK_FALSE((*log)->replay_fact_if_any("watch_turn", "watch").has_value());
    CHECK_FALSE((*log)->replay_fact_if_any("watch_turn", "other").has_value());
}
