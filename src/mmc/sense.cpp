#include "mmc/sense.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "mmc/tables/asc_ascq.hpp"

namespace discrec::mmc {
namespace {

// SPC-4 §4.5.3, fixed format: the fields up to ASCQ fit in 14 bytes, SKS ends at byte 17.
constexpr std::size_t k_header_size = 8;  // both formats: additional sense length in byte 7
constexpr std::size_t k_fixed_asc_end = 14;
constexpr std::size_t k_fixed_sks_end = 18;

std::uint64_t be64_at(ByteSpan b, std::size_t off) {
    return (std::uint64_t{be32_at(b, off)} << 32) | be32_at(b, off + 4);
}

// The part of `sense` the drive says is sense data: 8 + additional sense length, clipped to
// what arrived. A length that runs past the received bytes is a truncation, worth a warning.
ByteSpan effective_span(ByteSpan sense, SenseData& out) {
    if (sense.size() < k_header_size) {
        out.warnings.push_back(
            fmt::format("sense data is only {} bytes (no additional sense length)", sense.size()));
        return sense;
    }
    const std::size_t claimed = k_header_size + u8_at(sense, 7);
    if (claimed > sense.size()) {
        out.warnings.push_back(
            fmt::format("sense data truncated: additional sense length says {} bytes, received {}",
                        claimed, sense.size()));
    }
    return sub_span(sense, 0, claimed);
}

// SPC-4 §4.5.2.4: the 3 sense-key specific bytes, whose meaning depends on the sense key.
void decode_sks(ByteSpan sks, SenseData& out) {
    if (sks.size() < 3 || !bit_at(sks, 0, 7)) return;
    out.sksv = true;
    out.sense_key_specific = be24_at(sks, 0) & 0x7fffffU;
    if (out.key == sense_key::illegal_request) {
        out.field_pointer =
            FieldPointer{bit_at(sks, 0, 6), bit_at(sks, 0, 3),
                         static_cast<std::uint8_t>(u8_at(sks, 0) & 0x07U), be16_at(sks, 1)};
    } else if (out.key == sense_key::no_sense || out.key == sense_key::not_ready) {
        out.progress = be16_at(sks, 1);
    }
}

// SPC-4 §4.5.3, fixed format sense data.
void decode_fixed(ByteSpan s, SenseData& out) {
    out.format = SenseFormat::fixed;
    out.valid = bit_at(s, 0, 7);
    out.filemark = bit_at(s, 2, 7);
    out.eom = bit_at(s, 2, 6);
    out.ili = bit_at(s, 2, 5);
    out.key = u8_at(s, 2) & 0x0fU;
    if (s.size() >= 7) out.information = be32_at(s, 3);
    if (s.size() >= 12) out.command_specific = be32_at(s, 8);
    if (s.size() < k_fixed_asc_end) {
        out.warnings.push_back(
            fmt::format("fixed-format sense of {} bytes has no ASC/ASCQ", s.size()));
        return;
    }
    out.asc = u8_at(s, 12);
    out.ascq = u8_at(s, 13);
    out.fru = u8_at(s, 14);
    if (s.size() >= k_fixed_sks_end) decode_sks(sub_span(s, 15, 3), out);
}

// SPC-4 §4.5.2.2-4.5.2.6: the descriptor types whose fields SenseData has names for.
void apply_descriptor(const SenseDescriptor& d, SenseData& out) {
    const ByteSpan b{d.data};  // bytes 2.. of the descriptor; offsets below are spec offset - 2
    switch (d.type) {
        case 0x00:  // Information
            out.valid = bit_at(b, 0, 7);
            if (b.size() >= 10) out.information = be64_at(b, 2);
            break;
        case 0x01:  // Command-specific information
            if (b.size() >= 10) out.command_specific = be64_at(b, 2);
            break;
        case 0x02:  // Sense key specific
            decode_sks(sub_span(b, 2, 3), out);
            break;
        case 0x03:  // Field replaceable unit
            out.fru = u8_at(b, 1);
            break;
        case 0x04:  // Stream commands
            out.filemark = bit_at(b, 1, 7);
            out.eom = bit_at(b, 1, 6);
            out.ili = bit_at(b, 1, 5);
            break;
        case 0x05:  // Block commands
            out.ili = bit_at(b, 1, 5);
            break;
        default:
            break;
    }
}

// SPC-4 §4.5.2, descriptor format: header, then descriptors of 2 + additional length bytes.
void decode_descriptor_format(ByteSpan s, SenseData& out) {
    out.format = SenseFormat::descriptor;
    out.key = u8_at(s, 1) & 0x0fU;
    out.asc = u8_at(s, 2);
    out.ascq = u8_at(s, 3);
    std::size_t off = k_header_size;
    while (off + 2 <= s.size()) {
        SenseDescriptor d;
        d.type = u8_at(s, off);
        const std::size_t len = u8_at(s, off + 1);
        if (off + 2 + len > s.size()) {
            out.warnings.push_back(fmt::format(
                "sense descriptor type 0x{:02x} at byte {} runs past the end", d.type, off));
        }
        const ByteSpan data = sub_span(s, off + 2, len);
        d.data.assign(data.begin(), data.end());
        apply_descriptor(d, out);
        out.descriptors.push_back(std::move(d));
        off += 2 + len;
    }
    if (off < s.size()) out.warnings.push_back("sense descriptor list ends in a partial header");
}

// Lower-cases the first letter of a sentence-case name unless its first word is an acronym
// ("Medium not present" -> "medium not present", "ATA device failed" stays).
std::string lower_first(std::string_view name) {
    std::string out{name};
    if (out.size() >= 2 && std::isupper(static_cast<unsigned char>(out[0])) != 0 &&
        std::isupper(static_cast<unsigned char>(out[1])) == 0 && out[1] != '/') {
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    }
    return out;
}

}  // namespace

SenseData decode_sense(ByteSpan sense) {
    SenseData out;
    if (sense.empty()) {
        out.warnings.push_back("no sense data");
        return out;
    }
    const std::uint8_t code = u8_at(sense, 0) & 0x7fU;
    const bool fixed = code == 0x70 || code == 0x71;
    const bool descriptor = code == 0x72 || code == 0x73;
    if (!fixed && !descriptor) {
        out.warnings.push_back(fmt::format("unknown sense response code 0x{:02x}", code));
        return out;
    }
    // Fixed format needs byte 2 for the sense key, descriptor format bytes 1-3.
    if (sense.size() < (fixed ? 3U : 4U)) {
        out.warnings.push_back(fmt::format("sense data too short ({} bytes)", sense.size()));
        return out;
    }
    out.response_code = code;
    out.deferred = code == 0x71 || code == 0x73;
    const ByteSpan s = effective_span(sense, out);
    if (fixed) {
        decode_fixed(s, out);
    } else {
        decode_descriptor_format(s, out);
    }
    return out;
}

std::string describe_sense(const SenseData& sense) {
    if (!sense.usable()) return "no usable sense data";
    const std::string_view key_name = sense_key_name(sense.key);
    const std::string key =
        key_name.empty() ? fmt::format("sense key 0x{:x}", sense.key) : lower_first(key_name);
    const std::string asc_name = asc_ascq_name(sense.asc, sense.ascq);
    const std::string asc = asc_name.empty()
                                ? fmt::format("asc 0x{:02x} ascq 0x{:02x}", sense.asc, sense.ascq)
                                : lower_first(asc_name);
    return fmt::format("{}{}, {} (sense {:x}/{:02x}/{:02x})", sense.deferred ? "deferred: " : "",
                       key, asc, sense.key, sense.asc, sense.ascq);
}

namespace {
constexpr std::uint8_t k_asc_medium_not_present = 0x3a;
constexpr std::uint8_t k_asc_removal_prevented = 0x53;
constexpr std::uint8_t k_asc_not_ready = 0x04;
constexpr std::uint8_t k_ascq_becoming_ready = 0x01;
constexpr std::uint8_t k_asc_invalid_opcode = 0x20;
}  // namespace

bool means_no_medium(const SenseCode& s) noexcept {
    return s.key == sense_key::not_ready && s.asc == k_asc_medium_not_present;
}
bool means_tray_open(const SenseCode& s) noexcept { return means_no_medium(s) && s.ascq == 0x02; }
bool means_tray_closed(const SenseCode& s) noexcept { return means_no_medium(s) && s.ascq == 0x01; }
bool means_becoming_ready(const SenseCode& s) noexcept {
    return s.key == sense_key::not_ready && s.asc == k_asc_not_ready &&
           s.ascq == k_ascq_becoming_ready;
}
bool means_removal_prevented(const SenseCode& s) noexcept {
    return s.asc == k_asc_removal_prevented &&
           (s.key == sense_key::not_ready || s.key == sense_key::illegal_request);
}
bool means_unsupported_command(const SenseCode& s) noexcept {
    return s.key == sense_key::illegal_request && s.asc == k_asc_invalid_opcode;
}

bool means_busy(std::uint8_t scsi_status) noexcept {
    constexpr std::uint8_t k_status_busy = 0x08;
    return scsi_status == k_status_busy;
}

}  // namespace discrec::mmc
