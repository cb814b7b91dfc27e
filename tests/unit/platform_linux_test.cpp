// Linux platform layer against sysfs/dev/proc trees captured from QEMU guests
// (tests/fixtures/sysfs/README.md), plus the live host (which may or may not have drives).
#if defined(__linux__)

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "platform/linux_sysfs.hpp"
#include "platform/platform.hpp"

namespace fs = std::filesystem;
using discrec::ErrorKind;
using discrec::platform::DriveLocation;
using discrec::platform::enumerate_drives;
using discrec::platform::find_holders;
using discrec::platform::resolve_drive;
using discrec::platform::SystemRoots;
namespace detail = discrec::platform::linux_detail;

namespace {

const fs::path k_fixtures = fs::path(DISCREC_FIXTURES_DIR) / "sysfs";

SystemRoots roots_in(const fs::path& tree) { return {tree / "sys", tree / "dev", tree / "proc"}; }
SystemRoots fixture_roots(const std::string& name) { return roots_in(k_fixtures / name); }

std::vector<DriveLocation> enumerate_fixture(const std::string& name) {
    auto drives = enumerate_drives(fixture_roots(name));
    REQUIRE(drives.has_value());
    return *drives;
}

std::string trimmed(std::string_view text) { return detail::trim(text); }

// One line of the runner's drives.txt: "sr0 sg0 ata_piix 0:0:0:0 QEMU     QEMU DVD-ROM    ",
// the vendor and model being sysfs' fixed-width (8 and 16 character) INQUIRY fields.
struct GuestDrive {
    std::string sr, sg, driver, hctl, vendor, model;
};

std::vector<GuestDrive> read_drives_txt(const std::string& name) {
    std::ifstream in(k_fixtures / name / "drives.txt");
    std::vector<GuestDrive> drives;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        GuestDrive d;
        fields >> d.sr >> d.sg >> d.driver >> d.hctl;
        std::string rest;
        std::getline(fields >> std::ws, rest);
        d.vendor = trimmed(rest.substr(0, 8));
        d.model = rest.size() > 9 ? trimmed(rest.substr(9, 16)) : "";
        drives.push_back(d);
    }
    return drives;
}

// "sg0 Product revision level: 2.5+" (sg_inq in the guest) and "sr0 11:0" (ls -l /dev).
std::map<std::string, std::string> read_keyed(const std::string& name, const std::string& file,
                                              const std::string& key_suffix) {
    std::ifstream in(k_fixtures / name / file);
    std::map<std::string, std::string> values;
    std::string line;
    while (std::getline(in, line)) {
        const auto space = line.find(' ');
        const auto rest = line.substr(space + 1);
        if (!rest.starts_with(key_suffix)) continue;
        values[line.substr(0, space)] = trimmed(rest.substr(key_suffix.size()));
    }
    return values;
}

void check_against_guest(const std::string& name, const std::vector<DriveLocation>& drives) {
    const auto guest = read_drives_txt(name);
    const auto revisions = read_keyed(name, "inquiry.txt", "Product revision level:");
    const auto nodes = read_keyed(name, "nodes.txt", "");
    REQUIRE(drives.size() == guest.size());
    for (std::size_t i = 0; i < guest.size(); ++i) {
        const auto& g = guest[i];
        const auto& d = drives[i];
        INFO(name << " " << g.sr);
        CHECK(d.index == static_cast<int>(i));
        CHECK(d.name == g.sr);
        CHECK(d.block_device == "/dev/" + g.sr);
        CHECK(d.generic_device == "/dev/" + g.sg);
        CHECK(d.host_driver == g.driver);
        CHECK(d.scsi_address == g.hctl);
        CHECK(d.vendor == g.vendor);
        CHECK(d.model == g.model);
        CHECK(d.revision == revisions.at(g.sg));
        CHECK(d.dev_numbers == nodes.at(g.sr));
        CHECK(d.generic_dev_numbers == nodes.at(g.sg));
        CHECK(d.peripheral_type == 5);
    }
}

