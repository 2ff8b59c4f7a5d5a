#pragma once
// Merges as assessments: matched records form clusters, every record keeps its own
// entity id and gains a canonical id (the FollowTheMoney statement model), so undoing a
// merge is dismissing one assessment, never rewriting facts.
#include <cstddef>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "model/types.hpp"
#include "resolve/linker.hpp"

namespace corridor::resolve {

// Canonical id of every record: the smallest entity id of its cluster, so the same
// cluster gets the same canonical id whatever order the records came in.
std::vector<std::string> canonical_ids(std::span<const PersonRecord> records, std::span<const Match> matches);

// Clusters that honour a person's decisions: `apart` holds pairs of entity ids (first <
// second) a person said are different. Matches are applied strongest first; one that
// would put a kept-apart pair in the same cluster, directly or through others, is refused.
struct Clustering {
  std::vector<std::string> canonical;  // per record: the smallest entity id of its cluster
  std::vector<std::size_t> applied;    // indexes into the matches, ascending
  std::vector<std::size_t> refused;    // indexes into the matches, ascending
};
Clustering cluster_apart(std::span<const PersonRecord> records, std::span<const Match> matches,
                         const std::set<std::pair<std::string, std::string>>& apart);

// One "sameAs" assessment per match, on the first record, valued with the second's id,
// with the probability as confidence and the reasons as text.
std::vector<Statement> merge_assessments(std::span<const PersonRecord> records, std::span<const Match> matches,
                                         const std::string& extractor, const std::string& at);

}  // namespace corridor::resolve
