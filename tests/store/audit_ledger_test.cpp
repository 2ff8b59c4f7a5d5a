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
  EXPECT_EQ(f.ledger.size(), 8);  // the genesis entry of `case init` first
  auto e = f.ledger.entries();
  ASSERT_EQ(e.size(), 8u);
  EXPECT_EQ(e[0].action, "genesis");
  EXPECT_EQ(e[0].prev_hash, std::string(64, '0'));
  EXPECT_EQ(e[1].os_user, store::operating_system_user());
  EXPECT_EQ(e[1].content_digest, e[1].computed_content_digest());
  for (std::size_t i = 1; i < e.size(); ++i) EXPECT_EQ(e[i].prev_hash, e[i - 1].hash);
  EXPECT_EQ(e[3].hash, to_hex(sha256(e[3].canonical())));
  auto cps = f.ledger.checkpoints();
  ASSERT_EQ(cps.size(), 3u);
  EXPECT_EQ(cps[0].tree_size, 1);
  EXPECT_EQ(cps[1].tree_size, 4);
  EXPECT_EQ(cps[2].tree_size, 8);
  EXPECT_TRUE(store::CaseKeys::verify_hex(f.c->meta("public_key"), cps[2].message(), cps[2].signature));
  EXPECT_TRUE(f.problems().empty());
  // No new entries: no new checkpoint.
  store::Transaction tx(f.c->db());
  EXPECT_FALSE(f.ledger.checkpoint(f.c->keys()));
}

TEST(AuditLedger, InclusionProofVerifiesAgainstSignedRoot) {
  Fixture f;
  f.append_n(11);
  for (std::int64_t seq : {0, 5, 11}) {
    auto p = f.ledger.prove(seq);
    ASSERT_TRUE(p.checkpoint);
    EXPECT_EQ(p.root, p.checkpoint->root);
    std::vector<Digest> path;
    for (const auto& h : p.path) path.push_back(digest_from_hex(h));
    EXPECT_EQ(p.leaf_hash, to_hex(merkle::leaf_hash(p.entry.canonical())));
    EXPECT_TRUE(merkle::verify_inclusion(static_cast<std::size_t>(seq), static_cast<std::size_t>(p.tree_size),
                                         digest_from_hex(p.leaf_hash), path, digest_from_hex(p.root)));
  }
  EXPECT_THROW(f.ledger.prove(12), Error);
}

TEST(AuditLedger, EditedEntryIsNamed) {
  Fixture f;
  f.append_n(5);
  f.c->db().exec("UPDATE audit SET object = 'entity phone-99' WHERE seq = 2");
  auto p = f.problems();
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p[0], "2: content does not match its digest (entry edited: consultation entity phone-99)");
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
    e.content_digest = e.computed_content_digest();
    f.c->db().exec("UPDATE audit SET content_digest='" + e.content_digest + "' WHERE seq=" + std::to_string(e.seq));
    e.prev_hash = prev;
    e.hash = to_hex(sha256(e.canonical()));
    f.c->db().exec("UPDATE audit SET prev_hash='" + e.prev_hash + "', hash='" + e.hash + "', leaf_hash='" +
                   to_hex(merkle::leaf_hash(e.canonical())) + "' WHERE seq=" + std::to_string(e.seq));
    prev = e.hash;
  }
  auto p = f.problems();
  ASSERT_EQ(p.size(), 3u) << ::testing::PrintToString(p);
  EXPECT_EQ(p[0], "checkpoint 2 (size 5): root does not match the entries it signed");
  EXPECT_EQ(p[1], "checkpoint 2 (size 5): not consistent with checkpoint 1");
  EXPECT_EQ(p[2], "1: entries 1 to 4 are not covered by a valid signed checkpoint");
}

TEST(AuditLedger, DeletedEntriesAndForgedSignatureAreFound) {
  Fixture f;
  f.append_n(3);
  f.append_n(2);
  f.c->db().exec("DELETE FROM audit WHERE seq = 5");
  f.c->db().exec("UPDATE checkpoints SET signature = replace(signature, substr(signature, 1, 2), '00') WHERE id = 2");
  auto p = f.problems();
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0], "checkpoint 2 (size 4): signature does not verify with the case key");
  EXPECT_EQ(p[1], "checkpoint 3 (size 6): ledger has only 5 entries (entries were deleted)");
  EXPECT_EQ(p[2], "1: entries 1 to 4 are not covered by a valid signed checkpoint");
}

TEST(AuditLedger, EntriesWithoutCheckpointAreReported) {
  Fixture f;
  f.append_n(2);
  f.append_n(1, false);
  auto p = f.problems();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "3: entries 3 to 3 are not covered by a valid signed checkpoint");
}

TEST(AuditLedger, RedactedEntryStillVerifies) {
  Fixture f;
  f.append_n(3);
  const auto before = f.ledger.entries()[2];
  const auto proof_before = f.ledger.prove(2);
  f.ledger.redact(2, "2026-12-07 erasure of person-x, LED Art. 16");
  const auto after = f.ledger.entries()[2];
  EXPECT_EQ(after.actor, "");
  EXPECT_EQ(after.object, "");
  EXPECT_EQ(after.justification, "");
  EXPECT_EQ(after.salt, "");
  EXPECT_EQ(after.hash, before.hash);
  EXPECT_EQ(after.content_digest, before.content_digest);
  EXPECT_EQ(f.ledger.prove(2).root, proof_before.root);
  store::LedgerFacts facts;
  EXPECT_TRUE(f.ledger.verify(f.c->meta("public_key"), &facts).empty());
  EXPECT_EQ(facts.redacted, std::vector<std::int64_t>{2});
  // Redacting is not a way to rewrite: editing the digest breaks the chain.
  f.c->db().exec("UPDATE audit SET content_digest = '" + std::string(64, '1') + "' WHERE seq = 2");
  auto p = f.problems();
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p[0], "2: content does not match its hash (entry edited: consultation )");
  EXPECT_THROW(f.ledger.redact(2, ""), Error);
  EXPECT_THROW(f.ledger.redact(99, "x"), Error);
}

