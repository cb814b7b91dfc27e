#include "platform/storage_descriptors.hpp"

#include <algorithm>
#include <array>

namespace discrec::platform {
namespace {

// A field that did not arrive whole is absent (nullopt), not 0: the descriptor may be cut short.
std::optional<std::uint32_t> le32(ByteSpan b, std::size_t off) {
    if (off + 4 > b.size()) return std::nullopt;
    return le32_at(b, off);
}

std::optional<std::uint16_t> le16(ByteSpan b, std::size_t off) {
    if (off + 2 > b.size()) return std::nullopt;
    return le16_at(b, off);
}

std::optional<int> byte(ByteSpan b, std::size_t off) {
    if (off >= b.size()) return std::nullopt;
    return u8_at(b, off);
}

// The bytes the descriptor covers: what arrived, cut to its own Size when that is smaller.
ByteSpan covered(ByteSpan bytes) {
    const auto size = le32(bytes, 4).value_or(0);
    return size >= 8 && size < bytes.size() ? bytes.first(size) : bytes;
}

// A NUL-terminated string at `offset`; offset 0 means absent. Padding spaces trimmed.
std::string descriptor_string(ByteSpan b, std::optional<std::uint32_t> offset) {
    if (!offset || *offset == 0 || *offset >= b.size()) return {};
    const auto rest = b.subspan(*offset);
    const auto nul = std::find(rest.begin(), rest.end(), std::byte{0});
    std::string text(reinterpret_cast<const char*>(rest.data()),
                     static_cast<std::size_t>(nul - rest.begin()));
    const auto last = text.find_last_not_of(' ');
    text.erase(last == std::string::npos ? 0 : last + 1);
    const auto first = text.find_first_not_of(' ');
    return first == std::string::npos ? std::string() : text.substr(first);
}

struct BusTypeName {
    int code;
    const char* name;
};

// winioctl.h STORAGE_BUS_TYPE, spelled as its BusType... enumerators are.
constexpr std::array k_bus_type_names{
    BusTypeName{0x00, "Unknown"}, BusTypeName{0x01, "Scsi"},
    BusTypeName{0x02, "Atapi"},   BusTypeName{0x03, "Ata"},
    BusTypeName{0x04, "1394"},    BusTypeName{0x05, "Ssa"},
    BusTypeName{0x06, "Fibre"},   BusTypeName{0x07, "Usb"},
    BusTypeName{0x08, "RAID"},    BusTypeName{0x09, "iScsi"},
    BusTypeName{0x0a, "Sas"},     BusTypeName{0x0b, "Sata"},
    BusTypeName{0x0c, "Sd"},      BusTypeName{0x0d, "Mmc"},
    BusTypeName{0x0e, "Virtual"}, BusTypeName{0x0f, "FileBackedVirtual"},
    BusTypeName{0x10, "Spaces"},  BusTypeName{0x11, "Nvme"},
    BusTypeName{0x12, "SCM"},     BusTypeName{0x13, "Ufs"},
};

}  // namespace

std::optional<StorageAdapterDescriptor> decode_storage_adapter_descriptor(ByteSpan bytes) {
    if (bytes.size() < 8) return std::nullopt;
    const auto b = covered(bytes);
    StorageAdapterDescriptor d;
    d.max_transfer_length = le32(b, 8);
    d.max_physical_pages = le32(b, 12);
    d.alignment_mask = le32(b, 16);
    d.bus_type = byte(b, 24);
    d.bus_major_version = le16(b, 26);
    d.bus_minor_version = le16(b, 28);
    return d;
}

std::optional<StorageDeviceDescriptor> decode_storage_device_descriptor(ByteSpan bytes) {
    if (bytes.size() < 8) return std::nullopt;
    const auto b = covered(bytes);
    StorageDeviceDescriptor d;
    d.device_type = byte(b, 8).value_or(0);
    d.removable_media = byte(b, 10).value_or(0) != 0;
    d.vendor = descriptor_string(b, le32(b, 12));
    d.product = descriptor_string(b, le32(b, 16));
    d.revision = descriptor_string(b, le32(b, 20));
    d.serial = descriptor_string(b, le32(b, 24));
    if (const auto bus = le32(b, 28)) d.bus_type = static_cast<int>(*bus & 0xff);
    return d;
}

std::string storage_bus_type_name(int bus_type) {
    const auto* it = std::find_if(k_bus_type_names.begin(), k_bus_type_names.end(),
                                  [&](const BusTypeName& row) { return row.code == bus_type; });
    return it == k_bus_type_names.end() ? std::string() : std::string(it->name);
}

void apply_adapter_descriptor(const StorageAdapterDescriptor& adapter, TransportDescriptor& out) {
    if (adapter.max_transfer_length) out.max_transfer_bytes = *adapter.max_transfer_length;
    if (adapter.max_physical_pages) out.max_segments = *adapter.max_physical_pages;
    if (adapter.alignment_mask) out.alignment_mask = *adapter.alignment_mask;
    if (!out.bus_type && adapter.bus_type) out.bus_type = *adapter.bus_type;
}

std::optional<std::uint64_t> max_page_aligned_transfer(const TransportDescriptor& t) {
    if (!t.max_transfer_bytes) return std::nullopt;
    if (!t.max_segments || *t.max_segments == 0) return t.max_transfer_bytes;
    return std::min<std::uint64_t>(*t.max_transfer_bytes, *t.max_segments * t.page_size);
}

std::optional<std::uint64_t> max_unaligned_transfer(const TransportDescriptor& t) {
    if (!t.max_transfer_bytes) return std::nullopt;
    if (!t.max_segments || *t.max_segments == 0) return t.max_transfer_bytes;
    return std::min<std::uint64_t>(*t.max_transfer_bytes, (*t.max_segments - 1) * t.page_size);
}

}  // namespace discrec::platform
