// What watch's waiting shares on every OS: sleeping in slices so that a stop request (the
// OS-specific handlers in linux_watch.cpp / windows_watch.cpp) ends it within 50 ms.
#include <algorithm>
#include <thread>

#include "platform/watch.hpp"

namespace discrec::platform {

bool sleep_unless_stopped(std::chrono::milliseconds duration) {
    constexpr auto k_slice = std::chrono::milliseconds(50);
    const auto end = std::chrono::steady_clock::now() + duration;
    while (!stop_requested()) {
        const auto left = end - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero()) return true;
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, k_slice));
    }
    return false;
}

}  // namespace discrec::platform
