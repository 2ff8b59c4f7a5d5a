#pragma once
// Blocking: only records that share at least one key under some rule are compared, so
// matching grows with the number of plausible pairs rather than with n².
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "resolve/person_record.hpp"

namespace corridor::resolve {

struct BlockingRule {
  std::string name;
  // The keys of a record under this rule; none when the fields it needs are empty.
  std::function<std::vector<std::string>(const PreparedRecord&)> keys;
};

struct CandidatePairs {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // i < j, each pair once
  std::vector<std::string> skipped_blocks;  // "rule 'phone' key 218912345678: 3000 records"
};

// `sources`: when given, only pairs from different sources (record linkage).
// Blocks larger than `max_block` are skipped and reported: they are hubs of their own.
CandidatePairs candidate_pairs(std::span<const PreparedRecord> records, std::span<const int> sources,
                               const std::vector<BlockingRule>& rules, std::size_t max_block);

// Names by phonetic key and birth year, birth date, each document, each phone, address,
// and the consonant skeleton of both names (the rule that meets across scripts).
std::vector<BlockingRule> person_blocking_rules();

}  // namespace corridor::resolve
