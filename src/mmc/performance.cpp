#include "mmc/performance.hpp"

#include <cmath>

#include <fmt/format.h>

#include "mmc/media.hpp"
#include "mmc/tables/performance_layouts.hpp"

namespace discrec::mmc {
namespace {

// Performance header byte 4 bit 0 (MMC-6 §6.8.3.1): the descriptors are exceptions.
constexpr std::size_t k_except_byte = 4;

// Nothing decodable: every field of the layout listed absent, with the notes saying why.
Record empty_record(const Layout& layout, std::vector<std::string> notes) {
    Record r;
    r.layout = &layout;
    for (const auto& f : layout.fields) r.absent.push_back(f.label);
    r.notes = std::move(notes);
    return r;
}

std::vector<std::uint64_t> numbers_in(const Record& record, std::string_view list_key,
                                      std::string_view key) {
    std::vector<std::uint64_t> out;
    const Value* list = record.find(list_key);
    if (list == nullptr) return out;
    for (const auto& item : list->items) {
        if (auto n = number_of(item, key)) out.push_back(*n);
    }
    return out;
}

}  // namespace

bool performance_type_decoded(std::uint8_t type) noexcept {
    return type == performance_type::performance || type == performance_type::write_speed;
}

Record decode_performance(ByteSpan data, std::uint8_t type) {
    const Layout& layout =
        type == performance_type::write_speed ? write_speed_layout() : performance_layout();
    std::vector<std::string> notes;
    if (!performance_type_decoded(type)) {
        notes.push_back(fmt::format("performance: type {:02X}h is not decoded", type));
        return empty_record(layout, std::move(notes));
    }
    if (!bytes_arrived(data, k_performance_header, "performance", notes))
        return empty_record(layout, std::move(notes));
    // The length counts the bytes after its own 4 (MMC-6 §6.8.3.1).
    const std::uint64_t announced = std::uint64_t{be32_at(data, 0)} + 4;
    std::size_t end = data.size();
    if (announced > data.size()) {
        notes.push_back(
            fmt::format("performance: the performance data length announces {} bytes, {} arrived",
                        announced, data.size()));
    } else {
        end = static_cast<std::size_t>(announced);
    }
    if (end < k_performance_header) {
        notes.push_back(
            fmt::format("performance: the performance data length {} is shorter than the header",
                        be32_at(data, 0)));
        end = k_performance_header;
    } else if ((end - k_performance_header) % k_performance_descriptor != 0) {
        notes.push_back(
            fmt::format("performance: {} bytes after the header are not whole 16-byte "
                        "descriptors; decoded as far as whole descriptors go",
                        end - k_performance_header));
    }
    if (type == performance_type::performance && bit_at(data, k_except_byte, 0)) {
        notes.push_back(
            "performance: the drive answered exception descriptors (Except set), "
            "not the nominal performance: only the header is decoded");
        end = k_performance_header;
    }
    Record r = decode_fields(layout, data.first(end));
    for (auto& n : notes) r.notes.push_back(std::move(n));
    return r;
}

std::optional<double> one_x_kbps(MediumFamily family) noexcept {
    switch (family) {
        case MediumFamily::cd:
            return 176.4;
        case MediumFamily::dvd:
            return 1385.0;
        case MediumFamily::bd:
            return 4495.5;
        default:
            return std::nullopt;
    }
}

double speed_factor(std::uint64_t kbps, double one_x) noexcept {
    if (one_x <= 0) return 0;
    return std::round(static_cast<double>(kbps) / one_x * 10) / 10;
}

std::vector<std::uint64_t> write_speeds_of(const Record& write_speed_answer) {
    return numbers_in(write_speed_answer, "descriptors", "write_speed");
}

std::vector<std::uint64_t> write_speeds_of_page_2a(const Record& page_2a) {
    return numbers_in(page_2a, "write_speed_descriptors", "write_speed_kbps");
}

}  // namespace discrec::mmc
