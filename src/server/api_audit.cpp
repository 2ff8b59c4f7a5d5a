// GET /cases/{case}/audit: the ledger for the auditor (and an admin member), newest last,
// a page at a time; redacted entries show that they were redacted, not what they held.
// Reading the ledger is itself logged, as `corridor log` logs it.
// GET /cases/{case}/bias-audit: the bias audit (aggregates, no person), for the auditor.
#include "app/bias_audit_json.hpp"
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

Response bias_audit(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kConsult)) return *refused;
  app::BiasAuditSettings s;
  s.min_score = number_query(ctx, "min_score", 0, 1, s.min_score);
  s.min_group = static_cast<std::size_t>(whole_query(ctx, "min_group", 1, 1000000, static_cast<std::int64_t>(s.min_group)));
  s.reference_date = ctx.req.param("reference_date");
  if (!s.reference_date.empty() && !app::valid_reference_date(s.reference_date))
    return error_response(400, "reference_date is a date YYYY-MM-DD");
  const auto r = app::audit_bias_in_case(*ctx.c, s);
  app::record_access(*ctx.c, ctx.actor(), store::audit_action::kConsultation, app::bias_audit_summary(r), ctx.why());
  return ok(app::bias_audit_json(ctx.case_name, r));
}

}  // namespace corridor::server
