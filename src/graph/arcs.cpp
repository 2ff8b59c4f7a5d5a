#include "graph/arcs.hpp"

#include <numeric>

namespace corridor::graph::detail {

Arcs arcs_of(const Graph& g, bool weighted) {
  const std::size_t n = g.node_count();
  const auto edges = g.edges();
  const auto w = g.weights();
  auto kept = [&](std::size_t e) { return !weighted || w[e] > 0; };
  Arcs a;
  a.first.assign(n + 1, 0);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    if (!kept(e)) continue;
    ++a.first[edges[e].source + 1];
    ++a.first[edges[e].target + 1];
  }
  std::partial_sum(a.first.begin(), a.first.end(), a.first.begin());
  a.other.resize(a.first[n]);
  a.weight.resize(a.first[n]);
  std::vector<std::uint64_t> at(a.first.begin(), a.first.end() - 1);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    if (!kept(e)) continue;
    const double x = weighted ? w[e] : 1.0;
    const auto s = edges[e].source, t = edges[e].target;
    a.other[at[s]] = t;
    a.weight[at[s]++] = x;
    a.other[at[t]] = s;
    a.weight[at[t]++] = x;
  }
  return a;
}

std::vector<double> arc_strengths(const Arcs& a) {
  const std::size_t n = a.node_count();
  std::vector<double> s(n, 0);
  for (std::size_t v = 0; v < n; ++v)
    for (auto i = a.first[v]; i < a.first[v + 1]; ++i) s[v] += a.weight[i];
  return s;
}

}  // namespace corridor::graph::detail
