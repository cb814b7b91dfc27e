// The subject that starts a one-line message: "sr0:" on Linux, "D:" on Windows, where the
// drive's name already ends in a colon ("D: INQUIRY ...", never "D:: INQUIRY ...").
#pragma once

#include <string>
#include <string_view>

namespace discrec {

inline std::string message_subject(std::string_view name) {
    std::string subject(name);
    if (subject.empty() || subject.back() != ':') subject += ':';
    return subject;
}

}  // namespace discrec
