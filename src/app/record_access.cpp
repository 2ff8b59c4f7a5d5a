#include "app/record_access.hpp"

#include "store/audit_ledger.hpp"

namespace corridor::app {

void record_access(store::CaseFolder& c, const std::string& actor, const std::string& action,
                   const std::string& object, const std::string& justification) {
  store::Transaction tx(c.db());
  store::AuditLedger ledger(c.db());
  ledger.append(actor, action, object, justification);
  ledger.checkpoint(c.keys());
  tx.commit();
}

}  // namespace corridor::app
