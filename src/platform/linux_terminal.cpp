#include <unistd.h>

#include "platform/terminal.hpp"

namespace discrec::platform {

bool color_terminal(StdStream stream) {
    return ::isatty(stream == StdStream::out ? STDOUT_FILENO : STDERR_FILENO) == 1;
}

bool is_terminal(StdStream stream) { return color_terminal(stream); }

void set_stdout_binary() {}

}  // namespace discrec::platform
