#pragma once
// Test helpers: a temporary folder removed at the end, and running the corridor binary.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace corridor::test {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "corridor-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    // Vault items are read-only; make them writable so they can be removed.
    for (auto& p : std::filesystem::recursive_directory_iterator(path_, ec))
      std::filesystem::permissions(p.path(), std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A corridor process started by start_corridor and not yet waited for.
class RunningCorridor {
 public:
  // With `timeout_seconds`, a run that hangs is killed by SIGALRM (exit code 128 + 14).
  // With `input`, that text is its standard input (else it inherits the test's).
  explicit RunningCorridor(const std::vector<std::string>& args, unsigned timeout_seconds = 0,
                           const std::optional<std::string>& input = std::nullopt)
      : io_(std::make_unique<TempDir>()) {
    const auto out_path = *io_ / "out", err_path = *io_ / "err", in_path = *io_ / "in";
    if (input) write_file(in_path, *input);
    pid_ = fork();
    if (pid_ == 0) {
      if (input) std::freopen(in_path.c_str(), "r", stdin);
      std::freopen(out_path.c_str(), "w", stdout);
      std::freopen(err_path.c_str(), "w", stderr);
      if (timeout_seconds) alarm(timeout_seconds);  // kept across execv
      std::vector<char*> argv;
      std::string bin = CORRIDOR_BIN;
      argv.push_back(bin.data());
      std::vector<std::string> copy = args;
      for (auto& a : copy) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(bin.c_str(), argv.data());
      _exit(127);
    }
  }
  RunningCorridor(RunningCorridor&& o) noexcept
      : io_(std::move(o.io_)), pid_(std::exchange(o.pid_, -1)), done_(o.done_), result_(std::move(o.result_)) {}
  RunningCorridor& operator=(RunningCorridor&&) = delete;
  ~RunningCorridor() {
    if (pid_ > 0 && !done_) waitpid(pid_, nullptr, 0);
  }
  // Whether it has ended (without waiting); its result is then kept for wait().
  bool ended() {
    if (done_) return true;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
    finish(status);
    return true;
  }
  RunResult wait() {
    if (!done_) {
      int status = 0;
      waitpid(pid_, &status, 0);
      finish(status);
    }
    return result_;
  }

 private:
  void finish(int status) {
    done_ = true;
    result_.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result_.out = read_file(*io_ / "out");
    result_.err = read_file(*io_ / "err");
  }
  std::unique_ptr<TempDir> io_;  // captured stdout and stderr
  pid_t pid_ = -1;
  bool done_ = false;
  RunResult result_;
};

// Starts the built corridor with `args` and returns at once.
inline RunningCorridor start_corridor(const std::vector<std::string>& args) { return RunningCorridor(args); }

// Runs the built corridor with `args`; captures stdout and stderr through files.
inline RunResult run_corridor(const std::vector<std::string>& args, unsigned timeout_seconds = 0) {
  return RunningCorridor(args, timeout_seconds).wait();
}

// Runs the built corridor with `args`, `input` as its standard input.
inline RunResult run_corridor_with_input(const std::vector<std::string>& args, const std::string& input) {
  return RunningCorridor(args, 0, input).wait();
}

}  // namespace corridor::test
