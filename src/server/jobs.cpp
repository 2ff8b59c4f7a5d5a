#include "server/jobs.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>

#include "core/error.hpp"
#include "core/progress.hpp"

namespace corridor::server {

nlohmann::ordered_json JobView::json() const {
  return {{"id", id},       {"case", case_name}, {"kind", kind},     {"actor", actor},
          {"state", state}, {"step", step},      {"done", done},     {"total", total},
          {"items", items}, {"result", result},  {"error", error}};
}

struct JobBoard::Job : ProgressObserver {
  std::mutex mu;
  std::condition_variable changed;
  JobView view;
  std::atomic<bool> cancel{false};

  void update(const std::function<void(JobView&)>& f) {
    {
      std::lock_guard lock(mu);
      f(view);
      ++view.version;
    }
    changed.notify_all();
  }
  void on_progress(const std::string& label, std::uint64_t done, std::uint64_t total, std::uint64_t items) override {
    update([&](JobView& v) {
      if (v.step.empty()) v.step = label;
      v.done = done;
      v.total = total;
      v.items = items;
    });
  }
  bool cancelled() const override { return cancel.load(); }
};

JobBoard::~JobBoard() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mu_);
    for (auto& [id, job] : jobs_) job->cancel = true;
    threads.swap(threads_);
  }
  for (auto& t : threads) t.join();
}

void JobBoard::drain() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mu_);
    threads.swap(threads_);
  }
  for (auto& t : threads) t.join();
}

std::int64_t JobBoard::start(const std::string& case_name, const std::string& kind, const std::string& actor, Work work) {
  auto job = std::make_shared<Job>();
  std::shared_ptr<std::mutex> case_lock;
  {
    std::lock_guard lock(mu_);
    job->view.id = next_++;
    job->view.case_name = case_name;
    job->view.kind = kind;
    job->view.actor = actor;
    job->view.state = "queued";
    jobs_[job->view.id] = job;
    auto& l = case_locks_[case_name];
    if (!l) l = std::make_shared<std::mutex>();
    case_lock = l;
  }
  const std::int64_t id = job->view.id;
  std::thread t([job, case_lock, work = std::move(work)] {
    std::lock_guard one_at_a_time(*case_lock);
    if (job->cancel) {
      job->update([](JobView& v) { v.state = "cancelled"; });
      return;
    }
    job->update([](JobView& v) { v.state = "running"; });
    const ScopedProgressObserver watched(job.get());
    try {
      auto result = work([&](const std::string& step) {
        check_cancelled();
        job->update([&](JobView& v) {
          v.step = step;
          v.done = v.total = v.items = 0;
        });
      });
      job->update([&](JobView& v) {
        v.state = "done";
        v.result = std::move(result);
      });
    } catch (const Cancelled&) {
      job->update([](JobView& v) { v.state = "cancelled"; });
    } catch (const Error& e) {
      job->update([&](JobView& v) {
        v.state = "failed";
        v.error = e.exit_code() == 2 || e.exit_code() == 3 ? e.what() : "the job failed (see the server's log)";
      });
      if (e.exit_code() != 2 && e.exit_code() != 3) std::fprintf(stderr, "corridor serve: job failed: %s\n", e.what());
    } catch (const std::exception& e) {
      job->update([](JobView& v) {
        v.state = "failed";
        v.error = "the job failed (see the server's log)";
      });
      std::fprintf(stderr, "corridor serve: job failed: %s\n", e.what());
    }
  });
  std::lock_guard lock(mu_);
  threads_.push_back(std::move(t));
  return id;
}

std::shared_ptr<JobBoard::Job> JobBoard::find(std::int64_t id, const std::string& case_name) {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second->view.case_name != case_name) return nullptr;
  return it->second;
}

std::optional<JobView> JobBoard::get(std::int64_t id, const std::string& case_name) {
  auto job = find(id, case_name);
  if (!job) return std::nullopt;
  std::lock_guard lock(job->mu);
  return job->view;
}

bool JobBoard::cancel(std::int64_t id, const std::string& case_name) {
  auto job = find(id, case_name);
  if (!job) return false;
  job->cancel = true;
  job->update([](JobView&) {});
  return true;
}

std::optional<JobView> JobBoard::wait(std::int64_t id, const std::string& case_name, std::uint64_t seen, int timeout_ms) {
  auto job = find(id, case_name);
  if (!job) return std::nullopt;
  std::unique_lock lock(job->mu);
  job->changed.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] { return job->view.version > seen; });
  return job->view;
}

}  // namespace corridor::server
