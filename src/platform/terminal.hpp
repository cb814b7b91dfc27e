// Whether a standard stream is a terminal that shows ANSI colour (output/color.cpp).
#pragma once

namespace discrec::platform {

enum class StdStream { out, err };

// Linux: isatty(). Windows: a console, switched to virtual terminal processing so it
// interprets the SGR sequences (false when the console refuses, as before Windows 10).
bool color_terminal(StdStream stream);
// Whether a standard stream is a terminal at all (a progress line rewritten with \r goes
// only there). Linux: isatty(). Windows: a console handle.
bool is_terminal(StdStream stream);
// Makes stdout carry bytes unchanged (send --binary). Windows' C runtime opens it in text
// mode, which writes every 0Ah byte as 0Dh 0Ah; Linux has no such mode (a no-op).
void set_stdout_binary();

}  // namespace discrec::platform
