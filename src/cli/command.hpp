#pragma once
// Each CLI command lives in its own cmd_*.cpp and registers itself here at start-up,
// so adding a command never touches main.cpp.
#include <CLI/CLI.hpp>
#include <functional>

namespace corridor::cli {

// Exit codes, also listed in `corridor --help` and docs/cli.md.
enum Exit : int {
  kOk = 0,
  kDiffers = 1,      // verify/check found a difference; a comparison did not hold
  kUsage = 2,        // bad command line
  kInputError = 3,   // a file is missing, unreadable or malformed
  kCaseError = 4,    // not a case folder, newer schema, tampering prevents opening
  kInternal = 5,     // a bug: please report
};

using Setup = std::function<void(CLI::App& root)>;
bool register_command(Setup setup);

// Set by a command callback that wants a non-zero exit without an error message.
void set_exit(int code);
int pending_exit();

}  // namespace corridor::cli

#define CORRIDOR_CONCAT_(a, b) a##b
#define CORRIDOR_CONCAT(a, b) CORRIDOR_CONCAT_(a, b)
#define CORRIDOR_COMMAND(fn) \
  static const bool CORRIDOR_CONCAT(corridor_cmd_, __LINE__) = ::corridor::cli::register_command(fn)
