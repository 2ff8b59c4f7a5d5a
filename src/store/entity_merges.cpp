#include "store/entity_merges.hpp"

#include "core/error.hpp"

namespace corridor::store {

EntityPair entity_pair(const std::string& a, const std::string& b) {
  return a < b ? EntityPair{a, b} : EntityPair{b, a};
}

void EntityMerges::set_canonical(const std::string& entity, const std::string& canonical) {
  Stmt q(db_, "UPDATE entities SET canonical_id = ? WHERE id = ?");
  q.bind(1, canonical).bind(2, entity).run();
  if (db_.changes() != 1) throw Error("entity " + entity, "no such entity in the case", Error::kInput);
}

std::vector<std::string> EntityMerges::members(const std::string& canonical) {
  // The representative itself by its id, the others through the partial index of merges.
  Stmt q(db_,
         "SELECT id FROM entities WHERE id = ?1 AND canonical_id = ?1 "
         "UNION SELECT id FROM entities WHERE canonical_id = ?1 AND canonical_id <> id ORDER BY id");
  q.bind(1, canonical);
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.text(0));
  return out;
}

std::vector<EntityPair> EntityMerges::merged(const std::string& schema) {
  Stmt q(db_, "SELECT id, canonical_id FROM entities WHERE schema = ? AND canonical_id <> id ORDER BY id");
  q.bind(1, schema);
  std::vector<EntityPair> out;
  while (q.step()) out.emplace_back(q.text(0), q.text(1));
  return out;
}

void EntityMerges::keep_apart(const std::string& a, const std::string& b, const std::string& actor,
                              const std::string& reason, const std::string& at) {
  const auto [x, y] = entity_pair(a, b);
  Stmt q(db_, "INSERT INTO kept_apart(a, b, actor, reason, at) VALUES(?,?,?,?,?) ON CONFLICT(a, b) DO NOTHING");
  q.bind(1, x).bind(2, y).bind(3, actor).bind(4, reason).bind(5, at).run();
}

std::set<EntityPair> EntityMerges::kept_apart_pairs() {
  Stmt q(db_, "SELECT a, b FROM kept_apart");
  std::set<EntityPair> out;
  while (q.step()) out.emplace(q.text(0), q.text(1));
  return out;
}

std::vector<KeptApart> EntityMerges::kept_apart(const std::string& entity) {
  Stmt q(db_, "SELECT a, b, actor, reason, at FROM kept_apart WHERE a = ?1 OR b = ?1 ORDER BY a, b");
  q.bind(1, entity);
  std::vector<KeptApart> out;
  while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)});
  return out;
}

}  // namespace corridor::store
