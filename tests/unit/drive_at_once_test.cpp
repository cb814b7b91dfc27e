// Every drive at once (drive/at_once.hpp): the runs overlap, and what they trace comes out
// run by run in index order, whatever order the threads got to it.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "drive/at_once.hpp"

namespace discrec {

TEST_CASE("drive::at_once: runs overlap, trace lines held and passed on in run order") {
    constexpr std::size_t k_runs = 4;
    std::vector<std::string> printed;  // the sink runs on the calling thread only
    const TraceSink sink =
        drive::held_in_order([&](const std::string& l) { printed.push_back(l); });
    std::atomic<int> inside{0};
    std::atomic<int> most_inside{0};
    drive::at_once(k_runs, [&](std::size_t i) {
        const int now = ++inside;
        int seen = most_inside.load();
        while (now > seen && !most_inside.compare_exchange_weak(seen, now)) {
        }
        // Later runs trace first: without holding, the lines would come out reversed.
        std::this_thread::sleep_for(std::chrono::milliseconds(20 * (k_runs - i)));
        sink("run " + std::to_string(i) + " line 1");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        sink("run " + std::to_string(i) + " line 2");
        --inside;
    });
    CHECK(most_inside.load() > 1);  // they ran at the same time
    CHECK(printed == std::vector<std::string>{"run 0 line 1", "run 0 line 2", "run 1 line 1",
                                              "run 1 line 2", "run 2 line 1", "run 2 line 2",
                                              "run 3 line 1", "run 3 line 2"});
    // Outside at_once the sink passes lines on at once.
    sink("alone");
    CHECK(printed.back() == "alone");
}

TEST_CASE("drive::at_once: every run ends, then the first failure is rethrown") {
    std::atomic<int> ended{0};
    CHECK_THROWS_WITH(drive::at_once(3,
                                     [&](std::size_t i) {
                                         ++ended;
                                         if (i > 0)
                                             throw std::runtime_error("run " + std::to_string(i));
                                     }),
                      "run 1");
    CHECK(ended.load() == 3);
}

}  // namespace discrec
