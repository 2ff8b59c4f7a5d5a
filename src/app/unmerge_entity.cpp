#include <algorithm>
#include <set>

#include "app/resolve_case.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "store/ledger_batch.hpp"
#include "store/audit_ledger.hpp"
#include "store/entity_merges.hpp"
#include "store/indicator_store.hpp"
#include "store/statement_store.hpp"

namespace corridor::app {

namespace {

// Dismisses the open same_person indicators that joined a pair now kept apart.
std::size_t dismiss_indicators(store::Db& db, const std::vector<std::string>& restored,
                               const std::set<store::EntityPair>& apart, const std::string& actor,
                               const std::string& reason, const std::string& at) {
  store::IndicatorStore indicators(db);
  std::set<std::int64_t> done;
  for (const auto& r : restored) {
    store::IndicatorFilter f;
    f.detector = kSamePersonDetector;
    f.review = ReviewState::Open;
    f.subject = r;
    for (const auto& ind : indicators.list(f)) {
      if (ind.subjects.size() != 2 || !apart.contains(store::entity_pair(ind.subjects[0], ind.subjects[1]))) continue;
      if (done.insert(ind.id).second) indicators.review(ind.id, ReviewState::Dismissed, actor, reason, at);
    }
  }
  return done.size();
}

}  // namespace

UnmergeResult unmerge_entity(store::CaseFolder& c, const std::string& entity, bool whole_cluster,
                             const std::string& actor, const std::string& reason) {
  if (reason.empty()) throw Error("unmerge " + entity, "give the reason for undoing the merge");
  store::Transaction tx(c.db());
  store::LedgerBatch batch(c.db());
  const auto e = store::StatementStore(c.db()).entity(entity);
  if (!e) throw Error("entity " + entity, "no such entity in the case");
  store::EntityMerges merges(c.db());
  const std::vector<std::string> members = merges.members(e->canonical_id);
  if (members.size() < 2) throw Error("entity " + entity, "is not merged with any other entity");

  UnmergeResult out;
  out.former_canonical = e->canonical_id;
  if (whole_cluster)
    out.restored = members;
  else
    out.restored = {entity};
  for (const auto& m : members)
    if (std::find(out.restored.begin(), out.restored.end(), m) == out.restored.end()) out.remaining.push_back(m);
  // A single member left is merged with nobody: it is restored too.
  if (out.remaining.size() == 1) {
    out.restored.push_back(out.remaining.front());
    out.remaining.clear();
  }
  std::sort(out.restored.begin(), out.restored.end());

  const std::string at = utc_now();
  std::set<store::EntityPair> apart;
  for (const auto& r : out.restored) {
    merges.set_canonical(r, r);
    for (const auto& m : members)
      if (m != r && apart.insert(store::entity_pair(r, m)).second) merges.keep_apart(r, m, actor, reason, at);
  }
  if (!out.remaining.empty()) {
    // The representative left: the rest take the smallest id among them.
    out.remaining_canonical = out.remaining.front();
    for (const auto& m : out.remaining) merges.set_canonical(m, out.remaining_canonical);
  }
  out.kept_apart = apart.size();
  out.dismissed = dismiss_indicators(c.db(), out.restored, apart, actor, reason, at);

  store::AuditLedger ledger(c.db());
  batch.commit(ledger,
               store::EntryContent{actor, store::audit_action::kAlteration,
                                   "unmerge " +
                                       (whole_cluster ? "cluster " + out.former_canonical
                                                      : "entity " + entity + " from " + out.former_canonical) +
                                       ": " + std::to_string(out.restored.size()) + " restored, " +
                                       std::to_string(out.kept_apart) + " pairs kept apart",
                                   reason, "", ""},
               c.keys());
  tx.commit();
  return out;
}

}  // namespace corridor::app
