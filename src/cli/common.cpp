// Helpers shared by the subcommands: one drive from a spelling, how to open it, notes, and
// reporting the error that ended a command.
#include <cstdio>

#include "cli/context.hpp"
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

Result<platform::DriveLocation> resolve_one(const Context& ctx, const std::string& spelling) {
    auto all = platform::enumerate_drives(ctx.roots);
    if (!all) return all.error();
    return platform::resolve_drive(*all, spelling, ctx.roots);
}

Result<std::vector<platform::DriveLocation>> choose_drives(const Context& ctx,
                                                           const std::vector<std::string>& names) {
    auto all = platform::enumerate_drives(ctx.roots);
    if (!all) return all.error();
    std::vector<platform::DriveLocation> chosen;
    for (const auto& spelling : names) {
        auto d = platform::resolve_drive(*all, spelling, ctx.roots);
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

}  // namespace discrec::cli