using Names = std::vector<std::string>;

struct Expected {
    std::string bus;
    Names stable_names;
    std::string by_path;
    Names mount_points;
};

// What the mixed guest's udev and mounts made (see the fixture's dev/ and mountinfo).
const std::vector<Expected> k_mixed = {
    {"ata",
     {"/dev/cdrom", "/dev/disk/by-diskseq/2", "/dev/disk/by-id/ata-QEMU_DVD-ROM_QM00001",
      "/dev/disk/by-path/pci-0000:00:01.1-ata-1", "/dev/disk/by-path/pci-0000:00:01.1-ata-1.0"},
     "/dev/disk/by-path/pci-0000:00:01.1-ata-1",
     {"/mnt/my cd", "/mnt/second"}},
    {"ata",
     {"/dev/disk/by-diskseq/4", "/dev/disk/by-id/ata-QEMU_DVD-ROM_QM00005",
      "/dev/disk/by-path/pci-0000:00:05.0-ata-1", "/dev/disk/by-path/pci-0000:00:05.0-ata-1.0"},
     "/dev/disk/by-path/pci-0000:00:05.0-ata-1",
     {}},
    {"virtio",
     {"/dev/disk/by-diskseq/6", "/dev/disk/by-id/scsi-0QEMU_QEMU_CD-ROM_cd2",
      "/dev/disk/by-path/pci-0000:00:06.0-scsi-0:0:0:0"},
     "/dev/disk/by-path/pci-0000:00:06.0-scsi-0:0:0:0",
     {}},
    {"scsi",
     {"/dev/disk/by-diskseq/8", "/dev/disk/by-id/scsi-0QEMU_QEMU_CD-ROM_cd3",
      "/dev/disk/by-path/pci-0000:00:07.0-scsi-0:0:0:0"},
     "/dev/disk/by-path/pci-0000:00:07.0-scsi-0:0:0:0",
     {}},
    {"usb",
     {"/dev/disk/by-diskseq/10", "/dev/disk/by-id/usb-QEMU_QEMU_CD-ROM_1-0000:00:08.0-1-0:0",
      "/dev/disk/by-label/RUNVM_TEST",
      "/dev/disk/by-path/pci-0000:00:08.0-usb-0:1:1.0-scsi-0:0:0:0",
      "/dev/disk/by-uuid/2026-11-25-17-23-22-00"},
     "/dev/disk/by-path/pci-0000:00:08.0-usb-0:1:1.0-scsi-0:0:0:0",
     {}},
};

void check_expected(const std::vector<DriveLocation>& drives, const std::vector<Expected>& want) {
    REQUIRE(drives.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        INFO(drives[i].name);
        CHECK(drives[i].bus == want[i].bus);
        CHECK(drives[i].stable_names == want[i].stable_names);
        CHECK(drives[i].by_path == want[i].by_path);
        CHECK(drives[i].mount_points == want[i].mount_points);
    }
}

std::string resolved_name(const std::vector<DriveLocation>& drives, std::string_view spelling,
                          const SystemRoots& roots) {
    auto drive = resolve_drive(drives, spelling, roots);
    if (!drive) return "error: " + drive.error().message;
    return drive->name;
}

std::string error_of(const std::vector<DriveLocation>& drives, std::string_view spelling,
                     const SystemRoots& roots) {
    auto drive = resolve_drive(drives, spelling, roots);
    if (drive) return "resolved to " + drive->name;
    CHECK(drive.error().kind == ErrorKind::no_such_drive);
    return drive.error().message;
}

// A scratch directory removed at scope exit.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string templ = (fs::temp_directory_path() / "discrec-platform-XXXXXX").string();
        path = ::mkdtemp(templ.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

}  // namespace

TEST_CASE("platform::enumerate_drives mixed (piix, ahci, virtio-scsi, lsi, usb-bot)") {
    const auto drives = enumerate_fixture("mixed");
    check_against_guest("mixed", drives);
    check_expected(drives, k_mixed);
}

