// A wait takes seconds: on a terminal (and without --quiet) one stderr line says what we wait
// for and for how long, rewritten in place with \r and erased when the wait ends, so the
// terminal keeps only the result. Never into a pipe or a log: no \r lines there.
// (close-tray --wait, wait)
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "platform/terminal.hpp"

namespace discrec::cli {

class ProgressLine {
public:
    explicit ProgressLine(const Context& ctx)
        : m_on(platform::is_terminal(platform::StdStream::err) && !ctx.output.quiet) {}
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;
    ~ProgressLine() {
        if (m_width > 0) std::fprintf(stderr, "\r%*s\r", static_cast<int>(m_width), "");
    }
    // "discrec: TEXT... N s"
    void show(const std::string& text, std::chrono::steady_clock::duration waited) {
        if (!m_on) return;
        const auto s = std::chrono::duration_cast<std::chrono::seconds>(waited).count();
        std::string line = fmt::format("discrec: {}... {} s", text, s);
        const std::size_t width = line.size();
        if (width < m_width) line.append(m_width - width, ' ');  // cover a longer last line
        std::fprintf(stderr, "\r%s", line.c_str());
        std::fflush(stderr);
        m_width = std::max(m_width, width);
    }

private:
    bool m_on;
    std::size_t m_width = 0;
};

}  // namespace discrec::cli
