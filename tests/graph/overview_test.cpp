#include <gtest/gtest.h>

#include <random>
#include <string>

#include "graph/overview.hpp"

using namespace corridor::graph;

namespace {

void link(GraphBuilder& b, const std::string& x, const std::string& y, double w = 1) {
  EdgeInput e;
  e.source = x;
  e.target = y;
  e.type = EdgeType::SentMessageTo;
  e.weight = w;
  b.add_edge(e);
}

// Cells of ten with random weights, a few links between cells, isolated nodes and a
// second component: what the two-thread overview must reproduce from igraph's answers.
Graph cells(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> member(0, 9), cell(0, 19), weight(1, 4);
  GraphBuilder b;
  b.add_node("alone-1");
  for (int i = 0; i < 400; ++i) {
    const int c = cell(rng), d = i % 7 == 0 ? cell(rng) : c;
    const auto x = "p" + std::to_string(c) + "-" + std::to_string(member(rng));
    const auto y = "p" + std::to_string(d) + "-" + std::to_string(member(rng));
    if (x != y) link(b, x, y, weight(rng));
  }
  link(b, "island-1", "island-2", 2);
  link(b, "island-2", "island-3");
  b.add_node("alone-2");
  return b.build();
}

}  // namespace

TEST(Overview, ComponentsWithoutIgraphAreIgraphs) {
  const Graph g = cells(7);
  const auto ours = components_of_edges(g);
  const auto theirs = connected_components(g);
  EXPECT_EQ(ours.membership, theirs.membership);
  EXPECT_EQ(ours.sizes, theirs.sizes);
  EXPECT_EQ(ours.count(), theirs.count());
  const auto of = [&](const char* id) { return ours.membership[*g.find(id)]; };
  EXPECT_EQ(of("alone-1"), 0u);  // numbered in the order of their lowest node
  EXPECT_EQ(of("island-1"), of("island-3"));
  EXPECT_NE(of("island-1"), of("p0-0"));
  EXPECT_EQ(of("alone-2"), ours.count() - 1);
  EXPECT_EQ(ours.sizes[of("island-2")], 3u);
}

TEST(Overview, PagerankWithoutIgraphMatchesPrpack) {
  const Graph g = cells(11);
  for (const bool weighted : {true, false}) {
    const auto ours = pagerank_of_edges(g, 0.85, weighted);
    const auto theirs = pagerank(g, 0.85, weighted);
    ASSERT_EQ(ours.size(), theirs.size());
    for (std::size_t v = 0; v < ours.size(); ++v) EXPECT_NEAR(ours[v], theirs[v], 1e-9) << v << " " << weighted;
  }
}

TEST(Overview, PagerankOfATriangleWithATail) {
  // a-b-c triangle, c-d: d has degree 1, c degree 3.
  GraphBuilder b;
  link(b, "a", "b");
  link(b, "b", "c");
  link(b, "c", "a");
  link(b, "c", "d");
  const Graph g = b.build();
  const auto x = pagerank_of_edges(g);
  const double sum = x[0] + x[1] + x[2] + x[3];
  EXPECT_NEAR(sum, 1.0, 1e-12);
  EXPECT_NEAR(x[*g.find("a")], x[*g.find("b")], 1e-10);
  EXPECT_GT(x[*g.find("c")], x[*g.find("a")]);
  EXPECT_LT(x[*g.find("d")], x[*g.find("a")]);
  const auto igraph = pagerank(g);
  for (NodeIndex v = 0; v < 4; ++v) EXPECT_NEAR(x[v], igraph[v], 1e-10);
}

TEST(Overview, ConcurrentRunGivesTheSerialAnswers) {
  const Graph g = cells(3);
  OverviewOptions serial;
  serial.concurrent = false;
  const Overview one = overview(g, serial);
  const Overview two = overview(g);
  EXPECT_EQ(two.components.membership, one.components.membership);
  EXPECT_EQ(two.components.sizes, one.components.sizes);
  ASSERT_EQ(two.pagerank.size(), one.pagerank.size());
  for (std::size_t v = 0; v < one.pagerank.size(); ++v) EXPECT_NEAR(two.pagerank[v], one.pagerank[v], 1e-9);
  EXPECT_EQ(two.communities.membership, one.communities.membership);  // Leiden is seeded
  EXPECT_EQ(two.communities.count, one.communities.count);
  EXPECT_DOUBLE_EQ(two.communities.modularity, one.communities.modularity);
}

TEST(Overview, EmptyGraph) {
  const Graph g;
  const Overview o = overview(g);
  EXPECT_EQ(o.components.count(), 0u);
  EXPECT_TRUE(o.pagerank.empty());
  EXPECT_EQ(o.communities.count, 0u);
}
