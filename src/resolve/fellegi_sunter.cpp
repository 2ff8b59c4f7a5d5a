#include "resolve/fellegi_sunter.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace corridor::resolve {

namespace {
// Keeps a level never seen in training from weighing infinitely.
constexpr double kFloor = 1e-6;
}  // namespace

LevelVector compare(const std::vector<Comparison>& comparisons, const PreparedRecord& a, const PreparedRecord& b) {
  LevelVector v(comparisons.size());
  for (std::size_t k = 0; k < comparisons.size(); ++k) v[k] = static_cast<std::int8_t>(comparisons[k].level(a, b));
  return v;
}

std::vector<ComparisonParams> estimate_u(const std::vector<Comparison>& comparisons,
                                         const std::vector<LevelVector>& random_pairs) {
  std::vector<ComparisonParams> params(comparisons.size());
  for (std::size_t k = 0; k < comparisons.size(); ++k) {
    const std::size_t levels = comparisons[k].levels.size();
    std::vector<double> counts(levels, 0);
    double total = 0;
    for (const auto& v : random_pairs) {
      if (v[k] < 0) continue;
      counts[static_cast<std::size_t>(v[k])] += 1;
      total += 1;
    }
    params[k].u.resize(levels);
    params[k].m.resize(levels);
    for (std::size_t l = 0; l < levels; ++l) {
      // Half a pair of smoothing: an agreement no random pair showed is rare, not impossible.
      params[k].u[l] = std::max(kFloor, (counts[l] + 0.5) / (total + 0.5 * static_cast<double>(levels)));
      // Starting m: most matches agree exactly, the rest spread over the weaker levels.
      params[k].m[l] = l == 0 ? 0.8 : 0.2 / static_cast<double>(levels - 1);
    }
  }
  return params;
}

FsModel train_em(const std::vector<Comparison>& comparisons, std::vector<ComparisonParams> with_u,
                 const std::vector<LevelVector>& candidates, int max_iterations) {
  FsModel model;
  model.params = std::move(with_u);
  // Distinct level patterns are few (thousands) against many pairs: iterate on patterns.
  std::map<LevelVector, double> patterns;
  for (const auto& v : candidates) patterns[v] += 1;
  const double n = static_cast<double>(candidates.size());
  if (n == 0) return model;
  model.prior = 0.3;
  for (int it = 0; it < max_iterations; ++it) {
    std::vector<std::vector<double>> m_sum(comparisons.size());
    std::vector<double> m_total(comparisons.size(), 0);
    for (std::size_t k = 0; k < comparisons.size(); ++k) m_sum[k].assign(comparisons[k].levels.size(), 0);
    double match_mass = 0;
    for (const auto& [v, count] : patterns) {
      double log_ratio = std::log(model.prior) - std::log1p(-model.prior);
      for (std::size_t k = 0; k < v.size(); ++k) {
        if (v[k] < 0) continue;
        const auto l = static_cast<std::size_t>(v[k]);
        log_ratio += std::log(model.params[k].m[l]) - std::log(model.params[k].u[l]);
      }
      const double p = 1.0 / (1.0 + std::exp(-std::clamp(log_ratio, -60.0, 60.0)));
      match_mass += p * count;
      for (std::size_t k = 0; k < v.size(); ++k) {
        if (v[k] < 0) continue;
        m_sum[k][static_cast<std::size_t>(v[k])] += p * count;
        m_total[k] += p * count;
      }
    }
    double change = std::abs(match_mass / n - model.prior);
    model.prior = std::clamp(match_mass / n, 1e-6, 1 - 1e-6);
    for (std::size_t k = 0; k < comparisons.size(); ++k) {
      if (m_total[k] <= 0) continue;
      for (std::size_t l = 0; l < m_sum[k].size(); ++l) {
        const double m = std::max(kFloor, m_sum[k][l] / m_total[k]);
        change = std::max(change, std::abs(m - model.params[k].m[l]));
        model.params[k].m[l] = m;
      }
    }
    model.em_iterations_run = it + 1;
    if (change < 1e-5) break;
  }
  return model;
}

double TermFrequencies::share_of(std::size_t comparison, const std::string& value) const {
  if (comparison >= share.size()) return 0;
  const auto it = share[comparison].find(value);
  return it == share[comparison].end() ? 0 : it->second;
}

TermFrequencies term_frequencies(const std::vector<Comparison>& comparisons, const std::vector<PreparedRecord>& records) {
  TermFrequencies tf;
  tf.share.resize(comparisons.size());
  for (std::size_t k = 0; k < comparisons.size(); ++k) {
    if (!comparisons[k].tf_value) continue;
    double total = 0;
    for (const auto& r : records) {
      const std::string* v = comparisons[k].tf_value(r);
      if (!v || v->empty()) continue;
      tf.share[k][*v] += 1;
      total += 1;
    }
    for (auto& [value, count] : tf.share[k]) count /= total;
  }
  return tf;
}

double match_weight(const std::vector<Comparison>& comparisons, const FsModel& model, const TermFrequencies& tf,
                    const PreparedRecord& a, const LevelVector& levels, std::vector<FieldWeight>* fields) {
  double w = std::log2(model.prior) - std::log2(1 - model.prior);
  for (std::size_t k = 0; k < levels.size(); ++k) {
    if (levels[k] < 0) continue;
    const auto l = static_cast<std::size_t>(levels[k]);
    double u = model.params[k].u[l];
    if (comparisons[k].tf_value && levels[k] == comparisons[k].tf_level) {
      // Splink's adjustment: the chance that two different people agree on this very
      // value is its share of the records, not the average over all values.
      const std::string* v = comparisons[k].tf_value(a);
      const double share = v ? tf.share_of(k, *v) : 0;
      if (share > 0) u = std::max(share, kFloor);
    }
    const double fw = std::log2(model.params[k].m[l]) - std::log2(u);
    w += fw;
    if (fields) fields->push_back({k, levels[k], fw});
  }
  return w;
}

double probability_of(double weight) { return 1.0 / (1.0 + std::exp2(-weight)); }

}  // namespace corridor::resolve
