#include "resolve/blocking.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace corridor::resolve {

namespace {

// Joins parts with a separator no folded field contains; empty when a part is missing,
// so a rule never blocks on "nothing equals nothing".
std::vector<std::string> joined(std::initializer_list<const std::string*> parts) {
  std::string key;
  for (const auto* p : parts) {
    if (p->empty()) return {};
    key += *p;
    key += '|';
  }
  return {key};
}

}  // namespace

CandidatePairs candidate_pairs(std::span<const PreparedRecord> records, std::span<const int> sources,
                               const std::vector<BlockingRule>& rules, std::size_t max_block) {
  CandidatePairs out;
  std::unordered_set<std::uint64_t> seen;
  for (const auto& rule : rules) {
    std::unordered_map<std::string, std::vector<std::uint32_t>> blocks;
    for (std::uint32_t i = 0; i < records.size(); ++i)
      for (auto& k : rule.keys(records[i])) blocks[std::move(k)].push_back(i);
    std::vector<const std::pair<const std::string, std::vector<std::uint32_t>>*> ordered;
    for (const auto& b : blocks) ordered.push_back(&b);
    // Sorted so the pair list, and every score after it, is the same on every run.
    std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->first < b->first; });
    for (const auto* block : ordered) {
      const auto& ids = block->second;
      if (ids.size() < 2) continue;
      if (ids.size() > max_block) {
        out.skipped_blocks.push_back("rule '" + rule.name + "' key " + block->first + ": " +
                                     std::to_string(ids.size()) + " records");
        continue;
      }
      for (std::size_t x = 0; x < ids.size(); ++x) {
        for (std::size_t y = x + 1; y < ids.size(); ++y) {
          std::uint32_t a = ids[x], b = ids[y];
          if (a == b) continue;
          if (!sources.empty() && sources[a] == sources[b]) continue;
          if (a > b) std::swap(a, b);
          if (seen.insert((std::uint64_t{a} << 32) | b).second) out.pairs.emplace_back(a, b);
        }
      }
    }
  }
  std::sort(out.pairs.begin(), out.pairs.end());
  return out;
}

std::vector<BlockingRule> person_blocking_rules() {
  using P = PreparedRecord;
  std::vector<BlockingRule> rules;
  rules.push_back({"family soundex and birth year", [](const P& r) {
                     const std::string year = r.birth_date.substr(0, std::min<std::size_t>(4, r.birth_date.size()));
                     return joined({&r.family_soundex, &year});
                   }});
  rules.push_back({"given soundex and birth year", [](const P& r) {
                     const std::string year = r.birth_date.substr(0, std::min<std::size_t>(4, r.birth_date.size()));
                     return joined({&r.given_soundex, &year});
                   }});
  rules.push_back({"given and family soundex", [](const P& r) { return joined({&r.given_soundex, &r.family_soundex}); }});
  rules.push_back({"name skeletons", [](const P& r) { return joined({&r.given_skeleton, &r.family_skeleton}); }});
  rules.push_back({"birth date", [](const P& r) { return joined({&r.birth_date}); }});
  rules.push_back({"document number", [](const P& r) { return r.documents; }});
  rules.push_back({"phone", [](const P& r) { return r.phones; }});
  rules.push_back({"postcode and street number", [](const P& r) { return joined({&r.postcode, &r.street_number}); }});
  rules.push_back({"locality and given soundex", [](const P& r) { return joined({&r.locality, &r.given_soundex}); }});
  return rules;
}

}  // namespace corridor::resolve
