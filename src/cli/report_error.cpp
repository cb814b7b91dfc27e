#include <cstdio>

#include "cli/context.hpp"
#include "output/errors.hpp"

namespace discrec::cli {

ExitCode report_error(const Context& ctx, const Error& error) {
    const ExitCode code = exit_code_for(error.kind);
    std::fprintf(stderr, "discrec: %s\n", error.message.c_str());
    if (ctx.output.json) output::print_error_document(ctx.output, error, code);
    return code;
}

}  // namespace discrec::cli
