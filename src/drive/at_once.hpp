// Every drive at once: a question asked of several drives runs on one thread per drive, so a
// drive that spins up or times out delays only its own answer. What the runs print stays in
// drive order: their --trace lines are held and passed on, run by run, when all are done.
#pragma once

#include <cstddef>
#include <functional>

#include "transport/tracing.hpp"

namespace discrec::drive {

// Runs ask(0) ... ask(n - 1) at once and returns when all have ended. One after another when
// n < 2 or a run log is active (--record, --replay: one ordered sequence of commands, which
// must replay deterministically). An exception a run throws is rethrown here (the first, by
// index) after every run has ended.
void at_once(std::size_t n, const std::function<void(std::size_t)>& ask);

// The sink a drive's --trace lines go to: inside at_once, held for the run's turn; else
// `sink` itself (make_drive wraps every trace sink with it).
TraceSink held_in_order(TraceSink sink);

}  // namespace discrec::drive
