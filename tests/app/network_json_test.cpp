// The network around some entities as graphology JSON: who is in it and in what order, the
// cut at the limit, links of several types between two entities as one edge, and a
// protected person under their pseudonym.
#include <gtest/gtest.h>

#include "app/network_json.hpp"
#include "store/case_folder.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using nlohmann::ordered_json;

namespace {

constexpr UnixMillis kAt = 1'686'776'762'000;  // 2023-06-14T21:06:02Z

// a -> b (two messages, a payment), b -> a (a message), b - c (appear together, both
// ways), c - d (share an identifier), d -> e (mentions); f alone.
graph::Graph small_network() {
  graph::GraphBuilder b;
  b.add_node("person-a", "Person", "Ali");
  b.add_node("person-b", "Person", "Bilal");
  b.add_node("phone-c", "Phone", "+447400123456");
  b.add_node("account-d", "UserAccount", "@sea_taxi");
  b.add_node("person-e", "Person", "Emre");
  b.add_node("person-f", "Person", "Farid");
  using graph::EdgeType;
  b.add_edge({"person-a", "person-b", EdgeType::SentMessageTo, 1, kAt, {1}});
  b.add_edge({"person-a", "person-b", EdgeType::SentMessageTo, 1, kAt + 60'000, {2}});
  b.add_edge({"person-a", "person-b", EdgeType::Paid, 1, graph::kNoTime, {3}});
  b.add_edge({"person-b", "person-a", EdgeType::SentMessageTo, 1, kAt, {4}});
  b.add_edge({"person-b", "phone-c", EdgeType::AppearsWith, 1, graph::kNoTime, {6}});
  b.add_edge({"phone-c", "person-b", EdgeType::AppearsWith, 1, graph::kNoTime, {5}});
  b.add_edge({"phone-c", "account-d", EdgeType::SharesIdentifier, 1, graph::kNoTime, {7}});
  b.add_edge({"account-d", "person-e", EdgeType::Mentions, 1, graph::kNoTime, {8}});
  return b.build();
}

std::vector<std::string> keys_of(const ordered_json& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i["key"]);
  return out;
}

app::Pseudonyms protecting_bilal() {
  std::array<std::uint8_t, 32> secret{};
  for (std::size_t i = 0; i < secret.size(); ++i) secret[i] = static_cast<std::uint8_t>(i * 5 + 3);
  app::Pseudonyms p(secret);
  p.protect("person-b", "person-b");
  return p;
}

struct Fixture {
  test::TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "Examiner 1");
  graph::Graph g = small_network();
};

}  // namespace

TEST(NetworkJson, OneHopAroundOneEntityMergesTheLinksOfEachDirection) {
  Fixture f;
  const auto n = app::network_around(f.c->db(), f.g, {"person-a"}, 1, 300);
  EXPECT_EQ(n.hops, (std::vector<int>{0, 1}));
  EXPECT_FALSE(n.truncated());
  const auto j = app::network_json(f.c->db(), n, app::Pseudonyms());
  EXPECT_EQ(j["options"], ordered_json({{"type", "mixed"}, {"multi", false}, {"allowSelfLoops", false}}));
  EXPECT_EQ(keys_of(j["nodes"]), (std::vector<std::string>{"person-a", "person-b"}));
  ASSERT_EQ(j["edges"].size(), 2u);
  const auto& ab = j["edges"][0];
  EXPECT_EQ(ab["key"], "e0");
  EXPECT_EQ(ab["source"], "person-a");
  EXPECT_EQ(ab["target"], "person-b");
  EXPECT_FALSE(ab.contains("undirected"));
  EXPECT_EQ(ab["attributes"]["label"], "sent message to, paid");
  EXPECT_EQ(ab["attributes"]["kinds"], ordered_json({"sent message to", "paid"}));
  EXPECT_EQ(ab["attributes"]["weight"], 3.0);
  EXPECT_EQ(ab["attributes"]["links"], 3);
  EXPECT_EQ(ab["attributes"]["first"], "2023-06-14T21:06:02.000Z");
  EXPECT_EQ(ab["attributes"]["last"], "2023-06-14T21:07:02.000Z");
  EXPECT_EQ(ab["attributes"]["statements"], ordered_json({1, 2, 3}));
  EXPECT_EQ(ab["attributes"]["statement_count"], 3);
  const auto& ba = j["edges"][1];
  EXPECT_EQ(ba["source"], "person-b");
  EXPECT_EQ(ba["target"], "person-a");
  EXPECT_EQ(ba["attributes"]["statements"], ordered_json({4}));
  const auto& a = j["nodes"][0]["attributes"];
  EXPECT_EQ(a["label"], "Ali");
  EXPECT_EQ(a["schema"], "Person");
  EXPECT_EQ(a["seed"], true);
  EXPECT_EQ(a["hops"], 0);
  EXPECT_EQ(j["nodes"][1]["attributes"]["seed"], false);
  EXPECT_EQ(j["attributes"]["seeds"], ordered_json({"person-a"}));
  EXPECT_EQ(j["attributes"]["depth"], 1);
  EXPECT_EQ(j["attributes"]["within_depth"], 2);
  EXPECT_EQ(j["attributes"]["truncated"], false);
}

