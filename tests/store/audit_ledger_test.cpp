#include "store/audit_ledger.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/merkle.hpp"
#include "store/case_folder.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {

struct Fixture {
  TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "E");
  store::AuditLedger ledger{c->db()};

  void append_n(int n, bool checkpoint = true) {
    store::Transaction tx(c->db());
    for (int i = 0; i < n; ++i)
      ledger.append("Examiner 1", store::audit_action::kConsultation, "entity phone-" + std::to_string(i),
                    "line one\nline two");
    if (checkpoint) ledger.checkpoint(c->keys());
    tx.commit();
  }
  std::vector<std::string> problems() {
    std::vector<std::string> out;
    for (const auto& p : ledger.verify(c->meta("public_key")))
      out.push_back((p.seq ? std::to_string(*p.seq) + ": " : "") + p.what);
    return out;
  }
};

}  // namespace

TEST(AuditLedger, ChainsEntriesAndSignsCheckpoints) {
  Fixture f;
  f.append_n(3);
  f.append_n(4);
  EXPECT_EQ(f.ledger.size(), 7);
  auto e = f.ledger.entries();
  ASSERT_EQ(e.size(), 7u);
  EXPECT_EQ(e[0].prev_hash, std::string(64, '0'));
  for (std::size_t i = 1; i < e.size(); ++i) EXPECT_EQ(e[i].prev_hash, e[i - 1].hash);
  EXPECT_EQ(e[3].hash, to_hex(sha256(e[3].canonical())));
  auto cps = f.ledger.checkpoints();
  ASSERT_EQ(cps.size(), 2u);
  EXPECT_EQ(cps[0].tree_size, 3);
  EXPECT_EQ(cps[1].tree_size, 7);
  EXPECT_TRUE(store::CaseKeys::verify_hex(f.c->meta("public_key"), cps[1].message(), cps[1].signature));
  EXPECT_TRUE(f.problems().empty());
  // No new entries: no new checkpoint.
  store::Transaction tx(f.c->db());
  EXPECT_FALSE(f.ledger.checkpoint(f.c->keys()));
}

TEST(AuditLedger, InclusionProofVerifiesAgainstSignedRoot) {
  Fixture f;
  f.append_n(11);
  for (std::int64_t seq : {0, 5, 10}) {
    auto p = f.ledger.prove(seq);
    ASSERT_TRUE(p.checkpoint);
    EXPECT_EQ(p.root, p.checkpoint->root);
    std::vector<Digest> path;
    for (const auto& h : p.path) path.push_back(digest_from_hex(h));
    EXPECT_EQ(p.leaf_hash, to_hex(merkle::leaf_hash(p.entry.canonical())));
    EXPECT_TRUE(merkle::verify_inclusion(static_cast<std::size_t>(seq), static_cast<std::size_t>(p.tree_size),
                                         digest_from_hex(p.leaf_hash), path, digest_from_hex(p.root)));
  }
  EXPECT_THROW(f.ledger.prove(11), Error);
}

TEST(AuditLedger, EditedEntryIsNamed) {
  Fixture f;
  f.append_n(5);
  f.c->db().exec("UPDATE audit SET object = 'entity phone-99' WHERE seq = 2");
  auto p = f.problems();
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p[0], "2: content does not match its hash (entry edited: consultation entity phone-99)");
}

TEST(AuditLedger, RewrittenChainIsCaughtByTheSignedCheckpoint) {
  Fixture f;
  f.append_n(4);
  // An attacker edits entry 1 and recomputes every hash after it: the chain is whole
  // again, but the signed root no longer matches.
  f.c->db().exec("UPDATE audit SET actor = 'someone else' WHERE seq = 1");
  auto entries = f.ledger.entries();
  std::string prev(64, '0');
  for (auto& e : entries) {
    e.prev_hash = prev;
    e.hash = to_hex(sha256(e.canonical()));
    f.c->db().exec("UPDATE audit SET prev_hash='" + e.prev_hash + "', hash='" + e.hash + "', leaf_hash='" +
                   to_hex(merkle::leaf_hash(e.canonical())) + "' WHERE seq=" + std::to_string(e.seq));
    prev = e.hash;
  }
  auto p = f.problems();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "checkpoint 1 (size 4): root does not match the entries it signed");
}

TEST(AuditLedger, DeletedEntriesAndForgedSignatureAreFound) {
  Fixture f;
  f.append_n(3);
  f.append_n(2);
  f.c->db().exec("DELETE FROM audit WHERE seq = 4");
  f.c->db().exec("UPDATE checkpoints SET signature = replace(signature, substr(signature, 1, 2), '00') WHERE id = 1");
  auto p = f.problems();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], "checkpoint 1 (size 3): signature does not verify with the case key");
  EXPECT_EQ(p[1], "checkpoint 2 (size 5): ledger has only 4 entries (entries were deleted)");
}

TEST(AuditLedger, EntriesWithoutCheckpointAreReported) {
  Fixture f;
  f.append_n(2);
  f.append_n(1, false);
  auto p = f.problems();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "2: entries from 2 on are not covered by a signed checkpoint");
}
