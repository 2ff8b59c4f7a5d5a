#include "app/network_json.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <tuple>

#include "app/network_analysis.hpp"
#include "core/escape.hpp"
#include "core/time.hpp"
#include "graph/communities.hpp"
#include "graph/key_players.hpp"
#include "graph/paths.hpp"

namespace corridor::app {

namespace {

using graph::NodeIndex;
using nlohmann::ordered_json;

// An edge lists at most this many statement ids (a hub's link may rest on thousands);
// statement_count says how many there are.
constexpr std::size_t kMaxEdgeStatements = 1000;

// Links with a direction in the evidence; the others hold both ways.
bool directed(graph::EdgeType t) {
  return t == graph::EdgeType::SentMessageTo || t == graph::EdgeType::Mentions || t == graph::EdgeType::Paid;
}

// How many evidence items speak of each node, entities merged into it included: the
// corroboration network_key_players weighs, read for these nodes only.
std::vector<std::uint32_t> node_sources(store::Db& db, const graph::Graph& g) {
  store::Stmt q(db,
                "SELECT COUNT(DISTINCT evidence) FROM statements WHERE entity IN (SELECT rid FROM entities WHERE "
                "id = ?1 UNION ALL SELECT rid FROM entities WHERE canonical_id = ?1 AND canonical_id <> id)");
  std::vector<std::uint32_t> out(g.node_count(), 0);
  for (NodeIndex v = 0; v < g.node_count(); ++v) {
    q.reset();
    q.bind(1, g.node(v).id);
    if (q.step()) out[v] = static_cast<std::uint32_t>(q.int64(0));
  }
  return out;
}

// The ring `d` away ordered for the cut: most links into ring d - 1 first, then by index.
void order_ring(const graph::Graph& g, const std::vector<int>& hops, int d, std::vector<NodeIndex>& ring) {
  std::vector<double> ties(g.node_count(), 0);
  for (const auto& e : g.edges()) {
    if (hops[e.source] == d && hops[e.target] == d - 1) ties[e.source] += e.weight;
    if (hops[e.target] == d && hops[e.source] == d - 1) ties[e.target] += e.weight;
  }
  std::sort(ring.begin(), ring.end(),
            [&](NodeIndex a, NodeIndex b) { return ties[a] != ties[b] ? ties[a] > ties[b] : a < b; });
}

double round4(double v) { return std::round(v * 1e4) / 1e4; }

// A starting layout for the UI to refine (ForceAtlas2): communities on a unit circle,
// each community's members on a small circle around its place.
std::vector<std::pair<double, double>> community_layout(const std::vector<std::uint32_t>& membership) {
  const std::size_t n = membership.size();
  const std::size_t communities = n ? *std::max_element(membership.begin(), membership.end()) + 1 : 0;
  std::vector<std::size_t> size(communities, 0), seen(communities, 0);
  for (auto c : membership) ++size[c];
  std::vector<std::pair<double, double>> out(n);
  const double tau = 2 * std::numbers::pi;
  for (std::size_t v = 0; v < n; ++v) {
    const auto c = membership[v];
    const double a = tau * static_cast<double>(c) / static_cast<double>(communities);
    const double cx = communities > 1 ? std::cos(a) : 0, cy = communities > 1 ? std::sin(a) : 0;
    const double r = size[c] > 1 ? 0.5 * std::sqrt(static_cast<double>(size[c]) / static_cast<double>(n)) : 0;
    const double b = tau * static_cast<double>(seen[c]++) / static_cast<double>(size[c]);
    out[v] = {round4(cx + r * std::cos(b)), round4(cy + r * std::sin(b))};
  }
  return out;
}

// The links of every type between two entities (one direction, or either way) as one.
struct Link {
  NodeIndex source = 0, target = 0;
  bool directed = false;
  std::vector<graph::EdgeType> kinds;
  double weight = 0;
  std::uint32_t links = 0;
  UnixMillis first = graph::kNoTime, last = graph::kNoTime;
  std::vector<std::int64_t> statements;
};

std::vector<Link> merged_links(const graph::Graph& g) {
  std::map<std::tuple<NodeIndex, NodeIndex, bool>, std::size_t> index;
  std::vector<Link> out;
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const auto& x = g.edge(e);
    if (x.source == x.target) continue;  // graphology refuses self-loops (allowSelfLoops: false)
    const bool d = directed(x.type);
    const NodeIndex s = d ? x.source : std::min(x.source, x.target), t = d ? x.target : std::max(x.source, x.target);
    const auto [it, added] = index.try_emplace(std::tuple{s, t, d}, out.size());
    if (added) out.push_back({s, t, d, {}, 0, 0, graph::kNoTime, graph::kNoTime, {}});
    Link& l = out[it->second];
    if (std::find(l.kinds.begin(), l.kinds.end(), x.type) == l.kinds.end()) l.kinds.push_back(x.type);
    l.weight += x.weight;
    l.links += x.links;
    if (x.first != graph::kNoTime) l.first = l.first == graph::kNoTime ? x.first : std::min(l.first, x.first);
    if (x.last != graph::kNoTime) l.last = l.last == graph::kNoTime ? x.last : std::max(l.last, x.last);
    const auto ids = g.statements_of(e);
    l.statements.insert(l.statements.end(), ids.begin(), ids.end());
  }
  for (auto& l : out) {
    std::sort(l.kinds.begin(), l.kinds.end());
    std::sort(l.statements.begin(), l.statements.end());
    l.statements.erase(std::unique(l.statements.begin(), l.statements.end()), l.statements.end());
  }
  return out;
}

ordered_json time_or_null(UnixMillis t) {
  return t == graph::kNoTime ? ordered_json(nullptr) : ordered_json(format_utc(t));
}

ordered_json edge_json(const graph::Graph& g, const Link& l, std::size_t key) {
  std::string label;
  auto kinds = ordered_json::array();
  for (auto k : l.kinds) {
    label += (label.empty() ? "" : ", ") + std::string(graph::to_string(k));
    kinds.push_back(graph::to_string(k));
  }
  const std::size_t listed = std::min(l.statements.size(), kMaxEdgeStatements);
  ordered_json attributes{
      {"label", label},
      {"kinds", kinds},
      {"weight", l.weight},
      {"links", l.links},
      {"first", time_or_null(l.first)},
      {"last", time_or_null(l.last)},
      {"statements",
       std::vector<std::int64_t>(l.statements.begin(), l.statements.begin() + static_cast<std::ptrdiff_t>(listed))},
      {"statement_count", l.statements.size()}};
  ordered_json j{{"key", "e" + std::to_string(key)},
                 {"source", escape_name(g.node(l.source).id)},
                 {"target", escape_name(g.node(l.target).id)},
                 {"attributes", std::move(attributes)}};
  if (!l.directed) j["undirected"] = true;
  return j;
}

}  // namespace

