// Statements written by the writing thread land exactly as written inline: the same
// entity and statement rows, in the same order; its errors reach the caller.
#include <gtest/gtest.h>

#include "app/write_behind.hpp"
#include "core/error.hpp"
#include "store/case_folder.hpp"
#include "store/evidence_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {

Statement fact(const std::string& entity, const std::string& schema, const std::string& property,
               const std::string& value) {
  Statement s;
  s.entity_id = entity;
  s.schema = schema;
  s.property = property;
  s.value = value;
  s.prov = {std::string(64, 'a'), Locator{7, 3, "row:1"}, "test@1", "2026-01-01T00:00:00.000Z"};
  return s;
}

// "rid id schema caption" of every entity, then "id entity property value" of every statement.
std::vector<std::string> rows(store::Db& db) {
  std::vector<std::string> out;
  store::Stmt e(db, "SELECT rid, id, schema, caption FROM entities ORDER BY rid");
  while (e.step()) out.push_back(std::to_string(e.int64(0)) + " " + e.text(1) + " " + e.text(2) + " " + e.text(3));
  store::Stmt s(db, "SELECT id, entity, property, value FROM statements ORDER BY id");
  while (s.step())
    out.push_back(std::to_string(s.int64(0)) + " " + std::to_string(s.int64(1)) + " " + s.text(2) + " " + s.text(3));
  return out;
}

// Every other column of every statement (provenance, kind, confidence), NULLs spelled out.
std::vector<std::string> provenance(store::Db& db) {
  std::vector<std::string> out;
  store::Stmt s(db,
                "SELECT quote(original_value) || ' ' || evidence || ' ' || quote(loc_offset) || ' ' || "
                "quote(loc_length) || ' ' || quote(loc_record) || ' ' || quote(extractor) || ' ' || "
                "quote(observed_at) || ' ' || kind || ' ' || confidence || ' ' || ident FROM statements ORDER BY id");
  while (s.step()) out.push_back(s.text(0));
  return out;
}

struct Case {
  TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "Examiner 1");
  Case() {
    Evidence e;
    e.sha256 = std::string(64, 'a');
    e.media_type = "text/csv";
    e.original_name = "a.csv";
    e.added_at = "2026-01-01T00:00:00.000Z";
    store::EvidenceStore(c->db()).insert_or_get(e);
  }
};

// Entities declared while a batch fills, and statements that create their entities.
template <class Sink>
void feed(Sink& sink) {
  for (int i = 0; i < 7; ++i) {
    const std::string msg = "message-" + std::to_string(i);
    sink.entity(msg, "Message", "chat #" + std::to_string(i));
    sink.statement(fact(msg, "Message", "bodyText", "text " + std::to_string(i)));
    sink.statement(fact("phone-" + std::to_string(i % 3), "Phone", "number", "+21891000000" + std::to_string(i % 3)));
    sink.statement(fact(msg, "Message", "mentions", "phone-" + std::to_string(i % 3)));
  }
  sink.entity("phone-1", "Phone", "+218910000001");  // a caption for an entity that has none
  // Provenance that differs from row to row: no locator bytes, no record, another
  // extractor and no time; an assessment; original text kept.
  Statement bare = fact("phone-0", "Phone", "number", "+218910000000");
  bare.original_value = "091-0000000";
  bare.prov.locator = Locator{};
  bare.prov.extractor = "phone@1";
  bare.prov.observed_at = "";
  sink.statement(bare);
  Statement guess = fact("person-1", "Person", "name", "Samir");
  guess.kind = StatementKind::Assessment;
  guess.confidence = 0.5;
  sink.statement(guess);
}

// Inline writing, as CaseSink did before the thread: entities at once, statements in batches.
struct Inline {
  store::StatementWriter& w;
  std::size_t batch;
  std::vector<Statement> pending;
  void entity(const std::string& id, const std::string& schema, const std::string& caption) {
    w.ensure_entity(id, schema, caption);
  }
  void statement(Statement s) {
    pending.push_back(std::move(s));
    if (pending.size() >= batch) flush();
  }
  void flush() {
    w.insert(pending);
    pending.clear();
  }
};

TEST(WriteBehind, StoresWhatInlineWritingStores) {
  for (std::size_t batch : {2u, 5u, 1000u}) {
    Case a, b;
    {
      store::Transaction tx(a.c->db());
      store::StatementWriter w(a.c->db());
      Inline sink{w, batch, {}};
      feed(sink);
      sink.flush();
      tx.commit();
    }
    {
      store::Transaction tx(b.c->db());
      store::StatementWriter w(b.c->db());
      app::WriteBehind sink(w, batch);
      feed(sink);
      sink.flush();
      EXPECT_EQ(sink.statements(), 23u);
      tx.commit();
    }
    const auto want = rows(a.c->db());
    ASSERT_EQ(want.size(), 11u + 23u) << batch;  // 7 messages, 3 phones, a person
    EXPECT_EQ(want[0], "1 message-0 Message chat #0");
    // Declared entities are written before the statements collected with them.
    const char* third = batch == 2 ? "3 message-1 Message chat #1" : batch == 5 ? "3 phone-0 Phone " : "3 message-2 Message chat #2";
    EXPECT_EQ(want[2], third) << batch;
    EXPECT_EQ(rows(b.c->db()), want) << "batch " << batch;
    const auto want_provenance = provenance(a.c->db());
    EXPECT_EQ(want_provenance[0], "'' 1 7 3 'row:1' 'test@1' '2026-01-01T00:00:00.000Z' 0 1.0 0");
    EXPECT_EQ(want_provenance[21], "'091-0000000' 1 NULL NULL '' 'phone@1' '' 0 1.0 1");
    EXPECT_EQ(want_provenance[22], "'' 1 7 3 'row:1' 'test@1' '2026-01-01T00:00:00.000Z' 1 0.5 0");
    EXPECT_EQ(provenance(b.c->db()), want_provenance) << "batch " << batch;
  }
}

TEST(WriteBehind, SettleWritesDeclaredEntitiesFirst) {
  Case a;
  store::Transaction tx(a.c->db());
  store::StatementWriter w(a.c->db());
  app::WriteBehind sink(w, 2);
  sink.statement(fact("message-9", "Message", "bodyText", "x"));
  sink.statement(fact("message-9", "Message", "bodyText", "y"));  // a full batch: the thread starts
  sink.entity("document-1", "Document", "a.csv");
  sink.statement(fact("document-1", "Document", "fileName", "a.csv"));
  sink.settle();
  // The caller writes now (the AIS path does): its row follows the declared entity.
  w.ensure_entity("vessel-1", "Vessel", "MMSI 1");
  sink.flush();
  tx.commit();
  EXPECT_EQ(rows(a.c->db()), (std::vector<std::string>{"1 message-9 Message ", "2 document-1 Document a.csv",
                                                         "3 vessel-1 Vessel MMSI 1", "1 1 bodyText x",
                                                         "2 1 bodyText y", "3 2 fileName a.csv"}));
}

TEST(WriteBehind, ErrorOfTheWritingThreadReachesTheCaller) {
  Case a;
  store::Transaction tx(a.c->db());
  store::StatementWriter w(a.c->db());
  app::WriteBehind sink(w, 2);
  sink.statement(fact("message-1", "Message", "bodyText", "x"));
  sink.statement(fact("message-2", "", "bodyText", "y"));  // no schema for a new entity
  try {
    for (int i = 0; i < 10; ++i) sink.statement(fact("message-1", "Message", "bodyText", "z"));
    sink.flush();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "message-2: statement about a new entity names no schema");
  }
}

}  // namespace
