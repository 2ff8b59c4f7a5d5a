#pragma once
// The whole-network overview of a case — components, PageRank, Leiden communities — with
// the work on two threads and none of it in igraph (not thread-safe: built without
// IGRAPH_THREAD_SAFE). Leiden (leiden.hpp) runs on the calling thread while components
// and PageRank run beside it over the graph's edge list: the same definitions as
// connected_components and pagerank (measures.hpp), the same component numbering, and
// PageRank to the same tolerance as igraph's PRPACK.
#include <vector>

#include "graph/communities.hpp"
#include "graph/measures.hpp"

namespace corridor::graph {

struct Overview {
  Components components;
  std::vector<double> pagerank;
  Communities communities;
};

struct OverviewOptions {
  LeidenOptions leiden;
  double damping = 0.85;
  bool weighted_pagerank = true;
  bool concurrent = true;  // false: one after the other, components and PageRank in igraph
};

Overview overview(const Graph& g, const OverviewOptions& options = {});

// Without igraph, safe beside an igraph call on another thread.
// Weak components numbered as igraph does: in the order of their lowest node.
Components components_of_edges(const Graph& g);
// PageRank of the undirected (weighted) graph as igraph_pagerank computes it with PRPACK:
// each edge both ways, edges of weight <= 0 ignored, a node without edges teleports
// uniformly; Gauss-Seidel sweeps until the L1 change is below `tolerance`.
std::vector<double> pagerank_of_edges(const Graph& g, double damping = 0.85, bool weighted = true,
                                      double tolerance = 1e-10);

}  // namespace corridor::graph
