#pragma once
// One error type for everything the user can cause: it names the file and the place,
// so the CLI can print it as is and exit non-zero.
#include <stdexcept>
#include <string>

namespace corridor {

class Error : public std::runtime_error {
 public:
  // Exit codes of the CLI (docs/cli.md): 3 bad input file, 4 case cannot be used.
  static constexpr int kInput = 3;
  static constexpr int kCase = 4;

  explicit Error(const std::string& message, int exit_code = kInput)
      : std::runtime_error(message), exit_code_(exit_code) {}
  Error(const std::string& where, const std::string& message, int exit_code = kInput)
      : std::runtime_error(where.empty() ? message : where + ": " + message),
        where_(where),
        exit_code_(exit_code) {}
  const std::string& where() const { return where_; }
  int exit_code() const { return exit_code_; }

 private:
  std::string where_;
  int exit_code_;
};

// errno text for the last failed system call, e.g. "No space left on device".
std::string errno_text(int err);

}  // namespace corridor
