// GET /cases/{case}/audit: the ledger for the auditor (and an admin member), newest last,
// a page at a time; redacted entries show that they were redacted, not what they held.
// Reading the ledger is itself logged, as `corridor log` logs it.
#include "app/record_access.hpp"
#include "server/api.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"

namespace corridor::server {

Response audit_log(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kConsult)) return *refused;
  const Page page = page_of(ctx);
  store::AuditLedger ledger(ctx.c->db());
  const auto total = ledger.size();
  const auto entries = ledger.entries(page.offset, page.limit);
  app::record_access(*ctx.c, ctx.actor(), store::audit_action::kConsultation, "audit log", ctx.why());
  auto out = nlohmann::ordered_json::array();
  for (const auto& e : entries)
    out.push_back({{"seq", e.seq},
                   {"at", e.at},
                   {"action", e.action},
                   {"actor", e.actor},
                   {"os_user", e.os_user},
                   {"object", e.object},
                   {"justification", e.justification},
                   {"redacted", e.redacted},
                   {"hash", e.hash}});
  return ok({{"total", total}, {"offset", page.offset}, {"entries", out}});
}

}  // namespace corridor::server
