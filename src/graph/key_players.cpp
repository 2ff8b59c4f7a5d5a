#include "graph/key_players.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "graph/communities.hpp"
#include "graph/measures.hpp"

namespace corridor::graph {

namespace {

// Rank of each node by descending value (0 = highest; ties share the better rank).
template <class T>
std::vector<std::size_t> ranks(const std::vector<T>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
  std::vector<std::size_t> rank(values.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    rank[order[i]] = (i > 0 && values[order[i]] == values[order[i - 1]]) ? rank[order[i - 1]] : i;
  return rank;
}

// "highest PageRank", "top 1% PageRank"...; empty when the rank says nothing notable.
std::string rank_words(std::size_t rank, std::size_t n, const char* measure, bool nonzero) {
  if (!nonzero) return "";
  if (rank == 0) return std::string("highest ") + measure;
  const double r = static_cast<double>(rank), size = static_cast<double>(n);
  if (n >= 100 && r < size * 0.01) return std::string("top 1% ") + measure;
  if (n >= 20 && r < size * 0.05) return std::string("top 5% ") + measure;
  if (n >= 10 && r < size * 0.10) return std::string("top 10% ") + measure;
  return "";
}

std::string community_list(const std::vector<std::uint32_t>& c) {
  std::string out;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (i > 0) out += i + 1 == c.size() ? " and " : ", ";
    out += std::to_string(c[i]);
  }
  return out;
}

}  // namespace

std::vector<KeyPlayer> key_players(const Graph& g, const KeyPlayerOptions& o) {
  const std::size_t n = g.node_count();
  if (n == 0) return {};
  const auto pr = pagerank(g);
  const auto btw = n <= o.exact_betweenness_limit ? betweenness(g) : betweenness_sampled(g, o.betweenness_sources, o.seed);
  const auto deg = degree(g);
  const auto core = coreness(g);
  const auto con = constraint(g);
  LeidenOptions lo;
  lo.seed = o.seed;
  const auto comm = leiden(g, lo);
  const auto bridges = community_bridges(g, comm.membership);

  std::vector<std::size_t> touched(n, 1);
  std::vector<const Bridge*> bridge_of(n, nullptr);
  for (const auto& b : bridges) {
    touched[b.node] = b.communities.size();
    bridge_of[b.node] = &b;
  }
  const auto pr_rank = ranks(pr);
  const auto btw_rank = ranks(btw);
  const std::uint32_t max_core = *std::max_element(core.begin(), core.end());
  const std::size_t max_touched = *std::max_element(touched.begin(), touched.end());
  const double max_pr = *std::max_element(pr.begin(), pr.end());
  const double max_btw = *std::max_element(btw.begin(), btw.end());
  auto share = [](double v, double max) { return max > 0 ? v / max : 0.0; };
  const bool with_sources = o.sources.size() == n;
  const std::uint32_t max_sources = with_sources ? *std::max_element(o.sources.begin(), o.sources.end()) : 0;

  std::vector<KeyPlayer> all(n);
  for (NodeIndex v = 0; v < n; ++v) {
    KeyPlayer& k = all[v];
    k.node = v;
    k.pagerank = pr[v];
    k.betweenness = btw[v];
    k.constraint = con[v];
    k.degree = deg[v];
    k.coreness = core[v];
    k.community = comm.membership[v];
    const double bridge_share =
        max_touched > 1 ? static_cast<double>(touched[v] - 1) / static_cast<double>(max_touched - 1) : 0;
    // Reach and brokerage weigh most: organisers are either central or the link between
    // cells; embeddedness separates a core member from a well-connected outsider.
    // Shares of the maximum, not ranks: one broker on all cross paths must outweigh the
    // members beside it who carry a quarter of them.
    k.score = 0.35 * share(pr[v], max_pr) + 0.35 * share(btw[v], max_btw) + 0.15 * bridge_share +
              0.15 * share(core[v], max_core);
    if (with_sources) {
      k.sources = o.sources[v];
      const double corroboration = max_sources > 1 && k.sources > 1
                                       ? static_cast<double>(k.sources - 1) / static_cast<double>(max_sources - 1)
                                       : 0.0;
      k.score = 0.8 * k.score + 0.2 * corroboration;
    }
    if (const Bridge* b = bridge_of[v]) {
      // One tie out of the community is a contact; several, or several communities, a broker.
      if (b->cross_edges >= 2 || b->communities.size() >= 3) {
        k.reasons.push_back("broker between communities " + community_list(b->communities));
      } else {
        for (auto c : b->communities)
          if (c != b->own) k.reasons.push_back("tie to community " + std::to_string(c));
      }
    }
    if (auto w = rank_words(pr_rank[v], n, "PageRank", true); !w.empty()) k.reasons.push_back(w);
    if (auto w = rank_words(btw_rank[v], n, "betweenness", btw[v] > 0); !w.empty()) k.reasons.push_back(w);
    if (max_core >= 2 && core[v] == max_core)
      k.reasons.push_back("in the innermost core (k=" + std::to_string(max_core) + ")");
    if (k.sources >= 2) k.reasons.push_back("seen in " + std::to_string(k.sources) + " evidence items");
    if (deg[v] >= 3 && !std::isnan(con[v]) && con[v] < 0.35) {
      char text[96];
      std::snprintf(text, sizeof text, "low constraint %.2f: contacts that do not know each other", con[v]);
      k.reasons.push_back(text);
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const KeyPlayer& a, const KeyPlayer& b) { return a.score > b.score; });
  if (all.size() > o.top) all.resize(o.top);
  return all;
}

}  // namespace corridor::graph
