// Windows platform layer (src/platform/windows_*.cpp): drive spellings, code names, and the
// live system's enumeration. Built only by the mingw-w64 cross build and run under Wine (or
// Windows) by tests/windows/run.sh; on Linux this file compiles to nothing.
#if defined(_WIN32)

#include <doctest/doctest.h>

#include <cstdint>

#include "drive/command.hpp"
#include "platform/platform.hpp"
#include "platform/tray.hpp"
#include "platform/watch.hpp"
#include "platform/windows_devices.hpp"
#include "transport/windows_detail.hpp"

#include <shellapi.h>

using discrec::ErrorKind;
using discrec::platform::DriveLocation;
using discrec::platform::resolve_drive;
namespace win32 = discrec::platform::win32;
using Kind = win32::Spelling::Kind;

TEST_CASE("platform::win32::parse_spelling letters") {
    for (const char* text : {"D:", "d:", "D:\\", "d:/", "\\\\.\\D:", "\\\\?\\d:", "//./D:"}) {
        CAPTURE(text);
        const auto s = win32::parse_spelling(text);
        CHECK(s.kind == Kind::letter);
        CHECK(s.letter == 'D');
    }
    // A root directory is a letter spelling; a device path with a trailing slash is not.
    CHECK(win32::parse_spelling("\\\\.\\D:\\").kind == Kind::other);
    CHECK(win32::parse_spelling("D").kind == Kind::other);
    CHECK(win32::parse_spelling("1:").kind == Kind::other);
    CHECK(win32::parse_spelling("DD:").kind == Kind::other);
}

TEST_CASE("platform::win32::parse_spelling class devices and indexes") {
    auto s = win32::parse_spelling("\\\\.\\CdRom1");
    CHECK(s.kind == Kind::cdrom_number);
    CHECK(s.number == 1);
    s = win32::parse_spelling("cdrom12");
    CHECK(s.kind == Kind::cdrom_number);
    CHECK(s.number == 12);
    CHECK(win32::parse_spelling("\\\\.\\CdRom").kind == Kind::other);
    CHECK(win32::parse_spelling("CdRom1x").kind == Kind::other);
    s = win32::parse_spelling("0");
    CHECK(s.kind == Kind::index);
    CHECK(s.number == 0);
    CHECK(win32::parse_spelling("-1").kind == Kind::other);
    CHECK(win32::parse_spelling("\\\\.\\0").kind == Kind::other);
    CHECK(win32::parse_spelling("\\\\?\\Volume{0a1b}\\").kind == Kind::other);
    CHECK(win32::parse_spelling("").kind == Kind::other);
}

TEST_CASE("platform::win32 names") {
    CHECK(win32::letter_name('E') == "E:");
    CHECK(win32::letter_device('E') == "\\\\.\\E:");
    CHECK(win32::cdrom_device(3) == "\\\\.\\CdRom3");
    CHECK(win32::bus_name(0x2) == "ata");  // BusTypeAtapi
    CHECK(win32::bus_name(0xb) == "ata");  // BusTypeSata
    CHECK(win32::bus_name(0x7) == "usb");
    CHECK(win32::bus_name(0x1) == "scsi");
    CHECK(win32::bus_name(0x7e) == "");
    CHECK(win32::drive_type_name(3) == "a fixed disk");
    CHECK(win32::drive_type_name(99) == "a drive of type 99");
    CHECK(win32::iequals("\\\\.\\CDROM0", "\\\\.\\CdRom0"));
    CHECK_FALSE(win32::iequals("CdRom0", "CdRom1"));
}

namespace {

std::vector<DriveLocation> two_drives() {
    DriveLocation d;
    d.index = 0;
    d.name = "D:";
    d.block_device = "\\\\.\\D:";
    d.generic_device = "\\\\.\\CdRom0";
    d.stable_names = {"\\\\?\\Volume{1234}\\"};
    d.mount_points = {"D:\\", "C:\\mnt\\cd\\"};
    DriveLocation e;
    e.index = 1;
    e.name = "CdRom1";
    e.block_device = "\\\\.\\CdRom1";
    return {d, e};
}

}  // namespace

TEST_CASE("platform::resolve_drive (Windows) spellings of one drive") {
    const auto drives = two_drives();
    for (const char* text : {"D:", "d:", "D:\\", "\\\\.\\D:", "\\\\.\\CdRom0", "cdrom0", "0",
                             "\\\\?\\volume{1234}\\", "c:\\mnt\\cd\\"}) {
        CAPTURE(text);
        const auto r = resolve_drive(drives, text);
        REQUIRE(r.has_value());
        CHECK(r->name == "D:");
    }
    const auto letterless = resolve_drive(drives, "\\\\.\\CdRom1");
    REQUIRE(letterless.has_value());
    CHECK(letterless->index == 1);
    CHECK(resolve_drive(drives, "1")->name == "CdRom1");
}

