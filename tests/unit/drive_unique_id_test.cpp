// A drive named by its unique id (drive/unique_id.hpp): the ids in the order `info` picks
// them, and resolution by the ids the OS offers (no drive is opened for those).
#include <doctest/doctest.h>

#include "drive/unique_id.hpp"

namespace discrec {
namespace {

platform::DriveLocation location(std::string name, std::string by_path, std::string address) {
    platform::DriveLocation d;
    d.name = std::move(name);
    d.block_device = "/nonexistent/" + d.name;  // never opened by these tests
    d.by_path = std::move(by_path);
    d.scsi_address = std::move(address);
    return d;
}

}  // namespace

TEST_CASE("drive::unique_ids: serial, logical-unit designators, by-path, SCSI address") {
    drive::Identity id;
    id.serial = "K1234567";
    mmc::Designator lu;
    lu.association = 0;
    lu.text = "QM00001";
    mmc::Designator port;  // a target port designator names the port, not the drive
    port.association = 1;
    port.text = "port-7";
    id.device_ids = {port, lu};
    const auto d = location("sr0", "/dev/disk/by-path/pci-0000:00:01.1-ata-1", "1:0:0:0");
    const auto ids = drive::unique_ids(d, &id);
    REQUIRE(ids.size() == 4);
    CHECK(ids[0].value == "K1234567");
    CHECK(ids[0].source == "vpd_serial");
    CHECK(ids[1].value == "QM00001");
    CHECK(ids[1].source == "vpd_device_id");
    CHECK(ids[2].source == "by_path");
    CHECK(ids[3].value == "scsi:1:0:0:0");
    const auto os_only = drive::unique_ids(location("sr1", "", "2:0:1:0"), nullptr);
    REQUIRE(os_only.size() == 1);
    CHECK(os_only[0].value == "scsi:2:0:1:0");
    CHECK(os_only[0].source == "scsi_address");
}

TEST_CASE("drive::resolve_unique_id by the OS's ids, twins named, unknown ids left alone") {
    const std::vector<platform::DriveLocation> drives = {
        location("sr0", "/dev/disk/by-path/pci-0000:00:01.1-ata-1", "1:0:0:0"),
        location("sr1", "/dev/disk/by-path/pci-0000:00:05.0-scsi-0:0:2:0", "2:0:2:0")};
    const drive::OpenOptions options;
    auto by_address = drive::resolve_unique_id(drives, "scsi:2:0:2:0", options);
    REQUIRE(by_address);
    REQUIRE(by_address->has_value());
    CHECK((*by_address)->name == "sr1");
    auto by_path_name = drive::resolve_unique_id(drives, "pci-0000:00:01.1-ata-1", options);
    REQUIRE(by_path_name);
    REQUIRE(by_path_name->has_value());
    CHECK((*by_path_name)->name == "sr0");
    // Neither the OS's ids nor an answer (the nodes do not open): not found, no error.
    auto unknown = drive::resolve_unique_id(drives, "QM00009", options);
    REQUIRE(unknown);
    CHECK_FALSE(unknown->has_value());
    // Two drives with one id (a by-path name two captured links share): an error naming both.
    auto twins = drives;
    twins[1].scsi_address = "1:0:0:0";
    auto both = drive::resolve_unique_id(twins, "scsi:1:0:0:0", options);
    REQUIRE_FALSE(both);
    CHECK(both.error().kind == ErrorKind::usage);
    CHECK(both.error().message ==
          "unique id 'scsi:1:0:0:0' names 2 drives: sr0 (/nonexistent/sr0), sr1 "
          "(/nonexistent/sr1); name one by its device");
}

}  // namespace discrec
