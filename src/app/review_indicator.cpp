#include "app/review_indicator.hpp"

#include "core/time.hpp"
#include "store/audit_ledger.hpp"

namespace corridor::app {

store::IndicatorReview review_indicator(store::CaseFolder& c, std::int64_t id, ReviewState decision,
                                        const std::string& actor, const std::string& reason) {
  store::Transaction tx(c.db());
  store::IndicatorStore indicators(c.db());
  auto review = indicators.review(id, decision, actor, reason, utc_now());
  store::AuditLedger ledger(c.db());
  ledger.append(actor, store::audit_action::kAlteration,
                "indicator " + std::to_string(id) + " (" + review.detector + ") " + to_string(decision), reason);
  ledger.checkpoint(c.keys());
  tx.commit();
  return review;
}

}  // namespace corridor::app
