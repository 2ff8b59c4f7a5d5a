#pragma once
// Person matching end to end: fold, find hub identifiers, block, compare, train the
// Fellegi–Sunter model, score, and keep the pairs above the threshold with their reasons.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "resolve/blocking.hpp"
#include "resolve/comparisons.hpp"
#include "resolve/fellegi_sunter.hpp"
#include "resolve/hubs.hpp"
#include "resolve/person_record.hpp"

namespace corridor::resolve {

struct LinkOptions {
  bool linkage = false;     // compare only records of different sources (A against B)
  bool one_to_one = false;  // linkage of two clean lists: each record matches at most once
  double threshold = 0.9;   // match probability to keep a pair
  // Score with the prior among all pairs, as Splink predicts: the matches EM expects among
  // the candidates, spread over every pair of records. Off: the prior among the candidates
  // (enough when blocking leaves mostly matches, as on Febrl; far too generous on a case
  // where most candidates only share a common name).
  bool prior_over_all_pairs = false;
  std::size_t max_block = 2000;
  std::size_t u_sample_pairs = 1'000'000;
  int em_iterations = 40;
  HubPolicy hubs;
};

struct FieldReason {
  std::string comparison;
  std::string level;
  double weight = 0;  // log2(m/u) of this field: > 0 speaks for a match, < 0 against
};

struct Match {
  std::size_t a = 0, b = 0;  // indexes into the records, a < b
  double weight = 0;
  double probability = 0;
  std::vector<FieldReason> reasons;
  // "match weight 23.1 (p=1.000): given name exact +6.2; family name same skeleton or Soundex +4.0; ..."
  std::string explain() const;
};

struct LinkResult {
  std::vector<Match> matches;  // sorted by a, then b
  std::vector<Hub> hubs;
  std::vector<std::string> skipped_blocks;
  std::size_t candidate_pairs = 0;
  FsModel model;
};

LinkResult link_records(std::span<const PersonRecord> records, const std::vector<Comparison>& comparisons,
                        const std::vector<BlockingRule>& rules, const LinkOptions& options);

// With the person comparisons and blocking rules.
LinkResult link_persons(std::span<const PersonRecord> records, const LinkOptions& options);

}  // namespace corridor::resolve