TEST_CASE("platform::enumerate_drives usb-uas reports the USB interface driver") {
    const auto drives = enumerate_fixture("usb-uas");
    check_against_guest("usb-uas", drives);
    REQUIRE(drives.size() == 1);
    CHECK(drives[0].host_driver == "uas");  // its scsi_host proc_name is "(null)"
    check_expected(drives, {{"usb",
                             {"/dev/cdrom", "/dev/disk/by-diskseq/2",
                              "/dev/disk/by-id/usb-QEMU_QEMU_CD-ROM_27842-0000:00:05.0-1-0:0",
                              "/dev/disk/by-label/RUNVM_TEST",
                              "/dev/disk/by-path/pci-0000:00:05.0-usb-0:1:1.0-scsi-0:0:0:0",
                              "/dev/disk/by-uuid/2026-11-25-17-23-22-00"},
                             "/dev/disk/by-path/pci-0000:00:05.0-usb-0:1:1.0-scsi-0:0:0:0",
                             {"/mnt/my cd", "/mnt/second"}}});
}

// The transport tree (one drive per bus) as the test reads it itself: queue/<name> of the
// drive's block directory, a number.
std::optional<std::uint64_t> queue_value(const std::string& tree, const std::string& sr,
                                         const char* name, std::uint64_t scale = 1) {
    const auto block = fs::canonical(k_fixtures / tree / "sys/class/block" / sr);
    std::ifstream in(block / "queue" / name);
    std::uint64_t value = 0;
    if (!(in >> value)) return std::nullopt;
    return value * scale;
}

struct ExpectedTransport {
    std::string sr, adapter, adapter_subsystem, adapter_driver, controller_driver, usb_ids,
        usb_product;
};

TEST_CASE("platform::transport_descriptor, every bus (transport tree)") {
    // Drivers and USB ids as the guest's sysfs has them (tests/fixtures/sysfs/transport,
    // drives.txt names each drive's host driver); the limits are the queue files themselves.
    const std::vector<ExpectedTransport> expected{
        {"sr0", "0000:00:01.1", "pci", "ata_piix", "", "", ""},
        {"sr1", "0000:00:05.0", "pci", "ahci", "", "", ""},
        {"sr2", "virtio3", "virtio", "virtio_scsi", "virtio-pci", "", ""},
        {"sr3", "0000:00:07.0", "pci", "sym53c8xx", "", "", ""},
        {"sr4", "2-1:1.0", "usb", "usb-storage", "xhci_hcd", "46f4:0001", "QEMU USB HARDDRIVE"},
        {"sr5", "2-2:1.0", "usb", "uas", "xhci_hcd", "46f4:0003", "USB Attached SCSI HBA"},
    };
    const auto roots = fixture_roots("transport");
    const auto drives = enumerate_fixture("transport");
    check_against_guest("transport", drives);
    REQUIRE(drives.size() == expected.size());
    for (std::size_t i = 0; i < drives.size(); ++i) {
        const auto& want = expected[i];
        CAPTURE(want.sr);
        REQUIRE(drives[i].name == want.sr);
        const auto t = discrec::platform::transport_descriptor(drives[i], roots);
        REQUIRE(t.has_value());
        CHECK(t->source == "sysfs");
        REQUIRE(t->adapter.has_value());
        CHECK(t->adapter->name == want.adapter);
        CHECK(t->adapter->subsystem == want.adapter_subsystem);
        CHECK(t->adapter->driver == want.adapter_driver);
        CHECK(t->adapter->driver == drives[i].host_driver);
        if (want.adapter_subsystem == "pci") CHECK(t->adapter->vendor_id.size() == 4);
        CHECK(t->controller.has_value() == !want.controller_driver.empty());
        if (t->controller) {
            CHECK(t->controller->driver == want.controller_driver);
            CHECK(t->controller->subsystem == "pci");
        }
        CHECK(t->usb.has_value() == !want.usb_ids.empty());
        if (t->usb) {
            CHECK(t->usb->vendor_id + ":" + t->usb->product_id == want.usb_ids);
            CHECK(t->usb->manufacturer == "QEMU");
            CHECK(t->usb->product == want.usb_product);
            CHECK(t->usb->speed_mbps == 5000u);  // QEMU's xHCI: a SuperSpeed port
        }
        CHECK(t->max_transfer_bytes ==
              queue_value("transport", want.sr, "max_hw_sectors_kb", 1024));
        CHECK(t->max_request_bytes == queue_value("transport", want.sr, "max_sectors_kb", 1024));
        CHECK(t->max_segments == queue_value("transport", want.sr, "max_segments"));
        CHECK(t->max_segment_bytes == queue_value("transport", want.sr, "max_segment_size"));
        CHECK(t->alignment_mask == queue_value("transport", want.sr, "dma_alignment"));
        REQUIRE(t->max_transfer_bytes.has_value());
    }
}

