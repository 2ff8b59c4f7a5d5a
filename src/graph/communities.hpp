#pragma once
// Communities (Leiden, Louvain) and the brokers that sit between them.
#include <cstdint>
#include <vector>

#include "graph/graph.hpp"

namespace corridor::graph {

struct Communities {
  std::vector<std::uint32_t> membership;  // by NodeIndex
  std::size_t count = 0;
  double modularity = 0;
};

enum class LeidenObjective { Modularity, Cpm };

struct LeidenOptions {
  LeidenObjective objective = LeidenObjective::Modularity;
  double resolution = 1.0;
  double beta = 0.01;     // randomness of the refinement step (igraph's default)
  int iterations = 2;     // as python-igraph; negative runs until stable
  bool weighted = true;
  std::uint64_t seed = 1;
};
// Corridor's Leiden (leiden.hpp), with igraph's objective and parameters.
Communities leiden(const Graph& g, const LeidenOptions& options = {});
// igraph's multilevel; its random generator is global, so seeded on every call.
Communities louvain(const Graph& g, double resolution = 1.0, bool weighted = true, std::uint64_t seed = 1);

double modularity(const Graph& g, const std::vector<std::uint32_t>& membership, bool weighted = true);

// A node whose neighbours sit in communities other than its own.
struct Bridge {
  NodeIndex node = 0;
  std::uint32_t own = 0;
  std::vector<std::uint32_t> communities;  // every community it touches, its own included, ascending
  std::size_t cross_edges = 0;             // edges leaving its community
};
// Nodes touching at least `min_communities` communities, most communities first,
// then most cross edges, then by index.
std::vector<Bridge> community_bridges(const Graph& g, const std::vector<std::uint32_t>& membership,
                                      std::size_t min_communities = 2);

}  // namespace corridor::graph
