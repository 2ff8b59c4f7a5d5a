#include "app/record_access.hpp"

#include <mutex>
#include <unordered_map>

#include "store/audit_ledger.hpp"

namespace corridor::app {

namespace {

// The ledger entries of one case's readers in this process, one after another. Each takes
// the case's write lock; threads of a server that meet SQLite's lock instead sleep in its
// busy handler (up to 100 ms at a time) while others go ahead, which made the slowest
// answers under load ten times the typical one.
std::mutex& writer_of(const std::string& db_path) {
  static std::mutex guard;
  static std::unordered_map<std::string, std::mutex> writers;
  const std::lock_guard lock(guard);
  return writers[db_path];
}

}  // namespace

void record_access(store::CaseFolder& c, const std::string& actor, const std::string& action,
                   const std::string& object, const std::string& justification) {
  const std::lock_guard one_at_a_time(writer_of(c.db().path()));
  store::Transaction tx(c.db());
  store::AuditLedger ledger(c.db());
  ledger.append(actor, action, object, justification);
  ledger.checkpoint(c.keys());
  tx.commit();
}

}  // namespace corridor::app