TEST(AuditLedger, WipedLedgerFails) {
  Fixture f;
  f.append_n(2);
  f.c->db().exec("DELETE FROM audit; DELETE FROM checkpoints");
  auto p = f.problems();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "the ledger is empty (its genesis entry and checkpoints were removed)");
}

TEST(AuditLedger, LedgerWithoutGenesisFails) {
  Fixture f;
  f.append_n(2);
  // Without the key nobody can re-sign, but even a ledger re-chained from entry 1 on
  // must begin with its genesis entry.
  f.c->db().exec("UPDATE audit SET action = 'collection' WHERE seq = 0");
  auto p = f.problems();
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p[0], "0: the ledger does not begin with its genesis entry");
}

TEST(AuditLedger, CutTailIsFoundAgainstASavedCheckpoint) {
  Fixture f;
  f.append_n(3);
  f.append_n(2);
  const auto saved = *f.ledger.latest_checkpoint();  // size 6, kept by the supervisor
  EXPECT_TRUE(f.ledger.verify_extends(saved, f.c->meta("public_key")).empty());
  f.append_n(1);
  EXPECT_TRUE(f.ledger.verify_extends(saved, f.c->meta("public_key")).empty());
  // Cutting the last three entries with their checkpoints leaves a ledger that verifies
  // on its own...
  f.c->db().exec("DELETE FROM audit WHERE seq >= 4; DELETE FROM checkpoints WHERE tree_size > 4");
  EXPECT_TRUE(f.problems().empty());
  // ...but not against what the supervisor kept.
  auto p = f.ledger.verify_extends(saved, f.c->meta("public_key"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].what, "entries 4 to 5 of the saved checkpoint (size 6) are missing: the ledger was cut");
}

TEST(AuditLedger, RewrittenPrefixIsFoundAgainstASavedCheckpoint) {
  Fixture f;
  f.append_n(3);
  auto saved = *f.ledger.latest_checkpoint();
  saved.root = std::string(64, 'a');  // a checkpoint of another history
  auto p = f.ledger.verify_extends(saved, f.c->meta("public_key"));
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].what, "saved checkpoint (size 4): its signature does not verify with this case's key");
  EXPECT_EQ(p[1].what, "the ledger's first 4 entries are not the ones the saved checkpoint (size 4) signed: entries 0 to 3 were rewritten");
}

// A checkpoint grows the tree this process remembers; what it signs must still be the
// root of the entries stored, after a rolled-back entry and after another connection wrote.
TEST(AuditLedger, CheckpointsSignTheStoredEntriesWhateverThisProcessRemembers) {
  Fixture f;
  const auto stored_root = [&] {
    std::vector<Digest> leaves;
    for (const auto& e : f.ledger.entries()) leaves.push_back(merkle::leaf_hash(e.canonical()));
    return to_hex(merkle::root(leaves));
  };
  f.append_n(2);
  {
    store::Transaction tx(f.c->db());
    f.ledger.append("Examiner 1", store::audit_action::kConsultation, "rolled back", "");
    ASSERT_TRUE(f.ledger.checkpoint(f.c->keys()));
  }  // no commit: the entry and its checkpoint are gone, the remembered tree is now ahead
  f.append_n(1);
  EXPECT_EQ(f.ledger.checkpoints().back().tree_size, 4);
  EXPECT_EQ(f.ledger.checkpoints().back().root, stored_root());
  {
    auto other = store::CaseFolder::open(f.t / "op");  // another connection, as another request
    store::AuditLedger theirs(other->db());
    store::Transaction tx(other->db());
    theirs.append("Examiner 2", store::audit_action::kConsultation, "elsewhere", "");
    theirs.checkpoint(other->keys());
    tx.commit();
  }
  f.append_n(3);
  EXPECT_EQ(f.ledger.checkpoints().back().tree_size, 8);
  EXPECT_EQ(f.ledger.checkpoints().back().root, stored_root());
  EXPECT_TRUE(f.problems().empty());
}

TEST(AuditLedger, TheLastChangeIsTheNewestEntryThatIsNotAConsultation) {
  Fixture f;
  const auto genesis = f.ledger.last_change();
  EXPECT_EQ(genesis.seq, f.ledger.size() - 1);  // a new case: its entries are all changes
  EXPECT_EQ(genesis.hash, f.ledger.entries(genesis.seq, 1).at(0).hash);
  f.append_n(3);
  EXPECT_EQ(f.ledger.last_change().seq, genesis.seq);
  EXPECT_EQ(f.ledger.last_change().hash, genesis.hash);
  AuditEntry review;
  {
    store::Transaction tx(f.c->db());
    review = f.ledger.append("Supervisor", store::audit_action::kAlteration, "indicator 4 confirmed", "seen");
    f.ledger.append("Examiner 1", store::audit_action::kConsultation, "entity phone-9", "");
    tx.commit();
  }
  EXPECT_EQ(f.ledger.last_change().seq, review.seq);
  EXPECT_EQ(f.ledger.last_change().hash, review.hash);
  // Found through the partial index, not by reading back over the consultations.
  store::Stmt plan(f.c->db(), "EXPLAIN QUERY PLAN SELECT seq FROM audit WHERE action <> 'consultation' ORDER BY seq DESC LIMIT 1");
  std::string how;
  while (plan.step()) how += plan.text(3) + "\n";
  EXPECT_NE(how.find("audit_changes"), std::string::npos) << how;
}
