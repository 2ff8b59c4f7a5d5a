// A bulk writer hashes its rows as it inserts them (LedgerBatch::stream); the ranges it
// commits must be exactly those a read-back of the same rows gives, or verify would call
// an honest ingest tampered.
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "store/case_folder.hpp"
#include "store/evidence_store.hpp"
#include "store/ledger_batch.hpp"
#include "store/statement_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {

struct Fixture {
  TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "E");
  std::string sha = std::string(64, 'b');

  Fixture() {
    Evidence e;
    e.sha256 = sha;
    e.size = 10;
    e.media_type = "text/plain";
    e.original_name = "chat.txt";
    e.added_at = "2026-11-01T00:00:00.000Z";
    store::Transaction tx(c->db());
    store::EvidenceStore(c->db()).insert_or_get(e);
    tx.commit();
  }

  // Rows of every shape the statements table holds: with and without a locator, a fact
  // and an assessment, confidences 0, -0.0 and fractional, text with a NUL and bad UTF-8.
  std::vector<Statement> statements(int n) {
    std::vector<Statement> out;
    for (int i = 0; i < n; ++i) {
      Statement s;
      s.entity_id = make_entity_id("Phone", "+3069" + std::to_string(1000 + i % 7));
      s.schema = "Phone";
      s.property = i % 3 ? "number" : "note";
      s.value = i % 5 ? "+3069" + std::to_string(1000 + i % 7) : std::string("a\0b\xff", 4);
      s.original_value = i % 2 ? "raw" : "";
      s.prov = {sha, i % 4 ? Locator{static_cast<std::uint64_t>(i * 10), 9, "message:" + std::to_string(i)} : Locator{},
                "phone@1", "2026-11-01T00:00:00.000Z"};
      s.kind = i % 6 ? StatementKind::Fact : StatementKind::Assessment;
      s.confidence = i % 8 == 0 ? 0.0 : i % 8 == 1 ? -0.0 : 0.25 * (i % 4);
      out.push_back(s);
    }
    return out;
  }

  // The ranges the batch commits when the writer streams, and when the rows are read back.
  std::pair<std::string, std::string> streamed_and_read_back(const std::function<void(store::StatementWriter&)>& write,
                                                            bool stream = true) {
    store::Transaction tx(c->db());
    const auto before = store::high_water(c->db());
    store::LedgerBatch batch(c->db());
    store::StatementWriter writer(c->db());
    std::map<std::string, store::RowStream> streams;
    if (stream) {
      streams.try_emplace("statements", "statements");
      streams.try_emplace("entities", "entities");
      writer.hash_into(&streams.at("statements"), &streams.at("entities"));
    }
    write(writer);
    const std::string streamed = store::commit_new_rows(c->db(), before, &streams).text();
    const std::string read_back = store::commit_new_rows(c->db(), before).text();
    return {streamed, read_back};
  }
};

}  // namespace

TEST(RowStream, WriterHashesGiveTheRangesAReadBackGives) {
  Fixture f;
  const auto rows = f.statements(150);  // two 64-row INSERTs and 22 single ones
  const auto [streamed, read_back] = f.streamed_and_read_back([&](store::StatementWriter& w) { w.insert(rows); });
  EXPECT_NE(streamed.find("statements 1-150 150 "), std::string::npos) << streamed;
  EXPECT_NE(streamed.find("entities 1-7 7 "), std::string::npos) << streamed;
  EXPECT_EQ(streamed, read_back);
}

TEST(RowStream, HashesGivenByTheCallerAreUsed) {
  Fixture f;
  const auto rows = f.statements(70);
  std::vector<store::StatementRow> views;
  std::vector<Digest> hashes;
  store::RowEncoding scratch;
  for (const auto& s : rows) {
    views.push_back(store::StatementRow::of(s));
    hashes.push_back(store::statement_row_hash(scratch, views.back()));
  }
  const auto [streamed, read_back] = f.streamed_and_read_back([&](store::StatementWriter& w) { w.insert(views, hashes); });
  EXPECT_EQ(streamed, read_back);
  // A wrong hash handed in is committed as given: the read-back then disagrees.
  hashes[3][0] ^= 1;
  const auto [wrong, honest] = f.streamed_and_read_back([&](store::StatementWriter& w) { w.insert(views, hashes); });
  EXPECT_NE(wrong, honest);
}

TEST(RowStream, ACaptionGivenLaterInTheBatchFallsBackToReadingBack) {
  Fixture f;
  const auto rows = f.statements(10);
  const auto [streamed, read_back] = f.streamed_and_read_back([&](store::StatementWriter& w) {
    w.insert(rows);  // creates the entities without a caption
    w.ensure_entity(rows[0].entity_id, "Phone", "+30691000");
  });
  EXPECT_EQ(streamed, read_back);
}

TEST(RowStream, RowsInsertedBesideTheWriterFallBackToReadingBack) {
  Fixture f;
  const auto rows = f.statements(10);
  const auto [streamed, read_back] = f.streamed_and_read_back([&](store::StatementWriter& w) {
    w.insert(rows);
    store::StatementWriter other(f.c->db());  // not hashing
    other.insert(f.statements(3));
  });
  EXPECT_NE(streamed.find("statements 1-13 13 "), std::string::npos) << streamed;
  EXPECT_EQ(streamed, read_back);
}

TEST(RowStream, IdsOutOfOrderAreRefused) {
  store::RowStream s("statements");
  s.add(5, Digest{});
  EXPECT_THROW(s.add(5, Digest{}), Error);
  EXPECT_THROW(s.add(4, Digest{}), Error);
}

TEST(RowStream, AnIngestVerifiesAfterStreaming) {
  Fixture f;
  const auto rows = f.statements(200);
  {
    store::Transaction tx(f.c->db());
    store::LedgerBatch batch(f.c->db());
    store::StatementWriter writer(f.c->db());
    writer.hash_into(batch);
    writer.insert(rows);
    store::AuditLedger ledger(f.c->db());
    batch.commit(ledger, store::EntryContent{"E", store::audit_action::kCollection, "test rows", "", "", ""}, f.c->keys());
    tx.commit();
  }
  std::vector<std::pair<std::int64_t, store::RowCommitment>> batches;
  for (const auto& e : store::AuditLedger(f.c->db()).entries())
    if (auto rc = store::RowCommitment::parse(e.rows)) batches.emplace_back(e.seq, *rc);
  // The fixture's evidence row was written outside a batch: only it is reported.
  auto problems = store::verify_rows(f.c->db(), batches);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].what, "evidence row 1 was added outside a logged batch");
  f.c->db().exec("UPDATE statements SET confidence = 0.5 WHERE id = 150");
  problems = store::verify_rows(f.c->db(), batches);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[1].what, "statements rows 1-200 differ from what entry 1 committed (a row's content was changed)");
}
