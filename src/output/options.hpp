// What every renderer needs to know about the run.
#pragma once

#include <string>
#include <vector>

namespace discrec::output {

struct OutputOptions {
    bool json = false;
    bool quiet = false;
    bool color = false;             // colour the text on stdout (output/color.hpp, --color)
    bool color_stderr = false;      // colour messages on stderr
    std::vector<std::string> argv;  // echoed in JSON, as smartctl does
};

}  // namespace discrec::output
