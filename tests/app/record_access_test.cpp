// record_access from many threads of one process, each with its own connection to the
// case (as a server's requests have): every consultation is in the ledger once, the chain
// verifies, and the newest checkpoint covers them all.
#include "app/record_access.hpp"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "store/audit_ledger.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;

TEST(RecordAccess, ConcurrentReadersAreAllLoggedOnceUnderOneVerifyingChain) {
  test::TempDir t;
  std::int64_t before = 0;
  {
    auto c = store::CaseFolder::init(t / "op", "T", "E");
    before = store::AuditLedger(c->db()).size();
  }
  constexpr int kThreads = 8, kEach = 25;
  std::vector<std::thread> readers;
  for (int i = 0; i < kThreads; ++i)
    readers.emplace_back([&, i] {
      auto c = store::CaseFolder::open(t / "op");
      for (int k = 0; k < kEach; ++k)
        app::record_access(*c, "analyst " + std::to_string(i), store::audit_action::kConsultation,
                           "entity phone-" + std::to_string(i) + "-" + std::to_string(k), "tracing");
    });
  for (auto& r : readers) r.join();
  auto c = store::CaseFolder::open(t / "op");
  store::AuditLedger ledger(c->db());
  const auto entries = ledger.entries(before);
  ASSERT_EQ(entries.size(), std::size_t{kThreads * kEach});
  std::set<std::string> objects;
  for (const auto& e : entries) {
    EXPECT_EQ(e.action, "consultation");
    EXPECT_EQ(e.actor, "analyst " + e.object.substr(13, e.object.find('-', 13) - 13));
    objects.insert(e.object);
  }
  EXPECT_EQ(objects.size(), std::size_t{kThreads * kEach});
  EXPECT_TRUE(ledger.verify(c->meta("public_key")).empty());
  const auto latest = ledger.latest_checkpoint();
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->tree_size, ledger.size());
}

// A consultation that cannot be written is an error for its caller (no answer leaves
// unlogged), and the next one is written: a failed batch leaves no one waiting.
TEST(RecordAccess, AnEntryThatCannotBeWrittenFailsItsCallerAndTheNextIsWritten) {
  test::TempDir t;
  auto c = store::CaseFolder::init(t / "op", "T", "E");
  store::AuditLedger ledger(c->db());
  const auto before = ledger.size();
  c->db().exec("PRAGMA query_only=1");
  EXPECT_ANY_THROW(app::record_access(*c, "ana", store::audit_action::kConsultation, "entity phone-1", "tracing"));
  c->db().exec("PRAGMA query_only=0");
  EXPECT_EQ(ledger.size(), before);
  app::record_access(*c, "ana", store::audit_action::kConsultation, "entity phone-2", "tracing");
  ASSERT_EQ(ledger.size(), before + 1);
  EXPECT_EQ(ledger.entries(before).at(0).object, "entity phone-2");
  EXPECT_TRUE(ledger.verify(c->meta("public_key")).empty());
}
