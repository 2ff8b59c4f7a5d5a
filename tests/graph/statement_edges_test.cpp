#include <gtest/gtest.h>

#include "graph/statement_edges.hpp"

using namespace corridor;
using namespace corridor::graph;

namespace {
SourcedStatement st(std::int64_t id, std::string entity, std::string schema, std::string property, std::string value,
                    std::string observed = "2026-03-01T10:00:00Z") {
  SourcedStatement s;
  s.id = id;
  s.statement.entity_id = std::move(entity);
  s.statement.schema = std::move(schema);
  s.statement.property = std::move(property);
  s.statement.value = std::move(value);
  s.statement.prov.observed_at = std::move(observed);
  return s;
}
}  // namespace

TEST(StatementEdges, MessagesPaymentsMentionsAndDevices) {
  const std::vector<SourcedStatement> all = {
      st(1, "message-1", "Message", "sender", "account-a"),
      st(2, "message-1", "Message", "recipients", "account-b"),
      st(3, "message-1", "Message", "recipients", "account-c"),
      st(4, "message-1", "Message", "date", "2026-02-01T08:00:00Z"),
      st(5, "payment-1", "Payment", "payer", "account-b"),
      st(6, "payment-1", "Payment", "beneficiary", "account-c"),
      st(7, "post-1", "Post", "mentions", "phone-1"),
      st(8, "post-1", "Post", "mentions", "wallet-1"),
      st(9, "account-a", "UserAccount", "device", "imei:3569"),
      st(10, "account-d", "UserAccount", "device", "imei:3569"),
      st(11, "account-a", "UserAccount", "name", "Abu Salim"),
  };
  const auto edges = edges_from_statements(all);
  ASSERT_EQ(edges.size(), 7u);
  // Direct "mentions" links come first, in statement order.
  EXPECT_EQ(edges[0].type, EdgeType::Mentions);
  EXPECT_EQ(edges[0].source, "post-1");
  EXPECT_EQ(edges[0].target, "phone-1");
  EXPECT_EQ(edges[1].target, "wallet-1");
  // Records in id order: message-1, payment-1, post-1.
  EXPECT_EQ(edges[2].type, EdgeType::SentMessageTo);
  EXPECT_EQ(edges[2].source, "account-a");
  EXPECT_EQ(edges[2].target, "account-b");
  EXPECT_EQ(edges[2].at, *parse_iso8601("2026-02-01T08:00:00Z"));
  EXPECT_EQ(edges[2].statements, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(edges[3].target, "account-c");
  EXPECT_EQ(edges[4].type, EdgeType::Paid);
  EXPECT_EQ(edges[4].at, *parse_iso8601("2026-03-01T10:00:00Z"));
  EXPECT_EQ(edges[5].type, EdgeType::AppearsWith);
  EXPECT_EQ(edges[5].statements, (std::vector<std::int64_t>{7, 8}));
  EXPECT_EQ(edges[6].type, EdgeType::SameDevice);
  EXPECT_EQ(edges[6].source, "account-a");
  EXPECT_EQ(edges[6].target, "account-d");

  const Graph g = build_graph(all);
  EXPECT_EQ(g.node_count(), 9u);  // 3 records, 4 accounts, the phone and the wallet
  EXPECT_EQ(g.edge_count(), 7u);
  EXPECT_EQ(g.node(*g.find("account-a")).caption, "Abu Salim");
  EXPECT_EQ(g.node(*g.find("message-1")).schema, "Message");
}

TEST(StatementEdges, BuildGraphLabelsIdentifiersByTheirValueAfterNames) {
  const std::vector<SourcedStatement> all = {
      st(1, "wallet-1", "CryptoWallet", "publicKey", "TXyz1234"),
      st(2, "person-1", "Person", "email", "abu@example.org"),
      st(3, "person-1", "Person", "name", "Abu A"),  // a name wins over an earlier identifier
      st(4, "post-1", "Post", "mentions", "wallet-1"),
  };
  const Graph g = build_graph(all);
  EXPECT_EQ(g.node(*g.find("wallet-1")).caption, "TXyz1234");
  EXPECT_EQ(g.node(*g.find("person-1")).caption, "Abu A");
  EXPECT_EQ(g.node(*g.find("post-1")).caption, "");
}
