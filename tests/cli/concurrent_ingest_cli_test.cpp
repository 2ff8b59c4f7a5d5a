// Several corridor processes on one case at once, as a team works: two ingests of the same
// file, readers and a second ingest while a long ingest runs, and `ingest --again`.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::RunResult;
using corridor::test::run_corridor;
using corridor::test::start_corridor;
using corridor::test::TempDir;

namespace {

std::string init_case(const TempDir& t) {
  const std::string dir = (t / "op").string();
  auto r = run_corridor({"case", "init", dir, "--title", "Operation Sahel", "--examiner", "Examiner 1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return dir;
}

// An AMLworld transaction CSV of `rows` payments between distinct accounts (about 140
// bytes and 12 statements a row): big enough that ingesting it takes a while.
void write_payments(const std::filesystem::path& p, int rows, int seed) {
  std::string csv =
      "Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,"
      "Payment Currency,Payment Format,Is Laundering\n";
  char line[200];
  for (int i = 0; i < rows; ++i) {
    const unsigned from = static_cast<unsigned>(seed) * 1000000u + static_cast<unsigned>(i) * 4u;
    std::snprintf(line, sizeof line, "2022/09/%02d %02d:%02d,%03d,8%08X,%03d,9%08X,%d.%02d,US Dollar,%d.%02d,US Dollar,Wire,0\n",
                  1 + i % 28, i / 60 % 24, i % 60, 10 + i % 90, from, 11 + i % 80, from + 3u, 100 + i % 5000, i % 100,
                  100 + i % 5000, i % 100);
    csv += line;
  }
  test::write_file(p, csv);
}

std::int64_t count(const std::string& case_dir, const std::string& table) {
  store::Db db(case_dir + "/case.db", false);
  store::Stmt q(db, "SELECT count(*) FROM " + table);
  q.step();
  return q.int64(0);
}

// "ok <name> <reader> <n> statements": the n of the ok line, -1 when there is none.
long long ok_statements(const RunResult& r) {
  std::smatch m;
  static const std::regex ok(R"(ok +\S+ +\S+ +(\d+) statements)");
  return std::regex_search(r.out, m, ok) ? std::stoll(m[1]) : -1;
}

}  // namespace

TEST(ConcurrentIngest, TwoIngestsOfTheSameFileStartedTogetherStoreItOnce) {
  TempDir t;
  const std::string dir = init_case(t);
  write_payments(t / "payments.csv", 40000, 1);
  auto first = start_corridor({"ingest", dir, (t / "payments.csv").string()});
  auto second = start_corridor({"ingest", dir, (t / "payments.csv").string()});
  const RunResult a = first.wait(), b = second.wait();
  ASSERT_EQ(a.exit_code, 0) << a.out << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.out << b.err;
  // One read it; the other waited for it and found it done.
  const bool a_read = ok_statements(a) > 0;
  const RunResult& reader = a_read ? a : b;
  const RunResult& waiter = a_read ? b : a;
  ASSERT_GT(ok_statements(reader), 0) << reader.out;
  EXPECT_EQ(ok_statements(waiter), -1) << waiter.out;
  EXPECT_NE(waiter.out.find("skipped  payments.csv"), std::string::npos) << waiter.out;
  EXPECT_NE(waiter.out.find("already ingested"), std::string::npos) << waiter.out;
  EXPECT_EQ(count(dir, "statements"), ok_statements(reader));
  EXPECT_EQ(count(dir, "ingests"), 1);
  EXPECT_EQ(count(dir, "evidence"), 1);
}

TEST(ConcurrentIngest, AgainReplacesTheFileInsteadOfAddingASecondCopy) {
  TempDir t;
  const std::string dir = init_case(t);
  write_payments(t / "payments.csv", 500, 2);
  auto r = run_corridor({"ingest", dir, (t / "payments.csv").string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::int64_t statements = count(dir, "statements"), entities = count(dir, "entities");
  ASSERT_EQ(statements, ok_statements(r));
  r = run_corridor({"ingest", dir, (t / "payments.csv").string(), "--again"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(ok_statements(r), statements);
  EXPECT_EQ(count(dir, "statements"), statements);
  EXPECT_EQ(count(dir, "entities"), entities);
  EXPECT_EQ(count(dir, "ingests"), 1);
  r = run_corridor({"log", dir});
  EXPECT_NE(r.out.find("replacing the " + std::to_string(statements) + " of the earlier ingest"), std::string::npos)
      << r.out;
}

TEST(ConcurrentIngest, ReadersAndASecondIngestDuringALongIngestWaitInsteadOfFailing) {
  TempDir t;
  const std::string dir = init_case(t);
  // Long enough to be still writing when the others start; short enough that they wait
  // less than the 30 s busy timeout for it on a loaded machine.
  write_payments(t / "big.csv", 60000, 3);
  write_payments(t / "small.csv", 200, 4);
  auto big = start_corridor({"ingest", dir, (t / "big.csv").string()});
  // The ingest writes alone, so it leaves WAL for the rollback journal: its file appears
  // with the first page written. Readers that open the case now find it in that journal.
  const auto journal = dir + "/case.db-journal";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!std::filesystem::exists(journal) && !big.ended() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  ASSERT_TRUE(std::filesystem::exists(journal)) << "the ingest never wrote under the rollback journal";
  std::vector<test::RunningCorridor> during;
  during.push_back(start_corridor({"evidence", dir}));
  during.push_back(start_corridor({"detect", dir}));
  during.push_back(start_corridor({"ingest", dir, (t / "small.csv").string()}));
  during.push_back(start_corridor({"network", dir}));
  for (auto& p : during) {
    const RunResult r = p.wait();
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(r.err.find("database is locked"), std::string::npos) << r.err;
  }
  const RunResult r = big.wait();
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(count(dir, "ingests"), 2);
  store::Db db(dir + "/case.db", false);
  EXPECT_EQ(store::journal_mode(db), "wal");
  EXPECT_FALSE(std::filesystem::exists(journal));
}
