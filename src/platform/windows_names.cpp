// Pure helpers of the Windows platform layer: spellings of a drive and names of codes.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <span>

#include "platform/windows_devices.hpp"
#include "transport/windows_detail.hpp"

#include <winioctl.h>

namespace discrec::platform::win32 {
namespace {

// STORAGE_BUS_TYPE (winioctl.h); the values are part of the Windows ABI.
static_assert(BusTypeScsi == 0x1 && BusTypeAtapi == 0x2 && BusTypeAta == 0x3 && BusTypeUsb == 0x7 &&
              BusTypeSas == 0xa && BusTypeSata == 0xb);

struct CodeName {
    int code;
    const char* name;
};

// One row per bus type; ATAPI, ATA and SATA are all "ata" as on Linux (libata).
constexpr CodeName k_bus_names[] = {
    {BusTypeScsi, "scsi"},     {BusTypeAtapi, "ata"},       {BusTypeAta, "ata"},
    {BusType1394, "firewire"}, {BusTypeSsa, "ssa"},         {BusTypeFibre, "fibre"},
    {BusTypeUsb, "usb"},       {BusTypeRAID, "raid"},       {BusTypeiScsi, "iscsi"},
    {BusTypeSas, "sas"},       {BusTypeSata, "ata"},        {BusTypeSd, "sd"},
    {BusTypeMmc, "mmc"},       {BusTypeVirtual, "virtual"}, {BusTypeFileBackedVirtual, "virtual"},
};

// GetDriveType() results (WinBase.h DRIVE_*).
constexpr CodeName k_drive_type_names[] = {
    {DRIVE_UNKNOWN, "a drive of unknown type"},
    {DRIVE_NO_ROOT_DIR, "not a drive"},
    {DRIVE_REMOVABLE, "a removable disk"},
    {DRIVE_FIXED, "a fixed disk"},
    {DRIVE_REMOTE, "a network drive"},
    {DRIVE_CDROM, "a CD/DVD drive"},
    {DRIVE_RAMDISK, "a RAM disk"},
};

const char* find_name(std::span<const CodeName> rows, int code) {
    const auto it = std::find_if(rows.begin(), rows.end(),
                                 [code](const CodeName& row) { return row.code == code; });
    return it == rows.end() ? nullptr : it->name;
}

std::optional<unsigned> as_number(std::string_view text) {
    unsigned value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

bool istarts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// Drops a leading "\\.\" or "\\?\" (either slash direction): Win32 device namespace prefixes.
std::string_view strip_device_prefix(std::string_view text) {
    if (text.size() < 4) return text;
    const auto slash = [](char c) { return c == '\\' || c == '/'; };
    if (slash(text[0]) && slash(text[1]) && (text[2] == '.' || text[2] == '?') && slash(text[3])) {
        return text.substr(4);
    }
    return text;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

Spelling parse_spelling(std::string_view text) {
    Spelling s;
    const bool prefixed = strip_device_prefix(text).size() != text.size();
    const auto rest = strip_device_prefix(text);
    if (!prefixed) {
        if (const auto index = as_number(rest)) return {Spelling::Kind::index, 0, *index};
    }
    const bool letter_form = (rest.size() == 2 || (rest.size() == 3 && !prefixed &&
                                                   (rest[2] == '\\' || rest[2] == '/'))) &&
                             std::isalpha(static_cast<unsigned char>(rest[0])) && rest[1] == ':';
    if (letter_form) {
        s.kind = Spelling::Kind::letter;
        s.letter = static_cast<char>(std::toupper(static_cast<unsigned char>(rest[0])));
        return s;
    }
    if (istarts_with(rest, "cdrom")) {
        if (const auto number = as_number(rest.substr(5))) {
            return {Spelling::Kind::cdrom_number, 0, *number};
        }
    }
    return s;
}

std::string exclusive_caller_name(std::string_view client) {
    constexpr std::size_t k_max = 63;  // CDROM_EXCLUSIVE_CALLER_LENGTH - 1 (the NUL)
    std::string name;
    for (const char c : client.substr(0, std::min(client.size(), k_max))) {
        const bool valid =
            std::isalnum(static_cast<unsigned char>(c)) != 0 ||
            (c != '\0' && std::string_view(" .,:;-_").find(c) != std::string_view::npos);
        name.push_back(valid ? c : '_');
    }
    return name.empty() ? std::string("discrec") : name;
}

std::wstring command_line(const std::vector<std::string>& argv) {
    std::wstring line;
    for (const auto& utf8 : argv) {
        const auto arg = discrec::windows_detail::widen(utf8);
        if (!line.empty()) line.push_back(L' ');
        if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) {
            line += arg;
            continue;
        }
        // Backslashes are literal unless a quote follows them: then they are doubled, and the
        // quote escaped (the MSVC runtime's parsing rules, which mingw-w64's CRT follows).
        line.push_back(L'"');
        std::size_t backslashes = 0;
        for (const wchar_t c : arg) {
            if (c == L'\\') {
                ++backslashes;
                continue;
            }
            line.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
            backslashes = 0;
            line.push_back(c);
        }
        line.append(backslashes * 2, L'\\');
        line.push_back(L'"');
    }
    return line;
}

std::string letter_name(char letter) { return fmt::format("{}:", letter); }
std::string letter_device(char letter) { return fmt::format("\\\\.\\{}:", letter); }
std::string cdrom_device(unsigned number) { return fmt::format("\\\\.\\CdRom{}", number); }

std::string bus_name(int bus_type) {
    const char* name = find_name(k_bus_names, bus_type);
    return name ? name : "";
}

std::string drive_type_name(unsigned drive_type) {
    const char* name = find_name(k_drive_type_names, static_cast<int>(drive_type));
    return name ? name : fmt::format("a drive of type {}", drive_type);
}

}  // namespace discrec::platform::win32
