#include "graph/communities.hpp"

#include <algorithm>
#include <numeric>

#include "graph/arcs.hpp"
#include "graph/igraph_vectors.hpp"
#include "graph/leiden.hpp"
#include "graph/measures.hpp"

namespace corridor::graph {

using detail::IntVector;
using detail::WeightView;

namespace {
void seed_igraph(std::uint64_t seed) {
  check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed)), "igraph_rng_seed");
}

Communities finish(const Graph& g, std::vector<std::uint32_t> membership, bool weighted) {
  Communities c;
  c.membership = std::move(membership);
  for (auto m : c.membership) c.count = std::max<std::size_t>(c.count, m + 1);
  c.modularity = modularity(g, c.membership, weighted);
  return c;
}
}  // namespace

Communities leiden(const Graph& g, const LeidenOptions& o) {
  const detail::Arcs arcs = detail::arcs_of(g, o.weighted);
  detail::LeidenParams p{o.resolution, o.beta, o.iterations, o.seed};
  std::vector<double> node_weights;
  if (o.objective == LeidenObjective::Modularity) {
    // Modularity as igraph's Leiden expresses it: node weights are the strengths and the
    // resolution is divided by their sum, twice the total weight (what python-igraph does).
    node_weights = detail::arc_strengths(arcs);
    const double total = std::accumulate(node_weights.begin(), node_weights.end(), 0.0);
    if (total > 0) p.resolution /= total;
  } else {
    node_weights.assign(g.node_count(), 1.0);
  }
  return finish(g, detail::leiden_partition(arcs, node_weights, p), o.weighted);
}

Communities louvain(const Graph& g, double resolution, bool weighted, std::uint64_t seed) {
  seed_igraph(seed);
  WeightView w(g, weighted);
  IntVector membership;
  check(igraph_community_multilevel(g.raw(), w.ptr, resolution, &membership.v, nullptr, nullptr),
        "igraph_community_multilevel");
  return finish(g, membership.copy<std::uint32_t>(), weighted);
}

double modularity(const Graph& g, const std::vector<std::uint32_t>& membership, bool weighted) {
  // Q = sum over communities of (inside / 2m - (strength / 2m)^2), as igraph_modularity
  // with resolution 1; a self-loop counts twice on both sides.
  std::size_t count = 0;
  for (auto m : membership) count = std::max<std::size_t>(count, m + 1);
  std::vector<double> inside(count, 0), strength(count, 0);
  double twice_total = 0;
  const auto w = g.weights();
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const double x = weighted ? w[e] : 1.0;
    const auto a = membership[g.edge(e).source], b = membership[g.edge(e).target];
    strength[a] += x;
    strength[b] += x;
    if (a == b) inside[a] += 2 * x;
    twice_total += 2 * x;
  }
  if (twice_total <= 0) return 0;
  double q = 0;
  for (std::size_t c = 0; c < count; ++c)
    q += inside[c] / twice_total - (strength[c] / twice_total) * (strength[c] / twice_total);
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
