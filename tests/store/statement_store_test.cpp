#include "store/statement_store.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "store/case_folder.hpp"
#include "store/evidence_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {

struct Fixture {
  TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "E");
  std::string sha = std::string(64, 'a');

  Fixture() {
    Evidence e;
    e.sha256 = sha;
    e.size = 10;
    e.media_type = "text/plain";
    e.original_name = "chat.txt";
    e.added_at = "2026-11-01T00:00:00.000Z";
    store::EvidenceStore(c->db()).insert_or_get(e);
  }

  Statement phone_statement(const std::string& e164, std::uint64_t offset) {
    Statement s;
    s.entity_id = make_entity_id("Phone", e164);
    s.schema = "Phone";
    s.property = "number";
    s.value = e164;
    s.original_value = "raw " + e164;
    s.prov = {sha, Locator{offset, 13, "message:7"}, "phone@1", "2026-11-01T00:00:00.000Z"};
    return s;
  }
};

}  // namespace

TEST(StatementStore, BulkInsertAndQueries) {
  Fixture f;
  {
    store::Transaction tx(f.c->db());
    store::StatementWriter w(f.c->db());
    std::vector<Statement> batch{f.phone_statement("+218912345678", 5), f.phone_statement("+218912345678", 40),
                                 f.phone_statement("+33612345678", 80)};
    batch[2].kind = StatementKind::Assessment;
    batch[2].confidence = 0.6;
    w.insert(batch);
    tx.commit();
  }
  store::StatementStore st(f.c->db());
  EXPECT_EQ(st.count_statements(), 3);
  EXPECT_EQ(st.count_entities(), 2);
  const std::string id = make_entity_id("Phone", "+218912345678");
  auto of = st.of_entity(id);
  ASSERT_EQ(of.size(), 2u);
  EXPECT_EQ(of[1].statement.prov.locator.offset, 40u);
  EXPECT_EQ(of[1].statement.prov.locator.length, 13u);
  EXPECT_EQ(of[1].statement.prov.locator.record, "message:7");
  EXPECT_EQ(of[1].statement.prov.extractor, "phone@1");
  EXPECT_EQ(of[1].statement.original_value, "raw +218912345678");
  EXPECT_EQ(of[1].statement.prov.locator.to_string(), "message:7 bytes 40+13");
  auto by_value = st.entities_by_value("+33612345678");
  ASSERT_EQ(by_value.size(), 1u);
  EXPECT_EQ(by_value[0].schema, "Phone");
  EXPECT_EQ(by_value[0].canonical_id, by_value[0].id);
  auto from = st.from_evidence(f.sha);
  ASSERT_EQ(from.size(), 3u);
  EXPECT_EQ(from[2].statement.kind, StatementKind::Assessment);
  EXPECT_DOUBLE_EQ(from[2].statement.confidence, 0.6);
  EXPECT_TRUE(st.of_entity("phone-unknown").empty());
  EXPECT_FALSE(st.entity("phone-unknown"));
}

TEST(StatementStore, UnknownEvidenceFailsAndRollsBackWholeBatch) {
  Fixture f;
  std::vector<Statement> batch{f.phone_statement("+218912345678", 5), f.phone_statement("+33612345678", 9)};
  batch[1].prov.evidence_sha256 = std::string(64, 'b');
  try {
    store::Transaction tx(f.c->db());
    store::StatementWriter w(f.c->db());
    w.insert(batch);
    tx.commit();
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("not in the case"), std::string::npos);
  }
  store::StatementStore st(f.c->db());
  EXPECT_EQ(st.count_statements(), 0);
  EXPECT_EQ(st.count_entities(), 0);
}

TEST(StatementStore, CaptionIsSetOnceAndEntityIsShared) {
  Fixture f;
  store::Transaction tx(f.c->db());
  store::StatementWriter w(f.c->db());
  const auto a = w.ensure_entity("person-1", "Person", "");
  EXPECT_EQ(w.ensure_entity("person-1", "Person", "Abu Khaled"), a);
  EXPECT_EQ(w.ensure_entity("person-1", "Person", "Other"), a);
  tx.commit();
  EXPECT_EQ(store::StatementStore(f.c->db()).entity("person-1")->caption, "Abu Khaled");
}
