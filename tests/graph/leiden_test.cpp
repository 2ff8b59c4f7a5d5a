// Corridor's Leiden (graph/leiden.hpp) held to known answers and to igraph's Leiden, the
// reference implementation, on the same graphs.
#include <gtest/gtest.h>
#include <igraph.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "graph/arcs.hpp"
#include "graph/communities.hpp"
#include "graph/leiden.hpp"
#include "graph/measures.hpp"

using namespace corridor::graph;

namespace {

// Cells of `cell` nodes; `inside` of the links stay in a cell (seeded, repeatable).
Graph planted_cells(std::size_t nodes, std::size_t links, std::size_t cell, double inside, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> any(0, nodes - 1), in_cell(0, cell - 1);
  std::uniform_real_distribution<double> coin(0, 1);
  GraphBuilder b;
  b.reserve(nodes, links);
  for (std::size_t v = 0; v < nodes; ++v) b.add_node("n" + std::to_string(v));
  for (std::size_t i = 0; i < links;) {
    const std::size_t u = any(rng);
    const std::size_t v = coin(rng) < inside ? std::min(nodes - 1, u / cell * cell + in_cell(rng)) : any(rng);
    if (u == v) continue;
    b.add_edge(static_cast<NodeIndex>(u), static_cast<NodeIndex>(v), EdgeType::SentMessageTo, 1, kNoTime, {});
    ++i;
  }
  return b.build();
}

// igraph's Leiden with the objective Corridor's leiden() sets up for modularity.
Communities igraph_leiden(const Graph& g, std::uint64_t seed) {
  igraph_rng_seed(igraph_rng_default(), seed);
  const auto strengths = detail::arc_strengths(detail::arcs_of(g, true));
  double total = 0;
  for (double s : strengths) total += s;
  igraph_vector_t node_weights, weights;
  igraph_vector_view(&node_weights, strengths.data(), static_cast<igraph_integer_t>(strengths.size()));
  igraph_vector_view(&weights, g.weights().data(), static_cast<igraph_integer_t>(g.edge_count()));
  igraph_vector_int_t membership;
  igraph_vector_int_init(&membership, 0);
  igraph_integer_t clusters = 0;
  igraph_real_t quality = 0;
  EXPECT_EQ(igraph_community_leiden(g.raw(), &weights, &node_weights, 1.0 / total, 0.01, false, 2, &membership,
                                    &clusters, &quality),
            IGRAPH_SUCCESS);
  Communities c;
  for (igraph_integer_t i = 0; i < igraph_vector_int_size(&membership); ++i)
    c.membership.push_back(static_cast<std::uint32_t>(VECTOR(membership)[i]));
  igraph_vector_int_destroy(&membership);
  c.count = static_cast<std::size_t>(clusters);
  c.modularity = modularity(g, c.membership);
  return c;
}

// Leiden's guarantee (Louvain has none): every community is connected inside itself.
bool every_community_connected(const Graph& g, const std::vector<std::uint32_t>& m) {
  const auto arcs = detail::arcs_of(g, true);
  std::vector<char> seen(g.node_count(), 0);
  std::set<std::uint32_t> started;
  for (NodeIndex v = 0; v < g.node_count(); ++v) {
    if (seen[v]) continue;
    if (!started.insert(m[v]).second) return false;  // a second piece of one community
    std::vector<NodeIndex> stack{v};
    seen[v] = 1;
    while (!stack.empty()) {
      const NodeIndex x = stack.back();
      stack.pop_back();
      for (auto i = arcs.first[x]; i < arcs.first[x + 1]; ++i) {
        const NodeIndex y = arcs.other[i];
        if (!seen[y] && m[y] == m[x]) seen[y] = 1, stack.push_back(y);
      }
    }
  }
  return true;
}

}  // namespace

TEST(Leiden, MatchesIgraphsModularityOnPlantedCells) {
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    const Graph g = planted_cells(3000, 15000, 50, 0.85, seed);
    const Communities ours = leiden(g), reference = igraph_leiden(g, seed);
    EXPECT_GT(ours.modularity, 0.75) << "seed " << seed;
    EXPECT_NEAR(ours.modularity, reference.modularity, 0.01) << "seed " << seed;
    EXPECT_NEAR(static_cast<double>(ours.count), static_cast<double>(reference.count), 0.2 * reference.count);
    EXPECT_TRUE(every_community_connected(g, ours.membership)) << "seed " << seed;
  }
}

