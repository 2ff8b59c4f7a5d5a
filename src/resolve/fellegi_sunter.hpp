#pragma once
// The Fellegi–Sunter model as Splink trains it: u (how often two different people agree
// at each level) from random pairs, m (how often the same person does) by expectation
// maximisation over the blocked pairs with u held fixed, and a match weight that is the
// sum of log2(m/u) over the fields, rare values weighing more (term frequency).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "resolve/comparisons.hpp"

namespace corridor::resolve {

// One level per comparison; -1 where a side is missing.
using LevelVector = std::vector<std::int8_t>;

struct ComparisonParams {
  std::vector<double> m, u;
};

struct FsModel {
  double prior = 0.01;  // share of matches among the pairs that are scored
  std::vector<ComparisonParams> params;
  int em_iterations_run = 0;
};

LevelVector compare(const std::vector<Comparison>& comparisons, const PreparedRecord& a, const PreparedRecord& b);

// u from level counts of random pairs (nearly all of them are different people).
std::vector<ComparisonParams> estimate_u(const std::vector<Comparison>& comparisons,
                                         const std::vector<LevelVector>& random_pairs);

// m and the prior by EM over the candidate pairs, u fixed.
FsModel train_em(const std::vector<Comparison>& comparisons, std::vector<ComparisonParams> with_u,
                 const std::vector<LevelVector>& candidates, int max_iterations);

// value -> share of the records that carry it, per comparison with a term-frequency value.
struct TermFrequencies {
  std::vector<std::unordered_map<std::string, double>> share;  // indexed by comparison
  double share_of(std::size_t comparison, const std::string& value) const;
};
TermFrequencies term_frequencies(const std::vector<Comparison>& comparisons, const std::vector<PreparedRecord>& records);

struct FieldWeight {
  std::size_t comparison = 0;
  int level = -1;
  double weight = 0;  // log2(m/u), term frequency included
};

// Match weight: log2(prior/(1-prior)) plus the field weights.
double match_weight(const std::vector<Comparison>& comparisons, const FsModel& model, const TermFrequencies& tf,
                    const PreparedRecord& a, const LevelVector& levels, std::vector<FieldWeight>* fields);
double probability_of(double weight);

}  // namespace corridor::resolve
