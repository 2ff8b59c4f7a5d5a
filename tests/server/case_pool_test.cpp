// Open case folders kept between requests: one request at a time per folder, reused after.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "server/case_pool.hpp"
#include "store/sqlite.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;

TEST(CasePool, AFolderServesOneRequestAtATimeAndIsReusedAfter) {
  test::TempDir t;
  store::CaseFolder::init(t / "op", "Op", "Examiner 1");
  server::CasePool pool(1);
  store::CaseFolder* shelved = nullptr;
  {
    auto a = pool.take(t / "op");
    auto b = pool.take(t / "op");  // while `a` is out: another connection
    EXPECT_NE(a.get(), b.get());
    shelved = b.get();  // let go first (declared last), so it is the one kept
    EXPECT_EQ(pool.idle(t / "op"), 0u);
  }
  EXPECT_EQ(pool.idle(t / "op"), 1u);  // the shelf holds one: `a` was closed
  auto again = pool.take(t / "op");
  EXPECT_EQ(again.get(), shelved);
  EXPECT_EQ(pool.idle(t / "op"), 0u);
  EXPECT_EQ(again->info().title, "Op");
  EXPECT_THROW(pool.take(t / "nothing-here"), corridor::Error);
}

TEST(CasePool, AFolderOutlivesThePoolItCameFrom) {
  test::TempDir t;
  store::CaseFolder::init(t / "op", "Op", "Examiner 1");
  std::shared_ptr<store::CaseFolder> kept;
  {
    server::CasePool pool;
    kept = pool.take(t / "op");
  }
  EXPECT_EQ(kept->info().title, "Op");
  kept.reset();  // closed, not shelved: the pool is gone
}

// The server's checkpointer: what the write-ahead log holds is copied into the database
// by checkpoint_cases, not left to a request's commit.
TEST(CasePool, CheckpointingCopiesTheLogOfEveryShelvedCase) {
  test::TempDir t;
  store::CaseFolder::init(t / "op", "Op", "Examiner 1");
  server::CasePool pool;
  EXPECT_EQ(pool.checkpoint_cases(), 0u);  // nothing open yet
  // The rows in the database file itself, read from a copy of it without its log.
  const auto rows_in_file = [&] {
    std::filesystem::copy_file(t / "op" / "case.db", t / "copy.db", std::filesystem::copy_options::overwrite_existing);
    store::Db copy((t / "copy.db").string(), false);
    store::Stmt q(copy, "SELECT count(*) FROM sqlite_master WHERE name = 'scratch'");
    q.step();
    return q.int64(0);
  };
  {
    auto c = pool.take(t / "op");
    c->db().exec("PRAGMA wal_autocheckpoint=0");  // so that only the pool copies the log
    c->db().exec("CREATE TABLE scratch(x); INSERT INTO scratch VALUES(1)");
  }
  EXPECT_EQ(rows_in_file(), 0);
  EXPECT_EQ(pool.checkpoint_cases(), 1u);
  EXPECT_EQ(rows_in_file(), 1);
}