TEST_CASE("platform::transport_descriptor without queue files or an sr driver") {
    // The older trees hold no queue/ files and only the driver link right above the host:
    // the limits are unknown; the virtio adapter is found, the ATA one (above ataN) is not.
    const auto mixed = enumerate_fixture("mixed");
    REQUIRE(mixed.size() >= 3);
    const auto t = discrec::platform::transport_descriptor(mixed[2], fixture_roots("mixed"));
    REQUIRE(t.has_value());
    CHECK_FALSE(t->max_transfer_bytes.has_value());
    CHECK_FALSE(t->alignment_mask.has_value());
    REQUIRE(t->adapter.has_value());
    CHECK(t->adapter->driver == "virtio_scsi");
    CHECK_FALSE(t->controller.has_value());
    CHECK_FALSE(discrec::platform::transport_descriptor(mixed[0], fixture_roots("mixed"))
                    ->adapter.has_value());
    // An sg-only drive has no block queue.
    const auto sg_only = enumerate_fixture("sg-only");
    REQUIRE(sg_only.size() == 1);
    const auto s = discrec::platform::transport_descriptor(sg_only[0], fixture_roots("sg-only"));
    REQUIRE(s.has_value());
    CHECK_FALSE(s->max_transfer_bytes.has_value());
}

TEST_CASE("platform::enumerate_drives with no drive is empty, not an error") {
    CHECK(enumerate_fixture("none").empty());
}

TEST_CASE("platform::enumerate_drives finds a CD/DVD device with only an sg node") {
    // Captured from piix after rmmod sr_mod: type 5 in class/scsi_device, no class/block/sr0.
    const auto drives = enumerate_fixture("sg-only");
    REQUIRE(drives.size() == 1);
    const auto& d = drives[0];
    CHECK(d.index == 0);
    CHECK(d.name == "sg0");
    CHECK(d.block_device.empty());
    CHECK(d.dev_numbers.empty());
    CHECK(d.generic_device == "/dev/sg0");
    CHECK(d.generic_dev_numbers == "21:0");
    CHECK(d.vendor == "QEMU");
    CHECK(d.model == "QEMU DVD-ROM");
    CHECK(d.revision == "2.5+");
    CHECK(d.bus == "ata");
    CHECK(d.host_driver == "ata_piix");
    CHECK(d.scsi_address == "0:0:0:0");
    CHECK(d.stable_names.empty());  // udev dropped /dev/cdrom etc. with sr0
    CHECK(d.mount_points.empty());
    const auto roots = fixture_roots("sg-only");
    CHECK(resolved_name(drives, "sg0", roots) == "sg0");
    CHECK(resolved_name(drives, "/dev/sg0", roots) == "sg0");
    CHECK(resolved_name(drives, "0", roots) == "sg0");
    CHECK(error_of(drives, "sr0", roots) == "no optical drive 'sr0' (drives: /dev/sg0)");
}

