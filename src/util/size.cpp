#include "util/size.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>

namespace discrec {
namespace {

struct Unit {
    char letter;
    std::uint64_t factor;
    std::string_view name;
};
constexpr std::array<Unit, 4> k_units = {{
    {'k', 1ULL << 10, "KiB"},
    {'m', 1ULL << 20, "MiB"},
    {'g', 1ULL << 30, "GiB"},
    {'t', 1ULL << 40, "TiB"},
}};

Error size_error(std::string_view text, std::string_view why) {
    return make_error(ErrorKind::usage,
                      fmt::format("'{}' is no size: {} (bytes such as 4700000000, 700M or 4.7G "
                                  "with k/M/G/T as powers of 1024, or sectors such as 359844s)",
                                  text, why));
}

const Unit* find_unit(char c) {
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& u : k_units) {
        if (u.letter == lower) return &u;
    }
    return nullptr;
}

}  // namespace

std::string SizeSpec::text() const {
    if (sectors) return fmt::format("{} sector{}", value, value == 1 ? "" : "s");
    for (auto it = k_units.rbegin(); it != k_units.rend(); ++it) {
        if (value >= it->factor && value % it->factor == 0)
            return fmt::format("{} bytes ({} {})", value, value / it->factor, it->name);
    }
    return fmt::format("{} bytes", value);
}

Result<SizeSpec> parse_size(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0)
        ++digits;
    if (digits == 0) return size_error(text, "it does not start with a number");
    std::uint64_t whole = 0;
    if (std::from_chars(text.data(), text.data() + digits, whole).ec != std::errc())
        return size_error(text, "too large");
    std::string_view fraction;
    std::size_t end = digits;
    if (end < text.size() && text[end] == '.') {
        ++end;
        while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) ++end;
        fraction = text.substr(digits + 1, end - digits - 1);
        if (fraction.empty()) return size_error(text, "no digit after the point");
    }
    const std::string_view suffix = text.substr(end);

    if (suffix == "s" || suffix == "S") {
        if (!fraction.empty()) return size_error(text, "a count of sectors has no fraction");
        return SizeSpec{whole, true};
    }
    std::uint64_t factor = 1;
    if (!suffix.empty()) {
        const Unit* unit = find_unit(suffix.front());
        const std::string_view rest = suffix.substr(1);
        if (unit == nullptr || !(rest.empty() || rest == "B" || rest == "iB"))
            return size_error(text, fmt::format("unknown unit '{}'", suffix));
        factor = unit->factor;
    } else if (!fraction.empty()) {
        return size_error(text, "a fraction needs a unit");
    }
    constexpr auto k_max = std::numeric_limits<std::uint64_t>::max();
    if (whole > k_max / factor) return size_error(text, "too large");
    std::uint64_t bytes = whole * factor;
    if (!fraction.empty()) {
        // The fraction of one unit, rounded up to a whole byte ("4.7G" is 5046586573 bytes).
        const double part =
            std::ceil(std::stod("0." + std::string(fraction)) * static_cast<double>(factor));
        const auto add = static_cast<std::uint64_t>(part);
        if (add > k_max - bytes) return size_error(text, "too large");
        bytes += add;
    }
    return SizeSpec{bytes, false};
}

}  // namespace discrec