TEST_CASE("platform::resolve_drive (Windows) unknown drives are no_such_drive") {
    const auto drives = two_drives();
    for (const char* text : {"", "2", "\\\\.\\CdRom7", "sr0", "/dev/sr0"}) {
        CAPTURE(text);
        const auto r = resolve_drive(drives, text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == ErrorKind::no_such_drive);
        // Each drive once: "\\.\D:" already says "D:".
        CHECK(r.error().message.find("(drives: \\\\.\\D:, \\\\.\\CdRom1)") != std::string::npos);
    }
}

TEST_CASE("platform::resolve_drive (Windows) a letter that is not optical") {
    // Every Windows (and Wine prefix) has C:; none of our fake drives is C:.
    const auto r = resolve_drive(two_drives(), "C:");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == ErrorKind::no_such_drive);
    CHECK(r.error().message.find("not an optical drive") != std::string::npos);
}

TEST_CASE("platform::enumerate_drives (Windows) on the live system") {
    const auto drives = discrec::platform::enumerate_drives();
    REQUIRE(drives.has_value());
    for (std::size_t i = 0; i < drives->size(); ++i) {
        const auto& d = (*drives)[i];
        CHECK(d.index == static_cast<int>(i));
        CHECK_FALSE(d.name.empty());
        CHECK(d.block_device.rfind("\\\\", 0) == 0);
        const auto again = resolve_drive(*drives, d.name);
        REQUIRE(again.has_value());
        CHECK(again->index == d.index);
    }
}

TEST_CASE("platform::win32::command_line quotes as the C runtime splits") {
    using V = std::vector<std::string>;
    CHECK(win32::command_line(V{"cmd", "/c", "exit", "3"}) == L"cmd /c exit 3");
    CHECK(win32::command_line(V{"a b", ""}) == L"\"a b\" \"\"");
    // Backslashes stay literal unless a quote follows them.
    CHECK(win32::command_line(V{"C:\\dir\\x.exe"}) == L"C:\\dir\\x.exe");
    CHECK(win32::command_line(V{"say \"hi\""}) == L"\"say \\\"hi\\\"\"");
    CHECK(win32::command_line(V{"C:\\a dir\\"}) == L"\"C:\\a dir\\\\\"");
    // Round trip through the system's own parser.
    const V args{"prog", "two words", "tail\\", "q\"uote", "\\\\server\\share x"};
    int count = 0;
    LPWSTR* parsed = ::CommandLineToArgvW(win32::command_line(args).c_str(), &count);
    REQUIRE(parsed != nullptr);
    REQUIRE(count == static_cast<int>(args.size()));
    for (int i = 1; i < count; ++i) {  // argv[0] has rules of its own (no escapes)
        CAPTURE(i);
        CHECK(std::wstring(parsed[i]) == discrec::windows_detail::widen(args[i]));
    }
    ::LocalFree(parsed);
}

TEST_CASE("platform::win32::exclusive_caller_name keeps what cdrom.sys accepts") {
    CHECK(win32::exclusive_caller_name("cdrecord") == "cdrecord");
    CHECK(win32::exclusive_caller_name("My App: v1.2, x_y-z;") == "My App: v1.2, x_y-z;");
    CHECK(win32::exclusive_caller_name("C:\\bin\\burn.exe") == "C:_bin_burn.exe");
    CHECK(win32::exclusive_caller_name("") == "discrec");
    CHECK(win32::exclusive_caller_name(std::string(100, 'a')) == std::string(63, 'a'));
    CHECK(win32::exclusive_caller_name(std::string("a\0b", 3)) == "a_b");
}

TEST_CASE("Windows tray operations that Windows cannot do say so") {
    DriveLocation d;
    d.name = "D:";
    d.block_device = "\\\\.\\D:";
    for (const bool locked : {true, false}) {
        const auto st = discrec::platform::set_persistent_lock(d, locked);
        REQUIRE_FALSE(st.has_value());
        CHECK(st.error().kind == ErrorKind::not_supported);
        CHECK(st.error().message.rfind("D: ", 0) == 0);  // one colon, not "D:: "
    }
    const auto st = discrec::platform::set_media_polling(d, 0);
    REQUIRE_FALSE(st.has_value());
    CHECK(st.error().kind == ErrorKind::not_supported);
    CHECK_FALSE(discrec::platform::media_polling(d).interval_ms.has_value());
    // Nothing mounted: nothing to release.
    CHECK(discrec::platform::unmount_medium(d).has_value());
}

TEST_CASE("platform::run_command (Windows) returns the child's exit status") {
    const auto rc = discrec::platform::run_command({"cmd", "/c", "exit 7"});
    REQUIRE(rc.has_value());
    CHECK(*rc == 7);
    const auto missing = discrec::platform::run_command({"no-such-program-discrec"});
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().kind == ErrorKind::usage);
}

TEST_CASE("Windows drive names print with one colon in command errors") {
    discrec::Cdb cdb;
    cdb.bytes[0] = std::byte{0x12};  // INQUIRY
    cdb.size = 6;
    discrec::Completion c;
    c.os_error = discrec::OsError::native(ERROR_ACCESS_DENIED);
    const auto e = discrec::drive::command_error("D:", cdb, c, std::nullopt);
    CHECK(e.message.rfind("D: INQUIRY: ", 0) == 0);
    CHECK(discrec::drive::command_error("CdRom1", cdb, c, std::nullopt)
              .message.rfind("CdRom1: INQUIRY: ", 0) == 0);
}

