#include "graph/leiden.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace corridor::graph::detail {

namespace {

using Rng = std::mt19937_64;
using Membership = std::vector<std::uint32_t>;

// The graph one level of the algorithm works on: the input, then each aggregate.
struct Level {
  const Arcs* arcs = nullptr;
  const std::vector<double>* weight = nullptr;  // node weights
  std::size_t size() const { return weight->size(); }
};

// Weights from one node toward each cluster it touches: a dense array plus the list of
// touched clusters, so clearing costs what was touched, not the whole array.
class Tally {
 public:
  explicit Tally(std::size_t n) : sum_(n, 0) {}
  void add(std::uint32_t c, double x) {
    if (x <= 0) return;
    if (sum_[c] == 0) touched_.push_back(c);
    sum_[c] += x;
  }
  double operator[](std::uint32_t c) const { return sum_[c]; }
  const std::vector<std::uint32_t>& touched() const { return touched_; }
  void clear() {
    for (auto c : touched_) sum_[c] = 0;
    touched_.clear();
  }

 private:
  std::vector<double> sum_;
  std::vector<std::uint32_t> touched_;
};

std::vector<std::uint32_t> shuffled(std::size_t n, Rng& rng) {
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::shuffle(order.begin(), order.end(), rng);
  return order;
}

// Cluster ids made dense, in the order of each cluster's lowest node; returns the count.
std::uint32_t compact(Membership& m) {
  std::vector<std::uint32_t> id(m.size(), UINT32_MAX);
  std::uint32_t next = 0;
  for (auto& c : m) {
    if (id[c] == UINT32_MAX) id[c] = next++;
    c = id[c];
  }
  return next;
}

// Phase 1, the fast local moving of nodes: a queue of nodes to visit; a node moves to the
// neighbouring community (or an empty one) that raises the quality most, and then its
// neighbours outside that community are visited again. Community ids stay below size().
void move_nodes(const Level& g, Membership& m, double resolution, Rng& rng) {
  const std::size_t n = g.size();
  const auto& first = g.arcs->first;
  const auto& other = g.arcs->other;
  const auto& arc_weight = g.arcs->weight;
  const auto& w = *g.weight;
  std::vector<double> total(n, 0);  // node weight of each community
  std::vector<std::uint32_t> members(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    total[m[v]] += w[v];
    ++members[m[v]];
  }
  std::vector<std::uint32_t> empty;
  for (std::uint32_t c = 0; c < n; ++c)
    if (members[c] == 0) empty.push_back(c);
  std::vector<std::uint32_t> queue = shuffled(n, rng);  // a ring: head, then `waiting` nodes
  std::vector<char> queued(n, 1);
  std::size_t head = 0, waiting = n;
  Tally tally(n);
  while (waiting > 0) {
    const std::uint32_t v = queue[head];
    head = head + 1 == n ? 0 : head + 1;
    --waiting;
    queued[v] = 0;
    const std::uint32_t own = m[v];
    for (auto i = first[v]; i < first[v + 1]; ++i)
      if (other[i] != v) tally.add(m[other[i]], arc_weight[i]);
    total[own] -= w[v];
    std::uint32_t best = own;
    double best_gain = tally[own] - resolution * w[v] * total[own];
    for (auto c : tally.touched()) {
      const double gain = tally[c] - resolution * w[v] * total[c];
      if (gain > best_gain) best = c, best_gain = gain;
    }
    // Alone (gain 0) beats every community it touches; an empty community exists because
    // its own one keeps other members.
    if (best_gain < 0 && members[own] > 1 && !empty.empty()) best = empty.back(), empty.pop_back();
    total[best] += w[v];
    tally.clear();
    if (best == own) continue;
    --members[own];
    ++members[best];
    if (members[own] == 0) empty.push_back(own);
    m[v] = best;
    for (auto i = first[v]; i < first[v + 1]; ++i) {
      const std::uint32_t u = other[i];
      if (queued[u] || m[u] == best) continue;
      queue[(head + waiting) % n] = u;
      ++waiting;
      queued[u] = 1;
    }
  }
}

// Phase 2, the refinement: inside each community, nodes start alone and a node still
// alone and well connected to its community joins a well-connected cluster of it, chosen
// at random with odds exp(gain / beta) among those it does not lose by joining. The
// communities of the next level are these clusters, so none is ever badly connected.
Membership refine(const Level& g, const Membership& m, double resolution, double beta, Rng& rng) {
  const std::size_t n = g.size();
  const auto& first = g.arcs->first;
  const auto& other = g.arcs->other;
  const auto& arc_weight = g.arcs->weight;
  const auto& w = *g.weight;
  Membership r(n);
  std::iota(r.begin(), r.end(), 0u);
  std::vector<double> cluster_weight(w);
  std::vector<std::uint32_t> cluster_size(n, 1);
  std::vector<double> community_weight(n, 0);
  for (std::size_t v = 0; v < n; ++v) community_weight[m[v]] += w[v];
  // The weight from each cluster to the rest of its community.
  std::vector<double> outside(n, 0);
  for (std::size_t v = 0; v < n; ++v)
    for (auto i = first[v]; i < first[v + 1]; ++i)
      if (other[i] != v && m[other[i]] == m[v]) outside[v] += arc_weight[i];
  auto well_connected = [&](std::uint32_t c, std::uint32_t community) {
    return outside[c] >= resolution * cluster_weight[c] * (community_weight[community] - cluster_weight[c]);
  };
  Tally tally(n);
  std::vector<std::pair<std::uint32_t, double>> choices;
  std::uniform_real_distribution<double> uniform(0, 1);
  for (const std::uint32_t v : shuffled(n, rng)) {
    // Alone means r[v] == v with no one else in it: a node leaves its singleton only once.
    if (cluster_size[r[v]] != 1 || !well_connected(v, m[v])) continue;
    const std::uint32_t community = m[v];
    for (auto i = first[v]; i < first[v + 1]; ++i)
      if (other[i] != v && m[other[i]] == community) tally.add(r[other[i]], arc_weight[i]);
    choices.assign(1, {v, 0.0});  // staying alone: gain 0
    double best = 0;
    for (auto c : tally.touched()) {
      if (!well_connected(c, community)) continue;
      const double gain = tally[c] - resolution * w[v] * cluster_weight[c];
      if (gain < 0) continue;
      choices.emplace_back(c, gain);
      best = std::max(best, gain);
    }
    std::uint32_t chosen = v;
    if (beta <= 0) {
      for (const auto& [c, gain] : choices)
        if (gain == best) chosen = c;
    } else {
      double sum = 0;
      for (auto& choice : choices) sum += choice.second = std::exp((choice.second - best) / beta);
      double x = uniform(rng) * sum;
      for (const auto& [c, odds] : choices) {
        chosen = c;
        if ((x -= odds) <= 0) break;
      }
    }
    if (chosen != v) {
      r[v] = chosen;
      cluster_weight[chosen] += w[v];
      cluster_weight[v] = 0;
      ++cluster_size[chosen];
      cluster_size[v] = 0;
      outside[chosen] += outside[v] - 2 * tally[chosen];
    }
    tally.clear();
  }
  return r;
}

// Phase 3: one node per cluster of `r` (dense ids, `k` of them), the links between
// clusters summed, links inside one dropped (they never change a move's gain).
void aggregate(const Level& g, const Membership& r, std::uint32_t k, Arcs& out, std::vector<double>& out_weight) {
  const std::size_t n = g.size();
  const auto& first = g.arcs->first;
  std::vector<std::uint32_t> start(k + 1, 0);
  for (auto c : r) ++start[c + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::uint32_t> by_cluster(n), at(start.begin(), start.end() - 1);
  for (std::uint32_t v = 0; v < n; ++v) by_cluster[at[r[v]]++] = v;
  out_weight.assign(k, 0);
  for (std::size_t v = 0; v < n; ++v) out_weight[r[v]] += (*g.weight)[v];
  out.first.assign(1, 0);
  out.first.reserve(k + 1);
  out.other.clear();
  out.weight.clear();
  Tally tally(k);
  for (std::uint32_t c = 0; c < k; ++c) {
    for (auto j = start[c]; j < start[c + 1]; ++j) {
      const auto v = by_cluster[j];
      for (auto i = first[v]; i < first[v + 1]; ++i) {
        const auto d = r[g.arcs->other[i]];
        if (d != c) tally.add(d, g.arcs->weight[i]);
      }
    }
    for (auto d : tally.touched()) {
      out.other.push_back(d);
      out.weight.push_back(tally[d]);
    }
    out.first.push_back(out.other.size());
    tally.clear();
  }
}

// One whole Leiden run on the input graph, from the partition `m` (ids below its size).
void leiden_run(const Arcs& arcs, const std::vector<double>& weights, Membership& m, const LeidenParams& p,
                Rng& rng) {
  const std::size_t n = weights.size();
  std::vector<std::uint32_t> node_of(n);  // input node -> node of the current level
  std::iota(node_of.begin(), node_of.end(), 0u);
  Level g{&arcs, &weights};
  Arcs level_arcs;
  std::vector<double> level_weights;
  Membership level_m = m;
  for (;;) {
    move_nodes(g, level_m, p.resolution, rng);
    Membership communities = level_m;
    const std::uint32_t count = compact(communities);
    if (count == g.size()) break;  // every node its own community: nothing left to merge
    Membership r = refine(g, level_m, p.resolution, p.beta, rng);
    std::uint32_t k = compact(r);
    // Refinement merged nothing: aggregate by the communities themselves (as igraph
    // does), or the next level would be this one again.
    if (k == g.size()) r = communities, k = count;
    Membership next_m(k);
    for (std::size_t v = 0; v < g.size(); ++v) next_m[r[v]] = communities[v];
    Arcs next_arcs;
    std::vector<double> next_weights;
    aggregate(g, r, k, next_arcs, next_weights);
    level_arcs = std::move(next_arcs);
    level_weights = std::move(next_weights);
    g = Level{&level_arcs, &level_weights};
    for (auto& x : node_of) x = r[x];
    level_m = std::move(next_m);
  }
  for (std::size_t v = 0; v < n; ++v) m[v] = level_m[node_of[v]];
  compact(m);
}

}  // namespace

std::vector<std::uint32_t> leiden_partition(const Arcs& arcs, const std::vector<double>& node_weights,
                                            const LeidenParams& params) {
  const std::size_t n = node_weights.size();
  Membership m(n);
  std::iota(m.begin(), m.end(), 0u);
  Rng rng(params.seed);
  for (int run = 0; params.iterations < 0 || run < params.iterations; ++run) {
    const Membership before = m;
    leiden_run(arcs, node_weights, m, params, rng);
    if (params.iterations < 0 && m == before) break;  // both numbered by lowest node
  }
  return m;  // leiden_run numbers it (and the identity it starts from is numbered already)
}

}  // namespace corridor::graph::detail
