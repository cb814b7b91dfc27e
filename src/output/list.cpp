#include "output/list.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "output/json_document.hpp"
#include "output/table.hpp"

namespace discrec::output {
namespace {

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += sep;
        out += item;
    }
    return out;
}

// One row per field: the JSON key, the text header (nullptr: not a text column), the help.
constexpr FieldInfo k_fields[] = {
    {"index", "#", "position in the list; usable as DRIVE"},
    {"name", nullptr, "kernel name (sr0)"},
    {"block_device", "DEVICE", "block device node"},
    {"generic_device", "GENERIC", "SCSI generic node (empty without the sg module)"},
    {"vendor", "VENDOR", "INQUIRY vendor identification, as the kernel read it"},
    {"model", "MODEL", "INQUIRY product identification"},
    {"revision", "REV", "INQUIRY product revision level"},
    {"bus", "BUS", "ata, usb, scsi, virtio, sas"},
    {"host_driver", nullptr, "kernel driver of the SCSI host (ahci, virtio_scsi, uas ...)"},
    {"scsi_address", "H:C:T:L", "SCSI host:channel:target:lun"},
    {"stable_names", nullptr, "udev symlinks to the drive (/dev/cdrom, /dev/disk/by-id/...)"},
    {"mount_points", "MOUNTS", "where its medium is mounted"},
};

nlohmann::ordered_json drive_json(const platform::DriveLocation& d) {
    nlohmann::ordered_json j;
    j["index"] = d.index;
    j["name"] = d.name;
    j["block_device"] = d.block_device;
    j["generic_device"] = d.generic_device;
    j["vendor"] = d.vendor;
    j["model"] = d.model;
    j["revision"] = d.revision;
    j["bus"] = d.bus;
    j["host_driver"] = d.host_driver;
    j["scsi_address"] = d.scsi_address;
    j["stable_names"] = d.stable_names;
    j["mount_points"] = d.mount_points;
    return j;
}

std::vector<std::string> text_cells(const platform::DriveLocation& d) {
    return {std::to_string(d.index),
            d.block_device,
            d.generic_device.empty() ? "-" : d.generic_device,
            d.vendor,
            d.model,
            d.revision,
            d.bus,
            d.scsi_address,
            d.mount_points.empty() ? "-" : join(d.mount_points, ",")};
}

}  // namespace

std::span<const FieldInfo> list_fields() noexcept { return k_fields; }

void print_list(const OutputOptions& options, const std::vector<platform::DriveLocation>& drives) {
    if (options.json) {
        auto doc = document_head(options);
        doc["drives"] = nlohmann::ordered_json::array();
        for (const auto& d : drives) doc["drives"].push_back(drive_json(d));
        finish_document(doc, ExitCode::ok, nullptr);
        return;
    }
    std::vector<std::string> headers;
    for (const auto& f : k_fields) {
        if (f.header != nullptr) headers.emplace_back(f.header);
    }
    TextTable table(headers);
    for (const auto& d : drives) table.add_row(text_cells(d));
    if (!drives.empty()) std::fputs(table.render(options.color).c_str(), stdout);
}

}  // namespace discrec::output