// watch's drive list: CM_Register_Notification is reached through NotificationApi, so these
// fakes stand in for cfgmgr32 (Wine 8 has no CM_Register_Notification to call).
namespace {

const auto k_fake_notification = reinterpret_cast<HCMNOTIFICATION>(std::uintptr_t{0x5eed});
CM_NOTIFY_FILTER g_fake_filter{};
PCM_NOTIFY_CALLBACK g_fake_callback = nullptr;
PVOID g_fake_context = nullptr;
CONFIGRET g_fake_answer = CR_SUCCESS;
int g_fake_unregistered = 0;

CONFIGRET WINAPI fake_register(PCM_NOTIFY_FILTER filter, PVOID context,
                               PCM_NOTIFY_CALLBACK callback, PHCMNOTIFICATION handle) {
    g_fake_filter = *filter;
    g_fake_context = context;
    g_fake_callback = callback;
    if (g_fake_answer == CR_SUCCESS) *handle = k_fake_notification;
    return g_fake_answer;
}

CONFIGRET WINAPI fake_unregister(HCMNOTIFICATION handle) {
    if (handle == k_fake_notification) ++g_fake_unregistered;
    return CR_SUCCESS;
}

void fake_event(CM_NOTIFY_ACTION action) {
    CM_NOTIFY_EVENT_DATA data{};
    data.FilterType = CM_NOTIFY_FILTER_TYPE_DEVICEINTERFACE;
    data.u.DeviceInterface.ClassGuid = win32::k_cdrom_interface;
    CHECK(g_fake_callback(k_fake_notification, g_fake_context, action, &data, sizeof data) ==
          ERROR_SUCCESS);
}

}  // namespace

TEST_CASE("platform::win32::watch_cdrom_interfaces: a CD-ROM interface coming or going") {
    g_fake_answer = CR_SUCCESS;
    g_fake_unregistered = 0;
    auto changes = win32::watch_cdrom_interfaces({fake_register, fake_unregister});
    REQUIRE(changes);
    CHECK(g_fake_filter.cbSize == sizeof(CM_NOTIFY_FILTER));
    CHECK(g_fake_filter.FilterType == CM_NOTIFY_FILTER_TYPE_DEVICEINTERFACE);
    CHECK(g_fake_filter.Flags == 0);
    CHECK(IsEqualGUID(g_fake_filter.u.DeviceInterface.ClassGuid, win32::k_cdrom_interface));
    CHECK((*changes)->source().find("CM_Register_Notification") != std::string::npos);
    // The first call: the list read before registering may be out of date.
    CHECK((*changes)->changed());
    CHECK_FALSE((*changes)->changed());
    fake_event(CM_NOTIFY_ACTION_DEVICEINTERFACEARRIVAL);
    CHECK((*changes)->changed());
    CHECK_FALSE((*changes)->changed());
    fake_event(CM_NOTIFY_ACTION_DEVICEQUERYREMOVE);  // not a change of the list by itself
    CHECK_FALSE((*changes)->changed());
    fake_event(CM_NOTIFY_ACTION_DEVICEINTERFACEREMOVAL);
    fake_event(CM_NOTIFY_ACTION_DEVICEINTERFACEARRIVAL);
    CHECK((*changes)->changed());
    CHECK_FALSE((*changes)->changed());
    CHECK(g_fake_unregistered == 0);
    changes->reset();
    CHECK(g_fake_unregistered == 1);
}

TEST_CASE("platform::win32::watch_cdrom_interfaces: refused or missing means listing") {
    g_fake_answer = CR_ACCESS_DENIED;  // 0x33
    g_fake_unregistered = 0;
    auto refused = win32::watch_cdrom_interfaces({fake_register, fake_unregister});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::not_supported);
    CHECK(refused.error().message.find("(CONFIGRET 0x33)") != std::string::npos);
    CHECK(g_fake_unregistered == 0);
    g_fake_answer = CR_SUCCESS;
    auto missing = win32::watch_cdrom_interfaces({});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::not_supported);
    CHECK(missing.error().message.find("no CM_Register_Notification") != std::string::npos);
}

// The live system: where cfgmgr32 exports the functions the registration must succeed (a
// Windows 8 or later system), where it does not (Wine 8) watch says so and lists every turn.
TEST_CASE("platform::open_drive_list_changes follows what cfgmgr32.dll exports") {
    const auto api = win32::load_notification_api();
    CHECK((api.register_notification == nullptr) == (api.unregister_notification == nullptr));
    auto changes = discrec::platform::open_drive_list_changes();
    if (api.register_notification != nullptr) {
        MESSAGE("cfgmgr32.dll has CM_Register_Notification: registered");
        REQUIRE(changes);
        CHECK((*changes)->changed());
    } else {
        MESSAGE("cfgmgr32.dll has no CM_Register_Notification: the drives are listed every turn");
        REQUIRE_FALSE(changes);
        CHECK(changes.error().message.find("no CM_Register_Notification") != std::string::npos);
    }
}

#endif  // _WIN32
