#include "graph/communities.hpp"

#include <algorithm>

#include "graph/igraph_vectors.hpp"
#include "graph/measures.hpp"

namespace corridor::graph {

using detail::IntVector;
using detail::RealVector;
using detail::WeightView;

namespace {
void seed_igraph(std::uint64_t seed) {
  check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed)), "igraph_rng_seed");
}

Communities finish(const Graph& g, IntVector& membership, bool weighted) {
  Communities c;
  c.membership = membership.copy<std::uint32_t>();
  for (auto m : c.membership) c.count = std::max<std::size_t>(c.count, m + 1);
  c.modularity = modularity(g, c.membership, weighted);
  return c;
}
}  // namespace

Communities leiden(const Graph& g, const LeidenOptions& o) {
  seed_igraph(o.seed);
  WeightView w(g, o.weighted);
  IntVector membership;
  igraph_integer_t clusters = 0;
  igraph_real_t quality = 0;
  if (o.objective == LeidenObjective::Modularity) {
    // Modularity as igraph's Leiden expresses it: node weights are the strengths and the
    // resolution is divided by twice the total weight (what python-igraph does).
    const auto s = o.weighted ? strength(g) : [&] {
      const auto d = degree(g);
      return std::vector<double>(d.begin(), d.end());
    }();
    double total = 0;
    for (double x : s) total += x;
    igraph_vector_t node_weights;
    igraph_vector_view(&node_weights, s.data(), static_cast<igraph_integer_t>(s.size()));
    const double resolution = total > 0 ? o.resolution / total : o.resolution;
    check(igraph_community_leiden(g.raw(), w.ptr, &node_weights, resolution, o.beta, false, o.iterations,
                                  &membership.v, &clusters, &quality),
          "igraph_community_leiden");
  } else {
    check(igraph_community_leiden(g.raw(), w.ptr, nullptr, o.resolution, o.beta, false, o.iterations, &membership.v,
                                  &clusters, &quality),
          "igraph_community_leiden");
  }
  return finish(g, membership, o.weighted);
}

Communities louvain(const Graph& g, double resolution, bool weighted, std::uint64_t seed) {
  seed_igraph(seed);
  WeightView w(g, weighted);
  IntVector membership;
  check(igraph_community_multilevel(g.raw(), w.ptr, resolution, &membership.v, nullptr, nullptr),
        "igraph_community_multilevel");
  return finish(g, membership, weighted);
}

double modularity(const Graph& g, const std::vector<std::uint32_t>& membership, bool weighted) {
  if (g.edge_count() == 0) return 0;
  std::vector<igraph_integer_t> m(membership.begin(), membership.end());
  igraph_vector_int_t view;
  igraph_vector_int_view(&view, m.data(), static_cast<igraph_integer_t>(m.size()));
  WeightView w(g, weighted);
  igraph_real_t q = 0;
  check(igraph_modularity(g.raw(), &view, w.ptr, 1.0, IGRAPH_UNDIRECTED, &q), "igraph_modularity");
  return q;
}

std::vector<Bridge> community_bridges(const Graph& g, const std::vector<std::uint32_t>& membership,
                                      std::size_t min_communities) {
  std::vector<std::vector<std::uint32_t>> touched(g.node_count());
  std::vector<std::size_t> cross(g.node_count(), 0);
  for (const auto& e : g.edges()) {
    const auto a = membership[e.source], b = membership[e.target];
    if (a == b) continue;
    touched[e.source].push_back(b);
    touched[e.target].push_back(a);
    ++cross[e.source];
    ++cross[e.target];
  }
  std::vector<Bridge> out;
  for (NodeIndex v = 0; v < g.node_count(); ++v) {
    auto& t = touched[v];
    if (t.empty()) continue;
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
    if (t.size() + 1 < min_communities) continue;
    Bridge b{v, membership[v], t, cross[v]};
    b.communities.insert(std::lower_bound(b.communities.begin(), b.communities.end(), membership[v]), membership[v]);
    out.push_back(std::move(b));
  }
  std::sort(out.begin(), out.end(), [](const Bridge& x, const Bridge& y) {
    if (x.communities.size() != y.communities.size()) return x.communities.size() > y.communities.size();
    if (x.cross_edges != y.cross_edges) return x.cross_edges > y.cross_edges;
    return x.node < y.node;
  });
  return out;
}

}  // namespace corridor::graph