TEST(NetworkJson, TwoHopsHaveTheBrokerFirstAndTheAppearancesBothWaysAsOneUndirectedEdge) {
  Fixture f;
  const auto n = app::network_around(f.c->db(), f.g, {"person-a"}, 2, 300);
  const auto j = app::network_json(f.c->db(), n, app::Pseudonyms());
  EXPECT_EQ(keys_of(j["nodes"]), (std::vector<std::string>{"person-a", "person-b", "phone-c"}));
  ASSERT_EQ(j["edges"].size(), 3u);
  const auto& bc = j["edges"][2];
  EXPECT_EQ(bc["source"], "person-b");
  EXPECT_EQ(bc["target"], "phone-c");
  EXPECT_EQ(bc["undirected"], true);
  EXPECT_EQ(bc["attributes"]["label"], "appears with");
  EXPECT_EQ(bc["attributes"]["statements"], ordered_json({5, 6}));
  EXPECT_EQ(bc["attributes"]["first"], nullptr);
  // Bilal sits between the other two: first of the key players, with its reasons.
  const auto& b = j["nodes"][1]["attributes"];
  EXPECT_EQ(b["rank"], 1);
  EXPECT_EQ(b["hops"], 1);
  EXPECT_EQ(b["reasons"], ordered_json({"highest PageRank", "highest betweenness", "in the innermost core (k=3)"}));
  EXPECT_EQ(j["nodes"][0]["attributes"]["community"], b["community"]);
  EXPECT_EQ(j["attributes"]["communities"], 1);
}

TEST(NetworkJson, SeveralSeedsTheRingByTiesTheCutAndWhatNamesNothing) {
  Fixture f;
  auto n = app::network_around(f.c->db(), f.g, {"person-a", "nobody", "person-e", "person-a"}, 1, 300);
  EXPECT_EQ(n.missing, std::vector<std::string>{"nobody"});
  auto j = app::network_json(f.c->db(), n, app::Pseudonyms());
  // Bilal has four links into the seeds, the account one.
  EXPECT_EQ(keys_of(j["nodes"]), (std::vector<std::string>{"person-a", "person-e", "person-b", "account-d"}));
  EXPECT_EQ(j["attributes"]["seeds"], ordered_json({"person-a", "person-e"}));
  EXPECT_EQ(j["attributes"]["missing"], ordered_json({"nobody"}));
  n = app::network_around(f.c->db(), f.g, {"person-a", "person-e"}, 1, 3);
  j = app::network_json(f.c->db(), n, app::Pseudonyms());
  EXPECT_EQ(keys_of(j["nodes"]), (std::vector<std::string>{"person-a", "person-e", "person-b"}));
  EXPECT_EQ(j["attributes"]["within_depth"], 4);
  EXPECT_EQ(j["attributes"]["truncated"], true);
  EXPECT_EQ(j["attributes"]["limit"], 3);
  // Nothing named: no entity at all.
  EXPECT_EQ(app::network_around(f.c->db(), f.g, {"nobody"}, 2, 300).graph.node_count(), 0u);
}

TEST(NetworkJson, AProtectedPersonShowsUnderTheirPseudonym) {
  Fixture f;
  const auto shown = protecting_bilal();
  const auto j = app::network_json(f.c->db(), app::network_around(f.c->db(), f.g, {"person-a"}, 1, 300), shown);
  const std::string label = j["nodes"][1]["attributes"]["label"];
  EXPECT_EQ(label, shown.of_entity("person-b"));
  EXPECT_EQ(label.rfind("ps-", 0), 0u);
  EXPECT_EQ(j.dump().find("Bilal"), std::string::npos);
}
