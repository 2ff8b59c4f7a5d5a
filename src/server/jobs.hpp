#pragma once
// Long work the server runs for a user (ingest, detect, resolve) in the background, one
// job at a time per case: its state, progress and result can be read, followed as
// Server-Sent Events, and cancelled. Cancelling rolls back the step under way (the case
// is as it was before that item or detector) and runs no more.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace corridor::server {

struct JobView {
  std::int64_t id = 0;
  std::string case_name, kind, actor;
  std::string state;  // queued, running, done, failed, cancelled
  std::string step;   // what runs now ("ingesting", a detector's name)
  std::uint64_t done = 0, total = 0, items = 0;
  nlohmann::ordered_json result;
  std::string error;
  std::uint64_t version = 0;  // grows with every change
  bool finished() const { return state == "done" || state == "failed" || state == "cancelled"; }
  nlohmann::ordered_json json() const;
};

class JobBoard {
 public:
  // Runs on the job's thread; reports progress through core/progress.hpp's observer and
  // may call `step` to name what it does now; throws corridor::Cancelled when cancelled.
  using Work = std::function<nlohmann::ordered_json(const std::function<void(const std::string&)>& step)>;

  JobBoard() = default;
  ~JobBoard();  // cancels what runs and waits for it
  JobBoard(const JobBoard&) = delete;
  JobBoard& operator=(const JobBoard&) = delete;

  std::int64_t start(const std::string& case_name, const std::string& kind, const std::string& actor, Work work);
  // A job of this case (nullopt for another case's: its existence does not leak).
  std::optional<JobView> get(std::int64_t id, const std::string& case_name);
  bool cancel(std::int64_t id, const std::string& case_name);
  // Waits until the job's version passes `seen` or `timeout_ms` elapses.
  std::optional<JobView> wait(std::int64_t id, const std::string& case_name, std::uint64_t seen, int timeout_ms);
  // Waits for every job started so far to end (without cancelling them).
  void drain();

 private:
  struct Job;
  std::shared_ptr<Job> find(std::int64_t id, const std::string& case_name);
  std::mutex mu_;
  std::int64_t next_ = 1;
  std::map<std::int64_t, std::shared_ptr<Job>> jobs_;
  std::map<std::string, std::shared_ptr<std::mutex>> case_locks_;
  std::vector<std::thread> threads_;
};

}  // namespace corridor::server
