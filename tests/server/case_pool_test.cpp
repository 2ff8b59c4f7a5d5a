// Open case folders kept between requests: one request at a time per folder, reused after.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "server/case_pool.hpp"
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
