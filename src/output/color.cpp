#include "output/color.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "platform/terminal.hpp"

namespace discrec::output {

std::optional<ColorMode> parse_color_mode(std::string_view word) {
    if (word == "auto") return ColorMode::automatic;
    if (word == "always") return ColorMode::always;
    if (word == "never") return ColorMode::never;
    return std::nullopt;
}

bool color_wanted(ColorMode mode, bool stream_is_terminal, const char* no_color, const char* term) {
    switch (mode) {
        case ColorMode::always:
            return true;
        case ColorMode::never:
            return false;
        case ColorMode::automatic:
            break;
    }
    if (no_color != nullptr && no_color[0] != '\0') return false;
    if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
    return stream_is_terminal;
}

void apply_color_mode(OutputOptions& options, ColorMode mode) {
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    // Asked even with --color=always: on Windows this also switches the console to ANSI.
    const bool out_tty = platform::color_terminal(platform::StdStream::out);
    const bool err_tty = platform::color_terminal(platform::StdStream::err);
    options.color = color_wanted(mode, out_tty, no_color, term);
    options.color_stderr = color_wanted(mode, err_tty, no_color, term);
}

std::string paint(bool on, Tone tone, std::string_view text) {
    const char* sgr = nullptr;
    switch (tone) {
        case Tone::plain:
            break;
        case Tone::heading:
            sgr = "\x1b[1m";
            break;
        case Tone::error:
            sgr = "\x1b[1;31m";
            break;
        case Tone::notice:
            sgr = "\x1b[33m";
            break;
        case Tone::good:
            sgr = "\x1b[32m";
            break;
    }
    if (!on || sgr == nullptr || text.empty()) return std::string(text);
    std::string out(sgr);
    out += text;
    out += "\x1b[0m";
    return out;
}

}  // namespace discrec::output
