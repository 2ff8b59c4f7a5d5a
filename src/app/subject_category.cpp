#include "app/subject_category.hpp"

#include "core/time.hpp"
#include "store/audit_ledger.hpp"
#include "store/ledger_batch.hpp"

namespace corridor::app {

store::SubjectCategorisation categorise_subject(store::CaseFolder& c, const std::string& entity,
                                                const std::string& category, const std::string& actor,
                                                const std::string& why) {
  store::Transaction tx(c.db());
  store::LedgerBatch batch(c.db());
  store::SubjectCategories categories(c.db());
  const std::string before = categories.category_of(entity);
  auto added = categories.add(entity, category, actor, why, utc_now());
  store::AuditLedger ledger(c.db());
  batch.commit(ledger,
               store::EntryContent{actor, store::audit_action::kAlteration,
                                   "subject " + entity + " category " + before + " -> " + category, why, "", ""},
               c.keys());
  tx.commit();
  return added;
}

}  // namespace corridor::app
