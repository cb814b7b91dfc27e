#include <windows.h>

#include "platform/process.hpp"

namespace discrec::platform {

void prepare_process() { ::SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX); }

} // namespace discrec::platform
