#include "drive/at_once.hpp"

#include <exception>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "transport/run_log.hpp"

namespace discrec::drive {
namespace {

// One run's trace lines, each with the sink it was meant for.
using HeldLines = std::vector<std::pair<TraceSink, std::string>>;
thread_local HeldLines* t_held = nullptr;

}  // namespace

void at_once(std::size_t n, const std::function<void(std::size_t)>& ask) {
    if (n < 2 || RunLog::active() != nullptr) {
        for (std::size_t i = 0; i < n; ++i) ask(i);
        return;
    }
    std::vector<HeldLines> held(n);
    std::vector<std::exception_ptr> failed(n);
    std::vector<std::thread> runs;
    runs.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        runs.emplace_back([&, i] {
            t_held = &held[i];
            try {
                ask(i);
            } catch (...) {
                failed[i] = std::current_exception();
            }
            t_held = nullptr;
        });
    }
    for (auto& r : runs) r.join();
    for (auto& lines : held) {
        for (auto& [sink, line] : lines) sink(line);
    }
    for (auto& f : failed) {
        if (f) std::rethrow_exception(f);
    }
}

TraceSink held_in_order(TraceSink sink) {
    if (!sink) return sink;
    return [sink](const std::string& line) {
        if (t_held != nullptr) {
            t_held->emplace_back(sink, line);
        } else {
            sink(line);
        }
    };
}

}  // namespace discrec::drive
