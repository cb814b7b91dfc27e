// discrec_render_models SCENARIO text|json FIXTURES_DIR: renders one model of `info`, `eject`,
// `close-tray`, `lock` or `mcn` built from the QEMU captures in tests/fixtures (decoded by the
// same mmc decoders the live commands use) and from the captured sysfs tree
// tests/fixtures/sysfs/mixed. The golden files in tests/cli/goldens pin what these renderers
// print; tests/cli/goldens/regen.sh writes them, golden_test.sh compares them.
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>

#include "drive/recorder_info.hpp"
#include "mmc/configuration.hpp"
#include "mmc/events.hpp"
#include "mmc/inquiry.hpp"
#include "mmc/mode_sense.hpp"
#include "output/info.hpp"
#include "output/tray.hpp"
#include "platform/platform.hpp"
#include "util/inhex.hpp"

namespace {

using namespace discrec;

std::string g_fixtures;

// The response bytes of an sg3_utils capture: its offset-prefixed hex dump lines
// (" 00     00 1c 70 ..."), as tests/unit/mmc_fixture.hpp reads them.
Bytes capture(const std::string& name) {
    std::ifstream in(g_fixtures + "/mmc/" + name);
    if (!in) throw std::runtime_error("cannot open fixture " + name);
    std::string dump;
    for (std::string line; std::getline(in, line);) {
        const bool offset_line = line.size() > 8 && line[0] == ' ' &&
                                 std::isxdigit(static_cast<unsigned char>(line[1])) != 0 &&
                                 line.find("     ") != std::string::npos && line.find("     ") < 8;
        if (offset_line) dump += line + "\n";
    }
    auto bytes = parse_hex_text(dump);
    if (!bytes) throw std::runtime_error(name + ": " + bytes.error().message);
    return *bytes;
}

platform::DriveLocation location(const std::string& name) {
    const platform::SystemRoots roots{g_fixtures + "/sysfs/mixed/sys",
                                      g_fixtures + "/sysfs/mixed/dev",
                                      g_fixtures + "/sysfs/mixed/proc"};
    auto drives = platform::enumerate_drives(roots);
    if (!drives) throw std::runtime_error(drives.error().message);
    for (auto& d : *drives) {
        if (d.name == name) return d;
    }
    throw std::runtime_error("no drive " + name + " in the sysfs fixture");
}

drive::MediaState media_from_gesn(const std::string& name) {
    const auto ev = mmc::decode_event_status(capture(name));
    drive::MediaState m;
    m.tray_open = ev.media->door_or_tray_open;
    m.medium_present = ev.media->media_present;
    m.ready = *m.medium_present;
    if (!m.ready) m.not_ready_reason = "medium not present (sense 2/3a/00)";
    m.source = "gesn";
    return m;
}

struct Captures {
    std::string drive, inquiry, vpd00, vpd83, config, modes, page2a, gesn;
    bool modes_sense10 = true;
};

drive::RecorderInfo recorder_info(const Captures& c) {
    drive::RecorderInfo info;
    info.location = location(c.drive);
    drive::Identity id;
    id.inquiry = mmc::decode_inquiry(capture(c.inquiry));
    id.vpd_pages = mmc::decode_vpd_supported_pages(capture(c.vpd00)).pages;
    id.device_ids = mmc::decode_vpd_device_id(capture(c.vpd83)).designators;
    info.identity = id;
    info.configuration = mmc::decode_configuration(capture(c.config));
    info.media = media_from_gesn(c.gesn);
    const auto all = c.modes_sense10 ? mmc::decode_mode_sense10(capture(c.modes))
                                     : mmc::decode_mode_sense6(capture(c.modes));
    drive::ModePageList pages;
    for (const auto& p : all.pages) pages.pages.push_back(p.code);
    if (pages.pages.empty()) {  // 3Fh refused (ATAPI): the pages asked one at a time answered
        pages.probed = true;
        for (const auto& p : mmc::decode_mode_sense10(capture(c.page2a)).pages)
            pages.pages.push_back(p.code);
    }
    info.mode_pages = pages;
    info.capabilities =
        mmc::decode_mode_page_2a_summary(mmc::decode_mode_sense10(capture(c.page2a)));
    info.can_load_media = true;
    info.unique_id = "QM00001";
    info.unique_id_source = "vpd_device_id";
    info.media_polling = {2000, 2000, "sysfs"};
    return info;
}

const Captures k_piix{"sr0",
                      "piix-01-inquiry-hex.txt",
                      "piix-02-vpd-00-hex.txt",
                      "piix-05-vpd-83-hex.txt",
                      "piix-11-get-config-hex.txt",
                      "piix-47-mode-sense10-3f-raw.txt",
                      "piix-23-mode-2a-hex.txt",
                      "piix-31-gesn-media.txt"};
const Captures k_virtio{"sr2",
                        "virtio-scsi-01-inquiry-hex.txt",
                        "virtio-scsi-02-vpd-00-hex.txt",
                        "virtio-scsi-05-vpd-83-hex.txt",
                        "virtio-scsi-11-get-config-hex.txt",
                        "virtio-scsi-47-mode-sense10-3f-raw.txt",
                        "virtio-scsi-23-mode-2a-hex.txt",
                        "virtio-scsi-empty-31-gesn-media.txt"};

void info(const output::OutputOptions& o, std::vector<drive::RecorderInfo> drives,
          ExitCode status = ExitCode::ok) {
    output::print_info(o, drives, status);
}

const std::map<std::string, std::function<void(const output::OutputOptions&)>> k_scenarios = {
    {"info-piix-cd", [](const auto& o) { info(o, {recorder_info(k_piix)}); }},
    {"info-virtio-empty", [](const auto& o) { info(o, {recorder_info(k_virtio)}); }},
    {"info-two-drives",
     [](const auto& o) {
         info(o, {recorder_info(k_piix), recorder_info(k_virtio)});
     }},
    // A reserved loading mechanism (MMC-3 §5.5.10: 011b), another peripheral device type, a
    // failed question and a holder: the odd cases the renderers name.
    {"info-odd",
     [](const auto& o) {
         auto d = recorder_info(k_piix);
         d.capabilities->loading_mechanism = 3;
         d.identity->inquiry.device_type = 4;
         d.holders = {{864, "burner", "/dev/sg0"}};
         d.exclusive_owner = platform::ExclusiveOwner{864, "burner"};
         d.errors = {make_error(ErrorKind::device_error,
                                "sr0: MODE SENSE(10): invalid field in CDB (sense 5/24/00)")};
         d.media_polling = {-1, 0, "sysfs"};
         info(o, {d});
     }},
    {"info-fatal",
     [](const auto& o) {
         drive::RecorderInfo d;
         d.location = location("sr3");
         d.unique_id = "scsi:9:0:0:0";
         d.unique_id_source = "scsi_address";
         d.fatal = make_error(ErrorKind::permission_denied,
                              "sr3: cannot open /dev/sg3: Permission denied");
         info(o, {d}, ExitCode::permission_denied);
     }},
    {"eject",
     [](const auto& o) {
         output::print_action(o, {location("sr0"), "eject", "ejected", {"/media/cdrom"}, {}});
     }},
    {"eject-already-open",
     [](const auto& o) {
         output::print_action(o, {location("sr0"), "eject", "tray already open", {}, {}});
     }},
    {"close-tray",
     [](const auto& o) {
         output::print_action(o, {location("sr2"),
                                  "close_tray",
                                  "loaded",
                                  {},
                                  {"not ready yet: becoming ready (sense 2/04/01)"}});
     }},
    {"lock",
     [](const auto& o) {
         output::print_action(o, {location("sr0"), "lock", "locked", {}, {}});
     }},
    {"lock-status",
     [](const auto& o) {
         output::LockStatus s{location("sr0"), {}, {}, {}, {}};
         s.capabilities =
             mmc::decode_mode_page_2a_summary(mmc::decode_mode_sense10(capture(k_piix.page2a)));
         s.holders = {{865, "udisksd", "/dev/sr0"}};
         output::print_lock_status(o, s);
     }},
    {"lock-status-odd",
     [](const auto& o) {
         output::LockStatus s{location("sr2"), {}, {}, {}, {}};
         s.capabilities =
             mmc::decode_mode_page_2a_summary(mmc::decode_mode_sense10(capture(k_virtio.page2a)));
         s.capabilities->loading_mechanism = 3;
         s.capabilities->lock_state = true;
         s.exclusive_owner = platform::ExclusiveOwner{0, "IMAPI2"};
         output::print_lock_status(o, s);
     }},
    {"lock-status-unknown",
     [](const auto& o) {
         output::LockStatus s{location("sr4"), {}, {}, {}, {}};
         s.errors = {
             make_error(ErrorKind::not_supported,
                        "sr4: MODE SENSE(10): invalid command operation code (sense 5/20/00)")};
         output::print_lock_status(o, s);
     }},
    {"mcn",
     [](const auto& o) {
         output::print_media_polling(o, {location("sr0"), {2000, 2000, "sysfs"}, false});
     }},
    {"mcn-off",
     [](const auto& o) {
         output::print_media_polling(o, {location("sr0"), {0, 2000, "sysfs"}, true});
     }},
    {"mcn-default",
     [](const auto& o) {
         output::print_media_polling(o, {location("sr1"), {-1, 0, "sysfs"}, false});
     }},
    {"mcn-unknown",
     [](const auto& o) {
         output::print_media_polling(o, {location("sr1"), {}, false});
     }},
};

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "--list") {
        for (const auto& [name, fn] : k_scenarios) std::printf("%s\n", name.c_str());
        return 0;
    }
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s --list | SCENARIO text|json FIXTURES_DIR\n", argv[0]);
        return 2;
    }
    const auto it = k_scenarios.find(argv[1]);
    if (it == k_scenarios.end()) {
        std::fprintf(stderr, "no scenario %s\n", argv[1]);
        return 2;
    }
    g_fixtures = argv[3];
    output::OutputOptions o;
    o.json = std::string(argv[2]) == "json";
    o.argv = {"discrec", "ARGV"};
    try {
        it->second(o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", argv[1], e.what());
        return 1;
    }
    return 0;
}
