#include "graph/measures.hpp"

#include <algorithm>
#include <numeric>
#include <random>

#include "graph/igraph_vectors.hpp"

namespace corridor::graph {

using detail::IntVector;
using detail::RealVector;
using detail::WeightView;

Components connected_components(const Graph& g) {
  IntVector membership, sizes;
  igraph_integer_t count = 0;
  check(igraph_connected_components(g.raw(), &membership.v, &sizes.v, &count, IGRAPH_WEAK),
        "igraph_connected_components");
  return {membership.copy<std::uint32_t>(), sizes.copy<std::size_t>()};
}

std::vector<std::uint32_t> degree(const Graph& g) {
  IntVector res;
  check(igraph_degree(g.raw(), &res.v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS), "igraph_degree");
  return res.copy<std::uint32_t>();
}

std::vector<double> strength(const Graph& g) {
  RealVector res;
  WeightView w(g, true);
  check(igraph_strength(g.raw(), &res.v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w.ptr), "igraph_strength");
  return res.copy();
}

std::vector<double> betweenness(const Graph& g) {
  RealVector res;
  check(igraph_betweenness(g.raw(), &res.v, igraph_vss_all(), IGRAPH_UNDIRECTED, nullptr), "igraph_betweenness");
  return res.copy();
}

std::vector<double> betweenness_cutoff(const Graph& g, double cutoff) {
  RealVector res;
  check(igraph_betweenness_cutoff(g.raw(), &res.v, igraph_vss_all(), IGRAPH_UNDIRECTED, nullptr, cutoff),
        "igraph_betweenness_cutoff");
  return res.copy();
}

std::vector<double> betweenness_sampled(const Graph& g, std::size_t sources, std::uint64_t seed) {
  const std::size_t n = g.node_count();
  if (sources >= n) return betweenness(g);
  std::vector<igraph_integer_t> all(n);
  std::iota(all.begin(), all.end(), 0);
  std::mt19937_64 rng(seed);
  std::shuffle(all.begin(), all.end(), rng);
  all.resize(sources);
  std::sort(all.begin(), all.end());
  igraph_vector_int_t picked;
  igraph_vector_int_view(&picked, all.data(), static_cast<igraph_integer_t>(all.size()));
  RealVector res;
  check(igraph_betweenness_subset(g.raw(), &res.v, igraph_vss_all(), IGRAPH_UNDIRECTED, igraph_vss_vector(&picked),
                                  igraph_vss_all(), nullptr),
        "igraph_betweenness_subset");
  auto out = res.copy();
  // Brandes–Pich: each source contributes an unbiased share of the sum over all sources.
  const double scale = static_cast<double>(n) / static_cast<double>(sources);
  for (auto& v : out) v *= scale;
  return out;
}

std::vector<double> pagerank(const Graph& g, double damping, bool weighted) {
  RealVector res;
  WeightView w(g, weighted);
  igraph_real_t value = 0;
  check(igraph_pagerank(g.raw(), IGRAPH_PAGERANK_ALGO_PRPACK, &res.v, &value, igraph_vss_all(), IGRAPH_UNDIRECTED,
                        damping, w.ptr, nullptr),
        "igraph_pagerank");
  return res.copy();
}

std::vector<std::uint32_t> coreness(const Graph& g) {
  IntVector res;
  check(igraph_coreness(g.raw(), &res.v, IGRAPH_ALL), "igraph_coreness");
  return res.copy<std::uint32_t>();
}

std::vector<double> constraint(const Graph& g, bool weighted) {
  RealVector res;
  WeightView w(g, weighted);
  check(igraph_constraint(g.raw(), &res.v, igraph_vss_all(), w.ptr), "igraph_constraint");
  return res.copy();
}

}  // namespace corridor::graph