TEST(Leiden, RecoversPlantedCells) {
  const Graph g = planted_cells(2000, 12000, 40, 0.95, 7);
  const Communities c = leiden(g);
  // Each cell of 40 lies (almost) whole in one community: its largest share.
  std::size_t kept = 0;
  for (std::size_t cell = 0; cell < 50; ++cell) {
    std::map<std::uint32_t, std::size_t> shares;
    for (std::size_t v = cell * 40; v < cell * 40 + 40; ++v) ++shares[c.membership[*g.find("n" + std::to_string(v))]];
    std::size_t largest = 0;
    for (const auto& [community, n] : shares) largest = std::max(largest, n);
    kept += largest;
  }
  EXPECT_GE(kept, 1960u);  // 98 % of the nodes with the bulk of their cell
}

TEST(Leiden, SameSeedSameAnswerAndNumberedByLowestNode) {
  const Graph g = planted_cells(1000, 5000, 25, 0.8, 3);
  LeidenOptions o;
  o.seed = 42;
  const auto a = leiden(g, o), b = leiden(g, o);
  EXPECT_EQ(a.membership, b.membership);
  std::uint32_t next = 0;
  for (auto m : a.membership) {
    ASSERT_LE(m, next);  // a community's number is given when its lowest node is met
    if (m == next) ++next;
  }
  EXPECT_EQ(next, a.count);
}

TEST(Leiden, CpmResolutionAboveEveryLinkLeavesEveryNodeAlone) {
  const Graph g = planted_cells(200, 800, 20, 0.9, 5);
  LeidenOptions cpm;
  cpm.objective = LeidenObjective::Cpm;
  // Edges keep their direction (a pair who wrote both ways has two), so a pair weighs at
  // most 2 here: below the resolution, any join loses quality.
  cpm.resolution = 2.5;
  cpm.weighted = false;
  EXPECT_EQ(leiden(g, cpm).count, g.node_count());
  cpm.resolution = 0.0001;  // almost free to join: each connected component becomes one
  const auto c = leiden(g, cpm);
  EXPECT_TRUE(every_community_connected(g, c.membership));
  EXPECT_EQ(c.count, connected_components(g).count());
}

TEST(Leiden, IsolatedNodesStayAloneAndEmptyGraphIsEmpty) {
  GraphBuilder b;
  b.add_node("alone");
  b.add_edge(EdgeInput{"p", "q", EdgeType::Paid, 2, kNoTime, {}});
  b.add_node("also alone");
  const Graph g = b.build();
  const auto c = leiden(g);
  EXPECT_EQ(c.membership, (std::vector<std::uint32_t>{0, 1, 1, 2}));
  EXPECT_TRUE(leiden(GraphBuilder().build()).membership.empty());
}

TEST(Leiden, GreedyRefinementAndRunningUntilStable) {
  const Graph g = planted_cells(1500, 7500, 30, 0.85, 11);
  LeidenOptions o;
  o.beta = 0;          // refinement takes the best cluster instead of drawing one
  o.iterations = -1;   // until a whole run changes nothing
  const auto c = leiden(g, o);
  EXPECT_TRUE(every_community_connected(g, c.membership));
  EXPECT_GT(c.modularity, leiden(g).modularity - 0.005);  // more runs never cost much quality
}

TEST(Leiden, ModularityMatchesIgraph) {
  const Graph g = planted_cells(500, 2500, 25, 0.8, 9);
  const auto c = leiden(g);
  std::vector<igraph_integer_t> m(c.membership.begin(), c.membership.end());
  igraph_vector_int_t view;
  igraph_vector_int_view(&view, m.data(), static_cast<igraph_integer_t>(m.size()));
  igraph_vector_t weights;
  igraph_vector_view(&weights, g.weights().data(), static_cast<igraph_integer_t>(g.edge_count()));
  igraph_real_t q = 0;
  ASSERT_EQ(igraph_modularity(g.raw(), &view, &weights, 1.0, IGRAPH_UNDIRECTED, &q), IGRAPH_SUCCESS);
  EXPECT_NEAR(c.modularity, q, 1e-12);
}
