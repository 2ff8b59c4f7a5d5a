// Background jobs: progress as the work reports it, cancellation at the next step, one job
// at a time per case, and jobs of another case out of sight.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "server/jobs.hpp"

using namespace corridor;
using server::JobBoard;

namespace {

// Work that counts until cancelled, a step a millisecond.
nlohmann::ordered_json endless(const std::function<void(const std::string&)>& step) {
  step("counting");
  Progress p("counting", 1000000, false);
  for (std::uint64_t i = 1;; ++i) {
    p.set(i);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

server::JobView wait_until_finished(JobBoard& b, std::int64_t id, const std::string& c) {
  auto v = *b.get(id, c);
  for (int i = 0; i < 500 && !v.finished(); ++i) v = *b.wait(id, c, v.version, 100);
  return v;
}

}  // namespace

TEST(Jobs, ProgressIsSeenAndCancellingStopsAtTheNextStep) {
  JobBoard b;
  const auto id = b.start("op", "count", "ana", endless);
  auto v = *b.get(id, "op");
  for (int i = 0; i < 200 && v.done < 5; ++i) v = *b.wait(id, "op", v.version, 100);
  EXPECT_EQ(v.state, "running");
  EXPECT_EQ(v.step, "counting");
  EXPECT_GE(v.done, 5u);
  EXPECT_EQ(v.total, 1000000u);
  EXPECT_TRUE(b.cancel(id, "op"));
  EXPECT_EQ(wait_until_finished(b, id, "op").state, "cancelled");
}

TEST(Jobs, ResultsErrorsAndAnotherCasesJobs) {
  JobBoard b;
  const auto ok = b.start("op", "sum", "ana", [](const auto&) { return nlohmann::ordered_json{{"sum", 42}}; });
  const auto bad = b.start("op", "fail", "ana", [](const auto&) -> nlohmann::ordered_json {
    throw Error("evidence 9", "no such evidence item in the case", 3);
  });
  const auto done = wait_until_finished(b, ok, "op");
  EXPECT_EQ(done.state, "done");
  EXPECT_EQ(done.result["sum"], 42);
  const auto failed = wait_until_finished(b, bad, "op");
  EXPECT_EQ(failed.state, "failed");
  EXPECT_EQ(failed.error, "evidence 9: no such evidence item in the case");
  EXPECT_FALSE(b.get(ok, "other-case"));
  EXPECT_FALSE(b.cancel(ok, "other-case"));
  EXPECT_FALSE(b.get(12345, "op"));
}

TEST(Jobs, OneJobAtATimePerCase) {
  JobBoard b;
  std::atomic<int> running{0}, most{0};
  const auto work = [&](const auto&) {
    const int now = ++running;
    most = std::max(most.load(), now);
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    --running;
    return nlohmann::ordered_json{};
  };
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 4; ++i) ids.push_back(b.start("op", "w", "ana", work));
  const auto other = b.start("op-2", "w", "ana", work);
  for (auto id : ids) EXPECT_EQ(wait_until_finished(b, id, "op").state, "done");
  EXPECT_EQ(wait_until_finished(b, other, "op-2").state, "done");
  EXPECT_LE(most.load(), 2);  // this case's jobs one by one; the other case's beside them
}