TEST_CASE("platform::enumerate_drives on a relocated copy of a fixture gives the same drives") {
    TempDir tmp;
    fs::copy(k_fixtures / "mixed", tmp.path / "tree",
             fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    const auto drives = enumerate_drives(roots_in(tmp.path / "tree"));
    REQUIRE(drives.has_value());
    check_against_guest("mixed", *drives);
    check_expected(*drives, k_mixed);
}

TEST_CASE("platform::enumerate_drives without sysfs is an error") {
    const auto drives = enumerate_drives({"/nonexistent-sys", "/dev", "/proc"});
    REQUIRE_FALSE(drives.has_value());
    CHECK(drives.error().kind == ErrorKind::failure);
    CHECK(drives.error().message == "cannot read /nonexistent-sys/class/block (is sysfs mounted?)");
}

TEST_CASE("platform::resolve_drive accepts every spelling of a drive") {
    const auto drives = enumerate_fixture("mixed");
    const auto roots = fixture_roots("mixed");
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"/dev/sr0", "sr0"},
        {"sr0", "sr0"},
        {"sr3", "sr3"},
        {"/dev/sg1", "sr1"},
        {"sg1", "sr1"},
        {"0", "sr0"},
        {"4", "sr4"},
        {"/dev/cdrom", "sr0"},
        {"cdrom", "sr0"},
        {"/dev/disk/by-id/scsi-0QEMU_QEMU_CD-ROM_cd2", "sr2"},
        {"/dev/disk/by-path/pci-0000:00:07.0-scsi-0:0:0:0", "sr3"},
        {"/dev/disk/by-label/RUNVM_TEST", "sr4"},
        {"/dev/disk/by-id/../../sr2", "sr2"},
        {"/dev//sr1", "sr1"},
    };
    for (const auto& [spelling, name] : cases) {
        const std::string shown = spelling;  // clang: INFO's lambda cannot capture a binding
        INFO(shown);
        CHECK(resolved_name(drives, spelling, roots) == name);
    }
}

TEST_CASE("platform::resolve_drive follows a symlink made outside /dev") {
    const auto drives = enumerate_fixture("mixed");
    TempDir tmp;
    fs::create_symlink("/dev/sr2", tmp.path / "mycd");      // absolute: into roots.dev
    fs::create_symlink("mycd", tmp.path / "link-to-link");  // a chain
    const auto roots = fixture_roots("mixed");
    CHECK(resolved_name(drives, (tmp.path / "mycd").string(), roots) == "sr2");
    CHECK(resolved_name(drives, (tmp.path / "link-to-link").string(), roots) == "sr2");
}

TEST_CASE("platform::resolve_drive errors name the drives or say what is wrong") {
    const auto drives = enumerate_fixture("mixed");
    const auto roots = fixture_roots("mixed");
    const std::string list = "(drives: /dev/sr0, /dev/sr1, /dev/sr2, /dev/sr3, /dev/sr4)";
    CHECK(error_of(drives, "sr9", roots) == "no optical drive 'sr9' " + list);
    CHECK(error_of(drives, "/dev/sr9", roots) == "no optical drive '/dev/sr9' " + list);
    CHECK(error_of(drives, "5", roots) == "no optical drive '5' " + list);
    CHECK(error_of(drives, "-1", roots) == "no optical drive '-1' " + list);
    CHECK(error_of(drives, "", roots) == "no optical drive '' " + list);
    CHECK(error_of(drives, "/dev/disk/by-id/nothing", roots) ==
          "no optical drive '/dev/disk/by-id/nothing' " + list);
    // Paths that exist but are something else.
    CHECK(error_of(drives, "/dev/rtc", roots) == "'/dev/rtc' is not an optical drive");
    CHECK(error_of(drives, "rtc0", roots) == "'rtc0' is not an optical drive");
    CHECK(error_of(drives, "/dev/disk", roots) == "'/dev/disk' is not an optical drive");
    TempDir dangling;
    fs::create_symlink("/dev/sr7", dangling.path / "stale-cdrom");
    const auto stale = (dangling.path / "stale-cdrom").string();
    CHECK(error_of(drives, stale, roots) == "no optical drive '" + stale + "' " + list);
    TempDir tmp;
    std::ofstream(tmp.path / "file.iso") << "not a drive";
    const auto file = (tmp.path / "file.iso").string();
    CHECK(error_of(drives, file, roots) == "'" + file + "' is not an optical drive");

    const auto none = enumerate_fixture("none");
    CHECK(error_of(none, "0", fixture_roots("none")) ==
          "no optical drive '0' (no optical drives found)");
    CHECK(error_of(none, "/dev/sr0", fixture_roots("none")) ==
          "no optical drive '/dev/sr0' (no optical drives found)");
}

