// Process-wide set-up that differs per OS, done once by main().
#pragma once

namespace discrec::platform {

// Linux: ignore SIGPIPE, so output into a closed pipe (`discrec list --json | head -c1`)
// fails a write instead of killing us halfway through a command that holds a drive.
// Windows: no "insert a disk" / critical-error dialog boxes for drives without media.
void prepare_process();

} // namespace discrec::platform
