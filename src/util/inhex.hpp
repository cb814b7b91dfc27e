// Reading a saved device response for --inhex: the whitespace-separated hex of sg3_utils'
// --inhex (as sg_get_config --hex / sg_modes -r / sg_raw print it), or raw binary.
#pragma once

#include <string>
#include <string_view>

#include "util/bytes.hpp"
#include "util/result.hpp"

namespace discrec {

// Hex text: pairs of hex digits separated by whitespace or commas; '#' starts a comment that
// runs to the end of the line. A line may begin with an offset column as hexdumps print it
// ("00     00 00 00 10 ...", "0x10:"): a first token followed by at least two spaces, or
// ending in ':', is taken as an offset when it equals the number of bytes read so far. A
// trailing ASCII column (after three or more spaces, as sg3_utils' dumps show it) is ignored,
// whatever it holds.
// Tokens may also be runs of hex digits of even length ("0000001000").
// Errors name the line and the offending token.
Result<Bytes> parse_hex_text(std::string_view text);

// Reads FILE ("-" for standard input) as hex text, or as raw bytes when `raw` is set. A
// usage error names the file: missing or unreadable, a directory, no hex bytes, more than
// 16 MiB raw or 96 MiB of text (endless input such as /dev/zero stops there).
Result<Bytes> read_inhex_file(const std::string& path, bool raw);

}  // namespace discrec
