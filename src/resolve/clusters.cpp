#include "resolve/clusters.hpp"

#include <numeric>

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
