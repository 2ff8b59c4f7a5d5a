#include "app/restrict_entity.hpp"

#include <map>

#include "core/error.hpp"
#include "core/time.hpp"
#include "store/audit_ledger.hpp"
#include "store/ledger_batch.hpp"

namespace corridor::app {

namespace {

// Cluster -> its latest restriction row (restricted flag and the row).
std::map<std::string, std::pair<bool, Restriction>> latest_by_cluster(store::Db& db) {
  std::map<std::string, std::pair<bool, Restriction>> out;
  store::Stmt q(db, "SELECT e.canonical_id, r.restricted, r.entity, r.actor, r.why, r.at FROM restrictions r "
                    "JOIN entities e ON e.id = r.entity ORDER BY r.id");
  while (q.step()) out[q.text(0)] = {q.int64(1) != 0, Restriction{q.text(2), q.text(3), q.text(4), q.text(5)}};
  return out;
}

}  // namespace

void restrict_entity(store::CaseFolder& c, const std::string& entity, bool restricted, const std::string& actor,
                     const std::string& why) {
  if (why.empty()) throw Error((restricted ? "restrict " : "lift the restriction of ") + entity, "needs --why", 2);
  store::Transaction tx(c.db());
  {
    store::Stmt exists(c.db(), "SELECT 1 FROM entities WHERE id = ?");
    exists.bind(1, entity);
    if (!exists.step()) throw Error("entity " + entity, "no such entity in the case", 3);
  }
  store::LedgerBatch batch(c.db());
  store::Stmt put(c.db(), "INSERT INTO restrictions(entity, restricted, actor, why, at) VALUES(?,?,?,?,?)");
  put.bind(1, entity).bind(2, static_cast<std::int64_t>(restricted)).bind(3, actor).bind(4, why).bind(5, utc_now()).run();
  store::AuditLedger ledger(c.db());
  batch.commit(ledger,
               store::EntryContent{actor, store::audit_action::kAlteration,
                                   (restricted ? "restricted entity " : "lifted the restriction of entity ") + entity, why,
                                   "", ""},
               c.keys());
  tx.commit();
}

std::vector<Restriction> restrictions_in_force(store::Db& db) {
  std::vector<Restriction> out;
  for (const auto& [cluster, latest] : latest_by_cluster(db))
    if (latest.first) out.push_back(latest.second);
  return out;
}

std::vector<std::string> restricted_clusters(store::Db& db) {
  std::vector<std::string> out;
  for (const auto& [cluster, latest] : latest_by_cluster(db))
    if (latest.first) out.push_back(cluster);
  return out;
}

}  // namespace corridor::app
