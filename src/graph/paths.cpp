#include "graph/paths.hpp"

#include <algorithm>

#include "graph/igraph_vectors.hpp"

namespace corridor::graph {

using detail::IntVector;

namespace {

// Copies the chosen edges into a new graph; `keep_node` maps old to new index or -1.
Graph copy_edges(const Graph& g, const std::vector<std::int64_t>& keep_node, const std::vector<std::size_t>& edges) {
  GraphBuilder b;
  std::size_t kept = 0;
  for (NodeIndex v = 0; v < g.node_count(); ++v)
    if (keep_node[v] >= 0) ++kept;
  std::vector<NodeIndex> by_new(kept);
  for (NodeIndex v = 0; v < g.node_count(); ++v)
    if (keep_node[v] >= 0) by_new[static_cast<std::size_t>(keep_node[v])] = v;
  for (NodeIndex v : by_new) b.add_node(g.node(v).id, g.node(v).schema, g.node(v).caption);
  for (std::size_t e : edges) {
    const Edge& x = g.edge(e);
    const auto s = static_cast<NodeIndex>(keep_node[x.source]);
    const auto t = static_cast<NodeIndex>(keep_node[x.target]);
    b.add_merged(s, t, x, g.statements_of(e));
  }
  return b.build();
}

}  // namespace

std::optional<Path> shortest_path(const Graph& g, NodeIndex from, NodeIndex to, bool strong_ties) {
  IntVector vertices, edges;
  igraph_error_t rc;
  if (strong_ties) {
    std::vector<double> cost(g.weights().begin(), g.weights().end());
    for (auto& c : cost) c = c > 0 ? 1.0 / c : 1e9;
    igraph_vector_t view;
    igraph_vector_view(&view, cost.data(), static_cast<igraph_integer_t>(cost.size()));
    rc = igraph_get_shortest_path_dijkstra(g.raw(), &vertices.v, &edges.v, from, to, &view, IGRAPH_ALL);
  } else {
    rc = igraph_get_shortest_path(g.raw(), &vertices.v, &edges.v, from, to, IGRAPH_ALL);
  }
  check(rc, "igraph_get_shortest_path");
  Path p{vertices.copy<NodeIndex>(), edges.copy<std::size_t>()};
  if (p.nodes.empty()) return std::nullopt;  // igraph warns and returns nothing when unreachable
  return p;
}

std::vector<NodeIndex> ego_nodes(const Graph& g, NodeIndex center, int hops) {
  igraph_vector_int_list_t res;
  check(igraph_vector_int_list_init(&res, 0), "igraph_vector_int_list_init");
  const auto rc = igraph_neighborhood(g.raw(), &res, igraph_vss_1(center), hops, IGRAPH_ALL, 0);
  std::vector<NodeIndex> out;
  if (rc == IGRAPH_SUCCESS && igraph_vector_int_list_size(&res) == 1) {
    const igraph_vector_int_t* v = igraph_vector_int_list_get_ptr(&res, 0);
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(v); ++i) out.push_back(static_cast<NodeIndex>(VECTOR(*v)[i]));
  }
  igraph_vector_int_list_destroy(&res);
  check(rc, "igraph_neighborhood");
  if (out.size() > 1) std::sort(out.begin() + 1, out.end());
  return out;
}

Graph subgraph(const Graph& g, const std::vector<NodeIndex>& nodes) {
  std::vector<std::int64_t> keep(g.node_count(), -1);
  std::int64_t next = 0;
  for (NodeIndex v : nodes)
    if (keep[v] < 0) keep[v] = next++;
  std::vector<std::size_t> edges;
  for (std::size_t e = 0; e < g.edge_count(); ++e)
    if (keep[g.edge(e).source] >= 0 && keep[g.edge(e).target] >= 0) edges.push_back(e);
  return copy_edges(g, keep, edges);
}

Graph time_slice(const Graph& g, UnixMillis from, UnixMillis to) {
  std::vector<std::int64_t> keep(g.node_count());
  for (std::size_t v = 0; v < keep.size(); ++v) keep[v] = static_cast<std::int64_t>(v);
  std::vector<std::size_t> edges;
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const Edge& x = g.edge(e);
    if (x.first == kNoTime) continue;
    if (x.first <= to && x.last >= from) edges.push_back(e);
  }
  return copy_edges(g, keep, edges);
}

}  // namespace corridor::graph
