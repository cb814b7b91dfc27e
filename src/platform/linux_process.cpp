#include <csignal>

#include "platform/process.hpp"

namespace discrec::platform {

void prepare_process() { std::signal(SIGPIPE, SIG_IGN); }

void end_by_broken_pipe() {
    std::signal(SIGPIPE, SIG_DFL);
    std::raise(SIGPIPE);
}

}  // namespace discrec::platform
