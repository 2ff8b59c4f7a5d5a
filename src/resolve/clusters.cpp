#include "resolve/clusters.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace corridor::resolve {

namespace {
std::size_t root(std::vector<std::size_t>& parent, std::size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}
}  // namespace

std::vector<std::string> canonical_ids(std::span<const PersonRecord> records, std::span<const Match> matches) {
  std::vector<std::size_t> parent(records.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const auto& m : matches) {
    const std::size_t a = root(parent, m.a), b = root(parent, m.b);
    if (a == b) continue;
    // The root is the record with the smaller id, so the root names the cluster.
    if (records[b].id < records[a].id)
      parent[a] = b;
    else
      parent[b] = a;
  }
  std::vector<std::string> out(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) out[i] = records[root(parent, i)].id;
  return out;
}

Clustering cluster_apart(std::span<const PersonRecord> records, std::span<const Match> matches,
                         const std::set<std::pair<std::string, std::string>>& apart) {
  const std::size_t n = records.size();
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index.emplace(records[i].id, i);
  std::vector<std::vector<std::size_t>> partners(n);  // kept apart from
  for (const auto& [x, y] : apart) {
    const auto a = index.find(x), b = index.find(y);
    if (a == index.end() || b == index.end()) continue;
    partners[a->second].push_back(b->second);
    partners[b->second].push_back(a->second);
  }
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<std::vector<std::size_t>> members(n);
  for (std::size_t i = 0; i < n; ++i) members[i] = {i};
  // Strongest first, so a refused match is always the weaker evidence.
  std::vector<std::size_t> order(matches.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return matches[x].weight > matches[y].weight;
  });
  Clustering out;
  for (const std::size_t k : order) {
    std::size_t ra = root(parent, matches[k].a), rb = root(parent, matches[k].b);
    if (ra == rb) {
      out.applied.push_back(k);
      continue;
    }
    if (members[ra].size() > members[rb].size()) std::swap(ra, rb);
    const bool blocked = std::any_of(members[ra].begin(), members[ra].end(), [&](std::size_t x) {
      return std::any_of(partners[x].begin(), partners[x].end(), [&](std::size_t y) { return root(parent, y) == rb; });
    });
    if (blocked) {
      out.refused.push_back(k);
      continue;
    }
    parent[ra] = rb;
    members[rb].insert(members[rb].end(), members[ra].begin(), members[ra].end());
    members[ra].clear();
    out.applied.push_back(k);
  }
  std::sort(out.applied.begin(), out.applied.end());
  std::sort(out.refused.begin(), out.refused.end());
  out.canonical.resize(n);
  for (std::size_t r = 0; r < n; ++r) {
    if (members[r].empty()) continue;
    std::string smallest = records[members[r].front()].id;
    for (const std::size_t i : members[r]) smallest = std::min(smallest, records[i].id);
    for (const std::size_t i : members[r]) out.canonical[i] = smallest;
  }
  return out;
}

std::vector<Statement> merge_assessments(std::span<const PersonRecord> records, std::span<const Match> matches,
                                         const std::string& extractor, const std::string& at) {
  std::vector<Statement> out;
  out.reserve(matches.size());
  for (const auto& m : matches) {
    Statement s;
    s.entity_id = records[m.a].id;
    s.schema = "Person";
    s.property = "sameAs";
    s.value = records[m.b].id;
    s.original_value = m.explain();
    s.prov.extractor = extractor;
    s.prov.observed_at = at;
    s.kind = StatementKind::Assessment;
    s.confidence = m.probability;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace corridor::resolve
