// Process-wide set-up that differs per OS, done once by main().
#pragma once

namespace discrec::platform {

// Linux: ignore SIGPIPE, so output into a closed pipe (`discrec list --json | head -c1`)
// fails a write instead of killing us halfway through a command that holds a drive.
// Windows: no "insert a disk" / critical-error dialog boxes for drives without media.
void prepare_process();

// Output went into a pipe whose reader is gone (EPIPE), found when main() flushes stdout
// after the command. Linux: end by SIGPIPE, quietly, as cat and ls do (the shell shows 141).
// Windows (no SIGPIPE): returns, and main() exits 1 without a message.
void end_by_broken_pipe();

}  // namespace discrec::platform
