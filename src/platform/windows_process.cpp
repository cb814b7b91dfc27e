#include <windows.h>

#include "platform/process.hpp"

namespace discrec::platform {

void prepare_process() { ::SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX); }

void end_by_broken_pipe() {}

}  // namespace discrec::platform
