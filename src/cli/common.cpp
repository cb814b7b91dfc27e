// Helpers shared by the subcommands: one drive from a spelling, how to open it, notes, and
// reporting the error that ended a command.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "cli/context.hpp"
#include "drive/unique_id.hpp"
#include "output/color.hpp"
#include "output/errors.hpp"

namespace discrec::cli {

ExitCode report_error(const Context& ctx, const Error& error) {
    const ExitCode code = exit_code_for(error.kind);
    const std::string prefix =
        output::paint(ctx.output.color_stderr, output::Tone::error, "discrec:");
    std::fprintf(stderr, "%s %s\n", prefix.c_str(), error.message.c_str());
    if (ctx.output.json) output::print_error_document(ctx.output, error, code);
    return code;
}

namespace {

// A spelling the OS does not know (not a path: those the OS resolves) may be a unique id as
// `info` prints it (drive/unique_id.hpp).
Result<platform::DriveLocation> resolve_spelling(const Context& ctx,
                                                 const std::vector<platform::DriveLocation>& all,
                                                 const std::string& spelling) {
    auto d = platform::resolve_drive(all, spelling, ctx.roots);
    if (d || d.error().kind != ErrorKind::no_such_drive || spelling.starts_with('/') ||
        spelling.starts_with('\\')) {
        return d;
    }
    auto by_id = drive::resolve_unique_id(all, spelling, open_options(ctx));
    if (!by_id) return by_id.error();
    if (*by_id) return std::move(**by_id);
    return d;
}

}  // namespace

Result<platform::DriveLocation> resolve_one(const Context& ctx, const std::string& spelling) {
    auto all = platform::enumerate_drives(ctx.roots);
    if (!all) return all.error();
    return resolve_spelling(ctx, *all, spelling);
}

Result<std::vector<platform::DriveLocation>> choose_drives(const Context& ctx,
                                                           const std::vector<std::string>& names) {
    auto all = platform::enumerate_drives(ctx.roots);
    if (!all) return all.error();
    std::vector<platform::DriveLocation> chosen;
    for (const auto& spelling : names) {
        auto d = resolve_spelling(ctx, *all, spelling);
        if (!d) return d.error();
        chosen.push_back(std::move(d).value());
    }
    if (names.empty()) chosen = std::move(*all);
    if (chosen.empty() && !ctx.output.quiet)
        std::fputs("discrec: no optical drives found\n", stderr);
    return chosen;
}

drive::OpenOptions open_options(const Context& ctx, bool write) {
    drive::OpenOptions o;
    o.trace = ctx.trace;
    o.trace_sink = [](const std::string& line) {
        std::fprintf(stderr, "discrec: %s\n", line.c_str());
    };
    o.write = write;
    return o;
}

void note(const Context& ctx, const std::string& text) {
    if (!ctx.output.quiet) std::fprintf(stderr, "discrec: %s\n", text.c_str());
}

std::optional<unsigned> parse_code_number(std::string s, unsigned max) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    int base = 10;
    if (s.size() > 2 && s.rfind("0x", 0) == 0) {
        s.erase(0, 2);
        base = 16;
    } else if (s.size() > 1 && s.back() == 'h') {
        s.pop_back();
        base = 16;
    }
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
    if (ec != std::errc{} || end != s.data() + s.size() || s.empty() || value > max) {
        return std::nullopt;
    }
    return value;
}

}  // namespace discrec::cli
