#include <gtest/gtest.h>

#include "graph/case_graph.hpp"
#include "graph/paths.hpp"
#include "store/case_folder.hpp"
#include "store/evidence_store.hpp"
#include "store/statement_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using namespace corridor::graph;

namespace {
Statement st(std::string entity, std::string schema, std::string property, std::string value, const std::string& sha) {
  Statement s;
  s.entity_id = std::move(entity);
  s.schema = std::move(schema);
  s.property = std::move(property);
  s.value = std::move(value);
  s.prov = {sha, Locator{}, "test@1", "2026-03-01T10:00:00.000Z"};
  return s;
}
}  // namespace

TEST(CaseGraph, LinksFromTheStoreTraceToStatementRows) {
  test::TempDir dir;
  auto c = store::CaseFolder::init(dir / "case", "t", "tester");
  Evidence e;
  e.sha256 = std::string(64, 'a');
  e.media_type = "application/json";
  e.original_name = "chat.json";
  e.added_at = "2026-03-01T00:00:00.000Z";
  store::EvidenceStore(c->db()).insert_or_get(e);
  {
    store::Transaction tx(c->db());
    store::StatementWriter w(c->db());
    w.ensure_entity("account-b", "UserAccount", "Smuggler B");
    w.ensure_entity("account-c", "UserAccount", "");
    w.insert(st("message-1", "Message", "sender", "account-a", e.sha256));        // 1
    w.insert(st("message-1", "Message", "recipients", "account-b", e.sha256));    // 2
    w.insert(st("account-b", "UserAccount", "paid", "account-c", e.sha256));      // 3
    w.insert(st("account-a", "UserAccount", "name", "Abu A", e.sha256));          // 4
    tx.commit();
  }
  const Graph g = load_case_graph(c->db());
  ASSERT_EQ(g.edge_count(), 2u);
  // Direct links are read first, then records.
  EXPECT_EQ(g.edge(0).type, EdgeType::Paid);
  EXPECT_EQ(g.edge(1).type, EdgeType::SentMessageTo);
  const auto path = shortest_path(g, *g.find("account-a"), *g.find("account-c"));
  ASSERT_TRUE(path);
  ASSERT_EQ(path->edges.size(), 2u);
  const auto first = g.statements_of(path->edges[0]);
  EXPECT_EQ(std::vector<std::int64_t>(first.begin(), first.end()), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(g.statements_of(path->edges[1])[0], 3);
  EXPECT_EQ(g.node(*g.find("account-b")).caption, "Smuggler B");
  EXPECT_EQ(g.edge(0).first, *parse_iso8601("2026-03-01T10:00:00Z"));
}
