#include <csignal>

#include "platform/process.hpp"

namespace discrec::platform {

void prepare_process() { std::signal(SIGPIPE, SIG_IGN); }

} // namespace discrec::platform
