#include "app/verify_case.hpp"

#include <set>

#include "app/actor.hpp"
#include "core/time.hpp"
#include "store/audit_ledger.hpp"
#include "store/evidence_store.hpp"

namespace corridor::app {

namespace {

void check_items(store::CaseFolder& c, const std::vector<Evidence>& items, bool show, VerifyReport& r) {
  std::uint64_t total = 0;
  for (const auto& e : items) total += e.size;
  Progress progress("verifying", total, show);
  for (const auto& e : items) {
    const std::string label = "evidence " + std::to_string(e.id) + " " + e.sha256 + " (" + e.original_name + ")";
    ++r.items_checked;
    if (!c.vault().contains(e.sha256)) {
      r.problems.push_back(label + ": missing from the vault");
      continue;
    }
    const std::string now = c.vault().rehash(e.sha256, &progress);
    if (now != e.sha256) r.problems.push_back(label + ": vault copy changed, it now hashes to " + now);
  }
  std::set<std::string> known;
  for (const auto& e : items) known.insert(e.sha256);
  for (const auto& sha : c.vault().list())
    if (!known.count(sha))
      r.notes.push_back("vault holds " + sha + ", which no evidence row records (an add was interrupted before it committed)");
  for (const auto& t : c.vault().temporaries())
    r.notes.push_back("vault/tmp holds " + t + ", a temporary of an add or ingest still running or interrupted");
}

}  // namespace

VerifyReport verify_case(store::CaseFolder& c, const std::string& actor, bool progress) {
  VerifyReport r;
  store::EvidenceStore evidence(c.db());
  const auto items = evidence.list();
  check_items(c, items, progress, r);
  store::AuditLedger ledger(c.db());
  r.ledger_entries = ledger.size();
  for (const auto& p : ledger.verify(c.meta("public_key")))
    r.problems.push_back(p.seq ? "audit entry " + std::to_string(*p.seq) + ": " + p.what : "audit ledger: " + p.what);
  if (!r.ok()) return r;

  store::Transaction tx(c.db());
  const std::string now = utc_now(), tool = tool_name();
  for (const auto& e : items)
    evidence.add_custody({0, e.sha256, CustodyAction::Verified, actor, now, "sha256 re-hash", tool, "", ""});
  ledger.append(actor, store::audit_action::kConsultation, "case (verify " + std::to_string(items.size()) + " items)",
                "integrity check");
  ledger.checkpoint(c.keys());
  tx.commit();
  return r;
}

}  // namespace corridor::app
