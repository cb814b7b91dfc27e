// Windows platform layer (src/platform/windows_*.cpp): drive spellings, code names, and the
// live system's enumeration. Built only by the mingw-w64 cross build and run under Wine (or
// Windows) by tests/windows/run.sh; on Linux this file compiles to nothing.
#if defined(_WIN32)

#include <doctest/doctest.h>

#include "platform/platform.hpp"
#include "platform/windows_devices.hpp"

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
    CHECK(win32::bus_name(0x2) == "ata");   // BusTypeAtapi
    CHECK(win32::bus_name(0xb) == "ata");   // BusTypeSata
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
        CHECK(r.error().message.find("D: \\\\.\\D:") != std::string::npos);
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

#endif  // _WIN32
