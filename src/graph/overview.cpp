#include "graph/overview.hpp"

#include <cmath>
#include <future>
#include <numeric>

#include "graph/arcs.hpp"

namespace corridor::graph {

namespace {

NodeIndex root_of(std::vector<NodeIndex>& parent, NodeIndex v) {
  while (parent[v] != v) {
    parent[v] = parent[parent[v]];  // path halving
    v = parent[v];
  }
  return v;
}

}  // namespace

Components components_of_edges(const Graph& g) {
  const std::size_t n = g.node_count();
  std::vector<NodeIndex> parent(n);
  std::iota(parent.begin(), parent.end(), NodeIndex{0});
  for (const auto& e : g.edges()) {
    const NodeIndex a = root_of(parent, e.source), b = root_of(parent, e.target);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the root is the lowest node
  }
  Components c;
  c.membership.resize(n);
  std::vector<std::uint32_t> id_of_root(n, 0);
  for (NodeIndex v = 0; v < n; ++v) {
    const NodeIndex r = root_of(parent, v);
    if (r == v) {
      id_of_root[v] = static_cast<std::uint32_t>(c.sizes.size());
      c.sizes.push_back(0);
    }
    c.membership[v] = id_of_root[r];
    ++c.sizes[id_of_root[r]];
  }
  return c;
}

std::vector<double> pagerank_of_edges(const Graph& g, double damping, bool weighted, double tolerance) {
  const std::size_t n = g.node_count();
  if (n == 0) return {};
  const detail::Arcs a = detail::arcs_of(g, weighted);
  const std::vector<double> strength = detail::arc_strengths(a);
  // x[v] / strength[v], kept up to date as x changes: the share v passes to each unit of
  // weight. Gauss-Seidel: a sweep already uses the values updated earlier in it.
  std::vector<double> x(n, 1.0 / static_cast<double>(n)), share(n, 0);
  double dangling = 0;  // rank held by nodes without edges, spread evenly
  for (std::size_t v = 0; v < n; ++v) {
    if (strength[v] > 0) share[v] = x[v] / strength[v];
    else dangling += x[v];
  }
  const double teleport = (1 - damping) / static_cast<double>(n);
  for (int sweep = 0; sweep < 10'000; ++sweep) {
    double change = 0, next_dangling = 0;
    const double spread = damping * dangling / static_cast<double>(n);
    for (std::size_t v = 0; v < n; ++v) {
      double in = 0;
      for (auto i = a.first[v]; i < a.first[v + 1]; ++i) in += a.weight[i] * share[a.other[i]];
      const double now = teleport + spread + damping * in;
      change += std::fabs(now - x[v]);
      x[v] = now;
      if (strength[v] > 0) share[v] = now / strength[v];
      else next_dangling += now;
    }
    dangling = next_dangling;
    if (change < tolerance) break;
  }
  const double total = std::accumulate(x.begin(), x.end(), 0.0);
  for (auto& v : x) v /= total;
  return x;
}

Overview overview(const Graph& g, const OverviewOptions& o) {
  Overview out;
  if (!o.concurrent) {
    out.components = connected_components(g);
    out.pagerank = pagerank(g, o.damping, o.weighted_pagerank);
    out.communities = leiden(g, o.leiden);
    return out;
  }
  auto beside = std::async(std::launch::async, [&] {
    out.components = components_of_edges(g);
    out.pagerank = pagerank_of_edges(g, o.damping, o.weighted_pagerank);
  });
  try {
    out.communities = leiden(g, o.leiden);
  } catch (...) {
    beside.wait();
    throw;
  }
  beside.get();
  return out;
}

}  // namespace corridor::graph
