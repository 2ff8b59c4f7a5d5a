#pragma once
// Merges of entities as the case keeps them: every entity keeps its own id and points to
// a canonical id (its own until a merge), and the pairs a person has kept apart, so a
// later resolution run never silently joins them again.
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "store/sqlite.hpp"

namespace corridor::store {

using EntityPair = std::pair<std::string, std::string>;  // ordered: first < second
EntityPair entity_pair(const std::string& a, const std::string& b);

struct KeptApart {
  std::string a, b;  // a < b
  std::string actor, reason, at;
};

class EntityMerges {
 public:
  explicit EntityMerges(Db& db) : db_(db) {}

  // The caller holds a Transaction. Throws corridor::Error when the entity is unknown.
  void set_canonical(const std::string& entity, const std::string& canonical);
  // Entities whose canonical id is `canonical` (itself included), by id.
  std::vector<std::string> members(const std::string& canonical);
  // Entity id -> canonical id, for the entities of a schema whose two ids differ.
  std::vector<EntityPair> merged(const std::string& schema);

  // Records that `a` and `b` are different entities; a pair already kept apart keeps its
  // first record. The caller holds a Transaction.
  void keep_apart(const std::string& a, const std::string& b, const std::string& actor, const std::string& reason,
                  const std::string& at);
  std::set<EntityPair> kept_apart_pairs();
  std::vector<KeptApart> kept_apart(const std::string& entity);

 private:
  Db& db_;
};

}  // namespace corridor::store
