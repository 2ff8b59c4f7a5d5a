#include "resolve/linker.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <unordered_map>
#include <unordered_set>

namespace corridor::resolve {

namespace {

// Counts distinct records per value of a list field, flags hubs, and removes them from
// every record so neither blocking nor comparison can use them.
void drop_hubs(std::vector<PreparedRecord>& prepared, ListField field, const std::string& kind,
               const HubPolicy& policy, std::vector<Hub>& hubs) {
  std::unordered_map<std::string, std::size_t> per_value;
  for (const auto& r : prepared) {
    std::unordered_set<std::string> once((r.*field).begin(), (r.*field).end());
    for (const auto& v : once) ++per_value[v];
  }
  auto found = find_hubs(kind, per_value, policy);
  if (found.empty()) return;
  std::unordered_set<std::string> values;
  for (const auto& h : found) values.insert(h.value);
  for (auto& r : prepared) std::erase_if(r.*field, [&](const std::string& v) { return values.contains(v); });
  hubs.insert(hubs.end(), found.begin(), found.end());
}

std::vector<LevelVector> random_pair_levels(const std::vector<Comparison>& comparisons,
                                            const std::vector<PreparedRecord>& prepared,
                                            std::span<const PersonRecord> records, const LinkOptions& options) {
  std::vector<LevelVector> out;
  const std::size_t n = prepared.size();
  if (n < 2) return out;
  // Fixed seed: the same records give the same model and the same scores on every run.
  std::mt19937_64 rng(0x636f727269646f72ULL);
  std::uniform_int_distribution<std::size_t> pick(0, n - 1);
  const std::size_t all_pairs = n * (n - 1) / 2;
  const std::size_t want = std::min(options.u_sample_pairs, all_pairs);
  out.reserve(want);
  for (std::size_t tries = 0; out.size() < want && tries < want * 4; ++tries) {
    const std::size_t a = pick(rng), b = pick(rng);
    if (a == b) continue;
    if (options.linkage && records[a].source == records[b].source) continue;
    out.push_back(compare(comparisons, prepared[a], prepared[b]));
  }
  return out;
}

// Pairs a full comparison would score: all of them, or only those across sources.
std::size_t all_pairs(std::span<const PersonRecord> records, bool linkage) {
  const std::size_t n = records.size();
  if (!linkage) return n * (n - 1) / 2;
  std::unordered_map<int, std::size_t> per_source;
  for (const auto& r : records) ++per_source[r.source];
  std::size_t same = 0;
  for (const auto& [source, k] : per_source) same += k * (k - 1) / 2;
  return n * (n - 1) / 2 - same;
}

}  // namespace

std::string Match::explain() const {
  char head[96];
  std::snprintf(head, sizeof head, "match weight %.1f (p=%.3f):", weight, probability);
  std::string out = head;
  for (const auto& r : reasons) {
    char w[32];
    std::snprintf(w, sizeof w, " %+.1f", r.weight);
    out += " " + r.comparison + " " + r.level + w + ";";
  }
  if (!reasons.empty()) out.pop_back();
  return out;
}

LinkResult link_records(std::span<const PersonRecord> records, const std::vector<Comparison>& comparisons,
                        const std::vector<BlockingRule>& rules, const LinkOptions& options) {
  LinkResult result;
  std::vector<PreparedRecord> prepared;
  prepared.reserve(records.size());
  for (const auto& r : records) prepared.push_back(prepare(r));
  drop_hubs(prepared, &PreparedRecord::phones, "phone", options.hubs, result.hubs);
  drop_hubs(prepared, &PreparedRecord::documents, "document number", options.hubs, result.hubs);
  drop_hubs(prepared, &PreparedRecord::accounts, "account", options.hubs, result.hubs);

  std::vector<int> sources;
  if (options.linkage)
    for (const auto& r : records) sources.push_back(r.source);
  auto candidates = candidate_pairs(prepared, sources, rules, options.max_block);
  result.skipped_blocks = std::move(candidates.skipped_blocks);
  result.candidate_pairs = candidates.pairs.size();

  std::vector<LevelVector> levels;
  levels.reserve(candidates.pairs.size());
  for (const auto& [a, b] : candidates.pairs) levels.push_back(compare(comparisons, prepared[a], prepared[b]));
  auto u = estimate_u(comparisons, random_pair_levels(comparisons, prepared, records, options));
  result.model = train_em(comparisons, std::move(u), levels, options.em_iterations);
  if (options.prior_over_all_pairs && !candidates.pairs.empty()) {
    const double expected = result.model.prior * static_cast<double>(candidates.pairs.size());
    result.model.prior = std::clamp(expected / static_cast<double>(all_pairs(records, options.linkage)), 1e-12, 0.5);
  }
  const auto tf = term_frequencies(comparisons, prepared);

  std::vector<Match> kept;
  for (std::size_t i = 0; i < candidates.pairs.size(); ++i) {
    const auto [a, b] = candidates.pairs[i];
    std::vector<FieldWeight> fields;
    const double w = match_weight(comparisons, result.model, tf, prepared[a], levels[i], &fields);
    const double p = probability_of(w);
    if (p < options.threshold) continue;
    Match m{a, b, w, p, {}};
    for (const auto& f : fields)
      m.reasons.push_back({comparisons[f.comparison].name,
                           comparisons[f.comparison].levels[static_cast<std::size_t>(f.level)], f.weight});
    kept.push_back(std::move(m));
  }
  if (options.one_to_one) {
    // Greedy by weight: the strongest pair claims both records first.
    std::stable_sort(kept.begin(), kept.end(), [](const Match& x, const Match& y) { return x.weight > y.weight; });
    std::vector<bool> used(records.size(), false);
    std::vector<Match> unique;
    for (auto& m : kept) {
      if (used[m.a] || used[m.b]) continue;
      used[m.a] = used[m.b] = true;
      unique.push_back(std::move(m));
    }
    kept = std::move(unique);
  }
  std::sort(kept.begin(), kept.end(), [](const Match& x, const Match& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
  result.matches = std::move(kept);
  return result;
}

LinkResult link_persons(std::span<const PersonRecord> records, const LinkOptions& options) {
  return link_records(records, person_comparisons(), person_blocking_rules(), options);
}

}  // namespace corridor::resolve
