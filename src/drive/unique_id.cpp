#include "drive/unique_id.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "drive/at_once.hpp"

namespace discrec::drive {
namespace {

bool names(const UniqueId& candidate, std::string_view id) {
    if (candidate.value == id) return true;
    // "pci-0000:00:01.1-ata-1" names /dev/disk/by-path/pci-0000:00:01.1-ata-1 too.
    return candidate.source == "by_path" &&
           std::filesystem::path(candidate.value).filename() == std::filesystem::path(id);
}

bool any_names(const std::vector<UniqueId>& ids, std::string_view id) {
    return std::any_of(ids.begin(), ids.end(), [&](const UniqueId& u) { return names(u, id); });
}

std::optional<Identity> ask_identity(const platform::DriveLocation& location,
                                     const OpenOptions& options) {
    auto d = open_drive(location, options);
    if (!d) return std::nullopt;  // a drive we cannot open has no id to offer
    auto id = d->identify();
    if (!id) return std::nullopt;
    return std::move(id).value();
}

// Each drive's identity, asked of all drives at once (at_once.hpp).
std::vector<std::optional<Identity>> ask_identities(
    const std::vector<platform::DriveLocation>& drives, const OpenOptions& options) {
    std::vector<std::optional<Identity>> out(drives.size());
    at_once(drives.size(), [&](std::size_t i) { out[i] = ask_identity(drives[i], options); });
    return out;
}

Result<std::optional<platform::DriveLocation>> the_one(
    const std::vector<const platform::DriveLocation*>& found, std::string_view id) {
    if (found.empty()) return std::optional<platform::DriveLocation>{};
    if (found.size() == 1) return std::optional<platform::DriveLocation>{*found.front()};
    std::string list;
    for (const auto* d : found) {
        list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", d->name, d->block_device);
    }
    return make_error(ErrorKind::usage,
                      fmt::format("unique id '{}' names {} drives: {}; name one by its device", id,
                                  found.size(), list));
}

}  // namespace

std::vector<UniqueId> unique_ids(const platform::DriveLocation& location,
                                 const Identity* identity) {
    std::vector<UniqueId> out;
    if (identity != nullptr && identity->serial) out.push_back({*identity->serial, "vpd_serial"});
    if (identity != nullptr) {
        for (const auto& d : identity->device_ids) {
            if (d.association == 0 && !d.text.empty()) out.push_back({d.text, "vpd_device_id"});
        }
    }
    if (!location.by_path.empty()) out.push_back({location.by_path, "by_path"});
    out.push_back({"scsi:" + location.scsi_address, "scsi_address"});
    return out;
}

std::vector<std::vector<UniqueId>> ask_unique_ids(
    const std::vector<platform::DriveLocation>& drives, const OpenOptions& options) {
    const auto identities = ask_identities(drives, options);
    std::vector<std::vector<UniqueId>> out;
    for (std::size_t i = 0; i < drives.size(); ++i) {
        out.push_back(unique_ids(drives[i], identities[i] ? &*identities[i] : nullptr));
    }
    return out;
}

Result<std::optional<platform::DriveLocation>> resolve_unique_id(
    const std::vector<platform::DriveLocation>& drives, std::string_view id,
    const OpenOptions& options) {
    if (id.empty()) return std::optional<platform::DriveLocation>{};
    std::vector<const platform::DriveLocation*> found;
    for (const auto& d : drives) {
        if (any_names(unique_ids(d, nullptr), id)) found.push_back(&d);
    }
    if (!found.empty()) return the_one(found, id);
    const auto identities = ask_identities(drives, options);
    for (std::size_t i = 0; i < drives.size(); ++i) {
        if (!identities[i]) continue;
        if (any_names(unique_ids(drives[i], &*identities[i]), id)) found.push_back(&drives[i]);
    }
    return the_one(found, id);
}

}  // namespace discrec::drive