TEST_CASE("platform::resolve_drive matches a node by st_rdev under another name") {
    // A pretend drive whose sg node has /dev/null's numbers: "/dev/null" must resolve to it by
    // stat() alone (no symlink, no name in common).
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    DriveLocation fake;
    fake.name = "sr7";
    fake.block_device = "/dev/sr7";
    fake.generic_device = "/dev/sg7";
    fake.generic_dev_numbers =
        std::to_string(major(st.st_rdev)) + ":" + std::to_string(minor(st.st_rdev));
    const std::vector<DriveLocation> drives{fake};
    CHECK(resolved_name(drives, "/dev/null", SystemRoots{}) == "sr7");
    fake.generic_dev_numbers.clear();
    CHECK(error_of({fake}, "/dev/null", SystemRoots{}) == "'/dev/null' is not an optical drive");
}

TEST_CASE("platform::find_holders reads fd symlinks in a captured proc tree") {
    // The mixed guest ran "sleep 600 < /dev/sr1" and "sleep 600 3< /dev/sg2".
    const auto drives = enumerate_fixture("mixed");
    const auto roots = fixture_roots("mixed");
    CHECK(find_holders(drives[0], roots).empty());
    const auto sr1 = find_holders(drives[1], roots);
    REQUIRE(sr1.size() == 1);
    CHECK(sr1[0].pid == 864);
    CHECK(sr1[0].command == "sleep");
    CHECK(sr1[0].device == "/dev/sr1");
    const auto sr2 = find_holders(drives[2], roots);
    REQUIRE(sr2.size() == 1);
    CHECK(sr2[0].pid == 865);
    CHECK(sr2[0].device == "/dev/sg2");
}

TEST_CASE("platform::find_holders with a fake proc tree") {
    TempDir tmp;
    const auto proc = tmp.path / "proc";
    const auto make_process = [&](const std::string& pid, const std::string& comm,
                                  const std::vector<std::pair<std::string, std::string>>& fds) {
        fs::create_directories(proc / pid / "fd");
        std::ofstream(proc / pid / "comm") << comm << "\n";
        for (const auto& [fd, target] : fds) fs::create_symlink(target, proc / pid / "fd" / fd);
    };
    make_process("42", "burner", {{"3", "/dev/sr0"}, {"4", "/dev/sg0"}, {"5", "/dev/sr0"}});
    make_process("7", "cat", {{"0", "/dev/sg0"}, {"1", "/dev/pts/0"}});
    make_process("99", "other", {{"3", "/dev/sr1"}});
    make_process(std::to_string(::getpid()), "self", {{"3", "/dev/sr0"}});  // this process
    fs::create_directories(proc / "1234");                                  // no fd dir: skipped
    fs::create_directories(proc / "self" / "fd");                           // not a pid
    fs::create_symlink("/dev/sr0", proc / "self" / "fd" / "3");

    DriveLocation drive;
    drive.name = "sr0";
    drive.block_device = "/dev/sr0";
    drive.generic_device = "/dev/sg0";
    SystemRoots roots;
    roots.proc = proc;
    const auto holders = find_holders(drive, roots);
    REQUIRE(holders.size() == 3);
    CHECK(holders[0].pid == 7);
    CHECK(holders[0].command == "cat");
    CHECK(holders[0].device == "/dev/sg0");
    CHECK(holders[1].pid == 42);
    CHECK(holders[1].command == "burner");
    CHECK(holders[1].device == "/dev/sg0");
    CHECK(holders[2].pid == 42);
    CHECK(holders[2].device == "/dev/sr0");
}

