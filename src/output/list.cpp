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

using Json = nlohmann::ordered_json;
using Drive = platform::DriveLocation;

// One row per field of a drive entry, in column order: the JSON key and value, the text
// header and cell (no header: JSON only), and what it means.
struct ListField {
    const char* json_key;
    Json (*json)(const Drive&);
    const char* header;
    std::string (*text)(const Drive&);
    const char* help;
};

std::string dash_if_empty(const std::string& s) { return s.empty() ? "-" : s; }

constexpr ListField k_fields[] = {
    {"index", [](const Drive& d) { return Json(d.index); }, "#",
     [](const Drive& d) { return std::to_string(d.index); },
     "position in the list; usable as DRIVE"},
    {"name", [](const Drive& d) { return Json(d.name); }, nullptr, nullptr, "kernel name (sr0)"},
    {"block_device", [](const Drive& d) { return Json(d.block_device); }, "DEVICE",
     [](const Drive& d) { return d.block_device; }, "block device node"},
    {"generic_device", [](const Drive& d) { return Json(d.generic_device); }, "GENERIC",
     [](const Drive& d) { return dash_if_empty(d.generic_device); },
     "SCSI generic node (empty without the sg module)"},
    {"vendor", [](const Drive& d) { return Json(d.vendor); }, "VENDOR",
     [](const Drive& d) { return d.vendor; },
     "INQUIRY vendor identification, as the kernel read it"},
    {"model", [](const Drive& d) { return Json(d.model); }, "MODEL",
     [](const Drive& d) { return d.model; }, "INQUIRY product identification"},
    {"revision", [](const Drive& d) { return Json(d.revision); }, "REV",
     [](const Drive& d) { return d.revision; }, "INQUIRY product revision level"},
    {"bus", [](const Drive& d) { return Json(d.bus); }, "BUS", [](const Drive& d) { return d.bus; },
     "ata, usb, scsi, virtio, sas"},
    {"host_driver", [](const Drive& d) { return Json(d.host_driver); }, nullptr, nullptr,
     "kernel driver of the SCSI host (ahci, virtio_scsi, uas ...)"},
    {"scsi_address", [](const Drive& d) { return Json(d.scsi_address); }, "H:C:T:L",
     [](const Drive& d) { return d.scsi_address; }, "SCSI host:channel:target:lun"},
    {"stable_names", [](const Drive& d) { return Json(d.stable_names); }, nullptr, nullptr,
     "udev symlinks to the drive (/dev/cdrom, /dev/disk/by-id/...)"},
    {"mount_points", [](const Drive& d) { return Json(d.mount_points); }, "MOUNTS",
     [](const Drive& d) { return dash_if_empty(join(d.mount_points, ",")); },
     "where its medium is mounted"},
};

Json unique_id_json(const drive::UniqueId& id) {
    return {{"value", id.value}, {"source", id.source}};
}

// The drive's ids, or none (a drive with no ids: unique_ids() always gives the SCSI address).
const std::vector<drive::UniqueId>* ids_of(const std::vector<std::vector<drive::UniqueId>>* ids,
                                           std::size_t i) {
    return ids != nullptr && i < ids->size() && !(*ids)[i].empty() ? &(*ids)[i] : nullptr;
}

}  // namespace

void print_list(const OutputOptions& options, const std::vector<platform::DriveLocation>& drives,
                const std::vector<std::vector<drive::UniqueId>>* ids) {
    if (options.json) {
        auto doc = document_head(options);
        doc["drives"] = Json::array();
        for (std::size_t i = 0; i < drives.size(); ++i) {
            Json j;
            for (const auto& f : k_fields) j[f.json_key] = f.json(drives[i]);
            if (const auto* mine = ids_of(ids, i)) {
                j["unique_id"] = unique_id_json(mine->front());  // the one info prints
                j["unique_ids"] = Json::array();
                for (const auto& id : *mine) j["unique_ids"].push_back(unique_id_json(id));
            }
            doc["drives"].push_back(std::move(j));
        }
        finish_document(doc, ExitCode::ok, nullptr);
        return;
    }
    std::vector<std::string> headers;
    for (const auto& f : k_fields) {
        if (f.header != nullptr) headers.emplace_back(f.header);
    }
    if (ids != nullptr) headers.emplace_back("UNIQUE ID");
    TextTable table(headers);
    for (std::size_t i = 0; i < drives.size(); ++i) {
        std::vector<std::string> cells;
        for (const auto& f : k_fields) {
            if (f.text != nullptr) cells.push_back(f.text(drives[i]));
        }
        if (ids != nullptr) {
            const auto* mine = ids_of(ids, i);
            // As `info` prints it: "QM00001 (vpd_device_id)".
            cells.push_back(mine ? fmt::format("{} ({})", mine->front().value, mine->front().source)
                                 : std::string("-"));
        }
        table.add_row(std::move(cells));
    }
    if (!drives.empty()) std::fputs(table.render(options.color).c_str(), stdout);
}

}  // namespace discrec::output
