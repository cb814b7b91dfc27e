// What every renderer needs to know about the run.
#pragma once

#include <string>
#include <vector>

namespace discrec::output {

struct OutputOptions {
    bool json = false;
    bool quiet = false;
    std::vector<std::string> argv;  // echoed in JSON, as smartctl does
};

}  // namespace discrec::output
