#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "graph/communities.hpp"
#include "graph/graph.hpp"
#include "graph/key_players.hpp"
#include "graph/measures.hpp"
#include "graph/paths.hpp"

using namespace corridor::graph;

namespace {

void link(GraphBuilder& b, const std::string& x, const std::string& y, double w = 1,
          corridor::UnixMillis at = kNoTime, std::int64_t statement = 0) {
  EdgeInput e;
  e.source = x;
  e.target = y;
  e.type = EdgeType::SentMessageTo;
  e.weight = w;
  e.at = at;
  if (statement) e.statements = {statement};
  b.add_edge(e);
}

void clique(GraphBuilder& b, const std::string& prefix, int n) {
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j) link(b, prefix + std::to_string(i), prefix + std::to_string(j));
}

// Two cells of five that know each other, joined by one call between a0 and b0.
Graph planted_two_communities() {
  GraphBuilder b;
  clique(b, "a", 5);
  clique(b, "b", 5);
  link(b, "a0", "b0");
  return b.build();
}

// Two cells of four with no contact but through x, who knows two members of each.
Graph broker() {
  GraphBuilder b;
  clique(b, "a", 4);
  clique(b, "b", 4);
  for (const char* n : {"a0", "a1", "b0", "b1"}) link(b, "x", n);
  return b.build();
}

NodeIndex at(const Graph& g, const char* id) { return *g.find(id); }

}  // namespace

TEST(Graph, MergesParallelLinksKeepingTimesAndStatements) {
  GraphBuilder b;
  link(b, "p", "q", 1, 3000, 11);
  link(b, "p", "q", 2, 1000, 12);
  link(b, "q", "p", 1, 2000, 13);  // the other direction stays its own edge
  const Graph g = b.build();
  ASSERT_EQ(g.node_count(), 2u);
  ASSERT_EQ(g.edge_count(), 2u);
  EXPECT_DOUBLE_EQ(g.edge(0).weight, 3);
  EXPECT_EQ(g.edge(0).first, 1000);
  EXPECT_EQ(g.edge(0).last, 3000);
  EXPECT_EQ(g.edge(0).links, 2u);
  EXPECT_EQ(std::vector<std::int64_t>(g.statements_of(0).begin(), g.statements_of(0).end()),
            (std::vector<std::int64_t>{11, 12}));
  EXPECT_EQ(g.statements_of(1)[0], 13);
  EXPECT_EQ(g.node(g.edge(1).source).id, "q");
  EXPECT_STREQ(to_string(EdgeType::SharesIdentifier), "shares identifier");
  EXPECT_EQ(edge_type_from("paid"), EdgeType::Paid);
}

TEST(Graph, EmptyGraphGivesEmptyAnswers) {
  const Graph g = GraphBuilder().build();
  EXPECT_EQ(connected_components(g).count(), 0u);
  EXPECT_TRUE(pagerank(g).empty());
  EXPECT_TRUE(key_players(g).empty());
}

TEST(Communities, PlantedTwoCommunitiesFoundByLeidenAndLouvain) {
  const Graph g = planted_two_communities();
  for (const auto& c : {leiden(g), louvain(g)}) {
    ASSERT_EQ(c.count, 2u);
    for (int i = 1; i < 5; ++i) {
      EXPECT_EQ(c.membership[at(g, ("a" + std::to_string(i)).c_str())], c.membership[at(g, "a0")]);
      EXPECT_EQ(c.membership[at(g, ("b" + std::to_string(i)).c_str())], c.membership[at(g, "b0")]);
    }
    EXPECT_NE(c.membership[at(g, "a0")], c.membership[at(g, "b0")]);
    // Q = 2 (10/21 - (21/42)^2) = 20/21 - 1/2
    EXPECT_NEAR(c.modularity, 20.0 / 21.0 - 0.5, 1e-12);
  }
  LeidenOptions cpm;
  cpm.objective = LeidenObjective::Cpm;
  cpm.resolution = 0.5;  // denser than half: both cliques, not the bridge
  EXPECT_EQ(leiden(g, cpm).count, 2u);
}

TEST(Communities, BridgeBetweenCommunities) {
  const Graph g = planted_two_communities();
  const auto c = leiden(g);
  const auto bridges = community_bridges(g, c.membership);
  ASSERT_EQ(bridges.size(), 2u);
  EXPECT_EQ(bridges[0].node, at(g, "a0"));
  EXPECT_EQ(bridges[1].node, at(g, "b0"));
  EXPECT_EQ(bridges[0].cross_edges, 1u);
  EXPECT_EQ(bridges[0].communities, (std::vector<std::uint32_t>{0, 1}));
}

