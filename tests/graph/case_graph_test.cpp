#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

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

// One evidence item for the statements to cite.
Evidence chat_evidence(store::CaseFolder& c) {
  Evidence e;
  e.sha256 = std::string(64, 'a');
  e.media_type = "application/json";
  e.original_name = "chat.json";
  e.added_at = "2026-03-01T00:00:00.000Z";
  store::EvidenceStore(c.db()).insert_or_get(e);
  return e;
}
}  // namespace

TEST(CaseGraph, LinksFromTheStoreTraceToStatementRows) {
  test::TempDir dir;
  auto c = store::CaseFolder::init(dir / "case", "t", "tester");
  const Evidence e = chat_evidence(*c);
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

namespace {
// The edges of a graph as "source>target type: statements" lines, sorted.
std::vector<std::string> edge_lines(const Graph& g) {
  std::vector<std::string> out;
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    std::string line = g.node(g.edge(e).source).id + ">" + g.node(g.edge(e).target).id + " " +
                       to_string(g.edge(e).type) + ":";
    for (auto id : g.statements_of(e)) line += " " + std::to_string(id);
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST(CaseGraph, MergedEntitiesAreOneNodeUntilTheMergeIsUndone) {
  test::TempDir dir;
  auto c = store::CaseFolder::init(dir / "case", "t", "tester");
  const Evidence e = chat_evidence(*c);
  {
    store::Transaction tx(c->db());
    store::StatementWriter w(c->db());
    w.ensure_entity("person-a", "Person", "Abu A");
    w.ensure_entity("person-b", "Person", "A. Abu");
    w.insert(st("person-a", "Person", "sentMessageTo", "person-c", e.sha256));    // 1
    w.insert(st("person-b", "Person", "paid", "person-c", e.sha256));             // 2
    w.insert(st("person-a", "Person", "appearsWith", "person-b", e.sha256));      // 3
    w.insert(st("message-1", "Message", "sender", "person-b", e.sha256));         // 4
    w.insert(st("message-1", "Message", "recipients", "person-d", e.sha256));     // 5
    w.insert(st("person-c", "Person", "sentMessageTo", "person-b", e.sha256));    // 6
    w.insert(st("person-a", "Person", "email", "abu@example.org", e.sha256));        // 7
    w.insert(st("person-b", "Person", "email", "abu@example.org", e.sha256));        // 8
    tx.commit();
  }
  const Graph before = load_case_graph(c->db());
  EXPECT_EQ(before.node_count(), 5u);  // a, b, c, message-1, d
  EXPECT_EQ(edge_lines(before), (std::vector<std::string>{
                                    "person-a>person-b appears with: 3",
                                    "person-a>person-b shares identifier: 7 8",
                                    "person-a>person-c sent message to: 1",
                                    "person-b>person-c paid: 2",
                                    "person-b>person-d sent message to: 4 5",
                                    "person-c>person-b sent message to: 6",
                                }));

  c->db().exec("UPDATE entities SET canonical_id = 'person-a' WHERE id = 'person-b'");
  const Graph merged = load_case_graph(c->db());
  EXPECT_EQ(merged.node_count(), 4u);  // a (with b), c, message-1, d
  // The link between the two and their shared phone are gone; every other link of b is
  // now a's, with its statements.
  EXPECT_EQ(edge_lines(merged), (std::vector<std::string>{
                                    "person-a>person-c paid: 2",
                                    "person-a>person-c sent message to: 1",
                                    "person-a>person-d sent message to: 4 5",
                                    "person-c>person-a sent message to: 6",
                                }));
  ASSERT_TRUE(merged.find("person-b"));
  EXPECT_EQ(*merged.find("person-b"), *merged.find("person-a"));
  EXPECT_EQ(merged.node(*merged.find("person-b")).caption, "Abu A");

  c->db().exec("UPDATE entities SET canonical_id = id WHERE id = 'person-b'");
  const Graph undone = load_case_graph(c->db());
  EXPECT_EQ(undone.node_count(), 5u);
  EXPECT_EQ(edge_lines(undone), edge_lines(before));
  EXPECT_NE(*undone.find("person-b"), *undone.find("person-a"));
}

TEST(CaseGraph, IdentifierEntitiesAreLabelledByTheirValue) {
  test::TempDir dir;
  auto c = store::CaseFolder::init(dir / "case", "t", "tester");
  const Evidence e = chat_evidence(*c);
  {
    store::Transaction tx(c->db());
    store::StatementWriter w(c->db());
    w.ensure_entity("phone-1", "Phone", "");
    w.ensure_entity("bankaccount-1", "BankAccount", "");
    w.ensure_entity("person-1", "Person", "Abu A");
    w.insert(st("phone-1", "Phone", "number", "+218912345678", e.sha256));
    w.insert(st("phone-1", "Phone", "number", "+218900000000", e.sha256));  // the first value names it
    w.insert(st("bankaccount-1", "BankAccount", "iban", "DE89370400440532013000", e.sha256));
    w.insert(st("person-1", "Person", "number", "+39061234567", e.sha256));  // a caption stays
    w.insert(st("message-1", "Message", "mentions", "phone-1", e.sha256));
    tx.commit();
  }
  const Graph g = load_case_graph(c->db());
  EXPECT_EQ(g.node(*g.find("phone-1")).caption, "+218912345678");
  EXPECT_EQ(g.node(*g.find("bankaccount-1")).caption, "DE89370400440532013000");
  EXPECT_EQ(g.node(*g.find("person-1")).caption, "Abu A");
}
