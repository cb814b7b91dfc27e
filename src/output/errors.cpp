#include "output/errors.hpp"

#include "output/json_document.hpp"

namespace discrec::output {

void print_error_document(const OutputOptions& options, const Error& error, ExitCode code) {
    auto doc = document_head(options);
    finish_document(doc, code, &error);
}

}  // namespace discrec::output