NetworkAround network_around(store::Db& db, const graph::Graph& g, const std::vector<std::string>& ids_or_values,
                             int depth, std::size_t limit) {
  NetworkAround out;
  out.depth = depth;
  out.limit = limit;
  std::vector<int> hops(g.node_count(), -1);
  std::vector<NodeIndex> order;
  for (const auto& asked : ids_or_values) {
    const auto v = find_entity(db, g, asked);
    if (!v) {
      out.missing.push_back(asked);
    } else if (hops[*v] != 0) {
      hops[*v] = 0;
      order.push_back(*v);
    }
  }
  const std::vector<NodeIndex> seeds = order;
  for (int d = 1; d <= depth && !seeds.empty(); ++d) {
    std::vector<NodeIndex> ring;
    for (const auto s : seeds)
      for (const auto v : graph::ego_nodes(g, s, d))
        if (hops[v] < 0) {
          hops[v] = d;
          ring.push_back(v);
        }
    order_ring(g, hops, d, ring);
    order.insert(order.end(), ring.begin(), ring.end());
  }
  out.within_depth = order.size();
  if (order.size() > limit) order.resize(limit);
  for (const auto v : order) out.hops.push_back(hops[v]);
  out.graph = graph::subgraph(g, order);
  return out;
}

nlohmann::ordered_json network_json(store::Db& db, const NetworkAround& n, const Pseudonyms& shown) {
  const graph::Graph& g = n.graph;
  const std::size_t count = g.node_count();
  graph::KeyPlayerOptions o;
  o.top = count;
  o.sources = node_sources(db, g);
  const auto players = graph::key_players(g, o);  // by decreasing score: the rank
  std::vector<std::size_t> rank_of(count, 0);
  std::vector<std::uint32_t> membership(count, 0);
  for (std::size_t i = 0; i < players.size(); ++i) {
    rank_of[players[i].node] = i;
    membership[players[i].node] = players[i].community;
  }
  const auto place = community_layout(membership);

  auto seeds = ordered_json::array();
  auto nodes = ordered_json::array();
  for (NodeIndex v = 0; v < count; ++v) {
    const auto& node = g.node(v);
    const auto& k = players[rank_of[v]];
    auto reasons = ordered_json::array();
    for (const auto& why : k.reasons) reasons.push_back(shown.scrub(why));
    if (n.hops[v] == 0) seeds.push_back(escape_name(node.id));
    nodes.push_back({{"key", escape_name(node.id)},
                     {"attributes",
                      {{"label", escape_name(shown.label(node.id, entity_label(db, node)))},
                       {"schema", node.schema},
                       {"seed", n.hops[v] == 0},
                       {"hops", n.hops[v]},
                       {"community", k.community},
                       {"rank", rank_of[v] + 1},
                       {"score", k.score},
                       {"reasons", std::move(reasons)},
                       {"x", place[v].first},
                       {"y", place[v].second},
                       {"size", round4(3 + 12 * k.score)}}}});
  }
  auto edges = ordered_json::array();
  const auto links = merged_links(g);
  for (std::size_t i = 0; i < links.size(); ++i) edges.push_back(edge_json(g, links[i], i));

  auto missing = ordered_json::array();
  for (const auto& m : n.missing) missing.push_back(escape_name(m));
  const std::size_t communities = count ? *std::max_element(membership.begin(), membership.end()) + 1 : 0;
  const double modularity = g.edge_count() ? graph::modularity(g, membership) : 0.0;  // undefined without links
  ordered_json attributes{{"name", "network around " + std::to_string(seeds.size()) + " entities"},
                          {"seeds", std::move(seeds)},
                          {"missing", std::move(missing)},
                          {"depth", n.depth},
                          {"limit", n.limit},
                          {"within_depth", n.within_depth},
                          {"truncated", n.truncated()},
                          {"communities", communities},
                          {"modularity", std::isnan(modularity) ? ordered_json(nullptr) : ordered_json(modularity)}};
  return {{"attributes", std::move(attributes)},
          {"options", {{"type", "mixed"}, {"multi", false}, {"allowSelfLoops", false}}},
          {"nodes", std::move(nodes)},
          {"edges", std::move(edges)}};
}

}  // namespace corridor::app