TEST_CASE("platform::find_holders on the live /proc matches by st_rdev") {
    // A child holds /dev/null as stdin; a pretend drive whose sg node has /dev/null's numbers
    // (but another name) must list it, and never this process.
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    DriveLocation fake;
    fake.name = "sr7";
    fake.generic_device = "/dev/sg7";
    fake.generic_dev_numbers =
        std::to_string(major(st.st_rdev)) + ":" + std::to_string(minor(st.st_rdev));
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::execl("/bin/sh", "sh", "-c", "exec sleep 30 < /dev/null", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    std::vector<discrec::platform::Holder> holders;
    for (int i = 0; i < 100; ++i) {  // until the child has exec'd sleep
        holders = find_holders(fake);
        const bool found = std::any_of(holders.begin(), holders.end(), [&](const auto& h) {
            return h.pid == child && h.command == "sleep";
        });
        if (found) break;
        ::usleep(20000);
    }
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    const auto mine =
        std::find_if(holders.begin(), holders.end(), [&](const auto& h) { return h.pid == child; });
    REQUIRE(mine != holders.end());
    CHECK(mine->command == "sleep");
    CHECK(mine->device == "/dev/sg7");
    for (const auto& h : holders) CHECK(h.pid != ::getpid());
}

TEST_CASE("platform::enumerate_drives on the live host") {
    const auto start = std::chrono::steady_clock::now();
    const auto drives = enumerate_drives();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    REQUIRE(drives.has_value());
    bool host_has_sr = false;
    std::error_code ec;
    for (fs::directory_iterator it("/sys/class/block", ec), end; !ec && it != end;
         it.increment(ec)) {
        host_has_sr = host_has_sr || it->path().filename().string().starts_with("sr");
    }
    if (!host_has_sr) CHECK(drives->empty());  // e.g. the CI host: no optical drive
    for (const auto& d : *drives) {
        CHECK((d.name.starts_with("sr") || d.name.starts_with("sg")));
        CHECK_FALSE((d.block_device.empty() && d.generic_device.empty()));
    }
    CHECK(elapsed < std::chrono::seconds(2));  // opens nothing, waits for nothing
    MESSAGE("live host: " << drives->size() << " drive(s) in "
                          << std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count()
                          << " us");
    CHECK(error_of(*drives, "/dev/null", SystemRoots{}) == "'/dev/null' is not an optical drive");
    if (fs::exists("/dev/vda")) {
        CHECK(error_of(*drives, "/dev/vda", SystemRoots{}) == "'/dev/vda' is not an optical drive");
    }
}

TEST_CASE("platform::linux_detail::unescape_mount_field") {
    CHECK(detail::unescape_mount_field("/mnt/my\\040cd") == "/mnt/my cd");
    CHECK(detail::unescape_mount_field("/a\\011b\\012c\\134d") == "/a\tb\nc\\d");
    CHECK(detail::unescape_mount_field("/plain") == "/plain");
    CHECK(detail::unescape_mount_field("/short\\04") == "/short\\04");  // not three digits
    CHECK(detail::unescape_mount_field("/bad\\089") == "/bad\\089");    // not octal
    CHECK(detail::unescape_mount_field("\\040") == " ");
}

TEST_CASE("platform::linux_detail::mount_points_for") {
    const std::string mountinfo =
        "30 1 0:25 / / rw - overlay overlay rw\n"
        "39 30 11:0 / /mnt/my\\040cd ro,relatime - iso9660 /dev/sr0 ro\n"
        "40 30 11:1 / /media/x ro - iso9660 /dev/sr1 ro\n"
        "41 30 11:0 /sub /mnt/bind ro - iso9660 /dev/sr0 ro\n"
        "42 30 111:0 / /not-sr0 ro - ext4 /dev/foo rw\n"
        "truncated line\n";
    CHECK(detail::mount_points_for(mountinfo, "11:0") == Names{"/mnt/my cd", "/mnt/bind"});
    CHECK(detail::mount_points_for(mountinfo, "11:1") == Names{"/media/x"});
    CHECK(detail::mount_points_for(mountinfo, "11:2").empty());
    CHECK(detail::mount_points_for(mountinfo, "").empty());
}

TEST_CASE("platform::linux_detail::bus_for") {
    struct Case {
        std::string path, driver, bus;
    };
    const std::vector<Case> cases = {
        {"devices/pci0000:00/0000:00:01.1/ata1/host0/target0:0:0/0:0:0:0", "ata_piix", "ata"},
        {"devices/pci0000:00/0000:00:1f.2/ata3/host2/target2:0:0/2:0:0:0", "ahci", "ata"},
        {"devices/pci0000:00/0000:00:06.0/virtio3/host8/target8:0:0/8:0:0:0", "virtio_scsi",
         "virtio"},
        {"devices/pci0000:00/0000:00:07.0/host9/target9:0:0/9:0:0:0", "sym53c8xx", "scsi"},
        {"devices/pci0000:00/0000:00:08.0/usb2/2-1/2-1:1.0/host10/target10:0:0/10:0:0:0",
         "usb-storage", "usb"},
        {"devices/pci0000:00/0000:00:05.0/usb2/2-1/2-1:1.0/host0/target0:0:0/0:0:0:0", "uas",
         "usb"},
        {"devices/pci0000:00/0000:00:03.0/0000:02:00.0/host0/port-0:0/end_device-0:0/"
         "target0:0:0/0:0:0:0",
         "mpt3sas", "sas"},
        {"devices/pseudo_0/adapter0/host2/target2:0:0/2:0:0:0", "scsi_debug", "scsi"},
        // Driver rows when the path says nothing (e.g. an unusual topology).
        {"devices/platform/host0/target0:0:0/0:0:0:0", "pata_via", "ata"},
        {"devices/platform/host0/target0:0:0/0:0:0:0", "sata_nv", "ata"},
        {"devices/platform/host0/target0:0:0/0:0:0:0", "uas", "usb"},
        {"devices/platform/host0/target0:0:0/0:0:0:0", "virtio_scsi", "virtio"},
        {"devices/platform/host0/target0:0:0/0:0:0:0", "", "scsi"},
        // "ata" or "usb" must be a whole segment with a number, not any substring.
        {"devices/platform/data1/usbfoo/host0/0:0:0:0", "mptspi", "scsi"},
    };
    for (const auto& c : cases) {
        INFO(c.path << " " << c.driver);
        CHECK(detail::bus_for(c.path, c.driver) == c.bus);
    }
}

TEST_CASE("platform::linux_detail::to_root_path and parse_dev_numbers") {
    const SystemRoots roots{"/t/sys", "/t/dev", "/t/proc"};
    CHECK(detail::to_root_path(roots, "/dev/sr0") == fs::path("/t/dev/sr0"));
    CHECK(detail::to_root_path(roots, "/dev/disk/by-id/x") == fs::path("/t/dev/disk/by-id/x"));
    CHECK(detail::to_root_path(roots, "/dev") == fs::path("/t/dev"));
    CHECK(detail::to_root_path(roots, "/devices/x") == fs::path("/devices/x"));
    CHECK(detail::to_root_path(roots, "/tmp/x") == fs::path("/tmp/x"));
    CHECK(detail::to_root_path(roots, "dev/sr0") == fs::path("dev/sr0"));
    CHECK(detail::parse_dev_numbers("11:0") == makedev(11, 0));
    CHECK(detail::parse_dev_numbers("259:65536") == makedev(259, 65536));
    CHECK_FALSE(detail::parse_dev_numbers("11").has_value());
    CHECK_FALSE(detail::parse_dev_numbers("11:x").has_value());
    CHECK_FALSE(detail::parse_dev_numbers(":0").has_value());
}

#endif  // __linux__
