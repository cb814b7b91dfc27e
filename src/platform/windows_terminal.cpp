#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include <cstdio>

#include "platform/terminal.hpp"

namespace discrec::platform {

bool color_terminal(StdStream stream) {
    HANDLE h = ::GetStdHandle(stream == StdStream::out ? STD_OUTPUT_HANDLE : STD_ERROR_HANDLE);
    DWORD mode = 0;
    if (h == INVALID_HANDLE_VALUE || h == nullptr || !::GetConsoleMode(h, &mode)) return false;
    if ((mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0) return true;
    return ::SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0;
}

bool is_terminal(StdStream stream) {
    HANDLE h = ::GetStdHandle(stream == StdStream::out ? STD_OUTPUT_HANDLE : STD_ERROR_HANDLE);
    DWORD mode = 0;
    return h != INVALID_HANDLE_VALUE && h != nullptr && ::GetConsoleMode(h, &mode);
}

void set_stdout_binary() { ::_setmode(::_fileno(stdout), _O_BINARY); }

}  // namespace discrec::platform
