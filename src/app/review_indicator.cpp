#include "app/review_indicator.hpp"

#include <algorithm>

#include "app/resolve_case.hpp"
#include "core/time.hpp"
#include "store/entity_merges.hpp"
#include "store/statement_store.hpp"
#include "store/audit_ledger.hpp"
#include "store/ledger_batch.hpp"

namespace corridor::app {

namespace {

// A confirmed same-person proposal merges the two persons' clusters: every member takes
// the smaller of the two canonical ids.
void apply_confirmed_merge(store::Db& db, const Indicator& ind) {
  if (ind.detector != kSamePersonDetector || ind.subjects.size() != 2) return;
  store::StatementStore entities(db);
  const auto a = entities.entity(ind.subjects[0]), b = entities.entity(ind.subjects[1]);
  if (!a || !b || a->canonical_id == b->canonical_id) return;
  const std::string target = std::min(a->canonical_id, b->canonical_id);
  store::EntityMerges merges(db);
  for (const auto& canonical : {a->canonical_id, b->canonical_id})
    for (const auto& member : merges.members(canonical))
      if (member != target || canonical != target) merges.set_canonical(member, target);
}

}  // namespace

store::IndicatorReview review_indicator(store::CaseFolder& c, std::int64_t id, ReviewState decision,
                                        const std::string& actor, const std::string& reason) {
  store::Transaction tx(c.db());
  store::LedgerBatch batch(c.db());
  store::IndicatorStore indicators(c.db());
  auto review = indicators.review(id, decision, actor, reason, utc_now());
  if (decision == ReviewState::Confirmed)
    if (const auto ind = indicators.get(id)) apply_confirmed_merge(c.db(), *ind);
  store::AuditLedger ledger(c.db());
  batch.commit(ledger,
               store::EntryContent{actor, store::audit_action::kAlteration,
                                   "indicator " + std::to_string(id) + " (" + review.detector + ") " + to_string(decision),
                                   reason, "", ""},
               c.keys());
  tx.commit();
  return review;
}

}  // namespace corridor::app
