// Every exported link says whether it rests on facts or an assessment and what made its
// statements (issue: no automated decision; AI Act Art. 14).
#include "exchange/link_sources.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "exchange/csv_graph.hpp"
#include "exchange/gexf.hpp"
#include "exchange/graphml.hpp"
#include "graph/case_graph.hpp"
#include "store/case_folder.hpp"
#include "store/evidence_store.hpp"
#include "store/statement_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;

namespace {

Statement st(std::string entity, std::string schema, std::string property, std::string value, std::string extractor) {
  Statement s;
  s.entity_id = std::move(entity);
  s.schema = std::move(schema);
  s.property = std::move(property);
  s.value = std::move(value);
  s.prov = {std::string(64, 'a'), Locator{}, std::move(extractor), "2026-03-01T10:00:00.000Z"};
  return s;
}

struct Fixture {
  test::TempDir dir;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(dir / "case", "t", "tester");
  Fixture() {
    Evidence e;
    e.sha256 = std::string(64, 'a');
    e.media_type = "application/json";
    e.original_name = "chat.json";
    e.added_at = "2026-03-01T00:00:00.000Z";
    store::Transaction tx(c->db());
    store::EvidenceStore(c->db()).insert_or_get(e);
    store::StatementWriter w(c->db());
    w.ensure_entity("account-b", "UserAccount", "Smuggler B");
    w.ensure_entity("account-c", "UserAccount", "");
    w.insert(st("message-1", "Message", "sender", "account-a", "telegram@1"));
    w.insert(st("message-1", "Message", "recipients", "account-b", "telegram@1"));
    w.insert(st("account-b", "UserAccount", "paid", "account-c", "aml@2"));
    tx.commit();
  }
};

}  // namespace

TEST(LinkSources, EachLinkNamesItsKindAndMakers) {
  Fixture f;
  const auto g = graph::load_case_graph(f.c->db());
  const auto sources = exchange::link_sources(f.c->db(), g);
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(graph::to_string(g.edge(0).type), std::string("paid"));
  EXPECT_STREQ(sources[0].kind(), "fact");
  EXPECT_EQ(sources[0].made_by, "aml@2");
  EXPECT_EQ(sources[1].made_by, "telegram@1");

  std::ostringstream csv, graphml, gexf;
  exchange::write_edges_csv(csv, g, &sources);
  EXPECT_EQ(csv.str().substr(0, csv.str().find('\r')), "source,target,type,weight,first,last,links,statements,kind,made_by");
  EXPECT_NE(csv.str().find(",3,fact,aml@2\r\n"), std::string::npos) << csv.str();
  exchange::write_graphml(graphml, g, {}, &sources);
  EXPECT_NE(graphml.str().find("<key id=\"kind\" for=\"edge\""), std::string::npos);
  EXPECT_NE(graphml.str().find("<data key=\"kind\">fact</data><data key=\"made_by\">telegram@1</data>"), std::string::npos)
      << graphml.str();
  exchange::write_gexf(gexf, g, {}, &sources);
  EXPECT_NE(gexf.str().find("<attvalue for=\"kind\" value=\"fact\"/><attvalue for=\"made_by\" value=\"aml@2\"/>"),
            std::string::npos)
      << gexf.str();
  // An assessment behind a link is named as such.
  f.c->db().exec("UPDATE statements SET kind = 1 WHERE property = 'paid'");
  EXPECT_STREQ(exchange::link_sources(f.c->db(), g)[0].kind(), "assessment");
}
