#pragma once
// The Leiden algorithm (V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden:
// guaranteeing well-connected communities", Scientific Reports 9, 5233, 2019) over
// Corridor's compressed adjacency. Corridor's own rather than igraph's because a case
// network of a million entities must be analysed, built from the store included, in less
// time than igraph's Leiden alone takes on it (bench/graph.sh); igraph stays the reference
// the tests hold this one to.
//
// Quality, as igraph's Leiden defines it: Q = sum over pairs i, j in one community of
// (A_ij - resolution * w_i * w_j), with node weights w. Modularity is w = strengths and
// resolution = gamma / (sum of strengths); CPM is w = 1.
#include <cstdint>
#include <vector>

#include "graph/arcs.hpp"

namespace corridor::graph::detail {

struct LeidenParams {
  double resolution = 1;
  double beta = 0.01;   // randomness of the refinement; 0 merges greedily
  int iterations = 2;   // whole Leiden runs, each from the last one's partition; < 0: until stable
  std::uint64_t seed = 1;
};

// The community of every node, numbered in the order of each community's lowest node.
std::vector<std::uint32_t> leiden_partition(const Arcs& arcs, const std::vector<double>& node_weights,
                                            const LeidenParams& params);

}  // namespace corridor::graph::detail