TEST(Measures, BrokerHasAllCrossBetweenness) {
  const Graph g = broker();
  const auto btw = betweenness(g);
  EXPECT_DOUBLE_EQ(btw[at(g, "x")], 16.0);  // every one of the 4 x 4 cross pairs
  EXPECT_DOUBLE_EQ(btw[at(g, "a0")], 5.0);  // half of a2, a3 to x and the b side
  EXPECT_DOUBLE_EQ(btw[at(g, "a2")], 0.0);
  const auto cut = betweenness_cutoff(g, 2);  // only paths of at most two hops
  EXPECT_DOUBLE_EQ(cut[at(g, "x")], 4.0);     // a0, a1 to b0, b1
  const auto all_sources = betweenness_sampled(g, g.node_count());
  EXPECT_DOUBLE_EQ(all_sources[at(g, "x")], 16.0);
  const auto sampled = betweenness_sampled(g, 6);
  EXPECT_GT(sampled[at(g, "x")], sampled[at(g, "a2")]);

  const auto deg = degree(g);
  EXPECT_EQ(deg[at(g, "x")], 4u);
  EXPECT_EQ(deg[at(g, "a0")], 4u);
  const auto core = coreness(g);
  EXPECT_EQ(core[at(g, "a3")], 3u);
  EXPECT_EQ(core[at(g, "x")], 3u);  // x and both cells' a0, a1 / b0, b1 hold degree 3
  const auto con = constraint(g);
  EXPECT_LT(con[at(g, "x")], con[at(g, "a0")]);
  EXPECT_LT(con[at(g, "x")], con[at(g, "a3")]);
  const auto comps = connected_components(g);
  EXPECT_EQ(comps.count(), 1u);
  EXPECT_EQ(comps.sizes[0], 9u);
  const auto pr = pagerank(g);
  double sum = 0;
  for (double p : pr) sum += p;
  EXPECT_NEAR(sum, 1.0, 1e-9);
}

TEST(KeyPlayers, BrokerRankedFirstWithReasons) {
  const Graph g = broker();
  const auto top = key_players(g);
  ASSERT_EQ(top.size(), 9u);
  EXPECT_EQ(g.node(top[0].node).id, "x");
  EXPECT_DOUBLE_EQ(top[0].betweenness, 16.0);
  ASSERT_GE(top[0].reasons.size(), 2u);
  EXPECT_EQ(top[0].reasons[0], "broker between communities 0 and 1");
  EXPECT_EQ(top[0].reasons[1], "highest betweenness");
  KeyPlayerOptions o;
  o.top = 3;
  EXPECT_EQ(key_players(g, o).size(), 3u);
}

// Two members of one cell hold the same position; the one that three evidence items speak
// of outranks the one seen in a single item, and says why.
TEST(KeyPlayers, CorroborationAcrossSourcesBreaksATie) {
  const Graph g = planted_two_communities();
  KeyPlayerOptions o;
  o.sources.assign(g.node_count(), 1);
  o.sources[at(g, "a3")] = 3;
  const auto all = key_players(g, o);
  std::size_t a3 = 0, a4 = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (g.node(all[i].node).id == "a3") a3 = i;
    if (g.node(all[i].node).id == "a4") a4 = i;
  }
  EXPECT_LT(a3, a4);
  EXPECT_EQ(all[a3].sources, 3u);
  EXPECT_EQ(all[a3].reasons.back(), "seen in 3 evidence items");
  EXPECT_NEAR(all[a3].score - all[a4].score, 0.2, 1e-9);  // the whole corroboration share
  EXPECT_EQ(all[a4].sources, 1u);
  // Without sources the two are tied, as before.
  const auto plain = key_players(g);
  double s3 = -1, s4 = -2;
  for (const auto& k : plain) {
    if (g.node(k.node).id == "a3") s3 = k.score;
    if (g.node(k.node).id == "a4") s4 = k.score;
  }
  EXPECT_DOUBLE_EQ(s3, s4);
}

