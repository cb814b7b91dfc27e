#include "mmc/media.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "mmc/feature_fields.hpp"
#include "mmc/tables/features.hpp"
#include "mmc/tables/media_layouts.hpp"

namespace discrec::mmc {
namespace {

// Disc Status and State of Last Session values (MMC-6 §6.22.3.1).
constexpr std::uint64_t k_status_empty = 0;
constexpr std::uint64_t k_status_incomplete = 1;
constexpr std::uint64_t k_status_complete = 2;
constexpr std::uint64_t k_status_others = 3;
constexpr std::uint64_t k_session_incomplete = 1;
constexpr std::uint64_t k_session_damaged = 2;
// Session Information: 2 bytes of first/last session + one 8-byte descriptor.
constexpr std::uint64_t k_session_info_length = 10;

void append(Record& into, Record from) {
    for (auto& v : from.values) into.values.push_back(std::move(v));
    for (auto& a : from.absent) into.absent.push_back(a);
    for (auto& n : from.notes) into.notes.push_back(std::move(n));
}

Record decode_counted(const Layout& layout, ByteSpan data, std::string_view what) {
    std::vector<std::string> notes;
    Record r = decode_fields(layout, within_length_field(data, notes, what));
    for (auto& n : notes) r.notes.push_back(std::move(n));
    return r;
}

}  // namespace

ByteSpan within_length_field(ByteSpan data, std::vector<std::string>& notes,
                             std::string_view what) {
    if (data.size() < 2) {
        notes.push_back(
            fmt::format("{}: {} byte(s), shorter than its length field", what, data.size()));
        return data;
    }
    const std::size_t announced = std::size_t{be16_at(data, 0)} + 2;
    if (announced > data.size()) {
        notes.push_back(fmt::format("{}: the length field announces {} bytes, {} arrived", what,
                                    announced, data.size()));
        return data;
    }
    return data.first(announced);
}

Record decode_disc_information(ByteSpan data, bool cd) {
    Record r = decode_counted(disc_information_layout(), data, "disc information");
    std::vector<std::string> ignored;
    append(r, decode_fields(disc_addresses_layout(cd),
                            within_length_field(data, ignored, "disc information")));
    return r;
}

Record decode_track_information(ByteSpan data) {
    return decode_counted(track_information_layout(), data, "track information");
}

Record decode_toc(ByteSpan data, bool msf) { return decode_counted(toc_layout(msf), data, "TOC"); }

Record decode_length_counted(const Layout& layout, ByteSpan data, std::string_view what) {
    return decode_counted(layout, data, what);
}

Record record_without_fields(const Layout& layout, std::vector<std::string> notes) {
    Record r;
    r.layout = &layout;
    r.notes = std::move(notes);
    return r;
}

Record other_format_answer(const Layout& layout, std::string_view what, std::string_view why) {
    return record_without_fields(
        layout, {fmt::format("{}: the drive answered with data of another format ({}): not decoded",
                             what, why)});
}

Bytes toc_in_msf(ByteSpan lba_toc) {
    constexpr std::size_t k_header = 4, k_descriptor = 8, k_address = 4;
    Bytes out(lba_toc.begin(), lba_toc.end());
    std::vector<std::string> ignored;
    const std::size_t covered = within_length_field(lba_toc, ignored, "TOC").size();
    for (std::size_t at = k_header; at + k_descriptor <= covered; at += k_descriptor) {
        const auto lba = static_cast<std::int32_t>(be32_at(lba_toc, at + k_address));
        const Msf msf = lba_to_msf(lba);
        out[at + k_address] = std::byte{0};
        out[at + k_address + 1] = std::byte{msf.m};
        out[at + k_address + 2] = std::byte{msf.s};
        out[at + k_address + 3] = std::byte{msf.f};
    }
    return out;
}

Record decode_session_info(ByteSpan data, bool msf) {
    if (data.size() >= 2 && be16_at(data, 0) != k_session_info_length) {
        return other_format_answer(session_info_layout(msf), "session information",
                                   fmt::format("length {}, format 0001b has 10", be16_at(data, 0)));
    }
    return decode_counted(session_info_layout(msf), data, "session information");
}

Record decode_format_capacities(ByteSpan data) {
    constexpr std::size_t k_header = 4;      // Capacity List Header
    constexpr std::size_t k_descriptor = 8;  // every capacity descriptor
    std::vector<std::string> notes;
    if (!bytes_arrived(data, k_header, "format capacities", notes)) {
        Record r;
        r.layout = &format_capacities_layout();
        r.notes = std::move(notes);
        return r;
    }
    const std::size_t listed = u8_at(data, 3);
    if (listed < k_descriptor || listed % k_descriptor != 0) {
        notes.push_back(
            fmt::format("format capacities: the capacity list length {} is not 8 "
                        "plus a multiple of 8; decoded as far as whole descriptors go",
                        listed));
    }
    std::size_t end = k_header + listed;
    if (end > data.size()) {
        notes.push_back(
            fmt::format("format capacities: the capacity list length announces {} "
                        "bytes, {} arrived",
                        end, data.size()));
        end = data.size();
    }
    Record r = decode_fields(format_capacities_layout(), data.first(end));
    for (auto& n : notes) r.notes.push_back(std::move(n));
    return r;
}

std::optional<std::uint64_t> number_of(const Record& record, std::string_view key) noexcept {
    const Value* v = record.find(key);
    if (v == nullptr || !v->valid) return std::nullopt;
    return v->number;
}

std::optional<std::int64_t> address_of(const Record& record, std::string_view key) noexcept {
    const Value* v = record.find(key);
    if (v == nullptr || !v->valid) return std::nullopt;
    return v->lba;
}

std::optional<DiscStatus> disc_status(const Record& disc_info) noexcept {
    const auto status = number_of(disc_info, "disc_status");
    if (!status) return std::nullopt;
    switch (*status) {
        case k_status_empty:
            return DiscStatus::empty;
        case k_status_incomplete:
            return DiscStatus::incomplete;
        case k_status_complete:
            return DiscStatus::complete;
        default:
            return DiscStatus::others;
    }
}

std::optional<std::int64_t> first_data_track_start(const Record& toc) noexcept {
    constexpr std::uint64_t k_control_data = 0x4;
    const Value* list = toc.find("tracks");
    if (list == nullptr) return std::nullopt;
    for (const auto& item : list->items) {
        if (number_of(item, "track") == k_lead_out_track) continue;
        if ((number_of(item, "control").value_or(0) & k_control_data) != 0)
            return address_of(item, "start");
    }
    return std::nullopt;
}

std::optional<std::int64_t> lead_out_start(const Record& toc) noexcept {
    const Value* list = toc.find("tracks");
    if (list == nullptr) return std::nullopt;
    for (const auto& item : list->items) {
        if (number_of(item, "track") == k_lead_out_track) return address_of(item, "start");
    }
    return std::nullopt;
}

namespace {

// MMC-6 §5.3: features that are current only while the medium in the drive can be written by
// it (a write protected medium leaves them not current). DVD+RW's own feature (002Ah) and
// MRW's (0028h) are left out: their Write bit says what the drive can do, and a DVD+RW that
// can be written has Random Writable (0020h) current.
constexpr std::array<std::uint16_t, 11> k_writing_features = {
    0x0020,  // Random Writable
    0x0021,  // Incremental Streaming Writable
    0x0026,  // Restricted Overwrite
    0x0027,  // CD-RW CAV Write
    0x002d,  // CD Track at Once
    0x002e,  // CD Mastering
    0x002f,  // DVD-R/-RW Write
    0x0033,  // Layer Jump Recording
    0x0038,  // BD-R Pseudo-Overwrite
    0x0041,  // BD Write
    0x0051,  // HD DVD Write
};
// Write-once media whose own feature says "writes" by its Write bit (byte 4 bit 0).
constexpr std::array<std::uint16_t, 2> k_write_bit_features = {
    0x002b,  // DVD+R
    0x003b,  // DVD+R Dual Layer
};

bool contains(std::span<const std::uint16_t> codes, std::uint16_t code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

bool writes_now(const FeatureDescriptor& f) {
    if (!f.current) return false;
    if (contains(k_writing_features, f.code)) return true;
    if (!contains(k_write_bit_features, f.code)) return false;
    return number_of(decode_feature(f).record, "write").value_or(0) != 0;
}

// "DWP, SPWP" of the Write Protect feature (MMC-6 §5.3.4), or "no bits set".
std::string write_protect_bits(const FeatureDescriptor& f) {
    const auto d = decode_feature(f);
    std::string bits;
    for (std::string_view key : {"dwp", "wdcb", "spwp", "sswpp"}) {
        if (const auto* v = d.record.find(key); v != nullptr && v->valid && v->number != 0) {
            bits += fmt::format("{}{}", bits.empty() ? "" : ", ", v->field->label);
        }
    }
    return bits.empty() ? "no bits set" : bits;
}

}  // namespace

WriteProtection write_protection_from_features(const Configuration& current,
                                               std::string_view medium) {
    if (!current.usable) return {std::nullopt, "not determined (no current features)"};
    const FeatureDescriptor* protect = nullptr;
    for (const auto& f : current.features) {
        if (writes_now(f)) {
            return {false,
                    fmt::format("feature {:04X}h ({}) is current", f.code, feature_name(f.code))};
        }
        if (f.code == feature_code::write_protect && f.current) protect = &f;
    }
    if (protect != nullptr) {
        // The status itself (SWPP, PWP, MSWI, CWP) is READ DISC STRUCTURE format C0h's.
        return {true, fmt::format("no write feature is current for this {}, and Write Protect "
                                  "(0004h: {}) is: the medium is write protected",
                                  medium, write_protect_bits(*protect))};
    }
    return {true,
            fmt::format("no write feature is current: this drive cannot write this {}", medium)};
}

std::vector<MediaStatusFlag> media_status_flags(const Record& disc_info, bool rom_profile,
                                                const WriteProtection& protection) {
    const auto status = number_of(disc_info, "disc_status");
    const auto session = number_of(disc_info, "last_session_state");
    const bool erasable = number_of(disc_info, "erasable").value_or(0) != 0;
    const auto is = [](const std::optional<std::uint64_t>& v, std::uint64_t want) {
        return v && *v == want;
    };
    return {
        {"randomly_writable", "IMAPI_FORMAT2_DATA_MEDIA_STATE_RANDOMLY_WRITABLE", 0x1,
         !rom_profile && is(status, k_status_others)},
        {"blank", "IMAPI_FORMAT2_DATA_MEDIA_STATE_BLANK", 0x2, is(status, k_status_empty)},
        {"appendable", "IMAPI_FORMAT2_DATA_MEDIA_STATE_APPENDABLE", 0x4,
         is(status, k_status_incomplete)},
        {"damaged", "IMAPI_FORMAT2_DATA_MEDIA_STATE_DAMAGED", 0x400,
         is(session, k_session_damaged)},
        {"erase_required", "IMAPI_FORMAT2_DATA_MEDIA_STATE_ERASE_REQUIRED", 0x800,
         erasable && is(status, k_status_complete)},
        {"non_empty_session", "IMAPI_FORMAT2_DATA_MEDIA_STATE_NON_EMPTY_SESSION", 0x1000,
         is(session, k_session_incomplete)},
        {"write_protected", "IMAPI_FORMAT2_DATA_MEDIA_STATE_WRITE_PROTECTED", 0x2000,
         protection.is_protected.value_or(false)},
        {"finalized", "IMAPI_FORMAT2_DATA_MEDIA_STATE_FINALIZED", 0x4000,
         !erasable && is(status, k_status_complete)},
        {"unsupported", "IMAPI_FORMAT2_DATA_MEDIA_STATE_UNSUPPORTED_MEDIA", 0x8000, rom_profile},
    };
}

std::uint32_t media_status_value(const std::vector<MediaStatusFlag>& flags) noexcept {
    std::uint32_t v = 0;
    for (const auto& f : flags) {
        if (f.set) v |= f.value;
    }
    return v;
}

std::optional<std::uint64_t> free_blocks(const Record& disc_info,
                                         const std::vector<Record>& tracks) {
    const auto status = number_of(disc_info, "disc_status");
    if (!status) return std::nullopt;
    if (*status == k_status_complete) return 0;
    if (*status == k_status_others || tracks.empty()) return std::nullopt;
    return number_of(tracks.back(), "free_blocks");
}

std::optional<std::int64_t> next_writable_address(const std::vector<Record>& tracks) {
    if (tracks.empty()) return std::nullopt;
    return address_of(tracks.back(), "next_writable_address");
}

}  // namespace discrec::mmc
