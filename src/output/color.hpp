// Colour in text output, used sparingly: table headers, errors, and states a person should
// notice (tray open, no medium, locked). JSON is never coloured.
//
// --color=auto (the default) colours a stream only when it is a terminal and NO_COLOR is
// unset or empty (https://no-color.org: "when present and not an empty string") and TERM is
// not "dumb"; --color=always and --color=never override both, as no-color.org asks of
// per-invocation options.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "output/options.hpp"

namespace discrec::output {

enum class ColorMode { automatic, always, never };

// "auto", "always", "never"; anything else: nullopt.
std::optional<ColorMode> parse_color_mode(std::string_view word);

// The decision for one stream, from what the caller knows (pure, so it can be tested).
// no_color and term are the environment's values (nullptr: unset).
bool color_wanted(ColorMode mode, bool stream_is_terminal, const char* no_color, const char* term);

// Sets options.color (stdout) and options.color_stderr from the mode, the environment and
// whether stdout and stderr are terminals.
void apply_color_mode(OutputOptions& options, ColorMode mode);

enum class Tone {
    plain,
    heading,  // bold: table headers
    error,    // bold red: "discrec:" before an error, Error rows
    notice,   // yellow: a state that stops the next step (tray open, no medium, locked)
    good,     // green: ready
};

// text wrapped in the tone's SGR sequence (ECMA-48 §8.3.117) when on, else text unchanged.
std::string paint(bool on, Tone tone, std::string_view text);

}  // namespace discrec::output