TEST(Paths, FewestHopsAndStrongestTies) {
  GraphBuilder b;
  link(b, "a", "b", 10, kNoTime, 1);
  link(b, "b", "c", 10, kNoTime, 2);
  link(b, "c", "d", 10, kNoTime, 3);
  link(b, "a", "e", 1, kNoTime, 4);
  link(b, "e", "d", 1, kNoTime, 5);
  link(b, "x", "y");
  const Graph g = b.build();
  const auto hops = shortest_path(g, at(g, "a"), at(g, "d"));
  ASSERT_TRUE(hops);
  ASSERT_EQ(hops->nodes.size(), 3u);
  EXPECT_EQ(g.node(hops->nodes[1]).id, "e");
  EXPECT_EQ(g.statements_of(hops->edges[0])[0], 4);
  EXPECT_EQ(g.statements_of(hops->edges[1])[0], 5);
  const auto strong = shortest_path(g, at(g, "a"), at(g, "d"), true);
  ASSERT_TRUE(strong);
  ASSERT_EQ(strong->nodes.size(), 4u);
  EXPECT_EQ(g.node(strong->nodes[1]).id, "b");
  EXPECT_EQ(g.node(strong->nodes[2]).id, "c");
  EXPECT_FALSE(shortest_path(g, at(g, "a"), at(g, "x")));
  EXPECT_EQ(connected_components(g).count(), 2u);
}

TEST(Paths, EgoNetworkAndTimeSlice) {
  GraphBuilder b;
  link(b, "a", "b", 1, 1000, 1);
  link(b, "b", "c", 1, 5000, 2);
  link(b, "c", "d", 1, 9000, 3);
  const Graph g = b.build();
  const auto ego = ego_nodes(g, at(g, "b"), 1);
  ASSERT_EQ(ego.size(), 3u);
  EXPECT_EQ(ego[0], at(g, "b"));
  const Graph sub = subgraph(g, ego);
  EXPECT_EQ(sub.node_count(), 3u);
  EXPECT_EQ(sub.edge_count(), 2u);
  EXPECT_EQ(sub.node(0).id, "b");
  EXPECT_EQ(ego_nodes(g, at(g, "a"), 2).size(), 3u);

  const Graph slice = time_slice(g, 4000, 9500);
  EXPECT_EQ(slice.node_count(), 4u);
  ASSERT_EQ(slice.edge_count(), 2u);
  EXPECT_EQ(slice.statements_of(0)[0], 2);
  EXPECT_EQ(slice.edge(1).first, 9000);
  EXPECT_EQ(connected_components(slice).count(), 2u);
}

TEST(Graph, BatchedLinksBuildWhatOneAtATimeBuilds) {
  // 300 links (several batches), targets new and known, repeated pairs and self-links.
  GraphBuilder one, batched;
  std::vector<std::string> targets;
  std::vector<GraphBuilder::LinkTo> links;
  for (int i = 0; i < 300; ++i) targets.push_back("t" + std::to_string(i * 7 % 45));
  for (auto* b : {&one, &batched})
    for (int s = 0; s < 5; ++s) b->add_node("t" + std::to_string(s * 3));
  for (int i = 0; i < 300; ++i) {
    const NodeIndex source = static_cast<NodeIndex>(i % 5);
    const auto type = i % 2 ? EdgeType::Paid : EdgeType::Mentions;
    const corridor::UnixMillis at = 1000 * (i % 11);
    const std::int64_t statement = 100 + i;
    const NodeIndex target = one.add_node(targets[i]);
    if (target != source) one.add_edge(source, target, type, 1, at, std::span(&statement, 1));
    links.push_back({source, targets[i], type, at, statement});
  }
  batched.add_links(links);
  const Graph a = one.build(), b = batched.build();
  ASSERT_EQ(a.node_count(), b.node_count());
  for (NodeIndex v = 0; v < a.node_count(); ++v) EXPECT_EQ(a.node(v).id, b.node(v).id);
  ASSERT_EQ(a.edge_count(), b.edge_count());
  EXPECT_LT(a.edge_count(), 290u);  // repeated pairs merged, self-links (t0 -> t0, ...) dropped
  for (std::size_t e = 0; e < a.edge_count(); ++e) {
    EXPECT_EQ(a.edge(e).source, b.edge(e).source);
    EXPECT_EQ(a.edge(e).target, b.edge(e).target);
    EXPECT_EQ(a.edge(e).type, b.edge(e).type);
    EXPECT_EQ(a.edge(e).links, b.edge(e).links);
    EXPECT_EQ(a.edge(e).first, b.edge(e).first);
    EXPECT_EQ(a.edge(e).last, b.edge(e).last);
    EXPECT_TRUE(std::ranges::equal(a.statements_of(e), b.statements_of(e)));
  }
}
