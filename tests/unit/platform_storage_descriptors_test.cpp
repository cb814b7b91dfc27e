// Windows' storage descriptors (src/platform/storage_descriptors.cpp), decoded on any OS.
// The bytes are built here field by field from winioctl.h's layouts (STORAGE_ADAPTER_
// DESCRIPTOR, STORAGE_DEVICE_DESCRIPTOR; the mingw build static_asserts the same offsets in
// windows_transport.cpp): no capture from a real Windows drive was at hand. The values are
// those an AHCI port with an ATAPI drive reports (MaximumTransferLength 128 KiB, 33 pages,
// AlignmentMask 1, BusTypeAtapi).
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "platform/storage_descriptors.hpp"

using discrec::Bytes;
using discrec::ByteSpan;
namespace platform = discrec::platform;

namespace {

void put32(Bytes& b, std::size_t off, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b[off + i] = static_cast<std::byte>((v >> (8 * i)) & 0xff);
}

Bytes adapter_bytes() {
    Bytes b(32, std::byte{0});
    put32(b, 0, 32);          // Version
    put32(b, 4, 32);          // Size
    put32(b, 8, 128 * 1024);  // MaximumTransferLength
    put32(b, 12, 33);         // MaximumPhysicalPages
    put32(b, 16, 1);          // AlignmentMask
    b[24] = std::byte{0x02};  // BusType: BusTypeAtapi
    b[26] = std::byte{0x01};  // BusMajorVersion 1
    return b;
}

Bytes device_bytes() {
    Bytes b(36, std::byte{0});
    put32(b, 0, 1);
    b[8] = std::byte{0x05};   // DeviceType: CD/DVD
    b[10] = std::byte{0x01};  // RemovableMedia
    const auto add = [&](std::size_t field, const char* text) {
        put32(b, field, static_cast<std::uint32_t>(b.size()));
        for (const char* c = text; *c != '\0'; ++c) b.push_back(static_cast<std::byte>(*c));
        b.push_back(std::byte{0});
    };
    add(12, "HL-DT-ST");
    add(16, "DVDRAM GH24NSD1 ");  // padded as INQUIRY pads it
    add(20, "LG00");
    put32(b, 28, 0x07);  // BusType: BusTypeUsb
    put32(b, 4, static_cast<std::uint32_t>(b.size()));
    return b;
}

}  // namespace

TEST_CASE("platform::decode_storage_adapter_descriptor") {
    const auto bytes = adapter_bytes();
    const auto a = platform::decode_storage_adapter_descriptor(bytes);
    REQUIRE(a.has_value());
    CHECK(a->max_transfer_length == 131072u);
    CHECK(a->max_physical_pages == 33u);
    CHECK(a->alignment_mask == 1u);
    CHECK(a->bus_type == 2);
    CHECK(a->bus_major_version == 1);
    CHECK(a->bus_minor_version == 0);
    CHECK(platform::storage_bus_type_name(*a->bus_type) == "Atapi");

    platform::TransportDescriptor t;
    platform::apply_adapter_descriptor(*a, t);
    CHECK(t.max_transfer_bytes == 131072u);
    CHECK(t.max_segments == 33u);
    CHECK(t.alignment_mask == 1u);
    CHECK(t.bus_type == 2);
    // 33 pages: a page-aligned buffer up to 128 KiB (32 pages would do), one that starts
    // inside a page also 128 KiB (32 whole pages' worth of segments left).
    CHECK(platform::max_page_aligned_transfer(t) == 131072u);
    CHECK(platform::max_unaligned_transfer(t) == 131072u);
    t.max_segments = 17;  // 17 pages: 68 KiB aligned, 64 KiB not
    CHECK(platform::max_page_aligned_transfer(t) == 17u * 4096);
    CHECK(platform::max_unaligned_transfer(t) == 16u * 4096);
}

TEST_CASE("platform::decode_storage_adapter_descriptor: a short answer keeps what arrived") {
    auto bytes = adapter_bytes();
    CHECK_FALSE(platform::decode_storage_adapter_descriptor(ByteSpan(bytes).first(7)).has_value());
    const auto cut = platform::decode_storage_adapter_descriptor(ByteSpan(bytes).first(14));
    REQUIRE(cut.has_value());
    CHECK(cut->max_transfer_length == 131072u);
    CHECK_FALSE(cut->max_physical_pages.has_value());
    CHECK_FALSE(cut->bus_type.has_value());
    // A Size smaller than what arrived: the bytes past it are not the descriptor's.
    put32(bytes, 4, 20);
    const auto small = platform::decode_storage_adapter_descriptor(bytes);
    REQUIRE(small.has_value());
    CHECK(small->alignment_mask == 1u);
    CHECK_FALSE(small->bus_type.has_value());
}

TEST_CASE("platform::decode_storage_device_descriptor") {
    const auto bytes = device_bytes();
    const auto d = platform::decode_storage_device_descriptor(bytes);
    REQUIRE(d.has_value());
    CHECK(d->device_type == 5);
    CHECK(d->removable_media);
    CHECK(d->vendor == "HL-DT-ST");
    CHECK(d->product == "DVDRAM GH24NSD1");
    CHECK(d->revision == "LG00");
    CHECK(d->serial.empty());  // SerialNumberOffset 0: none
    CHECK(d->bus_type == 7);
    CHECK(platform::storage_bus_type_name(7) == "Usb");
    CHECK(platform::storage_bus_type_name(0x55).empty());
}

TEST_CASE("platform::decode_storage_device_descriptor never reads past the answer") {
    auto bytes = device_bytes();
    // Every cut: no string runs past the cut, offsets beyond it are no string.
    for (std::size_t n = 0; n <= bytes.size(); ++n) {
        CAPTURE(n);
        const auto d = platform::decode_storage_device_descriptor(ByteSpan(bytes).first(n));
        CHECK(d.has_value() == (n >= 8));
        if (d) CHECK(d->vendor.size() <= 8);
    }
    // An offset far outside, and a string without its NUL at the very end.
    put32(bytes, 12, 0xfffffff0);
    bytes.back() = std::byte{'X'};
    const auto d = platform::decode_storage_device_descriptor(bytes);
    REQUIRE(d.has_value());
    CHECK(d->vendor.empty());
    CHECK(d->revision == "LG00X");
}
